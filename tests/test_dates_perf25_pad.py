"""Round 25's padded candidate search finds exactly the candidates of the plain one.

scan.expression_candidates takes a run of blanks in one match (_EXPR_CANDIDATE_PADDED) where
runs of four blanks are common (a padded table). Compared here with the plain search
(_EXPR_CANDIDATE_AFTER, the old loop kept below) on the repo's texts, the corpus when present
and generated tables and mixes of blanks, tabs, borders, digits and trigger words: both at
every text (the padded search on its own, whatever the gate says) and through
expression_candidates from several starts. No timings here.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

from incidentparse.dates import scan
from incidentparse.dates.vocab import CASE_UNSAFE

from .test_dates_perf import DOCUMENTS

_PIECES = (
    " ", "  ", "   ", "    ", "     ", "          ", "\t", " \t ", "\t\t", "|", "| ", " |",
    "\n", "-", ":", ".", "/", "'", "~", "≈", "é", "ß", "2021-12-10", "15:40", "09", "3",
    "the", "on", "Friday", "Nov", "in", "by", "q3", "fy", "h1", "x", "word", "_", "12 nodes",
    "since", "ago", "first", "day", "2 days ago", "for", "at", "of", "Jan",
)  # fmt: skip


def _generated(count: int, seed: int = 2025) -> list[str]:
    rng = random.Random(seed)
    texts = ["".join(rng.choices(_PIECES, k=rng.randint(1, 40))) for _ in range(count)]
    for _ in range(count // 20):  # tables padded to a column width, as in the dfds reports
        rows = []
        for _ in range(rng.randint(1, 8)):
            cells = ["".join(rng.choices(_PIECES[10:], k=rng.randint(0, 4))) for _ in range(3)]
            rows.append("| " + " | ".join(c.ljust(rng.randint(5, 30)) for c in cells) + " |")
        texts.append("\n".join(rows))
    return texts


TEXTS = [*DOCUMENTS, *_generated(20_000)]


def _plain(text: str, begin: int) -> Iterator[int]:
    """expression_candidates' whole-text way before round 25 (the reference)."""
    lower = text.lower()
    if scan.EXPR_CANDIDATE.match(lower, begin):
        yield begin
    for m in scan._EXPR_CANDIDATE_AFTER.finditer(lower, begin):
        yield m.start() + 1


def _padded(lower: str, begin: int) -> list[int]:
    return [
        m.start() + 1
        for m in scan._EXPR_CANDIDATE_PADDED.finditer(lower, begin)
        if m.end() - m.start() < 3
    ]


def _plain_text(text: str) -> bool:
    lower = text.lower()
    return len(lower) == len(text) and not any(char in text for char in CASE_UNSAFE)


def test_padded_search_finds_the_plain_candidates() -> None:
    runs = 0
    for text in TEXTS:
        lower = text.lower()
        for begin in {0, 1, len(text) // 3}:
            if begin > len(text):
                continue
            expected = [m.start() + 1 for m in scan._EXPR_CANDIDATE_AFTER.finditer(lower, begin)]
            assert _padded(lower, begin) == expected, (text, begin)
        runs += sum(m.end() - m.start() >= 3 for m in scan._EXPR_CANDIDATE_PADDED.finditer(lower))
    assert runs > 10_000  # the run branch is taken often


def test_expression_candidates_are_the_plain_ones() -> None:
    padded = 0
    for text in TEXTS:
        if not _plain_text(text):
            continue
        for begin in {0, 1, 2, len(text) // 2, len(text)}:
            if begin > len(text):
                continue
            expected = list(_plain(text, begin))
            assert list(scan.expression_candidates(text, begin, None)) == expected, (text, begin)
        sample = min(len(text), scan._SAMPLE)
        padded += text.count("    ", 0, sample) >= scan._PADDED * sample
    assert padded > 1_000  # the padded way is taken on many texts
