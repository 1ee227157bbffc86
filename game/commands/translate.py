"""``meeting-trainer translate extract|check|accept``: scenario translation files.

    meeting-trainer translate extract --lang en                # every scenario in scenarios/
    meeting-trainer translate extract --lang en scenarios/x.yaml
    meeting-trainer translate check                            # every language found
    meeting-trainer translate check --lang en scenarios/locales/en/x.csv
    meeting-trainer translate accept --lang en scenarios/x.yaml x.say2 x.ask.feedback
    meeting-trainer translate accept --lang en --all scenarios/x.yaml

The files are ``<library>/locales/<lang>/<scenario id>.csv`` (format and codes:
:mod:`game.engine.translations`). ``check`` prints one line per problem,
``FILE:LINE:COLUMN: CODE severity: message``, then one progress line per file
(``translated n/m, stale k, missing j``). Exit status: 0 when there are no
errors — missing and stale lines are warnings, because a partly translated
scenario plays fine (untranslated lines are shown in Danish) and translation
is work in progress; ``--strict`` makes warnings fail too (for a release) —
1 on an error (a broken scenario, an unreadable file, malformed, duplicate or
extra rows, placeholder mismatches), 2 on bad usage.
"""

from __future__ import annotations

from pathlib import Path


def register(sub) -> None:
    p = sub.add_parser(
        "translate", help="translation files for scenarios: extract, check, accept",
        description="Write and check the per-language translation tables of scenarios "
                    "(<library>/locales/<lang>/<scenario id>.csv, one row per line).")
    acts = p.add_subparsers(dest="action", metavar="ACTION")
    acts.required = True

    e = acts.add_parser("extract", help="create or update translation files",
                        description="Create or update the translation file of each scenario: "
                                    "new lines get empty rows, translations are kept, changed "
                                    "Danish lines keep their old lock (stale), removed lines "
                                    "are dropped. Unchanged input gives a byte-identical file.")
    e.add_argument("--lang", required=True, help="the target language, e.g. en")
    e.add_argument("paths", nargs="*", metavar="PATH",
                   help="scenario files or folders (default: scenarios/ in the current "
                        "folder, else the bundled library)")
    e.add_argument("--dry-run", action="store_true", help="report, but write nothing")
    e.set_defaults(func=run_extract)

    c = acts.add_parser("check", help="report missing, stale and broken translations",
                        description="Check translation files against their scenarios, row by "
                                    "row. Errors: unreadable files, bad headers, malformed, "
                                    "duplicate and extra rows, placeholder mismatches. "
                                    "Warnings: missing and stale translations.")
    c.add_argument("--lang", default=None, help="only this language (default: every "
                                                "language under locales/)")
    c.add_argument("paths", nargs="*", metavar="PATH",
                   help="scenario files, folders or translation files (.csv) (default: "
                        "scenarios/ in the current folder, else the bundled library)")
    c.add_argument("--strict", action="store_true",
                   help="exit 1 on warnings too (every line translated and up to date)")
    c.add_argument("-q", "--quiet", action="store_true", help="no progress lines")
    c.set_defaults(func=run_check)

    a = acts.add_parser("accept", help="mark stale translations as up to date",
                        description="After updating stale translations, set their lock to the "
                                    "current Danish text, so check no longer warns.")
    a.add_argument("--lang", required=True)
    a.add_argument("scenario", metavar="SCENARIO")
    a.add_argument("ids", nargs="*", metavar="ID", help="line ids (see translate check)")
    a.add_argument("--all", action="store_true", help="every stale row of the file")
    a.set_defaults(func=run_accept)


# -- shared ---------------------------------------------------------------------------
def _lang(value: str | None):
    from ..authoring.translate import LANG_RE
    from ..cli import UsageError
    if value is not None and not LANG_RE.match(value):
        raise UsageError(f"--lang takes a language code such as en or de, not '{value}'")
    return value


def _default(paths: list[str]) -> list[str]:
    """The paths given, else ``scenarios/`` in the current folder if there is one (as for
    ``new`` and ``test``: an author's own library), else the bundled scenarios/ (relative
    to the current folder if inside)."""
    import os

    from .. import paths as P
    if paths:
        return paths
    if Path("scenarios").is_dir():
        return ["scenarios"]
    folder = P.scenarios_dir()
    try:
        return [os.path.relpath(folder) if folder.resolve().is_relative_to(Path.cwd().resolve())
                else str(folder)]
    except (OSError, ValueError):
        return [str(folder)]


def _load(files: list[Path]):
    """Compile scenario files; return (scenarios in order, diagnostics of broken files)."""
    from .. import paths as P
    from ..cli import principles_for
    from ..engine.diagnostics import ScenarioError
    from ..engine.library import check_files
    from ..engine.principles import find_principles_file
    groups: dict[Path | None, list[Path]] = {}
    for f in files:
        groups.setdefault(find_principles_file(f, default=P.principles_file()), []).append(f)
    scenarios, diags = [], []
    for group in groups.values():
        try:
            principles = principles_for(group[0])
        except ScenarioError as exc:
            diags.extend(exc.diagnostics)
            continue
        lib = check_files(group, principles, P.cache_dir())
        diags.extend(d for d in lib.diagnostics if d.is_error)
        scenarios.extend(lib.scenarios.values())
    order = {str(f): i for i, f in enumerate(files)}
    scenarios.sort(key=lambda s: order.get(s.path, 0))
    return scenarios, diags


def _scenario_files(paths: list[str]):
    from ..cli import UsageError
    from ..engine.library import scenario_files
    files, missing = scenario_files(paths)
    if missing:
        raise UsageError(f"no such file or folder: {', '.join(missing)}")
    return files


# -- extract --------------------------------------------------------------------------
def run_extract(args) -> int:
    from ..authoring.translate import extract
    from ..cli import UsageError, _out
    lang = _lang(args.lang)
    paths = _default(args.paths)
    if any(p.endswith(".csv") for p in paths):
        raise UsageError("extract takes scenario files or folders, not a translation file")
    files = _scenario_files(paths)
    if not files:
        raise UsageError("no scenario files (*.yaml) found in " + ", ".join(paths))
    scenarios, broken = _load(files)
    for d in broken:
        _out(d.format())
    status = 1 if broken else 0
    for s in scenarios:
        if s.lang == lang:
            raise UsageError(f"'{s.id}' is written in {lang}; extract translates it into "
                             "another language (e.g. --lang en)")
    for s in scenarios:
        result = extract(s, lang, write=not args.dry_run)
        for line in result.report():
            _out(line)
        if result.refused:
            status = 1
    return status


# -- check ----------------------------------------------------------------------------
def _ids_under(root: Path) -> dict[str, Path]:
    """Scenario id -> file for every scenario under ``root`` (broken files are skipped)."""
    from .. import paths as P
    from ..engine.compiler import compile_file
    from ..engine.diagnostics import ScenarioError
    from ..engine.library import scenario_files
    from ..engine.principles import find_principles_file, load_principles
    out: dict[str, Path] = {}
    files = scenario_files([root])[0]
    cache: dict[Path | None, dict] = {}
    for f in files:
        pf = find_principles_file(f, default=P.principles_file())
        if pf not in cache:
            try:
                cache[pf] = load_principles(pf) if pf is not None else {}
            except ScenarioError:          # a broken principles.yaml: ids still come out
                cache[pf] = {}
        s, _ = compile_file(f, cache[pf], P.cache_dir())
        if s is not None and s.id:
            out.setdefault(s.id, f)
    return out


def run_check(args) -> int:
    from ..authoring.translate import check_scenario, languages, orphans
    from ..cli import UsageError, _out
    from ..engine.diagnostics import WARNING, Diagnostic
    from ..engine.translations import library_root
    lang = _lang(args.lang)
    paths = _default(args.paths)
    csvs = [Path(p) for p in paths if p.endswith(".csv")]
    others = [p for p in paths if not p.endswith(".csv")]
    missing = [str(p) for p in csvs if not p.is_file()]
    if missing:
        raise UsageError(f"no such file: {', '.join(missing)}")
    files = _scenario_files(others) if others else []
    every_lang = {f.resolve() for f in files}        # scenarios named directly or in a folder
    only: dict[Path, set[str]] = {}                  # scenario -> langs of .csv files named
    diags: list[Diagnostic] = []
    for c in csvs:
        c_lang = c.parent.name
        if lang is not None and c_lang != lang:
            raise UsageError(f"{c} is in the folder '{c_lang}', not '{lang}'")
        root = c.resolve().parent.parent.parent
        found = _ids_under(root).get(c.stem)
        if found is None:
            diags.append(Diagnostic(str(c), 1, 1, "MT810",
                                    f"there is no scenario with the id '{c.stem}' in {root}; "
                                    "the file name must be the scenario's id", WARNING))
            continue
        only.setdefault(found.resolve(), set()).add(c_lang)
        if found.resolve() not in {f.resolve() for f in files}:
            files.append(found)
    if not files and not diags:
        raise UsageError("no scenario files (*.yaml) found in " + ", ".join(paths))
    scenarios, broken = _load(files)
    diags.extend(broken)
    audits = []
    summaries: list[str] = []
    for s in scenarios:
        root = library_root(s.path)
        me = Path(s.path).resolve()
        langs = set(only.get(me, ()))
        if me in every_lang:
            langs |= {lang} if lang else {lg for lg in languages(root) if lg != s.lang}
        for lg in sorted(langs):
            result = check_scenario(s, lg)
            if result is None:
                line, col = s.where.get("id", (1, 1))
                diags.append(Diagnostic(
                    s.path, line, col, "MT809",
                    f"'{s.id}' has no {lg} translation file; run 'meeting-trainer translate "
                    f"extract --lang {lg} {s.path}'", WARNING))
                summaries.append(f"{s.path}: no {lg} translation file")
                continue
            audits.append(result)
            diags.extend(result.diagnostics)
            summaries.append(result.summary())
    # translation files whose scenario does not exist, when a whole library is checked
    for p in others:
        if Path(p).is_dir() and library_root(Path(p)).resolve() == Path(p).resolve():
            root = Path(p)
            ids = set(_ids_under(root))
            for lg in ([lang] if lang else languages(root)):
                for o in orphans(root, lg, ids):
                    diags.append(Diagnostic(str(o), 1, 1, "MT810",
                                            f"no scenario has the id '{o.stem}'; rename the "
                                            "file to its scenario's id, or delete it", WARNING))
    if not audits and not diags and not args.quiet:
        _out("no translation files found; create them with 'meeting-trainer translate "
             "extract --lang en'")
    for d in diags:
        _out(d.format())
    errors = sum(d.is_error for d in diags)
    warnings = len(diags) - errors
    if not args.quiet:
        for line in summaries:
            _out(line)
        n = len(audits)
        _out(f"{n} translation file{'s' if n != 1 else ''} checked: "
             f"{errors} error{'s' if errors != 1 else ''}, "
             f"{warnings} warning{'s' if warnings != 1 else ''}")
    if errors or (args.strict and warnings):
        return 1
    return 0


# -- accept ---------------------------------------------------------------------------
def run_accept(args) -> int:
    from ..authoring.translate import accept
    from ..cli import UsageError, _out
    lang = _lang(args.lang)
    if not args.ids and not args.all:
        raise UsageError("name the line ids to accept, or use --all for every stale row")
    if args.ids and args.all:
        raise UsageError("give line ids or --all, not both")
    files = _scenario_files([args.scenario])
    if len(files) != 1:
        raise UsageError("accept takes one scenario file")
    scenarios, broken = _load(files)
    for d in broken:
        _out(d.format())
    if not scenarios:
        return 1
    result, done, unknown = accept(scenarios[0], lang, None if args.all else list(args.ids))
    if result.refused:
        for line in result.report():
            _out(line)
        return 1
    for i in unknown:
        _out(f"{result.display}: no row '{i}'", err=True)
    _out(f"{result.display}: {len(done)} translation{'s' if len(done) != 1 else ''} marked "
         "up to date" + (": " + ", ".join(done) if done else ""))
    return 1 if unknown else 0
