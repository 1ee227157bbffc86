"""Strict YAML source reading: bytes -> checked text -> node tree with positions.

PyYAML composes the document into nodes that carry their line and column; we
never let PyYAML *construct* Python objects. Instead the loader walks the nodes
and resolves plain scalars with YAML 1.2 core-schema rules (:func:`scalar_value`),
so ``no``, ``yes``, ``on`` and ``12:30`` stay strings as they do in VS Code.

Rules enforced here: a size cap, UTF-8 only, no NUL bytes, no anchors or
aliases (a "billion laughs" file is rejected at its first alias), no custom tags.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import yaml

from .diagnostics import Diagnostic

MAX_BYTES = 16 * 1024 * 1024

_KIND_TAGS = {yaml.ScalarNode: "tag:yaml.org,2002:str", yaml.SequenceNode: "tag:yaml.org,2002:seq",
              yaml.MappingNode: "tag:yaml.org,2002:map"}

try:  # the C parser is several times faster; it keeps positions too
    class _FastLoader(yaml.CSafeLoader):  # type: ignore[misc,name-defined]
        def resolve(self, kind, value, implicit):
            # Plain scalars are resolved by scalar_value() with YAML 1.2 rules, so PyYAML's
            # YAML 1.1 guessing is skipped; explicit tags never come through here.
            return _KIND_TAGS[kind]
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _FastLoader = yaml.SafeLoader


class SourceProblem(Exception):
    """A file-level problem (read, size, encoding, YAML syntax)."""

    def __init__(self, code: str, message: str, line: int = 1, column: int = 1):
        super().__init__(message)
        self.code, self.message, self.line, self.column = code, message, line, column

    def diagnostic(self, file: str) -> Diagnostic:
        return Diagnostic(file, self.line, self.column, self.code, self.message)


class _StrictLoader(yaml.SafeLoader):
    """Pure-Python composer that reports anchors and aliases where they are."""

    def compose_node(self, parent, index):  # type: ignore[override]
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            raise _AnchorFound(event.start_mark, f"alias '*{event.anchor}'")
        if getattr(event, "anchor", None) is not None:
            raise _AnchorFound(event.start_mark, f"anchor '&{event.anchor}'")
        return super().compose_node(parent, index)


class _AnchorFound(Exception):
    def __init__(self, mark, what: str):
        super().__init__(what)
        self.mark, self.what = mark, what


def read_text(path: str | Path, max_bytes: int | None = None) -> str:
    """Read a scenario file as text, or raise :class:`SourceProblem`."""
    return decode(read_bytes(path, max_bytes), max_bytes)


def read_bytes(path: str | Path, max_bytes: int | None = None) -> bytes:
    """A scenario file's raw bytes (an ordinary file within the size cap), or raise
    :class:`SourceProblem`. :func:`decode` checks and decodes them."""
    if max_bytes is None:
        max_bytes = MAX_BYTES
    p = Path(path)
    try:
        if p.is_dir():
            raise SourceProblem("MT001", "this is a folder, not a file")
        if not p.is_file():  # a named pipe would make open() wait for ever
            raise SourceProblem("MT001", "this is not an ordinary file (a pipe, socket or device)")
        if p.stat().st_size > max_bytes:
            raise SourceProblem("MT002", _too_large(max_bytes))
        with p.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise SourceProblem("MT001", f"cannot read the file: {exc.strerror or exc}") from None
    return data


def _too_large(max_bytes: int) -> str:
    return (f"the file is larger than {max_bytes // (1024 * 1024)} MB; "
            "split the scenario into smaller files")


def decode(data: bytes, max_bytes: int | None = None) -> str:
    """Check and decode raw bytes (size cap, NUL bytes, UTF-8)."""
    if max_bytes is None:
        max_bytes = MAX_BYTES
    if len(data) > max_bytes:
        raise SourceProblem("MT002", _too_large(max_bytes))
    nul = data.find(b"\0")
    if nul >= 0:
        line, col = _position(data, nul)
        raise SourceProblem("MT003", "the file contains binary data (a NUL byte); "
                            "save it as plain UTF-8 text", line, col)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _position(data, exc.start)
        raise SourceProblem("MT003", "the file is not valid UTF-8 text; "
                            "save it with UTF-8 encoding", line, col) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#")
                               for ln in text.splitlines()):
        raise SourceProblem("MT004", "the file is empty; start from "
                            "'meeting-trainer new' or copy an example scenario")
    return text


def _position(data: bytes, offset: int) -> tuple[int, int]:
    before = data[:offset]
    line = before.count(b"\n") + 1
    col = len(before[before.rfind(b"\n") + 1:].decode("utf-8", "replace")) + 1
    return line, col


def compose(text: str) -> yaml.Node:
    """Compose one YAML document into nodes; raise :class:`SourceProblem`."""
    bad = yaml.reader.Reader.NON_PRINTABLE.search(text)
    if bad:
        line, col = _text_position(text, bad.start())
        raise SourceProblem("MT101", f"the file contains an invisible control character "
                            f"(U+{ord(bad.group()):04X}) that YAML does not allow; delete it",
                            line, col)
    strict = "&" in text or "*" in text
    loader = None
    try:
        loader = (_StrictLoader if strict else _FastLoader)(text)
        node = loader.get_single_node()
    except _AnchorFound as exc:
        raise SourceProblem(
            "MT103", f"{exc.what}: anchors (&) and aliases (*) are not allowed; "
            "write the text out in full", exc.mark.line + 1, exc.mark.column + 1) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        line, col = _inside(text, line, col)
        raise SourceProblem("MT101", _yaml_message(exc, text, line), line, col) from None
    except yaml.YAMLError as exc:  # e.g. reader errors on control characters
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "mark", None)
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        msg = " ".join(str(exc).split())
        raise SourceProblem("MT101", f"YAML could not be read: {msg}", line, col) from None
    finally:
        if loader is not None:
            loader.dispose()
    if node is None or (isinstance(node, yaml.ScalarNode) and not node.style
                        and node.value == ""):
        raise SourceProblem("MT004", "the file is empty; start from "
                            "'meeting-trainer new' or copy an example scenario")
    tagged = _first_custom_tag(node) if "!" in text else None  # tags need a '!'
    if tagged is not None:
        line, col = position(tagged)
        raise SourceProblem("MT104", tag_problem(tagged), line, col)
    return node


def _first_custom_tag(root: yaml.Node) -> yaml.Node | None:
    stack = [root]
    while stack:
        node = stack.pop()
        if node.tag not in _STANDARD_TAGS:
            return node
        if isinstance(node, yaml.MappingNode):
            stack.extend(n for pair in reversed(node.value) for n in reversed(pair))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(reversed(node.value))
    return None


def _text_position(text: str, offset: int) -> tuple[int, int]:
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


def _inside(text: str, line: int, col: int) -> tuple[int, int]:
    """Keep an end-of-stream position on the last line that exists."""
    lines = text.splitlines() or [""]
    if line > len(lines):
        return len(lines), len(lines[-1]) + 1
    return line, col


def _yaml_message(exc: yaml.MarkedYAMLError, text: str, line: int) -> str:
    problem = (exc.problem or "").strip()
    context = (exc.context or "").strip()
    lines = text.splitlines()
    src = lines[line - 1] if 0 < line <= len(lines) else ""
    if "\t" in src[: len(src) - len(src.lstrip())] or "'\\t'" in problem:
        return ("a tab is used for indentation; YAML needs spaces — "
                "replace the tab with spaces")
    if "mapping values are not allowed" in problem:
        return ("a ':' in the middle of a value; put the text in double quotes, "
                'e.g. text: "Klokken er 12: vi starter"')
    msg = problem or context or "the YAML cannot be read"
    if context and problem:
        msg = f"{problem} ({context})"
    return f"YAML syntax: {msg}; check the indentation and quotes on this line or the line above"


# --- YAML 1.2 core schema for plain scalars --------------------------------

_NULL = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_INT = re.compile(r"[-+]?[0-9]+\Z")
_INT_OTHER = re.compile(r"0o[0-7]+\Z|0x[0-9a-fA-F]+\Z")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?\Z"
                    r"|[-+]?\.(?:inf|Inf|INF)\Z|\.(?:nan|NaN|NAN)\Z")
_STANDARD_TAGS = {
    "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:float", "tag:yaml.org,2002:null", "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq", "tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:value",
    "tag:yaml.org,2002:merge",
}


def tag_problem(node: yaml.Node) -> str | None:
    """A message if the node carries a custom tag such as ``!!python/object``."""
    if node.tag in _STANDARD_TAGS:
        return None
    return f"the YAML tag '{node.tag}' is not allowed; remove it"


def scalar_value(node: yaml.ScalarNode) -> object:
    """Resolve a scalar node the way YAML 1.2 (and VS Code) does.

    Quoted scalars are always strings. Plain scalars become None, bool, int or
    float only by the YAML 1.2 core schema; everything else (``no``, ``on``,
    ``12:30``, ``2024-01-01``) stays a string. Strings are NFC-normalised.
    """
    value = node.value
    if not node.style:  # plain: None from the Python parser, '' from the C parser
        if value in _NULL:
            return None
        if value in _TRUE:
            return True
        if value in _FALSE:
            return False
        if _INT.match(value):
            return int(value) if len(value) < 20 else float(value)
        if _INT_OTHER.match(value):
            return int(value, 0)
        if _FLOAT.match(value):
            return float(value.lower().replace(".inf", "inf").replace(".nan", "nan"))
    return nfc(value)


def nfc(text: str) -> str:
    """NFC-normalise text (a decomposed å becomes one character)."""
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def position(node: yaml.Node) -> tuple[int, int]:
    """1-based (line, column) where a node starts."""
    mark = node.start_mark
    return mark.line + 1, mark.column + 1
