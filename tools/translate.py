#!/usr/bin/env python3
"""Same as ``meeting-trainer translate`` (for a checkout without the command installed).

    tools/translate.py extract --lang en [PATH…]
    tools/translate.py check [--lang en] [PATH…]
    tools/translate.py accept --lang en SCENARIO ID… | --all
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from game.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main(["translate", *sys.argv[1:]]))
