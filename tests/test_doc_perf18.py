"""Round-18: Sections, Statements and entry ActionItems, assembled without validation, are the
validated ones.

``sections._partition``, ``statements.statement`` and ``actions._item_from_entry`` build their
models with ``models.assembled``; the plain way validates the same values (``Model(**values)``
with the given names only). Each report is parsed both ways and every model of those three
kinds is compared (values, fields set, key order, JSON) on every report we have (fixtures,
docs, the shared corpus when present) and generated documents.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Iterator
from typing import Any

import pytest
from pydantic import BaseModel

from incidentparse import parse, sections
from incidentparse.extract import actions, statements
from incidentparse.models import ActionItem, IncidentReport, Section, Statement

from .conftest import REPO_MARKDOWN, SHARED

KINDS = (Section, Statement, ActionItem)

# Pieces of generated reports: headings of every level (qualifiers, run-in labels, absorbing
# kinds below a timeline), prose, labelled and bold entries, task items with owners and tickets.
PIECES: tuple[str, ...] = (
    "# Incident 42 (INC-1234)", "# Overview", "## Summary", "## Root Cause (preliminary)",
    "## Lessons Learned", "## Action Items", "### Follow-up", "## Timeline (UTC)", "### Day 1",
    "#### 10:00", "## Response", "### Containment", "### Recovery", "## Detection",
    "## Something else", "**Action Items**", "Lessons learned:", "**Root cause:** a bad deploy",
    "- [ ] Rotate keys (owner: @ana) JIRA-12", "- [x] Patch hosts, assigned to Bob #42",
    "- **Add alerting:** on the queue depth", "- plain item", "1. numbered item N/A",
    "Root cause: N/A - not investigated", "We restored service at 10:40.", "",
    "> quoted: text", "| Item | Owner |\n|---|---|\n| Fix it | Ana |", "- 10:00 alert fired",
)  # fmt: skip


def _generated(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [
        "\n\n".join(rng.choice(PIECES) for _ in range(rng.randint(1, 25))) for _ in range(count)
    ]


def _validated(model: type[Any], values: dict[str, Any], given: Iterable[str]) -> Any:
    """The plain way: the model validated from the given values."""
    return model(**{name: values[name] for name in given})


def _models(report: IncidentReport) -> Iterator[BaseModel]:
    """Every model of the three kinds in a report, depth first in field order."""
    stack: list[Any] = [report]
    while stack:
        item = stack.pop()
        if isinstance(item, BaseModel):
            if isinstance(item, KINDS):
                yield item
            stack.extend(reversed([getattr(item, name) for name in type(item).model_fields]))
        elif isinstance(item, tuple):
            stack.extend(reversed(item))


def _texts() -> list[str]:
    corpus = sorted((SHARED / "corpus").glob("*.md"))
    reports = [path.read_text(encoding="utf-8") for path in [*REPO_MARKDOWN, *corpus]]
    return [*reports, *_generated(300, 1818)]


def test_assembled_models_are_the_validated_ones(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _texts()
    fast = [parse(text) for text in texts]
    for module in (sections, statements, actions):
        monkeypatch.setattr(module, "assembled", _validated)
    plain = [parse(text) for text in texts]
    compared = {kind: 0 for kind in KINDS}
    for text, mine, theirs in zip(texts, fast, plain, strict=True):
        assert mine == theirs, text[:200]
        assert mine.model_dump_json() == theirs.model_dump_json(), text[:200]
        ours, validated = list(_models(mine)), list(_models(theirs))
        assert len(ours) == len(validated), text[:200]
        for one, other in zip(ours, validated, strict=True):
            assert type(one) is type(other)
            assert one == other, text[:200]
            assert one.model_fields_set == other.model_fields_set, text[:200]
            assert list(one.__dict__) == list(other.__dict__), text[:200]
            compared[type(one)] += 1
    # What the repository's own fixtures, docs and generated documents give (a fresh clone has
    # no corpus): ~2900 sections, ~770 statements, ~340 items; the floors sit below that.
    assert compared[Section] >= 2500
    assert compared[Statement] >= 600
    assert compared[ActionItem] >= 250
