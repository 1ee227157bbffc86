"""Keyboard-first widgets: text, buttons (numbered choices, toggles), cards, rows, columns.

Layout is a simple flow: a container lays its children out top to bottom (or left
to right, wrapping) inside a width and returns the height it needs, so nothing is
ever clipped — a screen scrolls instead. Focusable widgets are visited in the order
they are laid out; the focused one gets a thick ring in ``theme.focus``.
"""

from __future__ import annotations

from typing import Callable, Iterator

import pygame


class Widget:
    focusable = False

    def __init__(self, key: str | None = None):
        self.rect = pygame.Rect(0, 0, 0, 0)
        self.key = key  # a stable name: keeps focus across rebuilds, lets tests find widgets

    def layout(self, ui, x: int, y: int, w: int) -> int:
        self.rect = pygame.Rect(x, y, w, 0)
        return 0

    def draw(self, ui, surf: pygame.Surface, dy: int, state) -> None:
        pass

    def walk(self) -> Iterator["Widget"]:
        yield self

    def activate(self, ui) -> None:
        pass

    def handle_key(self, ui, ev) -> bool:
        return False

    def handle_mouse(self, ui, ev, pos) -> bool:
        return False


class Spacer(Widget):
    def __init__(self, units: float = 1):
        super().__init__()
        self.units = units

    def layout(self, ui, x, y, w):
        h = ui.metrics.space(self.units)
        self.rect = pygame.Rect(x, y, w, h)
        return h


class Text(Widget):
    """A paragraph (wrapped) in a type role and theme colour."""

    def __init__(self, text: str, role: str = "body", color: str = "text", align: str = "left",
                 bg: str | None = None, key: str | None = None, max_width: int | None = None):
        super().__init__(key)
        self.text, self.role, self.color, self.align, self.bg = text, role, color, align, bg
        self.max_width = max_width

    def layout(self, ui, x, y, w):
        if self.max_width:
            w = min(w, ui.metrics.space(self.max_width))
        _, h = ui.type.measure(self.text, self.role, w)
        self.rect = pygame.Rect(x, y, w, h)
        return h

    def draw(self, ui, surf, dy, state):
        r = self.rect.move(0, -dy)
        b = ui.type.block(self.text, self.role, r.w, ui.theme.c(self.color))
        ui.type.draw(surf, b, r.topleft, r, self.align)


class Column(Widget):
    def __init__(self, children: list[Widget], gap: float = 1.5, key: str | None = None):
        super().__init__(key)
        self.children = [c for c in children if c is not None]
        self.gap = gap

    def layout(self, ui, x, y, w):
        gap = ui.metrics.space(self.gap)
        cy = y
        for i, c in enumerate(self.children):
            h = c.layout(ui, x, cy, w)
            cy += h + (gap if i < len(self.children) - 1 and h else 0)
        self.rect = pygame.Rect(x, y, w, cy - y)
        return cy - y

    def draw(self, ui, surf, dy, state):
        for c in self.children:
            c.draw(ui, surf, dy, state)

    def walk(self):
        yield self
        for c in self.children:
            yield from c.walk()


class Row(Widget):
    """Children side by side, wrapping to a new line when the width runs out."""

    def __init__(self, children: list[Widget], gap: float = 1.5, key: str | None = None,
                 stretch: bool = False):
        super().__init__(key)
        self.children = [c for c in children if c is not None]
        self.gap = gap
        self.stretch = stretch  # share the width equally (when it fits)

    def layout(self, ui, x, y, w):
        gap = ui.metrics.space(self.gap)
        n = len(self.children)
        if self.stretch and n:
            cw = (w - gap * (n - 1)) // n
            natural = [getattr(c, "natural_width", lambda ui: cw)(ui) for c in self.children]
            if max(natural) <= cw:
                hs = [c.layout(ui, x + i * (cw + gap), y, cw) for i, c in enumerate(self.children)]
                h = max(hs)
                for c in self.children:
                    c.rect.h = h
                self.rect = pygame.Rect(x, y, w, h)
                return h
        cx, cy, line_h = x, y, 0
        for c in self.children:
            nw = min(w, getattr(c, "natural_width", lambda ui: w)(ui))
            if cx > x and cx + nw > x + w:
                cx, cy, line_h = x, cy + line_h + gap, 0
            h = c.layout(ui, cx, cy, nw)
            line_h = max(line_h, h)
            cx += nw + gap
        self.rect = pygame.Rect(x, y, w, cy + line_h - y)
        return self.rect.h

    def draw(self, ui, surf, dy, state):
        for c in self.children:
            c.draw(ui, surf, dy, state)

    def walk(self):
        yield self
        for c in self.children:
            yield from c.walk()


class Card(Widget):
    """A panel with padding, a fill and a thin outline; ``highlight`` draws a thicker edge."""

    def __init__(self, children: list[Widget], bg: str = "surface", pad: float = 2.5,
                 gap: float = 1.2, key: str | None = None, border: str | None = "border",
                 max_width: int | None = None):
        super().__init__(key)
        self.inner = Column(children, gap)
        self.bg, self.pad, self.border = bg, pad, border
        self.max_width = max_width

    def layout(self, ui, x, y, w):
        if self.max_width:
            w = min(w, ui.metrics.space(self.max_width))
        p = ui.metrics.space(self.pad)
        h = self.inner.layout(ui, x + p, y + p, w - 2 * p) + 2 * p
        self.rect = pygame.Rect(x, y, w, h)
        return h

    def draw(self, ui, surf, dy, state):
        r = self.rect.move(0, -dy)
        pygame.draw.rect(surf, ui.theme.c(self.bg), r, border_radius=ui.metrics.radius)
        if self.border:
            pygame.draw.rect(surf, ui.theme.c(self.border), r, width=1, border_radius=ui.metrics.radius)
        self.inner.draw(ui, surf, dy, state)

    def walk(self):
        yield self
        yield from self.inner.walk()


class Button(Widget):
    """A large button; ``number`` shows a key badge (choices), ``selected`` a pressed toggle."""

    focusable = True

    def __init__(self, label: str, on_press: Callable[[], None] | None = None, kind: str = "secondary",
                 number: int | None = None, selected: bool | None = None, key: str | None = None,
                 full: bool = False, hint: str | None = None, role: str = "button"):
        super().__init__(key or label)
        self.label, self.on_press, self.kind = label, on_press, kind
        self.number, self.selected, self.full, self.hint, self.role = number, selected, full, hint, role

    def _colors(self, ui):
        if self.selected:
            return "selected", "on_selected"
        if self.kind == "primary":
            return "primary", "on_primary"
        return "secondary", "on_secondary"

    def _pads(self, ui):
        return ui.metrics.space(2.2), ui.metrics.space(1.3)

    def _mark_w(self, ui) -> int:
        return int(ui.type.line_height(self.role) * 0.5) + ui.metrics.space(1)

    def _badge(self, ui) -> int:
        if self.number is None:
            return 0
        return ui.type.line_height(self.role) + ui.metrics.space(1)

    def natural_width(self, ui) -> int:
        if self.full:
            return 10 ** 6
        px, _ = self._pads(ui)
        mark = self._mark_w(ui) if self.selected is not None else 0
        return ui.type.width(self.role, self.label) + 2 * px + self._badge(ui) + mark + 2

    def layout(self, ui, x, y, w):
        px, py = self._pads(ui)
        mark = self._mark_w(ui) if self.selected is not None else 0
        tw = max(20, w - 2 * px - self._badge(ui) - mark)
        _, th = ui.type.measure(self.label, self.role, tw)
        hh = 0
        if self.hint:
            _, hh = ui.type.measure(self.hint, "small", tw)
        h = max(th + hh + 2 * py, ui.metrics.space(6))
        self.rect = pygame.Rect(x, y, w, h)
        return h

    def draw(self, ui, surf, dy, state):
        r = self.rect.move(0, -dy)
        th = ui.theme
        bgname, fgname = self._colors(ui)
        hovered = state.hover is self
        focused = state.focus is self
        rad = ui.metrics.radius
        pygame.draw.rect(surf, th.c(bgname), r, border_radius=rad)
        edge = "focus" if focused else ("text" if hovered else "border")
        pygame.draw.rect(surf, th.c(edge), r, width=2 if (hovered or focused) else 1, border_radius=rad)
        if focused:
            ring = ui.metrics.ring
            gap = max(2, ring - 1)
            pygame.draw.rect(surf, th.c("focus"), r.inflate(2 * (ring + gap), 2 * (ring + gap)),
                             width=ring, border_radius=rad + ring + gap)
        px, py = self._pads(ui)
        x = r.x + px
        fg = th.c(fgname)
        if self.number is not None:
            d = ui.type.line_height(self.role)
            badge = pygame.Rect(x, r.y + py, d, d)
            pygame.draw.rect(surf, fg, badge, width=2, border_radius=d // 4)
            nb = ui.type.block(str(self.number), "label", d, fg)
            ui.type.draw(surf, nb, (badge.x, badge.y + (d - nb.height) // 2), badge, "center")
            x += self._badge(ui)
        if self.selected is not None:
            # a drawn radio mark: filled when chosen, hollow when not (never colour alone)
            d = max(10, int(ui.type.line_height(self.role) * 0.5))
            cy = r.y + py + ui.type.line_height(self.role) // 2
            c = (x + d // 2, cy)
            pygame.draw.circle(surf, fg, c, d // 2, max(2, d // 6))
            if self.selected:
                pygame.draw.circle(surf, fg, c, max(2, d // 4))
            x += self._mark_w(ui)
        tw = max(20, r.right - px - x)
        b = ui.type.block(self.label, self.role, tw, fg)
        ty = r.y + py if (self.number is not None or self.hint) else r.y + (r.h - b.height) // 2
        ui.type.draw(surf, b, (x, ty), pygame.Rect(x, r.y, tw, r.h))
        if self.hint:
            hb = ui.type.block(self.hint, "small", tw, fg)
            ui.type.draw(surf, hb, (x, ty + b.height), pygame.Rect(x, r.y, tw, r.h))

    def activate(self, ui):
        if self.on_press is not None:
            self.on_press()


class Bars(Widget):
    """A horizontal bar chart: (label, bar 0–100 or None, words, number or None) per row.

    The words are always written under the bar, so the chart never relies on length alone.
    """

    def __init__(self, rows: list[tuple[str, float | None, str, float | None]], key=None):
        super().__init__(key)
        self.rows = rows

    def _label_w(self, ui, w):
        return min(int(w * 0.42), max((ui.type.width("body", r[0]) for r in self.rows), default=0) + 4)

    def layout(self, ui, x, y, w):
        lw = self._label_w(ui, w)
        gap = ui.metrics.space(1.5)
        h = 0
        self._heights = []
        for label, value, words, number in self.rows:
            _, lh = ui.type.measure(label, "body", lw)
            text = words + (f" ({number:.0f})" if number is not None else "")
            _, wh = ui.type.measure(text, "small", w - lw - gap)
            rh = max(lh, wh + ui.metrics.space(2.2))
            self._heights.append(rh)
            h += rh + ui.metrics.space(1.2)
        self.rect = pygame.Rect(x, y, w, h)
        return h

    def draw(self, ui, surf, dy, state):
        th = ui.theme
        r = self.rect.move(0, -dy)
        lw = self._label_w(ui, r.w)
        gap = ui.metrics.space(1.5)
        y = r.y
        bar_h = ui.metrics.space(1.6)
        for (label, value, words, number), rh in zip(self.rows, self._heights):
            lb = ui.type.block(label, "body", lw, th.c("text"))
            ui.type.draw(surf, lb, (r.x, y), pygame.Rect(r.x, y, lw, rh))
            bx, bw = r.x + lw + gap, r.w - lw - gap
            track = pygame.Rect(bx, y + 2, bw, bar_h)
            pygame.draw.rect(surf, th.c("chart_track"), track, border_radius=bar_h // 2)
            if value is not None:
                fill = track.copy()
                fill.w = max(bar_h, int(bw * value / 100))
                pygame.draw.rect(surf, th.c("chart"), fill, border_radius=bar_h // 2)
            text = words + (f" ({number:.0f})" if number is not None else "")
            wb = ui.type.block(text, "small", bw, th.c("muted"))
            ui.type.draw(surf, wb, (bx, y + bar_h + ui.metrics.space(0.5)), pygame.Rect(bx, y, bw, rh))
            y += rh + ui.metrics.space(1.2)


class FocusState:
    """What the pointer is over and which widget has the keyboard focus."""

    def __init__(self):
        self.focus: Widget | None = None
        self.hover: Widget | None = None
