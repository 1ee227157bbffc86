"""``meeting-trainer play --text``: the terminal front-end.

Plain lines only — no colours, no cursor movement — so that screen readers
read everything in order. Number keys choose, ``p`` saves and leaves, and the
next start offers to resume. The session is saved after every choice.

The coaching is the window's, as plain text (both come from :mod:`game.coach`):

* after each choice, the line chosen and its feedback — the author's words,
  the principles the choice touched, and "Prøv også: »…«" when a visible
  alternative scored clearly better (:func:`game.coach.feedback.feedback_for`);
* when the settings say feedback comes at the end (the window's setting,
  read from the same settings file), nothing after each choice, and all of it
  in the debrief instead;
* when the meeting ends: the ending, then the check-in question with its
  answers as numbers (the grounding answer gives the grounding text), then the
  debrief as text (:func:`game.reports.text.render_debrief`). The finished
  session is stored for progress over time, as the window does, and the
  autosave is removed. ``p`` saves and leaves without a debrief.
"""

from __future__ import annotations

import re
import shutil
import sys
import textwrap
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
    def __init__(self, lang: str, inp=input, out=print, feedback: str = "each",
                 show_numbers: bool = False, wrap: int | None = None):
        self.lang = lang
        self.inp = inp
        self.out = out
        #: wrap long lines at this width; None: do not (pipes and screen readers get
        #: each line whole; :func:`play_terminal` sets it for an interactive terminal)
        self.wrap = wrap
        self.shown: dict = {}   # scenario id -> catalog.Shown in ``lang``
        self.feedback = feedback            # "each" (after each choice) or "end"
        self.show_numbers = show_numbers    # numbers in the debrief (the window's setting)

    def ask(self, prompt: str) -> str:
        try:
            return self.inp(prompt).strip()
        except EOFError:
            raise _Quit() from None

    def say(self, text: str = "") -> None:
        if self.wrap and len(text) > self.wrap:
            text = _wrap(text, self.wrap)
        self.out(text)


def _wrap(text: str, width: int) -> str:
    """Wrap each line of ``text``; list items ("1. …", "- …") get a hanging indent."""
    out = []
    for line in text.split("\n"):
        if len(line) <= width:
            out.append(line)
            continue
        head = len(line) - len(line.lstrip(" "))
        m = re.match(r" *(?:\d+\.|-) ", line)
        indent = " " * (m.end() if m else head)
        out.append(textwrap.fill(line, width, subsequent_indent=indent,
                                 break_long_words=False, break_on_hyphens=False))
    return "\n".join(out)


def _autosave_path() -> Path:
    return paths.user_data_dir() / AUTOSAVE


def player_settings():
    """The window's settings (language, feedback after each choice or at the end,
    numbers), or None when they cannot be read. The loader does not import pygame."""
    try:
        from .ui.settings import load
        return load()
    except Exception:  # a damaged settings file never stops the game
        return None


def player_lang(args, settings=None) -> str:
    """``--lang``, else the language saved in the settings (the window's), else Danish."""
    lang = getattr(args, "lang", None) if args is not None else None
    if lang:
        return lang
    if settings is None:
        settings = player_settings()
    return (getattr(settings, "lang", None) or "da") if settings is not None else "da"


def _width() -> int:
    """Wrap the debrief at 80 columns, or narrower when the terminal is."""
    try:
        cols = shutil.get_terminal_size((80, 24)).columns
    except (OSError, ValueError):  # pragma: no cover
        cols = 80
    return max(40, min(80, cols))


def _interactive() -> bool:
    """A person at a terminal (not a pipe): long lines are wrapped for them."""
    try:
        return sys.stdout.isatty() and sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False


def play_terminal(args, inp=input, out=print) -> int:
    settings = player_settings()
    lang = player_lang(args, settings)
    watch = getattr(args, "watch", None) if args is not None else None
    if watch:
        from .authoring.watch_terminal import play_watch_terminal
        statement = read_json(paths.user_data_dir() / "statement.json")
        return play_watch_terminal(watch, inp, out, difficulty=getattr(args, "difficulty", None),
                                   statement=statement if isinstance(statement, dict) else None,
                                   lang=lang)
    term = Terminal(lang, inp, out,
                    feedback=getattr(settings, "feedback", "each") if settings else "each",
                    show_numbers=bool(getattr(settings, "show_numbers", False)),
                    wrap=_width() if out is print and _interactive() else None)
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
        principle_ids=tuple(lib.principles), practice=bool(getattr(args, "practice", False)))


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
    if term.feedback == "end" and not session.ended:
        term.say(t("ui.feedback.later", term.lang))
        term.say()
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
            if session.practice:
                term.say(t("term.help_practice", term.lang))
            continue
        if answer == "r":
            _show_lines(session, term)
            continue
        if answer == "b" and session.practice:
            if not session.can_undo():
                term.say(t("term.undo_none", term.lang))
                continue
            session.undo()
            write_json_atomic(_autosave_path(), to_dict(session))
            term.say(t("term.undone", term.lang))
            term.say()
            _show_lines(session, term)
            continue
        if not (answer.isdigit() and 1 <= int(answer) <= len(options)):
            term.say(t("term.not_a_choice", term.lang, n=len(options)))
            continue
        chosen = options[int(answer) - 1]
        step = session.choose(chosen.number)
        write_json_atomic(_autosave_path(), to_dict(session))
        term.say()
        term.say(t("ui.feedback.you_chose", term.lang, text=_quote(chosen.text, term.lang)))
        if term.feedback == "each":
            _show_feedback(session, step, chosen, term, lib)
        term.say()
        _show_lines(session, term)
    term.say()
    term.say(t("term.ended", term.lang, title=session.ending_title()))
    if session.node.end.text is not None:
        term.say(session.ending_text())
    audience = _audience(session)
    _store(session, audience)
    try:
        _autosave_path().unlink()
    except OSError:
        pass
    _debrief(session, term, lib, audience)
    term.say()
    term.say(t("term.progress_hint", term.lang))
    return 0


def _quote(text: str, lang: str) -> str:
    from .coach.words import quote
    return quote(text, lang)


def _show_feedback(session: Session, step, chosen, term, lib) -> None:
    """The window's feedback card as plain lines: the author's words, the principles
    touched, and "Prøv også" when a visible alternative scored clearly better."""
    lines = None
    try:
        from .coach.feedback import feedback_for
        lines = feedback_for(session, step, term.lang, lib.principles or None).lines()
    except Exception:  # a coach problem must not stop the meeting: the author's words
        text = session.feedback_text(chosen.choice)
        lines = [text] if text else []
    if not lines:
        return
    term.say(t("term.feedback", term.lang, text=lines[0]))
    for line in lines[1:]:
        term.say(line)


def _audience(session: Session) -> str:
    role = session.scenario.role
    return role if role in ("citizen", "staff", "peer") else "citizen"


def _store(session: Session, audience: str) -> None:
    """Keep the finished session for progress over time (as the window does)."""
    try:
        from .coach.progress import store_session
        store_session(session, audience=audience)
    except Exception:  # storing history must never interrupt the player
        pass


def _debrief(session: Session, term, lib, audience: str) -> None:
    """The check-in, then the debrief as text. Input ending here still shows the debrief."""
    try:
        from .coach.debrief import build_debrief
        from .reports.text import render_debrief
        d = build_debrief(session, lib.principles or None, term.lang, audience,
                          show_numbers=term.show_numbers)
        text = render_debrief(d, width=_width(), checkin=False, ending=False,
                              feedback=term.feedback == "end")
    except Exception:  # never lose the end of a meeting to a coach problem
        _show_profile(session, term, lib)
        return
    term.say()
    _checkin(d.checkin, term)
    term.say()
    for line in text.rstrip("\n").split("\n"):
        term.say(line)


def _checkin(c, term) -> None:
    """How are you now? The answers as numbers; the last one gives the grounding text."""
    answers = [*c.options, c.grounding_option]
    term.say(c.question)
    for i, a in enumerate(answers, 1):
        term.say(f"{i}. {a}")
    n = len(answers)
    try:
        while True:
            answer = term.ask(t("term.checkin_pick", term.lang, n=n))
            if not answer or (answer.isdigit() and 1 <= int(answer) <= n):
                break
            term.say(t("term.not_a_choice", term.lang, n=n))
        if answer == str(n):
            term.say()
            term.say(c.grounding)
            term.ask(t("term.when_ready", term.lang))
        elif answer:
            term.say(t("ui.debrief.checkin_thanks", term.lang))
    except _Quit:   # the input ended (e.g. piped): skip the question, keep the debrief
        term.say()
    term.say(c.support)


def _show_profile(session: Session, term, lib) -> None:
    principles = lib.principles
    term.say(t("term.profile", term.lang))
    for pid, s in session.scores().principles.items():
        name = principles[pid].label(term.lang) if pid in principles else pid
        term.say(f"- {name}: {t('band.' + label(s.value), term.lang)}")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(play_terminal(None))
