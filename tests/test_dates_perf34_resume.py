"""Round 34: the reference date's candidates resume at the reader's cursor.

scan.resumable_candidates searches on from the cursor document._reads_for_r keeps in
resume[0] where it has moved past the next character, instead of finding (and the reader then
skipping) every candidate inside what it has read. Compared here with
scan.expression_candidates(text, 0, None) (the reference) on the repo's texts, the corpus when
present and generated texts (stamps, tables padded or not, glued tokens, trigger words): a
reader moving its cursor by a rule of its own takes the same candidates from both, and
_reads_for_r reads the same expressions and values with either. No timings here.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator

import pytest

from incidentparse.dates import document, scan

from .test_dates_perf import DOCUMENTS, TEXTS
from .test_dates_perf22_ref import _compared, _plain_texts, _table_rows
from .test_dates_perf25_pad import _generated


def _reference(text: str, resume: list[int]) -> Iterator[int]:
    """The candidates before round 34: every one, whatever the reader's cursor."""
    return scan.expression_candidates(text, 0, None)


def _taken(text: str, source: Callable[[str, list[int]], Iterator[int]], seed: int) -> list[int]:
    """The candidates a reader takes (those at or after its cursor), moving its cursor past each
    taken one by a length drawn from the candidate's place (the same with either source)."""
    resume = [0]
    taken = []
    for pos in source(text, resume):
        if pos < resume[0]:
            continue
        taken.append(pos)
        step = random.Random(seed * 1_000_003 + pos).choice((0, 1, 1, 2, 3, 5, 8, 16, 40))
        resume[0] = max(resume[0], pos + step)
    return taken


_STAMPS = (
    "| 2022-03-18 08:37 | Emil notified by social media |",
    "| 2022-03-07 00:00 | Fix committed on the 8th |",
    "2018-08-22, 03:26pm: text since 3 days ago",
    "On Friday 29 November 2019 at 10:00 UTC the service was down for 2 hours.",
    "|    2021-12-10 15:40    |    x    |           |",
)


def _texts() -> list[str]:
    rng = random.Random(34)
    mixed = ["\n".join(rng.choices(_STAMPS, k=rng.randint(1, 8))) for _ in range(2000)]
    return [
        *TEXTS,
        *(document._worth_scanning(text) for text in DOCUMENTS),
        *_generated(8000, seed=3401),
        *_plain_texts(3000, seed=3402),
        *_table_rows(3000, seed=3403),
        *mixed,
    ]


TEXTS34 = _texts()


def test_resumed_candidates_are_the_candidates_taken() -> None:
    restarts = 0
    for number, text in enumerate(TEXTS34):
        for seed in (number, number + 7):
            expected = _taken(text, _reference, seed)
            assert _taken(text, scan.resumable_candidates, seed) == expected, (text, seed)
        # how often the search started again (the fast path), counted by the given candidates
        given = _count_given(text, number)
        restarts += given < len(list(scan.expression_candidates(text, 0, None)))
    assert restarts > 2000  # the search skips candidates on many texts, without the corpus too


def _count_given(text: str, seed: int) -> int:
    resume = [0]
    given = 0
    for pos in scan.resumable_candidates(text, resume):
        given += 1
        step = random.Random(seed * 1_000_003 + pos).choice((0, 1, 1, 2, 3, 5, 8, 16, 40))
        resume[0] = max(resume[0], pos + step)
    return given


def test_reads_for_r_unchanged(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [text for text in TEXTS34[: len(TEXTS)]] + TEXTS34[len(TEXTS) :: 3]
    fast = [_compared(list(document._reads_for_r(text))) for text in texts]
    monkeypatch.setattr(document, "resumable_candidates", _reference)
    for text, found in zip(texts, fast, strict=True):
        assert found == _compared(list(document._reads_for_r(text))), repr(text)
