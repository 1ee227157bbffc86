#!/usr/bin/env python3
"""Same as ``meeting-trainer test`` (for a checkout without the command installed).

    python tools/run_testplans.py                     # every plan under scenarios/tests/
    python tools/run_testplans.py scenarios/tests/x.test.yaml
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from game.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main(["test", *sys.argv[1:]]))
