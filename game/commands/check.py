"""``meeting-trainer check PATH...``: every problem in scenario files, one line each."""

from __future__ import annotations

from pathlib import Path

from .. import paths
from ..cli import UsageError, _out
from ..engine.diagnostics import ScenarioError
from ..engine.library import check_files, scenario_files
from ..engine.principles import find_principles_file, load_principles


def register(sub) -> None:
    c = sub.add_parser("check", help="check scenario files and print every problem")
    c.add_argument("paths", nargs="+", metavar="PATH")
    c.add_argument("-q", "--quiet", action="store_true", help="no summary line")
    c.add_argument("--no-cache", action="store_true", help="ignore the compiled cache")
    c.set_defaults(func=cmd_check)


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
