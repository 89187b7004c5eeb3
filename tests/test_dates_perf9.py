"""Round 9 fast paths of the date engine give exactly what their definitions give.

zones.ZONE_PATTERN holds its abbreviations and long names as tries (vocab.trie_pattern): the
zone declarations and the grammar's 'time' rule match what they matched with the alternations
sorted longest first, at every position of the fixtures, docs, corpus and generated texts dense
in zone words (every case, every suffix).

infer_reference_date reads the fields each TimeSpan would be validated from (scan.scan_fields,
resolve.to_fields): the same expressions, sides and values, of the same types. No timings.
"""

from __future__ import annotations

import datetime as dt
import random
import re

from incidentparse.dates import document, points, zones
from incidentparse.dates.scan import Options, scan, scan_fields
from incidentparse.models import TimeSpan

from .test_dates_perf import DOCUMENTS, TEXTS

# --- the zone words as tries ---------------------------------------------------------------------

# ZONE_PATTERN as it was written: each word list an alternation sorted longest first.
_ABBR_SORTED = "|".join(
    sorted((row[0] for row in zones.ABBREVIATIONS if row[0] != "Z"), key=len)[::-1]
)
_LONG_SORTED = "|".join(re.escape(n) for n, _ in sorted(zones.LONG_NAMES, key=lambda r: -len(r[0])))
_ZONE_REFERENCE = (
    rf"(?:{zones._OFFSET}|(?i:{_LONG_SORTED.replace('|ET|PT|CT', '')})(?![a-z])"
    rf"|(?i:{_ABBR_SORTED})(?![A-Za-z])|(?-i:ET|PT|CT|Z)\b)"
)


def _with_reference_zones(pattern: re.Pattern[str]) -> re.Pattern[str]:
    assert zones.ZONE_PATTERN in pattern.pattern
    return re.compile(pattern.pattern.replace(zones.ZONE_PATTERN, _ZONE_REFERENCE), pattern.flags)


def _zone_texts(count: int, seed: int = 99) -> list[str]:
    """Zone words in random case after times and declarations, before letters, digits, blanks."""
    words = [row[0] for row in zones.ABBREVIATIONS] + [name for name, _ in zones.LONG_NAMES]
    words += ["UTC+5", "GMT-07:30", "+0530", "-07:00", "Eastern Time", "pacific", "Centr", "ES"]
    before = ["10:30", "10:30 ", "9pm ", "noon", "12:00:01", "times in ", "All times are ", "x"]
    after = ["", " ", "x", "X", "1", ":3", ".", " time", " Time", "s", "T", "-", "\u212a", "é"]
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(1, 4)):
            word = rng.choice(words)
            word = "".join(c.upper() if rng.random() < 0.5 else c.lower() for c in word)
            if rng.random() < 0.5:
                word = rng.choice(words)
            parts.append(rng.choice(before) + word + rng.choice(after))
        out.append(" ".join(parts))
    return out


_ZONE_TEXTS = TEXTS + _zone_texts(6000)


def _all_matches(pattern: re.Pattern[str], text: str) -> list[tuple[int, str | None, str]]:
    out = []
    for pos in range(len(text)):
        m = pattern.match(text, pos)
        if m is not None:
            out.append((pos, m.group("zone"), m.group(0)))
    return out


def test_zone_tries_match_the_sorted_alternations() -> None:
    for pattern in (zones._DECLARATION, zones._DECLARATION_AT):
        reference = _with_reference_zones(pattern)
        differ = [
            text
            for text in _ZONE_TEXTS
            if _all_matches(pattern, text) != _all_matches(reference, text)
        ]
        assert differ == [], pattern.pattern[:40]


def test_time_rule_matches_as_with_the_sorted_alternations() -> None:
    rule = next(rule for rule in points.RULES if rule.name == "time")
    reference = _with_reference_zones(rule.pattern)
    differ = [
        text
        for text in _ZONE_TEXTS
        if _all_matches(rule.pattern, text) != _all_matches(reference, text)
    ]
    assert differ == []


def test_zone_texts_hold_zones() -> None:
    """The generated texts do exercise the zone branches (the test above is not vacuous)."""
    rule = next(rule for rule in points.RULES if rule.name == "time")
    zoned = {m[1] for text in _ZONE_TEXTS[-6000:] for m in _all_matches(rule.pattern, text) if m[1]}
    assert len({z.upper() for z in zoned}) > 40


# --- infer_reference_date reads fields, not TimeSpans --------------------------------------------


def _reads_reference(text: str) -> list[tuple[object, ...]]:
    """What document._reads stands for: scan()'s TimeSpans, the values R is told from."""
    out: list[tuple[object, ...]] = []
    for expr, span, side in scan(text, Options(document._NEUTRAL)):
        read = (span.start, span.end, span.grain, span.year_source, span.ongoing, span.ambiguous)
        out.append((expr, read, tuple(map(type, read)), side))
    return out


def _reads(text: str) -> list[tuple[object, ...]]:
    return [
        (expr, tuple(read), tuple(map(type, read)), side)
        for expr, read, side in document._reads(text)
    ]


def test_reads_are_the_spans_values() -> None:
    """The same expressions, sides and values (of the same types) as scan()'s TimeSpans, on the
    texts whole and on the lines infer_reference_date keeps of them."""
    texts = [*TEXTS, *(document._worth_scanning(text) for text in DOCUMENTS)]
    differ = [text for text in texts if _reads(text) != _reads_reference(text)]
    assert differ == []
    assert sum(len(_reads(text)) for text in DOCUMENTS) > 500  # not vacuous


def test_scan_fields_validate_to_scans_spans() -> None:
    """scan_fields' fields are what scan()'s TimeSpans were validated from."""
    options = Options(dt.date(2024, 6, 1), 2024, "BST", dayfirst=True)
    for text in DOCUMENTS:
        fields = [(e, TimeSpan(**f), s) for e, f, s in scan_fields(text, options)]
        assert fields == list(scan(text, options))
