#!/usr/bin/env python3
"""Same as ``meeting-trainer new`` (for a checkout without the command installed).

    python tools/new_scenario.py                      # asks for id, family, role, title
    python tools/new_scenario.py --id mit-moede --family authority --role citizen
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from game.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main(["new", *sys.argv[1:]]))
