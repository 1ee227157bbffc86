"""The session report as one self-contained HTML page.

No external resources (no fonts, scripts, images or links to fetch): the CSS
is inline and the profile chart is an inline SVG of neutral bars with words.
It prints cleanly (``@media print``: A4 margins, no page breaks inside a
section, writing lines under the reflection question). Text is escaped
everywhere. In citizen mode the numbers are hidden: the bars then show the
word band (a third, two thirds or a full bar) instead of the score.
"""

from __future__ import annotations

from html import escape

from ..coach.words import quote, t
from .model import Report, profile_rows

CSS = """
:root { --ink:#1f2a33; --muted:#4d5b66; --paper:#fdfcf9; --card:#ffffff; --line:#d9dee3;
        --bar:#3f6e8c; --track:#e4eaef; --soft:#f1f5f4; --accent:#2f6f5e; }
* { box-sizing: border-box; }
html { background: var(--paper); }
body { margin: 0; color: var(--ink); background: var(--paper);
       font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue",
                    Arial, sans-serif;
       font-size: 17px; line-height: 1.55; }
main { max-width: 46rem; margin: 0 auto; padding: 2rem 1.25rem 3rem; }
header { border-bottom: 2px solid var(--line); margin-bottom: 1.5rem; padding-bottom: 1rem; }
.app { color: var(--muted); font-size: .9rem; letter-spacing: .02em; margin: 0; }
h1 { font-size: 1.8rem; line-height: 1.25; margin: .25rem 0 .5rem; }
h2 { font-size: 1.25rem; margin: 0 0 .6rem; }
h3 { font-size: 1.02rem; margin: 0 0 .3rem; }
.meta { color: var(--muted); font-size: .95rem; margin: 0; }
.meta span + span::before { content: " · "; }
section { margin: 0 0 1.6rem; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 10px;
        padding: 1rem 1.1rem; margin: 0 0 .8rem; }
.soft { background: var(--soft); border-color: #d5e3de; }
.notice { background: #fff8e6; border: 1px solid #e8d9a8; border-radius: 10px;
          padding: .8rem 1rem; }
.notice p { margin: .2rem 0; }
.said { color: var(--muted); margin: 0 0 .35rem; }
.chosen { font-weight: 600; margin: 0 0 .35rem; }
.why { margin: .35rem 0 0; }
.small { font-size: .92rem; color: var(--muted); }
ul.plain { list-style: none; padding: 0; margin: .3rem 0; }
ul.plain li { margin: .2rem 0; }
.box::before { content: "\\2610\\00a0"; }
details summary { cursor: pointer; color: var(--accent); }
svg.chart { width: 100%; height: auto; max-width: 46rem; display: block; margin: .4rem 0 .6rem; }
svg.chart text { font-family: inherit; fill: var(--ink); }
svg.chart .bar { fill: var(--bar); }
svg.chart .track { fill: var(--track); }
svg.chart .nip { fill: none; stroke: var(--muted); }
table { border-collapse: collapse; width: 100%; font-size: .95rem; }
th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid var(--line);
         vertical-align: top; }
th { font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.transcript p { margin: .25rem 0; }
.transcript .speaker { font-weight: 600; }
.transcript .narration { font-style: italic; color: var(--muted); }
.transcript .choice { border-left: 4px solid var(--accent); background: var(--card);
                      padding: .6rem .9rem; margin: .6rem 0 .9rem; border-radius: 0 8px 8px 0; }
.transcript .choice.undone { border-left-color: var(--line); }
.transcript .fb { margin: .3rem 0 0; }
.transcript .end { font-weight: 600; border-top: 1px solid var(--line); padding-top: .6rem; }
ul.legend { columns: 2; column-gap: 2rem; padding-left: 1.1rem; font-size: .93rem;
            color: var(--muted); margin: .2rem 0 .6rem; }
ul.legend li { break-inside: avoid; margin: .1rem 0; }
ul.legend strong { color: var(--ink); font-weight: 600; }
ol.options { margin: .3rem 0 0; padding-left: 1.4rem; font-size: .93rem; color: var(--muted); }
ol.options li.picked { color: var(--ink); font-weight: 600; }
.write { border-bottom: 1px solid var(--line); height: 2rem; }
footer { border-top: 1px solid var(--line); padding-top: .8rem; color: var(--muted);
         font-size: .9rem; }
@media print {
  @page { size: A4; margin: 16mm 16mm 18mm; }
  html, body { background: #fff; }
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  .card, .notice, .transcript .choice { break-inside: avoid; }
  section { break-inside: auto; }
  h2, h3 { break-after: avoid; }
  details > summary { display: none; }
  details > * { display: block; }
  .screen-only { display: none; }
  .write { height: 1.6rem; }
}
@media (prefers-color-scheme: dark) {
  :root { --ink:#e9eef2; --muted:#b7c2cb; --paper:#161b20; --card:#1e252c; --line:#3a454f;
          --bar:#8fb7d3; --track:#2c3640; --soft:#1c2a27; --accent:#8fcfb9; }
  .notice { background: #2e2a1c; border-color: #5b5233; }
}
@media print and (prefers-color-scheme: dark) {
  :root { --ink:#1f2a33; --muted:#4d5b66; --paper:#fff; --card:#fff; --line:#d9dee3;
          --bar:#3f6e8c; --track:#e4eaef; --soft:#f1f5f4; --accent:#2f6f5e; }
}
"""


def e(x) -> str:
    return escape("" if x is None else str(x), quote=True)


def _chart(rows: list[dict], lang: str, numbers: bool) -> str:
    """An inline SVG bar chart: label, neutral bar, word (and number for staff).

    The columns are sized from the longest label and word (about 8.6 px per
    character at 15 px), so long English names are never cut off; the SVG
    then scales to the page width.
    """
    def word_of(r):
        w = r["word"]
        return f"{w} · {r['value']:.0f}" if numbers and r.get("value") is not None else w

    char = 8.6
    label_w = int(max([len(r["name"]) for r in rows] + [8]) * char) + 8
    word_w = int(max([len(word_of(r)) for r in rows] + [8]) * char) + 8
    bar_x, bar_w, row_h, top = label_w + 12, 280, 34, 8
    width = bar_x + bar_w + 12 + word_w
    height = top + row_h * len(rows) + 4
    title = t("report.chart_label", lang)
    desc = "; ".join(f"{r['name']}: {r['word']}" + (
        f" ({r['value']:.0f})" if numbers and r.get("value") is not None else "") for r in rows)
    out = [f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" '
           f'aria-labelledby="chart-title chart-desc" xmlns="http://www.w3.org/2000/svg">',
           f'<title id="chart-title">{e(title)}</title><desc id="chart-desc">{e(desc)}</desc>']
    for i, r in enumerate(rows):
        y = top + i * row_h
        cy = y + row_h / 2
        out.append(f'<text x="{label_w}" y="{cy + 5:.0f}" text-anchor="end" '
                   f'font-size="15">{e(r["name"])}</text>')
        out.append(f'<rect x="{bar_x}" y="{y + 8}" width="{bar_w}" height="{row_h - 16}" '
                   f'rx="4" class="track" fill="#e4eaef"/>')
        if r.get("in_play"):
            if numbers and r.get("value") is not None:
                frac = max(0.0, min(1.0, r["value"] / 100.0))
            else:
                frac = r.get("level", 0) / 3.0
            w = max(6.0, bar_w * frac)
            out.append(f'<rect x="{bar_x}" y="{y + 8}" width="{w:.1f}" height="{row_h - 16}" '
                       f'rx="4" class="bar" fill="#3f6e8c"/>')
        else:
            out.append(f'<rect x="{bar_x + 1}" y="{y + 9}" width="{bar_w - 2}" '
                       f'height="{row_h - 18}" rx="4" class="nip" fill="none" stroke="#4d5b66" '
                       f'stroke-dasharray="4 4" stroke-width="1"/>')
        word = word_of(r)
        out.append(f'<text x="{bar_x + bar_w + 12}" y="{cy + 5:.0f}" font-size="15">'
                   f'{e(word)}</text>')
    out.append("</svg>")
    return "".join(out)


def _moment(m: dict, lang: str) -> str:
    parts = []
    if m.get("said"):
        who = m.get("said_by")
        said = quote(m["said"], lang)
        parts.append(f'<p class="said">{e(who) + ": " if who else ""}{e(said)}</p>')
    return "".join(parts)


def render_html(report: Report) -> str:
    lang = report.lang
    d = report.debrief
    numbers = d.show_numbers if d else report.audience != "citizen"
    h: list[str] = []
    h.append(f'<!doctype html>\n<html lang="{e(lang)}"><head><meta charset="utf-8">'
             f'<meta name="viewport" content="width=device-width, initial-scale=1">'
             f'<title>{e(report.title)} – {e(t("report.title", lang))}</title>'
             f'<style>{CSS}</style></head><body><main>')

    # header
    bits = [f"<span>{e(label)}: {e(value)}</span>" for label, value in report.facts()]
    h.append(f'<header><p class="app">{e(t("report.title", lang))}</p>'
             f'<h1>{e(report.title)}</h1><p class="meta">{"".join(bits)}</p></header>')

    if report.notes:
        h.append(f'<section class="notice" role="note"><h2>{e(t("report.notice", lang))}</h2>'
                 + "".join(f"<p>{e(n)}</p>" for n in report.notes) + "</section>")

    if d is not None:
        h.append(_debrief_sections(report, d, numbers))
    else:
        h.append(_limited_sections(report, numbers))

    h.append(_transcript_section(report))

    h.append(f'<section><h2>{e(t("report.how_scored", lang))}</h2>'
             f'<p>{e(t("report.how_scored_text", lang))}</p>'
             + (f'<p class="small">{e(d.profile_note)}</p>' if d else "") + "</section>")
    h.append(f'<footer>{"<p>" + e(d.replay) + "</p>" if d else ""}'
             f'<p>{e(t("report.footer", lang))}</p></footer>')
    h.append("</main></body></html>\n")
    return "".join(h)


def _debrief_sections(report: Report, d, numbers: bool) -> str:
    lang = report.lang
    h: list[str] = []
    c = d.checkin
    h.append(f'<section class="card soft"><h2>{e(c.question)}</h2><ul class="plain">'
             + "".join(f'<li class="box">{e(o)}</li>' for o in c.options)
             + f'<li class="box">{e(c.grounding_option)}</li></ul>'
             f'<p>{e(c.grounding)}</p><p class="small">{e(c.support)}</p></section>')
    h.append(f'<section><p>{e(d.opening)}</p></section>')

    # strengths
    h.append(f'<section><h2>{e(t("coach.strengths.heading", lang))}</h2>')
    if d.strengths:
        for s in d.strengths:
            m = s.moment.to_dict()
            h.append(f'<div class="card"><h3>{e(t("coach.strength.moment", lang, n=m["order"]))}'
                     f'</h3>{_moment(m, lang)}<p class="chosen">{e(s.text)}</p>'
                     + (f'<p>{e(m["feedback"])}</p>' if m.get("feedback") else "")
                     + f'<p class="why small">{e(s.why)}</p></div>')
    else:
        h.append(f"<p>{e(d.strengths_fallback)}</p>")
    h.append("</section>")

    # growth focus
    h.append(f'<section><h2>{e(t("coach.growth.heading", lang))}</h2>')
    g = d.growth
    if g is not None:
        m = g.moment.to_dict()
        h.append(f'<div class="card"><h3>{e(t("coach.strength.moment", lang, n=m["order"]))}</h3>'
                 f'{_moment(m, lang)}<p>{e(g.text)}</p>'
                 f'<p class="chosen">{e(g.alternative_text)}</p>'
                 + (f'<p class="why">{e(g.why)}</p>' if g.why else "")
                 + f'<p class="small">{e(g.encouragement)}</p></div>')
    else:
        h.append(f"<p>{e(d.growth_none)}</p>")
    h.append("</section>")

    # profile
    rows = [r.to_dict(True) for r in d.profile]
    h.append(f'<section><h2>{e(t("coach.profile.heading", lang))}</h2>'
             + _chart(rows, lang, numbers))
    if numbers:
        h.append("<table><thead><tr>"
                 f'<th scope="col">{e(t("report.csv.principle", lang))}</th>'
                 f'<th scope="col">{e(t("report.csv.word", lang))}</th>'
                 f'<th scope="col" class="num">0–100</th>'
                 f'<th scope="col" class="num">{e(t("report.evidence", lang))}</th>'
                 "</tr></thead><tbody>")
        for r in rows:
            value = "–" if r["value"] is None else f'{r["value"]:.0f}'
            h.append(f'<tr><td>{e(r["name"])}<br><span class="small">{e(r["short"])}</span>'
                     f'</td><td>{e(r["word"])}</td><td class="num">{value}</td>'
                     f'<td class="num">{r["informative"]}</td></tr>')
        idx = "–" if d.index is None else f"{d.index:.0f}"
        h.append(f'<tr><th scope="row">{e(t("coach.index", lang))}</th><td>{e(d.index_word)}</td>'
                 f'<td class="num">{idx}</td><td class="num">{d.decisions}</td></tr>'
                 "</tbody></table>")
    else:
        h.append('<ul class="legend">' + "".join(
            f'<li><strong>{e(r["name"])}</strong> – {e(r["short"])}</li>' for r in rows) + "</ul>")
    h.append(f'<p class="small">{e(d.profile_note)}</p></section>')

    # key moments
    if d.key_moments:
        h.append(f'<section><h2>{e(t("coach.key.heading", lang))}</h2>')
        for k in d.key_moments:
            m = k.moment.to_dict()
            h.append(f'<div class="card"><h3>{e(t("coach.strength.moment", lang, n=m["order"]))}'
                     f'</h3>{_moment(m, lang)}<p>{e(k.text)}</p><p>{e(k.best_text)}</p></div>')
        h.append("</section>")

    # ending and moods
    end = d.ending
    h.append(f'<section><h2>{e(t("coach.ending.heading", lang))}</h2><p>{e(end.sentence)}</p>'
             + (f"<p>{e(end.text)}</p>" if end.text else "") + "</section>")
    if d.moods:
        h.append(f'<section><h2>{e(d.moods_heading)}</h2><ul>'
                 + "".join(f"<li>{e(m.sentence)}</li>" for m in d.moods) + "</ul></section>")

    if d.practice_note:
        h.append(f'<section class="card soft"><p>{e(d.practice_note)}</p></section>')

    # skills (staff and peer roles)
    if d.skills is not None:
        s = d.skills
        h.append(f'<section><h2>{e(s.heading)}</h2><p class="small">{e(s.disclaimer)}</p><ul>'
                 f"<li>{e(s.rq_text)}</li><li>{e(s.cr_text)}</li>"
                 f"<li>{e(s.adherence_text)}</li><li>{e(s.option5_text)}</li></ul>"
                 "<table><tbody>"
                 + "".join(f"<tr><td>{o.item}. {e(o.label)}</td><td>{e(o.level_word)}</td></tr>"
                           for o in s.option5)
                 + "</tbody></table>"
                 + (f'<p class="small">{e(s.little_data_text)}</p>' if s.little_data else "")
                 + "</section>")

    # reflection
    h.append(f'<section class="card"><h2>{e(t("coach.reflect.heading", lang))}</h2>'
             f'<p>{e(d.role_note)}</p><p class="chosen">{e(d.reflection)}</p>'
             '<div class="write"></div><div class="write"></div><div class="write"></div>'
             + (f'<p class="chosen">{e(d.group_question)}</p><div class="write"></div>'
                '<div class="write"></div>' if d.group_question else "")
             + "</section>")
    return "".join(h)


def _limited_sections(report: Report, numbers: bool) -> str:
    lang = report.lang
    rows = profile_rows(report)
    if not rows:
        return ""
    return (f'<section><h2>{e(t("report.stored_scores", lang))}</h2>'
            + _chart(rows, lang, numbers) + "</section>")


def _transcript_section(report: Report) -> str:
    lang = report.lang
    h = [f'<section class="transcript"><h2>{e(t("report.transcript", lang))}</h2>']

    def choice_html(c: dict, undone: bool = False) -> str:
        cls = "choice undone" if undone else "choice"
        label = t("report.undone", lang) if undone else t("report.you_chose", lang)
        out = [f'<div class="{cls}"><p><span class="speaker">{e(label)}:</span> '
               f'{e(quote(c.get("text") or "", lang))}</p>']
        fb = c.get("feedback")
        if fb:
            out.extend(f'<p class="fb">{e(line)}</p>' for line in fb.get("lines", []))
        if not c.get("counted", True) and not undone:
            out.append(f'<p class="small">{e(t("report.not_counted", lang))}</p>')
        opts = c.get("options")
        if opts and len(opts) > 1:
            picked = ' class="picked"'
            items = "".join(f'<li{picked if i + 1 == c.get("number") else ""}>{e(o)}</li>'
                            for i, o in enumerate(opts))
            if report.audience == "citizen":
                out.append(f'<details><summary>{e(t("report.options_shown", lang))}</summary>'
                           f'<ol class="options">{items}</ol></details>')
            else:  # facilitators print this: no folding
                out.append(f'<p class="small">{e(t("report.options_shown", lang))}:</p>'
                           f'<ol class="options">{items}</ol>')
        out.append("</div>")
        return "".join(out)

    for ev in report.transcript:
        kind = ev.get("type")
        if kind == "line":
            if ev.get("speaker"):
                h.append(f'<p><span class="speaker">{e(ev["speaker"])}:</span> {e(ev["text"])}</p>')
            else:
                h.append(f'<p class="narration">{e(ev["text"])}</p>')
        elif kind == "choice":
            for u in ev.get("earlier_attempts") or []:
                h.append(choice_html(u, undone=True))
            h.append(choice_html(ev))
        elif kind == "end":
            h.append(f'<p class="end">{e(ev.get("title"))}</p>'
                     + (f"<p>{e(ev['text'])}</p>" if ev.get("text") else ""))
        elif kind == "stopped":
            d = report.debrief
            h.append(f'<p class="end">{e(d.ending.sentence if d else "")}</p>')
    for u in report.other_attempts:
        h.append(choice_html(u, undone=True))
    h.append("</section>")
    return "".join(h)
