"""Round 27: parse_timespan reads a whole 'Wednesday, 2018-08-22' value without the grammar.

dates._WEEKDAY_DATE / _weekday_date_span give exactly what the general path (scan.parse_value,
which parse_timespan called alone before) gives: the same TimeSpan (every field, its fields set,
its JSON) or None, and the same exception where an option is refused. Compared on every line
and every `Label: value` value of our texts (fixtures, docs, corpus when present, the date
tables), on generated values around the shape (weekday names right and wrong, other cases and
abbreviations, days that do not exist, years out of the regex's range, blanks and text around
it) under generated options, and on whole parses of our reports with the fast path off. No
timings.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from typing import Any

import pytest

import incidentparse
import incidentparse.dates as dates
from incidentparse.dates.scan import Options, parse_value

from .conftest import FIXTURES, SHARED
from .test_dates_perf import DOCUMENTS


def _plain(text: str, **options: Any) -> object:
    """parse_timespan as round 26 left it (the general path), or the exception it raised."""
    try:
        found = parse_value(
            text,
            Options(
                options["reference_date"],
                options.get("context_year"),
                options.get("default_zone", "UTC"),
                options.get("dayfirst"),
                options.get("fiscal_year_start_month"),
            ),
        )
    except Exception as error:
        return (type(error), str(error))
    return found[0] if found else None


def _fast(text: str, **options: Any) -> object:
    try:
        return dates.parse_timespan(text, **options)
    except Exception as error:
        return (type(error), str(error))


def _same(text: str, **options: Any) -> bool:
    """Both ways give the same; True where the fast path read the value itself."""
    fast, plain = _fast(text, **options), _plain(text, **options)
    assert type(fast) is type(plain), (text, options, fast, plain)
    if isinstance(fast, incidentparse.models.TimeSpan):
        assert isinstance(plain, incidentparse.models.TimeSpan)
        assert fast == plain, (text, options, fast, plain)
        assert fast.model_fields_set == plain.model_fields_set, text
        assert fast.model_dump_json() == plain.model_dump_json(), text
        assert list(vars(fast)) == list(vars(plain)), text
    else:
        assert fast == plain, (text, options, fast, plain)
    return dates._WEEKDAY_DATE.fullmatch(text) is not None


_R = dt.date(2019, 3, 26)
_VALUE = re.compile(r"^[^:\n]{1,40}:\s*(.+)$", re.M)


def test_our_lines_and_values_read_alike() -> None:
    fast = 0
    for document in DOCUMENTS:
        pieces = {line.strip(" |*-") for line in document.splitlines()}
        pieces |= {m.group(1).strip() for m in _VALUE.finditer(document)}
        for piece in pieces:
            if len(piece) <= 80:
                fast += _same(piece, reference_date=_R)
    # sushibar's Start and End when ../shared/corpus is there; these two values always
    for piece in ("Wednesday, 2018-08-22", "Friday, 2019-03-29"):
        fast += _same(piece, reference_date=_R)
    assert fast >= 2


_NAMES = (
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "monday", "WEDNESDAY", "Wed", "Thu", "Thurs", "Tues", "Fri", "Sun", "Mon", "Funday",
    "Ｍonday", "Wednesdays",
)  # fmt: skip
_SEPARATORS = (", ", ",", " ", ",  ", ", \n", " , ", ",\t", "")
_YEARS = ("2018", "2019", "1999", "1900", "2099", "2000", "1899", "2100", "0999", "19", "٢٠١٩")
_MONTHS = ("01", "02", "08", "12", "13", "00", "1", "１2")
_DAYS = ("01", "22", "23", "28", "29", "30", "31", "00", "32", "5")
_AROUND = ("", "", "", "", " ", "\n", " (ongoing)", " 14:00", "T10:00", " UTC", " or so", "~", "*")
_ZONES = ("UTC", "UTC+00:00", "PDT", "UTC+05:30", "Europe/Berlin", "", "garbage zone", None)


def _options(rng: random.Random) -> dict[str, Any]:
    reference: object = dt.date(rng.randint(1990, 2030), rng.randint(1, 12), rng.randint(1, 28))
    if rng.random() < 0.1:
        reference = dt.datetime(2030, 1, 1, 5)
    return {
        "reference_date": reference,
        "context_year": rng.choice((None, None, 2018, 1999, 2031)),
        "default_zone": rng.choice(_ZONES),
        "dayfirst": rng.choice((None, True, False)),
        "fiscal_year_start_month": rng.choice((None, None, None, 1, 4, 12, 0, 13)),
    }


def _value(rng: random.Random) -> str:
    day_first = rng.random() < 0.05
    year, month, day = rng.choice(_YEARS), rng.choice(_MONTHS), rng.choice(_DAYS)
    date = f"{day}-{month}-{year}" if day_first else f"{year}-{month}-{day}"
    if rng.random() < 0.5:  # mostly real dates, with their own weekday or another
        real = dt.date(rng.randint(1900, 2099), rng.randint(1, 12), rng.randint(1, 31 - 3))
        date = real.isoformat()
        if rng.random() < 0.5:
            return f"{real.strftime('%A')}, {date}"
    return (
        rng.choice(_AROUND[:6])
        + rng.choice(_NAMES)
        + rng.choice(_SEPARATORS)
        + date
        + rng.choice(_AROUND)
    )


def test_generated_values_read_alike() -> None:
    rng = random.Random(2701)
    fast = 0
    for _ in range(30_000):
        fast += _same(_value(rng), **_options(rng))
    assert fast >= 6_000  # ~7_500: right and wrong weekdays, every option


def test_refused_options_raise_alike() -> None:
    for options in (
        {"fiscal_year_start_month": 13},
        {"fiscal_year_start_month": 0},
        {"default_zone": None},
    ):
        assert dates._WEEKDAY_DATE.fullmatch("Wednesday, 2018-08-22")
        _same("Wednesday, 2018-08-22", reference_date=_R, **options)
        assert isinstance(_fast("Wednesday, 2018-08-22", reference_date=_R, **options), tuple)


def _reports() -> list[str]:
    paths = [*sorted(FIXTURES.glob("reports/*.md")), *sorted((SHARED / "corpus").glob("*.md"))]
    return [path.read_text(encoding="utf-8") for path in paths]


def test_whole_parses_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _reports()
    fast = [incidentparse.parse(text, reference_date=_R).model_dump_json() for text in texts]
    fast_own = [incidentparse.parse(text).model_dump_json() for text in texts]
    monkeypatch.setattr(dates, "_WEEKDAY_DATE", re.compile(r"(?!)"))
    plain = [incidentparse.parse(text, reference_date=_R).model_dump_json() for text in texts]
    plain_own = [incidentparse.parse(text).model_dump_json() for text in texts]
    assert fast == plain
    assert fast_own == plain_own
