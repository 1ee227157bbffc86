"""Tone checks (MT701 warning, MT702 error) with exact positions, and our own texts."""

from __future__ import annotations

import ast
import pytest

from game.coach.tone import MT701, MT702, banned_words, tone_diagnostics
from game.engine.compiler import compile_text, load_scenario
from game.i18n import table

from .coach_scenarios import load
from .conftest import ROOT

STRINGS = table(("coach.", "report."))   # every coaching and report text, da and en

TONE = """\
format: 1
id: tone-test
lang: da
title: Tone
family: authority
role: citizen
characters:
  ane: {name: Ane}
start: a
nodes:
  a:
    choices:
      - text: "Det er forkert."
        feedback: "Det var en fejl. Prøv igen."
        score: {own_voice: 1}
        next: b
      - text: "Må vi holde pause?"
        safety: true
        score: {transparency: 1, own_voice: -1}
        feedback: >-
          Du holdt pause, og
          patienten fik ro.
        next: b
  b:
    end: {title: "Forkerte svar findes ikke", text: "Ingen fejlfri plan, men ingen FEJL."}
"""


def _codes(diags):
    return [(d.line, d.column, d.code, d.severity) for d in diags]


def test_exact_positions(principles, tmp_path):
    sc = load(TONE, principles, tmp_path)
    diags = tone_diagnostics(sc)
    assert _codes(diags) == [
        (14, 31, MT701, "warning"),    # "fejl": value at column 20 + offset 11
        (19, 34, MT702, "error"),      # the key own_voice in the score map
        (22, 11, MT701, "warning"),    # "patienten" on the second line of a folded scalar
        (25, 19, MT701, "warning"),    # "Forkerte" in the ending title
        (25, 84, MT701, "warning"),    # "FEJL" in the ending text ("fejlfri" is not a match)
    ]
    assert all(d.file == str(tmp_path / "scenario.yaml") for d in diags)
    first = diags[0].format()
    assert first.endswith("MT701 warning: 'fejl' in the feedback of choice 1 in node 'a': "
                          "the rubric avoids 'fejl' in feedback; skriv om adfærden i stedet, "
                          "fx »en anden mulighed …«")
    assert "scores -1 on 'own_voice'" in diags[1].message


def test_position_uses_choice_where_for_single_line_values(principles, tmp_path):
    sc = load(TONE, principles, tmp_path)
    choice = sc.nodes["a"].choices[0]
    line, col = choice.where["feedback"]
    assert (line, col) == (14, 20)
    assert (line, col + choice.feedback.source.index("fejl")) == (14, 31)


def test_without_the_source_file_positions_fall_back_to_the_value(principles):
    sc, diags = compile_text(TONE, "gone.yaml", principles)
    assert not [d for d in diags if d.is_error]
    got = _codes(tone_diagnostics(sc))
    assert got[0] == (14, 31, MT701, "warning")       # a one-line value: value + offset
    assert [c for _, _, c, _ in got] == [MT701, MT702, MT701, MT701, MT701]


@pytest.mark.parametrize("text, found", [
    ("Det er forkert.", ["forkert"]), ("De forkerte svar", ["forkerte"]),
    ("FEJL og Fejlen og fejlene", ["FEJL", "Fejlen", "fejlene"]),
    ("fejlfri, fejltagelse, forkertheden", []),
    ("Patienten og patienter", ["Patienten", "patienter"]),
    ("compliance", ["compliance"]), ("urealistisk og urealistiske", ["urealistisk", "urealistiske"]),
    ("realistisk", []),
])
def test_danish_words_whole_word_with_inflections(text, found):
    assert [h[2] for h in banned_words(text, "da")] == found


@pytest.mark.parametrize("text, found", [
    ("That was wrong.", ["wrong"]), ("Mistakes happen; a mistake", ["Mistakes", "mistake"]),
    ("a failure", ["failure"]), ("the patient said", ["the patient"]),
    ("Be patient with yourself.", []), ("unrealistic", ["unrealistic"]),
    ("Compliance", ["Compliance"]),
])
def test_english_words(text, found):
    assert [h[2] for h in banned_words(text, "en")] == found


def test_clean_scenarios_have_no_tone_diagnostics(principles):
    for f in sorted((ROOT / "scenarios").glob("*.yaml")) + [ROOT / "tests/data/spec_example.yaml"]:
        if f.name == "principles.yaml":
            continue
        assert tone_diagnostics(load_scenario(f, principles)) == [], f


def test_safety_choice_at_zero_is_fine(principles, tmp_path):
    text = TONE.replace("own_voice: -1}", "own_voice: 0}")
    assert MT702 not in {d.code for d in tone_diagnostics(load(text, principles, tmp_path))}


def test_our_own_texts_avoid_the_words():
    for key, entry in STRINGS.items():
        assert key.startswith(("coach.", "report.")), key
        for lang in ("da", "en"):
            assert banned_words(entry[lang], lang) == [], (key, lang)


def test_only_game_coach_reads_i18n():
    """The engine and the reports never import game.i18n (the reports go through game.coach)."""
    for folder in ("engine", "reports"):
        for f in (ROOT / "game" / folder).glob("*.py"):
            tree = ast.parse(f.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if isinstance(node, ast.ImportFrom):
                    mod = node.module or ""
                    assert not mod.endswith("i18n"), (f, mod)
                    assert "i18n" not in [a.name for a in node.names], (f, mod)
                    if folder == "engine":
                        assert "coach" not in mod, (f, mod)
                elif isinstance(node, ast.Import):
                    assert not any(a.name.endswith("i18n") for a in node.names), f
