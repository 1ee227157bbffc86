"""Coaching and report text as ``{key: {"da": …, "en": …}}``: a read-only view, not a source.

The texts live in ``game/locale/<lang>/LC_MESSAGES/meeting_trainer.po`` (keys
``coach.`` and ``report.``); this view is built from the compiled catalogues for
checks that go through every text at once (tests/test_coach_tone.py). Plural
entries appear twice: the singular under the key, the plural under ``key.plural``.
"""

from ..i18n import table

STRINGS: dict[str, dict[str, str]] = table(("coach.", "report."))
