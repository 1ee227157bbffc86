"""The CSV report for facilitators, made for Danish Excel.

Danish Excel opens a double-clicked ``.csv`` correctly when the file is UTF-8
*with a byte-order mark*, the separator is ``;`` and decimals use a comma.
So: BOM, ``;``, ``\\r\\n`` line ends, numbers as ``66,7``.

One table, one header row, so Excel's filter works on every column. The first
column (``række``) says what a row is:

* ``valg`` — one row per choice made, in the order made (in practice mode the
  attempts stepped back from too, with ``tæller`` = ``nej``): where, the
  visible number, the line, the principles it supports or may leave less room
  for, q of the chosen line, q of the best visible line, the gap, and the
  author's feedback;
* ``princip`` — one row per principle: the word, the score 0–100 (empty when
  not in play), X, L, U and the number of decision points that differed on it;
* ``samlet`` — the overall index with its X, L and U.

Numbers are always included: the CSV is for facilitators. Text cells that
start with ``= + - @`` are prefixed with ``'`` so Excel never runs them as
formulas.
"""

from __future__ import annotations

import csv
import io

from ..coach.words import t
from ..engine.scoring import label
from .model import Report, profile_rows

COLUMNS = ("row", "session", "scenario", "order", "node", "number", "chosen", "counted",
           "strengthens", "may_limit", "q", "q_best", "gap", "feedback", "principle",
           "word", "value", "x", "l", "u", "evidence")


def number(x, lang: str = "da") -> str:
    """A number for Danish Excel: '66,7', '3', '' for None."""
    if x is None or isinstance(x, bool):
        return ""
    if isinstance(x, int):
        return str(x)
    s = f"{x:.1f}"
    return s.replace(".", ",") if lang == "da" else s


def cell(text) -> str:
    """A text cell that Excel will not run as a formula."""
    if text is None:
        return ""
    s = str(text).replace("\r\n", " ").replace("\n", " ")
    return "'" + s if s[:1] in ("=", "+", "-", "@", "\t", "\r") else s


def render_csv(report: Report) -> str:
    """The CSV text, starting with a BOM (write it as UTF-8)."""
    lang = report.lang
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    w.writerow([t(f"report.csv.{c}", lang) for c in COLUMNS])
    yes, no = t("report.yes", lang), t("report.no", lang)
    base = {"session": cell(report.name), "scenario": cell(report.data.get("scenario"))}
    decision = t("report.csv.row.decision", lang)
    rows: list[dict] = []

    entries = []
    for e in report.transcript:
        if e.get("type") == "choice":
            entries.extend(e.get("earlier_attempts") or [])
            entries.append(e)
    entries.extend(report.other_attempts)
    entries.sort(key=lambda e: e.get("attempt", 0))
    for i, e in enumerate(entries, 1):
        fb = e.get("feedback") or {}
        names = report.principles
        rows.append({
            **base, "row": decision, "order": str(i), "node": cell(e.get("node")),
            "number": number(e.get("number")), "chosen": cell(e.get("text")),
            "counted": yes if e.get("counted") else no,
            "strengthens": cell(", ".join(names[p].label(lang) if p in names else p
                                          for p in fb.get("strengthens", []))),
            "may_limit": cell(", ".join(names[p].label(lang) if p in names else p
                                        for p in fb.get("may_limit", []))),
            "q": number(e.get("q")), "q_best": number(e.get("q_best")),
            "gap": number(e["q_best"] - e["q"]) if "q" in e else "",
            "feedback": cell(fb.get("feedback")),
        })
    principle = t("report.csv.row.principle", lang)
    for r in profile_rows(report):
        rows.append({**base, "row": principle, "principle": cell(r["name"]),
                     "word": cell(r["word"]), "value": number(r.get("value"), lang),
                     "x": number(r.get("chosen")), "l": number(r.get("low")),
                     "u": number(r.get("high")), "evidence": number(r.get("informative"))})
    s = report.debrief.scores if report.debrief else None
    rows.append({**base, "row": t("report.csv.row.index", lang),
                 "principle": t("coach.index", lang),
                 "word": t("band." + label(report.index), lang),
                 "value": number(report.index, lang),
                 "x": number(s.index_chosen) if s else "", "l": number(s.index_low) if s else "",
                 "u": number(s.index_high) if s else "",
                 "evidence": number(s.decisions) if s else ""})
    for r in rows:
        w.writerow([r.get(c, "") for c in COLUMNS])
    return "\ufeff" + buf.getvalue()
