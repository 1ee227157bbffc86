"""The window front-end (pygame-ce): calm, keyboard-first, drawn from the engine's pull API.

Modules are named for their concern: :mod:`.app` (the loop and screen stack),
:mod:`.theme`, :mod:`.fonts`, :mod:`.text`, :mod:`.widgets`, :mod:`.faces`,
:mod:`.settings`, :mod:`.autosave`, :mod:`.tts`, :mod:`.coach` (the one adapter to
``game.coach``), :mod:`.pilot` (headless driver for tests) and :mod:`.screens`.
Nothing here decides what happens in a meeting: screens ask the
:class:`~game.engine.session.Session` what to show and tell it what was chosen.
"""

import os as _os

_os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")  # no banner in the player's terminal
