"""Round 16 fast paths of the timeline's Context anchors give exactly what the plain code gave.

- extract/context.py `Context.context_year`: the nearest year at or before a line, found by
  walking back over the '19'/'20' offsets from the line's end, instead of bisecting the whole
  year index (Context._year_index, itself compared with a plain finditer in test_timeline_perf7).

Compared on every line (and lines before the first and past the last) of every report we have
(fixtures, docs, the shared corpus when present) and of generated texts dense in what the year
pattern looks at; each line is asked twice (the answer is memoised per line).
"""

from __future__ import annotations

import bisect

from incidentparse import extract

from .test_timeline_perf7 import DOCS, _context, _generated_texts


def _indexed_context_year(ctx: extract.Context, line: int) -> int | None:
    """context_year as it was: bisect the (line, year) index."""
    lines, years = ctx._year_index
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
