#!/usr/bin/env python3
"""Author-tools benchmark: ``analyze`` (and ``graph``) on generated scenarios.

Target (issue 5): a generated scenario with 1,000 decision points analysed in
at most 2 s. The scenario comes from bench/gen_scenario.py (``generate``) when
it is there, else from a small generator below with the same shape. Loading
(YAML + checks) is timed separately; the target is for the analysis itself.
It is a report, not a test: it always exits 0 (2 on bad usage).

Usage: python bench/authoring.py [--sizes 100,1000] [--repeat 3] [--graph]
"""

from __future__ import annotations

import argparse
import platform
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from game.authoring import analysis  # noqa: E402
from game.engine.compiler import compile_text  # noqa: E402
from game.engine.principles import V1_IDS, load_principles  # noqa: E402

TARGET_SECONDS = 2.0
TARGET_SIZE = 1000


def _fallback_generate(decisions: int, seed: int = 1) -> str:
    """Forward-linked decisions with 3 choices, conditions, set and mood (as gen_scenario)."""
    rng = random.Random(seed)
    n = decisions
    out = ["format: 1", f"id: bench-{n}", "lang: da", "title: Bench", "family: authority",
           "role: citizen", "characters:", "  mette: {name: Mette}", "  jonas: {name: Jonas}",
           "variables:", "  spurgt: false", "  pauser: 0", "start: t0", "nodes:"]
    conds = ["not spurgt", "pauser < 2 or mood.mette >= 1", "mood.jonas > -2"]
    for i in range(n):
        out += [f"  t{i}:", "    choices:"]
        for k in range(3):
            t = i + (1 if k == 0 else rng.randint(1, 3))
            target = f"t{t}" if t < n else f"end{t % 3}"
            score = {p: rng.choice((-2, -1, 1, 2)) for p in rng.sample(V1_IDS, 2)}
            out.append(f"      - text: \"Valg {k}\"")
            if k == 2 and i % 4 == 1:
                out.append(f"        if: \"{conds[(i // 4) % 3]}\"")
            out.append("        score: {" + ", ".join(f"{p}: {v}" for p, v in score.items()) + "}")
            out.append("        feedback: \"Ok.\"")
            if k == 1 and i % 3 == 0:
                out.append(f"        mood: {{{'mette' if i % 2 else 'jonas'}: {rng.choice((-1, 1))}}}")
            if k == 0 and i % 5 == 2:
                out.append("        set: {pauser: \"pauser + 1\", spurgt: \"true\"}")
            out.append(f"        next: {target}")
    for e in range(3):
        out += [f"  end{e}:", f"    end: {{title: \"Slut {e}\"}}"]
    return "\n".join(out) + "\n"


def generator():
    try:
        from gen_scenario import generate
        return generate, "bench/gen_scenario.py"
    except ImportError:
        return _fallback_generate, "bench/authoring.py (built-in generator)"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    ap.add_argument("--sizes", default="100,1000", help="decision counts, comma-separated")
    ap.add_argument("--repeat", type=int, default=3, help="runs per size (the median is shown)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--graph", action="store_true", help="also time graph --format html")
    args = ap.parse_args(argv)
    try:
        sizes = [int(x) for x in args.sizes.split(",") if x.strip()]
    except ValueError:
        print("--sizes takes whole numbers, e.g. 100,1000", file=sys.stderr)
        return 2
    principles = load_principles(ROOT / "scenarios" / "principles.yaml")
    gen, source = generator()
    print(f"Author tools benchmark · Python {platform.python_version()} · {platform.machine()} · "
          f"scenarios from {source}")
    print(f"{'decisions':>9}  {'load s':>7}  {'analyze s':>9}  {'target':>7}  {'states':>8}  "
          f"{'choices':>8}  {'paths':>12}  {'rounds':>6}  notes")
    for n in sizes:
        text = gen(n, args.seed)
        t = time.perf_counter()
        sc, diags = compile_text(text, f"bench-{n}.yaml", principles)
        load = time.perf_counter() - t
        errors = [d.format() for d in diags if d.is_error]
        if sc is None or errors:
            print(f"generated scenario with {n} decisions does not load: {errors[:3]}")
            return 1
        times = []
        res = None
        for _ in range(max(1, args.repeat)):
            t = time.perf_counter()
            res = analysis.analyze(sc, principles)
            times.append(time.perf_counter() - t)
        med = statistics.median(times)
        target = f"≤{TARGET_SECONDS:.0f} s" if n == TARGET_SIZE else ""
        ok = "" if n != TARGET_SIZE else ("met" if med <= TARGET_SECONDS else "MISSED")
        paths = res.paths
        ptxt = "—" if paths is None else (f"{paths:,}" if paths < 10 ** 9 else f"~10^{len(str(paths)) - 1}")
        notes = []
        if res.sampled:
            notes.append(f"distributions sampled ({res.samples} paths)")
        notes.append("extremes exact" if res.extremes_exact else "extremes sampled")
        print(f"{n:>9}  {load:>7.2f}  {med:>9.2f}  {target:>7}  {res.states:>8,}  "
              f"{res.choices:>8,}  {ptxt:>12}  {res.rounds:>6}  {ok} {'; '.join(notes)}")
        if args.graph:
            from game.authoring.graph_html import to_html
            t = time.perf_counter()
            html = to_html(sc, principles)
            print(f"{'':>9}  graph --format html: {time.perf_counter() - t:.2f} s, "
                  f"{len(html) / 1e6:.1f} MB")
    print(f"Target: a {TARGET_SIZE:,}-decision scenario analysed in ≤ {TARGET_SECONDS:.0f} s "
          "(analysis only; loading is shown separately).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
