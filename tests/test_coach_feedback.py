"""Feedback after a choice: principles as words and the "clearly better" rule.

The spec example, worked by hand (q = sum of scores):
  opening: 1 statement  own_voice 2, empowerment 2, meaning 1   q 5
           2 who decides transparency 2, empowerment 1           q 3
           3 silence     own_voice -1, empowerment -1            q -2
  plans:   1 options     shared_decision 2, empowerment 1        q 3
             (hidden after choice 2 while Mette's mood is 0)
           2 "Okay."     own_voice -1, shared_decision -1        q -2
"""

from __future__ import annotations

import pytest

from game.coach.feedback import feedback_for
from game.coach.quality import CLEARLY_BETTER
from game.engine.session import Session

from .coach_scenarios import TIES, load, play
from .conftest import ROOT

STATEMENT = "Må jeg starte med at læse mit personlige statement op?"
OPTIONS = "Hvilke muligheder er der — også at vente lidt?"


def test_best_choice_names_principles_and_offers_nothing_more(spec_example, principles):
    s = Session(spec_example)
    fb = feedback_for(s, s.choose(1), "da", principles)
    assert fb.feedback.startswith("Du gav mødet din egen start.")
    # equal scores keep principle order: empowerment (2) before own_voice (2), then meaning (1)
    assert fb.strengthens == ["empowerment", "own_voice", "meaning"]
    assert fb.strengthens_text == "Dit valg styrker: Selvbestemmelse, Egne ord og Mening."
    assert fb.may_limit == [] and fb.may_limit_text == ""
    assert fb.try_also is None
    assert fb.counted and not fb.undone


def test_gap_of_two_is_clearly_better(spec_example, principles):
    assert CLEARLY_BETTER == 2
    s = Session(spec_example)
    fb = feedback_for(s, s.choose(2), "da", principles)     # q 3; statement q 5: gap 2
    # a principle name containing "og" switches the list to commas only
    assert fb.strengthens_text == "Dit valg styrker: Åbenhed og tryghed, Selvbestemmelse."
    assert fb.try_also is not None and fb.try_also.number == 1
    assert fb.try_also.line == f"Prøv også: »{STATEMENT}«"
    assert fb.try_also.why == "Det giver mere plads til Selvbestemmelse, Egne ord og Mening."
    assert fb.lines()[-2:] == [fb.try_also.line, fb.try_also.why]


def test_hidden_option_is_never_suggested(spec_example, principles):
    """Path 2,1: asking who decides hides the options choice at 'plans'."""
    s = Session(spec_example)
    s.choose(2)
    assert [o.text for o in s.options()] == ["Okay."]
    fb = feedback_for(s, s.choose(1), "da", principles)
    assert fb.try_also is None                               # the better line was not shown
    assert fb.may_limit == ["own_voice", "shared_decision"]
    assert fb.may_limit_text == "Dit valg kan give mindre plads til: Egne ord og Fælles beslutning."
    assert fb.strengthens_text == ""


def test_visible_better_option_is_suggested(spec_example, principles):
    s = Session(spec_example)
    s.choose(1)                                              # Mette's mood 1: options visible
    fb = feedback_for(s, s.choose(2), "da", principles)      # "Okay." q -2 vs options q 3
    assert fb.try_also.text == OPTIONS and fb.try_also.number == 1
    assert fb.try_also.line == f"Prøv også: »{OPTIONS}«"


def test_english_feedback(spec_example, principles):
    s = Session(spec_example)
    fb = feedback_for(s, s.choose(3), "en", principles)
    assert fb.may_limit_text == "Your choice may leave less room for: Empowerment and Own voice."
    assert fb.try_also.line == f"Also try: “{STATEMENT}”"
    assert fb.try_also.why == "It leaves more room for Empowerment, Own voice and Meaning."


def test_option_and_choice_are_accepted_like_a_step(spec_example, principles):
    s = Session(spec_example)
    opt = s.options()[1]
    preview = feedback_for(s, opt, "da", principles)          # before choosing: a preview
    step = s.choose(2)
    assert feedback_for(s, opt, "da", principles) == feedback_for(s, step, "da", principles)
    assert feedback_for(s, opt.choice, "da", principles) == preview


def test_gap_of_one_is_not_clearly_better_and_ties_go_to_the_first_shown(principles, tmp_path):
    sc = load(TIES, principles, tmp_path)
    s = Session(sc)
    # a: A3 (q -1); A1 and A2 both q 2 (gap 3): the first shown wins
    fb = feedback_for(s, s.choose(3), "da", principles)
    assert fb.try_also.text == "A1" and fb.try_also.number == 1
    s.choose(1)   # b
    s.choose(1)   # c
    # d: D1 q 1 vs D2 q 3: gap 2 -> suggested
    assert feedback_for(s, s.choose(1), "da", principles).try_also.text == "D2"
    # e: E1 q -1 vs E2 q 0: gap 1 -> not "clearly" better
    assert feedback_for(s, s.choose(1), "da", principles).try_also is None


def test_safety_choice_gets_no_try_also(principles, tmp_path):
    sc = load(TIES, principles, tmp_path)
    s, steps = play(sc, [1, 1, 1, 1, 1, 1])
    fb = feedback_for(s, steps[-1], "da", principles)        # S1 (safety, q 1) vs S2 (q 4)
    assert fb.safety and fb.try_also is None
    assert "altid i orden" in fb.safety_text
    assert fb.lines()[:2] == ["fs1", fb.safety_text]


def test_author_try_also_is_not_repeated(principles, tmp_path):
    sc = load((ROOT / "scenarios" / "rehab-first-meeting.yaml").read_text(encoding="utf-8"),
              principles, tmp_path)
    s = Session(sc)
    fb = feedback_for(s, s.choose(1), "da", principles)     # the author already wrote "Prøv også"
    assert "Prøv også:" in fb.feedback
    assert fb.try_also.line.startswith("Du kunne også sige: »")


def test_feedback_never_shows_numbers(spec_example, principles):
    s = Session(spec_example)
    for n in (3, 2):
        fb = feedback_for(s, s.choose(n), "da", principles)
        assert not any(ch.isdigit() for line in fb.lines()[1:] for ch in line)


def test_unknown_choice_is_refused(spec_example, principles):
    s = Session(spec_example)
    other = spec_example.nodes["plans"].choices[0]
    with pytest.raises(ValueError):
        feedback_for(s, other, "da", principles)
