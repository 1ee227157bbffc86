"""The bundled fonts (Atkinson Hyperlegible + DejaVu Sans for symbols), loaded by pixel size.

Never the system default font: files come from :func:`game.paths.assets_dir`. If a file
is missing or unreadable the next one is used, and :attr:`FontBook.notices` says so
calmly; with no bundled font at all pygame's own font is the last resort.
"""

from __future__ import annotations

from pathlib import Path

import pygame

from .. import paths

MAIN = {"regular": "AtkinsonHyperlegible-Regular.ttf", "bold": "AtkinsonHyperlegible-Bold.ttf"}
FALLBACK = "DejaVuSans.ttf"
#: Characters that must exist in the main font (checked once at start).
DANISH = "æøåÆØÅ"
#: Shown for a character no bundled font has (the player's text itself is kept).
NO_GLYPH = "·"


class FontBook:
    """Fonts by (weight, pixel size), with a per-character fallback font."""

    def __init__(self, folder: Path | None = None):
        self.folder = Path(folder) if folder is not None else paths.assets_dir() / "fonts"
        self.notices: list[tuple[str, dict]] = []  # (i18n key, values)
        self._cache: dict[tuple[str, int], pygame.font.Font] = {}
        self._glyph: dict[tuple[str, str], int] = {}
        self.files: dict[str, Path | None] = {}
        for weight, name in MAIN.items():
            self.files[weight] = self._usable(self.folder / name)
        fb = self._usable(self.folder / FALLBACK)
        self.files["fallback"] = fb
        if self.files["regular"] is None:
            self.files["regular"] = fb
        if self.files["bold"] is None:
            self.files["bold"] = self.files["regular"]
        missing = [n for n in (*MAIN.values(), FALLBACK) if not (self.folder / n).is_file()]
        if missing:
            self.notices.append(("ui.notice.font_missing", {"files": ", ".join(missing)}))

    @staticmethod
    def _usable(path: Path) -> Path | None:
        if not path.is_file():
            return None
        try:
            pygame.font.Font(str(path), 12)
        except (pygame.error, OSError, ValueError):
            return None
        return path

    def get(self, weight: str, px: int) -> pygame.font.Font:
        key = (weight, px)
        f = self._cache.get(key)
        if f is None:
            path = self.files.get(weight) or self.files.get("regular")
            f = pygame.font.Font(str(path) if path else None, px)
            self._cache[key] = f
        return f

    def fallback(self, px: int) -> pygame.font.Font | None:
        if self.files.get("fallback") is None:
            return None
        return self.get("fallback", px)

    # -- glyph coverage ----------------------------------------------------------
    def has_glyph(self, weight: str, ch: str) -> bool:
        """True when the font really has ``ch`` (not its missing-glyph box)."""
        if ch < "\u0250" and ch.isprintable():  # Latin, Latin-1, Latin Extended: all bundled fonts have them
            return True
        key = (weight, ch)
        hit = self._glyph.get(key)
        if hit is None:
            hit = self._glyph[key] = int(self._probe(weight, ch))
        return bool(hit)

    def _probe(self, weight: str, ch: str) -> bool:
        font = self.get(weight, 24)
        try:
            m = font.metrics(ch)
            box = font.metrics("\U0010FFFD")
        except (pygame.error, ValueError):
            return False
        if not m or m[0] is None:
            return False
        if m != box:
            return True
        try:
            a = font.render(ch, True, (0, 0, 0), (255, 255, 255))
            b = font.render("\U0010FFFD", True, (0, 0, 0), (255, 255, 255))
        except (pygame.error, ValueError):
            return False
        return a.get_size() != b.get_size() or pygame.image.tobytes(a, "RGB") != pygame.image.tobytes(b, "RGB")

    def danish_ok(self) -> bool:
        return all(self.has_glyph("regular", c) for c in DANISH) and self.files["regular"] is not None
