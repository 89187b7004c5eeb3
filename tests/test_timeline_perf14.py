"""Round 14 timeline fast paths, each compared with the way it replaces.

- `resolve.new_span` builds a TimeSpan from _fields' fields without validating them: the same
  model the validator builds (values, their order and very objects, the fields set, the JSON),
  compared on every span a parse of every report we have builds, and on every expression at
  every candidate of those reports under several contexts (zones with alternatives, anchors).
  Since round 40 `resolve._clock_span` builds a plain clock stamp's span itself (by
  models.assembled, not new_span): those spans are validated from their fields set's values and
  compared the same way (`_compared` wraps both).
- `leading._may_open` skips the grammar at a row's first words that grammar.START_LOWER turns
  away: the same leading expressions as trying every candidate, on every line of every report
  and on generated rows (words START_LOWER reads, CASE_UNSAFE characters, 'İ').
- `answers.classify` tells most real answers by their first character: the same Answer as
  reading the value in full, on every line of every report and generated values.
- `timeline._new_event` builds a TimelineEvent without validating it: the same model as
  TimelineEvent(**values), compared on every event of every report.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from pydantic import BaseModel

from incidentparse import answers, parse
from incidentparse.dates import leading, resolve
from incidentparse.dates.grammar import Expr
from incidentparse.dates.points import Ctx
from incidentparse.dates.resolve import Env, Side
from incidentparse.dates.scan import Options, candidates, expression_at
from incidentparse.extract import timeline
from incidentparse.models import Alternative, TimelineEvent, TimeSpan

from .conftest import FIXTURES, ROOT, SHARED

REPORTS = sorted(
    [
        *FIXTURES.glob("**/*.md"),
        *ROOT.glob("*.md"),
        *(ROOT / "docs").glob("**/*.md"),
        *(SHARED / "corpus").glob("*.md"),
    ]
)
# Ambiguous zones (their other readings are Alternatives) and dated prose (spans found in a
# sentence carry their offsets), which the shared corpus has and the repository's reports lack.
ZONES_AND_PROSE = """# Outage

## Timeline (times in BST)

- 10:02 BST: writes fail
- 10:40 IST: restored
- March 3, 2026 4:00 PM AST: closed

## Summary

On March 2, 2026 at 09:55 the first alerts fired, and on March 4 the fix was released.
"""
DOCS: list[str] = [p.read_text(encoding="utf-8") for p in REPORTS] + [ZONES_AND_PROSE]


def _same_model(fast: BaseModel, plain: BaseModel) -> None:
    """Built as the validator builds it: the same values (the very objects; a tuple rebuilt by
    the validator holds the same items), in the same order, the same fields set and JSON."""
    assert type(fast) is type(plain)
    assert fast == plain
    assert list(fast.__dict__) == list(plain.__dict__)
    for name, value in plain.__dict__.items():
        mine = fast.__dict__[name]
        if isinstance(value, tuple):
            assert type(mine) is tuple and len(mine) == len(value)
            assert all(a is b for a, b in zip(mine, value, strict=True))
        else:
            assert mine is value
    assert fast.model_fields_set == plain.model_fields_set
    assert fast.__pydantic_extra__ == plain.__pydantic_extra__
    assert fast.__pydantic_private__ == plain.__pydantic_private__
    assert fast.model_dump_json() == plain.model_dump_json()


@contextmanager
def _compared() -> Iterator[list[dict[str, object]]]:
    """Every span and Alternative built meanwhile is also validated, and the two compared. A
    span is built by new_span, or (a timeline's clock stamp, since round 40) by _clock_span
    itself: those are validated from the values of the names in their fields set, which must
    give the same model, so every value left out of the set must be the model's default
    (tests/test_dates_perf24_zone.py compares _clock_span's answers with the general path)."""
    seen: list[dict[str, object]] = []
    built, alternative, clock = resolve.new_span, resolve._new_alternative, resolve._clock_span

    def both(fields: dict[str, object]) -> TimeSpan:
        fast = built(dict(fields))
        _same_model(fast, resolve._validated_span(dict(fields)))
        seen.append(fields)
        return fast

    def both_clock(
        expr: Expr, text: str, env: Env, ctx: Ctx, offset: int | None
    ) -> tuple[TimeSpan, Side] | None:
        before = len(seen)
        found = clock(expr, text, env, ctx, offset)
        if found is not None and len(seen) == before:  # built without new_span
            fast = found[0]
            fields = {name: fast.__dict__[name] for name in fast.model_fields_set}
            _same_model(fast, resolve._validated_span(dict(fields)))
            seen.append(fields)
        return found

    def both_alternative(
        start: dt.date | dt.datetime, end: dt.date | dt.datetime, reading: str
    ) -> Alternative:
        fast = alternative(start, end, reading)
        plain = resolve._validated_alternative({"start": start, "end": end, "reading": reading})
        _same_model(fast, plain)
        return fast

    resolve.new_span, resolve._new_alternative = both, both_alternative  # type: ignore[assignment]
    resolve._clock_span = both_clock
    try:
        yield seen
    finally:
        resolve.new_span, resolve._new_alternative = built, alternative
        resolve._clock_span = clock


def test_spans_of_every_parse_are_the_validated_ones() -> None:
    with _compared() as seen:
        for text in DOCS:
            parse(text)
    assert len(seen) > 150  # 211 from the repository alone, more with the shared corpus
    assert any("alternatives" in f for f in seen) and any("char_start" in f for f in seen)
    readings = {a.reading for f in seen for a in f.get("alternatives", ())}  # type: ignore[attr-defined]
    assert any(" as UTC" in r for r in readings)
    if (SHARED / "corpus").is_dir():  # a day-first reading: kubernetes 2019-03-26's '12-05 16:21'
        assert any("first" in r for r in readings)
    starts = {type(f["start"]) for f in seen}
    assert {dt.date, dt.datetime} <= starts


def test_spans_at_every_candidate_are_the_validated_ones() -> None:
    reference = dt.date(2024, 3, 1)
    with _compared() as seen:
        for zone in ("UTC", "BST", "IST", "America/New_York", "+14:00"):
            options = Options(reference, context_year=2023, default_zone=zone, dayfirst=True)
            env, ctx = options.env(), options.ctx()
            for text in DOCS:
                for pos in candidates(text):
                    expr = expression_at(text, pos, ctx)
                    if expr is not None:
                        resolve.to_span(expr, text[expr.begin : expr.end], env, ctx, pos)
    grains = {f["grain"] for f in seen}
    assert {"year", "month", "day", "minute"} <= grains
    assert any(f.get("ambiguous") for f in seen) and any(f.get("approximate") for f in seen)
    assert any(f["start"] is None for f in seen) and any(f["end"] is None for f in seen)


def test_events_are_the_validated_ones() -> None:
    """timeline._new_event: every event of every report as TimelineEvent(**values) builds it."""
    built = timeline._new_event
    seen: list[TimelineEvent] = []

    def both(values: dict[str, object]) -> TimelineEvent:
        fast = built(dict(values))
        plain = TimelineEvent(**values)  # type: ignore[arg-type]
        _same_model(fast, plain)
        seen.append(fast)
        return fast

    timeline._new_event = both
    try:
        for text in DOCS:
            parse(text)
    finally:
        timeline._new_event = built
    assert len(seen) > 150  # 195 from the repository alone, more with the shared corpus
    assert any(e.when is None for e in seen) and any(e.fields for e in seen)
    assert any(not e.applicable for e in seen) and any(e.phase for e in seen)


_ROW_PIECES: tuple[str, ...] = (
    "The", "the", "A", "a", "second", "Second", "First", "It", "To", "All", "at", "on", "In",
    "from", "next", "Mon", "April", "april 1", "noon", "Q3", "FY24", "fy24", "2019", "14:00",
    "5:02 PM", "12th", "[", "**", "(", "~", "-", ":", "İ", "\u0131", "\u017f", "K",
    "\u017fecond", "la\u017ft", "noon\u0131", "restarted",
    "engineer", "week", "late", "early", "mid", "T+5", "yesterday", "today", "ago", "last",
)  # fmt: skip


def test_leading_expression_as_every_candidate_tried() -> None:
    rng = random.Random(14)
    texts = [
        rng.choice(("", " ", ", ")).join(rng.choice(_ROW_PIECES) for _ in range(rng.randint(1, 6)))
        for _ in range(4000)
    ]
    texts += [line.strip(" -*#>") for doc in DOCS for line in doc.splitlines() if line.strip()]
    found = skipped = 0
    may_open = leading._may_open
    for n, text in enumerate(texts):
        if not text:
            continue
        reference = (dt.date(2024, 3, 1), dt.date(2019, 12, 31))[n % 2]
        limit = n % 5
        end = min(len(text), limit + rng.randint(0, 12))
        fast = leading.leading_expression(text, reference, limit, end)
        leading._may_open = lambda text, pos: True
        try:
            plain = leading.leading_expression(text, reference, limit, end)
        finally:
            leading._may_open = may_open
        assert (fast and (fast.begin, fast.end)) == (plain and (plain.begin, plain.end)), text
        found += fast is not None
        skipped += any(not may_open(text, p) for p in candidates(text, 0, end) if p <= limit)
    assert found > 500 and skipped > 500


_ANSWER_PIECES: tuple[str, ...] = (
    "N/A", "n/a", "na", "NA", "None", "none observed", "No", "nil", "Unknown", "TBD", "tbc",
    "pending", "Pending", "not applicable", "Not yet determined", "-", "—", "–", "*", "**", "_",
    " ", "  ", "\t", "\n", "(", ")", ":", ";", ".", " - ", " — ", "x", "Engineer", "2024-03-01",
    "İ", "\u212a", "\u0131", "\u00a0", "\u2003", "reason", "Not", "nothing", "unspecified",
)  # fmt: skip


def test_classify_as_read_in_full() -> None:
    """answers.classify's first-character test: the same Answer as answers._classify."""
    rng = random.Random(1414)
    values = [
        "".join(rng.choice(_ANSWER_PIECES) for _ in range(rng.randint(0, 6))) for _ in range(20000)
    ]
    values += [line for doc in DOCS for line in doc.splitlines()]
    placeholders = 0
    for value in values:
        fast = answers.classify(value)
        assert fast == answers._classify(value), value
        placeholders += fast.placeholder
    assert placeholders > 2000


def test_assembled_validates_under_another_pydantic_layout(monkeypatch: pytest.MonkeyPatch) -> None:
    """Where pydantic keeps its instances otherwise, assembled validates the given values:
    every report parses to the same JSON either way."""
    from incidentparse import models

    texts = [path.read_text(encoding="utf-8") for path in REPORTS[:12]]
    built = [parse(text, reference_date=dt.date(2026, 6, 1)).model_dump_json() for text in texts]
    monkeypatch.setattr(models, "CONSTRUCTIBLE", False)
    called = []
    real = TimeSpan.__init__

    def counted(self: TimeSpan, **values: object) -> None:
        called.append(1)
        real(self, **values)

    monkeypatch.setattr(TimeSpan, "__init__", counted)
    again = [parse(text, reference_date=dt.date(2026, 6, 1)).model_dump_json() for text in texts]
    assert again == built
    assert called  # the fallback ran: the spans were validated
