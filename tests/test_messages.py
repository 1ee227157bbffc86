"""The interface text catalogues (game/locale/*/LC_MESSAGES/meeting_trainer.po) and their MO files."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest

pytest.importorskip("babel")   # the author side compiles with Babel (the test extra)

from game.authoring import messages  # noqa: E402
from game.i18n import LANGS, tn  # noqa: E402

from .conftest import ROOT  # noqa: E402


@pytest.fixture
def locale(tmp_path):
    """A copy of game/locale to break on purpose."""
    dst = tmp_path / "locale"
    shutil.copytree(ROOT / "game" / "locale", dst)
    return dst


def _edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# ---------------------------------------------------------------- the shipped files

def test_mo_files_match_their_po_files():
    assert messages.stale() == [], "an .mo file is stale: run make messages"


def test_catalogues_are_consistent():
    assert messages.check_catalogues() == []


def test_every_key_used_in_the_code_is_in_the_catalogues():
    report = messages.key_report()
    assert report.missing == {lang: [] for lang in LANGS}
    assert report.wrong_kind == []


def test_headers_name_the_language_and_the_danish_plural_rule():
    for lang in LANGS:
        text = messages.po_file(lang).read_text(encoding="utf-8")
        assert f'"Language: {lang}\\n"' in text
        assert '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"' in text
        assert '"Content-Type: text/plain; charset=utf-8\\n"' in text


def test_no_hand_built_plurals_left_in_the_texts():
    for lang in LANGS:
        for key, texts in messages.entries(messages.read_catalog(lang)).items():
            for text in texts:
                assert not re.search(r"\w\((?:e?r|s|en|ne)\)", text), (lang, key, text)


def test_plural_entries_follow_the_convention():
    plural = {k: v for k, v in messages.entries(messages.read_catalog("da")).items() if len(v) > 1}
    assert {"term.broken", "ui.notice.broken", "coach.ending.stopped", "coach.practice_steps",
            "coach.skills.rq_only_reflections", "coach.progress.meetings",
            "coach.progress.points"} <= set(plural)
    for m in messages.read_catalog("en"):
        if m.id and m.pluralizable:
            assert m.id[1] == m.id[0] + ".plural"


def test_the_tool_checks_without_writing():
    r = subprocess.run([sys.executable, str(ROOT / "tools" / "compile_messages.py"), "--check"],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr


# ---------------------------------------------------------------- Danish plural selection

@pytest.mark.parametrize("n, da, en", [
    (0, "0 møder", "0 meetings"),          # Danish: 0 takes the plural, as in English
    (1, "1 møde", "1 meeting"),
    (2, "2 møder", "2 meetings"),
    (21, "21 møder", "21 meetings"),       # no Slavic-style rule for 21
])
def test_danish_plural_selection(n, da, en):
    assert tn("coach.progress.meetings", n, "da") == da
    assert tn("coach.progress.meetings", n, "en") == en


def test_every_plural_entry_picks_its_forms():
    for lang in LANGS:
        for key, forms in messages.entries(messages.read_catalog(lang)).items():
            if len(forms) == 1:
                continue
            values = {"n": 7, "r": 7, "files": "a.yaml", "file": "a.yaml", "kept": 1, "node": "x"}
            assert tn(key, 1, lang, **{**values, "n": 1, "r": 1}) == forms[0].format(
                **{**values, "n": 1, "r": 1}), (lang, key)
            for n in (0, 2, 7):
                assert tn(key, n, lang, **{**values, "n": n, "r": n}) == forms[1].format(
                    **{**values, "n": n, "r": n}), (lang, key, n)


def test_converted_call_sites_read_well():
    assert tn("term.broken", 1, "da") == "1 scenariefil kunne ikke bruges og er sprunget over."
    assert tn("term.broken", 3, "en") == "3 scenario files could not be used and were skipped."
    assert tn("coach.practice_steps", 1, "en") == "You stepped back once along the way."
    assert tn("coach.practice_steps", 2, "en") == "You stepped back 2 times along the way."
    assert "1 refleksion og" in tn("coach.skills.rq_only_reflections", 1, "da", r=1)
    assert "2 refleksioner og" in tn("coach.skills.rq_only_reflections", 2, "da", r=2)
    assert "(0 choices)" in tn("coach.ending.stopped", 0, "en")
    assert "(1 choice)" in tn("coach.ending.stopped", 1, "en")


# ---------------------------------------------------------------- the checks catch problems

def test_a_changed_po_makes_its_mo_stale_and_compiling_fixes_it(locale):
    assert messages.stale(locale) == []
    _edit(messages.po_file("en", locale), 'msgstr "Meeting trainer"', 'msgstr "Meeting coach"')
    assert messages.stale(locale) == ["en"]
    assert messages.compile_all(locale) == {"da": "unchanged", "en": "written"}
    assert messages.stale(locale) == []


def test_plural_forms_changes_count_as_stale(locale):
    _edit(messages.po_file("da", locale), "plural=(n != 1)", "plural=(n > 1)")
    assert messages.stale(locale) == ["da"]


def test_a_missing_mo_is_stale(locale):
    messages.mo_file("da", locale).unlink()
    assert messages.stale(locale) == ["da"]


def test_only_the_header_differs_is_not_stale(locale):
    """Contents are compared, not bytes: another Babel version writes another header."""
    cat = messages.read_catalog("da", locale)
    cat.last_translator = "Someone else"
    messages.mo_file("da", locale).write_bytes(messages.compile_catalog(cat))
    assert messages.stale(locale) == []


def test_different_key_sets_are_caught(locale):
    _edit(messages.po_file("en", locale), 'msgid "app.tagline"', 'msgid "app.tagline2"')
    problems = messages.check_catalogues(locale)
    assert "en: app.tagline: in the da catalogue only" in problems
    assert "en: app.tagline2: not in the da catalogue" in problems


def test_placeholders_and_plural_convention_and_headers_are_checked(locale):
    da, en = messages.po_file("da", locale), messages.po_file("en", locale)
    _edit(en, 'msgstr "Your choice (1–{n}): "', 'msgstr "Your choice (1–{count}): "')
    _edit(en, 'msgid_plural "term.broken.plural"', 'msgid_plural "term.broken.many"')
    _edit(da, '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n', "")
    _edit(da, 'msgstr "Mødetræner"', 'msgstr ""')
    problems = "\n".join(messages.check_catalogues(locale))
    assert "term.pick: placeholders ['count'] differ from da ['n']" in problems
    assert "term.broken: msgid_plural must be 'term.broken.plural'" in problems
    assert "header Plural-Forms" in problems
    assert "app.name: no text" in problems


def test_the_scan_finds_literal_keys_prefixes_and_skips_other_t(tmp_path):
    f = tmp_path / "m.py"
    f.write_text('x = t("a.b", lang)\ny = tn(\n    "c.d", n, lang)\nz = self.t("e.f")\n'
                 'w = t("band." + b, lang)\nv = t(f"coach.mood.{m}", lang)\n'
                 'u = t(f"coach.plain", lang)\nk = "ui.notice.kept"\n', encoding="utf-8")
    usage = messages.scan_code(f)
    assert {k: [(line, fn) for _, line, fn in v] for k, v in usage.calls.items()} == {
        "a.b": [(1, "t")], "c.d": [(2, "tn")], "coach.plain": [(7, "t")]}
    assert usage.prefixes == {"band.", "coach.mood."}
    assert "ui.notice.kept" in usage.literals and "e.f" in usage.literals


def test_the_report_names_missing_and_misused_keys(tmp_path):
    f = tmp_path / "m.py"
    f.write_text('t("nope.nothing", "da")\nt("term.broken", "da")\ntn("app.name", 2, "da")\n',
                 encoding="utf-8")
    report = messages.key_report(f)
    assert report.missing == {"da": ["nope.nothing"], "en": ["nope.nothing"]}
    assert [w.split(": ", 1)[1] for w in report.wrong_kind] == [
        "tn('app.name') — not a plural entry: use t()",
        "t('term.broken') — a plural entry: use tn()"]
    assert not report.ok
    assert "app.tagline" in report.unused
