"""``meeting-trainer test [PATH…]``: run authors' test plans (``scenarios/tests/*.test.yaml``).

    meeting-trainer test                          # every plan under scenarios/tests/
    meeting-trainer test scenarios/tests/x.test.yaml scenarios/y.yaml
    meeting-trainer test --init scenarios/x.yaml  # write a starter plan for a scenario
    meeting-trainer test --record scenarios/x.yaml --choose 1,3,2 [--name "…"]

Each failed expectation is one line ``FILE:LINE:COLUMN: MT9xx error: <playthrough>:
expected …, got …`` pointing into the test plan. Exit status: 0 every playthrough
passed, 1 a failure (or a broken plan or scenario), 2 bad usage.
"""

from __future__ import annotations

from pathlib import Path


def register(sub) -> None:
    p = sub.add_parser(
        "test", help="run the test plans for scenarios (scenarios/tests/*.test.yaml)",
        description="Play every playthrough in the test plans and report each expectation "
                    "that does not hold, with its position in the plan. With --init, write a "
                    "starter plan for a scenario; with --record, print one playthrough to paste.")
    p.add_argument("paths", nargs="*", metavar="PATH",
                   help="test plans, folders, or scenario files (default: scenarios/tests/)")
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--init", action="store_true",
                      help="write tests/<id>.test.yaml for the scenario PATH (best, most "
                           "passive and a mixed playthrough, with today's results)")
    mode.add_argument("--record", action="store_true",
                      help="print a playthrough of the scenario PATH (use with --choose) "
                           "with today's results, ready to paste into a plan")
    p.add_argument("--choose", default="", help="with --record: visible-choice numbers or choice ids, e.g. 1,ask_who,2")
    p.add_argument("--difficulty", type=int, default=None, help="with --record: 1, 2 or 3")
    p.add_argument("--statement", action="store_true",
                   help="with --record: play with the sample personal statement")
    p.add_argument("--name", default=None, help="with --record: the playthrough's name")
    p.add_argument("-v", "--verbose", action="store_true", help="also list the playthroughs that pass")
    p.add_argument("-q", "--quiet", action="store_true", help="no summary line")
    p.set_defaults(func=run)


def _default_folder() -> Path:
    from .. import paths
    here = Path("scenarios") / "tests"
    return here if here.is_dir() else paths.scenarios_dir() / "tests"


def run(args) -> int:
    from ..cli import UsageError
    if args.init or args.record:
        if len(args.paths) != 1:
            raise UsageError(f"--{'init' if args.init else 'record'} takes exactly one scenario file")
        return _init(args) if args.init else _record(args)
    if args.choose or args.name or args.statement or args.difficulty is not None:
        raise UsageError("--choose, --name, --statement and --difficulty go with --record")
    return _run_plans(args)


def _run_plans(args) -> int:
    from .. import paths
    from ..authoring.testplan import plan_files, run_plan_file
    from ..cli import UsageError, _out
    targets = args.paths or [str(_default_folder())]
    files, missing, no_plan = plan_files(targets)
    if missing:
        raise UsageError(f"no such file or folder: {', '.join(missing)}")
    if no_plan:
        names = ", ".join(str(p) for p in no_plan)
        raise UsageError(f"no test plan found for {names}; write one with "
                         f"'meeting-trainer test --init {no_plan[0]}'")
    if not files:
        raise UsageError("no test plans (*.test.yaml) found in " + ", ".join(targets))
    passed = failed = broken = 0
    total = 0
    for f in files:
        res = run_plan_file(f, paths.cache_dir())
        for d in sorted(res.problems, key=lambda d: (d.file != str(f), d.line, d.column)):
            _out(d.format())
        if res.problems:
            broken += 1
        for r in res.results:
            total += 1
            if r.passed:
                passed += 1
                if args.verbose:
                    _out(f"{f}:{r.playthrough.pos[0]}:{r.playthrough.pos[1]}: ok: "
                         f"{r.playthrough.name}")
            else:
                failed += 1
                for d in r.failures:
                    _out(d.format())
    if not args.quiet:
        plans = f"{len(files)} test plan{'s' if len(files) != 1 else ''}"
        extra = f", {broken} plan{'s' if broken != 1 else ''} with problems" if broken else ""
        _out(f"{plans}, {total} playthrough{'s' if total != 1 else ''}: {passed} passed, "
             f"{failed} failed{extra}", err=True)
    return 1 if failed or broken else 0


def _load(path: str):
    from ..cli import load_one
    return load_one(path)


def _init(args) -> int:
    from ..authoring.testplan import SUFFIX, starter_plan
    from ..cli import UsageError, _out
    if args.choose or args.name or args.statement or args.difficulty is not None:
        raise UsageError("--choose, --name, --statement and --difficulty go with --record")
    scenario, principles = _load(args.paths[0])
    out = Path(args.paths[0]).parent / "tests" / f"{scenario.id}{SUFFIX}"
    if out.exists():
        raise UsageError(f"{out} already exists; it is not overwritten (add playthroughs to it "
                         "with 'meeting-trainer test --record', or, to start the plan again "
                         "from the scenario as it is now, delete the file and run this "
                         "command again)")
    text = starter_plan(scenario, principles, str(out))
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        with out.open("x", encoding="utf-8") as fh:
            fh.write(text)
    except OSError as exc:
        raise UsageError(f"cannot write {out}: {exc}") from None
    _out(f"Skrev {out} / wrote {out}", err=True)
    return 0


def _record(args) -> int:
    from ..authoring.testplan import playthrough_yaml
    from ..cli import UsageError, _out
    if args.difficulty is not None and args.difficulty not in (1, 2, 3):
        raise UsageError("--difficulty must be 1, 2 or 3")
    # visible-choice numbers or choice ids, as in a test plan's 'choices:'
    numbers: list[int | str] = [int(x) if x.isdigit() else x for x in
                                (x.strip() for x in (args.choose or "").split(",")) if x]
    if any(n == 0 for n in numbers):
        raise UsageError("--choose takes visible-choice numbers from 1, or choice ids")
    scenario, principles = _load(args.paths[0])
    name = args.name or ("Valg " + ",".join(map(str, numbers)) if numbers else "Starten")
    try:
        text = playthrough_yaml(scenario, principles, name, numbers, args.difficulty,
                                args.statement)
    except ValueError as exc:
        _out(f"{args.paths[0]}: {exc}", err=True)
        return 1
    _out(text.rstrip("\n"))
    return 0
