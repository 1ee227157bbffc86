"""``meeting-trainer play --text --watch FILE``: the authors' live preview in the terminal.

Plays one scenario file as the terminal mode does (plain lines, number keys).
After every answer it checks whether the file was saved: a new version
without errors is loaded and the choices so far are replayed on it (as Inky
does); a version with errors — say, YAML saved half-written — is shown as
the checker's lines, and play goes on with the last good version. Nothing
the author saves makes it crash.

Keys: a number chooses; Enter only checks for a new version; ``g`` starts
again; ``r`` repeats the lines; ``q`` ends the preview.
"""

from __future__ import annotations

from pathlib import Path

from ..engine.session import Session
from .watch import Watcher

MAX_SHOWN = 20   # checker lines shown after a reload; the rest is counted

TEXT = {
    "da": {
        "intro": "Forhåndsvisning af {file}. Gem filen i din editor, så bliver den læst igen.",
        "keys": "Tal: vælg. Enter: se efter ændringer. g: start forfra. r: gentag. q: afslut.",
        "broken_start": "Filen kan ikke spilles endnu. Ret fejlene og gem filen.",
        "wait": "Tryk Enter, når du har gemt (q afslutter): ",
        "broken": "Den gemte fil har fejl. Du spiller videre på den sidste gode udgave.",
        "more": "… og {n} mere. Kør: meeting-trainer check {file}",
        "warnings": "({n} advarsler. Se dem med: meeting-trainer check {file})",
        "pick": "Vælg 1–{n}: ",
        "ended": "Slut: {title}",
        "after_end": "Enter: se efter ændringer. g: start forfra. q: afslut: ",
        "not_a_choice": "Skriv et tal fra 1 til {n}, eller g, r eller q.",
        "restart": "Forfra.",
        "feedback": "({text})",
        "stuck": "Ingen valg er synlige her. Tjek 'if:' i knuden '{node}'.",
        "bye": "Forhåndsvisningen er slut.",
    },
    "en": {
        "intro": "Preview of {file}. Save the file in your editor and it is read again.",
        "keys": "Number: choose. Enter: look for changes. g: start again. r: repeat. q: quit.",
        "broken_start": "The file cannot be played yet. Fix the errors and save the file.",
        "wait": "Press Enter when you have saved (q quits): ",
        "broken": "The saved file has errors. You go on playing the last good version.",
        "more": "… and {n} more. Run: meeting-trainer check {file}",
        "warnings": "({n} warnings. See them with: meeting-trainer check {file})",
        "pick": "Choose 1–{n}: ",
        "ended": "The end: {title}",
        "after_end": "Enter: look for changes. g: start again. q: quit: ",
        "not_a_choice": "Type a number from 1 to {n}, or g, r or q.",
        "restart": "From the start.",
        "feedback": "({text})",
        "stuck": "No choice is visible here. Check the 'if:' in node '{node}'.",
        "bye": "The preview has ended.",
    },
}


class _Quit(Exception):
    pass


class _Preview:
    def __init__(self, path, inp, out, difficulty, statement, lang):
        self.lang = lang if lang in TEXT else "da"
        self.inp, self.out = inp, out
        self.difficulty, self.statement = difficulty, statement
        self.watcher = Watcher(path, lang=self.lang)   # the scenario's text in lang, too
        self.file = str(path)

    def t(self, key: str, **kw) -> str:
        return TEXT[self.lang][key].format(**kw)

    def ask(self, prompt: str) -> str:
        try:
            answer = self.inp(prompt)
        except EOFError:
            raise _Quit() from None
        answer = (answer or "").strip().lower()
        if answer == "q":
            raise _Quit()
        return answer

    def problems(self) -> None:
        w = self.watcher
        for d in w.errors[:MAX_SHOWN]:
            self.out(d.format())
        if len(w.errors) > MAX_SHOWN:
            self.out(self.t("more", n=len(w.errors) - MAX_SHOWN, file=self.file))
        if w.warnings:
            self.out(self.t("warnings", n=len(w.warnings), file=self.file))

    def lines(self, session: Session) -> None:
        for line in session.lines:
            self.out(f"{line.name}: {line.text}" if line.name else line.text)

    def start(self) -> Session:
        w = self.watcher
        while w.scenario is None:
            self.out(self.t("broken_start"))
            self.problems()
            while not w.poll():
                self.ask(self.t("wait"))
        session = w.new_session(self.difficulty, self.statement)
        self.out(session.scenario.title)
        self.out()
        self.lines(session)
        return session

    def reloaded(self, session: Session) -> tuple[Session, bool]:
        """After the file changed: the session to go on with, and whether it is a new one."""
        w = self.watcher
        self.out()
        if not w.ok:
            self.out(self.t("broken"))
            self.problems()
            return session, False
        result = w.replay(session)
        self.out(result.message(self.lang))
        if w.warnings:
            self.out(self.t("warnings", n=len(w.warnings), file=self.file))
        self.out()
        self.lines(result.session)
        return result.session, True

    def run(self) -> int:
        self.out(self.t("intro", file=self.file))
        self.out(self.t("keys"))
        self.out()
        session = self.start()
        while True:
            if session.ended:
                self.out()
                self.out(self.t("ended", title=session.ending_title()))
                if session.node.end.text is not None:
                    self.out(session.ending_text())
                answer = self.ask(self.t("after_end"))
                if self.watcher.poll():
                    session, _ = self.reloaded(session)
                    continue
                if answer == "g":
                    self.out(self.t("restart"))
                    session = self.watcher.new_session(self.difficulty, self.statement)
                    self.lines(session)
                continue
            options = session.options()
            self.out()
            if not options:
                self.out(self.t("stuck", node=session.node.id))
            for o in options:
                self.out(f"{o.number}. {o.text}")
            answer = self.ask(self.t("pick", n=len(options)))
            if self.watcher.poll():
                session, fresh = self.reloaded(session)
                if fresh:
                    continue   # the numbers may mean something else now: show them again
            if answer == "":
                continue
            if answer == "g":
                self.out(self.t("restart"))
                session = self.watcher.new_session(self.difficulty, self.statement)
                self.lines(session)
                continue
            if answer == "r":
                self.lines(session)
                continue
            if not (answer.isdigit() and 1 <= int(answer) <= len(options)):
                self.out(self.t("not_a_choice", n=len(options)))
                continue
            chosen = options[int(answer) - 1]
            session.choose(chosen.number)
            fb = session.feedback_text(chosen.choice)
            if fb:
                self.out(self.t("feedback", text=fb))
            self.out()
            self.lines(session)


def play_watch_terminal(path: str | Path, inp=input, out=print, difficulty: int | None = None,
                        statement=None, lang: str = "da") -> int:
    """Play ``path`` in the terminal, reloading it whenever it is saved. Returns 0."""
    if not Path(path).exists():
        out(f"{path}: " + ("filen findes ikke" if lang == "da" else "no such file"))
        return 2
    preview = _Preview(path, inp, lambda text="": out(text), difficulty, statement, lang)
    try:
        return preview.run()
    except _Quit:
        preview.out()
        preview.out(preview.t("bye"))
        return 0


def main(argv: list[str] | None = None) -> int:
    """``python -m game.authoring.watch_terminal FILE [--difficulty N] [--lang da|en]``."""
    import argparse
    p = argparse.ArgumentParser(prog="python -m game.authoring.watch_terminal",
                                description="Live preview of one scenario file in the terminal.")
    p.add_argument("file")
    p.add_argument("--difficulty", type=int, choices=(1, 2, 3), default=None)
    p.add_argument("--lang", choices=tuple(TEXT), default="da")
    args = p.parse_args(argv)
    return play_watch_terminal(args.file, difficulty=args.difficulty, lang=args.lang)


if __name__ == "__main__":  # pragma: no cover
    import sys
    sys.exit(main())
