"""Where a character of a scalar's value sits in the source file.

A one-line scalar is easy: the value starts one column after an opening quote and
runs on. A scalar that spans lines (a block scalar after ``|`` or ``>``, or a plain
or quoted text that wraps) is folded or indented by YAML, so an offset into the
value must be mapped back line by line. :class:`Spans` keeps, for every multi-line
scalar of a file, the value offset where each source line's content begins, and
:meth:`Spans.at` turns (start of the text, offset) into the (line, column) an author
sees in the editor.
"""

from __future__ import annotations

import yaml

from .yamlsrc import position

Segment = tuple[int, int, int]  # (offset in the value, 1-based line, 1-based column)


def text_start(node: yaml.Node) -> tuple[int, int]:
    """Position of the first character of a scalar's content.

    Quoted scalars start one column after the quote; plain scalars at their first
    character; block scalars (``|``, ``>``) on the first content line, or at the
    marker when the block is empty.
    """
    line, col = position(node)
    style = getattr(node, "style", None)
    if style in ('"', "'"):
        return line, col + 1
    return line, col


def _segments(lines: list[str], node: yaml.ScalarNode, value: str) -> tuple[Segment, ...]:
    """Where each source line's content appears in ``value`` (skipping what cannot be found)."""
    first, last = node.start_mark.line, node.end_mark.line
    style = node.style or ""
    pieces: list[tuple[int, int, str]] = []  # (0-based line, 0-based column, content)
    if style in ("|", ">"):
        for ln in range(first + 1, min(last + 1, len(lines))):
            src = lines[ln]
            content = src.lstrip(" ")
            if content.strip():
                pieces.append((ln, len(src) - len(content), content.rstrip()))
    else:
        quote = 1 if style in ('"', "'") else 0
        for ln in range(first, min(last + 1, len(lines))):
            src = lines[ln]
            start = node.start_mark.column + quote if ln == first else len(src) - len(src.lstrip(" \t"))
            end = node.end_mark.column - quote if ln == last else len(src)
            content = src[start:end].rstrip()
            if content:
                pieces.append((ln, start, content))
    out: list[Segment] = []
    p = 0
    for ln, col, content in pieces:
        q = value.find(content, p)
        if q < 0:  # an escape sequence or a folded blank line changed it: skip this line
            continue
        out.append((q, ln + 1, col + 1))
        p = q + len(content)
    return tuple(out)


class Spans:
    """Offset → position maps for the multi-line scalars of one file."""

    __slots__ = ("lines", "by_start")

    def __init__(self, text: str | None = None):
        self.lines = text.splitlines() if text else []
        self.by_start: dict[tuple[int, int], tuple[Segment, ...]] = {}

    def start(self, node: yaml.Node) -> tuple[int, int]:
        """Like :func:`text_start`, and remember how a multi-line scalar's lines map."""
        if (not isinstance(node, yaml.ScalarNode) or node.start_mark.line == node.end_mark.line
                or not self.lines):
            return text_start(node)
        segments = _segments(self.lines, node, node.value)
        if not segments:
            return text_start(node)
        at = segments[0][1:] if segments[0][0] == 0 else text_start(node)
        self.by_start[at] = segments
        return at

    def at(self, start: tuple[int, int], offset: int) -> tuple[int, int]:
        """The position of character ``offset`` of the value whose content starts at ``start``."""
        segments = self.by_start.get(start)
        if not segments:
            return start[0], start[1] + offset
        best = segments[0]
        for seg in segments:
            if seg[0] <= offset:
                best = seg
            else:
                break
        if offset < best[0]:
            return start
        return best[1], best[2] + offset - best[0]
