"""The debrief: selection rules (strengths, growth focus, key moments, ties), profile
words, numbers per audience, practice mode, a session stopped early, moods.

Hand-worked q values for the spec example are in test_coach_feedback.py; for
TIES in coach_scenarios.py.
"""

from __future__ import annotations

import json

import pytest

from game.coach.debrief import build_debrief
from game.coach.feedback import feedback_for
from game.engine.saves import from_dict, to_dict
from game.engine.session import Session

from .coach_scenarios import TIES, load, play

STATEMENT = "Må jeg starte med at læse mit personlige statement op?"
OPTIONS = "Hvilke muligheder er der — også at vente lidt?"


def _debrief(scenario, numbers, principles, **kw):
    s, _ = play(scenario, numbers)
    return s, build_debrief(s, principles, **kw)


# -- the spec example ----------------------------------------------------------
def test_best_path_two_strengths_no_growth(spec_example, principles):
    _, d = _debrief(spec_example, [1, 1], principles)
    assert [s.moment.node for s in d.strengths] == ["opening", "plans"]
    assert d.strengths[0].moment.chosen == STATEMENT
    assert d.strengths[0].moment.said_by == "Mette"
    assert d.strengths[0].moment.said == "Velkommen. Vi har læst din sag."
    assert d.strengths[0].text == f"Du valgte: »{STATEMENT}«"
    assert d.strengths[1].principles == ["shared_decision", "empowerment"]
    assert d.growth is None and d.growth_none.startswith("Ved hvert valg")
    assert d.key_moments == []
    assert d.ending.reached and d.ending.title == "Dine ønsker står i planen"
    assert d.ending.sentence == "Mødet sluttede: Dine ønsker står i planen"


def test_earlier_choice_hides_later_option_path_2_1(spec_example, principles):
    """Asking who decides (q 3) hides the options line; 'Okay.' is then the only one.
    The forced 'Okay.' is neither a strength nor a growth focus: nothing else was shown."""
    _, d = _debrief(spec_example, [2, 1], principles, audience="staff")
    assert [s.moment.node for s in d.strengths] == ["opening"]
    assert d.growth.moment.node == "opening"            # the only moment with a better line
    assert d.growth.alternative == STATEMENT and d.growth.alternative_number == 1
    assert d.growth.alternative_text == f"En anden mulighed kunne være: »{STATEMENT}«"
    assert d.growth.why == "Det giver mere plads til Selvbestemmelse, Egne ord og Mening."
    assert d.key_moments == []                   # the only gap is already the growth focus
    rows = {r.id: r for r in d.profile}
    # own_voice: only 'opening' differs on it -> not in play; index (3-2 - -4)/(3 - -4)... by hand:
    # q chosen 3 + -2 = 1, low -2 + -2 = -4, high 5 + -2 = 3 -> 100 * 5 / 7
    assert rows["own_voice"].value is None and rows["own_voice"].word == "ikke i spil"
    assert rows["own_voice"].level == 0
    assert d.index == pytest.approx(100 * 5 / 7)
    assert d.index_word == "godt på vej"


def test_passive_path_fallback_strength_and_largest_gap(spec_example, principles):
    _, d = _debrief(spec_example, [3, 2], principles)
    assert d.strengths == [] and d.strengths_fallback.startswith("Du gennemførte")
    # gaps: opening 5 - -2 = 7, plans 3 - -2 = 5 -> the opening
    assert d.growth.moment.node == "opening" and d.growth.alternative == STATEMENT
    # key moments leave out what is already shown above
    assert [(k.moment.node, k.gap) for k in d.key_moments] == [("plans", 5)]
    assert d.key_moments[0].best == OPTIONS
    assert d.key_moments[0].text == "Du valgte: »Okay.«"
    assert d.key_moments[0].best_text == f"Mest plads gav: »{OPTIONS}«"


def test_mixed_path_profile_words(spec_example, principles):
    _, d = _debrief(spec_example, [1, 2], principles, audience="facilitator")
    rows = {r.id: r for r in d.profile}
    assert rows["own_voice"].value == 75.0 and rows["own_voice"].word == "stærkt"
    assert rows["empowerment"].value == 75.0 and rows["empowerment"].level == 3
    assert (rows["own_voice"].chosen, rows["own_voice"].low, rows["own_voice"].high) == (1, -2, 2)
    assert [s.moment.node for s in d.strengths] == ["opening"]
    assert d.growth.moment.node == "plans" and d.growth.alternative == OPTIONS
    assert d.group_question.startswith("Til gruppen")


@pytest.mark.parametrize("value, word", [(75.0, "stærkt"), (74.9, "godt på vej"),
                                         (50.0, "godt på vej"), (49.9, "et sted at øve"),
                                         (None, "ikke i spil")])
def test_band_words(value, word):
    from game.coach.words import t
    from game.engine.scoring import label
    assert t("band." + label(value), "da") == word


# -- ties and the order of the rules ------------------------------------------------
def test_strength_ties_go_to_the_earliest_and_the_second_differs_in_principle(
        principles, tmp_path):
    sc = load(TIES, principles, tmp_path)
    # candidates: A1, B1, C1 (q 2, gap 0), D1 (q 1, gap 2), S1 (q 1, gap 3)
    # ranked A1, B1, C1, D1, S1; A1 and B1 are both mainly own_voice -> A1 and C1
    _, d = _debrief(sc, [1, 1, 1, 1, 2, 1], principles)
    assert [s.moment.chosen for s in d.strengths] == ["A1", "C1"]
    assert [s.moment.order for s in d.strengths] == [1, 3]


def test_strengths_shown_in_meeting_order(principles, tmp_path):
    sc = load(TIES, principles, tmp_path)
    # S2 (q 4, main 'meaning': 2/2 tie with own_voice, principle order) ranks first,
    # then A2 (q 2, hope) -> shown as A2, S2
    _, d = _debrief(sc, [2, 2, 2, 1, 1, 2], principles)
    assert [s.moment.chosen for s in d.strengths] == ["A2", "S2"]
    assert d.growth.moment.chosen == "C2"         # the largest gap (4)


def test_second_strength_falls_back_to_the_next_when_all_share_a_principle(
        principles, tmp_path):
    from game.coach.debrief import pick_strengths
    from game.coach.timeline import replay
    sc = load(TIES, principles, tmp_path)
    s, _ = play(sc, [1, 1, 1, 1, 2, 1])
    moments = [m for m in replay(s).counted if m.node in ("a", "b", "d")]
    # A1, B1, D1: all mainly own_voice -> simply the next two after A1 in rank order
    assert [m.text for m in pick_strengths(moments, tuple(principles))] == ["A1", "B1"]


def test_growth_ties_go_to_the_earliest(principles, tmp_path):
    sc = load(TIES, principles, tmp_path)
    # A3 (gap 3), B2 (gap 3): equal gaps -> the earlier; C1, D2, E2, S2 best
    _, d = _debrief(sc, [3, 2, 1, 2, 2, 2], principles)
    assert d.growth.moment.chosen == "A3"
    assert d.growth.alternative == "A1"          # A1 and A2 tie at q 2: the first shown
    assert [(k.moment.chosen, k.gap) for k in d.key_moments] == [("B2", 3)]


def test_growth_prefers_a_moment_not_already_a_strength(principles, tmp_path):
    from game.coach.debrief import pick_growth
    from game.coach.timeline import replay
    sc = load(TIES, principles, tmp_path)
    s, _ = play(sc, [1, 1, 1, 1, 1, 1])
    counted = replay(s).counted
    d1 = next(m for m in counted if m.text == "D1")
    ids = tuple(principles)
    # D1 (gap 2) and E1 (gap 1) qualify; S1 is a safety choice and never does
    assert pick_growth(counted, ids, [])[0].text == "D1"
    assert pick_growth(counted, ids, [d1])[0].text == "E1"
    d = build_debrief(s, principles)
    assert d.growth.moment.chosen == "D1" and d.growth.alternative == "D2"
    assert [(k.moment.chosen, k.gap) for k in d.key_moments] == [("E1", 1)]


def test_key_moments_largest_gaps_shown_in_meeting_order(principles, tmp_path):
    from game.coach.debrief import pick_key_moments
    from game.coach.timeline import replay
    sc = load(TIES, principles, tmp_path)
    # gaps: A3 3, B2 3, C2 4, D1 2, E1 1; S1 is a safety choice
    s, _ = play(sc, [3, 2, 2, 1, 1, 1])
    counted = replay(s).counted
    picked = pick_key_moments(counted, tuple(principles))
    assert [(m.text, gap) for m, _, gap in picked] == [("A3", 3), ("B2", 3), ("C2", 4)]
    d = build_debrief(s, principles)
    assert d.growth.moment.chosen == "C2"
    assert [s.moment.chosen for s in d.strengths] == ["D1", "S1"]
    # without C2 (growth) and D1 (strength): A3 3, B2 3, E1 1 — in meeting order
    assert [(k.moment.chosen, k.gap) for k in d.key_moments] == [("A3", 3), ("B2", 3),
                                                                ("E1", 1)]


def test_safety_choice_is_never_growth_or_key_moment(principles, tmp_path):
    sc = load(TIES, principles, tmp_path)
    _, d = _debrief(sc, [1, 1, 1, 2, 2, 1], principles)     # everything best except S1 (safety)
    assert d.growth is None
    assert d.key_moments == []
    assert d.feedback[-1].safety and d.feedback[-1].try_also is None


# -- numbers per audience ------------------------------------------------------------
def test_numbers_hidden_for_citizen_and_shown_for_others(spec_example, principles):
    s, _ = play(spec_example, [1, 2])
    citizen = build_debrief(s, principles, "da", "citizen").to_dict()
    assert citizen["show_numbers"] is False and citizen["index"] is None
    assert all("value" not in r for r in citizen["profile"])
    assert all("gap" not in k for k in citizen["key_moments"])
    assert all("start" not in m for m in citizen["moods"])
    for audience in ("staff", "peer", "facilitator"):
        d = build_debrief(s, principles, "da", audience).to_dict()
        assert d["show_numbers"] is True
        assert {r["id"]: r["value"] for r in d["profile"]}["own_voice"] == 75.0
    asked = build_debrief(s, principles, "da", "citizen", show_numbers=True).to_dict()
    assert asked["index"] == pytest.approx(100 * 7 / 12)
    with pytest.raises(ValueError):
        build_debrief(s, principles, "da", "boss")


def test_debrief_is_plain_json(spec_example, principles):
    s, _ = play(spec_example, [2, 1])
    for lang in ("da", "en"):
        d = build_debrief(s, principles, lang, "staff").to_dict()
        assert json.loads(json.dumps(d, ensure_ascii=False)) == d
    en = build_debrief(s, principles, "en", "citizen")
    assert en.checkin.question == "How are you feeling now?"
    assert en.strengths[0].text.startswith("You chose: “")


def test_checkin_reflection_and_replay(spec_example, principles):
    _, d = _debrief(spec_example, [1, 1], principles)
    assert d.checkin.question == "Hvordan har du det nu?"
    assert d.checkin.grounding_option == "Jeg vil gerne lande lidt først"
    assert "fødderne" in d.checkin.grounding
    assert d.reflection == "Hvad vil du gerne have med fra i dag til dit næste rigtige møde?"
    assert "magten" in d.role_note                           # citizen role: power imbalance
    assert "øvetilstand" in d.replay and d.practice_note is None
    assert d.group_question is None


def test_role_specific_reflection_for_staff(principles, tmp_path):
    sc = load(TIES, principles, tmp_path)                     # role: staff
    _, d = _debrief(sc, [1, 1, 1, 1, 1, 1], principles)
    assert d.reflection.startswith("Hvornår i mødet fik borgerens egne ord")
    assert "lovkrav" in d.role_note
    assert d.skills is not None


# -- feedback deferred to the debrief ---------------------------------------------------
def test_debrief_carries_every_per_choice_feedback(spec_example, principles):
    s = Session(spec_example)
    during = [feedback_for(s, s.choose(n), "da", principles).lines() for n in (2, 1)]
    d = build_debrief(s, principles, "da")
    assert [f.lines() for f in d.feedback] == during
    assert [f.node for f in d.feedback] == ["opening", "plans"]


# -- practice mode -------------------------------------------------------------------
def test_practice_mode_first_attempt_counts(spec_example, principles):
    s = Session(spec_example, practice=True)
    s.choose(3)            # first attempt at 'opening': silence (q -2) — this one counts
    s.undo()
    s.choose(1)            # second attempt: the statement — shown, not counted
    s.choose(1)            # 'plans': options (q 3)
    d = build_debrief(s, principles, "da", "staff")
    assert d.practice_note.startswith("Du brugte øvetilstand: Kun dit første forsøg ved hvert "
                                      "valg tæller med")
    assert "1 skridt tilbage" in d.practice_note
    assert [(f.chosen[:8], f.counted, f.undone) for f in d.feedback] == [
        ("(Sig ing", True, True), ("Må jeg s", False, False), ("Hvilke m", True, False)]
    rows = {r.id: r for r in d.profile}
    # own_voice: X = -1 + 0, L = -1 + -1, U = 2 + 0 -> 100 * 1 / 4
    assert rows["own_voice"].value == 25.0
    # index: q 1 (-2 + 3); L -4; U 8 -> 100 * 5 / 12
    assert d.index == pytest.approx(100 * 5 / 12)
    # the growth focus is the counted silence, not the statement tried afterwards
    assert d.growth.moment.chosen == "(Sig ingenting)"
    assert d.growth.alternative == STATEMENT
    # the same after saving and loading
    again = from_dict(spec_example, json.loads(json.dumps(to_dict(s))))
    d2 = build_debrief(again, principles, "da", "staff")
    assert d2.to_dict() == d.to_dict()


def test_practice_mode_without_stepping_back_still_says_so(spec_example, principles):
    s = Session(spec_example, practice=True)
    s.choose(1)
    d = build_debrief(s, principles, "en")
    assert d.practice_note == ("You used practice mode: only your first attempt at each choice "
                               "counts in the profile.")


def test_practice_mode_stepping_back_at_the_end(spec_example, principles):
    s = Session(spec_example, practice=True)
    s.choose(1)
    s.choose(2)
    s.undo()               # stops here, back at 'plans'
    d = build_debrief(s, principles, "da")
    assert not d.ending.reached and d.ending.node == "plans"
    assert [f.counted for f in d.feedback] == [True, True]
    assert d.growth.moment.node == "plans"          # the counted "Okay." (q -2 vs 3)


# -- stopped early -------------------------------------------------------------------------
def test_stopped_early(spec_example, principles):
    s, _ = play(spec_example, [1])
    d = build_debrief(s, principles, "da")
    assert d.ending.reached is False and d.ending.title is None
    assert "Du stoppede, før mødet var slut" in d.ending.sentence and "1 valg" in d.ending.sentence
    assert all(r.value is None for r in d.profile)        # one decision: nothing in play
    s0 = Session(spec_example)
    d0 = build_debrief(s0, principles, "da")
    assert d0.strengths == [] and d0.growth is None and d0.feedback == []


# -- moods ----------------------------------------------------------------------------
def test_moods_move_over_the_path(spec_example, principles):
    _, d = _debrief(spec_example, [1, 1], principles)
    moods = {m.id: m for m in d.moods}
    assert moods["mette"].history == [0, 1, 1] and moods["mette"].direction == "warmer"
    assert moods["mette"].text == "Mette (Sagsbehandler): fra neutral til åben"
    assert moods["mette"].sentence == "Mette blev mere åben undervejs (fra neutral til åben)."
    assert moods["jonas"].direction == "same" and moods["jonas"].start_expression == "guarded"
    assert moods["jonas"].sentence == "Jonas var lidt på vagt hele vejen."
