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


class Shown:
    """One scenario as a front-end shows it in a language: the one place that calls
    :func:`game.engine.translations.prepare` for the terminal, the window and ``run``.

    ``scenario`` has its title, summary, content note and character names translated
    (Danish where a row is missing); sessions made with :meth:`session` (or given
    :attr:`translations` and :attr:`lang`) show every line translated the same way.
    ``source`` is the scenario as written.
    """

    __slots__ = ("source", "scenario", "translations", "lang", "problems")

    def __init__(self, source, lang: str | None):
        from .engine.translations import prepare
        self.source = source
        self.scenario, self.translations, self.problems = prepare(source, lang)
        # the session's language (yes/no in placeholders): only when something is translated
        self.lang = lang if self.translations else None

    @property
    def errors(self):
        return [d for d in self.problems if d.is_error]

    def session(self, difficulty=None, statement=None, seed: int = 0, principle_ids=None,
                practice: bool = False):
        from .engine.session import Session
        return Session(self.scenario, difficulty, statement, seed, principle_ids,
                       practice=practice, translations=self.translations, lang=self.lang)

    def resume(self, data, principle_ids=None):
        """:func:`game.engine.saves.from_dict` in this language (SaveError as there)."""
        from .engine.saves import from_dict
        return from_dict(self.scenario, data, principle_ids, self.translations, self.lang)

    def apply(self, session) -> None:
        """Show an existing session of this scenario in this language from now on."""
        session.set_language(self.scenario, self.translations, self.lang)


def shown_library(scenarios, lang: str | None) -> dict:
    """id -> :class:`Shown` for every scenario of a library (``Library.scenarios``)."""
    return {sid: Shown(s, lang) for sid, s in scenarios.items()}
