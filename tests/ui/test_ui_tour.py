"""Drive the real window through every screen with posted pygame events, and compare screenshots.

library → statement → meeting → feedback → pause → resume → debrief → settings, with the
keyboard only, and again with the mouse only.
"""

from __future__ import annotations

import json

import pygame

from game import paths

from .conftest import check_ref, play_lines


def _name(p) -> str:
    return type(p.screen).__name__


def test_keyboard_only_tour(pilot):
    p = pilot
    assert pygame.IS_CE
    assert _name(p) == "StartScreen"
    check_ref(p, "start")
    assert p.focus_key == "start.choose"          # the main action has the focus at once
    # library (Enter on the focused button)
    p.press("RETURN")
    assert _name(p) == "LibraryScreen"
    check_ref(p, "library")
    # back, then the statement editor (Tab moves focus)
    p.press("ESCAPE")
    assert _name(p) == "StartScreen"
    p.press("TAB")
    assert p.focus_key == "start.statement"
    p.press("RETURN")
    assert _name(p) == "StatementScreen"
    assert p.focus_key == "statement.intro"
    p.type("Jeg hedder Åse. Jeg er grundig og kan lide faste opgaver.")
    p.press("TAB")
    p.type("Rolige morgener og ærlige svar.")
    saved = json.loads((paths.user_data_dir() / "statement.json").read_text(encoding="utf-8"))
    assert saved["intro"].startswith("Jeg hedder Åse")
    assert saved["important"] == "Rolige morgener og ærlige svar."
    p.press("ESCAPE")
    assert _name(p) == "StartScreen" and p.focus_key == "start.statement"  # focus is kept
    # into the library and pick the meeting with the keyboard
    p.press("UP")
    p.press("RETURN")
    assert _name(p) == "LibraryScreen"
    while p.focus_key != "pick.rehab-first-meeting":
        p.press("TAB")
    p.press("RETURN")
    assert _name(p) == "BriefScreen"
    p.press("RETURN")                            # "Start mødet" has the focus
    assert _name(p) == "MeetingScreen"
    p.settle()
    play_lines(p)
    assert p.screen.phase == "choices"
    assert p.focus_key == "choice.1"
    check_ref(p, "meeting-choices")
    # arrows + Enter choose
    p.press("DOWN")
    assert p.focus_key == "choice.2"
    p.press("RETURN")
    assert p.screen.phase == "feedback"
    assert (paths.user_data_dir() / "autosave-window.json").exists()   # saved after the choice
    # pause and resume
    p.press("ESCAPE")
    assert _name(p) == "PauseScreen"
    check_ref(p, "pause")
    p.press("RETURN")
    assert _name(p) == "MeetingScreen" and p.screen.phase == "feedback"
    # play on to the end with number keys
    for _ in range(100):
        s = p.screen
        if _name(p) != "MeetingScreen":
            break
        if s.phase == "lines":
            play_lines(p)
        elif s.phase == "choices":
            p.press("1")
        elif s.phase in ("feedback", "ended"):
            p.press("RETURN")
            p.settle()
    assert _name(p) == "DebriefScreen"
    assert not (paths.user_data_dir() / "autosave-window.json").exists()
    assert p.find("debrief.again") is not None
    # settings from the start page
    p.app.home()
    p.step()
    while p.focus_key != "start.settings":
        p.press("TAB")
    p.press("RETURN")
    assert _name(p) == "SettingsScreen"
    check_ref(p, "settings")


def test_mouse_only_tour(pilot):
    p = pilot
    p.click("start.choose")
    p.click("pick.rehab-first-meeting")
    p.click("difficulty.2")
    assert p.screen.difficulty == 2
    p.click("brief.start")
    assert _name(p) == "MeetingScreen" and p.screen.session.difficulty == 2
    p.click("header.pause")
    assert _name(p) == "PauseScreen"
    p.click("pause.resume")
    for _ in range(200):
        s = p.screen
        if _name(p) != "MeetingScreen":
            break
        if s.phase == "lines":
            p.click("meeting.continue")
            p.settle()
        elif s.phase == "choices":
            p.click("choice.1")
        elif s.phase == "feedback":
            p.click("feedback.continue")
            p.settle()
        elif s.phase == "ended":
            p.click("meeting.finish")
    assert _name(p) == "DebriefScreen"
    p.click("checkin.3")                       # "I'd like to settle for a moment first"
    assert p.screen.checked_in == 3
    p.click("debrief.replay")
    assert p.find("moment.1") is not None
    p.click("debrief.again")
    assert _name(p) == "MeetingScreen"


def test_break_screen_and_save_and_leave(pilot):
    p = pilot
    p.click("start.choose")
    p.click("pick.rehab-first-meeting")
    p.click("brief.start")
    p.press("ESCAPE")
    p.click("pause.break")
    assert _name(p) == "BreakScreen"
    p.step(5)
    p.click("break.leave")
    assert _name(p) == "StartScreen"
    assert (paths.user_data_dir() / "autosave-window.json").exists()
    assert p.find("start.continue") is not None


def test_every_focusable_is_reachable_and_ringed(pilot):
    p = pilot
    p.press("RETURN")  # library
    seen = set()
    for _ in range(len(p.keys()) + 1):
        seen.add(p.focus_key)
        p.press("TAB")
    assert seen == set(p.keys())
    # the focus ring is drawn in theme.focus around the focused widget
    w = p.screen.state.focus
    p.screen.reveal(w)
    surf = p.render()
    ring = p.app.metrics.ring
    r = w.rect.move(0, p.screen.viewport.y - p.screen.scroll) if p.screen.in_body(w) else w.rect
    probe = (r.centerx, r.top - ring - 1)
    colour = tuple(surf.get_at(probe))[:3]
    assert colour == p.app.theme.c("focus")
