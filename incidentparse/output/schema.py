"""The JSON Schema of IncidentReport, generated from the models; a copy is committed in the
package (incident-report.schema.json) and a test fails when the two drift apart."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from ..models import SCHEMA_VERSION, IncidentReport

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_ID = f"https://incidentparse.dev/schema/{SCHEMA_VERSION}/incident-report.schema.json"
SCHEMA_FILE = "incident-report.schema.json"


def build_schema() -> dict[str, Any]:
    """The schema as generated from the models now."""
    generated = IncidentReport.model_json_schema(mode="serialization")
    return {"$schema": SCHEMA_DIALECT, "$id": SCHEMA_ID, **generated}


def render_schema() -> str:
    """The schema as the committed file holds it: sorted-free, 2-space JSON, final newline."""
    return json.dumps(build_schema(), indent=2, ensure_ascii=False) + "\n"


def committed_schema() -> str:
    """The schema file shipped in the package."""
    return resources.files("incidentparse").joinpath(SCHEMA_FILE).read_text(encoding="utf-8")
