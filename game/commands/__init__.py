"""Subcommands beyond check/run/play: each module here has ``register(subparsers)``.

``game.cli`` discovers the modules in this package, so adding a command means
adding one module; a module's ``register`` adds its parser and sets ``func``.
A command function returns the exit status (0 fine, 1 problem in a file) and
raises ``game.cli.UsageError`` for bad usage (exit 2).
"""
