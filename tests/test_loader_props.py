"""Property tests: the loader never raises, and every diagnostic is well formed.

For any text, any bytes and any YAML document built from scenario-like keys,
``compile_text`` returns ``(scenario or None, diagnostics)`` instead of
raising, and every diagnostic has a known code, the code's severity, a 1-based
line and column, and a line that exists in the file.
"""

from __future__ import annotations

import copy
import re
import textwrap
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from game.engine import principles as principles_mod
from game.engine import yamlsrc
from game.engine.compiler import compile_text
from game.engine.diagnostics import CODES

ROOT = Path(__file__).resolve().parents[1]
_PRINCIPLES_FILE = ROOT / "scenarios" / "principles.yaml"
PRINCIPLES = (principles_mod.load_principles(_PRINCIPLES_FILE) if _PRINCIPLES_FILE.exists()
              else set(principles_mod.V1_IDS))

FILE = "x.yaml"
SETTINGS = settings(max_examples=300, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])

#: What YAML (and so the checker) counts as a line break.
_BREAKS = re.compile(r"\r\n|[\n\r\x85\u2028\u2029]")


def assert_well_formed(result, text: str) -> None:
    scenario, diags = result
    assert isinstance(diags, list)
    # The line after the last may be named by an end-of-stream error ("x: [" with no final
    # newline is reported at 2:1; see test_checker_codes.py::test_positions_stay_inside_the_file).
    last_line = len(_BREAKS.findall(text)) + 2
    for d in diags:
        assert d.file == FILE
        assert d.code in CODES, d
        assert d.severity == CODES[d.code][0], d
        assert isinstance(d.line, int) and isinstance(d.column, int)
        assert 1 <= d.line <= last_line, (d, last_line)
        assert d.column >= 1, d
        assert d.message.strip(), d
    if scenario is None:
        assert any(d.is_error for d in diags), "no scenario, but no error said why"
    assert diags == sorted(diags, key=lambda d: d.sort_key())


def compile_ok(text: str):
    result = compile_text(text, FILE, PRINCIPLES)
    assert_well_formed(result, text)
    return result


# ---------------------------------------------------------------- arbitrary text

@SETTINGS
@given(st.text())
@example("")
@example("format: 1\n")
@example("- a\n- b\n")
@example("a: &x 1\nb: *x\n")
@example("title: !!python/object/apply:os.system [x]\n")
@example("\tnodes: 1\n")
@example("a: 1\na: 2\n")
@example('"unclosed\n')
@example("\ufeffformat: 1\n")
@example("\u2028\u2028x: [")
def test_compile_text_never_raises(text):
    compile_ok(text)


_yamlish = st.lists(st.one_of(
    st.sampled_from(["format", "id", "nodes", "choices", "text", "next", "score", "if", "set",
                     "say", "end", "title", "mood", "mette", "hope", "opening"]),
    st.sampled_from([":", ": ", "- ", "\n", "  ", "\t", "{", "}", "[", "]", ",", "'", '"', "#",
                     "&a ", "*a", "!!str ", "!x ", "? ", "|", ">", "---", "...", "%YAML 1.2"]),
    st.text(max_size=5),
    st.integers(-5, 5).map(str)), max_size=40).map("".join)


@SETTINGS
@given(_yamlish)
def test_compile_text_never_raises_on_yaml_like_text(text):
    compile_ok(text)


@SETTINGS
@given(st.text())
@example("title: A & B\x1b\n")
def test_compile_text_never_raises_including_control_characters(text):
    compile_ok(text)


@SETTINGS
@given(st.text())
@example("title: A og B\x1b\n")
@example("title: \"a\x85b\u2028c\"\nnodes: [\x85\n")
def test_messages_are_one_line(text):
    _, diags = compile_ok(text)
    for d in diags:
        assert len(d.format().splitlines()) == 1, d.format()


# ---------------------------------------------------------------- arbitrary bytes

def _decode_and_compile(data: bytes):
    try:
        text = yamlsrc.decode(data)
    except yamlsrc.SourceProblem as problem:
        assert problem.code in CODES
        assert CODES[problem.code][0] == "error"
        assert problem.line >= 1 and problem.column >= 1
        d = problem.diagnostic(FILE)
        assert (d.line, d.column, d.code) == (problem.line, problem.column, problem.code)
        return None
    assert isinstance(text, str)
    return compile_ok(text)


@SETTINGS
@given(st.binary())
@example(b"")
@example(b"\x00")
@example(b"\xff\xfe")
@example(b"\xef\xbb\xbf")
@example(b"format: 1\n\xc3")
def test_decode_never_raises_anything_but_source_problem(data):
    _decode_and_compile(data)


@SETTINGS
@given(st.text(), st.data())
def test_decode_reports_the_line_of_a_bad_byte(text, data):
    raw = text.encode("utf-8")
    at = data.draw(st.integers(0, len(raw)))
    assume(raw[:at].decode("utf-8", "ignore").encode("utf-8") == raw[:at])  # on a char boundary
    bad = data.draw(st.sampled_from([b"\x00", b"\xff", b"\xc0", b"\x80"]))
    broken = raw[:at] + bad + raw[at:]
    assume(b"\x00" not in raw[:at])  # the first NUL wins
    with pytest.raises(yamlsrc.SourceProblem) as info:
        yamlsrc.decode(broken)
    assert info.value.code == "MT003"
    if bad == b"\x00" or broken.find(b"\x00") < 0:
        assert info.value.line == raw[:at].count(b"\n") + 1


# ---------------------------------------------------------------- structured documents

KEYS = ["format", "id", "lang", "title", "family", "role", "summary", "content_note",
        "difficulty", "characters", "variables", "start", "nodes", "say", "choices", "text",
        "next", "score", "feedback", "mood", "set", "if", "end", "name", "tags", "shuffle",
        "safety", "opening", "done", "mette", "hope", "own_voice", "asked", "count", "txt"]

SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(-5, 5), st.integers(),
    st.floats(allow_nan=False), st.sampled_from(KEYS), st.text(max_size=12),
    st.sampled_from(["count > 0", "mood.mette >= 1", "asked and not asked", "1 +", "(", "",
                     "__import__('os').system('x')", "{asked}", "{mood.mette}", "{statement.intro}",
                     "{", "}", "{}", "no", "yes", "on", "12:30", "authority", "citizen", "da"]))

TREES = st.recursive(
    SCALARS,
    lambda kids: st.one_of(st.lists(kids, max_size=4),
                           st.dictionaries(st.sampled_from(KEYS), kids, max_size=6)),
    max_leaves=40)


def dump(doc, flow) -> str:
    return yaml.safe_dump(doc, allow_unicode=True, default_flow_style=flow, sort_keys=False)


@SETTINGS
@given(st.dictionaries(st.sampled_from(KEYS), TREES, max_size=14),
       st.sampled_from([False, True, None]))
def test_random_scenario_like_documents(doc, flow):
    text = dump(doc, flow)
    compile_ok(text)


@SETTINGS
@given(TREES, st.sampled_from([False, True, None]))
def test_random_documents_of_any_shape(doc, flow):
    text = dump(doc, flow)
    compile_ok(text)


VALID = textwrap.dedent("""\
    format: 1
    id: demo
    lang: da
    title: Demo
    family: authority
    role: citizen
    characters:
      mette: {name: Mette, title: Sagsbehandler, mood: 1}
    variables:
      asked: false
      count: 0
    start: opening
    nodes:
      opening:
        say:
          - "Fire personer sidder om bordet."
          - mette: "Velkommen, {count}."
        choices:
          - text: "Hej"
            score: {hope: 1, own_voice: 2}
            feedback: "Godt."
            mood: {mette: 1}
            set: {asked: "true", count: "count + 1"}
            next: middle
          - text: "Hvem bestemmer?"
            if: "not asked or mood.mette >= 1"
            next: done
      middle:
        next: done
      done:
        end: {title: "Slut"}
    """)
VALID_DOC = yaml.safe_load(VALID)


def _paths(obj, prefix=()):
    yield prefix
    if isinstance(obj, dict):
        for k, v in obj.items():
            yield from _paths(v, prefix + (k,))
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from _paths(v, prefix + (i,))


PATHS = [p for p in _paths(VALID_DOC) if p]


def test_the_valid_document_is_clean():
    scenario, diags = compile_ok(VALID)
    assert scenario is not None and diags == []


@SETTINGS
@given(st.lists(st.tuples(st.sampled_from(PATHS), TREES, st.booleans()), min_size=1, max_size=4),
       st.sampled_from([False, True, None]))
def test_mutated_valid_scenario(mutations, flow):
    """Replace or delete a few values deep inside a valid scenario."""
    doc = copy.deepcopy(VALID_DOC)
    for path, value, delete in mutations:
        obj = doc
        try:
            for k in path[:-1]:
                obj = obj[k]
            if delete and isinstance(obj, dict):
                obj.pop(path[-1], None)
            else:
                obj[path[-1]] = value
        except (KeyError, IndexError, TypeError):
            pass
    text = dump(doc, flow)
    first = compile_ok(text)
    again = compile_text(text, FILE, PRINCIPLES)
    assert [d.format() for d in first[1]] == [d.format() for d in again[1]]
