"""Practice mode, deferred feedback, English, reduced motion, read-aloud, authors' --watch."""

from __future__ import annotations

import os
import shutil
import time

import pytest

from .conftest import LIB, play_lines


def _into_meeting(p):
    p.click("start.choose")
    p.click("pick.rehab-first-meeting")
    p.click("brief.start")
    p.settle()


def test_practice_mode_steps_back(pilot_factory):
    p = pilot_factory(practice=True)
    _into_meeting(p)
    assert p.screen.session.practice
    play_lines(p)
    p.press("1")
    assert p.find("feedback.undo") is not None
    p.click("feedback.undo")
    assert p.screen.phase == "choices" and p.screen.session.history == []
    assert len(p.screen.session.undone) == 1


def test_feedback_deferred_to_the_end(pilot):
    p = pilot
    p.app.settings.feedback = "end"
    p.app.apply_settings()
    _into_meeting(p)
    play_lines(p)
    p.press("2")
    assert p.screen.phase != "feedback"
    assert len(p.screen.moments) == 1


def test_reduced_motion_shows_lines_at_once(pilot):
    p = pilot
    p.app.settings.reduced_motion = True
    _into_meeting(p)
    assert not p.screen.animating
    assert p.screen.shown >= len(p.screen.current.text)


def test_text_reveal_is_skippable(pilot):
    p = pilot
    _into_meeting(p)
    p.screen.reread()
    assert p.screen.animating
    p.press("SPACE")
    assert not p.screen.animating
    assert p.screen.idx == 0  # the first key only completes the line


def test_english_interface(pilot_factory):
    p = pilot_factory(lang="en")
    assert p.find("start.choose").label == "Choose a meeting"
    p.click("start.language")
    assert p.app.settings.lang == "da"
    assert p.find("start.choose").label == "Vælg et møde"


@pytest.mark.skipif(not shutil.which("espeak-ng"), reason="espeak-ng is not installed")
def test_read_aloud_is_stopped_when_the_player_moves_on(pilot, monkeypatch):
    p = pilot
    said = []
    monkeypatch.setattr(p.app.narrator, "say", lambda text, lang="da": said.append(text) or True)
    p.app.settings.read_aloud = True
    p.app.settings.reduced_motion = True
    _into_meeting(p)
    p.press("RETURN")
    assert len(said) >= 1


@pytest.mark.skipif(not shutil.which("espeak-ng"), reason="espeak-ng is not installed")
def test_narrator_process_is_killed_on_stop():
    from game.ui.tts import Narrator
    n = Narrator()
    assert n.voice("da") is not None
    cmd = n.command("Hej", "da")
    assert cmd[-2:] == ["--", "Hej"] and "-v" in cmd
    n.command = lambda text, lang: ["sleep", "5"]   # a stand-in that runs until killed (no sound)
    assert n.say("Hej")
    assert n.speaking()
    n.stop()
    assert not n.speaking()


def test_watch_reloads_an_edited_scenario(pilot_factory, tmp_path):
    lib = tmp_path / "lib"
    shutil.copytree(LIB, lib)
    f = lib / "rehab-first-meeting.yaml"
    p = pilot_factory(scenario=None, watch=str(f))
    assert type(p.screen).__name__ == "BriefScreen"
    p.click("brief.start")
    p.settle()
    play_lines(p)
    p.press("2")
    text = f.read_text(encoding="utf-8").replace("Godt, du spørger.", "Godt spurgt.")
    f.write_text(text, encoding="utf-8")
    os.utime(f, (time.time() + 5, time.time() + 5))
    p.app._watch_checked = 0
    assert p.app.poll_watch()
    s = p.screen
    assert type(s).__name__ == "MeetingScreen"
    assert len(s.session.history) == 1
    assert any("Godt spurgt." in line.text for line in s.session.lines)
