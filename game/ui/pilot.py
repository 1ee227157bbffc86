"""A headless driver for tests and screenshots (like Textual's Pilot).

It starts the real :class:`~game.ui.app.App` with SDL's dummy video driver (or under
Xvfb), posts real pygame events — keys, text, mouse — steps frames and saves
screenshots.

    pilot = Pilot((1280, 720))
    pilot.click("start.choose"); pilot.press("RETURN"); pilot.shot("library.png")
"""

from __future__ import annotations

import os
from pathlib import Path

import pygame


class Pilot:
    def __init__(self, size=(1280, 720), args=None, driver: str | None = None):
        if driver or not os.environ.get("SDL_VIDEODRIVER"):
            os.environ["SDL_VIDEODRIVER"] = driver or "dummy"
        os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
        from .app import App
        self.app = App(args, size=size)
        pygame.event.clear()
        self.step()

    # -- state -------------------------------------------------------------------
    @property
    def screen(self):
        return self.app.top

    def find(self, key: str):
        s = self.screen
        if s.dirty_layout:
            s.layout()
        return s.find(key)

    def keys(self) -> list[str]:
        s = self.screen
        if s.dirty_layout:
            s.layout()
        return [w.key for w in s.focusables]

    @property
    def focus_key(self) -> str | None:
        f = self.screen.state.focus
        return f.key if f else None

    # -- input -------------------------------------------------------------------
    def step(self, frames: int = 1, dt: float = 1 / 60) -> None:
        for _ in range(frames):
            self.app.step(dt)

    def settle(self, limit: int = 2000) -> None:
        """Step until nothing animates (e.g. a text reveal has finished)."""
        n = 0
        while self.screen.animating and n < limit and self.app.running:
            self.app.step(0.05)
            n += 1
        self.step()

    def press(self, key: str | int, mod: int = 0, unicode: str = "") -> None:
        code = key if isinstance(key, int) else getattr(pygame, "K_" + key)
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=code, mod=mod, unicode=unicode,
                                             scancode=0))
        pygame.event.post(pygame.event.Event(pygame.KEYUP, key=code, mod=mod, unicode=unicode, scancode=0))
        self.step()

    def type(self, text: str) -> None:
        for ch in text:
            pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=ch))
        self.step()

    def position_of(self, key: str) -> tuple[int, int]:
        s = self.screen
        w = self.find(key)
        if w is None:
            raise LookupError(f"no widget '{key}' on {type(s).__name__}; have {self.keys()}")
        if not s.in_body(w):
            return w.rect.center
        s.reveal(w)
        return w.rect.centerx, w.rect.centery - s.scroll + s.viewport.y

    def click(self, target, button: int = 1) -> None:
        pos = self.position_of(target) if isinstance(target, str) else target
        pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)))
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=button))
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=button))
        self.step()

    def resize(self, w: int, h: int) -> None:
        pygame.display.set_mode((w, h), pygame.RESIZABLE)
        pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, size=(w, h), w=w, h=h))
        self.step()

    # -- output ------------------------------------------------------------------
    def render(self) -> pygame.Surface:
        self.app.render()
        return self.app.surface

    def shot(self, path: str | Path) -> Path:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        pygame.image.save(self.render(), str(path))
        return path

    def close(self) -> None:
        self.app.narrator.stop()
        pygame.display.quit()


def screenshots(folder: str | Path) -> list[Path]:
    """Render the README screenshots (bundled scenarios, a fresh temporary user folder)."""
    import tempfile
    folder = Path(folder)
    os.environ["MEETING_TRAINER_HOME"] = tempfile.mkdtemp(prefix="mt-shots-")
    out: list[Path] = []

    def lines(p):
        for _ in range(200):
            if getattr(p.screen, "phase", None) != "lines":
                return
            p.press("RETURN")
            p.settle()

    def run(size, text_size, hc, prefix, full=True):
        p = Pilot(size)
        p.app.settings.text_size = text_size
        p.app.settings.high_contrast = hc
        p.app.apply_settings()
        if full:
            out.append(p.shot(folder / f"{prefix}start.png"))
        p.click("start.choose")
        sid = "rehab-first-meeting"
        if full:
            p.click(f"note.{sid}")
            out.append(p.shot(folder / f"{prefix}library.png"))
        p.click(f"pick.{sid}")
        p.click("brief.start")
        p.settle()
        for _ in range(3):
            p.press("RETURN")
            p.settle()
        if full:
            out.append(p.shot(folder / f"{prefix}meeting-speaker.png"))
        lines(p)
        out.append(p.shot(folder / f"{prefix}meeting-choices.png"))
        if full:
            p.press("2")
            out.append(p.shot(folder / f"{prefix}feedback.png"))
            p.press("ESCAPE")
            out.append(p.shot(folder / f"{prefix}pause.png"))
            p.click("pause.break")
            p.step(90)
            out.append(p.shot(folder / f"{prefix}break.png"))
            p.press("ESCAPE")
            for _ in range(80):
                s = p.screen
                if type(s).__name__ != "MeetingScreen":
                    break
                if s.phase == "lines":
                    lines(p)
                elif s.phase == "choices":
                    p.press("3" if p.find("choice.3") else "1")
                else:
                    p.press("RETURN")
                    p.settle()
            p.click("checkin.0")
            out.append(p.shot(folder / f"{prefix}debrief.png"))
            p.app.home()
            p.click("start.progress")
            out.append(p.shot(folder / f"{prefix}progress.png"))
            p.app.home()
            p.click("start.settings")
            out.append(p.shot(folder / f"{prefix}settings.png"))
            p.press("ESCAPE")
            p.click("start.statement")
            p.type("Jeg hedder Sam. Jeg har arbejdet tolv år i et køkken, og jeg er god til faste rutiner.")
            out.append(p.shot(folder / f"{prefix}statement.png"))
        p.close()

    run((1280, 720), 100, False, "")
    run((1280, 720), 200, False, "text200-", full=False)
    run((1024, 600), 100, True, "contrast-1024-", full=False)
    return out


if __name__ == "__main__":  # python -m game.ui.pilot docs/screenshots
    import sys
    for path in screenshots(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"):
        print(path)
