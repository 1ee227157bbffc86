"""Wrapping and drawing text: measured with ``Font.size``, cached, never clipped.

:func:`wrap` breaks text into lines no wider than a box (long words are broken
by character). :class:`Typesetter` turns (text, role, width) into a rendered
:class:`Block`, cached until the text, size or colour changes. Characters the main
font lacks are drawn with the fallback font, or shown as a neutral mark.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import pygame

from .fonts import NO_GLYPH, FontBook
from .theme import Metrics

ROLE_WEIGHT = {"h1": "bold", "h2": "bold", "h3": "bold", "body": "regular", "small": "regular",
               "dialogue": "regular", "label": "bold", "button": "bold", "name": "bold"}
ROLE_SIZE = {"label": "body", "button": "body", "name": "small"}


@dataclass
class Block:
    """Rendered lines of one text, ready to blit; ``size`` is the box it needs."""

    lines: list[pygame.Surface]
    line_height: int
    width: int

    @property
    def height(self) -> int:
        return max(1, len(self.lines)) * self.line_height

    @property
    def size(self) -> tuple[int, int]:
        return self.width, self.height


class Typesetter:
    def __init__(self, fonts: FontBook, metrics: Metrics):
        self.fonts = fonts
        self.metrics = metrics
        self._blocks: dict[tuple, Block] = {}
        self._wraps: dict[tuple, list[str]] = {}
        self._widths: dict[tuple[str, str], int] = {}
        self.record: list[tuple[pygame.Rect, pygame.Rect, str]] | None = None  # tests: (text rect, box, text)

    def set_metrics(self, metrics: Metrics) -> None:
        if metrics != self.metrics:
            self.metrics = metrics
            self._blocks.clear()
            self._wraps.clear()
            self._widths.clear()

    def font(self, role: str) -> pygame.font.Font:
        return self.fonts.get(ROLE_WEIGHT.get(role, "regular"), self.metrics.px(ROLE_SIZE.get(role, role)))

    def line_height(self, role: str) -> int:
        return round(self.font(role).get_linesize() * 1.18)

    # -- measuring -------------------------------------------------------------
    def _runs(self, role: str, s: str) -> list[tuple[str, pygame.font.Font]]:
        weight = ROLE_WEIGHT.get(role, "regular")
        main = self.font(role)
        if s.isascii():
            return [(s, main)]
        fb = self.fonts.fallback(self.metrics.px(ROLE_SIZE.get(role, role)))
        runs: list[tuple[str, pygame.font.Font]] = []
        cur, cur_font = [], main
        for ch in s:
            if self.fonts.has_glyph(weight, ch):
                f = main
            elif fb is not None and self.fonts.has_glyph("fallback", ch):
                f = fb
            elif unicodedata.category(ch) in ("Mn", "Me", "Cf"):
                continue  # combining marks / joiners without a glyph: drop quietly
            else:
                ch, f = NO_GLYPH, main
            if f is not cur_font and cur:
                runs.append(("".join(cur), cur_font))
                cur = []
            cur_font = f
            cur.append(ch)
        if cur:
            runs.append(("".join(cur), cur_font))
        return runs

    def width(self, role: str, s: str) -> int:
        key = (role, s)
        w = self._widths.get(key)
        if w is None:
            if len(self._widths) > 20000:
                self._widths.clear()
            w = self._widths[key] = sum(f.size(r)[0] for r, f in self._runs(role, s))
        return w

    def wrap(self, text: str, role: str, width: int) -> list[str]:
        key = (text, role, width)
        hit = self._wraps.get(key)
        if hit is not None:
            return hit
        out: list[str] = []
        width = max(8, width)
        space = self.width(role, " ")
        for para in unicodedata.normalize("NFC", text).split("\n"):
            words = para.split(" ")
            line, line_w = "", 0
            for word in words:
                ww = self.width(role, word)
                if ww > width:  # break a very long word by character
                    if line:
                        out.append(line)
                        line, line_w = "", 0
                    for piece in self._break_word(word, role, width):
                        out.append(piece)
                    last = out.pop()
                    line, line_w = last, self.width(role, last)
                    continue
                if not line:
                    line, line_w = word, ww
                elif line_w + space + ww <= width:
                    line, line_w = line + " " + word, line_w + space + ww
                else:
                    out.append(line)
                    line, line_w = word, ww
            out.append(line)
        if len(self._wraps) > 4000:
            self._wraps.clear()
        self._wraps[key] = out
        return out

    def _break_word(self, word: str, role: str, width: int) -> list[str]:
        pieces, cur = [], ""
        for ch in word:
            if cur and self.width(role, cur + ch) > width:
                pieces.append(cur)
                cur = ch
            else:
                cur += ch
        pieces.append(cur)
        return pieces

    # -- rendering -------------------------------------------------------------
    def render_line(self, s: str, role: str, color, bg=None) -> pygame.Surface:
        runs = self._runs(role, s)
        if len(runs) == 1:
            r, f = runs[0]
            return f.render(r or " ", True, color, bg)
        parts = [f.render(r, True, color, bg) for r, f in runs]
        h = max(p.get_height() for p in parts)
        main_asc = self.font(role).get_ascent()
        surf = pygame.Surface((sum(p.get_width() for p in parts), h), pygame.SRCALPHA)
        if bg is not None:
            surf.fill(bg)
        x = 0
        for (r, f), p in zip(runs, parts):
            surf.blit(p, (x, max(0, main_asc - f.get_ascent())))
            x += p.get_width()
        return surf

    def block(self, text: str, role: str, width: int, color, bg=None) -> Block:
        key = (text, role, width, tuple(color), None if bg is None else tuple(bg))
        hit = self._blocks.get(key)
        if hit is not None:
            return hit
        lines = [self.render_line(s, role, color, bg) for s in self.wrap(text, role, width)]
        used = max((s.get_width() for s in lines), default=0)
        b = Block(lines, self.line_height(role), used)
        if len(self._blocks) > 1500:
            self._blocks.clear()
        self._blocks[key] = b
        return b

    def measure(self, text: str, role: str, width: int) -> tuple[int, int]:
        lines = self.wrap(text, role, width)
        used = max((self.width(role, s) for s in lines), default=0)
        return used, max(1, len(lines)) * self.line_height(role)

    def draw(self, surf: pygame.Surface, block: Block, pos: tuple[int, int],
             box: pygame.Rect | None = None, align: str = "left", limit: int | None = None) -> None:
        """Blit a block at ``pos``; ``box`` is where it must fit (recorded for tests).

        ``limit`` draws only the first ``limit`` lines.
        """
        x, y = pos
        lh = block.line_height
        for i, line in enumerate(block.lines if limit is None else block.lines[:limit]):
            lx = x
            if align == "center" and box is not None:
                lx = box.x + (box.w - line.get_width()) // 2
            pad = (lh - line.get_height()) // 2
            surf.blit(line, (lx, y + i * lh + pad))
            if self.record is not None and box is not None:
                self.record.append((pygame.Rect(lx, y + i * lh + pad, line.get_width(), line.get_height()),
                                    pygame.Rect(box), ""))
