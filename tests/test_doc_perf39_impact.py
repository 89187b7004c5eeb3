"""Round 39: an impact's Statements and its Impact are built unvalidated
(``extract.fields.extract_impact`` through models.assembled).

Checked here, on every report we have (fixtures, README and docs, the corpus when present) and
on generated impact sections (the four statement labels, repeated, with N/A answers and other
fields, one or two impact sections a report): every Statement and Impact assembled is the model
the validator builds from the same given values (tests/test_timeline_perf14._same_model: the
same values, the very objects, field order, fields set and JSON), and whole parses are those of
extract_impact as it was (kept below as the reference). No timings.
"""

from __future__ import annotations

import random
from collections import Counter
from typing import Any

import pytest

import incidentparse
from incidentparse.extract import EXTRACTORS, fields
from incidentparse.extract.context import Context
from incidentparse.extract.readers import entries_text
from incidentparse.models import Field, Impact, Statement
from incidentparse.sections import View

from .conftest import REPO_MARKDOWN, SHARED
from .test_timeline_perf14 import _same_model


def _old_extract_impact(view: View, ctx: Context) -> None:
    """fields.extract_impact before round 39."""
    statements: dict[str, Statement] = {}
    others: list[Field] = []
    read = ctx.view_entries(view)
    for item in fields.fields(read):
        ctx.note_answer(item)
        target = fields.IMPACT_LABELS.get(fields.label_key(item.label))
        if target is None or target in statements:
            others.append(item)
            continue
        statements[target] = Statement(
            text=item.value,
            label=item.label,
            applicable=item.applicable,
            reason=item.reason,
            line=item.line,
        )
    if ctx.draft.impact is None:
        ctx.draft.impact = Impact(**statements, fields=tuple(others), text=entries_text(read))


LABELS = (
    "Financial", "Cost", "Data breach", "Confidentiality", "Operational", "Availability",
    "Reputational", "Reputation", "Users affected", "Duration", "Regions",
)  # fmt: skip
VALUES = ("N/A", "None (no data left)", "TBD", "about 300", "2 hours", "Unknown", "$4,000", "-")


def _generated(count: int, seed: int = 3905) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for number in range(count):
        parts = [f"# Report {number}"]
        for _ in range(rng.randint(1, 2)):
            parts.append(rng.choice(("## Impact", "## Customer impact", "## Business impact")))
            for _ in range(rng.randint(0, 6)):
                label, value = rng.choice(LABELS), rng.choice(VALUES)
                parts.append(rng.choice((f"- **{label}:** {value}", f"{label}: {value}")))
            if rng.random() < 0.3:
                parts.append("Plain prose about the impact.")
        texts.append("\n\n".join(parts) + "\n")
    return texts


def _texts() -> list[str]:
    paths = [*REPO_MARKDOWN, *sorted((SHARED / "corpus").glob("*.md"))]
    return [path.read_text(encoding="utf-8") for path in paths] + _generated(500)


def test_built_as_validated(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: Counter[str] = Counter()
    fast_build = fields.assembled

    def compared(model: Any, values: dict[str, Any], given: Any) -> Any:
        fast = fast_build(model, values, given)
        _same_model(fast, model(**{name: values[name] for name in given}))
        seen[model.__name__] += 1
        if model is Impact and len(set(given)) > 3:
            seen["impact with statements"] += 1
        return fast

    monkeypatch.setattr(fields, "assembled", compared)  # extract_impact builds by this name
    for text in _texts():
        incidentparse.parse(text)
    # without the shared corpus too: the generated sections build each often
    assert seen["Statement"] > 500, seen
    assert seen["Impact"] > 400, seen
    assert seen["impact with statements"] > 100, seen


def test_whole_parses_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _texts()
    fast = [incidentparse.parse(text).model_dump_json() for text in texts]
    # extract.run reads the EXTRACTORS table, which holds the function itself
    monkeypatch.setitem(EXTRACTORS, "impact", _old_extract_impact)
    assert [incidentparse.parse(text).model_dump_json() for text in texts] == fast
