"""The window in the settings language (library, meeting, debrief through the translation
files) and the authors' ``--watch`` preview with half-written YAML."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from game.engine.translations import read_table

from .conftest import LIB, play_lines

ROOT = Path(__file__).resolve().parents[2]
REHAB = ROOT / "scenarios" / "rehab-first-meeting.yaml"
CSV = ROOT / "scenarios" / "locales" / "en" / "rehab-first-meeting.csv"


@pytest.fixture(scope="module")
def tr() -> dict[str, tuple[str, str]]:
    if not CSV.exists():
        pytest.skip("the bundled English file of rehab-first-meeting is missing")
    return {r.id: (r.source, r.text) for r in read_table(CSV).rows}


def drawn(p) -> str:
    """Every text the current screen lays out (header, paragraphs, buttons), after drawing
    a frame: what the player reads, from the widget tree rather than from pixels."""
    p.render()
    s = p.screen
    if s.dirty_layout:
        s.layout()
    out = []
    for w in (*s.header.walk(), *s.root.walk()):
        text = getattr(w, "text", None) if not hasattr(w, "label") else w.label
        if isinstance(text, str):
            out.append(text)
    return "\n".join(out)


def play_to_the_end(p) -> None:
    for _ in range(120):
        s = p.screen
        if type(s).__name__ != "MeetingScreen":
            return
        if s.phase == "lines":
            play_lines(p)
        elif s.phase == "choices":
            p.press("1")
        else:   # feedback, ended: the primary button has the focus
            p.press("RETURN")
            p.settle()


# -- the scenario's own text in the settings language ---------------------------------------
def test_library_meeting_and_debrief_in_english(pilot_factory, tr):
    p = pilot_factory(scenario=None)          # the bundled library, with its locales/
    assert p.app.settings.lang == "da"
    p.click("start.language")
    assert p.app.settings.lang == "en"
    p.click("start.choose")
    p.click("note.rehab-first-meeting")
    frame = drawn(p)
    assert tr["@title"][1] in frame and tr["@title"][0] not in frame
    assert tr["@content_note"][1] in frame
    p.click("pick.rehab-first-meeting")
    assert p.screen.title() == tr["@title"][1]
    assert tr["@summary"][1] in drawn(p)
    p.click("brief.start")
    p.settle()
    s = p.screen
    assert type(s).__name__ == "MeetingScreen" and s.session.lang == "en"
    assert s.current.text == tr["velkomst.say1"][1]
    frame = drawn(p)
    assert tr["velkomst.say1"][1] in frame and tr["velkomst.say1"][0] not in frame
    room = s.session.scenario.characters                   # the name plates in the room
    assert room["peter"].title == tr["@char.peter.title"][1]
    assert s.session.character_title("peter") == tr["@char.peter.title"][1]
    play_lines(p)
    assert p.find("choice.1").label == tr["velkomst.c1"][1]
    p.press("1")
    fb = p.screen.feedback_view
    assert fb.chosen == tr["velkomst.c1"][1]
    assert any(tr["velkomst.c1.feedback"][1] in line for line in fb.lines), fb.lines
    play_to_the_end(p)
    d = p.screen
    assert type(d).__name__ == "DebriefScreen"
    end = d.session.node.id
    assert d.view.title == tr[end + ".end"][1]
    assert tr[end + ".end"][1] in drawn(p)


def test_switching_language_during_a_meeting(pilot_factory, tr):
    p = pilot_factory(scenario=None)
    p.click("start.choose")
    p.click("pick.rehab-first-meeting")
    p.click("brief.start")
    p.settle()
    assert p.screen.current.text == tr["velkomst.say1"][0]
    p.press("RETURN")
    p.settle()
    idx = p.screen.idx
    p.press("ESCAPE")
    p.click("pause.settings")
    p.click("set.lang.en")
    p.press("ESCAPE")
    p.press("ESCAPE")
    s = p.screen
    assert type(s).__name__ == "MeetingScreen"
    assert s.idx == idx and s.current.text == tr["velkomst.say2"][1]
    assert s.title() == tr["@title"][1]
    play_lines(p)
    assert p.find("choice.1").label == tr["velkomst.c1"][1]


# -- the authors' live preview ------------------------------------------------------------
def _touch(f: Path, text: str, ahead: float) -> None:
    f.write_text(text, encoding="utf-8")
    os.utime(f, (time.time() + ahead, time.time() + ahead))


def _poll(p) -> bool:
    p.app._watch_checked = 0
    changed = p.app.poll_watch()
    p.step()
    return changed


def test_watch_shows_errors_of_half_written_yaml_and_recovers(pilot_factory, tmp_path, capsys):
    lib = tmp_path / "lib"
    shutil.copytree(LIB, lib)
    f = lib / "rehab-first-meeting.yaml"
    good = f.read_text(encoding="utf-8")
    p = pilot_factory(scenario=None, watch=str(f))
    assert p.app.watcher is not None and p.app.watcher.ok
    p.click("brief.start")
    p.settle()
    play_lines(p)
    p.press("2")
    assert len(p.screen.session.history) == 1

    _touch(f, good[: len(good) // 2] + "\n  - say: [oops\n", 5)
    assert _poll(p)
    s = p.screen
    assert type(s).__name__ == "WatchErrorScreen"
    assert " error: " in s.text and "MT" in s.text
    frame = drawn(p)
    assert "Filen har fejl" in frame and p.app.watcher.errors[0].message[:30] in frame
    assert p.app.running

    # the last good version stays playable underneath
    p.click("watch.back")
    assert type(p.screen).__name__ == "MeetingScreen"
    assert len(p.screen.session.history) == 1
    assert not _poll(p)                       # nothing saved since: the screen stays away

    # saved broken again (another way): the errors come back, in one screen
    _touch(f, good.replace("start: velkomst", "start: velkomsten"), 10)
    assert _poll(p)
    assert type(p.screen).__name__ == "WatchErrorScreen" and "MT301" in p.screen.text
    _touch(f, good.replace("start: velkomst", "start: velkomst_x"), 15)
    assert _poll(p)
    assert sum(type(x).__name__ == "WatchErrorScreen" for x in p.app.stack) == 1

    # fixed (and edited): the error screen closes, the choice so far is replayed
    _touch(f, good.replace("Godt, du spørger.", "Godt spurgt."), 20)
    assert _poll(p)
    s = p.screen
    assert type(s).__name__ == "MeetingScreen"
    assert not any(type(x).__name__ == "WatchErrorScreen" for x in p.app.stack)
    assert len(s.session.history) == 1
    assert any("Godt spurgt." in line.text for line in s.session.lines)
    assert "Genindlæst" in capsys.readouterr().err
    assert s.banner == "Genindlæst. Dit valg blev spillet igen."   # shown in the window too
    while s.phase == "lines":
        s.advance()
    s.choose(1)
    assert s.banner is None                                        # until the next choice


def test_watch_starting_with_a_broken_file(pilot_factory, tmp_path):
    lib = tmp_path / "lib"
    shutil.copytree(LIB, lib)
    f = lib / "rehab-first-meeting.yaml"
    good = f.read_text(encoding="utf-8")
    f.write_text(good.replace("start: velkomst", "start: nowhere"), encoding="utf-8")
    p = pilot_factory(scenario=None, watch=str(f))
    s = p.screen
    assert type(s).__name__ == "WatchErrorScreen" and "MT301" in s.text
    assert p.find("watch.back") is None         # no good version to go back to yet
    drawn(p)
    _touch(f, good, 5)
    assert _poll(p)
    assert type(p.screen).__name__ == "BriefScreen"
    p.click("brief.start")
    p.settle()
    assert type(p.screen).__name__ == "MeetingScreen"
