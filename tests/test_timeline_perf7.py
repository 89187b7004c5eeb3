"""Round 7 fast paths of the timeline and its Context anchors give exactly what the plain code
gave.

- dates/leading.py `leading_expression` (the timeline's leading-stamp test): the scanner's
  walk stopped at the first candidate past the limit, without its generators.
- extract/context.py: the year index and the day-first prefilter read the '19'/'20' offsets
  found by str.find instead of a regex pass each over the whole report.

Each is compared with the plain computation on every report we have (fixtures, docs, the shared
corpus when present) and on generated texts dense in what the patterns look at.
"""

from __future__ import annotations

import datetime as dt
import random
import re

from incidentparse import extract, sections, source, tokens
from incidentparse.api import sink_for
from incidentparse.dates import detect_dayfirst
from incidentparse.dates.grammar import Expr
from incidentparse.dates.leading import leading_expression
from incidentparse.dates.scan import Options, extents

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
REFERENCE = dt.date(2024, 3, 1)


def _context(text: str) -> extract.Context:
    doc = source.load(text, None)
    sink = sink_for(doc)
    outline = sections.build(tokens.parse_blocks(doc.body), len(doc.lines), sink)
    return extract.Context(doc, outline, sink, REFERENCE)


# --- the plain code ---------------------------------------------------------------------------

_PLAIN_YEAR = re.compile(r"(?:19[7-9]|20\d)\d(?<![\w./-]\d{4})(?![\w./-]|\.\d)")
_PLAIN_MARKS = ("/19", "/20", "-19", "-20")
_PLAIN_NUMERIC_DATE = re.compile(r"\d[/-](?:19|20)\d\d")


def _plain_year_index(ctx: extract.Context) -> tuple[list[int], list[int]]:
    matches = list(_PLAIN_YEAR.finditer(ctx.doc.text))
    return [ctx.doc.line_of(m.start()) for m in matches], [int(m.group(0)) for m in matches]


def _plain_dayfirst(ctx: extract.Context) -> bool | None:
    text = ctx.doc.text
    if not any(mark in text for mark in _PLAIN_MARKS) or not _PLAIN_NUMERIC_DATE.search(text):
        return None
    return detect_dayfirst(text, ctx.reference_date)


def _plain_leading(text: str, reference: dt.date, limit: int, end: int) -> Expr | None:
    for expr in extents(text, Options(reference), end=end):
        return expr if expr.begin <= limit else None
    return None


# --- generated texts --------------------------------------------------------------------------

# What the year and numeric-date patterns look at: the centuries, digits (an Arabic-Indic one
# too: re's \d is any decimal digit), the glue characters of both sides, letters, line breaks.
YEAR_PIECES: tuple[str, ...] = (
    "19", "20", "197", "1969", "2019", "2020", "2024", "1999", "0", "7", "12", "03", "٣", "/", "-",
    ".", "_", "x", "a", " ", "\n", "v", "CVE-", "03/04/", "3-4-", "12-05-", "05/", ".5", "|",
)  # fmt: skip


def _generated_texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        pieces = [rng.choice(YEAR_PIECES) for _ in range(rng.randint(1, 40))]
        out.append("".join(piece + rng.choice(("", "", " ")) for piece in pieces))
    return out


def _texts() -> list[str]:
    return DOCS + _generated_texts(4000, 7)


def test_reports_are_there() -> None:
    assert len(REPORTS) >= 20


def test_numeric_date_prefilter_as_before() -> None:
    """The prefilter's answer is the regex's on every text, and both answers occur."""
    answers = []
    for text in _texts():
        ctx = _context(text)
        fast = any(extract.context._numeric_date_at(text, s) for s in ctx._century_starts)
        assert fast == bool(_PLAIN_NUMERIC_DATE.search(ctx.doc.text)), text
        answers.append(fast)
    assert sum(answers) > 500
    assert len(answers) - sum(answers) > 500


def test_dayfirst_as_before() -> None:
    texts = DOCS + [
        f"On {a}{sep}{b}{sep}{year} and {c} May {year}"
        for a, b, c, sep, year in [
            ("03", "04", "3", "/", "2024"),
            ("13", "04", "13", "-", "2019"),
            ("04", "13", "4", "/", "2020"),
        ]
    ]
    seen = set()
    for text in texts:
        ctx = _context(text)
        assert ctx.dayfirst == _plain_dayfirst(ctx), text
        seen.add(ctx.dayfirst)
    assert seen == {None, True, False}


# Row openings: stamps (some that read as no date or do not resolve), markup, prose, glue.
STAMP_PIECES: tuple[str, ...] = (
    "[", "]", "(", "**", "~", " ", "-", ":", "|", "14:00", "23:55", "9am", "12:49 PM", "UTC",
    "April 1", "April 2-3", "2024-03-05", "03/04", "9999-12-31T23:59-14:00", "Mon", "on", "at",
    "the", "next", "by", "from", "to", "2019", "Q3", "fy24", "İ", "x2020", "restarted", "10.0.0.1",
    "\n", "\n\n", "in", "week", "noon", "T+5", "v1.2", "24:00", "25:61",
)  # fmt: skip


def test_leading_expression_as_the_scan() -> None:
    rng = random.Random(5)
    texts = [
        rng.choice(("", " ")).join(rng.choice(STAMP_PIECES) for _ in range(rng.randint(1, 10)))
        for _ in range(3000)
    ]
    texts += [line for doc in DOCS for line in doc.splitlines() if line.strip()][::5]
    found = 0
    for n, text in enumerate(texts):
        reference = (dt.date(2024, 3, 1), dt.date(2019, 12, 31))[n % 2]
        limit = n % 7
        end = min(len(text), limit + rng.randint(0, 12))
        fast = leading_expression(text, reference, limit, end)
        plain = _plain_leading(text, reference, limit, end)
        assert (fast and (fast.begin, fast.end)) == (plain and (plain.begin, plain.end)), text
        found += fast is not None
    assert found > 500
