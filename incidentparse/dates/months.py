"""Month arithmetic on calendar dates: first and last days, spans of whole months."""

from __future__ import annotations

import datetime as dt
from calendar import monthrange


def last_of_month(year: int, month: int) -> dt.date:
    return dt.date(year, month, monthrange(year, month)[1])


def month_start(year: int, month: int, shift: int = 0) -> dt.date:
    """The first day of month (1-based) moved by shift months.

    Month arithmetic on first days only, so plain integers do it; relativedelta (used for
    offsets from arbitrary days) costs more than the rest of a quarter's resolution.
    """
    index = year * 12 + month - 1 + shift
    return dt.date(index // 12, index % 12 + 1, 1)


def months_span(first: dt.date, months: int) -> tuple[dt.date, dt.date]:
    """[first, last day] of the `months` months starting at the month of `first`."""
    last = month_start(first.year, first.month, months - 1)
    return first, last_of_month(last.year, last.month)
