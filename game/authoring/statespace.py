"""The reachable state space of a scenario: (decision node, values that matter).

A playthrough is determined by where the player is and by the values that
expressions can still read. This module finds every reachable pair of
(decision node, relevant values) from the start, with exactly the Session's
rules (see :mod:`game.engine.session`):

* the start environment is the scenario's variables, ``mood.<character>``
  (initial moods), ``difficulty`` and ``statement_written``;
* at a decision the visible choices are those whose ``if`` is true under the
  engine's own :meth:`Expr.evaluate` (in file order; ``shuffle`` changes only
  the order they are shown in, never which are shown);
* a choice computes every ``set`` value from the values *before* the choice,
  then assigns them all; mood changes are added and clamped to -3..3;
* the next decision or ending is found with the engine's own ``land`` (which
  follows ``next`` links).

What "matters" is decided by two exact reductions, so that states which
behave the same are merged:

* **liveness** — a variable (or mood) is kept at a node only if some path on
  from that node may read it in an ``if``, or in a ``set`` whose result is
  read later. Text interpolation never changes a path or a score, so it does
  not count (a "minutes left" counter that is only shown in text is not
  tracked at all);
* **saturation** — a whole-number variable that is only ever compared with
  constants (``pauses < 2``) and only changed by adding a fixed amount of one
  sign (``pauses + 1``) or by assignments that do not read it, behaves the
  same for every value above its largest constant (or below its smallest), so
  those values are merged into one.

Every reachable state gets one edge per visible choice. Each edge carries that
decision's contribution to every scored measure (the principles, then the
index), computed with :func:`game.engine.scoring.score_decisions` on the one
decision: ``a`` = chosen − min, ``b`` = max − min over the visible choices and
``inf`` = 1 if the visible choices differ on the measure. U, L, X and the
informative count are sums over decisions, so the parts of a path add up to
exactly what the engine computes for it.

Two explorers give the same graph: a vectorised one (numpy, node by node in
topological order) for scenarios whose nodes never loop, and a plain
breadth-first one for scenarios with loops.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

import numpy as np

from ..engine.model import MOOD_MAX, MOOD_MIN, Choice, Node, Scenario
from ..engine.scoring import score_decisions
from ..engine.session import apply_choice as _apply_in_place, runtime, visible_choices

CONSTANTS = ("difficulty", "statement_written")
INDEX = "index"
DECISION, ENDING, STUCK = 0, 1, 2


class StateSpaceTooLarge(Exception):
    """More reachable states than the bound allows."""

    def __init__(self, bound: int):
        super().__init__(f"more than {bound:,} reachable states")
        self.bound = bound


@dataclass
class Block:
    """States ``base .. base+k-1`` and their choices as dense (J, k) tables.

    ``dst[j, i]`` is the state reached from state ``base+i`` by its j-th
    choice, or -1 where that choice is not visible; ``wid`` indexes the
    weight tables; ``choice`` is the choice's file index at its node.
    """

    base: int
    k: int
    dst: np.ndarray
    wid: np.ndarray
    choice: np.ndarray

    @property
    def mask(self) -> np.ndarray:
        return self.dst >= 0


@dataclass
class StateGraph:
    """Reachable states and the choices between them.

    State 0 is where the player first decides (or the ending, if the start
    leads straight to one). ``kind[s]`` is DECISION (choices visible), ENDING
    or STUCK (a decision where no choice is visible: the player cannot go
    on). States are numbered block by block; when ``acyclic`` is true every
    choice leads from a block to a later block, so the blocks are a
    topological order (backward passes go through them in reverse).

    The same edges are also kept as flat arrays sorted by source state (then
    file order): the out-edges of ``s`` are ``first_edge[s]:first_edge[s+1]``.
    Per-decision contributions live in small tables indexed by ``wid``:
    ``wa`` = chosen − min, ``wb`` = max − min and ``winf`` = 1 when the
    visible choices differ, each of shape (rows, measures). Row 0 is all zero.
    """

    scenario: Scenario
    measures: tuple[str, ...]            # principle ids, then "index"
    need: np.ndarray                     # informative decisions needed to be "in play", per measure
    live: dict[str, tuple[str, ...]]     # node -> names kept in its states
    saturated: dict[str, tuple[int | None, int | None]]
    node_ids: list[str]
    node: np.ndarray                     # state -> position in node_ids
    kind: np.ndarray
    blocks: list[Block]
    acyclic: bool
    wa: np.ndarray
    wb: np.ndarray
    winf: np.ndarray
    edge_src: np.ndarray
    edge_dst: np.ndarray
    edge_wid: np.ndarray
    edge_choice: np.ndarray
    first_edge: np.ndarray
    key_list: list[tuple] | None = None                      # state -> kept values
    key_blocks: list[tuple[int, np.ndarray]] | None = None   # or per block: (base, rows)

    @property
    def n_states(self) -> int:
        return len(self.kind)

    @property
    def n_edges(self) -> int:
        return len(self.edge_src)

    def node_of(self, s: int) -> str:
        return self.node_ids[int(self.node[s])]

    def key(self, s: int) -> tuple:
        if self.key_list is not None:
            return self.key_list[s]
        bases = [b for b, _ in self.key_blocks]
        b, arr = self.key_blocks[int(np.searchsorted(bases, s, side="right")) - 1]
        return tuple(int(x) for x in arr[s - b])

    def env(self, s: int) -> dict:
        """The kept values of state ``s`` as a dict (for display and tests)."""
        nid = self.node_of(s)
        types = {k: type(v) for k, v in self.scenario.variables.items()}
        return {k: (bool(v) if types.get(k) is bool else int(v))
                for k, v in zip(self.live.get(nid, ()), self.key(s))}

    def visible(self, s: int) -> tuple[int, ...]:
        """File indexes of the choices visible in state ``s``."""
        e0, e1 = int(self.first_edge[s]), int(self.first_edge[s + 1])
        return tuple(int(c) for c in self.edge_choice[e0:e1])


# ---------------------------------------------------------------- environment

def initial_env(scenario: Scenario, difficulty: int, statement_written: bool) -> dict:
    """The environment a Session starts with (see ``Session.__init__``)."""
    env: dict = dict(scenario.variables)
    for cid, ch in scenario.characters.items():
        env["mood." + cid] = ch.mood
    env["difficulty"] = difficulty
    env["statement_written"] = bool(statement_written)
    return env


def landing(scenario: Scenario, nid: str) -> Node:
    """The decision or ending reached from ``nid`` by following ``next`` (engine code)."""
    return runtime(scenario).land(nid)[1]


def apply_choice(env: dict, c: Choice) -> dict:
    """A new environment after choice ``c``, exactly as a Session changes it."""
    new = dict(env)
    _apply_in_place(new, c)
    return new


# ---------------------------------------------------------------- reductions

def _targets(scenario: Scenario) -> dict[tuple[str, int], str]:
    out = {}
    for n in scenario.nodes.values():
        for c in n.choices or ():
            out[(n.id, c.index)] = landing(scenario, c.next).id
    return out


def liveness(scenario: Scenario) -> dict[str, frozenset[str]]:
    """For every decision node: the names (variables, mood.x) a later path may read.

    A fixpoint, so loops are handled. ``difficulty`` and ``statement_written``
    are left out: they never change during a playthrough.
    """
    targets = _targets(scenario)
    decisions = [n for n in scenario.nodes.values() if n.choices is not None]
    reads: dict[str, set[str]] = {}
    for n in decisions:
        r: set[str] = set()
        for c in n.choices:
            if c.condition is not None:
                r |= c.condition.names
        reads[n.id] = {x for x in r if x not in CONSTANTS}
    live: dict[str, frozenset[str]] = {n.id: frozenset() for n in decisions}
    preds: dict[str, set[str]] = {}
    for (nid, _), t in targets.items():
        preds.setdefault(t, set()).add(nid)
    todo = deque(n.id for n in reversed(decisions))
    queued = set(todo)
    while todo:
        nid = todo.popleft()
        queued.discard(nid)
        n = scenario.nodes[nid]
        need = set(reads[nid])
        for c in n.choices:
            after = live.get(targets[(nid, c.index)], frozenset())
            if not after:
                continue
            need |= after - c.set.keys()
            for var, e in c.set.items():
                if var in after:
                    need |= {x for x in e.names if x not in CONSTANTS}
        if need != live[nid]:
            live[nid] = frozenset(need)
            for p in preds.get(nid, ()):
                if p not in queued:
                    queued.add(p)
                    todo.append(p)
    return live


def saturation(scenario: Scenario) -> dict[str, tuple[int | None, int | None]]:
    """Whole-number variables whose extreme values can be merged: name -> (floor, cap).

    A variable qualifies when every place that reads it is either a comparison
    with a constant (``v < 2``, ``3 == v``) or its own update ``v + k`` /
    ``v - k`` / ``k + v``, and all its updates move it the same way. If it only
    grows, every value above the largest constant compares alike and stays
    above it, so values are capped at largest + 1 (and likewise floored at
    smallest − 1 when it only shrinks). Anything else: the variable is kept exact.
    Uses the parsed expression tree; if that is not available, nothing is merged.
    """
    ints = {v for v, x in scenario.variables.items() if type(x) is int}
    consts: dict[str, set[int]] = {v: set() for v in ints}
    deltas: dict[str, set[int]] = {v: set() for v in ints}
    bad: set[str] = set()

    def walk(t) -> None:
        kind = t.kind
        if kind == "name":
            bad.add(t.value)
            return
        if kind == "cmp":
            left, right = t.kids
            for x, y in ((left, right), (right, left)):
                if x.kind == "name" and y.kind == "const" and type(y.value) is int:
                    if x.value in consts:
                        consts[x.value].add(y.value)
                    return
        for kid in t.kids:
            walk(kid)

    try:
        for n in scenario.nodes.values():
            for c in n.choices or ():
                if c.condition is not None:
                    walk(c.condition._tree)
                for var, e in c.set.items():
                    t = e._tree
                    if var in ints and var in e.names:
                        if (t.kind == "sum" and len(t.kids) == 2 and len(t.ops) == 1
                                and {k.kind for k in t.kids} == {"name", "const"}):
                            name = next(k for k in t.kids if k.kind == "name")
                            const = next(k for k in t.kids if k.kind == "const")
                            op = t.ops[0].value
                            if name.value == var and type(const.value) is int and not (
                                    op == "-" and t.kids[0] is const):
                                deltas[var].add(const.value if op == "+" else -const.value)
                                continue
                    walk(t)
    except AttributeError:  # the expression tree changed shape: merge nothing
        return {}
    out = {}
    for v in ints - bad:
        if not consts[v]:
            continue
        ds = deltas[v]
        floor = min(consts[v]) - 1 if all(d <= 0 for d in ds) else None
        cap = max(consts[v]) + 1 if all(d >= 0 for d in ds) else None
        if floor is not None or cap is not None:
            out[v] = (floor, cap)
    return out


# ---------------------------------------------------------------- weights

class _Weights:
    """Per-decision contributions, as rows of small tables, cached per (node, visible)."""

    def __init__(self, principle_ids):
        self.ids = tuple(principle_ids)
        m = len(self.ids) + 1
        self.rows_a: list[list[int]] = [[0] * m]
        self.rows_b: list[list[int]] = [[0] * m]
        self.rows_i: list[list[int]] = [[0] * m]
        self.cache: dict[tuple[str, tuple[int, ...]], list[int]] = {}

    def get(self, node: Node, vis_idx: tuple[int, ...]) -> list[int]:
        """Row ids, one per visible choice (in file order).

        The lows, highs and informative flags come from ``score_decisions`` on
        the decision; what the chosen option adds is its own score (X, and q
        for the index), exactly as ``score_decisions`` sums it.
        """
        ck = (node.id, vis_idx)
        w = self.cache.get(ck)
        if w is None:
            vis = tuple(node.choices[i] for i in vis_idx)
            sc = score_decisions([(vis, vis[0])], self.ids)
            ps = list(sc.principles.values())
            lows = [p.low for p in ps]
            b = [p.high - p.low for p in ps] + [sc.index_high - sc.index_low]
            inf = [p.informative for p in ps] + [1 if sc.index_high != sc.index_low else 0]
            w = []
            for pick in vis:
                chosen = [pick.score.get(d, 0) for d in self.ids]
                w.append(len(self.rows_a))
                self.rows_a.append([x - lo for x, lo in zip(chosen, lows)]
                                   + [sum(chosen) - sc.index_low])
                self.rows_b.append(b)
                self.rows_i.append(inf)
            self.cache[ck] = w
        return w

    def tables(self):
        return (np.array(self.rows_a, dtype=np.int64), np.array(self.rows_b, dtype=np.int64),
                np.array(self.rows_i, dtype=np.int64))


# ---------------------------------------------------------------- exploration

def explore(scenario: Scenario, principle_ids, difficulty: int = 1,
            statement_written: bool = False, max_states: int = 2_000_000,
            method: str = "auto") -> StateGraph:
    """Every reachable (decision node, relevant values) state and every choice between them.

    ``method``: "auto" (vectorised when the nodes never loop, else breadth
    first), or "bfs" to force the breadth-first explorer (tests compare them).
    Raises :class:`StateSpaceTooLarge` when there are more than ``max_states``.
    """
    order = _node_order(scenario) if method != "bfs" else None
    if order is not None:
        return _explore_dag(scenario, tuple(principle_ids), difficulty, statement_written,
                            max_states, order)
    return _explore_bfs(scenario, tuple(principle_ids), difficulty, statement_written, max_states)


def _node_order(scenario: Scenario) -> list[str] | None:
    """Decisions and endings reachable from the start in topological order, or None on a loop."""
    start = landing(scenario, scenario.start).id
    succ: dict[str, list[str]] = {}
    todo = [start]
    seen = {start}
    while todo:
        nid = todo.pop()
        node = scenario.nodes[nid]
        out = []
        for c in node.choices or ():
            t = landing(scenario, c.next).id
            out.append(t)
            if t not in seen:
                seen.add(t)
                todo.append(t)
        succ[nid] = out
    indeg = {n: 0 for n in succ}
    for ts in succ.values():
        for t in ts:
            indeg[t] += 1
    ready = [start] if indeg[start] == 0 else []
    out = []
    while ready:
        n = ready.pop()
        out.append(n)
        for t in succ[n]:
            indeg[t] -= 1
            if indeg[t] == 0:
                ready.append(t)
    return out if len(out) == len(succ) else None


def _setup(scenario, principle_ids, difficulty, statement_written):
    live = {nid: tuple(sorted(names)) for nid, names in liveness(scenario).items()}
    sat = saturation(scenario)
    base = initial_env(scenario, difficulty, statement_written)
    for v, (lo, hi) in sat.items():
        base[v] = _clamp(base[v], lo, hi)
    measures = tuple(principle_ids) + (INDEX,)
    need = np.array([2] * len(principle_ids) + [1], dtype=np.int64)
    return live, sat, base, measures, need


def _clamp(x: int, lo: int | None, hi: int | None) -> int:
    if lo is not None and x < lo:
        return lo
    if hi is not None and x > hi:
        return hi
    return x


def _csr_from_blocks(blocks: list[Block], n: int):
    src, dst, wid, ch = [], [], [], []
    for blk in blocks:
        if blk.dst.size == 0:
            continue
        mt = (blk.dst >= 0).T                      # (k, J): state-major order
        si, ji = np.nonzero(mt)
        src.append(blk.base + si)
        dst.append(blk.dst[ji, si])
        wid.append(blk.wid[ji, si])
        ch.append(blk.choice[ji, si])
    if src:
        src_a = np.concatenate(src)
        out = (src_a, np.concatenate(dst), np.concatenate(wid), np.concatenate(ch))
    else:
        z = np.zeros(0, dtype=np.int64)
        src_a, out = z, (z, z, z, z)
    return out + (np.searchsorted(src_a, np.arange(n + 1)),)


def _explore_bfs(scenario, principle_ids, difficulty, statement_written, max_states) -> StateGraph:
    """Breadth-first exploration, one state at a time (handles loops)."""
    live, sat, base, measures, need = _setup(scenario, principle_ids, difficulty, statement_written)
    nodes = scenario.nodes
    weights = _Weights(principle_ids)
    node_ids: list[str] = []
    node_pos: dict[str, int] = {}
    land_cache: dict[str, Node] = {}
    index: dict[tuple[str, tuple], int] = {}
    st_node: list[int] = []
    keys: list[tuple] = []
    kinds: list[int] = []
    out: list[list[tuple[int, int, int]]] = []       # state -> [(dst, wid, choice)]
    todo: deque[int] = deque()

    def land(nid: str) -> Node:
        n = land_cache.get(nid)
        if n is None:
            n = land_cache[nid] = landing(scenario, nid)
        return n

    def state_of(node: Node, env: dict) -> int:
        names = live.get(node.id, ())
        key = tuple(int(env[x]) for x in names)
        k = (node.id, key)
        s = index.get(k)
        if s is None:
            if len(kinds) >= max_states:
                raise StateSpaceTooLarge(max_states)
            s = index[k] = len(kinds)
            if node.id not in node_pos:
                node_pos[node.id] = len(node_ids)
                node_ids.append(node.id)
            st_node.append(node_pos[node.id])
            keys.append(key)
            kinds.append(ENDING if node.end is not None else DECISION)
            out.append([])
            todo.append(s)
        return s

    types = {k: type(v) for k, v in base.items()}
    state_of(land(scenario.start), base)
    while todo:
        s = todo.popleft()
        nid = node_ids[st_node[s]]
        node = nodes[nid]
        if node.end is not None:
            continue
        env = dict(base)
        for name, v in zip(live.get(nid, ()), keys[s]):
            env[name] = bool(v) if types[name] is bool else v
        vis = visible_choices(node, env)
        if not vis:
            kinds[s] = STUCK
            continue
        wids = weights.get(node, tuple(c.index for c in vis))
        for c, w in zip(vis, wids):
            new = apply_choice(env, c)
            for v in c.set:
                if v in sat:
                    new[v] = _clamp(new[v], *sat[v])
            out[s].append((state_of(land(c.next), new), w, c.index))
    n = len(kinds)
    # renumber: by level (longest path from the start) when the states never loop
    level = _levels(out, n)
    acyclic = level is not None
    if level is None:
        level = [0] * n
    # endings get blocks of their own, so every block is all endings or all decisions
    group = [(level[s], kinds[s] == ENDING) for s in range(n)]
    perm = sorted(range(n), key=lambda s: (group[s], s))   # new id -> old id
    new_id = [0] * n
    for i, s in enumerate(perm):
        new_id[s] = i
    blocks: list[Block] = []
    i = 0
    while i < n:
        j = i
        while j < n and group[perm[j]] == group[perm[i]]:
            j += 1
        states = perm[i:j]
        jmax = max((len(out[s]) for s in states), default=0)
        dst = np.full((jmax, j - i), -1, dtype=np.int64)
        wid = np.zeros((jmax, j - i), dtype=np.int64)
        ch = np.zeros((jmax, j - i), dtype=np.int64)
        for col, s in enumerate(states):
            for row, (t, w, c) in enumerate(out[s]):
                dst[row, col] = new_id[t]
                wid[row, col] = w
                ch[row, col] = c
        blocks.append(Block(i, j - i, dst, wid, ch))
        i = j
    wa, wb, wi = weights.tables()
    e_src, e_dst, e_wid, e_ch, fe = _csr_from_blocks(blocks, n)
    return StateGraph(
        scenario=scenario, measures=measures, need=need, live=live, saturated=sat,
        node_ids=node_ids, node=np.asarray([st_node[s] for s in perm], dtype=np.int64),
        kind=np.asarray([kinds[s] for s in perm], dtype=np.int8), blocks=blocks,
        acyclic=acyclic, wa=wa, wb=wb, winf=wi, edge_src=e_src, edge_dst=e_dst,
        edge_wid=e_wid, edge_choice=e_ch, first_edge=fe, key_list=[keys[s] for s in perm])


def _levels(out, n) -> list[int] | None:
    """Longest distance from state 0 for every state, or None if the states loop."""
    indeg = [0] * n
    for edges in out:
        for t, _, _ in edges:
            indeg[t] += 1
    level = [0] * n
    ready = [s for s in range(n) if indeg[s] == 0]
    seen = 0
    while ready:
        s = ready.pop()
        seen += 1
        for t, _, _ in out[s]:
            if level[t] < level[s] + 1:
                level[t] = level[s] + 1
            indeg[t] -= 1
            if indeg[t] == 0:
                ready.append(t)
    return level if seen == n else None


def _encode(rows: np.ndarray) -> np.ndarray | None:
    """One int64 per row (mixed radix over the columns' ranges), or None if too wide."""
    if rows.shape[1] == 1:
        return rows[:, 0]
    lo = rows.min(axis=0)
    span = rows.max(axis=0) - lo + 1
    total = 1
    for x in span.tolist():
        total *= x
    if total >= 2 ** 62:
        return None
    mult = np.ones(len(span), dtype=np.int64)
    for i in range(len(span) - 2, -1, -1):
        mult[i] = mult[i + 1] * span[i + 1]
    return (rows - lo) @ mult


def _unique_rows(rows: np.ndarray):
    """(unique rows, inverse) for a 2-D int array, fast for small ranges."""
    if rows.shape[1] == 0:
        return rows[:1], np.zeros(len(rows), dtype=np.int64)
    code = _encode(rows)
    if code is None:
        uniq, inv = np.unique(rows, axis=0, return_inverse=True)
        return uniq, inv.reshape(-1)
    _, first, inv = np.unique(code, return_index=True, return_inverse=True)
    return rows[first], inv.reshape(-1)


def _explore_dag(scenario, principle_ids, difficulty, statement_written, max_states,
                 order: list[str]) -> StateGraph:
    """Node by node in topological order; all states of a node at once (numpy)."""
    live, sat, base, measures, need = _setup(scenario, principle_ids, difficulty, statement_written)
    nodes = scenario.nodes
    weights = _Weights(principle_ids)
    types = {k: type(v) for k, v in base.items()}
    consts = {k: base[k] for k in CONSTANTS}
    # pending[node] = list of (rows, dst array to fill in once the node's states are known)
    pending: dict[str, list[tuple[np.ndarray, np.ndarray]]] = {nid: [] for nid in order}
    start = order[0]
    names0 = live.get(start, ())
    pending[start].append((np.array([int(base[x]) for x in names0], dtype=np.int64)
                           .reshape(1, len(names0)), np.zeros(1, dtype=np.int64)))
    total = 0
    st_node: list[np.ndarray] = []
    key_blocks: list[tuple[int, np.ndarray]] = []
    kinds: list[np.ndarray] = []
    blocks: list[Block] = []
    later: list[tuple] = []
    targets = {nid: [landing(scenario, c.next) for c in nodes[nid].choices or ()]
               for nid in order}

    def env_of(names, values) -> dict:
        env = dict(consts)
        for name, v in zip(names, values):
            env[name] = bool(v) if types[name] is bool else int(v)
        return env

    def per_row(expr, names, rows) -> np.ndarray:
        """expr on every row, evaluated once per distinct value of the names it reads."""
        used = [i for i, x in enumerate(names) if x in expr.names]
        if not used:
            return np.full(len(rows), int(expr.evaluate(env_of((), ()))), dtype=np.int64)
        uniq, inv = _unique_rows(rows[:, used])
        used_names = [names[i] for i in used]
        vals = np.array([int(expr.evaluate(env_of(used_names, u))) for u in uniq.tolist()],
                        dtype=np.int64)
        return vals[inv]

    for pos, nid in enumerate(order):
        node = nodes[nid]
        names = live.get(nid, ())
        todo = pending.pop(nid)
        if not todo:        # reachable in the file, but not with these values
            continue
        rows = np.concatenate([r for r, _ in todo]) if len(todo) > 1 else todo[0][0]
        uniq, inv = _unique_rows(rows)
        ids = total + inv
        off = 0
        for r, dst_arr in todo:
            dst_arr[:] = ids[off:off + len(r)]
            off += len(r)
        k = len(uniq)
        base_id = total
        total += k
        if total > max_states:
            raise StateSpaceTooLarge(max_states)
        st_node.append(np.full(k, pos, dtype=np.int64))
        key_blocks.append((base_id, uniq))
        if node.end is not None:
            kinds.append(np.full(k, ENDING, dtype=np.int8))
            empty = np.zeros((0, k), dtype=np.int64)
            blocks.append(Block(base_id, k, empty, empty, empty))
            continue
        choices = node.choices
        jn = len(choices)
        masks = np.ones((jn, k), dtype=bool)
        for j, c in enumerate(choices):
            if c.condition is not None:
                masks[j] = per_row(c.condition, names, uniq) == 1
        wid = np.zeros((jn, k), dtype=np.int64)
        if all(c.condition is None for c in choices):
            wid[:] = np.asarray(weights.get(node, tuple(range(jn))), dtype=np.int64)[:, None]
            any_visible = np.ones(k, dtype=bool)
        else:
            sig = np.zeros(k, dtype=np.int64)
            for j in range(jn):
                sig |= masks[j].astype(np.int64) << j
            usig, sinv = np.unique(sig, return_inverse=True)
            sinv = sinv.reshape(-1)
            table = np.zeros((len(usig), jn), dtype=np.int64)
            for si, u in enumerate(usig.tolist()):
                vis_idx = tuple(j for j in range(jn) if (u >> j) & 1)
                if vis_idx:
                    table[si, list(vis_idx)] = weights.get(node, vis_idx)
            wid = table[sinv].T.copy()
            any_visible = sig != 0
        kinds.append(np.where(any_visible, DECISION, STUCK).astype(np.int8))
        dst = np.full((jn, k), -1, dtype=np.int64)
        col = {x: i for i, x in enumerate(names)}
        for j, c in enumerate(choices):
            sel = np.nonzero(masks[j])[0]
            if len(sel) == 0:
                continue
            target = targets[nid][j]
            tnames = live.get(target.id, ())
            src_rows = uniq[sel] if len(sel) < k else uniq
            new = np.empty((len(sel), len(tnames)), dtype=np.int64)
            for ti, x in enumerate(tnames):
                if x in c.set:
                    v = per_row(c.set[x], names, src_rows)
                    if x in sat:
                        v = np.clip(v, *sat[x])
                elif x.startswith("mood.") and x[5:] in c.mood:
                    v = np.clip(src_rows[:, col[x]] + c.mood[x[5:]], MOOD_MIN, MOOD_MAX)
                else:
                    v = src_rows[:, col[x]]
                new[:, ti] = v
            dst_arr = np.zeros(len(sel), dtype=np.int64)
            pending[target.id].append((new, dst_arr))
            later.append((dst, j, sel, dst_arr))   # filled in once the target is numbered
        wid[~masks] = 0
        blocks.append(Block(base_id, k, dst, wid,
                            np.broadcast_to(np.array([c.index for c in choices],
                                                     dtype=np.int64)[:, None], (jn, k))))
    for dst, j, sel, dst_arr in later:
        dst[j, sel] = dst_arr
    wa, wb, wi = weights.tables()
    e_src, e_dst, e_wid, e_ch, fe = _csr_from_blocks(blocks, total)
    return StateGraph(
        scenario=scenario, measures=measures, need=need, live=live, saturated=sat,
        node_ids=list(order), node=np.concatenate(st_node), kind=np.concatenate(kinds),
        blocks=blocks, acyclic=True, wa=wa, wb=wb, winf=wi, edge_src=e_src, edge_dst=e_dst,
        edge_wid=e_wid, edge_choice=e_ch, first_edge=fe, key_blocks=key_blocks)
