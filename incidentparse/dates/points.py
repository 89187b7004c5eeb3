"""Point grammar: one date or time expression at a position in the text to a partial Point.

Hand-written because no library reads the fuzzy forms of incident reports (quarters, halves,
fiscal years, parts of a month, "three weeks earlier") with the C1–C20 meanings; the plain
numeric and ISO pieces go through python-dateutil (see ``calendar.py``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple

from dateutil.parser import isoparse
from dateutil.relativedelta import relativedelta

from .months import last_of_month, month_start, months_span
from .sre_facts import max_width
from .vocab import MONTH_BY_NAME, NUMBER_BY_WORD, ORDINAL_BY_WORD, UNIT_BY_NAME, WEEKDAY_BY_NAME
from .zones import ZONE_PATTERN, Zone, lookup_zone

MONTH = (
    r"(?P<mon>january|february|march|april|may|june|july|august|september|october|november|"
    r"december|sept|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)(?![a-z])(?:\.(?=\s*[\d'’]))?"
)
DAY = r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d]|:\d|[a-z])"
YEAR = r"(?P<year>(?:19|20)\d{2})(?![\d]|[.,]\d)"
YEAR2 = r"['’](?P<yy>\d{2})(?!\d)"
WEEKDAY = (
    r"(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"tues|thurs|thur|mon|tue|wed|thu|fri|sat|sun)(?![a-z])(?:\.(?=\s*[\d,A-Za-z]))?"
)
NUMBER_WORDS = "|".join(sorted(NUMBER_BY_WORD, key=len, reverse=True))
UNIT_WORDS = "|".join(sorted(UNIT_BY_NAME, key=len, reverse=True))
NUMBER = rf"(?P<n>\d{{1,3}}|{NUMBER_WORDS})"
UNIT = rf"(?P<unit>{UNIT_WORDS})(?![a-z])"


@dataclass
class Point:
    """A partly specified date/time before year inference and field sharing."""

    kind: str  # ymd | year | quarter | half | fiscal | week | fixed | time
    year: int | None = None
    month: int | None = None
    day: int | None = None
    n: int | None = None  # quarter, half or ISO week number
    part: int | None = None  # 0 early, 1 mid, 2 late
    fiscal: bool = False
    weekday: int | None = None  # a weekday written beside a date (checked, C10)
    hour: int | None = None
    minute: int | None = None
    second: int | None = None
    time_grain: str | None = None
    zone: Zone | None = None
    start: dt.date | None = None  # kind fixed/week: already resolved interval
    end: dt.date | None = None
    instant: dt.datetime | None = None  # kind fixed at a time grain (naive local)
    grain: str | None = None
    approximate: bool = False
    relative: bool = False  # read against an anchor, not a calendar position
    alt: Point | None = None  # the other reading of an ambiguous numeric date
    alt_reading: str = ""
    year_source: str | None = None
    needs_slot: bool = False  # only a date in a date slot (bare year, lower-case month, n/m)
    needs_word: bool = False  # only after in/early/mid/late/since… ("may" as a month, C19)
    extra: dict[str, object] = field(default_factory=dict)

    def evolve(self, **changes: object) -> Point:
        """A shallow copy with changes: dataclasses.replace re-runs __init__ over 26 fields."""
        twin = object.__new__(Point)
        twin.__dict__.update(self.__dict__, **changes)
        return twin

    @property
    def has_date(self) -> bool:
        return self.kind != "time"

    @property
    def has_time(self) -> bool:
        return self.hour is not None


class Ctx(NamedTuple):
    """What a point needs besides its own text: the anchors of C2 and the document options.

    A NamedTuple rather than a dataclass: one is built per expression, and tuples are cheap.
    """

    reference: dt.date
    anchor: dt.date | None = None  # most recent resolved date (paragraph / timeline row)
    anchor_instant: dt.datetime | None = None  # most recent resolved local time
    dayfirst: bool | None = None
    slot: bool = False  # the expression stands in a date slot (a whole field value)
    slot_word: bool = False  # …after a slot word: in, since, by, early/mid/late…

    @property
    def base(self) -> dt.date:
        return self.anchor or self.reference

    def slotted(self, slot: bool, slot_word: bool) -> Ctx:
        """This context in (or out of) a date slot; cheap when nothing changes."""
        if slot == self.slot and slot_word == self.slot_word:
            return self
        return Ctx(self.reference, self.anchor, self.anchor_instant, self.dayfirst, slot, slot_word)


def two_digit_year(yy: int, reference: dt.date) -> int:
    """C16: 20yy unless that is after R's year + 1, then 19yy."""
    year = 2000 + yy
    return year if year <= reference.year + 1 else 1900 + yy


def month_number(name: str) -> int:
    return MONTH_BY_NAME[name.lower().rstrip(".")]


def _group(m: re.Match[str], name: str) -> str | None:
    """A named group's text, None when the rule has no such group or it did not take part."""
    return m.group(name) if name in m.re.groupindex else None


def _year_of(m: re.Match[str], ctx: Ctx) -> int | None:
    year = _group(m, "year")
    if year:
        return int(year)
    yy = _group(m, "yy")
    return two_digit_year(int(yy), ctx.reference) if yy else None


def _day(m: re.Match[str]) -> int | None:
    day = _group(m, "day")
    return int(day) if day else None


# --- builders: one per rule, each (match, ctx) -> Point | None -------------------------------


def build_iso_datetime(m: re.Match[str], ctx: Ctx) -> Point | None:
    """ISO 8601 with a time: dateutil's isoparse does the work; the grain comes from the shape."""
    raw = m.group(0).replace(" ", "T", 1)
    try:
        value = isoparse(raw)
    except ValueError:
        return None
    grain = "second" if m.group("s") else "minute"
    zone = None
    if value.tzinfo is not None:
        offset = value.utcoffset()
        minutes = int(offset.total_seconds() // 60) if offset is not None else 0
        zone = Zone(m.group("z") or "Z", minutes)
    return Point(
        "ymd",
        value.year,
        value.month,
        value.day,
        hour=value.hour,
        minute=value.minute,
        second=value.second,
        time_grain=grain,
        zone=zone,
    )


def build_ymd(m: re.Match[str], ctx: Ctx) -> Point | None:
    """Year-first numeric date: always Y-M-D (C16)."""
    return Point("ymd", int(m.group("year")), int(m.group("mo")), int(m.group("d")))


def build_iso_month(m: re.Match[str], ctx: Ctx) -> Point | None:
    return Point("ymd", int(m.group("year")), int(m.group("mo")))


def build_iso_week(m: re.Match[str], ctx: Ctx) -> Point | None:
    year, week = int(m.group("year")), int(m.group("w"))
    try:
        monday = dt.date.fromisocalendar(year, week, 1)
    except ValueError:
        return None
    if m.group("wdn"):
        day = monday + dt.timedelta(days=int(m.group("wdn")) - 1)
        return Point("ymd", day.year, day.month, day.day)
    return Point("week", year, start=monday, end=monday + dt.timedelta(days=6), grain="week")


def build_numeric(m: re.Match[str], ctx: Ctx) -> Point | None:
    """D.M.Y, M/D/Y or D/M/Y by C16: '.' is day-first, else the document's policy."""
    a, b, sep = int(m.group("a")), int(m.group("b")), m.group("sep")
    raw_year = m.group("ny")
    year = int(raw_year) if len(raw_year) == 4 else two_digit_year(int(raw_year), ctx.reference)
    if sep == ".":
        return _numeric_point(b, a, year, None, "")
    return _numeric_choice(a, b, year, ctx)


def build_month_day_numeric(m: re.Match[str], ctx: Ctx) -> Point | None:
    """A bare n/m is a date only in a date slot and not after step/page/of (C19)."""
    point = _numeric_choice(int(m.group("a")), int(m.group("b")), None, ctx)
    if point is not None:
        point.needs_slot = True
    return point


def build_month_day_with_time(m: re.Match[str], ctx: Ctx) -> Point | None:
    """'03-26 17:40': the document's numeric order (C16), month first by default."""
    return _numeric_choice(int(m.group("a")), int(m.group("b")), None, ctx)


def _numeric_choice(a: int, b: int, year: int | None, ctx: Ctx) -> Point | None:
    if a > 12 and b <= 12:
        return _numeric_point(b, a, year, None, "")
    if b > 12 or ctx.dayfirst is None or a == b:
        dayfirst = bool(ctx.dayfirst) if a <= 12 and b <= 12 and a != b else False
    else:
        dayfirst = ctx.dayfirst
    month, day = (b, a) if dayfirst else (a, b)
    alt = None
    if a <= 12 and b <= 12 and a != b and ctx.dayfirst is None:
        alt = _numeric_point(day, month, year, None, "")
    reading = "day-first" if not dayfirst else "month-first"
    return _numeric_point(month, day, year, alt, reading)


def _numeric_point(
    month: int, day: int, year: int | None, alt: Point | None, reading: str
) -> Point | None:
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return Point("ymd", year, month, day, alt=alt, alt_reading=reading)


def build_month_day(m: re.Match[str], ctx: Ctx) -> Point | None:
    return Point("ymd", _year_of(m, ctx), month_number(m.group("mon")), _day(m))


def build_month(m: re.Match[str], ctx: Ctx) -> Point | None:
    """A month name alone; 'may' only next to a day or year or after in/early/… (C19)."""
    name = m.group("mon")
    year = _year_of(m, ctx)
    point = Point("ymd", year, month_number(name))
    if year is None and name.lower() == "may":
        point.needs_word = True
    elif year is None and name.islower():
        point.needs_slot = True
    return point


def build_month_or_day(m: re.Match[str], ctx: Ctx) -> Point | None:
    return build_month_day(m, ctx) if m.group("day") else build_month(m, ctx)


# "2026 hosts", "2019 servers": a plural noun after a number makes it a count (C19).
_COUNT_NOUN = re.compile(r"\s+(?!(?:was|has|is|this|thus|its|as|us|always|plus)\b)[a-z]{2,}s\b")


def build_year(m: re.Match[str], ctx: Ctx) -> Point | None:
    """A bare 4-digit year is a year only in a date slot (C19), and never a count."""
    if not ctx.slot_word and _COUNT_NOUN.match(m.string, m.end()):
        return None  # "in 2019 attackers…" is a year: the slot word decides
    return Point("year", int(m.group("year")), needs_slot=True)


def build_quarter(m: re.Match[str], ctx: Ctx) -> Point | None:
    groups = m.groupdict()
    q = groups.get("q") or str(ORDINAL_BY_WORD.get((groups.get("ord") or "").lower(), 0))
    if q == "0":
        return None
    fiscal = bool(groups.get("fy"))
    return Point("quarter", _year_of(m, ctx), n=int(q), fiscal=fiscal)


def build_half(m: re.Match[str], ctx: Ctx) -> Point | None:
    groups = m.groupdict()
    h = groups.get("h") or str(ORDINAL_BY_WORD.get((groups.get("ord") or "").lower(), 0))
    if h not in ("1", "2"):
        return None
    year = _year_of(m, ctx)
    # A bare "H1"/"H2" in prose is as often a heading level; it needs a date slot.
    return Point("half", year, n=int(h), needs_slot=year is None and not groups.get("ord"))


def build_fiscal(m: re.Match[str], ctx: Ctx) -> Point | None:
    """FYn is named after the year it ends in (C7); resolution applies the fiscal start month."""
    year = _year_of(m, ctx)
    q = m.groupdict().get("q")
    if q:
        return Point("quarter", year, n=int(q), fiscal=True)
    return Point("fiscal", year, fiscal=True)


def build_weekday(m: re.Match[str], ctx: Ctx) -> Point | None:
    """C10: bare = latest on/before R; last = strictly before; next = strictly after."""
    word = m.group("wd")
    if word.islower() and len(word) <= 5 and word not in ("today",):
        return None  # "sat", "sun", "wed" in lower case are ordinary words
    weekday = WEEKDAY_BY_NAME[word.lower().rstrip(".")]
    rel = (m.groupdict().get("rel") or "").lower()
    # "Sun Microsystems", "Wed." in prose: an abbreviation alone needs a slot ("on Wed").
    abbreviated = len(word.rstrip(".")) <= 4 and not rel
    ref = ctx.reference
    back = (ref.weekday() - weekday) % 7
    if rel in ("last", "past", "previous"):
        day = ref - dt.timedelta(days=back or 7)
    elif rel in ("next", "coming"):
        day = ref + dt.timedelta(days=(weekday - ref.weekday()) % 7 or 7)
    else:
        day = ref - dt.timedelta(days=back)
    point = _fixed(day, day, "day")
    point.needs_slot = abbreviated
    return point


def _fixed(start: dt.date, end: dt.date, grain: str, approximate: bool = False) -> Point:
    return Point("fixed", start=start, end=end, grain=grain, approximate=approximate, relative=True)


DAY_WORDS: tuple[tuple[str, int], ...] = (
    ("the day before yesterday", -2),
    ("yesterday", -1),
    ("today", 0),
    ("tonight", 0),
    ("this morning", 0),
    ("this afternoon", 0),
    ("this evening", 0),
    ("tomorrow", 1),
)
_DAY_WORD = dict(DAY_WORDS)


def build_day_word(m: re.Match[str], ctx: Ctx) -> Point | None:
    day = ctx.reference + dt.timedelta(days=_DAY_WORD[" ".join(m.group(0).lower().split())])
    return _fixed(day, day, "day")


# Days from the anchor for "the following day", "the previous morning"…
NEIGHBOUR_WORDS: tuple[tuple[str, int], ...] = (
    ("following", 1),
    ("next", 1),
    ("previous", -1),
    ("prior", -1),
    ("preceding", -1),
)
_NEIGHBOUR = dict(NEIGHBOUR_WORDS)


def build_neighbour_day(m: re.Match[str], ctx: Ctx) -> Point | None:
    word = (m.group("nb") or m.group("nb2") or "").lower()
    step = _NEIGHBOUR.get(word, 1 if word in ("after",) else -1)
    day = ctx.base + dt.timedelta(days=step)
    return _fixed(day, day, "day")


def build_period(m: re.Match[str], ctx: Ctx) -> Point | None:
    """last/this/next week|month|quarter|year: the whole calendar period (C8, C11, C6)."""
    rel, unit = m.group("rel").lower(), m.group("punit").lower()
    step = {"last": -1, "previous": -1, "past": -1, "this": 0, "current": 0, "next": 1}[rel]
    ref = ctx.reference
    if unit == "week":
        monday = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(weeks=step)
        return _fixed(monday, monday + dt.timedelta(days=6), "week")
    if unit == "month":
        first = month_start(ref.year, ref.month, step)
        return _fixed(*months_span(first, 1), "month")
    if unit == "quarter":
        first = month_start(ref.year, 3 * ((ref.month - 1) // 3) + 1, 3 * step)
        return _fixed(*months_span(first, 3), "quarter")
    first = dt.date(ref.year + step, 1, 1)
    return _fixed(first, dt.date(first.year, 12, 31), "year")


def build_weekend(m: re.Match[str], ctx: Ctx) -> Point | None:
    """C9: the most recent weekend that began on or before R; 'last weekend' the one before it."""
    ref = ctx.reference
    latest = ref - dt.timedelta(days=(ref.weekday() - 5) % 7)  # began on or before R
    this_week = ref + dt.timedelta(days=5 - ref.weekday())  # the weekend of R's ISO week
    rel = (m.group("wrel") or "").lower()
    if rel in ("last", "previous", "past"):
        saturday = this_week - dt.timedelta(days=7)
    elif rel == "this":
        saturday = this_week
    elif rel == "next":
        saturday = this_week + dt.timedelta(days=7)
    else:
        saturday = latest
    return _fixed(saturday, saturday + dt.timedelta(days=1), "day")


def count_of(word: str) -> tuple[int, bool]:
    """A count written as digits or words, and whether it is vague."""
    word = " ".join(word.lower().split())
    if word.isdigit():
        return int(word), False
    return NUMBER_BY_WORD.get(word, (0, True))


def shift(unit: str, count: int) -> relativedelta | dt.timedelta:
    """The step of a count of a canonical unit. Calendar months and years stay whole
    (relativedelta: Jan 31 + 1 month is Feb 28); the fixed-length units are a timedelta, which
    adds exactly what relativedelta would and costs a tenth as much."""
    if unit == "month":
        return relativedelta(months=count)
    if unit == "year":
        return relativedelta(years=count)
    return dt.timedelta(**{unit + "s": count})


def build_offset(m: re.Match[str], ctx: Ctx) -> Point | None:
    """C11: anchor ± N units as a day point; 'ago' counts from R, 'later' from the anchor."""
    count, vague = count_of(m.group("n"))
    unit, _ = UNIT_BY_NAME[m.group("unit").lower()]
    direction = m.group("dir").lower()
    sign = 1 if direction in ("later", "after", "afterwards", "from now", "hence") else -1
    approximate = vague or unit in ("week", "month", "year")
    if unit in ("second", "minute", "hour") and ctx.anchor_instant and direction != "ago":
        moment = ctx.anchor_instant + shift(unit, sign * count)
        point = Point(
            "fixed", instant=moment, grain="minute", approximate=approximate, relative=True
        )
        return point
    base = ctx.reference if direction == "ago" else ctx.base
    delta = shift(unit, sign * count)
    if unit in ("second", "minute", "hour"):
        day = (dt.datetime.combine(base, dt.time()) + delta).date() if direction != "ago" else base
    else:
        day = base + delta
    return _fixed(day, day, "day", approximate)


def build_period_end(m: re.Match[str], ctx: Ctx) -> Point | None:
    """EOD/EOW/EOM/EOQ/EOY: the last day of the current period, as a day point."""
    word = m.group(0).lower()
    unit = next(u for key, u in _EO_UNITS if key in word)
    ref = ctx.reference
    if unit == "day":
        last = ref
    elif unit == "week":
        last = ref + dt.timedelta(days=6 - ref.weekday())
    elif unit == "month":
        last = last_of_month(ref.year, ref.month)
    elif unit == "quarter":
        last = months_span(month_start(ref.year, 3 * ((ref.month - 1) // 3) + 1), 3)[1]
    else:
        last = dt.date(ref.year, 12, 31)
    return _fixed(last, last, "day")


_EO_UNITS: tuple[tuple[str, str], ...] = (
    ("eod", "day"),
    ("eow", "week"),
    ("eom", "month"),
    ("eoq", "quarter"),
    ("eoy", "year"),
    ("day", "day"),
    ("week", "week"),
    ("month", "month"),
    ("quarter", "quarter"),
    ("year", "year"),
)


def build_time(m: re.Match[str], ctx: Ctx) -> Point | None:
    """A clock time; the grain is the unit written: '3pm' hour, '14:32' minute (C1)."""
    groups = m.groupdict()  # the time rule's groups, or mil_time's (h, mi, zone)
    word = groups.get("tw")
    if word:
        hour, minute, second, grain = (12 if word.lower() == "noon" else 0), 0, 0, "minute"
    else:
        short = groups.get("h2")  # the "3pm" branch of the rule
        hour = int(short) if short else int(groups["h"] or 0)
        mi, s = groups.get("mi"), groups.get("s")
        minute, second = int(mi or 0), int(s or 0)
        grain = "second" if s else "minute" if mi else "hour"
        ap = ((groups["ap2"] if short else groups.get("ap")) or "").lower()
        if ap and not 1 <= hour <= 12:
            return None
        if ap == "p" and hour != 12:
            hour += 12
        elif ap == "a" and hour == 12:
            hour = 0
    if hour > 24 or (hour == 24 and (minute or second)):
        return None
    zone_word = groups.get("zone")
    zone = lookup_zone(zone_word) if zone_word else None
    return Point("time", hour=hour, minute=minute, second=second, time_grain=grain, zone=zone)


class Rule(NamedTuple):
    """One row of the point grammar."""

    name: str
    pattern: re.Pattern[str]
    build: Callable[[re.Match[str], Ctx], Point | None]
    width: int  # the longest text the pattern can match (sys.maxsize: no bound)


_TIME_ZONE = rf"(?:\s?(?P<zone>{ZONE_PATTERN}))?"
_I = re.IGNORECASE


def _rule(
    name: str, pattern: str, build: Callable[[re.Match[str], Ctx], Point | None], flags: int = _I
) -> Rule:
    compiled = re.compile(pattern, flags)
    return Rule(name, compiled, build, max_width(compiled))


# The point grammar, most specific first; the longest match at a position wins.
RULES: tuple[Rule, ...] = (
    _rule(
        "iso_datetime",
        r"(?P<year>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})[T ](?P<h>[01]\d|2[0-4]):(?P<mi>[0-5]\d)"
        r"(?::(?P<s>[0-5]\d)(?:[.,]\d{1,6})?)?(?P<z>Z|[+-]\d{2}(?::?\d{2})?)(?![\w:])",
        build_iso_datetime,
    ),
    _rule(
        "iso_t",
        r"(?P<year>\d{4})-?(?P<mo>\d{2})-?(?P<d>\d{2})T(?P<h>[01]\d|2[0-4]):?(?P<mi>[0-5]\d)"
        r"(?::?(?P<s>[0-5]\d)(?:[.,]\d{1,6})?)?(?P<z>Z|[+-]\d{2}(?::?\d{2})?)?(?![\w:])",
        build_iso_datetime,
    ),
    _rule(
        "ymd",
        r"(?<![\d.])(?P<year>(?:19|20)\d{2})(?P<sep>[-/.])(?P<mo>0?[1-9]|1[0-2])(?P=sep)"
        r"(?P<d>3[01]|[12]\d|0?[1-9])(?![\d]|[.-]\d)",
        build_ymd,
    ),
    _rule("iso_week", r"(?P<year>\d{4})-?W(?P<w>\d{2})(?:-?(?P<wdn>[1-7]))?(?!\d)", build_iso_week),
    _rule(
        "iso_month",
        r"(?<![\d.])(?P<year>(?:19|20)\d{2})[-/](?P<mo>0[1-9]|1[0-2])(?![\d]|[-/.]\d)",
        build_iso_month,
    ),
    _rule(
        "numeric",
        r"(?<![\d.v/])(?P<a>\d{1,2})(?P<sep>[/\-.])(?P<b>\d{1,2})(?P=sep)"
        r"(?P<ny>(?:19|20)\d{2}|\d{2})(?![\d]|[.\-/]\d)",
        build_numeric,
    ),
    _rule(
        "month_day_numeric",
        r"(?<![\d.v/])(?P<a>\d{1,2})/(?P<b>\d{1,2})(?![\d/%])",
        build_month_day_numeric,
    ),
    # '[03-26 17:40]': month and day with no year, safe to read only when a clock time follows
    # (k8s test-infra post-mortems); '10-20 minutes' and '3-5 nodes' stay counts.
    _rule(
        "month_day_with_time",
        r"(?<![\d.v/-])(?P<a>\d{1,2})[-/](?P<b>\d{1,2})(?=\s+(?:[01]?\d|2[0-3]):[0-5]\d)",
        build_month_day_with_time,
    ),
    # A month name with a day ('April 7, 2025'), else alone ('March 2026'): one rule, since the
    # day form is tried first and, where it matches, the month alone is always shorter. The
    # '(?(day)…)' test is the day form's own end; backing out of the day form unsets 'day', so
    # the month alone is read exactly as a rule of its own would read it (test_dates_core_perf).
    _rule(
        "month_day",
        rf"{MONTH}(?:[\s-]?{DAY})?(?:(?:\s*,\s*|\s+|-)(?:{YEAR}|{YEAR2}))?"
        r"(?(day)(?!\s*(?:hosts?|users?)))",
        build_month_or_day,
    ),
    _rule(
        "day_month",
        rf"{DAY}(?:\s+of)?[\s-]*{MONTH}(?:(?:\s*,\s*|\s+|-)(?:{YEAR}|{YEAR2}))?",
        build_month_day,
    ),
    _rule(
        "quarter",
        r"(?:FY\s?)?Q(?P<q>[1-4])(?:\s*(?:of\s+)?(?P<fy>FY\s?-?)?(?:"
        rf"{YEAR}|(?:['’]|(?<=FY)|(?<=FY )|(?<=FY-))(?P<yy>\d{{2}})(?!\d)))?(?!\w)",
        build_quarter,
    ),
    _rule("quarter_yq", rf"{YEAR}\s?-?\s?Q(?P<q>[1-4])(?!\w)", build_quarter),
    _rule("quarter_n", rf"(?P<q>[1-4])Q\s?(?:{YEAR}|(?P<yy>\d{{2}})(?!\d))", build_quarter),
    _rule(
        "quarter_words",
        r"(?:the\s+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)\s+(?:fiscal\s+)?"
        rf"quarter(?:\s+of)?(?:\s+{YEAR})?",
        build_quarter,
    ),
    _rule(
        "half",
        rf"H(?P<h>[12])(?:\s*(?:of\s+)?(?:{YEAR}|{YEAR2}))?(?!\w)",
        build_half,
    ),
    _rule("half_yh", rf"{YEAR}\s?-?\s?H(?P<h>[12])(?!\w)", build_half),
    _rule("half_n", rf"(?P<h>[12])H\s?(?:{YEAR}|(?P<yy>\d{{2}})(?!\d))", build_half),
    _rule(
        "half_words",
        rf"(?:the\s+)?(?P<ord>first|second|1st|2nd)\s+half(?:\s+of)?(?:\s+{YEAR})?",
        build_half,
    ),
    _rule(
        "fiscal",
        rf"(?:FY\s?-?(?:{YEAR}|['’]?(?P<yy>\d{{2}}))(?!\d))(?:\s*[-/]?\s*Q(?P<q>[1-4])(?!\w))?",
        build_fiscal,
    ),
    _rule("fiscal_words", rf"fiscal(?:\s+year)?\s+{YEAR}", build_fiscal),
    _rule(
        "weekday",
        rf"(?:(?P<rel>last|next|this|past|previous|coming)\s+)?{WEEKDAY}",
        build_weekday,
    ),
    _rule(
        "day_word",
        "|".join(w.replace(" ", r"\s+") for w, _ in DAY_WORDS) + r"(?![a-z])",
        build_day_word,
    ),
    _rule(
        "neighbour_day",
        r"(?:the\s+)?(?P<nb>following|next|previous|prior|preceding)\s+"
        r"(?:day|morning|afternoon|evening|night)|the\s+(?:day|night)\s+(?P<nb2>before|after)",
        build_neighbour_day,
    ),
    _rule(
        "period",
        r"(?P<rel>last|previous|this|current|next)\s+(?P<punit>week|month|quarter|year)(?![a-z])",
        build_period,
    ),
    _rule(
        "weekend",
        r"(?:over\s+)?(?:the\s+|(?P<wrel>last|previous|past|next|this)\s+)weekend(?![a-z])",
        build_weekend,
    ),
    _rule(
        "offset",
        rf"{NUMBER}\s+{UNIT}\s+(?P<dir>(?:ago|earlier|previously|later|afterwards|from\s+now|"
        r"hence)(?![a-z])|(?:before|after|prior)(?![a-z])(?!\s+\w))",
        build_offset,
    ),
    _rule(
        "period_end",
        r"(?:EOD|EOW|EOM|EOQ|EOY)(?![a-z])|(?:the\s+)?end\s+of\s+(?:the\s+)?"
        r"(?:(?:business\s+)?day|week|month|quarter|year)(?![a-z])",
        build_period_end,
    ),
    _rule(
        "time",
        r"(?:(?P<h>[01]?\d|2[0-4]):(?P<mi>[0-5]\d)(?::(?P<s>[0-5]\d)(?:[.,]\d{1,6})?)?"
        r"(?:\s?(?P<ap>(?i:[ap]))(?i:\.m\.?|m)(?![a-z]))?"
        r"|(?P<h2>1[0-2]|0?[1-9])\s?(?P<ap2>(?i:[ap]))(?i:\.m\.?|m)(?![a-z])"
        r"|(?P<tw>(?i:noon|midnight)))" + _TIME_ZONE + r"(?!\w|:\d)",
        build_time,
        0,
    ),
    _rule(
        "mil_time",
        r"(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)\s?(?P<zone>Z|UTC|GMT)(?![\w])",
        build_time,
        0,
    ),
    _rule("year", YEAR, build_year),
)

_COUNT_LETTERS = "".join(sorted({word[0] for word in NUMBER_BY_WORD}))
# What each rule can start with: lower-case letters, or a run of digits by its length ("#2" one
# or two digits, "#3", "#4", "#8" five or more) optionally followed by the class of the next
# character (":" colon, " " a space; "/9" one of / . - then a digit, "/x" one of / . - then
# anything else; "a" any letter, "a:ap" one of these letters in either case; "#2" alone = any).
# match_point only tries the rules that can match at a position: an ISO date, the commonest
# form, has five candidates instead of eight, '3pm' one instead of six.
FIRST_KEYS: dict[str, tuple[str, ...]] = {
    "iso_datetime": ("#4/9",),
    "iso_t": ("#4/9", "#8"),
    "ymd": ("#4/9",),
    "iso_week": ("#4/x", "#4a:w"),
    "iso_month": ("#4/9",),
    "numeric": ("#2/9",),
    "month_day_numeric": ("#2/9",),
    "month_day_with_time": ("#2/9",),
    "month_day": tuple("adfjmnos"),
    "day_month": ("#2/x", "#2a:nrst", "#2 "),  # '3-Mar', '3rd March', '3 March'
    "quarter": tuple("fq"),
    "quarter_yq": ("#4/x", "#4a:q", "#4 "),
    "quarter_n": ("#2a:q",),
    "quarter_words": ("#2a:nrst", *"fst"),
    "half": ("h",),
    "half_yh": ("#4/x", "#4a:h", "#4 "),
    "half_n": ("#2a:h",),
    "half_words": ("#2a:nrst", *"fst"),
    "fiscal": ("f",),
    "fiscal_words": ("f",),
    "weekday": tuple("cflmnpstw"),
    "day_word": tuple("ty"),
    "neighbour_day": tuple("fnpt"),
    "period": tuple("clnpt"),
    "weekend": tuple("lnopt"),
    "offset": ("#2 ", "#3", *_COUNT_LETTERS),
    "period_end": tuple("et"),
    "time": ("#2:", "#2a:ap", "#2 ", *"mn"),
    "mil_time": ("#4a:guz", "#4 "),  # '1405Z', '1405 UTC' (upper case only)
    "year": ("#4",),
}
# After a digit run: "a" and the letter for an ASCII one; "a" alone for any other letter, whose
# case folding re.IGNORECASE may read as an ASCII one: every rule taking some letter is tried.
_NEXT_CLASSES = (":", "/9", "/x", " ", "", "a", *(f"a{chr(c)}" for c in range(ord("a"), 123)))
_DIGIT_KEYS = tuple(f"#{n}{c}" for n in "2348" for c in _NEXT_CLASSES)


def _applies(rule: Rule, key: str) -> bool:
    keys = FIRST_KEYS[rule.name]
    if key in keys or (key.startswith("#") and key[:2] in keys):
        return True
    if not key.startswith("#") or key[2:3] != "a":
        return False
    if key[:3] in keys:  # any letter
        return True
    letter, sets = key[3:], [k[4:] for k in keys if k.startswith(key[:3] + ":")]
    return any(not letter or letter in letters for letters in sets)


RULES_BY_KEY: dict[str, tuple[Rule, ...]] = {
    key: tuple(rule for rule in RULES if _applies(rule, key))
    for key in sorted({k for keys in FIRST_KEYS.values() for k in keys if k[0] != "#"})
    + list(_DIGIT_KEYS)
}
_DIGIT_RUN = re.compile(r"\d+")
_SIZES = "22234"  # by the length of the digit run; longer runs are "8"
# The class of each ASCII character after a digit run, but / . - (they look one further).
_ASCII_CLASS = {
    char: ":" if char == ":" else f"a{char.lower()}" if char.isalpha() else " " * char.isspace()
    for char in map(chr, range(128))
}


def rules_at(text: str, pos: int) -> tuple[Rule, ...]:
    """The rules worth trying at pos, by its first letter or its digit run and what follows."""
    char = text[pos : pos + 1]
    if not char.isdigit():
        return RULES_BY_KEY.get(char.lower(), ())
    run = _DIGIT_RUN.match(text, pos)
    end = run.end() if run else pos
    length = end - pos
    size = _SIZES[length] if length <= 4 else "8"
    nxt = text[end : end + 1]
    if nxt in ("/", ".", "-"):
        kind = "/9" if text[end + 1 : end + 2].isdecimal() else "/x"  # isdecimal() is \d
    elif nxt in _ASCII_CLASS:
        kind = _ASCII_CLASS[nxt]
    else:
        kind = "a" if nxt.isalpha() else " " if nxt.isspace() else ""
    return RULES_BY_KEY["#" + size + kind]
