"""Round 34: the zone declaration's look-ahead after 'time' and its blanks.

zones._DECLARATION_AT asks, right after 'time' and its blanks, for a character a prefix word, a
zone or an offset can start with (or one beyond ASCII) before it tries the prefix words and the
zones. Compared here with the pattern without it (the reference, built below from
_DECLARATION as before round 34) at every position of the repo's texts, the corpus when
present, the zone texts of round 9 and generated texts: 'time', 'times', 'timestamps' and their
blanks before every character of the Basic Latin and Latin-1 blocks, the letters re.I folds to
ASCII ones ('ſ', 'K', 'ı', 'İ'), each prefix word and zone word in random case. Also
zone_declaration on them. No timings here.
"""

from __future__ import annotations

import random
import re

import pytest

from incidentparse import parse
from incidentparse.dates import zones
from incidentparse.extract import timeline

from .test_dates_perf import DOCUMENTS, TEXTS
from .test_dates_perf9 import _zone_texts

_REFERENCE = re.compile(
    zones._DECLARATION.pattern.replace(r"\b(?:all\s+)?", r"(?<!\w)", 1), re.I
)  # _DECLARATION_AT before round 34


def _matches(pattern: re.Pattern[str], text: str) -> list[tuple[int, int, str | None]]:
    out = []
    for pos in range(len(text)):
        m = pattern.match(text, pos)
        if m is not None:
            out.append((pos, m.end(), m.group("zone")))
    return out


def _generated(count: int, seed: int = 3434) -> list[str]:
    rng = random.Random(seed)
    heads = ["time", "Time", "TIMES", "times", "timestamp", "Timestamps", "all times", "x time"]
    blanks = [" ", "  ", "\t", "\n", " \u00a0", "\u2003", ""]
    words = [*zones._PREFIX_WORDS, *(row[0] for row in zones.ABBREVIATIONS)]
    words += [name for name, _ in zones.LONG_NAMES]
    words += ["UTC+5", "GMT-07:30", "+0530", "-07:00", "−07:00", "Full SSL", "we", "to", "x"]
    chars = [chr(c) for c in range(0x100)] + ["ſ", "\u212a", "ı", "İ", "−", "é", "Ü"]
    out = []
    for char in chars:  # every first character after the blanks
        for head in heads[:4]:
            out.append(f"{head} {char}")
            out.append(f"{head}\t{char}ST rest")
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(1, 5)):
            parts.append(rng.choice(heads) + rng.choice(blanks))
            for _ in range(rng.randint(0, 3)):
                word = rng.choice(words) if rng.random() < 0.8 else rng.choice(chars)
                word = "".join(c.upper() if rng.random() < 0.4 else c for c in word)
                parts.append(word + rng.choice(blanks))
        out.append("".join(parts))
    return out


def test_declaration_lookahead_turns_no_match_away() -> None:
    turned_away = 0
    for text in [*TEXTS, *_zone_texts(3000, seed=3401), *_generated(6000)]:
        assert _matches(zones._DECLARATION_AT, text) == _matches(_REFERENCE, text), repr(text)
        lower = text.lower()
        pos = lower.find("time")
        while pos >= 0:
            head = re.compile(r"(?<!\w)(?:times?|timestamps?)\s+", re.I).match(text, pos)
            if head is not None and zones._DECLARATION_AT.match(text, pos) is None:
                following = text[head.end() : head.end() + 1]
                turned_away += following.lower() not in zones._DECLARATION_FIRST
            pos = lower.find("time", pos + 1)
    assert turned_away > 3000  # the look-ahead itself turns many away, without the corpus too


def test_zone_declaration_unchanged() -> None:
    for text in [*TEXTS, *_generated(3000, seed=3435)]:
        expected = None
        for m in _reference_matches(text):
            zone = zones.lookup_zone(m)
            if zone is not None:
                expected = zone.region or zone.name
                break
        assert zones.zone_declaration(text) == expected, repr(text)


def _reference_matches(text: str) -> list[str]:
    """_DECLARATION.finditer's zones (the definition of zone_declaration's search)."""
    return [m.group("zone") for m in zones._DECLARATION.finditer(text)]


# timeline._zone reads a node without children (every paragraph) as its text, not as the join
# of its walk's texts. Compared with the old loop (kept below) on every timeline of our
# documents and of generated reports whose timeline notes declare zones or not.
def _old_zone(
    view: timeline.View, ctx: timeline.Context, told: dict[str, str | None] | None = None
) -> str:
    for qualifier in view.root.section.qualifiers:
        zone = timeline.declared_zone(f"({qualifier})")
        if zone:
            return zone
    for node in view.nodes():
        if node.kind in ("paragraph", "blockquote"):
            text = " ".join(n.text for n in node.walk() if n.text)
            zone = (
                timeline._declared_in(text) if told is None else timeline._declared_once(text, told)
            )
            if zone:
                return zone
    return ctx.default_zone


_NOTES = (
    "All times in PDT.", "Times are UTC", "this time Full SSL", "We fixed it.", "", "> All times "
    "in EST", "> quoted note\n> more", "**Bold** note, times in CET", "Timeline follows.",
    "> - All times in BST", "time JST", "Times below: +05:30",
)  # fmt: skip
_ROWS = ("- 10:00 started", "- 2024-03-04 09:00 paged", "| 10:00 | x |", "* 11:30 UTC fixed")


def _reports(count: int, seed: int = 3436) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        parts = ["# Incident", rng.choice(("## Timeline", "## Timeline (PST)", "## Events"))]
        for _ in range(rng.randint(1, 6)):
            if rng.random() < 0.5:
                parts.append(rng.choice(_NOTES))
            else:
                parts.append("\n".join(rng.choices(_ROWS, k=rng.randint(1, 3))))
        out.append("\n\n".join(parts) + "\n")
    return out


def test_zone_reads_paragraph_texts_as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[str, str]] = []
    fast = timeline._zone

    def both(
        view: timeline.View, ctx: timeline.Context, told: dict[str, str | None] | None = None
    ) -> str:
        expected = _old_zone(view, ctx, None if told is None else dict(told))
        calls.append((expected, fast(view, ctx, told)))
        return calls[-1][1]

    monkeypatch.setattr(timeline, "_zone", both)
    for text in [*DOCUMENTS, *_reports(600)]:
        parse(text)
    assert calls and all(expected == found for expected, found in calls)
    assert len({expected for expected, _ in calls}) > 3  # zones declared and not
