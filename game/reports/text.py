"""The debrief (and a whole report) as plain text: for a terminal or a screen reader.

No box drawing, no tables, no colours: headings stand on their own line with a
blank line before them, lists start with "- ", and every paragraph is wrapped
at ``width`` columns (80 unless told otherwise; ``None`` or 0: not wrapped).
Numbers are shown only when the debrief's ``show_numbers`` says so. The text
is in the debrief's language.

* :func:`render_debrief` — the debrief alone, in the order of the rubric
  (§3.5): check-in, strengths tied to their moments, one growth focus with the
  alternative phrasing, the profile in words, key moments, the ending, how
  the moods moved, the skills summary (staff and peer roles), the practice
  note, the feedback at each choice (when asked for), the reflection question
  and the hint to play again. The terminal asks the check-in itself and has
  just shown the ending, so both can be left out.
* :func:`render_text` — ``meeting-trainer report --format text``: a short
  header, the notes about the file, the debrief with the feedback at each
  choice, and how the scores are worked out.
"""

from __future__ import annotations

import textwrap

from ..coach.debrief import Debrief, MomentRef
from ..coach.words import quote, t, tn
from .model import Report, profile_rows

WIDTH = 80
INDENT = "  "


class _Writer:
    """Collects wrapped lines: headings, paragraphs and list items."""

    def __init__(self, width: int | None):
        self.width = width if width and width > 0 else None
        self.lines: list[str] = []

    def _wrap(self, text: str, first: str, rest: str) -> list[str]:
        text = " ".join(str(text).split())
        if not text:
            return []
        if self.width is None:
            return [first + text]
        return textwrap.wrap(text, self.width, initial_indent=first, subsequent_indent=rest,
                             break_long_words=True, break_on_hyphens=False) or [first.rstrip()]

    def blank(self) -> None:
        if self.lines and self.lines[-1] != "":
            self.lines.append("")

    def heading(self, text: str) -> None:
        self.blank()
        self.lines.extend(self._wrap(text, "", ""))

    def para(self, text: str | None, indent: str = "") -> None:
        if text:
            self.lines.extend(self._wrap(text, indent, indent))

    def item(self, text: str, more=()) -> None:
        """A list item: the first line after "- ", further lines indented under it."""
        self.lines.extend(self._wrap(text, "- ", INDENT))
        for x in more:
            self.para(x, INDENT)

    def text(self) -> str:
        while self.lines and self.lines[-1] == "":
            self.lines.pop()
        return "\n".join(self.lines) + "\n"


def _said(m: MomentRef, lang: str) -> str | None:
    """What came just before the choice: "Hanne sagde: »…«", or the narration."""
    if not m.said:
        return None
    if m.said_by:
        return t("text.said", lang, who=m.said_by, text=quote(m.said, lang))
    return t("text.before", lang, text=m.said)


def _moment(w: _Writer, m: MomentRef, lang: str, lines) -> None:
    w.item(t("coach.strength.moment", lang, n=m.order),
           [x for x in (_said(m, lang), *lines) if x])


def _value(v: float) -> str:
    return f"{v:.0f}"


def render_debrief(d: Debrief, *, width: int | None = WIDTH, checkin: bool = True,
                   ending: bool = True, feedback: bool = False, heading: bool = True) -> str:
    """The debrief as plain text (see the module docstring).

    ``checkin=False`` leaves out the check-in (a front-end that asks it
    itself), ``ending=False`` the ending (one that has just shown it),
    ``feedback=True`` adds the feedback at each choice (for players who had
    it saved for the end, and for reports).
    """
    lang = d.lang
    w = _Writer(width)
    if heading:
        w.heading(d.heading)
    w.para(d.opening)
    if d.notice:
        w.blank()
        w.para(d.notice)

    if checkin:
        c = d.checkin
        w.heading(c.question)
        for o in [*c.options, c.grounding_option]:
            w.item(o)
        w.blank()
        w.para(c.grounding)
        w.blank()
        w.para(c.support)

    # strengths, tied to their moments
    w.heading(t("coach.strengths.heading", lang))
    if d.strengths:
        for i, s in enumerate(d.strengths):
            if i:
                w.blank()
            _moment(w, s.moment, lang, (s.text, s.why))
    else:
        w.para(d.strengths_fallback)

    # one growth focus, with the alternative phrasing from the scenario
    w.heading(t("coach.growth.heading", lang))
    g = d.growth
    if g is not None:
        _moment(w, g.moment, lang, (g.text, g.alternative_text, g.why))
        w.blank()
        w.para(g.encouragement)
    else:
        w.para(d.growth_none)

    # the profile in words (numbers only when shown)
    w.heading(t("coach.profile.heading", lang))
    for r in d.profile:
        if d.show_numbers and r.value is not None:
            w.item(t("text.profile.numbers", lang, name=r.name, word=r.word,
                     value=_value(r.value),
                     points=tn("coach.progress.points", r.informative, lang)))
        else:
            w.item(f"{r.name}: {r.word}")
    if d.show_numbers:
        if d.index is not None:
            w.item(t("text.profile.numbers", lang, name=t("coach.index", lang),
                     word=d.index_word, value=_value(d.index),
                     points=tn("coach.progress.points", d.decisions, lang)))
        else:
            w.item(f"{t('coach.index', lang)}: {d.index_word}")
    w.blank()
    w.para(d.profile_note)

    if d.key_moments:
        w.heading(t("coach.key.heading", lang))
        for i, k in enumerate(d.key_moments):
            if i:
                w.blank()
            _moment(w, k.moment, lang, (k.text, k.best_text))

    if ending:
        e = d.ending
        w.heading(t("coach.ending.heading", lang))
        w.para(e.sentence)
        if e.text:
            w.blank()
            w.para(e.text)

    if d.moods:
        w.heading(d.moods_heading)
        for m in d.moods:
            w.item(m.sentence)

    if d.skills is not None:
        s = d.skills
        w.heading(s.heading)
        w.para(s.disclaimer)
        w.blank()
        for x in (s.rq_text, s.cr_text, s.adherence_text):
            if x:
                w.item(x)
        w.blank()
        w.para(s.option5_text)
        for o in s.option5:
            w.item(f"{o.label}: {o.level_word}")
        if s.little_data:
            w.blank()
            w.para(s.little_data_text)

    if d.practice_note:
        w.blank()
        w.para(d.practice_note)

    if feedback and d.feedback:
        w.heading(t("text.feedback.heading", lang))
        n = 0
        for i, f in enumerate(d.feedback):
            if f.undone:
                label = t("text.feedback.undone", lang, text=quote(f.chosen, lang))
            else:
                n += 1
                label = t("text.feedback.choice", lang, n=n, text=quote(f.chosen, lang))
            lines = f.lines()
            if not f.counted and not f.undone:
                lines.append(t("report.not_counted", lang))
            if i:
                w.blank()
            w.item(label, lines)

    w.heading(t("coach.reflect.heading", lang))
    w.para(d.role_note)
    w.blank()
    w.para(d.reflection)
    if d.group_question:
        w.blank()
        w.para(d.group_question)

    w.blank()
    w.para(d.replay)
    return w.text()


# -- the report command ------------------------------------------------------------
def _header(report: Report, w: _Writer) -> None:
    lang = report.lang
    w.para(t("report.title", lang))
    w.para(report.title)
    for label, value in report.facts():
        w.para(f"{label}: {value}")
    if report.notes:
        w.heading(t("report.notice", lang))
        for n in report.notes:
            w.item(n)


def _limited(report: Report, w: _Writer) -> None:
    """No scenario: the stored scores in words, and the lines chosen."""
    lang = report.lang
    numbers = report.audience != "citizen"
    rows = profile_rows(report)
    if rows:
        w.heading(t("report.stored_scores", lang))
        for r in rows:
            if numbers and r.get("value") is not None:
                w.item(t("text.profile.numbers", lang, name=r["name"], word=r["word"],
                         value=_value(r["value"]),
                         points=tn("coach.progress.points", r.get("informative") or 0, lang)))
            else:
                w.item(f'{r["name"]}: {r["word"]}')
    chosen = [c for c in report.transcript if c.get("type") == "choice" and c.get("text")]
    if chosen:
        w.heading(t("report.transcript", lang))
        for i, c in enumerate(chosen, 1):
            w.item(t("text.feedback.choice", lang, n=i, text=quote(c["text"], lang)))


def render_text(report: Report, width: int | None = WIDTH) -> str:
    """``meeting-trainer report --format text``: the whole report as plain text."""
    lang = report.lang
    w = _Writer(width)
    _header(report, w)
    d = report.debrief
    if d is not None:
        w.blank()
        w.lines.extend(render_debrief(d, width=width, feedback=True).rstrip("\n").split("\n"))
        w.heading(t("report.how_scored", lang))
        w.para(t("report.how_scored_text", lang))
    else:
        _limited(report, w)
    w.blank()
    w.para(t("report.footer", lang))
    return w.text()


__all__ = ["render_debrief", "render_text", "WIDTH"]
