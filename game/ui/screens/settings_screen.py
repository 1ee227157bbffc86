"""Settings: every option a row of large toggle buttons; saved at once."""

from __future__ import annotations

from ...i18n import t
from ..settings import SPEEDS, TEXT_SIZES
from ..widgets import Button, Card, Column, Row, Text
from .base import Screen


class SettingsScreen(Screen):
    title_key = "ui.settings.title"

    def build(self):
        lang = self.lang
        s = self.app.settings

        def row(label_key, options, current, attr, note=None):
            btns = [Button(text, (lambda v=value: self._set(attr, v)), selected=(current == value),
                           key=f"set.{attr}.{value}") for text, value in options]
            parts = [Text(t(label_key, lang), "label"), Row(btns, gap=1)]
            if note:
                parts.append(Text(note, "small", "muted"))
            return Column(parts, gap=0.8)

        key, values = self.app.narrator.status(lang)
        rows = [
            Text(t("ui.settings.saved_note", lang), "small", "muted"),
            row("ui.settings.text_size", [(f"{n} %", n) for n in TEXT_SIZES], s.text_size, "text_size"),
            row("ui.settings.theme", [(t("ui.settings.theme_default", lang), False),
                                      (t("ui.settings.theme_hc", lang), True)], s.high_contrast, "high_contrast"),
            row("ui.settings.motion", [(t("ui.settings.motion_on", lang), False),
                                       (t("ui.settings.motion_off", lang), True)], s.reduced_motion, "reduced_motion"),
            row("ui.settings.speed", [(t("ui.settings.speed." + v, lang), v) for v in SPEEDS], s.text_speed,
                "text_speed"),
            row("ui.settings.feedback", [(t("ui.settings.feedback_each", lang), "each"),
                                         (t("ui.settings.feedback_end", lang), "end")], s.feedback, "feedback"),
            row("ui.settings.numbers", [(t("ui.settings.numbers_off", lang), False),
                                        (t("ui.settings.numbers_on", lang), True)], s.show_numbers, "show_numbers"),
            row("ui.settings.read_aloud", [(t("ui.settings.off", lang), False), (t("ui.settings.on", lang), True)],
                s.read_aloud, "read_aloud", note=t(key, lang, **values)),
            row("ui.settings.language", [("Dansk", "da"), ("English", "en")], s.lang, "lang"),
            row("ui.settings.window", [(t("ui.settings.windowed", lang), False),
                                       (t("ui.settings.fullscreen", lang), True)], s.fullscreen, "fullscreen"),
            Card([Text(t("ui.settings.keys", lang), "small")], bg="surface_alt", pad=1.5),
        ]
        return Column(rows, gap=2.2)

    def _set(self, attr, value):
        s = self.app.settings
        if attr == "fullscreen":
            if s.fullscreen != value:
                self.app.toggle_fullscreen()
        else:
            setattr(s, attr, value)
            self.app.apply_settings()
        self.invalidate(f"set.{attr}.{value}")
