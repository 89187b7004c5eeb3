"""Round 37: metrics._between builds its Duration without _built's keyword call, _instant
turns a day into its first UTC instant by datetime.combine, _format adds its parts in place of
joining a generator over three repeated f-strings.

Round 36's _between, _instant and _format are kept here as the reference. They are compared
with the package's on every pair of anchors (None included) the Metrics of our reports hold
(fixtures, README and docs Markdown, the corpus when present), on generated anchors (days and
instants in several zones, every grain, either order) and on generated second counts (negative
ones too); the whole parse of every report, round 36's _between patched in for the one derive
calls (derive looks the name up in the module), gives the same JSON. No timings.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
from pathlib import Path

import pytest

import incidentparse
from incidentparse.extract import metrics
from incidentparse.models import Anchor, Duration, TimeSpan

from .test_dates_perf27_ref_value import _reports

_ROOT = Path(__file__).parent.parent
_DOCS = [
    path.read_text(encoding="utf-8") for path in [_ROOT / "README.md", *_ROOT.glob("docs/*.md")]
]


# --- the plain computation: round 36's ---


def _plain_instant(span: TimeSpan) -> dt.datetime | None:
    start = span.start
    if isinstance(start, dt.datetime):
        return start
    if isinstance(start, dt.date):
        return dt.datetime(start.year, start.month, start.day, tzinfo=dt.timezone.utc)
    return None


def _plain_format(seconds: float) -> str:
    minutes, _ = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    days, hours = divmod(hours, 24)
    parts = [f"{days}d" * bool(days), f"{hours}h" * bool(hours), f"{minutes}m" * bool(minutes)]
    return " ".join(p for p in parts if p) or "0m"


def _plain_between(first: Anchor | None, last: Anchor | None) -> Duration | None:
    if first is None or last is None:
        return None
    start, end = _plain_instant(first.when), _plain_instant(last.when)
    if start is None or end is None or end < start:
        return None
    seconds = (end - start).total_seconds()
    approximate = (
        first.when.grain not in metrics.TIME_GRAINS or last.when.grain not in metrics.TIME_GRAINS
    )
    return metrics._built(
        Duration, text=_plain_format(seconds), seconds=seconds, approximate=approximate
    )


def _same(fast: Duration | None, plain: Duration | None) -> None:
    assert (fast is None) == (plain is None)
    if fast is not None and plain is not None:
        assert fast == plain
        assert fast.model_fields_set == plain.model_fields_set
        assert fast.model_dump_json() == plain.model_dump_json()
        assert type(fast.seconds) is type(plain.seconds)


# --- our reports ---


def _report_anchors() -> list[Anchor | None]:
    found: list[Anchor | None] = [None]
    for text in [*_reports(), *_DOCS]:
        derived = incidentparse.parse(text).metrics
        if derived is not None:
            found += [derived.occurred, derived.detected, derived.contained, derived.resolved]
    return found


def test_between_alike_on_our_reports() -> None:
    anchors = _report_anchors()
    assert sum(anchor is not None for anchor in anchors) >= 10  # the fixtures alone hold these
    built = 0
    for first, last in itertools.product(anchors, repeat=2):
        fast = metrics._between(first, last)
        _same(fast, _plain_between(first, last))
        built += fast is not None
    assert built >= 10  # the fast path's Duration, not only its early Nones


# --- generated anchors and second counts ---

_ZONES = [
    dt.timezone.utc,
    dt.timezone(dt.timedelta(hours=-7)),
    dt.timezone(dt.timedelta(hours=5, minutes=30)),
]
_GRAINS = ["year", "month", "week", "day", "hour", "minute", "second", None]


class _Day(dt.date):
    """A date subclass: combine reads its fields as datetime(...) did."""


def _span(rng: random.Random) -> TimeSpan:
    base = dt.datetime(2018, 1, 1, tzinfo=dt.timezone.utc) + dt.timedelta(
        seconds=rng.randrange(0, 3 * 365 * 86400)
    )
    kind = rng.randrange(4)
    start: dt.date | dt.datetime | None
    if kind == 0:
        start = base.date()
    elif kind == 1:
        start = base.astimezone(rng.choice(_ZONES))
    elif kind == 2:
        day = base.date()
        start = _Day(day.year, day.month, day.day)
    else:
        start = None
    return TimeSpan.model_construct(
        text="x", start=start, end=start, grain=rng.choice(_GRAINS), year_source="explicit"
    )


def test_between_alike_on_generated_anchors() -> None:
    rng = random.Random(37)
    built = 0
    for _ in range(3000):
        first = Anchor(when=_span(rng), source="metadata", line=rng.randrange(1, 50))
        last = Anchor(when=_span(rng), source="timeline", line=rng.randrange(1, 50))
        fast = metrics._between(first, last)
        _same(fast, _plain_between(first, last))
        built += fast is not None
        assert metrics._instant(first.when) == _plain_instant(first.when)
        fast_instant, plain_instant = metrics._instant(last.when), _plain_instant(last.when)
        assert fast_instant == plain_instant
        if fast_instant is not None and plain_instant is not None:
            assert fast_instant.tzinfo is plain_instant.tzinfo
            assert fast_instant.fold == plain_instant.fold
            assert type(fast_instant) is type(plain_instant)
    assert built > 500


def test_format_alike_on_generated_seconds() -> None:
    rng = random.Random(3700)
    counts = [0.0, 59.9, 60.0, 3599.0, 3600.0, 86399.0, 86400.0, 90061.0, -1.0, -61.0, -86401.5]
    counts += [float(n) for n in range(0, 200000, 59)]
    counts += [rng.uniform(-1e7, 1e8) for _ in range(5000)]
    counts += [float(rng.randrange(0, 10**9)) for _ in range(5000)]
    for seconds in counts:
        assert metrics._format(seconds) == _plain_format(seconds), seconds


# --- the whole parse ---


def test_whole_parses_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [*_reports(), *_DOCS]
    fast = [incidentparse.parse(text).model_dump_json() for text in texts]
    monkeypatch.setattr(metrics, "_between", _plain_between)
    plain = [incidentparse.parse(text).model_dump_json() for text in texts]
    assert fast == plain
    assert sum('"time_to_detect":{' in dump or '"total_duration":{' in dump for dump in fast) >= 3
