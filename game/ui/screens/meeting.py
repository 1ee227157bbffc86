"""The meeting: the room with faces, the lines one by one, numbered choices, the feedback card.

Phases: ``lines`` (one line at a time, optionally revealed gradually), ``choices``
(large numbered buttons; keys 1–9, arrows + Enter, mouse), ``feedback`` (the card
after a choice, unless feedback is deferred to the end) and ``ended``. The session
is saved after every choice; nothing here decides what happens next — the session does.
"""

from __future__ import annotations

import pygame

from ...i18n import t
from .. import autosave, coach
from ..faces import draw_person
from ..widgets import Button, Card, Column, Text, Widget
from .base import Screen

SPEED_CPS = {"slow": 22, "medium": 40, "fast": 80}
REVEAL_MAX = 600  # longer lines (e.g. a long statement read out) appear at once


class RevealText(Widget):
    """A paragraph laid out at full length but drawn only up to ``shown`` characters."""

    def __init__(self, text, role, color, screen, key=None):
        super().__init__(key)
        self.text, self.role, self.color, self.screen = text, role, color, screen

    def layout(self, ui, x, y, w):
        _, h = ui.type.measure(self.text, self.role, w)
        self.rect = pygame.Rect(x, y, w, h)
        return h

    def draw(self, ui, surf, dy, state):
        r = self.rect.move(0, -dy)
        left = int(self.screen.shown)
        lines = ui.type.wrap(self.text, self.role, r.w)
        lh = ui.type.line_height(self.role)
        col = ui.theme.c(self.color)
        for i, line in enumerate(lines):
            if left <= 0:
                break
            part = line[:left]
            left -= len(line) + 1
            b = ui.type.block(part, self.role, r.w, col)
            ui.type.draw(surf, b, (r.x, r.y + i * lh), pygame.Rect(r.x, r.y + i * lh, r.w, lh))


class MeetingScreen(Screen):
    show_pause = True
    moving_keys = ("line.current",)

    def __init__(self, app, session, resumed=False, banner: str | None = None):
        super().__init__(app)
        app.localize_session(session)   # the scenario's text in the settings language
        self.session = session
        #: a quiet one-off note above the dialogue (e.g. the preview's "Reloaded …");
        #: it goes away with the next choice
        self.banner = banner
        self.moments: list[tuple[str, list[str]]] = []
        self.feedback_view = None
        self.last_step = None
        self.shown = 0.0
        self._new_lines()
        if resumed and session.ended:
            self.idx = len(self.lines) - 1

    # -- state -------------------------------------------------------------------
    def _new_lines(self):
        self.lines = self.session.lines
        self.idx = 0
        if not self.lines:
            self.phase = "ended" if self.session.ended else "choices"
        else:
            self.phase = "lines"
            self._start_line()

    def on_language(self):
        """The settings language changed: show the same place in the new language."""
        self.app.localize_session(self.session)
        self.lines = self.session.lines
        self.idx = min(self.idx, max(0, len(self.lines) - 1))
        step = self.last_step
        if self.feedback_view is not None and step is not None:
            choice = self.session.scenario.nodes[step.node].choices[step.choice]
            self.feedback_view = coach.feedback(self.session, step, self.session.choice_text(choice),
                                                self.lang, self.app.principles or None)

    @property
    def current(self):
        return self.lines[self.idx] if self.phase == "lines" and self.lines else None

    def _instant(self) -> bool:
        s = self.app.settings
        return s.reduced_motion or s.text_speed == "instant"

    def _start_line(self):
        line = self.current
        long_line = line is not None and len(line.text) > REVEAL_MAX
        self.shown = 0.0 if not (self._instant() or long_line) else 10 ** 9
        if line is not None and self.app.settings.read_aloud:
            who = f"{line.name}: " if line.name else ""
            self.app.narrator.say(who + line.text, self.session.lang)

    @property
    def animating(self):
        line = self.current
        return line is not None and self.shown < len(line.text)

    def update(self, dt):
        line = self.current
        if line is None or self.shown >= len(line.text):
            return False
        self.shown += SPEED_CPS.get(self.app.settings.text_speed, 40) * dt
        return True

    def title(self):
        return self.session.scenario.title

    def narration(self):
        return self.current.text if self.current else ""

    # -- actions -----------------------------------------------------------------
    def advance(self):
        line = self.current
        if line is not None and self.shown < len(line.text):
            self.shown = 10 ** 9  # skip the reveal
            self.app.dirty = True
            return
        self.app.narrator.stop()
        if self.phase == "lines" and self.idx < len(self.lines) - 1:
            self.idx += 1
            self._start_line()
            self.invalidate("meeting.continue")
            return
        if self.session.ended:
            self.phase = "ended"
            self._finish()
            self.invalidate("meeting.finish")
        else:
            self.phase = "choices"
            self.invalidate("choice.1")
            self._want_scroll_to_choices = True

    def choose(self, n: int):
        if self.phase != "choices":
            return
        opts = self.session.options()
        if not 1 <= n <= len(opts):
            return
        opt = opts[n - 1]
        self.banner = None
        self.app.narrator.stop()
        step = self.session.choose(n)
        self.last_step = step
        self.save_now()
        fb = coach.feedback(self.session, step, opt.text, self.lang, self.app.principles or None)
        self.moments.append((fb.chosen, fb.lines))
        if self.app.settings.feedback == "each":
            self.feedback_view = fb
            self.phase = "feedback"
            self.scroll = 0
            self.invalidate("feedback.continue")
            if self.app.settings.read_aloud:
                self.app.narrator.say(" ".join(fb.lines), self.lang)
        else:
            self._after_feedback()

    def _after_feedback(self):
        self.feedback_view = None
        self.scroll = 0
        self._new_lines()
        if self.phase == "ended":
            self._finish()
        self.invalidate("meeting.continue" if self.phase == "lines" else "choice.1")

    def reread(self):
        self.phase = "lines"
        self.idx = 0
        self._start_line()
        self.invalidate("meeting.continue")

    def undo(self):
        if not self.session.can_undo():
            return
        self.session.undo()
        if self.moments:
            self.moments.pop()
        self.feedback_view = None
        self.lines = self.session.lines
        self.idx = max(0, len(self.lines) - 1)
        self.phase = "choices"
        self.save_now()
        self.invalidate("choice.1")

    def _finish(self):
        autosave.clear()
        role = self.session.scenario.role
        coach.record_finished(self.session, role if role in ("citizen", "staff", "peer") else "citizen")

    def open_debrief(self):
        from .debrief import DebriefScreen
        self.app.replace(DebriefScreen(self.app, self.session, self.moments))

    def save_now(self) -> bool:
        if self.session.ended:
            return True
        return autosave.save(self.session, self.session.scenario.path)

    def on_escape(self):
        self.app.open_pause()

    def on_number(self, n):
        if self.phase == "choices":
            self.choose(n)
            return True
        return False

    def handle(self, ev):
        if ev.type == pygame.KEYDOWN and self.animating and ev.key not in (pygame.K_ESCAPE, pygame.K_TAB):
            self.advance()
            return
        super().handle(ev)

    def layout(self):
        super().layout()
        if getattr(self, "_want_scroll_to_choices", False):
            self._want_scroll_to_choices = False
            self.scroll = 0
            self.reveal(self.state.focus)
        elif self.phase == "lines":
            cur, btn = self.find("line.current"), self.find("meeting.continue")
            if cur is not None and btn is not None:
                self.reveal(btn, cur.rect.union(btn.rect))

    # -- building ----------------------------------------------------------------
    def _line_card(self, i: int, current: bool) -> Widget:
        line = self.lines[i]
        parts: list[Widget] = []
        if line.name:
            parts.append(Text(f"{line.name} · {line.title}" if line.title else line.name, "name", "muted"))
        if current:
            parts.append(RevealText(line.text, "dialogue", "text", self))
        else:
            parts.append(Text(line.text, "dialogue"))
        if len(self.lines) > 1 and current:
            parts.append(Text(t("ui.meeting.line_of", self.lang, i=i + 1, n=len(self.lines)), "small", "muted"))
        return Card(parts, key="line.current", pad=2, gap=0.8)

    def build(self):
        lang = self.lang
        items: list[Widget] = []
        if self.phase == "feedback" and self.feedback_view is not None:
            fb = self.feedback_view
            parts = [Text(t("ui.feedback.title", lang), "h3"),
                     Text(t("ui.feedback.you_chose", lang, text=f"»{fb.chosen}«" if lang == "da" else f"“{fb.chosen}”"),
                          "label")]
            parts += [Text(x, "body") for x in fb.lines]
            items.append(Card(parts, bg="surface_alt", key="feedback.card", pad=2.5))
            items.append(Button(t("ui.feedback.continue", lang), self._after_feedback, kind="primary",
                                key="feedback.continue", full=True))
            if self.session.can_undo():
                items.append(Button(t("ui.feedback.undo", lang), self.undo, key="feedback.undo", full=True))
            return Column(items, gap=1.8)
        if self.banner:
            items.append(Text(self.banner, "small", "muted", key="meeting.banner"))
        if self.lines and self.phase in ("lines", "choices"):
            items.append(self._line_card(self.idx if self.phase == "lines" else len(self.lines) - 1,
                                         self.phase == "lines"))
        if self.phase == "lines":
            items.append(Button(t("ui.meeting.continue", lang) + "  ▸", self.advance, kind="primary",
                                key="meeting.continue"))
        elif self.phase == "choices":
            opts = self.session.options()
            items.append(Text(t("ui.meeting.your_turn", lang), "h3", key="choices.heading"))
            for o in opts:
                items.append(Button(o.text, (lambda n=o.number: self.choose(n)), number=o.number,
                                    key=f"choice.{o.number}", full=True, role="body"))
            items.append(Text(t("ui.meeting.keys", lang, n=len(opts)), "small", "muted"))
            if len(self.lines) > 1:
                items.append(Button(t("ui.meeting.reread", lang), self.reread, key="meeting.reread"))
            if self.app.settings.feedback == "end":
                items.append(Text(t("ui.feedback.later", lang), "small", "muted"))
        elif self.phase == "ended":
            parts = [Text(t("ui.meeting.ended", lang), "label")]
            title = self.session.ending_title()
            if title:
                parts.append(Text(title, "h3"))
            text = self.session.ending_text()
            if text:
                parts.append(Text(text, "body"))
            items.append(Card(parts, bg="surface_alt", pad=2.5, key="ending"))
            items.append(Button(t("ui.meeting.finish", lang), self.open_debrief, kind="primary",
                                key="meeting.finish", full=True))
        return Column(items, gap=1.2)

    # -- the room ----------------------------------------------------------------
    def _plate_lines(self, ch, speaking: bool, width: int, with_title: bool):
        """Rows of (text, role, colour) runs for a name plate; name and mood share a row if they fit."""
        ts = self.app.type
        name = ch.name + (" · " + t("ui.meeting.speaking", self.lang) if speaking else "")
        word = coach.mood_word(self.session.moods.get(ch.id, 0), self.lang)
        # measure as if speaking, so the plate never changes size when the speaker changes
        if self._plates_one_row(width):
            rows = [[(name, "name", "text"), ("  ·  " + word, "small", "muted")]]
        else:
            rows = [[(name, "name", "text")], [(word, "small", "muted")]]
        if with_title and ch.title:
            rows.append([(ch.title, "small", "muted")])
        return rows

    def _plates_one_row(self, width: int) -> bool:
        """Name and mood on one row for everyone, or on two rows for everyone (a calm, even row)."""
        key = (width, self.app.metrics, self.lang)
        if getattr(self, "_one_row_key", None) == key:
            return self._one_row
        ts = self.app.type
        sp = " · " + t("ui.meeting.speaking", self.lang)
        self._one_row_key = key
        self._one_row = all(ts.width("name", ch.name + sp) + ts.width("small", "  ·  " + coach.mood_word(m, self.lang)) <= width
                   for ch in self.session.scenario.characters.values() for m in (-3, -1, 0, 1, 3))
        return self._one_row

    def _room_plan(self, w: int, avail: int):
        m = self.app.metrics
        ts = self.app.type
        chars = list(self.session.scenario.characters.values())
        n = max(1, len(chars))
        slot = min(w // n, m.space(46))
        plate_w = slot - m.space(2)
        for with_title in (True, False):
            ph = 0
            for ch in chars:
                rows = self._plate_lines(ch, True, plate_w, with_title)
                ph = max(ph, sum(max(ts.measure(txt, role, plate_w - m.space(2))[1] for txt, role, _ in row)
                                 for row in rows))
            ph += m.space(1.2)
            cap = avail * (0.34 + 0.08 * (m.text_scale - 1))
            d_fit = (cap - ph - m.space(3)) / 1.45
            d = int(min(110 * m.ui, avail * 0.2, d_fit))
            if d >= 56 * m.ui or not with_title:
                d = max(int(52 * m.ui), d)
                band = m.space(1.5) + int(d * 1.45) + ph + m.space(1.5)
                return chars, slot, plate_w, ph, d, band, with_title
        raise AssertionError  # pragma: no cover

    def fixed_height(self, w, avail):
        return self._room_plan(w, avail)[5]

    def draw_fixed(self, surf, rect):
        """The room changes only with the speaker, moods, size or theme: draw it from a cache."""
        speaker = self.current.speaker if self.current else None
        key = (rect.size, self.viewport.bottom, speaker, tuple(sorted(self.session.moods.items())),
               self.app.theme.name, self.app.metrics, self.lang)
        if getattr(self, "_room_key", None) != key:
            room = pygame.Surface(rect.size)
            self._draw_room(room, pygame.Rect(0, 0, rect.w, rect.h), self.viewport.bottom - rect.y)
            self._room, self._room_key = room, key
        surf.blit(self._room, rect.topleft)

    def _draw_room(self, surf, rect, avail):
        th = self.app.theme
        m = self.app.metrics
        ts = self.app.type
        chars, slot, plate_w, ph, d, band, with_title = self._room_plan(rect.w, avail)
        pygame.draw.rect(surf, th.c("wall"), rect)
        table_top = rect.bottom - ph - m.space(2)
        speaker = self.current.speaker if self.current else None
        x0 = rect.centerx - slot * len(chars) // 2
        cy = rect.y + m.space(1.5) + int(d * 0.62)
        for i, ch in enumerate(chars):
            cx = x0 + slot * i + slot // 2
            draw_person(surf, (cx, cy), d, ch.id, coach.expression(self.session.moods.get(ch.id, 0)),
                        ch.id == speaker, th)
        pygame.draw.rect(surf, th.c("table"), (rect.x, table_top, rect.w, rect.bottom - table_top))
        for i, ch in enumerate(chars):
            cx = x0 + slot * i + slot // 2
            plate = pygame.Rect(0, 0, plate_w, ph - m.space(0.5))
            plate.midtop = (cx, table_top + m.space(0.8))
            speaking = ch.id == speaker
            pygame.draw.rect(surf, th.c("surface"), plate, border_radius=m.radius)
            pygame.draw.rect(surf, th.c("speaker" if speaking else "border"), plate,
                             width=max(3, m.ring) if speaking else 1, border_radius=m.radius)
            inner = plate.inflate(-m.space(2), -m.space(1))
            y = inner.y
            for row in self._plate_lines(ch, speaking, inner.w, with_title):
                if len(row) == 1:
                    txt, role, col = row[0]
                    b = ts.block(txt, role, inner.w, th.c(col))
                    ts.draw(surf, b, (inner.x, y), inner, "center")
                    y += b.height
                    continue
                parts = [ts.render_line(txt, role, th.c(col)) for txt, role, col in row]
                x = inner.centerx - sum(p.get_width() for p in parts) // 2
                lh = max(ts.line_height(role) for _, role, _ in row)
                base = max(ts.font(r).get_ascent() for _, r, _ in row)
                for (txt, role, col), part in zip(row, parts):
                    off = base - ts.font(role).get_ascent() + (lh - part.get_height()) // 2
                    surf.blit(part, (x, y + off))
                    if ts.record is not None:
                        ts.record.append((pygame.Rect(x, y + off, part.get_width(), part.get_height()),
                                          pygame.Rect(inner), txt))
                    x += part.get_width()
                y += lh
        pygame.draw.line(surf, th.c("border"), (rect.x, rect.bottom - 1), (rect.right, rect.bottom - 1))
