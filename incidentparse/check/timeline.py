"""Timeline rules: enough dated events for the profile, every event placed, events in order.

Input: a Context. Output: Hits pointing at the timeline heading or at the offending event.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ..models import TimelineEvent
from .base import Context, Hit
from .evidence import (
    DAY_OR_FINER,
    RESOLVED_ZONES,
    TIME_GRAINS,
    dated,
    event_answers,
    grain_in,
    section_line,
)

OUTAGE_MIN_EVENTS = 2  # completeness.md: ">= 2 events with times"


def _timed(event: TimelineEvent) -> bool:
    """An event with a clock time whose zone is resolvable (outage MUST)."""
    when = event.when
    return grain_in(when, TIME_GRAINS) and when is not None and when.zone_source in RESOLVED_ZONES


def _day(event: TimelineEvent) -> bool:
    return grain_in(event.when, DAY_OR_FINER)


def missing_timeline(ctx: Context) -> Iterator[Hit]:
    r = ctx.report
    line = section_line(r, "timeline")
    events = [e for e in r.timeline if e.applicable]
    if ctx.base == "security":
        if not any(dated(e.when) for e in events):
            yield Hit("the timeline has no dated event", line)
        return
    if ctx.ongoing:
        # Ongoing relaxation: day-precision entries satisfy the timeline rule.
        count, what = sum(_day(e) for e in events), "dated to the day"
    else:
        count, what = sum(_timed(e) for e in events), "with a time and a resolvable zone"
    if count < OUTAGE_MIN_EVENTS:
        yield Hit(
            f"the timeline has {count} event(s) {what}; at least {OUTAGE_MIN_EVENTS} are needed",
            line,
            hint="give each event a time, and declare the zone once (e.g. 'All times in UTC')",
        )


def undated_timeline(ctx: Context) -> Iterator[Hit]:
    for event in ctx.report.timeline:
        if event.applicable and event_answers(event) and not dated(event.when) and not event.phase:
            yield Hit("timeline event has neither a date nor a phase", event.line, 1)


def _key(event: TimelineEvent) -> dt.datetime | dt.date | None:
    when = event.when
    if when is None or when.ambiguous:
        return None
    return when.start


def _before(a: dt.datetime | dt.date, b: dt.datetime | dt.date) -> bool:
    """a strictly before b; a date and an instant compare by calendar day only."""
    if isinstance(a, dt.datetime) and isinstance(b, dt.datetime):
        return a < b
    day_a = a.date() if isinstance(a, dt.datetime) else a
    day_b = b.date() if isinstance(b, dt.datetime) else b
    return day_a < day_b


def unordered_timeline(ctx: Context) -> Iterator[Hit]:
    previous: tuple[TimelineEvent, dt.datetime | dt.date] | None = None
    for event in ctx.report.timeline:
        key = _key(event)
        if key is None:
            continue
        if previous is not None and _before(key, previous[1]):
            when = event.when.text if event.when else ""
            yield Hit(
                f"timeline event '{when}' comes after a later one (line {previous[0].line})",
                event.line,
                1,
            )
        previous = (event, key)
