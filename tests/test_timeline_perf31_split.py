"""Round 31: a stamp that is its row's whole text split off without the separator's match.

extract.timeline._split_at gives (stamp, '') for a stamp as long as its text (a `### 12:49 PM`
heading), where it matched _STAMP_SEPARATOR at the text's end and stripped the empty rest.
Compared with that plain split on every stamp _stamp_of finds in the lines and paragraphs of
our reports and in generated rows, and on every prefix of them taken as a stamp.
"""

from __future__ import annotations

import datetime as dt

from incidentparse.extract import timeline

from .test_timeline_perf9 import _doc_paragraphs
from .test_timeline_perf11 import _doc_rows
from .test_timeline_perf26_stamp import _stamp_rows


def _plain_split(text: str, stamp: str) -> tuple[str, str]:
    """_split_at as it was (round 30)."""
    separator = timeline._STAMP_SEPARATOR.match(text, len(stamp))
    return stamp, text[separator.end() if separator else len(stamp) :].strip()


def _compare(texts: list[str]) -> int:
    """Whole-text stamps split, every split compared with the plain one."""
    whole = 0
    for text in texts:
        found = timeline._stamp_of(text, dt.date(2025, 7, 11))
        if found is not None:
            stamp = found[0]
            split = timeline._split_at(text, stamp)
            assert split == _plain_split(text, stamp) and split[0] is stamp, text
            whole += len(stamp) == len(text)
        for end in range(len(text) + 1):
            assert timeline._split_at(text, text[:end]) == _plain_split(text, text[:end])
    return whole


def test_report_stamps_split_as_plain() -> None:
    # the repository's own lines and paragraphs alone hold a few whole-line stamps
    assert _compare(_doc_rows() + _doc_paragraphs()) > 5


def test_generated_stamps_split_as_plain() -> None:
    texts = [*_stamp_rows(3000, 315), "12:49 PM", "July 11, 2025, 12:42 PM", "2019-03-26"]
    assert _compare(texts) > 40  # 72
