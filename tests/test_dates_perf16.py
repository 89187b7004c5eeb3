"""Named-month dates read by one regex (dates.shapes.match_named) give what the grammar gives.

match_named answers for grammar.match_compound and grammar.match_expression at a month name with
its day and year (and a clock time) and nothing else attached or following on. It is compared
with the grammar (the shortcut off) at every letter a month name can start with in every
Markdown file of the repo, the shared corpus (when present), the date tables and generated text;
then whole results with the shortcut on and off. No timings here.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterator

import pytest

from incidentparse.dates import grammar
from incidentparse.dates.points import RULES_BY_KEY, Point
from incidentparse.dates.shapes import NAMED_INITIALS, match_named
from incidentparse.dates.vocab import MONTH_BY_NAME, PART_BY_WORD, WEEKDAY_BY_NAME

from .test_dates_shapes import (
    AFTER,
    BEFORE,
    CONTEXTS,
    REPO,
    _results,
    parsed_reports,
    with_and_without,
)

NAMED = (
    "July 11, 2025", "July 11 2025", "March 26th, 2019", "Sept. 18th, 2017", "sept 18 2017",
    "MAY 3 2019", "may 3, 2019", "Dec-5-2019", "jan 5,2020", "February 30, 2019", "Jun 31st 1999",
    "April 3 '19", "Mar. 5, 2021", "Mar.5 2021", "Aug 1 2019", "Nov 2nd , 2020", "Oct 1st 2099",
    "September 1 2019", "Jan 32 2019", "Feb 0 2019", "June 3 1899", "July\n4\n2019",
    "\u017fept 3 2019", "Apr 3 20190", "Apr 3 2019.5", "Apr 3 2019,5", "Apr 3rd-2019", "Mar 2 2019",
)  # fmt: skip
NAMED_AFTER = (
    *AFTER, " Monday", ", Tue", " at 5pm", ", 11:20 AM", " noon", " midnight", " Noon", " hosts",
    " users", " wed", " attack", ", and", " (Mon)", " - present", " \u2013 April 5, 2019",
    " to July 3, 2020", "\u00b2", " \u00b2", ", \u017funday", " \u212a", " , ,x", ", we", " Boskos",
    ",\n", " .", " *", "\"", " <br>", " / x", " ~ 2020", " & x", " Tues.", " thursday", " sat.",
    " sunday", " At 5", " AT 5", " @5", " M", " n", ", Wednesday", " 12:00", "T12:00", " - 17:00",
    ", 12:42 PM", " 12:42 pm |", ", 4:06PM", " 13:00 pm", " 0:30 am", " 24:00", ",12:42",
    ", 12:42 PM EDT", " 12:42 (17:14 UTC)", " 12:42 Monday", " 12:42:05", " 12:42 - 13:00",
)  # fmt: skip


def _generated() -> list[str]:
    texts = [b + s + a for s, b, a in itertools.product(NAMED, BEFORE, NAMED_AFTER)]
    rng = random.Random(16)
    for _ in range(3000):
        pieces = rng.choices(NAMED + NAMED_AFTER + BEFORE, k=rng.randint(1, 6))
        texts.append("".join(pieces))
    return texts


GENERATED = _generated()


def _places(text: str) -> Iterator[int]:
    for pos, char in enumerate(text):
        if char in NAMED_INITIALS:
            yield pos


def _slow(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(grammar, "match_named", lambda text, pos, ctx: None)


def _compare(texts: list[str], monkeypatch: pytest.MonkeyPatch) -> int:
    places = []
    for text in texts:
        for pos in _places(text):
            for ctx in CONTEXTS:
                found = match_named(text, pos, ctx)
                if found is not None:
                    expr = grammar.match_expression(text, pos, ctx)
                    places.append((text, pos, ctx, found, expr))
    with monkeypatch.context() as patch:
        _slow(patch)
        for text, pos, ctx, found, expr in places:
            assert grammar.match_compound(text, pos, ctx) == found, (text, pos, ctx)
            assert grammar.match_expression(text, pos, ctx) == expr, (text, pos, ctx)
    return len(places)


def test_named_dates_read_the_repo_and_corpus_as_the_grammar(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # 64 places (4 contexts each) from the repository alone, 84 with the shared corpus
    assert _compare(REPO, monkeypatch) > 40


def test_named_dates_read_generated_text_as_the_grammar(monkeypatch: pytest.MonkeyPatch) -> None:
    # every third text (~27,000 places): the suite stays quick
    assert _compare(GENERATED[::3], monkeypatch) > 20_000


def test_the_shortcut_is_not_vacuous_nor_greedy() -> None:
    ctx = CONTEXTS[0]
    taken = ("July 11, 2025", "March 26th, 2019 Boskos", "Sept. 18th, 2017, A", "Aug 1 2019 |")
    for text in (*taken, "July 11, 2025, 12:42 PM", "Jul 14 2025 11:20 |"):
        assert match_named(text, 0, ctx) is not None, text
    refused = (
        *("July 14, 2025, 11:20 AM x", "July 14, 2025 at 5", "May 3 2019 (Fri)", "Jan 2"),
        *("July 11 2025 - x", "May 3 2019 to June", "May 3 2019ish", "May 3 2019 or so"),
    )
    for text in refused:
        assert match_named(text, 0, ctx) is None, text


def test_only_the_month_rule_reads_a_month_name() -> None:
    """The facts the shortcut stands on: at a month name, no other rule, no prefix, no part-of
    word and no weekday match, and the letters that start a clock time are m and n."""
    assert grammar._TIME_LETTERS.issubset({"m", "n"})
    for name in MONTH_BY_NAME:
        for text in (f"{name} 3 2019", f"{name}. 3, 2019", f"{name}-3-2019"):
            for variant in (text, text.upper(), text.title()):
                rules = RULES_BY_KEY[name[0]]
                others = [r.name for r in rules if r.pattern.match(variant)]
                assert others == ["month_day"], (variant, others)
                assert grammar._PREFIX_RE.match(variant) is None, variant
                assert grammar._PART.match(variant) is None, variant
                assert grammar._WEEKDAY_PREFIX.match(variant) is None, variant
    assert all(not name.startswith(word) for name in MONTH_BY_NAME for word in PART_BY_WORD)
    assert all(not name.startswith(day[:3]) for name in MONTH_BY_NAME for day in WEEKDAY_BY_NAME)


@pytest.mark.parametrize("source", ["repo", "generated"])
def test_results_are_the_same_without_the_shortcut(
    source: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    texts = (
        [line for text in REPO for line in text.split("\n") if any(c in line for c in "JFMASOND")]
        if source == "repo"
        else GENERATED[::23]
    )
    fast, slow = with_and_without(monkeypatch, _slow, lambda: _results(texts))
    assert sum(r is not None for r in slow) > 500
    assert fast == slow


def test_parse_is_the_same_without_the_shortcut(monkeypatch: pytest.MonkeyPatch) -> None:
    fast, slow = with_and_without(monkeypatch, _slow, parsed_reports)
    assert fast == slow


def test_points_are_whole() -> None:
    found = match_named("July 11, 2025 |", 0, CONTEXTS[0])
    assert found == (Point("ymd", 2025, 7, 11), 13)
    found = match_named("July 11, 2025, 12:42 PM", 0, CONTEXTS[0])
    time = Point("ymd", 2025, 7, 11, hour=12, minute=42, second=0, time_grain="minute")
    assert found == (time, 23)
