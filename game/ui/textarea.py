"""A multi-line text field: æøå via SDL text input, caret, selection, copy/paste.

The field grows with its text (the screen scrolls, so nothing is hidden inside it).
Enter makes a new line; Tab leaves the field. Ctrl+A/C/X/V work with the system
clipboard where SDL offers one, else with an in-app clipboard.
"""

from __future__ import annotations

import pygame

from .widgets import Widget

MAX_CHARS = 20_000
_internal_clipboard = [""]


def clipboard_put(text: str) -> None:
    _internal_clipboard[0] = text
    try:
        pygame.scrap.put_text(text)
    except (pygame.error, AttributeError, NotImplementedError):
        pass


def clipboard_get() -> str:
    try:
        got = pygame.scrap.get_text()
        if got:
            return got
    except (pygame.error, AttributeError, NotImplementedError):
        pass
    return _internal_clipboard[0]


class TextArea(Widget):
    focusable = True
    wants_text = True

    def __init__(self, text: str = "", on_change=None, key: str | None = None, min_lines: int = 3,
                 label: str = ""):
        super().__init__(key)
        self.text = text[:MAX_CHARS]
        self.caret = len(self.text)
        self.anchor: int | None = None
        self.on_change = on_change
        self.min_lines = min_lines
        self.label = label  # read by tests and the narrator
        self._lines: list[tuple[int, int]] = [(0, 0)]
        self._wrap_key = None
        self._dragging = False
        self.role = "body"

    # -- layout ---------------------------------------------------------------
    def _pad(self, ui) -> int:
        return ui.metrics.space(1.5)

    def _rewrap(self, ui, width: int) -> None:
        key = (self.text, width, ui.metrics)
        if key == self._wrap_key:
            return
        self._wrap_key = key
        lines: list[tuple[int, int]] = []
        ts = ui.type
        space = ts.width(self.role, " ")
        pos = 0
        for para in self.text.split("\n"):
            start = pos
            line_start, line_w = start, 0
            i = start
            end = start + len(para)
            while i < end:
                j = self.text.find(" ", i, end)
                j = end if j < 0 else j
                word = self.text[i:j]
                ww = ts.width(self.role, word)
                if line_w and line_w + space + ww > width:
                    lines.append((line_start, i))
                    line_start, line_w = i, 0
                if ww > width:  # a very long word: break by character
                    k = i
                    while k < j:
                        m = k + 1
                        while m < j and ts.width(self.role, self.text[k:m + 1]) <= width:
                            m += 1
                        if m < j:
                            lines.append((line_start, m))
                            line_start = m
                        k = m
                    line_w = ts.width(self.role, self.text[line_start:j])
                else:
                    line_w = (line_w + space + ww) if line_w else ww
                i = j + 1
            lines.append((line_start, end))
            pos = end + 1
        self._lines = lines or [(0, 0)]

    def layout(self, ui, x, y, w):
        p = self._pad(ui)
        self._rewrap(ui, w - 2 * p)
        lh = ui.type.line_height(self.role)
        h = max(self.min_lines, len(self._lines)) * lh + 2 * p
        self.rect = pygame.Rect(x, y, w, h)
        return h

    # -- geometry ---------------------------------------------------------------
    def _line_of(self, index: int) -> int:
        for n, (a, b) in enumerate(self._lines):
            if index <= b and (n == len(self._lines) - 1 or index < self._lines[n + 1][0]):
                return n
        return len(self._lines) - 1

    def caret_rect(self, ui) -> pygame.Rect:
        p = self._pad(ui)
        lh = ui.type.line_height(self.role)
        n = self._line_of(self.caret)
        a, _ = self._lines[n]
        x = self.rect.x + p + ui.type.width(self.role, self.text[a:self.caret])
        return pygame.Rect(x, self.rect.y + p + n * lh, 2, lh)

    def _index_at(self, ui, pos) -> int:
        p = self._pad(ui)
        lh = ui.type.line_height(self.role)
        n = max(0, min(len(self._lines) - 1, (pos[1] - self.rect.y - p) // lh))
        a, b = self._lines[n]
        x = pos[0] - self.rect.x - p
        best = a
        for i in range(a, b + 1):
            if ui.type.width(self.role, self.text[a:i]) <= x + 2:
                best = i
            else:
                break
        return best

    # -- drawing ----------------------------------------------------------------
    def draw(self, ui, surf, dy, state):
        th = ui.theme
        r = self.rect.move(0, -dy)
        focused = state.focus is self
        pygame.draw.rect(surf, th.c("surface"), r, border_radius=ui.metrics.radius // 2)
        pygame.draw.rect(surf, th.c("focus" if focused else "border"), r, width=2 if focused else 1,
                         border_radius=ui.metrics.radius // 2)
        if focused:
            ring = ui.metrics.ring
            pygame.draw.rect(surf, th.c("focus"), r.inflate(2 * ring + 4, 2 * ring + 4), width=ring,
                             border_radius=ui.metrics.radius)
        p = self._pad(ui)
        lh = ui.type.line_height(self.role)
        clip = surf.get_clip()
        sel = self.selection()
        for n, (a, b) in enumerate(self._lines):
            y = r.y + p + n * lh
            if y + lh < clip.top or y > clip.bottom:
                continue
            if sel and sel[0] < b + 1 and sel[1] > a:
                s0, s1 = max(sel[0], a), min(sel[1], b)
                x0 = r.x + p + ui.type.width(self.role, self.text[a:s0])
                x1 = r.x + p + ui.type.width(self.role, self.text[a:s1])
                pygame.draw.rect(surf, th.c("selection"), (x0, y, max(4, x1 - x0), lh))
            line = self.text[a:b]
            if line:
                if sel and sel[0] < b and sel[1] > a:  # draw selected part in its own colour
                    s0, s1 = max(sel[0], a), min(sel[1], b)
                    x = r.x + p
                    for part, col in ((self.text[a:s0], "text"), (self.text[s0:s1], "on_selection"),
                                      (self.text[s1:b], "text")):
                        if part:
                            blk = ui.type.block(part, self.role, 10 ** 5, th.c(col))
                            ui.type.draw(surf, blk, (x, y), pygame.Rect(x, y, r.w, lh))
                            x += ui.type.width(self.role, part)
                else:
                    blk = ui.type.block(line, self.role, 10 ** 5, th.c("text"))
                    ui.type.draw(surf, blk, (r.x + p, y), pygame.Rect(r.x + p, y, r.w - 2 * p, lh))
        if focused:
            c = self.caret_rect(ui).move(0, -dy)
            pygame.draw.rect(surf, th.c("text"), c.inflate(1, -4))

    # -- editing ----------------------------------------------------------------
    def selection(self) -> tuple[int, int] | None:
        if self.anchor is None or self.anchor == self.caret:
            return None
        return (min(self.anchor, self.caret), max(self.anchor, self.caret))

    def _replace_selection(self, s: str) -> None:
        sel = self.selection()
        a, b = sel if sel else (self.caret, self.caret)
        room = MAX_CHARS - (len(self.text) - (b - a))
        s = s[:max(0, room)]
        self.text = self.text[:a] + s + self.text[b:]
        self.caret = a + len(s)
        self.anchor = None
        if self.on_change:
            self.on_change(self.text)

    def insert(self, s: str) -> None:
        self._replace_selection(s.replace("\r\n", "\n").replace("\r", "\n"))

    def _move(self, to: int, shift: bool) -> None:
        if shift:
            if self.anchor is None:
                self.anchor = self.caret
        else:
            self.anchor = None
        self.caret = max(0, min(len(self.text), to))

    def _word_left(self) -> int:
        i = self.caret
        while i > 0 and self.text[i - 1] == " ":
            i -= 1
        while i > 0 and self.text[i - 1] not in " \n":
            i -= 1
        return i

    def _word_right(self) -> int:
        i, n = self.caret, len(self.text)
        while i < n and self.text[i] in " \n":
            i += 1
        while i < n and self.text[i] not in " \n":
            i += 1
        return i

    def handle_key(self, ui, ev) -> bool:
        if ev.type == pygame.TEXTINPUT:
            self.insert(ev.text)
            return True
        if ev.type != pygame.KEYDOWN:
            return False
        k, mods = ev.key, ev.mod
        ctrl = bool(mods & (pygame.KMOD_CTRL | pygame.KMOD_META))
        shift = bool(mods & pygame.KMOD_SHIFT)
        n = self._line_of(self.caret)
        if ctrl and k == pygame.K_a:
            self.anchor, self.caret = 0, len(self.text)
        elif ctrl and k in (pygame.K_c, pygame.K_x):
            sel = self.selection()
            if sel:
                clipboard_put(self.text[sel[0]:sel[1]])
                if k == pygame.K_x:
                    self._replace_selection("")
        elif ctrl and k == pygame.K_v:
            self.insert(clipboard_get())
        elif k == pygame.K_BACKSPACE:
            if not self.selection() and self.caret > 0:
                self.anchor = self._word_left() if ctrl else self.caret - 1
            self._replace_selection("")
        elif k == pygame.K_DELETE:
            if not self.selection() and self.caret < len(self.text):
                self.anchor = self._word_right() if ctrl else self.caret + 1
            self._replace_selection("")
        elif k in (pygame.K_RETURN, pygame.K_KP_ENTER):
            self.insert("\n")
        elif k == pygame.K_LEFT:
            if self.selection() and not shift:
                self._move(self.selection()[0], False)
            else:
                self._move(self._word_left() if ctrl else self.caret - 1, shift)
        elif k == pygame.K_RIGHT:
            if self.selection() and not shift:
                self._move(self.selection()[1], False)
            else:
                self._move(self._word_right() if ctrl else self.caret + 1, shift)
        elif k in (pygame.K_UP, pygame.K_DOWN):
            m = n - 1 if k == pygame.K_UP else n + 1
            if not 0 <= m < len(self._lines):
                self._move(0 if m < 0 else len(self.text), shift)
                return True
            a, _ = self._lines[n]
            x = ui.type.width(self.role, self.text[a:self.caret])
            a2, b2 = self._lines[m]
            best = a2
            for i in range(a2, b2 + 1):
                if ui.type.width(self.role, self.text[a2:i]) <= x + 1:
                    best = i
            self._move(best, shift)
        elif k == pygame.K_HOME:
            self._move(0 if ctrl else self._lines[n][0], shift)
        elif k == pygame.K_END:
            self._move(len(self.text) if ctrl else self._lines[n][1], shift)
        else:
            return k not in (pygame.K_TAB, pygame.K_ESCAPE, pygame.K_F11, pygame.K_PAGEUP,
                             pygame.K_PAGEDOWN) and not ctrl and ev.unicode != ""
        return True

    def handle_mouse(self, ui, ev, pos) -> bool:
        if ev.type == pygame.MOUSEBUTTONDOWN and ev.button == 1:
            self.caret = self._index_at(ui, pos)
            self.anchor = self.caret
            self._dragging = True
            return True
        if ev.type == pygame.MOUSEMOTION and self._dragging:
            self.caret = self._index_at(ui, pos)
            return True
        if ev.type == pygame.MOUSEBUTTONUP and ev.button == 1:
            self._dragging = False
            if self.anchor == self.caret:
                self.anchor = None
            return True
        return False
