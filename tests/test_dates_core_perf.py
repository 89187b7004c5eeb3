"""The date engine's per-expression shortcuts give exactly what their plain forms give.

Round 2 of the speed work: merged rules, finer rule selection, skipped rules, cheaper arithmetic.
Each is compared with the straightforward form on the fixtures, the docs, the shared corpus and
generated date-dense text (the inputs of test_dates_perf). No timings here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import pytest
from dateutil.relativedelta import relativedelta

from incidentparse.answers import is_placeholder
from incidentparse.dates import grammar, placeholders, points, scan, sre_facts
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


def _matches(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """The match at every position where pattern matches (overlapping ones included)."""
    pos = 0
    while (found := pattern.search(text, pos)) is not None:
        yield pattern.match(text, found.start()) or found
        pos = found.start() + 1


def test_no_rule_matches_further_than_its_width() -> None:
    bounded = [rule for rule in RULES if rule.width < 10_000]
    assert {"ymd", "iso_month", "year", "time"} <= {rule.name for rule in bounded}
    for text in TEXTS:
        for rule in bounded:
            for m in _matches(rule.pattern, text):
                assert m.end() - m.start() <= rule.width, (rule.name, m.group())


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


# --- sre_facts.initials: the characters a match can start with --------------------------------


def _gated_patterns() -> list[re.Pattern[str]]:
    return [grammar._PREFIX_RE, grammar._POINT_START, *(rule.pattern for rule in RULES)]


def test_initials_never_rule_out_a_match() -> None:
    """Wherever a pattern matches, its first character is not in the set that skips it."""
    gated = [(p, sre_facts.never_first(sre_facts.initials(p))) for p in _gated_patterns()]
    assert gated[0][1] == grammar._NO_PREFIX and gated[1][1] == grammar._NO_POINT
    assert len(grammar._NO_PREFIX) > 50 and len(grammar._NO_POINT) > 50  # the gates in use
    matched = 0
    for text in TEXTS:
        for pattern, skipped in gated:
            for m in _matches(pattern, text):
                assert text[m.start() : m.start() + 1] not in skipped, (pattern.pattern[:40], text)
                matched += 1
    assert matched > 10_000


@pytest.mark.parametrize(
    ("pattern", "starts"),
    [
        (re.compile(r"(?:ab|c)d?"), {"a", "c"}),
        (re.compile(r"x?y"), {"x", "y"}),
        (re.compile(r"\d+|Q[1-4]", re.I), {*"0123456789", "q"}),
        (re.compile(r"(?<=~)z|(?=\s)\sk", re.I), {"z", *" \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f"}),
        (re.compile("\u017fep", re.I), {"s"}),  # 'ſ' reads 's' and 'S' under re.I
        (re.compile("\u212a", re.I), {"k"}),  # the Kelvin sign reads 'k'
    ],
)
def test_initials_of_small_patterns(pattern: re.Pattern[str], starts: set[str]) -> None:
    found = sre_facts.initials(pattern)
    assert found is not None and starts <= found


@pytest.mark.parametrize("pattern", [r"a*", r"(?:x|)", r".b", r"[^a]c", r"\bq?"])
def test_initials_of_patterns_that_start_anywhere_are_unknown(pattern: str) -> None:
    assert sre_facts.initials(re.compile(pattern)) is None


def test_the_gate_never_skips_characters_outside_ascii_or_the_text_end() -> None:
    skipped = sre_facts.never_first(frozenset("a"))
    assert "A" not in skipped and "b" in skipped and "B" in skipped
    assert all(char.isascii() and char for char in skipped)


# --- placeholders and templates: substring tests before the regex -----------------------------


def _values() -> list[str]:
    lines = {line for text in TEXTS for line in text.split("\n")}
    cells = {cell for line in lines for cell in line.split("|")}
    extra = ["", " ", "\u0130", "K", "ſ", "Σ", "N/A", "*TBD*", "_none_", "(n/a)", "–", "—"]
    return sorted(lines | cells | {cell.strip() for cell in cells} | set(extra))


def _plain_placeholder(value: str) -> bool:
    m = placeholders._FIRST_WORD.match(value)
    word = m.group(1).lower() if m else ""
    if word and word not in placeholders._PLACEHOLDER_STARTS:
        return False
    return is_placeholder(placeholders._PUNCT_RUN.sub(r"\1\1", " ".join(value.split())))


def test_placeholder_gate_is_the_plain_test() -> None:
    values = _values()
    assert sum(placeholders.placeholder(v) for v in values) > 20
    assert [v for v in values if placeholders.placeholder(v) != _plain_placeholder(v)] == []


def test_template_gate_is_the_search() -> None:
    values = [*_values(), "yyyy-mm-dd", "HH:MM", "hh:mm UTC", "[Date]", "DD/MM", "ⅿⅿ"]
    found = [v for v in values if scan.is_template(v)]
    assert len(found) > 5
    assert [v for v in values if scan.is_template(v) != bool(scan._TEMPLATE.search(v))] == []


# --- extents: scan's expressions without their TimeSpans ----------------------------------------

_OPTIONS = [
    scan.Options(dt.date(2026, 4, 3)),
    scan.Options(dt.date(9999, 12, 20), 9999, "America/New_York", True, 10),  # at the calendar end
    scan.Options(dt.date(1, 1, 5), None, "IST", False),  # at its start
]


@pytest.mark.parametrize("options", _OPTIONS)
def test_extents_are_the_expressions_scan_yields(options: scan.Options) -> None:
    """The same expressions, where the TimeSpan is left out (also where resolving fails)."""
    found = 0
    for text in TEXTS:
        plain = [(e.begin, e.end, e.a, e.b, e.mode) for e, _, _ in scan.scan(text, options)]
        fast = [(e.begin, e.end, e.a, e.b, e.mode) for e in scan.extents(text, options)]
        assert fast == plain, text
        found += len(plain)
    assert found > 1000
