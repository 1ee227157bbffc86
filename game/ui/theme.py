"""Colours, type scale and spacing: the calm default theme and a high-contrast theme.

Every pair of colours used for text is listed in :meth:`Theme.text_pairs`, and a test
computes their WCAG contrast (≥ 4.5:1 default, ≥ 7:1 high contrast).
"""

from __future__ import annotations

from dataclasses import dataclass, fields

RGB = tuple[int, int, int]


def hex_rgb(h: str) -> RGB:
    h = h.lstrip("#")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


def _channel(c: int) -> float:
    s = c / 255
    return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4


def luminance(rgb: RGB) -> float:
    """WCAG 2 relative luminance."""
    r, g, b = (_channel(c) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: RGB, b: RGB) -> float:
    """WCAG 2 contrast ratio between two colours (1 … 21)."""
    la, lb = luminance(a), luminance(b)
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)


@dataclass(frozen=True)
class Theme:
    name: str
    bg: str              # the page
    surface: str         # cards, panels, the dialogue box
    surface_alt: str     # quiet panels (notices, the feedback card)
    text: str
    muted: str           # secondary text (titles, hints)
    border: str          # card and field outlines (non-text, ≥ 3:1 on bg)
    primary: str         # main button fill
    on_primary: str      # text on the main button
    secondary: str       # other buttons
    on_secondary: str
    selected: str        # a chosen toggle / filter
    on_selected: str
    focus: str           # the focus ring (non-text, ≥ 3:1 against bg and surface)
    speaker: str         # the ring around whoever speaks
    wall: str            # meeting room
    table: str
    chart: str           # bars in the debrief chart
    chart_track: str
    selection: str       # selected text in a text field
    on_selection: str
    min_contrast: float = 4.5

    def c(self, name: str) -> RGB:
        return hex_rgb(getattr(self, name))

    def text_pairs(self) -> list[tuple[str, str]]:
        """(foreground, background) attribute names of every text colour pairing used."""
        return [("text", "bg"), ("muted", "bg"), ("text", "surface"), ("muted", "surface"),
                ("text", "surface_alt"), ("muted", "surface_alt"),
                ("on_primary", "primary"), ("on_secondary", "secondary"),
                ("on_selected", "selected"), ("on_selection", "selection"),
                ("text", "wall")]

    def ui_pairs(self) -> list[tuple[str, str]]:
        """Non-text pairs that must reach 3:1 (WCAG 1.4.11): focus ring, speaker ring, borders."""
        return [("focus", "bg"), ("focus", "surface"), ("speaker", "wall"), ("border", "bg"),
                ("chart", "chart_track")]

    def as_dict(self) -> dict[str, str]:
        return {f.name: getattr(self, f.name) for f in fields(self) if isinstance(getattr(self, f.name), str)}


#: "Fjord": warm paper, slate ink, a quiet sea-green for actions, deep blue for focus.
DEFAULT = Theme(
    name="default",
    bg="#F4F1EA", surface="#FFFFFF", surface_alt="#E8EFEC",
    text="#1D2830", muted="#4A5761", border="#7C8A8F",
    primary="#2B6660", on_primary="#FFFFFF",
    secondary="#E3E9E6", on_secondary="#1D2830",
    selected="#1D2830", on_selected="#FFFFFF",
    focus="#1C4E9A", speaker="#2B6660",
    wall="#DDE6E2", table="#A88F72",
    chart="#2B6660", chart_track="#D2DBD7",
    selection="#1C4E9A", on_selection="#FFFFFF",
    min_contrast=4.5,
)

#: High contrast: white on black, yellow actions and focus.
HIGH_CONTRAST = Theme(
    name="high_contrast",
    bg="#000000", surface="#101010", surface_alt="#1A1A1A",
    text="#FFFFFF", muted="#E8E8E8", border="#FFFFFF",
    primary="#FFE15A", on_primary="#000000",
    secondary="#262626", on_secondary="#FFFFFF",
    selected="#FFFFFF", on_selected="#000000",
    focus="#5CE1FF", speaker="#FFE15A",
    wall="#1A1A1A", table="#6B6B6B",
    chart="#FFE15A", chart_track="#3A3A3A",
    selection="#5CE1FF", on_selection="#000000",
    min_contrast=7.0,
)

THEMES = {"default": DEFAULT, "high_contrast": HIGH_CONTRAST}

#: Type scale as multiples of the body size.
TYPE_SCALE = {"small": 0.85, "body": 1.0, "dialogue": 1.12, "h3": 1.12, "h2": 1.3, "h1": 1.65}
BODY_PX = 22          # body size at 100 % text in a 1280×720 window


@dataclass(frozen=True)
class Metrics:
    """Sizes for one window size and text size: spacing follows the window, type both."""

    ui: float           # window scale (1.0 at 1280×720)
    text_scale: float   # the player's text size (1.0 … 2.0)

    @classmethod
    def for_window(cls, w: int, h: int, text_percent: int) -> "Metrics":
        ui = max(0.85, min(1.6, min(w / 1280, h / 720)))
        return cls(ui, max(1.0, min(2.0, text_percent / 100)))

    def px(self, role: str) -> int:
        return max(12, round(BODY_PX * TYPE_SCALE[role] * self.ui * self.text_scale))

    def space(self, n: float = 1) -> int:
        """Spacing unit (8 px at 1280×720), grows a little with the text size."""
        return max(4, round(8 * n * self.ui * (1 + (self.text_scale - 1) * 0.35)))

    @property
    def ring(self) -> int:
        return max(3, round(3 * self.ui))

    @property
    def radius(self) -> int:
        return max(6, round(10 * self.ui))
