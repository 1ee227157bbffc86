"""The ``meeting-trainer`` command: one entry point, one subcommand per job.

Every subcommand turns bad input into a clear message and an exit status —
0 fine, 1 a problem in a file, 2 bad usage — never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import paths
from .engine.diagnostics import ScenarioError
from .engine.library import check_files, scenario_files
from .engine.principles import find_principles_file, load_principles


class UsageError(Exception):
    """Bad usage: printed as one line, exit status 2."""


def _out(text: str = "", *, err: bool = False) -> None:
    stream = sys.stderr if err else sys.stdout
    try:
        stream.write(text + "\n")
    except UnicodeEncodeError:  # a terminal that cannot show æ, ø, å
        stream.write(text.encode(stream.encoding or "ascii", "replace").decode(
            stream.encoding or "ascii") + "\n")


def principles_for(path: str | Path):
    """Load the principles that apply to a scenario path (beside it, or bundled)."""
    found = find_principles_file(path, default=paths.principles_file())
    if found is None or not found.is_file():
        raise UsageError("cannot find principles.yaml (looked beside the scenario and in "
                         "the bundled scenarios folder)")
    return load_principles(found)


def load_one(path: str):
    """Load one scenario for playing; print its errors and exit 1 if it has any."""
    from .engine.compiler import load_scenario
    if not Path(path).exists():
        raise UsageError(f"no such file: {path}")
    principles = principles_for(path)
    return load_scenario(path, principles, paths.cache_dir()), principles


# -- check ------------------------------------------------------------------
def cmd_check(args) -> int:
    files, missing = scenario_files(args.paths)
    if missing:
        raise UsageError(f"no such file or folder: {', '.join(missing)}")
    if not files:
        raise UsageError("no scenario files (*.yaml) found in " + ", ".join(args.paths))
    status = 0
    by_principles: dict[Path, list[Path]] = {}
    for f in files:
        pf = find_principles_file(f, default=paths.principles_file())
        by_principles.setdefault(pf, []).append(f)
    diagnostics = []
    for pf, group in by_principles.items():
        try:
            principles = load_principles(pf)
        except ScenarioError as exc:
            diagnostics.extend(exc.diagnostics)
            continue
        lib = check_files(group, principles, None if args.no_cache else paths.cache_dir())
        diagnostics.extend(lib.diagnostics)
    errors = sum(d.is_error for d in diagnostics)
    warnings = len(diagnostics) - errors
    for d in diagnostics:
        _out(d.format())
    if errors:
        status = 1
    if not args.quiet:
        _out(f"{len(files)} file{'s' if len(files) != 1 else ''} checked: "
             f"{errors} error{'s' if errors != 1 else ''}, "
             f"{warnings} warning{'s' if warnings != 1 else ''}", err=True)
    return status


# -- run --------------------------------------------------------------------
def _parse_numbers(text: str) -> list[int]:
    if not text.strip():
        return []
    try:
        return [int(x) for x in text.replace(" ", "").split(",") if x]
    except ValueError:
        raise UsageError(f"--choose takes numbers separated by commas, e.g. 1,3,2 (got '{text}')") from None


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
    from .engine.saves import format_transcript, transcript, to_dict
    from .engine.session import SessionError
    scenario, principles = load_one(args.scenario)
    numbers = _parse_numbers(args.choose or "")
    if args.difficulty is not None and args.difficulty not in (1, 2, 3):
        raise UsageError("--difficulty must be 1, 2 or 3")
    try:
        session, events = transcript(scenario, numbers, args.difficulty,
                                     _read_statement(args.statement), args.seed)
    except SessionError as exc:
        _out(f"{args.scenario}: {exc}", err=True)
        return 1
    session.principle_ids = tuple(principles)
    scores = session.scores()
    if args.session_out:
        from .storage import write_json_atomic
        write_json_atomic(Path(args.session_out), to_dict(session))
    if args.json:
        result = {
            "scenario": scenario.id,
            "title": scenario.title,
            "difficulty": session.difficulty,
            "seed": session.seed,
            "choices": numbers,
            "ending": session.node.id if session.ended else None,
            "ending_title": session.render(session.node.end.title) if session.ended else None,
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


# -- play -------------------------------------------------------------------
def has_display() -> bool:
    """Whether a window can be opened (Linux needs X11 or Wayland; others always can)."""
    import os
    if os.environ.get("SDL_VIDEODRIVER"):
        return True
    if sys.platform.startswith("linux") or "bsd" in sys.platform:
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


def cmd_play(args) -> int:
    from .terminal import play_terminal
    if not args.text:
        if not has_display():
            _out("Der er ingen skærm at åbne et vindue på, så spillet starter i terminalen.\n"
                 "No display was found, so the game starts in the terminal.\n"
                 "(Næste gang / next time: meeting-trainer play --text)\n", err=True)
            return play_terminal(args)
        try:
            from .ui.app import run_app
        except ImportError as exc:
            _out(f"Vinduet kan ikke starte ({exc}); spillet starter i terminalen.\n"
                 f"The window cannot start ({exc}); the game starts in the terminal.", err=True)
        else:
            return run_app(args)
    return play_terminal(args)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="meeting-trainer",
                                description="Mødetræner — rehearse hard meetings.")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    c = sub.add_parser("check", help="check scenario files and print every problem")
    c.add_argument("paths", nargs="+", metavar="PATH")
    c.add_argument("-q", "--quiet", action="store_true", help="no summary line")
    c.add_argument("--no-cache", action="store_true", help="ignore the compiled cache")
    c.set_defaults(func=cmd_check)

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

    pl = sub.add_parser("play", help="play (the window, or --text for the terminal)")
    pl.add_argument("scenario", nargs="?")
    pl.add_argument("--text", action="store_true", help="terminal mode (works with screen readers)")
    pl.add_argument("--difficulty", type=int, default=None)
    pl.add_argument("--lang", choices=("da", "en"), default=None)
    pl.add_argument("--watch", metavar="FILE", help="reload FILE when it is saved (authors' preview)")
    pl.add_argument("--practice", action="store_true", help="allow stepping back (only first attempts are scored)")
    pl.set_defaults(func=cmd_play)

    import importlib
    import pkgutil
    from . import commands
    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        if not info.name.startswith("_"):
            importlib.import_module(f"{commands.__name__}.{info.name}").register(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: 2 on bad usage, 0 for --help
        return int(exc.code or 0)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return args.func(args)
    except UsageError as exc:
        _out(f"meeting-trainer {args.command}: {exc}", err=True)
        return 2
    except ScenarioError as exc:
        for d in exc.diagnostics:
            _out(d.format())
        return 1
    except KeyboardInterrupt:
        _out("", err=True)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
