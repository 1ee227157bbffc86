"""The personal statement editor: four parts with examples, saved on this computer only."""

from __future__ import annotations

import html

from ... import paths
from ...engine.model import STATEMENT_FIELDS
from ...i18n import t
from ...storage import write_text_atomic
from ..textarea import TextArea
from ..widgets import Button, Card, Column, Row, Text
from .base import Screen

LONG = 2500  # characters: more than fits on one page


class StatementScreen(Screen):
    title_key = "ui.statement.title"

    def __init__(self, app):
        super().__init__(app)
        self.areas = {f: TextArea(app.statement.get(f, ""), on_change=lambda text, f=f: self._changed(f, text),
                                  key=f"statement.{f}", label=t(f"ui.statement.{f}.label", app.settings.lang))
                      for f in STATEMENT_FIELDS}
        self.status = ""

    def build(self):
        lang = self.lang
        items = [Text(t("ui.statement.intro", lang), "body")]
        for f in STATEMENT_FIELDS:
            items.append(Column([Text(t(f"ui.statement.{f}.label", lang), "h3"),
                                 Text(t(f"ui.statement.{f}.example", lang), "small", "muted"),
                                 self.areas[f]], gap=0.8))
        total = sum(len(a.text) for a in self.areas.values())
        if total > LONG:
            items.append(Card([Text(t("ui.statement.long", lang), "small")], bg="surface_alt", pad=1.5))
        if any(not self.app.fonts.has_glyph("regular", ch) for a in self.areas.values()
               for ch in set(a.text) if ord(ch) > 0x24F):
            items.append(Card([Text(t("ui.notice.no_glyph", lang), "small")], bg="surface_alt", pad=1.5))
        if self.status:
            items.append(Text(self.status, "small", "muted", key="statement.status"))
        items.append(Row([Button(t("ui.statement.done", lang), self._done, kind="primary", key="statement.done"),
                          Button(t("ui.statement.export", lang), self._export, key="statement.export")]))
        return Column(items, gap=2)

    def default_focus(self):
        return self.areas[STATEMENT_FIELDS[0]]

    def _changed(self, field, text):
        self.app.statement[field] = text
        self.status = t("ui.statement.saved", self.lang) if self.app.save_statement() else \
            t("ui.notice.save_failed", self.lang)

    def save_now(self) -> bool:
        return self.app.save_statement()

    def _done(self):
        self.save_now()
        self.app.pop()

    def _export(self):
        path = paths.user_data_dir() / "statement.html"
        try:
            write_text_atomic(path, statement_html(self.app.statement, self.lang))
            self.status = t("ui.statement.exported", self.lang, path=str(path))
        except OSError:
            self.status = t("ui.notice.save_failed", self.lang)
        self.invalidate("statement.export")


def statement_html(statement: dict, lang: str) -> str:
    """A one-page printable HTML version (A4, large legible type, no external files)."""
    parts = []
    for f in STATEMENT_FIELDS:
        text = html.escape(statement.get(f, "") or "").replace("\n", "<br>")
        parts.append(f"<h2>{html.escape(t(f'ui.statement.{f}.label', lang))}</h2><p>{text or '&nbsp;'}</p>")
    title = html.escape(t("ui.statement.html_title", lang))
    return (f"<!doctype html><html lang=\"{lang}\"><meta charset=\"utf-8\"><title>{title}</title>"
            "<style>@page{size:A4;margin:18mm}body{font-family:'Atkinson Hyperlegible',Verdana,sans-serif;"
            "font-size:13pt;line-height:1.45;color:#1D2830;max-width:46em;margin:auto}"
            "h1{font-size:20pt;margin:0 0 .6em}h2{font-size:14pt;margin:1.1em 0 .3em;color:#2B6660}"
            "p{margin:0}</style><body>"
            f"<h1>{title}</h1>{''.join(parts)}</body></html>\n")
