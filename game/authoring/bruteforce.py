"""Every playthrough, one by one, with real Sessions: the reference the analysis is tested against.

Only for small scenarios (the number of playthroughs grows quickly). Each
path is played with :class:`game.engine.session.Session` and scored with the
session's own :meth:`~Session.scores`, so nothing here re-implements the rules.
"""

from __future__ import annotations

from ..engine.session import Session


def enumerate_paths(scenario, principle_ids, difficulty: int = 1, statement: bool = False,
                    limit: int = 200_000, max_decisions: int = 200):
    """Yield (choice numbers, Session, probability under uniform random play) per complete path.

    Raises RuntimeError past ``limit`` paths or ``max_decisions`` decisions in one path.
    Paths that end in a decision with no visible choice are yielded with
    ``session.ended`` False (they are not complete).
    """
    stmt = {"intro": "x", "important": "x", "help": "x", "so_that": "x"} if statement else None
    ids = tuple(principle_ids)
    count = 0
    stack = [((), 1.0)]
    while stack:
        prefix, prob = stack.pop()
        s = Session(scenario, difficulty, stmt, principle_ids=ids)
        for n in prefix:
            s.choose(n)
        n_vis = len(s.visible())
        if s.ended or n_vis == 0:
            count += 1
            if count > limit:
                raise RuntimeError(f"more than {limit} playthroughs")
            yield prefix, s, prob
            continue
        if len(prefix) >= max_decisions:
            raise RuntimeError("a playthrough is longer than the bound (a loop?)")
        for k in range(n_vis, 0, -1):
            stack.append((prefix + (k,), prob / n_vis))


def brute_force(scenario, principle_ids, difficulty: int = 1, statement: bool = False,
                limit: int = 200_000) -> dict:
    """The numbers ``analyze`` reports, computed path by path."""
    ids = tuple(principle_ids)
    measures = ids + ("index",)
    dist: dict[str, dict] = {m: {} for m in measures}
    out = {m: 0 for m in measures}
    endings: dict[str, float] = {}
    stuck = 0.0
    paths = 0
    for _, s, prob in enumerate_paths(scenario, ids, difficulty, statement, limit):
        if not s.ended:
            stuck += prob
            continue
        paths += 1
        endings[s.node.id] = endings.get(s.node.id, 0.0) + prob
        sc = s.scores(ids)
        for pid, ps in sc.principles.items():
            if ps.value is None:
                out[pid] += 1
            else:
                dist[pid][ps.value] = dist[pid].get(ps.value, 0) + 1
        if sc.index is None:
            out["index"] += 1
        else:
            dist["index"][sc.index] = dist["index"].get(sc.index, 0) + 1
    scores = {}
    for m in measures:
        d = dist[m]
        scores[m] = {"min": min(d), "max": max(d)} if d else None
    return {"paths": paths, "scores": scores, "distributions": dist, "not_in_play": out,
            "endings": endings, "stuck": stuck}
