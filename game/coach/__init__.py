"""Coaching: feedback after each choice, the debrief, skills, reactions, progress.

Everything here is UI-independent: front-ends (the window, the terminal, the
reports) ask these modules for plain data objects with ``to_dict()`` and show
them. Only this package reads interface text (:mod:`game.i18n`); the engine
stays free of it.

Modules:

* :mod:`.timeline`  — replays a session on a fresh Session: what was shown and
  how moods moved at every choice (practice-mode attempts included).
* :mod:`.feedback`  — :func:`~.feedback.feedback_for` after a choice.
* :mod:`.debrief`   — :func:`~.debrief.build_debrief` at the end (or when stopped).
* :mod:`.skills`    — staff/peer summaries inspired by MITI 4.2.1 and OPTION-5.
* :mod:`.reactions` — mood as words and a face key per character.
* :mod:`.progress`  — finished sessions stored locally; profile across sessions.
* :mod:`.tone`      — MT701/MT702 checks of feedback and safety choices.
"""
