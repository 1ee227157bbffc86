"""The one lookup for interface text: Danish first, English second.

Front-ends never hard-code player-facing text; they call :func:`t` with a key
(or :func:`tn` when the text depends on a count). The texts live in gettext
catalogues, ``game/locale/<lang>/LC_MESSAGES/meeting_trainer.po``, whose msgid
is the stable key (``"ui.no_display"``), and are read at run time from the
compiled ``.mo`` files with the standard library only (Babel compiles them:
``make messages``; see :mod:`game.authoring.messages`).

Missing English falls back to Danish; a key missing everywhere shows the key
itself, so a gap is visible in review rather than silently blank. Counted
texts have a plural entry whose msgid_plural is the key plus ``.plural``; the
form is picked by the catalogue's ``Plural-Forms`` (Danish and English:
``nplurals=2; plural=(n != 1)``, so 0 takes the plural: "0 møder").
"""

from __future__ import annotations

import gettext
from functools import lru_cache
from pathlib import Path

LANGS = ("da", "en")
SOURCE_LANG = "da"
DOMAIN = "meeting_trainer"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
PLURAL_SUFFIX = ".plural"


def mo_file(lang: str, locale_dir: Path | None = None) -> Path:
    return (locale_dir or LOCALE_DIR) / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"


def _read(lang: str) -> gettext.NullTranslations:
    """One compiled catalogue, or an empty one when its file is missing or broken."""
    try:
        with open(mo_file(lang), "rb") as f:
            return gettext.GNUTranslations(f)
    except (OSError, ValueError, UnicodeDecodeError):
        return gettext.NullTranslations()


@lru_cache(maxsize=None)
def translations(lang: str) -> gettext.NullTranslations:
    """The catalogue for ``lang`` (cached); other languages fall back to Danish."""
    if lang not in LANGS or lang == SOURCE_LANG:
        return _source()
    trans = _read(lang)
    trans.add_fallback(_source())
    return trans


@lru_cache(maxsize=1)
def _source() -> gettext.NullTranslations:
    return _read(SOURCE_LANG)


def reload() -> None:
    """Forget the cached catalogues (after ``make messages`` in a running process)."""
    translations.cache_clear()
    _source.cache_clear()


def t(key: str, lang: str = "da", **values) -> str:
    """The text for ``key`` in ``lang``, with ``{placeholders}`` filled from ``values``."""
    text = translations(lang).gettext(key)
    if text == key:                 # missing everywhere: show the key, unformatted
        return key
    return text.format(**values) if values else text


def tn(key: str, n: int, lang: str = "da", /, **values) -> str:
    """The singular or plural text for ``key`` by the count ``n`` (Danish plural rules).

    ``{n}`` is filled with the count unless ``values`` gives it; other
    placeholders come from ``values`` as in :func:`t`.
    """
    plural_key = key + PLURAL_SUFFIX
    text = translations(lang).ngettext(key, plural_key, n)
    if text in (key, plural_key):   # missing everywhere
        return key
    return text.format(**{"n": n, **values})


def table(prefixes: tuple[str, ...] = ()) -> dict[str, dict[str, str]]:
    """Every text as ``{key: {"da": …, "en": …}}`` (plural forms under ``key.plural``).

    A read-only view of the compiled catalogues for checks such as the tone
    test; the catalogues stay the one source. ``prefixes`` limits the keys.
    """
    out: dict[str, dict[str, str]] = {}
    for lang in LANGS:
        trans = _read(lang)
        catalog = getattr(trans, "_catalog", {})   # GNUTranslations keeps its messages here
        for msgid, text in catalog.items():
            if isinstance(msgid, tuple):
                msgid, form = msgid
                msgid = msgid if form == 0 else msgid + PLURAL_SUFFIX
            if not msgid or (prefixes and not msgid.startswith(prefixes)):
                continue
            out.setdefault(msgid, {})[lang] = text
    for entry in out.values():
        entry.setdefault(SOURCE_LANG, next(iter(entry.values())))
        for lang in LANGS:
            entry.setdefault(lang, entry[SOURCE_LANG])
    return dict(sorted(out.items()))
