"""docs/rules.md is generated from the rules table and must be current; the hook file is sane."""

from __future__ import annotations

from pathlib import Path

import yaml

from incidentparse.check import docs
from incidentparse.check.rules import RULES

from .conftest import ROOT


def test_rules_page_is_current() -> None:
    current = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert current == docs.render(), (
        "docs/rules.md is stale: run python -m incidentparse.check.docs"
    )


def test_docs_check_mode(tmp_path: Path) -> None:
    page = tmp_path / "rules.md"
    assert docs.main([str(page), "--check"]) == 1
    assert docs.main([str(page)]) == 0
    assert docs.main([str(page), "--check"]) == 0


def test_every_rule_is_documented() -> None:
    page = docs.render()
    for rule in RULES:
        assert f"## {rule.code} {rule.name}" in page and rule.rationale in page


def test_pre_commit_hook() -> None:
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "incidentparse-check"
    assert hook["entry"] == "incidentparse check"
    assert hook["language"] == "python" and hook["types"] == ["markdown"]
