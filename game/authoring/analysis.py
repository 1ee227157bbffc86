"""``meeting-trainer analyze``: what every playthrough of a scenario can score.

For one difficulty (and with or without a written personal statement) this
finds, for every principle and for the overall index:

* the lowest and highest score over the complete playthroughs in which the
  principle is in play (the index: in which its denominator is not 0);
* the distribution of the score across all complete playthroughs (every
  distinct sequence of choices counts once);
* the chance of every ending when the player picks uniformly among the
  visible choices, and whether it can be reached at all;
* dominated options, choices that are never shown, decisions where a player
  could be left without any visible choice, and per decision point the range
  of q (a choice's summed score) and of every principle.

How (see :mod:`.statespace`, :mod:`.counting`, :mod:`.extremes`): the
scenario becomes a graph of reachable states (decision node + the values that
still matter) built with the engine's own expression evaluation, landing and
scoring. Over that graph, dynamic programming gives exact path counts, exact
ending probabilities and exact lowest/highest scores (Dinkelbach's method,
integer arithmetic). Distributions are counted exactly with dictionaries of
(A, B, in-play) sums while that stays within a bound; past it, they are
estimated from seeded samples in which every complete playthrough is equally
likely, and the output says so (``sampled``). If the scenario can loop
between states, or has too many states to list, everything that cannot be
exact is sampled from random play, and the output says that too.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field
from fractions import Fraction

import numpy as np

from ..engine.model import Scenario
from . import counting, extremes
from .statespace import (ENDING, INDEX, STUCK, StateGraph, StateSpaceTooLarge,
                         apply_choice, explore, initial_env, landing, visible_choices)

#: default bounds (all can be changed per call)
MAX_STATES = 2_000_000         # reachable states to list before giving up on exactness
DIST_BUDGET = 2_000_000        # (state × sum-tuple) entries moved, for exact distributions
EXTREMES_CELLS = 40_000_000    # states × problems (2 per measure) for the exact lowest/highest
SAMPLES = 4000
LAZY_SECONDS = 10              # time cap for sampling when the states cannot even be listed
SEED = 1
HIST_BINS = 10


@dataclass
class Analysis:
    """Everything ``analyze`` found; :meth:`to_json` is the ``--json`` object."""

    scenario: Scenario
    principle_ids: tuple[str, ...]
    names: dict[str, str]
    difficulty: int
    statement: bool
    paths: int | None = None
    loops: bool = False
    sampled: bool = False
    sample_mode: str | None = None          # "paths" or "play"
    samples: int = 0
    seed: int = SEED
    extremes_exact: bool = True
    distributions_exact: bool = True
    states: int = 0
    choices: int = 0
    rounds: int = 0
    index: dict | None = None
    scores: dict[str, dict | None] = field(default_factory=dict)
    distributions: dict[str, dict] = field(default_factory=dict)
    endings: dict[str, float] = field(default_factory=dict)
    ending_info: dict[str, dict] = field(default_factory=dict)
    stuck: dict = field(default_factory=dict)
    unfinished: float = 0.0
    per_node: dict[str, dict] = field(default_factory=dict)
    dominated: list[dict] = field(default_factory=list)
    never_shown: list[dict] = field(default_factory=list)
    unreachable: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    reductions: dict = field(default_factory=dict)
    seconds: float = 0.0

    # ------------------------------------------------------------------ output
    def to_json(self) -> dict:
        s = self.scenario
        return {
            "scenario": s.id,
            "title": s.title,
            "file": s.path,
            "difficulty": self.difficulty,
            "statement_written": self.statement,
            "index": self.index,
            "scores": self.scores,
            "endings": self.endings,
            # the contract: null whenever any number here was sampled
            "paths": None if self.sampled else self.paths,
            "path_count": self.paths,   # the exact count of playthroughs when it is known
            "sampled": self.sampled,
            "scores_null_means": "never in play on any complete playthrough",
            "method": {
                "states": self.states,
                "choices": self.choices,
                "loops": self.loops,
                "extremes": "exact" if self.extremes_exact else "sampled",
                "distributions": "exact" if self.distributions_exact else "sampled",
                "sample_mode": self.sample_mode,
                "samples": self.samples if self.sampled else 0,
                "seed": self.seed if self.sampled else None,
                "dinkelbach_rounds": self.rounds,
                "reductions": self.reductions,
                "seconds": round(self.seconds, 4),
            },
            "distributions": self.distributions,
            "ending_details": self.ending_info,
            "stuck": self.stuck,
            "per_node": self.per_node,
            "dominated": self.dominated,
            "never_shown": self.never_shown,
            "unreachable_nodes": self.unreachable,
            "notes": self.notes,
        }

    def text(self) -> str:
        from .summary import summary_text
        return summary_text(self)


def analyze(scenario: Scenario, principles, difficulty: int = 1, statement: bool = False, *,
            samples: int = SAMPLES, seed: int = SEED, max_states: int = MAX_STATES,
            dist_budget: int = DIST_BUDGET, extremes_cells: int = EXTREMES_CELLS,
            explorer: str = "auto") -> Analysis:
    """Analyse ``scenario`` at ``difficulty``; ``principles`` is the id → Principle map (or ids)."""
    t0 = time.perf_counter()
    ids = tuple(principles)
    names = {}
    for pid in ids:
        p = principles[pid] if isinstance(principles, dict) else None
        names[pid] = p.label("da") if p is not None and hasattr(p, "label") else pid
    res = Analysis(scenario, ids, names, difficulty, bool(statement), seed=seed)
    try:
        g = explore(scenario, ids, difficulty, statement, max_states=max_states, method=explorer)
    except StateSpaceTooLarge as exc:
        _lazy_sampling(res, exc, samples, seed)
        res.seconds = time.perf_counter() - t0
        return res
    res.states, res.choices = g.n_states, g.n_edges
    res.loops = not g.acyclic
    res.reductions = {
        "kept": {nid: list(v) for nid, v in g.live.items() if v},
        "merged_extremes": {v: {"floor": lo, "cap": hi} for v, (lo, hi) in g.saturated.items()},
    }
    m = len(g.measures)
    finals = None
    if g.acyclic:
        counts = counting.path_counts(g)
        res.paths = int(counts[0]) if counts else 0
        P, _ = counting.random_play(g, True)
        finals = counting.exact_distributions(g, dist_budget)
        if finals is not None:
            _from_exact(res, g, finals)
        else:
            res.sampled = True
            res.sample_mode = "paths"
            res.distributions_exact = False
            res.samples = samples
            logc = counting.log_counts(g)
            A, B, inf, done, _ = counting.sample(g, samples, seed, "paths", logc)
            hints = _from_samples(res, g, A, B, inf, done)
            if g.n_states * 2 * m <= extremes_cells:
                ext, res.rounds = extremes.extremes(g, hints[0], hints[1])
                _set_extremes(res, g, ext)
            else:
                res.extremes_exact = False
                res.notes.append("The lowest and highest scores come from the samples: the "
                                 "scenario has too many states to search them exactly.")
        if res.paths == 0:
            res.notes.append("No playthrough can be completed at this difficulty.")
    else:
        P, left = counting.random_play(g, False)
        res.sampled = True
        res.sample_mode = "play"
        res.extremes_exact = False
        res.distributions_exact = False
        res.samples = samples
        A, B, inf, done, _ = counting.sample(g, samples, seed, "play",
                                             max_steps=max(1000, 20 * g.n_states))
        _from_samples(res, g, A, B, inf, done)
        res.unfinished = float(np.mean(~done)) if len(done) else 0.0
        res.notes.append("The scenario can come back to a situation it has already been in "
                         "(a loop), so there are endlessly many playthroughs: 'paths' is not "
                         "given, and scores come from random playthroughs.")
        if left > 1e-9:
            res.notes.append(f"{left:.1%} of random play was still going round after many "
                             "steps.")
    _endings(res, g, P)
    _per_node(res, g, P)
    res.seconds = time.perf_counter() - t0
    return res


# ---------------------------------------------------------------- scores

def _score(a: int, b: int) -> float:
    """The same float the engine computes: 100.0 * (X - L) / (U - L)."""
    return 100.0 * a / b


def _from_exact(res: Analysis, g: StateGraph, finals: list[dict]) -> None:
    for k, measure in enumerate(g.measures):
        values: dict[float, int] = {}
        lo = hi = None
        out = 0
        total = 0
        for (a, b, inplay), cnt in finals[k].items():
            total += cnt
            if not inplay:
                out += cnt
                continue
            v = _score(a, b)
            values[v] = values.get(v, 0) + cnt
            r = Fraction(a, b)
            lo = r if lo is None or r < lo else lo
            hi = r if hi is None or r > hi else hi
        res.distributions[measure] = _dist_entry(values, out, total, "paths")
        _set_one(res, measure, None if lo is None else (lo, hi))


def _from_samples(res: Analysis, g: StateGraph, A, B, inf, done):
    """Distributions from sampled walks; returns start hints for the exact extremes."""
    hint_max: dict[int, Fraction] = {}
    hint_min: dict[int, Fraction] = {}
    need = g.need
    for k, measure in enumerate(g.measures):
        inplay = done & (inf[:, k] >= need[k])
        a, b = A[inplay, k], B[inplay, k]
        values: dict[float, int] = {}
        if len(a):
            score = 100.0 * a / b          # the engine's float, elementwise
            uv, cnt = np.unique(score, return_counts=True)
            values = dict(zip(uv.tolist(), cnt.tolist()))
            ratio = a / b                  # distinct fractions with small denominators
            hi, lo = int(np.argmax(ratio)), int(np.argmin(ratio))   # never tie as floats
            best, worst = Fraction(int(a[hi]), int(b[hi])), Fraction(int(a[lo]), int(b[lo]))
            hint_max[k], hint_min[k] = best, worst
            _set_one(res, measure, (worst, best))
        else:
            _set_one(res, measure, None)
        out = int(done.sum() - inplay.sum())
        res.distributions[measure] = _dist_entry(values, out, int(done.sum()), "samples")
    return hint_max, hint_min


def _dist_entry(values: dict[float, int], out: int, total: int, unit: str) -> dict:
    hist = [0] * HIST_BINS
    for v, c in values.items():
        hist[min(int(v // (100 / HIST_BINS)), HIST_BINS - 1)] += c
    inplay = total - out
    # fsum: correctly rounded, so the mean does not depend on the order paths were counted in
    mean = (math.fsum(v * c for v, c in values.items()) / inplay) if inplay else None
    return {"unit": unit, "total": total, "in_play": inplay, "not_in_play": out,
            "mean": mean, "values": [[v, values[v]] for v in sorted(values)],
            "histogram": hist}


def _set_one(res: Analysis, measure: str, lohi) -> None:
    entry = None if lohi is None else {"min": float(100 * lohi[0]), "max": float(100 * lohi[1])}
    if measure == INDEX:
        res.index = entry
    else:
        res.scores[measure] = entry


def _set_extremes(res: Analysis, g: StateGraph, ext) -> None:
    for k, measure in enumerate(g.measures):
        _set_one(res, measure, ext[k])


# ---------------------------------------------------------------- endings and nodes

def _endings(res: Analysis, g: StateGraph, P: np.ndarray) -> None:
    s = res.scenario
    by_node = np.bincount(g.node, weights=P, minlength=len(g.node_ids)) if g.n_states else []
    present = set(np.unique(g.node).tolist())
    prob = {nid: float(by_node[i]) for i, nid in enumerate(g.node_ids) if i in present}
    for nid, node in s.nodes.items():
        if node.end is None:
            continue
        p = prob.get(nid, 0.0)
        res.endings[nid] = p
        res.ending_info[nid] = {"title": node.end.title.source if hasattr(node.end.title, "source")
                                else str(node.end.title),
                                "reachable": nid in prob, "probability": p,
                                "line": node.pos[0]}
    stuck = np.nonzero(g.kind == STUCK)[0]
    if len(stuck):
        where: dict[str, list] = {}
        for st in stuck.tolist()[:200]:
            where.setdefault(g.node_of(st), []).append(g.env(st))
        res.stuck = {"probability": float(P[stuck].sum()),
                     "nodes": {nid: envs[:5] for nid, envs in where.items()}}
        res.notes.append("Some playthroughs reach a decision where no choice is shown, so they "
                         "cannot be finished; see 'stuck'.")
    if g.acyclic and res.paths is not None and len(stuck) == 0:
        total = sum(res.endings.values())
        if abs(total - 1.0) > 1e-9:  # pragma: no cover - a safety net
            res.notes.append(f"Ending probabilities add up to {total:.6f}.")


def _per_node(res: Analysis, g: StateGraph, P: np.ndarray) -> None:
    s = res.scenario
    ids = res.principle_ids
    reached = {g.node_ids[i] for i in np.unique(g.node).tolist()}
    # probability of reaching each node, and of each choice being shown there
    node_p = np.bincount(g.node, weights=P, minlength=len(g.node_ids))
    e_node = g.node[g.edge_src]
    shown_p: dict[tuple[int, int], float] = {}
    if g.n_edges:
        maxc = int(g.edge_choice.max()) + 1
        code = e_node * maxc + g.edge_choice
        uniq, inv = np.unique(code, return_inverse=True)
        sums = np.bincount(inv.reshape(-1), weights=P[g.edge_src])
        for u, v in zip(uniq.tolist(), sums.tolist()):
            shown_p[(u // maxc, u % maxc)] = v
    # the distinct sets of visible choices per node
    vis_sets: dict[int, set[tuple[int, ...]]] = {}
    n_states_of = np.bincount(g.node, minlength=len(g.node_ids))
    if g.n_states:
        if g.n_edges and int(g.edge_choice.max()) < 62:
            sig = np.zeros(g.n_states, dtype=np.int64)
            np.bitwise_or.at(sig, g.edge_src, np.left_shift(1, g.edge_choice))
            dec = np.nonzero(g.kind != ENDING)[0]
            sig_codes, sig_inv = np.unique(sig[dec], return_inverse=True)
            pair = g.node[dec] * len(sig_codes) + sig_inv.reshape(-1)
            for code in np.unique(pair).tolist():
                nd, si = divmod(code, len(sig_codes))
                sg = int(sig_codes[si])
                vis_sets.setdefault(nd, set()).add(
                    tuple(i for i in range(62) if (sg >> i) & 1))
        else:
            for st in range(g.n_states):
                if g.kind[st] != ENDING:
                    vis_sets.setdefault(int(g.node[st]), set()).add(g.visible(st))
    pos = {nid: i for i, nid in enumerate(g.node_ids)}
    for nid, node in s.nodes.items():
        if node.choices is None:
            continue
        if nid not in reached:
            res.unreachable.append(nid)
        i = pos.get(nid)
        sets = vis_sets.get(i, set()) if i is not None else set()
        shown_any = set().union(*sets) if sets else set()
        pn = float(node_p[i]) if i is not None else 0.0
        pool = [c for c in node.choices if c.index in shown_any] or list(node.choices)
        qs = [sum(c.score.get(d, 0) for d in ids) for c in pool]
        per_p = {}
        for d in ids:
            vals = [c.score.get(d, 0) for c in pool]
            if any(vals):
                per_p[d] = {"min": min(vals), "max": max(vals)}
        choices = []
        for c in node.choices:
            sp = shown_p.get((i, c.index), 0.0) if i is not None else 0.0
            choices.append({
                "number": c.index + 1, "id": c.id, "line": c.pos[0],
                "q": sum(c.score.get(d, 0) for d in ids),
                "score": {d: c.score[d] for d in ids if c.score.get(d)},
                "condition": c.condition.source if c.condition is not None else None,
                "shown": (sp / pn) if pn > 0 else 0.0,
            })
            if nid in reached and c.index not in shown_any:
                res.never_shown.append({"node": nid, "choice": c.index + 1, "line": c.pos[0],
                                        "condition": c.condition.source
                                        if c.condition is not None else None})
        res.per_node[nid] = {
            "line": node.pos[0], "reached": nid in reached,
            "visits": pn, "states": int(n_states_of[i]) if i is not None else 0,
            "q": {"min": min(qs), "max": max(qs)},
            "principles": per_p,
            "visible_sets": sorted([[x + 1 for x in v] for v in sets]),
            "choices": choices,
        }
        if nid not in reached:
            continue
        # dominated: c's scores <= d's everywhere, < somewhere, and d shown whenever c is
        vec = {c.index: tuple(c.score.get(d, 0) for d in ids) for c in node.choices}
        for c in node.choices:
            if c.index not in shown_any:
                continue
            with_c = [v for v in sets if c.index in v]
            for d in node.choices:
                if d.index == c.index:
                    continue
                vc, vd = vec[c.index], vec[d.index]
                if all(x <= y for x, y in zip(vc, vd)) and vc != vd and \
                        all(d.index in v for v in with_c):
                    res.dominated.append({
                        "node": nid, "choice": c.index + 1, "by": d.index + 1,
                        "line": c.pos[0],
                        "worse_on": [p for p, x, y in zip(ids, vc, vd) if x < y],
                        # a weak option by design: nothing in it scores above 0
                        "weak_option": all(x <= 0 for x in vc)})
                    break


# ---------------------------------------------------------------- too many states

def _lazy_sampling(res: Analysis, exc: StateSpaceTooLarge, samples: int, seed: int) -> None:
    """Random play straight on environments, for scenarios whose states cannot be listed."""
    import random
    s = res.scenario
    ids = res.principle_ids
    from ..engine.scoring import score_decisions
    rng = random.Random(seed)
    res.sampled = True
    res.sample_mode = "play"
    res.extremes_exact = res.distributions_exact = False
    res.samples = samples
    res.notes.append(f"The scenario has {exc}; everything below comes from {samples} random "
                     "playthroughs (seeded: the same number of playthroughs gives the same numbers).")
    base = initial_env(s, res.difficulty, res.statement)
    measures = ids + (INDEX,)
    vals: dict[str, list] = {m: [] for m in measures}
    out = {m: 0 for m in measures}
    endings: dict[str, int] = {}
    done = 0
    deadline = time.perf_counter() + LAZY_SECONDS
    for _ in range(samples):
        env = dict(base)
        node = landing(s, s.start)
        decisions = []
        for _step in range(100_000):
            if node.end is not None:
                break
            vis = visible_choices(node, env)
            if not vis:
                break
            c = rng.choice(vis)
            decisions.append((vis, c))
            env = apply_choice(env, c)
            node = landing(s, c.next)
        if node.end is None:
            continue
        done += 1
        endings[node.id] = endings.get(node.id, 0) + 1
        sc = score_decisions(decisions, ids)
        for pid, ps in sc.principles.items():
            if ps.value is None:
                out[pid] += 1
            else:
                vals[pid].append(ps.value)
        if sc.index is None:
            out[INDEX] += 1
        else:
            vals[INDEX].append(sc.index)
        if time.perf_counter() > deadline:
            res.samples = done
            res.notes.append(f"Sampling stopped after {LAZY_SECONDS} seconds "
                             f"({done} playthroughs).")
            break
    for m in measures:
        counts: dict[float, int] = {}
        for v in vals[m]:
            counts[v] = counts.get(v, 0) + 1
        res.distributions[m] = _dist_entry(counts, out[m], done, "samples")
        entry = {"min": min(vals[m]), "max": max(vals[m])} if vals[m] else None
        if m == INDEX:
            res.index = entry
        else:
            res.scores[m] = entry
    for nid, node in s.nodes.items():
        if node.end is not None:
            p = endings.get(nid, 0) / done if done else 0.0
            res.endings[nid] = p
            res.ending_info[nid] = {"title": node.end.title.source, "reachable": None,
                                    "probability": p, "line": node.pos[0]}
