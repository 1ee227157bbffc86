"""game.i18n at run time: standard-library gettext, English falls back to Danish, keys show when missing."""

from __future__ import annotations

import subprocess
import sys

import pytest

from game import i18n
from game.i18n import t, tn

from .conftest import ROOT


def test_lookup_and_format():
    assert t("app.name") == "Mødetræner"
    assert t("app.name", "en") == "Meeting trainer"
    assert t("term.pick", "da", n=4) == "Dit valg (1–4): "
    assert t("term.pick", "en", n=4) == "Your choice (1–4): "


def test_unknown_language_is_danish():
    assert t("app.name", "de") == "Mødetræner"
    assert tn("coach.progress.points", 2, "de") == "2 beslutningspunkter"


def test_a_missing_key_shows_the_key():
    assert t("ui.no.such.key", "da") == "ui.no.such.key"
    assert t("ui.no.such.key", "en", n=3) == "ui.no.such.key"
    assert tn("ui.no.such.key", 1, "da") == "ui.no.such.key"
    assert tn("ui.no.such.key", 5, "en") == "ui.no.such.key"


def test_tn_on_a_plain_entry_shows_the_key():
    """Misused keys show up (tests/test_messages.py also catches such call sites)."""
    assert tn("app.name", 2, "da") == "app.name"


def test_count_fills_n_unless_given():
    assert tn("coach.progress.meetings", 3, "da") == "3 møder"
    assert tn("coach.progress.meetings", 3, "da", n="tre") == "tre møder"


def test_lookups_are_cached_per_language():
    assert i18n.translations("da") is i18n.translations("da")
    assert i18n.translations("en") is i18n.translations("en")
    assert i18n.translations("en") is not i18n.translations("da")


@pytest.fixture
def partial_english(tmp_path, monkeypatch):
    """Catalogues where English lacks 'x.only_da' and the plural 'x.count'."""
    babel = pytest.importorskip("babel.messages.catalog")
    from game.authoring.messages import compile_catalog
    for lang, entries in {
        "da": {"x.both": "begge", "x.only_da": "kun dansk {n}", ("x.count", "x.count.plural"):
               ("{n} ting", "{n} ting i alt")},
        "en": {"x.both": "both"},
    }.items():
        cat = babel.Catalog(locale=lang, domain=i18n.DOMAIN, fuzzy=False)
        for k, v in entries.items():
            cat.add(k, v)
        out = i18n.mo_file(lang, tmp_path)
        out.parent.mkdir(parents=True)
        out.write_bytes(compile_catalog(cat))
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    i18n.reload()
    yield
    monkeypatch.undo()
    i18n.reload()


def test_missing_english_falls_back_to_danish(partial_english):
    assert t("x.both", "en") == "both"
    assert t("x.only_da", "en", n=2) == "kun dansk 2"
    assert tn("x.count", 1, "en") == "1 ting"
    assert tn("x.count", 0, "en") == "0 ting i alt"
    assert t("app.name", "en") == "app.name"     # not in these catalogues at all


def test_missing_files_show_keys(tmp_path, monkeypatch):
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    i18n.reload()
    try:
        assert t("app.name", "en") == "app.name"
        assert tn("coach.progress.meetings", 2, "da") == "coach.progress.meetings"
    finally:
        monkeypatch.undo()
        i18n.reload()
    assert t("app.name", "en") == "Meeting trainer"


def test_the_game_does_not_need_babel_at_run_time():
    code = ("import sys; import game.i18n as i; import game.terminal, game.coach.debrief; "
            "assert i.t('app.name', 'en') == 'Meeting trainer'; "
            "assert i.tn('term.broken', 2, 'da').startswith('2 scenariefiler'); "
            "assert not [m for m in sys.modules if m.split('.')[0] == 'babel'], 'babel imported'")
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                       timeout=120)
    assert r.returncode == 0, r.stderr


def test_the_table_view_matches_the_lookups():
    STRINGS = i18n.table(("coach.", "report."))
    assert STRINGS["coach.and"] == {"da": "og", "en": "and"}
    assert STRINGS["coach.progress.meetings"] == {"da": "{n} møde", "en": "{n} meeting"}
    assert STRINGS["coach.progress.meetings.plural"] == {"da": "{n} møder", "en": "{n} meetings"}
    assert all(k.startswith(("coach.", "report.")) for k in STRINGS)
    full = i18n.table()
    assert full["ui.pause"] == {"da": "Pause", "en": "Pause"}
    assert "" not in full


def test_locale_files_ship_inside_the_package():
    """The wheel packs game/ (pyproject); the catalogues must live there, .po beside .mo."""
    for lang in i18n.LANGS:
        mo = i18n.mo_file(lang)
        assert mo.is_file() and mo.with_suffix(".po").is_file()
        assert (ROOT / "game") in mo.parents
    assert "game/locale/**/*.mo" in (ROOT / "pyproject.toml").read_text(encoding="utf-8")
