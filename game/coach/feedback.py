"""Feedback after a choice: the author's words, the principles touched, "Prøv også".

:func:`feedback_for` returns a :class:`ChoiceFeedback` — plain data that a
front-end shows right after the choice, or keeps for the debrief when the
player has turned per-choice feedback off (the debrief always carries the
whole list, see :mod:`.debrief`).

What it says, in order (rubric §3.5):

1. the author's feedback text (what you did, how it may land, why);
2. the principles the choice touched, as words — "Dit valg styrker: Egne ord
   og Selvbestemmelse" / "Dit valg kan give mindre plads til: Fælles
   beslutning" — never numbers or red marks;
3. "Prøv også: »…«" with the text of a visible alternative when it scored
   *clearly* better: q(alternative) − q(chosen) ≥ 2 (see docs/scoring.md).
   When several alternatives qualify, the one with the highest q; on a tie,
   the one shown first. If the author's feedback already says "Prøv også",
   the line is worded "Du kunne også sige: »…«" instead, so it never repeats.
   A safety choice (``safety: true``: a pause, a break, a support person,
   declining to answer) never gets a "Prøv også": looking after yourself is
   never the second-best move.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..engine.model import Choice
from ..engine.session import Option, Session, Step
from . import quality
from .words import bundled_principles, join_names, principle_names, quote, t


@dataclass(frozen=True, slots=True)
class TryAlso:
    number: int              # the alternative's visible number at that moment
    text: str
    strengthens: list[str]   # principle names the alternative scores above 0 on
    line: str                # "Prøv også: »…«"
    why: str                 # "Det giver mere plads til …" (may be empty)

    def to_dict(self) -> dict:
        return {"number": self.number, "text": self.text, "strengthens": self.strengthens,
                "line": self.line, "why": self.why}


@dataclass(frozen=True, slots=True)
class ChoiceFeedback:
    node: str
    number: int
    chosen: str                        # the chosen line as shown
    feedback: str | None               # the author's feedback text
    strengthens: list[str] = field(default_factory=list)   # principle ids
    may_limit: list[str] = field(default_factory=list)
    strengthens_text: str = ""         # "Dit valg styrker: …" ('' when none)
    may_limit_text: str = ""
    try_also: TryAlso | None = None
    safety: bool = False
    safety_text: str = ""
    counted: bool = True               # scored (the first attempt at this decision)
    undone: bool = False               # stepped back from in practice mode

    def lines(self) -> list[str]:
        """The feedback as short lines, ready to show in order."""
        out = [x for x in (self.feedback, self.safety_text, self.strengthens_text,
                           self.may_limit_text) if x]
        if self.try_also is not None:
            out.append(self.try_also.line)
            if self.try_also.why:
                out.append(self.try_also.why)
        return out

    def to_dict(self) -> dict:
        return {
            "node": self.node, "number": self.number, "chosen": self.chosen,
            "feedback": self.feedback, "strengthens": self.strengthens,
            "may_limit": self.may_limit, "strengthens_text": self.strengthens_text,
            "may_limit_text": self.may_limit_text,
            "try_also": self.try_also.to_dict() if self.try_also else None,
            "safety": self.safety, "safety_text": self.safety_text,
            "counted": self.counted, "undone": self.undone, "lines": self.lines(),
        }


_AUTHOR_TRY = ("prøv også", "try also", "also try")


def build_feedback(*, node: str, number: int, choice: Choice, visible, option_texts,
                   author: str | None, ids, principles, lang: str, counted: bool = True,
                   undone: bool = False) -> ChoiceFeedback:
    """The pure rule behind :func:`feedback_for` (also used by the debrief)."""
    up, down = quality.effects(choice, ids)
    up_text = (t("coach.strengthens", lang, names=join_names(
        principle_names(principles, up, lang), lang)) if up else "")
    down_text = (t("coach.may_limit", lang, names=join_names(
        principle_names(principles, down, lang), lang)) if down else "")
    # a safety choice (pause, break, support person, declining) is never second best
    alt = (None if choice.safety else
           quality.best_alternative(choice, visible, ids, quality.CLEARLY_BETTER))
    try_also = None
    if alt is not None:
        pos, c = alt
        text = option_texts[pos]
        alt_up, _ = quality.effects(c, ids)
        names = principle_names(principles, alt_up, lang)
        key = ("coach.try_also_example" if author and any(
            w in author.lower() for w in _AUTHOR_TRY) else "coach.try_also")
        try_also = TryAlso(pos + 1, text, names, t(key, lang, text=quote(text, lang)),
                           t("coach.try_also_why", lang, names=join_names(names, lang))
                           if names else "")
    return ChoiceFeedback(
        node=node, number=number, chosen=option_texts[number - 1] if option_texts else "",
        feedback=author, strengthens=up, may_limit=down, strengthens_text=up_text,
        may_limit_text=down_text, try_also=try_also, safety=choice.safety,
        safety_text=t("coach.safety_choice", lang) if choice.safety else "",
        counted=counted, undone=undone)


def feedback_for(session: Session, step_or_option: Step | Option | Choice, lang: str = "da",
                 principles=None) -> ChoiceFeedback:
    """Feedback for a choice just made (a :class:`Step` from ``choose``, or its Option).

    With a Step, the choices compared are those visible when it was made. With
    an Option or Choice, the latest attempt that chose it is used; if it has
    not been chosen yet, it is compared with the choices visible now (a
    preview). Option texts are rendered with the session's current values.
    ``principles`` (id -> Principle) names the principles; by default the
    bundled principles.yaml.
    """
    if principles is None:
        principles = bundled_principles()
    ids = quality.ids_for(session, principles)
    nodes = session.scenario.nodes
    step: Step | None = None
    if isinstance(step_or_option, Step):
        step = step_or_option
    else:
        choice = step_or_option.choice if isinstance(step_or_option, Option) else step_or_option
        for st in reversed(session.attempts):
            node_choices = nodes[st.node].choices or []
            if st.choice < len(node_choices) and node_choices[st.choice] is choice:
                step = st
                break
    if step is not None:
        node_choices = nodes[step.node].choices or []
        visible = tuple(node_choices[i] for i in step.visible)
        choice = node_choices[step.choice]
        node, number = step.node, step.number
        counted = any(st is step for st in session.scored_steps())
        undone = any(st is step for st in session.undone)
    else:
        visible = session.visible()
        number = next((i + 1 for i, c in enumerate(visible) if c is choice), 0)
        if not number:
            raise ValueError("this choice was neither made nor is it shown now")
        node, counted, undone = session.node.id, True, False
    texts = [session.choice_text(c) for c in visible]
    return build_feedback(node=node, number=number, choice=choice, visible=visible,
                          option_texts=texts, author=session.feedback_text(choice), ids=ids,
                          principles=principles, lang=lang, counted=counted, undone=undone)
