"""Interface text by area: each module defines ``STRINGS = {key: {"da": …, "en": …}}``.

:mod:`game.i18n` merges every module here into the one lookup. Keep keys
prefixed by area (``term.``, ``ui.``, ``debrief.`` …) so modules never collide.
"""
