#!/usr/bin/env python3
"""Engine benchmark: load, cached load, random walks and saves on large scenarios.

Generates synthetic scenarios (bench/gen_scenario.py) with 1,000 and 10,000
decision points into a temporary folder, measures the engine against the
performance targets and prints one table. It is a report, not a test: it
always exits 0 (except on bad usage or a generated file that does not load).

Usage: python bench/engine.py [--seconds S] [--sizes 1000,10000]
"""

from __future__ import annotations

import argparse
import gc
import json
import platform
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import yaml  # noqa: E402

from game.engine import saves, yamlsrc  # noqa: E402
from game.engine.compiler import compile_file  # noqa: E402
from game.engine.session import Session  # noqa: E402
from gen_scenario import generate  # noqa: E402

SAVE_CHOICES = 100


def load_principles():
    path = ROOT / "scenarios" / "principles.yaml"
    if path.is_file():
        from game.engine.principles import load_principles as load
        return load(path), "scenarios/principles.yaml"
    from game.engine.principles import V1_IDS
    return set(V1_IDS), "V1_IDS"


def timed(fn, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        gc.collect()
        t0 = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t0)
    return out


def compiled(path, principles, cache_dir=None):
    scenario, diags = compile_file(path, principles, cache_dir=cache_dir)
    errors = [d for d in diags if d.is_error]
    if scenario is None or errors:
        raise SystemExit(f"{path}: the generated scenario does not load: {errors[:3]}")
    return scenario


BURSTS = 8
BURST_SECONDS = 0.4


def random_walk(scenario, seconds: float, seed: int = 1) -> tuple[float, int, int]:
    """visible() + choose(random n), a new Session at each ending. Returns (choices/s, choices, walks)."""
    rnd = random.Random(seed).random
    session = Session(scenario)
    count = walks = 0
    t0 = time.perf_counter()
    deadline = t0 + seconds
    while True:
        for _ in range(2000):
            vis = session.visible()
            if not vis:
                session = Session(scenario)
                walks += 1
                continue
            session.choose(int(rnd() * len(vis)) + 1)
            count += 1
        now = time.perf_counter()
        if now >= deadline:
            return count / (now - t0), count, walks


def _landing(nodes, nid):
    """The first decision or ending reached from node ``nid`` by following ``next``."""
    cur = nodes[nid]
    while cur.next is not None:
        cur = nodes[cur.next]
    return cur


def _rate(block, seconds: float) -> float:
    """Steps per second of ``block()`` (which takes some steps and returns how many)."""
    count = 0
    t0 = time.perf_counter()
    deadline = t0 + seconds
    while True:
        count += block()
        now = time.perf_counter()
        if now >= deadline:
            return count / (now - t0)


def bare_walk(scenario, seconds: float, seed: int = 1) -> float:
    """The same random walk over plain tuples of node numbers, without the engine: what
    this machine's memory does to a walk over a bigger graph. Returns choices/s."""
    nodes = scenario.nodes
    index = {nid: i for i, nid in enumerate(nodes)}
    table = tuple(tuple(index[_landing(nodes, c.next).id] for c in n.choices or ())
                  for n in nodes.values())
    start = index[_landing(nodes, scenario.start).id]
    rnd = random.Random(seed).random
    here = start

    def block() -> int:
        nonlocal here
        h, count = here, 0
        for _ in range(2000):
            out = table[h]
            if not out:
                h = start
                continue
            h = out[int(rnd() * len(out))]
            count += 1
        here = h
        return count
    return _rate(block, seconds)


def object_walk(scenario, seconds: float, seed: int = 1) -> float:
    """The smallest walk over the scenario's own Node and Choice objects (a choice's
    landing node from one dict, no session, no history). Returns choices/s."""
    nodes = scenario.nodes
    target = {id(c): _landing(nodes, c.next) for n in nodes.values() for c in n.choices or ()}
    start = _landing(nodes, scenario.start)
    rnd = random.Random(seed).random
    here = start

    def block() -> int:
        nonlocal here
        node, count = here, 0
        for _ in range(2000):
            choices = node.choices
            if not choices:
                node = start
                continue
            node = target[id(choices[int(rnd() * len(choices))])]
            count += 1
        here = node
        return count
    return _rate(block, seconds)


def long_session(scenario, choices: int) -> Session:
    """A session with ``choices`` choices made; choice 1 always goes to the next decision."""
    s = Session(scenario)
    for _ in range(choices):
        if not s.visible():
            raise SystemExit(f"the main path ends before {choices} choices")
        s.choose(1)
    return s


def save_roundtrip(scenario, reps: int) -> tuple[float, float]:
    """Median seconds of to_dict+from_dict, and of the same plus JSON text."""
    s = long_session(scenario, SAVE_CHOICES)
    back = saves.from_dict(scenario, saves.to_dict(s))
    assert back.node.id == s.node.id and len(back.history) == SAVE_CHOICES and back.notice is None

    def plain():
        saves.from_dict(scenario, saves.to_dict(s))

    def with_json():
        saves.from_dict(scenario, json.loads(json.dumps(saves.to_dict(s))))

    def median(fn):
        for _ in range(20):
            fn()
        ts = []
        for _ in range(reps):
            t0 = time.perf_counter()
            fn()
            ts.append(time.perf_counter() - t0)
        return statistics.median(ts)

    return median(plain), median(with_json)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seconds", type=float, default=2.0, help="length of each random walk")
    ap.add_argument("--sizes", default="1000,10000", help="decision points, comma-separated")
    args = ap.parse_args(argv)
    sizes = [int(x) for x in args.sizes.split(",")]

    principles, principles_from = load_principles()
    c_loader = hasattr(yaml, "CSafeLoader")
    print("Mødetræner engine benchmark")
    print(f"  python {platform.python_version()} ({platform.python_implementation()}), "
          f"{platform.system()} {platform.machine()}, {_cpus()} CPUs")
    print(f"  PyYAML {yaml.__version__}, C loader (libyaml) available: {'yes' if c_loader else 'NO'}"
          f"; engine uses {yamlsrc._FastLoader.__name__}")
    print(f"  principles: {principles_from}; random walk {args.seconds:g} s per size")
    print()

    rows: list[tuple[str, str, str, str]] = []

    def row(name, measured, target="", ok=None):
        verdict = "" if ok is None else ("PASS" if ok else "MISS")
        rows.append((name, measured, target, verdict))
        print(f"  {name:<46} {measured:>14}  {target:<16} {verdict}", flush=True)

    print(f"  {'name':<46} {'measured':>14}  {'target':<16} result")
    rates: dict[int, float] = {}
    scenarios: dict[int, object] = {}
    with tempfile.TemporaryDirectory(prefix="mt-bench-") as tmp:
        for n in sizes:
            path = Path(tmp) / f"synthetic-{n}.yaml"
            path.write_text(generate(n, seed=1), encoding="utf-8")
            size_mb = path.stat().st_size / 1e6
            label = f"{n:,}"

            # cold: read + parse + load + check, no cache
            cold = timed(lambda: compiled(path, principles), 3 if n <= 2000 else 2)
            target = {1000: 1.0, 10000: 6.0}.get(n)
            row(f"load+check cold, {label} ({size_mb:.1f} MB)", f"{min(cold):.3f} s",
                f"≤ {target} s" if target else "", min(cold) <= target if target else None)

            # warm: the compiled cache holds this file
            cache = Path(tmp) / f"cache-{n}"
            compiled(path, principles, cache)
            warm = timed(lambda: compiled(path, principles, cache), 5)
            target = {10000: 0.3}.get(n)
            row(f"load unchanged (warm cache), {label}", f"{min(warm):.3f} s",
                f"≤ {target} s" if target else "", min(warm) <= target if target else None)

            scenario = compiled(path, principles)
            rate, count, walks = random_walk(scenario, args.seconds)
            rates[n] = rate
            row(f"random walk, {label}", f"{rate:,.0f} /s", "≥ 200,000 /s", rate >= 200_000)
            row("  (choices, walks to an ending)", f"{count:,}, {walks:,}")

            if n >= SAVE_CHOICES + 1:
                med, med_json = save_roundtrip(scenario, 300)
                row(f"save to_dict+from_dict, {SAVE_CHOICES} choices, {label}",
                    f"{med * 1000:.3f} ms", "≤ 1 ms", med <= 0.001)
                row("  (the same with json dumps+loads)", f"{med_json * 1000:.3f} ms")
            scenarios[n] = scenario
            del scenario
            gc.collect()

        if len(scenarios) >= 2:
            # Compare sizes in alternating short bursts, so that a busy machine (another
            # process waking up) slows both alike instead of skewing one long run.
            small, big = min(scenarios), max(scenarios)
            bursts: dict[int, list[float]] = {small: [], big: []}
            for i in range(BURSTS):
                for n in (small, big) if i % 2 == 0 else (big, small):
                    bursts[n].append(random_walk(scenarios[n], BURST_SECONDS, seed=i + 1)[0])
            ratio = statistics.median(bursts[big]) / statistics.median(bursts[small])
            row(f"walk speed {big:,} vs {small:,}", f"{ratio:.2f}x", "≥ 1.00x (±10%)", ratio >= 0.9)
            row(f"  (median of {BURSTS} alternating {BURST_SECONDS:g} s bursts each)",
                f"{statistics.median(bursts[big]):,.0f} vs {statistics.median(bursts[small]):,.0f}")
            for label, walk in (("node-number tuples", bare_walk),
                                ("its Node objects", object_walk)):
                ref_rates: dict[int, list[float]] = {small: [], big: []}
                for i in range(BURSTS):
                    for n in (small, big) if i % 2 == 0 else (big, small):
                        ref_rates[n].append(walk(scenarios[n], BURST_SECONDS / 2, seed=i + 1))
                ref = statistics.median(ref_rates[big]) / statistics.median(ref_rates[small])
                row(f"  reference: bare walk over {label}", f"{ref:.2f}x")
        scenarios.clear()

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    peak_mb = peak / 1024 if sys.platform != "darwin" else peak / 1024 / 1024
    print()
    print(f"  peak memory (max RSS): {peak_mb:.0f} MB")
    misses = [r[0].strip() for r in rows if r[3] == "MISS"]
    print(f"  {sum(r[3] == 'PASS' for r in rows)} PASS, {len(misses)} MISS"
          + (": " + "; ".join(misses) if misses else ""))
    return 0


def _cpus() -> str:
    import os
    try:
        return str(len(os.sched_getaffinity(0)))
    except AttributeError:
        return str(os.cpu_count())


if __name__ == "__main__":
    sys.exit(main())
