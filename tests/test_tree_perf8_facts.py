"""Round-8 fast paths of the section stage and the derived metrics give what the plain code gave.

sections builds each Section unvalidated (models.assembled; by its validator before round 18,
not BaseModel.__init__); metrics._from_timeline
skips events that neither name an anchor phase nor hold a cue word. Both are compared with the
plain computation on every report of the fixtures and the shared corpus, and on generated events.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

from incidentparse import parse, sections
from incidentparse.extract import metrics
from incidentparse.models import Anchor, Section, TimelineEvent, TimeSpan

from .conftest import FIXTURES, SHARED


def _reports() -> list[Path]:
    files = sorted((FIXTURES / "reports").glob("*.md"))
    corpus = SHARED / "corpus"
    if corpus.is_dir():
        files += sorted(corpus.glob("*.md"))
    return files


REPORTS = [parse(path.read_text(encoding="utf-8")) for path in _reports()]


def test_sections_are_the_models_their_keywords_build(monkeypatch: pytest.MonkeyPatch) -> None:
    # Since round 18 each Section is assembled unvalidated from every field's value, in field
    # order, with the names given (tests/test_doc_perf18.py compares whole parses both ways).
    built: list[tuple[dict[str, Any], Section]] = []
    assemble = sections.assembled

    def recording(model: type[Any], values: dict[str, Any], given: Iterable[str]) -> Any:
        section = assemble(model, values, given)
        built.append(({name: values[name] for name in given}, section))
        assert list(values) == list(Section.model_fields)
        return section

    monkeypatch.setattr(sections, "assembled", recording)
    for path in _reports():
        parse(path.read_text(encoding="utf-8"))
    assert len(built) > 100  # 150 from the fixtures alone, more with the shared corpus
    assert sum(section.run_in for _, section in built) >= 3  # 3 in the fixtures alone
    for values, section in built:
        plain = Section(**values)
        assert plain == section
        assert plain.model_fields_set == section.model_fields_set
        assert list(plain.__dict__) == list(section.__dict__)
        assert plain.model_dump_json() == section.model_dump_json()


def _plain_from_timeline(events: Iterable[TimelineEvent]) -> dict[str, Anchor]:
    """metrics._from_timeline without its skip: every dated event searched for every cue."""
    found: dict[str, Anchor] = {}
    for event in events:
        if event.when is None or event.when.start is None:
            continue
        text = event.text.lower()
        for name, cue in metrics._CUES.items():
            marks = metrics.ANCHOR_PHASES.get(event.phase or "") == name or bool(cue.search(text))
            if marks and (name == "resolved" or name not in found):
                found[name] = Anchor(when=event.when, source="timeline", line=event.line)
    return found


CUE_PIECES = (
    *(run.decode() for run in metrics._ANY_CUE_RUN), "outage began", "incident declared",
    "back to normal", "end of outage",
    "impact started", "Detected", "RESOLVED", "word", "the", " ", ".", "un", "ing", "-",
)  # fmt: skip
PHASES = (None, *metrics.ANCHOR_PHASES, "triage", "")


def _generated_events(seed: int, count: int) -> list[TimelineEvent]:
    rng = random.Random(seed)
    when = TimeSpan(text="sometime", start=None, end=None, grain=None)
    day = dt.date(2024, 1, 2)
    dated = TimeSpan(text="2024-01-02", start=day, end=day, grain="day")
    events = []
    for number in range(count):
        text = " ".join(rng.choice(CUE_PIECES) for _ in range(rng.randint(0, 6)))
        span = rng.choice((None, when, dated, dated))
        events.append(
            TimelineEvent(when=span, text=text, line=number + 1, phase=rng.choice(PHASES))
        )
    return events


def test_from_timeline_matches_the_plain_loop() -> None:
    runs = [list(report.timeline) for report in REPORTS]
    runs += [_generated_events(seed, 40) for seed in range(300)]
    assert sum(len(run) for run in runs) > 10000
    assert [run for run in runs if metrics._from_timeline(run) != _plain_from_timeline(run)] == []
    assert sum(bool(_plain_from_timeline(run)) for run in runs) > 200
