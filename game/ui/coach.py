"""The one place the window talks to :mod:`game.coach` (feedback, debrief, reactions, progress).

Each function uses the coach module when it is there and falls back to a small,
plain version built from the engine when it is not, so screens never import
``game.coach`` themselves.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..engine.scoring import label as band_label
from ..i18n import t


@dataclass
class FeedbackView:
    chosen: str
    lines: list[str]
    counted: bool = True


@dataclass
class DebriefView:
    """What the debrief screen shows, in order. Rows: (name, bar 0–100 or None, words, number or None)."""

    title: str
    text: str
    rows: list[tuple[str, float | None, str, float | None]]
    opening: str = ""
    profile_note: str = ""
    checkin: object | None = None                 # question, options, grounding_option, grounding, support
    sections: list[tuple[str, list[str]]] = field(default_factory=list)
    moments: list[tuple[str, list[str]]] = field(default_factory=list)  # chosen text, feedback lines
    notice: str = ""


# -- reactions ---------------------------------------------------------------------
_EXPR = {-3: "tense", -2: "guarded", -1: "guarded", 0: "neutral", 1: "open", 2: "warm", 3: "warm"}


def expression(mood: int) -> str:
    try:
        from ..coach.reactions import expression as coach_expression
        return coach_expression(mood)
    except ImportError:
        return _EXPR[max(-3, min(3, int(mood)))]


def mood_word(mood: int, lang: str) -> str:
    try:
        from ..coach.reactions import mood_word as coach_word
        return coach_word(mood, lang)
    except ImportError:
        return t("ui.expr." + expression(mood), lang)


# -- feedback after a choice -------------------------------------------------------
def feedback(session, step, option_text: str, lang: str, principles=None) -> FeedbackView:
    try:
        from ..coach.feedback import feedback_for
    except ImportError:
        feedback_for = None
    if feedback_for is not None:
        try:
            fb = feedback_for(session, step, lang, principles)
            return FeedbackView(fb.chosen or option_text, fb.lines(), fb.counted)
        except Exception:  # a coach problem must not stop the meeting
            pass
    node = session.scenario.nodes[step.node]
    text = session.feedback_text(node.choices[step.choice])
    return FeedbackView(option_text, [text] if text else [t("ui.feedback.none", lang)])


# -- the debrief -------------------------------------------------------------------
def debrief(session, principles: dict, lang: str, audience: str, moments: list,
            show_numbers: bool = False) -> DebriefView:
    try:
        from ..coach.debrief import build_debrief
    except ImportError:
        build_debrief = None
    if build_debrief is not None:
        try:
            d = build_debrief(session, principles or None, lang, audience, show_numbers=show_numbers)
            return _from_coach(d, show_numbers)
        except Exception:  # never lose the end of a meeting to a coach problem
            pass
    return _plain(session, principles, lang, moments, show_numbers)


def _plain(session, principles, lang, moments, show_numbers) -> DebriefView:
    title = session.ending_title() or t("ui.debrief.title", lang)
    scores = session.scores(tuple(principles) if principles else None)
    rows, strong, practise = [], [], []
    for pid, s in scores.principles.items():
        if s.value is None:
            continue
        name = principles[pid].label(lang) if pid in principles else pid
        rows.append((name, s.value, t("band." + band_label(s.value), lang), s.value if show_numbers else None))
        (strong if s.value >= 75 else practise if s.value < 50 else []).append(name)
    sections = []
    if strong:
        sections.append((t("ui.debrief.went_well", lang), [t("ui.debrief.strong_in", lang, names=", ".join(strong))]))
    if practise:
        sections.append((t("ui.debrief.practise", lang),
                         [t("ui.debrief.practise_in", lang, names=", ".join(practise))]))
    return DebriefView(title, session.ending_text() or "", rows, sections=sections, moments=moments)


def _from_coach(d, show_numbers: bool) -> DebriefView:
    lang = d.lang
    rows = []
    for r in d.profile:
        bar = r.value if show_numbers else (None if not r.in_play else r.level / 3 * 100)
        rows.append((r.name, bar, r.word, r.value if show_numbers else None))
    sections: list[tuple[str, list[str]]] = []
    went = [f"{s.text} {s.why}".strip() for s in d.strengths] or ([d.strengths_fallback] if d.strengths_fallback else [])
    if went:
        sections.append((t("ui.debrief.went_well", lang), went))
    if d.growth is not None:
        g = d.growth
        sections.append((t("ui.debrief.practise", lang),
                         [x for x in (g.text, g.alternative_text, g.why, g.encouragement) if x]))
    elif d.growth_none:
        sections.append((t("ui.debrief.practise", lang), [d.growth_none]))
    if d.key_moments:
        sections.append((t("ui.debrief.key_moments", lang), [f"{k.text} {k.best_text}" for k in d.key_moments]))
    if d.moods:
        sections.append((d.moods_heading, [m.sentence for m in d.moods]))
    if d.skills is not None:
        sk = d.skills
        lines = [x for x in (sk.rq_text, sk.cr_text, sk.adherence_text, sk.option5_text,
                             sk.little_data_text, sk.disclaimer) if x]
        if lines:
            sections.append((sk.heading or t("ui.debrief.skills", lang), lines))
    reflect = [x for x in (d.role_note, d.reflection, d.group_question, d.practice_note) if x]
    if reflect:
        sections.append((t("ui.debrief.reflect", lang), reflect))
    moments = [(f.chosen, f.lines()) for f in d.feedback if not f.undone]
    ending = d.ending
    text = ending.text or ("" if ending.title else ending.sentence)
    return DebriefView(ending.title or d.heading, text, rows, opening=d.opening,
                       profile_note=d.profile_note, checkin=d.checkin, sections=sections,
                       moments=moments, notice=d.notice or "")


# -- finished sessions -------------------------------------------------------------
def record_finished(session, audience: str = "citizen") -> None:
    """Store a finished session locally for the progress view (when the coach has it)."""
    try:
        from ..coach.progress import store_session
    except ImportError:
        return
    try:
        store_session(session, audience=audience)
    except Exception:  # storing history must never interrupt the player
        pass


# -- progress over time ------------------------------------------------------------
_LEVEL = {"strong": 3, "on_the_way": 2, "to_practise": 1}


@dataclass
class ProgressView:
    """The pooled profile across stored sessions, ready for the progress screen.

    Rows: (name, bar 0–100 or None, words, number or None) as :class:`DebriefView`; ``pooled``
    is the number of meetings behind it; ``notes`` name the files that were skipped.
    """

    pooled: int
    rows: list[tuple[str, float | None, str, float | None]]
    notes: list[str] = field(default_factory=list)
    available: bool = True        # False when the coach's progress module is missing


def progress(principles: dict, lang: str, scenarios=None, show_numbers: bool = False) -> ProgressView:
    """Pool raw points and spans across every stored session (never average percentages).

    Reading never creates the sessions folder, so looking at the (empty) page after
    "delete all my data" leaves nothing behind.
    """
    try:
        from ..coach.progress import SESSIONS, list_sessions, pooled_profile
    except ImportError:
        return ProgressView(0, [], available=False)
    from .. import paths
    listing = list_sessions(paths.user_data_dir() / SESSIONS)
    prof = pooled_profile(listing, principles or None, lang, scenarios=scenarios or None)
    rows = []
    for r in prof.rows:
        if not r.sessions:          # never in play: the word says it, no "0 meetings" to read
            words, bar = r.word, None
        elif show_numbers and r.value is not None:
            words = t("ui.progress.row_numbers", lang, word=r.word, value=f"{r.value:.0f}", evidence=r.evidence)
            bar = r.value
        else:
            words = t("ui.progress.row", lang, word=r.word, evidence=r.evidence)
            bar = _LEVEL[r.band] / 3 * 100 if r.band in _LEVEL else None
        rows.append((r.name, bar, words, None))
    return ProgressView(prof.sessions, rows, [s.note(lang) for s in prof.skipped])


def delete_all_data():
    """Delete every file the game stored for this user; the coach's ``DeleteResult`` or None."""
    try:
        from ..coach.progress import delete_all
    except ImportError:
        return None
    return delete_all()
