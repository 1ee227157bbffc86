"""``meeting-trainer new``: a starter scenario that is clean for every role and family."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from game.authoring import scaffold
from game.authoring.smells import smells
from game.cli import build_parser, main
from game.commands import new as new_cmd
from game.engine.compiler import load_scenario
from game.engine.model import FAMILIES, ROLES

from .conftest import ROOT


def run_cli(capsys, *argv):
    status = main([*map(str, argv)])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return status, out, err


@pytest.fixture
def here(tmp_path, monkeypatch) -> Path:
    """A working folder with an empty scenarios/ (as in a checkout), made the current one."""
    (tmp_path / "scenarios").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("family", FAMILIES)
@pytest.mark.parametrize("role", ROLES)
def test_starter_is_clean_for_every_role_and_family(capsys, here, principles, role, family):
    sid = f"start-{role}-{family}"
    status, out, _ = run_cli(capsys, "new", "--id", sid, "--role", role, "--family", family, "-y")
    assert status == 0, out
    path = here / "scenarios" / f"{sid}.yaml"
    plan = here / "scenarios" / "tests" / f"{sid}.test.yaml"
    assert f"Skrev {Path('scenarios') / f'{sid}.yaml'}" in out and plan.is_file()
    # the checker: no errors, no warnings
    status, out, err = run_cli(capsys, "check", "--no-cache", path)
    assert status == 0 and out == "", out
    assert "1 file checked: 0 errors, 0 warnings" in err
    scenario = load_scenario(path, principles)
    assert (scenario.id, scenario.role, scenario.family, scenario.lang) == (sid, role, family, "da")
    # and the smells, which the lead wires into check
    assert smells(scenario, principles) == [], [d.format() for d in smells(scenario, principles)]
    # the starter plan passes, with a best, a most passive and a mixed playthrough
    status, _, err = run_cli(capsys, "test", plan)
    assert status == 0 and "3 playthroughs: 3 passed" in err
    # the tone check of the coach (if it is there)
    tone = pytest.importorskip("game.coach.tone")
    assert tone.tone_diagnostics(scenario) == []


@pytest.mark.parametrize("role", ROLES)
def test_starter_is_valid_against_the_json_schema(here, role):
    jsonschema = pytest.importorskip("jsonschema")
    path = here / "scenarios" / "s.yaml"
    scaffold.write_scenario("s", "authority", role, "Titel", path, with_plan=False)
    schema = json.loads((ROOT / "schemas" / "scenario.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(yaml.safe_load(path.read_text(encoding="utf-8")), schema)


def test_modeline_points_at_the_schema(here):
    path = here / "scenarios" / "s.yaml"
    scaffold.write_scenario("s", "statement", "peer", "Titel", path, with_plan=False)
    first = path.read_text(encoding="utf-8").splitlines()[0]
    m = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
    assert m, first
    target = (path.parent / m.group(1)).resolve()
    assert target == (ROOT / "schemas" / "scenario.schema.json").resolve()


def test_modeline_in_the_checkout_is_the_usual_one():
    out = ROOT / "scenarios" / "findes-ikke.yaml"
    assert scaffold.schema_ref(out) == "../schemas/scenario.schema.json"


def test_starter_has_danish_comments_for_authors(here):
    path = here / "scenarios" / "s.yaml"
    scaffold.write_scenario("s", "facilitation", "staff", "Titel", path, with_plan=False)
    text = path.read_text(encoding="utf-8")
    comments = [ln for ln in text.splitlines() if ln.lstrip().startswith("#")]
    assert len(comments) >= 20
    for word in ("Beslutning", "feedback", "if:", "variabel", "knude", "meeting-trainer check"):
        assert word in text
    assert "docs/authoring.md" in text


def test_never_overwrites(capsys, here):
    path = here / "scenarios" / "mit-moede.yaml"
    path.write_text("mit eget\n", encoding="utf-8")
    status, _, err = run_cli(capsys, "new", "--id", "mit-moede", "-y")
    assert status == 2 and "already exists" in err
    assert path.read_text(encoding="utf-8") == "mit eget\n"


def test_existing_plan_is_kept(capsys, here):
    plan = here / "scenarios" / "tests" / "mit-moede.test.yaml"
    plan.parent.mkdir()
    plan.write_text("# min plan\n", encoding="utf-8")
    status, _, err = run_cli(capsys, "new", "--id", "mit-moede", "-y")
    assert status == 0 and "already exists" in err
    assert plan.read_text(encoding="utf-8") == "# min plan\n"


@pytest.mark.parametrize("argv, words", [
    (["--id", "Mit_Møde", "-y"], "not a valid scenario id"),
    (["--family", "party"], "invalid choice"),
    (["--id", "x", "--out", "noget.txt", "-y"], "should end in .yaml"),
    (["--id", "x", "--out", "findes/ikke/x.yaml", "-y"], "does not exist"),
])
def test_bad_usage_is_exit_2(capsys, here, argv, words):
    status, out, err = run_cli(capsys, "new", *argv)
    assert status == 2 and words in err


def test_out_flag_and_defaults(capsys, here):
    status, out, _ = run_cli(capsys, "new", "--out", "andet.yaml", "-y")
    assert status == 0
    text = (here / "andet.yaml").read_text(encoding="utf-8")
    assert "\nid: andet\n" in text and "\nfamily: authority\n" in text and "\nrole: citizen\n" in text
    assert (here / "tests" / "andet.test.yaml").is_file()


def test_default_id_is_free(capsys, here):
    (here / "scenarios" / "mit-scenarie.yaml").write_text("x: 1\n", encoding="utf-8")
    status, out, _ = run_cli(capsys, "new", "-y")
    assert status == 0 and (here / "scenarios" / "mit-scenarie-2.yaml").is_file()


def test_no_plan_flag(capsys, here):
    assert run_cli(capsys, "new", "--id", "a", "--no-plan", "-y")[0] == 0
    assert not (here / "scenarios" / "tests").exists()


def _args(*argv):
    return build_parser().parse_args(["new", *argv])


def test_interactive_questions_with_defaults(capsys, here):
    answers = iter(["Ugyldigt Id", "mit-moede", "3", "", "Et møde i teamet"])
    asked, shown = [], []

    def inp(prompt):
        asked.append(prompt)
        return next(answers)

    status = new_cmd.run(_args(), inp=inp, out=shown.append, interactive=True)
    assert status == 0
    text = (here / "scenarios" / "mit-moede.yaml").read_text(encoding="utf-8")
    assert "\nfamily: facilitation\n" in text and "\nrole: citizen\n" in text
    assert '\ntitle: "Et møde i teamet"\n' in text
    assert asked[0] == "Id (små bogstaver, tal og '-') [mit-scenarie]: "
    assert any("Brug små bogstaver" in s for s in shown)
    assert any("facilitation" in s for s in shown) and any("peer" in s for s in shown)


def test_interactive_accepts_names_and_ends_on_eof(capsys, here):
    answers = iter(["ny", "colleagues", "peer"])

    def inp(prompt):
        try:
            return next(answers)
        except StopIteration:
            raise EOFError from None

    assert new_cmd.run(_args(), inp=inp, out=lambda *_: None, interactive=True) == 0
    text = (here / "scenarios" / "ny.yaml").read_text(encoding="utf-8")
    assert "\nfamily: colleagues\n" in text and "\nrole: peer\n" in text
    assert '\ntitle: "Et møde med kollegerne"\n' in text     # the default, after EOF


def _new_in_a_process(here, stdin=None, text=None):
    """``meeting-trainer new`` in a process of its own, with standard input a pipe (``text``)
    or ``stdin`` (e.g. /dev/null), as an author's shell would give it."""
    import os
    import subprocess
    import sys
    return subprocess.run([sys.executable, "-m", "game", "new"], cwd=here, input=text,
                          stdin=stdin, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})


def test_answers_through_a_pipe(here):
    """printf '…' | meeting-trainer new: the answers are read (and echoed), not ignored."""
    r = _new_in_a_process(here, text="via-pipe\n3\npeer\nMødet i teamet\n")
    assert r.returncode == 0, r.stderr
    text = (here / "scenarios" / "via-pipe.yaml").read_text(encoding="utf-8")
    assert "\nfamily: facilitation\n" in text and "\nrole: peer\n" in text
    assert '\ntitle: "Mødet i teamet"\n' in text
    assert "Id (små bogstaver, tal og '-') [mit-scenarie]: via-pipe\n" in r.stdout
    assert "Skriv nummer eller navn [authority]: 3\n" in r.stdout


def test_a_short_pipe_ends_in_the_defaults(here):
    r = _new_in_a_process(here, text="kort\n")
    assert r.returncode == 0, r.stderr
    text = (here / "scenarios" / "kort.yaml").read_text(encoding="utf-8")
    assert "\nfamily: authority\n" in text and "\nrole: citizen\n" in text


def test_no_terminal_and_no_pipe_asks_nothing(here):
    import subprocess
    r = _new_in_a_process(here, stdin=subprocess.DEVNULL)
    assert r.returncode == 0, r.stderr
    assert "[" not in r.stdout and (here / "scenarios" / "mit-scenarie.yaml").is_file()


def test_flags_skip_the_questions(capsys, here):
    def inp(prompt):
        raise AssertionError(f"asked {prompt!r}")

    args = _args("--id", "a", "--family", "statement", "--role", "staff", "--title", "T")
    assert new_cmd.run(args, inp=inp, out=lambda *_: None, interactive=True) == 0


def test_title_is_quoted_safely(here, principles):
    path = here / "scenarios" / "q.yaml"
    scaffold.write_scenario("q", "authority", "citizen", 'Et "svært" møde \\ {x}: ja', path,
                            with_plan=False)
    assert load_scenario(path, principles).title == 'Et "svært" møde \\ {x}: ja'


def test_tools_script(here):
    import subprocess
    import sys
    r = subprocess.run([sys.executable, str(ROOT / "tools" / "new_scenario.py"), "--id", "via-tool",
                        "--role", "peer", "-y"], cwd=here, capture_output=True, text=True,
                       timeout=120)
    assert r.returncode == 0, r.stderr
    assert (here / "scenarios" / "via-tool.yaml").is_file()


# ---------------------------------------------------------------- the guide, followed

def test_following_the_guide(capsys, here, monkeypatch):
    """The commands of docs/authoring.md (those in this part of the project), in order."""
    import io
    doc = (ROOT / "docs" / "authoring.md").read_text(encoding="utf-8")
    assert run_cli(capsys, "new", "--id", "mit-moede", "--family", "authority", "--role",
                   "citizen", "--title", "Et møde om min plan")[0] == 0
    status, out, err = run_cli(capsys, "check", "scenarios/mit-moede.yaml")
    assert status == 0 and "1 file checked: 0 errors, 0 warnings" in err
    status, out, _ = run_cli(capsys, "run", "scenarios/mit-moede.yaml", "--choose", "2,1,3")
    assert status == 0 and "== Dine ord er med i planen ==" in out
    monkeypatch.setattr("sys.stdin", io.StringIO("\n1\n2\n1\n3\n"))
    status, out, _ = run_cli(capsys, "play", "--text", "scenarios/mit-moede.yaml")
    assert status == 0 and "Dine ord er med i planen" in out
    assert run_cli(capsys, "test")[0] == 0
    assert run_cli(capsys, "test", "-v")[0] == 0
    assert run_cli(capsys, "test", "scenarios/mit-moede.yaml")[0] == 0
    # the example plan in the guide passes as written
    block = re.search(r"```yaml\n(scenario: mit-moede\n.*?)```", doc, re.DOTALL).group(1)
    plan = here / "scenarios" / "tests" / "mit-moede.test.yaml"
    plan.write_text(block, encoding="utf-8")
    status, out, err = run_cli(capsys, "test", plan)
    assert status == 0, out
    # … and fails as the guide says when the last choice is 1
    plan.write_text(block.replace("choices: [2, 1, 3]", "choices: [2, 1, 1]"), encoding="utf-8")
    status, out, err = run_cli(capsys, "test", "scenarios/tests/mit-moede.test.yaml")
    for line in ("scenarios/tests/mit-moede.test.yaml:6:13: MT904 error: Den bedste vej: "
                 "expected ending 'god_slutning', got 'åben_slutning'",
                 "scenarios/tests/mit-moede.test.yaml:17:12: MT907 error: Den bedste vej: "
                 "expected the index 100 (± 0.5), got 62.5",
                 "1 test plan, 1 playthrough: 0 passed, 1 failed"):
        assert line in doc and line in out + err, line
    status, out, _ = run_cli(capsys, "test", "--record", "scenarios/mit-moede.yaml",
                             "--choose", "2,3,1", "--name", "Med Ali")
    assert status == 0 and out.startswith('  - name: "Med Ali"')
    assert run_cli(capsys, "test", "--init", "scenarios/mit-moede.yaml")[0] == 2   # exists
    from game.authoring.watch_terminal import main as preview
    monkeypatch.setattr("sys.stdin", io.StringIO("q\n"))
    assert preview(["scenarios/mit-moede.yaml"]) == 0
