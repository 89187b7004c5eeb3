"""Round 11: a timeline stamp is read once, not twice.

extract/timeline.py finds a row's leading stamp (dates.leading.leading_stamp) and later resolves
the stamp with the timeline's own options and carried day (dates.sequence.resolve_sequence ->
scan.parse_value). When the first reading was the shapes' (dates.shapes: '1:06 PM',
'2019-03-26 16:21') and its point is one no option changes (a clock time, a date with its
year), the stamp is a dates.leading.Stamp carrying that Expr, and parse_value resolves it
instead of reading the stamp again (scan.reads_known says when that is the plain path's first
find). Compared here with the plain path on every line of the reports we have (fixtures, docs,
the shared corpus when present) and on generated rows, under many options and anchors.
"""

from __future__ import annotations

import datetime as dt
import random

import pytest

from incidentparse import parse
from incidentparse.dates import scan
from incidentparse.dates.leading import Stamp
from incidentparse.dates.points import Ctx
from incidentparse.dates.scan import Options, parse_value
from incidentparse.extract import timeline

from .conftest import REPO_MARKDOWN, SHARED

REPORTS = [*REPO_MARKDOWN, *sorted((SHARED / "corpus").glob("*.md"))]
DOCS: list[str] = [p.read_text(encoding="utf-8") for p in REPORTS]
REFERENCES = (dt.date(2024, 3, 1), dt.date(2019, 12, 31), dt.date(2025, 7, 11))

PIECES: tuple[str, ...] = (
    "[", "]", "(", ")", "**", "~", "_", "`", "'", " ", "  ", "\t", "-", ":", ": ", "|", " | ",
    ",", "1:06 PM", "12:49 pm", "12:00 AM", "11:59", "23:55", "00:07", "9:5", "24:00", "13:00 PM",
    "2019-03-26 16:21", "2019-03-26, 16:21", "2019-3-6", "2024-02-29", "2023-02-29", "1999-12-31",
    "03-26 07:16", "26-03 07:16", "05-06 10:00", "2018-08-22, 03:26pm", "UTC", "BST", "EDT",
    "restarted", "x", "ongoing", "approx", "YYYY", "mm", "N/A", "TBD", "(17:14 UTC)", "-ish",
    "to", "14:00", "\n", "April 1", "at", "Mon",
)  # fmt: skip


def _generated_rows(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    joins = ("", " ", "")
    return [
        rng.choice(joins).join(rng.choice(PIECES) for _ in range(rng.randint(1, 6)))
        for _ in range(count)
    ]


def _doc_rows() -> list[str]:
    """Every line of every report, with and without its Markdown markup."""
    out: list[str] = []
    for doc in DOCS:
        for line in doc.splitlines():
            out.extend((line, line.strip(" -*>#")))
    return [text for text in dict.fromkeys(out) if text]


def _stamps(texts: list[str]) -> list[Stamp]:
    """The stamps the timeline finds in texts (read against each reference)."""
    out: list[Stamp] = []
    for n, text in enumerate(texts):
        found = timeline._stamp_of(text, REFERENCES[n % len(REFERENCES)])
        if found is not None:
            assert isinstance(found[0], Stamp)
            out.append(found[0])
    return out


OPTIONS: tuple[Options, ...] = tuple(
    Options(reference, context_year, zone, dayfirst)
    for reference in REFERENCES
    for context_year, zone, dayfirst in (
        (None, "UTC", None),
        (2018, "BST", True),
        (2025, "America/New_York", False),
        (None, "UTC+00:00", True),
        (2019, "IST", None),
    )
)


def _ctxs(options: Options) -> list[Ctx | None]:
    """What resolve_sequence passes: no Ctx, its Ctx with no day, a carried day, days at the
    calendar's ends (where a resolution fails and the plain path reads on)."""
    return [
        None,
        Ctx(options.reference, dayfirst=options.dayfirst),
        Ctx(options.reference, anchor=dt.date(2019, 3, 26), dayfirst=options.dayfirst),
        Ctx(options.reference, anchor=dt.date(2020, 2, 29), dayfirst=not options.dayfirst),
        Ctx(options.reference, anchor=dt.date.max, dayfirst=options.dayfirst),
        Ctx(options.reference, anchor=dt.date.min, dayfirst=options.dayfirst),
    ]


def _compare(stamps: list[Stamp]) -> tuple[int, int]:
    """(stamps with a reading, values the reading was used for), asserting every answer."""
    read = used = 0
    for n, stamp in enumerate(stamps):
        if stamp.reading is None:
            continue
        read += 1
        options = OPTIONS[n % len(OPTIONS)]
        for ctx in _ctxs(options):
            fast = parse_value(stamp, options, ctx, stamp.reading)
            plain = parse_value(str(stamp), options, ctx)
            assert fast == plain, (stamp, options, ctx)
            used += scan.reads_known(stamp.strip(), stamp.reading)
    return read, used


def test_report_stamps_read_once_as_twice() -> None:
    read, used = _compare(_stamps(_doc_rows()))
    # floors that hold on the repository alone (37 and 78 there; 171 and 384 with the corpus);
    # refused readings are lines with their '-' or '|' left on, which the extractor never asks
    assert read > 30
    assert used > 60


def test_generated_stamps_read_once_as_twice() -> None:
    stamps = _stamps(_generated_rows(6000, 11))
    read, used = _compare(stamps)
    assert read > 400  # 487
    assert used > 2000  # 2352
    # and the stamps with no reading: month-day stamps, the grammar's stamps (1849)
    assert sum(stamp.reading is None for stamp in stamps) > 1000


def test_plain_stamps_still_resolve() -> None:
    """A plain str (what the stamp was before) takes the plain path."""
    options = Options(REFERENCES[0])
    stamp = timeline._stamp_of("[1:06 PM] restarted", REFERENCES[0])
    assert stamp is not None and isinstance(stamp[0], Stamp) and stamp[0].reading is not None
    assert parse_value(stamp[0], options, None, stamp[0].reading) == parse_value(
        "[1:06 PM", options
    )


def test_readings_of_other_texts_refused() -> None:
    """A reading handed with a value it was not read in (longer, or with letters before it) is
    not used: the plain path reads the value."""
    options = Options(REFERENCES[0], None, "BST", None)
    cases = (
        ("1:06 PM", "1:06 PM UTC"),
        ("1:06 PM", "1:06 PM to 2:00 PM"),
        ("2019-03-26", "2019-03-26 16:21"),
        ("xx 1:06 PM", "~~ 1:06 PM"),
        ("xx 1:06 PM", "by 1:06 PM"),
    )
    for read, value in cases:
        stamp = timeline._stamp_of(read, REFERENCES[0])
        assert stamp is not None and isinstance(stamp[0], Stamp) and stamp[0].reading is not None
        known = stamp[0].reading
        assert parse_value(value, options, None, known) == parse_value(value, options), value


def test_reports_parse_as_with_two_readings(monkeypatch: pytest.MonkeyPatch) -> None:
    """End to end: every report's timeline with the reading refused everywhere."""
    fast = [parse(doc).timeline for doc in DOCS]
    monkeypatch.setattr(scan, "reads_known", lambda value, known: False)
    plain = [parse(doc).timeline for doc in DOCS]
    assert fast == plain
