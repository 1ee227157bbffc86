"""Scenario translations: stable line ids, one CSV table per scenario and language.

Danish is the source language and stays inline in the YAML. Every player-facing
text has a stable id made of node ids and positions inside one node (never a
running number over the whole file), so an edit in one node never
renames a line in another:

======================  ===============================================
``<node>.say<N>``       the N-th ``say`` line of a node (1-based)
``<node>.<choice id>``  a choice with an ``id`` (``<node>.c<N>`` without)
``<choice>.feedback``   the feedback of that choice
``<node>.end``          an ending's title
``<node>.end_text``     an ending's closing text
``@title``              the scenario's title (also ``@summary``, ``@content_note``)
``@char.<id>.name``     a character's name (and ``@char.<id>.title``)
======================  ===============================================

**The table** is ``<library>/locales/<lang>/<scenario id>.csv`` where
``<library>`` is the folder holding the scenario's ``principles.yaml`` (so
``scenarios/locales/en/rehab-first-meeting.csv`` for the bundled library), or the
scenario's own folder when there is none. Columns, in this order::

    id, source, text, lock, where, comment

``source`` is the Danish text (for reference only: the scenario is the truth),
``text`` the translation (empty while untranslated), ``lock`` a short hash of the
Danish text the translation was made from, ``where`` the ``file:line:col`` of the
Danish text and ``comment`` a free note (extract fills in who says the line).
Rows are in file order. When the Danish text changes, the row's ``lock`` no
longer matches: the translation is *stale*.

**The lock** is 8 letters (consonants only) from SHA-256 of the source with
Unicode NFC and runs of white space collapsed, so re-flowing a block scalar does
not mark its translation stale, and a spreadsheet can never read it as a number
or a date (8 hex digits would be all digits one time in 40).

**Encoding.** UTF-8 with a byte-order mark, comma-separated, RFC 4180 quoting,
LF line ends. The BOM is what makes Excel open the file as UTF-8 on a double
click; LibreOffice, Google Sheets, git and text editors all accept it. Reading
accepts a file with or without a BOM, with ``,``, ``;`` (what Excel writes in a
Danish locale) or a tab between fields, and CRLF or LF; ``extract`` keeps the
delimiter, BOM and line ends an existing file already has.

**Reading never raises.** :func:`read_table` and :func:`load_translations`
report problems as :class:`~.diagnostics.Diagnostic` values (codes ``MT8xx``,
always with an explicit severity) and skip what they cannot use:

=====  =======  =========================================================
MT801  error    translation file cannot be read (I/O, not UTF-8, size, NUL)
MT802  error    bad header row (a required column is missing, or a column
                is unknown or twice)
MT803  error    malformed row (wrong number of columns, no id, a quoted
                field never closed)
MT804  error    duplicate row (the same id twice; the first is used)
MT805  error    extra row (the id is not in the scenario)
MT806  error    placeholders differ from the Danish text (or a lone brace)
MT807  warning  missing translation (empty ``text``, or no row at all)
MT808  warning  stale translation (``lock`` is not the hash of the Danish text)
MT809  warning  a scenario has no translation file for the language
MT810  warning  a translation file whose scenario does not exist
=====  =======  =========================================================

**Stale rows are still used.** A slightly old English line is better for an
English player than a sudden Danish one; ``translate check`` keeps warning until
a translator has looked at it. The exception is a stale row whose placeholders
no longer match the new Danish text (still a warning, MT808, since the author
caused it): it would show a wrong or missing value, so Danish is shown. Rows
with an error (MT803–MT806) are never used: those lines fall back to Danish. Metadata (ids starting with ``@``) is plain
text: braces in it are literal and never placeholders.
"""

from __future__ import annotations

import difflib
import hashlib
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import NamedTuple

from .diagnostics import ERROR, WARNING, Diagnostic
from .model import Character, Pos, Scenario
from .text import Template, parse_template, plain

COLUMNS = ("id", "source", "text", "lock", "where", "comment")
REQUIRED = ("id", "text", "lock")
LOCALES = "locales"
BOM = "\ufeff"
MAX_BYTES = 16 * 1024 * 1024
_LOCK_ALPHABET = "bcdfghjklmnpqrstvwxz"   # 20 consonants: no digits, no words, no 'e' notation
LOCK_LENGTH = 8

#: code -> (severity, short title). Kept here, as the smells keep theirs, because
#: diagnostics.CODES lists what ``meeting-trainer check`` reports (docs/checks.md).
CODES: dict[str, tuple[str, str]] = {
    "MT801": (ERROR, "translation file cannot be read"),
    "MT802": (ERROR, "bad header row in a translation file"),
    "MT803": (ERROR, "malformed row in a translation file"),
    "MT804": (ERROR, "duplicate row in a translation file"),
    "MT805": (ERROR, "translation for a line that does not exist"),
    "MT806": (ERROR, "placeholders differ from the source text"),
    "MT807": (WARNING, "missing translation"),
    "MT808": (WARNING, "stale translation"),
    "MT809": (WARNING, "no translation file for a scenario"),
    "MT810": (WARNING, "translation file without a scenario"),
}


def _diag(file: str, pos: Pos, code: str, message: str) -> Diagnostic:
    return Diagnostic(file, pos[0], pos[1], code, message, CODES[code][0])


# -- the texts of a scenario --------------------------------------------------
class LineText(NamedTuple):
    """One translatable text: its id, the Danish source and where it starts in the YAML."""

    id: str
    source: str
    pos: Pos


def is_metadata(line_id: str) -> bool:
    """Ids of scenario and character metadata (plain text, no placeholders) start with '@'."""
    return line_id.startswith("@")


def line_texts(scenario: Scenario) -> list[LineText]:
    """Every player-facing text of a scenario, in file order.

    The one place that knows which texts a player can see; ``translate extract``,
    ``translate check`` and :func:`load_translations` all use it. Empty optional
    texts (no summary, a character without a title) are left out.
    """
    out: list[LineText] = []
    w = scenario.where
    for name in ("title", "summary", "content_note"):
        value = getattr(scenario, name)
        if value:
            out.append(LineText("@" + name, value, w.get(name, scenario.pos)))
    for cid, ch in scenario.characters.items():
        out.append(LineText(f"@char.{cid}.name", ch.name, ch.where.get("name", ch.pos)))
        if ch.title:
            out.append(LineText(f"@char.{cid}.title", ch.title, ch.where.get("title", ch.pos)))
    for nid, node in scenario.nodes.items():
        for line in node.say:
            out.append(LineText(line.line_id, line.text.source, line.text_pos))
        for c in node.choices or ():
            out.append(LineText(c.line_id, c.text.source, c.where.get("text", c.pos)))
            if c.feedback is not None:
                out.append(LineText(c.line_id + ".feedback", c.feedback.source,
                                    c.where.get("feedback", c.pos)))
        if node.end is not None:
            out.append(LineText(nid + ".end", node.end.title.source, node.end.pos))
            if node.end.text is not None:
                out.append(LineText(nid + ".end_text", node.end.text.source, node.end.pos))
    # file order; ties (an ending's title and text share a position) keep their order
    out.sort(key=lambda t: t.pos)
    return out


def lock(source: str) -> str:
    """The short hash of a source text that a translation is locked to."""
    norm = " ".join(unicodedata.normalize("NFC", source).split())
    n = int.from_bytes(hashlib.sha256(norm.encode("utf-8")).digest()[:8], "big")
    chars = []
    for _ in range(LOCK_LENGTH):
        n, r = divmod(n, len(_LOCK_ALPHABET))
        chars.append(_LOCK_ALPHABET[r])
    return "".join(chars)


# -- where the files are -------------------------------------------------------
def library_root(scenario_path: str | Path) -> Path:
    """The folder whose ``locales/`` holds a scenario's translations.

    That is the folder of the ``principles.yaml`` that applies to the scenario
    (beside it or up to three folders above, as the checker finds it), else the
    scenario's own folder.
    """
    from .principles import find_principles_file
    p = Path(scenario_path)
    found = find_principles_file(p)
    if found is not None:
        return found.parent
    return p.resolve().parent if not p.is_dir() else p.resolve()


def locales_dir(scenario_path: str | Path) -> Path:
    return library_root(scenario_path) / LOCALES


def translation_path(scenario: Scenario, lang: str, folder: str | Path | None = None) -> Path:
    """``<folder>/<lang>/<scenario id>.csv``; ``folder`` defaults to the library's locales/."""
    base = Path(folder) if folder is not None else locales_dir(scenario.path)
    return base / lang / f"{scenario.id}.csv"


# -- reading a table -----------------------------------------------------------
@dataclass(slots=True)
class Row:
    """One data row. ``line`` is where the row starts; ``pos`` is each column's start."""

    id: str
    source: str = ""
    text: str = ""
    lock: str = ""
    where: str = ""
    comment: str = ""
    line: int = 0
    pos: dict[str, Pos] = field(default_factory=dict)

    def at(self, column: str) -> Pos:
        return self.pos.get(column, (self.line, 1))


@dataclass(slots=True)
class Table:
    """A translation file as read: its rows in order and its file-level problems."""

    file: str
    exists: bool = False
    rows: list[Row] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    columns: tuple[str, ...] = COLUMNS
    delimiter: str = ","
    bom: bool = True
    newline: str = "\n"

    @property
    def readable(self) -> bool:
        """False when the file could not be read as a table at all (MT801/MT802 error)."""
        return not any(d.code in ("MT801", "MT802") and d.is_error for d in self.diagnostics)


class _Field(NamedTuple):
    value: str
    line: int
    col: int        # where the value starts (after an opening quote)


def _split(text: str, delim: str) -> tuple[list[list[_Field]], tuple[int, int] | None]:
    """RFC 4180 records with each field's position; also where an unclosed quote starts.

    Lenient as spreadsheets are: a quote inside an unquoted field is literal, text
    after a closing quote is kept, CRLF and lone CR count as line ends, and a line
    end inside a quoted field is kept as LF.
    """
    records: list[list[_Field]] = []
    fields: list[_Field] = []
    buf: list[str] = []
    line = col = 1
    start = (1, 1)
    state = 0          # 0 start of field, 1 unquoted, 2 quoted, 3 after closing quote
    open_quote = (1, 1)
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if state == 2:
            if c == '"':
                if i + 1 < n and text[i + 1] == '"':
                    buf.append('"')
                    i += 2
                    col += 2
                    continue
                state = 3
            elif c == "\r" or c == "\n":
                buf.append("\n")
                if c == "\r" and i + 1 < n and text[i + 1] == "\n":
                    i += 1
                line += 1
                col = 0
            else:
                buf.append(c)
            i += 1
            col += 1
            continue
        if c == delim:
            fields.append(_Field("".join(buf), *start))
            buf = []
            state = 0
            i += 1
            col += 1
            start = (line, col)
            continue
        if c == "\r" or c == "\n":
            fields.append(_Field("".join(buf), *start))
            records.append(fields)
            fields, buf, state = [], [], 0
            if c == "\r" and i + 1 < n and text[i + 1] == "\n":
                i += 1
            i += 1
            line += 1
            col = 1
            start = (line, col)
            continue
        if state == 0 and c == '"':
            state = 2
            open_quote = (line, col)
            start = (line, col + 1)
        else:
            if state == 0:
                state = 1
            buf.append(c)
        i += 1
        col += 1
    if state == 2:
        return records, open_quote
    if fields or buf or state:
        fields.append(_Field("".join(buf), *start))
        records.append(fields)
    return records, None


def _sniff(text: str) -> str:
    first = text.split("\n", 1)[0]
    counts = {d: first.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _decode(data: bytes, file: str) -> tuple[str | None, list[Diagnostic]]:
    def fail(pos: Pos, message: str):
        return None, [_diag(file, pos, "MT801", message)]

    if len(data) > MAX_BYTES:
        return fail((1, 1), f"the file is larger than {MAX_BYTES // (1024 * 1024)} MB")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return fail((1, 1), "the file is UTF-16 (Excel's 'Unicode Text'); save it as "
                            "'CSV UTF-8 (Comma delimited)' instead")
    nul = data.find(b"\0")
    if nul >= 0:
        return fail(_byte_pos(data, nul), "the file contains binary data (a NUL byte); "
                                          "save it as CSV UTF-8 text")
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        return fail(_byte_pos(data, exc.start),
                    "the file is not UTF-8 text; in Excel use Save As 'CSV UTF-8 (Comma "
                    "delimited)', in LibreOffice tick 'Edit filter settings' and pick UTF-8")


def _byte_pos(data: bytes, offset: int) -> Pos:
    before = data[:offset]
    line = before.count(b"\n") + 1
    col = len(before[before.rfind(b"\n") + 1:].decode("utf-8", "replace")) + 1
    return line, col


def _blank(record: list[_Field]) -> bool:
    return all(not f.value.strip() for f in record)


def read_table(path: str | Path, display: str | None = None) -> Table:
    """Read a translation file. Never raises: problems become diagnostics.

    A file that does not exist gives an empty table with ``exists`` False.
    Blank rows (also rows of only delimiters, as spreadsheets leave them) are
    skipped. Values are NFC-normalised; ``id`` and ``lock`` are stripped.
    """
    file = display or str(path)
    table = Table(file)
    p = Path(path)
    try:
        if not p.exists():
            return table
        if not p.is_file():
            table.exists = True
            table.diagnostics.append(_diag(file, (1, 1), "MT801", "this is not an ordinary file"))
            return table
        with p.open("rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        table.exists = True
        table.diagnostics.append(_diag(file, (1, 1), "MT801",
                                       f"cannot read the file: {exc.strerror or exc}"))
        return table
    table.exists = True
    text, problems = _decode(data, file)
    if text is None:
        table.diagnostics.extend(problems)
        return table
    table.bom = text.startswith(BOM)
    if table.bom:
        text = text[1:]
    table.newline = "\r\n" if "\r\n" in text else "\n"
    table.delimiter = _sniff(text)
    records, unclosed = _split(text, table.delimiter)
    if unclosed is not None:
        table.diagnostics.append(_diag(file, unclosed, "MT803",
                                       "a quoted field starts here and is never closed (a \" "
                                       "is missing); the rest of the file is left out"))
    records = [r for r in records if not _blank(r)]
    if not records:
        table.diagnostics.append(_diag(file, (1, 1), "MT802", "the file has no header row; "
                                       "the first row must be: " + ",".join(COLUMNS)))
        return table
    header = records[0]
    names = [unicodedata.normalize("NFC", f.value).strip().lower() for f in header]
    bad = False
    seen: set[str] = set()
    for f, name in zip(header, names):
        if name in seen:
            table.diagnostics.append(_diag(file, (f.line, f.col), "MT802",
                                           f"the column '{name}' is in the header twice"))
            bad = True
        elif name not in COLUMNS:
            hint = difflib.get_close_matches(name, COLUMNS, n=1, cutoff=0.6)
            table.diagnostics.append(_diag(
                file, (f.line, f.col), "MT802", f"unknown column '{name}'"
                + (f" — did you mean '{hint[0]}'?" if hint else "")
                + "; the columns are " + ", ".join(COLUMNS)))
            bad = True
        seen.add(name)
    missing = [c for c in REQUIRED if c not in names]
    if missing:
        table.diagnostics.append(_diag(
            file, (header[0].line, 1), "MT802",
            f"the header row lacks the column{'s' if len(missing) > 1 else ''} "
            f"{', '.join(missing)}; the first row must be: " + ",".join(COLUMNS)))
        return table
    if bad:
        return table
    table.columns = tuple(names)
    width = len(names)
    for rec in records[1:]:
        line = rec[0].line
        if len(rec) != width:
            what = "fewer" if len(rec) < width else "more"
            table.diagnostics.append(_diag(
                file, (line, 1), "MT803",
                f"this row has {len(rec)} column{'s' if len(rec) != 1 else ''}, {what} than the "
                f"{width} in the header ({', '.join(names)}); a text with a "
                f"'{table.delimiter}' or a line break must be in double quotes"))
            continue
        values = {n: unicodedata.normalize("NFC", f.value) for n, f in zip(names, rec)}
        row = Row(id=values["id"].strip(), source=values.get("source", ""),
                  text=values["text"], lock=values["lock"].strip(),
                  where=values.get("where", ""), comment=values.get("comment", ""), line=line,
                  pos={n: (f.line, f.col) for n, f in zip(names, rec)})
        if not row.id:
            table.diagnostics.append(_diag(file, row.at("id"), "MT803",
                                           "this row has no id; copy it from the 'source' row "
                                           "it translates, or run translate extract"))
            continue
        table.rows.append(row)
    return table


# -- checking a table against a scenario ----------------------------------------
@dataclass(slots=True)
class Audit:
    """What a translation file means for one scenario: usable lines and every problem."""

    scenario: Scenario
    table: Table
    translations: dict[str, Template] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    total: int = 0         # translatable texts in the scenario
    stale: list[str] = field(default_factory=list)     # ids whose lock is not the source's
    missing: list[str] = field(default_factory=list)   # ids with no usable translation

    @property
    def translated(self) -> int:
        return len(self.translations)

    @property
    def errors(self) -> int:
        return sum(d.is_error for d in self.diagnostics)

    def summary(self) -> str:
        """``FILE: translated n/m, stale k`` (a translator's progress line)."""
        extra = f", {self.errors} error{'s' if self.errors != 1 else ''}" if self.errors else ""
        return (f"{self.table.file}: translated {self.translated}/{self.total}, "
                f"stale {len(self.stale)}, missing {len(self.missing)}{extra}")


def _short(text: str, limit: int = 60) -> str:
    one = " ".join(text.split())
    return one if len(one) <= limit else one[:limit - 1] + "…"


def _accept(scenario: Scenario, file: str, line_id: str) -> str:
    """The command that marks one updated translation as current."""
    lang = Path(file).parent.name or "en"
    return f"meeting-trainer translate accept --lang {lang} {scenario.path} {line_id}"


def audit(scenario: Scenario, table: Table) -> Audit:
    """Check every row of ``table`` against ``scenario``, row by row, in file order."""
    result = Audit(scenario, table, diagnostics=list(table.diagnostics))
    units = line_texts(scenario)
    result.total = len(units)
    by_id = {u.id: u for u in units}
    file = table.file
    first_line: dict[str, int] = {}
    rows: dict[str, Row] = {}
    diags = result.diagnostics
    if not table.readable:
        result.missing = [u.id for u in units]
        diags.sort(key=Diagnostic.sort_key)
        return result
    row_sources = {}
    for row in table.rows:
        if row.id in first_line:
            diags.append(_diag(file, row.at("id"), "MT804",
                               f"'{row.id}' is also on line {first_line[row.id]}; keep one row "
                               "per id (the first one is used)"))
            continue
        first_line[row.id] = row.line
        unit = by_id.get(row.id)
        if unit is None:
            row_sources[row.id] = row
            continue
        rows[row.id] = row
    unrowed = {u.id for u in units if u.id not in rows}
    for rid, row in row_sources.items():
        same = [u.id for u in units if u.id in unrowed and row.source.strip()
                and " ".join(u.source.split()) == " ".join(row.source.split())]
        if same and rid.startswith("#"):
            hint = (f" — its Danish text is that of '{same[0]}', which has no row: a "
                    "spreadsheet turned the id into an error value (it reads ids starting with "
                    "'@' as formulas); write the id back, and import the file as text")
        elif same:
            hint = (f" — its Danish text is now that of '{same[0]}', which has no row: the line "
                    "was moved or renamed; translate extract moves the translation over")
        else:
            close = difflib.get_close_matches(rid, list(by_id), n=1, cutoff=0.6)
            hint = (f" — did you mean '{close[0]}'?" if close else
                    "; it was removed or renamed (translate extract drops such rows)")
        diags.append(_diag(file, row.at("id"), "MT805",
                           f"'{rid}' is not a line of scenario '{scenario.id}'{hint}"))
    for unit in units:
        row = rows.get(unit.id)
        if row is None:
            result.missing.append(unit.id)
            if table.exists:
                line, col = unit.pos
                diags.append(Diagnostic(scenario.path or file, line, col, "MT807",
                                        f"'{unit.id}' has no row in {file}: «{_short(unit.source)}»; "
                                        "run translate extract to add it", WARNING))
            continue
        text = row.text.strip()
        if not text:
            result.missing.append(unit.id)
            diags.append(_diag(file, row.at("text"), "MT807",
                               f"'{unit.id}' is not translated yet: «{_short(unit.source)}»"))
            continue
        current = lock(unit.source)
        is_stale = row.lock.lower() != current
        if is_stale:
            result.stale.append(unit.id)
        stale_why = ("it has no lock" if not row.lock else
                     "the Danish text changed after it was translated")
        if is_metadata(unit.id):
            tpl = plain(text)
        else:
            tpl, problems = parse_template(text)
            want = sorted(set(parse_template(unit.source)[0].names))
            got = sorted(set(tpl.names))
            if problems or want != got:
                result.missing.append(unit.id)
                lead = len(row.text) - len(row.text.lstrip())
                detail = ""
                if problems:
                    msg, off = problems[0]
                    message = f"in the translation of '{unit.id}': {msg}"
                else:
                    lost = [n for n in want if n not in got]
                    new = [n for n in got if n not in want]
                    parts = []
                    if lost:
                        parts.append("lacks " + ", ".join("{" + n + "}" for n in lost))
                    if new:
                        parts.append("has " + ", ".join("{" + n + "}" for n in new)
                                     + " that the Danish text does not")
                    detail = (" and ".join(parts)
                              + "; use exactly the placeholders of the Danish text"
                              + (": " + ", ".join("{" + n + "}" for n in want) if want
                                 else " (none)"))
                    message = f"the translation of '{unit.id}' {detail}"
                    off = next((o for n, o in tpl.placeholders if n in new), 0)
                if is_stale and not problems:
                    # the author changed the Danish text: out of date, not the translator's slip
                    diags.append(_diag(file, row.at("text"), "MT808",
                                       f"the translation of '{unit.id}' is out of date: "
                                       f"{stale_why}, and it {detail}. The Danish is now "
                                       f"«{_short(unit.source)}»; it is shown until the "
                                       f"translation is updated; then run: {_accept(scenario, file, unit.id)} "
                                       f"(or set its lock to {current})"))
                    continue
                off += lead
                line, col = row.at("text")
                before = row.text[:off]
                at = (line, col + off) if "\n" not in before and '"' not in before else (line, col)
                diags.append(_diag(file, at, "MT806", message + " (Danish is used instead)"))
                continue
        result.translations[unit.id] = tpl
        if is_stale:
            diags.append(_diag(file, row.at("text"), "MT808",
                               f"the translation of '{unit.id}' may be out of date: {stale_why}; "
                               f"the Danish is now «{_short(unit.source)}». Update the "
                               f"translation, then run: {_accept(scenario, file, unit.id)} "
                               f"(or set its lock to {current})"))
    diags.sort(key=Diagnostic.sort_key)
    return result


def load_translations(scenario: Scenario, lang: str, folder: str | Path | None = None
                      ) -> tuple[dict[str, Template], list[Diagnostic]]:
    """The translations of a scenario into ``lang`` (line id -> Template), and every problem.

    ``folder`` is the locales folder (holding ``<lang>/<scenario id>.csv``); by
    default the one of the scenario's library (see :func:`library_root`). Never
    raises: a missing file gives ``({}, [])``; a broken file or row is reported
    and skipped. Stale rows are used; rows with errors are not (Danish is shown).
    The diagnostics include warnings (missing, stale); filter on ``is_error``.
    """
    if not lang or lang == scenario.lang:
        return {}, []
    path = translation_path(scenario, lang, folder)
    table = read_table(path)
    if not table.exists:
        return {}, []
    result = audit(scenario, table)
    return result.translations, result.diagnostics


# -- metadata ------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Metadata:
    """A scenario's library texts in the player's language (Danish where untranslated)."""

    title: str
    summary: str
    content_note: str
    characters: dict[str, tuple[str, str]]   # character id -> (name, title)


def _meta(translations: Mapping[str, object], key: str, default: str) -> str:
    value = translations.get(key)
    if value is None:
        return default
    text = value.source if isinstance(value, Template) else str(value)
    return text or default


def metadata(scenario: Scenario, translations: Mapping[str, object] | None) -> Metadata:
    """Title, summary, content note and character names/titles, translated where possible."""
    tr = translations or {}
    return Metadata(
        title=_meta(tr, "@title", scenario.title),
        summary=_meta(tr, "@summary", scenario.summary),
        content_note=_meta(tr, "@content_note", scenario.content_note),
        characters={cid: (_meta(tr, f"@char.{cid}.name", ch.name),
                          _meta(tr, f"@char.{cid}.title", ch.title))
                    for cid, ch in scenario.characters.items()})


def localize(scenario: Scenario, translations: Mapping[str, object] | None) -> Scenario:
    """A shallow copy of ``scenario`` with translated title, summary, content note and
    character names and titles; nodes, ids and the content hash are shared, so saves and
    the session's lookup tables work unchanged. Lines are translated by the session
    (pass the same ``translations`` to it). Returns ``scenario`` itself when there is
    nothing to translate.
    """
    if not translations:
        return scenario
    meta = metadata(scenario, translations)
    chars: dict[str, Character] = {}
    for cid, ch in scenario.characters.items():
        name, title = meta.characters[cid]
        chars[cid] = ch if (name, title) == (ch.name, ch.title) else replace(ch, name=name,
                                                                           title=title)
    return replace(scenario, title=meta.title, summary=meta.summary,
                   content_note=meta.content_note, characters=chars)


def prepare(scenario: Scenario, lang: str | None, folder: str | Path | None = None
            ) -> tuple[Scenario, dict[str, Template], list[Diagnostic]]:
    """What a front-end needs to play ``scenario`` in ``lang``, in one call::

        shown, translations, problems = prepare(scenario, "en")
        session = Session(shown, ..., translations=translations, lang="en")

    ``shown`` is :func:`localize`'d (title, summary, content note, character names
    and titles); ``problems`` are the diagnostics of :func:`load_translations`. With
    no language, the scenario's own language or no translation file, ``shown`` is
    ``scenario`` itself and ``translations`` is empty: Danish throughout.
    """
    if not lang or lang == scenario.lang:
        return scenario, {}, []
    translations, problems = load_translations(scenario, lang, folder)
    return localize(scenario, translations), translations, problems
