"""The window's own autosave: written after every choice, offered again on the next start.

The file holds the engine's save (:func:`game.engine.saves.to_dict`) plus where the
scenario came from, so a crash or a kill loses at most the line being read.
"""

from __future__ import annotations

from pathlib import Path

from .. import paths
from ..engine.saves import SaveError, from_dict, to_dict
from ..storage import read_json, write_json_atomic

FILE = "autosave-window.json"


def path() -> Path:
    return paths.user_data_dir() / FILE


def save(session, scenario_path: str = "", extra: dict | None = None) -> bool:
    data = {"kind": "meeting-trainer-window-autosave", "version": 1,
            "scenario_path": scenario_path, "session": to_dict(session)}
    if extra:
        data.update(extra)
    try:
        write_json_atomic(path(), data)
        return True
    except OSError:
        return False


def peek(scenarios: dict) -> tuple[dict | None, str | None]:
    """The saved data if it belongs to a known scenario, and a notice key if it was unusable."""
    p = path()
    if not p.exists():
        return None, None
    data = read_json(p)
    if not isinstance(data, dict) or not isinstance(data.get("session"), dict):
        return None, "ui.notice.save_unreadable"
    if data["session"].get("scenario") not in scenarios:
        return None, "ui.notice.save_unknown"
    return data, None


def resume(data: dict, scenarios: dict, principle_ids):
    """Rebuild the session (it may carry ``.notice`` from the engine); None if impossible."""
    scenario = scenarios.get(data["session"].get("scenario"))
    if scenario is None:
        return None
    try:
        return from_dict(scenario, data["session"], principle_ids)
    except (SaveError, Exception):  # a hand-edited save must never stop the game
        return None


def clear() -> None:
    try:
        path().unlink()
    except OSError:
        pass
