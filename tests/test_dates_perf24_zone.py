"""A clock time resolved in one step (resolve._clock_span) is what the general path gives.

Round 24 of the speed work: to_span resolves one clock time read on the context's day in a
fixed-offset zone ('1:06 PM' under '(times in BST)') without _time_only, _with_clock, _fields
and new_span. Every time it answers, the general path (_to_fields then new_span, as to_span
ran before) is run on the same arguments and both are compared: the TimeSpan (==, repr, its
values in the model's order, its fields set) and the Side (every slot). The inputs: every
report and document we have parsed whole, their lines and cells as field values, and generated
stamps under many option sets and anchors (DST edges, every ambiguous zone, written zones,
offsets, approximate and suspect stamps). No timings here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from incidentparse import parse
from incidentparse.dates import resolve, scan
from incidentparse.dates.grammar import Expr, match_expression
from incidentparse.dates.points import Ctx
from incidentparse.dates.resolve import Env, Side
from incidentparse.dates.scan import Options
from incidentparse.models import TimeSpan

from .test_dates_resolve_perf import _ANCHORS, DOCUMENTS, OPTION_SETS, STAMPS, VALUES

_Call = tuple[Expr, str, Env, Ctx, "int | None"]


def _plain_span(
    expr: Expr, text: str, env: Env, ctx: Ctx, offset: int | None
) -> tuple[TimeSpan, Side] | None:
    """to_span as it was before the shortcut: the general path."""
    try:
        found = resolve._to_fields(expr, text, env, ctx, offset)
        if found is None:
            return None
        span = resolve.new_span(found[0])
    except (OverflowError, ValueError):
        return None
    return span, found[1]


def _side_values(side: Side) -> list[str]:
    return [repr(getattr(side, name)) for name in Side.__slots__]


def _same(fast: tuple[TimeSpan, Side], plain: tuple[TimeSpan, Side] | None) -> None:
    assert plain is not None
    span, other = fast[0], plain[0]
    # repr as well as ==: aware datetimes compare equal across zones; repr shows the tzinfo
    assert span == other
    assert repr(span) == repr(other)
    assert [(k, repr(v)) for k, v in span.__dict__.items()] == [
        (k, repr(v)) for k, v in other.__dict__.items()
    ]
    assert span.model_fields_set == other.model_fields_set
    assert [alt.model_fields_set for alt in span.alternatives] == [
        alt.model_fields_set for alt in other.alternatives
    ]
    assert _side_values(fast[1]) == _side_values(plain[1])


@contextmanager
def _checked() -> Iterator[list[int]]:
    """Every answer of _clock_span compared with the general path; yields [answers, calls,
    answers for a dated clock]."""
    counts = [0, 0, 0]
    shortcut = resolve._clock_span

    def compared(
        expr: Expr, text: str, env: Env, ctx: Ctx, offset: int | None
    ) -> tuple[TimeSpan, Side] | None:
        counts[1] += 1
        try:
            fast = shortcut(expr, text, env, ctx, offset)
        except (OverflowError, ValueError):
            # to_span turns these into None: so must the general path
            assert _plain_span(expr, text, env, ctx, offset) is None
            raise
        if fast is not None:
            counts[0] += 1
            counts[2] += expr.a is not None and expr.a.kind == "ymd"
            _same(fast, _plain_span(expr, text, env, ctx, offset))
        return fast

    mp = pytest.MonkeyPatch()
    mp.setattr(resolve, "_clock_span", compared)
    try:
        yield counts
    finally:
        mp.undo()


def test_documents_parse_with_the_general_path_answers() -> None:
    """Every report and document parsed whole: timelines' heading and row stamps."""
    with _checked() as counts:
        for text in DOCUMENTS:
            parse(text)
    assert counts[0] >= 120, counts  # 161 from the repository, 289 with the corpus
    assert counts[2] >= 100, counts  # dated clocks: 141, 228


def test_field_values_under_an_ambiguous_zone() -> None:
    with _checked() as counts:
        for zone in ("BST", "IST", "AST", "UTC+05:30", "UTC"):
            options = Options(dt.date(2019, 11, 3), 2019, zone, None)
            ctx = Ctx(options.reference, anchor=dt.date(2019, 10, 27))
            for value in VALUES:
                scan.parse_value(value, options)
                scan.parse_value(value, options, ctx)
    assert counts[0] >= 200, counts


def test_generated_stamps_under_every_option_set() -> None:
    with _checked() as counts:
        for number, options in enumerate(OPTION_SETS):
            anchor = _ANCHORS[number % len(_ANCHORS)]
            ctx = Ctx(options.reference, anchor=anchor, dayfirst=options.dayfirst)
            for stamp in STAMPS[number % 12 :: 12]:
                scan.parse_value(stamp, options)
                scan.parse_value(stamp, options, ctx)
    assert counts[0] >= 500, counts


_CLOCKS = ("1:06 PM", "13:06", "00:00", "24:00", "12:00 AM", "11:59 pm", "16:21:05", "3pm",
           "~1:06 PM", "about 9:30", "1:06 PM BST", "09:30 IST", "7:00 AST", "9am PST",
           "9am PDT", "14:00 -0700", "10:00 UTC+5:30", "5:00 PM EDT (21:00 UTC)",
           "13:06 Eastern", "8:15 CET", "1:06 PM Z", "25:00", "2019-03-10 13:06",
           "Sun 2019-03-10 13:06", "Monday 2019-03-10 13:06 BST", "Mon 2019-03-10 13:06",
           "Monday, 10 March 2019 at 13:06 UTC", "2019-02-29 10:00",
           "2020-02-29 10:00 IST", "Mar 10 13:06", "10 March, 1:06 PM", "~2019-03-10 13:06",
           "2019-03-10 24:00", "9999-12-31 23:59", "0001-01-01 00:30 +05:30",
           "yesterday at 13:06", "2019-03-10 13:06 (14:06 BST)", "Q3 13:06")  # fmt: skip
_ZONES = ("BST", "IST", "AST", "UTC", "PDT", "UTC+05:30", "America/New_York", "UTC+14:00")
_DAYS = (None, dt.date(2019, 3, 10), dt.date(2019, 4, 1), dt.date(2019, 10, 27),
         dt.date(1, 1, 1), dt.date(9999, 12, 31))  # fmt: skip


def test_clock_times_at_every_zone_and_day() -> None:
    """Written and declared zones, the calendar's ends (overflow), offsets and none."""
    with _checked() as counts:
        for zone in _ZONES:
            options = Options(dt.date(2019, 4, 1), None, zone, None)
            for day in _DAYS:
                ctx = Ctx(options.reference, anchor=day)
                for clock in _CLOCKS:
                    scan.parse_value(clock, options, ctx)
                    list(scan.scan(f"At {clock} the pager went off.", options))
    assert counts[0] >= 300, counts
    assert counts[2] >= 100, counts


def test_the_shortcut_answers_none_outside_its_case() -> None:
    """A region zone, 24:00, a date: the general path (the shortcut gives None)."""
    options = Options(dt.date(2019, 4, 1), None, "America/New_York", None)
    env, ctx = options.env(), options.ctx()
    for text in ("1:06 PM", "24:00 UTC", "2019-03-10 13:06"):
        value = scan.parse_value(text, options)
        assert value is not None
        expr = match_expression(text, 0, ctx)
        assert expr is not None
        assert resolve._clock_span(expr, text, env, ctx, None) is None
