"""Danish letters render, long and odd text wraps, and nothing is clipped at 200 % text."""

from __future__ import annotations

import pygame
import pytest

from game.ui.fonts import FontBook

from .conftest import play_lines


@pytest.fixture
def fonts():
    pygame.font.init()
    return FontBook()


def test_bundled_fonts_are_found(fonts):
    assert fonts.notices == []
    assert fonts.files["regular"].name == "AtkinsonHyperlegible-Regular.ttf"
    assert fonts.files["bold"].name == "AtkinsonHyperlegible-Bold.ttf"


def test_danish_letters_render(fonts):
    f = fonts.get("regular", 32)
    assert f.size("æøå")[0] != f.size("aoa")[0]
    assert fonts.danish_ok()
    box = pygame.image.tobytes(f.render("\U0010FFFD", True, (0, 0, 0), (255, 255, 255)), "RGB")
    for ch in "æøåÆØÅ":
        glyph = pygame.image.tobytes(f.render(ch, True, (0, 0, 0), (255, 255, 255)), "RGB")
        assert glyph != box, f"{ch} renders as the missing-glyph box"
    assert not fonts.has_glyph("regular", "\U0001F600")  # emoji: not in the main font


def test_wrap_measures_and_breaks_long_words(pilot):
    ts = pilot.app.type
    width = 300
    lines = ts.wrap("Rehabiliteringsteamets" * 8 + " og så videre med æøå", "body", width)
    assert len(lines) > 2
    assert all(ts.width("body", s) <= width for s in lines)


def test_emoji_and_symbols_render_without_error(pilot):
    ts = pilot.app.type
    surf = ts.render_line("Hej 😀 ✓ → æøå", "body", (0, 0, 0))
    assert surf.get_width() > ts.width("body", "Hej   æøå")


def _all_records_fit(p):
    ts = p.app.type
    ts.record = []
    p.render()
    w = p.app.surface.get_width()
    bad = []
    for text_rect, box, _ in ts.record:
        if (text_rect.left < box.left - 1 or text_rect.right > box.right + 1
                or text_rect.top < box.top - 2 or text_rect.bottom > box.bottom + 2):
            bad.append((text_rect, box))
        if text_rect.right > w or text_rect.left < 0:
            bad.append((text_rect, "window"))
    ts.record = None
    return bad


@pytest.mark.parametrize("size", [(1280, 720), (1024, 600)])
def test_text_at_200_percent_fits_every_screen(pilot_factory, size):
    p = pilot_factory(size)
    p.app.settings.text_size = 200
    p.app.apply_settings()
    p.step()
    screens = []

    def check(name):
        bad = _all_records_fit(p)
        assert not bad, f"{name}: text outside its box: {bad[:3]}"
        screens.append(name)

    check("start")
    p.click("start.choose"); check("library")
    p.click("note.rehab-first-meeting"); check("library-note")
    p.click("pick.rehab-first-meeting"); check("brief")
    p.click("brief.start"); p.settle(); check("meeting")
    play_lines(p); check("choices")
    p.press("1"); check("feedback")
    p.press("ESCAPE"); check("pause")
    p.click("pause.settings"); check("settings")
    p.press("ESCAPE"); p.click("pause.break"); check("break")
    assert len(screens) == 10
