"""The start page: what the game is, continue where you left off, language, notices."""

from __future__ import annotations

from ...i18n import t
from .. import autosave
from ..widgets import Button, Card, Column, Row, Spacer, Text
from .base import Screen


class StartScreen(Screen):
    back_label = None

    def __init__(self, app):
        super().__init__(app)
        self.saved, notice = autosave.peek(app.library.scenarios)
        if notice:
            app.notices.append(t(notice, app.settings.lang))

    def on_enter(self):
        self.saved, _ = autosave.peek(self.app.library.scenarios)
        super().on_enter()

    def title(self):
        return t("app.name", self.lang)

    def on_escape(self):
        pass  # the start page is the bottom of the stack: Esc does nothing here

    def build(self):
        lang = self.lang
        app = self.app
        items = [Text(t("app.tagline", lang), "h1", key="tagline"),
                 Text(t("ui.start.welcome", lang), "body", max_width=90)]
        if app.notices:
            items.append(Card([Text(t("ui.notice.title", lang), "h3"),
                               *[Text("• " + n, "body") for n in app.notices],
                               Row([Button(t("ui.notice.ok", lang), self._dismiss, key="notice.ok")])],
                              bg="surface_alt", key="notices"))
        buttons = []
        if self.saved is not None:
            sc = app.library.scenarios.get(self.saved["session"].get("scenario"))
            buttons.append(Button(t("ui.start.continue", lang), self._continue, kind="primary",
                                  key="start.continue", full=True,
                                  hint=sc.title if sc else None))
        buttons.append(Button(t("ui.start.choose", lang), self._choose,
                              kind="secondary" if self.saved else "primary", key="start.choose", full=True))
        buttons.append(Button(t("ui.start.statement", lang), self._statement, key="start.statement", full=True))
        buttons.append(Button(t("ui.start.progress", lang), self._progress, key="start.progress", full=True))
        items.append(Spacer(0.5))
        items.append(Column(buttons, gap=1.5))
        items.append(Row([Button(t("ui.start.settings", lang), self._settings, key="start.settings"),
                          Button(t("ui.start.language", lang), self._language, key="start.language"),
                          Button(t("ui.start.quit", lang), app.on_quit, key="start.quit")]))
        return Column(items, gap=2)

    def max_content_width(self):
        return self.app.metrics.space(95)

    def _dismiss(self):
        self.app.notices.clear()
        self.invalidate("start.choose")

    def _continue(self):
        from .meeting import MeetingScreen
        app = self.app
        session = autosave.resume(self.saved, app.library.scenarios, app.principle_ids)
        if session is None:
            app.notices.append(t("ui.notice.save_unreadable", self.lang))
            autosave.clear()
            self.saved = None
            self.invalidate()
            return
        if session.notice is not None:
            app.notices.append(session.notice.message(self.lang))
        app.push(MeetingScreen(app, session, resumed=True))

    def _choose(self):
        from .library import LibraryScreen
        self.app.push(LibraryScreen(self.app))

    def _statement(self):
        from .statement import StatementScreen
        self.app.push(StatementScreen(self.app))

    def _progress(self):
        from .progress import ProgressScreen
        self.app.push(ProgressScreen(self.app))

    def _settings(self):
        from .settings_screen import SettingsScreen
        self.app.push(SettingsScreen(self.app))

    def _language(self):
        self.app.settings.lang = "en" if self.lang == "da" else "da"
        self.app.apply_settings()
        self.invalidate("start.language")
