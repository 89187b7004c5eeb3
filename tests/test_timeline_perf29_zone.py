"""Round 29: a timeline asks zone_declaration once per text.

- `extract.timeline._declared_once(text, told)` gives `_declared_in(text)` whatever the texts
  asked of the same `told` before it (the note that gives the timeline's zone, 'All times in
  UTC.', asked again as a row by `_entry_rows`), on every paragraph and line of our reports and
  on generated ones, each asked twice; and reports and generated timelines parse as they do
  with `_declared_in` asked every time.
"""

from __future__ import annotations

import random

import pytest

from incidentparse import parse
from incidentparse.extract import timeline

from .test_timeline_perf9 import _doc_paragraphs, _generated_paragraphs
from .test_timeline_perf11 import DOCS

NOTES: tuple[str, ...] = (
    "All times in UTC.", "All times are in BST", "Times in PDT.", "(times in CET)",
    "All times UTC.", "Timestamps in EST", "All times in Mars Time.", "times: none",
    "T\u0130MES IN BST", "All t\u0131mes in UTC", "Time to fix: 3h", "The time was late.",
)  # fmt: skip
ROWS: tuple[str, ...] = (
    "10:00 Alert fired", "**10:05** paged on-call", "2024-03-05 11:00 rollback", "Mitigated",
    "April 1: deploy", "[23:55] restart", "12:49 PM recovered", "The time was 3pm",
)  # fmt: skip


def _texts() -> list[str]:
    rng = random.Random(29)
    extra = [
        " ".join(rng.choice((*NOTES, *ROWS)) for _ in range(rng.randint(1, 3))) for _ in range(3000)
    ]
    return [*_doc_paragraphs(), *_generated_paragraphs(3000, 29), *NOTES, *extra]


def test_declared_once_as_declared_in() -> None:
    texts = _texts()
    told: dict[str, str | None] = {}
    for text in [*texts, *texts]:  # each asked twice: the second answer is the kept one
        assert timeline._declared_once(text, told) == timeline._declared_in(text), text
    assert sum(zone is not None for zone in told.values()) > 100, len(told)


def _generated_docs(count: int) -> list[str]:
    rng = random.Random(290)
    docs = []
    for _ in range(count):
        lines = ["# Incident", "", "## Timeline" + rng.choice(("", " (times in BST)")), ""]
        for _ in range(rng.randint(1, 8)):
            choice = rng.random()
            if choice < 0.3:
                lines += [rng.choice(NOTES), ""]
            elif choice < 0.6:
                lines += [f"- {rng.choice((*ROWS, *NOTES))}" for _ in range(rng.randint(1, 3))]
                lines.append("")
            elif choice < 0.8:
                lines += [f"### {rng.choice(('5:02 PM', '09:10', 'April 2'))}", ""]
                lines += [rng.choice((*ROWS, *NOTES)), ""]
            else:
                lines += [rng.choice(ROWS), ""]
        docs.append("\n".join(lines))
    return docs


GENERATED = _generated_docs(600)


def test_timelines_parse_as_with_every_ask(monkeypatch: pytest.MonkeyPatch) -> None:
    kept = 0
    once = timeline._declared_once

    def counting(text: str, told: dict[str, str | None]) -> str | None:
        nonlocal kept
        kept += text in told
        return once(text, told)

    monkeypatch.setattr(timeline, "_declared_once", counting)
    fast = [parse(doc).model_dump_json() for doc in [*DOCS, *GENERATED]]
    # a kept answer is used often, without ../shared/corpus too (the generated timelines)
    assert kept > 100, kept
    monkeypatch.setattr(timeline, "_declared_once", lambda text, told: timeline._declared_in(text))
    plain = [parse(doc).model_dump_json() for doc in [*DOCS, *GENERATED]]
    assert fast == plain
