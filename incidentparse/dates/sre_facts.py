"""What a compiled regex can match, read once from CPython's regex parser: its longest match and
the characters a match can start with. The grammar uses both to leave out regexes that cannot
match at a position. Both answers are safe over-estimates: without the parser (another Python),
every width is unbounded and every character a possible start.
"""

from __future__ import annotations

import re
import sys
from typing import Any

_PARSER: Any = getattr(re, "_parser", None)
_C: Any = getattr(re, "_constants", None)
_UNBOUNDED = 65535  # sre reports unbounded repeats as MAXREPEAT (4294967295) or more


def max_width(pattern: re.Pattern[str]) -> int:
    """The longest match of pattern (sys.maxsize when unbounded or unknown)."""
    try:
        width = int(_PARSER.parse(pattern.pattern, pattern.flags).getwidth()[1])
    except (AttributeError, TypeError, ValueError, re.error):  # no parser: no bound
        return sys.maxsize
    return width if width < _UNBOUNDED else sys.maxsize


def initials(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """The lower-cased ASCII characters a match can start with; None when it may start with any
    (or with nothing). A character outside ASCII is never ruled out by this set, since
    re.IGNORECASE folds some of them onto ASCII letters ('ſ' is 's', the Kelvin sign 'k')."""
    try:
        parsed = _PARSER.parse(pattern.pattern, pattern.flags)
        chars, nullable = _first(parsed.data)
    except (AttributeError, TypeError, ValueError, re.error):
        return None
    if chars is None or nullable:
        return None
    # Every ASCII spelling of each character in either case ('ſ' in a pattern reads 's', 'S').
    spellings = (variant for c in chars for variant in (c, c.lower(), c.upper(), c.casefold()))
    return frozenset(v.lower() for spelling in spellings for v in spelling if v.isascii())


def _ascii_members(escape: str) -> set[str]:
    """The ASCII characters of a class such as \\d (the others are always tried)."""
    return {chr(code) for code in range(128) if re.fullmatch(escape, chr(code))}


_CATEGORY: dict[Any, str] = (
    {
        _C.CATEGORY_DIGIT: r"\d",
        _C.CATEGORY_NOT_DIGIT: r"\D",
        _C.CATEGORY_SPACE: r"\s",
        _C.CATEGORY_NOT_SPACE: r"\S",
        _C.CATEGORY_WORD: r"\w",
        _C.CATEGORY_NOT_WORD: r"\W",
    }
    if _C is not None
    else {}
)


def never_first(chars: frozenset[str] | None) -> frozenset[str]:
    """The ASCII characters, in either case, outside initials(): a position starting with one
    cannot start a match, told by one set lookup of the character."""
    if chars is None:
        return frozenset()
    return frozenset(chr(code) for code in range(128) if chr(code).lower() not in chars)


_Chars = tuple[set[str] | None, bool]  # (possible first characters or None for any, can be empty)


def _first(items: list[tuple[Any, Any]]) -> _Chars:
    """First characters of a sequence of sre items, and whether the sequence can match ''."""
    chars: set[str] = set()
    for op, arg in items:
        if op in (_C.AT, _C.ASSERT, _C.ASSERT_NOT):
            continue  # zero width: what follows starts the match (a superset is safe)
        got, nullable = _first_item(op, arg)
        if got is None:
            return None, False
        chars |= got
        if not nullable:
            return chars, False
    return chars, True


def _first_item(op: Any, arg: Any) -> _Chars:
    if op is _C.LITERAL:
        return {chr(arg)}, False
    if op is _C.IN:
        found: set[str] = set()
        for kind, value in arg:
            if kind is _C.LITERAL:
                found.add(chr(value))
            elif kind is _C.RANGE and value[1] - value[0] < 256:
                found.update(chr(code) for code in range(value[0], value[1] + 1))
            elif kind is _C.CATEGORY and value in _CATEGORY:
                found.update(_ascii_members(_CATEGORY[value]))
            else:  # NEGATE, wide ranges: any character
                return None, False
        return found, False
    if op is _C.SUBPATTERN:
        return _first(arg[3].data)
    if op is _C.ATOMIC_GROUP:
        return _first(arg.data)
    if op is _C.BRANCH:
        return _union([_first(branch.data) for branch in arg[1]])
    if op in (_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT):
        got, nullable = _first(arg[2].data)
        return got, nullable or arg[0] == 0
    if op is _C.GROUPREF_EXISTS:
        no = _first(arg[2].data) if arg[2] is not None else (set(), True)
        return _union([_first(arg[1].data), no])
    return None, False  # ANY, NOT_LITERAL, GROUPREF…: any character


def _union(parts: list[_Chars]) -> _Chars:
    chars: set[str] = set()
    for got, _ in parts:
        if got is None:
            return None, False
        chars |= got
    return chars, any(nullable for _, nullable in parts)
