"""The timeline's fast paths give exactly what the code they replaced gave.

- extract/timeline.py `_stamp_of`: a text whose first scanner candidate starts past the stamp
  limit is answered None before the scan (the T4 test asks it of every paragraph under a
  `### 12:49 PM` heading).
- dates/sequence.py `resolve_sequence`: one Ctx per carried day, and the midnight-rollover test
  compares the clocks before it reads the label.

Each is compared with the plain code on every report we have (fixtures, docs, the shared corpus
when present) and on generated texts and timelines, under several reference dates.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Sequence

import pytest

from incidentparse import parse
from incidentparse.dates import sequence
from incidentparse.dates.points import Ctx
from incidentparse.dates.scan import Options, extents, parse_value
from incidentparse.extract import timeline
from incidentparse.models import TimeSpan

from .conftest import FIXTURES, ROOT, SHARED

REPORTS = sorted(
    [
        *FIXTURES.glob("**/*.md"),
        *ROOT.glob("*.md"),
        *(ROOT / "docs").glob("**/*.md"),
        *(SHARED / "corpus").glob("*.md"),
    ]
)
DOCS: list[str] = [p.read_text(encoding="utf-8") for p in REPORTS]
REFERENCES = (dt.date(2024, 3, 1), dt.date(2019, 12, 31), dt.date(2025, 1, 1), dt.date(2026, 7, 15))


# --- the plain code ---------------------------------------------------------------------------


def _plain_stamp_of(text: str, reference_date: dt.date) -> tuple[str, str] | None:
    """_stamp_of as it was: the scan asked whatever the text opens with."""
    opener = timeline._STAMP_OPEN.match(text)
    start = opener.end() if opener else 0
    limit = max(start, timeline.MAX_STAMP_START)
    words_end = timeline._WORD_RUN.match(text, limit + 1)
    end = words_end.end() if words_end else len(text)
    for expr in extents(text, Options(reference_date), end=end):
        if expr.begin > limit:
            return None
        rest = text[expr.end :]
        separator = timeline._STAMP_SEPARATOR.match(rest)
        return text[: expr.end], rest[separator.end() if separator else 0 :].strip()
    return None


def _plain_resolve_sequence(
    texts: Sequence[str], options: Options, anchor: TimeSpan | None = None
) -> list[TimeSpan | None]:
    """resolve_sequence as it was: a Ctx per row, the label tested before the clocks."""
    day = sequence._day_of(anchor)
    last_local: dt.datetime | None = None
    out: list[TimeSpan | None] = []
    for text in texts:
        if sequence._UNKNOWN_TIME.search(text):
            out.append(None)
            continue
        ctx = Ctx(options.reference, anchor=day, dayfirst=options.dayfirst)
        found = parse_value(text, options, ctx)
        if found is None:
            out.append(None)
            continue
        span, side = found
        if sequence._after_report(span, options):
            found = parse_value(text, options._replace(context_year=None), ctx) or found
            span, side = found
        if (
            _plain_rolls_over(span, side.local_time, last_local)
            and (day or options.reference) < sequence._LAST
        ):
            day = (day or options.reference) + dt.timedelta(days=1)
            found = parse_value(text, options, ctx._replace(anchor=day))
            if found is not None:
                span, side = found
        out.append(span)
        if side.local_day is not None:
            day = side.local_day
        last_local = side.local_time if side.local_time is not None else None
    return out


def _plain_rolls_over(span: TimeSpan, local: dt.datetime | None, last: dt.datetime | None) -> bool:
    if local is None or last is None or not sequence._time_only(span.text):
        return False
    return local < last - sequence.ROLLOVER


# --- generated texts --------------------------------------------------------------------------

STAMP_PIECES: tuple[str, ...] = (
    "[", "]", "(", ")", "**", "~", "≈", "_", " ", "  ", "-", ":", "|", "—", "`", "#", ">", "14:00",
    "23:55", "00:07", "9am", "UTC", "PDT", "April 1", "April", "1st", "2024-03-05", "03/04", "Mon",
    "Monday,", "on", "at", "the", "next", "morning", "by", "until", "from", "to", "T+5", "Day 2",
    "12:49 PM", "2019", "Q3", "week", "restarted", "the service", "x", "v1.2", "10.0.0.1",
    "ongoing", "yesterday", "noon", "İstanbul", "İ", "incident", "Incident declared", "in", "Mar",
    "marketing", "fy24", "h1", "2q", "eod", "end", "\n", "Tech Lead", "CVE-2021-44228", "x2020",
)  # fmt: skip


def _generated_stamps(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [
        rng.choice(("", " ")).join(rng.choice(STAMP_PIECES) for _ in range(rng.randint(1, 14)))
        for _ in range(count)
    ]


def _doc_texts() -> list[str]:
    """Every line and every blank-line-separated block of every report, with and without its
    Markdown markup: what the extractor asks about (headings, bullets, paragraphs)."""
    out: list[str] = []
    for doc in DOCS:
        for line in doc.splitlines():
            out.extend((line, line.strip(" -*>#")))
        out.extend(block.strip() for block in doc.split("\n\n"))
    return [text for text in dict.fromkeys(out) if text]


def test_reports_are_there() -> None:
    assert len(REPORTS) >= 20


def test_leading_stamps_as_before() -> None:
    texts = _doc_texts() + _generated_stamps(2500, 11)
    for reference in REFERENCES[:2]:
        for text in texts:
            assert timeline._stamp_of(text, reference) == _plain_stamp_of(text, reference), text


def test_leading_stamps_found_and_refused() -> None:
    """Both answers occur, and the prefilter's 'no' is not the only one given."""
    answers = [timeline._stamp_of(t, REFERENCES[0]) for t in _generated_stamps(800, 3)]
    assert sum(a is None for a in answers) > 100
    assert sum(a is not None for a in answers) > 100
    stamp = timeline._stamp_of("  [12:49 PM] restarted", REFERENCES[0])
    assert stamp == ("  [12:49 PM", "restarted")
    assert timeline._stamp_of("Incident declared at 12:49", REFERENCES[0]) is None


ROW_PIECES: tuple[str, ...] = (
    "23:55", "[23:55]", "00:07", "[00:07]", "12:49 PM", "1:06 PM", "11:59 PM", "12:01 AM", "9am",
    "14:00 UTC", "14:00 PDT", "09:10 BST", "16:21 +02:00", "Dec 31", "Dec 31 23:50", "Jan 1",
    "January 1 00:10", "2019-12-31", "2019-12-31 23:59", "2020-01-01 00:01", "12-05 16:21",
    "[12-05 16:21]", "03/04 10:00", "13/04", "04/13", "Monday", "Mon 09:00", "the next morning",
    "two hours later", "yesterday", "noon", "midnight", "[???]", "???", "TBD", "N/A", "", "Day 2",
    "restarted the service", "Q3 2019", "2019", "week of March 4", "from 10:00 to 11:30",
    "10:00-11:30", "ongoing since 14:00", "~14:00", "about 15:00 (approx)", "for 2 hours",
    "April 1", "April 1, 2025, 12:42 PM", "July 14, 2025, 11:20 AM", "5:02 PM", "18:40",
)  # fmt: skip


def _generated_timelines(count: int, seed: int) -> list[list[str]]:
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        rows = []
        for _ in range(rng.randint(1, 12)):
            row = rng.choice(ROW_PIECES)
            if rng.random() < 0.3:
                row = f"{row} {rng.choice(ROW_PIECES)}"
            rows.append(row)
        out.append(rows)
    return out


def _doc_timelines() -> list[list[str]]:
    """Each report's lines in runs of ten: time rows, day headings and prose as they come."""
    out = []
    for doc in DOCS:
        lines = [line.strip(" -*>#|") for line in doc.splitlines() if line.strip()]
        out.extend(lines[i : i + 10] for i in range(0, len(lines), 10))
    return out


OPTIONS: tuple[Callable[[dt.date], Options], ...] = (
    lambda r: Options(r),
    lambda r: Options(r, context_year=r.year - 1, default_zone="PDT"),
    lambda r: Options(r, context_year=r.year + 1, default_zone="UTC+00:00", dayfirst=True),
    lambda r: Options(r, dayfirst=False, default_zone="Europe/London"),
)


def _spans(spans: list[TimeSpan | None]) -> list[object]:
    return [None if s is None else s.model_dump() for s in spans]


@pytest.mark.parametrize("make_options", OPTIONS)
def test_sequences_as_before(make_options: Callable[[dt.date], Options]) -> None:
    timelines = _generated_timelines(300, 5) + _doc_timelines()[::3]
    day = dt.date(2019, 12, 31)
    anchors = (None, TimeSpan(text="Dec 31", start=day, end=day, grain="day"))
    for i, rows in enumerate(timelines):
        reference = REFERENCES[i % len(REFERENCES)]
        options = make_options(reference)
        anchor = anchors[i % 2]
        got = sequence.resolve_sequence(rows, options, anchor)
        assert _spans(got) == _spans(_plain_resolve_sequence(rows, options, anchor)), rows


def test_generated_sequences_reach_both_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    """The generated timelines do roll over midnight and re-read rows past the report."""
    seen = {"rolls": 0, "after": 0}
    rolls, after = sequence._rolls_over, sequence._after_report

    def counted_rolls(*args: object) -> bool:
        found = rolls(*args)  # type: ignore[arg-type]
        seen["rolls"] += found
        return found

    def counted_after(*args: object) -> bool:
        found = after(*args)  # type: ignore[arg-type]
        seen["after"] += found
        return found

    monkeypatch.setattr(sequence, "_rolls_over", counted_rolls)
    monkeypatch.setattr(sequence, "_after_report", counted_after)
    for i, rows in enumerate(_generated_timelines(300, 5)):
        for make_options in OPTIONS:
            sequence.resolve_sequence(rows, make_options(REFERENCES[i % len(REFERENCES)]))
    assert seen["rolls"] > 50
    assert seen["after"] > 50


def test_reports_parse_as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    """End to end: every report's timeline with the plain code patched back in."""
    fast = [parse(doc).timeline for doc in DOCS]
    monkeypatch.setattr(timeline, "_stamp_of", _plain_stamp_of)
    monkeypatch.setattr(sequence, "resolve_sequence", _plain_resolve_sequence)
    import incidentparse.dates as dates

    monkeypatch.setattr(dates, "_resolve_sequence", _plain_resolve_sequence)
    plain = [parse(doc).timeline for doc in DOCS]
    assert fast == plain
