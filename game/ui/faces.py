"""Procedural people at the meeting table: a face whose expression follows the mood.

Each character gets a stable look from its id (skin tone, hair, clothes), drawn with
simple shapes — no assets to license. Expressions (``tense``, ``guarded``,
``neutral``, ``open``, ``warm``) change brows, eyes and mouth only: calm, never
caricatured. The speaker gets a ring in ``theme.speaker`` and a written label, so
colour is never the only cue.
"""

from __future__ import annotations

import hashlib
import math

import pygame

SKIN = ("#F1D2B6", "#E0B48F", "#C68E62", "#9C6B45", "#6E4A31", "#F5DCC8")
HAIR = ("#2B2220", "#5A3B28", "#8A6A45", "#B8B2A8", "#3A3A3A", "#7A4A2A")
CLOTHES = ("#5E7F8A", "#7D6B91", "#6F8A5E", "#A0715A", "#4F6A8F", "#8A7F6A")
INK = (40, 36, 34)


def _pick(cid: str) -> list[int]:
    h = hashlib.sha256(cid.encode("utf-8")).digest()
    return list(h)


def _rgb(h: str) -> tuple[int, int, int]:
    h = h.lstrip("#")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


def draw_person(surf: pygame.Surface, center: tuple[int, int], d: int, cid: str,
                expression: str, speaking: bool, theme) -> pygame.Rect:
    """Draw head and shoulders with the head centred at ``center`` and diameter ``d``.

    Returns the bounding rect of what was drawn.
    """
    b = _pick(cid)
    skin = _rgb(SKIN[b[0] % len(SKIN)])
    hair = _rgb(HAIR[b[1] % len(HAIR)])
    cloth = _rgb(CLOTHES[b[2] % len(CLOTHES)])
    style = b[3] % 4
    cx, cy = center
    r = d // 2
    hw = int(d * 0.84)  # head width
    # shoulders and neck
    body = pygame.Rect(0, 0, int(d * 1.5), int(d * 1.2))
    body.midtop = (cx, cy + int(r * 0.95))
    pygame.draw.ellipse(surf, cloth, body)
    pygame.draw.rect(surf, skin, (cx - r // 4, cy + r // 2, r // 2, int(r * 0.55)))
    collar = pygame.Rect(0, 0, int(r * 0.7), int(r * 0.35))
    collar.midtop = (cx, cy + int(r * 0.95))
    pygame.draw.ellipse(surf, skin, collar)
    # hair behind the head (longer styles)
    if style in (1, 3):
        back = pygame.Rect(0, 0, int(hw * 1.18), int(d * (0.98 if style == 1 else 0.8)))
        back.midtop = (cx, cy - int(r * 1.08))
        pygame.draw.ellipse(surf, hair, back)
    # ears, head
    for sx in (-1, 1):
        ear = pygame.Rect(0, 0, int(r * 0.26), int(r * 0.38))
        ear.center = (cx + sx * hw // 2, cy + int(r * 0.05))
        pygame.draw.ellipse(surf, skin, ear)
    head = pygame.Rect(0, 0, hw, d)
    head.center = (cx, cy)
    pygame.draw.ellipse(surf, skin, head)
    # hair on top: the head shape, clipped above the hairline
    hairline = cy - int(r * (0.42 if style != 2 else 0.55))
    old = surf.get_clip()
    top = pygame.Rect(cx - d, cy - d, 2 * d, hairline - (cy - d))
    surf.set_clip(top.clip(old) if old else top)
    cap = head.inflate(int(r * 0.12), int(r * 0.1)).move(0, -int(r * 0.06))
    pygame.draw.ellipse(surf, hair, cap)
    surf.set_clip(old)
    if style == 0:  # a side parting: a soft sweep over the forehead
        sweep = pygame.Rect(0, 0, int(hw * 0.6), int(r * 0.34))
        sweep.midleft = (cx - hw // 2 + int(r * 0.05), hairline)
        pygame.draw.ellipse(surf, hair, sweep)
    _face(surf, cx, cy, r, expression, skin)
    if speaking:
        ring = max(3, d // 18)
        pygame.draw.circle(surf, theme.c("speaker"), (cx, cy), int(r * 1.3), ring)
    return pygame.Rect(cx - int(d * 0.75), cy - int(r * 1.3), int(d * 1.5), int(r * 1.3 + d * 1.6))


def _face(surf, cx, cy, r, expression, skin) -> None:
    lw = max(2, r // 11)
    ex = int(r * 0.34)
    ey = cy + int(r * 0.02)
    eye_w = max(4, int(r * 0.17))
    eye_h = max(4, int(r * (0.2 if expression not in ("guarded", "tense") else 0.13)))
    # brows: tense = worried (inner ends raised), guarded = lowered and flat, open/warm = lifted
    brow_tilt = {"tense": -0.1, "guarded": 0.03, "neutral": 0.0, "open": 0.0, "warm": 0.0}.get(expression, 0.0)
    brow_y = ey - int(r * {"guarded": 0.26, "open": 0.38, "warm": 0.34}.get(expression, 0.31))
    for sx in (-1, 1):
        x = cx + sx * ex
        if expression == "warm":  # smiling eyes: soft upward arcs
            rect = pygame.Rect(x - eye_w // 2 - 1, ey - eye_h // 2, eye_w + 2, eye_h + 2)
            pygame.draw.arc(surf, INK, rect, math.radians(15), math.radians(165), lw)
        else:
            pygame.draw.ellipse(surf, INK, (x - eye_w // 2, ey - eye_h // 2, eye_w, eye_h))
        inner = (cx + sx * int(r * 0.14), brow_y + int(r * brow_tilt))
        outer = (cx + sx * int(r * 0.5), brow_y - int(r * brow_tilt * 0.4))
        pygame.draw.line(surf, INK, inner, outer, lw)
    # nose
    pygame.draw.line(surf, _shade(skin), (cx, ey + int(r * 0.12)), (cx - int(r * 0.06), ey + int(r * 0.3)), lw)
    # mouth
    my = cy + int(r * 0.5)
    mw = int(r * 0.56)
    if expression in ("warm", "open"):
        depth = int(r * (0.22 if expression == "warm" else 0.12))
        rect = pygame.Rect(cx - mw // 2, my - depth * 2, mw, depth * 2 + 2)
        pygame.draw.arc(surf, INK, rect, math.radians(200), math.radians(340), lw)
    elif expression == "tense":
        depth = int(r * 0.09)
        rect = pygame.Rect(cx - mw // 2, my, mw, depth * 2 + 2)
        pygame.draw.arc(surf, INK, rect, math.radians(25), math.radians(155), lw)
    else:
        w = mw if expression == "neutral" else int(mw * 0.75)
        pygame.draw.line(surf, INK, (cx - w // 2, my), (cx + w // 2, my), lw)


def _shade(rgb):
    return tuple(max(0, int(c * 0.78)) for c in rgb)
