"""Round 15: a month-and-day stamp is read once, not twice, when no dayfirst is declared.

A timeline stamp that the shapes read ('[03-26 17:40', dates.shapes) remembers that reading
(dates.leading.Stamp.shaped). Its point depends on the Ctx's dayfirst alone, and the stamp was
read with none: so a sequence whose dayfirst is None too (every parse_value call of a
resolve_sequence shares options.dayfirst) hands it to parse_value (sequence._reading) instead
of reading the stamp again. Compared here with the plain path on every line of the reports we
have (the shared corpus when present) and on generated rows; and whole sequences with the
plain labels, with '?' labels among them (sequence's '?' prefilter before _UNKNOWN_TIME).
"""

from __future__ import annotations

import datetime as dt
import random

import pytest

from incidentparse.dates import scan, sequence
from incidentparse.dates.leading import Stamp
from incidentparse.dates.points import Ctx
from incidentparse.dates.scan import Options, parse_value

from .conftest import SHARED
from .test_timeline_perf11 import DOCS, REFERENCES, _doc_rows, _generated_rows, _stamps

# Sequences read with no dayfirst: the shaped readings are handed on.
UNDECLARED: tuple[Options, ...] = tuple(
    Options(reference, context_year, zone, None)
    for reference in REFERENCES
    for context_year, zone in ((None, "UTC"), (2018, "BST"), (2025, "America/New_York"))
)


def _ctxs(options: Options) -> list[Ctx | None]:
    """What resolve_sequence passes (its Ctx shares options.dayfirst): none, no day, carried
    days, days at the calendar's ends."""
    return [
        None,
        Ctx(options.reference, dayfirst=options.dayfirst),
        Ctx(options.reference, dt.date(2019, 3, 26), None, options.dayfirst),
        Ctx(options.reference, dt.date(2020, 2, 29), None, options.dayfirst),
        Ctx(options.reference, dt.date.max, None, options.dayfirst),
        Ctx(options.reference, dt.date.min, None, options.dayfirst),
    ]


def _compare_shaped(stamps: list[Stamp]) -> tuple[int, int]:
    """(month-day stamps handed on, values the reading was used for), asserting each answer."""
    handed = used = 0
    for n, stamp in enumerate(stamps):
        if stamp.shaped is None or stamp.reading is not None:
            continue  # no month-day shape (perf11 compares the readings)
        options = UNDECLARED[n % len(UNDECLARED)]
        known = sequence._reading(stamp, options, Ctx(options.reference))
        assert known is stamp.shaped
        handed += 1
        for ctx in _ctxs(options):
            fast = parse_value(stamp, options, ctx, known)
            plain = parse_value(str(stamp), options, ctx)
            assert fast == plain, (stamp, options, ctx)
            used += scan.reads_known(stamp.strip(), known)
    return handed, used


def test_report_month_day_stamps_read_once_as_twice() -> None:
    handed, used = _compare_shaped(_stamps(_doc_rows()))
    # The repository's own reports write no '03-26 17:40' stamp (0 and 0 there; the generated
    # rows below hold the floor); the corpus does (20 and 60).
    if (SHARED / "corpus").is_dir():
        assert handed > 15
        assert used > 45


def test_generated_month_day_stamps_read_once_as_twice() -> None:
    handed, used = _compare_shaped(_stamps(_generated_rows(6000, 15)))
    assert handed > 70  # 94
    assert used > 350  # 474


def test_shaped_reading_refused_with_a_dayfirst() -> None:
    """Under a declared dayfirst the month and day may read otherwise: the label is read by the
    shapes again, with the sequence's Ctx."""
    found = _stamps(["[03-26 17:40] restarted", "[05-06 10:00] paged"])
    assert len(found) == 2
    for stamp in found:
        assert stamp.shaped is not None and stamp.reading is None
        for dayfirst in (True, False):
            ctx = Ctx(REFERENCES[0], None, None, dayfirst)
            known = sequence._reading(stamp, Options(REFERENCES[0], dayfirst=dayfirst), ctx)
            assert known is not stamp.shaped
            assert known == sequence._shape_reading(stamp, ctx)
        undeclared = Options(REFERENCES[0])
        assert sequence._reading(stamp, undeclared, Ctx(REFERENCES[0])) is stamp.shaped
    # the day-first reading of '05-06' differs: handing the stamp's reading would be wrong
    ctx = Ctx(REFERENCES[0], None, None, True)
    assert sequence._shape_reading(found[1], ctx) != found[1].shaped


def _labels(seed: int) -> list[list[str]]:
    """Sequences of stamps (as the timeline finds them) with '?' labels among them."""
    rng = random.Random(seed)
    stamps: list[str] = [*_stamps(_doc_rows()), *_stamps(_generated_rows(1500, seed))]
    unknown = ("[???]", "???", " ?? ", "[ ? ]", "?", "12:00?", "[?] 12:00", "(??)", "", "x ?? y")

    def label() -> str:
        return rng.choice(unknown) if rng.random() < 0.2 else rng.choice(stamps)

    return [[label() for _ in range(rng.randint(1, 12))] for _ in range(400)]


def _all_options(n: int) -> list[Options]:
    reference = REFERENCES[n % len(REFERENCES)]
    year, zone = (2019, "BST") if n % 2 else (None, "UTC")
    return [Options(reference, year, zone, dayfirst) for dayfirst in (None, True, False)]


def test_sequences_resolve_as_their_plain_labels(monkeypatch: pytest.MonkeyPatch) -> None:
    """resolve_sequence with the stamps (readings handed on, '?' prefilter), and with their
    plain text read in full (every reading refused), under every dayfirst."""
    sequences = _labels(15)
    fast = [sequence.resolve_sequence(labels, o) for n, labels in enumerate(sequences)
            for o in _all_options(n)]  # fmt: skip
    monkeypatch.setattr(scan, "reads_known", lambda value, known: False)
    plain = [sequence.resolve_sequence([str(label) for label in labels], o)
             for n, labels in enumerate(sequences) for o in _all_options(n)]  # fmt: skip
    assert fast == plain


def _cells() -> list[str]:
    """Every table cell of every report, and generated labels."""
    cells = [
        cell.strip()
        for doc in DOCS
        for line in doc.splitlines()
        if line.lstrip().startswith("|")
        for cell in line.strip().strip("|").split("|")
    ]
    return [*dict.fromkeys(cells), *_generated_rows(6000, 16)]


def test_labels_shape_reading_as_plain() -> None:
    """A plain label's shapes' reading, read with the sequence's Ctx, resolves as the label
    read in full, under every dayfirst, carried day and options."""
    handed = used = 0
    for n, label in enumerate(_cells()):
        for options in _all_options(n):
            for ctx in _ctxs(options)[1:]:
                assert ctx is not None
                known = sequence._shape_reading(label, ctx)
                if known is None:
                    continue
                handed += 1
                used += scan.reads_known(label.strip(), known)
                fast = parse_value(label, options, ctx, known)
                assert fast == parse_value(label, options, ctx), (label, options, ctx)
    assert handed > 4000  # 6525 on the repository alone (7635 with the corpus)
    assert used == handed


def test_unknown_time_prefilter() -> None:
    """A label is None when _UNKNOWN_TIME finds it, else what parse_value reads: the search is
    skipped only for labels with no '?' (one label, no year carried: nothing else applies)."""
    rng = random.Random(15)
    pieces = ("?", "??", "[", "]", " ", "\t", "x", "12:00", ":", "-", "???", "[???]", "2019-03-26")
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 6))) for _ in range(4000)]
    options = Options(REFERENCES[0])
    unknown = read = 0
    for text in texts:
        if sequence._UNKNOWN_TIME.search(text):
            expected = None
            unknown += "?" in text
        else:
            found = parse_value(text, options, Ctx(options.reference, dayfirst=None))
            expected = None if found is None else found[0]
            read += found is not None and "?" in text
        assert sequence.resolve_sequence([text], options) == [expected], text
    assert unknown > 300  # 1223
    assert read > 100  # 471
