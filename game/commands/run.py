"""``meeting-trainer run SCENARIO``: play without a window and print the transcript."""

from __future__ import annotations

import json
from pathlib import Path

from ..cli import UsageError, _out, _parse_numbers, load_one


def register(sub) -> None:
    r = sub.add_parser("run", help="play a scenario without a window and print the transcript")
    r.add_argument("scenario")
    r.add_argument("--choose", default="", help="visible-choice numbers in turn, e.g. 1,3,2")
    r.add_argument("--difficulty", type=int, default=None)
    r.add_argument("--seed", type=int, default=0)
    r.add_argument("--statement", help="a JSON file with intro, important, help, so_that")
    r.add_argument("--json", action="store_true")
    r.add_argument("--lang", choices=("da", "en"), default="da")
    r.add_argument("--session-out", help="write the finished session to this file")
    r.set_defaults(func=cmd_run)


def _read_statement(path: str | None):
    if not path:
        return None
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise UsageError(f"cannot read the statement file {path}: {exc}") from None
    if not isinstance(data, dict):
        raise UsageError(f"{path}: a statement file is a JSON object with intro, important, "
                         "help and so_that")
    return data


def cmd_run(args) -> int:
    from ..catalog import Shown
    from ..engine.saves import format_transcript, transcript
    from ..engine.session import SessionError
    scenario, principles = load_one(args.scenario)
    numbers = _parse_numbers(args.choose or "")
    if args.difficulty is not None and args.difficulty not in (1, 2, 3):
        raise UsageError("--difficulty must be 1, 2 or 3")
    shown = Shown(scenario, args.lang)
    for d in shown.errors:   # a broken row: that line is shown in Danish; say why on stderr
        _out(d.format(), err=True)
    try:
        session, events = transcript(shown.scenario, numbers, args.difficulty,
                                     _read_statement(args.statement), args.seed,
                                     translations=shown.translations, lang=shown.lang)
    except SessionError as exc:
        _out(f"{args.scenario}: {exc}", err=True)
        return 1
    session.principle_ids = tuple(principles)
    scores = session.scores()
    if args.session_out:
        from ..coach.progress import session_record
        from ..storage import write_json_atomic
        # the same record the game stores for a finished meeting (``report`` reads it)
        write_json_atomic(Path(args.session_out), session_record(session, principles=principles))
    if args.json:
        result = {
            "scenario": scenario.id,
            "title": shown.scenario.title,
            "difficulty": session.difficulty,
            "seed": session.seed,
            "choices": numbers,
            "ending": session.node.id if session.ended else None,
            "ending_title": session.ending_title() if session.ended else None,
            "path": session.path,
            "scores": scores.as_numbers(),
            "index": scores.index,
            "decisions": scores.decisions,
            "variables": session.variables,
            "moods": session.moods,
            "transcript": events,
        }
        _out(json.dumps(result, ensure_ascii=False, indent=2))
        return 0
    _out(format_transcript(events))
    _out("")
    _out(_format_scores(scores, principles, args.lang))
    return 0


def _format_scores(scores, principles, lang: str) -> str:
    rows = []
    for pid, s in scores.principles.items():
        name = principles[pid].label(lang) if pid in principles else pid
        value = "—" if s.value is None else f"{s.value:.0f}"
        rows.append(f"  {name:<28} {value:>4}   (X={s.chosen}, L={s.low}, U={s.high})")
    idx = "—" if scores.index is None else f"{scores.index:.0f}"
    head = "Scores" if lang == "en" else "Point"
    return "\n".join([f"{head} ({scores.decisions} decisions):", *rows,
                      f"  {'Index':<28} {idx:>4}   (X={scores.index_chosen}, "
                      f"L={scores.index_low}, U={scores.index_high})"])
