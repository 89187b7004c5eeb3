"""Round 26 fast paths of infer_reference_date give exactly what their definitions give.

document._worth_offsets finds the years by two regexes opening with '19' and '20' (_YEAR_FINDERS)
instead of str.find and a _YEAR_AT match per stem found: the same offsets in the same order as
the plain find loop (kept here as the reference), on our texts and generated digit runs with
Unicode digits, letters and blanks around them.

document._reads_for_r turns away 'by'/'from' before a count (_PREFIXED_COUNT and scan.count_at):
wherever it does, expression_at reads no expression there in any context _reads_for_r reads
with (round 23's), on the fixtures, the docs, the corpus (when present), the lines
infer_reference_date keeps of them and generated prefixes before counts of every word the
dates modules spell; and _reads_for_r reads what _reads reads on such texts. No timings.
"""

from __future__ import annotations

import random
import re

from incidentparse.dates import document, grammar, scan, shapes
from incidentparse.dates.vocab import ascii_lower, case_unsafe

from .test_dates_perf import DOCUMENTS, TEXTS
from .test_dates_perf8 import _texts
from .test_dates_perf22_ref import _compared
from .test_dates_perf23_ref import _R_CONTEXTS, _count_texts


def _plain_worth_offsets(text: str) -> list[int]:
    """_worth_offsets as round 25 left it: each year stem found by bytes.find, then matched."""
    found: list[int] = []
    lower = ascii_lower(text)
    for stem, rest in document._WORTH_WORDS:
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


_YEAR_PIECES = (
    "1", "2", "9", "0", "19", "20", "2019", "1999", "20201", "12019", "٣", "１", "٢٠١٩", "x",
    " ", "-", ".", "/", "\n", "é", "_", "a", "v2019", "2019a", ":", "report", "date:",
)  # fmt: skip


def _year_texts(count: int, seed: int = 2601) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choices(_YEAR_PIECES, k=rng.randint(0, 25))) for _ in range(count)]


def test_year_finders_give_the_plain_offsets() -> None:
    found = 0
    for text in [*_texts(), *_year_texts(20_000)]:
        if case_unsafe(text):
            continue  # _worth_scanning runs the re.I definition there, not _worth_offsets
        expected = _plain_worth_offsets(text)
        assert document._worth_offsets(text) == expected, repr(text)
        found += sum(text.startswith(("19", "20"), offset) for offset in expected)
    assert found > 20_000


_PREFIXES = ("by ", "By ", "BY\t", "from ", "From  ", "FROM \t", "bY ", "fRoM ")


def _prefixed_texts(seed: int = 2602) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for count in _count_texts(seed=seed):
        texts.append(rng.choice(_PREFIXES) + count)
        texts.append("Scaled down " + rng.choice(_PREFIXES) + count)
    for prefix in _PREFIXES:  # the prefix before what count_at lets through
        for rest in ("2019", "12 nodes", "3 days ago", "7 to 10 nodes", "29 November 2019"):
            texts.append(prefix + rest)
    return texts


def test_prefixed_counts_turned_away_read_no_expression() -> None:
    texts = [
        *TEXTS,
        *(document._worth_scanning(text) for text in DOCUMENTS),
        *_prefixed_texts(),
    ]
    fired = 0
    for text in texts:
        for m in document._PREFIXED_COUNT.finditer(text):
            if not scan.count_at(text, m.end()):
                continue
            fired += 1
            for ctx in _R_CONTEXTS:
                assert scan.expression_at(text, m.start(), ctx) is None, (text, m.start())
    assert fired > 15_000


def test_reads_for_r_are_the_reads_on_prefixed_counts() -> None:
    rng = random.Random(2603)
    prefixed = _prefixed_texts(seed=2604)
    texts = [" ".join(rng.choices(prefixed, k=rng.randint(1, 5))) for _ in range(3000)]
    texts += [
        "| 2019-11-30 10:30     | Scaling down by 2 nodes (to 8) to free up |\n" + t
        for t in texts[:1500]
    ]
    fired = 0
    for text in texts:
        fast = list(document._reads_for_r(text))
        assert _compared(fast) == _compared(list(document._reads(text))), repr(text)
        fired += any(scan.count_at(text, m.end()) for m in document._PREFIXED_COUNT.finditer(text))
    assert fired > 1_000


def test_prefix_gate_is_a_whole_word() -> None:
    """The gate matches at a scanner candidate only (a word start), and 'by'/'from' whole."""
    gate = document._PREFIXED_COUNT
    assert gate.match("by 2 nodes") and gate.match("FROM\t12 nodes")
    assert not gate.match("bye 2") and not gate.match("by\n2 nodes") and not gate.match("for 2")


# --- a weekday before a shape stamp with its year (document._weekday_read) ------------------

_WEEKDAY_NAMES = (
    "Wednesday", "wednesday", "WEDNESDAY", "Wed", "wed.", "Thursday", "Thu", "Thurs", "thur",
    "Tuesday", "Tues", "tue", "Monday", "Mon", "MON", "Friday", "Fri", "Saturday", "Sat",
    "Sunday", "sun", "Sun.", "Wednesday", "Fridays", "Thu.", "Satur", "ſunday", "sUN", "tHU",
)  # fmt: skip
_JOINS = (" ", ", ", ",", " , ", "\t", "  ", "\n", ",\n", ". ")
_STAMPS = (
    "2018-08-22", "2018-08-23", "2019-03-26 16:21", "2018-08-22, 03:26pm", "2018-08-22 3:26 PM",
    "2019-02-30", "2019-02-29 10:00", "2018-08-22 13:00pm", "2018-08-22 00:00am", "03-26 07:16",
    "10:00", "2018-8-2", "2018-08-22T10:00", "2018-08-22 10:00:30", "1999-12-31 23:59",
    "2018-08-22 24:00", "29 November 2019", "2018-08-22x", "2018-08-22.5",
    "29 November 2019", "05 December 2019", "5 Dec 2019", "30 nov. 2019", "1st of March, 2020",
    "3rd-Sept-2019", "30 February 2019", "29 November ’19", "29 November 2019 10:00",
    "29 November 2019 at 10:00", "29 November 2019 - 2 December 2019", "29 Nov 2019 (Friday)",
    "29 November 2019 Friday", "29 November 20190", "29 November 2019.5", "31 June 2020",
    "12 May 2021 onwards", "12 May 2021-ish", "12 May 2021 or so", "12 May 2021 to 14 May",
    "29 November 2019 noon", "29 November 2019T10:00", "29 November 2019, we", "29november 2019",
    "29 November, 2019", "29 November-2019", "29 of November 2019", "29\nNovember 2019",
    "29 November\n2019", "129 November 2019", "29th November 2019 users",
)  # fmt: skip
_ENDS = (
    "\n", "  \n", " |", "|", "]", ": x", "", " x", " 10:00", " - 2018-08-25", " UTC", "\nnext",
    ", we", ". Then", " (UTC)", " and 3 December", " until now", " at noon", " midnight", " — x",
)  # fmt: skip
_FOLLOWS = ("", " Next day at 10:00.", " 3 days later", " then Friday", " on the 24th", " by 5pm")


_LEADS = (
    "", "Start: ", "End: ", "| ", "- ", "**Date:** ", "On ", "on ", "ON\n", "On  ", "on, ", "in ",
    "On the ", "Upon ", "con ", "On in ", "on on ", "report on ", "Published on ", "on\t",
)  # fmt: skip


def _weekday_texts(count: int, seed: int = 2605) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for name in _WEEKDAY_NAMES:
        for stamp in _STAMPS:
            texts.append(f"{name}{rng.choice(_JOINS)}{stamp}{rng.choice(_ENDS)}")
    for _ in range(count):
        lines = []
        for _ in range(rng.randint(1, 4)):
            lead = rng.choice(_LEADS)
            name, join = rng.choice(_WEEKDAY_NAMES), rng.choice(_JOINS)
            stamp, end = rng.choice(_STAMPS), rng.choice(_ENDS)
            lines.append(f"{lead}{name}{join}{stamp}{end}{rng.choice(_FOLLOWS)}")
        texts.append(rng.choice(("\n", "\n\n", " ")).join(lines))
    return texts


def test_reads_for_r_are_the_reads_after_weekdays() -> None:
    texts = [
        *TEXTS,
        *(document._worth_scanning(text) for text in DOCUMENTS),
        *_weekday_texts(6000),
    ]
    fired = ambiguous = 0
    for text in texts:
        fast = list(document._reads_for_r(text))
        assert _compared(fast) == _compared(list(document._reads(text))), repr(text)
        for pos in range(len(text)):
            if text[pos].lower() in "mtwfs":
                read = document._weekday_read(text, pos)
                assert read is None or text[pos : pos + 2] in document._WEEKDAY_HEADS
                fired += read is not None
                ambiguous += read is not None and read[1].ambiguous
    assert fired > 1_500 and ambiguous > 1_000, (fired, ambiguous)


def test_no_month_name_starts_where_a_weekday_does() -> None:
    """match_named (tried first at a month's initial) reads nothing where a weekday starts."""
    for text in _weekday_texts(0):
        for pos in range(len(text)):
            if grammar.WEEKDAY_PREFIX.match(text, pos):
                assert shapes.match_named(text, pos, _R_CONTEXTS[0]) is None, text


def test_shape_and_line_end_date_never_both_match() -> None:
    """_weekday_read reads a line-end date without asking SHAPE: SHAPE matches at none (nor at
    a day-first named date, where neither matches)."""
    texts = [*TEXTS, *(document._worth_scanning(t) for t in DOCUMENTS), *_weekday_texts(2000)]
    ends = named = 0
    for text in texts:
        for m in re.finditer(r"(?=\d)", text):
            if shapes.DATE_AT_LINE_END.match(text, m.start()):
                ends += 1
                assert shapes.SHAPE.match(text, m.start()) is None, (text, m.start())
            if document._DAY_NAMED.match(text, m.start()):  # tried after both
                named += 1
                assert shapes.SHAPE.match(text, m.start()) is None, (text, m.start())
                assert not shapes.DATE_AT_LINE_END.match(text, m.start()), (text, m.start())
    assert ends > 150 and named > 500, (ends, named)
