"""Opening the scenarios a front-end offers: the bundled library or given files.

One place that knows where principles come from (beside the scenario, else
bundled) and which cache to use, for the terminal, the window and commands.
"""

from __future__ import annotations

from pathlib import Path

from . import paths
from .engine.library import Library, check_files, scenario_files
from .engine.principles import find_principles_file, load_principles


def open_library(path: str | Path | None = None) -> Library:
    """Check and load scenarios under ``path`` (a file or folder), or the bundled library.

    Raises ScenarioError only when principles.yaml itself is broken; broken
    scenario files are reported in ``Library.diagnostics`` and left out.
    """
    target = Path(path) if path else paths.scenarios_dir()
    principles_path = find_principles_file(target, default=paths.principles_file())
    principles = load_principles(principles_path)
    files, _ = scenario_files([target])
    return check_files(files, principles, paths.cache_dir())
