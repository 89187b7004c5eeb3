"""Reports to JSON: one object, or JSON Lines for batches; keys follow docs/models.md."""

from __future__ import annotations

from ..models import IncidentReport


def to_json(report: IncidentReport, *, pretty: bool = False) -> str:
    """One report as a JSON object (no trailing newline)."""
    return report.model_dump_json(indent=2 if pretty else None)


def to_jsonl(report: IncidentReport) -> str:
    """One report as a single JSON Lines row (no trailing newline)."""
    return report.model_dump_json()
