"""The second round of extract-stage fast paths gives exactly what the plain way gives.

Each test compares a fast path with the straightforward computation it stands in for, on every
report we have (fixtures, docs, the shared corpus) and on generated text.
"""

from __future__ import annotations

import random
import re

from incidentparse.extract import document
from incidentparse.headings import QUESTION_OPENERS, QUESTIONS

from .conftest import FIXTURES, ROOT, SHARED

REPORTS = sorted(
    [*FIXTURES.glob("**/*.md"), *(ROOT / "docs").glob("*.md"), *(SHARED / "corpus").glob("*.md")]
)

# Status and report-type wording cut at every place a line or a sentence might break.
PIECES: tuple[str, ...] = (
    "the incident", "is", "was", "has been", "remains", "still", "ongoing", "open", "resolved",
    "fix", "fixed", "prefix", "patched", "clean", "cleanup", "release", "releases", "version",
    "build", "published", "released", "deployed", "shipped", "1.2", "v2", "-", "*", ".", ". ",
    "\n", "\n\n", "outage", "attacker", "no", "not", "malicious", "c2", "on-call", "x",
)  # fmt: skip


def _generated(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [
        rng.choice(("", " ", "\n")).join(rng.choice(PIECES) for _ in range(rng.randint(1, 40)))
        for _ in range(count)
    ]


TEXTS: list[str] = [p.read_text(encoding="utf-8") for p in REPORTS] + _generated(3000, 5)


def test_texts_are_there() -> None:
    assert len(REPORTS) >= 13


def test_patterns_that_may_cross_lines_open_with_one_of_their_words() -> None:
    rules = [rule for rule in document._STATUS if not rule.one_line]
    assert rules
    for text in TEXTS:
        lowered = text.lower()
        for rule in rules:
            for match in rule.pattern.finditer(lowered):
                words = tuple(word.decode() for word in rule.runs)
                assert match.group(0).startswith(words), (rule.pattern, text)


# Vendor ids and their edges: glued letters or digits, other scripts' letters and digits, '?'.
ID_PIECES: tuple[str, ...] = (
    "EX", "MO", "AB", "A", "B", "x", "é", "É", "_", "1", "12", "123", "1234", "123456",
    "1234567", "12345678", "\u0661\u0662\u0663", "\u0664\u0665\u0666\u0667", "\uff11", "?",
    " ", "\n", "-", ".", "(", ")", "ß", "\U0001d7ce",
)  # fmt: skip


def _id_texts() -> list[str]:
    rng = random.Random(3)
    generated = [
        "".join(rng.choice(ID_PIECES) for _ in range(rng.randint(1, 30))) for _ in range(5000)
    ]
    return TEXTS + generated


def test_identifier_ids_are_the_finditer_ones() -> None:
    # document._id_matches finds every scheme's ids on the byte mask (round 28 found the vendor
    # ids alone there, round 33 all three in one pass): each scheme's are its finditer's.
    for text in _id_texts():
        for (_, pattern), matches in zip(
            document.IDENTIFIER_PATTERNS, document._id_matches(text), strict=True
        ):
            fast = [(m.start(), m.group(0)) for m in matches]
            assert fast == [(m.start(), m.group(0)) for m in pattern.finditer(text)], text


def test_question_patterns_open_with_a_listed_word() -> None:
    for pattern, _ in QUESTIONS:
        assert pattern.startswith("^")
    keys = [
        line.split("\t")[0].lower() for line in (FIXTURES / "headings.tsv").read_text().splitlines()
    ]
    rng = random.Random(9)
    words = (
        "how",
        "why",
        "what",
        "where",
        "who",
        "did",
        "it",
        "happen",
        "went",
        "wrong",
        "and",
        "x",
    )
    keys += [" ".join(rng.choice(words) for _ in range(rng.randint(1, 6))) for _ in range(3000)]
    for key in keys:
        for pattern, _ in QUESTIONS:
            if re.search(pattern, key):
                assert key.startswith(QUESTION_OPENERS), (pattern, key)
