"""Staff/peer skill summaries (inspired by MITI 4.2.1 / OPTION-5) and character reactions."""

from __future__ import annotations

import pytest

from game.coach.reactions import EXPRESSIONS, expression, mood_changes, mood_word, reactions
from game.coach.skills import band, skill_summary, summarise
from game.engine.model import Choice
from game.engine.session import Session
from game.engine.text import Template

from .coach_scenarios import SKILLS, load, play


def _c(*tags, **score):
    return Choice(index=0, text=Template("x", ("x",)), next="n", line_id="n.c1",
                  tags=tuple(tags), score=score)


def test_best_lines_by_hand(principles, tmp_path):
    sc = load(SKILLS, principles, tmp_path)
    s, _ = play(sc, [1, 1, 1, 1, 1])
    k = skill_summary(s, "da")
    # Q: open_question ×2; R: complex ×2 (two, four) + simple ×1 (three)
    assert (k.questions, k.reflections, k.complex_reflections) == (2, 3, 2)
    assert k.rq == 1.5 and k.rq_band == "fair"             # fair 1:1 ≤ 1.5 < good 2:1
    assert k.cr_percent == pytest.approx(200 / 3) and k.cr_band == "good"
    assert (k.adherent, k.non_adherent) == (1, 0)          # affirm
    # option_1 on a line scoring 1 -> moderate; option_3 unscored -> minimal;
    # option_4 scoring 1 -> moderate; option_5 scoring 2 -> skilled; option_2 not shown
    assert [o.level for o in k.option5] == [2, 0, 1, 2, 3]
    assert k.rq_text == ("Refleksioner i forhold til spørgsmål: 3 til 2 (1,5:1) – på niveau med "
                         "»rimelig«. Tærskler: rimelig 1:1, god 2:1.")
    assert "66,7 %" in k.cr_text and "»god«" in k.cr_text
    assert k.option5_text == "OPTION-5-punkter vist: 4 af 5."
    assert "inspireret af MITI 4.2.1 og OPTION-5" in k.heading
    assert "ikke en MITI- eller OPTION-score" in k.disclaimer
    assert not k.little_data


def test_pressing_lines_by_hand(principles, tmp_path):
    sc = load(SKILLS, principles, tmp_path)
    s, _ = play(sc, [2, 2, 2, 2, 2])
    k = skill_summary(s, "en")
    assert (k.questions, k.reflections) == (1, 0)          # one closed question
    assert k.rq == 0.0 and k.rq_band == "below_fair"
    assert k.cr_percent is None and k.cr_band == "no_data"
    assert (k.adherent, k.non_adherent) == (0, 3)          # confront + persuade ×2
    assert [o.level for o in k.option5] == [0, 0, 0, 0, 0]
    assert k.adherence_text.endswith("Pressing moves (persuading without permission, "
                                     "confronting): 3.")


@pytest.mark.parametrize("value, fair, good, expected", [
    (None, 1, 2, "no_data"), (0.99, 1, 2, "below_fair"), (1.0, 1, 2, "fair"),
    (1.99, 1, 2, "fair"), (2.0, 1, 2, "good"), (39.9, 40, 50, "below_fair"),
    (40.0, 40, 50, "fair"), (50.0, 40, 50, "good")])
def test_threshold_edges(value, fair, good, expected):
    assert band(value, fair, good) == expected


def test_edge_cases_of_the_ratios():
    only_r = summarise([_c("simple_reflection"), _c("complex_reflection")], "da")
    assert only_r.only_reflections and only_r.rq is None and only_r.rq_band == "good"
    assert only_r.cr_percent == 50.0 and only_r.cr_band == "good"
    even = summarise([_c("open_question"), _c("simple_reflection"), _c("persuade_with_permission")])
    assert even.rq == 1.0 and even.rq_band == "fair"
    assert (even.adherent, even.non_adherent) == (0, 0)     # with permission: neither
    none = summarise([_c(), _c()], "da")
    assert none.rq_band == "no_data" and none.little_data and none.tagged == 0
    assert "ingen af de valgte linjer" in none.rq_text


def test_practice_mode_counts_first_attempts(principles, tmp_path):
    sc = load(SKILLS, principles, tmp_path)
    s = Session(sc, practice=True)
    s.choose(2)            # confront + closed question: counts
    s.undo()
    s.choose(1)
    assert skill_summary(s).questions == 0 and skill_summary(s).non_adherent == 0
    # node 'one' first attempt was "Vi starter med attesten." (giving_information)
    assert skill_summary(s).counts == {"giving_information": 1}


# -- reactions ----------------------------------------------------------------------
@pytest.mark.parametrize("mood, da, en, face", [
    (-3, "anspændt", "tense", "tense"), (-2, "på vagt", "guarded", "guarded"),
    (-1, "lidt på vagt", "a little guarded", "guarded"), (0, "neutral", "neutral", "neutral"),
    (1, "åben", "open", "open"), (2, "varm", "warm", "warm"), (3, "meget varm", "very warm", "warm"),
    (-9, "anspændt", "tense", "tense"), (9, "meget varm", "very warm", "warm")])
def test_mood_words_and_faces(mood, da, en, face):
    assert mood_word(mood, "da") == da and mood_word(mood, "en") == en
    assert expression(mood) == face and face in EXPRESSIONS


def test_reactions_now(spec_example):
    s = Session(spec_example)
    s.choose(1)
    r = {x.id: x for x in reactions(s, "da")}
    assert (r["mette"].mood, r["mette"].word, r["mette"].expression) == (1, "åben", "open")
    assert (r["jonas"].word, r["jonas"].expression) == ("lidt på vagt", "guarded")
    assert r["mette"].to_dict()["name"] == "Mette"


def test_mood_history_replays_the_path_including_practice(spec_example):
    s = Session(spec_example, practice=True)
    s.choose(1)            # mette +1
    s.undo()               # back to 0
    s.choose(3)
    s.choose(1)
    m = {x.id: x for x in mood_changes(s, "en")}
    assert m["mette"].history == [0, 0, 0] and m["mette"].direction == "same"
    assert m["mette"].sentence == "Mette stayed neutral throughout."
