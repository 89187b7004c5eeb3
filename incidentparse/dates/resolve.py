"""Resolution: an Expr and the document's anchors to a TimeSpan (year inference, zones, ranges)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..models import Alternative, TimeSpan, assembled
from .calendar import TIME_GRAINS, finer, infer_year, interval
from .grammar import Expr
from .points import Ctx, Point
from .zones import UTC, Zone

_EXPLICIT_ZONES = frozenset({"UTC", "GMT", "UT", "Z"})
# C15 dual readings and midnight-crossing checks: no zone is further than this from UTC.
_MAX_OFFSET = dt.timedelta(hours=14)
_MIDNIGHT = dt.time()
# TimeSpan(**fields) and Alternative(**fields) as the models' validators build them (the plain
# way; tests compare with it).
_validated_span = TimeSpan.__pydantic_validator__.validate_python
_validated_alternative = Alternative.__pydantic_validator__.validate_python
# Every field of a TimeSpan in the model's order, with its default (required ones: a marker that
# _fields always replaces).
_SPAN_DEFAULTS: dict[str, object] = {
    name: info.default for name, info in TimeSpan.model_fields.items()
}


@dataclass(frozen=True)
class Env:
    """The document options a resolution needs."""

    reference: dt.date
    context_year: int | None = None
    zone: Zone = UTC
    zone_source: str = "assumed"
    fiscal_start: int = 1
    fiscal_configured: bool = False


@dataclass(slots=True)
class Side:
    """One resolved endpoint, before it becomes part of a TimeSpan."""

    start: dt.date | dt.datetime
    end: dt.date | dt.datetime
    grain: str
    year_source: str | None = None
    zone_source: str | None = None
    approximate: bool = False
    ambiguous: bool = False
    suspect: bool = False
    alternatives: list[Alternative] = field(default_factory=list)
    local_day: dt.date | None = None
    local_time: dt.datetime | None = None


def resolve_point(point: Point, env: Env, ctx: Ctx) -> Side | None:
    """A Point to its interval: year inference, weekday check, time and zone."""
    if point.kind == "time" or (point.kind == "fixed" and point.instant is not None):
        return _time_only(point, env, ctx)
    year, source = infer_year(point, env.reference, env.context_year)
    found = interval(point, year, env.fiscal_start)
    if found is None:
        return None
    start, end, grain = found
    # C7: fiscal periods are a guess (approximate) unless the fiscal start month is configured.
    fiscal_guess = point.fiscal and not env.fiscal_configured
    side = Side(
        start,
        end,
        grain,
        None if point.relative else source,
        approximate=point.approximate or fiscal_guess,
    )
    side.local_day = start if start == end else None
    if point.weekday is not None and start == end and start.weekday() != point.weekday:
        side.ambiguous = True  # C10: the date wins, the mismatch is flagged
    if point.alt is not None:
        _add_alternative(side, point.alt, year, env, point.alt_reading)
    if point.has_time:
        return _with_clock(side, point, start, env)
    return side


def _add_alternative(side: Side, alt: Point, year: int, env: Env, reading: str) -> None:
    found = interval(alt if alt.year is not None else alt.evolve(year=year), year)
    if found is None:
        return
    side.ambiguous = True
    side.alternatives.append(_new_alternative(found[0], found[1], reading))


def _time_only(point: Point, env: Env, ctx: Ctx) -> Side | None:
    if point.instant is None:
        # combine(base, midnight).date(), one object instead of four per time-only stamp
        anchor = ctx.anchor
        base = anchor or ctx.reference  # ctx.base, without the property's call
        day = base if type(base) is dt.date else dt.date(base.year, base.month, base.day)
        source = "reference" if anchor is None else "context"
        return _with_clock(Side(day, day, "day", source), point, day, env)
    local = point.instant
    side = Side(local.date(), local.date(), "day", approximate=point.approximate)
    return _with_clock(
        side,
        point.evolve(
            hour=local.hour, minute=local.minute, second=local.second, time_grain="minute"
        ),
        local.date(),
        env,
    )


def _with_clock(side: Side, point: Point, day: dt.date, env: Env) -> Side:
    """C15: the written zone (or the dual reading's, or the default) converts to UTC."""
    hour = point.hour or 0
    # combine(day, time(...)) by the constructor: one object less per stamp, the same checks
    local = dt.datetime(
        day.year, day.month, day.day, hour % 24, point.minute or 0, point.second or 0
    )
    if hour == 24:
        local += dt.timedelta(days=1)
    written = point.zone
    # _zone_of(point, env), inline: once per stamp
    zone, source = (
        (env.zone, env.zone_source) if written is None else (written, _source_of(written))
    )
    instant = zone.to_utc(local)
    dual = point.extra.get("dual")
    if isinstance(dual, Point) and dual.zone is not None:
        instant, consistent = _dual_reading(local, instant, dual, written is None)
        if written is None:
            source = _source_of(dual.zone)
        side.ambiguous = side.ambiguous or not consistent
    side.start = side.end = instant
    side.grain = point.time_grain or "minute"
    side.zone_source = source
    side.local_day, side.local_time = day, local
    if zone.others:  # zone.ambiguous: IST, BST, AST, written or declared, are flagged (C15)
        side.ambiguous = True
        side.alternatives.extend(
            _new_alternative(alt, alt, reading) for alt, reading in zone.alternatives(local)
        )
    side.suspect = written is not None and written.suspect(day)
    return side


def _zone_of(point: Point, env: Env) -> tuple[Zone, str]:
    if point.zone is None:
        return env.zone, env.zone_source
    return point.zone, _source_of(point.zone)


def _source_of(zone: Zone) -> str:
    name = zone.name.upper()
    if name in _EXPLICIT_ZONES or name[:1] in ("+", "-", "−") or name[3:4] in ("+", "-"):
        return "explicit"
    return "abbreviation"


def _dual_reading(
    local: dt.datetime, instant: dt.datetime, dual: Point, use_dual: bool
) -> tuple[dt.datetime, bool]:
    """The bracketed time's UTC instant on the day that keeps it within 14 h of the local time."""
    clock = dt.time((dual.hour or 0) % 24, dual.minute or 0, dual.second or 0)
    candidates = []
    for shift in (-1, 0, 1):
        naive = dt.datetime.combine(local.date() + dt.timedelta(days=shift), clock)
        if dual.zone is not None:
            moment = dual.zone.to_utc(naive)
            if abs(local.replace(tzinfo=dt.timezone.utc) - moment) <= _MAX_OFFSET:
                candidates.append(moment)
    if not candidates:
        return instant, False
    if use_dual:
        return candidates[0], True
    return instant, instant in candidates


def to_span(
    expr: Expr, text: str, env: Env, ctx: Ctx, offset: int | None
) -> tuple[TimeSpan, Side] | None:
    """Resolve an Expr by its mode (C12–C14): the TimeSpan and its last endpoint (for anchors).

    None when the expression names no representable date ('9999-12-31T23:59-14:00' is past
    datetime.max in UTC): a problem in the input, so data, not an exception.
    """
    try:
        clock = _clock_span(expr, text, env, ctx, offset)
        if clock is not None:
            return clock
        found = _to_fields(expr, text, env, ctx, offset)
        if found is None:
            return None
        span: TimeSpan = new_span(found[0])
    except (OverflowError, ValueError):
        return None
    return span, found[1]


# Modes that leave a point's interval as it is (_apply_mode hands start and end back).
_KEEPING_MODES = frozenset({"point", "range"})
_UTC = dt.timezone.utc


def _clock_span(
    expr: Expr, text: str, env: Env, ctx: Ctx, offset: int | None
) -> tuple[TimeSpan, Side] | None:
    """to_span of one clock time on one day in a fixed-offset zone: a time read on the
    context's day ('1:06 PM' under '(times in BST)', every heading stamp of the 2i2c reports) or
    a day with its clock ('2022-03-18 08:37', a table row): resolve_point, _with_clock and
    _fields in one step. The slow part was not any one of them but their number (~7 us a BST
    row): a Side built then amended field by field, the zone's conversion and each other
    reading's aware datetime built apart. Here one aware datetime serves the instant and every
    other reading (local - offset in UTC, as Zone.to_utc and Zone.alternatives compute it), the
    Side is built once with its final values. None (the general path) for anything else: a
    second point, an instant, a dual reading or other extra, another reading of the date (alt),
    a fiscal or relative date, 24:00 (the next day), a moving mode, week of, ongoing, a region
    zone. tests/test_dates_perf24_zone.py compares it with the general path on every stamp we
    have and on generated ones."""
    a = expr.a
    if (
        a is None
        or expr.b is not None
        or a.extra
        or a.alt is not None
        or expr.week_of
        or expr.ongoing
        or expr.mode not in _KEEPING_MODES
    ):
        return None
    if a.kind == "time" and a.instant is None:
        # _time_only: the context's day, combine(base, midnight).date()
        anchor = ctx.anchor
        base = anchor or ctx.reference
        day = base if type(base) is dt.date else dt.date(base.year, base.month, base.day)
        year_source = "reference" if anchor is None else "context"
        approximate = ambiguous = False
    elif a.kind == "ymd" and a.day is not None and a.hour is not None and not a.relative:
        # resolve_point's year and interval (a named day: _ymd's first case; not fiscal, the
        # kind is ymd) and C10's weekday check; a day that does not exist raises ValueError,
        # to_span's None, as interval's None is resolve_point's and to_span's
        year, year_source = infer_year(a, env.reference, env.context_year)
        day = dt.date(year, a.month or 1, a.day)
        approximate = a.approximate
        ambiguous = a.weekday is not None and day.weekday() != a.weekday
    else:
        return None
    written = a.zone
    zone = env.zone if written is None else written
    hour = a.hour or 0
    if zone.region is not None or hour == 24:
        return None
    minute, second = a.minute or 0, a.second or 0
    hour %= 24
    local = dt.datetime(day.year, day.month, day.day, hour, minute, second)
    aware = dt.datetime(day.year, day.month, day.day, hour, minute, second, 0, _UTC)
    instant = aware - zone.shift
    grain = a.time_grain or "minute"
    zone_source = env.zone_source if written is None else _source_of(written)
    suspect = written is not None and written.suspect(day)
    others = zone.other_readings
    alternatives = []
    for shift, reading in others:
        moment = aware - shift
        alternatives.append(_new_alternative(moment, moment, reading))
    ambiguous = ambiguous or bool(others)
    side = Side(
        instant,
        instant,
        grain,
        year_source,
        zone_source,
        approximate,
        ambiguous,
        suspect,
        alternatives,
        day,
        local,
    )
    if (
        year_source
        and zone_source
        and grain in TIME_GRAINS
        and not (expr.approximate or approximate or suspect or offset is not None)
    ):
        # A timeline's clock stamp (every row of a time-stamped timeline): new_span's values
        # written out in the model's order and its fields set one of the three below, copied
        # from a frozenset, where new_span copied the defaults, updated them and made a set of
        # the dict's names (~a third of this function). ambiguous is a bool here, True where
        # others are. tests/test_dates_perf24_zone.py compares every answer with the general
        # path (_to_fields, new_span), tests/test_timeline_perf14.py with the validated span.
        values = {
            "text": text, "start": instant, "end": instant, "grain": grain,
            "approximate": False, "ongoing": False, "ambiguous": ambiguous,
            "alternatives": tuple(alternatives) if alternatives else _NO_ALTERNATIVES,
            "year_source": year_source, "zone_source": zone_source, "zone_suspect": False,
            "duration": None, "char_start": None, "char_end": None,
        }  # fmt: skip
        given = _CLOCK_ALTERNATIVES if alternatives else _CLOCK_AMBIGUOUS if ambiguous else _CLOCK
        return assembled(TimeSpan, values, given), side
    # _fields' dict (only values that differ from the defaults), made by new_span as every
    # span is: tests/test_timeline_perf14.py compares what new_span builds with validation
    fields: dict[str, object] = {"text": text, "start": instant, "end": instant, "grain": grain}
    if expr.approximate or approximate:
        fields["approximate"] = True
    if ambiguous:
        fields["ambiguous"] = True
    if alternatives:
        fields["alternatives"] = tuple(alternatives)
    if year_source:
        fields["year_source"] = year_source
    if grain in TIME_GRAINS and zone_source:
        fields["zone_source"] = zone_source
    if suspect:
        fields["zone_suspect"] = True
    if offset is not None:
        fields["char_start"], fields["char_end"] = offset, offset + len(text)
    return new_span(fields), side


# _clock_span's fields sets, and the values it writes out as new_span's defaults (asserted).
_CLOCK = frozenset(("text", "start", "end", "grain", "year_source", "zone_source"))
_CLOCK_AMBIGUOUS = _CLOCK | {"ambiguous"}
_CLOCK_ALTERNATIVES = _CLOCK_AMBIGUOUS | {"alternatives"}
_NO_ALTERNATIVES: tuple[Alternative, ...] = ()
assert tuple(_SPAN_DEFAULTS) == (
    "text", "start", "end", "grain", "approximate", "ongoing", "ambiguous", "alternatives",
    "year_source", "zone_source", "zone_suspect", "duration", "char_start", "char_end",
)  # fmt: skip
assert [_SPAN_DEFAULTS[name] for name in tuple(_SPAN_DEFAULTS)[4:]] == [
    False, False, False, _NO_ALTERNATIVES, None, None, False, None, None, None
]  # fmt: skip


def to_fields(
    expr: Expr, text: str, env: Env, ctx: Ctx, offset: int | None
) -> tuple[dict[str, object], Side] | None:
    """to_span's TimeSpan as the fields it is validated from (only values that differ from the
    model's defaults), for callers that read a few of them and keep no span: None exactly where
    to_span gives None, the same values as the span's (tests/test_dates_perf9.py)."""
    try:
        return _to_fields(expr, text, env, ctx, offset)
    except (OverflowError, ValueError):
        return None


def to_side(expr: Expr, text: str, env: Env, ctx: Ctx, offset: int | None) -> Side | None:
    """to_span's last endpoint without building the TimeSpan, for callers that only need where
    an expression is and the anchor it leaves. None exactly where to_span gives None: the fields
    always validate, being made of the model's own vocabulary (tests/test_dates_core_perf.py)."""
    try:
        found = _to_fields(expr, text, env, ctx, offset)
    except (OverflowError, ValueError):
        return None
    return None if found is None else found[1]


# Days a clock time can be put on with no date arithmetic overflowing: zones are at most 14 h
# from UTC, 24:00 and a dual reading move one day; a week either side is ample.
_SAFE_FIRST = dt.date.min + dt.timedelta(days=7)
_SAFE_LAST = dt.date.max - dt.timedelta(days=7)


def resolves(expr: Expr, text: str, env: Env, ctx: Ctx, offset: int | None) -> bool:
    """``to_side(...) is not None``, told without resolving the commonest case: one clock time
    ('5:02 PM', '[23:55]') read on the context's day. Its resolution (_time_only) never gives
    None, and with the day away from the calendar's ends and the clock in range nothing in it
    or in _fields raises (no range, no week, no 'within' duration: the only date arithmetic is
    a zone shift of at most 14 h and 24:00's next day). A timeline row's stamp is found this
    way (dates.leading); every other expression is resolved (tests/test_stamps_perf10.py)."""
    a = expr.a
    if (
        a is not None
        and expr.b is None
        and a.kind == "time"
        and a.instant is None
        and a.hour is not None
        and 0 <= a.hour <= 24
        and 0 <= (a.minute or 0) <= 59
        and 0 <= (a.second or 0) <= 59
        and expr.mode != "within"
        and not expr.week_of
        and "dual" not in a.extra
        and type(ctx.base) is dt.date
        and _SAFE_FIRST <= ctx.base <= _SAFE_LAST
    ):
        return True
    return to_side(expr, text, env, ctx, offset) is not None


def _to_fields(
    expr: Expr, text: str, env: Env, ctx: Ctx, offset: int | None
) -> tuple[dict[str, object], Side] | None:
    if expr.a is None:
        return None
    a, b = expr.a, expr.b
    if b is not None:
        a, b = share_fields(a, b, env)
    left = resolve_point(a, env, ctx)
    if left is None:
        return None
    right = resolve_point(b, env, ctx._replace(anchor=left.local_day or ctx.anchor)) if b else None
    if b is not None and right is None:
        return None
    return _fields(expr, text, env, left, right, offset), right or left


def share_fields(a: Point, b: Point, env: Env) -> tuple[Point, Point]:
    """C14: fields missing on one side come from the other; the end's year is inferred first."""
    if b.kind == "time" and _dated(a):
        b = a.evolve(
            hour=b.hour,
            minute=b.minute,
            second=b.second,
            time_grain=b.time_grain,
            zone=b.zone,
            extra=b.extra,
            weekday=None,
            alt=None,
        )
    if a.kind == "time" and _dated(b):
        a = b.evolve(
            hour=a.hour,
            minute=a.minute,
            second=a.second,
            time_grain=a.time_grain,
            zone=a.zone,
            extra=a.extra,
            weekday=None,
            alt=None,
        )
    if a.has_time and b.has_time:
        if a.zone is None:
            a = a.evolve(zone=b.zone)
        elif b.zone is None:
            b = b.evolve(zone=a.zone)
    if (
        a.year is None
        and a.kind in ("ymd", "quarter", "half")
        and b.kind in ("ymd", "quarter", "half", "year")
    ):
        year, source = infer_year(b, env.reference, env.context_year)
        b = b.evolve(year=year, year_source=source)
        a = a.evolve(year=_year_before(a, b, year), year_source=source)
    return a, b


def _dated(point: Point) -> bool:
    return point.kind in ("ymd", "fixed") and (point.day is not None or point.start is not None)


def _year_before(a: Point, b: Point, year: int) -> int:
    """'Dec 28 – Jan 3': the start takes the previous year when it would fall after the end."""
    first, second = interval(a, year), interval(b, year)
    if first is not None and second is not None and first[0] > second[0]:
        return year - 1
    return year


def _fields(
    expr: Expr, text: str, env: Env, left: Side, right: Side | None, offset: int | None
) -> dict[str, object]:
    """The TimeSpan's fields: only values that differ from the model's defaults."""
    start: dt.date | dt.datetime | None = left.start
    end: dt.date | dt.datetime | None = left.end
    grain = left.grain
    if right is not None:
        grain = finer(left.grain, right.grain)
        start, end = _align(left, grain, True), _align(right, grain, False)
        if start > end:
            start, end = _fix_order(left, right, start, end)
    if expr.week_of:
        day = left.local_day or left.start
        start, end = _week_of(day.date() if isinstance(day, dt.datetime) else day)
        grain = "week"
    start, end = _apply_mode(expr, env, start, end)
    other = right or left  # the two sides' flags, without a generator per flag
    fields: dict[str, object] = {"text": text, "start": start, "end": end, "grain": grain}
    # Only values that differ from the model's defaults: pydantic validates what it is given.
    if expr.approximate or left.approximate or other.approximate:
        fields["approximate"] = True
    if expr.ongoing:
        fields["ongoing"] = True
    if left.ambiguous or other.ambiguous:
        fields["ambiguous"] = True
    if left.alternatives or (right is not None and right.alternatives):
        fields["alternatives"] = (*left.alternatives, *(right.alternatives if right else ()))
    year_source = left.year_source or other.year_source
    if year_source:
        fields["year_source"] = year_source
    if grain in TIME_GRAINS and other.zone_source:
        fields["zone_source"] = other.zone_source
    if left.suspect or other.suspect:
        fields["zone_suspect"] = True
    if offset is not None:
        fields["char_start"], fields["char_end"] = offset, offset + len(text)
    return fields


def new_span(fields: dict[str, object]) -> TimeSpan:
    """TimeSpan(**fields) for _fields' fields, not validated (models.assembled): they are of the
    model's own types and vocabulary (a str text, date or datetime or None endpoints, a Grain,
    bools, Alternatives, the sources' literals, int offsets). Defaults filled in the model's
    order, the given names as the fields set."""
    values = dict(_SPAN_DEFAULTS)
    values.update(fields)
    return assembled(TimeSpan, values, fields)


def _new_alternative(
    start: dt.date | dt.datetime, end: dt.date | dt.datetime, reading: str
) -> Alternative:
    """Alternative(start=start, end=end, reading=reading), not validated (models.assembled): a
    date or datetime interval and its reading's str, as the callers have them."""
    return assembled(Alternative, {"start": start, "end": end, "reading": reading}, _ALT_FIELDS)


# A frozenset: assembled copies the names given into the fields set, a frozenset's table whole,
# where a tuple's names were inserted one by one (once per alternative reading: every row of a
# timeline in an ambiguous zone such as BST).
_ALT_FIELDS = frozenset(("start", "end", "reading"))


def _align(side: Side, grain: str, is_start: bool) -> dt.date | dt.datetime:
    """A date endpoint of a range with a time grain becomes the first/last instant of its day."""
    value = side.start if is_start else side.end
    if grain in TIME_GRAINS and not isinstance(value, dt.datetime):
        clock = _MIDNIGHT if is_start else dt.time(23, 59, 59)
        return dt.datetime.combine(value, clock, tzinfo=dt.timezone.utc)
    return value


def _fix_order(
    left: Side, right: Side, start: dt.date | dt.datetime, end: dt.date | dt.datetime
) -> tuple[dt.date | dt.datetime, dt.date | dt.datetime]:
    """'23:00–01:00' crosses midnight; anything else out of order is swapped and flagged."""
    if isinstance(end, dt.datetime) and right.local_day == left.local_day:
        return start, end + dt.timedelta(days=1)
    right.ambiguous = True
    return end, start


def _apply_mode(
    expr: Expr,
    env: Env,
    start: dt.date | dt.datetime | None,
    end: dt.date | dt.datetime | None,
) -> tuple[dt.date | dt.datetime | None, dt.date | dt.datetime | None]:
    if expr.mode == "open" or expr.ongoing:
        return start, None
    if expr.mode == "until":
        return None, end
    if expr.mode == "by":
        return _deadline(env.reference, end)
    if expr.mode == "within" and expr.within is not None and start is not None:
        return start, _plus(start, expr.within)
    return start, end


def _deadline(
    reference: dt.date, end: dt.date | dt.datetime | None
) -> tuple[dt.date | dt.datetime | None, dt.date | dt.datetime | None]:
    """C13: 'by X' = [R, end(X)] when end(X) ≥ R, else [None, end(X)]."""
    if end is None:
        return None, None
    if isinstance(end, dt.datetime):
        start_of_r = dt.datetime.combine(reference, _MIDNIGHT, tzinfo=dt.timezone.utc)
        return (start_of_r, end) if end >= start_of_r else (None, end)
    return (reference, end) if end >= reference else (None, end)


def _week_of(day: dt.date) -> tuple[dt.date, dt.date]:
    """C8: the Mon–Sun week containing X; a Sunday names the week it starts (US style)."""
    monday = day if day.weekday() == 6 else day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def _plus(start: dt.date | dt.datetime, within: tuple[float, str]) -> dt.date | dt.datetime:
    """C18: 'within 48 hours of X' = [X, X + 48 h]; a date start moves by whole days."""
    count, unit = within
    seconds = {
        "second": 1,
        "minute": 60,
        "hour": 3600,
        "day": 86400,
        "week": 604800,
        "month": 2629746,
        "year": 31556952,
    }[unit] * count
    if isinstance(start, dt.datetime):
        return start + dt.timedelta(seconds=seconds)
    return start + dt.timedelta(days=int(seconds // 86400))
