"""Vocabulary of date expressions as data tables: months, weekdays, counts, units, markers."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from ..shared_reads import ascii_replaced

# One row per month: (number, spellings). Abbreviations with a trailing '.' are matched by
# the grammar; "sept" is common in US prose.
MONTHS: tuple[tuple[int, tuple[str, ...]], ...] = (
    (1, ("january", "jan")),
    (2, ("february", "feb")),
    (3, ("march", "mar")),
    (4, ("april", "apr")),
    (5, ("may",)),
    (6, ("june", "jun")),
    (7, ("july", "jul")),
    (8, ("august", "aug")),
    (9, ("september", "sept", "sep")),
    (10, ("october", "oct")),
    (11, ("november", "nov")),
    (12, ("december", "dec")),
)
MONTH_BY_NAME = {name: number for number, names in MONTHS for name in names}

# One row per weekday (Monday = 0, as datetime.date.weekday()).
WEEKDAYS: tuple[tuple[int, tuple[str, ...]], ...] = (
    (0, ("monday", "mon")),
    (1, ("tuesday", "tues", "tue")),
    (2, ("wednesday", "wed")),
    (3, ("thursday", "thurs", "thur", "thu")),
    (4, ("friday", "fri")),
    (5, ("saturday", "sat")),
    (6, ("sunday", "sun")),
)
WEEKDAY_BY_NAME = {name: number for number, names in WEEKDAYS for name in names}

# Counts written as words; vague counts carry approximate=True (C11).
NUMBER_WORDS: tuple[tuple[str, int, bool], ...] = (
    ("a", 1, False),
    ("an", 1, False),
    ("one", 1, False),
    ("two", 2, False),
    ("three", 3, False),
    ("four", 4, False),
    ("five", 5, False),
    ("six", 6, False),
    ("seven", 7, False),
    ("eight", 8, False),
    ("nine", 9, False),
    ("ten", 10, False),
    ("eleven", 11, False),
    ("twelve", 12, False),
    ("fifteen", 15, False),
    ("twenty", 20, False),
    ("thirty", 30, False),
    ("forty-eight", 48, False),
    ("a couple of", 2, True),
    ("a couple", 2, True),
    ("a few", 3, True),
    ("few", 3, True),
    ("several", 3, True),
)
NUMBER_BY_WORD = {word: (value, vague) for word, value, vague in NUMBER_WORDS}

# Units of relative offsets and durations: (spelling, canonical unit, seconds).
UNITS: tuple[tuple[str, str, float], ...] = (
    ("seconds", "second", 1),
    ("second", "second", 1),
    ("secs", "second", 1),
    ("sec", "second", 1),
    ("s", "second", 1),
    ("minutes", "minute", 60),
    ("minute", "minute", 60),
    ("mins", "minute", 60),
    ("min", "minute", 60),
    ("m", "minute", 60),
    ("hours", "hour", 3600),
    ("hour", "hour", 3600),
    ("hrs", "hour", 3600),
    ("hr", "hour", 3600),
    ("h", "hour", 3600),
    ("days", "day", 86400),
    ("day", "day", 86400),
    ("d", "day", 86400),
    ("weeks", "week", 604800),
    ("week", "week", 604800),
    ("wks", "week", 604800),
    ("wk", "week", 604800),
    ("w", "week", 604800),
    ("months", "month", 2629746),
    ("month", "month", 2629746),
    ("mos", "month", 2629746),
    ("years", "year", 31556952),
    ("year", "year", 31556952),
    ("yrs", "year", 31556952),
    ("yr", "year", 31556952),
    ("y", "year", 31556952),
)
UNIT_BY_NAME = {name: (unit, seconds) for name, unit, seconds in UNITS}

# Approximation markers before an expression (C17); "-ish" and "or so" follow it.
APPROX_PREFIXES: tuple[str, ...] = (
    "approximately",
    "approx.",
    "approx",
    "around",
    "about",
    "circa",
    "ca.",
    "roughly",
    "sometime in",
    "some time in",
    "sometime around",
    "~",
    "≈",
)
APPROX_SUFFIXES: tuple[str, ...] = ("-ish", "ish", " or so")

# Parts of a month (C4) and of a year (C5): spelling -> 0 early, 1 mid, 2 late.
PARTS: tuple[tuple[str, int], ...] = (
    ("early", 0),
    ("beginning of", 0),
    ("the beginning of", 0),
    ("start of", 0),
    ("the start of", 0),
    ("first days of", 0),
    ("the first days of", 0),
    ("mid", 1),
    ("middle of", 1),
    ("the middle of", 1),
    ("late", 2),
    ("end of", 2),
    ("the end of", 2),
    ("last days of", 2),
    ("the last days of", 2),
)
PART_BY_WORD = {word: part for word, part in PARTS}

# Day ranges of the parts of a month (C4), last day None = end of month.
MONTH_PART_DAYS: tuple[tuple[int, int | None], ...] = ((1, 10), (11, 20), (21, None))
# Month ranges of the parts of a year (C5), in thirds.
YEAR_PART_MONTHS: tuple[tuple[int, int], ...] = ((1, 4), (5, 8), (9, 12))

ORDINALS: tuple[tuple[str, int], ...] = (
    ("first", 1),
    ("1st", 1),
    ("second", 2),
    ("2nd", 2),
    ("third", 3),
    ("3rd", 3),
    ("fourth", 4),
    ("4th", 4),
)
ORDINAL_BY_WORD = {word: n for word, n in ORDINALS}

# Words that end an open span: "March 3 – present".
OPEN_END_WORDS: tuple[str, ...] = ("present", "now", "today", "ongoing", "date", "current")

# The characters re.I reads as an ASCII letter that str.lower() does not turn into that letter
# (İ ı ſ; 'İ' also lower-cases to two characters). The fast paths that search the lower-cased
# text instead of using re.I take the re.I way for a text holding one (tests/test_dates_perf.py
# checks this list against every character).
CASE_UNSAFE = frozenset("\u0130\u0131\u017f")


def case_unsafe(text: str) -> bool:
    """Whether text holds a CASE_UNSAFE character. A pattern reads 'ſunday' or 'aprİl' under
    re.I, but no table holds their lower case ('ſunday', 'apri̇l'): the grammar reads no date
    from such a match, where a table look-up would fail or a comparison read the wrong word."""
    return not text.isascii() and any(char in text for char in CASE_UNSAFE)


def ascii_lower(text: str) -> bytes:
    """text lower-cased for finding ASCII words in it: ASCII characters lower-cased, every other
    character one '?'. Where no CASE_UNSAFE character is in text, an ASCII word without a 'k'
    is found at the offsets text.lower() has it at (no other character but the Kelvin sign,
    which becomes 'k', lower-cases to an ASCII one: tests/test_dates_perf8.py). str.lower()
    costs some 25 instructions a character once a text holds any non-ASCII one (most reports:
    a dash, a quote); this costs a few."""
    return ascii_replaced(text).lower()  # the report's encoding is shared within a parse


def trie_pattern(words: Iterable[str]) -> str:
    """A regex for exactly these words, shaped as a trie: the engine follows one branch per
    letter instead of trying each of some 150 words in turn. Its branches try the longer word
    first, backtracking to the shorter: it matches what an alternation of the words sorted
    longest first matches, whatever follows the pattern (tests/test_dates_perf9.py)."""
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_branch(tree)


def _trie_branch(node: dict[str, Any]) -> str:
    branches = [
        re.escape(char) + _trie_branch(child) for char, child in sorted(node.items()) if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body
