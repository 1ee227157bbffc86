#!/usr/bin/env python3
"""Same as ``meeting-trainer graph`` (for a checkout without the command installed)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from game.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main(["graph", *sys.argv[1:]]))
