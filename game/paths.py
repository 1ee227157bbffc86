"""Where things live: bundled data, and the user's own folders.

Bundled data (scenarios, schemas, assets) is found in the source checkout
first, then inside an installed wheel (``game/_data``). User files — saves,
settings, finished sessions, the compiled cache — live in the per-OS folders
that platformdirs names, created on first use with owner-only permissions.
"""

from __future__ import annotations

import os
from pathlib import Path

APP = "meeting-trainer"
_HERE = Path(__file__).resolve().parent


def data_root() -> Path:
    """The folder holding ``scenarios/``, ``schemas/`` and ``assets/``."""
    for root in (_HERE.parent, _HERE / "_data"):
        if (root / "scenarios").is_dir():
            return root
    return _HERE.parent


def scenarios_dir() -> Path:
    return data_root() / "scenarios"


def principles_file() -> Path:
    return scenarios_dir() / "principles.yaml"


def assets_dir() -> Path:
    return data_root() / "assets"


def _private_dir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    try:
        os.chmod(path, 0o700)
    except OSError:
        pass
    return path


def user_data_dir() -> Path:
    """Saves and finished sessions (only the user can read them)."""
    override = os.environ.get("MEETING_TRAINER_HOME")
    if override:
        return _private_dir(Path(override) / "data")
    import platformdirs
    return _private_dir(Path(platformdirs.user_data_dir(APP, appauthor=False)))


def user_config_dir() -> Path:
    override = os.environ.get("MEETING_TRAINER_HOME")
    if override:
        return _private_dir(Path(override) / "config")
    import platformdirs
    return _private_dir(Path(platformdirs.user_config_dir(APP, appauthor=False)))


def cache_dir() -> Path | None:
    """The compiled-scenario cache, or None when caching is switched off."""
    if os.environ.get("MEETING_TRAINER_NO_CACHE"):
        return None
    override = os.environ.get("MEETING_TRAINER_HOME")
    if override:
        return Path(override) / "cache" / "compiled"
    import platformdirs
    return Path(platformdirs.user_cache_dir(APP, appauthor=False)) / "compiled"
