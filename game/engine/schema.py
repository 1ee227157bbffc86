"""Generate the JSON Schema (draft-07) for scenario files from :mod:`.fields`.

VS Code's YAML extension reads ``schemas/scenario.schema.json`` through the
modeline at the top of each scenario and then completes and underlines fields.
``python -m game.engine.schema`` rewrites the committed file; a test fails
when the committed file differs from what the model generates.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .fields import OBJECTS, TAGS, Field
from .principles import V1_IDS

SCHEMA_ID = "https://meeting-trainer.invalid/schemas/scenario.schema.json"


def _field_schema(f: Field) -> dict:
    s: dict = {}
    t = f.type
    if t == "string":
        s["type"] = "string"
        if f.pattern:
            s["pattern"] = f.pattern
        if f.required:
            s["minLength"] = 1
    elif t == "expr":
        s = {"type": "string", "minLength": 1}
    elif t == "integer":
        s["type"] = "integer"
    elif t == "boolean":
        s["type"] = "boolean"
    elif t == "list":
        s = {"type": "array", "items": _item_schema(f.items)}
        if f.min_items:
            s["minItems"] = f.min_items
    elif t == "map":
        s = {"type": "object", "additionalProperties": _item_schema(f.items)}
        if f.keys:
            s["propertyNames"] = {"pattern": f.keys}
        if f.items == "score":
            s["propertyNames"] = {"enum": list(V1_IDS)}
    else:
        s = {"$ref": f"#/definitions/{t}"}
    if f.enum is not None:
        s["enum"] = list(f.enum)
    if f.minimum is not None:
        s["minimum"] = f.minimum
    if f.maximum is not None:
        s["maximum"] = f.maximum
    if "$ref" in s:
        return {"allOf": [s], "description": f.description}
    s["description"] = f.description
    return s


def _item_schema(name: str | None) -> dict:
    if name in OBJECTS:
        return {"$ref": f"#/definitions/{name}"}
    return {
        "int_or_bool": {"type": ["integer", "boolean"]},
        "integer": {"type": "integer"},
        "score": {"type": "integer", "minimum": -2, "maximum": 2},
        "expr": {"type": ["string", "integer", "boolean"]},
        "tag": {"type": "string", "enum": list(TAGS)},
        "say": {"oneOf": [
            {"type": "string", "description": "Narration."},
            {"type": "object", "minProperties": 1, "maxProperties": 1,
             "additionalProperties": {"type": "string"},
             "description": "A spoken line: character id: text."},
        ]},
    }.get(name or "", {})


def _object_schema(name: str) -> dict:
    spec = OBJECTS[name]
    s = {
        "type": "object",
        "properties": {k: _field_schema(f) for k, f in spec.items()},
        "additionalProperties": False,
    }
    required = [k for k, f in spec.items() if f.required]
    if required:
        s["required"] = required
    if name == "node":
        s["oneOf"] = [{"required": [k]} for k in ("choices", "next", "end")]
    return s


def generate() -> dict:
    definitions = {name: _object_schema(name) for name in OBJECTS if name != "scenario"}
    top = _object_schema("scenario")
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": SCHEMA_ID,
        "title": "Mødetræner scenario (format 1)",
        "description": "One meeting scenario for the meeting trainer. "
                       "Generated from game/engine/fields.py — do not edit by hand.",
        **top,
        "definitions": definitions,
    }


def render() -> str:
    return json.dumps(generate(), ensure_ascii=False, indent=2) + "\n"


def main(argv: list[str] | None = None) -> int:
    target = Path(argv[0] if argv else Path(__file__).resolve().parents[2] / "schemas" /
                  "scenario.schema.json")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(render(), encoding="utf-8")
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main(sys.argv[1:]))
