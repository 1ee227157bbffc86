"""Scenario smells: warnings about a scenario that works but probably trains badly.

``smells(scenario, principles)`` returns :class:`Diagnostic` warnings with
positions, in the same ``FILE:LINE:COLUMN: CODE warning: message`` form as the
checker. It expects a scenario without errors (run it after the checker).

=======  ===================================================================
MT601    a decision where, in some reachable situation, no visible choice is
         recovery-aligned: none has q > 0 (q = the sum of its scores over all
         principles, the number the overall index is built from)
MT602    a decision whose visible choices (at least two) all have exactly the
         same score for every principle: the choice trains nothing
MT603    the best option (highest q) is shown first in more than half of the
         scenario's decisions (position bias)
MT604    the best option is the longest text in more than 60 % of the
         decisions (length bias)
MT605    a variable that is declared but never used, or set but never read
MT606    a character that is declared but never speaks, never changes mood
         and is never read through ``mood.<id>``
MT607    a decision where, in some reachable situation (difficulty, statement,
         variables, moods), no choice is visible: the player is stuck
MT608    the player-facing text has LIX above 40 (hard to read)
=======  ===================================================================

"Reachable situations" come from exploring every (decision node, values)
state the engine can reach — breadth first over the real ``Expr.evaluate``
and the Session's ``set``/``mood`` rules, at every difficulty and with and
without a written statement when the scenario reads them. The exploration is
:mod:`game.authoring.statespace` (shared with ``analyze``); if that is not
available or the space is larger than the bound, a bounded breadth-first
search here is used and the situation-based smells cover what it reached.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..engine.diagnostics import CODES, Diagnostic
from ..engine.model import MOOD_MAX, MOOD_MIN, Choice, Node, Scenario
from ..engine.scoring import quality
from . import readability

#: code -> title (the docs/checks.md heading), taken from the checker's table
#: :data:`game.engine.diagnostics.CODES`, which also gives the severity (warning).
SMELL_CODES: dict[str, str] = {code: title for code, (_sev, title) in CODES.items()
                               if code.startswith("MT6")}

FIRST_SHARE = 0.5        # MT603: best first in MORE than this share of decisions
LONGEST_SHARE = 0.6      # MT604: best longest in MORE than this share
MIN_BIAS_DECISIONS = 3   # fewer scored decisions than this: no bias judgement
MAX_STATES = 2_000_000   # per (difficulty, statement) setting, for the shared explorer
FALLBACK_STATES = 100_000  # per setting, for the plain search used when that one cannot


# ---------------------------------------------------------------- situations

@dataclass(frozen=True)
class Situation:
    """One reachable state at a decision: the setting, the values, the visible choices."""

    difficulty: int
    statement: bool
    values: tuple[tuple[str, int | bool], ...]   # the values kept for this state
    visible: tuple[int, ...]                      # file indexes of the visible choices


@dataclass
class Situations:
    by_node: dict[str, list[Situation]] = field(default_factory=dict)
    complete: bool = True            # False when the bound cut the exploration short
    settings: list[tuple[int, bool]] = field(default_factory=list)
    reads_difficulty: bool = False
    reads_statement: bool = False

    def add(self, nid: str, sit: Situation) -> None:
        self.by_node.setdefault(nid, []).append(sit)


def _expressions(scenario: Scenario):
    for n in scenario.nodes.values():
        for c in n.choices or ():
            if c.condition is not None:
                yield c.condition
            yield from c.set.values()


def situations(scenario: Scenario, principle_ids: Iterable[str],
               max_states: int = MAX_STATES) -> Situations:
    names: set[str] = set()
    for e in _expressions(scenario):
        names |= e.names
    out = Situations(reads_difficulty="difficulty" in names,
                     reads_statement="statement_written" in names)
    diffs = (1, 2, 3) if out.reads_difficulty else (scenario.difficulty,)
    stmts = (False, True) if out.reads_statement else (False,)
    out.settings = [(d, s) for d in diffs for s in stmts]
    ids = tuple(principle_ids)
    for d, sw in out.settings:
        if not _explore_statespace(scenario, ids, d, sw, max_states, out):
            _explore_bounded(scenario, d, sw, min(max_states, FALLBACK_STATES), out)
    return out


def _explore_statespace(scenario, ids, d, sw, max_states, out: Situations) -> bool:
    """Use the shared explorer; False when it is unavailable or the space is too large.

    Only one example state is kept for every (node, visible choices) pair: the smells
    need the distinct sets of visible choices, and one situation to name for each.
    """
    try:
        import numpy as np

        from . import statespace as ss
        g = ss.explore(scenario, ids, d, sw, max_states=max_states)
        n = g.n_states
        if n == 0:
            return True
        widest = max((len(nd.choices or ()) for nd in scenario.nodes.values()), default=0)
        if widest > 62:      # visible sets as bit masks need at most 62 choices per node
            return False
        sig = np.zeros(n, dtype=np.int64)
        if g.n_edges:
            np.bitwise_or.at(sig, g.edge_src, np.left_shift(np.int64(1), g.edge_choice))
        rows = np.stack([g.node.astype(np.int64), g.kind.astype(np.int64), sig], axis=1)
        _, first = np.unique(rows, axis=0, return_index=True)
        for s in sorted(int(x) for x in first):
            kind = int(g.kind[s])
            if kind == ss.ENDING:
                continue
            vis = () if kind == ss.STUCK else g.visible(s)
            out.add(g.node_of(s), Situation(d, sw, tuple(g.env(s).items()), tuple(vis)))
    except Exception:  # StateSpaceTooLarge, or an explorer that is missing or being changed
        return False
    return True


def _explore_bounded(scenario: Scenario, d: int, sw: bool, max_states: int,
                     out: Situations) -> None:
    """Breadth-first over (node, all values) with the Session's rules, at most ``max_states``."""
    from ..engine.session import runtime
    rt = runtime(scenario)
    env0: dict = dict(scenario.variables)
    for cid, ch in scenario.characters.items():
        env0["mood." + cid] = ch.mood
    env0["difficulty"] = d
    env0["statement_written"] = sw
    keys = sorted(k for k in env0 if k not in ("difficulty", "statement_written"))

    def freeze(env):
        return tuple(env[k] for k in keys)

    start = rt.land(scenario.start)[1]
    seen = {(start.id, freeze(env0))}
    shown: set[tuple[str, tuple[int, ...]]] = set()
    todo = deque([(start, env0)])
    while todo:
        node, env = todo.popleft()
        if node.end is not None:
            continue
        vis = tuple(c for c in node.choices or ()
                    if c.condition is None or c.condition.evaluate(env) is True)
        idx = tuple(c.index for c in vis)
        if (node.id, idx) not in shown:
            shown.add((node.id, idx))
            out.add(node.id, Situation(d, sw, tuple((k, env[k]) for k in keys), idx))
        for c in vis:
            new = dict(env)
            if c.set:
                vals = [(k, e.evaluate(env)) for k, e in c.set.items()]
                for k, v in vals:
                    new[k] = v
            for cid, delta in c.mood.items():
                m = env["mood." + cid] + delta
                new["mood." + cid] = MOOD_MIN if m < MOOD_MIN else min(m, MOOD_MAX)
            target = rt.land(c.next)[1]
            key = (target.id, freeze(new))
            if key in seen:
                continue
            if len(seen) >= max_states:
                out.complete = False
                continue
            seen.add(key)
            todo.append((target, new))


# ---------------------------------------------------------------- helpers


def _vector(c: Choice, ids: tuple[str, ...]) -> tuple[int, ...]:
    return tuple(c.score.get(p, 0) for p in ids)


def _describe(sit: Situation, node: Node, sits: Situations) -> str:
    """'at difficulty 3, without a written statement, when pauses = 1' (only what matters here)."""
    read: set[str] = set()
    for c in node.choices or ():
        if c.condition is not None:
            read |= c.condition.names
    parts = []
    if sits.reads_difficulty and len({d for d, _ in sits.settings}) > 1:
        parts.append(f"at difficulty {sit.difficulty}")
    if sits.reads_statement:
        parts.append("with a written statement" if sit.statement else "without a written statement")
    vals = [f"{k} = {str(v).lower() if isinstance(v, bool) else v}"
            for k, v in sit.values if k in read]
    if vals:
        parts.append("when " + " and ".join(vals))
    return ", ".join(parts) if parts else "in every playthrough"


def _names(items: list[str], limit: int = 6) -> str:
    shown = ", ".join(f"'{x}'" for x in items[:limit])
    return shown + (f" and {len(items) - limit} more" if len(items) > limit else "")


def _pct(k: int, n: int) -> str:
    return f"{k} of {n} decisions ({round(100 * k / n)}%)"


def _text_len(c: Choice) -> int:
    return len(readability.strip_placeholders(c.text.source).strip())


# ---------------------------------------------------------------- the smells

def smells(scenario: Scenario, principles, variable_pos: dict | None = None,
           max_states: int = MAX_STATES) -> list[Diagnostic]:
    """Every smell in ``scenario`` as warnings, sorted by position.

    ``principles``: the principle ids (a dict of Principle or any iterable of ids).
    ``variable_pos``: variable name -> (line, column) of its declaration (the loader
    keeps these); when not given, they are read from the scenario's file.
    """
    ids = tuple(principles)
    file = scenario.path
    diags: list[Diagnostic] = []

    def warn(at: tuple[int, int], code: str, message: str) -> None:
        diags.append(Diagnostic(file, at[0], at[1], code, message))   # severity from CODES

    sits = situations(scenario, ids, max_states)
    decisions = [n for n in scenario.nodes.values() if n.choices]
    representative: dict[str, tuple[Choice, ...]] = {}
    for node in decisions:
        found = sits.by_node.get(node.id)
        if not found:   # not reached (unreachable, MT501, or beyond the bound): judge all choices
            representative[node.id] = tuple(node.choices)
            _decision_smells(node, [(None, tuple(node.choices))], ids, sits, warn)
            continue
        groups: dict[tuple[int, ...], Situation] = {}
        for sit in found:
            groups.setdefault(sit.visible, sit)
        cases = [(sit, tuple(node.choices[i] for i in vis)) for vis, sit in groups.items()]
        _decision_smells(node, cases, ids, sits, warn)
        representative[node.id] = representative_choices(scenario, node, sits)
    _bias(scenario, decisions, representative, ids, warn)
    _unused(scenario, variable_pos, warn)
    _lix(scenario, warn)
    diags.sort(key=Diagnostic.sort_key)
    return diags


def _decision_smells(node: Node, cases, ids, sits: Situations, warn) -> None:
    """MT607, MT602 and MT601 for one decision; ``cases`` = (situation or None, visible)."""
    scored = any(v for c in node.choices for v in c.score.values())
    for sit, vis in cases:
        if not vis:
            warn(node.pos, "MT607",
                 f"decision '{node.id}' shows no choice {_describe(sit, node, sits)}: the player "
                 "is stuck there; add a choice without 'if:', or make the conditions cover "
                 "every case")
            break
    for sit, vis in cases:
        if len(vis) >= 2 and len({_vector(c, ids) for c in vis}) == 1:
            where = "" if sit is None or len(cases) == 1 else f" {_describe(sit, node, sits)}"
            what = "no score" if not any(vis[0].score.values()) else "exactly the same score"
            warn(node.pos, "MT602",
                 f"the {len(vis)} choices in decision '{node.id}' all have {what}{where}: the "
                 "choice makes no difference to any principle; score the choices so that at "
                 "least one stands out, or turn the node into a line with 'next:'")
            break
    if not scored:
        return
    for sit, vis in cases:
        if vis and all(quality(c, ids) <= 0 for c in vis):
            best = max(quality(c, ids) for c in vis)
            where = "" if sit is None else f" {_describe(sit, node, sits)}"
            if sit is not None and len(cases) == 1:
                where = ""
            warn(node.pos, "MT601",
                 f"decision '{node.id}' offers no recovery-aligned option{where}: every visible "
                 f"choice scores {best:+d} or less in total; add a choice that scores above 0 "
                 "(one that invites or uses a recovery principle), or check the conditions")
            break


def representative_choices(scenario: Scenario, node: Node, sits: Situations) -> tuple[Choice, ...]:
    """The choices a player usually sees at ``node``: those of the first situation found at
    the scenario's own difficulty without a statement, else of any situation that shows
    some; all the node's choices when the search did not reach it."""
    found = sits.by_node.get(node.id)
    if not found:
        return tuple(node.choices)
    default = next((s for s in found if (s.difficulty, s.statement)
                    == (scenario.difficulty, False) and s.visible), None)
    default = default or next((s for s in found if s.visible), None)
    return tuple(node.choices[i] for i in default.visible) if default is not None else ()


@dataclass(frozen=True)
class BiasCounts:
    """Where the best option (highest total score) stands, over the decisions that differ."""

    counted: tuple[str, ...]   # decisions whose visible choices differ in total score
    positional: int            # of those, not shuffled
    first: tuple[str, ...]     # best option shown first (unshuffled decisions only)
    longest: tuple[str, ...]   # best option is the one longest text


def bias_counts(pairs: Iterable[tuple[Node, tuple[Choice, ...]]], ids) -> BiasCounts:
    """Count position and length bias over (decision, visible choices) pairs."""
    counted: list[str] = []
    first: list[str] = []
    longest: list[str] = []
    positional = 0
    for node, vis in pairs:
        if len(vis) < 2:
            continue
        qs = [quality(c, ids) for c in vis]
        top = max(qs)
        if min(qs) == top:
            continue
        counted.append(node.id)
        if not node.shuffle:
            positional += 1
            if qs[0] == top:
                first.append(node.id)
        lens = [_text_len(c) for c in vis]
        if lens.count(max(lens)) == 1 and qs[lens.index(max(lens))] == top:
            longest.append(node.id)
    return BiasCounts(tuple(counted), positional, tuple(first), tuple(longest))


def _bias(scenario: Scenario, decisions: list[Node], rep: dict, ids, warn) -> None:
    """MT603 (best first) and MT604 (best longest), once per scenario at the 'nodes:' key."""
    b = bias_counts(((n, rep.get(n.id, ())) for n in decisions), ids)
    counted, first, longest, positional = list(b.counted), list(b.first), list(b.longest), b.positional
    at = scenario.where.get("nodes", (1, 1))
    if positional >= MIN_BIAS_DECISIONS and len(first) > FIRST_SHARE * positional:
        warn(at, "MT603",
             f"the best option (highest total score) is shown first in {_pct(len(first), positional)}"
             f": {_names(first)}; players learn to pick number 1 — move the best option "
             "to other places, or add 'shuffle: true' to some decisions")
    if len(counted) >= MIN_BIAS_DECISIONS and len(longest) > LONGEST_SHARE * len(counted):
        warn(at, "MT604",
             f"the best option (highest total score) is the longest text in "
             f"{_pct(len(longest), len(counted))}: {_names(longest)}; players learn to pick "
             "the longest answer — make the best option shorter, or give the other options "
             "more words")


def _variable_positions(scenario: Scenario) -> dict[str, tuple[int, int]]:
    """Where each variable is declared, read again from the file (the model does not keep it)."""
    import yaml

    from ..engine import yamlsrc
    try:
        root = yamlsrc.compose(yamlsrc.read_text(Path(scenario.path)))
    except Exception:
        return {}
    out: dict[str, tuple[int, int]] = {}
    if isinstance(root, yaml.MappingNode):
        for k, v in root.value:
            if getattr(k, "value", None) == "variables" and isinstance(v, yaml.MappingNode):
                for vk, _ in v.value:
                    if isinstance(vk, yaml.ScalarNode):
                        out.setdefault(vk.value, yamlsrc.position(vk))
    return out


def _templates(scenario: Scenario):
    for n in scenario.nodes.values():
        for line in n.say:
            yield line.text
        for c in n.choices or ():
            yield c.text
            if c.feedback is not None:
                yield c.feedback
        if n.end is not None:
            yield n.end.title
            if n.end.text is not None:
                yield n.end.text


def _unused(scenario: Scenario, variable_pos: dict | None, warn) -> None:
    """MT605 and MT606."""
    read: set[str] = set()
    written: set[str] = set()
    moved: set[str] = set()
    speaking: set[str] = set()
    for n in scenario.nodes.values():
        for line in n.say:
            if line.speaker:
                speaking.add(line.speaker)
        for c in n.choices or ():
            if c.condition is not None:
                read |= c.condition.names
            for var, e in c.set.items():
                written.add(var)
                read |= e.names - {var}          # 'x: x + 1' alone does not make x read
            moved |= set(c.mood)
    for tpl in _templates(scenario):
        read |= set(tpl.names)
    if scenario.variables:
        pos = variable_pos if variable_pos is not None else _variable_positions(scenario)
        fallback = scenario.where.get("variables", (1, 1))
        for var in scenario.variables:
            at = pos.get(var, fallback)
            if var not in read and var not in written:
                warn(at, "MT605", f"variable '{var}' is declared but never used; use it in an "
                     "'if:', a 'set:' or a text like {" + var + "}, or remove it")
            elif var not in read:
                warn(at, "MT605", f"variable '{var}' is set but never read: no 'if:', 'set:' or "
                     "text uses its value, so setting it changes nothing; use it in an 'if:' "
                     "or remove it")
    for cid, ch in scenario.characters.items():
        if cid in speaking or cid in moved or f"mood.{cid}" in read:
            continue
        warn(ch.pos, "MT606", f"character '{cid}' is declared but never speaks, never changes "
             f"mood and is never read as mood.{cid}; give them a line (- {cid}: \"…\") or "
             "remove them")


def _lix(scenario: Scenario, warn) -> None:
    """MT608: LIX of all narration, character lines and choice texts together."""
    rep = readability.scenario_report(scenario)
    value = rep.lix
    if value is None or value <= readability.THRESHOLD:
        return
    worst = "; ".join(
        f"{t.pos[0]}:{t.pos[1]} (LIX {t.counts.lix:.0f}) \"{_snippet(t.text)}\""
        for t in rep.worst(3))
    warn(scenario.where.get("nodes", (1, 1)), "MT608",
         f"the text the player reads has LIX {value:.0f} (above {readability.THRESHOLD}: hard "
         f"to read; {rep.total.words} words, {rep.total.sentences} sentences, "
         f"{rep.total.long_words} long words); hardest lines: {worst}; use shorter sentences "
         "and everyday words")


def _snippet(text: str, n: int = 50) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"
