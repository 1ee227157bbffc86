#!/usr/bin/env python3
"""Window benchmark, printed against the issue's targets.

* first frame: from starting a fresh Python process to the first frame on screen;
* idle CPU: share of one core used by the real run loop while nothing moves (5 s);
* frame time p95 while a line is revealed at 1920×1080;
* resident memory of the running window.

Runs under Xvfb (started here if there is no $DISPLAY and Xvfb is installed; the
Xvfb this script starts is stopped at the end), else with SDL's dummy driver, and
says which. It is a report, not a test: it always exits 0.

Usage: python bench/ui.py [--idle-seconds S]
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGETS = {"first_frame_s": 1.5, "idle_cpu_pct": 3.0, "frame_p95_ms": 16.0, "rss_mb": 200.0}


def _rss_mb(pid: int | str = "self") -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _into_meeting(app):
    from game.ui.screens.library import BriefScreen
    scenario = app.library.scenarios["rehab-first-meeting"] if "rehab-first-meeting" in app.library.scenarios \
        else next(iter(app.library.scenarios.values()))
    app.push(BriefScreen(app, scenario))
    app.top._start()
    return app.top


# -- child processes --------------------------------------------------------------
def child(mode: str) -> None:
    from game.ui.app import App
    app = App(None, size=(1920, 1080))
    app.step()
    print("FIRST", flush=True)
    if mode == "idle":
        meeting = _into_meeting(app)
        app.settings.reduced_motion = True   # nothing moves: the loop must sleep
        meeting.shown = 10 ** 9
        app.step()
        print(f"READY {_rss_mb():.1f}", flush=True)
        app.run()


def _spawn(mode: str, env: dict) -> tuple[subprocess.Popen, float]:
    t0 = time.perf_counter()
    p = subprocess.Popen([sys.executable, __file__, "--child", mode], stdout=subprocess.PIPE,
                         stderr=subprocess.DEVNULL, text=True, env=env, cwd=str(ROOT))
    return p, t0


def _wait_for(p, word: str, timeout: float = 30.0) -> str:
    end = time.time() + timeout
    while time.time() < end:
        line = p.stdout.readline()
        if not line:
            break
        if line.startswith(word):
            return line.strip()
    raise RuntimeError(f"the window did not report {word}")


# -- measurements -----------------------------------------------------------------
def first_frame(env) -> float:
    times = []
    for _ in range(3):
        p, t0 = _spawn("first", env)
        _wait_for(p, "FIRST")
        times.append(time.perf_counter() - t0)
        p.wait(timeout=30)
    return min(times)


def idle_cpu_and_rss(env, seconds: float) -> tuple[float, float]:
    p, _ = _spawn("idle", env)
    try:
        line = _wait_for(p, "READY")
        time.sleep(1.0)
        c0, t0 = _cpu_seconds(p.pid), time.perf_counter()
        time.sleep(seconds)
        c1, t1 = _cpu_seconds(p.pid), time.perf_counter()
        rss = max(float(line.split()[1]), _rss_mb(p.pid))
        return 100 * (c1 - c0) / (t1 - t0), rss
    finally:
        p.send_signal(signal.SIGTERM)
        try:
            p.wait(timeout=5)
        except subprocess.TimeoutExpired:
            p.kill()


def reveal_p95() -> tuple[float, int]:
    import pygame
    from game.ui.app import App
    app = App(None, size=(1920, 1080))
    app.step()
    meeting = _into_meeting(app)
    app.settings.reduced_motion = False
    app.settings.text_speed = "medium"
    times = []
    for _ in range(6):  # reveal several lines, one frame at a time
        meeting._start_line()
        app.step()
        while meeting.animating:
            t = time.perf_counter()
            app.step(1 / 60)
            times.append((time.perf_counter() - t) * 1000)
        meeting.advance()
        if meeting.phase != "lines":
            break
    full = []
    for _ in range(40):  # for comparison: redrawing the whole meeting screen
        t = time.perf_counter()
        app.render()
        pygame.display.flip()
        full.append((time.perf_counter() - t) * 1000)
    pygame.display.quit()
    times.sort()
    full.sort()
    p95 = times[int(len(times) * 0.95) - 1] if times else float("nan")
    return p95, len(times), full[int(len(full) * 0.95) - 1]


def _start_xvfb() -> tuple[subprocess.Popen | None, str]:
    if os.environ.get("DISPLAY"):
        return None, f"X display {os.environ['DISPLAY']}"
    xvfb = shutil.which("Xvfb")
    if not xvfb:
        return None, "SDL dummy driver (Xvfb not installed: numbers are indicative)"
    for n in range(87, 120):
        if not Path(f"/tmp/.X11-unix/X{n}").exists() and not Path(f"/tmp/.X{n}-lock").exists():
            break
    proc = subprocess.Popen([xvfb, f":{n}", "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(50):
        if Path(f"/tmp/.X11-unix/X{n}").exists():
            break
        time.sleep(0.1)
    os.environ["DISPLAY"] = f":{n}"
    return proc, f"Xvfb :{n} (started by this benchmark)"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--idle-seconds", type=float, default=5.0)
    ap.add_argument("--child", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        child(a.child)
        return 0
    home = tempfile.mkdtemp(prefix="mt-bench-")
    os.environ["MEETING_TRAINER_HOME"] = home
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    xvfb, where = _start_xvfb()
    if not os.environ.get("DISPLAY"):
        os.environ["SDL_VIDEODRIVER"] = "dummy"
    try:
        env = dict(os.environ)
        ff = first_frame(env)
        cpu, rss = idle_cpu_and_rss(env, a.idle_seconds)
        p95, frames, full95 = reveal_p95()
    finally:
        if xvfb is not None:
            xvfb.terminate()
            xvfb.wait(timeout=5)
        shutil.rmtree(home, ignore_errors=True)
    rows = [("first frame", ff, "s", TARGETS["first_frame_s"]),
            ("idle CPU (one core)", cpu, "%", TARGETS["idle_cpu_pct"]),
            (f"frame time p95, reveal 1920×1080 ({frames} frames)", p95, "ms", TARGETS["frame_p95_ms"]),
            ("full redraw p95, meeting 1920×1080 (no target)", full95, "ms", float("inf")),
            ("resident memory", rss, "MB", TARGETS["rss_mb"])]
    print(f"Window benchmark — {where}")
    print(f"{'measure':<48} {'value':>9}   {'target':>8}")
    for name, value, unit, target in rows:
        ok = "ok" if value <= target else "OVER"
        print(f"{name:<48} {value:>7.2f} {unit:<2} < {target:>5g} {unit:<2} {ok}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
