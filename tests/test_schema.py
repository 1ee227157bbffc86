"""The committed JSON Schema matches the model, and scenario files validate against it."""

from __future__ import annotations

import json

import jsonschema
import pytest
import yaml

from game.engine import schema

from .conftest import DATA, ROOT

COMMITTED = ROOT / "schemas" / "scenario.schema.json"


def test_committed_schema_is_current():
    assert COMMITTED.read_text(encoding="utf-8") == schema.render(), (
        "schemas/scenario.schema.json is stale: run `python -m game.engine.schema`")


def test_schema_is_valid_draft7():
    doc = json.loads(COMMITTED.read_text(encoding="utf-8"))
    assert doc["$schema"] == "http://json-schema.org/draft-07/schema#"
    jsonschema.Draft7Validator.check_schema(doc)


def _scenario_files():
    files = [DATA / "spec_example.yaml"]
    files += [p for p in (ROOT / "scenarios").glob("*.yaml") if p.name != "principles.yaml"]
    return files


@pytest.mark.parametrize("path", _scenario_files(), ids=lambda p: p.name)
def test_scenarios_validate_against_schema_and_carry_the_modeline(path):
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=")
    doc = yaml.safe_load(text)
    validator = jsonschema.Draft7Validator(json.loads(COMMITTED.read_text(encoding="utf-8")))
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))
    assert not errors, [f"{list(e.absolute_path)}: {e.message}" for e in errors]


def test_schema_underlines_what_the_checker_rejects():
    validator = jsonschema.Draft7Validator(json.loads(COMMITTED.read_text(encoding="utf-8")))
    doc = yaml.safe_load((DATA / "spec_example.yaml").read_text(encoding="utf-8"))
    doc["nodes"]["opening"]["choices"][0]["txt"] = "typo"
    doc["nodes"]["opening"]["choices"][1]["score"]["hope"] = 3
    doc["nodes"]["plans"]["next"] = "good_end"       # both choices and next
    messages = [e.message for e in validator.iter_errors(doc)]
    assert any("txt" in m for m in messages)
    assert any("3 is greater than the maximum of 2" in m for m in messages)
    assert len(messages) >= 3
