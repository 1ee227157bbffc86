"""A playthrough: the pull API every front-end drives.

A :class:`Session` is made from a scenario, a difficulty (1–3), an optional
personal statement and a seed. Ask it for :attr:`~Session.lines` (what was
said since the last choice, interpolated), :meth:`~Session.options` (the
visible choices, numbered from 1), :attr:`~Session.moods`,
:attr:`~Session.variables`, :attr:`~Session.history` and
:attr:`~Session.ending`; tell it :meth:`~Session.choose`.

Everything is determined by (scenario, difficulty, statement, seed, choices):
the same inputs always give the same transcript, and a save is just those
inputs plus a content hash (see :mod:`.saves`).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Mapping

from .model import MOOD_MAX, MOOD_MIN, STATEMENT_FIELDS, Choice, Node, Scenario
from .scoring import Scores, score_decisions


class SessionError(Exception):
    """The front-end asked for something impossible (e.g. a choice number not shown)."""


@dataclass(frozen=True, slots=True)
class ShownLine:
    speaker: str | None       # character id, None for narration
    name: str | None          # the character's display name
    title: str | None
    text: str
    line_id: str
    node: str


@dataclass(frozen=True, slots=True)
class Option:
    number: int               # 1, 2, 3 … among the visible choices
    text: str
    choice: Choice


@dataclass(frozen=True, slots=True)
class Step:
    """One decision made: where, which choice (file index), and what was visible."""

    node: str
    choice: int
    visible: tuple[int, ...]
    number: int


class _Runtime:
    """Per-scenario lookup tables, built once and shared by all sessions."""

    __slots__ = ("landing", "static_visible", "nodes", "steps")

    def __init__(self, scenario: Scenario):
        # no reference back to the scenario, so scenario <-> runtime forms no cycle
        self.nodes = scenario.nodes
        self.landing: dict[str, tuple[tuple[str, ...], Node]] = {}
        self.static_visible: dict[str, tuple[Choice, ...]] = {}
        self.steps: dict[str, tuple[Step, ...]] = {}   # shared Steps for static nodes
        for nid, node in scenario.nodes.items():
            if node.choices is not None and not node.shuffle and all(
                    c.condition is None for c in node.choices):
                self.static_visible[nid] = tuple(node.choices)

    def static_steps(self, nid: str, vis: tuple[Choice, ...]) -> tuple[Step, ...]:
        idx = tuple(v.index for v in vis)
        steps = self.steps[nid] = tuple(Step(nid, v.index, idx, k + 1) for k, v in enumerate(vis))
        return steps

    def land(self, nid: str) -> tuple[tuple[str, ...], Node]:
        """Follow ``next`` links from a node to the first decision or ending."""
        hit = self.landing.get(nid)
        if hit is not None:
            return hit
        nodes = self.nodes
        path = []
        cur = nid
        for _ in range(len(nodes) + 1):
            node = nodes.get(cur)
            if node is None:
                raise SessionError(f"there is no node '{cur}'")
            path.append(cur)
            if node.next is None:
                result = (tuple(path), node)
                self.landing[nid] = result
                return result
            cur = node.next
        raise SessionError(f"the nodes after '{nid}' loop without a choice or an ending")


def visible_choices(node: Node, env: Mapping[str, int | bool]) -> tuple[Choice, ...]:
    """The choices shown at ``node`` under ``env``, in file order (before any shuffle)."""
    return tuple(c for c in node.choices or ()
                 if c.condition is None or c.condition.evaluate(env) is True)


def apply_choice(env: dict, c: Choice) -> None:
    """Apply a choice's ``set`` (all computed from the values before) and ``mood`` to ``env``."""
    if c.set:
        new = [(k, e.evaluate(env)) for k, e in c.set.items()]
        for k, v in new:
            env[k] = v
    if c.mood:
        for cid, delta in c.mood.items():
            key = "mood." + cid
            m = env[key] + delta
            env[key] = MOOD_MIN if m < MOOD_MIN else MOOD_MAX if m > MOOD_MAX else m


def runtime(scenario: Scenario) -> _Runtime:
    rt = scenario.runtime
    if rt is None or rt.nodes is not scenario.nodes:
        rt = scenario.runtime = _Runtime(scenario)
    return rt


def clean_statement(statement: Mapping[str, str] | None) -> dict[str, str] | None:
    """Keep the four known parts as stripped text; None when nothing is written."""
    if not statement:
        return None
    out = {k: str(statement.get(k) or "").strip() for k in STATEMENT_FIELDS}
    return out if any(out.values()) else None


class Session:
    def __init__(self, scenario: Scenario, difficulty: int | None = None,
                 statement: Mapping[str, str] | None = None, seed: int = 0,
                 principle_ids: tuple[str, ...] | None = None, practice: bool = False,
                 translations: Mapping[str, object] | None = None, lang: str | None = None):
        if difficulty is None:
            difficulty = scenario.difficulty
        if difficulty not in (1, 2, 3):
            raise SessionError(f"difficulty must be 1, 2 or 3, not {difficulty!r}")
        self.scenario = scenario
        self.difficulty = difficulty
        self.statement = clean_statement(statement)
        self.seed = seed
        self.principle_ids = principle_ids
        self.practice = practice
        #: line id -> translated Template; lines without one are shown in the source language
        self.translations = translations or {}
        #: the language text is shown in (the scenario's own, or that of the translations)
        self.lang = lang or scenario.lang
        #: choices stepped back from in practice mode (never part of the current path)
        self.undone: list[Step] = []
        #: every choice in the order it was made, including undone ones (first-attempt scoring)
        self.attempts: list[Step] = []
        self._history_attempt: list[int] = []   # for each history step, its index in attempts
        self.undone_attempts: set[int] = set()  # indices into attempts that were stepped back from
        self._rng = random.Random(seed)
        self._rt = runtime(scenario)
        env: dict[str, int | bool] = dict(scenario.variables)
        for cid, ch in scenario.characters.items():
            env["mood." + cid] = ch.mood
        env["difficulty"] = difficulty
        env["statement_written"] = self.statement is not None
        self._env = env
        self.history: list[Step] = []
        self.path: list[str] = []
        self._visible: tuple[Choice, ...] | None = None
        self.notice = None  # set by saves.from_dict when a save could not be fully resumed
        chain, self.node = self._rt.land(scenario.start)
        self.path.extend(chain)
        self._chain = chain

    # -- what to show ----------------------------------------------------
    @property
    def ended(self) -> bool:
        return self.node.end is not None

    @property
    def ending(self) -> Node | None:
        """The end node once the meeting is over, else None."""
        return self.node if self.node.end is not None else None

    @property
    def moods(self) -> dict[str, int]:
        return {cid: self._env["mood." + cid] for cid in self.scenario.characters}

    @property
    def variables(self) -> dict[str, int | bool]:
        return {k: self._env[k] for k in self.scenario.variables}

    @property
    def env(self) -> Mapping[str, int | bool]:
        """Everything expressions can read (variables, mood.x, difficulty, statement_written)."""
        return self._env

    def render(self, template, line_id: str | None = None) -> str:
        """Interpolate a text, through the translation table when it has ``line_id``."""
        if line_id is not None and self.translations:
            template = self.translations.get(line_id, template)
        yes_no = ("ja", "nej") if self.lang == "da" else ("yes", "no")
        return template.render(self._env, self.statement, yes_no)

    def choice_text(self, c: Choice) -> str:
        return self.render(c.text, c.line_id)

    def feedback_text(self, c: Choice) -> str | None:
        return None if c.feedback is None else self.render(c.feedback, c.line_id + ".feedback")

    def ending_title(self) -> str | None:
        end = self.node.end
        return None if end is None else self.render(end.title, self.node.id + ".end")

    def ending_text(self) -> str | None:
        end = self.node.end
        if end is None or end.text is None:
            return None
        return self.render(end.text, self.node.id + ".end_text")

    def _meta(self, key: str, default: str) -> str:
        value = self.translations.get(key) if self.translations else None
        if value is None:
            return default
        text = getattr(value, "source", value)
        return text if isinstance(text, str) and text else default

    def character_name(self, cid: str | None) -> str | None:
        """A character's display name, translated (``@char.<id>.name``) where possible."""
        ch = self.scenario.characters.get(cid) if cid else None
        return None if ch is None else self._meta(f"@char.{cid}.name", ch.name)

    def character_title(self, cid: str | None) -> str | None:
        """A character's title (e.g. "Sagsbehandler"), translated where possible."""
        ch = self.scenario.characters.get(cid) if cid else None
        return None if ch is None else self._meta(f"@char.{cid}.title", ch.title)

    @property
    def lines(self) -> list[ShownLine]:
        """The lines said since the last choice (or since the start), interpolated."""
        out = []
        chars = self.scenario.characters
        tr = self.translations
        for nid in self._chain:
            for line in self.scenario.nodes[nid].say:
                ch = chars.get(line.speaker) if line.speaker else None
                if ch is None:
                    name = title = None
                elif tr:
                    name, title = self.character_name(ch.id), self.character_title(ch.id)
                else:
                    name, title = ch.name, ch.title
                out.append(ShownLine(line.speaker, name, title,
                                     self.render(line.text, line.line_id), line.line_id, nid))
        return out

    def set_language(self, scenario: Scenario, translations: Mapping[str, object] | None = None,
                     lang: str | None = None) -> None:
        """Show this session in another language from now on (the choices made are kept).

        ``scenario`` is the same scenario in the new language: the session's own, or a
        :func:`~.translations.localize` copy of it (the same nodes); ``translations``
        and ``lang`` are as for the constructor (see :func:`~.translations.prepare`).
        """
        if scenario.nodes is not self.scenario.nodes:
            raise SessionError(f"'{scenario.id}' is not the scenario this session plays "
                               "(only its translated copy can replace it)")
        self.scenario = scenario
        self.translations = translations or {}
        self.lang = lang or scenario.lang

    def visible(self) -> tuple[Choice, ...]:
        """The visible choices at this node, in display order (fast; no text rendering)."""
        vis = self._visible
        if vis is not None:
            return vis
        node = self.node
        vis = self._rt.static_visible.get(node.id)
        if vis is None:
            if node.choices is None:
                vis = ()
            else:
                vis = visible_choices(node, self._env)
                if node.shuffle and len(vis) > 1:
                    lst = list(vis)
                    self._rng.shuffle(lst)
                    vis = tuple(lst)
        self._visible = vis
        return vis

    def options(self) -> list[Option]:
        """The visible choices, numbered 1, 2, 3 … with their text interpolated."""
        return [Option(i + 1, self.render(c.text, c.line_id), c)
                for i, c in enumerate(self.visible())]

    # -- what was chosen -------------------------------------------------
    def choose(self, number: int) -> Step:
        """Take visible choice ``number`` (1-based) and move to the next decision or end."""
        vis = self._visible
        if vis is None:
            vis = self.visible()
        if type(number) is not int or not 1 <= number <= len(vis):
            if self.node.end is not None:
                raise SessionError(f"the meeting has ended at '{self.node.id}'; "
                                   "there is nothing more to choose")
            raise SessionError(f"choice {number!r} is not shown at node '{self.node.id}'; "
                               f"the visible choices are 1–{len(vis)}" if vis else
                               f"node '{self.node.id}' shows no choices")
        c = vis[number - 1]
        nid = self.node.id
        rt = self._rt
        if vis is rt.static_visible.get(nid):
            step = (rt.steps.get(nid) or rt.static_steps(nid, vis))[number - 1]
        else:
            step = Step(nid, c.index, tuple(v.index for v in vis), number)
        self.history.append(step)
        self._history_attempt.append(len(self.attempts))
        self.attempts.append(step)
        self._apply(c)
        return step

    def _apply(self, c: Choice) -> None:
        if c.set or c.mood:
            apply_choice(self._env, c)
        hit = self._rt.landing.get(c.next)
        chain, self.node = hit if hit is not None else self._rt.land(c.next)
        self.path.extend(chain)
        self._chain = chain
        self._visible = None

    def can_undo(self) -> bool:
        return self.practice and bool(self.history)

    def undo(self) -> Step:
        """Practice mode: step back before the last choice. Only first attempts are scored."""
        if not self.practice:
            raise SessionError("stepping back is only possible in practice mode")
        if not self.history:
            raise SessionError("there is no choice to step back from")
        last = self.history.pop()
        self.undone.append(last)
        self.undone_attempts.add(self._history_attempt.pop())
        keep = self.history
        self._restart()
        nodes = self.scenario.nodes
        for st in keep:
            self.visible()  # draw shuffles in the same order as the first time
            self._apply(nodes[st.node].choices[st.choice])
        return last

    def _restart(self) -> None:
        s = self.scenario
        self._rng = random.Random(self.seed)
        env = self._env
        env.update(s.variables)
        for cid, ch in s.characters.items():
            env["mood." + cid] = ch.mood
        self.path = []
        self._visible = None
        chain, self.node = self._rt.land(s.start)
        self.path.extend(chain)
        self._chain = chain

    # -- results ---------------------------------------------------------
    def scored_steps(self) -> list[Step]:
        """The steps that count: the path, or in practice mode the first attempt at each node."""
        if not self.undone:
            return self.history
        seen: set[str] = set()
        out = []
        for st in self.attempts:
            if st.node not in seen:
                seen.add(st.node)
                out.append(st)
        return out

    def decisions(self) -> list[tuple[tuple[Choice, ...], Choice]]:
        """(visible choices, chosen choice) for every decision that is scored."""
        nodes = self.scenario.nodes
        out = []
        for st in self.scored_steps():
            choices = nodes[st.node].choices or []
            out.append((tuple(choices[i] for i in st.visible), choices[st.choice]))
        return out

    def scores(self, principle_ids: tuple[str, ...] | None = None) -> Scores:
        ids = principle_ids or self.principle_ids
        if ids is None:
            from .principles import V1_IDS
            ids = V1_IDS
        return score_decisions(self.decisions(), ids)

    def snapshot(self) -> dict:
        """The inputs that determine this session (see :mod:`.saves`)."""
        from .saves import to_dict
        return to_dict(self)
