"""Reports of a session: a printable HTML page, JSON, and CSV for Danish Excel.

:func:`.model.build_report` replays a session file once; :mod:`.html`,
:mod:`.json_report` and :mod:`.csv_report` render it. ``meeting-trainer
report`` (game/commands/report.py) is the command-line entry point.
"""
