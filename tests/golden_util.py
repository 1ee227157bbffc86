"""Golden transcripts: every path through small scenarios, recorded as text.

Run ``UPDATE_GOLDEN=1 pytest tests/test_golden.py`` to rewrite the files after a
deliberate change, then read the diff before committing it.
"""

from __future__ import annotations

import json

from game.engine.saves import from_dict, to_dict
from game.engine.session import Session

STATEMENT = {"intro": "Jeg hedder Sam og er 34 år.", "important": "Mine hunde og min søster.",
             "help": "Hjælp til at finde et roligt job.", "so_that": "kan klare mig selv."}


def all_paths(scenario, difficulty, statement, limit=5000):
    """Every complete list of choice numbers from the start to an ending."""
    out = []

    def walk(prefix):
        if len(out) >= limit:
            raise RuntimeError("too many paths for a golden file")
        s = Session(scenario, difficulty, statement)
        for n in prefix:
            s.choose(n)
        if s.ended:
            out.append(prefix)
            return
        for o in s.options():
            walk(prefix + [o.number])

    walk([])
    return out


def play(scenario, numbers, difficulty, statement, roundtrip: bool) -> list[str]:
    """Play and record every line shown; with ``roundtrip`` save and restore after each choice."""
    s = Session(scenario, difficulty, statement, seed=7)
    out: list[str] = []

    def show():
        for line in s.lines:
            out.append(f"{line.name}: {line.text}" if line.name else line.text)
        if s.ended:
            out.append(f"== {s.render(s.node.end.title)} ==")
        else:
            for o in s.options():
                out.append(f"  [{o.number}] {o.text}")

    show()
    for n in numbers:
        opt = s.options()[n - 1]
        s.choose(n)
        out.append(f"> {n}: {opt.text}")
        if opt.choice.feedback is not None:
            out.append(f"  ({s.render(opt.choice.feedback)})")
        if roundtrip:
            data = json.loads(json.dumps(to_dict(s)))
            s = from_dict(scenario, data)
            assert s.notice is None
        show()
    sc = s.scores()
    out.append("moods: " + ", ".join(f"{k}={v}" for k, v in s.moods.items()))
    out.append("variables: " + ", ".join(f"{k}={v}" for k, v in s.variables.items()))
    out.append("scores: " + ", ".join(
        f"{k}={'-' if p.value is None else round(p.value, 2)}" for k, p in sc.principles.items()))
    out.append(f"index: {'-' if sc.index is None else round(sc.index, 2)}")
    return out


def golden_text(scenario) -> str:
    parts = []
    for difficulty in (1, 2, 3):
        for statement in (None, STATEMENT):
            for numbers in all_paths(scenario, difficulty, statement):
                head = (f"### difficulty {difficulty}, statement {'yes' if statement else 'no'}, "
                        f"choices {','.join(map(str, numbers))}")
                parts.append(head + "\n" + "\n".join(
                    play(scenario, numbers, difficulty, statement, roundtrip=False)))
    return "\n\n".join(parts) + "\n"
