"""Many scenario files at once: finding them, checking them together.

Used by ``meeting-trainer check`` and by front-ends that show a library:
every file is compiled on its own (one broken file never hides the others),
then ids are compared across files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .compiler import compile_file
from .diagnostics import Diagnostic
from .model import Scenario
from .principles import load_principles

NOT_SCENARIOS = {"principles.yaml"}


def is_scenario_file(path: Path) -> bool:
    return (path.suffix in (".yaml", ".yml") and path.name not in NOT_SCENARIOS
            and not path.name.endswith((".test.yaml", ".test.yml")))


def scenario_files(paths: list[str | Path]) -> tuple[list[Path], list[str]]:
    """Expand files and folders into scenario files; also return missing paths."""
    files: list[Path] = []
    missing: list[str] = []
    for p in map(Path, paths):
        if p.is_dir():
            files.extend(sorted(f for f in p.rglob("*") if f.is_file() and is_scenario_file(f)
                                and "tests" not in f.relative_to(p).parts[:-1]))
        elif p.exists():
            files.append(p)
        else:
            missing.append(str(p))
    return files, missing


@dataclass
class Library:
    scenarios: dict[str, Scenario] = field(default_factory=dict)   # id -> scenario (error-free)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    principles: dict = field(default_factory=dict)                # id -> Principle

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.is_error]

    def broken_files(self) -> set[str]:
        return {d.file for d in self.errors}


def check_files(files: list[Path], principles, cache_dir=None) -> Library:
    """Compile every file and compare scenario ids across files."""
    lib = Library(files=list(files), principles=principles if isinstance(principles, dict) else {})
    first: dict[str, str] = {}
    for f in files:
        scenario, diags = compile_file(f, principles, cache_dir)
        lib.diagnostics.extend(diags)
        if scenario is None or not scenario.id:
            continue
        if scenario.id in first:
            line, col = scenario.where.get("id", (1, 1))
            lib.diagnostics.append(Diagnostic(
                str(f), line, col, "MT305",
                f"the scenario id '{scenario.id}' is already used by {first[scenario.id]}; "
                "give this scenario its own id"))
            continue
        first[scenario.id] = str(f)
        if not any(d.is_error for d in diags):
            lib.scenarios[scenario.id] = scenario
    return lib


def load_folder(folder: str | Path, principles_path: str | Path, cache_dir=None) -> Library:
    """Load every scenario under ``folder``; broken files are reported, not fatal."""
    principles = load_principles(principles_path)
    files, _ = scenario_files([folder])
    return check_files(files, principles, cache_dir)
