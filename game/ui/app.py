"""The window: display check, the screen stack, and a loop that redraws only on change.

When nothing moves the loop sleeps in ``pygame.event.wait()`` (no timeout), so an
idle window costs almost no CPU. While text is revealed or the breathing circle
moves, it draws at most 60 frames a second.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from .. import paths
from ..i18n import t, tn

MIN_SIZE = (1024, 600)
DEFAULT_SIZE = (1280, 720)


def _has_display() -> bool:
    if os.environ.get("SDL_VIDEODRIVER") in ("dummy", "offscreen"):
        return True
    if sys.platform.startswith("linux") or "bsd" in sys.platform:
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


def run_app(args) -> int:
    """``meeting-trainer play``: the window, or the terminal mode when there is no screen."""
    lang = getattr(args, "lang", None) or "da"
    try:
        import pygame
    except ImportError:
        pygame = None
    if pygame is None or not getattr(pygame, "IS_CE", False):
        print(t("ui.not_ce", lang), file=sys.stderr)
        return _terminal(args)
    if not _has_display():
        print(t("ui.no_display", lang), file=sys.stderr)
        return _terminal(args)
    try:
        app = App(args)
    except pygame.error:
        print(t("ui.no_display", lang), file=sys.stderr)
        return _terminal(args)
    return app.run()


def _terminal(args) -> int:
    from ..terminal import play_terminal
    return play_terminal(args)


class App:
    """Owns the window, settings, fonts, library and the stack of screens."""

    def __init__(self, args=None, size: tuple[int, int] | None = None, start=True):
        import pygame
        self.pg = pygame
        self.t_launch = time.perf_counter()
        self.args = args
        os.environ.setdefault("SDL_VIDEO_ALLOW_SCREENSAVER", "1")
        if sys.platform.startswith("linux"):
            # We draw in software; on X11 the native (shared-memory) framebuffer sends a
            # changed rectangle to the screen in < 1 ms, where the default OpenGL path
            # costs 6–10 ms per update whatever its size (measured under Xvfb).
            os.environ.setdefault("SDL_FRAMEBUFFER_ACCELERATION", "0")
        pygame.display.init()
        pygame.font.init()
        from . import settings as settings_mod
        self.settings = settings_mod.load()
        if args is not None and getattr(args, "lang", None):
            self.settings.lang = args.lang
        self.notices: list[str] = []
        self.settings_forgotten = False   # True after "delete all my data" until a setting changes
        if self.settings.notice:
            self.notices.append(t(self.settings.notice, self.settings.lang))
        size = size or self.settings.window or DEFAULT_SIZE
        flags = pygame.RESIZABLE
        if self.settings.fullscreen and size is None:
            flags |= pygame.FULLSCREEN
        pygame.display.set_caption(t("ui.window_title", self.settings.lang))
        self.surface = pygame.display.set_mode(size, flags)
        if self.settings.fullscreen and os.environ.get("SDL_VIDEODRIVER") != "dummy":
            try:
                pygame.display.toggle_fullscreen()
            except pygame.error:
                self.settings.fullscreen = False
        self._set_minimum_size()
        try:
            pygame.key.set_repeat(400, 35)
            pygame.key.start_text_input()
        except pygame.error:
            pass
        from .fonts import FontBook
        from .text import Typesetter
        from .theme import THEMES, Metrics
        self.fonts = FontBook()
        for key, values in self.fonts.notices:
            self.notices.append(t(key, self.settings.lang, **values))
        self.metrics = Metrics.for_window(*self.surface.get_size(), self.settings.text_size)
        self.theme = THEMES["high_contrast" if self.settings.high_contrast else "default"]
        self.type = Typesetter(self.fonts, self.metrics)
        from .tts import Narrator
        self.narrator = Narrator()
        self.dirty = True
        self.running = True
        self.stack = []
        self.first_frame_s: float | None = None
        self.load_library()
        self.statement = self.load_statement()
        self.watch = Path(args.watch) if args is not None and getattr(args, "watch", None) else None
        self.watcher = None       # authors' preview: game.authoring.watch.Watcher on FILE
        self._watch_checked = 0.0
        if self.watch is not None:
            from ..authoring.watch import Watcher
            self.watcher = Watcher(self.watch, principles=self.principles or None)
            self._watch_id = self.watcher.scenario.id if self.watcher.scenario else None
        if start:
            from .screens.start import StartScreen
            self.stack.append(StartScreen(self))
            scenario = (getattr(args, "scenario", None) or getattr(args, "watch", None)) if args is not None else None
            if scenario and Path(scenario).is_file() and len(self.library.scenarios) == 1:
                from .screens.library import BriefScreen
                self.push(BriefScreen(self, next(iter(self.library.scenarios.values()))))
            if self.watcher is not None and not self.watcher.ok:
                self._show_watch_errors()

    def _set_minimum_size(self) -> None:
        import warnings
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", DeprecationWarning)
                win = self.pg.Window.from_display_module()
            win.minimum_size = MIN_SIZE
        except (AttributeError, self.pg.error):
            pass

    # -- data ---------------------------------------------------------------------
    def load_library(self) -> None:
        from ..engine.diagnostics import ScenarioError
        from ..engine.library import Library, check_files, load_folder, scenario_files
        from ..engine.principles import find_principles_file, load_principles
        lang = self.settings.lang
        scenario = None
        if self.args is not None:
            scenario = getattr(self.args, "scenario", None) or getattr(self.args, "watch", None)
        try:
            if scenario:
                pf = find_principles_file(scenario, default=paths.principles_file())
                self.principles = load_principles(pf)
                files, _ = scenario_files([scenario])
                self.library = check_files(files, self.principles, paths.cache_dir())
            else:
                self.principles = load_principles(paths.principles_file())
                self.library = load_folder(paths.scenarios_dir(), paths.principles_file(), paths.cache_dir())
        except (ScenarioError, OSError):
            self.principles = {}
            self.library = Library()
        broken = sorted(self.library.broken_files())
        if broken:
            self.notices.append(tn("ui.notice.broken", len(broken), lang,
                                  files=", ".join(Path(b).name for b in broken)))
        if not self.library.scenarios:
            self.notices.append(t("ui.notice.no_scenarios", lang))
        self.principle_ids = tuple(self.principles) or None
        #: the scenarios as written (Danish); library.scenarios holds them as shown
        self.sources = dict(self.library.scenarios)
        self._shown_cache: dict = {}
        self.localize_library()

    # -- the scenarios' own text in the settings language ----------------------------
    def localize_library(self) -> None:
        """Show every scenario in the settings language (its translation file, Danish per
        line where a row is missing). Every card, briefing and meeting reads
        ``library.scenarios`` and :attr:`shown`, so this is the one place that translates."""
        from ..catalog import Shown
        lang = self.settings.lang
        shown = {}
        for sid, src in self.sources.items():
            sh = self._shown_cache.get((sid, lang))
            if sh is None or sh.source is not src:
                sh = self._shown_cache[(sid, lang)] = Shown(src, lang)
            shown[sid] = sh
        self.shown = shown
        self.library.scenarios = {sid: sh.scenario for sid, sh in shown.items()}
        self._shown_lang = lang

    def localize_session(self, session) -> None:
        """Show ``session`` in the settings language (MeetingScreen calls this for every
        session it is given: new, resumed, played again or reloaded)."""
        from ..engine.session import SessionError
        sh = self.shown.get(session.scenario.id)
        if sh is None:
            return
        try:
            sh.apply(session)
        except SessionError:   # a session on another version of the file: left as it is
            pass

    def load_statement(self) -> dict:
        from ..storage import read_json
        p = paths.user_data_dir() / "statement.json"
        if not p.exists():
            return {}
        data = read_json(p)
        if not isinstance(data, dict):
            try:
                p.replace(p.with_name("statement.unreadable.json"))
            except OSError:
                pass
            self.notices.append(t("ui.notice.statement_unreadable", self.settings.lang))
            return {}
        return {k: v for k, v in data.items() if isinstance(v, str)}

    def poll_watch(self) -> bool:
        """Authors' preview (``play --watch FILE``): reload FILE after it is saved.

        :class:`~game.authoring.watch.Watcher` notices the change. A version without errors
        replaces the scenario: a running meeting of it is rebuilt with the choices so far
        (by id, text or a similar text) and the error screen, if shown, closes. A version
        with errors (say, YAML saved half-written) shows the checker's errors in the window;
        the last good version stays playable. True when the window changed.
        """
        now = time.monotonic()
        if self.watcher is None or now - self._watch_checked < 1.0:
            return False
        self._watch_checked = now
        w = self.watcher
        if not w.poll():
            return False
        for d in w.diagnostics:
            print(d.format(), file=sys.stderr)
        if not w.ok:
            self._show_watch_errors()
            self.dirty = True
            return True
        from .screens.watch import WatchErrorScreen
        self.stack[:] = [s for s in self.stack if not isinstance(s, WatchErrorScreen)] or self.stack[:1]
        self._watch_reloaded(w)
        self.top.on_enter()
        self.dirty = True
        return True

    def _show_watch_errors(self) -> None:
        from .screens.watch import WatchErrorScreen
        if isinstance(self.top, WatchErrorScreen):
            self.top.show(self.watcher)
        else:
            self.push(WatchErrorScreen(self, self.watcher))

    def _watch_reloaded(self, w) -> None:
        """Put the new version of the watched scenario in the library and in open screens."""
        from .screens.library import BriefScreen
        from .screens.meeting import MeetingScreen
        scenario = w.scenario
        old = getattr(self, "_watch_id", None)
        if old is not None and old != scenario.id:   # the author changed the id
            self.sources.pop(old, None)
        self._watch_id = scenario.id
        self.sources[scenario.id] = scenario
        self.localize_library()
        ids = {scenario.id, old}
        placed = False
        for i, screen in enumerate(self.stack):
            if isinstance(screen, MeetingScreen) and screen.session.scenario.id in ids:
                result = w.replay(screen.session)
                message = result.message(self.settings.lang)
                print(message, file=sys.stderr)
                self.stack[i] = MeetingScreen(self, result.session, resumed=True, banner=message)
                self.stack[i].invalidate()
                placed = True
            elif isinstance(screen, BriefScreen) and screen.scenario.id in ids:
                screen.scenario = self.library.scenarios[scenario.id]
                screen.invalidate()
                placed = True
        if not placed and len(self.stack) == 1:   # the file had no good version at the start
            self.push(BriefScreen(self, self.library.scenarios[scenario.id]))

    def save_statement(self) -> bool:
        from ..storage import write_json_atomic
        try:
            write_json_atomic(paths.user_data_dir() / "statement.json", self.statement)
            return True
        except OSError:
            return False

    def forget_user_data(self) -> None:
        """After "delete all my data": nothing of the player's is kept in memory either.

        The statement is emptied and the settings go back to their defaults (the language
        in use stays, so the page that confirms the deletion can still be read). Nothing is
        written again until the player changes a setting or the statement.
        """
        from . import settings as settings_mod
        from .theme import THEMES, Metrics
        self.statement = {}
        self.notices.clear()
        self.settings = settings_mod.Settings(lang=self.settings.lang, fullscreen=self.settings.fullscreen)
        self.settings_forgotten = True
        self.theme = THEMES["default"]
        self.metrics = Metrics.for_window(*self.surface.get_size(), self.settings.text_size)
        self.type.set_metrics(self.metrics)
        self.narrator.stop()
        for s in self.stack:
            s.invalidate()
        self.dirty = True

    # -- settings -------------------------------------------------------------------
    def apply_settings(self) -> None:
        from . import settings as settings_mod
        from .theme import THEMES, Metrics
        self.settings_forgotten = False
        self.theme = THEMES["high_contrast" if self.settings.high_contrast else "default"]
        self.metrics = Metrics.for_window(*self.surface.get_size(), self.settings.text_size)
        self.type.set_metrics(self.metrics)
        self.pg.display.set_caption(t("ui.window_title", self.settings.lang))
        if not self.settings.read_aloud:
            self.narrator.stop()
        settings_mod.save(self.settings)
        if self.settings.lang != getattr(self, "_shown_lang", self.settings.lang):
            self.localize_library()
            for s in self.stack:
                if hasattr(s, "on_language"):
                    s.on_language()
        for s in self.stack:
            s.invalidate()
        self.dirty = True

    def toggle_fullscreen(self) -> None:
        pg = self.pg
        self.settings.fullscreen = not self.settings.fullscreen
        try:
            if os.environ.get("SDL_VIDEODRIVER") != "dummy":
                pg.display.toggle_fullscreen()
        except pg.error:
            self.settings.fullscreen = False
        self.surface = pg.display.get_surface()
        self.apply_settings()

    def change_text_size(self, step: int) -> None:
        from .settings import TEXT_SIZES
        i = TEXT_SIZES.index(self.settings.text_size) if self.settings.text_size in TEXT_SIZES else 0
        self.settings.text_size = TEXT_SIZES[max(0, min(len(TEXT_SIZES) - 1, i + step))]
        self.apply_settings()

    # -- screens ----------------------------------------------------------------------
    @property
    def top(self):
        return self.stack[-1]

    def push(self, screen) -> None:
        self.narrator.stop()
        self.stack.append(screen)
        screen.invalidate()

    def pop(self) -> None:
        self.narrator.stop()
        if len(self.stack) > 1:
            self.stack.pop()
            self.top.on_enter()
        self.dirty = True

    def replace(self, screen) -> None:
        self.narrator.stop()
        self.stack[-1] = screen
        screen.invalidate()

    def home(self) -> None:
        self.narrator.stop()
        del self.stack[1:]
        self.top.on_enter()

    def open_pause(self) -> None:
        from .screens.pause import PauseScreen
        self.push(PauseScreen(self))

    def quit(self) -> None:
        self.running = False

    # -- events and drawing -------------------------------------------------------------
    def handle(self, ev) -> None:
        pg = self.pg
        if ev.type == pg.QUIT:
            self.on_quit()
            return
        if ev.type in (pg.VIDEORESIZE, pg.WINDOWSIZECHANGED):
            from .theme import Metrics
            self.surface = pg.display.get_surface()
            self.metrics = Metrics.for_window(*self.surface.get_size(), self.settings.text_size)
            self.type.set_metrics(self.metrics)
            if not self.settings.fullscreen:
                self.settings.window = self.surface.get_size()
            for s in self.stack:
                s.invalidate()
            return
        if ev.type in (pg.WINDOWEXPOSED, pg.WINDOWFOCUSGAINED, pg.WINDOWRESTORED, pg.ACTIVEEVENT):
            self.dirty = True
            return
        if ev.type == pg.KEYDOWN:
            ctrl = ev.mod & (pg.KMOD_CTRL | pg.KMOD_META)
            if ev.key == pg.K_F11:
                self.toggle_fullscreen()
                return
            if ctrl and ev.key in (pg.K_PLUS, pg.K_EQUALS, pg.K_KP_PLUS):
                self.change_text_size(1)
                return
            if ctrl and ev.key in (pg.K_MINUS, pg.K_KP_MINUS):
                self.change_text_size(-1)
                return
        self.top.handle(ev)

    def on_quit(self) -> None:
        for s in self.stack:
            if hasattr(s, "save_now"):
                s.save_now()
        from . import settings as settings_mod
        if not self.settings_forgotten:
            settings_mod.save(self.settings)
        self.narrator.stop()
        self.running = False

    def render(self) -> None:
        self.top.draw(self.surface)
        self.dirty = False
        if self.first_frame_s is None:
            self.first_frame_s = time.perf_counter() - self.t_launch

    def step(self, dt: float = 0.0, events=None) -> None:
        """Handle the queued events, advance animations, draw if anything changed.

        When only an animation moved (a line being revealed, the breathing circle), just
        the widgets that move are redrawn and only their rectangles are sent to the screen.
        """
        pg = self.pg
        for ev in (pg.event.get() if events is None else events):
            self.handle(ev)
            if not self.running:
                return
        moved = self.top.update(dt)
        if self.dirty:
            self.render()
            pg.display.flip()
        elif moved:
            rects = self.top.draw_partial(self.surface)
            if rects is None:
                self.render()
                pg.display.flip()
            elif rects:
                pg.display.update(rects)

    def run(self) -> int:
        """The loop. pygame's ``event.wait`` polls every millisecond (about 4 % of a core
        when idle), so an idle window instead sleeps between polls: 16 ms for two seconds
        after the last input, then 40 ms (a first key press is answered within 40 ms)."""
        pg = self.pg
        clock = pg.time.Clock()
        self.step()
        last_input = time.monotonic()
        while self.running:
            if self.top.animating:
                dt = clock.tick(60) / 1000
                events = pg.event.get()
            else:
                events = pg.event.get()
                if not events:
                    if self.poll_watch():
                        self.step()
                    quiet = time.monotonic() - last_input
                    time.sleep(0.016 if quiet < 2.0 else 0.04)
                    clock.tick()
                    continue
                clock.tick()
                dt = 0.0
            if events:
                last_input = time.monotonic()
            self.step(dt, events)
        self.narrator.stop()
        pg.quit()
        return 0
