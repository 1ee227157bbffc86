"""Facts about the shipped scenario library, measured from the scenarios themselves.

This module is the single place where the library's numbers are computed, so that the
catalogue (``docs/scenarios.md``, printed by ``tools/scenario_catalogue.py``) and the
library tests (``tests/test_library*.py``) say the same thing. Everything here reads the
scenarios through the engine (sessions, the state-space explorer of the analysis, the
readability and translation modules); nothing is typed in by hand.

Definitions used throughout:

* **The library** is every scenario under ``scenarios/`` except the feature tours listed
  in :data:`FEATURE_TOURS` (the short tutorial is a tour of the game, not one of the ten
  meetings of the library issue).
* **A setting** is a (difficulty, statement written) pair. Difficulty 1–3 and whether
  the player has written a personal statement are the only things besides the choices
  that expressions can read, so the six settings cover everything a player can meet.
* **The main path** of a scenario is the playthrough its author test plan calls
  "Den bedste vej" (see :data:`PLAN_NAMES`): difficulty 1, no statement, the choice with
  the highest total score at every decision. :func:`greedy_gaps` checks that claim.
* **A situation** is a reachable state at a decision point (the node plus the values that
  still matter), found exactly by :func:`game.authoring.statespace.explore`. The *visible
  set* of a situation is the set of choices shown there.
* **Best first / best longest** follow the checker's bias smells (MT603/MT604 in
  :mod:`game.authoring.smells`): per decision point one representative visible set at the
  scenario's own difficulty without a statement; decisions where all visible choices have
  the same total score are not counted; "first" counts only decisions that are not
  shuffled; "longest" means the single longest choice text is a best-scoring one.
"""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..engine.compiler import load_scenario
from ..engine.library import scenario_files
from ..engine.model import Scenario
from ..engine.scoring import quality
from ..engine.principles import load_principles
from ..engine.session import Session, runtime, visible_choices
from ..engine.session import apply_choice as _apply_in_place
from . import readability, testplan
from .statespace import ENDING, StateSpaceTooLarge, explore

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = ROOT / "scenarios"

#: scenarios in ``scenarios/`` that are feature tours, not part of the library of ten
FEATURE_TOURS = frozenset({"tutorial-short-followup"})

#: what the library issue asks for: (family, role) -> number of scenarios
ISSUE_MIX = {("authority", "citizen"): 3, ("statement", "citizen"): 2,
             ("facilitation", "staff"): 3, ("colleagues", "peer"): 2}
FAMILY_ORDER = ("authority", "statement", "facilitation", "colleagues")

#: golden slug -> how the author test plans name that playthrough (the start of the name
#: for the mixed one: the first playthrough whose name starts with it is used)
PLAN_NAMES = {"best": "Den bedste vej", "most-passive": "Den mest passive vej",
              "mixed": "En blandet vej"}

SETTINGS = tuple((d, sw) for sw in (False, True) for d in (1, 2, 3))

FAMILY_LABEL = {
    "da": {"authority": "myndighedsmøde", "statement": "personligt statement",
           "facilitation": "inkluderende mødeledelse", "colleagues": "kollegers reaktioner"},
    "en": {"authority": "authority meeting", "statement": "personal statement",
           "facilitation": "inclusive facilitation", "colleagues": "colleague reactions"},
}
ROLE_LABEL = {"da": {"citizen": "borger", "staff": "medarbejder", "peer": "peer-medarbejder"},
              "en": {"citizen": "citizen", "staff": "staff", "peer": "peer worker"}}


# ---------------------------------------------------------------- loading

@lru_cache(maxsize=4)
def principles(folder: str | Path = SCENARIOS) -> dict:
    return load_principles(Path(folder) / "principles.yaml")


def all_scenario_files(folder: str | Path = SCENARIOS) -> list[Path]:
    files, _ = scenario_files([Path(folder)])
    return files


def scenario_id(path: Path) -> str:
    return testplan.scenario_id_of(Path(path))


def library_files(folder: str | Path = SCENARIOS) -> list[Path]:
    """The library's scenario files (feature tours left out), in file-name order."""
    return [f for f in all_scenario_files(folder) if scenario_id(f) not in FEATURE_TOURS]


@lru_cache(maxsize=64)
def _load(path: str, mtime: float) -> Scenario:
    return load_scenario(path, principles(Path(path).parent))


def load(path: str | Path) -> Scenario:
    """Compile a scenario (cached per file modification time within one process)."""
    p = Path(path).resolve()
    return _load(str(p), p.stat().st_mtime)


def sort_key(s: Scenario) -> tuple:
    fam = FAMILY_ORDER.index(s.family) if s.family in FAMILY_ORDER else len(FAMILY_ORDER)
    return (fam, s.id)


# ---------------------------------------------------------------- test plans

def plan_path(scenario: Scenario) -> Path | None:
    return testplan.plan_for_scenario(Path(scenario.path))


def plan_playthroughs(scenario: Scenario) -> dict[str, testplan.Playthrough]:
    """slug -> the best, most passive and (first) mixed playthrough of the scenario's plan."""
    path = plan_path(scenario)
    if path is None:
        return {}
    plan = testplan.read_plan(path)
    out: dict[str, testplan.Playthrough] = {}
    for slug, name in PLAN_NAMES.items():
        for p in plan.playthroughs:
            if p.name == name or (slug == "mixed" and p.name.startswith(name)):
                out[slug] = p
                break
    return out


def play_plan(scenario: Scenario, p: testplan.Playthrough) -> testplan.Outcome:
    """Play one test-plan playthrough with the engine (as ``meeting-trainer test`` does)."""
    out, problem = testplan.play(scenario, principles(Path(scenario.path).parent), p,
                                 str(plan_path(scenario)))
    if problem is not None:
        raise ValueError(problem.format())
    return out


def main_path(scenario: Scenario) -> testplan.Outcome | None:
    """The outcome of the plan's "Den bedste vej" (None when the plan has none)."""
    p = plan_playthroughs(scenario).get("best")
    return None if p is None else play_plan(scenario, p)



def greedy_gaps(scenario: Scenario, numbers: list[int], difficulty=None, statement=None
                ) -> list[str]:
    """Decisions on a path where the chosen option is not one with the highest total score."""
    ids = tuple(principles(Path(scenario.path).parent))
    s = Session(scenario, difficulty, statement)
    gaps = []
    for n in numbers:
        opts = s.options()
        qs = [quality(o.choice, ids) for o in opts]
        if qs[n - 1] != max(qs):
            gaps.append(f"{s.node.id}: chose {n} (q {qs[n - 1]:+d}), best q {max(qs):+d}")
        s.choose(n)
    return gaps


# ---------------------------------------------------------------- the state space

@lru_cache(maxsize=128)
def _graph(path: str, mtime: float, difficulty: int, statement: bool):
    s = _load(path, mtime)
    try:
        return explore(s, tuple(principles(Path(path).parent)), difficulty, statement)
    except StateSpaceTooLarge:
        return None


def graph(scenario: Scenario, difficulty: int, statement: bool):
    """The exact state graph at one setting (None if it is too large to list)."""
    p = Path(scenario.path).resolve()
    return _graph(str(p), p.stat().st_mtime, difficulty, statement)


@dataclass
class Situations:
    """Per decision node and setting: the distinct visible sets (file indexes)."""

    visible: dict[str, dict[tuple[int, bool], set[tuple[int, ...]]]] = field(default_factory=dict)
    endings: dict[str, list[tuple[int, bool]]] = field(default_factory=dict)
    decisions_min: dict[tuple[int, bool], int] = field(default_factory=dict)
    decisions_max: dict[tuple[int, bool], int] = field(default_factory=dict)
    complete: bool = True


def situations(scenario: Scenario) -> Situations:
    """Visible sets, reachable endings and decisions per playthrough, at all six settings."""
    out = Situations()
    for setting in SETTINGS:
        g = graph(scenario, *setting)
        if g is None:
            out.complete = False
            continue
        for st in range(g.n_states):
            nid = g.node_of(st)
            if g.kind[st] == ENDING:
                lst = out.endings.setdefault(nid, [])
                if setting not in lst:
                    lst.append(setting)
            else:
                out.visible.setdefault(nid, {}).setdefault(setting, set()).add(g.visible(st))
        lo, hi = _decision_counts(g)
        if lo is not None:
            out.decisions_min[setting], out.decisions_max[setting] = lo, hi
    return out


def _decision_counts(g) -> tuple[int | None, int | None]:
    """Fewest and most decisions on a complete playthrough (an acyclic graph)."""
    if not g.acyclic or not g.n_states:
        return None, None
    inf = math.inf
    lo = [inf] * g.n_states
    hi = [-inf] * g.n_states
    first = g.first_edge
    dst = g.edge_dst
    for st in range(g.n_states - 1, -1, -1):   # blocks are in topological order
        if g.kind[st] == ENDING:
            lo[st] = hi[st] = 0
            continue
        for e in range(int(first[st]), int(first[st + 1])):
            d = int(dst[e])
            if lo[d] < inf:
                lo[st] = min(lo[st], lo[d] + 1)
                hi[st] = max(hi[st], hi[d] + 1)
    return (None, None) if lo[0] == inf else (int(lo[0]), int(hi[0]))


def ending_probabilities(scenario: Scenario) -> dict[str, dict[int, float]]:
    """ending -> difficulty -> chance under uniform random play (the analysis, no statement)."""
    from .analysis import analyze
    out: dict[str, dict[int, float]] = {}
    for d in (1, 2, 3):
        a = analyze(scenario, principles(Path(scenario.path).parent), d)
        for nid, p in a.endings.items():
            out.setdefault(nid, {})[d] = p
    return out


def path_dependent(scenario: Scenario, sits: Situations) -> list[str]:
    """Decisions whose visible choices differ between playthroughs at one and the same setting.

    Difficulty and the statement are fixed within a setting, so a difference there can only
    come from earlier choices (variables they set, moods they changed).
    """
    return [nid for nid, by in sits.visible.items() if any(len(v) > 1 for v in by.values())]


def difficulty_conditions(scenario: Scenario) -> list[tuple[str, int, str]]:
    """(node, choice number in the file, condition) for every ``if`` that reads ``difficulty``."""
    return [(n.id, c.index + 1, c.condition.source) for n in scenario.nodes.values()
            for c in n.choices or () if c.condition is not None
            and "difficulty" in c.condition.names]


def mood_changes(scenario: Scenario) -> dict[str, tuple[int, int]]:
    """character -> (most negative, most positive) mood change a single choice gives."""
    out: dict[str, tuple[int, int]] = {}
    for n in scenario.nodes.values():
        for c in n.choices or ():
            for cid, v in c.mood.items():
                lo, hi = out.get(cid, (0, 0))
                out[cid] = (min(lo, v), max(hi, v))
    return out


# ---------------------------------------------------------------- routes to endings

@dataclass(frozen=True)
class Route:
    ending: str
    difficulty: int
    statement: bool
    numbers: tuple[int, ...]       # visible choice numbers, as a player types them


def ending_routes(scenario: Scenario, settings=SETTINGS) -> dict[str, Route]:
    """A shortest choice sequence to every reachable ending, at the first setting that has it.

    Breadth-first search over the states a :class:`Session` goes through, using the
    session's own functions (``visible_choices``, ``apply_choice`` and the landing table),
    keyed by (node, every value an expression can read). Each route found is then played
    with a real Session, which must end at that ending.
    """
    endings = {nid for nid, n in scenario.nodes.items() if n.end is not None}
    rt = runtime(scenario)
    routes: dict[str, Route] = {}
    for difficulty, sw in settings:
        if routes.keys() >= endings:
            break
        statement = testplan.SAMPLE_STATEMENT if sw else None
        env0 = Session(scenario, difficulty, statement).env
        start = rt.land(scenario.start)[1]
        seen = {(start.id, tuple(sorted(env0.items())))}
        queue = deque([(start, dict(env0), ())])
        while queue and not routes.keys() >= endings:
            node, env, idx = queue.popleft()
            if node.end is not None:
                if node.id not in routes:
                    routes[node.id] = _confirm(scenario, node.id, difficulty, statement, idx)
                continue
            for c in visible_choices(node, env):
                nxt = dict(env)
                _apply_in_place(nxt, c)
                land = rt.land(c.next)[1]
                key = (land.id, tuple(sorted(nxt.items())))
                if key in seen:
                    continue
                seen.add(key)
                queue.append((land, nxt, idx + (c.index,)))
    return routes


def _confirm(scenario, ending, difficulty, statement, indexes) -> Route:
    s = Session(scenario, difficulty, statement)
    numbers = []
    for i in indexes:
        n = next(k + 1 for k, c in enumerate(s.visible()) if c.index == i)
        s.choose(n)
        numbers.append(n)
    if s.node.id != ending:   # pragma: no cover - the search and the session disagree
        raise AssertionError(f"{scenario.id}: route {numbers} ends at {s.node.id}, not {ending}")
    return Route(ending, difficulty, statement is not None, tuple(numbers))


# ---------------------------------------------------------------- bias (MT603/MT604)

@dataclass(frozen=True)
class Bias:
    counted: int          # decisions whose visible choices differ in total score
    positional: int       # of those, not shuffled
    first: tuple[str, ...]
    longest: tuple[str, ...]

    @property
    def first_share(self) -> float | None:
        return len(self.first) / self.positional if self.positional else None

    @property
    def longest_share(self) -> float | None:
        return len(self.longest) / self.counted if self.counted else None


def bias(scenario: Scenario) -> Bias:
    from . import smells
    ids = tuple(principles(Path(scenario.path).parent))
    sits = smells.situations(scenario, ids)
    pairs = ((node, smells.representative_choices(scenario, node, sits))
             for node in scenario.nodes.values() if node.choices)
    b = smells.bias_counts(pairs, ids)
    return Bias(len(b.counted), b.positional, b.first, b.longest)


# ---------------------------------------------------------------- one row per scenario

@dataclass
class Facts:
    id: str
    title: str
    family: str
    role: str
    minutes: int | None
    difficulty: int
    characters: list[tuple[str, str]]            # (name, title)
    main_decisions: int | None
    main_ending: str | None
    decisions_range: tuple[int, int] | None      # over every playthrough and setting
    endings: dict[str, str]                      # id -> title
    reachable: dict[str, list[tuple[int, bool]]]
    ending_chance: dict[str, dict[int, float]]
    lix: float | None
    bias: Bias
    in_play_main: list[str]                      # principles in play on the main path
    in_play_any: list[str]                       # in play on some playthrough
    difficulty_conditions: int
    path_dependent: list[str]
    safety_choices: int
    index_range: dict[int, tuple[float, float] | None]
    score_ranges: dict[str, tuple[float, float] | None]   # difficulty 1
    english: dict[str, str] = field(default_factory=dict)  # line id -> English text

    def ending_title(self, nid: str, lang: str = "da") -> str:
        if lang != "da":
            return self.english.get(nid + ".end", self.endings[nid])
        return self.endings[nid]

    @property
    def best_first_share(self) -> float | None:
        return self.bias.first_share

    @property
    def best_longest_share(self) -> float | None:
        return self.bias.longest_share


def facts(scenario: Scenario) -> Facts:
    from .analysis import analyze
    ps = principles(Path(scenario.path).parent)
    ids = tuple(ps)
    sits = situations(scenario)
    main = main_path(scenario)
    lows = [v for v in sits.decisions_min.values()]
    highs = [v for v in sits.decisions_max.values()]
    index_range: dict[int, tuple[float, float] | None] = {}
    score_ranges: dict[str, tuple[float, float] | None] = {}
    chance: dict[str, dict[int, float]] = {}
    in_play_any: set[str] = set()
    for d in (1, 2, 3):
        a = analyze(scenario, ps, d)
        index_range[d] = None if a.index is None else (a.index["min"], a.index["max"])
        for nid, p in a.endings.items():
            chance.setdefault(nid, {})[d] = p
        for pid, e in a.scores.items():
            if e is not None:
                in_play_any.add(pid)
            if d == 1:
                score_ranges[pid] = None if e is None else (e["min"], e["max"])
    return Facts(
        id=scenario.id, title=scenario.title, family=scenario.family, role=scenario.role,
        minutes=scenario.minutes, difficulty=scenario.difficulty,
        characters=[(c.name, c.title) for c in scenario.characters.values()],
        main_decisions=None if main is None else len(main.numbers),
        main_ending=None if main is None else main.ending,
        decisions_range=(min(lows), max(highs)) if lows else None,
        endings={nid: n.end.title.source for nid, n in scenario.nodes.items() if n.end},
        reachable=sits.endings, ending_chance=chance,
        lix=readability.scenario_report(scenario).lix,
        bias=bias(scenario),
        in_play_main=[] if main is None else [p for p in ids if main.scores.get(p) is not None],
        in_play_any=[p for p in ids if p in in_play_any],
        difficulty_conditions=len(difficulty_conditions(scenario)),
        path_dependent=path_dependent(scenario, sits),
        safety_choices=sum(c.safety for n in scenario.nodes.values() for c in n.choices or ()),
        index_range=index_range, score_ranges=score_ranges, english=translated(scenario, "en"))


def translated(scenario: Scenario, lang: str) -> dict[str, str]:
    """line id -> the translated text (as written in the file; placeholders kept)."""
    from ..engine.translations import load_translations
    table, _ = load_translations(scenario, lang)
    return {k: getattr(v, "source", str(v)) for k, v in table.items()}


def library_facts(folder: str | Path = SCENARIOS) -> list[Facts]:
    return [facts(s) for s in sorted((load(f) for f in library_files(folder)), key=sort_key)]
