"""Durations (C18): '3h 45m', 'for three weeks', '~20 hrs' to a Duration; never a date."""

from __future__ import annotations

import re

from ..models import Duration, assembled
from .placeholders import placeholder
from .vocab import NUMBER_BY_WORD, UNIT_BY_NAME, case_unsafe

_WORDS = "|".join(
    re.escape(w).replace(r"\ ", r"\s+") for w in sorted(NUMBER_BY_WORD, key=len, reverse=True)
)
_UNIT = "|".join(sorted(UNIT_BY_NAME, key=len, reverse=True))
# Word counts need a space before the unit, or "and" would read as "an d(ay)".
# A count starts where its digits start ((?<![\d.,])): otherwise every digit of a long run would
# be tried as a start, which is quadratic.
_PART = rf"(?:(?<![\d.,])(?P<n>\d+(?:[.,]\d+)?)\s*|(?P<w>\b(?:{_WORDS}))\s+)(?P<u>{_UNIT})(?![a-z])"
_PLAIN_PART = re.sub(r"\?P<\w+>", "", _PART)
_PART_RE = re.compile(_PART, re.I)
_VAGUE = re.compile(
    r"~|≈|\b(?:about|around|approx\w*|roughly|nearly|almost|over|under|"
    r"some|circa|ca\.|several|a\s+few|few|a\s+couple)",
    re.I,
)
_DURATION = re.compile(
    r"(?<![\w:/.~≈-])(?P<pre>(?:(?:within|for|after|lasting|about|around|approximately|"
    r"approx\.?|roughly|nearly|almost|over|under|some|~|≈)\s*){0,3})"
    rf"(?P<body>{_PART}(?:\s*(?:,|and|,\s*and)?\s*{_PLAIN_PART})*)"
    r"(?P<post>\s*(?:or\s+so|-?ish))?(?![\w:])",
    re.I,
)
# Not durations: an offset ('3 days ago') or a date ('2 Mar').
_NOT_AFTER = re.compile(r"\s+(?:ago|earlier|later|before|after|prior|from\s+now)\b", re.I)
_NO_PLAIN_COUNT = frozenset({"s", "m", "h", "d", "w", "y"})
# The words of a vague count, compiled once (re.search looked the pattern up in re's cache).
_FEW = re.compile(r"several|few|couple", re.I)
# findall gives each part's groups in this order ('' for one that did not take part)
assert tuple(_PART_RE.groupindex) == ("n", "w", "u") and _PART_RE.groups == 3


def _seconds(parts: list[tuple[str, str, str]]) -> float:
    """The seconds of a body's parts (_PART_RE.findall(body)): find_duration has found them
    already, where a second pass of _PART_RE over the body read the same matches again."""
    total = 0.0
    for number, word, unit in parts:
        if number:
            value = float(number.replace(",", "."))
        else:
            value = NUMBER_BY_WORD[" ".join(word.lower().split())][0]
        total += value * UNIT_BY_NAME[unit.lower()][1]
    return total


def find_duration(text: str) -> Duration | None:
    """The first duration stated in text; None when there is none."""
    for m in _DURATION.finditer(text):
        if _NOT_AFTER.match(text, m.end()):
            continue
        body = m.group("body")
        if case_unsafe(body):  # 'dayſ': see vocab.case_unsafe
            continue
        words = _PART_RE.findall(body)
        if len(words) == 1 and words[0][2].lower() in _NO_PLAIN_COUNT and " " in body.strip():
            continue  # '5 m' alone is too weak; '5m' or '3h 45m' are durations
        seconds = _seconds(words)
        if seconds <= 0:
            continue
        vague = bool(_VAGUE.search(m.group("pre") or "") or m.group("post"))
        vague = vague or bool(_FEW.search(body))
        raw = m.group(0).strip()
        # Duration(text=raw, seconds=seconds, approximate=vague) not validated
        # (models.assembled): a str, a float (the sum opens at 0.0) and a bool, which the
        # validator hands on as they are (tests/test_dates_perf29_duration.py)
        return assembled(Duration, {"text": raw, "seconds": seconds, "approximate": vague}, _GIVEN)
    return None


_GIVEN = frozenset({"text", "seconds", "approximate"})


def parse_duration(text: str) -> Duration | None:
    """A field value such as '3h 45m' or '~17d' to a Duration; None for N/A and non-durations."""
    if not text.strip() or placeholder(text):
        return None
    return find_duration(text)
