"""The date engine's fast paths give exactly what their reference (slow, plain) forms give.

Each fast path is compared with the straightforward way of computing the same thing, on the
fixtures, the docs, the shared corpus and generated text built to hit the edges (case folding,
glued tokens, blank runs, lines that meet). No timings here: speed is measured by benchmarks/.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import random
import re
import string
from collections.abc import Iterator

import pytest

from incidentparse.dates import document, grammar, scan, zones
from incidentparse.dates.points import RULES_BY_KEY, Ctx, rules_at
from incidentparse.dates.vocab import CASE_UNSAFE

from .conftest import FIXTURES, ROOT, SHARED

# --- inputs ----------------------------------------------------------------------------------


def _documents() -> list[str]:
    paths = [
        *sorted(FIXTURES.rglob("*.md")),
        *sorted((ROOT / "docs").rglob("*.md")),
        *sorted((SHARED / "corpus").glob("*.md")),
        *sorted((SHARED / "seeds").glob("*")),
    ]
    texts = [path.read_text(encoding="utf-8") for path in paths if path.is_file()]
    texts += [(FIXTURES / "dates" / name).read_text(encoding="utf-8") for name in _TABLES]
    return texts


_TABLES = ("cases.tsv", "find.tsv", "durations.tsv")

# Pieces that generated texts are made of: date forms, the words the fast paths look for in
# several spellings and cases, the characters case folding treats specially, glue and blanks.
_PIECES = (
    "report", "Report", "REPORTED", "as of", "As\nof", "AS  OF", "has", "was of", "publication",
    "Published", "posted", "POST", "post-mortem", "postgres", "update", "Updated", "issued",
    "date:", "Date :", "date\n:", "dated", "advisory", "bulletin", "notice", "summary",
    "İssued", "ıssued", "ſummary", "K", "İ", "2024", "1999", "12024", "20245", "2019-03-26",
    "March 3", "3 Mar 2026", "14:30 UTC", "Q3", "FY24", "yesterday", "the", "in", "of", "on",
    "a", "x", "-", "/", ".", ":", "_", "~", "≈", "’", "(", ")", "[", "]", " ", "  ", "\t", "\n",
    "\n\n", "\n \n", "*", "#", "|", "03/04/2024", "3-4-2019", "13/04/2024", "1.", "04/13/20",
    "12", "7", "2020", "v", "/", "-", "Mar", "3rd", "of", "June",
)  # fmt: skip


# Zone declarations and near-declarations.
_ZONE_PIECES = (
    "All times", "all  times are in", "Times", "TIMES ARE", "timestamps", "Timestamp:",
    "timeline", "time", "tıme", "İn", "in", "shown in", "listed", "both", "the", "PDT", "pdt",
    "UTC", "UTC+99", "UTC+15:00", "+99:99", "-07:00", "GMT+1", "Eastern Time", "eastern",
    "Pacific Standard Time", "ET", "et", "Z", "IST", "(", ")", ":", " ", "\n", "x",
)  # fmt: skip


def _generated(count: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choices(_PIECES, k=rng.randint(1, 40))) for _ in range(count)]


# Words of the date grammar, for text dense in expressions and near-expressions.
_DATE_WORDS = (
    "early", "mid-", "mid", "late", "the", "first", "second", "third", "fourth", "quarter",
    "half", "of", "fiscal", "year", "following", "next", "previous", "prior", "day", "night",
    "before", "after", "over", "weekend", "EOD", "eoq", "end", "start", "beginning", "middle",
    "three", "weeks", "later", "a couple of", "a few", "days", "ago", "hours", "Q3", "FY24",
    "FY 2024", "H2", "1Q24", "2H", "2024-W05", "14:30", "3pm", "9 a.m.", "noon", "midnight",
    "Monday", "Tue", "next", "this", "morning", "last", "past", "coming", "current", "since",
    "between", "and", "until", "to", "by", "due", "within", "48", "of", "the week of",
    "approximately", "~", "≈", "circa", "around", "in", "on", "at", "as of", "March", "march",
    "May", "may", "Sept.", "3", "3rd", "21", "2026", "'24", "2019–2023", "2019-03-26", "03/04",
    "1-3", "–", "-", "present", "onwards", "-ish", "or so", "UTC", "PDT", "(", ")", ",", " ",
    "yesterday", "today", "tomorrow", "tonight", "ongoing", "T", "Z", "+02:00", "2 March 2026",
    "April 2-3", "13:14 EDT (17:14 UTC)", "1999", "12024", "x", "no later than", "up to",
    "2024-W05", "2024-Q3", "2024 - H2", "2024-H1", "2024-03", "03-26 17:40", "3-March",
    "12.03.2024",
    "1.2.3", "2024/03/29", "2024.3.", "2024--", "20240329T1405Z", "3/4", "4-5", "10.", "3Q24",
)  # fmt: skip


def _date_phrases(count: int, seed: int = 11) -> list[str]:
    rng = random.Random(seed)
    return [" ".join(rng.choices(_DATE_WORDS, k=rng.randint(1, 12))) for _ in range(count)]


def _zone_phrases(count: int, seed: int = 5) -> list[str]:
    rng = random.Random(seed)
    return [" ".join(rng.choices(_ZONE_PIECES, k=rng.randint(1, 10))) for _ in range(count)]


DOCUMENTS = _documents()
GENERATED = _generated(3000) + _date_phrases(3000) + _zone_phrases(1000)
TEXTS = DOCUMENTS + GENERATED


def _cased() -> Iterator[str]:
    """Every character that str.lower() or str.upper() changes."""
    for code in range(0x110000):
        char = chr(code)
        if char.lower() != char or char.upper() != char:
            yield char


# --- infer_reference_date: the lines worth scanning ------------------------------------------


def _worth_reference(text: str) -> str:
    """The lines where the re.I definition matches, as infer_reference_date first read them."""
    lines = text.split("\n")
    starts = list(itertools.accumulate((len(line) + 1 for line in lines), initial=0))
    found = {bisect.bisect_right(starts, m.start()) - 1 for m in document._WORTH.finditer(text)}
    return "\n\n".join(lines[index] for index in sorted(found))


def test_case_unsafe_is_every_character_lower_does_not_fold_like_re_i() -> None:
    ascii_letter = re.compile("[a-z]", re.I)
    word, blank = re.compile(r"\w"), re.compile(r"\s")
    unsafe = set()
    for char in _cased():
        lower = char.lower()
        if ascii_letter.fullmatch(char) and lower not in string.ascii_lowercase:
            unsafe.add(char)
        if len(lower) != 1:
            assert char in CASE_UNSAFE  # offsets would shift
        # \b and \s read the same in the lower-cased text
        assert bool(word.match(char)) == bool(word.match(lower))
        assert bool(blank.match(char)) == bool(blank.match(lower))
    assert unsafe == CASE_UNSAFE


def test_worth_scanning_keeps_the_reference_lines() -> None:
    differ = [text for text in TEXTS if document._worth_scanning(text) != _worth_reference(text)]
    assert differ == []


# --- detect_dayfirst ---------------------------------------------------------------------------

_NUMERIC_REFERENCE = re.compile(r"(?<![\d./])(\d{1,2})([/-])(\d{1,2})\2((?:19|20)\d{2})(?![\d./])")


def test_numeric_dates_are_the_reference_ones() -> None:
    differ = [
        text
        for text in TEXTS
        if document._NUMERIC.findall(text) != _NUMERIC_REFERENCE.findall(text)
    ]
    assert differ == []


# --- the scanner: candidate positions and the point-start gate ---------------------------------


def test_candidates_are_the_token_by_token_ones() -> None:
    rng = random.Random(3)
    differ = []
    for text in TEXTS:
        bounds = [(0, None), (rng.randint(0, len(text)), None)]
        bounds.append((bounds[1][0], rng.randint(bounds[1][0], len(text))))
        for begin, end in bounds:
            fast = list(scan.candidates(text, begin, end))
            if fast != list(scan._token_candidates(text, begin, end)):
                differ.append((text, begin, end))
    assert differ == []


# The plainest context and the most permissive one (in a slot, after a slot word, anchored):
# the gate reads only the text, the context decides which expressions are taken.
_CONTEXTS = [
    Ctx(dt.date(2026, 4, 3)),
    Ctx(
        dt.date(2026, 4, 3),
        anchor=dt.date(2026, 3, 1),
        anchor_instant=dt.datetime(2026, 3, 1, 14, 0),
        dayfirst=True,
        slot=True,
        slot_word=True,
    ),
]


def test_point_start_gate_turns_away_no_expression(monkeypatch: pytest.MonkeyPatch) -> None:
    """match_expression with and without the gate, at every place the scanner could ask."""
    places = [(text, pos) for text in TEXTS for pos in scan._token_candidates(text, 0, None)]
    gated = [grammar.match_expression(t, p, ctx) for t, p in places for ctx in _CONTEXTS]
    monkeypatch.setattr(grammar, "_POINT_START", re.compile(""))
    plain = [grammar.match_expression(t, p, ctx) for t, p in places for ctx in _CONTEXTS]
    assert sum(e is not None for e in plain) > 10_000  # the inputs do hold expressions
    assert gated == plain


def test_rules_left_out_by_the_character_after_a_separator_never_match() -> None:
    """rules_at splits '#N/' (digits, then / . -) by what follows: the rules of the other half
    must not match there."""
    run = re.compile(r"\d+")
    for text in TEXTS:
        for m in run.finditer(text):
            if text[m.end() : m.end() + 1] not in ("/", ".", "-"):
                continue
            size = "2" if len(m.group()) <= 2 else "3" if len(m.group()) == 3 else "4"
            size = size if len(m.group()) <= 4 else "8"
            both = {*RULES_BY_KEY[f"#{size}/9"], *RULES_BY_KEY[f"#{size}/x"]}
            for rule in both - set(rules_at(text, m.start())):
                assert rule.pattern.match(text, m.start()) is None, (rule.name, text)


def test_no_prefix_starts_with_a_digit() -> None:
    """_read_prefixes does not try the prefix words at a digit."""
    for text in TEXTS:
        for m in re.finditer(r"[0-9]", text):
            assert grammar._PREFIX_RE.match(text, m.start()) is None


# --- zone declarations ------------------------------------------------------------------------


def _declaration_reference(text: str) -> str | None:
    for match in zones._DECLARATION.finditer(text):
        zone = zones.lookup_zone(match.group("zone"))
        if zone is not None:
            return zone.region or zone.name
    return None


def test_zone_declaration_is_the_reference_one() -> None:
    assert sum(_declaration_reference(text) is not None for text in TEXTS) > 300
    differ = [t for t in TEXTS if zones.zone_declaration(t) != _declaration_reference(t)]
    assert differ == []
