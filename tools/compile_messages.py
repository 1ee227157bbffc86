#!/usr/bin/env python3
"""Interface text: check the PO files, compile them to MO (Babel), report keys (``make messages``).

    tools/compile_messages.py           check, compile what changed, report keys
    tools/compile_messages.py --check   change nothing; exit 1 if an MO file is stale
    tools/compile_messages.py --force   write every MO file, changed or not

The catalogues are ``game/locale/<lang>/LC_MESSAGES/meeting_trainer.po``; the
msgid is the key used in ``t("…")`` / ``tn("…", n)``. Keys used in the code but
missing in a catalogue, or used with the wrong function, make the exit code 1;
keys never used are only listed.
"""

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from game.authoring import messages  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="write nothing; fail if an MO file is stale")
    ap.add_argument("--force", action="store_true", help="write every MO file")
    args = ap.parse_args(argv)
    rc = 0

    problems = messages.check_catalogues()
    for p in problems:
        print(f"error: {p}", file=sys.stderr)
    if problems:
        print("The PO files have problems; nothing was compiled.", file=sys.stderr)
        return 1

    if args.check:
        for lang in messages.stale():
            print(f"error: {messages.mo_file(lang)} is stale: run make messages", file=sys.stderr)
            rc = 1
    else:
        for lang, status in messages.compile_all(force=args.force).items():
            print(f"{messages.mo_file(lang)}: {status}")

    report = messages.key_report()
    for lang, keys in report.missing.items():
        for key in keys:
            print(f"error: {key!r} is used in the code but missing in the {lang} catalogue",
                  file=sys.stderr)
    for line in report.wrong_kind:
        print(f"error: {line}", file=sys.stderr)
    for key in report.unused:
        print(f"note: {key!r} is in the catalogues but not found in the code")
    if not report.ok:
        rc = 1
    return rc


if __name__ == "__main__":
    sys.exit(main())
