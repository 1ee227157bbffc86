"""Reading a session file for a report, whatever state it is in.

A session file may be fine, truncated (saving was interrupted), edited by
hand, from an older or newer version, or not a session at all.
:func:`read_session_file` says what is wrong in the player's language and
hands back whatever can still be used; it raises :class:`NothingToShow` only
when nothing can.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ..coach.words import t
from ..engine.saves import SAVE_VERSION

KIND = "meeting-trainer-session"


class NothingToShow(Exception):
    """The file cannot be used at all. The message is for the player."""


@dataclass
class SessionFile:
    path: Path
    data: dict
    notes: list[str] = field(default_factory=list)
    truncated: bool = False


def salvage_json(text: str) -> object | None:
    """Parse the longest prefix of a truncated JSON text that can be closed.

    Walks the text once, remembering every point where a value just ended
    (outside strings) and which brackets were open there; then tries those
    points from the end, closing the open brackets. Returns None if nothing
    parses.
    """
    stack: list[str] = []
    cuts: list[tuple[int, str]] = []     # (end index, closing brackets)
    in_str = esc = False
    for i, ch in enumerate(text):
        if in_str:
            if esc:
                esc = False
            elif ch == "\\":
                esc = True
            elif ch == '"':
                in_str = False
                cuts.append((i + 1, "".join(reversed(stack))))
            continue
        if ch == '"':
            in_str = True
        elif ch in "{[":
            stack.append("}" if ch == "{" else "]")
            cuts.append((i + 1, "".join(reversed(stack))))
        elif ch in "}]":
            if stack:
                stack.pop()
            cuts.append((i + 1, "".join(reversed(stack))))
        elif ch.isalnum():
            cuts.append((i + 1, "".join(reversed(stack))))
    for end, closers in reversed(cuts[-2000:]):
        prefix = text[:end].rstrip()
        if prefix.endswith(","):
            prefix = prefix[:-1]
        try:
            return json.loads(prefix + closers)
        except ValueError:
            continue
    return None


def looks_like_session(data: object) -> bool:
    return isinstance(data, dict) and (
        data.get("kind") == KIND
        or ("kind" not in data and isinstance(data.get("scenario"), str)
            and isinstance(data.get("choices"), list)))


def read_session_file(path: str | Path, lang: str = "da") -> SessionFile:
    """Read a session file; raise :class:`NothingToShow` or FileNotFoundError."""
    p = Path(path)
    if not p.is_file():
        raise FileNotFoundError(t("report.err.missing", lang, path=str(p)))
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise NothingToShow(t("report.err.unreadable", lang, path=str(p),
                              why=exc.strerror or str(exc))) from None
    text = raw.decode("utf-8", errors="replace").lstrip("\ufeff")
    notes: list[str] = []
    truncated = False
    try:
        data = json.loads(text)
    except ValueError:
        data = salvage_json(text)
        if not isinstance(data, dict) or not isinstance(data.get("scenario"), str):
            raise NothingToShow(t("report.err.not_json", lang, path=str(p))) from None
        truncated = True
        notes.append(t("report.err.truncated", lang, path=str(p)))
    if not looks_like_session(data) or not isinstance(data.get("scenario"), str):
        raise NothingToShow(t("report.err.not_session", lang, path=str(p)))
    if not isinstance(data.get("choices"), list):
        data["choices"] = []
    version = data.get("save_version")
    if type(version) is int and version > SAVE_VERSION:
        notes.append(t("report.err.newer", lang, v=version))
    elif version != SAVE_VERSION:
        notes.append(t("report.err.older", lang))
    return SessionFile(p, data, notes, truncated)
