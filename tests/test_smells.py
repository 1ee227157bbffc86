"""Scenario smells (MT601–MT608) and LIX, with exact positions.

Each test compiles a small scenario (variants of ``CLEAN`` below), runs
``game.authoring.smells.smells`` and checks the codes, positions and key words.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

from game.authoring import readability
from game.authoring import smells as smells_mod
from game.authoring.smells import SMELL_CODES, smells
from game.engine.compiler import compile_text, load_scenario

from .conftest import ROOT

#: Clean: three decisions, the best option in a different place each time, a variable
#: that is set and read, two characters who both speak.
CLEAN = """\
format: 1
id: smell-test
lang: da
title: Lugt
family: authority
role: citizen
characters:
  mette: {name: Mette, title: Sagsbehandler}
  ali: {name: Ali, title: Bisidder}
variables:
  spurgt: false
start: a
nodes:
  a:
    say:
      - mette: "Velkommen."
      - ali: "Jeg er her."
    choices:
      - text: "Nej tak, det vil jeg ikke lige nu."
        score: {own_voice: -1}
        feedback: "Det er okay."
        next: b
      - text: "Hvem bestemmer?"
        score: {transparency: 2}
        feedback: "Godt spurgt."
        set: {spurgt: true}
        next: b
  b:
    choices:
      - text: "Hvad kan jeg vælge?"
        score: {shared_decision: 2}
        feedback: "Godt."
        next: c
      - text: "Det må I bestemme, det er fint med mig."
        score: {shared_decision: -1}
        feedback: "Prøv også at spørge."
        next: c
  c:
    choices:
      - text: "Farvel og tak for i dag, vi ses."
        score: {hope: -1}
        feedback: "Prøv også at aftale noget."
        next: slut
      - text: "Ses vi igen?"
        score: {hope: 1}
        feedback: "Godt."
        next: slut
      - text: "Kan planen ændres?"
        if: "spurgt"
        score: {transparency: 1, hope: 1}
        feedback: "Godt."
        next: slut
  slut:
    end: {title: "Slut"}
"""
#  line numbers: 1 format … 7 characters, 8 mette, 9 ali, 10 variables, 11 spurgt,
#  12 start, 13 nodes, 14 a, 28 b, 38 c, 53 slut


def compile_(text: str, principles, tmp_path: Path, name: str = "smell-test.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    scenario, diags = compile_text(text, str(path), principles)
    errors = [d for d in diags if d.is_error]
    assert scenario is not None and not errors, [d.format() for d in errors]
    return scenario


def run(text: str, principles, tmp_path: Path, **kw):
    return smells(compile_(text, principles, tmp_path), principles, **kw)


def where(diags) -> list[tuple[int, int, str]]:
    return [(d.line, d.column, d.code) for d in diags]


def test_clean_scenario_has_no_smells(principles, tmp_path):
    assert run(CLEAN, principles, tmp_path) == []


def test_all_smells_are_warnings_with_the_file_name(principles, tmp_path):
    text = CLEAN.replace('score: {transparency: 2}', 'score: {transparency: -2}') \
                .replace("  spurgt: false\n", "  spurgt: false\n  ubrugt: 0\n")
    out = run(text, principles, tmp_path)
    assert out and all(d.severity == "warning" for d in out)
    assert all(d.file == str(tmp_path / "smell-test.yaml") for d in out)
    assert all(d.code in SMELL_CODES for d in out)
    assert all("Traceback" not in d.message for d in out)


# ---------------------------------------------------------------- MT601

def test_mt601_no_recovery_aligned_option(principles, tmp_path):
    text = CLEAN.replace('score: {transparency: 2}', 'score: {transparency: -1, hope: 1}')
    out = run(text, principles, tmp_path)
    assert where(out) == [(14, 3, "MT601")]
    assert "'a'" in out[0].message and "scores +0 or less" in out[0].message
    assert "when" not in out[0].message   # the same choices in every situation


def test_mt601_only_in_some_situations_names_the_situation(principles, spec_example):
    out = smells(spec_example, principles)
    assert [(d.line, d.column, d.code) for d in out] == [(45, 3, "MT601")]
    assert "when asked_who_decides = true and mood.mette = 0" in out[0].message


def test_mt601_not_for_unscored_decisions(principles, tmp_path):
    text = CLEAN.replace("        score: {hope: -1}\n", "").replace(
        "        score: {hope: 1}\n", "").replace(
        "        score: {transparency: 1, hope: 1}\n", "")
    codes = [d.code for d in run(text, principles, tmp_path)]
    assert "MT601" not in codes and "MT602" in codes


# ---------------------------------------------------------------- MT602

def test_mt602_all_options_score_the_same(principles, tmp_path):
    text = CLEAN.replace("score: {shared_decision: -1}", "score: {shared_decision: 2}")
    out = run(text, principles, tmp_path)
    assert where(out) == [(28, 3, "MT602")]
    assert "2 choices in decision 'b'" in out[0].message and "exactly the same score" in out[0].message


def test_mt602_unscored_decision(principles, tmp_path):
    text = CLEAN.replace("        score: {shared_decision: 2}\n", "").replace(
        "        score: {shared_decision: -1}\n", "")
    out = run(text, principles, tmp_path)
    assert where(out) == [(28, 3, "MT602")]
    assert "no score" in out[0].message


def test_mt602_only_when_the_condition_hides_the_difference(principles, tmp_path):
    # c shows choices 1 and 2 when spurgt is false; make those two equal
    text = CLEAN.replace("score: {hope: -1}", "score: {hope: 1}")
    out = run(text, principles, tmp_path)
    assert where(out) == [(38, 3, "MT602")]
    assert "when spurgt = false" in out[0].message


def test_mt602_not_for_a_single_choice(principles, tmp_path):
    text = CLEAN.replace("""      - text: "Det må I bestemme, det er fint med mig."
        score: {shared_decision: -1}
        feedback: "Prøv også at spørge."
        next: c
""", "")
    assert [d.code for d in run(text, principles, tmp_path)] == []


# ---------------------------------------------------------------- MT603 / MT604

BIAS = """\
format: 1
id: bias
lang: da
title: Bias
family: authority
role: citizen
characters:
  mette: {{name: Mette}}
start: d1
nodes:
{nodes}
  slut:
    end: {{title: "Slut"}}
"""


def bias_text(layout: list[tuple[int, int]], shuffle: set[int] = frozenset()) -> str:
    """One decision per item: (position of the best option 1-3, position of the longest)."""
    parts = []
    n = len(layout)
    for i, (best, longest) in enumerate(layout, 1):
        nxt = f"d{i + 1}" if i < n else "slut"
        parts.append(f"  d{i}:\n    say:\n      - mette: \"Nu.\"\n"
                     + ("    shuffle: true\n" if i in shuffle else "") + "    choices:\n")
        for k in (1, 2, 3):
            q = 2 if k == best else -1
            text = "Et langt svar med mange flere ord end de andre" if k == longest else f"Svar {k}"
            parts.append(f"      - text: \"{text}\"\n        score: {{own_voice: {q}}}\n"
                         f"        feedback: \"Ok.\"\n        next: {nxt}\n")
    return BIAS.format(nodes="".join(parts).rstrip("\n"))


def test_mt603_best_option_first_in_most_decisions(principles, tmp_path):
    text = bias_text([(1, 2), (1, 3), (2, 3), (1, 2)])
    out = run(text, principles, tmp_path)
    assert where(out) == [(10, 1, "MT603")]   # the 'nodes:' key
    assert "3 of 4 decisions (75%)" in out[0].message
    assert "'d1', 'd2', 'd4'" in out[0].message


def test_mt603_half_is_not_more_than_half(principles, tmp_path):
    assert run(bias_text([(1, 2), (1, 3), (2, 3), (3, 2)]), principles, tmp_path) == []


def test_mt603_shuffled_decisions_do_not_count(principles, tmp_path):
    text = bias_text([(1, 2), (1, 3), (2, 3), (1, 2)], shuffle={1, 2})
    assert run(text, principles, tmp_path) == []   # 1 of the 2 unshuffled ones


def test_mt603_needs_three_decisions(principles, tmp_path):
    assert run(bias_text([(1, 2), (1, 3)]), principles, tmp_path) == []


def test_mt604_best_option_longest(principles, tmp_path):
    text = bias_text([(2, 2), (3, 3), (1, 2), (3, 3), (2, 2)])
    out = run(text, principles, tmp_path)
    assert where(out) == [(10, 1, "MT604")]
    assert "4 of 5 decisions (80%)" in out[0].message and "'d5'" in out[0].message


def test_mt604_sixty_percent_is_not_more(principles, tmp_path):
    assert run(bias_text([(2, 2), (3, 3), (1, 2), (3, 3), (2, 1)]), principles, tmp_path) == []


# ---------------------------------------------------------------- MT605 / MT606

def test_mt605_variable_never_used(principles, tmp_path):
    text = CLEAN.replace("  spurgt: false\n", "  spurgt: false\n  ubrugt: 0\n")
    out = run(text, principles, tmp_path)
    assert where(out) == [(12, 3, "MT605")]
    assert "'ubrugt' is declared but never used" in out[0].message


def test_mt605_variable_set_but_never_read(principles, tmp_path):
    text = CLEAN.replace("  spurgt: false\n", "  spurgt: false\n  antal: 0\n").replace(
        "set: {spurgt: true}", 'set: {spurgt: true, antal: "antal + 1"}')
    out = run(text, principles, tmp_path)
    assert where(out) == [(12, 3, "MT605")]
    assert "'antal' is set but never read" in out[0].message


def test_mt605_read_in_text_or_another_set_counts(principles, tmp_path):
    text = CLEAN.replace("  spurgt: false\n", "  spurgt: false\n  antal: 0\n  kopi: 0\n").replace(
        "set: {spurgt: true}", 'set: {spurgt: true, antal: "antal + 1"}').replace(
        '- ali: "Jeg er her."', '- ali: "Jeg er her. {kopi}"').replace(
        'set: {shared_decision', 'set: {shared_decision') .replace(
        "        score: {shared_decision: 2}\n",
        "        score: {shared_decision: 2}\n        set: {kopi: \"antal\"}\n")
    assert run(text, principles, tmp_path) == []


def test_mt605_positions_given_by_the_loader_are_used(principles, tmp_path):
    text = CLEAN.replace("  spurgt: false\n", "  spurgt: false\n  ubrugt: 0\n")
    out = run(text, principles, tmp_path, variable_pos={"ubrugt": (99, 7)})
    assert where(out) == [(99, 7, "MT605")]


def test_mt606_character_never_used(principles, tmp_path):
    text = CLEAN.replace("  ali: {name: Ali, title: Bisidder}\n",
                         "  ali: {name: Ali, title: Bisidder}\n  jonas: {name: Jonas}\n")
    out = run(text, principles, tmp_path)
    assert where(out) == [(10, 3, "MT606")]
    assert "'jonas'" in out[0].message


@pytest.mark.parametrize("use", [
    ('next: slut\n  slut:', 'mood: {jonas: 1}\n        next: slut\n  slut:'),
    ('if: "spurgt"', 'if: "spurgt and mood.jonas >= 0"'),
    ('end: {title: "Slut"}', 'end: {title: "Slut {mood.jonas}"}'),
])
def test_mt606_mood_change_or_mood_read_counts_as_used(principles, tmp_path, use):
    text = CLEAN.replace("  ali: {name: Ali, title: Bisidder}\n",
                         "  ali: {name: Ali, title: Bisidder}\n  jonas: {name: Jonas}\n")
    assert use[0] in text
    text = text.replace(use[0], use[1], 1)
    assert [d.code for d in run(text, principles, tmp_path)] == []


# ---------------------------------------------------------------- MT607

def test_mt607_no_choice_visible_at_a_difficulty(principles, tmp_path):
    text = CLEAN.replace('''      - text: "Hvad kan jeg vælge?"
''', '''      - text: "Hvad kan jeg vælge?"
        if: "difficulty < 3"
''').replace('''      - text: "Det må I bestemme, det er fint med mig."
''', '''      - text: "Det må I bestemme, det er fint med mig."
        if: "difficulty < 2"
''')
    out = run(text, principles, tmp_path)
    assert where(out) == [(28, 3, "MT607")]
    assert "shows no choice at difficulty 3" in out[0].message
    assert "stuck" in out[0].message


def test_mt607_no_choice_visible_for_some_variables(principles, tmp_path):
    text = CLEAN.replace('''      - text: "Farvel og tak for i dag, vi ses."
''', '''      - text: "Farvel og tak for i dag, vi ses."
        if: "spurgt"
''').replace('''      - text: "Ses vi igen?"
''', '''      - text: "Ses vi igen?"
        if: "spurgt"
''')
    out = run(text, principles, tmp_path)
    assert where(out) == [(38, 3, "MT607")]
    assert "when spurgt = false" in out[0].message


def test_mt607_statement_written(principles, tmp_path):
    text = CLEAN.replace('''      - text: "Hvad kan jeg vælge?"
''', '''      - text: "Hvad kan jeg vælge?"
        if: "statement_written"
''').replace('''      - text: "Det må I bestemme, det er fint med mig."
''', '''      - text: "Det må I bestemme, det er fint med mig."
        if: "statement_written"
''')
    out = run(text, principles, tmp_path)
    assert where(out) == [(28, 3, "MT607")]
    assert "without a written statement" in out[0].message


def test_mt607_unreachable_combinations_are_not_reported(principles, tmp_path):
    # 'not spurgt' and 'spurgt' together cover every case
    text = CLEAN.replace('''      - text: "Farvel og tak for i dag, vi ses."
''', '''      - text: "Farvel og tak for i dag, vi ses."
        if: "not spurgt"
''').replace('''      - text: "Ses vi igen?"
''', '''      - text: "Ses vi igen?"
        if: "not spurgt"
''')
    assert [d.code for d in run(text, principles, tmp_path)] == []


def test_fallback_search_finds_the_same(principles, tmp_path, monkeypatch):
    """Without the shared explorer, the plain bounded search gives the same smells."""
    text = CLEAN.replace('''      - text: "Farvel og tak for i dag, vi ses."
''', '''      - text: "Farvel og tak for i dag, vi ses."
        if: "spurgt"
''').replace('''      - text: "Ses vi igen?"
''', '''      - text: "Ses vi igen?"
        if: "spurgt"
''')
    scenario = compile_(text, principles, tmp_path)
    want = [d.format() for d in smells(scenario, principles)]
    monkeypatch.setattr(smells_mod, "_explore_statespace", lambda *a: False)
    assert [d.format() for d in smells(scenario, principles)] == want
    sits = smells_mod.situations(scenario, tuple(principles))
    assert sits.complete


def test_mt607_moods_are_clamped_like_the_session(principles, tmp_path):
    # mood.mette starts at 3; +1 stays 3, so 'mood.mette > 3' never becomes true
    text = CLEAN.replace("mette: {name: Mette, title: Sagsbehandler}",
                         "mette: {name: Mette, title: Sagsbehandler, mood: 3}").replace(
        "set: {spurgt: true}", "set: {spurgt: true}\n        mood: {mette: 1}").replace(
        '''      - text: "Farvel og tak for i dag, vi ses."
''', '''      - text: "Farvel og tak for i dag, vi ses."
        if: "mood.mette > 3"
''').replace('''      - text: "Ses vi igen?"
''', '''      - text: "Ses vi igen?"
        if: "mood.mette > 3"
''').replace('if: "spurgt"', 'if: "spurgt and mood.mette > 3"')
    out = run(text, principles, tmp_path)
    assert [d.code for d in out] == ["MT607"]
    assert "mood.mette = 3" in out[0].message


# ---------------------------------------------------------------- MT608 and LIX

def test_lix_counts_words_sentences_and_long_words():
    c = readability.counts("Mødelokalet er lyst. Fire personer sidder om bordet.")
    assert (c.words, c.sentences, c.long_words) == (8, 2, 2)   # mødelokalet, personer
    assert c.lix == pytest.approx(8 / 2 + 100 * 2 / 8)


@pytest.mark.parametrize("text, words, sentences, long", [
    ("Peer-medarbejderen kommer", 2, 1, 1),          # one word; "kommer" is not long
    ("Hvem bestemmer? Jeg: nej! Okay", 5, 4, 1),       # . ! ? : end sentences
    ("Første linje\nAnden linje", 4, 2, 0),             # so does a line break
    ("Vent... hvad?!", 2, 2, 0),                        # runs of marks end one sentence
    ("Jeg har {hours} timer og {statement.help}.", 4, 1, 0),   # placeholders are removed
    ("Det er 37 timer, § 8.", 3, 1, 0),                 # digits and signs are not words
    ("Æblerne på Ørestad", 3, 1, 2),                    # æ, ø, å are letters
    ("", 0, 0, 0),
])
def test_lix_tokenisation(text, words, sentences, long):
    c = readability.counts(text)
    assert (c.words, c.sentences, c.long_words) == (words, sentences, long)


def test_lix_of_text_without_words_is_none():
    assert readability.lix("… 37 …") is None


def test_mt608_hard_text(principles, tmp_path):
    hard = ("Kommunikationsmedarbejderen gennemgik rehabiliteringsplanens forudsætninger, "
            "beskæftigelsesindsatsens konsekvenser og sagsbehandlingens tidsmæssige "
            "udfordringer grundigt")
    text = CLEAN.replace('- mette: "Velkommen."', f'- mette: "{hard}"').replace(
        '- ali: "Jeg er her."', f'- ali: "{hard} igen"').replace(
        '"Hvad kan jeg vælge?"', f'"{hard} tredje gang"')
    out = run(text, principles, tmp_path)
    assert where(out) == [(13, 1, "MT608")]
    msg = out[0].message
    assert "LIX" in msg and "above 40" in msg and "hardest lines: 16:17 (LIX" in msg
    assert msg.count("(LIX") == 3
    lix = readability.scenario_report(compile_(text, principles, tmp_path)).lix
    assert f"LIX {lix:.0f}" in msg and lix > 40


REVIEWED = ("rehab-first-meeting.yaml", "tutorial-short-followup.yaml")


def bundled():
    return [f for f in sorted((ROOT / "scenarios").glob("*.yaml")) if f.name != "principles.yaml"]


def test_smells_run_on_every_bundled_scenario(principles):
    """Every bundled scenario (also ones added later): only warnings, inside the file."""
    for f in bundled():
        lines = f.read_text(encoding="utf-8").count("\n") + 1
        for d in smells(load_scenario(f, principles), principles):
            assert d.severity == "warning" and d.code in SMELL_CODES
            assert 1 <= d.line <= lines and d.column >= 1, d.format()


def test_reviewed_scenarios_are_easy_to_read(principles):
    for name in REVIEWED:
        lix = readability.scenario_report(load_scenario(ROOT / "scenarios" / name, principles)).lix
        assert lix is not None and lix <= 40, (name, lix)


def test_reviewed_scenarios_have_no_smells(principles):
    """The two first scenarios have no smells at all (the tutorial's MT604 is fixed)."""
    for name in REVIEWED:
        out = smells(load_scenario(ROOT / "scenarios" / name, principles), principles)
        assert out == [], [d.format() for d in out]


def test_smell_codes_come_from_the_checker_table():
    """Titles and severities live in one place: game.engine.diagnostics.CODES."""
    from game.engine.diagnostics import CODES
    assert SMELL_CODES == {f"MT60{i}": CODES[f"MT60{i}"][1] for i in range(1, 9)}
    assert all(CODES[code][0] == "warning" for code in SMELL_CODES)


def test_smells_take_their_severity_from_the_table(principles, tmp_path):
    from game.engine.diagnostics import CODES
    text = CLEAN.replace("  spurgt: false\n", "  spurgt: false\n  ubrugt: 0\n")
    out = run(text, principles, tmp_path)
    assert out and all(d.severity == CODES[d.code][0] for d in out)


def test_large_scenario_is_fast_enough(principles):
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from gen_scenario import generate
    finally:
        sys.path.pop(0)
    text = generate(300)
    scenario, diags = compile_text(text, "gen.yaml", principles)
    assert scenario is not None
    t = time.perf_counter()
    out = smells(scenario, principles, variable_pos={})
    assert time.perf_counter() - t < 10
    assert all(d.severity == "warning" for d in out)
