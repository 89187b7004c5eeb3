"""The date engine's per-expression shortcuts give exactly what their plain forms give.

Round 2 of the speed work: merged rules, finer rule selection, skipped rules, cheaper arithmetic.
Each is compared with the straightforward form on the fixtures, the docs, the shared corpus and
generated date-dense text (the inputs of test_dates_perf). No timings here.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from dateutil.relativedelta import relativedelta

from incidentparse.dates import points
from incidentparse.dates.points import DAY, MONTH, RULES, RULES_BY_KEY, YEAR, YEAR2, rules_at

from .test_dates_perf import TEXTS

# --- the month rule: the day form, else the month alone ----------------------------------------

_MONTH_DAY = re.compile(
    rf"{MONTH}[\s-]?{DAY}(?:(?:\s*,\s*|\s+|-)(?:{YEAR}|{YEAR2}))?(?!\s*(?:hosts?|users?))", re.I
)
_MONTH = re.compile(rf"{MONTH}(?:(?:\s*,\s*|\s+|-)(?:{YEAR}|{YEAR2}))?", re.I)
_RULE = {rule.name: rule for rule in RULES}


def _month_places() -> list[tuple[str, int]]:
    word = re.compile(r"[A-Za-z\u0130\u0131\u017f\u212a]")
    return [(text, m.start()) for text in TEXTS for m in word.finditer(text)]


def test_one_month_rule_reads_what_the_day_and_month_rules_read() -> None:
    """The merged rule matches where the day rule does, as far; elsewhere as the month rule."""
    merged = _RULE["month_day"].pattern
    taken = 0
    for text, pos in _month_places():
        day, alone, both = _MONTH_DAY.match(text, pos), _MONTH.match(text, pos), None
        both = merged.match(text, pos)
        plain = day or alone
        assert (both and both.span()) == (plain and plain.span()), (text, pos)
        if both and plain:
            assert both.group("day") == (day.group("day") if day else None)
            assert both.group("mon", "year", "yy") == plain.group("mon", "year", "yy")
            taken += 1
    assert taken > 1000


def test_the_day_form_is_always_longer_than_the_month_alone() -> None:
    """Why one rule can stand for two: where both match, the month alone never wins."""
    for text, pos in _month_places():
        day, alone = _MONTH_DAY.match(text, pos), _MONTH.match(text, pos)
        if day and alone:
            assert alone.end() < day.end(), (text, pos)


# --- rules_at: the letter after a digit run ------------------------------------------------------


def test_rules_left_out_by_the_letter_after_digits_never_match() -> None:
    run = re.compile(r"\d+")
    checked = 0
    for text in TEXTS:
        for m in run.finditer(text):
            if not text[m.end() : m.end() + 1].isalpha():
                continue
            length = len(m.group())
            size = "2" if length <= 2 else "3" if length == 3 else "4" if length == 4 else "8"
            every = set(RULES_BY_KEY[f"#{size}a"])
            for rule in every - set(rules_at(text, m.start())):
                assert rule.pattern.match(text, m.start()) is None, (rule.name, text)
                checked += 1
    assert checked > 1000


@pytest.mark.parametrize("letter", ["\u0130", "\u0131", "\u017f", "\u212a", "é", "ß"])
def test_a_letter_outside_ascii_tries_every_rule_taking_a_letter(letter: str) -> None:
    """re.IGNORECASE reads 'ſ' as 's' and 'K' (Kelvin) as 'k': no rule is left out for them."""
    assert rules_at(f"3{letter}", 0) == RULES_BY_KEY["#2a"]
    assert rules_at(f"2024{letter}", 0) == RULES_BY_KEY["#4a"]


def test_every_ascii_letter_key_is_a_subset_of_the_any_letter_key() -> None:
    for size in "2348":
        every = set(RULES_BY_KEY[f"#{size}a"])
        for code in range(ord("a"), ord("z") + 1):
            assert set(RULES_BY_KEY[f"#{size}a{chr(code)}"]) <= every


# --- match_point: a rule that cannot reach past the best match is not tried --------------------


def test_no_rule_matches_further_than_its_width() -> None:
    bounded = [rule for rule in RULES if rule.width < 10_000]
    assert {"ymd", "iso_month", "year", "time"} <= {rule.name for rule in bounded}
    for text in TEXTS:
        for pos in range(len(text)):
            if not text[pos].isalnum():
                continue
            for rule in bounded:
                m = rule.pattern.match(text, pos)
                assert m is None or m.end() - pos <= rule.width, (rule.name, text[pos:])


def test_width_of_an_unbounded_pattern_is_no_bound() -> None:
    assert points.max_width(re.compile(r"a+")) > 10**9
    assert points.max_width(re.compile(r"ab?c")) == 3


# --- offsets: fixed-length units as a timedelta ---------------------------------------------------

_DAYS = [dt.date(2024, 2, 29), dt.date(2026, 4, 3), dt.date(1, 1, 1), dt.date(9999, 12, 31)]


def _added(start: dt.date, step: object) -> object:
    try:
        return start + step  # type: ignore[operator]
    except (OverflowError, ValueError) as error:
        return type(error)


@pytest.mark.parametrize("unit", ["second", "minute", "hour", "day", "week", "month", "year"])
def test_shift_adds_what_relativedelta_adds(unit: str) -> None:
    plain = (lambda n: relativedelta(days=7 * n)) if unit == "week" else None
    for count in [*range(-40, 41), 99, -99, 999, -999]:
        reference = plain(count) if plain else relativedelta(**{unit + "s": count})  # type: ignore[arg-type]
        step = points.shift(unit, count)
        for day in _DAYS:
            starts: list[dt.date] = [day, dt.datetime.combine(day, dt.time(23, 59, 30))]
            if unit in ("second", "minute", "hour"):
                starts = starts[1:]  # build_offset adds clock units to datetimes only
            for start in starts:
                assert _added(start, step) == _added(start, reference), (unit, count, start)
