"""The session pull API: options, choose, practice mode, saves of edited scenarios."""

from __future__ import annotations

import json

import pytest

from game.engine.compiler import compile_text, load_scenario
from game.engine.saves import SaveError, from_dict, to_dict
from game.engine.session import Session, SessionError

from .conftest import DATA


def test_options_are_numbered_among_visible_in_file_order(spec_example):
    s = Session(spec_example)
    assert [o.number for o in s.options()] == [1, 2, 3]
    s.choose(2)
    assert [(o.number, o.text) for o in s.options()] == [(1, "Okay.")]


def test_lines_since_last_choice_follow_next_nodes(spec_example):
    s = Session(spec_example)
    s.choose(3)
    assert [ln.node for ln in s.lines] == ["file_first", "plans"]
    assert s.lines[0].name == "Jonas" and s.lines[0].title == "Læge"


def test_choose_rejects_numbers_not_shown(spec_example):
    s = Session(spec_example)
    for bad in (0, 4, -1, "1", 1.0, None):
        with pytest.raises(SessionError):
            s.choose(bad)
    s.choose(1)
    s.choose(1)
    with pytest.raises(SessionError, match="ended"):
        s.choose(1)


def test_mood_is_clamped_and_set_uses_values_before_the_choice(principles):
    text = (DATA / "spec_example.yaml").read_text(encoding="utf-8")
    text = text.replace("asked_who_decides: false", "asked_who_decides: false\n  a: 1\n  b: 2")
    text = text.replace("set: {asked_who_decides: true}",
                        "set: {asked_who_decides: true, a: b, b: a}\n        mood: {mette: 9, jonas: -9}")
    scenario, diags = compile_text(text, "swap.yaml", principles)
    assert not [d for d in diags if d.is_error], diags
    s = Session(scenario)
    s.choose(2)
    assert s.variables == {"asked_who_decides": True, "a": 2, "b": 1}
    assert s.moods == {"mette": 3, "jonas": -3}


def test_difficulty_and_statement_are_visible_to_expressions(spec_example):
    s = Session(spec_example, difficulty=3, statement={"intro": "  Jeg hedder Sam. "})
    assert s.env["difficulty"] == 3 and s.env["statement_written"] is True
    assert Session(spec_example, statement={"intro": "   "}).env["statement_written"] is False
    with pytest.raises(SessionError):
        Session(spec_example, difficulty=4)


def test_practice_mode_scores_only_first_attempts(spec_example):
    s = Session(spec_example, practice=True)
    s.choose(3)                          # silence: own_voice -1
    s.undo()
    assert s.node.id == "opening" and s.path == ["opening"]
    s.choose(1)                          # statement: own_voice +2 — not scored, second attempt
    s.choose(1)
    assert s.ended and s.node.id == "good_end"
    sc = s.scores()
    assert sc.principles["own_voice"].chosen == -1 + 0
    assert [st.node for st in s.scored_steps()] == ["opening", "plans"]
    data = json.loads(json.dumps(to_dict(s)))
    again = from_dict(spec_example, data)
    assert again.scores() == sc and again.path == s.path and again.notice is None


def test_undo_needs_practice_mode(spec_example):
    s = Session(spec_example)
    s.choose(1)
    with pytest.raises(SessionError):
        s.undo()


def test_save_of_edited_scenario_resumes_at_last_existing_point(principles, spec_example):
    s = Session(spec_example)
    s.choose(1)
    s.choose(2)
    data = to_dict(s)
    text = (DATA / "spec_example.yaml").read_text(encoding="utf-8").replace(
        '- text: "Okay."', '- text: "Okay, det lyder fint."')
    edited, _ = compile_text(text, "spec.yaml", principles)
    again = from_dict(edited, data)
    assert again.node.id == "plans" and len(again.history) == 1
    assert again.notice is not None and again.notice.kept == 1 and again.notice.total == 2
    assert "efter 1 af 2 valg" in again.notice.message("da")
    assert "after 1 of 2 choices" in again.notice.message("en")


def test_save_of_edited_scenario_with_unchanged_choices_resumes_fully(principles, spec_example):
    s = Session(spec_example)
    s.choose(2)
    data = to_dict(s)
    text = (DATA / "spec_example.yaml").read_text(encoding="utf-8").replace(
        "Velkommen. Vi har læst din sag.", "Velkommen til mødet.")
    edited, _ = compile_text(text, "spec.yaml", principles)
    again = from_dict(edited, data)
    assert again.notice is None and again.node.id == "plans" and again.variables == s.variables


@pytest.mark.parametrize("damage", [
    lambda d: d.update(choices="nonsense"),
    lambda d: d.update(choices=[{"node": "opening", "choice": 99}]),
    lambda d: d.update(choices=[None, 3, "x"]),
    lambda d: d.update(difficulty="hard", seed="x", statement=[1]),
    lambda d: d.pop("choices"),
])
def test_damaged_saves_never_crash(spec_example, damage):
    s = Session(spec_example)
    s.choose(1)
    data = to_dict(s)
    damage(data)
    again = from_dict(spec_example, data)
    assert again.node.id in spec_example.nodes


def test_save_for_another_scenario_is_refused(spec_example):
    with pytest.raises(SaveError):
        from_dict(spec_example, {"scenario": "other"})
    with pytest.raises(SaveError):
        from_dict(spec_example, [1, 2])


def test_save_is_plain_json_with_id_hash_and_format(spec_example):
    s = Session(spec_example, seed=5)
    s.choose(1)
    d = to_dict(s)
    assert json.loads(json.dumps(d)) == d
    assert d["scenario"] == "rehab-first-meeting" and d["format"] == 1
    assert len(d["content_hash"]) == 64 and d["seed"] == 5


def test_practice_same_choice_again_is_saved_once_undone_once_kept(spec_example):
    s = Session(spec_example, practice=True)
    s.choose(1)
    s.undo()
    s.choose(1)
    d = to_dict(s)
    assert [e.get("undone", False) for e in d["choices"]] == [True, False]
    again = from_dict(spec_example, json.loads(json.dumps(d)))
    assert len(again.attempts) == 2 and len(again.history) == 1 and again.undone_attempts == {0}
