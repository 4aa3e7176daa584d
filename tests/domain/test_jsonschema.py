"""The JSON Schemas in docs/schema/ are generated from the scenario and mediator dataclasses;
an editor checks YAML files against them as a user writes a scenario of their own."""

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from sim.domain.jsonschema import FOLDER, render, schemas
from tests.conftest import ROOT


@pytest.mark.parametrize("name", sorted(schemas()))
def test_the_committed_schema_is_what_the_code_generates(name):
    committed = (FOLDER / name).read_text(encoding="utf-8")
    assert committed == render(schemas()[name]), (
        f"docs/schema/{name} is stale: run python -m sim.domain.jsonschema")


def validator(kind: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((FOLDER / f"{kind}.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize("path", sorted((ROOT / "configs" / "scenario").glob("*.yaml"))
                         + sorted((ROOT / "configs" / "mediator").glob("*.yaml")),
                         ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_shipped_file_passes_its_schema(path: Path):
    errors = list(validator(path.parent.name).iter_errors(yaml.safe_load(path.read_text())))
    assert errors == []


@pytest.mark.parametrize(("change", "complaint"), [
    (lambda s: s["parties"]["A"].update(capability=-1), "-1 is not valid under any"),
    (lambda s: s["parties"]["A"].update(colour="red"), "Additional properties are not allowed"),
    (lambda s: s.update(horizon_days=1.5), "1.5 is not of type 'integer'"),
    (lambda s: s["parties"]["A"].update(capability={"dist": "poisson"}), "is not valid under any"),
])
def test_a_mistake_in_a_scenario_is_caught_by_the_schema(change, complaint):
    scenario = yaml.safe_load((ROOT / "configs" / "scenario" / "symmetric_textbook.yaml").read_text())
    change(scenario)
    messages = [e.message for e in validator("scenario").iter_errors(scenario)]
    assert any(complaint in m for m in messages), messages
