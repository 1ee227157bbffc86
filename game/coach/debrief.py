"""The debrief after a meeting (or when the player stops early).

:func:`build_debrief` returns a :class:`Debrief`: plain dataclasses with
``to_dict()``, the same for every front-end and the reports. It follows the
rubric's order (§3.5): check-in with a grounding option, two strengths tied
to their moments, one growth focus with an alternative phrasing from the
scenario, the profile in words, key moments, the ending, a reflection
question and an offer to play again — plus a note when practice mode was
used, how each character's mood moved, and every per-choice feedback (for
players who turned feedback off during play).

Selection rules (deterministic; also in docs/scoring.md). They use only the
*counted* decisions (the first attempt at each decision point), and at each
one only the choices that were visible then. q(c) is the sum of a choice's
scores over the principles; "gap" is q(best visible) − q(chosen).

Strengths (at most two):
  A moment qualifies when the chosen line scores above 0 on at least one
  principle. Moments where q(chosen) > 0 *and* the choices shown differed
  (max q > min q) come first; the rest are a fallback so there is always
  something to start with when anything scored above 0. Within that, higher
  q(chosen) first, then the smaller gap, then the earlier moment. The first
  strength is the top moment; the second is the next one whose main
  principle (its highest score, ties by principle order) differs from the
  first's, or else simply the next one. The two are shown in the order they
  happened in the meeting.

Growth focus (at most one):
  A moment qualifies when a visible alternative has a higher q than the
  chosen line (gap ≥ 1) and the chosen line is not a safety choice (a pause
  or a break is never something to improve). Moments not already shown as
  a strength come first, then the largest gap, then the earliest moment. The
  alternative shown is the visible one with the highest q; ties go to the one
  shown first.

Key moments (at most three):
  Counted, non-safety moments with gap ≥ 1 that are not already shown as a
  strength or as the growth focus: the three largest gaps (ties: the
  earliest), shown in meeting order.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..engine.scoring import Scores, label
from ..engine.session import Session
from . import quality
from .feedback import ChoiceFeedback, build_feedback
from .reactions import MoodChange, mood_changes
from .skills import SkillSummary, summarise
from .timeline import Moment, Timeline, replay
from .words import AUDIENCES, bundled_principles, join_names, principle_names, quote, t, tn

LEVEL = {"strong": 3, "on_the_way": 2, "to_practise": 1, "not_in_play": 0}


# -- data ------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class CheckIn:
    question: str
    options: list[str]
    grounding_option: str
    grounding: str
    support: str

    def to_dict(self) -> dict:
        return {"question": self.question, "options": self.options,
                "grounding_option": self.grounding_option, "grounding": self.grounding,
                "support": self.support}


@dataclass(frozen=True, slots=True)
class MomentRef:
    """A moment in the meeting the debrief points back to."""

    node: str
    number: int
    order: int                 # 1-based position among the counted decisions
    chosen: str                # the line chosen, as shown
    said_by: str | None        # who spoke last before the choice (None: narration)
    said: str | None           # what they said
    feedback: str | None       # the author's feedback on the chosen line

    def to_dict(self) -> dict:
        return {"node": self.node, "number": self.number, "order": self.order,
                "chosen": self.chosen, "said_by": self.said_by, "said": self.said,
                "feedback": self.feedback}


@dataclass(frozen=True, slots=True)
class Strength:
    moment: MomentRef
    principles: list[str]      # ids the chosen line scores above 0 on
    names: list[str]
    text: str                  # "Du valgte: »…«"
    why: str                   # "Det styrker: …"

    def to_dict(self) -> dict:
        return {"moment": self.moment.to_dict(), "principles": self.principles,
                "names": self.names, "text": self.text, "why": self.why}


@dataclass(frozen=True, slots=True)
class GrowthFocus:
    moment: MomentRef
    alternative: str           # the alternative's text, from the scenario
    alternative_number: int
    principles: list[str]      # ids the alternative scores above 0 on
    names: list[str]
    text: str                  # "Her valgte du: »…«"
    alternative_text: str      # "En anden mulighed kunne være: »…«"
    why: str
    encouragement: str

    def to_dict(self) -> dict:
        return {"moment": self.moment.to_dict(), "alternative": self.alternative,
                "alternative_number": self.alternative_number, "principles": self.principles,
                "names": self.names, "text": self.text,
                "alternative_text": self.alternative_text, "why": self.why,
                "encouragement": self.encouragement}


@dataclass(frozen=True, slots=True)
class ProfileRow:
    id: str
    name: str
    short: str
    description: str
    band: str                  # strong | on_the_way | to_practise | not_in_play
    word: str                  # "stærkt" …
    level: int                 # 3/2/1/0: for neutral bars drawn without numbers
    value: float | None        # 0..100 (None: not in play)
    chosen: int
    low: int
    high: int
    informative: int           # decision points that differed on this principle

    @property
    def in_play(self) -> bool:
        return self.value is not None

    def to_dict(self, numbers: bool = True) -> dict:
        d = {"id": self.id, "name": self.name, "short": self.short,
             "description": self.description, "band": self.band, "word": self.word,
             "level": self.level, "in_play": self.in_play}
        if numbers:
            d.update(value=self.value, chosen=self.chosen, low=self.low, high=self.high,
                     informative=self.informative)
        return d


@dataclass(frozen=True, slots=True)
class KeyMoment:
    moment: MomentRef
    best: str
    best_number: int
    gap: int
    text: str                  # "Du valgte: »…«"
    best_text: str             # "Mest plads gav: »…«"

    def to_dict(self, numbers: bool = True) -> dict:
        d = {"moment": self.moment.to_dict(), "best": self.best,
             "best_number": self.best_number, "text": self.text, "best_text": self.best_text}
        if numbers:
            d["gap"] = self.gap
        return d


@dataclass(frozen=True, slots=True)
class EndingInfo:
    reached: bool
    node: str
    title: str | None
    text: str | None
    sentence: str

    def to_dict(self) -> dict:
        return {"reached": self.reached, "node": self.node, "title": self.title,
                "text": self.text, "sentence": self.sentence}


@dataclass
class Debrief:
    scenario: str
    title: str
    role: str
    audience: str
    lang: str
    show_numbers: bool
    heading: str
    opening: str
    checkin: CheckIn
    strengths: list[Strength]
    strengths_fallback: str
    growth: GrowthFocus | None
    growth_none: str
    profile: list[ProfileRow]
    profile_note: str
    index: float | None
    index_word: str
    key_moments: list[KeyMoment]
    ending: EndingInfo
    role_note: str
    reflection: str
    group_question: str | None
    replay: str
    practice_note: str | None
    moods: list[MoodChange]
    moods_heading: str
    feedback: list[ChoiceFeedback]
    skills: SkillSummary | None
    notice: str | None
    scores: Scores = field(repr=False, default=None)
    decisions: int = 0

    def to_dict(self) -> dict:
        n = self.show_numbers
        return {
            "kind": "meeting-trainer-debrief", "scenario": self.scenario, "title": self.title,
            "role": self.role, "audience": self.audience, "lang": self.lang,
            "show_numbers": n, "heading": self.heading, "opening": self.opening,
            "checkin": self.checkin.to_dict(),
            "strengths": [s.to_dict() for s in self.strengths],
            "strengths_fallback": self.strengths_fallback,
            "growth": self.growth.to_dict() if self.growth else None,
            "growth_none": self.growth_none,
            "profile": [r.to_dict(n) for r in self.profile], "profile_note": self.profile_note,
            "index": self.index if n else None, "index_word": self.index_word,
            "key_moments": [k.to_dict(n) for k in self.key_moments],
            "ending": self.ending.to_dict(), "role_note": self.role_note,
            "reflection": self.reflection, "group_question": self.group_question,
            "replay": self.replay, "practice_note": self.practice_note,
            "moods_heading": self.moods_heading,
            "moods": [m.to_dict(n) for m in self.moods],
            "feedback": [f.to_dict() for f in self.feedback],
            "skills": self.skills.to_dict() if self.skills else None,
            "notice": self.notice, "decisions": self.decisions,
        }


# -- rules -----------------------------------------------------------------
def _ref(m: Moment, order: int) -> MomentRef:
    ctx = m.context
    return MomentRef(m.node, m.number, order, m.text, ctx.name if ctx else None,
                     ctx.text if ctx else None, m.feedback)


def strength_order(moments: list[Moment], ids) -> list[Moment]:
    """Candidate strengths, best first (see the module docstring)."""
    ranked = []
    for m in moments:
        up, _ = quality.effects(m.choice, ids)
        if not up:
            continue
        qc = quality.q(m.choice, ids)
        lo, hi = quality.spread(m.visible, ids)
        tier = 0 if qc > 0 and hi > lo else 1
        ranked.append(((tier, -qc, hi - qc, m.index), m))
    ranked.sort(key=lambda x: x[0])
    return [m for _, m in ranked]


def pick_strengths(moments: list[Moment], ids, n: int = 2) -> list[Moment]:
    ranked = strength_order(moments, ids)
    if not ranked:
        return []
    picked = [ranked[0]]
    rest = ranked[1:]

    def main(m):
        return quality.effects(m.choice, ids)[0][0]

    while len(picked) < n and rest:
        used = {main(p) for p in picked}
        nxt = next((m for m in rest if main(m) not in used), rest[0])
        picked.append(nxt)
        rest.remove(nxt)
    return picked


def pick_growth(moments: list[Moment], ids, strengths: list[Moment]):
    """(moment, (position, alternative)) or None (see the module docstring)."""
    strong = {id(m) for m in strengths}
    ranked = []
    for m in moments:
        if m.choice.safety:
            continue
        alt = quality.best_alternative(m.choice, m.visible, ids, 1)
        if alt is None:
            continue
        gap = quality.q(alt[1], ids) - quality.q(m.choice, ids)
        ranked.append(((1 if id(m) in strong else 0, -gap, m.index), m, alt))
    if not ranked:
        return None
    ranked.sort(key=lambda x: x[0])
    return ranked[0][1], ranked[0][2]


def pick_key_moments(moments: list[Moment], ids, n: int = 3, shown=()):
    """[(moment, (position, best), gap)]: the ``n`` largest gaps (ties: earliest),
    leaving out moments in ``shown``; returned in meeting order."""
    skip = {id(m) for m in shown}
    out = []
    for m in moments:
        if m.choice.safety or id(m) in skip:
            continue
        alt = quality.best_alternative(m.choice, m.visible, ids, 1)
        if alt is None:
            continue
        gap = quality.q(alt[1], ids) - quality.q(m.choice, ids)
        out.append((m, alt, gap))
    out.sort(key=lambda x: (-x[2], x[0].index))
    return sorted(out[:n], key=lambda x: x[0].index)


# -- building --------------------------------------------------------------
def _checkin(lang: str) -> CheckIn:
    return CheckIn(t("coach.checkin.question", lang),
                   [t("coach.checkin.ok", lang), t("coach.checkin.mixed", lang),
                    t("coach.checkin.hard", lang)],
                   t("coach.checkin.grounding_option", lang), t("coach.checkin.grounding", lang),
                   t("coach.checkin.support", lang))


def build_debrief(session: Session, principles=None, lang: str = "da",
                  audience: str = "citizen", show_numbers: bool | None = None,
                  timeline: Timeline | None = None) -> Debrief:
    """The debrief for a session, finished or stopped early.

    ``principles`` maps id -> Principle (default: the bundled principles.yaml);
    ``audience`` is citizen | staff | peer | facilitator. Numbers are hidden for
    citizens unless ``show_numbers`` is True, and shown for the others unless
    it is False.
    """
    if audience not in AUDIENCES:
        raise ValueError(f"audience must be one of {', '.join(AUDIENCES)}, not {audience!r}")
    if principles is None:
        principles = bundled_principles()
    if show_numbers is None:
        show_numbers = audience != "citizen"
    ids = quality.ids_for(session, principles)
    scenario = session.scenario
    tl = timeline or replay(session)
    counted = tl.counted
    order = {id(m): i + 1 for i, m in enumerate(counted)}

    # per-choice feedback, every attempt in order
    feedback = [build_feedback(node=m.node, number=m.number, choice=m.choice, visible=m.visible,
                               option_texts=m.options, author=m.feedback, ids=ids,
                               principles=principles, lang=lang, counted=m.counted,
                               undone=m.undone)
                for m in tl.moments]

    # strengths
    strengths = []
    chosen_strengths = pick_strengths(counted, ids)
    for m in sorted(chosen_strengths, key=lambda m: m.index):  # shown in meeting order
        up, _ = quality.effects(m.choice, ids)
        names = principle_names(principles, up, lang)
        strengths.append(Strength(_ref(m, order[id(m)]), up, names,
                                  t("coach.strength.text", lang, text=quote(m.text, lang)),
                                  t("coach.strengthens", lang, names=join_names(names, lang))))

    # growth focus
    growth = None
    g = pick_growth(counted, ids, chosen_strengths)
    if g is not None:
        m, (pos, alt) = g
        up, _ = quality.effects(alt, ids)
        names = principle_names(principles, up, lang)
        alt_text = m.options[pos]
        growth = GrowthFocus(
            _ref(m, order[id(m)]), alt_text, pos + 1, up, names,
            t("coach.growth.text", lang, text=quote(m.text, lang)),
            t("coach.growth.alternative", lang, text=quote(alt_text, lang)),
            t("coach.try_also_why", lang, names=join_names(names, lang)) if names else "",
            t("coach.growth.encouragement", lang))

    # profile
    scores = session.scores(ids)
    profile = []
    for pid in ids:
        s = scores.principles[pid]
        p = principles.get(pid)
        b = label(s.value)
        profile.append(ProfileRow(
            pid, p.label(lang) if p else pid,
            (p.short.get(lang) or p.short.get("da", "")) if p else "",
            (p.description.get(lang) or p.description.get("da", "")) if p else "",
            b, t("band." + b, lang), LEVEL[b], s.value, s.chosen, s.low, s.high, s.informative))

    key_moments = []
    shown = list(chosen_strengths) + ([g[0]] if g is not None else [])
    for m, (pos, best), gap in pick_key_moments(counted, ids, shown=shown):
        key_moments.append(KeyMoment(
            _ref(m, order[id(m)]), m.options[pos], pos + 1, gap,
            t("coach.key.chosen", lang, text=quote(m.text, lang)),
            t("coach.key.best", lang, text=quote(m.options[pos], lang))))

    # ending
    if session.ended:
        title = session.ending_title()
        ending = EndingInfo(True, session.node.id, title, session.ending_text(),
                            t("coach.ending.reached", lang, title=title))
    else:
        ending = EndingInfo(False, session.node.id, None, None,
                            tn("coach.ending.stopped", len(session.history), lang))

    role = scenario.role
    skills = None
    if role in ("staff", "peer"):
        skills = summarise([c for _, c in session.decisions()], lang)

    notice = None
    if session.notice is not None:
        notice = session.notice.message(lang)
    if not tl.complete:
        notice = " ".join(x for x in (notice, t("coach.replay_incomplete", lang)) if x)

    practice_note = None
    if session.practice or session.undone:
        practice_note = t("coach.practice", lang)
        if session.undone:
            practice_note += " " + tn("coach.practice_steps", len(session.undone), lang)

    return Debrief(
        scenario=scenario.id, title=scenario.title, role=role, audience=audience, lang=lang,
        show_numbers=show_numbers, heading=t("coach.heading", lang),
        opening=t("coach.opening", lang), checkin=_checkin(lang), strengths=strengths,
        strengths_fallback="" if strengths else t("coach.strengths.fallback", lang),
        growth=growth, growth_none="" if growth else t("coach.growth.none", lang),
        profile=profile,
        profile_note=t("coach.profile.note_numbers" if show_numbers else "coach.profile.note",
                       lang),
        index=scores.index, index_word=t("band." + label(scores.index), lang),
        key_moments=key_moments, ending=ending, role_note=t(f"coach.role_note.{role}", lang),
        reflection=t(f"coach.reflect.{role}", lang),
        group_question=t("coach.reflect.group", lang) if audience == "facilitator" else None,
        replay=t("coach.replay", lang), practice_note=practice_note,
        moods=mood_changes(session, lang, tl), moods_heading=t("coach.moods.heading", lang),
        feedback=feedback, skills=skills, notice=notice, scores=scores,
        decisions=scores.decisions)
