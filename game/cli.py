"""The ``meeting-trainer`` command: one entry point, one subcommand per job.

Every subcommand turns bad input into a clear message and an exit status —
0 fine, 1 a problem in a file, 2 bad usage — never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import paths
from .engine.diagnostics import ScenarioError
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


def _parse_numbers(text: str) -> list[int]:
    """``--choose 1,3,2`` as a list of numbers; bad input is a usage error."""
    if not text.strip():
        return []
    try:
        return [int(x) for x in text.replace(" ", "").split(",") if x]
    except ValueError:
        raise UsageError(f"--choose takes numbers separated by commas, e.g. 1,3,2 (got '{text}')") from None


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="meeting-trainer",
                                description="Mødetræner — rehearse hard meetings.")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    import importlib
    import pkgutil
    from . import commands
    first = {"check": 0, "run": 1, "play": 2}   # the everyday commands head the help
    for info in sorted(pkgutil.iter_modules(commands.__path__),
                       key=lambda m: (first.get(m.name, 9), m.name)):
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
    except BrokenPipeError:
        # the reader went away (e.g. `meeting-trainer run … | head`): stop quietly, and
        # point stdout at devnull so Python's own flush at exit does not complain either
        import os
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError, AttributeError):  # not a real file (tests)
            pass
        return 141


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
