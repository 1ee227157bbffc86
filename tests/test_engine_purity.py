"""The engine stays pure: standard library and PyYAML only, and never eval/exec."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ENGINE = Path(__file__).resolve().parents[1] / "game" / "engine"


def test_engine_imports_neither_pygame_nor_numpy():
    code = ("import sys, game.engine, game.engine.session, game.engine.saves, "
            "game.engine.compiler, game.engine.library, game.engine.schema\n"
            "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
            "('pygame', 'numpy', 'pydantic', 'platformdirs'))\n"
            "print(','.join(bad))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=ENGINE.parents[1], check=True)
    assert out.stdout.strip() == ""


def test_engine_source_has_no_eval_exec_or_ast():
    allowed_imports = set(sys.stdlib_module_names) - {"ast", "code", "codeop"} | {"yaml"}
    for f in ENGINE.glob("*.py"):
        src = f.read_text(encoding="utf-8")
        assert not re.search(r"\b(eval|exec)\(", src), f
        assert "import ast" not in src and "from ast" not in src, f
        for m in re.finditer(r"^\s*(?:import|from)\s+([\w.]+)", src, re.M):
            mod = m.group(1)
            assert mod.startswith(".") or mod.split(".")[0] in allowed_imports, (f, mod)
