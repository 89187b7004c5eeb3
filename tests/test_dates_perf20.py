"""Round 20 fast paths of infer_reference_date give exactly what their definitions give.

A text with no line worth scanning (no written year, no report phrase) gives None without the
scanner's set-up; an empty text is no line worth scanning without _worth_offsets' passes; the
CASE_UNSAFE test reads an ASCII text as safe at once (vocab.case_unsafe). Compared on the
fixtures, the docs, the corpus (when present) and generated texts. No timings.
"""

from __future__ import annotations

import datetime as dt
import random

from incidentparse.dates import document
from incidentparse.dates.vocab import CASE_UNSAFE, case_unsafe

from .test_dates_perf import TEXTS
from .test_dates_perf8 import _generated


def _reference_definition(text: str) -> dt.date | None:
    """infer_reference_date without front matter, every span of the lines worth scanning read
    (no early stop, no empty-text shortcut): a report phrase's date, else the latest full date."""
    kept = document._worth_scanning(text)
    spans = list(document._reads(kept))
    phrase = document._report_phrase(kept, spans)
    if phrase is not None:
        return phrase
    dates = document._full_dates(spans)
    return max(dates) if dates else None


def _texts() -> list[str]:
    rng = random.Random(20)
    unsafe = sorted(CASE_UNSAFE)
    generated = _generated(4000, seed=2020)
    # some with a CASE_UNSAFE character inserted: the re.I way of _worth_scanning
    spiked = [
        text[:cut] + rng.choice(unsafe) + text[cut:]
        for text in generated[:1000]
        for cut in [rng.randint(0, len(text))]
    ]
    return ["", "\n", " ", *TEXTS, *generated, *spiked]


def test_reference_date_is_its_definition() -> None:
    nothing_worth = 0
    for text in _texts():
        assert document.infer_reference_date(text) == _reference_definition(text), repr(text)
        nothing_worth += document._worth_scanning(text) == ""
    assert nothing_worth >= 300  # the shortcut was taken on many (without the corpus too)


def test_empty_text_has_no_line_worth_scanning() -> None:
    assert document._worth_offsets("") == []
    assert document._worth_scanning("") == ""
    assert list(document._reads("")) == []
    assert document.infer_reference_date("") is None


def test_case_unsafe_is_the_character_test() -> None:
    texts = _texts()
    assert sum(case_unsafe(text) for text in texts) >= 500
    for text in texts:
        assert case_unsafe(text) == any(char in text for char in CASE_UNSAFE), repr(text)
