"""Round 7 fast paths of the date engine give exactly what their definitions give.

infer_reference_date stops scanning at the first report-phrase date written with its year
(document.infer_reference_date): R equals the plain reading (every span scanned, then
_report_phrase, then _full_dates) on the fixtures, docs, corpus, generated text
(test_dates_perf.TEXTS) and report-dense generated lines. No timings.
"""

from __future__ import annotations

import datetime as dt
import random

from incidentparse.dates import document
from incidentparse.dates.scan import Options, scan

from .test_dates_perf import TEXTS


def _reference_date(text: str) -> dt.date | None:
    """R from the kept lines the plain way: every span first, then the two fallbacks."""
    kept = document._worth_scanning(text)
    spans = list(scan(kept, Options(document._NEUTRAL)))
    phrase = document._report_phrase(kept, spans)
    if phrase is not None:
        return phrase
    dates = document._full_dates(spans)
    return max(dates) if dates else None


# Report phrases, dates with and without years, coarse and relative dates, line breaks: several
# phrase dates per text, so that stopping at the wrong one shows.
_REPORT_PIECES = (
    "as of", "As of", "Report date:", "report", "Published", "posted on", "updated:", "Date:",
    "incident report", "summary", "post", "update", "advisory", "2019-03-26", "2021-04-05 14:30",
    "March 3", "3 March 2022", "Feb 29", "Feb 29, 2020", "2023", "Q3 2020", "yesterday",
    "Friday", "14:30 UTC", "since 2020-01-02", "2018-12-31 to 2019-01-02", "03/04/2021",
    "13/04/2021", "04/13/2021", "x", ",", ".", " ", " ", "\n", "\n\n", "*", "**", "_",
)  # fmt: skip


def _report_texts(count: int, seed: int = 71) -> list[str]:
    rng = random.Random(seed)
    return [" ".join(rng.choices(_REPORT_PIECES, k=rng.randint(1, 24))) for _ in range(count)]


def test_reference_date_stops_exactly() -> None:
    texts = [*TEXTS, *_report_texts(6000)]
    named = 0
    for text in texts:
        expected = _reference_date(text)
        assert document.infer_reference_date(text) == expected, text
        named += expected is not None
    assert named > 3000  # report dates are found, not just texts without any
