"""Your progress: the principles pooled across every finished meeting, and "delete all my data".

The profile pools raw points and spans across the stored sessions (never an average of
percentages); it is a mirror, not a grade. Deleting asks once more on a second step and
then says plainly what happened, including any file that could not be removed.
"""

from __future__ import annotations

from ...i18n import t, tn
from .. import coach
from ..widgets import Bars, Button, Card, Column, Row, Text
from .base import Screen


class ProgressScreen(Screen):
    title_key = "ui.progress.title"

    def __init__(self, app):
        super().__init__(app)
        self.confirming = False
        self.result = None          # the coach's DeleteResult after deleting
        self.view = self._load()

    def _load(self):
        app = self.app
        return coach.progress(app.principles, app.settings.lang, app.sources,
                              show_numbers=app.settings.show_numbers)

    def on_enter(self):
        if self.result is None:
            self.view = self._load()
        super().on_enter()

    def on_language(self):
        self.on_enter()

    def on_escape(self):
        if self.confirming:
            self._keep()
        else:
            self.app.pop()

    def build(self):
        if self.result is not None:
            return self._build_deleted()
        lang = self.lang
        v = self.view
        items = [Text(t("ui.progress.intro", lang), "body", max_width=90)]
        if not v.available:
            items.append(Card([Text(t("ui.progress.unavailable", lang), "body")], bg="surface_alt"))
            return Column(items, gap=2)
        if v.pooled == 0:
            items.append(Card([Text(t("ui.progress.empty_title", lang), "h3"),
                               Text(t("ui.progress.empty", lang), "body"),
                               Row([Button(t("ui.start.choose", lang), self._library, kind="primary",
                                           key="progress.choose")])],
                              pad=2.5, key="progress.empty"))
        else:
            items.append(Card([Text(tn("ui.progress.pooled", v.pooled, lang), "h3", key="progress.pooled"),
                               Bars(v.rows, key="progress.chart"),
                               Text(t("ui.progress.how", lang), "small", "muted")],
                              pad=2.5, key="progress.profile"))
        if v.notes:
            items.append(Card([Text(t("ui.progress.skipped", lang), "label"),
                               *[Text("• " + n, "small") for n in v.notes]],
                              bg="surface_alt", pad=1.5, key="progress.notes"))
        if self.confirming:
            items.append(self._confirm_card())
        else:
            items.append(Column([Text(t("ui.progress.local", lang), "small", "muted"),
                                 Row([Button(t("ui.progress.delete", lang), self._ask,
                                             key="progress.delete")])], gap=1))
        return Column(items, gap=2)

    def _confirm_card(self):
        lang = self.lang
        what = [t("ui.progress.what_sessions", lang), t("ui.progress.what_statement", lang),
                t("ui.progress.what_settings", lang), t("ui.progress.what_autosave", lang)]
        return Card([Text(t("ui.progress.confirm_title", lang), "h3"),
                     Text(t("ui.progress.confirm_intro", lang), "body"),
                     *[Text("• " + w, "body") for w in what],
                     Text(t("ui.progress.confirm_final", lang), "body"),
                     Row([Button(t("ui.progress.yes", lang), self._delete, key="progress.yes"),
                          Button(t("ui.progress.no", lang), self._keep, kind="primary", key="progress.no")])],
                    bg="surface_alt", pad=2.5, key="progress.confirm")

    def _build_deleted(self):
        lang = self.lang
        res = self.result
        if not res.left:
            parts = [Text(t("ui.progress.deleted_title", lang), "h3"),
                     Text(t("ui.progress.deleted", lang), "body")]
        else:
            parts = [Text(t("ui.progress.partly_title", lang), "h3"),
                     Text(tn("ui.progress.partly", len(res.left), lang), "body"),
                     *[Text("• " + str(p), "small") for p in res.left]]
        parts.append(Row([Button(t("ui.progress.home", lang), self.app.home, kind="primary",
                                 key="progress.home")]))
        return Column([Card(parts, pad=2.5, key="progress.deleted")], gap=2)

    def default_focus(self):
        if self.confirming:
            return self.find("progress.no")
        return super().default_focus()

    def _ask(self):
        self.confirming = True
        self.invalidate("progress.no")
        self.layout()
        card, no = self.find("progress.confirm"), self.find("progress.no")
        whole = card.rect.union(no.rect)
        # the whole question when it fits, else at least the focused answer
        self.reveal(no, whole if whole.h + 2 * self.app.metrics.space(2) <= self.viewport.h else None)

    def _keep(self):
        self.confirming = False
        self.invalidate("progress.delete")

    def _delete(self):
        self.confirming = False
        result = coach.delete_all_data()
        if result is None:        # no coach: the button is not shown then
            return
        self.result = result
        self.app.forget_user_data()
        self.invalidate("progress.home")

    def _library(self):
        from .library import LibraryScreen
        self.app.push(LibraryScreen(self.app))
