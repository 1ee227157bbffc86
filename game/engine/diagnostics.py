"""Diagnostics: one problem in one file, with a stable code and a position.

Every problem the engine finds in an author's file becomes a :class:`Diagnostic`.
The checker prints them as ``FILE:LINE:COLUMN: CODE severity: message``; the
game shows the same text. Codes never change meaning once released; the list
with examples lives in ``docs/checks.md`` and in :data:`CODES`.
"""

from __future__ import annotations

from dataclasses import dataclass
import difflib

ERROR = "error"
WARNING = "warning"

#: code -> (severity, short title). The title is what docs/checks.md headlines.
CODES: dict[str, tuple[str, str]] = {
    # reading the file
    "MT001": (ERROR, "file cannot be read"),
    "MT002": (ERROR, "file is too large"),
    "MT003": (ERROR, "file is not UTF-8 text"),
    "MT004": (ERROR, "file is empty"),
    # YAML
    "MT101": (ERROR, "YAML syntax error"),
    "MT102": (ERROR, "duplicate key"),
    "MT103": (ERROR, "anchors and aliases are not allowed"),
    "MT104": (ERROR, "YAML tags are not allowed"),
    "MT105": (ERROR, "the file must be a map of fields"),
    # structure
    "MT201": (ERROR, "unknown field"),
    "MT202": (ERROR, "missing field"),
    "MT203": (ERROR, "wrong type"),
    "MT204": (ERROR, "invalid value"),
    "MT205": (ERROR, "unsupported format version"),
    "MT206": (ERROR, "a node needs exactly one of choices, next, end"),
    "MT207": (ERROR, "score outside -2..2"),
    "MT208": (ERROR, "mood outside -3..3"),
    # references
    "MT301": (ERROR, "unknown node"),
    "MT302": (ERROR, "unknown character"),
    "MT303": (ERROR, "unknown principle"),
    "MT304": (ERROR, "unknown variable"),
    "MT305": (ERROR, "duplicate scenario id"),
    "MT306": (ERROR, "duplicate choice id"),
    "MT307": (ERROR, "unknown name in text"),
    # expressions
    "MT401": (ERROR, "invalid expression"),
    "MT402": (ERROR, "expression has the wrong type"),
    # flow
    "MT501": (WARNING, "unreachable node"),
    "MT502": (ERROR, "no ending can be reached"),
    "MT503": (WARNING, "scored choice without feedback"),
    # scenario smells (game/authoring/smells.py): it works, but probably trains badly
    "MT601": (WARNING, "decision without a recovery-aligned option"),
    "MT602": (WARNING, "all options score the same"),
    "MT603": (WARNING, "best option usually shown first"),
    "MT604": (WARNING, "best option usually the longest"),
    "MT605": (WARNING, "unused variable"),
    "MT606": (WARNING, "unused character"),
    "MT607": (WARNING, "a decision can show no choice"),
    "MT608": (WARNING, "text is hard to read (LIX above 40)"),
    # tone and safety (game/coach/tone.py)
    "MT701": (WARNING, "word the rubric avoids in feedback"),
    "MT702": (ERROR, "safety choice scored below 0"),
}


_ONE_LINE = {ord(c): " " for c in "\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"}


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem at one place. ``line`` and ``column`` are 1-based."""

    file: str
    line: int
    column: int
    code: str
    message: str
    severity: str = ""

    def __post_init__(self) -> None:
        if not self.severity:
            object.__setattr__(self, "severity", CODES[self.code][0])

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def format(self) -> str:
        """One line, always: line breaks quoted from a file (also NEL, U+2028/9) become spaces."""
        message = self.message.translate(_ONE_LINE)
        return f"{self.file}:{self.line}:{self.column}: {self.code} {self.severity}: {message}"

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.file, self.line, self.column, self.code)


class ScenarioError(Exception):
    """Raised when a scenario cannot be used; carries every diagnostic found."""

    def __init__(self, diagnostics: list[Diagnostic]):
        self.diagnostics = sorted(diagnostics, key=Diagnostic.sort_key)
        super().__init__("\n".join(d.format() for d in self.diagnostics))


def did_you_mean(word: str, candidates) -> str:
    """Return ' — did you mean 'x'?' for a close candidate, else ''."""
    close = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return f" — did you mean '{close[0]}'?" if close else ""
