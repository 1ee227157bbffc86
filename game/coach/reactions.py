"""Character reactions: mood as words, a face key for front-ends, and how it moved.

Moods run from -3 to 3 (the engine clamps them). Each value has a word in
Danish and English and an ``expression`` key that a front-end maps to a
drawing:

====  ==================  ===================  ==========
mood  dansk               English              expression
====  ==================  ===================  ==========
 -3   anspændt            tense                tense
 -2   på vagt             guarded              guarded
 -1   lidt på vagt        a little guarded     guarded
  0   neutral             neutral              neutral
  1   åben                open                 open
  2   varm                warm                 warm
  3   meget varm          very warm            warm
====  ==================  ===================  ==========

Moods describe how a line *may have landed* with a character, never a
verdict on the player. "How the mood moved" compares the start of the
meeting with where the session now stands, replaying the session's own path
(see :mod:`.timeline`).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..engine.model import MOOD_MAX, MOOD_MIN
from ..engine.session import Session
from .timeline import Timeline, replay
from .words import t

EXPRESSIONS = ("tense", "guarded", "neutral", "open", "warm")
_EXPRESSION = {-3: "tense", -2: "guarded", -1: "guarded", 0: "neutral", 1: "open",
               2: "warm", 3: "warm"}


def _clamp(mood: int) -> int:
    return MOOD_MIN if mood < MOOD_MIN else MOOD_MAX if mood > MOOD_MAX else int(mood)


def mood_word(mood: int, lang: str = "da") -> str:
    """The word for a mood, e.g. -1 -> 'lidt på vagt' / 'a little guarded'."""
    return t(f"coach.mood.{_clamp(mood)}", lang)


def expression(mood: int) -> str:
    """The face key for a mood: tense, guarded, neutral, open or warm."""
    return _EXPRESSION[_clamp(mood)]


@dataclass(frozen=True, slots=True)
class Reaction:
    id: str
    name: str
    title: str
    mood: int
    word: str
    expression: str

    def to_dict(self) -> dict:
        return {"id": self.id, "name": self.name, "title": self.title, "mood": self.mood,
                "word": self.word, "expression": self.expression}


def reaction(session: Session, character_id: str, lang: str = "da") -> Reaction:
    """How one character looks now."""
    ch = session.scenario.characters[character_id]
    m = session.moods[character_id]
    return Reaction(character_id, ch.name, ch.title, m, mood_word(m, lang), expression(m))


def reactions(session: Session, lang: str = "da") -> list[Reaction]:
    """How every character looks now, in the scenario's order."""
    return [reaction(session, cid, lang) for cid in session.scenario.characters]


@dataclass(frozen=True, slots=True)
class MoodChange:
    id: str
    name: str
    title: str
    start: int
    end: int
    history: list[int]        # start, then after each choice on the path played
    start_word: str
    end_word: str
    start_expression: str
    end_expression: str
    direction: str            # "warmer" | "cooler" | "same"
    text: str                 # "Hanne (Sagsbehandler): fra neutral til åben"
    sentence: str             # "Hanne blev mere åben i løbet af mødet."

    def to_dict(self, numbers: bool = True) -> dict:
        d = {"id": self.id, "name": self.name, "title": self.title,
             "start_word": self.start_word, "end_word": self.end_word,
             "start_expression": self.start_expression, "end_expression": self.end_expression,
             "direction": self.direction, "text": self.text, "sentence": self.sentence}
        if numbers:
            d.update(start=self.start, end=self.end, history=self.history)
        return d


def mood_changes(session: Session, lang: str = "da",
                 timeline: Timeline | None = None) -> list[MoodChange]:
    """How each character's mood moved from the start to now (the path played)."""
    tl = timeline or replay(session)
    history = tl.mood_history()
    out = []
    for cid, ch in session.scenario.characters.items():
        hist = history.get(cid) or [ch.mood]
        start, end = hist[0], session.moods.get(cid, hist[-1])
        direction = "warmer" if end > start else "cooler" if end < start else "same"
        sw, ew = mood_word(start, lang), mood_word(end, lang)
        who = f"{ch.name} ({ch.title})" if ch.title else ch.name
        text = t("coach.mood.change", lang, who=who, start=sw, end=ew)
        sentence = t(f"coach.mood.{direction}", lang, name=ch.name, start=sw, end=ew)
        out.append(MoodChange(cid, ch.name, ch.title, start, end, list(hist), sw, ew,
                              expression(start), expression(end), direction, text, sentence))
    return out
