"""Author test plans and ``meeting-trainer test``.

The shipped plans must pass, every scenario must have one, their numbers must
agree with ``meeting-trainer run --json``, one playthrough is checked by hand
against the spec's formulas, and every kind of failure is reported at its
exact line and column in the plan.
"""

from __future__ import annotations

import json
import re
import shutil
import textwrap
from pathlib import Path

import pytest
import yaml

from game.authoring import testplan
from game.cli import main

from .conftest import ROOT

SCENARIOS = ROOT / "scenarios"
PLANS = SCENARIOS / "tests"


def run_cli(capsys, *argv):
    status = main([*map(str, argv)])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return status, out, err


def diags(out: str) -> list[tuple]:
    """(file name, line, column, code) of every diagnostic line printed."""
    rows = []
    for line in out.splitlines():
        m = re.match(r"^(.*?):(\d+):(\d+): (MT\d{3}) (error|warning): (.*)$", line)
        if m:
            rows.append((Path(m.group(1)).name, int(m.group(2)), int(m.group(3)), m.group(4)))
    return rows


@pytest.fixture
def folder(tmp_path) -> Path:
    """A scenarios/ folder with the tutorial scenario, its principles and an empty tests/."""
    d = tmp_path / "scenarios"
    (d / "tests").mkdir(parents=True)
    shutil.copy(SCENARIOS / "principles.yaml", d)
    shutil.copy(SCENARIOS / "tutorial-short-followup.yaml", d)
    return d


def write_plan(folder: Path, text: str, name="tutorial-short-followup.test.yaml") -> Path:
    p = folder / "tests" / name
    p.write_text(textwrap.dedent(text), encoding="utf-8")
    return p


# ---------------------------------------------------------------- the shipped plans

def scenario_files():
    return sorted(p for p in SCENARIOS.glob("*.yaml") if p.name != "principles.yaml")


def test_every_scenario_has_a_plan_with_at_least_three_playthroughs():
    for f in scenario_files():
        sid = testplan.scenario_id_of(f)
        plan = PLANS / f"{sid}.test.yaml"
        assert plan.is_file(), (f"no test plan for {f.name}: write one with "
                                f"'meeting-trainer test --init scenarios/{f.name}'")
        p = testplan.read_plan(plan)
        assert not p.diagnostics, [d.format() for d in p.diagnostics]
        assert len(p.playthroughs) >= 3
        names = " ".join(x.name.lower() for x in p.playthroughs)
        assert "bedste" in names and "passive" in names and "blandet" in names


def test_shipped_plans_pass(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    status, out, err = run_cli(capsys, "test")       # default: scenarios/tests/
    assert status == 0, out + err
    assert out == ""
    n = sum(len(testplan.read_plan(p).playthroughs) for p in PLANS.glob("*.test.yaml"))
    assert f"{n} playthroughs: {n} passed, 0 failed" in err


def test_shipped_plan_numbers_agree_with_run_json(capsys, tmp_path):
    """Every expected score, index, ending, variable and mood equals what `run --json` prints."""
    statement_file = tmp_path / "statement.json"
    statement_file.write_text(json.dumps(testplan.SAMPLE_STATEMENT), encoding="utf-8")
    checked = 0
    for plan_path in sorted(PLANS.glob("*.test.yaml")):
        plan = testplan.read_plan(plan_path)
        scenario_path = testplan.find_scenario(plan_path, plan.scenario)
        result = testplan.run_plan_file(plan_path)
        for p, r in zip(plan.playthroughs, result.results):
            argv = ["run", scenario_path, "--json",
                    "--choose", ",".join(map(str, r.outcome.numbers))]
            if p.difficulty:
                argv += ["--difficulty", p.difficulty]
            if p.statement:
                assert p.statement == testplan.SAMPLE_STATEMENT
                argv += ["--statement", statement_file]
            status, out, _ = run_cli(capsys, *argv)
            assert status == 0
            got = json.loads(out)
            if p.ending is not None:
                assert got["ending"] == p.ending.value, p.name
            for pid, s in p.scores.items():
                if s.expected is None:
                    assert got["scores"][pid] is None, (p.name, pid)
                else:
                    assert got["scores"][pid] == pytest.approx(s.expected, abs=0.0501), (p.name, pid)
            if p.index is not None:
                if p.index.expected is None:
                    assert got["index"] is None
                else:
                    assert got["index"] == pytest.approx(p.index.expected, abs=0.0501), p.name
            for k, v in p.variables.items():
                assert got["variables"][k] == v.value, (p.name, k)
            for k, v in p.moods.items():
                assert got["moods"][k] == v.value, (p.name, k)
            assert got["path"][: len(got["path"])] == r.outcome.path
            checked += 1
    assert checked >= 12


def test_passive_tutorial_path_checked_by_hand(principles):
    """'Den mest passive vej' in the tutorial plan, worked out with the spec's formulas.

    Choices 1, 1, 2 at difficulty 1 without a statement. Visible choices (q = sum of scores):
      forslaget:  Okay {own_voice -1, meaning -1} (q -2) · ask_options {shared_decision 2,
                  empowerment 1} (q 3) · name_what_matters {own_voice 2, meaning 2} (q 4)
      skrive_ind: Skriv bare {shared_decision -1, empowerment -1} (q -2) · ask_for_pause
                  {empowerment 1, transparency 1} (q 2)       [choose_internship hidden]
      gemme:      who_decides {transparency 2, empowerment 1} (q 3) · nikker {own_voice -1,
                  empowerment -1} (q -2)                       [own_words hidden]
    Chosen: Okay, Skriv bare, nikker.
      empowerment:     L = 0-1-1 = -2, U = 1+1+1 = 3, X = 0-1-1 = -2 → 0 (3 informative)
      own_voice:       L = -1+0-1 = -2, U = 2+0+0 = 2, X = -2 → 0 (2 informative)
      shared_decision: L = 0-1+0 = -1, U = 2+0+0 = 2, X = -1 → 0 (2 informative)
      transparency:    L = 0, U = 0+1+2 = 3, X = 0 → 0 (2 informative)
      meaning:         only forslaget differs (1 informative) → not in play
      index:           L = -2-2-2 = -6, U = 4+2+3 = 9, X = -6 → 0
    """
    plan = testplan.read_plan(PLANS / "tutorial-short-followup.test.yaml")
    p = next(x for x in plan.playthroughs if x.name == "Den mest passive vej")
    assert [c.value for c in p.choices] == [1, 1, 2]
    hand = {"empowerment": 0, "own_voice": 0, "shared_decision": 0, "transparency": 0,
            "meaning": None, "connectedness": None, "hope": None, "identity": None,
            "strengths": None}
    assert {k: s.expected for k, s in p.scores.items()} == hand
    assert p.index.expected == 0
    from game.engine.compiler import load_scenario
    from game.engine.saves import transcript
    scenario = load_scenario(SCENARIOS / "tutorial-short-followup.yaml", principles)
    session, _ = transcript(scenario, [1, 1, 2])
    sc = session.scores(tuple(principles))
    assert (sc.principles["empowerment"].low, sc.principles["empowerment"].high) == (-2, 3)
    assert (sc.principles["own_voice"].low, sc.principles["own_voice"].high) == (-2, 2)
    assert (sc.principles["shared_decision"].low, sc.principles["shared_decision"].high) == (-1, 2)
    assert (sc.principles["transparency"].low, sc.principles["transparency"].high) == (0, 3)
    assert sc.principles["meaning"].informative == 1
    assert (sc.index_low, sc.index_high, sc.index_chosen) == (-6, 9, -6)


# ---------------------------------------------------------------- failures, with positions

FAILING = """\
    scenario: tutorial-short-followup
    playthroughs:
      - name: Forkerte forventninger
        choices: [1, 1, 2]
        ending: klar_besked
        path_includes: [gemme, skrive_ind]
        path_excludes: [kurset_skrives]
        lines:
          - "Susanne: Så er den gemt"
          - "Planen er gemt med 10 timer"
        scores:
          empowerment: 10
          meaning: 0
          own_voice: "0 ± 1"
        index: null
        variables: {hours: 10, took_pause: false}
        moods: {amir: 3}
      - name: Det passer
        choices: "3, 1, 1"
        ending: klar_besked
        index: "99 ± 1"
"""


def test_each_failure_at_its_position(capsys, folder):
    plan = write_plan(folder, FAILING)
    status, out, err = run_cli(capsys, "test", plan)
    assert status == 1
    name = plan.name
    assert diags(out) == [
        (name, 5, 13, "MT904"),    # ending
        (name, 6, 28, "MT905"),    # skrive_ind comes before gemme
        (name, 7, 21, "MT905"),    # kurset_skrives is in the path
        (name, 10, 10, "MT906"),   # the line is not there
        (name, 12, 20, "MT907"),   # empowerment
        (name, 13, 16, "MT907"),   # meaning is not in play
        (name, 15, 12, "MT907"),   # the index is 0, not null
        (name, 16, 24, "MT908"),   # hours
        (name, 17, 19, "MT908"),   # amir's mood
    ]
    lines = out.splitlines()
    assert lines[0].endswith("MT904 error: Forkerte forventninger: expected ending "
                             "'klar_besked', got 'åben_slutning'")
    assert "expected node 'skrive_ind' in the path after 'gemme' (it comes earlier)" in lines[1]
    assert "expected node 'kurset_skrives' not to be in the path, got it as step 2" in lines[2]
    assert "the closest line is \"== Planen er gemt med 37 timer om ugen ==\"" in lines[3]
    assert "expected score 'empowerment' 10 (± 0.5), got 0" in lines[4]
    assert "expected score 'meaning' 0 (± 0.5), got not in play" in lines[5]
    assert "expected the index not in play (null), got 0" in lines[6]
    assert "expected variable 'hours' = 10, got 37" in lines[7]
    assert "expected mood of 'amir' = 3, got 1" in lines[8]
    assert "1 test plan, 2 playthroughs: 1 passed, 1 failed" in err


def test_choice_not_visible_and_too_many_choices(capsys, folder):
    plan = write_plan(folder, """\
        playthroughs:
          - name: Ikke synligt
            choices: "1, 3"
          - name: For mange
            choices: [1, 1, 2, 1]
          - name: Ukendt id
            choices: [ask_options, findes_ikke]
    """)
    status, out, _ = run_cli(capsys, "test", plan)
    assert status == 1
    assert diags(out) == [(plan.name, 3, 18, "MT903"), (plan.name, 5, 24, "MT903"),
                          (plan.name, 7, 28, "MT903")]
    assert "expected choice 3 to be visible at step 2 (node 'skrive_ind'), got only: 1 = " in out
    assert "(id ask_for_pause)" in out
    assert "got the end of the meeting already at 'åben_slutning' after 3 choices" in out
    assert "expected a choice with id 'findes_ikke' to be visible at step 2" in out


def test_mistakes_in_the_plan_are_mt901_with_did_you_mean(capsys, folder):
    plan = write_plan(folder, """\
        playthroughs:
          - name: Stavefejl
            choices: []
            ending: klar_beskd
            path_includes: [forslag]
            scores: {hopee: 50}
            variables: {hour: 3, took_pause: 0}
            moods: {amirr: 1}
            colour: red
          - name: Stavefejl
            choices: [0]
            difficulty: 4
    """)
    status, out, err = run_cli(capsys, "test", plan)
    assert status == 1
    got = diags(out)
    assert got == [
        (plan.name, 4, 13, "MT901"), (plan.name, 5, 21, "MT901"), (plan.name, 6, 14, "MT901"),
        (plan.name, 7, 17, "MT901"), (plan.name, 7, 38, "MT901"), (plan.name, 8, 13, "MT901"),
        (plan.name, 9, 5, "MT901"), (plan.name, 10, 11, "MT901"), (plan.name, 11, 15, "MT901"),
        (plan.name, 12, 17, "MT901")]
    assert "ending 'klar_beskd' is not a node in 'tutorial-short-followup' — did you mean " \
           "'klar_besked'?" in out
    assert "unknown principle 'hopee' — did you mean 'hope'?" in out
    assert "unknown field 'colour' in playthrough 'Stavefejl'" in out
    assert "two playthroughs are called 'Stavefejl'" in out
    assert "plan with problems" in err


def test_bad_values_in_a_playthrough(capsys, folder):
    plan = write_plan(folder, """\
        playthroughs:
          - name: Tal
            choices: [0, 1]
            difficulty: 4
            scores: {hope: 120, meaning: "mange"}
            statement: maybe
    """)
    status, out, _ = run_cli(capsys, "test", plan)
    assert status == 1
    assert diags(out) == [(plan.name, 3, 15, "MT901"), (plan.name, 4, 17, "MT901"),
                          (plan.name, 5, 20, "MT901"), (plan.name, 5, 35, "MT901"),
                          (plan.name, 6, 16, "MT901")]
    assert "0 is not a choice number" in out and "must be 1, 2 or 3, not 4" in out
    assert "scores go from 0 to 100" in out


def test_broken_yaml_in_the_plan(capsys, folder):
    plan = write_plan(folder, "playthroughs:\n  - name: [x\n")
    status, out, _ = run_cli(capsys, "test", plan)
    assert status == 1
    assert diags(out)[0][3] == "MT901" and "MT101" in out


def test_plan_without_playthroughs(capsys, folder):
    plan = write_plan(folder, "scenario: tutorial-short-followup\n")
    status, out, _ = run_cli(capsys, "test", plan)
    assert status == 1
    assert diags(out) == [(plan.name, 1, 1, "MT901")]
    assert "no 'playthroughs:'" in out


def test_unknown_scenario(capsys, folder):
    plan = write_plan(folder, "scenario: findes-ikke\nplaythroughs:\n  - {name: a, choices: []}\n",
                      name="x.test.yaml")
    status, out, _ = run_cli(capsys, "test", plan)
    assert status == 1
    assert diags(out) == [("x.test.yaml", 1, 11, "MT902")]
    assert "no scenario 'findes-ikke' found" in out


def test_broken_scenario_prints_its_errors(capsys, folder):
    src = folder / "tutorial-short-followup.yaml"
    src.write_text(src.read_text(encoding="utf-8").replace("next: gemme\n", "next: gemmme\n", 1),
                   encoding="utf-8")
    plan = write_plan(folder, "playthroughs:\n  - {name: a, choices: []}\n")
    status, out, _ = run_cli(capsys, "test", plan)
    assert status == 1
    codes = [d[3] for d in diags(out)]
    assert codes[0] == "MT902" and "MT301" in codes
    assert "did you mean 'gemme'?" in out


def test_scenario_named_by_file_and_id_lookup(capsys, folder):
    # no 'scenario:' — the file name gives the id; the scenario file has another name
    shutil.move(folder / "tutorial-short-followup.yaml", folder / "anden-fil.yaml")
    plan = write_plan(folder, "playthroughs:\n  - {name: a, choices: [3, 1, 1], ending: klar_besked}\n")
    status, out, err = run_cli(capsys, "test", plan)
    assert status == 0, out


def test_scenario_file_as_path_runs_its_plan(capsys, folder):
    write_plan(folder, "playthroughs:\n  - {name: a, choices: [3, 1, 1], ending: klar_besked}\n")
    status, out, err = run_cli(capsys, "test", folder / "tutorial-short-followup.yaml")
    assert status == 0 and "1 playthrough: 1 passed" in err


def test_tolerance_and_plus_minus(capsys, folder):
    plan = write_plan(folder, """\
        tolerance: 2
        playthroughs:
          - name: Inden for
            choices: [3, 1, 1]
            scores: {own_voice: 65, meaning: "70 ± 10"}
          - name: Uden for
            choices: [3, 1, 1]
            tolerance: 0.1
            scores: {own_voice: 66.5}
    """)
    status, out, _ = run_cli(capsys, "test", plan)
    assert status == 1
    assert diags(out) == [(plan.name, 9, 25, "MT907")]
    assert "expected score 'own_voice' 66.5 (± 0.1), got 66.7" in out


def test_verbose_and_quiet(capsys, folder):
    plan = write_plan(folder, "playthroughs:\n  - {name: Alt godt, choices: [3, 1, 1]}\n")
    status, out, err = run_cli(capsys, "test", "-v", "-q", plan)
    assert status == 0 and out.strip().endswith("ok: Alt godt") and err == ""


# ---------------------------------------------------------------- usage

def test_usage_errors_exit_2(capsys, folder, tmp_path):
    assert run_cli(capsys, "test", tmp_path / "findes-ikke.test.yaml")[0] == 2
    empty = tmp_path / "tom"
    empty.mkdir()
    status, _, err = run_cli(capsys, "test", empty)
    assert status == 2 and "no test plans" in err
    status, _, err = run_cli(capsys, "test", folder / "tutorial-short-followup.yaml")
    assert status == 2 and "test --init" in err
    assert run_cli(capsys, "test", "--choose", "1", folder)[0] == 2
    assert run_cli(capsys, "test", "--init")[0] == 2
    assert run_cli(capsys, "test", "--init", "--record", folder)[0] == 2


# ---------------------------------------------------------------- --init and --record

def test_init_writes_a_passing_plan_and_never_overwrites(capsys, folder):
    scenario = folder / "tutorial-short-followup.yaml"
    status, _, err = run_cli(capsys, "test", "--init", scenario)
    assert status == 0
    plan = folder / "tests" / "tutorial-short-followup.test.yaml"
    text = plan.read_text(encoding="utf-8")
    assert text.startswith("# Testplan for scenariet tutorial-short-followup")
    # the tutorial reads difficulty and statement_written, so those variants are added
    assert [p.name for p in testplan.read_plan(plan).playthroughs] == [
        "Den bedste vej", "Den mest passive vej", "En blandet vej", "Niveau 3: den bedste vej",
        "Niveau 3: den mest passive vej", "Med statement: den bedste vej"]
    assert run_cli(capsys, "test", plan)[0] == 0
    plan.write_text(text + "# mine noter\n", encoding="utf-8")
    status, _, err = run_cli(capsys, "test", "--init", scenario)
    assert status == 2 and "already exists" in err
    assert "delete the file and run this command again" in err      # how to start again
    assert plan.read_text(encoding="utf-8").endswith("# mine noter\n")


def test_starter_plan_says_how_to_start_again(capsys, folder, monkeypatch):
    """After 'new', authors rewrite the whole meeting: the plan's header tells them how to
    write a fresh plan, with the command for this very scenario."""
    monkeypatch.chdir(folder.parent)
    scenario = Path(folder.name) / "tutorial-short-followup.yaml"
    assert run_cli(capsys, "test", "--init", scenario)[0] == 0
    plan = Path(folder.name) / "tests" / "tutorial-short-followup.test.yaml"
    header = plan.read_text(encoding="utf-8").split("\nscenario:")[0]
    assert "Slet så denne fil" in header
    assert f"#   meeting-trainer test --init {scenario}\n" in header
    plan.unlink()                                   # … and doing so works
    assert run_cli(capsys, "test", "--init", scenario)[0] == 0


def test_record_prints_a_block_that_passes_when_pasted(capsys, folder):
    scenario = folder / "tutorial-short-followup.yaml"
    status, out, _ = run_cli(capsys, "test", "--record", scenario, "--choose", "1,2,2",
                             "--name", "Pause", "--difficulty", "2", "--statement")
    assert status == 0
    assert out.startswith('  - name: "Pause"\n    choices: [1, 2, 2]\n    difficulty: 2\n'
                          "    statement: true\n    ending: dine_ord\n")
    plan = write_plan(folder, "playthroughs:\n" + out)
    assert run_cli(capsys, "test", plan)[0] == 0
    data = yaml.safe_load(plan.read_text(encoding="utf-8"))
    assert data["playthroughs"][0]["scores"]["own_voice"] == 50


def test_record_with_a_choice_not_shown_is_exit_1(capsys, folder):
    status, _, err = run_cli(capsys, "test", "--record", folder / "tutorial-short-followup.yaml",
                             "--choose", "1,7")
    assert status == 1 and "expected choice 7 to be visible" in err


def test_tools_script_runs_the_plans():
    import subprocess
    import sys
    r = subprocess.run([sys.executable, str(ROOT / "tools" / "run_testplans.py"), "-q"],
                       cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stdout + r.stderr


def test_record_takes_choice_ids_as_a_plan_does(capsys, folder):
    scenario = folder / "tutorial-short-followup.yaml"
    by_number = run_cli(capsys, "test", "--record", scenario, "--choose", "2,1")[1]
    status, out, _ = run_cli(capsys, "test", "--record", scenario, "--choose", "ask_options,1")
    assert status == 0 and "choices: [ask_options, 1]" in out
    # the same playthrough as by numbers, apart from the name and the choices line
    assert out.split("\n")[2:] == by_number.split("\n")[2:]
    plan = write_plan(folder, "playthroughs:\n" + out)
    assert run_cli(capsys, "test", plan)[0] == 0
    assert run_cli(capsys, "test", "--record", scenario, "--choose", "0")[0] == 2
