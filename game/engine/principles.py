"""The principles that choices are scored against (``scenarios/principles.yaml``)."""

from __future__ import annotations

from pathlib import Path

import yaml

from . import yamlsrc
from .diagnostics import Diagnostic, ScenarioError
from .model import Principle

#: The nine principle ids of format v1, in order.
V1_IDS = ("connectedness", "hope", "identity", "meaning", "empowerment", "own_voice",
          "shared_decision", "strengths", "transparency")


def find_principles_file(scenario_path: str | Path, default: Path | None = None) -> Path | None:
    """The principles.yaml beside a scenario or in a folder above it, else ``default``."""
    p = Path(scenario_path).resolve()
    for folder in [p if p.is_dir() else p.parent, *list(p.parents)[:3]]:
        candidate = folder / "principles.yaml"
        if candidate.is_file():
            return candidate
    return default


def load_principles(path: str | Path) -> dict[str, Principle]:
    """Load principles.yaml; raise :class:`ScenarioError` with positions if it is broken."""
    file = str(path)
    diags: list[Diagnostic] = []
    try:
        root = yamlsrc.compose(yamlsrc.read_text(path))
    except yamlsrc.SourceProblem as exc:
        raise ScenarioError([exc.diagnostic(file)]) from None

    def bad(node, code, msg):
        line, col = yamlsrc.position(node)
        diags.append(Diagnostic(file, line, col, code, msg))

    out: dict[str, Principle] = {}
    table = None
    if isinstance(root, yaml.MappingNode):
        for k, v in root.value:
            if k.value == "principles":
                table = v
    if not isinstance(table, yaml.MappingNode):
        bad(root, "MT202", "principles.yaml needs a 'principles:' map of principle ids")
        raise ScenarioError(diags)
    for key, value in table.value:
        if key.value in out:
            bad(key, "MT102", f"duplicate principle '{key.value}'")
            continue
        fields: dict[str, object] = {}
        if isinstance(value, yaml.MappingNode):
            for fk, fv in value.value:
                if isinstance(fv, yaml.MappingNode):
                    fields[fk.value] = {a.value: yamlsrc.scalar_value(b) for a, b in fv.value
                                        if isinstance(b, yaml.ScalarNode)}
                elif isinstance(fv, yaml.SequenceNode):
                    fields[fk.value] = tuple(str(yamlsrc.scalar_value(i)) for i in fv.value
                                             if isinstance(i, yaml.ScalarNode))
        name = fields.get("name")
        if not isinstance(name, dict) or not name.get("da"):
            bad(key, "MT202", f"principle '{key.value}' needs name: {{da: …, en: …}}")
            continue
        out[key.value] = Principle(
            id=key.value, name=name, description=fields.get("description") or {},
            short=fields.get("short") or {}, backed_by=fields.get("backed_by") or ())
    if diags:
        raise ScenarioError(diags)
    return out
