"""Golden tests: every fixtures/reports/*.md parses to exactly fixtures/expected/<name>.json.

Regenerate with `pytest tests/test_golden.py --update-goldens` and review the diff.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from incidentparse import parse

from .conftest import FIXTURES

REPORTS = sorted((FIXTURES / "reports").glob("*.md"))


def render(path: Path) -> str:
    report = parse(path.read_bytes(), path=f"fixtures/reports/{path.name}")
    return json.dumps(report.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"


@pytest.mark.parametrize("path", REPORTS, ids=[p.stem for p in REPORTS])
def test_report_matches_golden(path: Path, update_goldens: bool) -> None:
    expected_path = FIXTURES / "expected" / f"{path.stem}.json"
    actual = render(path)
    if update_goldens:
        expected_path.write_text(actual, encoding="utf-8")
    assert expected_path.exists(), f"no golden for {path.name}; run with --update-goldens"
    assert json.loads(actual) == json.loads(expected_path.read_text(encoding="utf-8"))


def test_every_golden_has_a_report() -> None:
    stems = {p.stem for p in REPORTS}
    orphans = [p.name for p in (FIXTURES / "expected").glob("*.json") if p.stem not in stems]
    assert orphans == []
