"""Round 33: resolve_sequence's row loop with fewer calls per row.

`dates.sequence.resolve_sequence`: a Stamp whose own reading the shapes read at 0 ('### 12:49
PM') is resolved by to_span of its text where _reading, _whole_stamp and _whole_stamp_value
were three calls; R + 31 days (C3) is worked out once per sequence (`_past`) where
_after_report asked grace_limit at every context-year row; the midnight rollover's clock test
is asked in the loop where _rolls_over was a call per row. Compared with round 32's
resolve_sequence, kept here, on the stamps, plain labels and rows of our reports and on
generated sequences dense in stamp shapes, clock steps back over midnight and context years
past R, under many options and anchors; every report parses the same.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence

import pytest

from incidentparse import dates, parse
from incidentparse.dates import sequence
from incidentparse.dates.calendar import grace_limit
from incidentparse.dates.leading import Stamp
from incidentparse.dates.points import Ctx
from incidentparse.dates.scan import Options, parse_value
from incidentparse.extract import timeline
from incidentparse.models import TimeSpan

from .test_timeline_perf9 import _doc_paragraphs
from .test_timeline_perf11 import DOCS, _doc_rows
from .test_timeline_perf26_stamp import STAMP_PIECES
from .test_timeline_perf27_seq import OPTIONS, REFS


def _after_report(span: TimeSpan, options: Options) -> bool:
    """sequence._after_report as it was (round 32)."""
    if span.year_source != "context":
        return False
    start = span.start.date() if isinstance(span.start, dt.datetime) else span.start
    return start is not None and start > grace_limit(options.reference)


def _rolls_over(span: TimeSpan, local: dt.datetime | None, last: dt.datetime | None) -> bool:
    """sequence._rolls_over as it was (round 32)."""
    if local is None or last is None or not last - local > sequence.ROLLOVER:
        return False
    return sequence._time_only(span.text)


def _old_resolve_sequence(
    texts: Sequence[str], options: Options, anchor: TimeSpan | None = None
) -> list[TimeSpan | None]:
    """sequence.resolve_sequence as it was (round 32)."""
    day = sequence._day_of(anchor)
    last_local: dt.datetime | None = None
    out: list[TimeSpan | None] = []
    ctx = Ctx(options.reference, anchor=day, dayfirst=options.dayfirst)
    env = options.env()
    for text in texts:
        if "?" in text and sequence._UNKNOWN_TIME.search(text):
            out.append(None)
            continue
        if ctx.anchor != day:
            ctx = Ctx(options.reference, day, None, options.dayfirst)
        if type(text) is str:
            read = sequence._shape_read(text, ctx) if text else None
            known = None if read is None else read[0]
            if read is None:
                found = None
            elif read[0].begin == 0:
                found = sequence._shaped_value(read[1], read[0], env, ctx)
            else:
                found = sequence._known_value(text, read[0], env, ctx)
        else:
            known = sequence._reading(text, options, ctx) if text else None
            if known is None:
                found = None
            elif sequence._whole_stamp(text, known):
                found = sequence._whole_stamp_value(text, known, env, ctx)
            else:
                found = sequence._known_value(text, known, env, ctx)
        if found is None:
            found = parse_value(text, options, ctx, known)
        if found is None:
            out.append(None)
            continue
        span, side = found
        if _after_report(span, options):
            found = parse_value(text, options._replace(context_year=None), ctx, known) or found
            span, side = found
        if (
            _rolls_over(span, side.local_time, last_local)
            and (day or options.reference) < sequence._LAST
        ):
            day = (day or options.reference) + dt.timedelta(days=1)
            found = parse_value(text, options, ctx._replace(anchor=day), known)
            if found is not None:
                span, side = found
        out.append(span)
        if side.local_day is not None:
            day = side.local_day
        last_local = side.local_time if side.local_time is not None else None
    return out


# Clock stamps that step back over midnight and around it, and rows whose year comes from the
# context (a month and day: '03-26 07:16', '12-05 16:21') to land past R + 31 days.
_CLOCKS = (
    "23:55", "00:07", "11:59 PM", "12:01 AM", "1:06 PM", "12:49 PM", "9:00", "21:30", "03:00",
    "[23:55]", "[00:07]", "12-05 16:21", "03-26 07:16", "01-02 00:10", "12-31 23:59", "[???]",
)  # fmt: skip
_HEADS = ("", "", "", "### ", "**", "[", "- ")
_TAILS = ("", "", ": restarted", " | deploy", " UTC", " BST", " — paged", ".")


def _anchors() -> list[TimeSpan | None]:
    """No anchor, days as day headings give them, and the calendar's last days."""
    out: list[TimeSpan | None] = [None]
    for text in ("2025-07-11", "2019-12-31", "2024-02-29", "2099-12-31", "2018-12-05 23:50"):
        span = sequence.resolve_sequence([text], Options(dt.date(2025, 7, 11)))[0]
        assert span is not None
        out.append(span)
    return out


def _rows(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    pieces = (*_CLOCKS, *(p for p in STAMP_PIECES if p[:1].isdigit()))
    return [rng.choice(_HEADS) + rng.choice(pieces) + rng.choice(_TAILS) for _ in range(count)]


def _labels(rows: list[str], reference: dt.date) -> list[str]:
    """Each row as the timeline hands it on: its Stamp (or '' when it has none), and some rows
    as plain text (a table's Time cell)."""
    out: list[str] = []
    for n, row in enumerate(rows):
        if n % 4 == 3:
            out.append(row)
            continue
        found = timeline._stamp_of(row, reference)
        out.append(found[0] if found else "")
    return out


def _lane(labels: list[str]) -> int:
    """Labels the new Stamp lane takes (its own reading, whole from 0)."""
    return sum(
        1
        for label in labels
        if type(label) is Stamp
        and label.reading is not None
        and sequence._whole_stamp(label, label.reading)
    )


def _compare(sequences: list[list[str]]) -> tuple[int, int]:
    taken = spans = 0
    anchors = _anchors()
    for n, labels in enumerate(sequences):
        taken += _lane(labels)
        for options in OPTIONS[n % 7 :: 7]:
            anchor = anchors[n % len(anchors)]
            new = sequence.resolve_sequence(labels, options, anchor)
            assert new == _old_resolve_sequence(labels, options, anchor), (labels, options)
            for span in new:
                if span is not None:
                    assert type(span.text) is str
                    spans += 1
    return taken, spans


def test_report_rows_resolve_as_round_32() -> None:
    rows = [r for r in dict.fromkeys(_doc_rows() + _doc_paragraphs()) if r.strip()]
    sequences = []
    for n in range(0, len(rows), 6):
        sequences.append(_labels(rows[n : n + 6], REFS[n % len(REFS)]))
    taken, spans = _compare(sequences)
    assert taken > 5 and spans > 100  # 32 and 1794 with the corpus


def test_generated_sequences_resolve_as_round_32() -> None:
    rng = random.Random(331)
    rows = _rows(6000, 332)
    sequences = []
    for n in range(900):
        size = rng.randint(1, 10)
        start = rng.randrange(len(rows) - size)
        sequences.append(_labels(rows[start : start + size], REFS[n % len(REFS)]))
    taken, spans = _compare(sequences)
    assert taken > 450 and spans > 9000  # 567, 12019


def test_rollover_and_context_years_are_exercised() -> None:
    """The generated sequences do roll over midnight and read rows past R + 31 days."""
    rolled = past = 0
    for reference in REFS:
        options = Options(reference, reference.year + 1, "UTC", None)
        clocks = [timeline._stamp_of(t, reference) for t in ("23:55", "00:07", "12-05 16:21")]
        labels = [found[0] for found in clocks if found]
        spans = sequence.resolve_sequence(labels, options)
        assert spans == _old_resolve_sequence(labels, options)
        first, second = spans[0], spans[1]
        assert first is not None and second is not None
        if isinstance(first.start, dt.datetime) and isinstance(second.start, dt.datetime):
            rolled += second.start.date() > first.start.date()
        third = spans[2]
        past += third is not None and third.year_source != "context"
    assert rolled >= 3 and past >= 1


def test_reports_parse_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    fast = [parse(doc).model_dump_json() for doc in DOCS]
    monkeypatch.setattr(dates, "_resolve_sequence", _old_resolve_sequence)
    plain = [parse(doc).model_dump_json() for doc in DOCS]
    assert fast == plain


def test_rows_around_the_grace_limit_resolve_as_round_32() -> None:
    """Month-and-day rows read with the context year on each day around R + 31 days (C3):
    the limit's own day and the days either side."""
    read_from_r = 0
    for reference in (*REFS, dt.date(2025, 12, 10), dt.date(2024, 1, 29)):
        for offset in range(26, 38):
            day = reference + dt.timedelta(days=offset)
            for text in (f"{day.month:02d}-{day.day:02d} 10:00", f"[{day.month:02d}-{day.day:02d}"):
                for labels in ([text], [timeline._stamp_of(text, reference) or ("", "")][0][:1]):
                    for dayfirst in (None, False):
                        options = Options(reference, day.year, "UTC", dayfirst)
                        new = sequence.resolve_sequence(list(labels), options)
                        assert new == _old_resolve_sequence(list(labels), options), labels
                        span = new[0]
                        read_from_r += span is not None and span.year_source == "reference"
    assert read_from_r > 20
