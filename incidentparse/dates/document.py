"""Document-level anchors: reference date R, context years, day-first policy (C2, C16)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import NamedTuple

from ..shared_reads import century_starts
from .calendar import grace_limit
from .grammar import WEEKDAY_PREFIX, Expr
from .points import DAY, MONTH, YEAR, Ctx, month_number
from .resolve import Side, to_fields
from .scan import (
    Options,
    carry_anchor,
    closes_cleanly,
    count_at,
    expression_at,
    next_paragraph,
    resumable_candidates,
    scan,
    scan_fields,
)
from .shapes import DATE_AT_LINE_END, NAMED_FOLLOW, SHAPE, clock_hour
from .vocab import MONTH_BY_NAME, WEEKDAY_BY_NAME, ascii_lower, case_unsafe

# Front-matter keys that hold the report's own date, most specific first.
REFERENCE_KEYS: tuple[str, ...] = (
    "report_date",
    "published",
    "published_at",
    "publish_date",
    "publication_date",
    "source_published_at",
    "date",
    "updated",
    "last_updated",
)
# Phrases that name the report date: 'as of X', 'Report date: X' (matched right before X).
_REPORT_BEFORE = re.compile(
    r"(?:\bas\s+of|\b(?:report(?:ed)?|publication|published|posted|updated|issued)\s*"
    r"(?:date|on)?\s*[:\-–]?|\bdate\s*(?:of\s+(?:report|publication))?\s*:)[\s*_]*$",
    re.I,
)
_REPORT_AFTER = re.compile(r"\s+(?:report|update|advisory|bulletin|post|notice|summary)\b", re.I)
# Any date works as R when only explicit years are read.
_NEUTRAL = dt.date(2000, 1, 1)
# (?<![\d./])(\d{1,2})…, the lookbehind moved after the first digit: a leading lookbehind
# makes the regex engine try every position, this lets it skip ahead to the digits.
_NUMERIC = re.compile(r"(\d(?<![\d./]\d)\d?)([/-])(\d{1,2})\2((?:19|20)\d{2})(?![\d./])")


def explicit_years(text: str) -> list[tuple[int, int]]:
    """(offset, year) of every year written in a date expression, in document order."""
    found = []
    for expr, span, _ in scan(text, Options(_NEUTRAL)):
        if span.year_source == "explicit":
            value = span.end or span.start
            if value is not None:
                found.append((expr.begin, value.year))
    return found


def context_year(text: str, offset: int | None = None) -> int | None:
    """C2: the nearest explicit year before offset (anywhere in text when offset is None)."""
    years = [year for pos, year in explicit_years(text) if offset is None or pos < offset]
    return years[-1] if years else None


class _Read(NamedTuple):
    """What R is told from, of one expression's TimeSpan (the model's own values)."""

    start: dt.date | dt.datetime | None
    end: dt.date | dt.datetime | None
    grain: str | None
    year_source: str | None
    ongoing: bool
    ambiguous: bool


def _reads(text: str) -> Iterator[tuple[Expr, _Read, Side]]:
    """scan(text, Options(_NEUTRAL)) with each span read from its fields: R keeps no span, and
    validating a model per expression was a tenth of infer_reference_date."""
    for expr, fields, side in scan_fields(text, Options(_NEUTRAL)):
        yield expr, _read_fields(fields), side


def _read_fields(fields: Mapping[str, object]) -> _Read:
    """The _Read of a span's fields (the model's defaults where _fields left a value out)."""
    get = fields.get
    return _Read._make(
        (
            get("start"),
            get("end"),
            get("grain"),
            get("year_source"),
            get("ongoing", False),
            get("ambiguous", False),
        )
    )


def _reads_for_r(text: str) -> Iterator[tuple[Expr, _Read, Side | None]]:
    """_reads(text) (scan._found's loop, written out), with each plain dated point read without
    resolve.to_fields: a date with its year (and maybe its clock time) is most of what R reads,
    and its resolution (year inference, interval, Side, clock, zone, the fields, three
    generators) was some two thirds of each date's cost. A shape stamp with its year is read
    from its regex match alone (_shaped_read: no grammar call, no Point), any other plain point
    by _plain_read. Such a read gives no Side (R uses none) and its anchor is put in the context
    only when the grammar next reads one (a shape stamp with its year reads none); every other
    expression is resolved as _reads resolves it. The same expressions (where they are) and
    values, the same anchors (tests/test_dates_perf22_ref.py)."""
    env, base = _NEUTRAL_ENV, _NEUTRAL_CTX
    current = base
    carried: tuple[dt.date, dt.datetime | None] | None = None  # a plain read's anchor, pending
    cursor = 0
    resume = [0]  # the cursor, told to the candidates: none inside what was read is searched
    paragraph_end = next_paragraph(text, 0)
    for pos in resumable_candidates(text, resume):
        if pos < cursor:
            continue
        if pos >= paragraph_end:
            current, paragraph_end, carried = base, next_paragraph(text, pos), None
        shaped = _shaped_read(text, pos)
        if shaped is None and text[pos : pos + 2] in _WEEKDAY_HEADS:
            shaped = _weekday_read(text, pos)
        elif shaped is None and text[pos] in "oO":
            # 'On Friday 29 November 2019': the grammar reads the slot word 'on' (the only
            # prefix starting so, and no prefix starts a weekday name), leaves it outside the
            # expression, and reads the weekday and its date after it as at the weekday itself
            # (_match_weekday_date, as _match_weekday_shape reads a shape date there)
            slot = _ON.match(text, pos)
            if slot is not None and text[slot.end() : slot.end() + 2] in _WEEKDAY_HEADS:
                shaped = _weekday_read(text, slot.end())
        if shaped is not None:
            where, read, carried = shaped
            cursor = resume[0] = where.end
            yield where, read, None
            continue
        if count_at(text, pos):
            continue  # expression_at would give None: nothing changes (not even the anchor)
        if text[pos] in "bBfF":
            # 'by 2 nodes (to 8)', 'from 12 nodes': the grammar reads the prefix, then at the
            # count what it reads there with a slot word, which count_at turns away
            prefixed = _PREFIXED_COUNT.match(text, pos)
            if prefixed is not None and count_at(text, prefixed.end()):
                continue
        if carried is not None:
            # scan.carry_anchor of the Side resolve_point would give: its local day and clock time
            day, local = carried
            current = Ctx(
                current.reference, day, local, current.dayfirst, current.slot, current.slot_word
            )
            carried = None
        expr = expression_at(text, pos, current)
        if expr is None:
            continue
        cursor = resume[0] = expr.end
        plain = _plain_read(expr)
        if plain is not None:
            read, carried = plain
            yield expr, read, None
            continue
        resolved = to_fields(expr, text[expr.begin : expr.end], env, current, expr.begin)
        if resolved is None:
            continue
        yield expr, _read_fields(resolved[0]), resolved[1]
        current = carry_anchor(current, resolved[1])


# 'by' or 'from' and blanks on the line before a digit. Where count_at turns the digit's count
# away, expression_at reads no expression at the prefix either (with the neutral context, an
# anchor carried or none, either dayfirst): the grammar reads the prefix (role 'by' or 'from':
# no other role's word starts so, and no second prefix starts with a digit), then at the digit
# what match_compound and the digit ranges read with a slot word, none of which reads a count
# (count_at's proof covers the slot word), and the prefix leaves nothing else to read. Each
# such prefix cost a grammar call (~15 us: its prefix, the rules at the count, both ranges;
# two in dfds-2019's reference date). tests/test_dates_perf26_ref.py checks expression_at at
# every such place of our texts and of generated prefixes before counts of every word.
_PREFIXED_COUNT = re.compile(r"(?:[bB][yY]|[fF][rR][oO][mM])[ \t]+(?=\d)")


def _shaped_read(
    text: str, pos: int
) -> tuple[Expr, _Read, tuple[dt.date, dt.datetime | None]] | None:
    """The expression, _Read and anchor of a shape stamp with its year at pos ('2022-03-18
    08:37 |', '2018-08-22, 03:26pm: '), else None. expression_at reads it by shapes.match_shape
    (match_expression's first step at a digit), which reads no context for a date with its
    year; SHAPE's follower test leaves it clean (scan.closes_cleanly: a blank, '|', ']', ': ' or
    the end follows). Its Point is ymd with that year, month and day, and hour, minute, second
    0 and grain 'minute' when a time follows, nothing else: what _plain_read reads. The Expr
    holds no Point (R reads only where it is). A day that does not exist or a clock that
    clock_hour refuses is left to the plain path."""
    if not "0" <= text[pos : pos + 1] <= "9":
        return None
    m = SHAPE.match(text, pos)
    if m is None:
        return None
    year, month, day, _, _, hour, minute, ap = m.groups()
    if year is None:
        return None
    y, mo, d = int(year), int(month), int(day)
    try:
        date = dt.date(y, mo, d)
    except ValueError:
        return None
    expr = Expr(pos, m.end(), None)
    if hour is None:
        return expr, _new_read(_Read, (date, date, "day", "explicit", False, False)), (date, None)
    # clock_hour(h, None) is h: its call only for an am/pm stamp ('03:26pm')
    clock = int(hour) if ap is None else clock_hour(int(hour), ap)
    if clock is None:
        return None
    minutes = int(minute)
    local = dt.datetime(y, mo, d, clock, minutes)
    # _NEUTRAL_ZONE.to_utc(local), the zone being UTC itself (asserted below); tzinfo by
    # position (second and microsecond 0, datetime's defaults): a keyword costs twice the call
    instant = dt.datetime(y, mo, d, clock, minutes, 0, 0, _UTC)
    read = _new_read(_Read, (instant, instant, "minute", "explicit", False, False))
    return expr, read, (date, local)


# _Read's own __new__ (a NamedTuple's generated one) binds its six arguments by name in Python;
# tuple.__new__ with the six values in field order builds the same _Read in C, at half the cost
# (a shaped stamp's read, some 0.5 us of ~5).
_new_read = tuple.__new__


_UTC = dt.timezone.utc
# The slot word 'on' as grammar's prefix regex reads it (re.I, then \s+)
_ON = re.compile(r"[oO][nN]\s+")
# The first two letters of a weekday name, in every mix of cases (a slice and a set look-up
# turn other words away, 'March' and 'September' among them; a match WEEKDAY_PREFIX reads
# under re.I from a letter outside ASCII, 'ſun', is refused by case_unsafe all the same).
_WEEKDAY_HEADS = frozenset(
    a + b
    for name in WEEKDAY_BY_NAME
    for a in (name[0], name[0].upper())
    for b in (name[1], name[1].upper())
)


# A day, a month name and a year after a weekday ('Friday 29 November 2019, we'): the
# day_month rule's pieces (points.DAY, MONTH, YEAR and its joins) with the year made compulsory,
# inside an atomic group, then shapes.NAMED's follower test: what follows starts no time, no
# weekday, no bracket, no range or open end and no '-ish' (shapes.NAMED_FOLLOW, shared: the
# grammar's date-time join, weekday and tails are the same after any day point). At the day's
# digits rules_at offers day_month, offset and time; offset needs a unit and time a ':' or am/pm
# after the number, where a month name stands, so day_month's point is the longest; the rule
# tries its optional year taken first (each join, YEAR before YEAR2), so where this matches,
# the rule's own match is this text. Its Point is ymd with that year, month and day.
_DAY_NAMED = re.compile(
    rf"(?>(?i:{DAY}(?:\s+of)?[\s-]*{MONTH}(?:\s*,\s*|\s+|-){YEAR})){NAMED_FOLLOW}"
)


# DATE_AT_LINE_END's groups under the names _DAY_NAMED's have: one read for both
_LINE_END = re.compile(
    DATE_AT_LINE_END.pattern.replace("(?P<mo>", "(?P<mon>").replace("(?P<d>", "(?P<day>")
)
assert _LINE_END.groupindex.keys() == {"year", "mon", "day"}


def _weekday_read(
    text: str, pos: int
) -> tuple[Expr, _Read, tuple[dt.date, dt.datetime | None]] | None:
    """_shaped_read of a weekday before a shape stamp with its year ('Start: Wednesday,
    2018-08-22' ending its line, 'Fri 2019-03-26 16:21 |'): the expression, _Read and anchor
    expression_at and _plain_read give there, else None (the plain path then reads it).

    expression_at reads it by grammar._match_weekday_shape (no month name starts a weekday
    name, so match_named reads none there first): the weekday prefix, then match_shape's point
    at the digit after it, or else a date alone ending its line (shapes.match_date_at_line_end;
    SHAPE's follower test refuses a line break, so match_shape gives None there), the weekday
    set on it. That point is _shaped_read's, or for a date at the line's end a ymd day with its
    year and no time; either closes cleanly (a blank, '|', ']', ': ', a line break or the end
    follows). Where neither shape is there ('Friday 29 November 2019, we'), the grammar reads
    the weekday by _match_weekday_date and the date after it by match_point, whose longest
    point there is day_month's: where _DAY_NAMED matches, that is a ymd day with its year, and
    nothing attaches to it or follows on (the same follower test as shapes.NAMED's).
    _plain_read reads it as _shaped_read does, flagged ambiguous where the weekday is not the
    date's (C10). Any other case (no year, a time alone, a day that does not exist, a
    clock clock_hour refuses) gives None: _shaped_read or the line-end read gives None there.
    Each read spares a grammar call, a Point, its evolve and _plain_read (~9 us, ~30 us for a
    named month; tests/test_dates_perf26_ref.py compares with _reads)."""
    m = WEEKDAY_PREFIX.match(text, pos)
    if m is None or not "0" <= text[m.end() : m.end() + 1] <= "9" or case_unsafe(m.group(0)):
        return None
    # SHAPE never matches where DATE_AT_LINE_END does (its follower test refuses the line
    # break, and no shorter day or month leaves a blank or the end after it): there
    # match_shape gives None and the grammar reads the line-end date. So the line-end match
    # is tried first ('Start: Wednesday, 2018-08-22' in a Date section: no _shaped_read call,
    # no SHAPE attempt), and _shaped_read only where it fails, as before.
    line = _LINE_END.match(text, m.end())
    shaped = None if line is not None else _shaped_read(text, m.end())
    if shaped is None:
        line = line or _DAY_NAMED.match(text, m.end())
        # (the scanner's own clean-end test: NAMED_FOLLOW lets a letter or '_' through)
        if line is None or case_unsafe(line.group(0)) or not closes_cleanly(text, line.end()):
            return None
        year, month, day = line.group("year", "mon", "day")
        try:
            number = int(month) if month.isdigit() else month_number(month)
            date = dt.date(int(year), number, int(day))
        except ValueError:
            return None
        read = _Read(date, date, "day", "explicit", False, False)
        shaped = Expr(pos, line.end(), None), read, (date, None)
    where, read, anchor = shaped
    if anchor[0].weekday() != WEEKDAY_BY_NAME[m.group("wd").lower()]:
        read = read._replace(ambiguous=True)
    return Expr(pos, where.end, None), read, anchor


def _plain_read(expr: Expr) -> tuple[_Read, tuple[dt.date, dt.datetime | None]] | None:
    """The _Read, local day and local clock time (for the anchor) of a lone day point with
    its year ('2022-03-18 08:37', 'Wednesday, 2018-08-22') read with the neutral Options: what
    resolve.to_fields gives it, without it. None for anything else, and wherever the date or
    time is not a real one (to_fields then tells: it gives None or raises nothing new).

    Why it is exact: no range, mode, week, duration or approximation, so _fields keeps the one
    side's interval; resolve_point takes the written year (infer_year: year_source as written,
    else 'explicit'; not relative), _ymd's one day; no alternative; a weekday beside it only
    flags a mismatch (C10). A clock time (0-23 h) is put on that day and converted by the
    neutral zone (no zone written, no dual reading: nothing in `extra`); that zone (UTC) has no
    other readings and no suspect check applies to an unwritten zone."""
    a = expr.a
    if (
        a is None
        or expr.b is not None
        or expr.mode != "point"
        or expr.week_of
        or expr.approximate
        or expr.ongoing
        or a.kind != "ymd"
        or a.year is None
        or a.month is None
        or a.day is None
        or a.part is not None
        or a.fiscal
        or a.approximate
        or a.relative
        or a.alt is not None
        or a.zone is not None
        or a.extra
    ):
        return None
    try:
        day = dt.date(a.year, a.month, a.day)
    except ValueError:  # interval() gives None: so does to_fields
        return None
    year_source = a.year_source or "explicit"
    ambiguous = a.weekday is not None and day.weekday() != a.weekday
    if a.hour is None:
        return _Read(day, day, "day", year_source, False, ambiguous), (day, None)
    if not 0 <= a.hour <= 23:  # 24:00 is the next day's midnight: left to to_fields
        return None
    try:
        local = dt.datetime(a.year, a.month, a.day, a.hour, a.minute or 0, a.second or 0)
    except ValueError:
        return None
    instant = _NEUTRAL_ZONE.to_utc(local)
    grain = a.time_grain or "minute"
    return _Read(instant, instant, grain, year_source, False, ambiguous), (day, local)


# The neutral Options' Env and Ctx, built once at import: what Options(_NEUTRAL).env() and
# .ctx() give (cached by the options, each a frozen value), without the Options, two calls and
# two cache look-ups at each call of _reads_for_r (part of every parse's fixed cost).
_NEUTRAL_ENV = Options(_NEUTRAL).env()
_NEUTRAL_CTX = Options(_NEUTRAL).ctx()
# The zone a clock time with no zone written is read in under the neutral Options: UTC, with
# no other reading (_plain_read relies on it).
_NEUTRAL_ZONE = _NEUTRAL_ENV.zone
assert not _NEUTRAL_ZONE.others and _NEUTRAL_ZONE.offset == 0 and _NEUTRAL_ZONE.region is None


def infer_reference_date(
    text: str, *, front_matter: Mapping[str, object] | None = None
) -> dt.date | None:
    """R: front-matter date, else an 'as of X' / 'X report' phrase, else the latest full date."""
    if front_matter:  # a key it lacks reads as None, which names no date
        for key in REFERENCE_KEYS:
            found = _date_value(front_matter.get(key))
            if found is not None:
                return found
    text = _worth_scanning(text)
    if not text:  # no year and no report phrase: no span to read (the scanner's set-up skipped)
        return None
    # The scanner is the costliest step: it stops at the first report-phrase date when that has
    # its year written (_report_phrase's answer then, whatever follows). Any other case reads
    # every span, one pass serving both fallbacks.
    scanned = _reads_for_r(text)
    spans: list[tuple[Expr, _Read, Side | None]] = []
    in_phrase: list[bool] = []  # _in_report_phrase of each span, told once
    for item in scanned:
        spans.append(item)
        in_phrase.append(_in_report_phrase(text, item))
        if in_phrase[-1]:
            if item[1].year_source == "explicit":
                return _as_date(item[1].start)
            break
    for item in scanned:
        spans.append(item)
        in_phrase.append(_in_report_phrase(text, item))
    phrase = _report_phrase(text, spans, in_phrase)
    if phrase is not None:
        return phrase
    dates = _full_dates(spans)
    return max(dates) if dates else None


# Only lines with a written year or a report phrase can give R: the scanner reads just those
# (it is the costliest step of a parse, and most lines of a report hold neither).
# The words are those of _REPORT_BEFORE and _REPORT_AFTER, by their stems. This re.I
# alternation is the definition; _worth_offsets finds the same lines far faster.
_WORTH = re.compile(
    r"(?<!\d)(?:19|20)\d\d(?!\d)|report|as\s+of|publi|posted|post\b|update|issued|date\s*:"
    r"|advisory|bulletin|notice|summary",
    re.I,
)
# Its branches, each found by str.find of its stem in the lower-cased text (a regex search tries
# every position, some fifty times slower per character than str.find); a stem that is a
# common substring ('19', 'as', 'post', 'date') has the rest of its branch checked where it is
# found. A re.I alternation would also compare every character case-insensitively.
# The rest of a branch is matched in the text itself after its stem, each letter as either case
# (what the lower-cased text would show: tests/test_dates_perf8.py); '19'/'20' are digits.
_YEAR_AT = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_WORTH_WORDS: tuple[tuple[bytes, re.Pattern[str] | None], ...] = (
    (b"19", _YEAR_AT),
    (b"20", _YEAR_AT),
    (b"report", None),
    (b"as", re.compile(r"[aA][sS]\s+[oO][fF]")),
    (b"publi", None),
    (b"post", re.compile(r"[pP][oO][sS][tT](?:[eE][dD]|\b)")),
    (b"update", None),
    (b"issued", None),
    (b"date", re.compile(r"[dD][aA][tT][eE]\s*:")),
    (b"advisory", None),
    (b"bulletin", None),
    (b"notice", None),
    (b"summary", None),
)

# Stems that are common inside other words ('was', 'has', 'update'): a bytes regex over the
# lower-cased text finds the few places where the rest of the branch can follow, one C pass
# instead of a str.find and a match in Python per stem found. Each reads, after the stem, what
# the rest reads in the text as the lower-cased text shows it: \s is one of the ASCII blanks
# (\x1c-\x1f among them) or a '?' (any other character); the rest then checks each place.
# A match holds its stem once, so the non-overlapping matches miss no place.
_WORTH_FINDERS: dict[bytes, re.Pattern[bytes]] = {
    b"as": re.compile(rb"as[\s\x1c-\x1f?]+of"),
    b"date": re.compile(rb"date[\s\x1c-\x1f?]*:"),
}


# The years are found in the text itself, by a regex opening with its two digits (a literal
# prefix, which the regex engine finds with a tight C loop): every _YEAR_AT match, with no
# str.find and _YEAR_AT.match in Python per '19'/'20' found (dates and times hold many: a
# timeline's rows spent some 1 us each on it). The look-behind after the two digits is
# _YEAR_AT's (?<!\d) before them; no two _YEAR_AT matches overlap (a digit would stand before
# the second), so the non-overlapping matches are all of them (tests/test_dates_perf26_ref.py).
_YEAR_FINDERS: dict[bytes, re.Pattern[str]] = {
    b"19": re.compile(r"19(?<!\d19)\d\d(?!\d)"),
    b"20": re.compile(r"20(?<!\d20)\d\d(?!\d)"),
}


# Texts shorter than this are searched by _WORTH itself: its search tries every branch at every
# character (~0.2 us a character), while _worth_offsets' thirteen passes, the lower-cased copy
# and the year offsets cost a fixed ~4-5 us; the two meet at some 20-30 characters. Exact by
# definition (_WORTH is the definition; the lines found are the same, as for a case-unsafe
# text). A report is far longer; this spares the fixed cost of parsing a near-empty text.
_SHORT = 20


def _worth_scanning(text: str) -> str:
    """The lines that can name R, each its own paragraph (so no phrase spans two of them)."""
    if not text:  # the thirteen passes of _worth_offsets find nothing in it
        return ""
    if len(text) < _SHORT or case_unsafe(text):
        found = [m.start() for m in _WORTH.finditer(text)]
    else:
        found = _worth_offsets(text)
    kept: list[str] = []
    line_end = -1
    for offset in sorted(found):
        if offset < line_end:
            continue  # its line is kept already
        line_end = text.find("\n", offset)
        line_end = len(text) if line_end < 0 else line_end
        kept.append(text[text.rfind("\n", 0, offset) + 1 : line_end])
    return "\n\n".join(kept)


# Where a report holds few '19'/'20' (most: a year or two per date), the years are told from
# the offsets of them that extract.Context's year index asks for anyway
# (shared_reads.century_starts: within a parse, one pass over the report for both) by a
# _YEAR_AT.match at each, instead of the two finders' passes over the report. A match in
# Python costs what the finders' pass costs over some hundred characters, so a text with more
# offsets than one per _FEW_YEARS_SPAN characters (a timeline of dated rows) keeps the finders.
_FEW_YEARS_SPAN = 128


def _few_years(text: str) -> dict[bytes, list[int]] | None:
    """The offsets of _YEAR_FINDERS' matches by stem, in order, when text holds few '19'/'20';
    else None. The same offsets: a finder's match is a _YEAR_AT match opening with its stem
    (its look-behind after the two digits is _YEAR_AT's before them), and every such match
    opens at a '19' or '20'."""
    starts = century_starts(text)
    if len(starts) * _FEW_YEARS_SPAN > len(text):
        return None
    years: dict[bytes, list[int]] = {b"19": [], b"20": []}
    for start in starts:
        if _YEAR_AT.match(text, start) is not None:
            years[b"19" if text[start] == "1" else b"20"].append(start)
    return years


# Two stems found at one pass each for two: 'report' and 'post' by their shared 'po', 'update'
# and the 'date' branch by their shared 'date' (a regex opening with a literal, whose places the
# engine finds by a tight C loop). Each match is one of the two stems (or both, at 'update:'),
# told apart in Python at the few places the regex stops; no match can start inside another
# ('port', 'post', 'date' hold no second 'po' or 'date'), so the non-overlapping matches are all
# of them. _REPORT_OR_POST matches at every 'po' of a 'report' ('repo' ending after it, 'rt'
# next) or a 'post'; _DATE_OR_UPDATE at every 'date' with 'up' before it (an 'update') or where
# _WORTH_FINDERS' 'date' finder matches (the rest's blanks and ':' as the lower-cased text shows
# them). Two passes over the report instead of four (tests/test_refdate_perf33.py).
_REPORT_OR_POST = re.compile(rb"po(?:(?<=repo)rt|st)")
_DATE_OR_UPDATE = re.compile(rb"date(?:(?<=update)|(?=[\s\x1c-\x1f?]*:))")


def _rest(stem: bytes) -> re.Pattern[str]:
    """The rest _WORTH_WORDS checks after stem."""
    rest = dict(_WORTH_WORDS)[stem]
    assert rest is not None
    return rest


_POST_REST = _rest(b"post")
_DATE_REST = _rest(b"date")
_AS = _WORTH_FINDERS[b"as"], _rest(b"as")
_PLAIN_STEMS = (b"publi", b"issued", b"advisory", b"bulletin", b"notice", b"summary")
assert [stem for stem, _ in _WORTH_WORDS] == [
    b"19", b"20", b"report", b"as", *_PLAIN_STEMS[:1], b"post", b"update", *_PLAIN_STEMS[1:2],
    b"date", *_PLAIN_STEMS[2:],
]  # fmt: skip
assert all(dict(_WORTH_WORDS)[stem] is None for stem in (b"report", b"update", *_PLAIN_STEMS))


def _worth_offsets(text: str) -> list[int]:
    """Offsets where a _WORTH branch matches (not only its non-overlapping matches: the lines
    are the same, as no branch starts inside the blanks or the 'of' or ':' that end another),
    by _WORTH_WORDS' stems in their order, each stem's in order (what a find loop per stem
    gives)."""
    lower = ascii_lower(text)  # same offsets of the stems: no CASE_UNSAFE character is in text
    years_at = _few_years(text)
    if years_at is not None:
        found = years_at[b"19"] + years_at[b"20"]
    else:
        found = [m.start() for m in _YEAR_FINDERS[b"19"].finditer(text)]
        found += [m.start() for m in _YEAR_FINDERS[b"20"].finditer(text)]
    report: list[int] = []
    post: list[int] = []
    for m in _REPORT_OR_POST.finditer(lower):
        at = m.start()
        if lower[at + 2] == 0x72:  # 'r': 'port' of a 'report' two bytes before
            report.append(at - 2)
        elif _POST_REST.match(text, at):
            post.append(at)
    update: list[int] = []
    date: list[int] = []
    for m in _DATE_OR_UPDATE.finditer(lower):
        at = m.start()
        if at >= 2 and lower[at - 2 : at] == b"up":
            update.append(at - 2)
        if _DATE_REST.match(text, at):  # matches only where the finder's look-ahead does
            date.append(at)
    plain: list[list[int]] = []
    for stem in _PLAIN_STEMS:
        places: list[int] = []
        offset = lower.find(stem)
        while offset >= 0:
            places.append(offset)
            offset = lower.find(stem, offset + 1)
        plain.append(places)
    finder, rest = _AS
    found += report
    found += [m.start() for m in finder.finditer(lower) if rest.match(text, m.start())]
    found += plain[0]
    found += post
    found += update
    found += plain[1]
    found += date
    for places in plain[2:]:
        found += places
    return found


def _date_value(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        for _, span, _ in _reads(value):
            if span.year_source == "explicit" and span.grain not in _COARSE:
                return _as_date(span.start)
    return None


_COARSE = frozenset({"year", "half", "quarter", "month", "part_of_month", "week"})


def _as_date(value: dt.date | dt.datetime | None) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    return value


def _report_phrase(
    text: str,
    spans: Sequence[tuple[Expr, _Read, Side | None]],
    in_phrase: Sequence[bool] | None = None,
) -> dt.date | None:
    """The date named by a report phrase; its year from the nearest written year when missing.
    in_phrase: _in_report_phrase of each span when the caller has told it already."""
    for index, item in enumerate(spans):
        if not (in_phrase[index] if in_phrase is not None else _in_report_phrase(text, item)):
            continue
        span = item[1]
        start = _as_date(span.start)
        assert start is not None  # _in_report_phrase checked it
        if span.year_source == "explicit":
            return start
        year = _year_near(reversed(spans[:index])) or _year_near(spans[index + 1 :])
        if year is not None:
            try:
                return start.replace(year=year)
            except ValueError:  # 'Feb 29 report' in a common year
                continue
    return None


def _in_report_phrase(text: str, item: tuple[Expr, _Read, Side | None]) -> bool:
    """A day (not a coarser period) named right after or right before a report phrase."""
    expr, span, _ = item
    # A relative date (a weekday, 'yesterday': no year source) read against the neutral
    # date names no day of its own ('Initial Friday post' is no report date).
    if span.grain in _COARSE or span.start is None or span.ongoing or span.year_source is None:
        return False
    before = text[max(0, expr.begin - 40) : expr.begin]
    return _phrase_before(before) or bool(_REPORT_AFTER.match(text, expr.end))


# A _REPORT_BEFORE match ends with 'of', a ':', '-' or '–', or a word ending in t, d, n or e
# (report, reported, published, publication, on, date…), then only blanks, '*' and '_': the
# last other character of `before` is one of these. Where it is any other ASCII character the
# search (an attempt at each of the 40 offsets) cannot match and is skipped; a non-ASCII one
# (which may fold to a letter under re.I) still runs it (tests/test_facts_perf10.py).
_PHRASE_LAST = frozenset("fFtTdDnNeE:-")


def _phrase_before(before: str) -> bool:
    """bool(_REPORT_BEFORE.search(before)), most texts told by their last character."""
    tail = before.rstrip()  # str.isspace is what \s matches
    while tail[-1:] in ("*", "_"):
        tail = tail.rstrip("*_").rstrip()
    last = tail[-1:]
    if not last or (last < "\x80" and last not in _PHRASE_LAST):
        return False
    # A match's last word (before its ':', '-' or '–' and blanks, if any) is one of
    # _PHRASE_WORDS; where that part of the text is ASCII, re.I compares its letters as lower()
    # does, so a tail ending in no such word ('Start:', 'End:', 'that the') is turned away
    # without the search (~3 us, an attempt at each of the 40 offsets).
    word = tail[:-1].rstrip() if last in ":-–" else tail
    if word.isascii() and not word.lower().endswith(_PHRASE_WORDS):
        return False
    return bool(_REPORT_BEFORE.search(before))


# The words a _REPORT_BEFORE match ends with, before its optional separator: 'as of', a
# branch-2 word or its 'date'/'on', branch 3's 'date' or the 'report'/'publication' of 'date of
# report:' (tests/test_refdate_perf37.py compares with the search).
_PHRASE_WORDS = (
    "of", "report", "reported", "publication", "published", "posted", "updated", "issued",
    "date", "on",
)  # fmt: skip


def _year_near(spans: Iterable[tuple[Expr, _Read, Side | None]]) -> int | None:
    """The year of the first span written with its year, in the order given."""
    for _, span, _ in spans:
        value = span.end or span.start
        if span.year_source == "explicit" and value is not None:
            return value.year
    return None


def _full_dates(spans: Sequence[tuple[Expr, _Read, Side | None]]) -> list[dt.date]:
    """Dates written with their year; ambiguous numeric ones only when there is nothing else."""
    clear: list[dt.date] = []
    doubtful: list[dt.date] = []
    for _, span, _ in spans:
        value = _as_date(span.start)
        if span.year_source == "explicit" and span.grain not in _COARSE and value is not None:
            (doubtful if span.ambiguous else clear).append(value)
    return clear or doubtful


def detect_dayfirst(text: str, reference_date: dt.date | None = None) -> bool | None:
    """C16: True/False when the document shows day-first/month-first evidence only; else None."""
    day_votes = month_votes = 0
    numerics = [(int(a), int(b), int(y)) for a, _, b, y in _NUMERIC.findall(text)]
    for a, b, _ in numerics:
        day_votes += a > 12 >= b
        month_votes += b > 12 >= a
    doubtful = [(a, b, year) for a, b, year in numerics if a <= 12 and b <= 12 and a != b]
    named = _named_dates(text) if doubtful else {}  # two more passes over the text: only if used
    for a, b, year in doubtful:
        day_votes += (year, b, a) in named.get("dayfirst", set())
        month_votes += (year, a, b) in named.get("monthfirst", set())
    if reference_date is not None and not (day_votes or month_votes):
        day_votes, month_votes = _future_votes(numerics, reference_date)
    if day_votes and not month_votes:
        return True
    if month_votes and not day_votes:
        return False
    return None


_DAY_MONTH = re.compile(
    r"\b(\d{1,2})(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{1,2})?\s+(?:of\s+)?([A-Za-z]{3,9})\.?,?\s+((?:19|20)\d{2})\b"
)
_MONTH_DAY = re.compile(r"\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d{2})\b")


def _named_dates(text: str) -> dict[str, set[tuple[int, int, int]]]:
    """Named-month dates by the order they were written in: (year, month, day)."""
    out: dict[str, set[tuple[int, int, int]]] = {"dayfirst": set(), "monthfirst": set()}
    for day, name, year in _DAY_MONTH.findall(text):
        month = MONTH_BY_NAME.get(name.lower())
        if month:
            out["dayfirst"].add((int(year), month, int(day)))
    for name, day, year in _MONTH_DAY.findall(text):
        month = MONTH_BY_NAME.get(name.lower())
        if month:
            out["monthfirst"].add((int(year), month, int(day)))
    return out


def _future_votes(numerics: list[tuple[int, int, int]], reference: dt.date) -> tuple[int, int]:
    """A reading that puts dates more than 31 days after R is the wrong one (C16)."""
    limit = grace_limit(reference)
    day_votes = month_votes = 0
    for a, b, year in numerics:
        if a > 12 or b > 12 or a == b:
            continue
        month_first, day_first = dt.date(year, a, b), dt.date(year, b, a)
        day_votes += month_first > limit >= day_first
        month_votes += day_first > limit >= month_first
    return day_votes, month_votes
