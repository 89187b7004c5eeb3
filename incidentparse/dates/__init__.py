"""Date-range engine: date expressions in field values and prose to TimeSpans (docs/dates.md).

Every function is pure: the reference date R comes in from the caller, the clock is never read.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from ..models import TimeSpan
from .document import context_year, detect_dayfirst, explicit_years, infer_reference_date
from .durations import parse_duration
from .resolve import new_span
from .scan import Options, parse_value
from .scan import scan as _scan
from .sequence import resolve_sequence as _resolve_sequence
from .zones import lookup_zone, zone_declaration

__all__ = [
    "context_year",
    "detect_dayfirst",
    "explicit_years",
    "find_timespans",
    "infer_reference_date",
    "is_known_zone",
    "parse_duration",
    "parse_timespan",
    "resolve_sequence",
    "zone_declaration",
]


def parse_timespan(
    text: str,
    *,
    reference_date: dt.date,
    context_year: int | None = None,
    default_zone: str = "UTC",
    dayfirst: bool | None = None,
    fiscal_year_start_month: int | None = None,
) -> TimeSpan | None:
    """One field value to one span (C20: the first expression outside parentheses).

    None for values that hold no date, and for placeholders (N/A, TBD, Unknown…): callers read
    the placeholder's status with ``incidentparse.answers.classify``. ``fiscal_year_start_month``
    (1–12) configures C7 fiscal years; left None they are calendar years, flagged approximate.
    A month outside 1–12 raises ``ConfigError``.
    """
    options = Options(reference_date, context_year, default_zone, dayfirst, fiscal_year_start_month)
    weekday_date = _WEEKDAY_DATE.fullmatch(text)
    if weekday_date is not None:
        span = _weekday_date_span(text, weekday_date, options)
        if span is not None:
            return span
    found = parse_value(text, options)
    return found[0] if found else None


# A whole value that is a weekday's full name, ', ' and an ISO date with its year
# ('Wednesday, 2018-08-22': the Start and End fields of a report's header). parse_value reads
# it as the grammar's weekday prefix before match_shape's ymd day: an explicit year, grain day,
# that day as start and end, flagged ambiguous where the weekday is not the date's (C10), and
# nothing else, whatever the options (the year is written, no zone applies to a day, an ISO date
# has no day-first reading). The grammar call, its Point and its resolution were ~15 us a value,
# a quarter of that is left (tests/test_dates_perf27_ref_value.py compares both ways).
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAY_DATE = re.compile(
    rf"({'|'.join(_WEEKDAYS)}), ((?:19|20)[0-9][0-9])-([0-9][0-9])-([0-9][0-9])"
)
_WEEKDAY_NUMBER = {name: number for number, name in enumerate(_WEEKDAYS)}


def _weekday_date_span(text: str, match: re.Match[str], options: Options) -> TimeSpan | None:
    """parse_value's span of a _WEEKDAY_DATE value, or None where the date does not exist (the
    plain path then tells). options.env() is called as the plain path calls it: an option it
    refuses (a month outside 1-12, a zone that is no str) raises here as it does there."""
    options.env()
    name, year, month, day = match.groups()
    try:
        date = dt.date(int(year), int(month), int(day))
    except ValueError:
        return None
    fields: dict[str, object] = {
        "text": text,
        "start": date,
        "end": date,
        "grain": "day",
        "year_source": "explicit",
    }
    if date.weekday() != _WEEKDAY_NUMBER[name]:
        fields["ambiguous"] = True
    return new_span(fields)


def find_timespans(
    text: str,
    *,
    reference_date: dt.date,
    context_year: int | None = None,
    default_zone: str = "UTC",
    dayfirst: bool | None = None,
    fiscal_year_start_month: int | None = None,
) -> list[TimeSpan]:
    """Every date expression in prose, with ``char_start``/``char_end`` into ``text``.

    Relative phrases ("three weeks earlier") and bare times read against the most recent date
    of the same paragraph (C2).
    """
    options = Options(reference_date, context_year, default_zone, dayfirst, fiscal_year_start_month)
    return [span for _, span, _ in _scan(text, options)]


def resolve_sequence(
    texts: Sequence[str],
    *,
    reference_date: dt.date,
    context_year: int | None = None,
    default_zone: str = "UTC",
    dayfirst: bool | None = None,
    anchor: TimeSpan | None = None,
    fiscal_year_start_month: int | None = None,
) -> list[TimeSpan | None]:
    """A timeline's row labels in document order to spans (None for '[???]' and undated rows).

    A dated row or ``anchor`` (a day heading) gives its date to the time-only rows after it;
    a time more than 12 hours before the previous one rolls over to the next day.
    """
    options = Options(reference_date, context_year, default_zone, dayfirst, fiscal_year_start_month)
    return _resolve_sequence(texts, options, anchor)


def is_known_zone(name: str) -> bool:
    """True when ``name`` is accepted as ``default_zone`` (abbreviation, offset or IANA name)."""
    return lookup_zone(name) is not None
