"""Golden transcripts of the library: best, most passive and one mixed path per scenario.

For each of the ten library scenarios, three playthroughs are taken from its author test
plan (``scenarios/tests/<id>.test.yaml``): the one named "Den bedste vej", the one named
"Den mest passive vej", and the first whose name starts with "En blandet vej". Each is
played with the engine exactly as ``meeting-trainer run`` does (``saves.transcript`` and
``saves.format_transcript``), followed by a block with the ending, the path, every
principle's score, the index, the moods and the variables. The text is compared with
``tests/golden/library/<scenario-id>--<slug>.txt`` (slug: best, most-passive, mixed).

Each playthrough is played a second time with a save in the middle: the session is turned
into a dict, through JSON text and back (``to_dict`` → ``json`` → ``from_dict``), and the
rest is played on the restored session. The text must be identical.

After a deliberate change to a scenario, rewrite the files with

    UPDATE_GOLDENS=1 pytest tests/test_library_goldens.py

(the rewriting run skips every case with a message saying which file it wrote), then read
the diff before committing it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from game.authoring import catalogue, testplan
from game.engine.saves import format_transcript, from_dict, to_dict, transcript

from .conftest import ROOT

SCENARIOS = ROOT / "scenarios"
GOLDEN = Path(__file__).resolve().parent / "golden" / "library"
UPDATE = os.environ.get("UPDATE_GOLDENS") == "1"

CASES = [pytest.param(f, slug, id=f"{catalogue.scenario_id(f)}--{slug}")
         for f in catalogue.library_files(SCENARIOS) for slug in catalogue.PLAN_NAMES]


def _playthrough(path: Path, slug: str):
    s = catalogue.load(path)
    p = catalogue.plan_playthroughs(s).get(slug)
    assert p is not None, (f"{s.id}: the test plan has no playthrough named "
                           f"'{catalogue.PLAN_NAMES[slug]}' for the {slug} golden")
    out = catalogue.play_plan(s, p)
    return s, p, out


def _num(v) -> str:
    return "null" if v is None else f"{v:.2f}"


def _scores_block(s, session, numbers) -> list[str]:
    ids = tuple(catalogue.principles(SCENARIOS))
    sc = session.scores(ids)
    out = ["", "--- result ---",
           f"ending: {session.node.id if session.ended else 'null'}",
           f"decisions: {len(numbers)}",
           "path: " + " -> ".join(session.path),
           "scores:"]
    out += [f"  {pid}: {_num(ps.value)}" for pid, ps in sc.principles.items()]
    out.append(f"index: {_num(sc.index)}")
    out.append("moods: " + ", ".join(f"{k}={v}" for k, v in session.moods.items()))
    out.append("variables: " + ", ".join(f"{k}={str(v).lower() if isinstance(v, bool) else v}"
                                        for k, v in session.variables.items()))
    return out


def _header(s, p, slug, numbers) -> list[str]:
    return [f"# {s.id} — {s.title}",
            f"# {slug}: {p.name}",
            f"# difficulty {p.difficulty or s.difficulty}, statement "
            f"{'yes' if p.statement else 'no'}, seed {p.seed}",
            f"# choices {','.join(map(str, numbers))}",
            ""]


def golden_text(s, p, slug, numbers) -> str:
    """The transcript as ``meeting-trainer run`` prints it, plus the result block."""
    session, events = transcript(s, numbers, p.difficulty, p.statement, p.seed)
    return "\n".join(_header(s, p, slug, numbers) + [format_transcript(events)]
                     + _scores_block(s, session, numbers)) + "\n"


def golden_text_with_save(s, p, slug, numbers, save_after: int) -> str:
    """The same, saved to JSON text and restored after ``save_after`` choices."""
    restored = []

    def save_and_restore(session, k):
        if k != save_after:
            return session
        restored.append(k)
        data = json.loads(json.dumps(to_dict(session), ensure_ascii=False))
        back = from_dict(s, data)
        assert back.notice is None, f"{s.id}: restoring gave a notice: {back.notice}"
        assert back.node.id == data["node"], f"{s.id}: restored at another node"
        return back

    session, events = transcript(s, numbers, p.difficulty, p.statement, p.seed,
                                 after_choice=save_and_restore)
    assert restored == [save_after], f"{s.id}: the save/restore point was never reached"
    return "\n".join(_header(s, p, slug, numbers) + [format_transcript(events)]
                     + _scores_block(s, session, numbers)) + "\n"


@pytest.mark.parametrize("path,slug", CASES)
def test_library_golden_transcript(path, slug):
    s, p, out = _playthrough(path, slug)
    text = golden_text(s, p, slug, out.numbers)
    golden = GOLDEN / f"{s.id}--{slug}.txt"
    if UPDATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8")
        pytest.skip(f"UPDATE_GOLDENS=1: wrote {golden.relative_to(ROOT)}; read the diff, then "
                    "run again without UPDATE_GOLDENS")
    assert golden.exists(), (f"{golden.relative_to(ROOT)} is missing; run "
                             "UPDATE_GOLDENS=1 pytest tests/test_library_goldens.py and read it")
    want = golden.read_text(encoding="utf-8")
    if text != want:
        import difflib
        diff = "\n".join(list(difflib.unified_diff(want.splitlines(), text.splitlines(),
                                                   "golden", "now", lineterm=""))[:40])
        pytest.fail(f"{s.id} {slug} ({p.name}) differs from {golden.name}:\n{diff}")


@pytest.mark.parametrize("path,slug", CASES)
def test_library_golden_survives_save_and_restore_in_the_middle(path, slug):
    s, p, out = _playthrough(path, slug)
    plain = golden_text(s, p, slug, out.numbers)
    middle = len(out.numbers) // 2
    assert golden_text_with_save(s, p, slug, out.numbers, middle) == plain, (
        f"{s.id} {slug}: the transcript changes when saved and restored after {middle} choices")


@pytest.mark.parametrize("path,slug", CASES)
def test_library_golden_scores_are_those_the_test_plan_expects(path, slug):
    """The scores in the golden file are the ones the author test plan says the path must give."""
    s, p, out = _playthrough(path, slug)
    plan = testplan.read_plan(catalogue.plan_path(s))
    problems = testplan.expectations(plan, p, out)
    assert not problems, f"{s.id} {slug}: " + "\n".join(d.format() for d in problems)
    assert out.ending is not None, f"{s.id} {slug}: the playthrough does not reach an ending"
