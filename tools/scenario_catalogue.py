#!/usr/bin/env python3
"""Print (or refresh in docs/scenarios.md) the library catalogue's measured numbers.

    python tools/scenario_catalogue.py                  # tables and per-scenario facts, da + en
    python tools/scenario_catalogue.py --lang en        # one language
    python tools/scenario_catalogue.py --json           # the same numbers as JSON
    python tools/scenario_catalogue.py --update docs/scenarios.md   # rewrite its generated parts
    python tools/scenario_catalogue.py --check docs/scenarios.md    # exit 1 if they are stale

The numbers come from game/authoring/catalogue.py (its docstring defines every term). In
docs/scenarios.md the generated parts sit between ``<!-- catalogue:KEY -->`` and
``<!-- /catalogue -->``; everything else in that file is prose and is left alone.
"""

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from game.authoring import catalogue, catalogue_doc  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lang", choices=("da", "en", "both"), default="both")
    ap.add_argument("--json", action="store_true", help="print JSON instead of Markdown")
    ap.add_argument("--folder", default=str(catalogue.SCENARIOS), help="the scenarios folder")
    ap.add_argument("--update", metavar="DOC", help="rewrite the generated parts of DOC")
    ap.add_argument("--check", metavar="DOC", help="exit 1 if the generated parts of DOC are stale")
    args = ap.parse_args(argv)
    rows = catalogue.library_facts(args.folder)
    doc = args.update or args.check
    if doc:
        path = Path(doc)
        text = path.read_text(encoding="utf-8")
        new, changed = catalogue_doc.update_document(text, rows)
        if args.check:
            for key in changed:
                print(f"{path}: stale: {key}")
            return 1 if changed else 0
        if new != text:
            path.write_text(new, encoding="utf-8")
        print(f"{path}: {len(catalogue_doc.document_keys(text))} generated parts, "
              f"{len(changed)} rewritten" + (f" ({', '.join(changed)})" if changed else ""))
        return 0
    if args.json:
        print(catalogue_doc.as_json(rows))
        return 0
    langs = ("da", "en") if args.lang == "both" else (args.lang,)
    print("\n".join(catalogue_doc.markdown(rows, lang) for lang in langs), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
