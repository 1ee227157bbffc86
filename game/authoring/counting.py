"""Counting playthroughs over the state graph: paths, random play, distributions, samples.

* :func:`path_counts` — the exact number of complete playthroughs from every
  state (Python integers, so astronomically many paths are still exact).
* :func:`random_play` — the probability of reaching every state when the
  player picks uniformly among the visible choices (a forward pass; for
  state graphs with loops, an absorbing Markov chain solved by iteration).
* :func:`exact_distributions` — for every measure, how many complete paths end
  with each (A, B, in play) triple, carried forward as dictionaries of counts
  keyed by small integer tuples; gives up (returns None) when the number of
  (state × tuple) entries passes a bound.
* :func:`sample` — seeded Monte-Carlo: either each complete path equally
  likely (using the path counts, so it estimates the same distribution the
  exact method counts) or uniformly random play.
"""

from __future__ import annotations

import numpy as np

from .statespace import DECISION, ENDING, STUCK, StateGraph


def path_counts(g: StateGraph) -> list[int]:
    """Complete playthroughs from each state (acyclic graphs only)."""
    n = g.n_states
    cnt = np.zeros(n, dtype=object)
    cnt[g.kind == ENDING] = 1
    for blk in reversed(g.blocks):
        jn = blk.dst.shape[0]
        if jn == 0:
            continue
        ok = blk.dst >= 0
        acc = np.zeros(blk.k, dtype=object)
        for j in range(jn):
            if ok[j].all():
                acc = acc + cnt[blk.dst[j]]
            elif ok[j].any():
                part = np.zeros(blk.k, dtype=object)
                part[ok[j]] = cnt[blk.dst[j][ok[j]]]
                acc = acc + part
        cnt[blk.base:blk.base + blk.k] = acc
    return cnt.tolist()


def log_counts(g: StateGraph) -> np.ndarray:
    """Natural log of the number of complete paths from each state (-inf: none)."""
    n = g.n_states
    lc = np.full(n, -np.inf)
    lc[g.kind == ENDING] = 0.0
    for blk in reversed(g.blocks):
        jn = blk.dst.shape[0]
        if jn == 0:
            continue
        ok = blk.dst >= 0
        vals = np.where(ok, lc[np.where(ok, blk.dst, 0)], -np.inf)
        lc[blk.base:blk.base + blk.k] = np.logaddexp.reduce(vals, axis=0)
    return lc


def random_play(g: StateGraph, acyclic: bool, tol: float = 1e-13,
                max_rounds: int = 100_000) -> tuple[np.ndarray, float]:
    """(expected visits per state, probability left in loops) under uniform random choice.

    In an acyclic graph a state is visited at most once, so visits are
    probabilities; the mass reaching ENDING states gives the endings'
    probabilities and the mass at STUCK states is lost.
    """
    n = g.n_states
    if acyclic:
        P = np.zeros(n)
        if n:
            P[0] = 1.0
        for blk in g.blocks:
            jn = blk.dst.shape[0]
            if jn == 0:
                continue
            ok = blk.dst >= 0
            nv = ok.sum(axis=0)
            p = P[blk.base:blk.base + blk.k]
            share = np.divide(p, nv, out=np.zeros(blk.k), where=nv > 0)
            for j in range(jn):
                if ok[j].any():
                    np.add.at(P, blk.dst[j][ok[j]], share[ok[j]])
        return P, 0.0
    # loops: push probability mass around until (almost) all of it is absorbed
    deg = np.diff(g.first_edge)
    share_e = 1.0 / np.maximum(deg[g.edge_src], 1)
    visits = np.zeros(n)
    mass = np.zeros(n)
    mass[0] = 1.0
    remaining = 1.0
    for _ in range(max_rounds):
        visits += mass
        moving = mass * (g.kind == DECISION)
        remaining = float(moving.sum())
        if remaining < tol:
            break
        mass = np.bincount(g.edge_dst, weights=moving[g.edge_src] * share_e, minlength=n)
    return visits, remaining


def distribution_work_bound(g: StateGraph) -> float:
    """An upper bound on the work of :func:`exact_distributions`, found cheaply.

    A state's dict for a measure holds at most as many entries as there are
    paths from the start to it, and at most 3·(B+1)(B+2)/2 where B is the
    largest U − L a prefix can bring (A runs from 0 to B, plus the in-play
    count 0/1/2). Every out-edge moves every entry once.
    """
    n, m = g.n_states, len(g.measures)
    if n == 0 or not g.acyclic:
        return float("inf")
    fwd = np.zeros(n)
    fwd[0] = 1.0
    bp = np.zeros((n, m))
    for blk in g.blocks:
        for j in range(blk.dst.shape[0]):
            ok = blk.dst[j] >= 0
            if not ok.any():
                continue
            src = blk.base + np.nonzero(ok)[0]
            d = blk.dst[j][ok]
            np.add.at(fwd, d, fwd[src])
            np.maximum.at(bp, d, bp[src] + g.wb[blk.wid[j][ok]])
    cap = 3 * (bp + 1) * (bp + 2) / 2
    per_state = np.minimum(fwd[:, None], cap).sum(axis=1)
    out_deg = np.diff(g.first_edge)
    with np.errstate(over="ignore"):
        return float((per_state * out_deg).sum())


def exact_distributions(g: StateGraph, budget: int = 2_000_000):
    """For every measure: {(A, B, in_play): number of complete paths}, or None over budget.

    Forward over the blocks: each state holds, per measure, a dict from
    (A, B, informative decisions saturated at 2) to the number of paths from
    the start that arrive with those sums. The dicts stay small when U − L is
    small; ``budget`` bounds the total work (entries moved along edges).
    """
    n, m = g.n_states, len(g.measures)
    if n == 0 or g.n_edges * m > budget:   # every edge moves at least one entry per measure
        return None
    if distribution_work_bound(g) > budget:
        return None
    need = g.need.tolist()
    wa, wb, wi = g.wa.tolist(), g.wb.tolist(), g.winf.tolist()
    dist: list[list[dict] | None] = [None] * n
    dist[0] = [{(0, 0, 0): 1} for _ in range(m)]
    final: list[dict] = [{} for _ in range(m)]
    work = 0
    fe = g.first_edge.tolist()
    dst = g.edge_dst.tolist()
    wid = g.edge_wid.tolist()
    kind = g.kind.tolist()
    for blk in g.blocks:
        for s in range(blk.base, blk.base + blk.k):
            here = dist[s]
            if here is None:
                continue
            dist[s] = None
            if kind[s] == ENDING:
                for k in range(m):
                    out = final[k]
                    nk = need[k]
                    for (a, b, c), cnt in here[k].items():
                        key = (a, b, c >= nk)
                        out[key] = out.get(key, 0) + cnt
                continue
            if kind[s] == STUCK:
                continue
            size = sum(len(d) for d in here)
            work += size * (fe[s + 1] - fe[s])
            if work > budget:
                return None
            for e in range(fe[s], fe[s + 1]):
                t = dst[e]
                w = wid[e]
                ra, rb, ri = wa[w], wb[w], wi[w]
                there = dist[t]
                if there is None:
                    there = dist[t] = [{} for _ in range(m)]
                for k in range(m):
                    da, db, di = ra[k], rb[k], ri[k]
                    tk = there[k]
                    for (a, b, c), cnt in here[k].items():
                        key = (a + da, b + db, c + di if c + di < 2 else 2)
                        tk[key] = tk.get(key, 0) + cnt
    return final


def sample(g: StateGraph, n: int, seed: int, mode: str, logc: np.ndarray | None = None,
           max_steps: int = 100_000):
    """Seeded walks from the start: per walk and measure the sums A, B and the count I.

    mode "paths": every complete playthrough is equally likely (needs ``logc``
    from :func:`log_counts`); mode "play": uniformly random visible choice.
    Returns (A, B, I, finished, ending_state); walks that hit a STUCK state or
    ``max_steps`` have finished False.
    """
    rng = np.random.default_rng(seed)
    m = len(g.measures)
    fe = g.first_edge
    deg = np.diff(fe)
    if mode == "paths":
        src_ok = np.isfinite(logc[g.edge_src])          # states with no complete path are never entered
        p = np.zeros(len(g.edge_src))
        p[src_ok] = np.exp(logc[g.edge_dst[src_ok]] - logc[g.edge_src[src_ok]])
    else:
        p = 1.0 / np.maximum(deg[g.edge_src], 1)
    cum = np.zeros(len(p))
    if len(p):
        cs = np.cumsum(p)
        start_of = fe[g.edge_src]
        before = np.where(start_of > 0, cs[np.maximum(start_of - 1, 0)], 0.0)
        cum = cs - before                                  # cumulative within the state
    cur = np.zeros(n, dtype=np.int64)
    W = np.concatenate([g.wa, g.wb, g.winf], axis=1).astype(np.int32)  # one gather per step
    acc = np.zeros((n, 3 * m), dtype=np.int32)
    kind = g.kind
    maxdeg = int(deg.max(initial=0))
    for _ in range(max_steps):
        dec = kind[cur] == DECISION
        everyone = dec.all()
        act = None if everyone else np.nonzero(dec)[0]
        if act is not None and len(act) == 0:
            break
        s = cur if everyone else cur[act]
        e = fe[s].copy()
        last = fe[s + 1] - 1
        u = rng.random(len(s)) * cum[last]
        for _j in range(maxdeg - 1):
            step = (u >= cum[e]) & (e < last)
            if not step.any():
                break
            e += step
        if everyone:
            acc += W[g.edge_wid[e]]
            cur = g.edge_dst[e]
        else:
            acc[act] += W[g.edge_wid[e]]
            cur[act] = g.edge_dst[e]
    finished = kind[cur] == ENDING
    acc = acc.astype(np.int64)
    return acc[:, :m], acc[:, m:2 * m], acc[:, 2 * m:], finished, cur
