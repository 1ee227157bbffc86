"""Fixtures for driving the real window front-end headless (SDL dummy driver)."""

from __future__ import annotations

import os
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pygame
import pytest

HERE = Path(__file__).resolve().parent
LIB = HERE / "data" / "lib"
REFS = HERE / "refs"
SCENARIO = LIB / "rehab-first-meeting.yaml"


def make_args(**kw):
    base = dict(scenario=str(LIB), text=False, difficulty=None, lang=None, watch=None, practice=False)
    base.update(kw)
    return SimpleNamespace(**base)


@pytest.fixture
def pilot_factory():
    from game.ui.pilot import Pilot
    made = []

    def make(size=(1280, 720), **kw):
        p = Pilot(size, make_args(**kw))
        made.append(p)
        return p

    yield make
    for p in made:
        p.close()


@pytest.fixture
def pilot(pilot_factory):
    return pilot_factory()


def play_lines(p) -> None:
    """Read through the lines until there is something to choose (or the end)."""
    for _ in range(200):
        s = p.screen
        if getattr(s, "phase", None) != "lines":
            return
        p.press("RETURN")
        p.settle()


def mean_abs_diff(a: pygame.Surface, b: pygame.Surface) -> float:
    if a.get_size() != b.get_size():
        return 255.0
    x = pygame.surfarray.array3d(a).astype(np.int16)
    y = pygame.surfarray.array3d(b).astype(np.int16)
    return float(np.abs(x - y).mean())


def check_ref(p, name: str, tolerance: float = 2.0) -> None:
    """Compare the current frame with tests/ui/refs/<name>.png; UPDATE_UI_REFS=1 rewrites it."""
    surf = p.render().copy()
    ref = REFS / f"{name}.png"
    if os.environ.get("UPDATE_UI_REFS") == "1" or not ref.exists():
        REFS.mkdir(parents=True, exist_ok=True)
        pygame.image.save(surf, str(ref))  # a missing reference is written, then compared next time
        return
    want = pygame.image.load(str(ref))
    diff = mean_abs_diff(surf, want)
    if diff > tolerance:
        out = REFS.parent / "failed"
        out.mkdir(exist_ok=True)
        pygame.image.save(surf, str(out / f"{name}.png"))
    assert diff <= tolerance, (f"{name}: mean pixel difference {diff:.2f} > {tolerance} "
                               f"(got tests/ui/failed/{name}.png; UPDATE_UI_REFS=1 to accept)")
