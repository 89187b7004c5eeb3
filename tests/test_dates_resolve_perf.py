"""Resolving a stamp the cheaper way gives exactly what the plain way gives.

Round 5 of the speed work: zones keep their conversions (Zone.to_utc, Zone.alternatives), local
times are built by the datetime constructor (resolve._with_clock, resolve._time_only), the
commonest shape builds its Point whole (shapes.match_shape), and parse_value skips its flag
searches when the rest of the value holds no letter, '~' or '≈'. Each plain form is kept here
and swapped in; both are run on the date tables, every Markdown file of the repo, the shared
corpus and generated stamps under many option sets, DST edges included. No timings here.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest

from incidentparse.dates import grammar, resolve, scan, shapes, zones
from incidentparse.dates.points import Ctx, Point, _numeric_choice
from incidentparse.dates.resolve import Env, Side
from incidentparse.dates.scan import Options
from incidentparse.models import Alternative

from .conftest import FIXTURES, REPO_MARKDOWN, SHARED

# --- the plain forms ---------------------------------------------------------------------------


def _plain_to_utc(local: dt.datetime, offset: int, region: str | None) -> dt.datetime:
    tz = zones._zoneinfo(region) if region else None
    if tz is not None:
        return local.replace(tzinfo=tz).astimezone(dt.timezone.utc)
    return (local - dt.timedelta(minutes=offset)).replace(tzinfo=dt.timezone.utc)


def _plain_zone_to_utc(zone: zones.Zone, local: dt.datetime) -> dt.datetime:
    return _plain_to_utc(local, zone.offset if zone.offset is not None else 0, zone.region)


def _plain_alternatives(zone: zones.Zone, local: dt.datetime) -> list[tuple[dt.datetime, str]]:
    return [
        (_plain_to_utc(local, other, None), f"{zone.name} as {zones.utc_offset(other)}")
        for other in zone.others
    ]


def _plain_time_only(point: Point, env: Env, ctx: Ctx) -> Side | None:
    if point.instant is not None:
        local = point.instant
    else:
        local = dt.datetime.combine(ctx.base, dt.time())
        side = Side(
            local.date(),
            local.date(),
            "day",
            year_source="reference" if ctx.anchor is None else "context",
        )
        return resolve._with_clock(side, point, local.date(), env)
    side = Side(local.date(), local.date(), "day", approximate=point.approximate)
    return resolve._with_clock(
        side,
        point.evolve(
            hour=local.hour, minute=local.minute, second=local.second, time_grain="minute"
        ),
        local.date(),
        env,
    )


def _plain_with_clock(side: Side, point: Point, day: dt.date, env: Env) -> Side:
    hour = point.hour or 0
    local = dt.datetime.combine(day, dt.time(hour % 24, point.minute or 0, point.second or 0))
    if hour == 24:
        local += dt.timedelta(days=1)
    zone, source = resolve._zone_of(point, env)
    instant = zone.to_utc(local)
    dual = point.extra.get("dual")
    if isinstance(dual, Point) and dual.zone is not None:
        instant, consistent = resolve._dual_reading(local, instant, dual, point.zone is None)
        if point.zone is None:
            source = resolve._source_of(dual.zone)
        side.ambiguous = side.ambiguous or not consistent
    side.start = side.end = instant
    side.grain = point.time_grain or "minute"
    side.zone_source = source
    side.local_day, side.local_time = day, local
    if zone.ambiguous:
        side.ambiguous = True
        side.alternatives.extend(
            Alternative(start=alt, end=alt, reading=reading)
            for alt, reading in zone.alternatives(local)
        )
    side.suspect = point.zone is not None and point.zone.suspect(day)
    return side


def _plain_match_shape(text: str, pos: int, ctx: Ctx) -> tuple[Point, int] | None:
    m = shapes.SHAPE.match(text, pos)
    if m is None:
        return None
    year, a = m.group("year"), m.group("a")
    point: Point | None
    if year is not None:
        point = Point("ymd", int(year), int(m.group("mo")), int(m.group("d")))
    elif a is not None:
        point = _numeric_choice(int(a), int(m.group("b")), None, ctx)
        if point is None:
            return None
    else:
        point = None
    hour = m.group("h")
    if hour is None:
        return None if point is None or year is None else (point, m.end())
    clock = shapes.clock_hour(int(hour), m.group("ap"))
    if clock is None:
        return None
    minute = int(m.group("mi"))
    if point is None:
        return Point("time", hour=clock, minute=minute, second=0, time_grain="minute"), m.end()
    return point.evolve(hour=clock, minute=minute, second=0, time_grain="minute"), m.end()


@contextmanager
def _plain() -> Iterator[None]:
    """Every shortcut of this round swapped for its plain form."""
    mp = pytest.MonkeyPatch()
    mp.setattr(zones.Zone, "to_utc", _plain_zone_to_utc)
    mp.setattr(zones.Zone, "alternatives", _plain_alternatives)
    mp.setattr(resolve, "_time_only", _plain_time_only)
    mp.setattr(resolve, "_with_clock", _plain_with_clock)
    mp.setattr(grammar, "match_shape", _plain_match_shape)
    mp.setattr(scan, "_FLAG_CHARS", re.compile(""))  # the flag searches always run
    try:
        yield
    finally:
        mp.undo()


def _both(run: Callable[[], list[object]]) -> None:
    """run() with the shortcuts, then with the plain forms: the same results one by one."""
    fast = run()
    with _plain():
        plain = run()
    assert len(fast) == len(plain)
    for number, (one, other) in enumerate(zip(fast, plain, strict=True)):
        # repr as well as ==: aware datetimes compare equal across zones; repr shows the tzinfo
        assert one == other, number
        assert repr(one) == repr(other), number


# --- inputs ----------------------------------------------------------------------------------


def _documents() -> list[str]:
    paths = [
        *REPO_MARKDOWN,
        *sorted((SHARED / "corpus").glob("*.md")),  # none when the corpus is absent
        *sorted((FIXTURES / "dates").glob("*.tsv")),
    ]
    return [path.read_text(encoding="utf-8") for path in paths]


DOCUMENTS = _documents()
# Every table cell and line: field values as parse_value meets them (stamps with their rests).
VALUES = sorted(
    {cell for text in DOCUMENTS for line in text.splitlines() for cell in line.split("|")}
    | {line for text in DOCUMENTS for line in text.splitlines()}
    | {line.split("\t")[0] for path in (FIXTURES / "dates").glob("*.tsv")
       for line in path.read_text(encoding="utf-8").splitlines()}
)  # fmt: skip

# DST edges: New York 2019-03-10 / 2019-11-03, London and Europe 2019-03-31 / 2019-10-27.
_DAYS = ("2019-03-10", "2019-11-03", "2019-03-31", "2019-10-27", "2019-03-26", "2020-02-29",
         "2019-02-29", "2019-12-31", "0001-01-01", "9999-12-31")  # fmt: skip
_TIMES = ("00:00", "00:30", "01:30", "02:30", "03:15", "12:00", "23:59", "24:00", "4:06 PM",
          "12:00 AM", "12:30 pm", "13:00 PM", "16:21:05", "1:59am")  # fmt: skip
_ZONES = ("", " UTC", " PDT", " PST", " EST", " EDT", " IST", " BST", " AST", " CET", " +05:30",
          " -0700", " Eastern", " EDT (17:14 UTC)", " (09:30 IST)", "Z")  # fmt: skip
_RESTS = ("", " |", " ]", " (approx)", " ~", " ongoing", " 3h", " - 17:00", " – 2019-03-12",
          " to 04:00", " -ish", " (est.)", " :", " [x]", " 5 m", " (2h 30m)",
          " ONGOING", " (~)", " (≈ 2H)", " 3H", " (CIRCA)")  # fmt: skip
_LEADS = ("", "[", "**", "~", "about ", "| ", "(")


def _stamps(count: int, seed: int = 5) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        day, time = rng.choice(_DAYS), rng.choice(_TIMES)
        shape = rng.choice(
            (f"{day} {time}", f"{day}, {time}", f"{day}T{time}", time, f"{day[5:]} {time}",
             day, f"{time} on {day}", f"{day}  {time}")
        )  # fmt: skip
        if shape != day:
            shape += rng.choice(_ZONES)
        out.append(rng.choice(_LEADS) + shape + rng.choice(_RESTS))
    return out


STAMPS = _stamps(240)
_REFERENCES = (dt.date(2019, 4, 1), dt.date(2019, 3, 10), dt.date(2019, 11, 3), dt.date(2026, 1, 2))
_ZONE_OPTIONS = ("UTC", "America/New_York", "PDT", "UTC+05:30", "Europe/London", "BST")
OPTION_SETS = [
    Options(reference, context_year, zone, dayfirst)
    for reference, context_year, zone, dayfirst in itertools.product(
        _REFERENCES, (None, 2019, 2018), _ZONE_OPTIONS, (None, True, False)
    )
]
_ANCHORS = (None, dt.date(2019, 3, 10), dt.date(2019, 11, 3), dt.date(2019, 3, 31),
            dt.date(2019, 10, 27))  # fmt: skip


# --- zones -------------------------------------------------------------------------------------


def _zone_list() -> list[zones.Zone]:
    words = [row[0] for row in zones.ABBREVIATIONS] + [name for name, _ in zones.LONG_NAMES]
    words += ["UTC+05:30", "-0700", "+14:00", "UTC-12", "America/New_York", "Europe/London",
              "Australia/Lord_Howe", "Asia/Kolkata"]  # fmt: skip
    found = [zones.lookup_zone(word) for word in words]
    return [zone for zone in found if zone is not None] + [
        zones.Zone("Nowhere/Atlantis", None, "Nowhere/Atlantis")  # an unknown region: offset 0
    ]


def _locals() -> Iterator[dt.datetime]:
    for day in ("2019-03-10", "2019-11-03", "2019-03-31", "2019-10-27", "2019-10-06"):
        start = dt.datetime.fromisoformat(day)
        for half in range(0, 2 * 24):
            moment = start + dt.timedelta(minutes=30 * half)
            yield moment
            yield moment.replace(fold=1)
    yield dt.datetime(2019, 3, 26, 16, 21, 5, 123456)
    yield dt.datetime(1, 1, 1, 0, 0)
    yield dt.datetime(9999, 12, 31, 23, 59)


def _outcome(convert: Callable[..., object], *args: object) -> object:
    try:
        return convert(*args)
    except (OverflowError, ValueError) as error:
        return type(error)


def test_zone_conversions_are_the_plain_ones() -> None:
    checked = 0
    for zone in _zone_list():
        for local in _locals():
            fast = _outcome(zone.to_utc, local)
            plain = _outcome(_plain_zone_to_utc, zone, local)
            assert (fast, repr(fast)) == (plain, repr(plain)), (zone, local)
            fast = _outcome(zone.alternatives, local)
            plain = _outcome(_plain_alternatives, zone, local)
            assert (fast, repr(fast)) == (plain, repr(plain)), (zone, local)
            checked += 1
    assert checked > 5000


# --- the whole resolution ----------------------------------------------------------------------


def test_shapes_build_the_plain_points() -> None:
    """match_shape at every digit of the documents and stamps, both day orders."""
    contexts = [Ctx(dt.date(2019, 4, 1), dayfirst=dayfirst) for dayfirst in (None, True, False)]
    taken = 0
    for text in [*DOCUMENTS, *STAMPS]:
        for m in re.finditer(r"\d", text):
            for ctx in contexts:
                fast = shapes.match_shape(text, m.start(), ctx)
                assert fast == _plain_match_shape(text, m.start(), ctx), (text, m.start())
                taken += fast is not None
    assert taken > 300  # 471 from the repository alone, ~4x with the shared corpus


def test_stamps_resolve_as_the_plain_way_under_every_option_set() -> None:
    def run() -> list[object]:
        out: list[object] = []
        for number, options in enumerate(OPTION_SETS):
            anchor = _ANCHORS[number % len(_ANCHORS)]
            ctx = Ctx(options.reference, anchor=anchor, dayfirst=options.dayfirst)
            for stamp in STAMPS[number % 12 :: 12]:
                out += [scan.parse_value(stamp, options), scan.parse_value(stamp, options, ctx)]
        return out

    _both(run)


# The documents are a few hundred kB of text: one option set each way, each with another zone.


def test_field_values_resolve_as_the_plain_way() -> None:
    """Table cells and lines of every document as field values: stamps with their rests."""
    options = Options(dt.date(2019, 11, 3), 2019, "BST", True)
    _both(lambda: [scan.parse_value(value, options) for value in VALUES])


def test_documents_scan_as_the_plain_way() -> None:
    options = Options(dt.date(2026, 1, 2), 2018, "UTC+05:30", False)
    _both(lambda: [list(scan.scan(text, options)) for text in DOCUMENTS])


def test_documents_extents_as_the_plain_way() -> None:
    options = Options(dt.date(2019, 3, 10), None, "PDT", None)
    _both(lambda: [list(scan.extents(text, options)) for text in DOCUMENTS])


def test_the_inputs_hit_the_shortcuts() -> None:
    """The inputs reach what the shortcuts skip: rests without letters, dual and ambiguous zones,
    time-only stamps, DST gaps and folds."""
    options = Options(dt.date(2019, 4, 1), default_zone="America/New_York")
    spans = [scan.parse_value(stamp, options) for stamp in STAMPS]
    assert sum(found is not None for found in spans) > 150
    assert any(found and found[0].alternatives for found in spans)  # IST, BST, AST
    assert any(found and found[0].zone_suspect for found in spans)  # PST in summer
    assert any(found and found[0].duration for found in spans)
    assert any(found and found[0].approximate for found in spans)
    letterless = [value for value in VALUES if value.strip() and not scan._FLAG_CHARS.search(value)]
    assert len(letterless) > 100
