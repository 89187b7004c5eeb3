"""Round 34: a view's entries read once per parse (``Context.view_entries``).

A report with no timeline reads its summary views for the summary and again for the narrative,
an indicators view is read for its rows and again for the labels above its indicators, and an
impact view for its fields and again for its text. ``Context.view_entries`` reads
``readers.entries(view.nodes())`` once per view and hands every reader the same list.

Checked here, on every report we have (fixtures, README and docs, the corpus when present) and
on generated reports holding several views of each such kind, with and without a timeline:
whole parses are the same as with every read made afresh (the plain computation); each shared
list still equals a fresh read when the parse ends (no reader changed it); and the sharing is
exercised (lists handed out more than once). No timings.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest

import incidentparse
from incidentparse.extract import context
from incidentparse.extract.context import Context
from incidentparse.extract.readers import Entry, entries
from incidentparse.sections import View

from .conftest import REPO_MARKDOWN, SHARED

HEADINGS = (
    "Summary", "What happened", "Overview", "Impact", "Customer impact", "Indicators",
    "Indicators of compromise", "IOCs", "Notes", "Background", "Timeline", "Root cause",
)  # fmt: skip
BODIES = (
    "On March 3, 2024 at 10:04 UTC the API began to fail. It recovered at 11:30 UTC.",
    "The deploy on 2024-03-04 09:00 went out. Nobody noticed until the next day.",
    "- Users affected: 40\n- Duration: 2 hours\n- Revenue: N/A",
    "Users affected: about 300\nRegions: eu-west-1",
    "- IP: 203.0.113[.]7\n- Domain: evil-example[.]com\n- Hash: 44d88612fea8a8f36de82e1278abb02f",
    "| Indicator | Type |\n|---|---|\n| 198.51.100.9 | ip |\n| bad[.]example | domain |",
    "Traffic to hxxps://login-example[.]net/ was seen from two hosts.",
    "**Detection:** an alert fired at 10:10.",
    "- 10:00 first page\n- 10:30 mitigated",
    "Plain prose with no date and no label at all.",
    "1. first step\n   - nested: value\n2. second step",
    "> quoted note on April 2-3",
)


def _generated(count: int, seed: int = 3401) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        parts = ["# Incident " + str(rng.randint(1, 99))]
        for _ in range(rng.randint(1, 8)):
            level = rng.choice(("##", "##", "###"))
            parts.append(f"{level} {rng.choice(HEADINGS)}")
            parts += [rng.choice(BODIES) for _ in range(rng.randint(0, 3))]
        texts.append("\n\n".join(parts) + "\n")
    return texts


def _texts() -> list[str]:
    paths = [*REPO_MARKDOWN, *sorted((SHARED / "corpus").glob("*.md"))]
    return [path.read_text(encoding="utf-8") for path in paths] + _generated(700)


def _plain_view_entries(self: Context, view: View) -> list[Entry]:
    """Every read afresh, as before round 34."""
    return entries(view.nodes())


def _recorded(monkeypatch: pytest.MonkeyPatch) -> list[tuple[View, list[Entry]]]:
    """Every list view_entries hands out, with its view, from here on."""
    handed: list[tuple[View, list[Entry]]] = []
    shared = Context.view_entries

    def recording(self: Context, view: View) -> list[Entry]:
        found = shared(self, view)
        handed.append((view, found))
        return found

    monkeypatch.setattr(Context, "view_entries", recording)
    return handed


def _dumps(texts: list[str]) -> Iterator[str]:
    for text in texts:
        yield incidentparse.parse(text).model_dump_json()


def test_whole_parses_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _texts()
    fast = list(_dumps(texts))
    monkeypatch.setattr(context.Context, "view_entries", _plain_view_entries)
    assert list(_dumps(texts)) == fast


def test_shared_lists_are_shared_and_unchanged(monkeypatch: pytest.MonkeyPatch) -> None:
    handed = _recorded(monkeypatch)
    repeats = 0
    for text in _texts():
        handed.clear()
        incidentparse.parse(text)
        seen: set[int] = set()
        for view, found in handed:
            # no reader changed the list it was handed: it is still the view's fresh read
            assert found == entries(view.nodes()), text
            repeats += id(found) in seen
            seen.add(id(found))
    assert repeats > 300  # the sharing is exercised (summary + narrative, rows + labels)


def test_fixture_reports_share_without_the_corpus(monkeypatch: pytest.MonkeyPatch) -> None:
    # A fresh clone has no ../shared/corpus: our own reports exercise each shared read.
    handed = _recorded(monkeypatch)
    callers: set[str] = set()
    for path in sorted((Path(__file__).parent.parent / "fixtures" / "reports").glob("*.md")):
        handed.clear()
        incidentparse.parse(path.read_text(encoding="utf-8"))
        ids = [id(found) for _, found in handed]
        for view, found in handed:
            if ids.count(id(found)) > 1:
                callers.add(view.kind)
    # (an impact view is read once by extract_impact itself, for its fields and its text)
    assert {"summary", "indicators"} <= callers
