"""Scores exactly as the format spec defines them ("Scores" section).

For each decision point n with visible choices O(n) and chosen c(n), and each
principle d: U_d = Σ max e_d, L_d = Σ min e_d, X_d = Σ e_d(c(n)), and the
score is 100·(X_d − L_d)/(U_d − L_d). A principle is *not in play* (None)
when U_d − L_d < 2 or fewer than 2 decision points offered choices that
differ on d. The index does the same with q(c) = Σ_d e_d(c), None when its
denominator is 0. Each decision point is judged against its own visible
choices, so a path made harder by an earlier choice is not punished twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence

from .model import Choice


@dataclass(frozen=True, slots=True)
class PrincipleScore:
    id: str
    value: float | None     # 0..100, or None when not in play
    chosen: int             # X_d
    low: int                # L_d
    high: int               # U_d
    informative: int        # decision points whose visible choices differ on d

    @property
    def in_play(self) -> bool:
        return self.value is not None


@dataclass(frozen=True, slots=True)
class Scores:
    principles: dict[str, PrincipleScore]
    index: float | None
    index_chosen: int
    index_low: int
    index_high: int
    decisions: int

    def as_numbers(self) -> dict[str, float | None]:
        """principle id -> number or None, in principle order (the `run --json` shape)."""
        return {p: s.value for p, s in self.principles.items()}


def score_decisions(decisions: Iterable[tuple[Sequence[Choice], Choice]],
                    principle_ids: Sequence[str]) -> Scores:
    """Score a sequence of (visible choices, chosen choice) pairs."""
    n = len(principle_ids)
    low = [0] * n
    high = [0] * n
    chosen = [0] * n
    informative = [0] * n
    q_low = q_high = q_chosen = 0
    count = 0
    for visible, pick in decisions:
        count += 1
        for i, d in enumerate(principle_ids):
            lo = hi = None
            for c in visible:
                v = c.score.get(d, 0)
                if lo is None or v < lo:
                    lo = v
                if hi is None or v > hi:
                    hi = v
            low[i] += lo or 0
            high[i] += hi or 0
            chosen[i] += pick.score.get(d, 0)
            if hi != lo:
                informative[i] += 1
        qs = [quality(c, principle_ids) for c in visible]
        q_low += min(qs)
        q_high += max(qs)
        q_chosen += quality(pick, principle_ids)
    result = {}
    for i, d in enumerate(principle_ids):
        span = high[i] - low[i]
        value = None
        if span >= 2 and informative[i] >= 2:
            value = 100.0 * (chosen[i] - low[i]) / span
        result[d] = PrincipleScore(d, value, chosen[i], low[i], high[i], informative[i])
    q_span = q_high - q_low
    index = 100.0 * (q_chosen - q_low) / q_span if q_span else None
    return Scores(result, index, q_chosen, q_low, q_high, count)


def quality(c: Choice, principle_ids: Sequence[str]) -> int:
    """q(c): the sum of a choice's scores over the principles in play (the spec's Scores)."""
    return sum(c.score.get(d, 0) for d in principle_ids)


def label(value: float | None) -> str:
    """The word band for a score: stærkt / godt på vej / et sted at øve / ikke i spil."""
    if value is None:
        return "not_in_play"
    if value >= 75:
        return "strong"
    if value >= 50:
        return "on_the_way"
    return "to_practise"
