"""What every report format shows, built once: :func:`build_report`.

A :class:`Report` holds the session (replayed), its debrief, the transcript
with per-choice feedback, and the notes about anything wrong with the file.
When the scenario cannot be found, it is *limited*: only the chosen lines
and the scores stored in the file can be shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..catalog import Shown
from ..coach.debrief import Debrief, build_debrief
from ..coach.feedback import build_feedback
from ..coach.quality import ids_for, q, spread
from ..coach.timeline import Timeline, replay
from ..coach.words import t
from ..engine.model import Scenario
from ..engine.saves import SaveError
from ..engine.scoring import label
from ..engine.session import Session


@dataclass
class Report:
    lang: str
    audience: str
    data: dict                               # the session file as read
    name: str                                # a short id for the session (file stem)
    notes: list[str] = field(default_factory=list)
    scenario: Scenario | None = None
    session: Session | None = None
    timeline: Timeline | None = None
    debrief: Debrief | None = None
    principles: dict = field(default_factory=dict)
    transcript: list[dict] = field(default_factory=list)
    other_attempts: list[dict] = field(default_factory=list)

    @property
    def limited(self) -> bool:
        return self.session is None

    @property
    def title(self) -> str:
        if self.scenario is not None:
            return self.scenario.title
        return str(self.data.get("scenario_title") or self.data.get("scenario") or "")

    @property
    def scores(self) -> dict:
        """principle id -> number or None: exactly ``run --json``'s ``scores``."""
        if self.session is not None:
            return self.debrief.scores.as_numbers()
        stored = self.data.get("scores")
        return stored if isinstance(stored, dict) else {}

    @property
    def index(self) -> float | None:
        if self.session is not None:
            return self.debrief.scores.index
        v = self.data.get("index")
        return v if isinstance(v, (int, float)) and not isinstance(v, bool) else None

    def meta(self) -> dict:
        d = self.data
        session = self.session
        return {
            "finished_at": d.get("finished_at"),
            "difficulty": session.difficulty if session else d.get("difficulty"),
            "practice": bool(session.practice if session else d.get("practice") is True),
            "role": self.scenario.role if self.scenario else None,
        }

    def facts(self) -> list[tuple[str, str]]:
        """(label, value) for the report's header, in the report's language."""
        lang, meta = self.lang, self.meta()
        out = []
        if meta.get("finished_at"):
            out.append((t("report.date", lang), str(meta["finished_at"])[:10]))
        if meta.get("role"):
            out.append((t("report.role", lang), t("role." + meta["role"], lang)))
        if meta.get("difficulty"):
            out.append((t("report.difficulty", lang), str(meta["difficulty"])))
        if meta.get("practice"):
            out.append((t("report.practice", lang), t("report.yes", lang)))
        out.append((t("report.audience", lang), t("report.audience." + self.audience, lang)))
        return out


def _line(ln) -> dict:
    return {"type": "line", "node": ln.node, "speaker": ln.name, "title": ln.title,
            "text": ln.text}


def _transcript(report: Report, ids) -> None:
    tl, session, lang, principles = report.timeline, report.session, report.lang, report.principles
    kept = tl.kept
    order = {id(m): i + 1 for i, m in enumerate(tl.counted)}
    attached: dict[int, list] = {}
    others = []
    for m in tl.moments:
        if not m.undone:
            continue
        target = next((k for k in kept if k.node == m.node and k.index > m.index), None)
        (attached.setdefault(id(target), []) if target else others).append(m)

    def choice_entry(m) -> dict:
        fb = build_feedback(node=m.node, number=m.number, choice=m.choice, visible=m.visible,
                            option_texts=m.options, author=m.feedback, ids=ids,
                            principles=principles, lang=lang, counted=m.counted,
                            undone=m.undone)
        lo, hi = spread(m.visible, ids)
        return {"type": "choice", "attempt": m.index, "node": m.node,
                "order": order.get(id(m)),
                "number": m.number, "text": m.text, "options": list(m.options),
                "counted": m.counted, "undone": m.undone, "feedback": fb.to_dict(),
                "q": q(m.choice, ids), "q_best": hi, "q_low": lo,
                "choice_score": {d: m.choice.score.get(d, 0) for d in ids
                                 if m.choice.score.get(d, 0)}}

    out = []
    for k in kept:
        out.extend(_line(ln) for ln in k.lines)
        entry = choice_entry(k)
        entry["earlier_attempts"] = [choice_entry(u) for u in attached.get(id(k), [])]
        out.append(entry)
    out.extend(_line(ln) for ln in tl.end_lines)
    if session.ended:
        out.append({"type": "end", "node": session.node.id, "title": session.ending_title(),
                    "text": session.ending_text()})
    else:
        out.append({"type": "stopped", "node": session.node.id,
                    "options": [o.text for o in session.options()]})
    report.transcript = out
    report.other_attempts = [choice_entry(u) for u in others]


def build_report(data: dict, scenario: Scenario | None, principles: dict, *, lang: str = "da",
                 audience: str = "citizen", notes: list[str] | None = None,
                 name: str = "session") -> Report:
    """Replay the session against ``scenario`` (or build a limited report without it).

    The scenario's text (title, lines, choices, feedback, endings) is shown in
    ``lang`` where the scenario's library has a translation for it
    (:class:`game.catalog.Shown`), and in Danish line by line where it has not.
    """
    report = Report(lang=lang, audience=audience, data=data, name=name,
                    notes=list(notes or []), scenario=scenario, principles=principles)
    if scenario is None:
        report.notes.append(t("report.limited", lang))
        report.transcript = [
            {"type": "choice", "attempt": i, "node": c.get("node"), "order": i + 1, "number": c.get("number"),
             "text": c.get("text"), "counted": not c.get("undone"), "undone": bool(c.get("undone")),
             "feedback": None}
            for i, c in enumerate(x for x in data.get("choices", []) if isinstance(x, dict))]
        return report
    # the scenario's own text in the report's language, Danish where a row is missing
    shown = Shown(scenario, lang)
    report.scenario = scenario = shown.scenario
    ids = tuple(principles)
    session = shown.resume(data, ids)   # SaveError is the caller's to handle
    if session.notice is not None:
        report.notes.append(session.notice.message(lang))
    elif data.get("content_hash") != scenario.content_hash:
        report.notes.append(t("report.err.edited", lang))
    report.session = session
    report.timeline = replay(session)
    report.debrief = build_debrief(session, principles, lang, audience, timeline=report.timeline)
    _transcript(report, ids_for(session, principles))
    return report


def profile_rows(report: Report) -> list[dict]:
    """Profile rows for any report: from the debrief, or from the stored scores."""
    if report.debrief is not None:
        return [dict(r.to_dict(True)) for r in report.debrief.profile]
    rows = []
    raw = (report.data.get("raw") or {}).get("principles") or {}
    for pid, value in report.scores.items():
        if value is not None and not isinstance(value, (int, float)):
            value = None
        p = report.principles.get(pid)
        b = label(value)
        r = raw.get(pid) if isinstance(raw, dict) else None
        r = r if isinstance(r, dict) else {}
        rows.append({"id": pid, "name": p.label(report.lang) if p else pid,
                     "short": (p.short.get(report.lang) or p.short.get("da", "")) if p else "",
                     "description": "", "band": b, "word": t("band." + b, report.lang),
                     "level": {"strong": 3, "on_the_way": 2, "to_practise": 1}.get(b, 0),
                     "in_play": value is not None, "value": value,
                     "chosen": r.get("chosen"), "low": r.get("low"), "high": r.get("high"),
                     "informative": r.get("informative")})
    return rows


__all__ = ["Report", "build_report", "profile_rows", "SaveError"]
