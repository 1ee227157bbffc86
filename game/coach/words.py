"""Interface text for coaching and reports, and small helpers to join words.

This is the one place in :mod:`game.coach` (and, through it, :mod:`game.reports`)
that reads :mod:`game.i18n`. The texts live in ``game/locale/*/LC_MESSAGES/*.po``.
"""

from __future__ import annotations

from functools import lru_cache

from ..i18n import t, tn

__all__ = ["t", "tn", "join_names", "quote", "principle_names", "bundled_principles"]

AUDIENCES = ("citizen", "staff", "peer", "facilitator")


def join_names(names: list[str], lang: str) -> str:
    """'A', 'A og B', 'A, B og C' (English: 'A and B', 'A, B and C').

    When a name itself contains the conjunction ("Åbenhed og tryghed"), the
    names are joined with commas only, so the list cannot be misread.
    """
    names = [n for n in names if n]
    if not names:
        return ""
    if len(names) == 1:
        return names[0]
    conj = t("coach.and", lang)
    if any(f" {conj} " in n for n in names):
        # "Åbenhed og tryghed og Selvbestemmelse" would be ambiguous: commas only
        return ", ".join(names)
    return ", ".join(names[:-1]) + f" {conj} " + names[-1]


def quote(text: str, lang: str) -> str:
    """Quote a line the way each language does: »…« in Danish, “…” in English."""
    return t("coach.quote", lang, text=text)


def principle_name(principles, pid: str, lang: str) -> str:
    p = principles.get(pid) if principles else None
    return p.label(lang) if p is not None else pid


def principle_names(principles, ids, lang: str) -> list[str]:
    return [principle_name(principles, pid, lang) for pid in ids]


@lru_cache(maxsize=1)
def bundled_principles():
    """The principles in the bundled scenarios folder (used when a caller gives none)."""
    from .. import paths
    from ..engine.principles import load_principles
    return load_principles(paths.principles_file())
