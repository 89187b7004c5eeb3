"""Helpers for the check tests: build IncidentReports from the YAML models and patches."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml

from incidentparse.check import Finding
from incidentparse.check.rules import BY_CODE, BY_NAME
from incidentparse.models import IncidentReport

CHECK = Path(__file__).resolve().parent.parent / "fixtures" / "check"


def merge(base: Any, patch: Any) -> Any:
    """Deep merge: mappings merge key by key; lists and scalars replace."""
    if isinstance(base, dict) and isinstance(patch, dict):
        out = copy.deepcopy(base)
        for key, value in patch.items():
            out[key] = merge(out.get(key), value) if key in out else copy.deepcopy(value)
        return out
    return copy.deepcopy(patch)


def model_data(name: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((CHECK / "models" / f"{name}.yaml").read_text())
    return data


def build(base: str, patch: dict[str, Any] | None = None) -> IncidentReport:
    return IncidentReport.model_validate(merge(model_data(base), patch or {}))


def code_of(token: str) -> str:
    return BY_NAME[token].code if token in BY_NAME else BY_CODE[token].code


def matches(finding: Finding, spec: str) -> bool:
    """spec = code-or-alias[@line[:col]][:severity]."""
    head, _, severity = spec.partition(":") if "@" not in spec else _split_at(spec)
    name, _, where = head.partition("@")
    if finding.code != code_of(name):
        return False
    if where:
        line, _, col = where.partition(".")
        if finding.start.line != int(line) or (col and finding.start.col != int(col)):
            return False
    return not severity or finding.severity == severity


def _split_at(spec: str) -> tuple[str, str, str]:
    head, _, rest = spec.partition("@")
    where, _, severity = rest.partition(":")
    return f"{head}@{where}", ":", severity
