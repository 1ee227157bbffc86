"""A reader that goes away (``meeting-trainer run … | head``) ends the command quietly."""

from __future__ import annotations

import sys

from game.cli import main

from .conftest import ROOT


class _ClosedPipe:
    """stdout whose reader has gone: every write fails as on a closed pipe."""

    encoding = "utf-8"

    def __init__(self, after: int):
        self.left = after

    def write(self, text: str) -> int:
        if self.left <= 0:
            raise BrokenPipeError(32, "Broken pipe")
        self.left -= 1
        return len(text)

    def flush(self) -> None:
        pass


def test_closed_pipe_ends_quietly(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdout", _ClosedPipe(after=2))
    code = main(["run", str(ROOT / "scenarios" / "doctor-vs-wish.yaml"), "--choose", "1,2"])
    assert code == 141
    assert "Traceback" not in capsys.readouterr().err
