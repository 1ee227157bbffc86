"""The spec example scored by hand (format v1, "Scores")."""

from __future__ import annotations

import json

import pytest

from game.cli import main
from game.engine.saves import transcript

from .conftest import DATA


def _run(spec_example, numbers):
    session, _ = transcript(spec_example, numbers)
    return session, session.scores()


def test_best_path_scores_by_hand(spec_example):
    session, s = _run(spec_example, [1, 1])
    assert session.path == ["opening", "statement", "plans", "good_end"]
    # own_voice: node 1 max 2 min -1, node 2 max 0 min -1; chosen 2 + 0 -> (2+2)/(2+2)
    assert s.principles["own_voice"].value == 100.0
    assert (s.principles["own_voice"].low, s.principles["own_voice"].high) == (-2, 2)
    # empowerment: U = 2 + 1, L = -1 + 0, X = 2 + 1
    assert s.principles["empowerment"].value == 100.0
    # meaning: span 1 < 2 -> not in play
    assert s.principles["meaning"].value is None
    # transparency: span 2 but only one decision point differs on it -> not in play
    assert s.principles["transparency"].value is None
    assert s.principles["transparency"].informative == 1
    # shared_decision: span 3 but only one informative node -> not in play
    assert s.principles["shared_decision"].value is None
    # index: q = 5/3/-2 then 3/-2 -> (8 - -4) / (8 - -4)
    assert (s.index_chosen, s.index_low, s.index_high) == (8, -4, 8)
    assert s.index == 100.0


def test_passive_path_scores_zero(spec_example):
    session, s = _run(spec_example, [3, 2])
    assert session.path == ["opening", "file_first", "plans", "open_end"]
    assert s.principles["own_voice"].value == 0.0
    assert s.principles["empowerment"].value == 0.0
    assert s.index == 0.0


def test_earlier_choice_hides_later_option_and_is_not_punished_twice(spec_example):
    session, s = _run(spec_example, [2])
    # asked_who_decides is now true and Mette's mood is 0: the options choice is hidden
    assert [o.text for o in session.options()] == ["Okay."]
    session.choose(1)
    s = session.scores()
    assert session.node.id == "open_end"
    # node 2 offered a single choice: it adds nothing to the spread of any principle
    assert s.principles["own_voice"].value is None     # only node 1 informative
    assert (s.index_chosen, s.index_low, s.index_high) == (1, -4, 3)
    assert s.index == pytest.approx(100 * 5 / 7)


def test_mixed_path(spec_example):
    session, s = _run(spec_example, [1, 2])
    # own_voice: X = 2 + -1 = 1, L = -2, U = 2 -> 75
    assert s.principles["own_voice"].value == 75.0
    # empowerment: X = 2 + 0, L = -1, U = 3 -> 75
    assert s.principles["empowerment"].value == 75.0
    # index: chosen 5 + -2 = 3; L = -4, U = 8 -> 7/12
    assert s.index == pytest.approx(100 * 7 / 12)


def test_run_json_contract(capsys):
    assert main(["run", str(DATA / "spec_example.yaml"), "--choose", "1,1", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["scenario"] == "rehab-first-meeting"
    assert out["ending"] == "good_end"
    assert out["path"] == ["opening", "statement", "plans", "good_end"]
    assert list(out["scores"]) == ["connectedness", "hope", "identity", "meaning", "empowerment",
                                   "own_voice", "shared_decision", "strengths", "transparency"]
    assert out["scores"]["own_voice"] == 100 and out["scores"]["meaning"] is None
    assert out["index"] == 100


def test_run_json_choices_ran_out(capsys):
    assert main(["run", str(DATA / "spec_example.yaml"), "--choose", "1", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["ending"] is None
    assert out["path"] == ["opening", "statement", "plans"]


def test_run_invisible_choice_is_an_error_naming_node_and_numbers(capsys):
    assert main(["run", str(DATA / "spec_example.yaml"), "--choose", "2,2"]) == 1
    err = capsys.readouterr().err
    assert "'plans'" in err and "visible choices are 1" in err
    assert "Traceback" not in err


def test_run_prints_transcript(capsys):
    assert main(["run", str(DATA / "spec_example.yaml"), "--choose", "3,2"]) == 0
    out = capsys.readouterr().out
    assert "Jonas: Så starter vi med lægeattesten." in out
    assert "== Mødet sluttede uden din plan ==" in out
