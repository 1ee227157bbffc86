"""Authors' live preview (``play --watch FILE``): the checker's errors when a save does not compile.

The window never crashes on a half-written file: this screen lists the errors and
the last good version stays playable underneath (Esc or the button goes back to it).
When the author saves a version without errors the app closes this screen by itself
and replays the choices so far (see :meth:`game.ui.app.App.poll_watch`).

Its texts are in the interface catalogues under ``ui.watch.*``.
"""

from __future__ import annotations

from ...i18n import t, tn
from ..widgets import Button, Card, Column, Text
from .base import Screen

MAX_SHOWN = 20   # errors listed; the rest are counted

class WatchErrorScreen(Screen):
    """The errors of the newest save of the watched file (``app.watcher.errors``)."""

    def __init__(self, app, watcher):
        super().__init__(app)
        self.watcher = watcher
        self.errors = list(watcher.errors)

    def tx(self, key: str, **kw) -> str:
        return t("ui.watch." + key, self.lang, **kw)

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
            n = len(self.errors) - MAX_SHOWN
            out.append(tn("ui.watch.more", n, self.lang, n=n, file=file))
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
