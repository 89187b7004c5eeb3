"""Round 6 fast paths of the date engine give exactly what their definitions give.

infer_reference_date's line filter finds years by str.find of '19' and '20'
(document._worth_offsets): the kept lines are those of the re.I definition document._WORTH on
year-dense generated text, the fixtures and the corpus (test_dates_perf.TEXTS). No timings.
"""

from __future__ import annotations

import random

from incidentparse.dates import document

from .test_dates_perf import TEXTS, _worth_reference

# Digits, year halves, separators, Unicode digits and report words: years everywhere, glued to
# other digits on either side, at the text's start and end.
_YEAR_PIECES = ["19", "20", "1", "2", "0", "9", "99", "21", "\u0663", "\u0661\u0669", " ", "\n",
                "-", "/", ".", "a", "Report", "AS OF", "x", "date:"]  # fmt: skip


def _year_texts(count: int, seed: int = 61) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choices(_YEAR_PIECES, k=rng.randint(1, 30))) for _ in range(count)]


def test_worth_scanning_finds_the_year_lines() -> None:
    texts = [*TEXTS, *_year_texts(20_000), "2019", "x2019", "20190", "1919 2020", "\u06632019"]
    kept = 0
    for text in texts:
        assert document._worth_scanning(text) == _worth_reference(text), text
        kept += bool(document._worth_scanning(text))
    assert kept > 10_000  # lines with years are found, not just texts without any
