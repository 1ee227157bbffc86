"""The library catalogue as Markdown, and the generated regions of docs/scenarios.md.

The numbers come from :mod:`game.authoring.catalogue` (one :class:`~.catalogue.Facts`
per scenario); this module only lays them out: the tables, one section per scenario,
and ``<!-- catalogue:KEY -->`` regions that ``tools/scenario_catalogue.py --update``
rewrites and a test keeps current.
"""

from __future__ import annotations

import json
import re

from .catalogue import FAMILY_LABEL, ROLE_LABEL, Facts, principles

# ---------------------------------------------------------------- Markdown

def _pct(x: float | None) -> str:
    return "–" if x is None else f"{round(100 * x)} %"


def _share(k: int, n: int) -> str:
    return "–" if not n else f"{k}/{n} ({round(100 * k / n)} %)"


HEAD = {
    "da": ("id", "familie", "rolle", "min.", "beslutninger (hovedvej / alle veje)", "slutninger",
           "LIX", "bedste først", "bedste længst", "principper i spil (hovedvej)",
           "`difficulty` i betingelser", "valg afhænger af tidligere valg", "sikkerhedsvalg"),
    "en": ("id", "family", "role", "min.", "decisions (main path / all paths)", "endings",
           "LIX", "best first", "best longest", "principles in play (main path)",
           "`difficulty` in conditions", "options depend on earlier choices", "safety choices"),
}


def markdown_table(rows: list[Facts], lang: str = "da") -> str:
    """The catalogue's numeric table, one row per scenario."""
    head = HEAD[lang]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for f in rows:
        rng = "–" if f.decisions_range is None else f"{f.decisions_range[0]}–{f.decisions_range[1]}"
        reach = sum(1 for e in f.endings if f.reachable.get(e))
        lines.append("| " + " | ".join([
            f"`{f.id}`", FAMILY_LABEL[lang][f.family], ROLE_LABEL[lang][f.role],
            str(f.minutes), f"{f.main_decisions} / {rng}",
            f"{reach} / {len(f.endings)}",
            "–" if f.lix is None else f"{f.lix:.1f}",
            _share(len(f.bias.first), f.bias.positional),
            _share(len(f.bias.longest), f.bias.counted),
            f"{len(f.in_play_main)}/9",
            str(f.difficulty_conditions), str(len(f.path_dependent)), str(f.safety_choices),
        ]) + " |")
    return "\n".join(lines)


def endings_table(rows: list[Facts], lang: str = "da") -> str:
    """Every ending, with its chance under random play at difficulty 1, 2 and 3."""
    head = (("scenarie", "slutning", "titel", "niveau 1", "niveau 2", "niveau 3")
            if lang == "da" else
            ("scenario", "ending", "title", "difficulty 1", "difficulty 2", "difficulty 3"))
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for f in rows:
        for nid in f.endings:
            title = f.ending_title(nid, lang)
            ch = f.ending_chance.get(nid, {})
            cells = []
            for d in (1, 2, 3):
                reach = any(s[0] == d for s in f.reachable.get(nid, []))
                p = ch.get(d, 0.0)
                cells.append("–" if not reach else ("< 0.1 %" if p < 0.0005 else f"{100 * p:.1f} %"))
            lines.append(f"| `{f.id}` | `{nid}` | {title} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def principles_table(rows: list[Facts], lang: str = "da") -> str:
    """Which principles are in play on each scenario's main path (✓), and the totals."""
    ps = principles()
    ids = tuple(ps)
    head = ["id"] + [ps[p].label(lang) for p in ids]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for f in rows:
        cells = ["✓" if p in f.in_play_main else ("(✓)" if p in f.in_play_any else "–")
                 for p in ids]
        lines.append(f"| `{f.id}` | " + " | ".join(cells) + " |")
    total = "i alt" if lang == "da" else "total"
    lines.append(f"| {total} | " + " | ".join(
        str(sum(p in f.in_play_main for f in rows)) for p in ids) + " |")
    return "\n".join(lines)


def spread_table(rows: list[Facts], lang: str = "da") -> str:
    """The lowest–highest overall index a playthrough can get, per difficulty."""
    head = (("id", "indeks niveau 1", "indeks niveau 2", "indeks niveau 3") if lang == "da"
            else ("id", "index difficulty 1", "index difficulty 2", "index difficulty 3"))
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for f in rows:
        cells = ["–" if f.index_range.get(d) is None else
                 f"{f.index_range[d][0]:.0f}–{f.index_range[d][1]:.0f}" for d in (1, 2, 3)]
        lines.append(f"| `{f.id}` | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def as_json(rows: list[Facts]) -> str:
    def one(f: Facts) -> dict:
        return {"id": f.id, "family": f.family, "role": f.role, "minutes": f.minutes,
                "main_decisions": f.main_decisions, "main_ending": f.main_ending,
                "decisions_range": f.decisions_range, "endings": f.endings,
                "reachable_endings": sorted(e for e in f.endings if f.reachable.get(e)),
                "lix": None if f.lix is None else round(f.lix, 1),
                "best_first": [len(f.bias.first), f.bias.positional],
                "best_longest": [len(f.bias.longest), f.bias.counted],
                "in_play_main": f.in_play_main, "in_play_any": f.in_play_any,
                "difficulty_conditions": f.difficulty_conditions,
                "path_dependent": f.path_dependent, "safety_choices": f.safety_choices,
                "index_range": {str(d): r for d, r in f.index_range.items()}}
    return json.dumps([one(f) for f in rows], ensure_ascii=False, indent=2)


def _levels(settings: list[tuple[int, bool]], lang: str) -> str:
    ds = sorted({d for d, _ in settings})
    word = "niveau" if lang == "da" else "difficulty"
    if ds == [1, 2, 3]:
        return "alle niveauer" if lang == "da" else "every difficulty"
    return f"{word} " + ", ".join(map(str, ds))


def scenario_markdown(f: Facts, lang: str = "da") -> str:
    """The measured facts of one scenario as a short Markdown list."""
    ps = principles()
    da = lang == "da"
    missing = [ps[p].label(lang) for p in ps if p not in f.in_play_main]
    rng = "" if f.decisions_range is None else (
        f" ({'alle veje' if da else 'all paths'}: {f.decisions_range[0]}–{f.decisions_range[1]})")
    endings = "; ".join(f"`{nid}` «{f.ending_title(nid, lang)}» ({_levels(f.reachable.get(nid, []), lang)})"
                        for nid in f.endings)
    if da:
        lines = [
            f"- Familie og rolle: {FAMILY_LABEL[lang][f.family]}, spillet som {ROLE_LABEL[lang][f.role]}",
            f"- Spilletid: ca. {f.minutes} minutter",
            f"- Beslutninger på hovedvejen: {f.main_decisions}{rng}",
            f"- Slutninger ({len(f.endings)}): {endings}",
            f"- LIX: {f.lix:.1f}",
            f"- Bedste valg vist først: {_share(len(f.bias.first), f.bias.positional)}; "
            f"bedste valg er den længste tekst: {_share(len(f.bias.longest), f.bias.counted)}",
            f"- Principper i spil på hovedvejen: {len(f.in_play_main)} af {len(ps)}"
            + (f" (ikke: {', '.join(missing)})" if missing else " (alle)"),
            f"- `difficulty` i {f.difficulty_conditions} betingelser; valgene afhænger af tidligere "
            f"valg ved {len(f.path_dependent)} beslutninger; {f.safety_choices} sikkerhedsvalg",
        ]
    else:
        lines = [
            f"- Family and role: {FAMILY_LABEL[lang][f.family]}, played as {ROLE_LABEL[lang][f.role]}",
            f"- Playing time: about {f.minutes} minutes",
            f"- Decisions on the main path: {f.main_decisions}{rng}",
            f"- Endings ({len(f.endings)}): {endings}",
            f"- LIX: {f.lix:.1f}",
            f"- Best option shown first: {_share(len(f.bias.first), f.bias.positional)}; "
            f"best option is the longest text: {_share(len(f.bias.longest), f.bias.counted)}",
            f"- Principles in play on the main path: {len(f.in_play_main)} of {len(ps)}"
            + (f" (not: {', '.join(missing)})" if missing else " (all)"),
            f"- `difficulty` in {f.difficulty_conditions} conditions; the options depend on earlier "
            f"choices at {len(f.path_dependent)} decisions; {f.safety_choices} safety choices",
        ]
    return "\n".join(lines) + "\n"


def tables_markdown(rows: list[Facts], lang: str = "da") -> str:
    """The four generated tables for one language, each under a heading."""
    if lang == "da":
        parts = [("Tal pr. scenarie", markdown_table), ("Slutninger", endings_table),
                 ("Principper i spil på hovedvejen", principles_table),
                 ("Spredning i indekset", spread_table)]
    else:
        parts = [("Numbers per scenario", markdown_table), ("Endings", endings_table),
                 ("Principles in play on the main path", principles_table),
                 ("Spread of the index", spread_table)]
    return "\n\n".join(f"#### {title}\n\n{fn(rows, lang)}" for title, fn in parts) + "\n"


def markdown(rows: list[Facts], lang: str = "da") -> str:
    """Every generated table and every scenario's facts for one language."""
    out = tables_markdown(rows, lang)
    for f in rows:
        out += f"\n#### `{f.id}`\n\n" + scenario_markdown(f, lang)
    return out


# ---------------------------------------------------------------- the document

#: a generated region of docs/scenarios.md: ``<!-- catalogue:KEY -->`` … ``<!-- /catalogue -->``
#: with KEY ``tables:da``, ``tables:en``, ``scenario:da:<id>`` or ``scenario:en:<id>``
_BLOCK = re.compile(r"(<!-- catalogue:(?P<key>[a-z0-9:_-]+) -->\n)(?P<body>.*?)(<!-- /catalogue -->)",
                    re.S)


def generated(rows: list[Facts], key: str) -> str:
    parts = key.split(":")
    if parts[0] == "tables" and len(parts) == 2 and parts[1] in HEAD:
        return tables_markdown(rows, parts[1])
    if parts[0] == "scenario" and len(parts) == 3 and parts[1] in HEAD:
        for f in rows:
            if f.id == parts[2]:
                return scenario_markdown(f, parts[1])
    raise KeyError(f"unknown catalogue block '{key}'")


def update_document(text: str, rows: list[Facts]) -> tuple[str, list[str]]:
    """Rewrite every generated region of ``text``; return the new text and the keys changed."""
    changed: list[str] = []

    def one(m: re.Match) -> str:
        body = "\n" + generated(rows, m.group("key")) + "\n"   # blank lines around it
        if body != m.group("body"):
            changed.append(m.group("key"))
        return m.group(1) + body + m.group(4)

    return _BLOCK.sub(one, text), changed


def document_keys(text: str) -> list[str]:
    return [m.group("key") for m in _BLOCK.finditer(text)]
