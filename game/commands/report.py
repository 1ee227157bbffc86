"""``meeting-trainer report SESSION_FILE``: a session file as an HTML, JSON, CSV or text report.

    meeting-trainer report SESSION_FILE [--format html|json|csv|text] [--lang da|en]
                           [--audience citizen|staff|peer|facilitator]
                           [--scenario PATH] [-o OUT]

``text`` is plain text for a terminal or a screen reader: headings on their
own lines, lists with "- ", wrapped at 80 columns. The scenario's own text
(lines, choices, feedback, the ending) is shown in ``--lang`` where the
scenario has a translation, and in Danish line by line where it has not.

The scenario is found by the id in the session file among the bundled
scenarios, or given with ``--scenario``. Bad input never ends in a traceback:
the command says what is wrong (on stderr) and what it can still show.
Exit status: 0 a report was written (perhaps with notes), 1 nothing could be
shown, 2 bad usage (e.g. no such file).
"""

from __future__ import annotations

import sys
from pathlib import Path

FORMATS = ("html", "json", "csv", "text")


def register(subparsers) -> None:
    from ..coach.words import AUDIENCES
    p = subparsers.add_parser(
        "report", help="turn a saved session into a report (HTML, JSON, CSV or text)",
        description="Turn a saved session (from the game or 'run --session-out') into a "
                    "report: a printable HTML page, JSON, CSV for Danish Excel, or plain "
                    "text for a terminal or a screen reader.")
    p.add_argument("session_file", metavar="SESSION_FILE")
    p.add_argument("--format", choices=FORMATS, default="html",
                   help="html (default), json, csv, or text (plain text, 80 columns)")
    p.add_argument("--lang", choices=("da", "en"), default="da",
                   help="the report's language, also for the scenario's text where it is "
                        "translated (default: da)")
    p.add_argument("--audience", choices=AUDIENCES, default=None,
                   help="who reads it: numbers are hidden for citizen unless asked "
                        "(default: as stored in the file, else citizen)")
    p.add_argument("--scenario", metavar="PATH", help="the scenario file, if it is not bundled")
    p.add_argument("-o", "--output", metavar="OUT", help="write here (default: standard output)")
    p.set_defaults(func=cmd_report)


def _err(text: str) -> None:
    from ..cli import _out
    _out(text, err=True)


def _scenario_for(args, scenario_id: str, lang: str):
    """(scenario or None, principles, notes). Raises UsageError / returns None for missing."""
    from .. import paths
    from ..cli import UsageError, principles_for
    from ..coach.words import t
    from ..engine.compiler import compile_file
    from ..engine.diagnostics import ScenarioError
    from ..engine.library import load_folder
    from ..engine.principles import load_principles
    if args.scenario:
        if not Path(args.scenario).is_file():
            raise UsageError(t("report.err.missing", lang, path=args.scenario))
        principles = principles_for(args.scenario)
        scenario, diags = compile_file(args.scenario, principles, paths.cache_dir())
        errors = [d for d in diags if d.is_error]
        if scenario is None or errors:
            raise ScenarioError(errors or diags)
        return scenario, principles
    try:
        principles = load_principles(paths.principles_file())
        lib = load_folder(paths.scenarios_dir(), paths.principles_file(), paths.cache_dir())
    except ScenarioError:
        return None, {}
    return lib.scenarios.get(scenario_id), principles


def cmd_report(args) -> int:
    from ..cli import UsageError
    from ..coach.words import t
    from ..engine.diagnostics import ScenarioError
    from ..engine.saves import SaveError
    from ..reports.model import build_report
    from ..reports.source import NothingToShow, read_session_file
    lang = args.lang
    try:
        sf = read_session_file(args.session_file, lang)
    except FileNotFoundError as exc:
        raise UsageError(str(exc)) from None
    except NothingToShow as exc:
        _err(str(exc))
        return 1
    data = sf.data
    notes = list(sf.notes)
    scenario_id = data["scenario"]
    try:
        scenario, principles = _scenario_for(args, scenario_id, lang)
    except ScenarioError as exc:
        _err(t("report.err.scenario_file", lang, path=args.scenario))
        for d in exc.diagnostics:
            _err(d.format())
        return 1
    if scenario is not None and scenario.id != scenario_id:
        _err(t("report.err.wrong_scenario", lang, saved=scenario_id, given=scenario.id))
        return 1
    if scenario is None:
        notes.append(t("report.err.no_scenario", lang, id=scenario_id))
        has_choices = any(isinstance(c, dict) and c.get("text") for c in data["choices"])
        if not has_choices and not isinstance(data.get("scores"), dict):
            for n in notes:
                _err(n)
            _err(t("report.err.nothing", lang))
            return 1
        if not principles:
            from ..coach.words import bundled_principles
            try:
                principles = bundled_principles()
            except Exception:  # noqa: BLE001 - names are a nicety in a limited report
                principles = {}
    from ..coach.words import AUDIENCES
    audience = args.audience or (data.get("audience") if data.get("audience") in AUDIENCES
                                 else "citizen")
    try:
        report = build_report(data, scenario, principles, lang=lang, audience=audience,
                              notes=notes, name=Path(args.session_file).stem)
    except SaveError as exc:  # pragma: no cover - scenario ids are compared above
        _err(str(exc))
        return 1
    if args.format == "html":
        from ..reports.html import render_html
        text = render_html(report)
    elif args.format == "json":
        from ..reports.json_report import render_json
        text = render_json(report)
    elif args.format == "csv":
        from ..reports.csv_report import render_csv
        text = render_csv(report)
    else:
        from ..reports.text import render_text
        text = render_text(report)
    for n in report.notes:
        _err(n)
    if args.output:
        from ..storage import write_text_atomic
        try:
            write_text_atomic(Path(args.output), text)
        except OSError as exc:
            raise UsageError(f"cannot write {args.output}: {exc.strerror or exc}") from None
        _err(t("report.written", lang, path=args.output))
    else:
        try:
            sys.stdout.write(text)
        except UnicodeEncodeError:
            sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.flush()
    return 0
