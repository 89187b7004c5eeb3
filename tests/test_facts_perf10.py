"""Round 10 fast paths of the document facts give exactly what their definitions give.

document._phrase_before tells most texts before an expression by their last character instead
of searching _REPORT_BEFORE at each offset: the same answer as the search on every 40-character
window of the fixtures, docs and corpus and on generated tails dense in the phrase words, their
case variants, blanks, '*', '_' and characters that fold under re.I. infer_reference_date, which
now tells each span's phrase once, equals the plain reading (every span scanned, then
_report_phrase, then _full_dates). No timings.
"""

from __future__ import annotations

import datetime as dt
import random

from incidentparse.dates import document
from incidentparse.dates.scan import Options, scan
from incidentparse.models import TimeSpan

from .test_dates_perf import TEXTS

_TAIL_PIECES = (
    "as of", "AS OF", "as\nof", "of", "Of", "report", "Reported", "REPORT", "reports",
    "publication", "published", "posted", "updated", "issued", "date", "Date", "date of report",
    "date of publication", "on", "ON", ":", "-", "–", "—", "*", "**", "_", "__", " ", "\t",
    "\n", "\n\n", "\u00a0", "\u2003", "\x1c", "x", "misreported", "_report", "pſted", "ıssued",
    "İssued", "K", "onx", "of:", "-:", "|", "2024", "(", ")", "é", "'", "`",
)  # fmt: skip


def _tails(count: int, seed: int = 101) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choices(_TAIL_PIECES, k=rng.randint(0, 12))) for _ in range(count)]


def _windows(text: str) -> list[str]:
    """Every 40-character text before an offset, as _in_report_phrase cuts it."""
    return [text[max(0, end - 40) : end] for end in range(len(text) + 1)]


def test_phrase_before_is_the_search() -> None:
    befores = [window for text in TEXTS for window in _windows(text)] + _tails(40_000)
    differ = [
        before
        for before in befores
        if document._phrase_before(before) != bool(document._REPORT_BEFORE.search(before))
    ]
    assert not differ, differ[:5]
    assert sum(document._phrase_before(before) for before in befores) > 5000  # not vacuous


def _plain_reference_date(text: str) -> dt.date | None:
    """R from the kept lines the plain way: every span, each phrase searched in full."""
    kept = document._worth_scanning(text)
    spans = list(scan(kept, Options(document._NEUTRAL)))
    for index, (expr, span, _) in enumerate(spans):
        if span.grain in document._COARSE or span.start is None or span.ongoing:
            continue
        if span.year_source is None:
            continue
        before = kept[max(0, expr.begin - 40) : expr.begin]
        if document._REPORT_BEFORE.search(before) or document._REPORT_AFTER.match(kept, expr.end):
            start = document._as_date(span.start)
            assert start is not None
            if span.year_source == "explicit":
                return start
            near = [_year(s) for _, s, _ in reversed(spans[:index]) if _year(s)]
            near += [_year(s) for _, s, _ in spans[index + 1 :] if _year(s)]
            if near:
                try:
                    return start.replace(year=near[0])
                except ValueError:
                    continue
    dates = document._full_dates(spans)
    return max(dates) if dates else None


def _year(span: TimeSpan) -> int | None:
    value = span.end or span.start
    return value.year if span.year_source == "explicit" and value is not None else None


_REPORT_PIECES = (
    "as of", "As of", "Report date:", "report", "Published", "posted on", "updated:", "Date:",
    "incident report", "summary", "post", "update", "advisory", "2019-03-26", "2021-04-05 14:30",
    "March 3", "3 March 2022", "Feb 29", "Feb 29, 2020", "2023", "Q3 2020", "yesterday",
    "Friday", "14:30 UTC", "since 2020-01-02", "2018-12-31 to 2019-01-02", "03/04/2021",
    "the following day", "**Report date**:", "_as of_", "Updated —", "x", ",", ".", " ", "\n",
    "\n\n", "*", "**", "_",
)  # fmt: skip


def test_reference_date_is_the_plain_reading() -> None:
    rng = random.Random(103)
    generated = [" ".join(rng.choices(_REPORT_PIECES, k=rng.randint(1, 20))) for _ in range(3000)]
    for text in [*TEXTS, *generated]:
        assert document.infer_reference_date(text) == _plain_reference_date(text), text
