"""The committed JSON Schema matches the models, and parse output validates against it."""

from __future__ import annotations

import json

import jsonschema
import pytest

from incidentparse import parse
from incidentparse.cli import main
from incidentparse.output.schema import SCHEMA_ID, build_schema, committed_schema, render_schema

from .conftest import FIXTURES


def test_committed_schema_is_current() -> None:
    assert committed_schema() == render_schema(), (
        "models changed: regenerate with `incidentparse schema > incidentparse/"
        "incident-report.schema.json` and bump SCHEMA_VERSION if a key was renamed or removed"
    )


def test_schema_has_dialect_and_versioned_id() -> None:
    schema = build_schema()
    assert schema["$schema"].endswith("2020-12/schema") and "/1.0/" in schema["$id"]
    assert schema["$id"] == SCHEMA_ID


def test_every_field_is_described() -> None:
    schema = build_schema()
    for name, definition in {"IncidentReport": schema, **schema["$defs"]}.items():
        for key, prop in definition.get("properties", {}).items():
            if "$ref" in prop and "description" not in prop:  # pydantic moves it to the $def
                prop = schema["$defs"][prop["$ref"].rsplit("/", 1)[1]]
            assert prop.get("description"), f"{name}.{key} has no description"


@pytest.mark.parametrize("path", sorted((FIXTURES / "reports").glob("*.md")), ids=lambda p: p.stem)
def test_parse_output_validates(path: object) -> None:
    report = parse(path.read_bytes())  # type: ignore[attr-defined]
    jsonschema.validate(json.loads(report.model_dump_json()), build_schema())


def test_schema_command_prints_the_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out)["$id"] == SCHEMA_ID


def test_models_doc_is_current() -> None:
    from incidentparse.output.modeldoc import render

    from .conftest import ROOT

    assert (ROOT / "docs" / "models.md").read_text(encoding="utf-8") == render(), (
        "regenerate: python -m incidentparse.output.modeldoc > docs/models.md"
    )
