"""``meeting-trainer progress``: your profile per principle across every stored meeting.

    meeting-trainer progress [--lang da|en] [--numbers] [--json]
    meeting-trainer progress --delete-all [--yes]

The meetings you finish (in the window, the terminal or with ``run --session-out``
into the stored folder) are kept on this machine only. This command pools their raw
points and spans per principle — never an average of percentages — and says where
you stand in words ("stærkt", "godt på vej", "et sted at øve", "ikke i spil"), with
the numbers when you ask for them. ``--delete-all`` removes everything the game has
stored for you (meetings, statement, settings, autosave) after you confirm.
Exit status: 0 done, 1 something could not be deleted, 2 bad usage.
"""

from __future__ import annotations

import json
import sys


def register(sub) -> None:
    p = sub.add_parser(
        "progress", help="your profile per principle across stored meetings; delete your data",
        description="Show your profile per principle across every meeting stored on this "
                    "machine (points pooled, never averaged), or delete all your data.")
    p.add_argument("--lang", choices=("da", "en"), default=None,
                   help="language (default: the one in your settings, else Danish)")
    p.add_argument("--numbers", action="store_true", help="show the numbers (0-100) too")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--delete-all", action="store_true",
                   help="delete every meeting, statement, setting and autosave the game stored")
    p.add_argument("--yes", action="store_true", help="with --delete-all: do not ask first")
    p.set_defaults(func=run)


def _lang(args) -> str:
    if args.lang:
        return args.lang
    from ..terminal import player_lang
    return player_lang(args)


def run(args, inp=input) -> int:
    from ..cli import UsageError, _out
    if args.yes and not args.delete_all:
        raise UsageError("--yes goes with --delete-all")
    lang = _lang(args)
    if args.delete_all:
        return _delete(args, lang, inp)
    from ..catalog import open_library
    from ..coach.progress import pooled_profile
    from ..i18n import t, tn
    lib = open_library(None)
    profile = pooled_profile(principles=lib.principles, lang=lang,
                             scenarios=lib.scenarios)
    if args.json:
        _out(json.dumps(profile.to_dict(lang), ensure_ascii=False, indent=2))
        return 0
    if not profile.sessions:
        _out(t("cli.progress.empty", lang))
    else:
        _out(tn("cli.progress.heading", profile.sessions, lang))
        _out(t("cli.progress.pooled", lang))
        _out("")
        for row in profile.rows:
            value = ""
            if args.numbers and row.value is not None:
                value = " " + t("cli.progress.value", lang, value=f"{row.value:.0f}")
            evidence = f" ({row.evidence})" if row.sessions else ""
            _out(f"- {row.name}: {row.word}{value}{evidence}")
        if args.numbers and profile.index is not None:
            _out(t("cli.progress.index", lang, value=f"{profile.index:.0f}"))
    for s in profile.skipped:
        _out(t("cli.progress.note", lang, note=s.note(lang)))
    _out("")
    _out(t("cli.progress.delete_hint", lang))
    return 0


def _delete(args, lang: str, inp) -> int:
    from ..cli import _out
    from ..coach.progress import delete_all
    from ..i18n import t, tn
    if not args.yes:
        _out(t("cli.progress.delete_what", lang))
        try:
            answer = inp(t("cli.progress.delete_confirm", lang) + " ").strip().lower()
        except EOFError:
            answer = ""
        if answer not in ("ja", "yes", "j", "y"):
            _out(t("cli.progress.delete_kept", lang))
            return 0
    result = delete_all()
    if result.complete:
        _out(tn("cli.progress.deleted", result.removed_files, lang))
        return 0
    _out(t("cli.progress.delete_left", lang), err=True)
    for path in result.left:
        _out(f"- {path}", err=True)
    return 1


if __name__ == "__main__":  # pragma: no cover
    from ..cli import main
    sys.exit(main(["progress", *sys.argv[1:]]))
