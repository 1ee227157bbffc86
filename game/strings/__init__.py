"""Interface text moved to gettext catalogues: ``game/locale/<lang>/LC_MESSAGES/meeting_trainer.po``.

Look texts up with :func:`game.i18n.t` / :func:`game.i18n.tn`; edit the PO files
and run ``make messages``. What remains here is a read-only view for old importers.
"""
