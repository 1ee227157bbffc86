"""The JSON report: machine-readable, and carrying the same ``scores`` and ``index``
as ``meeting-trainer run --json`` for the same play (always with numbers; the
``debrief`` inside follows the audience's number setting)."""

from __future__ import annotations

import json

from .model import Report

REPORT_VERSION = 1


def report_dict(report: Report) -> dict:
    session = report.session
    out = {
        "kind": "meeting-trainer-report",
        "report_version": REPORT_VERSION,
        "lang": report.lang,
        "audience": report.audience,
        "scenario": report.data.get("scenario"),
        "title": report.title,
        "limited": report.limited,
        "notes": report.notes,
        **report.meta(),
        "ending": session.node.id if session and session.ended else None,
        "ending_title": session.ending_title() if session and session.ended else None,
        "path": list(session.path) if session else None,
        "scores": report.scores,
        "index": report.index,
        "decisions": report.debrief.decisions if report.debrief else None,
        "debrief": report.debrief.to_dict() if report.debrief else None,
        "transcript": report.transcript,
        "other_attempts": report.other_attempts,
    }
    return out


def render_json(report: Report) -> str:
    return json.dumps(report_dict(report), ensure_ascii=False, indent=2) + "\n"
