"""Conversation-skill summaries for staff and peer roles, from the tags of chosen lines.

*Inspired by* MITI 4.2.1 (Moyers et al. 2016) and Observer OPTION-5 (Elwyn et
al. 2013; Barr et al. 2015) — never a MITI or OPTION score: those instruments
code a recorded conversation; the game only knows which lines were chosen
from a menu, not how they would have been said.

From the counted decisions (first attempts), each chosen line's ``tags``:

* questions Q = open_question + closed_question;
  reflections R = simple_reflection + complex_reflection.
* R:Q = R / Q. MITI 4.2.1 thresholds: fair 1:1, good 2:1.
  No questions and some reflections: shown as "only reflections" (above good).
* %CR = complex / R · 100. Thresholds: fair 40 %, good 50 %.
* adherent = seek_collaboration + affirm + emphasise_autonomy;
  non-adherent = persuade + confront (persuade_with_permission is neither).
* OPTION-5 checklist: for each item 1–5, whether a chosen line showed it and
  the highest level shown: 1 (minimal) when the line is tagged but scores no
  principle above 0, 2 (moderate) when its highest score is 1, 3 (skilled)
  when it is 2. Level 4 (exemplary) is never given: a menu choice cannot show
  how well it was delivered. 0 = not shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..engine.session import Session
from .words import t, tn

RQ_FAIR, RQ_GOOD = 1.0, 2.0          # MITI 4.2.1 reflection-to-question ratio
CR_FAIR, CR_GOOD = 40.0, 50.0        # MITI 4.2.1 percent complex reflections
ADHERENT = ("seek_collaboration", "affirm", "emphasise_autonomy")
NON_ADHERENT = ("persuade", "confront")
OPTION_ITEMS = ("option_1", "option_2", "option_3", "option_4", "option_5")


def band(value: float | None, fair: float, good: float) -> str:
    """'good', 'fair', 'below_fair' or 'no_data' against published thresholds."""
    if value is None:
        return "no_data"
    if value >= good:
        return "good"
    if value >= fair:
        return "fair"
    return "below_fair"


@dataclass(frozen=True, slots=True)
class OptionItem:
    item: int          # 1..5
    level: int         # 0 not shown, 1 minimal, 2 moderate, 3 skilled
    label: str         # the item in words
    level_word: str

    def to_dict(self) -> dict:
        return {"item": self.item, "level": self.level, "label": self.label,
                "level_word": self.level_word}


@dataclass(frozen=True, slots=True)
class SkillSummary:
    lines: int                         # counted lines considered
    tagged: int                        # of which carry at least one tag
    counts: dict[str, int] = field(default_factory=dict)
    questions: int = 0
    reflections: int = 0
    complex_reflections: int = 0
    rq: float | None = None            # None: no questions (see only_reflections) or no data
    only_reflections: bool = False
    rq_band: str = "no_data"
    cr_percent: float | None = None
    cr_band: str = "no_data"
    adherent: int = 0
    non_adherent: int = 0
    option5: list[OptionItem] = field(default_factory=list)
    heading: str = ""
    disclaimer: str = ""
    rq_text: str = ""
    cr_text: str = ""
    adherence_text: str = ""
    option5_text: str = ""
    little_data: bool = False
    little_data_text: str = ""

    def to_dict(self) -> dict:
        return {
            "lines": self.lines, "tagged": self.tagged, "counts": self.counts,
            "questions": self.questions, "reflections": self.reflections,
            "complex_reflections": self.complex_reflections, "rq": self.rq,
            "only_reflections": self.only_reflections, "rq_band": self.rq_band,
            "cr_percent": self.cr_percent, "cr_band": self.cr_band,
            "adherent": self.adherent, "non_adherent": self.non_adherent,
            "option5": [o.to_dict() for o in self.option5],
            "thresholds": {"rq": {"fair": RQ_FAIR, "good": RQ_GOOD},
                           "cr_percent": {"fair": CR_FAIR, "good": CR_GOOD}},
            "heading": self.heading, "disclaimer": self.disclaimer,
            "rq_text": self.rq_text, "cr_text": self.cr_text,
            "adherence_text": self.adherence_text, "option5_text": self.option5_text,
            "little_data": self.little_data, "little_data_text": self.little_data_text,
        }


def _fmt(x: float, lang: str) -> str:
    s = f"{x:.1f}".rstrip("0").rstrip(".")
    return s.replace(".", ",") if lang == "da" else s


def summarise(chosen, lang: str = "da") -> SkillSummary:
    """Summarise a list of chosen :class:`~game.engine.model.Choice` objects."""
    chosen = list(chosen)
    counts: dict[str, int] = {}
    for c in chosen:
        for tag in c.tags:
            counts[tag] = counts.get(tag, 0) + 1
    qn = counts.get("open_question", 0) + counts.get("closed_question", 0)
    sr = counts.get("simple_reflection", 0)
    cr = counts.get("complex_reflection", 0)
    r = sr + cr
    rq = r / qn if qn else None
    only_r = qn == 0 and r > 0
    rq_band = "good" if only_r else band(rq, RQ_FAIR, RQ_GOOD)
    crp = 100.0 * cr / r if r else None
    cr_band = band(crp, CR_FAIR, CR_GOOD)
    adherent = sum(counts.get(k, 0) for k in ADHERENT)
    non_adherent = sum(counts.get(k, 0) for k in NON_ADHERENT)
    items = []
    for k, tag in enumerate(OPTION_ITEMS, 1):
        level = 0
        for c in chosen:
            if tag in c.tags:
                top = max([v for v in c.score.values()] or [0])
                level = max(level, 1 if top <= 0 else 2 if top == 1 else 3)
        items.append(OptionItem(k, level, t(f"coach.skills.item{k}", lang),
                                t(f"coach.skills.level{level}", lang)))
    tagged = sum(1 for c in chosen if c.tags)
    if only_r:
        rq_text = tn("coach.skills.rq_only_reflections", r, lang, r=r)
    elif rq is None:
        rq_text = t("coach.skills.rq_none", lang)
    else:
        rq_text = t("coach.skills.rq", lang, r=r, q=qn, ratio=_fmt(rq, lang),
                    band=t(f"coach.skills.band.{rq_band}", lang))
    cr_text = (t("coach.skills.cr", lang, cr=cr, r=r, pct=_fmt(crp, lang),
                 band=t(f"coach.skills.band.{cr_band}", lang))
               if crp is not None else t("coach.skills.cr_none", lang))
    shown = sum(1 for o in items if o.level)
    return SkillSummary(
        lines=len(chosen), tagged=tagged, counts=dict(sorted(counts.items())), questions=qn,
        reflections=r, complex_reflections=cr, rq=rq, only_reflections=only_r, rq_band=rq_band,
        cr_percent=crp, cr_band=cr_band, adherent=adherent, non_adherent=non_adherent,
        option5=items, heading=t("coach.skills.heading", lang),
        disclaimer=t("coach.skills.disclaimer", lang), rq_text=rq_text, cr_text=cr_text,
        adherence_text=t("coach.skills.adherence", lang, a=adherent, n=non_adherent),
        option5_text=t("coach.skills.option5_shown", lang, shown=shown),
        little_data=tagged < 3, little_data_text=t("coach.skills.little_data", lang)
        if tagged < 3 else "")


def skill_summary(session: Session, lang: str = "da") -> SkillSummary:
    """The summary for a session's counted decisions (first attempts in practice mode)."""
    return summarise([chosen for _, chosen in session.decisions()], lang)
