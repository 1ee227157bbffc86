"""Author test plans: ``scenarios/tests/<scenario-id>.test.yaml``.

A test plan is a list of named playthroughs. Each gives the choices to make
(the numbers the player sees, or choice ids) and what should come out: the
ending, nodes on the way, lines in the transcript, scores, variables, moods.
``meeting-trainer test`` plays every playthrough with the engine (exactly as
``meeting-trainer run`` does) and reports each expectation that does not hold
at its own line and column in the test file::

    scenarios/tests/x.test.yaml:14:16: MT904 error: Den bedste vej: expected ending 'a', got 'b'

The file is read with the project's strict YAML reader (no anchors, no tags,
YAML 1.2 values, duplicate keys refused), so mistakes in the plan itself are
reported with positions too (MT901). The format is documented in
``docs/authoring.md``. Codes:

=======  ==========================================================
MT901    the test plan itself has a mistake (unknown field, wrong type …)
MT902    the scenario cannot be found or has errors
MT903    the playthrough cannot be played (a choice is not visible …)
MT904    wrong ending
MT905    a node is missing from the path, or is there but should not be
MT906    a line is missing from the transcript
MT907    a score or the index is not as expected
MT908    a variable or a mood is not as expected
=======  ==========================================================
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..engine import yamlsrc
from ..engine.diagnostics import Diagnostic, did_you_mean
from ..engine.loader import text_start
from ..engine.model import Scenario
from ..engine.scoring import quality

ERROR = "error"
SUFFIX = ".test.yaml"

#: code -> title
TEST_CODES: dict[str, str] = {
    "MT901": "mistake in the test plan",
    "MT902": "the scenario cannot be found or has errors",
    "MT903": "the playthrough cannot be played",
    "MT904": "wrong ending",
    "MT905": "wrong path",
    "MT906": "line missing from the transcript",
    "MT907": "wrong score",
    "MT908": "wrong variable or mood",
}

#: ``statement: true`` plays with this personal statement.
SAMPLE_STATEMENT = {
    "intro": "Jeg hedder Kim. Jeg har arbejdet i et køkken i tolv år.",
    "important": "at jeg kan starte roligt og bruge mine hænder",
    "help": "at finde en praktik med faste opgaver",
    "so_that": "jeg kan komme tilbage til arbejdet i mit eget tempo",
}
STATEMENT_PARTS = tuple(SAMPLE_STATEMENT)
DEFAULT_TOLERANCE = 0.5

TOP_FIELDS = ("scenario", "tolerance", "playthroughs", "note")
PLAY_FIELDS = ("name", "note", "choices", "difficulty", "statement", "seed", "tolerance",
               "ending", "path_includes", "path_excludes", "lines", "scores", "index",
               "variables", "moods")
_PLUS_MINUS = re.compile(r"^\s*(-?\d+(?:[.,]\d+)?)\s*(?:±|\+-|\+/-)\s*(\d+(?:[.,]\d+)?)\s*$")

Pos = tuple[int, int]


# ---------------------------------------------------------------- the plan as data

@dataclass
class Value:
    value: object
    pos: Pos


@dataclass
class Score:
    """An expected number (``expected`` ± ``tolerance``) or None for "not in play"."""

    expected: float | None
    tolerance: float | None     # None: use the playthrough's / file's tolerance
    pos: Pos

    def describe(self, tol: float) -> str:
        if self.expected is None:
            return "not in play (null)"
        return f"{_num(self.expected)} (± {_num(tol)})"


@dataclass
class Playthrough:
    name: str
    pos: Pos
    choices: list[Value] = field(default_factory=list)
    choices_pos: Pos = (1, 1)
    difficulty: int | None = None
    statement: dict | None = None
    seed: int = 0
    tolerance: float | None = None
    ending: Value | None = None
    path_includes: list[Value] = field(default_factory=list)
    path_excludes: list[Value] = field(default_factory=list)
    lines: list[Value] = field(default_factory=list)
    scores: dict[str, Score] = field(default_factory=dict)
    score_keys: dict[str, Pos] = field(default_factory=dict)
    index: Score | None = None
    variables: dict[str, Value] = field(default_factory=dict)
    variable_keys: dict[str, Pos] = field(default_factory=dict)
    moods: dict[str, Value] = field(default_factory=dict)
    mood_keys: dict[str, Pos] = field(default_factory=dict)


@dataclass
class Plan:
    file: str
    scenario: str | None = None
    scenario_pos: Pos = (1, 1)
    tolerance: float = DEFAULT_TOLERANCE
    playthroughs: list[Playthrough] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def _num(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".") if x != int(x) else str(int(x))


# ---------------------------------------------------------------- reading

class _Reader:
    def __init__(self, file: str):
        self.plan = Plan(file)

    def bad(self, at, message: str, code: str = "MT901") -> None:
        line, col = at if isinstance(at, tuple) else yamlsrc.position(at)
        self.plan.diagnostics.append(Diagnostic(self.plan.file, line, col, code, message, ERROR))

    def pos(self, node) -> Pos:
        return text_start(node) if isinstance(node, yaml.ScalarNode) else yamlsrc.position(node)

    def pairs(self, node, where: str, allowed):
        seen: dict[str, int] = {}
        for k, v in node.value:
            if not isinstance(k, yaml.ScalarNode):
                self.bad(k, f"a key in {where} must be a plain name")
                continue
            name = yamlsrc.nfc(k.value)
            if name in seen:
                self.bad(k, f"duplicate key '{name}' in {where}: it is also on line {seen[name]}")
                continue
            seen[name] = k.start_mark.line + 1
            if allowed is not None and name not in allowed:
                self.bad(k, f"unknown field '{name}' in {where}" + (
                    did_you_mean(name, allowed) or f"; allowed: {', '.join(allowed)}"))
                continue
            yield name, k, v

    def scalar(self, node, what: str, types: tuple, allow_none=False):
        """The value of a scalar of one of ``types`` (int, float, bool, str), else report."""
        if not isinstance(node, yaml.ScalarNode):
            self.bad(node, f"{what} should be a single value, not a "
                     f"{'list' if isinstance(node, yaml.SequenceNode) else 'map'}")
            return _MISSING
        v = yamlsrc.scalar_value(node)
        if v is None and allow_none:
            return None
        if isinstance(v, bool):
            ok = bool in types
        elif isinstance(v, int):
            ok = int in types or float in types
        else:
            ok = any(isinstance(v, t) for t in types if t is not bool)
        if not ok:
            want = " or ".join({int: "a whole number", float: "a number", bool: "true or false",
                                str: "text"}[t] for t in types)
            got = "nothing" if v is None else repr(v) if not isinstance(v, str) else f"'{v}'"
            self.bad(self.pos(node), f"{what} should be {want}, not {got}")
            return _MISSING
        return v

    def seq(self, node, what: str, single_ok=True) -> list:
        if isinstance(node, yaml.SequenceNode):
            return node.value
        if single_ok and isinstance(node, yaml.ScalarNode) and yamlsrc.scalar_value(node) is not None:
            return [node]
        self.bad(node, f"{what} should be a list, e.g. [a, b] or lines starting with '- '")
        return []

    def read(self, root) -> Plan:
        plan = self.plan
        if not isinstance(root, yaml.MappingNode):
            self.bad(root, "a test plan is a map with 'playthroughs:' (see docs/authoring.md)")
            return plan
        found = {}
        for name, k, v in self.pairs(root, "the test plan", TOP_FIELDS):
            found[name] = (k, v)
        if "scenario" in found:
            v = self.scalar(found["scenario"][1], "scenario", (str,))
            if v is not _MISSING:
                plan.scenario = v
                plan.scenario_pos = self.pos(found["scenario"][1])
        if "tolerance" in found:
            v = self.scalar(found["tolerance"][1], "tolerance", (float,))
            if v is not _MISSING:
                if v < 0:
                    self.bad(self.pos(found["tolerance"][1]), "tolerance cannot be negative")
                else:
                    plan.tolerance = float(v)
        if "playthroughs" not in found:
            self.bad(root, "the test plan has no 'playthroughs:' list; add at least one "
                     "playthrough with a name and choices")
            return plan
        items = self.seq(found["playthroughs"][1], "playthroughs", single_ok=False)
        if not items and isinstance(found["playthroughs"][1], yaml.SequenceNode):
            self.bad(found["playthroughs"][0], "playthroughs is empty; add at least one")
        names: dict[str, int] = {}
        for i, item in enumerate(items):
            p = self.playthrough(item, i)
            if p is None:
                continue
            if p.name in names:
                self.bad(p.pos, f"two playthroughs are called '{p.name}' (the other is on line "
                         f"{names[p.name]}); give each its own name")
                continue
            names[p.name] = p.pos[0]
            plan.playthroughs.append(p)
        return plan

    def playthrough(self, node, i: int) -> Playthrough | None:
        label = f"playthrough {i + 1}"
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                if getattr(k, "value", None) == "name" and isinstance(v, yaml.ScalarNode) \
                        and str(yamlsrc.scalar_value(v) or "").strip():
                    label = f"playthrough '{str(yamlsrc.scalar_value(v)).strip()}'"
                    break
        if not isinstance(node, yaml.MappingNode):
            self.bad(node, f"{label} should be a map with name:, choices: and what you expect")
            return None
        f = {}
        for name, k, v in self.pairs(node, label, PLAY_FIELDS):
            f[name] = (k, v)
        if "name" not in f:
            self.bad(node, f"{label} has no 'name:'; give it a short name, e.g. "
                     "name: \"Den bedste vej\"")
            return None
        name = self.scalar(f["name"][1], f"the name of {label}", (str, int))
        if name is _MISSING or not str(name).strip():
            if name is not _MISSING:
                self.bad(self.pos(f["name"][1]), f"the name of {label} is empty")
            return None
        p = Playthrough(str(name).strip(), self.pos(f["name"][1]))
        label = f"'{p.name}'"
        if "choices" not in f:
            self.bad(node, f"{label} has no 'choices:'; write the numbers to choose, e.g. "
                     "choices: [1, 3, 2] (or [] to test only the start)")
        else:
            self.choices(p, f["choices"][0], f["choices"][1], label)
        if "difficulty" in f:
            v = self.scalar(f["difficulty"][1], f"difficulty in {label}", (int,))
            if v is not _MISSING:
                if v not in (1, 2, 3):
                    self.bad(self.pos(f["difficulty"][1]), f"difficulty in {label} must be 1, 2 "
                             f"or 3, not {v}")
                else:
                    p.difficulty = v
        if "statement" in f:
            p.statement = self.statement(f["statement"][1], label)
        if "seed" in f:
            v = self.scalar(f["seed"][1], f"seed in {label}", (int,))
            if v is not _MISSING:
                p.seed = v
        if "tolerance" in f:
            v = self.scalar(f["tolerance"][1], f"tolerance in {label}", (float,))
            if v is not _MISSING:
                if v < 0:
                    self.bad(self.pos(f["tolerance"][1]), "tolerance cannot be negative")
                else:
                    p.tolerance = float(v)
        if "ending" in f:
            v = self.scalar(f["ending"][1], f"ending in {label}", (str,), allow_none=True)
            if v is not _MISSING:
                p.ending = Value(v, self.pos(f["ending"][1]))
        for key in ("path_includes", "path_excludes", "lines"):
            if key in f:
                out = getattr(p, key)
                for item in self.seq(f[key][1], f"{key} in {label}"):
                    v = self.scalar(item, f"an item of {key} in {label}", (str,))
                    if v is not _MISSING:
                        if key == "lines" and not v.strip():
                            self.bad(self.pos(item), f"an empty line in lines of {label}")
                            continue
                        out.append(Value(v, self.pos(item)))
        if "scores" in f:
            node_s = f["scores"][1]
            if not isinstance(node_s, yaml.MappingNode):
                self.bad(node_s, f"scores in {label} should be a map: principle: number")
            else:
                for name, k, v in self.pairs(node_s, f"scores in {label}", None):
                    s = self.score(v, f"score '{name}' in {label}")
                    if s is not None:
                        p.scores[name] = s
                        p.score_keys[name] = yamlsrc.position(k)
        if "index" in f:
            p.index = self.score(f["index"][1], f"index in {label}")
        for key, keys_attr, types in (("variables", "variable_keys", (int, bool)),
                                      ("moods", "mood_keys", (int,))):
            if key not in f:
                continue
            node_v = f[key][1]
            if not isinstance(node_v, yaml.MappingNode):
                self.bad(node_v, f"{key} in {label} should be a map, e.g. "
                         + ("{pauses: 1}" if key == "variables" else "{mette: 1}"))
                continue
            for name, k, v in self.pairs(node_v, f"{key} in {label}", None):
                x = self.scalar(v, f"'{name}' in {key} of {label}", types)
                if x is not _MISSING:
                    getattr(p, key)[name] = Value(x, self.pos(v))
                    getattr(p, keys_attr)[name] = yamlsrc.position(k)
        return p

    def choices(self, p: Playthrough, key, node, label: str) -> None:
        p.choices_pos = self.pos(node)
        if isinstance(node, yaml.ScalarNode):
            v = yamlsrc.scalar_value(node)
            if v is None:
                return
            if isinstance(v, int) and not isinstance(v, bool):
                p.choices.append(Value(v, self.pos(node)))
                return
            if isinstance(v, str):      # "1, 3, 2" as in 'run --choose'
                line, col = self.pos(node)
                for m in re.finditer(r"[^,\s]+", v):
                    word = m.group(0)
                    at = (line, col + m.start()) if "\n" not in v[:m.start()] else (line, col)
                    p.choices.append(Value(int(word) if word.isdigit() else word, at))
                self.check_choice_values(p, label)
                return
        for item in self.seq(node, f"choices in {label}", single_ok=False):
            v = self.scalar(item, f"a choice in {label}", (int, str))
            if v is not _MISSING:
                p.choices.append(Value(v, self.pos(item)))
        self.check_choice_values(p, label)

    def check_choice_values(self, p: Playthrough, label: str) -> None:
        keep = []
        for c in p.choices:
            if isinstance(c.value, int) and c.value < 1:
                self.bad(c.pos, f"choices in {label}: {c.value} is not a choice number; "
                         "the first visible choice is 1")
                continue
            keep.append(c)
        p.choices = keep

    def statement(self, node, label: str) -> dict | None:
        if isinstance(node, yaml.ScalarNode):
            v = yamlsrc.scalar_value(node)
            if v is True:
                return dict(SAMPLE_STATEMENT)
            if v is False or v is None:
                return None
            self.bad(self.pos(node), f"statement in {label} should be true (a sample "
                     "statement), false, or a map with intro, important, help, so_that")
            return None
        if not isinstance(node, yaml.MappingNode):
            self.bad(node, f"statement in {label} should be true or a map")
            return None
        out = {}
        for name, k, v in self.pairs(node, f"statement in {label}", STATEMENT_PARTS):
            x = self.scalar(v, f"statement '{name}' in {label}", (str,))
            if x is not _MISSING:
                out[name] = x
        return out

    def score(self, node, what: str) -> Score | None:
        pos = self.pos(node)
        if isinstance(node, yaml.ScalarNode):
            v = yamlsrc.scalar_value(node)
            if v is None:
                return Score(None, None, pos)
            if isinstance(v, (int, float)) and not isinstance(v, bool):
                return self.range_ok(Score(float(v), None, pos), what)
            if isinstance(v, str):
                m = _PLUS_MINUS.match(v)
                if m:
                    value, tol = (float(x.replace(",", ".")) for x in m.groups())
                    return self.range_ok(Score(value, tol, pos), what)
        self.bad(pos, f"{what} should be a number from 0 to 100 (e.g. 75 or \"75 ± 5\"), "
                 "or null for 'not in play'")
        return None

    def range_ok(self, s: Score, what: str) -> Score | None:
        if not 0 <= s.expected <= 100:
            self.bad(s.pos, f"{what} is {_num(s.expected)}; scores go from 0 to 100")
            return None
        return s


_MISSING = object()


def read_plan(path: str | Path, display: str | None = None) -> Plan:
    """Read and check the shape of one test plan (never raises for a bad file)."""
    file = display or str(path)
    r = _Reader(file)
    try:
        root = yamlsrc.compose(yamlsrc.read_text(path))
    except yamlsrc.SourceProblem as exc:
        d = exc.diagnostic(file)
        r.plan.diagnostics.append(Diagnostic(file, d.line, d.column, "MT901",
                                             f"{d.code}: {d.message}", ERROR))
        return r.plan
    return r.read(root)


def plan_text(text: str, file: str) -> Plan:
    r = _Reader(file)
    try:
        root = yamlsrc.compose(text)
    except yamlsrc.SourceProblem as exc:
        d = exc.diagnostic(file)
        r.plan.diagnostics.append(Diagnostic(file, d.line, d.column, "MT901",
                                             f"{d.code}: {d.message}", ERROR))
        return r.plan
    return r.read(root)


# ---------------------------------------------------------------- finding the scenario

def scenario_id_from_name(path: Path) -> str | None:
    name = path.name
    for suffix in (SUFFIX, ".test.yml"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return None


def find_scenario(plan_path: Path, ref: str) -> Path | None:
    """The scenario a plan is about: a path (relative to the plan), or an id.

    An id is looked up as ``<id>.yaml`` and then by the ``id:`` inside the files, in
    the folder above the plan (``scenarios/`` for ``scenarios/tests/``), then the
    plan's own folder.
    """
    folder = plan_path.resolve().parent
    if ref.endswith((".yaml", ".yml")):
        p = (folder / ref)
        return p if p.is_file() else None
    candidates = [folder.parent, folder]
    for d in candidates:
        for ext in (".yaml", ".yml"):
            p = d / f"{ref}{ext}"
            if p.is_file():
                return p
    rx = re.compile(r"^id:\s*[\"']?" + re.escape(ref) + r"[\"']?\s*(#.*)?$", re.MULTILINE)
    for d in candidates:
        for p in sorted(d.glob("*.y*ml")):
            if p.name.endswith((".test.yaml", ".test.yml")) or p.name == "principles.yaml":
                continue
            try:
                if rx.search(p.read_text(encoding="utf-8", errors="replace")):
                    return p
            except OSError:
                continue
    return None


# ---------------------------------------------------------------- running

@dataclass
class Outcome:
    """What one playthrough produced (or how far it got)."""

    ending: str | None
    path: list[str]
    scores: dict[str, float | None]
    index: float | None
    variables: dict
    moods: dict
    transcript: list[str]
    numbers: list[int]
    ending_title: str | None = None


@dataclass
class PlaythroughResult:
    playthrough: Playthrough
    failures: list[Diagnostic]
    outcome: Outcome | None = None

    @property
    def passed(self) -> bool:
        return not self.failures


def validate(plan: Plan, scenario: Scenario, principles) -> None:
    """Names in the plan that the scenario does not have: MT901 (a mistake in the plan).

    The mistaken expectation is reported and left out; the rest of the playthrough runs.
    """
    nodes = scenario.nodes
    F = plan.file

    def report(pos, msg):
        plan.diagnostics.append(Diagnostic(F, pos[0], pos[1], "MT901", msg, ERROR))

    for p in plan.playthroughs:
        label = f"{p.name}"
        e = p.ending
        if e is not None and e.value is not None and e.value not in nodes:
            report(e.pos, f"{label}: ending '{e.value}' is not a node in '{scenario.id}'"
                   + did_you_mean(e.value, nodes))
            p.ending = None
        elif e is not None and e.value is not None and nodes[e.value].end is None:
            report(e.pos, f"{label}: '{e.value}' is a node, but not an ending (it has no "
                   "'end:'); use path_includes for nodes on the way")
            p.ending = None
        for key in ("path_includes", "path_excludes"):
            keep = []
            for v in getattr(p, key):
                if v.value in nodes:
                    keep.append(v)
                else:
                    report(v.pos, f"{label}: {key}: there is no node '{v.value}' in "
                           f"'{scenario.id}'" + did_you_mean(v.value, nodes))
            setattr(p, key, keep)
        for name in list(p.scores):
            if name not in principles:
                report(p.score_keys[name], f"{label}: scores: unknown principle '{name}'"
                       + (did_you_mean(name, principles) or
                          f"; principles are: {', '.join(principles)}"))
                del p.scores[name]
        for name, v in list(p.variables.items()):
            if name not in scenario.variables:
                report(p.variable_keys[name], f"{label}: variables: '{name}' is not a variable "
                       f"of '{scenario.id}'" + did_you_mean(name, scenario.variables))
                del p.variables[name]
            elif type(v.value) is not type(scenario.variables[name]):
                want = "true or false" if type(scenario.variables[name]) is bool else "a whole number"
                report(v.pos, f"{label}: variables: '{name}' holds {want}, not {_fmt(v.value)}")
                del p.variables[name]
        for name in list(p.moods):
            if name not in scenario.characters:
                report(p.mood_keys[name], f"{label}: moods: '{name}' is not a character of "
                       f"'{scenario.id}'" + did_you_mean(name, scenario.characters))
                del p.moods[name]
            elif not -3 <= p.moods[name].value <= 3:
                report(p.moods[name].pos, f"{label}: moods: a mood goes from -3 to 3, not "
                       f"{p.moods[name].value}")
                del p.moods[name]


def play(scenario: Scenario, principles, p: Playthrough, file: str
         ) -> tuple[Outcome | None, Diagnostic | None]:
    """Play one playthrough; return the outcome, or the MT903 problem that stopped it."""
    from ..engine.saves import format_transcript, transcript
    from ..engine.session import Session, SessionError
    label = p.name
    try:
        session = Session(scenario, p.difficulty, p.statement, p.seed, tuple(principles))
    except SessionError as exc:
        return None, Diagnostic(file, *p.pos, "MT903", f"{label}: {exc}", ERROR)
    numbers: list[int] = []
    for step, c in enumerate(p.choices, 1):
        if session.ended:
            return None, Diagnostic(
                file, *c.pos, "MT903",
                f"{label}: expected to make choice {step} ({c.value}), got the end of the "
                f"meeting already at '{session.node.id}' after {step - 1} choices; remove the "
                "extra choices", ERROR)
        opts = session.options()
        if isinstance(c.value, int):
            number = c.value if 1 <= c.value <= len(opts) else None
        else:
            number = next((o.number for o in opts if o.choice.id == c.value), None)
        if number is None:
            shown = "; ".join(f"{o.number} = {_short(o.text)}"
                              + (f" (id {o.choice.id})" if o.choice.id else "") for o in opts)
            what = f"choice {c.value}" if isinstance(c.value, int) else f"a choice with id '{c.value}'"
            return None, Diagnostic(
                file, *c.pos, "MT903",
                f"{label}: expected {what} to be visible at step {step} (node "
                f"'{session.node.id}'), got only: {shown or 'no visible choices'}", ERROR)
        session.choose(number)
        numbers.append(number)
    try:
        session, events = transcript(scenario, numbers, p.difficulty, p.statement, p.seed)
    except SessionError as exc:   # cannot happen after the loop above; never crash on it
        return None, Diagnostic(file, *p.pos, "MT903", f"{label}: {exc}", ERROR)
    session.principle_ids = tuple(principles)
    scores = session.scores()
    text_lines = format_transcript(events).splitlines()
    return Outcome(
        ending=session.node.id if session.ended else None, path=list(session.path),
        scores=scores.as_numbers(), index=scores.index, variables=session.variables,
        moods=session.moods, transcript=text_lines, numbers=numbers,
        ending_title=session.ending_title()), None


def _short(text: str, n: int = 40) -> str:
    text = " ".join(text.split())
    return f"\"{text}\"" if len(text) <= n else f"\"{text[: n - 1]}…\""


def _fmt(v) -> str:
    if v is None:
        return "not in play"
    if isinstance(v, bool):
        return str(v).lower()
    if isinstance(v, float):
        return _num(round(v, 1))
    return str(v)


def expectations(plan: Plan, p: Playthrough, out: Outcome) -> list[Diagnostic]:
    """Every expectation of ``p`` that ``out`` does not meet, at its position."""
    F, label = plan.file, p.name
    fails: list[Diagnostic] = []

    def fail(pos, code, msg):
        fails.append(Diagnostic(F, pos[0], pos[1], code, f"{label}: {msg}", ERROR))

    if p.ending is not None and p.ending.value != out.ending:
        want = f"ending '{p.ending.value}'" if p.ending.value else "no ending (null)"
        got = (f"'{out.ending}'" if out.ending else
               f"no ending: the choices ran out at '{out.path[-1]}'")
        fail(p.ending.pos, "MT904", f"expected {want}, got {got}")
    at = 0
    for v in p.path_includes:
        try:
            at = out.path.index(v.value, at) + 1
        except ValueError:
            where = "in the path" if v is p.path_includes[0] else (
                f"in the path after '{p.path_includes[p.path_includes.index(v) - 1].value}'")
            seen = " (it comes earlier)" if v.value in out.path else ""
            fail(v.pos, "MT905", f"expected node '{v.value}' {where}{seen}, got "
                 + " → ".join(out.path))
            break
    for v in p.path_excludes:
        if v.value in out.path:
            fail(v.pos, "MT905", f"expected node '{v.value}' not to be in the path, got it "
                 f"as step {out.path.index(v.value) + 1} of " + " → ".join(out.path))
    flat = [" ".join(t.split()) for t in out.transcript]
    for v in p.lines:
        want = " ".join(v.value.split())
        if any(want in t for t in flat):
            continue
        close = difflib.get_close_matches(want, flat, n=1, cutoff=0.5)
        hint = f"; the closest line is \"{close[0]}\"" if close else ""
        fail(v.pos, "MT906", f"expected a line containing \"{want}\" in the transcript, got "
             f"no such line{hint}")
    default_tol = p.tolerance if p.tolerance is not None else plan.tolerance
    checks = [(name, s, out.scores.get(name)) for name, s in p.scores.items()]
    if p.index is not None:
        checks.append(("index", p.index, out.index))
    for name, s, got in checks:
        tol = s.tolerance if s.tolerance is not None else default_tol
        if s.expected is None:
            ok = got is None
        else:
            ok = got is not None and abs(got - s.expected) <= tol + 1e-9
        if not ok:
            what = "the index" if name == "index" else f"score '{name}'"
            fail(s.pos, "MT907", f"expected {what} {s.describe(tol)}, got {_fmt(got)}")
    for kind, table, actual in (("variable", p.variables, out.variables),
                                ("mood of", p.moods, out.moods)):
        for name, v in table.items():
            got = actual.get(name)
            if got != v.value or type(got) is not type(v.value):
                fail(v.pos, "MT908", f"expected {kind} '{name}' = {_fmt(v.value)}, got {_fmt(got)}")
    return fails


@dataclass
class PlanResult:
    plan: Plan
    scenario_path: Path | None = None
    results: list[PlaythroughResult] = field(default_factory=list)
    problems: list[Diagnostic] = field(default_factory=list)   # plan/scenario-level

    @property
    def diagnostics(self) -> list[Diagnostic]:
        out = list(self.problems)
        for r in self.results:
            out.extend(r.failures)
        return out

    @property
    def ok(self) -> bool:
        return not self.diagnostics


def run_plan_file(path: str | Path, cache_dir=None) -> PlanResult:
    """Read one plan, find and compile its scenario, play every playthrough."""
    from .. import paths
    from ..engine.compiler import compile_file
    from ..engine.diagnostics import ScenarioError
    from ..engine.principles import find_principles_file, load_principles
    path = Path(path)
    plan = read_plan(path)
    res = PlanResult(plan)
    if plan.diagnostics and not plan.playthroughs:
        res.problems = list(plan.diagnostics)
        return res
    ref = plan.scenario or scenario_id_from_name(path)
    if not ref:
        res.problems = plan.diagnostics + [Diagnostic(
            plan.file, 1, 1, "MT902", "cannot tell which scenario this plan tests: name the "
            "file <scenario-id>.test.yaml or add 'scenario: <scenario-id>'", ERROR)]
        return res
    spath = find_scenario(path, ref)
    if spath is None:
        res.problems = plan.diagnostics + [Diagnostic(
            plan.file, *plan.scenario_pos, "MT902", f"no scenario '{ref}' found (looked for "
            f"{ref}.yaml and for 'id: {ref}' in {path.resolve().parent.parent} and "
            f"{path.resolve().parent})", ERROR)]
        return res
    res.scenario_path = spath
    pf = find_principles_file(spath, default=paths.principles_file())
    try:
        principles = load_principles(pf)
    except ScenarioError as exc:
        res.problems = plan.diagnostics + list(exc.diagnostics)
        return res
    scenario, diags = compile_file(spath, principles, cache_dir, display_name=_display(spath))
    errors = [d for d in diags if d.is_error]
    if scenario is None or errors:
        res.problems = plan.diagnostics + [Diagnostic(
            plan.file, *plan.scenario_pos, "MT902", f"the scenario {_display(spath)} has "
            f"{len(errors) or 1} error(s); fix them first (meeting-trainer check "
            f"{_display(spath)})", ERROR)] + errors
        return res
    if plan.scenario and plan.scenario == ref and not ref.endswith((".yaml", ".yml")) \
            and scenario.id != ref:
        plan.diagnostics.append(Diagnostic(
            plan.file, *plan.scenario_pos, "MT902", f"the file {_display(spath)} has id "
            f"'{scenario.id}', not '{ref}'", ERROR))
    validate(plan, scenario, principles)
    res.problems = list(plan.diagnostics)
    for p in plan.playthroughs:
        out, problem = play(scenario, principles, p, plan.file)
        if problem is not None:
            res.results.append(PlaythroughResult(p, [problem]))
            continue
        res.results.append(PlaythroughResult(p, expectations(plan, p, out), out))
    return res


def _display(p: Path) -> str:
    try:
        return str(p.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(p)


def plan_files(paths: list[str | Path]) -> tuple[list[Path], list[str], list[Path]]:
    """Expand paths into test plans; also return missing paths and scenario files without a plan.

    A folder gives every ``*.test.yaml`` under it; a scenario file (``x.yaml``) gives
    its plan ``tests/<id>.test.yaml`` beside it, if there is one.
    """
    files: list[Path] = []
    missing: list[str] = []
    no_plan: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            files.extend(sorted(f for f in p.rglob("*") if f.is_file()
                                and f.name.endswith((SUFFIX, ".test.yml"))))
        elif not p.exists():
            missing.append(str(raw))
        elif p.name.endswith((SUFFIX, ".test.yml")):
            files.append(p)
        else:
            plan = plan_for_scenario(p)
            if plan is None:
                no_plan.append(p)
            else:
                files.append(plan)
    seen: set[Path] = set()
    unique = []
    for f in files:
        r = f.resolve()
        if r not in seen:
            seen.add(r)
            unique.append(f)
    return unique, missing, no_plan


def scenario_id_of(path: Path) -> str:
    """The ``id:`` of a scenario file (without compiling it), else its file name."""
    try:
        m = re.search(r"^id:\s*[\"']?([a-z0-9-]+)", path.read_text(encoding="utf-8",
                                                                  errors="replace"), re.MULTILINE)
    except OSError:
        m = None
    return m.group(1) if m else path.stem


def plan_for_scenario(path: Path) -> Path | None:
    sid = scenario_id_of(path)
    for cand in (path.parent / "tests" / f"{sid}{SUFFIX}", path.parent / f"{sid}{SUFFIX}"):
        if cand.is_file():
            return cand
    return None


# ---------------------------------------------------------------- writing plans

def _yaml_str(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)



def strategy_choices(scenario: Scenario, principles, pick: str, difficulty=None,
                     statement=None, limit: int = 200) -> list[int]:
    """Visible numbers for a whole playthrough: ``best`` (highest q at every decision),
    ``passive`` (lowest q), or ``mixed`` (best, lowest, best, …). Ties: the first shown."""
    from ..engine.session import Session
    ids = tuple(principles)
    s = Session(scenario, difficulty, statement, 0, ids)
    numbers = []
    step = 0
    while not s.ended and step < limit:
        opts = s.options()
        if not opts:
            break
        qs = [quality(o.choice, ids) for o in opts]
        mode = pick if pick != "mixed" else ("best" if step % 2 == 0 else "passive")
        target = max(qs) if mode == "best" else min(qs)
        n = qs.index(target) + 1
        s.choose(n)
        numbers.append(n)
        step += 1
    return numbers


def playthrough_yaml(scenario: Scenario, principles, name: str, numbers: list[int | str],
                     difficulty=None, statement: bool = False, note: str | None = None,
                     with_state: bool = True, indent: str = "  ") -> str:
    """A ready-to-paste playthrough with the expectations the scenario gives today."""
    p = Playthrough(name, (1, 1), [Value(n, (1, 1)) for n in numbers], difficulty=difficulty,
                    statement=dict(SAMPLE_STATEMENT) if statement else None)
    out, problem = play(scenario, principles, p, "-")
    if problem is not None:
        raise ValueError(problem.message)
    pad = indent + "  "
    lines = [f"{indent}- name: {_yaml_str(name)}"]
    if note:
        lines.append(f"{pad}note: {_yaml_str(note)}")
    lines.append(f"{pad}choices: [{', '.join(map(str, numbers))}]")
    if difficulty is not None:
        lines.append(f"{pad}difficulty: {difficulty}")
    if statement:
        lines.append(f"{pad}statement: true")
    lines.append(f"{pad}ending: {out.ending if out.ending else 'null'}")
    decisions = [nid for nid in out.path if scenario.nodes[nid].choices]
    if decisions:
        lines.append(f"{pad}path_includes: [{', '.join(decisions)}]")
    if out.ending_title:
        lines.append(f"{pad}lines:")
        lines.append(f"{pad}  - {_yaml_str(out.ending_title)}")
    lines.append(f"{pad}scores:")
    for pid, v in out.scores.items():
        lines.append(f"{pad}  {pid}: {'null' if v is None else _num(round(v, 1))}")
    lines.append(f"{pad}index: {'null' if out.index is None else _num(round(out.index, 1))}")
    if with_state and out.variables:
        lines.append(f"{pad}variables: {{{', '.join(f'{k}: {_fmt(v)}' for k, v in out.variables.items())}}}")
    if with_state and out.moods:
        lines.append(f"{pad}moods: {{{', '.join(f'{k}: {v}' for k, v in out.moods.items())}}}")
    return "\n".join(lines) + "\n"


HEADER = """\
# Testplan for scenariet {id} ({title}).
# Kør den med:   meeting-trainer test {plan}
#
# Hver gennemspilning (playthrough) har et navn, de valg spilleren træffer (numrene,
# som spilleren ser dem: 1 er det øverste valg) og det, du forventer bagefter:
# slutningen (ending), knuder på vejen (path_includes), linjer i udskriften (lines),
# point (scores, 0-100; null betyder "ikke i spil") og indekset (index).
# Tallene herunder er regnet ud af meeting-trainer ud fra scenariet, som det så ud,
# da planen blev skrevet. Læs dem igennem: er det dét, du mener, scenariet skal give?
# Har du skrevet mødet om (fx startfilen fra 'meeting-trainer new'), passer tallene ikke
# længere. Slet så denne fil, og lav en ny ud fra mødet, som det er nu, med:
#   meeting-trainer test --init {scenario}
# Se docs/authoring.md, afsnittet om testplaner.
scenario: {id}
playthroughs:
"""


def _reads(scenario: Scenario) -> set[str]:
    names: set[str] = set()
    for n in scenario.nodes.values():
        for c in n.choices or ():
            if c.condition is not None:
                names |= c.condition.names
            for e in c.set.values():
                names |= e.names
    return names


def starter_plan(scenario: Scenario, principles, plan_display: str) -> str:
    """A plan with the best, the most passive and a mixed playthrough, plus the best and
    most passive at difficulty 3 and the best with a statement when the scenario reads
    ``difficulty`` or ``statement_written`` (identical playthroughs are left out)."""
    # the plan is <scenario folder>/tests/<id>.test.yaml: the scenario, shown the same way
    shown = Path(plan_display).parent.parent / Path(scenario.path).name
    text = HEADER.format(id=scenario.id, title=scenario.title, plan=plan_display,
                         scenario=shown)
    reads = _reads(scenario)
    plan = [
        ("Den bedste vej", "best", None, False, "Det højest scorede valg ved hver beslutning."),
        ("Den mest passive vej", "passive", None, False,
         "Det lavest scorede valg ved hver beslutning."),
        ("En blandet vej", "mixed", None, False, "Skiftevis det bedste og det laveste valg."),
    ]
    if "difficulty" in reads:
        plan += [("Niveau 3: den bedste vej", "best", 3, False,
                  "Det svære niveau, det højest scorede valg ved hver beslutning."),
                 ("Niveau 3: den mest passive vej", "passive", 3, False,
                  "Det svære niveau, det lavest scorede valg ved hver beslutning.")]
    if "statement_written" in reads:
        plan.append(("Med statement: den bedste vej", "best", None, True,
                     "Spilleren har skrevet et personligt statement (et eksempel)."))
    seen = set()
    for name, pick, difficulty, statement, note in plan:
        numbers = strategy_choices(scenario, principles, pick, difficulty,
                                   SAMPLE_STATEMENT if statement else None)
        key = (tuple(numbers), difficulty or scenario.difficulty, statement)
        if key in seen:
            continue
        seen.add(key)
        text += playthrough_yaml(scenario, principles, name, numbers, difficulty, statement,
                                 note=note, with_state=pick == "best" and not difficulty
                                 and not statement)
    return text
