"""``meeting-trainer progress``: the pooled profile across stored meetings, and deleting it all."""

from __future__ import annotations

import json
import os
from pathlib import Path

from game.cli import main
from game.coach.progress import list_sessions, pooled_profile
from game.commands import progress as progress_cmd

from .test_terminal import _run


def _two_meetings():
    assert _run(["", "1", "1"])[0] == 0        # own start, then the own plan
    assert _run(["", "3", "2"])[0] == 0        # silent, then another way
    assert len(list_sessions().sessions) == 2


def test_empty_history_says_so_kindly(capsys):
    assert main(["progress"]) == 0
    out = capsys.readouterr().out
    assert "Du har endnu ingen gemte møder" in out and "--delete-all" in out


def test_profile_pools_points_across_meetings(capsys, principles):
    _two_meetings()
    capsys.readouterr()
    assert main(["progress", "--numbers"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Din udvikling – 2 møder\n")
    pooled = pooled_profile(principles=principles, lang="da")
    for row in pooled.rows:
        line = next(ln for ln in out.splitlines() if ln.startswith(f"- {row.name}:"))
        assert row.word in line
        if row.value is not None:
            assert f"({row.value:.0f} af 100)" in line and row.evidence in line
    # words only unless numbers are asked for
    main(["progress"])
    assert "af 100" not in capsys.readouterr().out


def test_json_and_english(capsys):
    _two_meetings()
    capsys.readouterr()
    assert main(["progress", "--json", "--lang", "en"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["sessions"] == 2 and len(data["rows"]) == 9
    assert main(["progress", "--lang", "en"]) == 0
    assert "Your progress – 2 meetings" in capsys.readouterr().out


def test_delete_all_asks_first_and_keeps_on_no(capsys):
    _two_meetings()
    capsys.readouterr()
    args = type("A", (), dict(lang="da", numbers=False, json=False, delete_all=True, yes=False))
    assert progress_cmd.run(args, inp=lambda prompt: "nej") == 0
    assert "Intet er slettet" in capsys.readouterr().out
    assert len(list_sessions().sessions) == 2
    assert progress_cmd.run(args, inp=lambda prompt: "ja") == 0
    assert "Alt er slettet" in capsys.readouterr().out
    home = Path(os.environ["MEETING_TRAINER_HOME"])
    assert not (home / "data").exists() and not (home / "config").exists()
    assert list_sessions().sessions == []


def test_delete_all_with_yes_and_bad_usage(capsys):
    _two_meetings()
    assert main(["progress", "--delete-all", "--yes"]) == 0
    assert list_sessions().sessions == []
    assert main(["progress", "--yes"]) == 2


def test_the_terminal_points_to_progress_after_a_meeting():
    code, text = _run(["", "1", "1"])
    assert code == 0 and text.rstrip().endswith("meeting-trainer progress")
