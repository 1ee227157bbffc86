"""The ``analyze --html`` report: one self-contained page, charts drawn as inline SVG.

No scripts, fonts, images or style sheets are fetched: the file can be mailed,
opened offline or attached to a review. Colours are from the Okabe–Ito
palette (safe for colour-blind readers), and every bar has a text label and a
tooltip, so nothing is told by colour alone.
"""

from __future__ import annotations

from html import escape

from .statespace import INDEX
from .summary import IN_PLAY_NOTE, _how, _pct, _things_to_look_at

BLUE, ORANGE, GREEN, GREY, VERMILION = "#0072B2", "#E69F00", "#009E73", "#8c8c8c", "#D55E00"

CSS = """
body{font:15px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1d2430;
  background:#fafaf7;margin:0;padding:24px 32px;max-width:1100px}
h1{font-size:1.5em;margin:0 0 4px}h2{font-size:1.15em;margin:28px 0 8px;
  border-bottom:1px solid #d9d9d2;padding-bottom:4px}
.meta{color:#555}.big{font-size:1.1em}
table{border-collapse:collapse;margin:6px 0}td,th{padding:4px 10px;text-align:left;
  border-bottom:1px solid #e6e6df;vertical-align:middle}th{font-weight:600;color:#333}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.charts{display:flex;flex-wrap:wrap;gap:14px}
.chart{background:#fff;border:1px solid #e0e0d8;border-radius:6px;padding:8px 10px}
.chart h3{font-size:.95em;margin:0 0 2px}.small{font-size:.85em;color:#555}
ul.look li{margin:4px 0}
svg text{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif}
"""


def _bar_histogram(dist: dict, title: str, sub: str) -> str:
    """Ten bars for 0–10 … 90–100 and one grey bar for 'not in play'."""
    hist = dist.get("histogram") or [0] * 10
    out = dist.get("not_in_play", 0)
    total = dist.get("total", 0) or 1
    unit = "playthroughs" if dist.get("unit") == "paths" else "sampled playthroughs"
    values = list(hist) + [out]
    top = max(values) or 1
    w, h, left, bottom = 300, 150, 30, 28
    bw = (w - left - 10) / 11.6
    parts = [f'<svg role="img" aria-label="{escape(title)}: score distribution" '
             f'width="{w}" height="{h}" viewBox="0 0 {w} {h}" xmlns="http://www.w3.org/2000/svg">']
    parts.append(f'<line x1="{left}" y1="{h - bottom}" x2="{w - 6}" y2="{h - bottom}" '
                 f'stroke="#999" stroke-width="1"/>')
    for i, v in enumerate(values):
        bh = (h - bottom - 12) * v / top
        x = left + (i + (0.6 if i == 10 else 0)) * bw + 1
        y = h - bottom - bh
        colour = GREY if i == 10 else BLUE
        label = ("not in play" if i == 10 else f"{10 * i}–{10 * i + 10}")
        share = v / total
        parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bw - 2:.1f}" height="{bh:.1f}" '
                     f'fill="{colour}"><title>{label}: {v:,} {unit} ({_pct(share)})</title></rect>')
    for i, lab in ((0, "0"), (5, "50"), (10, "100")):
        parts.append(f'<text x="{left + i * bw:.1f}" y="{h - bottom + 14}" font-size="10" '
                     f'text-anchor="middle" fill="#444">{lab}</text>')
    parts.append(f'<text x="{left + 11.1 * bw:.1f}" y="{h - bottom + 14}" font-size="9" '
                 f'text-anchor="middle" fill="#444">ikke</text>')
    parts.append(f'<text x="{left + 11.1 * bw:.1f}" y="{h - bottom + 24}" font-size="9" '
                 f'text-anchor="middle" fill="#444">i spil</text>')
    parts.append(f'<text x="4" y="12" font-size="10" fill="#444">{top:,}</text>')
    parts.append("</svg>")
    return (f'<div class="chart"><h3>{escape(title)}</h3><div class="small">{escape(sub)}</div>'
            + "".join(parts) + "</div>")


def _endings_chart(a) -> str:
    rows = sorted(a.endings.items(), key=lambda kv: -kv[1])
    if not rows:
        return "<p>No endings.</p>"
    name_w = 14 + 7 * max(len(n) for n, _ in rows)
    w, row_h = name_w + 380, 26
    h = row_h * (len(rows) + (1 if a.stuck else 0)) + 10
    parts = [f'<svg role="img" aria-label="chance of each ending" width="{w}" height="{h}" '
             f'viewBox="0 0 {w} {h}" xmlns="http://www.w3.org/2000/svg">']
    items = [(nid, p, a.ending_info.get(nid, {})) for nid, p in rows]
    if a.stuck:
        items.append(("(stuck)", a.stuck["probability"], {"title": "no choice visible"}))
    for i, (nid, p, info) in enumerate(items):
        y = 6 + i * row_h
        bw = 300 * p
        reachable = info.get("reachable") is not False
        colour = VERMILION if nid == "(stuck)" else (GREEN if reachable else GREY)
        label = _pct(p) if reachable else "cannot be reached"
        parts.append(f'<text x="0" y="{y + 15}" font-size="12" fill="#222">{escape(nid)}</text>')
        parts.append(f'<rect x="{name_w}" y="{y + 3}" width="{max(bw, 1):.1f}" height="16" '
                     f'fill="{colour}"><title>{escape(str(info.get("title", "")))}: '
                     f'{label}</title></rect>')
        parts.append(f'<text x="{name_w + max(bw, 1) + 6:.1f}" y="{y + 15}" font-size="12" '
                     f'fill="#222">{escape(label)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def analysis_html(a) -> str:
    s = a.scenario
    e = escape
    head = (f'<!doctype html><html lang="en"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width,initial-scale=1">'
            f'<title>Analysis: {e(s.title)}</title><style>{CSS}</style></head><body>')
    body = [f"<h1>{e(s.title)}</h1>",
            f'<div class="meta">{e(s.id)} · difficulty {a.difficulty} · '
            + ("personal statement written" if a.statement else "no personal statement")
            + "</div>"]
    if a.paths is not None:
        body.append(f'<p class="big">{a.paths:,} different playthroughs to an ending.</p>'
                    if a.paths < 10 ** 15 else
                    f'<p class="big">About {str(a.paths)[0]}.{str(a.paths)[1:3]} × '
                    f'10<sup>{len(str(a.paths)) - 1}</sup> different playthroughs.</p>')
    elif a.loops:
        body.append('<p class="big">Endlessly many playthroughs: the scenario can loop.</p>')
    if a.sampled:
        body.append(f'<p><strong>Sampled:</strong> the score distributions below are estimated '
                    f'from {a.samples:,} playthroughs (seed {a.seed}).</p>')
    # table
    body.append("<h2>Scores: lowest and highest a playthrough can get</h2>")
    body.append("<table><tr><th>Principle</th><th>Lowest</th><th>Highest</th>"
                "<th>In play in</th><th>Average</th></tr>")
    for mid, name in [(INDEX, "Samlet indeks (index)")] + [(p, a.names[p]) for p in a.principle_ids]:
        entry = a.index if mid == INDEX else a.scores.get(mid)
        dist = a.distributions.get(mid) or {}
        share = _pct(dist["in_play"] / dist["total"]) if dist.get("total") else "—"
        mean = f"{dist['mean']:.0f}" if dist.get("mean") is not None else "—"
        if entry is None:
            body.append(f"<tr><td>{e(name)}</td><td colspan=2>ikke i spil — not in play in any "
                        f"playthrough</td><td class=num>{share}</td><td class=num>—</td></tr>")
        else:
            body.append(f"<tr><td>{e(name)}</td><td class=num>{entry['min']:.0f}</td>"
                        f"<td class=num>{entry['max']:.0f}</td><td class=num>{share}</td>"
                        f"<td class=num>{mean}</td></tr>")
    body.append("</table>")
    body.append(f'<p class="small">{e(IN_PLAY_NOTE)}</p>')
    # histograms
    body.append("<h2>How the scores spread over the playthroughs</h2><div class=charts>")
    for mid, name in [(INDEX, "Samlet indeks")] + [(p, a.names[p]) for p in a.principle_ids]:
        dist = a.distributions.get(mid)
        if not dist:
            continue
        entry = a.index if mid == INDEX else a.scores.get(mid)
        sub = ("not in play" if entry is None else
               f"lowest {entry['min']:.0f}, highest {entry['max']:.0f}")
        body.append(_bar_histogram(dist, name, sub))
    body.append("</div>")
    # endings
    body.append("<h2>Endings: chance when every visible choice is equally likely</h2>")
    body.append(_endings_chart(a))
    looks = _things_to_look_at(a)
    if looks:
        body.append("<h2>Worth a look</h2><ul class=look>")
        body.extend(f"<li>{e(x)}</li>" for x in looks)
        body.append("</ul>")
    # nodes
    body.append("<h2>Decision points</h2><table><tr><th>Line</th><th>Node</th><th>Reached</th>"
                "<th>q lowest</th><th>q highest</th><th>Choices shown</th></tr>")
    for nid, info in a.per_node.items():
        shown = sorted({x for v in info["visible_sets"] for x in v})
        reached = _pct(min(info["visits"], 1.0)) if info["reached"] else "cannot be reached"
        body.append(f"<tr><td class=num>{info['line']}</td><td>{e(nid)}</td>"
                    f"<td class=num>{reached}</td><td class=num>{info['q']['min']}</td>"
                    f"<td class=num>{info['q']['max']}</td>"
                    f"<td>{e(', '.join(map(str, shown)))}</td></tr>")
    body.append("</table>")
    body.append("<h2>How these numbers were found</h2><ul>")
    body.extend(f"<li>{e(x)}</li>" for x in _how(a))
    body.append("</ul></body></html>")
    return head + "\n".join(body)
