"""meeting-trainer analyze: the numbers must agree with playing every path with real Sessions.

The reference (game.authoring.bruteforce) plays each distinct playthrough with
game.engine.session.Session and scores it with Session.scores, so these tests
compare the dynamic programming against the engine itself: the number of
paths, lowest/highest per principle and index, the full distribution, and the
ending probabilities under uniformly random choice.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.authoring import analysis, statespace
from game.authoring.bruteforce import brute_force
from game.cli import main
from game.engine.compiler import compile_text, load_scenario

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
SCENARIOS = [DATA / "spec_example.yaml", ROOT / "scenarios" / "rehab-first-meeting.yaml",
             ROOT / "scenarios" / "tutorial-short-followup.yaml"]


def assert_agrees(a: analysis.Analysis, ref: dict, *, distributions: bool = True) -> None:
    """Everything the analysis reports equals the brute-force reference."""
    assert a.paths == ref["paths"]
    for m in list(a.principle_ids) + ["index"]:
        got = a.index if m == "index" else a.scores[m]
        assert got == ref["scores"][m], m            # exact floats, as the engine computes them
        if distributions:
            dist = a.distributions[m]
            assert dist["unit"] == "paths"
            assert {v: c for v, c in dist["values"]} == ref["distributions"][m], m
            assert dist["not_in_play"] == ref["not_in_play"][m], m
            assert dist["total"] == ref["paths"]
    ends = {e: p for e, p in a.endings.items() if p > 0}
    assert ends.keys() == {e for e, p in ref["endings"].items() if p > 0}
    for e, p in ref["endings"].items():
        assert a.endings[e] == pytest.approx(p, abs=1e-12)
    assert a.stuck.get("probability", 0.0) == pytest.approx(ref["stuck"], abs=1e-12)


# ---------------------------------------------------------------- shipped scenarios

@pytest.mark.parametrize("path", [p for p in SCENARIOS if p.exists()], ids=lambda p: p.stem)
@pytest.mark.parametrize("difficulty", [1, 2, 3])
@pytest.mark.parametrize("statement", [False, True])
def test_matches_brute_force_on_shipped_scenarios(path, difficulty, statement, principles):
    sc = load_scenario(path, principles)
    ref = brute_force(sc, tuple(principles), difficulty, statement)
    assert_agrees(analysis.analyze(sc, principles, difficulty, statement), ref)
    # the same graph found by the other explorer, and min/max found by Dinkelbach's method
    # (no exact distributions: they are sampled, but paths, extremes and endings stay exact)
    b = analysis.analyze(sc, principles, difficulty, statement, explorer="bfs")
    assert_agrees(b, ref)
    c = analysis.analyze(sc, principles, difficulty, statement, dist_budget=0, samples=20)
    assert c.sampled and c.extremes_exact and c.sample_mode == "paths"
    assert_agrees(c, ref, distributions=False)


def test_spec_example_numbers(spec_example, principles):
    """Hand-checked: 5 playthroughs; the spec's plans choice 1 hides after asking who decides."""
    a = analysis.analyze(spec_example, principles)
    assert a.paths == 5
    # opening: 3 choices equally likely; only 'Okay.' at plans after asking (mood.mette stays 0)
    assert a.endings == pytest.approx({"good_end": 1 / 3, "open_end": 2 / 3})
    assert a.scores["hope"] is None          # no choice scores hope: never in play
    assert not a.sampled


# ---------------------------------------------------------------- random scenarios

CONDITIONS = ["flag", "not flag", "count < 2", "count >= 1", "mood.anna >= 1", "mood.bo < 0",
              "difficulty >= 2", "statement_written", "count + 1 > mood.anna",
              "flag or count == 0", "not statement_written and mood.bo <= 0", "2 > count"]
SETS = [{"flag": "true"}, {"flag": "not flag"}, {"count": "count + 1"}, {"count": "count - 1"},
        {"count": "0"}, {"flag": "count >= 2"}, {"count": "count + 1", "flag": "count >= 1"},
        {"count": "mood.anna + 1"}, {"laps": "laps + 1"}]
PRINCIPLES = ["connectedness", "hope", "identity", "meaning", "empowerment", "own_voice",
              "shared_decision", "strengths", "transparency"]


def random_scenario(seed: int, loops: bool = False) -> str:
    """A small valid scenario with conditions, set, mood, line nodes and several endings.

    Links go forward (so every node reaches an ending); with ``loops`` a few
    choices go back to an earlier decision, guarded by a lap counter that only
    grows, so every playthrough still ends.
    """
    rng = random.Random(seed)
    n_dec = rng.randint(2, 5)
    n_end = rng.randint(1, 3)
    dec = [f"d{i}" for i in range(n_dec)]
    ends = [f"slut_{i}" for i in range(n_end)]
    lines = ["format: 1", f"id: random-{seed}", "lang: da", "title: Tilfældig",
             "family: authority", "role: citizen", "characters:",
             f"  anna: {{name: Anna, mood: {rng.randint(-1, 1)}}}",
             f"  bo: {{name: Bo, mood: {rng.randint(-1, 1)}}}",
             "variables:", f"  flag: {rng.choice(['true', 'false'])}",
             f"  count: {rng.randint(0, 1)}", "  laps: 0", f"start: {dec[0]}", "nodes:"]
    for i, nid in enumerate(dec):
        later = dec[i + 1:] + ends
        lines += [f"  {nid}:", "    say:", f"      - anna: \"Trin {i}.\"", "    choices:"]
        n_ch = rng.randint(1, 4)
        for k in range(n_ch):
            target = rng.choice(later)
            if rng.random() < 0.25 and target in dec:
                target = f"l_{nid}_{k}"           # through a line node
            lines.append(f"      - text: \"Valg {k + 1}\"")
            if k > 0 and rng.random() < 0.5 or k == 0 and rng.random() < 0.15:
                lines.append(f"        if: \"{rng.choice(CONDITIONS)}\"")
            score = {p: rng.choice([-2, -1, 1, 2]) for p in rng.sample(PRINCIPLES, rng.randint(0, 3))}
            if score:
                lines.append("        score: {" + ", ".join(f"{p}: {v}" for p, v in score.items())
                             + "}")
                lines.append("        feedback: \"Godt.\"")
            if rng.random() < 0.4:
                st_ = rng.choice(SETS)
                lines.append("        set: {" + ", ".join(f"{k2}: \"{v}\"" for k2, v in st_.items())
                             + "}")
            if rng.random() < 0.4:
                lines.append(f"        mood: {{{rng.choice(['anna', 'bo'])}: {rng.choice([-2, -1, 1, 2])}}}")
            lines.append(f"        next: {target}")
        if loops and i > 0 and rng.random() < 0.6:
            back = rng.choice(dec[:i + 1])
            lines += ["      - text: \"Tilbage\"", "        if: \"laps < 2\"",
                      "        score: {hope: 1}", "        feedback: \"Igen.\"",
                      "        set: {laps: \"laps + 1\"}", f"        next: {back}"]
    for i, nid in enumerate(dec):
        for k in range(4):
            lines += [f"  l_{nid}_{k}:", "    say:", "      - \"Der går lidt tid.\"",
                      f"    next: {rng.choice(dec[i + 1:] + ends)}"]
    for e in ends:
        lines += [f"  {e}:", f"    end: {{title: \"Slut {e}\"}}"]
    return "\n".join(lines) + "\n"


def compile_random(seed: int, principles, loops: bool = False):
    sc, diags = compile_text(random_scenario(seed, loops), f"random-{seed}.yaml", principles)
    errors = [d.format() for d in diags if d.is_error]
    assert not errors, errors
    return sc


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10 ** 9), difficulty=st.integers(1, 3), statement=st.booleans())
def test_random_scenarios_match_brute_force(seed, difficulty, statement, principles):
    sc = compile_random(seed, principles)
    ref = brute_force(sc, tuple(principles), difficulty, statement)
    assert_agrees(analysis.analyze(sc, principles, difficulty, statement), ref)
    assert_agrees(analysis.analyze(sc, principles, difficulty, statement, explorer="bfs"), ref)
    c = analysis.analyze(sc, principles, difficulty, statement, dist_budget=0, samples=7,
                         seed=seed)
    assert_agrees(c, ref, distributions=False)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10 ** 9), difficulty=st.integers(1, 3))
def test_random_scenarios_with_guarded_loops(seed, difficulty, principles):
    """Loops in the file that the lap counter cuts: finite playthroughs, breadth-first states."""
    sc = compile_random(seed, principles, loops=True)
    ref = brute_force(sc, tuple(principles), difficulty)
    a = analysis.analyze(sc, principles, difficulty)
    assert not a.loops
    assert_agrees(a, ref)
    assert_agrees(analysis.analyze(sc, principles, difficulty, dist_budget=0, samples=5), ref,
                  distributions=False)


def test_merging_values_keeps_results_exact(principles):
    """Liveness drops what is never read; saturation merges counter values past every test."""
    sc = load_scenario(ROOT / "scenarios" / "rehab-first-meeting.yaml", principles)
    live = statespace.liveness(sc)
    assert all("minutes_left" not in names for names in live.values())   # only shown in text
    sat = statespace.saturation(sc)
    assert sat["pauses"] == (None, 2)          # compared with 1, only ever + 1
    assert "minutes_left" not in sat or sat["minutes_left"]  # never compared: not merged


def test_unbounded_loop_is_sampled_with_exact_endings(principles, tmp_path):
    text = """format: 1
id: loop
lang: da
title: Løkke
family: authority
role: citizen
characters:
  anna: {name: Anna}
variables:
  n: 0
start: a
nodes:
  a:
    say: ["Igen?"]
    choices:
      - text: "Igen"
        score: {hope: 1}
        feedback: "Igen."
        set: {n: "n + 1"}
        next: a
      - text: "Slut A"
        score: {hope: -1}
        feedback: "A."
        next: end_a
      - text: "Slut B"
        next: end_b
  end_a:
    end: {title: A}
  end_b:
    end: {title: B}
"""
    sc, diags = compile_text(text, "loop.yaml", principles)
    assert sc is not None and not any(d.is_error for d in diags)
    a = analysis.analyze(sc, principles, samples=500)
    assert a.loops and a.sampled and a.paths is None and a.sample_mode == "play"
    assert a.endings == pytest.approx({"end_a": 0.5, "end_b": 0.5}, abs=1e-9)
    out = a.to_json()
    assert out["paths"] is None and out["sampled"] is True


def test_too_many_states_falls_back_to_sampling(principles):
    sc = compile_random(7, principles)
    a = analysis.analyze(sc, principles, max_states=1, samples=300, seed=3)
    assert a.sampled and a.paths is None and not a.extremes_exact
    assert sum(a.endings.values()) == pytest.approx(1.0)    # shares of the finished walks
    again = analysis.analyze(sc, principles, max_states=1, samples=300, seed=3)
    assert again.to_json()["distributions"] == a.to_json()["distributions"]   # seeded


def test_sampling_is_seeded_and_paths_stay_exact(principles):
    sc = load_scenario(ROOT / "scenarios" / "rehab-first-meeting.yaml", principles)
    a = analysis.analyze(sc, principles, 3, dist_budget=0, samples=500, seed=11)
    b = analysis.analyze(sc, principles, 3, dist_budget=0, samples=500, seed=11)
    assert a.sampled and a.paths == 171020
    assert a.to_json()["distributions"] == b.to_json()["distributions"]
    assert sum(d[1] for d in a.distributions["index"]["values"]) == 500


def test_dominated_and_never_shown(principles, spec_example):
    a = analysis.analyze(spec_example, principles)
    # opening: "(Sig ingenting)" (-1, -1) is not dominated: no other choice is >= on own_voice
    # at plans, 'Okay.' (own_voice -1, shared -1) is dominated by choice 1 only where both show
    doms = {(d["node"], d["choice"], d["by"]) for d in a.dominated}
    assert ("opening", 3, 1) in doms          # 1 has own_voice 2, empowerment 2 (>= everywhere)
    assert ("plans", 2, 1) not in doms        # choice 1 is hidden in some states where 2 shows
    assert a.per_node["plans"]["q"] == {"min": -2, "max": 3}


# ---------------------------------------------------------------- the command

def test_json_contract(capsys):
    code = main(["analyze", str(DATA / "spec_example.yaml"), "--json"])
    out = capsys.readouterr().out
    assert code == 0
    data = json.loads(out)                    # exactly one JSON object
    assert set(data) >= {"index", "scores", "endings", "paths"}
    assert set(data["index"]) == {"min", "max"}
    assert data["paths"] == 5 and data["sampled"] is False
    assert data["scores"]["hope"] is None     # never in play: null, not omitted
    assert all(set(v) == {"min", "max"} for v in data["scores"].values() if v is not None)
    assert data["endings"] == pytest.approx({"good_end": 1 / 3, "open_end": 2 / 3})


def test_text_and_html(tmp_path, capsys):
    out_file = tmp_path / "report.html"
    code = main(["analyze", str(ROOT / "scenarios" / "rehab-first-meeting.yaml"),
                 "--difficulty", "3", "--statement", "--html", str(out_file)])
    captured = capsys.readouterr()
    assert code == 0
    assert "Endings" in captured.out and "Selvbestemmelse" in captured.out
    html = out_file.read_text(encoding="utf-8")
    assert html.startswith("<!doctype html>")
    assert html.count("<svg") >= 11           # index + 9 principles + endings
    assert "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "https://" not in html and "<script src" not in html and "<link" not in html


def test_bad_input(tmp_path, capsys):
    broken = tmp_path / "broken.yaml"
    broken.write_text("format: 1\nid: x\nnodes: {}\n", encoding="utf-8")
    assert main(["analyze", str(broken)]) == 1
    out = capsys.readouterr().out
    assert f"{broken}:1:1: MT202 error" in out
    assert main(["analyze", str(tmp_path / "missing.yaml")]) == 2
    assert main(["analyze", str(DATA / "spec_example.yaml"), "--difficulty", "4"]) == 2
    assert main(["analyze", str(DATA / "spec_example.yaml"), "--samples", "0"]) == 2
    assert main(["analyze", str(DATA / "spec_example.yaml"), "--html",
                 str(tmp_path / "no" / "such" / "dir.html")]) == 2


@pytest.mark.parametrize("size,seed", [(12, 1), (20, 2), (24, 6)])
def test_dinkelbach_agrees_with_exact_counts_on_larger_scenarios(size, seed, principles):
    """Too many paths for Sessions, but the exact counting DP still works: both ways agree."""
    import sys
    sys.path.insert(0, str(ROOT / "bench"))
    gen = pytest.importorskip("gen_scenario", reason="bench/gen_scenario.py is not there")
    sc, diags = compile_text(gen.generate(size, seed), "gen.yaml", principles)
    assert sc is not None and not any(d.is_error for d in diags)
    exact = analysis.analyze(sc, principles)
    assert not exact.sampled and exact.paths > 10_000
    fast = analysis.analyze(sc, principles, dist_budget=0, samples=50, seed=seed)
    assert fast.sampled and fast.extremes_exact and fast.paths == exact.paths
    assert fast.scores == exact.scores and fast.index == exact.index
    assert fast.endings == pytest.approx(exact.endings, abs=1e-12)
    bfs = analysis.analyze(sc, principles, explorer="bfs")
    assert bfs.to_json()["distributions"] == exact.to_json()["distributions"]
