"""The numbers the coaching rules compare: q(c), its best and worst at a node, the gap.

q(c) is the sum of a choice's scores over the principles (the spec's overall
index uses the same q). Comparing choices at one decision point only ever
uses the choices that were *visible* there, so an option hidden by an earlier
choice is never held against the player.
"""

from __future__ import annotations

from typing import Sequence

from ..engine.model import Choice
from ..engine.principles import V1_IDS
from ..engine.scoring import quality

#: "Clearly better": an alternative earns a "Prøv også" when q(alt) − q(chosen) ≥ this.
CLEARLY_BETTER = 2


def ids_for(session, principles=None) -> tuple[str, ...]:
    """The principle ids to score with: the given principles, the session's, or v1's."""
    if principles:
        return tuple(principles)
    return tuple(session.principle_ids or V1_IDS)


q = quality   # the spec's q(c), from the engine's scoring


def best_alternative(chosen: Choice, visible: Sequence[Choice], ids: Sequence[str],
                     min_gap: int = 1) -> tuple[int, Choice] | None:
    """The visible alternative with the highest q, if it beats ``chosen`` by ≥ ``min_gap``.

    Ties between alternatives go to the one shown first. Returns (position in
    ``visible``, choice) or None.
    """
    qc = q(chosen, ids)
    best: tuple[int, Choice] | None = None
    best_q = None
    for i, c in enumerate(visible):
        if c is chosen:
            continue
        qa = q(c, ids)
        if best_q is None or qa > best_q:
            best, best_q = (i, c), qa
    if best is None or best_q - qc < min_gap:
        return None
    return best


def spread(visible: Sequence[Choice], ids: Sequence[str]) -> tuple[int, int]:
    """(min q, max q) over the visible choices."""
    qs = [q(c, ids) for c in visible] or [0]
    return min(qs), max(qs)


def effects(choice: Choice, ids: Sequence[str]) -> tuple[list[str], list[str]]:
    """(principles the choice scores above 0 on, principles it scores below 0 on).

    Each list is ordered by the size of the effect (largest first), then by
    principle order.
    """
    up = [d for d in ids if choice.score.get(d, 0) > 0]
    down = [d for d in ids if choice.score.get(d, 0) < 0]
    order = {d: i for i, d in enumerate(ids)}
    up.sort(key=lambda d: (-choice.score[d], order[d]))
    down.sort(key=lambda d: (choice.score[d], order[d]))
    return up, down
