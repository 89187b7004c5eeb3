"""Round 26: a timeline row's dated stamp read from its shape alone.

- `dates.leading.shaped_stamp`: a text opening with an ASCII digit whose shapes' reading at 0
  resolves ('2018-08-22, 03:26pm: first noticed …', a `### 5:02 PM` heading) is its own
  leading stamp, without the opener and word-run matches of extract.timeline._stamp_of and
  the candidate walk. Compared with leading_stamp (the general path) at several limits and
  ends, and _stamp_of with _stamp_of as it was, on every line and paragraph of every report
  we have and on generated rows dense in stamp shapes; every report parses the same with the
  shortcut refused.
- `dates.leading._shape_resolves`: a shape's dated point resolves iff its day exists. Compared
  with resolve.resolves on every shape read at every digit of those texts and on every day of
  generated stamps (the days past a month's end among them), for several references.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter

import pytest

from incidentparse import parse
from incidentparse.dates import leading
from incidentparse.dates.leading import Stamp, leading_stamp, shaped_stamp
from incidentparse.dates.resolve import resolves
from incidentparse.dates.scan import shaped_expression
from incidentparse.extract import timeline

from .test_timeline_perf9 import _doc_paragraphs, _generated_paragraphs
from .test_timeline_perf11 import DOCS, PIECES, REFERENCES, _doc_rows

REFS = (*REFERENCES, dt.date(1901, 1, 2), dt.date(2099, 12, 31))

# Dated stamps with a 12-hour clock or none, days past their month's end, years at the shapes'
# ends, joins and what follows a stamp in a row.
STAMP_PIECES: tuple[str, ...] = (
    *PIECES, "2018-08-22, 03:26pm", "2018-08-22 4:12 PM", "2018-8-2 4:12PM", "2024-02-29",
    "2023-02-29", "2023-02-30", "2019-04-31", "2019-04-30", "1900-02-29", "2000-02-29",
    "2100-01-01", "1899-12-31", "2099-12-31 23:59", "1900-01-01 00:00", "2018-13-01",
    "2018-00-10", "2018-01-32", "2018-01-31", ", ", ",", "  ", "12:00 am", "12:00 PM", "0:30 am",
    "13:30 pm", "11:59 P", "10:08am: ", "04:24pm:", "x", "first noticed", ".", "\n", "é", "’",
)  # fmt: skip


def _stamp_rows(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    digits = [p for p in STAMP_PIECES if p[:1].isdigit()]
    rows = []
    for _ in range(count):
        row = rng.choice(digits) + rng.choice(("", " ", ": ", ": ", ":", ", ", " | ", "] ", " - "))
        row += rng.choice(("", " ")).join(
            rng.choice(STAMP_PIECES) for _ in range(rng.randint(0, 4))
        )
        rows.append(row)
    return rows


def _texts() -> list[str]:
    texts = _doc_rows() + _doc_paragraphs() + _generated_paragraphs(1500, 26)
    return list(dict.fromkeys([*texts, *_stamp_rows(8000, 26)]))


def _old_stamp_of(text: str, reference_date: dt.date) -> tuple[str, str] | None:
    """extract.timeline._stamp_of as it was (round 25)."""
    if leading.opens_with_plain_word(text):
        return None
    opener = timeline._STAMP_OPEN.match(text)
    start = opener.end() if opener else 0
    limit = max(start, timeline.MAX_STAMP_START)
    words_end = timeline._WORD_RUN.match(text, limit + 1)
    end = words_end.end() if words_end else len(text)
    stamp = leading_stamp(text, reference_date, limit, end)
    if stamp is None:
        return None
    separator = timeline._STAMP_SEPARATOR.match(text, len(stamp))
    return stamp, text[separator.end() if separator else len(stamp) :].strip()


def _same_stamp(fast: Stamp | None, plain: Stamp | None) -> None:
    assert (fast is None) == (plain is None)
    if fast is not None and plain is not None:
        assert str(fast) == str(plain)
        assert fast.shaped == plain.shaped and fast.reading == plain.reading


def _plain_resolves(monkeypatch: pytest.MonkeyPatch) -> None:
    """leading's shape resolution as it was: every expression resolved."""
    monkeypatch.setattr(
        leading,
        "_shape_resolves",
        lambda expr, text, env, ctx: resolves(
            expr, text[expr.begin : expr.end], env, ctx, expr.begin
        ),
    )


def test_shaped_stamp_as_leading_stamp(monkeypatch: pytest.MonkeyPatch) -> None:
    """A stamp where leading_stamp gives it; where the shapes read nothing at 0 (False), the
    general path told so gives what it gives untold."""
    texts = _texts()
    fast: list[tuple[str, dt.date, Stamp | bool | None]] = []
    for n, text in enumerate(texts):
        reference = REFS[n % len(REFS)]
        fast.append((text, reference, shaped_stamp(text, reference)))
    _plain_resolves(monkeypatch)
    seen: Counter[str] = Counter()
    bounds = ((3, 4), (0, 1), (3, 6), (8, 12))
    for text, reference, stamp in fast:
        if stamp is None:
            seen["refused"] += 1
            continue
        if stamp is False:
            seen["shapeless"] += 1
            for limit, end in (*bounds, (len(text), len(text))):
                told = leading_stamp(text, reference, limit, end, True)
                _same_stamp(told, leading_stamp(text, reference, limit, end))
                seen["shapeless stamped"] += told is not None
            continue
        assert isinstance(stamp, Stamp)
        seen["read"] += 1
        point = stamp.reading.a if stamp.reading is not None else None
        seen["dated" if point is not None and point.kind == "ymd" else "other"] += 1
        for limit, end in (*bounds, (len(text), len(text))):
            _same_stamp(stamp, leading_stamp(text, reference, limit, end))
    # 2038 read (1007 dated), 3000 shapeless (500 stamped), 8000 refused with the corpus
    assert seen["read"] > 1500 and seen["dated"] > 700 and seen["refused"] > 5000, seen
    assert seen["shapeless"] > 1000 and seen["shapeless stamped"] > 300, seen


def test_stamp_of_as_it_was(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _texts()
    fast = [timeline._stamp_of(text, REFS[n % len(REFS)]) for n, text in enumerate(texts)]
    _plain_resolves(monkeypatch)
    stamped = 0
    for n, text in enumerate(texts):
        plain = _old_stamp_of(text, REFS[n % len(REFS)])
        got = fast[n]
        assert (got is None) == (plain is None), text
        if got is not None and plain is not None:
            assert got[1] == plain[1], text
            assert isinstance(got[0], Stamp) and isinstance(plain[0], Stamp)
            _same_stamp(got[0], plain[0])
            stamped += 1
    assert stamped > 5000, stamped


def test_shape_resolves_as_resolves() -> None:
    """Every shape at every digit of every text, and every day of a generated stamp."""
    texts = _texts()
    days = [
        f"{year}-{month:02d}-{day:02d}{clock}"
        for year in (1900, 1901, 2000, 2018, 2019, 2020, 2023, 2024, 2099)
        for month in range(1, 13)
        for day in range(1, 32)
        for clock in ("", " 00:00", ", 03:26pm", " 11:59 PM", " 23:59")
    ]
    counts: Counter[bool] = Counter()
    for n, text in enumerate([*texts, *days]):
        for reference in (REFS[n % len(REFS)], REFS[(n + 1) % len(REFS)]):
            env, ctx = leading._defaults(reference)
            for pos, char in enumerate(text):
                if not "0" <= char <= "9":
                    continue
                expr = shaped_expression(text, pos, ctx)
                if expr is None:
                    continue
                plain = resolves(expr, text[expr.begin : expr.end], env, ctx, expr.begin)
                assert leading._shape_resolves(expr, text, env, ctx) == plain, (text, pos)
                counts[plain] += 1
    assert counts[True] > 20000 and counts[False] > 400, counts


def test_reports_parse_as_without_the_shortcut(monkeypatch: pytest.MonkeyPatch) -> None:
    fast = [parse(doc) for doc in DOCS]
    monkeypatch.setattr(timeline, "shaped_stamp", lambda text, reference: None)
    _plain_resolves(monkeypatch)
    plain = [parse(doc) for doc in DOCS]
    assert [r.model_dump_json() for r in fast] == [r.model_dump_json() for r in plain]
    assert sum(len(r.timeline) for r in fast) > 100
