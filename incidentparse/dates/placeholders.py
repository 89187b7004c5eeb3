"""Placeholder values (C19): N/A, TBD, Unknown… through the answers table, cheaply and safely."""

from __future__ import annotations

import re

from ..answers import PLACEHOLDERS, is_placeholder

# First words of the answers table's placeholders ("not" for "not applicable"…): a value that
# starts otherwise skips the table's regex, which most date values would pay for nothing.
_PLACEHOLDER_STARTS = frozenset(
    re.split(r"[\s/]", word, maxsplit=1)[0] for word, _, _ in PLACEHOLDERS
)
_FIRST_WORD = re.compile(r"[*_\s]*([^\s/():;.,*_]*)")


_PUNCT_RUN = re.compile(r"([^\w\s]|_)\1{2,}")
# What _FIRST_WORD skips or stops at: after any other character the first word starts there.
_NOT_A_WORD_START = frozenset("*_/():;.,")
# The first letters of those words: a value starting otherwise ('2026-04-03', 'March') is no
# placeholder, told without the regex. Only ASCII letters and dashes are in it, and the only
# characters lower-casing to an ASCII letter are ASCII letters, 'İ' ('i') and the Kelvin sign.
_INITIALS = frozenset(word[0] for word in _PLACEHOLDER_STARTS)


def placeholder(value: str) -> bool:
    """N/A, TBD, Unknown… (the answers table), read cheaply and safely.

    Values whose first word starts no placeholder skip the table's regex; the others are passed
    with blank runs folded and punctuation runs cut to two ('**N/A**' keeps its markup), because
    that regex backtracks badly on long runs of either. A value that is exactly a table word as
    it is commonly written ('N/A', 'TBD', 'Unknown') is told by one set look-up (_WRITTEN).
    """
    if value in _WRITTEN:
        return True
    return _placeholder(value)


def _placeholder(value: str) -> bool:
    """placeholder() read in full: the definition, and the way for every value not in _WRITTEN."""
    first = value[:1]
    word_start = first and first not in _NOT_A_WORD_START and not first.isspace()
    if word_start and first.lower()[:1] not in _INITIALS:
        return False  # its first word starts there, and no placeholder word starts so
    m = _FIRST_WORD.match(value)
    word = m.group(1).lower() if m else ""
    if word and word not in _PLACEHOLDER_STARTS:
        return False
    return is_placeholder(_PUNCT_RUN.sub(r"\1\1", " ".join(value.split())))


# The answers table's words as they are commonly written whole ('N/A', 'n/a', 'TBD', 'Unknown',
# 'Not applicable', 'None'), kept only where _placeholder itself says True: built at import by
# the definition, so a look-up answers what the definition answers, for a pure function of the
# str. A stated duration or date field given as 'N/A' cost ~7 us in _placeholder (its regexes,
# a join, the answers table's classify) for what a set look-up tells
# (tests/test_dates_perf29_placeholder.py).
_WRITTEN: frozenset[str] = frozenset(
    variant
    for word, _, _ in PLACEHOLDERS
    for variant in (word, word.upper(), word.capitalize(), word.title())
    if _placeholder(variant)
)
