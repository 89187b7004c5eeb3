"""Whole shapes: the commonest written forms of a date, read by one regex instead of the grammar.

Timeline rows and tables are mostly '2019-03-26 16:21', '4:06 PM', '16:21', '03-26 07:16' or
'2019-03-26' followed by a cell border or the end of the value. The grammar reads one such
stamp with some sixty Python calls (rule selection, each rule's regex and builder, the
attachments, the tails); this reads it with one regex match and one Point.

The shortcut answers only where the grammar would give the very same point over the very same
text: its regex takes only forms that exactly one rule per piece reads, and it is followed by
something no attachment or tail of the grammar can start with (a blank run then '|', ']', ': '
or the end of the text). Anywhere else it answers None and the grammar runs
(tests/test_dates_shapes.py compares both at every place of the docs, fixtures, corpus and
generated text).
"""

from __future__ import annotations

import re
from dataclasses import fields

from .points import DAY, MONTH, YEAR, Ctx, Point, _numeric_choice, build_month_day
from .vocab import MONTH_BY_NAME, case_unsafe

# One alternative per shape; the lookbehinds are the ones of the grammar's rules (ymd,
# month_day_with_time), which read the character before a date.
_DATE = r"(?<![\d.])(?P<year>(?:19|20)\d\d)-(?P<mo>0?[1-9]|1[0-2])-(?P<d>3[01]|[12]\d|0?[1-9])"
# '03-26 07:16': month and day with no year are a date only beside a clock time (points.py).
_MONTH_DAY = r"(?<![\d.v/-])(?P<a>\d{1,2})-(?P<b>\d{1,2})"
# A time of the 'time' rule with minutes and no seconds, zone or 'a.m.' dots. The hour stops
# at 23 ('24:00' is left to the grammar) and 'am'/'pm' takes one space at most, as the rule's
# '\s?' would (a newline there is left to the grammar: the follower test refuses it).
_TIME = r"(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?:[ ]?(?P<ap>[AaPp])[Mm])?"
# The date-time join of the grammar (_DATE_TIME_JOIN) without 'at'/'@'/'T', never empty.
_JOIN = r"(?:[ \t]*,[ \t]*|[ \t]+)"
# What may follow: nothing the grammar could read on with. A zone, seconds, a range ('-', 'to'),
# an open end, '-ish', a weekday, a bracketed dual time, a newline (a zone may follow it) all
# start otherwise, and the rules' own end tests ((?!\w|:\d), (?![\d]|[.-]\d)) pass.
_FOLLOW = r"(?=[ \t]*(?:[|\]]|:[ \t]|\Z))"
# A date (with its join when a time follows, else no digit next), or a month and day with
# their join, then the time: the time's groups are named once. The follower test at a digit
# fails, so a join is never taken without its time.
SHAPE = re.compile(
    rf"(?:{_DATE}(?:{_JOIN}(?=\d)|(?!\d))|{_MONTH_DAY}[ \t]+(?=\d))?(?:{_TIME})?{_FOLLOW}"
)


# A date alone at the end of its line ('Start: Wednesday, 2018-08-22' in a Date section), for
# grammar._match_weekday_shape: no rule reads a date across a line break (iso_datetime joins its
# time by 'T' or a space) and every attachment and tail of the grammar starts on the same line
# ([ \t] joins, a weekday after blanks). A clock time before a line break stays SHAPE's refusal
# (a zone may follow it on the next line).
DATE_AT_LINE_END = re.compile(rf"{_DATE}(?=[ \t]*\n)")


def match_date_at_line_end(text: str, pos: int) -> tuple[Point, int] | None:
    """The ymd point at pos and its end when a date alone ends its line there, else None."""
    m = DATE_AT_LINE_END.match(text, pos)
    if m is None:
        return None
    year, month, day = m.group("year", "mo", "d")
    return Point("ymd", int(year), int(month), int(day)), m.end()


# SHAPE's groups in their order: match_shape reads them with one m.groups() call (a stamp is
# read in a few microseconds, and each m.group() call was a tenth of it).
_GROUPS = ("year", "mo", "d", "a", "b", "h", "mi", "ap")
assert tuple(SHAPE.groupindex) == _GROUPS


# The Points of a clock (match_shape's and match_named's) are built with their arguments by
# position, Point's first twelve fields in their order (CLOCK_FIELDS): Point(kind, year,
# month, day, hour=…, minute=…, second=0, time_grain="minute") by keyword made the generated
# __init__ match each keyword to its parameter, ~0.4 us of every stamp with a clock
# (tests/test_timeline_perf31_point.py compares both).
CLOCK_FIELDS = (
    "kind", "year", "month", "day", "n", "part", "fiscal", "weekday",
    "hour", "minute", "second", "time_grain",
)  # fmt: skip
assert tuple(f.name for f in fields(Point))[: len(CLOCK_FIELDS)] == CLOCK_FIELDS
# The four passed between the day and the hour are given as their defaults: a Point built by
# keyword leaves them so.
assert tuple(f.default for f in fields(Point))[4:8] == (None, None, False, None)


def match_shape(text: str, pos: int, ctx: Ctx) -> tuple[Point, int] | None:
    """The point at pos and its end when it is one of the common shapes, else None."""
    m = SHAPE.match(text, pos)
    if m is None:
        return None
    year, month, day, a, b, hour, minute, ap = m.groups()
    if hour is None:  # a date alone ('03-26' never comes without its time)
        if year is None:
            return None
        return Point("ymd", int(year), int(month), int(day)), m.end()
    clock = clock_hour(int(hour), ap)
    if clock is None:
        return None
    point: Point | None
    if year is not None:  # built whole rather than built and evolved: one Point per stamp
        point = Point(
            "ymd", int(year), int(month), int(day), None, None, False, None,
            clock, int(minute), 0, "minute",
        )  # fmt: skip
    elif a is not None:
        point = _numeric_choice(int(a), int(b), None, ctx)
        if point is None:  # not a month and a day: the grammar reads on from there
            return None
        point = point.evolve(hour=clock, minute=int(minute), second=0, time_grain="minute")
    else:
        point = Point(
            "time", None, None, None, None, None, False, None, clock, int(minute), 0, "minute"
        )
    return point, m.end()


def clock_hour(hour: int, ap: str | None) -> int | None:
    """build_time's hour: 'pm' adds 12 (not to 12), '12 am' is 0, an am/pm hour is 1-12."""
    if ap is None:
        return hour
    if not 1 <= hour <= 12:
        return None
    ap = ap.lower()
    if ap == "p" and hour != 12:
        return hour + 12
    if ap == "a" and hour == 12:
        return 0
    return hour


# --- named-month dates ----------------------------------------------------------------------
# 'July 11, 2025', 'March 26th, 2019', 'Sept. 18th 2017': the month_day rule's day-and-year form,
# its own pieces (MONTH, DAY, YEAR, the separators and the 'hosts'/'users' end test) with the
# optional day and year made compulsory, read once inside an atomic group. Each optional part
# of the rule is tried taken first, so where this matches, the rule's own first match is this
# same text; the atomic group keeps the follower test from backing the date out to a shorter
# one. No other rule reads a month name, and no prefix, part-of word ('mid', 'end of') or
# weekday starts one (tests/test_dates_perf16.py); a written year leaves the context unused.
# What follows, after the blanks and one comma the grammar's date-time join passes over, is
# something no attachment and no tail starts: no time (a digit; 'noon'/'midnight' by their m
# and n; 'at', '@'), no weekday, no '(' (a weekday in brackets), no range or open end ('-', '–',
# '—', '~', '&', 'to', 'until', 'till', 'through', 'thru', 'and'), no 'or so', 'onwards',
# 'forward' or '-ish'. Word starts are refused by their first two letters, more than needed.
NAMED_FOLLOW = (
    r"(?=[ \t]*,?[ \t]*(?:\Z|[\n|\]).;:!?*_\"'<>/]"
    r"|(?!(?i:mon|tue|wed|thu|fri|sat|sun|at|to|ti|un|th|an|or|on|fo|is))[a-lo-zA-LO-Z]))"
)
# A clock time after it ('July 11, 2025, 12:42 PM') is read as SHAPE reads one after a date:
# the grammar's date-time join, the 'time' rule's minutes form, then SHAPE's own follower test.
_NAMED_DATE = rf"(?>(?i:{MONTH}[\s-]?{DAY}(?:\s*,\s*|\s+|-){YEAR}(?!\s*(?:hosts?|users?))))"
NAMED = re.compile(rf"{_NAMED_DATE}(?:{_JOIN}(?=\d){_TIME}{_FOLLOW}|{NAMED_FOLLOW})")
# NAMED's date (no clock time) where blanks and a range symbol follow ('July 11 2025 -
# CloudBank', a title): NAMED_FOLLOW refuses it, as a range may follow; the grammar then reads
# it with its rules and tails (~25 us), and grammar._named_before_symbol tells where no range
# can (its one regex match, the date's, stands for match_point's month_day rule).
NAMED_BEFORE_SYMBOL = re.compile(rf"{_NAMED_DATE}(?=[ \t]*[-–—−~])")
# The letters a month name starts with, in either case (a set look-up turns every other away).
NAMED_INITIALS = frozenset(name[0] for name in MONTH_BY_NAME) | frozenset(
    name[0].upper() for name in MONTH_BY_NAME
)


def match_named(text: str, pos: int, ctx: Ctx) -> tuple[Point, int] | None:
    """grammar.match_compound's answer at a named-month date with its day and year, alone or
    with a clock time, and nothing else attached or following on ('March 26th, 2019 Boskos',
    'July 11, 2025, 12:42 PM'), else None: grammar.match_expression reads the same point alone
    over the same text at pos."""
    m = NAMED.match(text, pos)
    if m is None or case_unsafe(m.group(0)):
        return None
    point = build_month_day(m, ctx)
    assert point is not None  # the builder refuses nothing
    hour, minute, ap = m.group("h", "mi", "ap")
    if hour is None:
        return point, m.end()
    clock = clock_hour(int(hour), ap)
    if clock is None:
        return None
    # built whole, as match_shape builds a date with its time
    point = Point(
        "ymd", point.year, point.month, point.day, None, None, False, None,
        clock, int(minute), 0, "minute",
    )  # fmt: skip
    return point, m.end()
