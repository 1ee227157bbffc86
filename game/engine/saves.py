"""Saving and resuming sessions as plain JSON, and replaying them.

A save holds the inputs that determine a session — scenario id, content hash,
difficulty, statement, seed and the choices made — plus the state reached, for
readers that do not want to replay. Resuming replays the choices:

* same content hash: the choices are replayed by position, exactly;
* the scenario was edited: each choice is found again by its id or its text;
  replay stops at the last point that still exists, and the session carries a
  :class:`ResumeNotice` saying so. It never crashes on a stale or damaged save.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import FORMAT_VERSION, STATEMENT_FIELDS, Scenario
from .session import Session, SessionError

SAVE_VERSION = 1


class SaveError(Exception):
    """A save that cannot be used at all (wrong scenario, not a save)."""


@dataclass(frozen=True, slots=True)
class ResumeNotice:
    kind: str            # "edited" | "damaged"
    kept: int            # choices replayed
    total: int           # choices in the save
    node: str            # where the session now stands

    def message(self, lang: str = "da") -> str:
        if lang == "da":
            if self.kind == "edited":
                return (f"Scenariet er blevet ændret, siden du gemte. Du fortsætter fra det "
                        f"sidste sted, der stadig findes: efter {self.kept} af {self.total} valg.")
            return (f"En del af det gemte kunne ikke læses. Du fortsætter efter "
                    f"{self.kept} af {self.total} valg.")
        if self.kind == "edited":
            return (f"The scenario has changed since you saved. You continue from the last "
                    f"point that still exists: after {self.kept} of {self.total} choices.")
        return f"Part of the save could not be read. You continue after {self.kept} of {self.total} choices."


def to_dict(session: Session) -> dict:
    s = session.scenario
    nodes = s.nodes
    choices = []
    undone = session.undone_attempts
    for i, st in enumerate(session.attempts):
        c = nodes[st.node].choices[st.choice]
        entry = {"node": st.node, "choice": st.choice, "id": c.id,
                 "text": c.text.source, "number": st.number}
        if i in undone:
            entry["undone"] = True
            entry["visible"] = list(st.visible)
        choices.append(entry)
    return {
        "kind": "meeting-trainer-session",
        "save_version": SAVE_VERSION,
        "format": FORMAT_VERSION,
        "scenario": s.id,
        "content_hash": s.content_hash,
        "difficulty": session.difficulty,
        "seed": session.seed,
        "practice": session.practice,
        "statement": dict(session.statement) if session.statement else None,
        "choices": choices,
        "node": session.node.id,
        "ended": session.ended,
        "variables": session.variables,
        "moods": session.moods,
    }


def from_dict(scenario: Scenario, data: object, principle_ids=None,
              translations=None, lang: str | None = None) -> Session:
    """Rebuild a session from :func:`to_dict` output. Sets ``session.notice``.

    A save holds no language: ``translations`` and ``lang`` (see
    :func:`~.translations.prepare`) say how the rebuilt session shows its text.
    """
    if not isinstance(data, dict):
        raise SaveError("this is not a saved session (expected a JSON object)")
    if data.get("scenario") != scenario.id:
        raise SaveError(f"this save belongs to scenario '{data.get('scenario')}', "
                        f"not '{scenario.id}'")
    difficulty = data.get("difficulty")
    if difficulty not in (1, 2, 3) or type(difficulty) is not int:
        difficulty = None
    seed = data.get("seed")
    if type(seed) is not int:
        seed = 0
    statement = data.get("statement")
    if not isinstance(statement, dict):
        statement = None
    else:
        statement = {k: v for k, v in statement.items() if k in STATEMENT_FIELDS and isinstance(v, str)}
    session = Session(scenario, difficulty, statement, seed, principle_ids,
                      practice=data.get("practice") is True, translations=translations,
                      lang=lang)
    recorded = data.get("choices")
    if not isinstance(recorded, list):
        recorded = []
    exact = data.get("content_hash") == scenario.content_hash
    kept = replay(session, recorded, exact)
    recorded = [e for e in recorded if not (isinstance(e, dict) and e.get("undone") is True)]
    session.notice = None
    if kept < len(recorded):
        session.notice = ResumeNotice("edited" if not exact else "damaged", kept,
                                      len(recorded), session.node.id)
    elif not exact and recorded:
        session.notice = None  # edited, but every choice still exists: nothing lost
    return session


def replay(session: Session, recorded: list, exact: bool) -> int:
    """Replay recorded choices; return how many of the path's choices could be replayed.

    Attempts stepped back from in practice mode (``"undone": true``) are put
    back in their original order when the scenario is unchanged, else dropped.
    """
    kept = 0
    for entry in recorded:
        if isinstance(entry, dict) and entry.get("undone") is True:
            if exact:
                _restore_undone(session, entry)
            continue
        if not isinstance(entry, dict) or entry.get("node") != session.node.id:
            break
        number = _find(session, entry, exact)
        if number is None:
            break
        try:
            session.choose(number)
        except SessionError:
            break
        kept += 1
    return kept


def _restore_undone(session: Session, e: dict) -> None:
    """Put one stepped-back attempt back into ``session.attempts`` (if it is well-formed)."""
    from .session import Step
    node = session.scenario.nodes.get(e.get("node"))
    vis, idx = e.get("visible"), e.get("choice")
    if (node is None or node.choices is None or not isinstance(vis, list)
            or not all(type(i) is int and 0 <= i < len(node.choices) for i in vis)
            or idx not in vis):
        return
    st = Step(node.id, idx, tuple(vis), vis.index(idx) + 1)
    session.undone.append(st)
    session.undone_attempts.add(len(session.attempts))
    session.attempts.append(st)


def _find(session: Session, entry: dict, exact: bool) -> int | None:
    visible = session.visible()
    if exact:
        idx = entry.get("choice")
        for i, c in enumerate(visible):
            if c.index == idx:
                return i + 1
        return None
    cid, text = entry.get("id"), entry.get("text")
    if cid:
        for i, c in enumerate(visible):
            if c.id == cid:
                return i + 1
    for i, c in enumerate(visible):
        if c.text.source == text:
            return i + 1
    return None


def transcript(scenario: Scenario, numbers: list[int], difficulty=None, statement=None,
               seed: int = 0, translations=None, lang: str | None = None,
               after_choice=None) -> tuple[Session, list[dict]]:
    """Play ``numbers`` from the start and record everything shown, in order.

    Returns the session and a list of events: ``{"say": …}``, ``{"choices": […]}``,
    ``{"chose": n, "text": …}`` and ``{"end": …}``. Raises SessionError for a
    number that is not visible (the message names the node and the numbers).

    The text is in the session's language: pass ``translations`` and ``lang`` as
    :func:`~.translations.prepare` gives them (with its ``localize``'d scenario for
    translated character names); a line without a translation is shown in Danish.
    With ``lang`` alone the translations are looked up here. The events have the
    same keys and order in every language.

    ``after_choice(session, k)``, when given, is called after the k-th choice and
    returns the session to go on with (tests use it to save and restore mid-play).
    """
    if translations is None and lang and lang != scenario.lang:
        from .translations import prepare
        scenario, translations, _ = prepare(scenario, lang)
        if not translations:
            lang = None
    session = Session(scenario, difficulty, statement, seed, translations=translations,
                      lang=lang)
    events: list[dict] = []

    def show():
        for line in session.lines:
            events.append({"node": line.node, "speaker": line.name, "text": line.text})
        if session.ended:
            events.append({"end": session.node.id, "title": session.ending_title(),
                           "text": session.ending_text()})
        else:
            events.append({"node": session.node.id,
                           "choices": [o.text for o in session.options()]})

    show()
    for k, n in enumerate(numbers, 1):
        opts = session.options()
        if session.ended:
            raise SessionError(f"the meeting ended at '{session.node.id}' before choice {n}")
        if not 1 <= n <= len(opts):
            raise SessionError(f"choice {n} is not shown at node '{session.node.id}'; "
                               f"the visible choices are "
                               f"{', '.join(str(o.number) for o in opts)}")
        opt = opts[n - 1]
        session.choose(n)
        events.append({"chose": n, "text": opt.text,
                       "feedback": session.feedback_text(opt.choice)})
        if after_choice is not None:
            session = after_choice(session, k)
        show()
    return session, events


def format_transcript(events: list[dict]) -> str:
    """The plain-text transcript printed by ``meeting-trainer run``."""
    out = []
    for ev in events:
        if "choices" in ev:
            for i, t in enumerate(ev["choices"], 1):
                out.append(f"  [{i}] {t}")
        elif "chose" in ev:
            out.append(f"> {ev['chose']}: {ev['text']}")
            if ev.get("feedback"):
                out.append(f"  ({ev['feedback']})")
        elif "end" in ev:
            out.append(f"== {ev['title']} ==")
            if ev.get("text"):
                out.append(ev["text"])
        elif ev.get("speaker"):
            out.append(f"{ev['speaker']}: {ev['text']}")
        else:
            out.append(ev["text"])
    return "\n".join(out)
