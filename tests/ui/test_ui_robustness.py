"""Bad input never stops the game: it starts, says calmly what it could not use, and works."""

from __future__ import annotations

import json
import shutil
from types import SimpleNamespace

import pytest

from game import paths
from game.ui import settings as settings_mod

from .conftest import LIB, play_lines


def _start_text(p) -> str:
    return " ".join(getattr(w, "text", "") for w in p.screen.root.walk())


def test_corrupt_settings_file_gives_defaults_and_a_notice(pilot_factory):
    path = paths.user_config_dir() / "settings.json"
    path.write_text("{ this is not json", encoding="utf-8")
    p = pilot_factory()
    assert p.app.settings.text_size == 100
    assert "kunne ikke læses" in _start_text(p)
    assert p.find("notice.ok") is not None
    p.click("notice.ok")
    assert "kunne ikke læses" not in _start_text(p)


def test_hand_edited_settings_keep_what_can_be_read(pilot_factory):
    path = paths.user_config_dir() / "settings.json"
    path.write_text(json.dumps({"text_size": 175, "high_contrast": "yes", "lang": "xx",
                                "reduced_motion": True, "window": [5, 5]}), encoding="utf-8")
    p = pilot_factory()
    s = p.app.settings
    assert (s.text_size, s.reduced_motion, s.high_contrast, s.lang) == (175, True, False, "da")
    assert "Nogle af dine indstillinger" in _start_text(p)


def test_settings_are_remembered_between_runs(pilot_factory):
    p = pilot_factory()
    p.click("start.settings")
    p.click("set.text_size.150")
    p.click("set.high_contrast.True")
    p.close()
    s = settings_mod.load()
    assert (s.text_size, s.high_contrast, s.notice) == (150, True, None)
    p2 = pilot_factory()
    assert p2.app.theme.name == "high_contrast" and p2.app.metrics.text_scale == 1.5


def test_corrupt_autosave_is_reported_and_ignored(pilot_factory):
    (paths.user_data_dir() / "autosave-window.json").write_text("garbage", encoding="utf-8")
    p = pilot_factory()
    assert p.find("start.continue") is None
    assert "gemte møde kunne ikke læses" in _start_text(p)


def test_resume_after_a_kill_at_the_same_point(pilot_factory):
    p = pilot_factory()
    p.click("start.choose"); p.click("pick.rehab-first-meeting"); p.click("brief.start")
    p.settle(); play_lines(p)
    p.press("2")
    node = p.screen.session.node.id
    p.close()  # no "save and leave": the window is simply gone
    p2 = pilot_factory()
    assert p2.find("start.continue") is not None
    assert p2.focus_key == "start.continue"
    p2.press("RETURN")
    assert type(p2.screen).__name__ == "MeetingScreen"
    assert p2.screen.session.node.id == node
    assert len(p2.screen.session.history) == 1


def test_hand_edited_save_resumes_as_far_as_it_can(pilot_factory):
    p = pilot_factory()
    p.click("start.choose"); p.click("pick.rehab-first-meeting"); p.click("brief.start")
    p.settle(); play_lines(p); p.press("2")
    p.close()
    f = paths.user_data_dir() / "autosave-window.json"
    data = json.loads(f.read_text(encoding="utf-8"))
    data["session"]["choices"][0]["choice"] = 99
    f.write_text(json.dumps(data), encoding="utf-8")
    p2 = pilot_factory()
    p2.click("start.continue")
    assert type(p2.screen).__name__ == "MeetingScreen"
    assert p2.screen.session.history == []
    p2.press("ESCAPE"); p2.click("pause.leave")
    assert "kunne ikke læses" in _start_text(p2) or "fortsætter" in _start_text(p2)


def test_scenario_folder_with_one_broken_file(pilot_factory, tmp_path):
    lib = tmp_path / "lib"
    shutil.copytree(LIB, lib)
    (lib / "broken.yaml").write_text("id: broken\ntitle: [unclosed\n", encoding="utf-8")
    p = pilot_factory(scenario=str(lib))
    assert "broken.yaml" in _start_text(p)
    p.click("start.choose")
    assert p.find("pick.rehab-first-meeting") is not None


def test_missing_font_falls_back_calmly(pilot_factory, tmp_path, monkeypatch):
    assets = tmp_path / "assets"
    (assets / "fonts").mkdir(parents=True)
    monkeypatch.setattr(paths, "assets_dir", lambda: assets)
    p = pilot_factory()
    assert "skrifttype manglede" in _start_text(p)
    p.click("start.choose")
    p.click("pick.rehab-first-meeting")
    p.click("brief.start")
    p.settle()
    assert type(p.screen).__name__ == "MeetingScreen"


def test_huge_statement_with_emoji(pilot_factory):
    text = ("Jeg hedder Ida 😀 og jeg vil gerne tale om mit liv ✓ " * 200)[:10_000]
    (paths.user_data_dir() / "statement.json").write_text(
        json.dumps({"intro": text, "important": "🌱" * 50, "help": "", "so_that": ""}), encoding="utf-8")
    p = pilot_factory()
    p.click("start.statement")
    area = p.find("statement.intro")
    assert len(area.text) == 10_000
    body = _start_text(p)
    assert "langt" in body and "emoji" in body
    p.press("END", mod=0x0040)  # Ctrl+End: to the end of the text; the view follows the caret
    p.type("æøå")
    assert p.find("statement.intro").text.endswith("æøå")
    p.press("ESCAPE")
    p.click("start.choose"); p.click("pick.rehab-first-meeting"); p.click("brief.start")
    p.settle(); play_lines(p)
    assert p.find("choice.3") is not None
    p.press("3")  # "Jeg har skrevet lidt om mig selv": the statement is read out in the meeting
    p.press("RETURN"); p.settle()
    assert any(len(line.text) > 5000 for line in p.screen.session.lines)
    play_lines(p)


def test_statement_html_export(pilot_factory):
    p = pilot_factory()
    p.click("start.statement")
    p.type("Jeg er <Åse> & glad")
    p.click("statement.export")
    html = (paths.user_data_dir() / "statement.html").read_text(encoding="utf-8")
    assert "Jeg er &lt;Åse&gt; &amp; glad" in html and "Sådan præsenterer jeg mig selv" in html


def test_textarea_selection_and_clipboard(pilot):
    p = pilot
    p.click("start.statement")
    p.type("hej verden")
    ctrl = 0x0040
    p.press("a", mod=ctrl)
    p.press("c", mod=ctrl)
    p.press("RIGHT")
    p.type(" ")
    p.press("v", mod=ctrl)
    assert p.find("statement.intro").text == "hej verden hej verden"
    p.press("LEFT", mod=0x0001)  # shift+left selects one character
    p.press("BACKSPACE")
    assert p.find("statement.intro").text == "hej verden hej verde"


def test_no_display_falls_back_to_the_terminal(monkeypatch, capsys):
    from game.ui import app as app_mod
    monkeypatch.delenv("SDL_VIDEODRIVER", raising=False)
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setattr(app_mod.sys, "platform", "linux")
    monkeypatch.setattr(app_mod, "_terminal", lambda args: 7)
    assert app_mod.run_app(SimpleNamespace(lang="da")) == 7
    assert "ingen skærm" in capsys.readouterr().err


def test_tts_says_clearly_when_espeak_is_missing():
    from game.i18n import t
    from game.ui.tts import Narrator
    n = Narrator()
    n.program = None
    key, values = n.status("da")
    assert "espeak-ng" in t(key, "da", **values) and "ikke er installeret" in t(key, "da", **values)
    assert n.say("Hej") is False


def test_idle_window_does_not_redraw(pilot):
    p = pilot
    calls = []
    real = p.app.render
    p.app.render = lambda: (calls.append(1), real())
    p.step(20)
    assert calls == []
    p.press("TAB")
    assert len(calls) == 1


@pytest.mark.parametrize("size", [(1024, 600), (1920, 1080)])
def test_resize_reflows(pilot, size):
    p = pilot
    p.click("start.choose")
    p.resize(*size)
    assert p.app.surface.get_size() == size
    card = p.find("card.rehab-first-meeting")
    assert card.rect.right <= size[0]
