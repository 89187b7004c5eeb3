"""Round 33 fast paths of infer_reference_date give exactly what round 32's code gave.

document._worth_offsets finds 'report' and 'post' by one regex at their shared 'po', 'update'
and the 'date' branch by one regex at their shared 'date' (_REPORT_OR_POST, _DATE_OR_UPDATE),
where round 32 ran a pass for each: the same offsets in the same order as round 32's function
(kept here as the reference), on every report we have (fixtures, docs, the corpus when present),
the lines infer_reference_date keeps of them, and generated texts dense in the stems' pieces
('repo', 'rt', 'up', 'po', 'st', blanks and ':' of every kind, case variants, non-ASCII letters).

document._shaped_read builds its clock's datetimes from the ints it read, the instant's tzinfo
by position, its _Read by tuple.__new__ and calls clock_hour only for an am/pm stamp: the same
Expr, _Read (values and their types, the zone object itself) and anchor as round 32's at every
position of those texts and of generated stamps (days that do not exist, 12 am/pm, hours am/pm
refuses, separators, followers). No timings.
"""

from __future__ import annotations

import datetime as dt
import random
import re

from incidentparse.dates import document
from incidentparse.dates.grammar import Expr
from incidentparse.dates.shapes import SHAPE, clock_hour
from incidentparse.dates.vocab import ascii_lower, case_unsafe

from .test_dates_perf import DOCUMENTS, TEXTS

# --- round 32's code, the reference ----------------------------------------------------------


def _old_worth_offsets(text: str) -> list[int]:
    """_worth_offsets as round 32 left it: a pass per stem, the stems in _WORTH_WORDS' order."""
    found: list[int] = []
    lower = ascii_lower(text)
    years_at = document._few_years(text)
    for stem, rest in document._WORTH_WORDS:
        years = document._YEAR_FINDERS.get(stem)
        if years is not None:
            if years_at is not None:
                found.extend(years_at[stem])
            else:
                found.extend(m.start() for m in years.finditer(text))
            continue
        finder = document._WORTH_FINDERS.get(stem)
        if finder is not None and rest is not None:
            found.extend(m.start() for m in finder.finditer(lower) if rest.match(text, m.start()))
            continue
        offset = lower.find(stem)
        while offset >= 0:
            if rest is None or rest.match(text, offset):
                found.append(offset)
            offset = lower.find(stem, offset + 1)
    return found


_UTC = dt.timezone.utc


def _old_shaped_read(
    text: str, pos: int
) -> tuple[Expr, document._Read, tuple[dt.date, dt.datetime | None]] | None:
    """_shaped_read as round 32 left it."""
    if not "0" <= text[pos : pos + 1] <= "9":
        return None
    m = SHAPE.match(text, pos)
    if m is None:
        return None
    year, month, day, _, _, hour, minute, ap = m.groups()
    if year is None:
        return None
    try:
        date = dt.date(int(year), int(month), int(day))
    except ValueError:
        return None
    expr = Expr(pos, m.end(), None)
    if hour is None:
        return expr, document._Read(date, date, "day", "explicit", False, False), (date, None)
    clock = clock_hour(int(hour), ap)
    if clock is None:
        return None
    local = dt.datetime(date.year, date.month, date.day, clock, int(minute))
    instant = dt.datetime(date.year, date.month, date.day, clock, int(minute), tzinfo=_UTC)
    read = document._Read(instant, instant, "minute", "explicit", False, False)
    return expr, read, (date, local)


# --- generated texts -------------------------------------------------------------------------

_STEM_PIECES = (
    "report", "REPORT", "Report", "rePort", "repo", "re", "po", "PO", "rt", "st", "ST", "post",
    "Post", "POSTED", "posted", "post_", "posté", "posts", "repost", "reposted", "reportpost",
    "update", "UPDATE", "Up", "up", "UP", "date", "Date", "DATE", "dated", "updated", "update:",
    "date :", "date\t:", "date\x1c:", "date\xa0:", "date?:", ":", " ", "  ", "\n", "\t", "\xa0",
    "\u2009", "\x1c", "\x1f", "\x85", "?", "é", "’", "as", "of", "as of", "publi", "issued",
    "advisory", "bulletin", "notice", "summary", "2019", "19", "20", "1999", "x", "_", ".",
)  # fmt: skip


def _stem_texts(count: int, seed: int = 3301) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choices(_STEM_PIECES, k=rng.randint(0, 30))) for _ in range(count)]


_STAMP_PIECES = (
    "2022-03-18", "2022-02-30", "2020-02-29", "2019-13-01", "1999/12/31", "2018-08-22,",
    "2018-08-22T", "03-18", "Mar 18", " ", "  ", "\t", "\n", ", ", "T", "08:37", "00:00", "23:59",
    "24:00", "12:00", "12:00am", "12:00pm", "12:00 AM", "03:26pm", "03:26 PM", "13:05pm",
    "0:30am", "10:08am", "9:05", "08:37:12", "|", " |", "]", ": ", ":", "-", "–", "UTC", "PDT",
    "+02:00", "Z", "am", "pm", "x", "2022", "18", "(", ".",
)  # fmt: skip


# Each piece mostly of a kind the shape reads, sometimes of one it refuses (a day that does not
# exist, no join, an hour am/pm refuses, a follower SHAPE turns away).
_DATES = ("2022-03-18", "2020-02-29", "2018-08-22", "2022-02-30", "2019-13-01", "1999/12/31")
_DATE_WEIGHTS = (6, 3, 3, 1, 1, 1)
_JOINS = (" ", ", ", "T", "  ", "\t", "", " at ", "\n")
_JOIN_WEIGHTS = (6, 3, 2, 1, 1, 1, 1, 1)
_CLOCKS = (
    "08:37", "00:00", "23:59", "12:00", "9:05", "10:08", "0:30", "13:05", "24:00", "08:37:12",
)  # fmt: skip
_MERIDIANS = ("", "am", "pm", " AM", " PM", "Pm", "a.m.")
_MERIDIAN_WEIGHTS = (8, 3, 3, 2, 2, 1, 1)
_FOLLOWERS = ("", " ", " |", "]", ": ", "\n", "|", ":", " x", "-", " UTC", "x", ".", "5")
_FOLLOWER_WEIGHTS = (4, 4, 4, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1)


def _stamp_texts(count: int, seed: int = 3302) -> list[str]:
    """Loose mixes of stamp pieces, and stamps built as a date, a join, a clock, am/pm, a
    follower."""
    rng = random.Random(seed)
    texts = ["".join(rng.choices(_STAMP_PIECES, k=rng.randint(1, 8))) for _ in range(count)]
    for _ in range(count):
        clock = ""
        if rng.random() < 0.8:
            clock = rng.choices(_JOINS, _JOIN_WEIGHTS)[0] + rng.choice(_CLOCKS)
            clock += rng.choices(_MERIDIANS, _MERIDIAN_WEIGHTS)[0]
        texts.append(
            rng.choice(("", "| ", "x", "1", "Start: "))
            + rng.choices(_DATES, _DATE_WEIGHTS)[0]
            + clock
            + rng.choices(_FOLLOWERS, _FOLLOWER_WEIGHTS)[0]
        )
    return texts


# --- the tests -------------------------------------------------------------------------------


def test_worth_offsets_are_round_32s() -> None:
    texts = [
        *TEXTS,
        *(document._worth_scanning(text) for text in DOCUMENTS),
        *_stem_texts(30_000),
    ]
    stems = dict.fromkeys(("report", "post", "update", "date"), 0)
    for text in texts:
        if case_unsafe(text):
            continue  # _worth_scanning runs the re.I definition there, not _worth_offsets
        expected = _old_worth_offsets(text)
        assert document._worth_offsets(text) == expected, repr(text)
        lower = text.lower()
        for stem in stems:
            stems[stem] += sum(lower.startswith(stem, offset) for offset in expected)
    # each merged stem found often, without the corpus too
    assert min(stems.values()) > 3_000, stems


def test_worth_scanning_is_round_32s() -> None:
    """The kept lines themselves (what the scanner reads), from round 32's offsets."""
    for text in [*DOCUMENTS, *_stem_texts(3_000, seed=3303)]:
        if case_unsafe(text):
            continue
        kept: list[str] = []
        line_end = -1
        for offset in sorted(_old_worth_offsets(text)):
            if offset < line_end:
                continue
            line_end = text.find("\n", offset)
            line_end = len(text) if line_end < 0 else line_end
            kept.append(text[text.rfind("\n", 0, offset) + 1 : line_end])
        assert document._worth_scanning(text) == "\n\n".join(kept), repr(text)


def _compared(
    read: tuple[Expr, document._Read, tuple[dt.date, dt.datetime | None]] | None,
) -> object:
    """The read with every value's type, and the instant's zone object itself."""
    if read is None:
        return None
    expr, values, anchor = read
    zones = [getattr(value, "tzinfo", None) for value in values[:2]]
    return (
        expr,
        type(values),
        tuple(values),
        tuple(map(type, values)),
        [id(zone) if zone is not None else None for zone in zones],
        anchor,
        tuple(map(type, anchor)),
    )


def test_shaped_read_is_round_32s() -> None:
    texts = [
        *DOCUMENTS,
        *(document._worth_scanning(text) for text in DOCUMENTS),
        *_stamp_texts(30_000),
    ]
    read = clocked = meridian = 0
    digit = re.compile(r"\d")
    for text in texts:
        for m in digit.finditer(text):
            pos = m.start()
            expected = _old_shaped_read(text, pos)
            assert _compared(document._shaped_read(text, pos)) == _compared(expected), repr(
                text[pos:]
            )
            if expected is not None:
                read += 1
                clocked += expected[2][1] is not None
                meridian += (
                    expected[2][1] is not None and "m" in text[pos : expected[0].end].lower()
                )
    # dates, clocks and am/pm clocks all read, without the corpus too
    assert read > 7_000
    assert clocked > 3_500
    assert meridian > 1_200
