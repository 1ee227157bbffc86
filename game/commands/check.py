"""``meeting-trainer check PATH...``: every problem in scenario files, one line each.

Three kinds of check, all printed the same way (``FILE:LINE:COLUMN: CODE severity:
message``, sorted by file, line, column and code):

* the engine's own checks (MT0xx–MT5xx), for every file;
* scenario smells (MT6xx, warnings, :mod:`game.authoring.smells`), for every
  scenario that loaded without errors; ``--no-smells`` turns them off;
* tone and safety (MT701 warning, MT702 error, :mod:`game.coach.tone`), for every
  scenario that loaded without errors; always on.

The smells and the tone checks live outside ``game/engine`` and are imported here
only, so the engine stays free of numpy and pygame.
"""

from __future__ import annotations

from pathlib import Path

from .. import paths
from ..cli import UsageError, _out
from ..engine.diagnostics import Diagnostic, ScenarioError
from ..engine.library import check_files, scenario_files
from ..engine.principles import find_principles_file, load_principles


def register(sub) -> None:
    c = sub.add_parser("check", help="check scenario files and print every problem")
    c.add_argument("paths", nargs="+", metavar="PATH")
    c.add_argument("-q", "--quiet", action="store_true", help="no summary line")
    c.add_argument("--no-cache", action="store_true", help="ignore the compiled cache")
    c.add_argument("--no-smells", action="store_true",
                   help="skip the scenario smells (MT601-MT608); tone checks (MT7xx) still run")
    c.set_defaults(func=cmd_check)


def _after_loading(lib, principles, with_smells: bool) -> tuple[list[Diagnostic], list[str]]:
    """Smells and tone diagnostics for every error-free scenario; also notes for stderr.

    One scenario whose analysis fails never stops the others and never prints a
    traceback: the failure becomes a note, and the other checks still count.
    """
    from ..coach.tone import tone_diagnostics
    smells = None
    if with_smells:
        from ..authoring.smells import smells
    out: list[Diagnostic] = []
    notes: list[str] = []
    for scenario in lib.scenarios.values():
        try:
            out.extend(tone_diagnostics(scenario))
        except Exception as exc:  # noqa: BLE001 — a bug here must not hide the other files
            notes.append(f"{scenario.path}: the tone check stopped early "
                         f"({type(exc).__name__}: {exc})")
        if smells is None:
            continue
        try:
            out.extend(smells(scenario, principles))
        except Exception as exc:  # noqa: BLE001 — e.g. MemoryError or RecursionError on a huge file
            notes.append(f"{scenario.path}: the smell analysis was skipped "
                         f"({type(exc).__name__}: {exc}); run with --no-smells to silence this")
    return out, notes


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
    diagnostics: list[Diagnostic] = []
    notes: list[str] = []
    for pf, group in by_principles.items():
        try:
            principles = load_principles(pf)
        except ScenarioError as exc:
            diagnostics.extend(exc.diagnostics)
            continue
        lib = check_files(group, principles, None if args.no_cache else paths.cache_dir())
        diagnostics.extend(lib.diagnostics)
        more, why = _after_loading(lib, principles, with_smells=not args.no_smells)
        diagnostics.extend(more)
        notes.extend(why)
    diagnostics.sort(key=Diagnostic.sort_key)
    errors = sum(d.is_error for d in diagnostics)
    warnings = len(diagnostics) - errors
    for d in diagnostics:
        _out(d.format())
    for note in notes:
        _out(f"note: {note}", err=True)
    if errors:
        status = 1
    if not args.quiet:
        _out(f"{len(files)} file{'s' if len(files) != 1 else ''} checked: "
             f"{errors} error{'s' if errors != 1 else ''}, "
             f"{warnings} warning{'s' if warnings != 1 else ''}", err=True)
    return status
