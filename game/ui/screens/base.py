"""The screen frame every screen shares: a header bar, a scrolling body, keyboard focus.

A screen returns its content from :meth:`Screen.build` (a widget tree) and may draw a
fixed band above it (:meth:`Screen.fixed_height`, :meth:`Screen.draw_fixed`). The frame
lays the tree out at the window's width, scrolls when it is taller than the window,
moves focus with Tab / Shift+Tab / arrows, activates with Enter or Space, and keeps
the focused widget in view.
"""

from __future__ import annotations

import pygame

from ...i18n import t
from ..widgets import Button, Column, FocusState, Text, Widget

NAV_NEXT = (pygame.K_DOWN, pygame.K_RIGHT)
NAV_PREV = (pygame.K_UP, pygame.K_LEFT)


class Screen:
    title_key = "app.name"
    animating = False      # True while something moves (the app then redraws every frame)
    back_label = "ui.back"
    show_pause = False

    def __init__(self, app):
        self.app = app
        self.state = FocusState()
        self.root: Widget | None = None
        self.header: Widget | None = None
        self.scroll = 0
        self.content_h = 0
        self.viewport = pygame.Rect(0, 0, 0, 0)
        self._want_focus: str | None = None
        self.dirty_layout = True

    # -- to override ---------------------------------------------------------------
    @property
    def lang(self) -> str:
        return self.app.settings.lang

    def title(self) -> str:
        return t(self.title_key, self.lang)

    def build(self) -> Widget:
        return Column([])

    def fixed_height(self, w: int, h: int) -> int:
        return 0

    def draw_fixed(self, surf: pygame.Surface, rect: pygame.Rect) -> None:
        pass

    def on_escape(self) -> None:
        self.app.pop()

    def on_number(self, n: int) -> bool:
        return False

    def on_enter(self) -> None:
        """Called when the screen becomes the top of the stack again."""
        self.invalidate()

    def update(self, dt: float) -> bool:
        """Advance animations; return True if something changed."""
        return False

    def narration(self) -> str:
        """What read-aloud says for this screen (default: nothing)."""
        return ""

    # -- frame -----------------------------------------------------------------
    def invalidate(self, focus_key: str | None = None) -> None:
        if focus_key is None and self.state.focus is not None:
            focus_key = self.state.focus.key
        self._want_focus = focus_key
        self.dirty_layout = True
        self.app.dirty = True

    def _header_widget(self) -> Widget:
        items: list[Widget] = [Text(self.title(), "h3", key="header.title")]
        buttons: list[Widget] = []
        if self.show_pause:
            buttons.append(Button(t("ui.pause", self.lang) + " (Esc)", self.app.open_pause, key="header.pause"))
        elif self.back_label and len(self.app.stack) > 1:
            buttons.append(Button("← " + t(self.back_label, self.lang), self.on_escape, key="header.back"))
        return _HeaderRow(items[0], buttons)

    def layout(self) -> None:
        ui = self.app
        w, h = ui.surface.get_size()
        m = ui.metrics
        margin = m.space(3)
        self.header = self._header_widget()
        hh = self.header.layout(ui, margin, m.space(1.2), w - 2 * margin) + m.space(2.4)
        self.header_h = hh
        fh = self.fixed_height(w, h - hh)
        self.fixed_rect = pygame.Rect(0, hh, w, fh)
        self.viewport = pygame.Rect(0, hh + fh, w, max(40, h - hh - fh))
        self.root = self.build()
        col_w = min(w - 2 * margin, self.max_content_width())
        x = (w - col_w) // 2
        pad_top = m.space(2)
        self.content_h = self.root.layout(ui, x, pad_top, col_w) + pad_top + m.space(4)
        self.scroll = max(0, min(self.scroll, self.content_h - self.viewport.h))
        self.focusables = [wd for wd in (*self.header.walk(), *self.root.walk()) if wd.focusable]
        want = self._want_focus
        self.state.focus = None
        if want is not None:
            for wd in self.focusables:
                if wd.key == want:
                    self.state.focus = wd
                    break
        if self.state.focus is None:
            self.state.focus = self.default_focus()
        self.state.hover = None
        self._want_focus = None
        self.dirty_layout = False

    def max_content_width(self) -> int:
        return self.app.metrics.space(110)

    def default_focus(self) -> Widget | None:
        body = [wd for wd in self.root.walk() if wd.focusable] if self.root else []
        for wd in body:
            if isinstance(wd, Button) and wd.kind == "primary":
                return wd
        return body[0] if body else (self.focusables[0] if self.focusables else None)

    def find(self, key: str) -> Widget | None:
        for wd in self.focusables:
            if wd.key == key:
                return wd
        if self.root:
            for wd in self.root.walk():
                if wd.key == key:
                    return wd
        return None

    def in_body(self, wd: Widget) -> bool:
        return self.header is None or wd not in list(self.header.walk())

    def draw(self, surf: pygame.Surface) -> None:
        ui = self.app
        th = ui.theme
        if self.dirty_layout:
            self.layout()
        surf.fill(th.c("bg"))
        # header
        self.header.draw(ui, surf, 0, self.state)
        pygame.draw.line(surf, th.c("border"), (0, self.header_h - 1), (surf.get_width(), self.header_h - 1))
        if self.fixed_rect.h:
            surf.set_clip(self.fixed_rect)
            self.draw_fixed(surf, self.fixed_rect)
            surf.set_clip(None)
        # body
        vp = self.viewport
        surf.set_clip(vp)
        self.root.draw(ui, surf, self.scroll - vp.y, self.state)
        surf.set_clip(None)
        if self.content_h > vp.h:
            self._draw_scrollbar(surf)

    #: keys of the widgets that move while :attr:`animating` (redrawn alone by :meth:`draw_partial`)
    moving_keys: tuple[str, ...] = ()

    def draw_partial(self, surf: pygame.Surface) -> list[pygame.Rect] | None:
        """Redraw only the moving widgets; None means "draw everything"."""
        if self.dirty_layout or not self.moving_keys:
            return None
        vp = self.viewport
        rects = []
        for key in self.moving_keys:
            wd = self.find(key)
            if wd is None or not self.in_body(wd):
                return None
            r = wd.rect.move(0, vp.y - self.scroll).clip(vp)
            if not r.w or not r.h:
                continue
            surf.set_clip(r)
            surf.fill(self.app.theme.c("bg"), r)
            wd.draw(self.app, surf, self.scroll - vp.y, self.state)
            surf.set_clip(None)
            rects.append(r)
        return rects

    def _draw_scrollbar(self, surf):
        th = self.app.theme
        vp = self.viewport
        w = max(6, self.app.metrics.space(1))
        track = pygame.Rect(vp.right - w - 4, vp.y + 4, w, vp.h - 8)
        pygame.draw.rect(surf, th.c("chart_track"), track, border_radius=w // 2)
        frac = vp.h / self.content_h
        th_h = max(w * 3, int(track.h * frac))
        y = track.y + int((track.h - th_h) * (self.scroll / max(1, self.content_h - vp.h)))
        pygame.draw.rect(surf, th.c("border"), (track.x, y, w, th_h), border_radius=w // 2)

    # -- input -----------------------------------------------------------------
    def _to_content(self, pos) -> tuple[int, int]:
        return pos[0], pos[1] - self.viewport.y + self.scroll

    def widget_at(self, pos) -> Widget | None:
        for wd in reversed(list(self.header.walk())):
            if wd.focusable and wd.rect.collidepoint(pos):
                return wd
        if not self.viewport.collidepoint(pos):
            return None
        cpos = self._to_content(pos)
        for wd in self.focusables:
            if self.in_body(wd) and wd.rect.collidepoint(cpos):
                return wd
        return None

    def move_focus(self, step: int) -> None:
        if not self.focusables:
            return
        cur = self.state.focus
        i = self.focusables.index(cur) if cur in self.focusables else (-1 if step > 0 else 0)
        self.state.focus = self.focusables[(i + step) % len(self.focusables)]
        self.reveal(self.state.focus)
        self.app.dirty = True

    def reveal(self, wd: Widget | None, rect: pygame.Rect | None = None) -> None:
        if wd is None or not self.in_body(wd):
            return
        r = rect or wd.rect
        vp = self.viewport
        margin = self.app.metrics.space(2)
        if r.top - margin < self.scroll:
            self.scroll = max(0, r.top - margin)
        elif r.bottom + margin > self.scroll + vp.h:
            self.scroll = min(max(0, self.content_h - vp.h), r.bottom + margin - vp.h)
            if r.h + 2 * margin > vp.h:
                self.scroll = max(0, r.top - margin)

    def scroll_by(self, dy: int) -> None:
        self.scroll = max(0, min(max(0, self.content_h - self.viewport.h), self.scroll + dy))
        self.app.dirty = True

    def handle(self, ev) -> None:
        if self.dirty_layout:
            self.layout()
        focus = self.state.focus
        if ev.type in (pygame.KEYDOWN, pygame.TEXTINPUT):
            if focus is not None and getattr(focus, "wants_text", False):
                if focus.handle_key(self.app, ev):
                    self.after_text_edit(focus)
                    return
            if ev.type == pygame.TEXTINPUT:
                return
            k = ev.key
            if k == pygame.K_ESCAPE:
                self.on_escape()
            elif k == pygame.K_TAB:
                self.move_focus(-1 if ev.mod & pygame.KMOD_SHIFT else 1)
            elif k in NAV_NEXT:
                self.move_focus(1)
            elif k in NAV_PREV:
                self.move_focus(-1)
            elif k in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
                if focus is not None:
                    focus.activate(self.app)
                    self.app.dirty = True
            elif k == pygame.K_PAGEDOWN:
                self.scroll_by(int(self.viewport.h * 0.8))
            elif k == pygame.K_PAGEUP:
                self.scroll_by(-int(self.viewport.h * 0.8))
            elif k == pygame.K_HOME and not getattr(focus, "wants_text", False):
                self.scroll_by(-10 ** 7)
            elif k == pygame.K_END and not getattr(focus, "wants_text", False):
                self.scroll_by(10 ** 7)
            elif pygame.K_1 <= k <= pygame.K_9 or pygame.K_KP1 <= k <= pygame.K_KP9:
                n = (k - pygame.K_1 + 1) if k <= pygame.K_9 else (k - pygame.K_KP1 + 1)
                self.on_number(n)
        elif ev.type == pygame.MOUSEMOTION:
            if focus is not None and getattr(focus, "_dragging", False):
                focus.handle_mouse(self.app, ev, self._to_content(ev.pos))
                self.app.dirty = True
                return
            hov = self.widget_at(ev.pos)
            if hov is not self.state.hover:
                self.state.hover = hov
                self.app.dirty = True
        elif ev.type == pygame.MOUSEBUTTONDOWN and ev.button == 1:
            wd = self.widget_at(ev.pos)
            if wd is not None:
                self.state.focus = wd
                self.app.dirty = True
                pos = ev.pos if not self.in_body(wd) else self._to_content(ev.pos)
                if not wd.handle_mouse(self.app, ev, pos):
                    self._pressed = wd
        elif ev.type == pygame.MOUSEBUTTONUP and ev.button == 1:
            wd = self.widget_at(ev.pos)
            if focus is not None and getattr(focus, "_dragging", False):
                focus.handle_mouse(self.app, ev, self._to_content(ev.pos))
                self.app.dirty = True
                return
            pressed = getattr(self, "_pressed", None)
            self._pressed = None
            if wd is not None and wd is pressed:
                wd.activate(self.app)
                self.app.dirty = True
        elif ev.type == pygame.MOUSEWHEEL:
            self.scroll_by(-ev.y * self.app.metrics.space(6))

    def after_text_edit(self, wd) -> None:
        self.invalidate(wd.key)
        self.layout()
        self.reveal(wd, wd.caret_rect(self.app) if hasattr(wd, "caret_rect") else None)
        self.app.dirty = True


class _HeaderRow(Widget):
    """Title on the left, buttons on the right; the title wraps, buttons keep their size."""

    def __init__(self, title: Text, buttons: list[Widget]):
        super().__init__("header")
        self.title, self.buttons = title, buttons

    def layout(self, ui, x, y, w):
        gap = ui.metrics.space(2)
        bw = sum(min(w // 2, b.natural_width(ui)) for b in self.buttons) + gap * len(self.buttons)
        th = self.title.layout(ui, x, y, max(40, w - bw))
        bx = x + w
        bh = 0
        for b in reversed(self.buttons):
            nw = min(w // 2, b.natural_width(ui))
            bx -= nw
            bh = max(bh, b.layout(ui, bx, y, nw))
            bx -= gap
        h = max(th, bh)
        self.title.rect.y = y + (h - th) // 2
        self.rect = pygame.Rect(x, y, w, h)
        return h

    def draw(self, ui, surf, dy, state):
        self.title.draw(ui, surf, 0, state)
        for b in self.buttons:
            b.draw(ui, surf, 0, state)

    def walk(self):
        yield self
        yield self.title
        for b in self.buttons:
            yield b
