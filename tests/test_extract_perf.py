"""The extract stage's fast paths give exactly what the plain way of computing them gives.

Each test compares a fast path with a straightforward reference implementation (the code it
replaced) on every report we have (fixtures, docs, the shared corpus) and on generated text.
"""

from __future__ import annotations

import bisect
import datetime as dt
import random
import re
import unicodedata

import pytest

from incidentparse import extract, sections, source, tokens
from incidentparse.dates import detect_dayfirst, find_timespans
from incidentparse.diagnostics import Sink
from incidentparse.extract import document, metrics, timeline
from incidentparse.headings import classify, normalise, strip_symbols
from incidentparse.models import Status

from .conftest import FIXTURES, ROOT, SHARED

REPORTS = sorted(
    [*FIXTURES.glob("**/*.md"), *(ROOT / "docs").glob("*.md"), *(SHARED / "corpus").glob("*.md")]
)
REFERENCE = dt.date(2024, 3, 1)

# Pieces the generated texts are made of: dates in every order, glued and bare years, words.
PIECES: tuple[str, ...] = (
    "03/04/2024", "13/04/2024", "04/13/2024", "4-3-2019", "12-12-2020", "1/2/1999", "05.03.2024",
    "3 April 2024", "April 3, 2024", "4th of March 2019", "Mar 4 2019", "2024-03-05", "1999",
    "2031", "v2024", "2024.1", "/2024", "2024/", "x2020", "1970s", "-2022", "2022-", "_2023",
    "Resolved", "is resolved", "was resolved", "still ongoing", "remains open", "ongoing",
    "service restored", "back to normal", "fixed release was published", "no malicious",
    "not an attack", "outage", "attacker", "-outage", "re-outage", "--malware", "c2", "CVE-2024-1",
    "EX1268771", "AB123456", "xAB123456", "AB1234567", "GHSA-abcd-efgh-jkmp", "GHSA-2345-6789-cfgh",
    "CWE-79", "fix", "the", "and", "at", "14:00", "UTC", ".", ",", "(", ")", "**", "-", "\n",
    "\n\n",
)  # fmt: skip


def _generated(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [" ".join(rng.choice(PIECES) for _ in range(rng.randint(1, 40))) for _ in range(count)]


TEXTS: list[str] = [p.read_text(encoding="utf-8") for p in REPORTS] + _generated(400, 7)


def _context(text: str, reference: dt.date = REFERENCE) -> extract.Context:
    doc = source.load(text)
    sink = Sink()
    outline = sections.build(tokens.parse_blocks(doc.body), len(doc.lines), sink)
    return extract.Context(doc, outline, sink, reference)


def test_texts_are_there() -> None:
    assert len(REPORTS) >= 13


# The year pattern as it was: look-behind first, one line at a time.
_PLAIN_YEAR = re.compile(r"(?<![\w./-])(19[7-9]\d|20\d\d)(?![\w./-]|\.\d)")


def _plain_context_year(lines: tuple[str, ...], line: int) -> int | None:
    found = [
        (number, int(m.group(1)))
        for number, text in enumerate(lines, start=1)
        for m in _PLAIN_YEAR.finditer(text)
    ]
    position = bisect.bisect_right([n for n, _ in found], line)
    return found[position - 1][1] if position else None


@pytest.mark.parametrize("seed", range(len(TEXTS)))
def test_context_anchors_match_the_plain_computation(seed: int) -> None:
    text = TEXTS[seed]
    ctx = _context(text)
    assert ctx.dayfirst == detect_dayfirst(ctx.doc.text, REFERENCE)
    for line in range(0, len(ctx.doc.lines) + 2):
        assert ctx.context_year(line) == _plain_context_year(ctx.doc.lines, line)


# --- document-level facts (extract/document.py) ---


def _plain_status(text: str) -> Status:
    """The status verdict as it was read: every pattern over the whole lower-cased text."""
    lowered = text.lower()
    for pattern, verdict, _ in document.STATUS_PATTERNS:
        if re.search(pattern, lowered, re.M):
            return verdict
    return "unknown"


# Status wording cut at every place a line or a sentence might break.
STATUS_PIECES: tuple[str, ...] = (
    "the incident", "is", "was", "has been", "remains", "still", "currently", "continues to",
    "continue to", "unresolved", "ongoing", "open", "under investigation", "investigating",
    "working", "monitoring", "exploit", "resolved", "mitigated", "restored", "fixed", "closed",
    "on", "at", "by", "service", "services", "outage", "back to normal", "fully operational",
    "verified operational", "fix", "patched", "clean", "release", "releases", "version", "build",
    "published", "released", "deployed", "shipped", "1.2", "v2", "-", "*", ".", "\n", "\n\n",
    "_", "é", "2", "non-", "re",
)  # fmt: skip


def _status_texts() -> list[str]:
    rng = random.Random(11)
    generated = [
        rng.choice(("", " ", "\n")).join(rng.choice(STATUS_PIECES) for _ in range(n))
        for n in [rng.randint(1, 30) for _ in range(3000)]
    ]
    lines = [line for text in TEXTS for line in text.splitlines()]
    return TEXTS + lines + generated


def test_status_matches_the_whole_text_search() -> None:
    for text in _status_texts():
        assert document._status_in(text.lower()) == _plain_status(text), text


def test_status_patterns_name_the_words_every_match_contains() -> None:
    for text in _status_texts():
        lowered = text.lower()
        for rule in document._STATUS:
            for match in rule.pattern.finditer(lowered):
                first_line = match.group(0).split("\n")[0]
                runs = rule.runs.intersection(document.letter_runs(first_line))
                assert runs and runs <= set(document.letter_runs(lowered)), (rule.pattern, text)
                assert not (rule.one_line and "\n" in match.group(0)), (rule.pattern, text)


def _plain_word_starts(text: str, word: str) -> list[int]:
    return [m.start() for m in document._WORD.finditer(text) if m.group(0) == word]


def test_word_offsets_are_those_of_the_tokenizer() -> None:
    extra = ["-outage -- --outage a-outage outage- outage-x 9outage outagé x--outage", "outage"]
    for text in [*TEXTS, *extra]:
        lowered = text.lower()
        for word in document.TYPE_WORDS:
            assert list(document._word_starts(lowered, word)) == _plain_word_starts(lowered, word)


# The identifier patterns as they were: a word boundary first.
PLAIN_IDENTIFIERS: dict[str, str] = {
    "ghsa": r"\bGHSA(?:-[23456789cfghjmpqrvwx]{4}){3}\b",
    "cwe": r"\bCWE-\d{1,5}\b",
    "vendor_incident": r"\b[A-Z]{2}\d{6,7}\b",
}


def test_identifier_patterns_find_what_the_boundary_first_ones_find() -> None:
    extra = ["xGHSA-2345-6789-cfgh GHSA-2345-6789-cfgh _CWE-1 CWE-123456 ÉAB123456 AB123456"]
    for text in [*TEXTS, *extra, *(t.upper() for t in TEXTS)]:
        for scheme, pattern in document.IDENTIFIER_PATTERNS:
            plain = [(m.start(), m.group(0)) for m in re.finditer(PLAIN_IDENTIFIERS[scheme], text)]
            assert [(m.start(), m.group(0)) for m in pattern.finditer(text)] == plain


# --- timeline (extract/timeline.py) ---


def _plain_stamp_of(text: str, reference_date: dt.date) -> tuple[str, str] | None:
    """The leading stamp as it was read: every date of the text found, the first one kept."""
    opener = timeline._STAMP_OPEN.match(text)
    start = opener.end() if opener else 0
    for span in find_timespans(text, reference_date=reference_date):
        if span.char_start is None or span.char_end is None:
            continue
        if span.char_start > max(start, timeline.MAX_STAMP_START):
            return None
        rest = text[span.char_end :]
        separator = timeline._STAMP_SEPARATOR.match(rest)
        return text[: span.char_end], rest[separator.end() if separator else 0 :].strip()
    return None


STAMP_PIECES: tuple[str, ...] = (
    "[", "]", "(", ")", "**", "~", "_", " ", "-", ":", "|", "—", "14:00", "23:55", "9am", "UTC",
    "PDT", "April 1", "April", "1st", "2024-03-05", "03/04", "Mon", "Monday,", "on", "at", "the",
    "next", "morning", "by", "until", "from", "to", "T+5", "Day 2", "12:49 PM", "2019", "Q3",
    "week", "restarted", "the service", "x", "v1.2", "10.0.0.1", "ongoing", "yesterday", "noon",
)  # fmt: skip


def _stamp_texts() -> list[str]:
    rng = random.Random(5)
    generated = [
        rng.choice(("", " ")).join(rng.choice(STAMP_PIECES) for _ in range(rng.randint(1, 12)))
        for _ in range(1500)
    ]
    lines = [line.strip(" -*>#") for text in TEXTS for line in text.splitlines()]
    return [text for text in lines if text] + generated


def test_leading_stamps_match_a_full_scan() -> None:
    for text in _stamp_texts():
        for reference in (REFERENCE, dt.date(2019, 12, 31)):
            assert timeline._stamp_of(text, reference) == _plain_stamp_of(text, reference), text


# --- headings (headings.py) ---


def _plain_strip_symbols(text: str) -> str:
    return "".join(ch for ch in text if unicodedata.category(ch) not in ("So", "Sk", "Cs"))


def test_ascii_headings_lose_the_same_symbols() -> None:
    every_ascii = "".join(map(chr, range(128)))
    headings = [every_ascii, "🔥 Timeline", "^Root `cause`", "Impact ™ ©", "Résumé ^"]
    headings += [line for text in TEXTS for line in text.splitlines() if line.startswith("#")]
    for heading in headings:
        assert strip_symbols(heading) == _plain_strip_symbols(heading), heading


_PLAIN_NUMBERING = re.compile(
    r"^\s*(?:(?:\d+|[ivxlc]+|[a-z])[.)]|\d+(?:\.\d+)+\.?|§\s*\d+)\s+", re.I
)
_PLAIN_PARENS = re.compile(r"\s*\(([^()]*)\)")
_PLAIN_TRAILING = re.compile(r"[\s:?.!\-–—]+$")


def _plain_normalise(heading: str) -> tuple[str, tuple[str, ...]]:
    """normalise() as it was: every pattern run on every heading."""
    text = _plain_strip_symbols(heading).replace("*", "").replace("_", " ").strip()
    text = _PLAIN_NUMBERING.sub("", text)
    qualifiers = tuple(q.strip() for q in _PLAIN_PARENS.findall(text) if q.strip())
    text = _PLAIN_PARENS.sub("", text)
    text = text.replace("&", " and ").replace("/", " and ").replace("’", "'")
    text = _PLAIN_TRAILING.sub("", text)
    return re.sub(r"\s+", " ", text).strip().lower(), qualifiers


HEADING_PIECES: tuple[str, ...] = (
    "Timeline", "Root", "Cause", "(UTC)", "(times in PDT)", "()", "( )", "(a (b) c)", "1.", "2)",
    "iv.", "3.1", "§ 4", "**", "_", "&", "/", "’", ":", "?", "!", ".", "-", "–", "—", " ", "\t",
    "\u00a0", "\u2003", "\u3000", "\x1c", "\x85", "🔥", "^", "`", "Résumé", "İ", "What happened",
)  # fmt: skip


def _headings() -> list[str]:
    rng = random.Random(3)
    generated = [
        "".join(rng.choice(HEADING_PIECES) for _ in range(rng.randint(1, 10))) for _ in range(3000)
    ]
    lines = [line.lstrip("#") for text in TEXTS for line in text.splitlines()]
    return lines + generated


def test_heading_keys_match_the_plain_normalisation() -> None:
    for heading in _headings():
        assert normalise(heading) == _plain_normalise(heading), heading


def test_classify_without_fuzzy_agrees_on_every_score_100() -> None:
    for heading in [*_headings(), "Timelinee", "Root causes of it all"]:
        full, exact = classify(heading), classify(heading, fuzzy=False)
        assert (full.kind != "unknown" and full.score == 100.0) == (
            exact.kind != "unknown" and exact.score == 100.0
        ), heading
        assert exact == full or exact.kind == "unknown"


# --- metrics (extract/metrics.py) ---


def test_cue_runs_are_in_every_cue_match() -> None:
    words = [w for cue in metrics.ANCHOR_CUES.values() for w in re.split(r"[|()?:]+", cue) if w]
    rng = random.Random(13)
    pieces = [*words, "x", "-", "the", "outage ", "incident ", "_", "é", "2"]
    generated = ["".join(rng.choice(pieces) for _ in range(8)) for _ in range(3000)]
    lines = [line.lower() for text in TEXTS for line in text.splitlines()]
    found = 0
    spelled = "alerted, alerts fired, alert fired, end of the outage, start of the outage, \
incident started, incident begins, impact began"
    for text in [*lines, *generated, spelled]:
        for name, cue in metrics._CUES.items():
            for match in cue.finditer(text):
                found += 1
                runs = metrics.CUE_RUNS[name].intersection(document.letter_runs(match.group(0)))
                assert runs and runs <= set(document.letter_runs(text)), text
    assert found > 1000
