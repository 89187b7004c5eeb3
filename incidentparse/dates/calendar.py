"""Calendar arithmetic: a Point and a year to an inclusive interval, and year inference (C2, C3)."""

from __future__ import annotations

import datetime as dt

from .months import last_of_month, month_start, months_span
from .points import Point
from .vocab import MONTH_PART_DAYS, YEAR_PART_MONTHS

GRAINS: tuple[str, ...] = (
    "year",
    "half",
    "quarter",
    "month",
    "part_of_month",
    "week",
    "day",
    "hour",
    "minute",
    "second",
)
GRAIN_RANK = {grain: rank for rank, grain in enumerate(GRAINS)}
TIME_GRAINS = frozenset({"hour", "minute", "second"})
# C3: a start may lie up to this far after R before the previous year is taken instead.
GRACE = dt.timedelta(days=31)

Interval = tuple[dt.date, dt.date, str]


def interval(point: Point, year: int, fiscal_start: int = 1) -> Interval | None:
    """The inclusive calendar interval a date Point names in ``year``; None if no such day."""
    try:
        return _INTERVALS[point.kind](point, year, fiscal_start)
    except (ValueError, KeyError, OverflowError):
        return None


def _ymd(point: Point, year: int, fiscal_start: int) -> Interval:
    month = point.month or 1
    if point.day is not None:
        day = dt.date(year, month, point.day)
        return day, day, "day"
    if point.part is not None:
        first, last = MONTH_PART_DAYS[point.part]
        end = dt.date(year, month, last) if last else last_of_month(year, month)
        return dt.date(year, month, first), end, "part_of_month"
    return dt.date(year, month, 1), last_of_month(year, month), "month"


def _year(point: Point, year: int, fiscal_start: int) -> Interval:
    if point.part is not None:
        first, last = YEAR_PART_MONTHS[point.part]
        return dt.date(year, first, 1), last_of_month(year, last), "year"
    return dt.date(year, 1, 1), dt.date(year, 12, 31), "year"


def _fiscal_first(year: int, fiscal_start: int) -> dt.date:
    """C7: FYn ends in calendar year n."""
    return dt.date(year if fiscal_start == 1 else year - 1, fiscal_start, 1)


def _quarter(point: Point, year: int, fiscal_start: int) -> Interval:
    n = point.n or 1
    if point.fiscal:
        start = _fiscal_first(year, fiscal_start)
        first = month_start(start.year, start.month, 3 * (n - 1))
    else:
        first = dt.date(year, 3 * n - 2, 1)
    return (*months_span(first, 3), "quarter")


def _half(point: Point, year: int, fiscal_start: int) -> Interval:
    first = dt.date(year, 1 if point.n == 1 else 7, 1)
    return (*months_span(first, 6), "half")


def _fiscal(point: Point, year: int, fiscal_start: int) -> Interval:
    first = _fiscal_first(year, fiscal_start)
    return (*months_span(first, 12), "year")


def _fixed(point: Point, year: int, fiscal_start: int) -> Interval:
    if point.start is None or point.end is None or point.grain is None:
        raise ValueError("fixed point without interval")
    return point.start, point.end, point.grain


_INTERVALS = {
    "ymd": _ymd,
    "year": _year,
    "quarter": _quarter,
    "half": _half,
    "fiscal": _fiscal,
    "fixed": _fixed,
    "week": _fixed,
}


def grace_limit(reference: dt.date) -> dt.date:
    """R + 31 days (C3), held at the end of the calendar."""
    return reference + GRACE if reference <= dt.date.max - GRACE else dt.date.max


def infer_year(point: Point, reference: dt.date, context_year: int | None) -> tuple[int, str]:
    """C2/C3: the written year, else the context year, else the latest year not past R + 31 days."""
    if point.year is not None:
        return point.year, point.year_source or "explicit"
    if context_year is not None:
        return context_year, "context"
    limit = grace_limit(reference)
    for year in range(reference.year + 1, reference.year - 8, -1):
        first = first_day(point, year)
        if first is not None and first <= limit:
            return year, "reference"
    return reference.year, "reference"


def first_day(point: Point, year: int) -> dt.date | None:
    """The interval's first day in year, without its end (year inference only needs this)."""
    try:
        if point.kind == "ymd":
            day = point.day or (MONTH_PART_DAYS[point.part][0] if point.part is not None else 1)
            return dt.date(year, point.month or 1, day)
        if point.kind == "quarter" and not point.fiscal:
            return dt.date(year, 3 * (point.n or 1) - 2, 1)
        if point.kind == "half":
            return dt.date(year, 1 if point.n == 1 else 7, 1)
    except ValueError:
        return None  # Feb 29 in a common year: try the year before
    found = interval(point, year)
    return found[0] if found is not None else None


def finer(a: str, b: str) -> str:
    return a if GRAIN_RANK[a] >= GRAIN_RANK[b] else b
