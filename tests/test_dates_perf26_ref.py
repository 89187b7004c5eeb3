"""Round 26 fast paths of infer_reference_date give exactly what their definitions give.

document._worth_offsets finds the years by two regexes opening with '19' and '20' (_YEAR_FINDERS)
instead of str.find and a _YEAR_AT match per stem found: the same offsets in the same order as
the plain find loop (kept here as the reference), on our texts and generated digit runs with
Unicode digits, letters and blanks around them.
No timings.
"""

from __future__ import annotations

import random

from incidentparse.dates import document
from incidentparse.dates.vocab import ascii_lower, case_unsafe

from .test_dates_perf8 import _texts


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
