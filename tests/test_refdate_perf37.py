"""Round 37 fast paths of infer_reference_date give exactly what their definitions give.

document._phrase_before turns away a tail whose last word (before a ':', '-' or '–') is no word
a _REPORT_BEFORE match ends with, where that part is ASCII ('Start:', 'End:', 'that the'): the
same answer as the search on every 40-character window of our texts and on generated tails of
the phrase words, near-words, separators, blanks, '*', '_' and characters that fold under re.I.

document._weekday_read tries the line-end date before _shaped_read (SHAPE never matches where
DATE_AT_LINE_END does): the same answer as round 36's _weekday_read, kept here, at every
weekday start of our texts and of generated weekday stamps.

_reads_for_r reads with the neutral Env and Ctx built at import: the ones Options(_NEUTRAL)
gives, and the reads are _reads' on generated texts. No timings; the generated inputs make
each fast path fire without the corpus.
"""

from __future__ import annotations

import datetime as dt
import random

from incidentparse.dates import document
from incidentparse.dates.grammar import Expr
from incidentparse.dates.scan import Options, closes_cleanly
from incidentparse.dates.vocab import case_unsafe

from .test_dates_perf import DOCUMENTS, TEXTS
from .test_dates_perf22_ref import _compared
from .test_dates_perf26_ref import _weekday_texts

# --- _phrase_before ---------------------------------------------------------------------------

_TAIL_PIECES = (
    "as of", "AS OF", "as\nof", "of", "Of", "report", "Reported", "REPORT", "reports",
    "publication", "published", "posted", "updated", "issued", "date", "Date", "date of report",
    "date of publication", "on", "ON", "Boston", "End", "Start", "the", "that", "proof",
    "misreported", "_report", "pſted", "ıssued", "İssued", "K", "Issued", "UPDATED", "dAtE",
    ":", "-", "–", "—", "*", "**", "_", "__", " ", "\t", "\n", "\n\n", "\u00a0", "\u2003", "\x1c",
    "x", "onx", "of:", "-:", "|", "2024", "(", ")", "é", "'", "`", "d", "n", "e", "t", "f",
)  # fmt: skip


def _tails(count: int, seed: int = 3701) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choices(_TAIL_PIECES, k=rng.randint(0, 10))) for _ in range(count)]


def _windows(text: str) -> list[str]:
    """Every 40-character text before an offset, as _in_report_phrase cuts it."""
    return [text[max(0, end - 40) : end] for end in range(len(text) + 1)]


def _last_character_gate(before: str) -> bool:
    """Round 10's gate alone: whether the search ran before this round's word test."""
    tail = before.rstrip()
    while tail[-1:] in ("*", "_"):
        tail = tail.rstrip("*_").rstrip()
    last = tail[-1:]
    return bool(last) and not (last < "\x80" and last not in document._PHRASE_LAST)


def test_phrase_before_is_the_search() -> None:
    befores = [window for text in TEXTS for window in _windows(text)] + _tails(40_000)
    turned = found = 0
    for before in befores:
        if not _last_character_gate(before):
            continue  # answered as in round 10 (tests/test_facts_perf10.py)
        fast = document._phrase_before(before)
        assert fast == bool(document._REPORT_BEFORE.search(before)), repr(before)
        found += fast
        turned += not fast
    # both answers often, and the word test turning away tails the last character let through
    assert found > 5000 and turned > 10_000, (found, turned)


def test_phrase_before_turns_labels_away() -> None:
    """The tails of sushibar's kept lines: told without the search, and no phrase."""
    for before in ("Start: ", "8-08-22\n\nEnd: ", "ted that the\n\n", "**Date:** "):
        assert _last_character_gate(before)
        assert document._phrase_before(before) == bool(document._REPORT_BEFORE.search(before))
    assert document._phrase_before("Report date: ") and document._phrase_before("as of ")


# --- _weekday_read ----------------------------------------------------------------------------


def _old_weekday_read(
    text: str, pos: int
) -> tuple[Expr, document._Read, tuple[dt.date, dt.datetime | None]] | None:
    """_weekday_read as round 36 left it: _shaped_read first, the line-end date after it."""
    m = document.WEEKDAY_PREFIX.match(text, pos)
    if m is None or not "0" <= text[m.end() : m.end() + 1] <= "9" or case_unsafe(m.group(0)):
        return None
    shaped = document._shaped_read(text, m.end())
    if shaped is None:
        line = document._LINE_END.match(text, m.end()) or document._DAY_NAMED.match(text, m.end())
        if line is None or case_unsafe(line.group(0)) or not closes_cleanly(text, line.end()):
            return None
        year, month, day = line.group("year", "mon", "day")
        try:
            number = int(month) if month.isdigit() else document.month_number(month)
            date = dt.date(int(year), number, int(day))
        except ValueError:
            return None
        read = document._Read(date, date, "day", "explicit", False, False)
        shaped = Expr(pos, line.end(), None), read, (date, None)
    where, read, anchor = shaped
    if anchor[0].weekday() != document.WEEKDAY_BY_NAME[m.group("wd").lower()]:
        read = read._replace(ambiguous=True)
    return Expr(pos, where.end, None), read, anchor


def _same(a: object, b: object) -> bool:
    """Equal reads, with their values' types (a date is not a datetime)."""
    if a is None or b is None:
        return a is b
    assert isinstance(a, tuple) and isinstance(b, tuple)
    (ea, ra, aa), (eb, rb, ab) = a, b
    return (
        (ea.begin, ea.end, ea.a) == (eb.begin, eb.end, eb.a)
        and tuple(ra) == tuple(rb)
        and tuple(map(type, ra)) == tuple(map(type, rb))
        and aa == ab
        and tuple(map(type, aa)) == tuple(map(type, ab))
    )


_LINE_DATES = (
    "2018-08-22", "2018-08-23", "2019-02-29", "2020-02-29", "2018-8-2", "1999-12-31", "2018-13-01",
    "2018-08-32", "2018-08-22 10:00", "2018-08-22, 03:26pm", "29 November 2019", "2018-08-2",
)  # fmt: skip
_LINE_TAILS = ("\n", " \n", "\t\n", "\n\n", "  \n", "\nEnd: x", "\r\n", "x\n", ":\n", "")


def _line_end_texts(count: int, seed: int = 3703) -> list[str]:
    """Weekday stamps ending their line ('Start: Wednesday, 2018-08-22'), weekday right or not."""
    rng = random.Random(seed)
    names = ("Wednesday", "Thursday", "wed", "Thu", "FRIDAY", "Mon.", "sunday", "Tues", "ſunday")
    joins = (" ", ", ", ",", "\t", " , ", ". ")
    return [
        f"{rng.choice(('', 'Start: ', 'End: ', '- ', '| '))}{rng.choice(names)}"
        f"{rng.choice(joins)}{rng.choice(_LINE_DATES)}{rng.choice(_LINE_TAILS)}"
        for _ in range(count)
    ]


def test_weekday_read_is_round_36s() -> None:
    texts = [
        *TEXTS,
        *(document._worth_scanning(text) for text in DOCUMENTS),
        *_weekday_texts(2000),
        *_line_end_texts(3000),
    ]
    line_ends = shaped = 0
    for text in texts:
        for pos in range(len(text)):
            if text[pos : pos + 2] not in document._WEEKDAY_HEADS:
                continue
            fast = document._weekday_read(text, pos)
            assert _same(fast, _old_weekday_read(text, pos)), (text, pos)
            if fast is not None:
                m = document.WEEKDAY_PREFIX.match(text, pos)
                assert m is not None
                if document._LINE_END.match(text, m.end()):
                    line_ends += 1  # read without _shaped_read
                else:
                    shaped += 1
    assert line_ends > 500 and shaped > 500, (line_ends, shaped)


# --- the neutral Env and Ctx ------------------------------------------------------------------


def test_neutral_env_and_ctx_are_the_options() -> None:
    options = Options(document._NEUTRAL)
    assert options.env() == document._NEUTRAL_ENV
    assert options.ctx() == document._NEUTRAL_CTX
    assert options.env().zone == document._NEUTRAL_ZONE


def test_reads_for_r_are_the_reads() -> None:
    texts = [*_weekday_texts(600, seed=3702), *_line_end_texts(600, seed=3704)]
    read = 0
    for text in texts:
        fast = list(document._reads_for_r(text))
        assert _compared(fast) == _compared(list(document._reads(text))), repr(text)
        read += len(fast)
    assert read > 800, read
