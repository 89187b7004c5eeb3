"""Date-range engine: date expressions in field values and prose to TimeSpans (docs/dates.md).

Every function is pure: the reference date R comes in from the caller, the clock is never read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from ..models import TimeSpan
from .document import context_year, detect_dayfirst, explicit_years, infer_reference_date
from .durations import parse_duration
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
    found = parse_value(text, options)
    return found[0] if found else None


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
