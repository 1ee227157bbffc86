"""``meeting-trainer graph SCENARIO --format dot|mermaid|html [-o OUT]``: draw a scenario."""

from __future__ import annotations

from pathlib import Path

FORMATS = ("dot", "mermaid", "html")


def register(sub) -> None:
    p = sub.add_parser(
        "graph", help="draw a scenario as DOT, Mermaid or a self-contained HTML page",
        description="Draw a scenario: decisions, lines and endings as shapes, every choice as an "
                    "arrow labelled with its number and score; dashed arrows have an 'if'.")
    p.add_argument("scenario", metavar="SCENARIO")
    p.add_argument("--format", "-f", choices=FORMATS, default="html",
                   help="dot (Graphviz), mermaid, or html (default; open it in a browser)")
    p.add_argument("-o", "--output", metavar="OUT", help="write to this file (default: print)")
    p.set_defaults(func=run)


def run(args) -> int:
    from ..authoring import graph, graph_html
    from ..cli import UsageError, _out, load_one
    if args.output:
        out = Path(args.output)
        if out.is_dir():
            raise UsageError(f"-o needs a file name, not a folder: {args.output}")
        if not out.parent.exists():
            raise UsageError(f"the folder for -o does not exist: {out.parent}")
    scenario, principles = load_one(args.scenario)
    if args.format == "dot":
        text = graph.to_dot(scenario, principles)
    elif args.format == "mermaid":
        text = graph.to_mermaid(scenario, principles)
    else:
        text = graph_html.to_html(scenario, principles)
    if args.output:
        try:
            Path(args.output).write_text(text, encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"cannot write {args.output}: {exc}") from None
        _out(f"{args.format} graph written to {args.output}", err=True)
    else:
        _out(text.rstrip("\n"))
    return 0
