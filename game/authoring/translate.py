"""Translation files for authors and translators: extract, check, accept.

The format and the codes are described in :mod:`game.engine.translations`;
this module writes the files and runs the checks over a library.

``extract`` (re)writes ``<library>/locales/<lang>/<scenario id>.csv``:

* a new line gets a row with an empty ``text`` and the current ``lock``;
* an existing row keeps its ``text``, ``lock`` and ``comment``; its ``source`` and
  ``where`` follow the scenario. When the Danish text changed, the old ``lock``
  stays, so the row shows up as stale until a translator has looked at it
  (``translate accept`` or setting the lock by hand clears it);
* a row with an empty ``text`` simply follows the source (its lock is updated:
  there is no translation to go stale);
* exact reuse: when a new or stale line's Danish text is exactly a text that
  another row (in the old file) was translated from, that translation is copied
  and locked to the current source — so moving a line, renaming a node or
  inserting a ``say`` line above others loses no work. Each reuse is reported;
* rows whose id no longer exists are dropped and reported (with their text);
* rows are written in the scenario's file order; the file is only written when
  its bytes change, so re-running extract on an unchanged scenario is a no-op.

Extract refuses to touch a file it cannot read safely (MT801–MT804: unreadable,
bad header, malformed or duplicate rows), so a translator's work is never lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..engine.diagnostics import Diagnostic
from ..engine.model import Scenario
from ..engine.text import parse_template
from ..engine.translations import (
    BOM,
    COLUMNS,
    Audit,
    Row,
    Table,
    audit,
    is_metadata,
    library_root,
    line_texts,
    lock,
    read_table,
    translation_path,
)

LANG_RE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
#: problems in an existing file that make extract refuse to rewrite it
UNSAFE = ("MT801", "MT802", "MT803", "MT804")


# -- writing ----------------------------------------------------------------------
def _cell(value: str, delim: str) -> str:
    if (delim in value or '"' in value or "\n" in value or "\r" in value
            or value != value.strip()):
        return '"' + value.replace('"', '""') + '"'
    return value


def format_table(rows: list[Row], delimiter: str = ",", bom: bool = True,
                 newline: str = "\n") -> str:
    """The text of a translation file (header and rows, each row on its own line)."""
    lines = [delimiter.join(COLUMNS)]
    for r in rows:
        lines.append(delimiter.join(_cell(v, delimiter) for v in
                                    (r.id, r.source, r.text, r.lock, r.where, r.comment)))
    return (BOM if bom else "") + newline.join(lines) + newline


def write_text(path: Path, text: str) -> None:
    """Write atomically (a half-written file never replaces a translator's work)."""
    from ..storage import write_text_atomic
    write_text_atomic(path, text, private=False, newline="")


# -- context for translators ---------------------------------------------------------
def context(scenario: Scenario, line_id: str, source: str) -> str:
    """A short note on who says a line or what a text is (the comment of a new row)."""
    if line_id == "@title":
        note = "scenario title (shown in the library)"
    elif line_id == "@summary":
        note = "scenario summary (shown in the library)"
    elif line_id == "@content_note":
        note = "content note (shown before the meeting starts)"
    elif line_id.startswith("@char."):
        cid, what = line_id[6:].rsplit(".", 1)
        note = ("character name (usually kept as it is)" if what == "name"
                else f"job title or relation of {scenario.characters[cid].name}")
    elif line_id.endswith(".end"):
        note = "ending title"
    elif line_id.endswith(".end_text"):
        note = "ending text"
    elif line_id.endswith(".feedback"):
        note = "feedback to the player after this option"
    else:
        nid, rest = line_id.split(".", 1)
        node = scenario.nodes.get(nid)
        note = "the player's option (what you say or do)"
        if node is not None and rest.startswith("say") and rest[3:].isdigit():
            k = int(rest[3:]) - 1
            line = node.say[k] if k < len(node.say) else None
            if line is not None and line.line_id == line_id:
                ch = scenario.characters.get(line.speaker) if line.speaker else None
                note = (f"{ch.name} says" if ch else f"{line.speaker} says") if line.speaker \
                    else "narration"
    if not is_metadata(line_id):
        names = sorted(set(parse_template(source)[0].names))
        if names:
            note += "; keep " + " ".join("{" + n + "}" for n in names)
    return note


# -- extract --------------------------------------------------------------------------
@dataclass
class ExtractResult:
    path: Path
    display: str
    rows: int = 0
    new: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)         # rows whose lock no longer matches
    newly_stale: list[str] = field(default_factory=list)   # of those: the Danish changed now
    reused: list[tuple[str, str]] = field(default_factory=list)   # (id, copied from id)
    dropped: list[Row] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)  # why nothing was written
    written: bool = False
    created: bool = False
    dry_run: bool = False

    @property
    def refused(self) -> bool:
        return bool(self.diagnostics)

    def report(self) -> list[str]:
        if self.refused:
            return [*(d.format() for d in self.diagnostics),
                    (f"{self.display}: not updated; fix the problems above first "
                     "(nothing was changed)")]
        out = []
        for row in self.dropped:
            what = f": «{row.text.strip()}»" if row.text.strip() else " (not translated)"
            out.append(f"{self.display}:{row.line}: dropped '{row.id}', no longer in the "
                       f"scenario{what}")
        for new_id, old_id in self.reused:
            out.append(f"{self.display}: '{new_id}' reuses the translation of '{old_id}' "
                       "(same Danish text)")
        for sid in self.newly_stale:
            out.append(f"{self.display}: '{sid}' is now stale: the Danish text changed")
        state = ("created" if self.created else "updated" if self.written else "unchanged")
        if self.dry_run and self.written:
            state = "would be " + state
        counts = [f"{self.rows} rows", f"{len(self.new)} new", f"{len(self.stale)} stale",
                  f"{len(self.dropped)} dropped"]
        if self.reused:
            counts.append(f"{len(self.reused)} reused")
        out.append(f"{self.display}: {state} ({', '.join(counts)})")
        return out


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _where(scenario: Scenario, root: Path, pos) -> str:
    p = Path(scenario.path)
    try:
        name = p.resolve().relative_to(root.resolve()).as_posix()
    except (ValueError, OSError):
        name = p.name
    return f"{name}:{pos[0]}:{pos[1]}"


def merge(scenario: Scenario, table: Table, root: Path, result: ExtractResult) -> list[Row]:
    """The rows extract writes, given the existing table (see the module docstring)."""
    old: dict[str, Row] = {r.id: r for r in table.rows}
    memory: dict[str, Row] = {}
    for r in table.rows:
        if r.text.strip() and r.lock:
            memory.setdefault(r.lock.lower(), r)
    units = line_texts(scenario)
    ids = {u.id for u in units}
    out: list[Row] = []
    stale: list[tuple[Row, str, str]] = []     # (row written, current lock, old source)
    for u in units:
        cur = lock(u.source)
        where = _where(scenario, root, u.pos)
        r = old.get(u.id)
        if r is None:
            hit = memory.get(cur)
            text = ""
            if hit is not None:
                result.reused.append((u.id, hit.id))
                text = hit.text
            out.append(Row(u.id, u.source, text, cur, where, context(scenario, u.id, u.source)))
            continue
        text, lk = r.text, r.lock
        if not text.strip():
            text, lk = "", cur
        elif lk.lower() != cur:
            hit = memory.get(cur)
            if hit is not None and hit.id != u.id:
                result.reused.append((u.id, hit.id))
                text, lk = hit.text, cur
            else:
                row = Row(u.id, u.source, text, lk, where, r.comment)
                out.append(row)
                stale.append((row, cur, r.source))
                continue
        out.append(Row(u.id, u.source, text, lk, where, r.comment))
    # a stale row whose translation moved to another line (a line inserted above it, a
    # renamed node) is now a different text: it starts again empty instead of stale
    moved = {src for _, src in result.reused}
    for row, cur, old_source in stale:
        if row.id in moved:
            row.text, row.lock = "", cur
        else:
            result.stale.append(row.id)
            if " ".join(old_source.split()) != " ".join(row.source.split()):
                result.newly_stale.append(row.id)
    result.new = [row.id for row in out if row.id not in old
                  or (row.id in moved and not row.text)]
    result.new = [i for i in result.new if i not in {n for n, _ in result.reused}]
    result.dropped = [r for r in table.rows if r.id not in ids]
    return out


def extract(scenario: Scenario, lang: str, folder: Path | None = None,
            write: bool = True) -> ExtractResult:
    """Create or update the translation file of ``scenario`` for ``lang``."""
    root = library_root(scenario.path)
    path = translation_path(scenario, lang, folder if folder is not None else root / "locales")
    result = ExtractResult(path, _display(path), dry_run=not write)
    table = read_table(path, result.display)
    unsafe = [d for d in table.diagnostics if d.code in UNSAFE]
    seen: dict[str, int] = {}
    for r in table.rows:
        if r.id in seen:
            unsafe.append(Diagnostic(result.display, r.at("id")[0], r.at("id")[1], "MT804",
                                     f"'{r.id}' is also on line {seen[r.id]}; keep one row "
                                     "per id, then run extract again", "error"))
        seen.setdefault(r.id, r.line)
    if unsafe:
        result.diagnostics = sorted(unsafe, key=Diagnostic.sort_key)
        return result
    rows = merge(scenario, table, root, result)
    result.rows = len(rows)
    if table.exists:
        text = format_table(rows, table.delimiter, table.bom, table.newline)
    else:
        text = format_table(rows)
    try:
        before = path.read_bytes() if table.exists else None
    except OSError:
        before = None
    data = text.encode("utf-8")
    if before != data:
        result.created = not table.exists
        if write:
            write_text(path, text)
        result.written = True
    return result


# -- accept ------------------------------------------------------------------------------
def accept(scenario: Scenario, lang: str, ids: list[str] | None,
           folder: Path | None = None) -> tuple[ExtractResult, list[str], list[str]]:
    """Mark stale translations as up to date (lock := hash of the current Danish).

    ``ids`` None means every stale row. Returns the result (with diagnostics when
    the file is not safe to rewrite), the ids accepted and the ids not found.
    """
    root = library_root(scenario.path)
    path = translation_path(scenario, lang, folder if folder is not None else root / "locales")
    result = ExtractResult(path, _display(path))
    table = read_table(path, result.display)
    unsafe = [d for d in table.diagnostics if d.code in UNSAFE]
    if not table.exists:
        unsafe.append(Diagnostic(result.display, 1, 1, "MT801", "there is no such file; run "
                                 f"translate extract --lang {lang} first", "error"))
    if unsafe:
        result.diagnostics = unsafe
        return result, [], []
    current = {u.id: lock(u.source) for u in line_texts(scenario)}
    wanted = set(ids) if ids is not None else None
    done: list[str] = []
    for r in table.rows:
        cur = current.get(r.id)
        if cur is None or not r.text.strip() or r.lock.lower() == cur:
            continue
        if wanted is None or r.id in wanted:
            r.lock = cur
            done.append(r.id)
    unknown = sorted(wanted - {r.id for r in table.rows}) if wanted is not None else []
    if done:
        write_text(path, format_table(table.rows, table.delimiter, table.bom, table.newline))
        result.written = True
    return result, done, unknown


# -- check ---------------------------------------------------------------------------------
@dataclass
class CheckResult:
    audits: list[Audit] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)   # MT809/MT810
    summaries: list[str] = field(default_factory=list)

    @property
    def all_diagnostics(self) -> list[Diagnostic]:
        out = list(self.diagnostics)
        for a in self.audits:
            out.extend(a.diagnostics)
        return out


def check_scenario(scenario: Scenario, lang: str, folder: Path | None = None,
                   display: str | None = None) -> Audit | None:
    """Audit one scenario's file for ``lang``; None when there is no file."""
    root = library_root(scenario.path)
    path = translation_path(scenario, lang, folder if folder is not None else root / "locales")
    table = read_table(path, display or _display(path))
    if not table.exists:
        return None
    return audit(scenario, table)


def languages(root: Path) -> list[str]:
    """The languages that have a folder under ``<root>/locales``."""
    loc = root / "locales"
    if not loc.is_dir():
        return []
    return sorted(p.name for p in loc.iterdir() if p.is_dir() and LANG_RE.match(p.name))


def orphans(root: Path, lang: str, ids: set[str]) -> list[Path]:
    """Translation files in ``<root>/locales/<lang>`` whose scenario id is not in ``ids``."""
    folder = root / "locales" / lang
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.csv") if p.stem not in ids)
