"""Round 16 fast paths of the timeline's Context anchors give exactly what the plain code gave.

- extract/context.py `Context.context_year`: the nearest year at or before a line, found by
  walking back over the '19'/'20' offsets from the line's end, instead of bisecting the whole
  year index (the plain finditer of every year, test_timeline_perf7's _plain_year_index).
  Compared on every line (and lines before the first and past the last) of every report we have
  (fixtures, docs, the shared corpus when present) and of generated texts dense in what the
  year pattern looks at; each line is asked twice (the answer is memoised per line).
- dates/leading.py `_leading`: its first candidate found by one search (_first_candidate), the
  scan.candidates generator made only when the walk goes past it. Compared with the walk over
  the generator on every line of the reports and on generated rows (with characters whose
  lower-casing moves offsets or changes with what follows), at several limits and ends.
"""

from __future__ import annotations

import bisect
import datetime as dt
import random

from incidentparse import extract
from incidentparse.dates import leading
from incidentparse.dates.grammar import Expr
from incidentparse.dates.resolve import resolves
from incidentparse.dates.scan import candidates, expression_at, shaped_expression

from .test_timeline_perf7 import DOCS, _context, _generated_texts, _plain_year_index
from .test_timeline_perf11 import PIECES, REFERENCES, _doc_rows


def _indexed_context_year(ctx: extract.Context, line: int) -> int | None:
    """context_year as it was: bisect the (line, year) index of every year."""
    lines, years = _plain_year_index(ctx)
    position = bisect.bisect_right(lines, line)
    return years[position - 1] if position else None


def _compare(texts: list[str]) -> tuple[int, int]:
    """(lines with a year, lines without), asserting each answer."""
    some = none = 0
    for text in texts:
        ctx = _context(text)
        for line in [*range(-2, len(ctx.doc.lines) + 3), 1, 0, len(ctx.doc.lines)]:
            expected = _indexed_context_year(ctx, line)
            assert ctx.context_year(line) == expected, (text, line)
            assert ctx.context_year(line) == expected, (text, line)
            if expected is None:
                none += 1
            else:
                some += 1
    return some, none


def test_context_year_on_reports() -> None:
    some, none = _compare(DOCS)
    # the repository's own fixtures and docs give 1234 and 3518 (the corpus adds more)
    assert some > 1000
    assert none > 3000


def test_context_year_on_generated_texts() -> None:
    some, none = _compare(_generated_texts(3000, 16))
    assert some > 2000
    assert none > 2000


# --- leading: the first candidate without the generator ---------------------------------------


def _plain_leading(text: str, reference: dt.date, limit: int, end: int) -> tuple[Expr, bool] | None:
    """leading._leading as it was: the walk over scan.candidates' generator."""
    found = candidates(text, 0, end)
    first = next(found, None)
    if first is None or first > limit:
        return None
    env, ctx = leading._defaults(reference)
    cursor = 0
    pos: int | None = first
    while pos is not None and pos <= limit:
        if pos >= cursor and leading._may_open(text, pos):
            expr = shaped_expression(text, pos, ctx)
            shaped = expr is not None
            if expr is None:
                expr = expression_at(text, pos, ctx)
            if expr is not None:
                if resolves(expr, text[expr.begin : expr.end], env, ctx, expr.begin):
                    return (expr, shaped) if expr.begin <= limit else None
                cursor = expr.end
        pos = next(found, None)
    return None


# Candidates side by side and glued ('~~', 'q1~'), trigger words, and characters whose lower-
# casing moves offsets ('İ') or depends on what follows (a final 'Σ').
LEAD_PIECES: tuple[str, ...] = (
    *PIECES, "~~", "≈", "q1", "Q3", "fy24", "1h", "June", "june", "may", "since", "early", "İ",
    "Σ", "ΣΑ", "ς", "ß", "é", "CVE-2021", "v1.2.3", "a.1", "x-2", "@3", "#4", "'5", "1st",
    "yesterday", "mid-", "week of", "4 days ago",
)  # fmt: skip


def _lead_rows(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [
        rng.choice(("", " ", "")).join(rng.choice(LEAD_PIECES) for _ in range(rng.randint(1, 6)))
        for _ in range(count)
    ]


def _compare_leading(texts: list[str]) -> tuple[int, int, int]:
    """(texts with a stamp, with a candidate past the first tried, lower-casing moved), asserting
    each answer and that the generator resumed after the first candidate gives the rest."""
    stamped = walked = moved = 0
    for n, text in enumerate(texts):
        reference = REFERENCES[n % len(REFERENCES)]
        for limit, end in ((3, len(text)), (0, 1), (3, 6), (8, 12), (len(text), len(text))):
            got = leading._leading(text, reference, limit, end)
            assert got == _plain_leading(text, reference, limit, end), (text, limit, end)
            stamped += got is not None
            first, found = leading._first_candidate(text, end)
            every = list(candidates(text, 0, end))
            assert first == (every[0] if every else None), (text, end)
            if found is not None:
                moved += 1
                assert list(found) == every[1:], (text, end)
            elif first is not None:
                assert list(leading._after_first(text, first, end)) == every[1:], (text, end)
                walked += len(every) > 1
    return stamped, walked, moved


def test_leading_on_report_lines() -> None:
    # the repository's own reports give 1092 and 3450 (the corpus adds more)
    stamped, walked, _ = _compare_leading(_doc_rows())
    assert stamped > 900
    assert walked > 2800


def test_leading_on_generated_rows() -> None:
    stamped, walked, moved = _compare_leading(_lead_rows(6000, 16))
    assert stamped > 8000
    assert walked > 5000
    assert moved > 800
