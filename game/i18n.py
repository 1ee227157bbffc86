"""The one lookup for interface text: Danish first, English second.

Front-ends never hard-code player-facing text; they call :func:`t` with a key.
Missing English falls back to Danish, a missing key shows the key itself so a
gap is visible in review rather than silently blank.
"""

from __future__ import annotations

LANGS = ("da", "en")



def _load() -> dict[str, dict[str, str]]:
    import importlib
    import pkgutil
    from . import strings
    merged: dict[str, dict[str, str]] = {}
    for info in sorted(pkgutil.iter_modules(strings.__path__), key=lambda m: m.name):
        table = importlib.import_module(f"{strings.__name__}.{info.name}").STRINGS
        for key in table:
            if key in merged:
                raise RuntimeError(f"interface text key {key!r} is defined twice")
        merged.update(table)
    return merged


STRINGS: dict[str, dict[str, str]] = _load()


def t(key: str, lang: str = "da", **values) -> str:
    entry = STRINGS.get(key)
    if entry is None:
        return key
    text = entry.get(lang) or entry["da"]
    return text.format(**values) if values else text
