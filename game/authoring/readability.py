"""LIX (læsbarhedsindeks) for the text a player reads.

LIX = words / sentences + 100 · long words / words (Björnsson 1968). Danish
rules of thumb: under 25 is very easy (children's books), 25–34 easy, 35–44
medium (ordinary newspapers), 45–54 hard, 55 and over very hard (official
documents). Scenario text should stay at 40 or below.

Tokenisation (decided here, documented in ``docs/authoring.md``):

* **Placeholders** (``{hours}``, ``{statement.help}``) are removed before
  counting: they are the player's own words or a number, not the author's.
  ``{{`` and ``}}`` count as literal braces (not letters, so not words).
* **A word** is a run of letters (any alphabet, so æ, ø, å, é, ü count),
  and a hyphenated word (``peer-medarbejder``, ``MUS-samtale``) is one word.
  Digits and punctuation are not words: ``10`` and ``§`` do not count.
* **A long word** has more than 6 letters (hyphens not counted).
* **A sentence** ends at ``.``, ``!``, ``?``, ``:`` or a line break, and at the
  end of each text (every ``say`` line and choice text is its own text, so a
  line without a final full stop is still a sentence). Runs of these marks
  (``...``, ``?!``) end one sentence. Only pieces that contain a word count.
  Abbreviations with a full stop (``fx.``, ``kl.``) are therefore counted as a
  sentence end, which lowers LIX slightly: write ``fx`` and ``klokken`` instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..engine.model import Scenario

THRESHOLD = 40
LONG_WORD = 6          # a long word has MORE than this many letters

_PLACEHOLDER = re.compile(r"\{\{|\}\}|\{[^{}]*\}")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_SENTENCE_END = re.compile(r"[.!?:\n]+")


def strip_placeholders(text: str) -> str:
    return _PLACEHOLDER.sub(lambda m: {"{{": "{", "}}": "}"}.get(m.group(0), ""), text)


def words(text: str) -> list[str]:
    return _WORD.findall(strip_placeholders(text))


@dataclass(frozen=True, slots=True)
class Counts:
    words: int = 0
    sentences: int = 0
    long_words: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.words + other.words, self.sentences + other.sentences,
                      self.long_words + other.long_words)

    @property
    def lix(self) -> float | None:
        """The LIX value, or None for text without words."""
        if not self.words:
            return None
        return self.words / max(self.sentences, 1) + 100.0 * self.long_words / self.words


def counts(text: str) -> Counts:
    """Words, sentences and long words in one text (see the module doc for the rules)."""
    plain = strip_placeholders(text)
    n_words = n_long = n_sent = 0
    for piece in _SENTENCE_END.split(plain):
        ws = _WORD.findall(piece)
        if not ws:
            continue
        n_sent += 1
        n_words += len(ws)
        n_long += sum(1 for w in ws if len(w) - w.count("-") > LONG_WORD)
    return Counts(n_words, n_sent, n_long)


def lix(text: str) -> float | None:
    return counts(text).lix


@dataclass(frozen=True, slots=True)
class PlayerText:
    kind: str                    # "narration", "line" (a character speaks) or "choice"
    node: str
    text: str
    pos: tuple[int, int]
    counts: Counts


def player_texts(scenario: Scenario) -> list[PlayerText]:
    """Narration, character lines and choice texts, in file order."""
    out: list[PlayerText] = []
    for node in scenario.nodes.values():
        for line in node.say:
            src = line.text.source
            out.append(PlayerText("narration" if line.speaker is None else "line", node.id, src,
                                  line.text_pos, counts(src)))
        for c in node.choices or ():
            src = c.text.source
            out.append(PlayerText("choice", node.id, src, c.where.get("text", c.pos), counts(src)))
    return out


@dataclass(frozen=True, slots=True)
class Report:
    total: Counts
    texts: list[PlayerText]

    @property
    def lix(self) -> float | None:
        return self.total.lix

    def worst(self, n: int = 3, min_words: int = 5) -> list[PlayerText]:
        """The ``n`` texts with the highest LIX among those with at least ``min_words`` words.

        Very short lines have extreme LIX values (one long word gives 100+) that say little,
        so they are only used when there are not enough longer ones.
        """
        scored = [t for t in self.texts if t.counts.words]
        long_enough = [t for t in scored if t.counts.words >= min_words]
        pool = long_enough if len(long_enough) >= n else scored
        return sorted(pool, key=lambda t: (-(t.counts.lix or 0), t.pos))[:n]


def scenario_report(scenario: Scenario) -> Report:
    texts = player_texts(scenario)
    total = Counts()
    for t in texts:
        total = total + t.counts
    return Report(total, texts)
