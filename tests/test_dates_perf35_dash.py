"""A named-month date before a range symbol whose right side reads no point ('July 11 2025 -
CloudBank', the 2i2c titles) is read by grammar._named_before_symbol as the grammar reads it.

The shortcut is compared with the grammar (the shortcut off) at every letter a month name can
start with in every Markdown file of the repo, the shared corpus (when present), the date
tables and generated text: named dates before every symbol, blank run and right side (every
word of the date vocabulary, a digit, an open end, '-ish', plain words); then whole results and
parses with the shortcut on and off. No timings here.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterator

import pytest

from incidentparse.dates import grammar
from incidentparse.dates.points import Point
from incidentparse.dates.shapes import NAMED_INITIALS, match_named
from incidentparse.dates.vocab import (
    APPROX_PREFIXES,
    MONTH_BY_NAME,
    NUMBER_BY_WORD,
    OPEN_END_WORDS,
    ORDINAL_BY_WORD,
    PART_BY_WORD,
    UNIT_BY_NAME,
    WEEKDAY_BY_NAME,
)

from .test_dates_perf16 import NAMED
from .test_dates_shapes import CONTEXTS, REPO, _results, parsed_reports, with_and_without

SYMBOLS = ("-", "--", "–", "—", "−", "~", "-ish", "~~", "- -")
BLANKS = ("", " ", "  ", "\t", " \t ", "\n", " ,")
_VOCAB = sorted(
    {
        *MONTH_BY_NAME, *WEEKDAY_BY_NAME, *ORDINAL_BY_WORD, *PART_BY_WORD, *APPROX_PREFIXES,
        *NUMBER_BY_WORD, *UNIT_BY_NAME, *OPEN_END_WORDS,
    }
)  # fmt: skip
RIGHT = (
    *_VOCAB, *(word.title() for word in _VOCAB[::3]), *(word.upper() for word in _VOCAB[::5]),
    "CloudBank health check", "LEAP hub outage", "x", "", "3", "3 April", "2019", "17:00",
    "12:42 PM", "ish", "present", "the end of May", "the week of", "today", "now", "noon",
    "last week", "next Monday", "mid-2020", "early May", "Q3", "fy21", "h2", "(Mon)", "|", "]",
    "since May", "from May", "in May", "on Friday", "3 days later", "a few hours ago", "the",
    "\u017fept 3", "\u212a", "İ", "and later", "onwards", "or so", "Sept. 18th, 2017", "post",
)  # fmt: skip


def _generated() -> list[str]:
    """Each named date before each right side (the joins taken in turn), the first date before
    every join and every fifth right side, then random runs of the pieces."""
    joins = list(itertools.product(BLANKS, SYMBOLS, (" ", "")))
    texts = [
        f"{named}{blank}{symbol}{after}{right}"
        for index, named in enumerate(NAMED)
        for turn, right in enumerate(RIGHT)
        for blank, symbol, after in [joins[(turn + 5 * index) % len(joins)]]
    ]
    texts += [f"{NAMED[0]}{b}{s}{a}{right}" for b, s, a in joins for right in RIGHT[::5]]
    rng = random.Random(35)
    pieces = (*NAMED, *BLANKS, *SYMBOLS, *RIGHT, " ", " - ")
    for _ in range(3000):
        texts.append("".join(rng.choices(pieces, k=rng.randint(2, 8))))
    return texts


GENERATED = _generated()


def _places(text: str) -> Iterator[int]:
    for pos, char in enumerate(text):
        if char in NAMED_INITIALS:
            yield pos


def _slow(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(grammar, "_named_before_symbol", lambda text, pos, ctx: None)


def _compare(texts: list[str], monkeypatch: pytest.MonkeyPatch) -> tuple[int, int]:
    """(places compared, places the shortcut answered) of match_expression, on and off."""
    places = []
    taken = 0
    for text in texts:
        for pos in _places(text):
            for ctx in CONTEXTS:
                fast = grammar._named_before_symbol(text, pos, ctx)
                taken += fast is not None
                if fast is not None:
                    assert match_named(text, pos, ctx) is None  # only where NAMED refuses
                places.append((text, pos, ctx, grammar.match_expression(text, pos, ctx)))
    with monkeypatch.context() as patch:
        _slow(patch)
        for text, pos, ctx, expr in places:
            assert grammar.match_expression(text, pos, ctx) == expr, (text, pos, ctx)
    return len(places), taken


def test_the_repo_and_corpus_read_as_the_grammar(monkeypatch: pytest.MonkeyPatch) -> None:
    compared, _ = _compare(REPO, monkeypatch)
    assert compared > 1000


def test_generated_text_reads_as_the_grammar(monkeypatch: pytest.MonkeyPatch) -> None:
    compared, taken = _compare(GENERATED, monkeypatch)
    assert compared > 40_000
    assert taken > 5_000  # the shortcut is not vacuous


def test_the_shortcut_answers_and_refuses() -> None:
    ctx = CONTEXTS[0]
    title = "# Incident report July 11 2025 - CloudBank health check"
    expr = grammar._named_before_symbol(title, 18, ctx)
    assert expr == grammar.Expr(18, 30, Point("ymd", 2025, 7, 11))
    for text in ("Aug 12, 2025 – LEAP hub", "May 3 2019 ~ x", "May 3 2019 -- x", "May 3 2019 -"):
        assert grammar._named_before_symbol(text, 0, ctx) is not None, text
    refused = (
        *("May 3 2019 - May 5 2019", "May 3 2019 - 5", "May 3 2019 - present", "May 3 2019-ish"),
        *("May 3 2019 - today", "May 3 2019 to x", "May 3 2019 x", "May 3 - x", "May 3 2019"),
        *("May 3 2019, 12:00 - x", "May 3 2019 - Friday", "May 3 2019 - mid-2020"),
    )
    for text in refused:
        assert grammar._named_before_symbol(text, 0, ctx) is None, text


@pytest.mark.parametrize("source", ["repo", "generated"])
def test_results_are_the_same_without_the_shortcut(
    source: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    texts = (
        [line for text in REPO for line in text.split("\n") if any(c in line for c in "JFMASOND")]
        if source == "repo"
        else GENERATED[::17]
    )
    fast, slow = with_and_without(monkeypatch, _slow, lambda: _results(texts))
    assert sum(r is not None for r in slow) > 500
    assert fast == slow


def test_parse_is_the_same_without_the_shortcut(monkeypatch: pytest.MonkeyPatch) -> None:
    fast, slow = with_and_without(monkeypatch, _slow, parsed_reports)
    assert fast == slow
