"""Interface text catalogues: check the PO files, compile them to MO with Babel, find keys.

The interface text lives in ``game/locale/<lang>/LC_MESSAGES/meeting_trainer.po``
(msgid = the stable key used in code, e.g. ``"ui.no_display"``; counted texts
have msgid_plural = key + ``.plural``). The game reads the compiled ``.mo``
files with the standard library (:mod:`game.i18n`); this module is the author
side and needs Babel (the ``test`` extra):

* :func:`check_catalogues` — headers, the same keys in every language, the
  plural convention, the same ``{placeholders}``, no empty text;
* :func:`compile_all` — PO → MO, written only when the contents changed;
  :func:`stale` says which MO files do not match their PO;
* :func:`scan_code` / :func:`key_report` — "extract": keys are not source
  strings, so extraction collects the literal keys passed to ``t(…)`` and
  ``tn(…)`` in the code and compares them with the catalogues.

``tools/compile_messages.py`` (``make messages``) runs all three.
"""

from __future__ import annotations

import io
import re
import string
from dataclasses import dataclass, field
from gettext import GNUTranslations
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from ..i18n import DOMAIN, LANGS, LOCALE_DIR, PLURAL_SUFFIX, SOURCE_LANG

PLURAL_FORMS = "nplurals=2; plural=(n != 1);"
GAME_DIR = Path(__file__).resolve().parents[1]


def po_file(lang: str, locale_dir: Path | None = None) -> Path:
    return (locale_dir or LOCALE_DIR) / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_file(lang: str, locale_dir: Path | None = None) -> Path:
    return (locale_dir or LOCALE_DIR) / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"


def read_catalog(lang: str, locale_dir: Path | None = None) -> Catalog:
    with open(po_file(lang, locale_dir), "rb") as f:
        return read_po(f, locale=lang, domain=DOMAIN, abort_invalid=True)


def entries(catalog: Catalog) -> dict[str, tuple[str, ...]]:
    """``{key: (text,)}``, or ``{key: (singular, plural)}`` for a plural entry (header left out)."""
    out = {}
    for m in catalog:
        if not m.id:
            continue
        key = m.id[0] if m.pluralizable else m.id
        out[key] = tuple(m.string) if m.pluralizable else (m.string,)
    return out


# -- checks --------------------------------------------------------------------

def _fields(text: str) -> set[str]:
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}
    except ValueError as e:
        return {f"<bad format: {e}>"}


def _raw_headers(path: Path) -> dict[str, str]:
    """The header entry of a PO file as written (``msgid ""`` first)."""
    m = re.search(r'^msgid ""\nmsgstr ""\n((?:".*"\n)*)', path.read_text(encoding="utf-8"), re.M)
    body = "".join(line[1:-1] for line in m.group(1).splitlines()) if m else ""
    pairs = (line.split(":", 1) for line in body.split("\\n") if ":" in line)
    return {k.strip(): v.strip() for k, v in pairs}


def check_catalogues(locale_dir: Path | None = None) -> list[str]:
    """What is wrong with the PO files (an empty list when they are fine)."""
    problems: list[str] = []
    cats: dict[str, Catalog] = {}
    for lang in LANGS:
        path = po_file(lang, locale_dir)
        try:
            cats[lang] = cat = read_catalog(lang, locale_dir)
        except Exception as e:   # missing file, or a syntax error Babel refuses
            problems.append(f"{path}: cannot be read: {e}")
            continue
        headers = _raw_headers(path)   # as written: Babel fills a missing Plural-Forms in
        if headers.get("Language") != lang:
            problems.append(f"{path}: header Language is {headers.get('Language')!r}, not {lang!r}")
        if headers.get("Plural-Forms", "").strip() != PLURAL_FORMS:
            problems.append(f"{path}: header Plural-Forms is {headers.get('Plural-Forms')!r}, "
                            f"not {PLURAL_FORMS!r}")
        for m in cat:
            if not m.id:
                continue
            key = m.id[0] if m.pluralizable else m.id
            if m.pluralizable and m.id[1] != key + PLURAL_SUFFIX:
                problems.append(f"{path}: {key}: msgid_plural must be {key + PLURAL_SUFFIX!r}")
            texts = m.string if m.pluralizable else (m.string,)
            if not all(texts):
                problems.append(f"{path}: {key}: no text")
            if m.fuzzy:
                problems.append(f"{path}: {key}: marked fuzzy (it would not be compiled)")
            for text in texts:
                bad = [f for f in _fields(text) if f.startswith("<bad")]
                if bad:
                    problems.append(f"{path}: {key}: {bad[0][1:-1]}")
    if len(cats) != len(LANGS):
        return problems
    src = entries(cats[SOURCE_LANG])
    for lang in LANGS:
        if lang == SOURCE_LANG:
            continue
        other = entries(cats[lang])
        for key in sorted(src.keys() - other.keys()):
            problems.append(f"{lang}: {key}: in the {SOURCE_LANG} catalogue only")
        for key in sorted(other.keys() - src.keys()):
            problems.append(f"{lang}: {key}: not in the {SOURCE_LANG} catalogue")
        for key in sorted(src.keys() & other.keys()):
            a, b = src[key], other[key]
            if len(a) != len(b):
                problems.append(f"{lang}: {key}: plural in one language, not in the other")
                continue
            fa = set().union(*map(_fields, a))
            fb = set().union(*map(_fields, b))
            if fa != fb:
                problems.append(f"{lang}: {key}: placeholders {sorted(fb)} differ from "
                                f"{SOURCE_LANG} {sorted(fa)}")
    return problems


# -- compiling -----------------------------------------------------------------

def compile_catalog(catalog: Catalog) -> bytes:
    """The MO file for ``catalog``. Entries without text are left out, so they fall back."""
    for m in list(catalog):
        if m.id and m.pluralizable and not all(m.string):
            del catalog[m.id]     # Babel would compile the missing form as the key
    buf = io.BytesIO()
    write_mo(buf, catalog)
    return buf.getvalue()


def mo_contents(data: bytes) -> tuple[str, dict]:
    """What gettext sees in an MO file: (Plural-Forms, messages without the header)."""
    trans = GNUTranslations(io.BytesIO(data))
    catalog = {k: v for k, v in trans._catalog.items() if k != ""}
    return trans.info().get("plural-forms", ""), catalog


def stale(locale_dir: Path | None = None) -> list[str]:
    """The languages whose MO file is missing or does not hold what its PO file says.

    Compares what gettext reads, not bytes, so another Babel version that
    writes the header differently does not count as a change.
    """
    out = []
    for lang in LANGS:
        want = mo_contents(compile_catalog(read_catalog(lang, locale_dir)))
        try:
            have = mo_contents(mo_file(lang, locale_dir).read_bytes())
        except (OSError, ValueError):
            have = None
        if have != want:
            out.append(lang)
    return out


def compile_all(locale_dir: Path | None = None, *, force: bool = False) -> dict[str, str]:
    """Write each language's MO file when its contents changed: ``{lang: "written"|"unchanged"}``."""
    result = {}
    old = set(stale(locale_dir))
    for lang in LANGS:
        if lang in old or force:
            data = compile_catalog(read_catalog(lang, locale_dir))
            mo_file(lang, locale_dir).write_bytes(data)
            result[lang] = "written"
        else:
            result[lang] = "unchanged"
    return result


# -- keys in the code ("extract") ---------------------------------------------------

# t(<literal key>, …), tn(<literal key>, n, …) and i18n.t(…), not self.t(…) (the watcher's table).
_CALL = re.compile(r"(?:(?<![\w.])|(?<=i18n\.))(tn?)\(\s*(f?)(['\"])([^'\"\n]*)\3\s*(\+?)")
# any quoted dotted name: keys kept in a variable ("ui.notice.settings_reset") count as used
_LITERAL = re.compile(r"""(['"])([a-z][\w-]*(?:\.[\w-]+)+)\1""")


@dataclass
class Usage:
    """Keys found in the code: exact ones by function, prefixes of built keys, other literals."""
    calls: dict[str, list[tuple[str, int, str]]] = field(default_factory=dict)  # key → (file, line, t|tn)
    prefixes: set[str] = field(default_factory=set)       # t("band." + …), t(f"coach.mood.{m}")
    literals: set[str] = field(default_factory=set)


def _show(path: Path) -> str:
    try:
        return str(path.relative_to(GAME_DIR.parent))
    except ValueError:
        return str(path)


def scan_code(root: Path | None = None) -> Usage:
    root = root or GAME_DIR
    usage = Usage()
    files = [root] if root.is_file() else sorted(root.rglob("*.py"))
    for path in files:
        if "locale" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        for m in _CALL.finditer(text):
            func, is_f, _, lit, plus = m.groups()
            if is_f and "{" in lit:
                usage.prefixes.add(lit.split("{", 1)[0])
            elif plus:
                usage.prefixes.add(lit)
            elif lit:
                line = text.count("\n", 0, m.start()) + 1
                usage.calls.setdefault(lit, []).append((_show(path), line, func))
        usage.literals.update(m.group(2) for m in _LITERAL.finditer(text))
    usage.prefixes.discard("")
    return usage


@dataclass
class KeyReport:
    missing: dict[str, list[str]]       # lang → keys used in t()/tn() but not in its catalogue
    wrong_kind: list[str]               # t() on a plural entry, or tn() on a plain one
    unused: list[str]                   # catalogue keys the code never seems to use

    @property
    def ok(self) -> bool:
        return not any(self.missing.values()) and not self.wrong_kind


def key_report(root: Path | None = None, locale_dir: Path | None = None) -> KeyReport:
    usage = scan_code(root)
    cats = {lang: entries(read_catalog(lang, locale_dir)) for lang in LANGS}
    src = cats[SOURCE_LANG]
    missing = {lang: sorted(k for k in usage.calls if k not in cat) for lang, cat in cats.items()}
    wrong = []
    for key, where in sorted(usage.calls.items()):
        if key not in src:
            continue
        plural = len(src[key]) > 1
        for file, line, func in where:
            if (func == "tn") != plural:
                kind = "a plural entry: use tn()" if plural else "not a plural entry: use t()"
                wrong.append(f"{file}:{line}: {func}({key!r}) — {kind}")
    used = set(usage.calls) | usage.literals
    unused = sorted(k for k in src if k not in used and not k.startswith(tuple(usage.prefixes)))
    return KeyReport(missing, wrong, unused)
