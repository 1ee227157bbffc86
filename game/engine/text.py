"""Player-facing text with ``{placeholders}``, parsed once at load time.

Placeholders: ``{variable}``, ``{mood.<character>}`` and
``{statement.intro|important|help|so_that}``. ``{{`` and ``}}`` are literal
braces. A :class:`Template` knows its placeholders (with their offsets, for
the checker) and renders quickly against a session's state.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_PLACEHOLDER = re.compile(r"\{\{|\}\}|\{([^{}]*)\}")

#: What a missing statement part is shown as.
MISSING = "…"


@dataclass(frozen=True, slots=True)
class Template:
    source: str
    parts: tuple[str | tuple[str, int], ...]   # literal text, or (name, offset) for a placeholder

    @property
    def names(self) -> list[str]:
        return [p[0] for p in self.parts if isinstance(p, tuple)]

    @property
    def placeholders(self) -> list[tuple[str, int]]:
        """(name, 0-based offset of its '{' in the source) for every placeholder."""
        return [p for p in self.parts if isinstance(p, tuple)]

    def __getstate__(self):  # fast pickling for the compiled cache
        return (self.source, self.parts)

    def __setstate__(self, state):
        _SET_SOURCE(self, state[0])
        _SET_PARTS(self, state[1])

    def render(self, env: dict, statement: dict[str, str] | None, yes_no=("ja", "nej")) -> str:
        if len(self.parts) == 1 and isinstance(self.parts[0], str):
            return self.parts[0]
        out = []
        for part in self.parts:
            if isinstance(part, str):
                out.append(part)
                continue
            name = part[0]
            if name.startswith("statement."):
                value = (statement or {}).get(name[10:], "").strip()
                out.append(value or MISSING)
                continue
            value = env.get(name)
            if value is True or value is False:
                out.append(yes_no[0] if value else yes_no[1])
            elif value is None:
                out.append(MISSING)
            else:
                out.append(str(value))
        return "".join(out)

    def __str__(self) -> str:
        return self.source


def parse_template(source: str) -> tuple[Template, list[tuple[str, int]]]:
    """Parse text; return the template and (problem, offset) pairs.

    Offsets are 0-based into ``source``. Problems are lone braces or
    empty placeholders; whether a name is known is checked later.
    """
    if "{" not in source and "}" not in source:
        return Template(source, (source,)), []
    parts: list[str | tuple[str, int]] = []
    problems: list[tuple[str, int]] = []
    buf = []
    pos = 0
    for m in _PLACEHOLDER.finditer(source):
        buf.append(source[pos:m.start()])
        tok = m.group(0)
        if tok == "{{":
            buf.append("{")
        elif tok == "}}":
            buf.append("}")
        else:
            name = m.group(1).strip()
            if not name:
                problems.append(("empty placeholder '{}'; write a name inside, "
                                 "or '{{' for a literal brace", m.start()))
            else:
                if buf:
                    parts.append("".join(buf))
                    buf = []
                parts.append((name, m.start()))
        pos = m.end()
    rest = source[pos:]
    for i, ch in enumerate(rest):
        if ch in "{}":
            problems.append((f"a lone '{ch}'; write '{ch}{ch}' for a literal brace", pos + i))
    buf.append(rest.replace("{", "").replace("}", ""))
    if any(buf):
        parts.append("".join(buf))
    return Template(source, tuple(parts) or ("",)), problems


def plain(text: str) -> Template:
    """A template with no placeholders (for text that never interpolates)."""
    return Template(text, (text,))


# slot setters for __setstate__ (faster than object.__setattr__ by name)
_SET_SOURCE = Template.__dict__["source"].__set__
_SET_PARTS = Template.__dict__["parts"].__set__

