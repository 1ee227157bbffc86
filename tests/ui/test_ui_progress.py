""""Din udvikling": the pooled profile across stored meetings, and "delete all my data"."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from game import paths
from game.coach import progress as coach_progress
from game.coach.progress import DeleteResult, pooled_profile, sessions_dir, store_session
from game.engine.session import Session
from game.i18n import t, tn

from .test_ui_text import _all_records_fit

SID = "rehab-first-meeting"


def _name(p) -> str:
    return type(p.screen).__name__


def _store_two(p) -> None:
    """Two finished meetings of the test scenario, stored as the window stores them."""
    sc = p.app.sources[SID]
    for picks in ([2, 1, 1, 1], [1, 3, 2, 1]):
        s = Session(sc, principle_ids=p.app.principle_ids)
        i = 0
        while not s.ended:
            n = picks[i % len(picks)]
            i += 1
            s.choose(n if n <= len(s.options()) else 1)
        store_session(s, principles=p.app.principle_ids)


def _open_by_keyboard(p) -> None:
    assert _name(p) == "StartScreen"
    for _ in range(20):
        if p.focus_key == "start.progress":
            break
        p.press("TAB")
    assert p.focus_key == "start.progress"
    p.press("RETURN")
    assert _name(p) == "ProgressScreen"


def _focus(p, key: str) -> None:
    for _ in range(40):
        if p.focus_key == key:
            return
        p.press("TAB")
    raise AssertionError(f"{key} never got the focus; have {p.keys()}")


def _expected(p):
    return pooled_profile(principles=p.app.principles, lang=p.app.settings.lang, scenarios=p.app.sources)


def test_rows_pool_the_stored_meetings_words_first_numbers_on_request(pilot):
    p = pilot
    _store_two(p)
    _open_by_keyboard(p)
    want = _expected(p)
    assert want.sessions == 2
    assert p.find("progress.pooled").text == tn("ui.progress.pooled", 2, "da") == "Bygget på 2 møder"
    rows = p.find("progress.chart").rows
    assert [r[0] for r in rows] == [r.name for r in want.rows]
    in_play = [r for r in want.rows if r.sessions]
    assert in_play and any(not r.sessions for r in want.rows)
    for (name, bar, words, number), r in zip(rows, want.rows):
        assert number is None
        assert words.startswith(r.word)
        assert "af 100" not in words                      # numbers are off by default
        if r.sessions:
            assert r.evidence in words and "2 møder" in words
            assert bar is not None
        else:
            assert words == "ikke i spil" and bar is None
    # the same page with numbers: the pooled values, not an average of the two meetings
    p.press("ESCAPE")
    p.app.settings.show_numbers = True
    p.app.apply_settings()
    p.press("RETURN")
    assert _name(p) == "ProgressScreen"
    rows = p.find("progress.chart").rows
    for (name, bar, words, number), r in zip(rows, want.rows):
        if r.value is not None:
            assert f"{r.word}, {r.value:.0f} af 100 – {r.evidence}" == words
            assert bar == pytest.approx(r.value)
    # Esc goes back to the start page with the focus where it was
    p.press("ESCAPE")
    assert _name(p) == "StartScreen" and p.focus_key == "start.progress"


def test_the_page_in_english(pilot_factory):
    p = pilot_factory(lang="en")
    _store_two(p)
    _open_by_keyboard(p)
    assert p.screen.title() == "Your progress"
    assert p.find("progress.pooled").text == "Based on 2 meetings"
    want = _expected(p)
    assert [r[2].split(" – ")[0] for r in p.find("progress.chart").rows] == [r.word for r in want.rows]


def test_empty_state_points_to_the_library(pilot):
    p = pilot
    _open_by_keyboard(p)
    assert p.find("progress.empty") is not None and p.find("progress.chart") is None
    assert p.focus_key == "progress.choose"
    assert not (paths.user_data_dir() / "sessions").exists()   # looking creates nothing
    p.press("RETURN")
    assert _name(p) == "LibraryScreen"
    p.press("ESCAPE")
    assert _name(p) == "ProgressScreen"


def test_skipped_files_are_named(pilot):
    p = pilot
    _store_two(p)
    (sessions_dir() / "broken.json").write_bytes(b'{"kind": "meeting')
    _open_by_keyboard(p)
    notes = p.find("progress.notes")
    assert notes is not None
    assert any("broken.json" in getattr(w, "text", "") for w in notes.walk())
    assert p.find("progress.pooled").text == "Bygget på 2 møder"


def test_no_keep_keeps_everything(pilot):
    p = pilot
    _store_two(p)
    before = sorted(sessions_dir().iterdir())
    _open_by_keyboard(p)
    _focus(p, "progress.delete")
    p.press("RETURN")
    assert p.find("progress.confirm") is not None
    assert p.focus_key == "progress.no"               # the safe answer has the focus
    p.press("RETURN")
    assert p.find("progress.confirm") is None and p.focus_key == "progress.delete"
    assert sorted(sessions_dir().iterdir()) == before
    # Esc on the question also says no, and stays on the page
    p.press("RETURN")
    p.press("ESCAPE")
    assert _name(p) == "ProgressScreen" and p.find("progress.confirm") is None
    assert sorted(sessions_dir().iterdir()) == before


def test_delete_all_after_a_second_yes_and_the_app_keeps_working(pilot):
    p = pilot
    app = p.app
    _store_two(p)
    app.statement = {"intro": "Jeg hedder Åse."}
    assert app.save_statement()
    app.settings.text_size = 125
    app.apply_settings()
    home = paths.user_data_dir().parent
    assert (paths.user_config_dir() / "settings.json").exists()
    _open_by_keyboard(p)
    _focus(p, "progress.delete")
    p.press("RETURN")
    assert p.focus_key == "progress.no"
    p.press("LEFT")
    assert p.focus_key == "progress.yes"
    p.press("RETURN")
    # everything is gone, and the page says so
    assert not (home / "data" / "sessions").exists()
    assert not (home / "data" / "statement.json").exists()
    assert not (home / "config" / "settings.json").exists()
    box = p.find("progress.deleted")
    texts = [w.text for w in box.walk() if hasattr(w, "text")]
    assert t("ui.progress.deleted_title", "da") in texts
    assert p.focus_key == "progress.home"
    # in memory too: default settings, an empty statement
    assert app.settings.text_size == 100 and app.settings.lang == "da"
    assert app.statement == {}
    p.press("RETURN")
    assert _name(p) == "StartScreen"
    # the library and a meeting still work
    _focus(p, "start.choose")
    p.press("RETURN")
    assert _name(p) == "LibraryScreen"
    p.press("ESCAPE")
    _focus(p, "start.statement")
    p.press("RETURN")
    assert _name(p) == "StatementScreen"
    assert all(a.text == "" for a in p.screen.areas.values())
    p.press("ESCAPE")
    _open_by_keyboard(p)
    assert p.find("progress.empty") is not None
    # quitting does not write the settings back
    app.on_quit()
    assert not (home / "config" / "settings.json").exists()


def test_files_that_could_not_be_deleted_are_named(pilot, monkeypatch):
    p = pilot
    stuck = Path("/tmp/meeting-trainer-stuck/statement.json")
    monkeypatch.setattr(coach_progress, "delete_all", lambda: DeleteResult(4, [stuck]))
    _open_by_keyboard(p)
    _focus(p, "progress.delete")
    p.press("RETURN")
    p.press("LEFT")
    p.press("RETURN")
    texts = [w.text for w in p.find("progress.deleted").walk() if hasattr(w, "text")]
    assert t("ui.progress.partly_title", "da") in texts
    assert tn("ui.progress.partly", 1, "da") in texts
    assert "• " + str(stuck) in texts


@pytest.mark.parametrize("size", [(1280, 720), (1024, 600)])
def test_nothing_is_clipped_at_200_percent(pilot_factory, size):
    p = pilot_factory(size)
    _store_two(p)
    (sessions_dir() / "broken.json").write_bytes(b"[1]")
    p.app.settings.text_size = 200
    p.app.settings.show_numbers = True
    p.app.apply_settings()
    p.click("start.progress")
    assert not _all_records_fit(p)
    p.click("progress.delete")
    assert p.focus_key == "progress.no"
    assert not _all_records_fit(p)
    no = p.find("progress.no")
    s = p.screen
    assert s.scroll <= no.rect.top and no.rect.bottom <= s.scroll + s.viewport.h   # the answer is in view
    p.press("LEFT")
    p.press("RETURN")
    assert not _all_records_fit(p)


def test_settings_file_is_written_again_once_the_player_changes_something(pilot):
    p = pilot
    _open_by_keyboard(p)
    _focus(p, "progress.delete")
    p.press("RETURN")
    p.press("LEFT")
    p.press("RETURN")
    p.app.change_text_size(1)
    data = json.loads((paths.user_config_dir() / "settings.json").read_text(encoding="utf-8"))
    assert data["text_size"] == 125
