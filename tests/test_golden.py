"""Golden transcripts of every path through the small scenarios, also after save/restore."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from game.engine.compiler import load_scenario

from .conftest import DATA, ROOT
from .golden_util import STATEMENT, all_paths, golden_text, play

GOLDEN = Path(__file__).resolve().parent / "golden"
SMALL = [DATA / "spec_example.yaml", ROOT / "scenarios" / "tutorial-short-followup.yaml"]
SMALL = [p for p in SMALL if p.exists()]


@pytest.fixture(params=SMALL, ids=lambda p: p.stem)
def small(request, principles):
    return load_scenario(request.param, principles), request.param.stem


def test_golden_transcripts(small):
    scenario, stem = small
    path = GOLDEN / f"{stem}.txt"
    text = golden_text(scenario)
    if os.environ.get("UPDATE_GOLDEN") or not path.exists():
        path.write_text(text, encoding="utf-8")
        if not os.environ.get("UPDATE_GOLDEN"):
            pytest.fail(f"{path} did not exist; it has been written — read it and commit it")
    assert text == path.read_text(encoding="utf-8")


def test_every_path_survives_save_restore_after_each_choice(small):
    scenario, _ = small
    count = 0
    for difficulty in (1, 2, 3):
        for statement in (None, STATEMENT):
            for numbers in all_paths(scenario, difficulty, statement):
                plain = play(scenario, numbers, difficulty, statement, roundtrip=False)
                assert play(scenario, numbers, difficulty, statement, roundtrip=True) == plain
                count += 1
    assert count >= 2


def test_same_seed_same_choices_same_transcript(small):
    scenario, _ = small
    numbers = all_paths(scenario, 2, STATEMENT)[-1]
    assert play(scenario, numbers, 2, STATEMENT, False) == play(scenario, numbers, 2, STATEMENT, False)


def _library():
    from game.engine.library import scenario_files
    files, _ = scenario_files([ROOT / "scenarios"])
    return files


@pytest.mark.parametrize("path", _library(), ids=lambda p: p.stem)
def test_library_random_walks_survive_save_restore(path, principles):
    """Seeded random playthroughs of every library scenario, saved and restored after each choice."""
    import random
    scenario = load_scenario(path, principles)
    rng = random.Random(2026)
    from game.engine.session import Session
    for _ in range(60):
        difficulty = rng.choice((1, 2, 3))
        statement = rng.choice((None, STATEMENT))
        s = Session(scenario, difficulty, statement)
        numbers = []
        while not s.ended:
            n = rng.randint(1, len(s.visible()))
            numbers.append(n)
            s.choose(n)
        assert play(scenario, numbers, difficulty, statement, roundtrip=True) == \
            play(scenario, numbers, difficulty, statement, roundtrip=False)
