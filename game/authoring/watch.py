"""Live preview for authors: reload a scenario when its file is saved, replay the choices.

``Watcher(path)`` compiles the file once and then, each time :meth:`Watcher.poll`
is called, checks whether the file changed — first its size and modification
time (cheap), then a hash of its bytes, so an editor that rewrites the same
content does not trigger a reload and a change inside the same second is not
missed. No extra dependency (no inotify): the front-end calls ``poll`` after each
input or about once a second.

A new version that compiles without errors becomes :attr:`Watcher.scenario`;
a version with errors (for example YAML saved half-written) does not: its
diagnostics are in :attr:`Watcher.diagnostics` for the front-end to show, and
the last good scenario stays playable. :meth:`Watcher.replay` rebuilds a
session on the current scenario from the old session's save, replaying the
choices by id and text (:func:`game.engine.saves.from_dict`), and — where a
choice's text was edited — by the most similar text, and says where it stopped.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass
from pathlib import Path

from ..engine import yamlsrc
from ..engine.compiler import compile_text
from ..engine.diagnostics import Diagnostic, ScenarioError
from ..engine.model import Scenario
from ..engine.session import Session, SessionError

RACY_SECONDS = 2.0   # a file changed this recently is hashed even if size and time look the same


@dataclass
class Replay:
    """The outcome of replaying a session on a new version of the scenario."""

    session: Session
    kept: int                 # choices replayed
    total: int                # choices made before the reload
    by_place: int = 0         # of those, found by a similar text because their text changed

    @property
    def complete(self) -> bool:
        return self.kept == self.total

    @property
    def node(self) -> str:
        return self.session.node.id

    def message(self, lang: str = "da") -> str:
        """What happened, for the author, in ``lang`` (the interface catalogues)."""
        from ..i18n import t, tn
        if not self.total:
            text = t("watch.reloaded", lang)
        elif self.complete:
            text = tn("watch.reloaded.all", self.total, lang)
        else:
            text = tn("watch.reloaded.part", self.total, lang, kept=self.kept, node=self.node)
        if self.by_place:
            text += " " + tn("watch.reloaded.by_place", self.by_place, lang)
        return text


class Watcher:
    """Keeps the last good version of one scenario file and the problems of the newest."""

    def __init__(self, path: str | Path, principles=None, display_name: str | None = None,
                 lang: str | None = None):
        self.path = Path(path)
        self.display = display_name or str(path)
        self._principles = principles
        #: sessions show the scenario's text in this language (its translation file,
        #: Danish per line where a translation is missing); None: as written
        self.lang = lang
        self._shown = None
        self.scenario: Scenario | None = None     # the last version without errors
        self.diagnostics: list[Diagnostic] = []   # of the newest version read
        self.ok = False                           # the newest version has no errors
        self.version = 0                          # +1 for every good version loaded
        self._stamp: tuple[int, int] | None = None
        self._hash: str | None = None
        self._racy = False
        self.poll()

    # -- state ------------------------------------------------------------
    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.is_error]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if not d.is_error]

    @property
    def shown(self):
        """The current scenario in :attr:`lang` (a :class:`game.catalog.Shown`), or None."""
        if self.scenario is None:
            return None
        if self._shown is None or self._shown.source is not self.scenario:
            from ..catalog import Shown
            self._shown = Shown(self.scenario, self.lang)
        return self._shown

    @property
    def principles(self):
        if self._principles is None:
            from .. import paths
            from ..engine.principles import find_principles_file, load_principles
            self._principles = load_principles(
                find_principles_file(self.path, default=paths.principles_file()))
        return self._principles

    # -- polling ------------------------------------------------------------
    def poll(self) -> bool:
        """Check the file; reload it if its content changed. True when it changed."""
        try:
            st = self.path.stat()
            stamp = (st.st_mtime_ns, st.st_size)
        except OSError:
            stamp = None
        if stamp is not None and stamp == self._stamp and not self._racy:
            return False
        self._stamp = stamp
        try:
            data = self.path.read_bytes() if stamp is not None else None
        except OSError:
            data = None
        if stamp is not None:
            self._racy = time.time() - stamp[0] / 1e9 < RACY_SECONDS
        digest = hashlib.sha256(data).hexdigest() if data is not None else "missing"
        if digest == self._hash:
            return False
        self._hash = digest
        self._load(data)
        return True

    def _load(self, data: bytes | None) -> None:
        if data is None:
            self.diagnostics = [Diagnostic(self.display, 1, 1, "MT001",
                                           "the file cannot be read (is it being saved, "
                                           "moved or deleted?)")]
            self.ok = False
            return
        try:
            text = yamlsrc.decode(data)
        except yamlsrc.SourceProblem as exc:
            self.diagnostics = [exc.diagnostic(self.display)]
            self.ok = False
            return
        try:
            principles = self.principles
        except ScenarioError as exc:
            self.diagnostics = list(exc.diagnostics)
            self.ok = False
            return
        scenario, diags = compile_text(text, self.display, principles)
        self.diagnostics = diags
        self.ok = scenario is not None and not any(d.is_error for d in diags)
        if self.ok:
            self.scenario = scenario
            self.version += 1

    # -- sessions -------------------------------------------------------------
    def new_session(self, difficulty: int | None = None, statement=None, seed: int = 0,
                    practice: bool = False) -> Session:
        if self.scenario is None:
            raise SessionError("the file has no version without errors yet")
        return self.shown.session(difficulty, statement, seed, tuple(self.principles),
                                  practice=practice)

    def replay(self, old: Session | dict) -> Replay:
        """A session on the current scenario that has made the same choices as ``old``.

        ``old`` is a session (on any version) or its save (:func:`saves.to_dict`). Choices
        are found again by id and text (:func:`saves.from_dict`); a choice whose text was
        edited is then found by its text being similar (at least 60 % alike, the nearest
        wins, its old place breaks ties), so fixing a typo does not lose the position,
        but a removed choice is never replaced by a different one.
        """
        from ..engine.saves import from_dict, to_dict
        if self.scenario is None:
            raise SessionError("the file has no version without errors yet")
        data = to_dict(old) if isinstance(old, Session) else dict(old)
        data["scenario"] = self.scenario.id          # the author may have changed the id
        recorded = [e for e in data.get("choices") or []
                    if isinstance(e, dict) and e.get("undone") is not True]
        shown = self.shown
        session = from_dict(shown.scenario, data, tuple(self.principles), shown.translations,
                            shown.lang)
        kept = len(session.history)
        by_place = 0
        for entry in recorded[kept:]:
            if session.ended or entry.get("node") != session.node.id:
                break
            number = _similar(session, entry)
            if number is None:
                break
            session.choose(number)
            kept += 1
            by_place += 1
        session.notice = None
        return Replay(session, kept, len(recorded), by_place)


SIMILAR = 0.6


def _similar(session: Session, entry: dict) -> int | None:
    """The visible choice whose text is most like the recorded one (None below SIMILAR)."""
    import difflib
    text = entry.get("text")
    if not isinstance(text, str):
        return None
    best, best_key = None, None
    for i, c in enumerate(session.visible()):
        if entry.get("id") and c.id and c.id != entry.get("id"):
            continue
        ratio = difflib.SequenceMatcher(None, text, c.text.source).ratio()
        key = (ratio, c.index == entry.get("choice"))
        if ratio >= SIMILAR and (best_key is None or key > best_key):
            best, best_key = i + 1, key
    return best
