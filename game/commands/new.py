"""``meeting-trainer new``: write a starter scenario (and its test plan) to edit.

    meeting-trainer new                              # asks for id, family, role, title
    meeting-trainer new --id mit-moede --family authority --role citizen
    meeting-trainer new --id mit-moede --out /sti/til/mit-moede.yaml

Questions are asked only for what is not given as an option; pressing Enter
takes the default shown in brackets. Answers can also come through a pipe or a
file (``printf 'mit-moede\n1\n1\nTitel\n' | meeting-trainer new``); each answer
is then echoed after its question, and when the answers run out the defaults
are used. With --yes, or when standard input is neither a terminal, a pipe nor
a file (e.g. /dev/null), the defaults are used without asking. The file is never overwritten. Exit status: 0 written,
2 bad usage (invalid id, existing file, unknown family or role).
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

from ..engine.model import FAMILIES, ROLES


def register(sub) -> None:
    p = sub.add_parser(
        "new", help="write a starter scenario (asks for id, family, role and title)",
        description="Write a small, complete starter scenario in Danish with helpful comments, "
                    "and a starter test plan beside it. Asks for what is not given as an option.")
    p.add_argument("--id", dest="sid", metavar="ID", help="the scenario id, e.g. mit-moede")
    p.add_argument("--family", choices=FAMILIES, help="the kind of meeting")
    p.add_argument("--role", choices=ROLES, help="who the player is")
    p.add_argument("--title", help="the title shown in the library")
    p.add_argument("--out", metavar="FILE", help="where to write it (default: scenarios/<id>.yaml)")
    p.add_argument("--no-plan", action="store_true", help="do not write a starter test plan")
    p.add_argument("-y", "--yes", action="store_true",
                   help="ask nothing: use the defaults for what is not given")
    p.set_defaults(func=run)


class _Asker:
    def __init__(self, inp, out, enabled: bool):
        self.inp, self.out, self.enabled = inp, out, enabled

    def ask(self, prompt: str, default: str) -> str:
        if not self.enabled:
            return default
        try:
            answer = self.inp(f"{prompt} [{default}]: ").strip()
        except EOFError:
            self.enabled = False
            return default
        return answer or default

    def pick(self, prompt: str, options: tuple[str, ...], words: dict[str, str], default: str) -> str:
        if not self.enabled:
            return default
        self.out(prompt)
        for i, o in enumerate(options, 1):
            self.out(f"  {i}. {o} — {words[o]}")
        while True:
            answer = self.ask("Skriv nummer eller navn", default)
            if answer.isdigit() and 1 <= int(answer) <= len(options):
                return options[int(answer) - 1]
            if answer in options:
                return answer
            self.out(f"  Vælg 1–{len(options)} eller et af navnene.")
            if not self.enabled:
                return default


def _stdin_kind() -> str:
    """'tty', 'piped' (a pipe or a file: answers to read) or 'none' (nothing to ask)."""
    stream = sys.stdin
    if stream is None:
        return "none"
    try:
        if stream.isatty():
            return "tty"
        mode = os.fstat(stream.fileno()).st_mode
    except (OSError, ValueError, AttributeError):
        return "none"
    return "piped" if stat.S_ISFIFO(mode) or stat.S_ISREG(mode) else "none"


def _piped_input(prompt: str) -> str:
    """``input`` for answers from a pipe: show the question and the answer read, as a
    terminal would, so the transcript reads like a dialogue."""
    sys.stdout.write(prompt)
    line = sys.stdin.readline()
    if not line:
        sys.stdout.write("\n")
        sys.stdout.flush()
        raise EOFError
    answer = line.rstrip("\r\n")
    sys.stdout.write(answer + "\n")
    sys.stdout.flush()
    return answer


def run(args, inp=None, out=print, interactive: bool | None = None) -> int:
    """The command. ``interactive`` None: ask when standard input is a terminal, or read
    the answers when it is a pipe or a file."""
    from ..authoring import scaffold
    from ..cli import UsageError, _out
    if interactive is None:
        kind = _stdin_kind()
        interactive = kind != "none"
        if inp is None and kind == "piped":
            inp = _piped_input
    return create(args, _Asker(inp or input, out, interactive and not args.yes), scaffold,
                  UsageError, _out)


def create(args, asker: _Asker, scaffold, UsageError, _out) -> int:
    out_path = Path(args.out) if args.out else None
    folder = out_path.parent if out_path else scaffold.default_folder()
    if asker.enabled:
        asker.out("Nyt scenarie. Tryk Enter for at bruge forslaget i [klammer].")
    sid = args.sid
    while sid is None:
        guess = out_path.stem if out_path else scaffold.free_id(folder)
        answer = asker.ask("Id (små bogstaver, tal og '-')", guess)
        if scaffold.valid_id(answer):
            sid = answer
        elif not asker.enabled:
            raise UsageError(f"'{answer}' is not a valid scenario id")
        else:
            asker.out("  Brug små bogstaver a-z, tal og '-', fx mit-moede.")
    if not scaffold.valid_id(sid):
        raise UsageError(f"'{sid}' is not a valid scenario id: use lowercase letters, digits "
                         "and '-', e.g. mit-moede")
    family = args.family or asker.pick("Hvilken slags møde?", FAMILIES, scaffold.FAMILY_WORDS,
                                       "authority")
    role = args.role or asker.pick("Hvem er spilleren?", ROLES, scaffold.ROLE_WORDS, "citizen")
    title = args.title or asker.ask("Titel", scaffold.DEFAULT_TITLES[family])
    target = out_path or folder / f"{sid}.yaml"
    if target.suffix not in (".yaml", ".yml"):
        raise UsageError(f"--out should end in .yaml: {target}")
    try:
        written = scaffold.write_scenario(sid, family, role, title, target,
                                          with_plan=not args.no_plan)
    except scaffold.ScaffoldError as exc:
        raise UsageError(str(exc)) from None
    _out(f"Skrev {written.scenario}")
    if written.plan:
        _out(f"Skrev {written.plan}")
    if written.plan_skipped:
        _out(f"Bemærk: {written.plan_skipped}", err=True)
    _out(f"Næste skridt: meeting-trainer check {written.scenario}")
    return 0
