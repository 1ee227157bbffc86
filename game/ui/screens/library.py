"""The scenario library (cards, filters, content notes) and the briefing before a meeting."""

from __future__ import annotations

from ...engine.model import FAMILIES, ROLES
from ...engine.session import Session
from ...i18n import t
from ..widgets import Button, Card, Column, Row, Text
from .base import Screen


class LibraryScreen(Screen):
    title_key = "ui.library.title"

    def __init__(self, app):
        super().__init__(app)
        self.role: str | None = None
        self.family: str | None = None
        self.open_notes: set[str] = set()

    def _items(self):
        items = sorted(self.app.library.scenarios.values(), key=lambda s: (FAMILIES.index(s.family)
                       if s.family in FAMILIES else 9, s.title))
        return [s for s in items if (self.role is None or s.role == self.role)
                and (self.family is None or s.family == self.family)]

    def build(self):
        lang = self.lang
        all_s = list(self.app.library.scenarios.values())
        roles = [r for r in ROLES if any(s.role == r for s in all_s)]
        fams = [f for f in FAMILIES if any(s.family == f for s in all_s)]

        def seg(label, value, current, setter, key):
            return Button(label, lambda: setter(value), selected=(current == value), key=key)

        rows = [Text(t("ui.library.intro", lang), "body")]
        rows.append(Text(t("ui.library.role", lang), "label"))
        rows.append(Row([seg(t("ui.library.all", lang), None, self.role, self._set_role, "filter.role.all"),
                         *[seg(t("role." + r, lang).capitalize(), r, self.role, self._set_role,
                               "filter.role." + r) for r in roles]], gap=1))
        if len(fams) > 1:
            rows.append(Text(t("ui.library.family", lang), "label"))
            rows.append(Row([seg(t("ui.library.all", lang), None, self.family, self._set_family, "filter.family.all"),
                             *[seg(t("family." + f, lang), f, self.family, self._set_family,
                                   "filter.family." + f) for f in fams]], gap=1))
        items = self._items()
        if not items:
            rows.append(Card([Text(t("ui.library.none", lang) if all_s else t("ui.notice.no_scenarios", lang))],
                             bg="surface_alt"))
        for s in items:
            rows.append(self._card(s))
        return Column(rows, gap=1.5)

    def _card(self, s):
        lang = self.lang
        minutes = t("ui.library.minutes", lang, n=s.minutes) if s.minutes else ""
        meta = t("ui.library.meta", lang, family=t("family." + s.family, lang), role=t("role." + s.role, lang),
                 minutes=minutes).rstrip(" ·")
        parts = [Text(s.title, "h3"), Text(meta, "small", "muted")]
        if s.summary:
            parts.append(Text(s.summary, "body"))
        parts.append(Text(t("ui.library.suggested", lang, d=t(f"ui.brief.d{s.difficulty}", lang)), "small", "muted"))
        if s.content_note:
            if s.id in self.open_notes:
                parts.append(Card([Text(t("ui.library.note", lang), "label"), Text(s.content_note, "body")],
                                  bg="surface_alt", pad=1.5))
                note_btn = Button(t("ui.library.read_less", lang), lambda: self._toggle(s.id), key=f"note.{s.id}")
            else:
                note_btn = Button(t("ui.library.read_more", lang), lambda: self._toggle(s.id), key=f"note.{s.id}")
        else:
            note_btn = None
        parts.append(Row([Button(t("ui.library.pick", lang, title=s.title), lambda: self._pick(s),
                                 kind="primary", key=f"pick.{s.id}"), note_btn]))
        return Card(parts, key=f"card.{s.id}")

    def _set_role(self, v):
        self.role = v
        self.invalidate()

    def _set_family(self, v):
        self.family = v
        self.invalidate()

    def _toggle(self, sid):
        self.open_notes ^= {sid}
        self.invalidate(f"note.{sid}")

    def _pick(self, s):
        self.app.push(BriefScreen(self.app, s))


class BriefScreen(Screen):
    """Before the meeting: what it is about, the content note, difficulty, start or skip."""

    def __init__(self, app, scenario):
        super().__init__(app)
        self.scenario = scenario
        args = app.args
        d = getattr(args, "difficulty", None) if args is not None else None
        self.difficulty = d if d in (1, 2, 3) else scenario.difficulty
        self.practice = bool(getattr(args, "practice", False)) if args is not None else False

    def title(self):
        return self.scenario.title

    def on_language(self):
        """The settings language changed: the same scenario as the library now shows it."""
        self.scenario = self.app.library.scenarios.get(self.scenario.id, self.scenario)

    def build(self):
        lang, s = self.lang, self.scenario
        items = []
        if s.summary:
            items.append(Text(s.summary, "body"))
        if s.content_note:
            items.append(Card([Text(t("ui.library.note", lang), "label"), Text(s.content_note, "body")],
                              bg="surface_alt", pad=2))
        items.append(Text(t("ui.brief.difficulty", lang), "label"))
        items.append(Row([Button(t(f"ui.brief.d{d}", lang), (lambda d=d: self._set(d)),
                                 selected=self.difficulty == d, key=f"difficulty.{d}") for d in (1, 2, 3)],
                         gap=1))
        has_statement = any(v.strip() for v in self.app.statement.values())
        items.append(Text(t("ui.brief.statement_used" if has_statement else "ui.brief.statement_none", lang),
                          "small", "muted"))
        if self.practice:
            items.append(Text(t("ui.brief.practice", lang), "small", "muted"))
        items.append(Row([Button(t("ui.brief.start", lang), self._start, kind="primary", key="brief.start"),
                          Button(t("ui.brief.skip", lang), self.app.pop, key="brief.skip")]))
        return Column(items, gap=1.8)

    def _set(self, d):
        self.difficulty = d
        self.invalidate(f"difficulty.{d}")

    def _start(self):
        from .meeting import MeetingScreen
        app = self.app
        session = Session(self.scenario, self.difficulty, app.statement or None, seed=0,
                          principle_ids=app.principle_ids, practice=self.practice)
        app.replace(MeetingScreen(app, session))
