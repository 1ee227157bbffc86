"""Reports of a session: a printable HTML page, JSON, CSV for Danish Excel, and plain text.

:func:`.model.build_report` replays a session file once; :mod:`.html`,
:mod:`.json_report`, :mod:`.csv_report` and :mod:`.text` render it (:mod:`.text`
also renders a debrief alone, for the terminal). ``meeting-trainer
report`` (game/commands/report.py) is the command-line entry point.
"""
