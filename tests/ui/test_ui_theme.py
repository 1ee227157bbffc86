"""Contrast of every text colour pair, computed from the theme (WCAG 2 relative luminance)."""

from __future__ import annotations

import pytest

from game.ui.theme import DEFAULT, HIGH_CONTRAST, THEMES, contrast, hex_rgb


def test_contrast_formula_known_values():
    assert contrast((0, 0, 0), (255, 255, 255)) == pytest.approx(21.0)
    assert contrast((255, 255, 255), (255, 255, 255)) == pytest.approx(1.0)
    assert contrast(hex_rgb("#777777"), hex_rgb("#FFFFFF")) == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("theme,minimum", [(DEFAULT, 4.5), (HIGH_CONTRAST, 7.0)])
def test_text_pairs_meet_contrast(theme, minimum):
    assert theme.min_contrast == minimum
    for fg, bg in theme.text_pairs():
        ratio = contrast(theme.c(fg), theme.c(bg))
        assert ratio >= minimum, f"{theme.name}: {fg} on {bg} is {ratio:.2f}:1"


@pytest.mark.parametrize("theme", list(THEMES.values()))
def test_focus_ring_and_outlines_are_visible(theme):
    for fg, bg in theme.ui_pairs():
        ratio = contrast(theme.c(fg), theme.c(bg))
        assert ratio >= 3.0, f"{theme.name}: {fg} against {bg} is {ratio:.2f}:1 (needs 3:1)"
