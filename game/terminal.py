"""``meeting-trainer play --text``: the terminal front-end.

Plain lines only — no colours, no cursor movement — so that screen readers
read everything in order. Number keys choose, ``p`` saves and leaves, and the
next start offers to resume. The session is saved after every choice.
"""

from __future__ import annotations

import sys
from pathlib import Path

from . import paths
from .engine.diagnostics import ScenarioError
from .catalog import open_library, shown_library
from .engine.saves import SaveError, to_dict
from .engine.scoring import label
from .engine.session import Session
from .i18n import t, tn
from .storage import read_json, write_json_atomic

AUTOSAVE = "autosave-terminal.json"


class _Quit(Exception):
    pass


class Terminal:
    def __init__(self, lang: str, inp=input, out=print):
        self.lang = lang
        self.inp = inp
        self.out = out
        self.shown: dict = {}   # scenario id -> catalog.Shown in ``lang``

    def ask(self, prompt: str) -> str:
        try:
            return self.inp(prompt).strip()
        except EOFError:
            raise _Quit() from None

    def say(self, text: str = "") -> None:
        self.out(text)


def _autosave_path() -> Path:
    return paths.user_data_dir() / AUTOSAVE


def player_lang(args) -> str:
    """``--lang``, else the language saved in the settings (the window's), else Danish."""
    lang = getattr(args, "lang", None) if args is not None else None
    if lang:
        return lang
    try:
        from .ui.settings import load
        return load().lang or "da"
    except Exception:  # a damaged settings file never stops the game
        return "da"


def play_terminal(args, inp=input, out=print) -> int:
    lang = player_lang(args)
    watch = getattr(args, "watch", None) if args is not None else None
    if watch:
        from .authoring.watch_terminal import play_watch_terminal
        statement = read_json(paths.user_data_dir() / "statement.json")
        return play_watch_terminal(watch, inp, out, difficulty=getattr(args, "difficulty", None),
                                   statement=statement if isinstance(statement, dict) else None,
                                   lang=lang)
    term = Terminal(lang, inp, out)
    try:
        lib = _load_library(args, term)
    except ScenarioError as exc:
        for d in exc.diagnostics:
            term.say(d.format())
        return 1
    term.shown = shown_library(lib.scenarios, lang)
    if not lib.scenarios:
        term.say(t("term.no_scenarios", lang))
        return 1
    term.say(t("app.name", lang) + " — " + t("app.tagline", lang))
    term.say(t("term.intro", lang))
    term.say(t("term.keys", lang))
    term.say()
    try:
        session = _resume(lib, term) or _new_session(lib, term, args)
        if session is None:
            return 0
        return _play(session, term, lib)
    except _Quit:
        term.say()
        return 0


def _load_library(args, term):
    lib = open_library(args.scenario)
    broken = lib.broken_files()
    if args.scenario and broken:
        raise ScenarioError(lib.errors)
    if broken:
        term.say(tn("term.broken", len(broken), term.lang))
    return lib


def _resume(lib, term) -> Session | None:
    data = read_json(_autosave_path())
    if not isinstance(data, dict) or data.get("scenario") not in lib.scenarios:
        return None
    shown = term.shown[data["scenario"]]
    answer = term.ask(t("term.resume", term.lang, title=shown.scenario.title))
    if answer.lower()[:1] != t("term.yes", term.lang):
        return None
    try:
        session = shown.resume(data, tuple(lib.principles))
    except SaveError:
        return None
    if session.notice is not None:
        term.say(session.notice.message(term.lang))
    return session


def _new_session(lib, term, args) -> Session | None:
    items = sorted((sh.scenario for sh in term.shown.values()), key=lambda s: (s.family, s.title))
    if len(items) == 1:
        scenario = items[0]
    else:
        term.say(t("term.library", term.lang))
        for i, s in enumerate(items, 1):
            term.say(f"{i}. {s.title} ({t('family.' + s.family, term.lang)}, "
                     f"{t('role.' + s.role, term.lang)})")
        scenario = items[_pick(term, len(items)) - 1]
    term.say()
    term.say(scenario.title)
    if scenario.summary:
        term.say(scenario.summary)
    if scenario.content_note:
        term.say(t("term.content_note", term.lang, note=scenario.content_note))
    if term.ask(t("term.start_or_skip", term.lang)).lower() == "s":
        return None
    difficulty = args.difficulty
    if difficulty is None:
        answer = term.ask(t("term.difficulty", term.lang, d=scenario.difficulty))
        difficulty = int(answer) if answer in ("1", "2", "3") else scenario.difficulty
    statement = read_json(paths.user_data_dir() / "statement.json")
    return term.shown[scenario.id].session(
        difficulty, statement if isinstance(statement, dict) else None, seed=0,
        principle_ids=tuple(lib.principles))


def _pick(term, n: int) -> int:
    while True:
        answer = term.ask(t("term.pick", term.lang, n=n))
        if answer.isdigit() and 1 <= int(answer) <= n:
            return int(answer)
        term.say(t("term.not_a_choice", term.lang, n=n))


def _show_lines(session: Session, term) -> None:
    for line in session.lines:
        term.say(f"{line.name}: {line.text}" if line.name else line.text)


def _play(session: Session, term, lib) -> int:
    _show_lines(session, term)
    while not session.ended:
        options = session.options()
        term.say()
        for o in options:
            term.say(f"{o.number}. {o.text}")
        answer = term.ask(t("term.pick", term.lang, n=len(options))).lower()
        if answer == "p":
            write_json_atomic(_autosave_path(), to_dict(session))
            term.say(t("term.saved", term.lang))
            return 0
        if answer == "h":
            term.say(t("term.help", term.lang))
            continue
        if answer == "r":
            _show_lines(session, term)
            continue
        if not (answer.isdigit() and 1 <= int(answer) <= len(options)):
            term.say(t("term.not_a_choice", term.lang, n=len(options)))
            continue
        chosen = options[int(answer) - 1]
        session.choose(chosen.number)
        write_json_atomic(_autosave_path(), to_dict(session))
        feedback = session.feedback_text(chosen.choice)
        if feedback is not None:
            term.say(t("term.feedback", term.lang, text=feedback))
        term.say()
        _show_lines(session, term)
    term.say()
    term.say(t("term.ended", term.lang, title=session.ending_title()))
    if session.node.end.text is not None:
        term.say(session.ending_text())
    _show_profile(session, term, lib)
    try:
        _autosave_path().unlink()
    except OSError:
        pass
    return 0


def _show_profile(session: Session, term, lib) -> None:
    principles = lib.principles
    term.say(t("term.profile", term.lang))
    for pid, s in session.scores().principles.items():
        name = principles[pid].label(term.lang) if pid in principles else pid
        term.say(f"- {name}: {t('band.' + label(s.value), term.lang)}")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(play_terminal(None))
