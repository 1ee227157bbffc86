"""Tone and safety checks for scenarios (rubric §4), for ``meeting-trainer check``.

* **MT701 (warning) — a word the rubric avoids in feedback.** Feedback texts,
  ending titles and ending texts are searched for "forkert", "fejl",
  "patienten", "compliance", "urealistisk" and their inflections (Danish
  scenarios), or "wrong", "mistake", "failure", "the patient", "compliance",
  "unrealistic" (English scenarios) — whole words, any case. The position is
  the word itself in the file: the value's line and column (``Choice.where``)
  plus the word's offset. Choice *texts* are not checked: they are what the
  player says, and a player may well say "det er forkert".
* **MT702 (error) — a safety choice scored below 0.** A choice marked
  ``safety: true`` (pause, break, support person, declining to answer) must
  never score below 0 on any principle; one diagnostic per negative score, at
  that score's key.

Both codes are in :data:`game.engine.diagnostics.CODES`, which gives their
severity; ``meeting-trainer check`` runs these checks on every scenario that
loads without errors, and ``docs/checks.md`` explains them.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from ..engine import yamlsrc
from ..engine.diagnostics import Diagnostic
from ..engine.model import Scenario

MT701 = "MT701"
MT702 = "MT702"

_B, _E = r"(?<!\w)", r"(?!\w)"
BANNED: dict[str, list[tuple[str, str]]] = {
    "da": [
        ("forkert", r"forkert(?:e|es)?"),
        ("fejl", r"fejl(?:en|ene|s|ens|enes)?"),
        ("patienten", r"patient(?:en|er|erne|s|ens|ernes)?"),
        ("compliance", r"compliance"),
        ("urealistisk", r"urealistisk(?:e)?"),
    ],
    "en": [
        ("wrong", r"wrong(?:ly)?"),
        ("mistake", r"mistakes?"),
        ("failure", r"failures?"),
        ("the patient", r"the\s+patients?"),
        ("compliance", r"compliance"),
        ("unrealistic", r"unrealistic(?:ally)?"),
    ],
}
_ALTERNATIVE = {
    "da": "skriv om adfærden i stedet, fx »en anden mulighed …«",
    "en": "describe the behaviour instead, e.g. 'another option …'",
}


def _compiled(lang: str) -> list[tuple[str, re.Pattern]]:
    table = BANNED.get(lang)
    if table is None:  # unknown language: check both lists
        table = BANNED["da"] + [x for x in BANNED["en"] if x[0] != "compliance"]
    return [(word, re.compile(_B + rx + _E, re.IGNORECASE)) for word, rx in table]


def banned_words(text: str, lang: str = "da") -> list[tuple[int, int, str, str]]:
    """Every avoided word in ``text``: (start, end, the text found, the listed word)."""
    hits = []
    for word, rx in _compiled(lang):
        for m in rx.finditer(text):
            hits.append((m.start(), m.end(), m.group(0), word))
    hits.sort()
    return hits


# -- positions in the source ---------------------------------------------------
def _read_source(scenario: Scenario) -> str | None:
    try:
        return yamlsrc.read_text(scenario.path)
    except (yamlsrc.SourceProblem, OSError, TypeError, ValueError):
        return None


def _scalar_nodes(text: str | None) -> dict[tuple, yaml.ScalarNode]:
    """(node id, 'choice', index, 'feedback') / (node id, 'end', field) -> scalar node."""
    out: dict[tuple, yaml.ScalarNode] = {}
    if text is None:
        return out
    try:
        root = yamlsrc.compose(text)
    except yamlsrc.SourceProblem:
        return out

    def get(m, key):
        if isinstance(m, yaml.MappingNode):
            for k, v in m.value:
                if isinstance(k, yaml.ScalarNode) and k.value == key:
                    return v
        return None

    nodes = get(root, "nodes")
    if not isinstance(nodes, yaml.MappingNode):
        return out
    for k, v in nodes.value:
        if not isinstance(k, yaml.ScalarNode):
            continue
        nid = yamlsrc.nfc(k.value)
        choices = get(v, "choices")
        if isinstance(choices, yaml.SequenceNode):
            for i, item in enumerate(choices.value):
                fb = get(item, "feedback")
                if isinstance(fb, yaml.ScalarNode):
                    out[(nid, "choice", i, "feedback")] = fb
        end = get(v, "end")
        for field in ("title", "text"):
            s = get(end, field)
            if isinstance(s, yaml.ScalarNode):
                out[(nid, "end", field)] = s
    return out


def _positions(value: str, node: yaml.ScalarNode | None, fallback: tuple[int, int],
               lines: list[str] | None, lang: str) -> list[tuple[int, int, str, str]]:
    """(line, column, found, word) for each avoided word in a text value."""
    hits = banned_words(value, lang)
    if not hits:
        return []
    if node is not None and lines is not None:
        # search the raw source of the scalar: exact even across folded lines
        sl, sc = node.start_mark.line, node.start_mark.column
        el, ec = node.end_mark.line, node.end_mark.column
        pieces = []
        for ln in range(sl, min(el, len(lines) - 1) + 1):
            text = lines[ln]
            a = sc if ln == sl else 0
            b = ec if ln == el else len(text)
            pieces.append((ln, a, text[a:b]))
        found = []
        for ln, a, piece in pieces:
            for s, _e, got, word in banned_words(piece, lang):
                found.append((ln + 1, a + s + 1, got, word))
        if len(found) == len(hits):
            return found
    line, col = fallback
    first_line_len = len(value.split("\n", 1)[0])
    return [(line, col + s if s < first_line_len else col, got, word)
            for s, _e, got, word in hits]


def tone_diagnostics(scenario: Scenario, source: str | None = None) -> list[Diagnostic]:
    """MT701 warnings and MT702 errors for one scenario, sorted by position.

    ``source`` is the file's text; by default it is read from ``scenario.path``.
    Without it (e.g. the file is gone), positions fall back to the value's
    position plus the word's offset when the word is on the value's first line.
    """
    file = scenario.path or scenario.id
    lang = scenario.lang
    if source is None:
        source = _read_source(scenario)
    scalars = _scalar_nodes(source)
    lines = source.split("\n") if source is not None and scalars else None
    out: list[Diagnostic] = []

    def warn(at, found, word, where):
        line, col = at
        out.append(Diagnostic(
            file, line, col, MT701,
            f"'{found}' in {where}: the rubric avoids '{word}' in feedback; "
            f"{_ALTERNATIVE.get(lang, _ALTERNATIVE['en'])}"))

    for nid, node in scenario.nodes.items():
        for c in node.choices or []:
            if c.feedback is not None:
                fallback = c.where.get("feedback", c.pos)
                for line, col, found, word in _positions(
                        c.feedback.source, scalars.get((nid, "choice", c.index, "feedback")),
                        fallback, lines, lang):
                    warn((line, col), found, word,
                         f"the feedback of choice {c.index + 1} in node '{nid}'")
            if c.safety:
                for pid, v in c.score.items():
                    if v < 0:
                        line, col = c.where.get(f"score.{pid}", c.where.get("score", c.pos))
                        out.append(Diagnostic(
                            file, line, col, MT702,
                            f"choice {c.index + 1} in node '{nid}' is a safety choice but "
                            f"scores {v} on '{pid}'; a pause, a break, a support person or "
                            "declining to answer is never scored below 0 — use 0 or more"))
        if node.end is not None:
            for field, tmpl in (("title", node.end.title), ("text", node.end.text)):
                if tmpl is None:
                    continue
                for line, col, found, word in _positions(
                        tmpl.source, scalars.get((nid, "end", field)), node.end.pos, lines, lang):
                    warn((line, col), found, word, f"the ending {field} of node '{nid}'")
    out.sort(key=Diagnostic.sort_key)
    return out


def check_paths(paths: list[str | Path], principles) -> list[Diagnostic]:
    """Convenience for the command line: tone diagnostics for scenario files that load."""
    from ..engine.compiler import compile_file
    out: list[Diagnostic] = []
    for p in paths:
        scenario, _ = compile_file(p, principles)
        if scenario is not None:
            out.extend(tone_diagnostics(scenario))
    return out
