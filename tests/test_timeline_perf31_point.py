"""Round 31: the shapes' clock Points built with their arguments by position.

dates.shapes.match_shape and match_named build the Point of a stamp with a clock
(Point(kind, year, month, day, hour=…, minute=…, second=0, time_grain="minute") as it was) by
position: Point's first twelve fields in their order (shapes.CLOCK_FIELDS, held at import).
Compared with round 30's keyword builds (kept here) at every digit and month initial of
every line of our reports and of generated stamps, under both dayfirst readings: the same
Point (every field, and its __dict__ in the same order) and end.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import fields

from incidentparse.dates import shapes
from incidentparse.dates.points import Ctx, Point, _numeric_choice, build_month_day
from incidentparse.dates.shapes import NAMED, SHAPE, clock_hour
from incidentparse.dates.vocab import case_unsafe

from .test_timeline_perf11 import _doc_rows
from .test_timeline_perf26_stamp import STAMP_PIECES

_NAMED_PIECES = (
    "July 11, 2025", "July 11, 2025, 12:42 PM", "March 26th, 2019", "Sept. 18th 2017 4:06 pm",
    "jan 3 2024 23:59", "Feb 29, 2023, 1:00 AM", "Dec 31, 1999, 12:00 am", "May 5 2020 13:00 PM",
)  # fmt: skip


def _old_match_shape(text: str, pos: int, ctx: Ctx) -> tuple[Point, int] | None:
    """match_shape as it was (round 30)."""
    m = SHAPE.match(text, pos)
    if m is None:
        return None
    year, month, day, a, b, hour, minute, ap = m.groups()
    if hour is None:
        if year is None:
            return None
        return Point("ymd", int(year), int(month), int(day)), m.end()
    clock = clock_hour(int(hour), ap)
    if clock is None:
        return None
    point: Point | None
    if year is not None:
        point = Point(
            "ymd", int(year), int(month), int(day),
            hour=clock, minute=int(minute), second=0, time_grain="minute",
        )  # fmt: skip
    elif a is not None:
        point = _numeric_choice(int(a), int(b), None, ctx)
        if point is None:
            return None
        point = point.evolve(hour=clock, minute=int(minute), second=0, time_grain="minute")
    else:
        point = Point("time", hour=clock, minute=int(minute), second=0, time_grain="minute")
    return point, m.end()


def _old_match_named(text: str, pos: int, ctx: Ctx) -> tuple[Point, int] | None:
    """match_named as it was (round 30)."""
    m = NAMED.match(text, pos)
    if m is None or case_unsafe(m.group(0)):
        return None
    point = build_month_day(m, ctx)
    assert point is not None
    hour, minute, ap = m.group("h", "mi", "ap")
    if hour is None:
        return point, m.end()
    clock = clock_hour(int(hour), ap)
    if clock is None:
        return None
    point = Point(
        "ymd", point.year, point.month, point.day,
        hour=clock, minute=int(minute), second=0, time_grain="minute",
    )  # fmt: skip
    return point, m.end()


def _same(fast: tuple[Point, int] | None, plain: tuple[Point, int] | None) -> bool:
    if fast is None or plain is None:
        return fast is plain
    return fast == plain and list(vars(fast[0]).items()) == list(vars(plain[0]).items())


def _generated(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    pieces = (*STAMP_PIECES, *_NAMED_PIECES)
    return [
        rng.choice(("", " ", ", ", ": ")).join(rng.choice(pieces) for _ in range(rng.randint(1, 4)))
        for _ in range(count)
    ]


def _compare(texts: list[str]) -> int:
    """Clock Points built (match_shape's and match_named's), each compared with the old build."""
    built = 0
    ctxs = [Ctx(dt.date(2024, 3, 1), dayfirst=d) for d in (None, True, False)]
    for n, text in enumerate(texts):
        ctx = ctxs[n % 3]
        for pos, char in enumerate(text):
            if "0" <= char <= "9":
                fast = shapes.match_shape(text, pos, ctx)
                assert _same(fast, _old_match_shape(text, pos, ctx)), (text, pos)
            elif char in shapes.NAMED_INITIALS:
                fast = shapes.match_named(text, pos, ctx)
                assert _same(fast, _old_match_named(text, pos, ctx)), (text, pos)
            else:
                continue
            built += fast is not None and fast[0].hour is not None
    return built


def test_clock_fields_are_points_first() -> None:
    names = tuple(f.name for f in fields(Point))
    assert names[: len(shapes.CLOCK_FIELDS)] == shapes.CLOCK_FIELDS


def test_report_lines_build_the_same_points() -> None:
    assert _compare(_doc_rows()) > 30  # lines of the repository's own Markdown alone: 40+


def test_generated_stamps_build_the_same_points() -> None:
    assert _compare(_generated(4000, 314)) > 2000
