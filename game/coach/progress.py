"""Progress over time: finished sessions stored on this device, and a pooled profile.

Every finished session is one JSON file in ``user_data_dir()/sessions``,
written atomically (a crash leaves the old files, never half a file) with
owner-only permissions (0600; the folder 0700). The file is exactly
:func:`game.engine.saves.to_dict` plus metadata:

* ``finished_at`` — ISO 8601 time in UTC;
* ``audience`` — citizen | staff | peer | facilitator;
* ``scenario_title``;
* ``scores`` / ``index`` — the numbers ``meeting-trainer run --json`` prints;
* ``raw`` — the points behind them: per principle X (chosen), L (low),
  U (high) and the number of informative decision points; the same for the
  index; and the number of decisions. The cross-session profile pools these.

Profile across sessions (rubric §3.3: pool, never average percentages): for
each principle, over the sessions where it was in play,
``100 · Σ(X − L) / Σ(U − L)``, with the evidence (sessions and decision
points) shown beside it.

A damaged or foreign file in the folder is skipped with a note; it is never
rewritten, moved or deleted by listing. :func:`delete_all` removes every file
the game stored for this user (sessions, autosaves, the personal statement,
settings and the compiled cache) and leaves no folder behind.
"""

from __future__ import annotations

import os
import secrets
import shutil
import stat
import sys
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from .. import paths
from ..engine.saves import to_dict
from ..engine.scoring import label
from ..engine.session import Session
from ..storage import read_json, write_json_atomic
from . import quality
from .words import principle_name, t, tn

SESSIONS = "sessions"
KIND = "meeting-trainer-session"


def sessions_dir() -> Path:
    """The folder of stored sessions (created, owner-only)."""
    folder = paths.user_data_dir() / SESSIONS
    folder.mkdir(parents=True, exist_ok=True)
    try:
        os.chmod(folder, 0o700)
    except OSError:  # pragma: no cover - e.g. a file system without permissions
        pass
    return folder


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)


def session_record(session: Session, *, audience: str = "citizen",
                   finished_at: datetime | None = None, principles=None) -> dict:
    """The stored form of a session: ``to_dict`` plus metadata (see the module docstring)."""
    ids = quality.ids_for(session, principles)
    scores = session.scores(ids)
    when = (finished_at or _now()).astimezone(timezone.utc).replace(microsecond=0)
    data = to_dict(session)
    data.update({
        "finished_at": when.isoformat().replace("+00:00", "Z"),
        "audience": audience,
        "scenario_title": session.scenario.title,
        "scores": scores.as_numbers(),
        "index": scores.index,
        "raw": {
            "principles": {pid: {"chosen": s.chosen, "low": s.low, "high": s.high,
                                 "informative": s.informative}
                           for pid, s in scores.principles.items()},
            "index": {"chosen": scores.index_chosen, "low": scores.index_low,
                      "high": scores.index_high},
            "decisions": scores.decisions,
        },
    })
    return data


def store_session(session: Session, *, audience: str = "citizen",
                  finished_at: datetime | None = None, principles=None) -> Path:
    """Store a finished (or stopped) session; return the new file's path."""
    data = session_record(session, audience=audience, finished_at=finished_at,
                          principles=principles)
    stamp = data["finished_at"].replace("-", "").replace(":", "")
    path = sessions_dir() / f"{stamp}-{session.scenario.id}-{secrets.token_hex(3)}.json"
    write_json_atomic(path, data)
    return path


# -- listing ----------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class StoredSession:
    path: Path
    data: dict

    @property
    def scenario(self) -> str:
        return str(self.data.get("scenario"))

    @property
    def title(self) -> str:
        return str(self.data.get("scenario_title") or self.data.get("scenario"))

    @property
    def finished_at(self) -> str:
        return str(self.data.get("finished_at") or "")

    @property
    def audience(self) -> str:
        return str(self.data.get("audience") or "citizen")


@dataclass(frozen=True, slots=True)
class Skipped:
    path: Path
    reason: str        # "damaged" | "no_scores"

    def note(self, lang: str = "da") -> str:
        why = t("coach.progress.damaged" if self.reason == "damaged" else
                "coach.progress.no_scores", lang)
        return t("coach.progress.skipped", lang, name=self.path.name, why=why)


@dataclass
class Listing:
    sessions: list[StoredSession] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)

    def notes(self, lang: str = "da") -> list[str]:
        return [s.note(lang) for s in self.skipped]


def is_session_data(data: object) -> bool:
    return (isinstance(data, dict) and data.get("kind") == KIND
            and isinstance(data.get("scenario"), str) and isinstance(data.get("choices"), list))


def list_sessions(folder: Path | None = None) -> Listing:
    """Every stored session, oldest first; damaged files are listed in ``skipped``."""
    folder = folder or sessions_dir()
    out = Listing()
    try:
        files = sorted(p for p in folder.iterdir()
                       if p.suffix == ".json" and not p.name.startswith("."))
    except OSError:
        return out
    for p in files:
        data = read_json(p)
        if not is_session_data(data):
            out.skipped.append(Skipped(p, "damaged"))
            continue
        out.sessions.append(StoredSession(p, data))
    out.sessions.sort(key=lambda s: (s.finished_at, s.path.name))
    return out


# -- profile across sessions ---------------------------------------------------
@dataclass(frozen=True, slots=True)
class PooledRow:
    id: str
    name: str
    sessions: int         # sessions where this principle was in play
    decisions: int        # informative decision points in those sessions
    chosen: int           # Σ X
    low: int              # Σ L
    high: int             # Σ U
    value: float | None   # 100 · Σ(X − L) / Σ(U − L); None when never in play
    band: str
    word: str
    evidence: str         # "3 møder, 7 beslutningspunkter"

    def to_dict(self) -> dict:
        return {"id": self.id, "name": self.name, "sessions": self.sessions,
                "decisions": self.decisions, "chosen": self.chosen, "low": self.low,
                "high": self.high, "value": self.value, "band": self.band, "word": self.word,
                "evidence": self.evidence}


@dataclass
class CrossProfile:
    rows: list[PooledRow]
    index: float | None
    index_sessions: int
    sessions: int                 # sessions pooled
    skipped: list[Skipped]

    def to_dict(self, lang: str = "da") -> dict:
        return {"rows": [r.to_dict() for r in self.rows], "index": self.index,
                "index_sessions": self.index_sessions, "sessions": self.sessions,
                "skipped": [s.note(lang) for s in self.skipped]}


def _raw_of(data: dict, scenarios=None, principle_ids=None):
    """(principles raw dict, index raw, values dict) from a record, or None."""
    raw = data.get("raw")
    values = data.get("scores")
    if isinstance(raw, dict) and isinstance(raw.get("principles"), dict) and isinstance(values, dict):
        return raw["principles"], raw.get("index"), values, data.get("index")
    if scenarios and data.get("scenario") in scenarios:
        from ..engine.saves import SaveError, from_dict
        try:
            session = from_dict(scenarios[data["scenario"]], data, principle_ids)
        except SaveError:
            return None
        rec = session_record(session, principles=principle_ids)
        return rec["raw"]["principles"], rec["raw"]["index"], rec["scores"], rec["index"]
    return None


def _int(x) -> int | None:
    return x if type(x) is int else None


def pooled_profile(listing: Listing | None = None, principles=None, lang: str = "da",
                   scenarios=None) -> CrossProfile:
    """Pool raw points and spans across stored sessions (never average percentages).

    Files without stored numbers are recomputed when their scenario is in
    ``scenarios`` (id -> Scenario), else skipped with a note.
    """
    if listing is None:
        listing = list_sessions()
    if principles is None:
        from .words import bundled_principles
        principles = bundled_principles()
    ids = tuple(principles)
    acc = {pid: [0, 0, 0, 0, 0] for pid in ids}     # sessions, decisions, X, L, U
    ix = [0, 0, 0, 0]                                # sessions, X, L, U
    skipped = list(listing.skipped)
    pooled = 0
    for s in listing.sessions:
        got = _raw_of(s.data, scenarios, ids)
        if got is None:
            skipped.append(Skipped(s.path, "no_scores"))
            continue
        raw, raw_index, values, index = got
        pooled += 1
        for pid in ids:
            r = raw.get(pid)
            if values.get(pid) is None or not isinstance(r, dict):
                continue  # not in play in this session: adds no evidence
            x, lo, hi, inf = (_int(r.get(k)) for k in ("chosen", "low", "high", "informative"))
            if None in (x, lo, hi) or hi - lo <= 0:
                continue
            a = acc[pid]
            a[0] += 1
            a[1] += inf or 0
            a[2] += x
            a[3] += lo
            a[4] += hi
        if index is not None and isinstance(raw_index, dict):
            x, lo, hi = (_int(raw_index.get(k)) for k in ("chosen", "low", "high"))
            if None not in (x, lo, hi) and hi - lo > 0:
                ix[0] += 1
                ix[1] += x
                ix[2] += lo
                ix[3] += hi
    rows = []
    for pid in ids:
        n, d, x, lo, hi = acc[pid]
        value = 100.0 * (x - lo) / (hi - lo) if n and hi - lo > 0 else None
        b = label(value)
        rows.append(PooledRow(pid, principle_name(principles, pid, lang), n, d, x, lo, hi,
                              value, b, t("band." + b, lang),
                              t("coach.progress.evidence", lang,
                                meetings=tn("coach.progress.meetings", n, lang),
                                points=tn("coach.progress.points", d, lang))))
    index = 100.0 * (ix[1] - ix[2]) / (ix[3] - ix[2]) if ix[0] and ix[3] - ix[2] > 0 else None
    return CrossProfile(rows, index, ix[0], pooled, skipped)


# -- deleting -----------------------------------------------------------------
def _data_roots() -> list[Path]:
    """Every folder the game stores user files in (without creating any)."""
    override = os.environ.get("MEETING_TRAINER_HOME")
    if override:
        root = Path(override)
        return [root / "data", root / "config", root / "cache"]
    import platformdirs
    app = paths.APP
    return [Path(platformdirs.user_data_dir(app, appauthor=False)),
            Path(platformdirs.user_config_dir(app, appauthor=False)),
            Path(platformdirs.user_cache_dir(app, appauthor=False))]


def _force_remove(func, path, exc_info=None):
    """rmtree error handler: make the entry writable and try once more."""
    try:
        os.chmod(path, stat.S_IWUSR | stat.S_IRUSR | stat.S_IXUSR)
        parent = os.path.dirname(path)
        os.chmod(parent, stat.S_IWUSR | stat.S_IRUSR | stat.S_IXUSR)
        func(path)
    except OSError:
        pass


@dataclass
class DeleteResult:
    removed_files: int
    left: list[Path]             # anything that could not be removed

    @property
    def complete(self) -> bool:
        return not self.left


def delete_all() -> DeleteResult:
    """Delete every file the game stored for this user, and their folders."""
    removed = 0
    left: list[Path] = []
    for root in _data_roots():
        if root.is_symlink():
            root.unlink()
            continue
        if not root.exists():
            continue
        removed += sum(1 for p in root.rglob("*") if p.is_file() or p.is_symlink())
        try:
            if sys.version_info >= (3, 12):
                shutil.rmtree(root, onexc=_force_remove)
            else:
                shutil.rmtree(root, onerror=_force_remove)
        except OSError:
            pass
        if root.exists():
            left.extend(sorted(root.rglob("*")) or [root])
    override = os.environ.get("MEETING_TRAINER_HOME")
    if override:
        try:
            Path(override).rmdir()   # only if now empty
        except OSError:
            pass
    return DeleteResult(removed, left)
