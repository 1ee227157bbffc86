"""Authors' live preview (``play --watch FILE``): the checker's errors when a save does not compile.

The window never crashes on a half-written file: this screen lists the errors and
the last good version stays playable underneath (Esc or the button goes back to it).
When the author saves a version without errors the app closes this screen by itself
and replays the choices so far (see :meth:`game.ui.app.App.poll_watch`).

The texts are for authors and live here, as those of the terminal preview
(:mod:`game.authoring.watch_terminal`) live there.
"""

from __future__ import annotations

from ..widgets import Button, Card, Column, Text
from .base import Screen

MAX_SHOWN = 20   # errors listed; the rest are counted

TEXT = {
    "da": {
        "title": "Filen har fejl",
        "intro": "Den gemte udgave af {file} kan ikke spilles. Ret fejlene og gem filen, "
                 "så bliver den læst igen, og dine valg spilles igen.",
        "none_yet": "Filen har endnu ingen udgave uden fejl.",
        "kept": "Indtil da kan du spille videre på den sidste gode udgave.",
        "more": "… og {n} mere. Kør: meeting-trainer check {file}",
        "back": "Spil videre på den sidste gode udgave",
    },
    "en": {
        "title": "The file has errors",
        "intro": "The saved version of {file} cannot be played. Fix the errors and save the "
                 "file: it is read again and your choices are replayed.",
        "none_yet": "The file has no version without errors yet.",
        "kept": "Until then you can go on playing the last good version.",
        "more": "… and {n} more. Run: meeting-trainer check {file}",
        "back": "Go on with the last good version",
    },
}


class WatchErrorScreen(Screen):
    """The errors of the newest save of the watched file (``app.watcher.errors``)."""

    def __init__(self, app, watcher):
        super().__init__(app)
        self.watcher = watcher
        self.errors = list(watcher.errors)

    def tx(self, key: str, **kw) -> str:
        return TEXT.get(self.lang, TEXT["da"])[key].format(**kw)

    def title(self):
        return self.tx("title")

    def show(self, watcher) -> None:
        """A newer broken save: list its errors instead."""
        self.watcher = watcher
        self.errors = list(watcher.errors)
        self.invalidate()

    @property
    def text(self) -> str:
        """Everything the screen says, one line each (for tests and read-aloud)."""
        return "\n".join(self._lines())

    def _lines(self) -> list[str]:
        file = self.watcher.display
        out = [self.tx("intro", file=file)]
        out += [d.format() for d in self.errors[:MAX_SHOWN]]
        if len(self.errors) > MAX_SHOWN:
            out.append(self.tx("more", n=len(self.errors) - MAX_SHOWN, file=file))
        return out

    def narration(self):
        return self.text

    def build(self):
        lines = self._lines()
        items = [Text(lines[0], "body", key="watch.intro"),
                 Card([Text(x, "small", key=f"watch.error.{i}") for i, x in enumerate(lines[1:])],
                      bg="surface_alt", pad=1.5, key="watch.errors")]
        if self.watcher.scenario is None:
            items.append(Text(self.tx("none_yet"), "body"))
        else:
            items.append(Text(self.tx("kept"), "body"))
            items.append(Button(self.tx("back"), self.app.pop, kind="primary", key="watch.back"))
        return Column(items, gap=1.5)
