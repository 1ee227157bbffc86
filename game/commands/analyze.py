"""``meeting-trainer analyze SCENARIO``: scores, endings and weak spots over every playthrough."""

from __future__ import annotations

import json
from pathlib import Path


def register(sub) -> None:
    p = sub.add_parser(
        "analyze", help="what every playthrough of a scenario can score, and how it can end",
        description="Analyse every playthrough of a scenario: the lowest and highest score per "
                    "principle and for the index, the distribution of scores, the chance of "
                    "every ending under random choices, dominated options and more.")
    p.add_argument("scenario", metavar="SCENARIO")
    p.add_argument("--difficulty", type=int, default=1, help="1, 2 or 3 (default 1)")
    p.add_argument("--statement", action="store_true",
                   help="analyse as if the player has written a personal statement")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--html", metavar="OUT", help="also write a self-contained HTML report")
    p.add_argument("--samples", type=int, default=None,
                   help="walks to draw when the playthroughs are too many to count (default 4000)")
    p.add_argument("--seed", type=int, default=None, help="seed for those walks (default 1)")
    p.set_defaults(func=run)


def run(args) -> int:
    from ..authoring import analysis
    from ..cli import UsageError, _out, load_one
    if args.difficulty not in (1, 2, 3):
        raise UsageError("--difficulty must be 1, 2 or 3")
    if args.samples is not None and args.samples < 1:
        raise UsageError("--samples must be at least 1")
    if args.html:
        out = Path(args.html)
        if out.is_dir():
            raise UsageError(f"--html needs a file name, not a folder: {args.html}")
        if not out.parent.exists():
            raise UsageError(f"the folder for --html does not exist: {out.parent}")
    scenario, principles = load_one(args.scenario)
    result = analysis.analyze(
        scenario, principles, args.difficulty, args.statement,
        samples=args.samples or analysis.SAMPLES,
        seed=analysis.SEED if args.seed is None else args.seed)
    if args.html:
        from ..authoring.html_report import analysis_html
        try:
            Path(args.html).write_text(analysis_html(result), encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"cannot write {args.html}: {exc}") from None
    if args.json:
        _out(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    else:
        _out(result.text())
    if args.html:
        _out(f"HTML report written to {args.html}", err=True)
    return 0
