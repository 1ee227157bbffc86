"""The debrief: a check-in first, the ending, the principles as a chart, strengths, one
thing to practise, a walk-through of the choices, and "try another path"."""

from __future__ import annotations

from ...engine.session import Session
from ...i18n import t
from .. import coach
from ..widgets import Bars, Button, Card, Column, Row, Text
from .base import Screen


class DebriefScreen(Screen):
    title_key = "ui.debrief.title"

    def __init__(self, app, session, moments):
        super().__init__(app)
        self.session = session
        self.show_replay = app.settings.feedback == "end"
        self.checked_in: int | None = None
        role = session.scenario.role
        self.view = coach.debrief(session, app.principles, app.settings.lang,
                                  role if role in ("citizen", "staff", "peer") else "citizen", moments,
                                  show_numbers=app.settings.show_numbers)

    def on_escape(self):
        self.app.home()

    def build(self):
        lang = self.lang
        v = self.view
        items = []
        ci = v.checkin
        if ci is not None:
            parts = [Text(ci.question, "h3")]
            opts = [*ci.options, ci.grounding_option]
            parts.append(Row([Button(o, (lambda i=i: self._checkin(i)), selected=(self.checked_in == i),
                                     key=f"checkin.{i}") for i, o in enumerate(opts)], gap=1))
            if self.checked_in is not None:
                if self.checked_in == len(opts) - 1:
                    parts.append(Text(ci.grounding, "body"))
                else:
                    parts.append(Text(t("ui.debrief.checkin_thanks", lang), "body"))
                parts.append(Text(ci.support, "small", "muted"))
            items.append(Card(parts, bg="surface_alt", key="debrief.checkin"))
        ending = [Text(v.title, "h2")]
        if v.text:
            ending.append(Text(v.text, "body"))
        items.append(Card(ending, pad=2.5, key="debrief.ending"))
        items.append(Text(v.opening or t("ui.debrief.mirror", lang), "small", "muted"))
        if v.notice:
            items.append(Card([Text(v.notice, "small")], bg="surface_alt", pad=1.5))
        profile = [Text(t("ui.debrief.profile", lang), "h3")]
        shown = [r for r in v.rows if r[1] is not None]
        if shown:
            profile.append(Bars(v.rows, key="debrief.chart"))
            if v.profile_note:
                profile.append(Text(v.profile_note, "small", "muted"))
        else:
            profile.append(Text(t("ui.debrief.no_profile", lang), "body"))
        items.append(Card(profile, pad=2.5))
        for heading, lines in v.sections:
            items.append(Card([Text(heading, "h3"), *[Text(x, "body") for x in lines]], bg="surface"))
        items.append(Button(t("ui.debrief.replay_hide" if self.show_replay else "ui.debrief.replay", lang),
                            self._toggle_replay, key="debrief.replay"))
        if self.show_replay:
            for i, (chosen, lines) in enumerate(v.moments, 1):
                items.append(Card([Text(t("ui.debrief.choice_n", lang, n=i, text=chosen), "label"),
                                   *[Text(x, "body") for x in lines]], pad=2, key=f"moment.{i}"))
        items.append(Row([Button(t("ui.debrief.again", lang), self._again, kind="primary", key="debrief.again"),
                          Button(t("ui.debrief.library", lang), self._library, key="debrief.library"),
                          Button(t("ui.debrief.home", lang), self.app.home, key="debrief.home")]))
        return Column(items, gap=1.8)

    def default_focus(self):
        return self.find("checkin.0") or self.find("debrief.again") or super().default_focus()

    def _checkin(self, i):
        self.checked_in = i
        self.invalidate(f"checkin.{i}")

    def _toggle_replay(self):
        self.show_replay = not self.show_replay
        self.invalidate("debrief.replay")

    def _again(self):
        from .meeting import MeetingScreen
        s = self.session
        fresh = Session(s.scenario, s.difficulty, s.statement, seed=s.seed + 1,
                        principle_ids=s.principle_ids, practice=s.practice)
        self.app.replace(MeetingScreen(self.app, fresh))

    def _library(self):
        from .library import LibraryScreen
        self.app.home()
        self.app.push(LibraryScreen(self.app))
