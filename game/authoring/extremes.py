"""Exact lowest and highest scores over complete playthroughs (Dinkelbach's method).

A score is a ratio: 100 · A / B with A = X − L and B = U − L summed along the
path. The best ratio is *not* the ratio of the best sums, so a plain
longest-path DP would be wrong. But for a fixed λ = p/q the question "is
there a path with A/B ≥ λ?" is "is max over paths of Σ (q·a − p·b) ≥ 0?",
and that sum *is* additive along the path, so it is a longest-path DP over
the state graph. Dinkelbach's method repeats it: take the path that maximises
Σ (q·a − p·b), set λ to that path's own A/B, and stop when the maximum is 0 —
then no path beats λ, and λ is attained, so it is the exact maximum. All
arithmetic is on integers (λ is a fraction), so the result is exact, and the
number of rounds is small (λ improves strictly every round and there are
finitely many values; a good starting λ, such as the best sampled path, often
needs only one or two rounds). The minimum is the same with the sign flipped.

"In play" is part of the question: a principle counts only on paths with at
least 2 decisions whose visible choices differ on it (which already implies
U − L ≥ 2), and the index only when U − L > 0, i.e. at least 1 such decision.
The DP carries that count, saturated at 2, as a small extra dimension.

Needs an acyclic state graph (the blocks in topological order).
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np

from .statespace import DECISION, ENDING, StateGraph


def min_informative(g: StateGraph) -> np.ndarray:
    """Per block: the fewest informative decisions (saturated at 2) any path brings to it.

    Blocks where every measure has already had 2 informative decisions on every
    path need only the "2" layer of the DP. Once no state beyond the current
    block can be reached with fewer than 2, the rest is 2 and the pass stops.
    """
    n, m = g.n_states, len(g.measures)
    out = np.full(len(g.blocks), 2, dtype=np.int64)
    if not n:
        return out
    mc = np.full((n, m), 2, dtype=np.int8)
    mc[0] = 0
    low_until = 0                       # highest state id that may still be below 2
    winf = g.winf.astype(np.int8)
    for bi, blk in enumerate(g.blocks):
        if g.acyclic and blk.base > low_until:
            break
        sl = slice(blk.base, blk.base + blk.k)
        here = mc[sl]
        out[bi] = here.min() if blk.k else 2
        if out[bi] >= 2:
            continue
        for j in range(blk.dst.shape[0]):
            ok = (blk.dst[j] >= 0) & (here.min(axis=1) < 2)
            if not ok.any():
                continue
            val = np.minimum(here[ok] + winf[blk.wid[j][ok]], 2).astype(np.int8)
            d = blk.dst[j][ok]
            np.minimum.at(mc, d, val)
            low = d[val.min(axis=1) < 2]
            if len(low):
                low_until = max(low_until, int(low.max()))
    return out


def longest_b(g: StateGraph) -> np.ndarray:
    """Per measure: the largest U − L any path can collect (bounds the integers below)."""
    n, m = g.n_states, len(g.measures)
    best = np.zeros((n, m), dtype=np.int64)
    for blk in reversed(g.blocks):
        if blk.dst.shape[0] == 0:
            continue
        acc = np.zeros((blk.k, m), dtype=np.int64)
        for j in range(blk.dst.shape[0]):
            ok = blk.dst[j] >= 0
            cand = g.wb[blk.wid[j]] + best[np.where(ok, blk.dst[j], 0)]
            cand[~ok] = 0
            np.maximum(acc, cand, out=acc)
        best[blk.base:blk.base + blk.k] = acc
    return best[0] if n else np.zeros(m, dtype=np.int64)


def extremes(g: StateGraph, start_max: dict[int, Fraction] | None = None,
             start_min: dict[int, Fraction] | None = None, max_rounds: int = 60):
    """For every measure: (lowest, highest) ratio A/B as Fractions, or None if never in play.

    ``start_max``/``start_min`` map a measure position to the ratio of some
    complete path on which it is in play (e.g. from samples); they only make
    it faster. Returns (result, rounds): result[m] = (min, max) or None.
    """
    m = len(g.measures)
    if g.n_states == 0 or g.kind[0] != DECISION:
        return [None] * m, 0
    bmax = int(longest_b(g).max(initial=0))
    big = 4 * (bmax + 1) ** 2 + 16
    dtype = np.int32 if big < 2 ** 29 else np.int64
    neg = -(2 ** 30) if dtype is np.int32 else -(2 ** 62)
    clo = min_informative(g)
    # problems: (measure, sign); sign +1 = maximise, -1 = minimise
    probs = [(k, s) for k in range(m) for s in (1, -1)]
    lam: list[Fraction] = []
    for k, s in probs:
        hint = (start_max if s > 0 else start_min) or {}
        lam.append(Fraction(hint[k]) if k in hint else Fraction(0 if s > 0 else 1))
    # a sampled path already at the bound (100 % for a maximum, 0 % for a minimum) is optimal
    done = [lam[i] == (1 if s > 0 else 0) and k in ((start_max if s > 0 else start_min) or {})
            for i, (k, s) in enumerate(probs)]
    result: list[list] = [[None, None] for _ in range(m)]
    feasible = [True] * len(probs)
    rounds = 0
    while not all(done) and rounds < max_rounds:
        rounds += 1
        act = [i for i in range(len(probs)) if not done[i]]
        meas = np.array([probs[i][0] for i in act])
        sign = np.array([probs[i][1] for i in act], dtype=np.int64)
        p = np.array([lam[i].numerator for i in act], dtype=np.int64)
        q = np.array([lam[i].denominator for i in act], dtype=np.int64)
        wt = (sign * (q * g.wa[:, meas] - p * g.wb[:, meas])).astype(dtype)
        it = g.winf[:, meas].astype(bool)
        need = g.need[meas]
        G = _backward(g, wt, it, need, clo, dtype, neg)
        zero = np.zeros(len(act), dtype=np.int64)
        best = G.get(zero, zero, np.arange(len(act)))
        a_sum, b_sum = _backtrack(g, G, wt, it, meas, neg)
        for col, i in enumerate(act):
            if best[col] <= neg // 2:
                feasible[i] = False
                done[i] = True
                continue
            if best[col] == 0:
                done[i] = True
                continue
            lam[i] = Fraction(int(a_sum[col]), int(b_sum[col]))
    for i, (k, s) in enumerate(probs):
        if feasible[i] and done[i]:
            result[k][0 if s < 0 else 1] = lam[i]
    out = []
    for k in range(m):
        lo, hi = result[k]
        out.append(None if lo is None or hi is None else (lo, hi))
    return out, rounds


class _Table:
    """G[c, s, k] with the layers c = 0, 1 stored only for the states that need them."""

    def __init__(self, n: int, n01: int, kk: int, dtype, neg):
        self.neg = neg
        self.n01 = n01
        self.g2 = np.empty((n, kk), dtype=dtype)
        self.g01 = np.full((2, n01, kk), neg, dtype=dtype)

    def get(self, c, s, k):
        """Scalar-style lookup for arrays of (c, s, k)."""
        out = self.g2[s, k].copy()
        low = c < 2
        if low.any():
            ss = s[low]
            inside = ss < self.n01
            v = np.full(len(ss), self.neg, dtype=self.g2.dtype)
            v[inside] = self.g01[c[low][inside], ss[inside], k[low][inside]]
            out[low] = v
        return out

    def rows(self, c: int, s: np.ndarray) -> np.ndarray:
        if c == 2:
            return self.g2[s]
        inside = s < self.n01
        if inside.all():
            return self.g01[c, s]
        out = np.full((len(s), self.g2.shape[1]), self.neg, dtype=self.g2.dtype)
        out[inside] = self.g01[c, s[inside]]
        return out


def _backward(g: StateGraph, wt, it, need, clo, dtype, neg) -> _Table:
    """Best Σ weight from state s to an ending where measure k is in play, given
    c informative decisions (saturated at 2) before s."""
    n = g.n_states
    kk = wt.shape[1]
    n01 = 0
    for bi, blk in enumerate(g.blocks):
        if clo[bi] < 2:
            n01 = max(n01, blk.base + blk.k)
    G = _Table(n, n01, kk, dtype, neg)
    for bi in range(len(g.blocks) - 1, -1, -1):
        blk = g.blocks[bi]
        jn = blk.dst.shape[0]
        sl = slice(blk.base, blk.base + blk.k)
        if g.kind[blk.base] == ENDING:
            G.g2[sl] = np.where(2 >= need, 0, neg).astype(dtype)
            for c in (0, 1):
                if blk.base < n01:
                    G.g01[c, blk.base:min(n01, blk.base + blk.k)] = \
                        np.where(c >= need, 0, neg).astype(dtype)
            continue
        if jn == 0:
            G.g2[sl] = neg
            continue
        ok = blk.dst >= 0
        d = np.where(ok, blk.dst, 0)
        for c in range(2, int(clo[bi]) - 1, -1):
            best = None
            for j in range(jn):
                w = wt[blk.wid[j]]
                if c == 2:
                    nxt = G.g2[d[j]]
                else:
                    nxt = np.where(it[blk.wid[j]], G.rows(c + 1, d[j]), G.rows(c, d[j]))
                cand = w + nxt
                if not ok[j].all():
                    cand[~ok[j]] = neg
                best = cand if best is None else np.maximum(best, cand, out=best)
            np.maximum(best, neg, out=best)
            if c == 2:
                G.g2[sl] = best
            else:
                G.g01[c, sl] = best
    return G


def _backtrack(g: StateGraph, G, wt, it, meas, neg):
    """Follow one optimal path per problem from the start; return its A and B sums."""
    kk = wt.shape[1]
    cols = np.arange(kk)
    cur = np.zeros(kk, dtype=np.int64)
    cc = np.zeros(kk, dtype=np.int64)
    a_sum = np.zeros(kk, dtype=np.int64)
    b_sum = np.zeros(kk, dtype=np.int64)
    zero = np.zeros(kk, dtype=np.int64)
    start = G.get(zero, zero, cols) if G.n01 else G.g2[0].copy()
    live = start > neg // 2
    fe = g.first_edge
    while True:
        act = live & (g.kind[cur] == DECISION)
        if not act.any():
            break
        ks = cols[act]
        s = cur[act]
        c = cc[act]
        target = G.get(c, s, ks)
        e0 = fe[s]
        deg = fe[s + 1] - e0
        pick = np.full(len(ks), -1, dtype=np.int64)
        for j in range(int(deg.max())):
            e = np.minimum(e0 + j, len(g.edge_dst) - 1)
            wid = g.edge_wid[e]
            c2 = np.minimum(c + it[wid, ks], 2)
            val = wt[wid, ks].astype(np.int64) + G.get(c2, g.edge_dst[e], ks)
            hit = (j < deg) & (pick < 0) & (val == target)
            pick[hit] = e[hit]
        if (pick < 0).any():  # cannot happen: the DP value came from some edge
            raise AssertionError("optimal path could not be followed")
        wid = g.edge_wid[pick]
        a_sum[ks] += g.wa[wid, meas[ks]]
        b_sum[ks] += g.wb[wid, meas[ks]]
        cc[ks] = np.minimum(c + it[wid, ks], 2)
        cur[ks] = g.edge_dst[pick]
    return a_sum, b_sum
