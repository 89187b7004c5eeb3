"""Round 7 fast paths of the date engine give exactly what their definitions give.

The scanner's candidates (scan.expression_candidates) are found by a regex that opens with the
character before each one (scan._EXPR_CANDIDATE_AFTER): they are EXPR_CANDIDATE's matches on the
same texts and generated text dense in word edges, glue and non-ASCII word characters.

infer_reference_date stops scanning at the first report-phrase date written with its year
(document.infer_reference_date): R equals the plain reading (every span scanned, then
_report_phrase, then _full_dates) on the fixtures, docs, corpus, generated text
(test_dates_perf.TEXTS) and report-dense generated lines. No timings.
"""

from __future__ import annotations

import datetime as dt
import random

from incidentparse.dates import document
from incidentparse.dates import scan as scan_module
from incidentparse.dates.scan import Options, scan
from incidentparse.dates.vocab import CASE_UNSAFE

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


# --- the scanner's candidates, found from the character before them -------------------------

# Word and non-word characters beyond ASCII (Unicode digits and letters, '’', '≈'), glue, blanks
# and the words and digits candidates start with.
_CANDIDATE_PIECES = (
    "the", "in", "of", "on", "march", "q3", "fy24", "h2", "3", "2019", "14:30", "yesterday",
    "week", "as", "mid", "early", "since", "x", "é", "\u0663", "\u00b2", "’", "'", "~", "≈", "_",
    "-", ".", "/", ":", "@", "#", "$", "\\", " ", "  ", "\n", "|", "(", "ǅ", "ß",
)  # fmt: skip


def _candidate_texts(count: int, seed: int = 73) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choices(_CANDIDATE_PIECES, k=rng.randint(1, 30))) for _ in range(count)]


def test_expression_candidates_are_the_regex_matches() -> None:
    texts = [*TEXTS, *_candidate_texts(20_000)]
    found = 0
    for text in texts:
        lower = text.lower()
        if len(lower) != len(text) or any(char in text for char in CASE_UNSAFE):
            continue  # the token-by-token way, not this one
        for begin in {0, 1, 2, len(text) // 2, len(text)}:
            if begin > len(text):
                continue
            expected = [m.start() for m in scan_module.EXPR_CANDIDATE.finditer(lower, begin)]
            assert list(scan_module.expression_candidates(text, begin, None)) == expected, (
                text,
                begin,
            )
            found += len(expected)
    assert found > 50_000
