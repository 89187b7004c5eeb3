"""Round 22 fast paths of infer_reference_date give exactly what their definitions give.

document._reads_for_r reads each shape stamp with its year ('2022-03-18 08:37 |') from its regex
match (document._shaped_read) and each other lone day point with its year ('Wednesday,
2018-08-22') by document._plain_read, both without resolve.to_fields, and puts their anchors in
the context only when the grammar next reads: the same expressions in the same places, in the
same order, with the same values (of the same types) as document._reads, on the fixtures, the
docs, the corpus (when present), the lines infer_reference_date keeps of them and generated
text dense in plain points and near-plain ones (weekday mismatches, days and times that do not
exist, 24:00, seconds, zones, ranges, offsets read from the clock time a stamp leaves,
timeline tables in one paragraph and in several).
grammar.START_LOWER (the scanner's gate before the grammar) reads, after a relative word ('this',
'next', 'over'…), the start of the word its rule reads next: where it now fails, no expression
starts, on the same texts and generated text dense in relative words and what follows them.
No timings.
"""

from __future__ import annotations

import random
import re

import pytest

from incidentparse.dates import document, grammar, scan

from .test_dates_perf import _CONTEXTS, DOCUMENTS, TEXTS

# Dates and times that _plain_read reads or must refuse, and what the grammar attaches to them.
_PLAIN_PIECES = (
    "2022-03-18 08:37", "2022-03-18", "2018-08-22, 03:26pm", "2019-02-30", "2019-02-29 10:00",
    "2020-02-29", "2021-03-31 24:00", "2021-03-31 23:59:59", "2021-03-31 12:61", "Wednesday,",
    "Thursday, 2018-08-23", "Friday 2018-08-23", "Mon 2024-03-04 09:00", "2024-03-04T09:00Z",
    "14:30", "3pm", "14:30 UTC", "PDT", "IST", "+02:00", "(17:14 UTC)", "to", "-", "–", "until",
    "since", "by", "the week of", "approximately", "~", "ongoing", "present", "March 3",
    "3 March 2022", "March 3, 2022 10:00", "Q3 2020", "2023", "yesterday", "report", "as of",
    "Report date:", "update", " 3 hours later", " 20 minutes after", "|", " | ", " ", "  ",
    ", ", ": ", "\n", "\n\n", "x", "text",
)  # fmt: skip


def _plain_texts(count: int, seed: int = 22) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choices(_PLAIN_PIECES, k=rng.randint(1, 16))) for _ in range(count)]


def _table_rows(count: int, seed: int = 2207) -> list[str]:
    """Timeline tables and prose stamps ('| 2022-03-18 08:37 | x |', '2018-08-22, 03:26pm: text'),
    lines of one paragraph or of several."""
    rng = random.Random(seed)
    rows = []
    for _ in range(count):
        lines = []
        for _ in range(rng.randint(1, 6)):
            stamp = "".join(rng.choices(_PLAIN_PIECES[:14], k=rng.randint(1, 2)))
            lines.append(rng.choice(("| {} | x |", "{}: text", "* {} ] ", "{}", "{} | {} |")))
            lines[-1] = lines[-1].format(stamp, rng.choice(_PLAIN_PIECES))
        rows.append(rng.choice(("\n", "\n\n")).join(lines))
    return rows


def _compared(items: object) -> list[tuple[object, ...]]:
    """Where each item's expression is, and its read values with their types (R reads no more
    of the Expr, and no Side: a shape read holds no Point, a plain read gives no Side)."""
    assert isinstance(items, list)
    return [(expr.begin, expr.end, tuple(read), tuple(map(type, read))) for expr, read, _ in items]


def test_reads_for_r_are_the_reads() -> None:
    texts = [
        *TEXTS,
        *(document._worth_scanning(text) for text in DOCUMENTS),
        *_plain_texts(6000),
        *_table_rows(6000),
    ]
    shaped = plain = 0
    for text in texts:
        fast = list(document._reads_for_r(text))
        assert _compared(fast) == _compared(list(document._reads(text))), repr(text)
        shaped += sum(expr.a is None for expr, _, _ in fast)
        plain += sum(side is None and expr.a is not None for expr, _, side in fast)
    # both paths taken often (without the corpus too)
    assert shaped > 5000
    assert plain > 1000


def test_reference_date_unchanged_on_plain_texts() -> None:
    """R itself, from the plain reads and from _reads (report phrases among the dates)."""
    for text in _plain_texts(3000, seed=2022):
        kept = document._worth_scanning(text)
        spans = list(document._reads(kept))
        expected = document._report_phrase(kept, spans)
        if expected is None:
            dates = document._full_dates(spans)
            expected = max(dates) if dates else None
        assert document.infer_reference_date(text) == expected, repr(text)


# --- grammar.START_LOWER reads the word after a relative word ---------------------------------

_RELATIVE = (
    "last", "next", "this", "past", "previous", "coming", "current", "following", "prior",
    "preceding", "over", "Over", "THIS", "the", "since", "in", "by",
)  # fmt: skip
_AFTER_RELATIVE = (
    "monday", "Mon", "tue", "Tues", "Thurs", "wed", "Fri.", "sat", "sunday", "morning",
    "afternoon", "evening", "night", "day", "days", "week", "weekend", "month", "months",
    "quarter", "year", "years", "the", "last", "this", "next", "time", "package", "and", "2",
    "3 days", "fiscal", "q3", "march", "end", "mid", "day before", "weeks", "over", "past", "a",
)  # fmt: skip
_GAPS = (" ", "  ", "\n", "\t", " \n ", "-", "")


def _relative_texts(count: int, seed: int = 2210) -> list[str]:
    rng = random.Random(seed)
    return [
        " ".join(
            rng.choice(_RELATIVE) + rng.choice(_GAPS) + rng.choice(_AFTER_RELATIVE)
            for _ in range(rng.randint(1, 5))
        )
        for _ in range(count)
    ]


# The branch as it was: a relative word and one blank.
_OLD_BRANCH = (r"(?:last|next|this|past|previous|coming|current|following|prior|preceding|over)\s",)


def test_relative_words_turned_away_start_no_expression(monkeypatch: pytest.MonkeyPatch) -> None:
    """Where START_LOWER now fails at a scanner candidate, no expression starts (in the plainest
    and the most permissive context, read without match_expression's own gate _POINT_START, made
    of the same branches); it fails at many places the old branch let through."""
    monkeypatch.setattr(grammar, "_POINT_START", re.compile(""))
    old = re.compile(grammar.START_LOWER.pattern.replace(grammar.POINT_STARTS[2], _OLD_BRANCH[0]))
    assert old.pattern != grammar.START_LOWER.pattern
    assert turned_away_by_the_gate([*_relative_texts(6000), *TEXTS], old) > 3000


def turned_away_by_the_gate(texts: list[str], old: re.Pattern[str]) -> int:
    """Asserts that the plain grammar (the caller empties _POINT_START) reads nothing at any
    token candidate of texts START_LOWER turns away, in every context; how many of those
    places the old gate pattern let through."""
    turned_away = 0
    for text in texts:
        lower = text.lower()
        if len(lower) != len(text):
            continue
        for pos in scan._token_candidates(text, 0, None):
            if grammar.START_LOWER.match(lower, pos):
                continue
            for ctx in _CONTEXTS:
                assert grammar.match_expression(text, pos, ctx) is None, (text, pos)
            turned_away += old.match(lower, pos) is not None
    return turned_away
