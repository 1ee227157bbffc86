"""``meeting-trainer run --lang en`` (and ``--json``, ``--session-out``) through the translation files."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from game.authoring import translate as T
from game.cli import main
from game.engine.translations import read_table

from .conftest import ROOT

REHAB = ROOT / "scenarios" / "rehab-first-meeting.yaml"
CSV = ROOT / "scenarios" / "locales" / "en" / "rehab-first-meeting.csv"
PATH = "3,1,4,3,1,4,2,2"   # a whole meeting: eight decisions to an ending

pytestmark = pytest.mark.skipif(not (REHAB.exists() and CSV.exists()),
                                reason="the bundled rehab-first-meeting or its English file is missing")


def rows() -> dict[str, tuple[str, str]]:
    """id -> (Danish source, English text) of the bundled file."""
    return {r.id: (r.source, r.text) for r in read_table(CSV).rows}


def run(capsys, *argv) -> tuple[int, str, str]:
    capsys.readouterr()
    status = main([str(a) for a in argv])
    out = capsys.readouterr()
    return status, out.out, out.err


def copy_library(tmp_path: Path) -> Path:
    """The bundled scenario, its principles and its English file in a library of their own."""
    lib = tmp_path / "lib"
    (lib / "locales" / "en").mkdir(parents=True)
    shutil.copy(REHAB, lib / REHAB.name)
    shutil.copy(ROOT / "scenarios" / "principles.yaml", lib / "principles.yaml")
    shutil.copy(CSV, lib / "locales" / "en" / CSV.name)
    return lib


def edit_csv(path: Path, drop: set[str] = frozenset(), texts: dict[str, str] | None = None) -> None:
    table = read_table(path)
    table.rows = [r for r in table.rows if r.id not in drop]
    for r in table.rows:
        if texts and r.id in texts:
            r.text = texts[r.id]
    path.write_text(T.format_table(table.rows), encoding="utf-8")


# -- plain text ---------------------------------------------------------------------------
def test_run_lang_en_prints_the_english_transcript(capsys):
    tr = rows()
    status, out, err = run(capsys, "run", REHAB, "--choose", PATH, "--lang", "en")
    assert status == 0 and err == ""
    da, en = tr["velkomst.say1"]
    assert en in out and da not in out
    hanne_da, hanne_en = tr["velkomst.say3"]
    assert f"Hanne: {hanne_en}" in out and hanne_da not in out
    # the choices, the choice made, its feedback and the ending are English too
    assert f"  [1] {tr['velkomst.c1'][1]}" in out and tr["velkomst.c1"][0] not in out
    assert f"> 3: {tr['velkomst.introduce_myself'][1]}" in out
    assert f"  ({tr['velkomst.introduce_myself.feedback'][1]})" in out
    ending = [line for line in out.splitlines() if line.startswith("== ")]
    assert len(ending) == 1
    titles = {v[1] for k, v in tr.items() if k.endswith(".end")}
    assert ending[0][3:-3] in titles
    assert "Scores (8 decisions):" in out
    assert not any(ch in out for ch in "æøå"), [ln for ln in out.splitlines()
                                               if any(ch in ln for ch in "æøå")][:3]


def test_run_default_stays_danish(capsys):
    tr = rows()
    status, out, _ = run(capsys, "run", REHAB, "--choose", "1")
    assert status == 0
    assert tr["velkomst.say1"][0] in out and tr["velkomst.say1"][1] not in out
    assert "Point (1 decisions):" in out


def test_a_missing_row_falls_back_to_danish_per_line(tmp_path, capsys):
    lib = copy_library(tmp_path)
    tr = rows()
    edit_csv(lib / "locales" / "en" / CSV.name, drop={"velkomst.say1"},
             texts={"@char.hanne.name": "Hannah"})
    status, out, err = run(capsys, "run", lib / REHAB.name, "--choose", "1", "--lang", "en")
    assert status == 0 and err == ""   # a missing row is a warning for translators, not news here
    assert tr["velkomst.say1"][0] in out and tr["velkomst.say1"][1] not in out
    assert tr["velkomst.say2"][1] in out                       # the next line is still English
    assert f"Hannah: {tr['velkomst.say3'][1]}" in out          # a translated character name
    assert "Hanne:" not in out


def test_a_broken_translation_file_is_reported_and_play_goes_on(tmp_path, capsys):
    lib = copy_library(tmp_path)
    tr = rows()
    edit_csv(lib / "locales" / "en" / CSV.name, texts={"velkomst.say2": "Oops {nobody}"})
    status, out, err = run(capsys, "run", lib / REHAB.name, "--lang", "en")
    assert status == 0
    assert "MT806" in err
    assert tr["velkomst.say2"][0] in out and "Oops" not in out
    assert tr["velkomst.say1"][1] in out


# -- JSON ---------------------------------------------------------------------------------
def _json(capsys, *argv) -> dict:
    status, out, _ = run(capsys, "run", REHAB, "--json", *argv)
    assert status == 0
    return json.loads(out)


def test_run_json_lang_en_keeps_keys_scores_and_index(capsys):
    tr = rows()
    da = _json(capsys, "--choose", PATH)
    en = _json(capsys, "--choose", PATH, "--lang", "en")
    assert list(en) == list(da)
    for key in ("scenario", "difficulty", "seed", "choices", "ending", "path", "scores",
                "index", "decisions", "variables", "moods"):
        assert en[key] == da[key], key
    assert da["title"] == tr["@title"][0] and en["title"] == tr["@title"][1]
    assert en["ending_title"] == tr[en["ending"] + ".end"][1]
    assert [list(ev) for ev in en["transcript"]] == [list(ev) for ev in da["transcript"]]
    first = en["transcript"][0]
    assert first == {"node": "velkomst", "speaker": None, "text": tr["velkomst.say1"][1]}
    chose = next(ev for ev in en["transcript"] if "chose" in ev)
    assert chose["feedback"] and chose["feedback"] != next(
        ev for ev in da["transcript"] if "chose" in ev)["feedback"]
    end = en["transcript"][-1]
    assert end["title"] == en["ending_title"]
    assert end["text"] == tr[en["ending"] + ".end_text"][1]


# -- --session-out --------------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["da", "en"])
def test_session_out_is_the_games_record_and_reports_match_run_json(tmp_path, capsys, lang):
    f = tmp_path / "out" / "session.json"
    f.parent.mkdir()
    status, _, _ = run(capsys, "run", REHAB, "--choose", PATH, "--lang", lang,
                       "--session-out", f)
    assert status == 0
    record = json.loads(f.read_text(encoding="utf-8"))
    assert record["kind"] == "meeting-trainer-session"
    for key in ("finished_at", "audience", "scenario_title", "scores", "index", "raw"):
        assert key in record, key
    assert [p.name for p in f.parent.iterdir()] == ["session.json"]   # no temporary file left
    want = _json(capsys, "--choose", PATH, "--lang", lang)
    assert record["scores"] == want["scores"] and record["index"] == want["index"]
    status, out, err = run(capsys, "report", f, "--format", "json")
    assert status == 0, err
    rep = json.loads(out)
    assert rep["scores"] == want["scores"] and rep["index"] == want["index"]
    assert rep["ending"] == want["ending"] and rep["path"] == want["path"]


def test_session_out_record_matches_session_record(tmp_path, capsys):
    from game.coach.progress import session_record
    from game.engine.compiler import load_scenario
    from game.engine.principles import load_principles
    from game.engine.saves import transcript
    f = tmp_path / "s.json"
    assert run(capsys, "run", REHAB, "--choose", "1,1", "--session-out", f)[0] == 0
    got = json.loads(f.read_text(encoding="utf-8"))
    principles = load_principles(ROOT / "scenarios" / "principles.yaml")
    session, _ = transcript(load_scenario(REHAB, principles), [1, 1])
    session.principle_ids = tuple(principles)
    want = json.loads(json.dumps(session_record(session, principles=principles)))
    got.pop("finished_at"), want.pop("finished_at")
    assert got == want
