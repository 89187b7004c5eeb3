"""Time zones (C15): a zone word or offset from the text to a UTC conversion, and zone declarations.

Abbreviations map to fixed *literal* offsets (a report that writes "PST" in April means -8 or made
a mistake; we keep -8 and flag it as suspect). Region words such as "Eastern" follow daylight
saving through the stdlib zoneinfo database, since they name no offset at all.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .vocab import CASE_UNSAFE, ascii_lower, trie_pattern

# One row per abbreviation: (name, offset in minutes, region whose DST tells whether the
# abbreviation fits the date, is-daylight-time, offsets of the other meanings).
ABBREVIATIONS: tuple[tuple[str, int, str | None, bool | None, tuple[int, ...]], ...] = (
    ("UTC", 0, None, None, ()),
    ("GMT", 0, None, None, ()),
    ("UT", 0, None, None, ()),
    ("Z", 0, None, None, ()),
    ("EST", -300, "America/New_York", False, ()),
    ("EDT", -240, "America/New_York", True, ()),
    ("CST", -360, "America/Chicago", False, ()),
    ("CDT", -300, "America/Chicago", True, ()),
    ("MST", -420, "America/Denver", False, ()),
    ("MDT", -360, "America/Denver", True, ()),
    ("PST", -480, "America/Los_Angeles", False, ()),
    ("PDT", -420, "America/Los_Angeles", True, ()),
    ("AKST", -540, "America/Anchorage", False, ()),
    ("AKDT", -480, "America/Anchorage", True, ()),
    ("HST", -600, None, None, ()),
    ("WET", 0, "Europe/Lisbon", False, ()),
    ("WEST", 60, "Europe/Lisbon", True, ()),
    ("CET", 60, "Europe/Berlin", False, ()),
    ("CEST", 120, "Europe/Berlin", True, ()),
    ("EET", 120, "Europe/Helsinki", False, ()),
    ("EEST", 180, "Europe/Helsinki", True, ()),
    ("MSK", 180, None, None, ()),
    ("SGT", 480, None, None, ()),
    ("HKT", 480, None, None, ()),
    ("AWST", 480, None, None, ()),
    ("JST", 540, None, None, ()),
    ("KST", 540, None, None, ()),
    ("AEST", 600, "Australia/Sydney", False, ()),
    ("AEDT", 660, "Australia/Sydney", True, ()),
    ("NZST", 720, "Pacific/Auckland", False, ()),
    ("NZDT", 780, "Pacific/Auckland", True, ()),
    # Several meanings: the first offset is used, the span is flagged ambiguous (C15).
    ("IST", 330, None, None, (60, 120)),  # India, Ireland, Israel
    ("BST", 60, None, None, (360,)),  # British Summer Time, Bangladesh
    ("AST", -240, None, None, (180,)),  # Atlantic, Arabia
)
_ABBR = {row[0]: row for row in ABBREVIATIONS}

# Spelled-out names: (lower-case words, abbreviation or IANA region).
LONG_NAMES: tuple[tuple[str, str], ...] = (
    ("coordinated universal time", "UTC"),
    ("universal time", "UTC"),
    ("greenwich mean time", "GMT"),
    ("eastern standard time", "EST"),
    ("eastern daylight time", "EDT"),
    ("central standard time", "CST"),
    ("central daylight time", "CDT"),
    ("mountain standard time", "MST"),
    ("mountain daylight time", "MDT"),
    ("pacific standard time", "PST"),
    ("pacific daylight time", "PDT"),
    ("central european summer time", "CEST"),
    ("central european time", "CET"),
    ("eastern european summer time", "EEST"),
    ("eastern european time", "EET"),
    ("british summer time", "UTC+1"),
    ("eastern time", "America/New_York"),
    ("eastern", "America/New_York"),
    ("pacific time", "America/Los_Angeles"),
    ("pacific", "America/Los_Angeles"),
    ("central time", "America/Chicago"),
    ("mountain time", "America/Denver"),
    ("ET", "America/New_York"),
    ("PT", "America/Los_Angeles"),
    ("CT", "America/Chicago"),
)
_LONG = {name.lower(): target for name, target in LONG_NAMES}

# A bare offset needs a space before it: "02:00-04:30" is a range, "14:00 -0700" an offset.
_OFFSET = r"(?:UTC|GMT)\s?[+\-−]\s?\d{1,2}(?::?\d{2})?|(?<=\s)[+\-−]\d{2}:?\d{2}"
_ABBR_WORDS = [row[0] for row in ABBREVIATIONS if row[0] != "Z"]
# Two-letter region codes only in capitals ("ET", "PT"): a branch of their own.
_CAPITALS_ONLY = ("ET", "PT", "CT")
_LONG_WORDS = [name for name, _ in LONG_NAMES if name not in _CAPITALS_ONLY]
# Each word list as a trie, not as an alternation sorted longest first: the two match the same
# text (the trie tries the longer word first too), but the alternation is tried at every time
# the grammar reads and every 'time' of a report, some 70 case-insensitive branches each.
_ABBR_ALT = trie_pattern(_ABBR_WORDS)
_LONG_ALT = trie_pattern(_LONG_WORDS)
# A zone written after a time.
ZONE_PATTERN = (
    rf"(?:{_OFFSET}|(?i:{_LONG_ALT})(?![a-z])"
    rf"|(?i:{_ABBR_ALT})(?![A-Za-z])|(?-i:ET|PT|CT|Z)\b)"
)
_OFFSET_RE = re.compile(
    r"(?:UTC|GMT)?\s?(?P<sign>[+\-−])\s?(?P<h>\d{1,2})(?::?(?P<m>\d{2}))?$", re.I
)


@dataclass(frozen=True)
class Zone:
    """A resolved zone word: fixed offset or IANA region, with its doubts."""

    name: str
    offset: int | None = None  # minutes east of UTC, when fixed
    region: str | None = None  # IANA name, when the word follows daylight saving
    check_region: str | None = None  # region whose DST the abbreviation should match
    daylight: bool | None = None
    others: tuple[int, ...] = ()  # offsets of other meanings (ambiguous abbreviations)

    @property
    def ambiguous(self) -> bool:
        return bool(self.others)

    # Worked out once per zone, not per stamp: the zone of a document's stamps is the same one
    # over and over (cached_property writes to the instance's __dict__, frozen or not). shift
    # and other_readings are public: resolve._clock_span reads them for a fixed-offset zone.
    @cached_property
    def _region_tz(self) -> ZoneInfo | None:
        return _zoneinfo(self.region) if self.region else None

    @cached_property
    def shift(self) -> dt.timedelta:
        return dt.timedelta(minutes=self.offset if self.offset is not None else 0)

    @cached_property
    def other_readings(self) -> tuple[tuple[dt.timedelta, str], ...]:
        return tuple(
            (dt.timedelta(minutes=other), f"{self.name} as {utc_offset(other)}")
            for other in self.others
        )

    def to_utc(self, local: dt.datetime) -> dt.datetime:
        """Convert a naive local datetime in this zone to an aware UTC datetime."""
        tz = self._region_tz
        if tz is not None:
            return _with_tz(local, tz).astimezone(dt.timezone.utc)
        return _with_tz(local, dt.timezone.utc) - self.shift

    def alternatives(self, local: dt.datetime) -> list[tuple[dt.datetime, str]]:
        """The same local time read with each other meaning: (UTC instant, 'IST as UTC+01:00')."""
        return [
            (_with_tz(local, dt.timezone.utc) - shift, reading)
            for shift, reading in self.other_readings
        ]

    def suspect(self, day: dt.date) -> bool:
        """True when a DST-specific abbreviation contradicts the date ('PST' in April)."""
        if self.check_region is None or self.daylight is None:
            return False
        tz = _zoneinfo(self.check_region)
        if tz is None:
            return False
        noon = dt.datetime(day.year, day.month, day.day, 12, tzinfo=tz)
        return bool(noon.dst()) != self.daylight


def utc_offset(minutes: int) -> str:
    """Minutes east of UTC as 'UTC+05:30'."""
    sign = "+" if minutes >= 0 else "-"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _with_tz(local: dt.datetime, tz: dt.tzinfo) -> dt.datetime:
    """local.replace(tzinfo=tz), built by the constructor: replace() parses its keywords and
    costs twice as much, once per stamp. Fields beyond the second are kept too."""
    if local.fold:
        return local.replace(tzinfo=tz)
    return dt.datetime(
        local.year,
        local.month,
        local.day,
        local.hour,
        local.minute,
        local.second,
        local.microsecond,
        tz,
    )


@lru_cache(maxsize=64)
def _zoneinfo(name: str) -> ZoneInfo | None:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


UTC = Zone("UTC", 0)


@lru_cache(maxsize=256)
def lookup_zone(text: str) -> Zone | None:
    """A zone word, abbreviation, offset or IANA name to a Zone; None when unknown."""
    word = " ".join(text.strip().split()).replace("−", "-")
    if not word:
        return None
    target = _LONG.get(word.lower()) or _LONG.get(word) or word
    row = _ABBR.get(target.upper())
    if row is not None:
        name, offset, region, daylight, others = row
        return Zone(name, offset, None, region, daylight, others)
    match = _OFFSET_RE.match(target)
    if match:
        minutes = int(match.group("h")) * 60 + int(match.group("m") or 0)
        if minutes > 14 * 60:
            return None
        return Zone(word, -minutes if match.group("sign") in "-−" else minutes)
    if "/" in target and _zoneinfo(target) is not None:
        return Zone(word, None, target)
    return None


_DECLARATION = re.compile(
    r"\b(?:all\s+)?(?:times?|timestamps?)\s+(?:are\s+|were\s+|listed\s+|shown\s+|given\s+|"
    r"below\s+|here\s+|is\s+|:\s*)*(?:in\s+|as\s+)?(?:both\s+)?(?:the\s+)?"
    rf"(?P<zone>{ZONE_PATTERN})",
    re.I,
)
# The same from its word 'time' on ('all' changes nothing that is read): tried only where that
# word starts, found with str.find in the lower-cased text, not at every position of the text.
# After 'time' and its blanks comes a prefix word or a zone, and none starts with a blank (so
# the blanks are taken whole): its first character is one of a prefix word's, a zone word's, an
# offset's ('UTC+2', '+02:00', '−'), or any beyond ASCII (a letter that re.I folds to one of
# them). A look-ahead for it there turns most 'time's of prose away ('this time Full SSL')
# before the prefix words and the zone tries are tried at the word (~6-10 us a 'time'); it
# turns away no match (tests/test_timeline_perf34_zone.py).
_PREFIX_WORDS = (
    "are", "were", "listed", "shown", "given", "below", "here", "is", ":", "in", "as", "both",
    "the",
)  # fmt: skip
assert all(f"{word}\\s" in _DECLARATION.pattern for word in _PREFIX_WORDS)
_DECLARATION_FIRST = sorted(
    {
        word[0].lower()
        for word in (*_PREFIX_WORDS, *_ABBR_WORDS, *_LONG_WORDS, *_CAPITALS_ONLY, "Z", "UTC", "GMT")
    }
    | {"+", "-"}
)
_DECLARATION_AT = re.compile(
    _DECLARATION.pattern.replace(r"\b(?:all\s+)?", r"(?<!\w)", 1).replace(
        r"timestamps?)\s+",
        r"timestamps?)\s+(?=[" + re.escape("".join(_DECLARATION_FIRST)) + r"\x80-\U0010ffff])",
        1,
    ),
    re.I,
)
assert "(?=[" in _DECLARATION_AT.pattern


def zone_declaration(text: str) -> str | None:
    """Read a document's zone declaration ('All times in PDT', '(times in BST)') to a zone name.

    The result is accepted as ``default_zone``; "Eastern Time" gives its IANA region.
    """
    return lowered_declaration(text, None)


def lowered_declaration(text: str, lowered: str | None) -> str | None:
    """zone_declaration(text), given text.lower() when the caller has it (see _declarations)."""
    for match in _declarations(text, lowered):
        zone = lookup_zone(match.group("zone"))
        if zone is not None:
            return zone.region or zone.name
    return None


def _declarations(text: str, lowered: str | None = None) -> Iterator[re.Match[str]]:
    """_DECLARATION.finditer(text), by the starts of 'time'. The same matches: a match whose
    zone is unknown (an offset past 14 h) holds no other 'time' for finditer to skip.

    The starts are found in ``lowered`` (text.lower()) when it is given and as long as text:
    a whole report's is built once per parse anyway (extract.Context.lowered), where
    ascii_lower cost a pass over the report (its encoding, slow once the text holds a
    character beyond ASCII). The same starts: only 'İ' lower-cases to more than one character,
    so with the lengths equal each character is lowered in place, and none beyond ASCII
    lower-cases to 't', 'i', 'm' or 'e' (the Kelvin sign's 'k' is the only ASCII letter one
    gives), so 'time' stands in both at the same offsets (tests/test_timeline_perf26_zone.py
    checks every character)."""
    if any(char in text for char in CASE_UNSAFE):
        yield from _DECLARATION.finditer(text)
        return
    if lowered is not None and len(lowered) == len(text):
        pos = lowered.find("time")
        while pos >= 0:
            match = _DECLARATION_AT.match(text, pos)
            if match is not None:
                yield match
            pos = lowered.find("time", pos + 1)
        return
    lower = ascii_lower(text)  # same offsets: no CASE_UNSAFE character is in the text
    pos = lower.find(b"time")
    while pos >= 0:
        match = _DECLARATION_AT.match(text, pos)
        if match is not None:
            yield match
        pos = lower.find(b"time", pos + 1)
