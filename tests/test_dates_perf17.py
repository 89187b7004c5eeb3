"""grammar.match_point with a floor on the end (``beyond``) gives what the plain reading gives.

match_compound reads the plain point after a part-of or weekday-led date ('Wednesday,
2018-08-22') only past that date's end: the plain point wins only by reaching further. Both are
compared with the earlier code (kept here as the reference) at every word start of every
Markdown file of the repo, the shared corpus (when present), the date tables and generated
text, then whole results. No timings here.
"""

from __future__ import annotations

import itertools
import random
import re
from collections.abc import Iterator

import pytest

from incidentparse.dates import grammar
from incidentparse.dates.points import Ctx, Point, rules_at
from incidentparse.dates.vocab import case_unsafe

from .test_dates_shapes import BEFORE, CONTEXTS, REPO, _results


def _old_point(text: str, pos: int, ctx: Ctx) -> tuple[Point, int] | None:
    """match_point as it was before the floor (round 16)."""
    best: tuple[Point, int] | None = None
    for rule in rules_at(text, pos):
        if best is not None and pos + rule.width <= best[1]:
            continue
        m = rule.pattern.match(text, pos)
        if m is None or (best is not None and m.end() <= best[1]) or case_unsafe(m.group(0)):
            continue
        try:
            point = rule.build(m, ctx)
        except (OverflowError, ValueError):
            continue
        if point is None or (point.needs_slot and not (ctx.slot or ctx.slot_word)):
            continue
        if point.needs_word and not ctx.slot_word:
            continue
        best = (point, m.end())
    return best


def _old_compound(text: str, pos: int, ctx: Ctx) -> tuple[Point, int] | None:
    """match_compound as it was before the floor, with grammar.match_point patched to
    _old_point (the part-of and weekday readers call it)."""
    first = text[pos : pos + 1]
    if first in grammar.NAMED_INITIALS:
        named = grammar.match_named(text, pos, ctx)
        if named is not None:
            return named
    first = first.lower()
    found = (grammar._match_part(text, pos, ctx) if first in grammar._PART_INITIALS else None) or (
        grammar._match_weekday_date(text, pos, ctx) if first in grammar._WEEKDAY_INITIALS else None
    )
    plain = _old_point(text, pos, ctx)
    if found is None or (plain is not None and plain[1] > found[1]):
        found = plain
    if found is None:
        return None
    point, end = found
    if end >= len(text):
        return point, end
    if point.kind != "time" and not point.has_time and grammar._is_day(point):
        point, end = grammar._attach_time(text, end, ctx, point)
        point, end = grammar._attach_weekday(text, end, point)
    elif point.kind == "time":
        point, end = grammar._attach_date(text, end, ctx, point)
    if point.has_time:
        point, end = grammar._attach_dual(text, end, ctx, point)
    return point, end


LED = (
    "Wednesday, 2018-08-22", "Wed 2018-08-22", "wednesday 22 August 2018", "Tue, 03/04/2019",
    "Monday March 3", "Mon. 3 Mar 2019", "Friday, 5pm", "friday the 13th", "Sun 12:00",
    "early March 2019", "mid-2019", "late Q3", "end of March", "the end of 2019", "Tuesday",
    "Thursday, 2019-03-28 14:00 UTC", "Sat, 2019-13-40", "last Friday", "next Monday, 2019-03-04",
    "Wednesday, August 22, 2018", "Wed, 22 Aug 2018 10:00:00 +0000", "mid March 3rd",
)  # fmt: skip
AFTER = ("", " ", ",", " at 5pm", " (UTC)", " - 2019-04-01", " x", " 12:00", "\n", " |")


def _generated() -> list[str]:
    texts = [b + s + a for s, b, a in itertools.product(LED, BEFORE, AFTER)]
    rng = random.Random(17)
    for _ in range(1500):
        texts.append("".join(rng.choices(LED + AFTER + BEFORE, k=rng.randint(1, 5))))
    return texts


GENERATED = _generated()


def _places(text: str) -> Iterator[int]:
    """Every word start (where the scanner tries an expression, and more)."""
    for m in re.finditer(r"(?<!\w)\w", text):
        yield m.start()


def _compare(texts: list[str], monkeypatch: pytest.MonkeyPatch) -> int:
    cases = []
    for text in texts:
        for pos in _places(text):
            for ctx in CONTEXTS:
                cases.append((text, pos, ctx, grammar.match_compound(text, pos, ctx)))
    taken = 0
    with monkeypatch.context() as patch:
        patch.setattr(grammar, "match_point", _old_point)
        for text, pos, ctx, found in cases:
            assert _old_compound(text, pos, ctx) == found, (text, pos, ctx)
            taken += found is not None
    return taken


def _floors(texts: list[str]) -> int:
    """match_point past a floor is the plain point when it ends after the floor, else None."""
    reached = 0
    for text in texts:
        for pos in _places(text):
            for ctx in CONTEXTS:
                plain = _old_point(text, pos, ctx)
                ends = {-1, pos, pos + 1, pos + 4, pos + 9}
                if plain is not None:
                    ends |= {plain[1] - 1, plain[1], plain[1] + 1}
                for beyond in sorted(ends):
                    expected = plain if plain is not None and plain[1] > beyond else None
                    assert grammar.match_point(text, pos, ctx, beyond) == expected
                    reached += expected is not None and beyond >= pos
    return reached


def test_floored_points_on_the_repo_and_corpus() -> None:
    lines = [line for text in REPO for line in text.split("\n") if re.search(r"\d", line)]
    assert _floors(lines[::7]) > 500


def test_floored_points_on_generated_text() -> None:
    assert _floors(GENERATED[::5]) > 2000


def test_compounds_on_the_repo_and_corpus(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = [line for text in REPO for line in text.split("\n") if re.search(r"\d", line)]
    assert _compare(lines[::3], monkeypatch) > 1000


def test_compounds_on_generated_text(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _compare(GENERATED[::2], monkeypatch) > 2000


def test_results_are_the_same_with_the_old_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = GENERATED[::11]
    fast = _results(texts)
    with monkeypatch.context() as patch:
        patch.setattr(grammar, "match_point", _old_point)
        patch.setattr(grammar, "match_compound", _old_compound)
        slow = _results(texts)
    assert sum(r is not None for r in slow) > 100
    assert fast == slow
