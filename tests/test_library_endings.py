"""Every ending of every library scenario can be played to, in both front-ends.

For each scenario, :func:`game.authoring.catalogue.ending_routes` searches the states a
Session goes through (breadth first, difficulty 1 before 2 and 3, no statement before a
statement) and gives a shortest sequence of visible choice numbers to every ending; each
route is confirmed with a real Session. Then:

* **terminal** — every route is typed into ``meeting-trainer play --text`` (the terminal
  front-end, ``game.terminal.play_terminal``) as scripted input, like tests/test_terminal.py;
  the ending's title must be printed and the scores shown;
* **window** — every route is played in the real pygame window with the pilot
  (``game.ui.pilot.Pilot``, SDL dummy driver; run under ``xvfb-run`` as the other UI tests),
  pointed at the scenario file in the real ``scenarios/`` folder (not the frozen copy in
  tests/ui/data). The pilot presses Enter through the lines, the number keys to choose,
  and the meeting must end at that ending with its title on the screen.

The user folder is the per-test temporary MEETING_TRAINER_HOME from tests/conftest.py, so
no autosave, statement or setting leaks between playthroughs or into the user's own files.
"""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest

from game import paths
from game.authoring import catalogue, testplan
from game.engine.session import Session
from game.terminal import play_terminal

from .conftest import ROOT

SCENARIOS = ROOT / "scenarios"
FILES = catalogue.library_files(SCENARIOS)


def _routes():
    out = []
    for f in FILES:
        s = catalogue.load(f)
        routes = catalogue.ending_routes(s)
        for nid, n in s.nodes.items():
            if n.end is None:
                continue
            r = routes.get(nid)
            out.append(pytest.param(f, nid, r, id=f"{s.id}--{nid}"))
    return out


ROUTES = _routes()


def _title(path, route) -> str:
    s = catalogue.load(path)
    session = Session(s, route.difficulty, testplan.SAMPLE_STATEMENT if route.statement else None)
    for n in route.numbers:
        session.choose(n)
    assert session.node.id == route.ending
    return session.ending_title()


def _write_statement(route) -> None:
    """The front-ends read the personal statement from the user folder."""
    if route.statement:
        folder = paths.user_data_dir()
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "statement.json").write_text(
            json.dumps(testplan.SAMPLE_STATEMENT, ensure_ascii=False), encoding="utf-8")


def test_every_ending_has_a_route():
    missing = [p.id for p in ROUTES if p.values[2] is None]
    assert not missing, f"no choice sequence reaches these endings at any setting: {missing}"
    assert len(ROUTES) >= 3 * len(FILES)


# ---------------------------------------------------------------- terminal

@pytest.mark.parametrize("path,ending,route", ROUTES)
def test_terminal_plays_to_the_ending(path, ending, route):
    assert route is not None, f"{path.stem}: no route to '{ending}'"
    _write_statement(route)
    title = _title(path, route)
    answers = [""] + [str(n) for n in route.numbers]   # Enter to start, then the choices
    left = list(answers)
    out: list[str] = []

    def inp(prompt):
        out.append(prompt)
        if not left:
            raise EOFError
        return left.pop(0)

    args = SimpleNamespace(scenario=str(path), lang="da", difficulty=route.difficulty, text=True)
    code = play_terminal(args, inp=inp, out=lambda s="": out.append(s))
    text = "\n".join(out)
    assert code == 0, f"{path.stem} -> {ending}: exit {code}\n{text[-800:]}"
    assert not left, (f"{path.stem} -> {ending}: the terminal stopped with input left "
                      f"{left}; route {route.numbers}\n{text[-800:]}")
    assert title in text, (f"{path.stem} -> {ending}: the title «{title}» was not printed "
                           f"(route {route.numbers} at difficulty {route.difficulty})\n{text[-800:]}")
    tail = text[text.index(title):]
    assert any(ps.label("da") in tail for ps in catalogue.principles(SCENARIOS).values()), (
        f"{path.stem} -> {ending}: no scores were shown after the ending")


# ---------------------------------------------------------------- window

def _texts(widget) -> list[str]:
    return [w.text for w in widget.walk() if isinstance(getattr(w, "text", None), str)]


def _play_window(path, route) -> tuple[str, list[str]]:
    from game.ui.pilot import Pilot
    args = SimpleNamespace(scenario=str(path), text=False, difficulty=route.difficulty,
                           lang="da", watch=None, practice=False)
    p = Pilot((1024, 700), args)
    try:
        p.app.settings.reduced_motion = True     # lines appear at once: the test is about paths
        p.app.apply_settings()
        assert type(p.screen).__name__ == "BriefScreen", (
            f"{path.stem}: the app did not open the scenario's brief (got "
            f"{type(p.screen).__name__})")
        assert p.screen.scenario.id == catalogue.scenario_id(path)
        p.click(f"difficulty.{route.difficulty}")
        p.click("brief.start")
        assert p.screen.session.difficulty == route.difficulty
        todo = list(route.numbers)
        for _ in range(2000):
            s = p.screen
            if type(s).__name__ != "MeetingScreen":
                raise AssertionError(f"{path.stem}: left the meeting early for {type(s).__name__}")
            if s.phase == "lines":
                p.press("RETURN")
            elif s.phase == "choices":
                assert todo, f"{path.stem}: asked to choose again after {route.numbers}"
                n = todo.pop(0)
                assert p.find(f"choice.{n}") is not None, (
                    f"{path.stem}: choice {n} is not shown at '{s.session.node.id}'; "
                    f"keys {p.keys()}")
                p.press(str(n))
            elif s.phase == "feedback":
                p.press("RETURN")
            elif s.phase == "ended":
                break
        s = p.screen
        assert s.phase == "ended", f"{path.stem}: the meeting did not end ({s.phase})"
        assert not todo, f"{path.stem}: the meeting ended with choices left: {todo}"
        card = p.find("ending")
        assert card is not None, f"{path.stem}: no ending card on the screen"
        p.render()
        return s.session.node.id, _texts(card)
    finally:
        p.close()


@pytest.mark.parametrize("path,ending,route", ROUTES)
def test_window_plays_to_the_ending(path, ending, route):
    assert route is not None, f"{path.stem}: no route to '{ending}'"
    _write_statement(route)
    title = _title(path, route)
    reached, shown = _play_window(path, route)
    assert reached == ending, f"{path.stem}: the window ended at '{reached}', not '{ending}'"
    assert title in shown, f"{path.stem} -> {ending}: «{title}» is not on the ending card {shown}"
