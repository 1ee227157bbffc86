"""Every checker code, end to end through ``meeting-trainer check``.

Each test writes a small broken scenario to ``tmp_path`` and runs the real CLI
function ``game.cli.main(["check", "--no-cache", PATH])``. It asserts the
exact ``FILE:LINE:COLUMN: CODE severity`` of every line printed, the key words
of each message, the exit status (0 only warnings, 1 errors, 2 bad usage), and
that no Python traceback is ever printed.

Most scenarios are variants of ``BASE`` below (one string replaced); the line
numbers in the expectations refer to that layout. ``BASE`` is tiny, so a file
that loads without errors also gets the smell warnings in ``BASE_SMELLS``
(scenario smells run on every error-free file); the tests assert them too, so
the expectations are the full output. The smells and tone checks (MT6xx, MT7xx)
use ``SMELL_BASE``, a scenario with no smells at all. Tests marked ``xfail`` pin
down engine bugs: they describe the behaviour we want and start passing (and
so fail as XPASS, because they are strict) once the engine is fixed.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import textwrap
import threading
import tracemalloc
from pathlib import Path

import pytest
import yaml

from game.cli import main
from game.engine import yamlsrc
from game.engine.compiler import compile_file, compile_text
from game.engine.diagnostics import CODES

ROOT = Path(__file__).resolve().parents[1]
PRINCIPLES = ROOT / "scenarios" / "principles.yaml"
DOCS = ROOT / "docs" / "checks.md"

E, W = "error", "warning"

#: A small valid scenario. Line numbers (used in the expectations below):
BASE = textwrap.dedent("""\
    format: 1
    id: demo
    lang: da
    title: Demo
    family: authority
    role: citizen
    characters:
      mette: {name: Mette}
    variables:
      asked: false
      count: 0
    start: opening
    nodes:
      opening:
        say:
          - mette: "Velkommen."
        choices:
          - text: "Hej"
            score: {hope: 1}
            feedback: "Godt."
            next: done
      done:
        end: {title: "Slut"}
    """)
#  1 format: 1                 13 nodes:
#  2 id: demo                  14   opening:
#  3 lang: da                  15     say:
#  4 title: Demo               16       - mette: "Velkommen."
#  5 family: authority         17     choices:
#  6 role: citizen             18       - text: "Hej"
#  7 characters:               19         score: {hope: 1}
#  8   mette: {name: Mette}    20         feedback: "Godt."
#  9 variables:                21         next: done
# 10   asked: false            22   done:
# 11   count: 0                23     end: {title: "Slut"}
# 12 start: opening

#: Where ``choice_extra`` puts its line(s): right after ``score:`` (line 20).
CHOICE_EXTRA_LINE = 20


def variant(old: str, new: str) -> str:
    """BASE with one exact piece of text replaced."""
    assert BASE.count(old) == 1, f"{old!r} must occur exactly once in BASE"
    return BASE.replace(old, new)


def choice_extra(lines: str) -> str:
    """BASE with extra field line(s) in the first choice, from line 20 on."""
    return variant("        score: {hope: 1}\n", "        score: {hope: 1}\n" + lines + "\n")


LINE_RX = re.compile(r"^(?P<file>.+):(?P<line>\d+):(?P<col>\d+): (?P<code>MT\d{3}) "
                     r"(?P<sev>error|warning): (?P<msg>.+)$")


class Result:
    """What one ``check`` run printed and returned."""

    def __init__(self, status: int, out: str, err: str):
        self.status, self.out, self.err = status, out, err
        self.lines = out.splitlines()
        self.diags = []
        for ln in self.lines:
            m = LINE_RX.match(ln)
            assert m, f"not a 'FILE:LINE:COLUMN: CODE severity: message' line: {ln!r}"
            self.diags.append((m["file"], int(m["line"]), int(m["col"]), m["code"], m["sev"],
                               m["msg"]))

    def positions(self) -> list[tuple]:
        return [d[:5] for d in self.diags]


@pytest.fixture
def folder(tmp_path) -> Path:
    """A folder for scenario files, with the real principles.yaml beside them
    (so the result never depends on what lies in the folders above tmp_path)."""
    d = tmp_path / "scenarios"
    d.mkdir()
    shutil.copy(PRINCIPLES, d / "principles.yaml")
    return d


def run_check(capsys, *paths, no_smells: bool = False) -> Result:
    status = main(["check", "--no-cache", *(["--no-smells"] if no_smells else []),
                   *map(str, paths)])
    out, err = capsys.readouterr()
    assert "Traceback" not in out and "Traceback" not in err
    return Result(status, out, err)


def write(folder: Path, text: str | bytes, name: str = "scenario.yaml") -> Path:
    p = folder / name
    if isinstance(text, bytes):
        p.write_bytes(text)
    else:
        p.write_text(text, encoding="utf-8")
    return p


def expect(capsys, path: Path, expected: list[tuple], status: int, exact: bool = True,
           no_smells: bool = False) -> Result:
    """Check ``path``; ``expected`` holds (line, column, code, severity, *key words).

    With ``exact`` the printed lines must be exactly these (in any order);
    otherwise they must at least be among the printed lines.
    """
    r = run_check(capsys, path, no_smells=no_smells)
    want = [(str(path), ln, col, code, sev) for ln, col, code, sev, *_ in expected]
    if exact:
        assert sorted(r.positions()) == sorted(want), r.out
    else:
        for w in want:
            assert w in r.positions(), r.out
    unused = list(r.diags)
    for (ln, col, code, sev, *words), w in zip(expected, want):
        same_place = [d for d in unused if d[:5] == w]
        match = [d for d in same_place if all(word in d[5] for word in words)]
        assert match, f"no message at {w[1:]} with all of {words}: {[d[5] for d in same_place]}"
        unused.remove(match[0])
    assert r.status == status, r.out + r.err
    return r


def check_text(capsys, folder, text, expected, status=1, exact=True, name="scenario.yaml",
               no_smells=False):
    return expect(capsys, write(folder, text, name), expected, status, exact, no_smells)


#: The smell warnings BASE itself gets once it loads without errors: its two variables
#: are never used, and "Velkommen." + "Hej" is 2 words, one of them long (LIX 51).
BASE_SMELLS = [
    (10, 3, "MT605", W, "'asked' is declared but never used"),
    (11, 3, "MT605", W, "'count' is declared but never used"),
    (13, 1, "MT608", W, "LIX 51", "above 40"),
]


# ---------------------------------------------------------------- baseline

def test_base_scenario_is_clean(capsys, folder):
    r = check_text(capsys, folder, BASE, [], status=0, no_smells=True)
    assert r.out == ""
    assert "1 file checked: 0 errors, 0 warnings" in r.err


def test_base_scenario_has_only_its_known_smells(capsys, folder):
    r = check_text(capsys, folder, BASE, BASE_SMELLS, status=0)
    assert "1 file checked: 0 errors, 3 warnings" in r.err


def test_summary_line_counts_errors_and_warnings(capsys, folder):
    r = check_text(capsys, folder, variant("        feedback: \"Godt.\"\n", "").replace(
        "title: Demo", "title: [a]"), [(4, 8, "MT203", E), (18, 9, "MT503", W)], status=1)
    assert "1 file checked: 1 error, 1 warning" in r.err


# ---------------------------------------------------------------- usage: exit 2

def test_usage_no_arguments_is_exit_2(capsys):
    assert main([]) == 2
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err


def test_usage_check_without_path_is_exit_2(capsys):
    assert main(["check"]) == 2
    out, err = capsys.readouterr()
    assert "PATH" in err and "Traceback" not in out + err


def test_usage_missing_path_is_exit_2(capsys, tmp_path):
    missing = tmp_path / "findes-ikke.yaml"
    assert main(["check", "--no-cache", str(missing)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert f"no such file or folder: {missing}" in err
    assert "Traceback" not in err


def test_usage_folder_without_scenarios_is_exit_2(capsys, tmp_path):
    empty = tmp_path / "tom"
    empty.mkdir()
    assert main(["check", "--no-cache", str(empty)]) == 2
    out, err = capsys.readouterr()
    assert "no scenario files" in err and "Traceback" not in out + err


# ---------------------------------------------------------------- MT0xx reading the file

def test_mt001_file_cannot_be_read(capsys, folder, monkeypatch):
    # Running as root, permissions cannot make a file unreadable; a Unix socket
    # exists, is not a folder, and cannot be opened.
    if not hasattr(socket, "AF_UNIX"):
        pytest.skip("needs Unix sockets")
    monkeypatch.chdir(folder)  # keeps the socket path short
    sock = socket.socket(socket.AF_UNIX)
    try:
        sock.bind("sock.yaml")
        expect(capsys, Path("sock.yaml"), [(1, 1, "MT001", E, "file")], 1)
    finally:
        sock.close()


def test_mt001_folder_through_the_api(folder):
    d = folder / "mappe.yaml"
    d.mkdir()
    scenario, diags = compile_file(d, {"hope"})
    assert scenario is None
    assert [(x.line, x.column, x.code, x.severity) for x in diags] == [(1, 1, "MT001", E)]
    assert "folder" in diags[0].message


def test_mt002_file_too_large_50mb_sparse(capsys, folder):
    """A 50 MB file is refused without reading it all (sparse: instant to make)."""
    big = folder / "stor.yaml"
    with big.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    main(["check", "--no-cache", str(write(folder, BASE, "warm.yaml"))])  # imports done
    capsys.readouterr()
    tracemalloc.start()
    try:
        expect(capsys, big, [(1, 1, "MT002", E, "larger than 16 MB", "split")], 1)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 50 * 1024 * 1024


def test_mt002_decode_with_a_small_cap():
    with pytest.raises(yamlsrc.SourceProblem) as info:
        yamlsrc.decode(b"x" * 200, max_bytes=100)
    assert (info.value.code, info.value.line, info.value.column) == ("MT002", 1, 1)


def test_mt002_monkeypatched_max_bytes(capsys, folder, monkeypatch):
    cap = PRINCIPLES.stat().st_size + 100  # principles.yaml itself must still be readable
    monkeypatch.setattr(yamlsrc, "MAX_BYTES", cap)
    padded = BASE + "# fyld\n" * (cap // 7 + 1)
    check_text(capsys, folder, padded, [(1, 1, "MT002", E, "larger than")])


def test_mt003_binary_file_with_nul_byte(capsys, folder):
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
    check_text(capsys, folder, png, [(3, 1, "MT003", E, "binary data", "NUL")])


def test_mt003_nul_byte_inside_text(capsys, folder):
    check_text(capsys, folder, b"format: 1\nid: x\0y\n", [(2, 6, "MT003", E, "NUL")])


def test_mt003_invalid_utf8(capsys, folder):
    latin1 = "format: 1\nid: demo\ntitle: Møde\n".encode("latin-1")
    check_text(capsys, folder, latin1, [(3, 9, "MT003", E, "not valid UTF-8", "UTF-8 encoding")])


def test_mt003_column_counts_characters(capsys, folder):
    data = "format: 1\ntitle: Møde ".encode() + b"\xff\n"
    check_text(capsys, folder, data, [(2, 13, "MT003", E, "UTF-8")])


@pytest.mark.parametrize("text", ["", "\n\n   \n", "# kun en kommentar\n\n# og en til\n"],
                         ids=["empty", "blank-lines", "only-comments"])
def test_mt004_empty_file(capsys, folder, text):
    check_text(capsys, folder, text, [(1, 1, "MT004", E, "empty")])


# ---------------------------------------------------------------- MT1xx YAML

def test_mt101_yaml_syntax_error_at_the_position_yaml_reports(capsys, folder):
    text = variant("  mette: {name: Mette}", "  mette: {name: Mette")
    with pytest.raises(yaml.MarkedYAMLError) as info:
        yaml.safe_load(text)
    mark = info.value.problem_mark
    assert (mark.line + 1, mark.column + 1) == (9, 10)
    check_text(capsys, folder, text, [(9, 10, "MT101", E, "YAML syntax", "'}'")])


def test_mt101_colon_in_a_value(capsys, folder):
    check_text(capsys, folder, variant("title: Demo", "title: Demo: igen"),
               [(4, 12, "MT101", E, "':'", "double quotes")])


def test_mt101_tab_indentation(capsys, folder):
    text = "format: 1\nnodes:\n\topening:\n\t\tnext: x\n"
    check_text(capsys, folder, text, [(3, 1, "MT101", E, "tab", "spaces")])


def test_mt101_tab_indentation_in_a_scenario(capsys, folder):
    check_text(capsys, folder, variant("  done:\n    end:", "  done:\n\tend:"),
               [(23, 1, "MT101", E, "tab", "spaces")])


def test_mt102_duplicate_key_names_both_lines(capsys, folder):
    check_text(capsys, folder, variant("lang: da\n", "lang: da\nlang: en\n"),
               [(4, 1, "MT102", E, "duplicate key 'lang'", "line 3")])


def test_mt102_duplicate_node(capsys, folder):
    text = BASE + "  done:\n    end: {title: \"Igen\"}\n"
    check_text(capsys, folder, text, [(24, 3, "MT102", E, "'done'", "line 22")])


def test_mt103_anchor(capsys, folder):
    text = variant("  mette: {name: Mette}", "  mette: &m {name: Mette}\n  jonas: *m")
    check_text(capsys, folder, text, [(8, 10, "MT103", E, "'&m'", "not allowed")])


def test_mt103_alias_without_anchor(capsys, folder):
    check_text(capsys, folder, variant("title: Demo", "title: *titel"),
               [(4, 8, "MT103", E, "'*titel'")])


def test_mt104_python_tag_is_rejected_and_never_run(capsys, folder):
    marker = folder.parent / "PWNED"
    text = variant("title: Demo", f'title: !!python/object/apply:os.system ["touch {marker}"]')
    check_text(capsys, folder, text,
               [(4, 8, "MT104", E, "python/object/apply:os.system", "not allowed")], exact=False)
    assert not marker.exists()


def test_mt104_custom_local_tag(capsys, folder):
    check_text(capsys, folder, variant("      - mette: \"Velkommen.\"", "      - !vigtig \"Velkommen.\""),
               [(16, 9, "MT104", E, "'!vigtig'")])


def test_mt104_tag_on_a_required_field_is_the_only_problem(capsys, folder):
    check_text(capsys, folder, variant("title: Demo", "title: !!python/str Demo"),
               [(4, 8, "MT104", E, "not allowed")])


@pytest.mark.parametrize("old,new,pos", [
    ("format: 1\n", "!!python/object:os.system\nformat: 1\n", (1, 1)),
    ("      - text: \"Hej\"\n", "      - !!python/object:x\n        text: \"Hej\"\n", (18, 9)),
    ("title: Demo", "!!python/name:os.system title: Demo", (4, 1)),
], ids=["root-map", "choice-map", "key"])
def test_mt104_tags_anywhere(capsys, folder, old, new, pos):
    check_text(capsys, folder, variant(old, new), [(*pos, "MT104", E, "not allowed")])


def test_mt105_top_level_list(capsys, folder):
    check_text(capsys, folder, "- format: 1\n- id: demo\n",
               [(1, 1, "MT105", E, "map of fields", "not a list")])


def test_mt105_top_level_text(capsys, folder):
    check_text(capsys, folder, "Mødet begynder\n", [(1, 1, "MT105", E, "'Mødet begynder'")])


# ---------------------------------------------------------------- MT2xx structure

def test_mt201_unknown_field_did_you_mean(capsys, folder):
    check_text(capsys, folder, variant("      - text: \"Hej\"", "      - txt: \"Hej\""), [
        (18, 9, "MT201", E, "unknown field 'txt'", "did you mean 'text'?"),
        (18, 9, "MT202", E, "missing the field 'text'"),
    ])


def test_mt201_unknown_field_lists_the_allowed_ones(capsys, folder):
    check_text(capsys, folder, variant("  mette: {name: Mette}", "  mette: {name: Mette, farve: blå}"),
               [(8, 24, "MT201", E, "'farve'", "allowed: name, title, mood")])


def test_mt202_missing_field(capsys, folder):
    check_text(capsys, folder, variant("lang: da\n", ""),
               [(1, 1, "MT202", E, "missing the field 'lang'")])


def test_mt202_missing_ending_title(capsys, folder):
    check_text(capsys, folder, variant('    end: {title: "Slut"}', "    end: {}"),
               [(23, 10, "MT202", E, "'title'")])


def test_mt203_mistyped_score(capsys, folder):
    check_text(capsys, folder, variant("score: {hope: 1}", "score: {hope: high}"),
               [(19, 23, "MT203", E, "'hope'", "whole number", "'high'")])


def test_mt203_list_instead_of_text(capsys, folder):
    check_text(capsys, folder, variant("title: Demo", "title: [a, b]"),
               [(4, 8, "MT203", E, "title should be text", "a list")])


def test_mt203_true_instead_of_text_suggests_quotes(capsys, folder):
    check_text(capsys, folder, variant("title: Demo", "title: true"),
               [(4, 8, "MT203", E, "double quotes", '"true"')])


def test_yaml11_words_stay_text(capsys, folder, principles):
    """no, yes, on and 12:30 are text (YAML 1.2, as in VS Code), not booleans or minutes."""
    text = (variant("title: Demo", "title: no").replace("lang: da", "lang: no")
            .replace('text: "Hej"', "text: on").replace('feedback: "Godt."', "feedback: 12:30")
            .replace('end: {title: "Slut"}', "end: {title: yes}"))
    check_text(capsys, folder, text, [], status=0, no_smells=True)
    check_text(capsys, folder, text, BASE_SMELLS, status=0)    # "on" is not long either
    scenario, diags = compile_text(text, "x.yaml", principles)
    assert diags == []
    assert (scenario.title, scenario.lang) == ("no", "no")
    choice = scenario.nodes["opening"].choices[0]
    assert (str(choice.text), str(choice.feedback)) == ("on", "12:30")
    assert str(scenario.nodes["done"].end.title) == "yes"


def test_mt204_invalid_value_did_you_mean(capsys, folder):
    check_text(capsys, folder, variant("family: authority", "family: autority"),
               [(5, 9, "MT204", E, "'autority'", "did you mean 'authority'?")])


def test_mt204_invalid_scenario_id(capsys, folder):
    check_text(capsys, folder, variant("id: demo", "id: Demo_1"),
               [(2, 5, "MT204", E, "'Demo_1'", "lowercase")])


def test_mt204_lone_brace_in_text(capsys, folder):
    check_text(capsys, folder, variant('text: "Hej"', 'text: "Hej {"'),
               [(18, 20, "MT204", E, "lone '{'", "'{{'")])


def test_mt205_unsupported_format(capsys, folder):
    check_text(capsys, folder, variant("format: 1", "format: 2"),
               [(1, 9, "MT205", E, "format", "2", "1")])


def test_mt206_node_with_none_of_choices_next_end(capsys, folder):
    text = variant('  done:\n    end: {title: "Slut"}', '  done:\n    say:\n      - "Slut."')
    check_text(capsys, folder, text, [(22, 3, "MT206", E, "'done'", "none of choices, next, end")],
               exact=False)


@pytest.mark.parametrize("new,expected", [
    ('  done:\n    say:\n      - "Slut."', (22, 3, "MT206", E)),
    ("  done:\n    next: slut", (23, 11, "MT301", E)),
    ("  done:", (22, 8, "MT203", E)),
], ids=["MT206", "MT301", "MT203-null-node"])
def test_no_mt502_cascade_after_a_broken_node(capsys, folder, new, expected):
    check_text(capsys, folder, variant('  done:\n    end: {title: "Slut"}', new), [expected])


def test_mt206_node_with_both_choices_and_next(capsys, folder):
    check_text(capsys, folder, variant("        next: done\n", "        next: done\n    next: done\n"),
               [(22, 5, "MT206", E, "both 'choices' and 'next'")])


def test_mt207_score_outside_range(capsys, folder):
    check_text(capsys, folder, variant("score: {hope: 1}", "score: {hope: 3}"),
               [(19, 23, "MT207", E, "'hope' is 3", "-2 to 2")])


def test_mt208_initial_mood_outside_range(capsys, folder):
    check_text(capsys, folder, variant("  mette: {name: Mette}", "  mette: {name: Mette, mood: 5}"),
               [(8, 30, "MT208", E, "mood is 5", "-3 to 3")])


# ---------------------------------------------------------------- MT3xx references

def test_mt301_unknown_next_did_you_mean(capsys, folder):
    check_text(capsys, folder, variant("        next: done", "        next: dnoe"), [
        (21, 15, "MT301", E, "no node 'dnoe'", "did you mean 'done'?"),
        (22, 3, "MT501", W, "'done'"),
    ])


def test_mt301_unknown_start(capsys, folder):
    check_text(capsys, folder, variant("start: opening", "start: opnening"),
               [(12, 8, "MT301", E, "start", "'opnening'", "did you mean 'opening'?")])


def test_mt302_unknown_character_in_say(capsys, folder):
    check_text(capsys, folder, variant("      - mette: ", "      - mete: "),
               [(16, 9, "MT302", E, "'mete'", "did you mean 'mette'?")])


def test_mt302_unknown_character_lists_characters(capsys, folder):
    check_text(capsys, folder, variant("      - mette: ", "      - jonas: "),
               [(16, 9, "MT302", E, "'jonas'", "characters are: mette")])


def test_mt302_unknown_character_in_mood(capsys, folder):
    check_text(capsys, folder, choice_extra("        mood: {mettte: 1}"),
               [(20, 16, "MT302", E, "'mettte'", "mood", "did you mean 'mette'?")])


def test_mt302_unknown_character_in_expression(capsys, folder):
    check_text(capsys, folder, choice_extra('        if: "count > 0 and mood.mete > 0"'),
               [(20, 28, "MT302", E, "'mete'", "did you mean 'mette'?")])


def test_mt303_unknown_principle(capsys, folder):
    check_text(capsys, folder, variant("score: {hope: 1}", "score: {hoep: 1}"),
               [(19, 17, "MT303", E, "'hoep'", "did you mean 'hope'?")])


def test_mt303_unknown_principle_lists_principles(capsys, folder):
    check_text(capsys, folder, variant("score: {hope: 1}", "score: {courage: 1}"),
               [(19, 17, "MT303", E, "'courage'", "principles are:", "own_voice")])


def test_mt304_unknown_variable_in_set(capsys, folder):
    check_text(capsys, folder, choice_extra("        set: {aksed: true}"),
               [(20, 15, "MT304", E, "'aksed'", "did you mean 'asked'?")])


@pytest.mark.parametrize("line,col", [
    ('        if: "count > 0 and aksed"', 28),   # double quotes: text starts at column 14
    ("        if: 'count > 0 and aksed'", 28),   # single quotes
    ("        if: count > 0 and aksed", 27),     # plain: text starts at column 13
], ids=["double", "single", "plain"])
def test_mt304_unknown_variable_in_if_column_of_the_name(capsys, folder, line, col):
    check_text(capsys, folder, choice_extra(line),
               [(20, col, "MT304", E, "'aksed'", "did you mean 'asked'?")])


def test_mt305_duplicate_scenario_id_across_files(capsys, folder):
    write(folder, BASE, "a.yaml")
    second = write(folder, "# en kopi\n" + BASE, "b.yaml")
    r = run_check(capsys, folder)
    first = str(folder / "a.yaml")
    assert r.positions() == [(first, ln, col, code, sev) for ln, col, code, sev, *_ in BASE_SMELLS] \
        + [(str(second), 3, 5, "MT305", E)]                 # sorted: a.yaml before b.yaml
    msg = r.diags[-1][5]
    assert "'demo'" in msg and first in msg
    assert r.status == 1
    assert "2 files checked: 1 error, 3 warnings" in r.err


def test_mt306_duplicate_choice_id(capsys, folder):
    text = variant('      - text: "Hej"\n', '      - text: "Nej"\n        id: svar\n        next: done\n'
                   '      - text: "Hej"\n        id: svar\n')
    check_text(capsys, folder, text, [(22, 13, "MT306", E, "'svar'")])


def test_mt307_unknown_name_in_text(capsys, folder):
    check_text(capsys, folder, variant('text: "Hej"', 'text: "Hej {askd}"'),
               [(18, 20, "MT307", E, "'{askd}'", "did you mean 'asked'?")])


def test_mt307_unknown_statement_part_and_mood(capsys, folder):
    text = variant('"Velkommen."', '"{mood.mete} og {statement.x}"')
    check_text(capsys, folder, text, [
        (16, 17, "MT307", E, "'{mood.mete}'", "did you mean 'mette'?"),
        (16, 32, "MT307", E, "'{statement.x}'", "{statement.intro}"),
    ])


@pytest.mark.parametrize("old,new,pos", [
    ('text: "Hej"', 'text: "Hej {askd}"', (18, 20)),
    ('"Velkommen."', '"Velkommen, {askd}."', (16, 28)),
], ids=["choice-text", "say-line"])
def test_mt307_column_of_the_placeholder(capsys, folder, old, new, pos):
    check_text(capsys, folder, variant(old, new), [(*pos, "MT307", E, "'{askd}'")])


# ---------------------------------------------------------------- MT4xx expressions

def test_mt401_invalid_expression_column(capsys, folder):
    check_text(capsys, folder, choice_extra('        if: "asked == "'),
               [(20, 23, "MT401", E, "expected a value after '=='")])


def test_mt401_function_call_is_an_error_and_never_runs(capsys, folder):
    marker = folder.parent / "PWNED"
    r = check_text(capsys, folder, choice_extra(f"""        if: "__import__('os').system('touch {marker}')\""""),
                   [(20, 24, "MT401", E, "function calls are not allowed", "'__import__'")])
    assert r.status == 1
    assert not marker.exists()


def test_mt401_function_call_in_set(capsys, folder):
    marker = folder.parent / "PWNED"
    check_text(capsys, folder, choice_extra(f"""        set: {{count: "__import__('os').system('touch {marker}')"}}"""),
               [(20, 33, "MT401", E, "function calls are not allowed")])
    assert not marker.exists()


def test_mt401_empty_expression(capsys, folder):
    check_text(capsys, folder, choice_extra('        if: "  "'), [(20, 14, "MT401", E, "empty")])


def test_mt401_empty_string_expression(capsys, folder):
    check_text(capsys, folder, choice_extra('        if: ""'), [(20, 14, "MT401", E, "empty")])


def test_folded_block_expression_is_accepted(capsys, folder):
    # the full output: 'count' is now read, and the only choice is hidden while count = 0
    check_text(capsys, folder, choice_extra("        if: >\n          count > 0"),
               [x for x in BASE_SMELLS if "'count'" not in x[4]]
               + [(14, 3, "MT607", W, "'opening' shows no choice when count = 0")], status=0)


def test_mt304_position_inside_a_block_expression(capsys, folder):
    text = choice_extra("        if: >-\n          count > 0 and\n          aksed")
    check_text(capsys, folder, text, [(22, 11, "MT304", E, "'aksed'")])


def test_mt402_condition_gives_a_number(capsys, folder):
    check_text(capsys, folder, choice_extra('        if: "count"'),
               [(20, 14, "MT402", E, "gives a number", "true or false")])


def test_mt402_set_bool_to_a_number(capsys, folder):
    check_text(capsys, folder, choice_extra('        set: {asked: "1 + 1"}'),
               [(20, 23, "MT402", E, "'asked' holds true/false", "'1 + 1'", "whole number")])


def test_mt402_compare_number_and_bool(capsys, folder):
    check_text(capsys, folder, choice_extra('        if: "count == true"'),
               [(20, 20, "MT402", E, "'=='", "same kind")])


# ---------------------------------------------------------------- MT5xx flow

def test_mt501_unreachable_node_is_a_warning(capsys, folder):
    r = check_text(capsys, folder, BASE + '  extra:\n    end: {title: "Ekstra"}\n',
                   [(24, 3, "MT501", W, "'extra'", "cannot be reached", "'opening'")] + BASE_SMELLS,
                   status=0)
    assert "0 errors, 4 warnings" in r.err


LOOP = textwrap.dedent("""\
    format: 1
    id: loop
    lang: da
    title: Rundt
    family: authority
    role: citizen
    characters: {}
    start: a
    nodes:
      a:
        next: b
      b:
        next: a
    """)


def test_mt502_loop_of_next_nodes(capsys, folder):
    check_text(capsys, folder, LOOP, [
        (10, 3, "MT502", E, "node 'a'", "loops"),
        (12, 3, "MT502", E, "node 'b'", "loops"),
    ])


SELF = textwrap.dedent("""\
    format: 1
    id: igen
    lang: da
    title: Igen og igen
    family: authority
    role: citizen
    characters: {}
    start: opening
    nodes:
      opening:
        choices:
          - text: "Igen"
            next: opening
    """)


def test_mt502_choice_points_at_its_own_node(capsys, folder):
    check_text(capsys, folder, SELF, [(10, 3, "MT502", E, "node 'opening'", "'end:'")])


def test_mt502_self_loop_with_an_unreachable_ending(capsys, folder):
    check_text(capsys, folder, variant("        next: done\n", "        next: opening\n"), [
        (14, 3, "MT502", E, "'opening'"),
        (22, 3, "MT501", W, "'done'"),
    ])


def test_mt503_scored_choice_without_feedback_is_a_warning(capsys, folder):
    check_text(capsys, folder, variant('        feedback: "Godt."\n', ""),
               [(18, 9, "MT503", W, "score but no feedback", "feedback:")] + BASE_SMELLS, status=0)


def test_mt503_not_for_an_all_zero_score(capsys, folder):
    text = variant('        feedback: "Godt."\n', "").replace("{hope: 1}", "{hope: 0}")
    check_text(capsys, folder, text, [], status=0, no_smells=True)


# ---------------------------------------------------------------- MT6xx scenario smells

#: A small scenario with no smells and no tone problems: three scored decisions, the best
#: option in a different place each time and never clearly the longest, a variable that
#: is set and read, two characters who both speak, plain words (LIX 12).
SMELL_BASE = textwrap.dedent("""\
    format: 1
    id: lugt
    lang: da
    title: Lugt
    family: authority
    role: citizen
    characters:
      mette: {name: Mette}
      ali: {name: Ali}
    variables:
      spurgt: false
    start: a
    nodes:
      a:
        say:
          - mette: "Velkommen til mødet."
          - ali: "Jeg sidder her ved siden af dig."
        choices:
          - text: "Nej, det vil jeg ikke tale om nu."
            score: {own_voice: -1}
            feedback: "Det er okay at vente."
            next: b
          - text: "Hvem bestemmer i dag?"
            score: {transparency: 2}
            feedback: "Nu ved du, hvem der bestemmer."
            set: {spurgt: true}
            next: b
      b:
        choices:
          - text: "Hvad kan jeg vælge?"
            score: {shared_decision: 2}
            feedback: "Du bad om at få valget."
            next: c
          - text: "Det må I bestemme, det er fint."
            score: {shared_decision: -1}
            feedback: "Du kan også spørge, hvad du kan vælge."
            next: c
      c:
        choices:
          - text: "Tak for i dag, og farvel."
            score: {hope: -1}
            feedback: "Du kan også aftale, hvad der sker nu."
            next: slut
          - text: "Ses vi igen?"
            score: {hope: 1}
            feedback: "Nu ved du, hvad der sker."
            next: slut
          - text: "Kan vi se på planen igen?"
            if: "spurgt"
            score: {transparency: 1, hope: 1}
            feedback: "Du ved, at planen kan ændres."
            next: slut
      slut:
        end: {title: "Slut"}
    """)
#  1 format: 1          13 nodes:       28   b:             38   c:             53   slut:
#  7 characters:        14   a:         30     "Hvad kan …"  40     "Tak for …"  54     end:
#  8   mette            16     mette    34     "Det må I …"  44     "Ses vi …"
#  9   ali              17     ali      (choices of a: 19 "Nej, …", 23 "Hvem …")
# 10 variables:         11   spurgt: false                     48     "Kan vi …" (if: spurgt)


def smell_variant(old: str, new: str) -> str:
    """SMELL_BASE with one exact piece of text replaced."""
    assert SMELL_BASE.count(old) == 1, f"{old!r} must occur exactly once in SMELL_BASE"
    return SMELL_BASE.replace(old, new)


def test_smell_base_is_clean(capsys, folder):
    r = check_text(capsys, folder, SMELL_BASE, [], status=0)
    assert r.out == "" and "1 file checked: 0 errors, 0 warnings" in r.err


def test_mt601_decision_without_a_recovery_aligned_option(capsys, folder):
    text = smell_variant("score: {transparency: 2}", "score: {transparency: -1, hope: 1}")
    r = check_text(capsys, folder, text, [
        (14, 3, "MT601", W, "decision 'a' offers no recovery-aligned option",
         "scores +0 or less", "add a choice that scores above 0"),
    ], status=0)
    assert r.lines == [f"{folder / 'scenario.yaml'}:14:3: MT601 warning: decision 'a' offers no "
                       "recovery-aligned option: every visible choice scores +0 or less in total; "
                       "add a choice that scores above 0 (one that invites or uses a recovery "
                       "principle), or check the conditions"]


def test_mt601_names_the_situation(capsys, folder):
    # 'Ses vi igen?' only while spurgt is false: when it is true, c offers nothing above 0
    text = smell_variant('      - text: "Ses vi igen?"\n',
                         '      - text: "Ses vi igen?"\n        if: "not spurgt"\n') \
        .replace("score: {transparency: 1, hope: 1}", "score: {transparency: 1, hope: -1}")
    check_text(capsys, folder, text, [(38, 3, "MT601", W, "decision 'c'", "when spurgt = true")],
               status=0)


def test_mt602_all_options_score_the_same(capsys, folder):
    text = smell_variant("score: {shared_decision: -1}", "score: {shared_decision: 2}")
    check_text(capsys, folder, text, [
        (28, 3, "MT602", W, "the 2 choices in decision 'b' all have exactly the same score",
         "makes no difference"),
    ], status=0)


def test_mt603_best_option_usually_shown_first(capsys, folder):
    nej = ('      - text: "Nej, det vil jeg ikke tale om nu."\n'
           '        score: {own_voice: -1}\n'
           '        feedback: "Det er okay at vente."\n'
           '        next: b\n')
    text = smell_variant(nej, "").replace("        next: b\n  b:\n",
                                          "        next: b\n" + nej + "  b:\n")
    check_text(capsys, folder, text, [
        (13, 1, "MT603", W, "shown first in 2 of 3 decisions (67%): 'a', 'b'", "shuffle: true"),
    ], status=0)


def test_mt604_best_option_usually_the_longest(capsys, folder):
    text = smell_variant('"Hvem bestemmer i dag?"', '"Hvem er det, der bestemmer over min plan i dag?"') \
        .replace('"Hvad kan jeg vælge?"', '"Hvad kan jeg vælge imellem, og hvad betyder det?"')
    check_text(capsys, folder, text, [
        (13, 1, "MT604", W, "the longest text in 2 of 3 decisions (67%): 'a', 'b'",
         "players learn to pick the longest answer"),
    ], status=0)


def test_mt605_unused_variable(capsys, folder):
    text = smell_variant("  spurgt: false\n", "  spurgt: false\n  ubrugt: 0\n")
    check_text(capsys, folder, text, [
        (12, 3, "MT605", W, "variable 'ubrugt' is declared but never used", "remove it"),
    ], status=0)


def test_mt605_variable_set_but_never_read(capsys, folder):
    text = smell_variant('        if: "spurgt"\n', "")
    check_text(capsys, folder, text, [
        (11, 3, "MT605", W, "variable 'spurgt' is set but never read", "changes nothing"),
    ], status=0)


def test_mt606_unused_character(capsys, folder):
    text = smell_variant("  ali: {name: Ali}\n", "  ali: {name: Ali}\n  jonas: {name: Jonas}\n")
    check_text(capsys, folder, text, [
        (10, 3, "MT606", W, "character 'jonas' is declared but never speaks", "mood.jonas"),
    ], status=0)


def test_mt607_a_decision_can_show_no_choice(capsys, folder):
    text = smell_variant('      - text: "Tak for i dag, og farvel."\n',
                         '      - text: "Tak for i dag, og farvel."\n        if: "spurgt"\n') \
        .replace('      - text: "Ses vi igen?"\n',
                 '      - text: "Ses vi igen?"\n        if: "spurgt"\n')
    check_text(capsys, folder, text, [
        (38, 3, "MT607", W, "decision 'c' shows no choice when spurgt = false", "stuck"),
    ], status=0)


def test_mt607_at_a_difficulty(capsys, folder):
    text = smell_variant('      - text: "Hvad kan jeg vælge?"\n',
                         '      - text: "Hvad kan jeg vælge?"\n        if: "difficulty < 3"\n') \
        .replace('      - text: "Det må I bestemme, det er fint."\n',
                 '      - text: "Det må I bestemme, det er fint."\n'
                 '        if: "difficulty < 3"\n')
    check_text(capsys, folder, text, [(28, 3, "MT607", W, "'b' shows no choice at difficulty 3")],
               status=0)


def test_mt608_text_is_hard_to_read(capsys, folder):
    hard = ("Rehabiliteringsteamets tværfaglige beskæftigelsesindsats forudsætter "
            "sagsbehandlerens helhedsorienterede arbejdsevnevurdering, lægefaglige "
            "dokumentation, virksomhedspraktikkens erfaringsopsamling og borgerens egenvurdering")
    text = smell_variant('"Velkommen til mødet."', f'"{hard}."').replace(
        '"Jeg sidder her ved siden af dig."', f'"{hard}."')
    # 66 words, 9 sentences (two lines, seven choices), 28 long words: 66/9 + 100*28/66 = 49.8
    check_text(capsys, folder, text, [
        (13, 1, "MT608", W, "has LIX 50 (above 40: hard to read; 66 words, 9 sentences, "
         "28 long words)", "16:17 (LIX", "17:15 (LIX", "shorter sentences and everyday words"),
    ], status=0)


# ---------------------------------------------------------------- MT7xx tone and safety

def test_mt701_word_the_rubric_avoids_in_feedback(capsys, folder):
    text = smell_variant('"Det er okay at vente."', '"Det er ingen fejl at vente."')
    r = check_text(capsys, folder, text, [
        (21, 33, "MT701", W, "'fejl' in the feedback of choice 1 in node 'a'",
         "the rubric avoids 'fejl' in feedback", "en anden mulighed"),
    ], status=0)
    assert "0 errors, 1 warning" in r.err


def test_mt701_ending_title_and_english(capsys, folder):
    text = smell_variant("lang: da", "lang: en").replace(
        '"Du bad om at få valget."', '"That was not a mistake."').replace(
        'end: {title: "Slut"}', 'end: {title: "The patient went home"}')
    check_text(capsys, folder, text, [
        (32, 35, "MT701", W, "'mistake' in the feedback of choice 1 in node 'b'", "another option"),
        (54, 19, "MT701", W, "'The patient' in the ending title of node 'slut'"),
    ], status=0)


def test_mt702_safety_choice_scored_below_0(capsys, folder):
    text = smell_variant("        score: {own_voice: -1}\n",
                         "        safety: true\n        score: {own_voice: -1}\n")
    r = check_text(capsys, folder, text, [
        (21, 17, "MT702", E, "choice 1 in node 'a' is a safety choice but scores -1 on "
         "'own_voice'", "never scored below 0"),
    ], status=1)
    assert "1 file checked: 1 error, 0 warnings" in r.err


def test_mt702_not_for_a_safety_choice_scored_0_or_more(capsys, folder):
    text = smell_variant("        score: {transparency: 2}\n",
                         "        safety: true\n        score: {transparency: 2}\n")
    check_text(capsys, folder, text, [], status=0)


# ---------------------------------------------------------------- smells and tone in the command

def test_no_smells_turns_off_mt6xx_but_not_the_tone_checks(capsys, folder):
    text = smell_variant("  spurgt: false\n", "  spurgt: false\n  ubrugt: 0\n").replace(
        '"Det er okay at vente."', '"Det er ingen fejl at vente."').replace(
        "        score: {own_voice: -1}\n", "        safety: true\n        score: {own_voice: -1}\n")
    check_text(capsys, folder, text, [
        (12, 3, "MT605", W, "'ubrugt'"),
        (22, 17, "MT702", E, "'own_voice'"),
        (23, 33, "MT701", W, "'fejl'"),
    ], status=1)
    r = check_text(capsys, folder, text, [
        (22, 17, "MT702", E, "'own_voice'"),
        (23, 33, "MT701", W, "'fejl'"),
    ], status=1, no_smells=True)
    assert "1 file checked: 1 error, 1 warning" in r.err


def test_smells_and_tone_only_for_files_without_errors(capsys, folder):
    # an engine error (MT303) in the same file: no smells, no tone diagnostics
    text = smell_variant("  spurgt: false\n", "  spurgt: false\n  ubrugt: 0\n").replace(
        '"Det er okay at vente."', '"Det er ingen fejl at vente."').replace(
        "score: {shared_decision: -1}", "score: {shared_desicion: -1}")
    check_text(capsys, folder, text, [(36, 17, "MT303", E, "'shared_desicion'")], status=1)


def test_output_is_sorted_by_file_line_column_code(capsys, folder):
    write(folder, BASE + '  extra:\n    end: {title: "Ekstra"}\n', "b.yaml")
    write(folder, smell_variant("id: lugt", "id: lugt-a").replace(
        '"Det er okay at vente."', '"Det er ingen fejl at vente."'), "a.yaml")
    r = run_check(capsys, folder)
    a, b = str(folder / "a.yaml"), str(folder / "b.yaml")
    assert r.positions() == [
        (a, 21, 33, "MT701", W),
        (b, 10, 3, "MT605", W), (b, 11, 3, "MT605", W), (b, 13, 1, "MT608", W),
        (b, 24, 3, "MT501", W),
    ]
    assert r.status == 0 and "2 files checked: 0 errors, 5 warnings" in r.err


def test_smell_analysis_failure_is_a_note_not_a_traceback(capsys, folder, monkeypatch):
    from game.authoring import smells as smells_mod

    def boom(*_args, **_kw):
        raise MemoryError("the state space is too large")
    monkeypatch.setattr(smells_mod, "smells", boom)
    text = smell_variant('"Det er okay at vente."', '"Det er ingen fejl at vente."')
    r = check_text(capsys, folder, text, [(21, 33, "MT701", W, "'fejl'")], status=0)
    assert "note: " in r.err and "smell analysis was skipped" in r.err and "MemoryError" in r.err


def test_smell_search_beyond_its_bound_degrades(capsys, folder, monkeypatch):
    """The shared explorer is unavailable and the plain search may visit one state: the
    situation-based smells cover what was reached, the others still run, no traceback."""
    from game.authoring import smells as smells_mod
    monkeypatch.setattr(smells_mod, "_explore_statespace", lambda *a: False)
    monkeypatch.setattr(smells_mod, "FALLBACK_STATES", 1)
    text = smell_variant("  spurgt: false\n", "  spurgt: false\n  ubrugt: 0\n")
    check_text(capsys, folder, text, [(12, 3, "MT605", W, "'ubrugt'")], status=0)


def test_shipped_library_has_no_errors_and_no_warnings(capsys):
    r = run_check(capsys, ROOT / "scenarios")
    assert r.out == "", r.out
    assert r.status == 0
    assert " checked: 0 errors, 0 warnings" in r.err


# ---------------------------------------------------------------- other engine bugs

def test_control_character_with_ampersand_no_traceback(capsys, folder):
    check_text(capsys, folder, "format: 1\ntitle: Mette & Jonas\x1b\n",
               [(2, 21, "MT101", E, "control character")])


def test_control_character_position_and_one_line(capsys, folder):
    check_text(capsys, folder, "format: 1\ntitle: Mette og Jonas\x1b\n",
               [(2, 22, "MT101", E, "control character")])


@pytest.mark.parametrize("text,expected", [
    ("---", (1, 1, "MT004", E, "empty")),
    ("format: 1\nid: [demo", (2, 10, "MT101", E)),
], ids=["empty-document", "end-of-stream"])
def test_positions_stay_inside_the_file(capsys, folder, text, expected):
    check_text(capsys, folder, text, [expected])


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_named_pipe_does_not_hang(capsys, folder):
    fifo = folder / "pipe.yaml"
    os.mkfifo(fifo)
    result = {}
    worker = threading.Thread(target=lambda: result.update(status=main(
        ["check", "--no-cache", str(fifo)])), daemon=True)
    worker.start()
    worker.join(3)  # a hang detector, not a speed test: the answer needs no reading at all
    hung = worker.is_alive()
    if hung:  # let the blocked open() finish, so the thread ends
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        worker.join(10)
    out, err = capsys.readouterr()
    assert not hung, "check hangs on a named pipe"
    assert result["status"] == 1
    assert out.startswith(f"{fifo}:1:1: MT001 error: ")


def test_say_line_with_a_list_as_key(capsys, folder):
    check_text(capsys, folder, variant('      - mette: "Velkommen."', '      - {[a]: "Velkommen."}'),
               [(16, 9, "MT203", E)])


# ---------------------------------------------------------------- bad input: fast, no traceback

BOMB = "\n".join(
    ['lol0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    + [f"lol{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 9) + "]" for i in range(1, 10)]) + "\n"

BAD_INPUT = {
    "billion-laughs": (BOMB, (1, 7, "MT103")),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", (3, 1, "MT003")),
    "tab-indentation": ("format: 1\nnodes:\n\topening:\n", (3, 1, "MT101")),
    "loop-of-next-nodes": (LOOP, (10, 3, "MT502")),
    "import-os-system": (choice_extra("""        if: "__import__('os').system('x')\""""),
                         (20, 24, "MT401")),
    "duplicate-key": ("format: 1\nformat: 1\n", (2, 1, "MT102")),
    "choice-points-at-itself": (SELF, (10, 3, "MT502")),
    "empty-file": ("", (1, 1, "MT004")),
    "file-is-a-list": ("- a\n- b\n", (1, 1, "MT105")),
}


@pytest.mark.parametrize("name", list(BAD_INPUT))
def test_bad_input_is_refused_without_traceback(capsys, folder, name):
    text, (line, col, code) = BAD_INPUT[name]
    path = write(folder, text)
    r = run_check(capsys, path)
    assert r.status == 1
    assert (str(path), line, col, code, E) in r.positions(), r.out


def test_billion_laughs_memory_stays_low(capsys, folder):
    path = write(folder, BOMB)
    main(["check", "--no-cache", str(write(folder, BASE, "warm.yaml"))])  # imports done
    capsys.readouterr()
    tracemalloc.start()
    try:
        r = run_check(capsys, path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert r.positions() == [(str(path), 1, 7, "MT103", E)]
    assert r.status == 1
    assert peak < 50 * 1024 * 1024


def test_many_bad_files_in_one_run_each_reported(capsys, folder):
    """One broken file never hides the others; output stays one line per problem."""
    for i, name in enumerate(BAD_INPUT):
        write(folder, BAD_INPUT[name][0], f"{i:02d}-{name}.yaml")
    r = run_check(capsys, folder)
    assert r.status == 1
    assert {d[0] for d in r.diags} == {str(folder / f"{i:02d}-{n}.yaml")
                                       for i, n in enumerate(BAD_INPUT)}


# ---------------------------------------------------------------- the docs

def test_every_code_has_a_heading_in_docs_checks_md():
    text = DOCS.read_text(encoding="utf-8")
    for code, (severity, title) in CODES.items():
        assert re.search(rf"^## {code}\b", text, re.M), f"docs/checks.md has no '## {code}' heading"
        assert f"## {code} — {title}" in text, f"heading for {code} should use the title {title!r}"


def test_every_code_has_a_test_here():
    source = Path(__file__).read_text(encoding="utf-8")
    for code in CODES:
        assert re.search(rf"def test_{code.lower()}_", source), f"no test for {code}"


def test_severities_in_docs_match_codes():
    text = DOCS.read_text(encoding="utf-8")
    for code, (severity, _title) in CODES.items():
        section = text.split(f"## {code}", 1)[1].split("\n## ", 1)[0]
        assert f"Severity: **{severity}**" in section, code

