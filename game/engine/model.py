"""The scenario model: plain objects made by the loader, read by sessions.

Every object keeps where it came from: ``pos`` is the (line, column) of the
object itself and ``where`` maps a field name to the (line, column) of its
value, so checks and front-ends can point authors at the exact spot.
The file path lives once, on :class:`Scenario`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from operator import attrgetter
from typing import Any

from .expr import Expr
from .text import Template

Pos = tuple[int, int]


def _fast_pickle(cls):
    """Pickle a slots dataclass as a call of its own ``__init__`` with every field in order.

    Unpickling then runs the generated ``__init__`` (plain assignments) instead of a
    Python ``__setstate__`` per object: about a fifth faster for the compiled cache.
    Only for classes whose fields are all ``__init__`` parameters, in slot order.
    """
    names = cls.__slots__
    params = [f.name for f in fields(cls) if f.init]
    if list(names) != params:   # pragma: no cover - a guard for future model changes
        raise TypeError(f"{cls.__name__}: _fast_pickle needs every field as an __init__ parameter")
    getter = attrgetter(*names)

    def __reduce__(self):
        return cls, getter(self)

    cls.__reduce__ = __reduce__
    return cls


FORMAT_VERSION = 1
FAMILIES = ("authority", "statement", "facilitation", "colleagues")
ROLES = ("citizen", "staff", "peer")
MOOD_MIN, MOOD_MAX = -3, 3
SCORE_MIN, SCORE_MAX = -2, 2
STATEMENT_FIELDS = ("intro", "important", "help", "so_that")
RESERVED_NAMES = frozenset({"true", "false", "and", "or", "not", "mood",
                            "difficulty", "statement_written", "statement"})


@_fast_pickle
@dataclass(slots=True)
class Character:
    id: str
    name: str
    title: str = ""
    mood: int = 0
    pos: Pos = (0, 0)
    where: dict[str, Pos] = field(default_factory=dict)


@_fast_pickle
@dataclass(slots=True)
class Line:
    """One ``say`` item: narration when ``speaker`` is None."""

    speaker: str | None
    text: Template
    line_id: str
    pos: Pos = (0, 0)          # where the item starts (the speaker, for a spoken line)
    text_pos: Pos = (0, 0)     # where the text itself starts


@_fast_pickle
@dataclass(slots=True)
class Choice:
    index: int                      # position among the node's choices in the file, 0-based
    text: Template
    next: str
    line_id: str
    id: str | None = None
    score: dict[str, int] = field(default_factory=dict)
    feedback: Template | None = None
    mood: dict[str, int] = field(default_factory=dict)
    set: dict[str, Expr] = field(default_factory=dict)
    condition: Expr | None = None
    tags: tuple[str, ...] = ()
    safety: bool = False
    pos: Pos = (0, 0)
    where: dict[str, Pos] = field(default_factory=dict)

    @property
    def quality(self) -> int:
        """q(c): the sum of the choice's scores over all principles."""
        return sum(self.score.values())


@_fast_pickle
@dataclass(slots=True)
class Ending:
    title: Template
    text: Template | None = None
    pos: Pos = (0, 0)


@_fast_pickle
@dataclass(slots=True)
class Node:
    id: str
    say: list[Line] = field(default_factory=list)
    choices: list[Choice] | None = None
    next: str | None = None
    end: Ending | None = None
    shuffle: bool = False
    pos: Pos = (0, 0)
    where: dict[str, Pos] = field(default_factory=dict)

    @property
    def kind(self) -> str:
        """'decision', 'line' (moves on by ``next``) or 'ending'."""
        if self.choices is not None:
            return "decision"
        return "ending" if self.end is not None else "line"


@dataclass(slots=True)
class Scenario:
    id: str
    title: str
    lang: str
    family: str
    role: str
    start: str
    nodes: dict[str, Node]
    characters: dict[str, Character]
    variables: dict[str, int | bool] = field(default_factory=dict)
    summary: str = ""
    content_note: str = ""
    difficulty: int = 1
    minutes: int | None = None
    format: int = FORMAT_VERSION
    path: str = ""
    content_hash: str = ""
    pos: Pos = (1, 1)
    where: dict[str, Pos] = field(default_factory=dict)
    runtime: Any = field(default=None, repr=False, compare=False)  # session lookup tables

    def __getstate__(self):
        return {k: getattr(self, k) for k in self.__slots__ if k != "runtime"}

    def __setstate__(self, state):
        for k in self.__slots__:
            setattr(self, k, state.get(k))

    def decisions(self) -> list[Node]:
        return [n for n in self.nodes.values() if n.choices is not None]


@dataclass(slots=True)
class Principle:
    id: str
    name: dict[str, str]
    description: dict[str, str] = field(default_factory=dict)
    short: dict[str, str] = field(default_factory=dict)
    backed_by: tuple[str, ...] = ()

    def label(self, lang: str) -> str:
        return self.name.get(lang) or self.name.get("da") or self.id
