"""Positions inside texts and expressions that span several lines.

An author who writes a long feedback as a block scalar (``|`` or ``>``), or lets a
quoted text wrap, must still be sent to the exact line and column of the misspelt
name, not to the start of the text.
"""

from __future__ import annotations

import textwrap

import pytest

from game.engine.compiler import compile_text
from game.engine.positions import Spans


def _codes(text: str, principles) -> list[tuple[int, int, str]]:
    _, diags = compile_text(textwrap.dedent(text), "s.yaml", principles)
    return [(d.line, d.column, d.code) for d in diags if d.code < "MT5"]


HEAD = """\
format: 1
id: demo
lang: da
title: Demo
family: authority
role: citizen
characters:
  mette: {name: Mette}
variables:
  count: 0
start: opening
nodes:
  opening:
    say:
      - mette: "Velkommen."
    choices:
      - text: "Hej"
        score: {hope: 1}
        next: done
"""
#  1 format … 10 count: 0, 11 start, 12 nodes, 13 opening, 14 say, 15 mette, 16 choices,
# 17 - text, 18 score, 19 next: done, then what each test adds from line 20.
TAIL = """\
  done:
    end: {title: "Slut"}
"""


def _with(extra: str) -> str:
    """``extra`` becomes part of the first choice, starting at line 20."""
    return HEAD + extra + TAIL


@pytest.mark.parametrize("style", ["|", ">", "|-", ">-"])
def test_placeholder_in_a_block_feedback(principles, style):
    text = _with(f"        feedback: {style}\n"
                 "          Du spurgte selv.\n"
                 "          Det gav {cuont} point.\n")
    assert _codes(text, principles) == [(22, 19, "MT307")]


def test_placeholder_in_a_wrapped_quoted_text(principles):
    text = _with('        feedback: "Du spurgte selv,\n'
                 '          og det gav {cuont} point."\n')
    assert _codes(text, principles) == [(21, 22, "MT307")]


def test_placeholder_in_a_wrapped_plain_text(principles):
    text = _with("        feedback: Du spurgte selv,\n"
                 "          og det gav {cuont} point.\n")
    assert _codes(text, principles) == [(21, 22, "MT307")]


def test_unknown_variable_on_the_third_line_of_a_block_condition(principles):
    text = _with("        if: >-\n"
                 "          count > 0\n"
                 "          and\n"
                 "          cuont < 3\n")
    assert _codes(text, principles) == [(23, 11, "MT304")]


def test_syntax_error_in_a_folded_block_expression(principles):
    text = _with("        if: >\n"
                 "          count >\n"
                 "          > 2\n")
    assert _codes(text, principles) == [(22, 11, "MT401")]


def test_line_break_in_a_literal_block_expression_points_at_the_break(principles):
    # '|' keeps the line break, which an expression may not hold: the end of line 21
    text = _with("        if: |\n"
                 "          count >\n"
                 "          2\n")
    assert _codes(text, principles) == [(21, 18, "MT401")]


def test_one_line_texts_keep_their_columns(principles):
    text = _with('        feedback: "Det gav {cuont} point."\n')
    assert _codes(text, principles) == [(20, 28, "MT307")]


def test_spans_without_source_fall_back_to_offsets():
    assert Spans().at((4, 7), 5) == (4, 12)
