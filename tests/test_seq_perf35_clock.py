"""Round 35: a timeline's clock stamps resolved by the zone's values read once per timeline.

`dates.resolve.clock_on_day` (with `clock_lane`): one clock time with no zone written, alone
on the carried day ('5:02 PM', the `### 5:02 PM` headings of the 2i2c timelines) or on its own
day ('2022-03-18 08:37', a table's Time cell; '2018-08-22, 03:26pm'), is _clock_span's case,
built with the Env zone's shift, other readings and source read once per sequence; and
`dates.sequence.resolve_sequence` hands it a Stamp read whole by the shapes at 0 (without
_reading, _whole_stamp, _whole_stamp_value and to_span around it) and a plain label read whole
by the shapes at 0 (for _shaped_value). Compared with to_span and _shaped_value (the general
path) on every stamp and line of our reports and on generated rows dense in clock shapes, under
fixed, ambiguous and region zones and carried days up to the calendar's ends, with clocks
changed by hand where the shapes read none (24:00, a minute past 59, a written zone, a day that
does not exist); and resolve_sequence with round 34's, kept here, on generated sequences of
stamps and of plain labels. The generated rows take the lane without the shared corpus.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from collections.abc import Sequence

import pytest

from incidentparse import parse
from incidentparse.dates import resolve, sequence
from incidentparse.dates.leading import Stamp
from incidentparse.dates.points import Ctx
from incidentparse.dates.scan import Options, parse_value
from incidentparse.extract import timeline
from incidentparse.models import TimeSpan

from .test_timeline_perf9 import _doc_paragraphs
from .test_timeline_perf11 import DOCS, _doc_rows
from .test_timeline_perf27_seq import OPTIONS, REFS, _stamps, contexts

# Clocks of every shape the lane may see (and some it must refuse: 24:00, a written zone, a
# range, a minute past 59), with words after them as rows have.
CLOCK_PIECES: tuple[str, ...] = (
    "5:02 PM", "12:49 PM", "12:00 AM", "00:00", "23:59", "24:00", "9am", "11 pm", "7:05:09",
    "23:59:59", "1:06 PM UTC", "5:00 PM BST", "14:00 IST", "08:37", "3:26pm", "10:08am", "~14:00",
    "14:00-15:00", "14:00 to 16:00", "9:61", "2018-08-22, 03:26pm", "2022-03-18 08:37", "03-26",
    " ", ": ", " - ", "restarted", "the hub", "ongoing", "approx.", "(", ")", "[", "]", "+01:00",
)  # fmt: skip
ZONES = ("UTC", "BST", "IST", "UTC+05:30", "UTC-14:00", "America/New_York", "PDT", "UTC+00:00")


def _generated(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [
        rng.choice(("", " ", " ")).join(rng.choice(CLOCK_PIECES) for _ in range(rng.randint(1, 4)))
        for _ in range(count)
    ]


def _options() -> list[Options]:
    return [
        Options(reference, context_year, zone, dayfirst)
        for reference in REFS
        for context_year, dayfirst in ((None, None), (2018, True))
        for zone in ZONES
    ]


def _compare(stamps: list[Stamp], options_list: Sequence[Options]) -> int:
    """Clocks the lane builds itself, asserting each answer against to_span."""
    taken = 0
    for n, stamp in enumerate(stamps):
        known = stamp.reading
        if known is None or known.begin != 0 or not "0" <= stamp[:1] <= "9":
            continue  # resolve_sequence hands clock_on_day only these
        for options in options_list[n % 7 :: 7]:
            env = options.env()
            lane = resolve.clock_lane(env)
            if lane is None:
                assert env.zone.region is not None
                continue
            for ctx in contexts(options):
                fast = resolve.clock_on_day(known, str(stamp), env, ctx, lane)
                plain = resolve.to_span(known, str(stamp), env, ctx, None)
                assert fast == plain, (stamp, options, ctx)
                if fast is not None and plain is not None:
                    assert fast[0].model_fields_set == plain[0].model_fields_set
                    assert type(fast[0].text) is str
                if known.a is not None and known.a.zone is None and known.a.hour is not None:
                    taken += 1
    return taken


def _compare_labels(labels: list[str], options_list: Sequence[Options]) -> int:
    """Plain labels (a table's Time cell) the lane builds, against _shaped_value (to_span)."""
    taken = 0
    for n, label in enumerate(labels):
        for options in options_list[n % 7 :: 7]:
            env = options.env()
            lane = resolve.clock_lane(env)
            if lane is None:
                continue
            for ctx in contexts(options):
                read = sequence._shape_read(label, ctx) if label else None
                if read is None or read[0].begin != 0:
                    continue  # resolve_sequence hands clock_on_day only these
                fast = resolve.clock_on_day(read[0], read[1], env, ctx, lane)
                plain = sequence._shaped_value(read[1], read[0], env, ctx)
                assert fast == plain, (label, options, ctx)
                if fast is not None and plain is not None:
                    assert fast[0].model_fields_set == plain[0].model_fields_set
                a = read[0].a
                taken += a is not None and a.kind == "ymd" and a.hour is not None
    return taken


def test_report_stamps_resolve_as_to_span() -> None:
    assert _compare(_stamps(_doc_rows() + _doc_paragraphs()), OPTIONS) > 30


def test_generated_clocks_resolve_as_to_span() -> None:
    assert _compare(_stamps(_generated(3000, 351)), _options()) > 3000


def test_labels_resolve_as_shaped_value() -> None:
    labels = _generated(3000, 354) + _doc_rows()
    cells = [label.strip(" |") for label in labels]
    assert _compare_labels(cells, _options()) > 1000


def test_the_lane_refuses_what_it_does_not_build() -> None:
    """24:00, a written zone, a minute past 59, a relative day, a day that does not exist or
    at the calendar's end go to to_span; a weekday that is not the date's is flagged as there
    (the clocks changed by hand: the shapes read none of them so)."""
    options = Options(dt.date(2024, 3, 1), None, "BST", None)
    env = options.env()
    lane = resolve.clock_lane(env)
    assert lane is not None
    found = timeline._stamp_of("5:02 PM", options.reference)
    assert found is not None and isinstance(found[0], Stamp) and found[0].reading is not None
    known = found[0].reading
    assert known.a is not None
    utc = resolve.UTC
    points = (
        known.a,
        known.a.evolve(hour=24, minute=0),
        known.a.evolve(zone=utc),
        known.a.evolve(minute=61),
        known.a.evolve(second=75),
        known.a.evolve(hour=-3),
        known.a.evolve(kind="ymd", year=2024, month=3, day=1),
        known.a.evolve(kind="ymd", year=2023, month=2, day=29),
        known.a.evolve(kind="ymd", year=2024, month=3, day=1, weekday=0, approximate=True),
        known.a.evolve(kind="ymd", year=None, month=12, day=31, relative=True),
        known.a.evolve(kind="ymd", year=9999, month=12, day=31, hour=23),
        known.a.evolve(kind="ymd", year=1, month=1, day=1, hour=0),
    )
    cases = 0
    for point in points:
        for mode in ("point", "until"):
            expr = dataclasses.replace(known, a=point, mode=mode)
            for ctx in (
                Ctx(options.reference),
                Ctx(options.reference, dt.date.max),
                Ctx(options.reference, dt.date.min),
            ):
                fast = resolve.clock_on_day(expr, "5:02 PM", env, ctx, lane)
                assert fast == resolve.to_span(expr, "5:02 PM", env, ctx, None), (point, ctx)
                cases += fast is None
    assert cases >= 6  # the calendar's ends, the minute past 59, Feb 29 give None both ways
    assert resolve.clock_lane(Options(dt.date(2024, 3, 1), None, "America/New_York").env()) is None


def _old_resolve_sequence(
    texts: Sequence[str], options: Options, anchor: TimeSpan | None = None
) -> list[TimeSpan | None]:
    """sequence.resolve_sequence as it was (round 34)."""
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
        if sequence._after_report(span, options):
            found = parse_value(text, options._replace(context_year=None), ctx, known) or found
            span, side = found
        if (
            sequence._rolls_over(span, side.local_time, last_local)
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


def _same(fast: list[TimeSpan | None], plain: list[TimeSpan | None]) -> None:
    assert fast == plain
    for a, b in zip(fast, plain, strict=True):
        assert (a and a.model_fields_set) == (b and b.model_fields_set)


def test_sequences_resolve_as_round_34s() -> None:
    rng = random.Random(352)
    texts = _generated(2000, 353) + _doc_rows()
    options_list = _options()
    anchors = (None, TimeSpan(text="x", start=dt.date(2019, 3, 26), end=None, grain="day"))
    for n in range(600):
        reference = REFS[n % len(REFS)]
        rows = [rng.choice(texts) for _ in range(rng.randint(1, 9))]
        stamps = [found[0] if (found := timeline._stamp_of(r, reference)) else "" for r in rows]
        labels = [r.strip() for r in rows]  # plain labels, as a table's Time cells are
        for options in options_list[n % 11 :: 11]:
            for anchor in anchors:
                fast = sequence.resolve_sequence(stamps, options, anchor)
                _same(fast, _old_resolve_sequence(stamps, options, anchor))
                fast = sequence.resolve_sequence(labels, options, anchor)
                _same(fast, _old_resolve_sequence(labels, options, anchor))


def test_reports_parse_as_with_round_34s(monkeypatch: pytest.MonkeyPatch) -> None:
    fast = [parse(doc).model_dump_json() for doc in DOCS]
    monkeypatch.setattr(sequence, "resolve_sequence", _old_resolve_sequence)
    import incidentparse.dates as dates

    monkeypatch.setattr(dates, "_resolve_sequence", _old_resolve_sequence)
    assert fast == [parse(doc).model_dump_json() for doc in DOCS]
