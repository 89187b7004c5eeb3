"""Durations (C18): '3h 45m', 'for three weeks', '~20 hrs' to a Duration; never a date."""

from __future__ import annotations

import re

from ..models import Duration
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


def _seconds(body: str) -> float:
    total = 0.0
    for m in _PART_RE.finditer(body):
        if m.group("n"):
            value = float(m.group("n").replace(",", "."))
        else:
            value = NUMBER_BY_WORD[" ".join(m.group("w").lower().split())][0]
        total += value * UNIT_BY_NAME[m.group("u").lower()][1]
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
        seconds = _seconds(body)
        if seconds <= 0:
            continue
        vague = bool(_VAGUE.search(m.group("pre") or "") or m.group("post"))
        vague = vague or bool(re.search(r"several|few|couple", body, re.I))
        raw = m.group(0).strip()
        return Duration(text=raw, seconds=seconds, approximate=vague)
    return None


def parse_duration(text: str) -> Duration | None:
    """A field value such as '3h 45m' or '~17d' to a Duration; None for N/A and non-durations."""
    if not text.strip() or placeholder(text):
        return None
    return find_duration(text)
