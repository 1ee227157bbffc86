"""``meeting-trainer play [SCENARIO]``: the window, or the terminal when there is none."""

from __future__ import annotations

from ..cli import _out


def register(sub) -> None:
    pl = sub.add_parser("play", help="play (the window, or --text for the terminal)")
    pl.add_argument("scenario", nargs="?")
    pl.add_argument("--text", action="store_true", help="terminal mode (works with screen readers)")
    pl.add_argument("--difficulty", type=int, default=None)
    pl.add_argument("--lang", choices=("da", "en"), default=None)
    pl.add_argument("--watch", metavar="FILE",
                    help="authors' live preview: reload FILE when it is saved and replay the "
                         "choices so far; errors are shown, never fatal (with --text: in the terminal)")
    pl.add_argument("--practice", action="store_true", help="allow stepping back (only first attempts are scored)")
    pl.set_defaults(func=cmd_play)


def cmd_play(args) -> int:
    """The window when one can open; the terminal mode (also for screen readers) otherwise.

    ``game.ui.app.run_app`` checks for pygame-ce and a display and falls back to the
    terminal with a plain message in the player's language. With ``--watch FILE`` the
    terminal is :func:`game.authoring.watch_terminal.play_watch_terminal` and the window
    uses :class:`game.authoring.watch.Watcher`. The language is ``--lang``, else the one
    saved in the settings (for the scenarios' own text too, from their translation files).
    """
    from ..terminal import play_terminal
    if args.text:
        return play_terminal(args)
    try:
        from ..ui.app import run_app
    except ImportError:
        from ..i18n import t
        _out(t("ui.not_ce", args.lang or "da"), err=True)
        return play_terminal(args)
    return run_app(args)
