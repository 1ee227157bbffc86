"""The pause menu (Esc or the pause button) and the quiet break screen."""

from __future__ import annotations

import math

import pygame

from ...i18n import t
from ..widgets import Button, Column, Text, Widget
from .base import Screen


class PauseScreen(Screen):
    title_key = "ui.pausemenu.title"

    def build(self):
        lang = self.lang
        return Column([
            Text(t("ui.pausemenu.text", lang), "body"),
            Button(t("ui.pausemenu.resume", lang), self.app.pop, kind="primary", key="pause.resume", full=True),
            Button(t("ui.pausemenu.settings", lang), self._settings, key="pause.settings", full=True),
            Button(t("ui.pausemenu.break", lang), self._break, key="pause.break", full=True),
            Button(t("ui.pausemenu.leave", lang), self._leave, key="pause.leave", full=True),
        ], gap=1.8)

    def max_content_width(self):
        return self.app.metrics.space(80)

    def _settings(self):
        from .settings_screen import SettingsScreen
        self.app.push(SettingsScreen(self.app))

    def _break(self):
        self.app.replace(BreakScreen(self.app))

    def _leave(self):
        app = self.app
        ok = True
        for s in app.stack:
            if hasattr(s, "save_now"):
                ok = s.save_now() and ok
        app.notices.append(t("ui.notice.saved" if ok else "ui.notice.save_failed", self.lang))
        app.home()


class _Breath(Widget):
    """A slowly growing and shrinking circle (4 s in, 6 s out); still with reduced motion."""

    def __init__(self, screen):
        super().__init__("breath")
        self.screen = screen

    def layout(self, ui, x, y, w):
        self.circle_h = ui.metrics.space(24)
        longest = t("ui.break.in", ui.settings.lang) + " " + t("ui.break.out", ui.settings.lang)
        _, self.label_h = ui.type.measure(longest, "h3", w)
        h = self.circle_h + ui.metrics.space(1.5) + self.label_h
        self.rect = pygame.Rect(x, y, w, h)
        return h

    def draw(self, ui, surf, dy, state):
        r = self.rect.move(0, -dy)
        th = ui.theme
        big = self.circle_h // 2 - 4
        center = (r.centerx, r.y + self.circle_h // 2)
        small = int(big * 0.55)
        phase, frac = self.screen.phase()
        if ui.settings.reduced_motion:
            rad = (big + small) // 2
        else:
            ease = (1 - math.cos(math.pi * frac)) / 2
            rad = int(small + (big - small) * (ease if phase == "in" else 1 - ease))
        pygame.draw.circle(surf, th.c("chart_track"), center, big)
        pygame.draw.circle(surf, th.c("chart"), center, rad)
        word = t("ui.break.in" if phase == "in" else "ui.break.out", ui.settings.lang)
        if ui.settings.reduced_motion:
            word = t("ui.break.in", ui.settings.lang) + " " + t("ui.break.out", ui.settings.lang)
        b = ui.type.block(word, "h3", r.w, th.c("text"))
        box = pygame.Rect(r.x, r.bottom - self.label_h, r.w, self.label_h)
        ui.type.draw(surf, b, box.topleft, box, "center")


class BreakScreen(Screen):
    title_key = "ui.break.title"
    moving_keys = ("breath",)
    IN, OUT = 4.0, 6.0

    def __init__(self, app):
        super().__init__(app)
        self.t = 0.0
        self._last_phase = None

    @property
    def animating(self):
        return not self.app.settings.reduced_motion

    def phase(self):
        x = self.t % (self.IN + self.OUT)
        return ("in", x / self.IN) if x < self.IN else ("out", (x - self.IN) / self.OUT)

    def update(self, dt):
        if self.app.settings.reduced_motion:
            return False
        self.t += dt
        return True

    def build(self):
        lang = self.lang
        return Column([
            Text(t("ui.break.text", lang), "body"),
            _Breath(self),
            Text(t("ui.break.support", lang), "small", "muted"),
            Button(t("ui.break.back", lang), self.app.pop, kind="primary", key="break.back", full=True),
            Button(t("ui.pausemenu.leave", lang), self._leave, key="break.leave", full=True),
        ], gap=2)

    def max_content_width(self):
        return self.app.metrics.space(80)

    def _leave(self):
        PauseScreen._leave(self)
