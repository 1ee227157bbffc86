"""Shared fixtures: every test runs with its own user folders and no shared cache."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path, monkeypatch):
    monkeypatch.setenv("MEETING_TRAINER_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("SDL_VIDEODRIVER", "dummy")
    monkeypatch.setenv("SDL_AUDIODRIVER", "dummy")


@pytest.fixture(scope="session")
def principles():
    from game.engine.principles import load_principles
    return load_principles(ROOT / "scenarios" / "principles.yaml")


@pytest.fixture(scope="session")
def spec_example(principles):
    from game.engine.compiler import load_scenario
    return load_scenario(DATA / "spec_example.yaml", principles)
