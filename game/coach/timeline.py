"""Replay a session on a fresh Session to see what was shown at every choice.

The engine keeps the inputs of a session (its choices), not everything that
was on screen. The debrief and the reports need more: the lines said before
each choice, the options as they read *then*, the feedback rendered right
after the choice, and every character's mood before and after. Because a
session is fully determined by its inputs, replaying them on a fresh
:class:`~game.engine.session.Session` gives all of that without any change to
the engine.

Practice mode: ``session.attempts`` holds every choice in the order it was
made, including those stepped back from. The replay walks them in order and,
whenever the next attempt is at an earlier point than where the replay
stands, steps back (``undo``) until it gets there — which is what the player
did. (With a scenario that loops back to the same node, a step back cannot be
told apart from a second visit; the replay then assumes a second visit.)
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..engine.model import Choice
from ..engine.session import Session, SessionError, ShownLine, Step


@dataclass(frozen=True, slots=True)
class Moment:
    """One choice as the player met it."""

    index: int                      # order among all attempts, 0-based
    step: Step
    node: str
    number: int                     # the visible number the player chose
    choice: Choice
    visible: tuple[Choice, ...]     # the choices shown, in display order
    options: tuple[str, ...]        # their text as shown then
    text: str                       # the chosen line as shown
    feedback: str | None            # the author's feedback, rendered right after the choice
    lines: tuple[ShownLine, ...]    # what was said since the previous choice
    moods_before: dict[str, int]
    moods_after: dict[str, int]
    counted: bool                   # scored: the first attempt at this decision
    undone: bool                    # stepped back from in practice mode

    @property
    def context(self) -> ShownLine | None:
        """What the player answered: the last spoken line before the choice
        (the last narration line when nobody spoke)."""
        for line in reversed(self.lines):
            if line.speaker is not None:
                return line
        return self.lines[-1] if self.lines else None


@dataclass(slots=True)
class Timeline:
    moments: list[Moment] = field(default_factory=list)
    start_moods: dict[str, int] = field(default_factory=dict)
    end_moods: dict[str, int] = field(default_factory=dict)
    end_lines: tuple[ShownLine, ...] = ()   # said after the last kept choice
    complete: bool = True                   # False if the replay could not follow the session

    @property
    def kept(self) -> list[Moment]:
        """The moments on the path the session now stands on (not stepped back from)."""
        return [m for m in self.moments if not m.undone]

    @property
    def counted(self) -> list[Moment]:
        """The moments that are scored (the first attempt at each decision)."""
        return [m for m in self.moments if m.counted]

    def mood_history(self) -> dict[str, list[int]]:
        """character id -> moods at the start and after each kept choice."""
        out = {cid: [m] for cid, m in self.start_moods.items()}
        for m in self.kept:
            for cid, v in m.moods_after.items():
                out.setdefault(cid, []).append(v)
        return out


def fresh_copy(session: Session) -> Session:
    """A new session with the same inputs and no choices made."""
    return Session(session.scenario, session.difficulty, session.statement, session.seed,
                   session.principle_ids, practice=True, translations=session.translations,
                   lang=session.lang)


def replay(session: Session) -> Timeline:
    """Replay every attempt of ``session`` and record what was shown. Never raises."""
    fresh = fresh_copy(session)
    scored = {id(st) for st in session.scored_steps()}
    undone = {id(st) for st in session.undone}
    tl = Timeline(start_moods=dict(fresh.moods))
    for i, st in enumerate(session.attempts):
        while fresh.node.id != st.node and fresh.history:
            fresh.undo()
        if fresh.node.id != st.node:
            tl.complete = False
            break
        visible = fresh.visible()
        number = next((k + 1 for k, c in enumerate(visible) if c.index == st.choice), None)
        if number is None:
            tl.complete = False
            break
        options = tuple(o.text for o in fresh.options())
        lines = tuple(fresh.lines)
        before = dict(fresh.moods)
        choice = visible[number - 1]
        try:
            fresh.choose(number)
        except SessionError:  # pragma: no cover - guarded by the checks above
            tl.complete = False
            break
        tl.moments.append(Moment(
            index=i, step=st, node=st.node, number=number, choice=choice, visible=visible,
            options=options, text=options[number - 1], feedback=fresh.feedback_text(choice),
            lines=lines, moods_before=before, moods_after=dict(fresh.moods),
            counted=id(st) in scored, undone=id(st) in undone))
    # the player may have stepped back at the very end without choosing again
    while len(fresh.history) > len(session.history) and fresh.history:
        fresh.undo()
    if [(s.node, s.choice) for s in fresh.history] != [(s.node, s.choice) for s in session.history]:
        tl.complete = False
    tl.end_moods = dict(fresh.moods)
    tl.end_lines = tuple(fresh.lines)
    return tl
