"""Round 23 fast path of infer_reference_date gives exactly what its definition gives.

scan.count_at turns a digit candidate away ('12 nodes', '2 nodes (to 8)', '100% IP') before the
grammar is called (document._reads_for_r): wherever it does, expression_at
reads no expression there out of a date slot (the neutral context, with a carried anchor, with a
slot word, either dayfirst), on the fixtures, the docs, the corpus (when present), the lines
infer_reference_date keeps of them and generated counts before every word the dates modules
spell and every word of those texts, in three cases, with what may follow them. _reads_for_r
then reads what _reads reads. No timings.
"""

from __future__ import annotations

import datetime as dt
import random
import re

from incidentparse.dates import document, grammar, points, scan, vocab, zones
from incidentparse.dates.points import Ctx

from .test_dates_perf import DOCUMENTS, TEXTS
from .test_dates_perf22_ref import _compared

_BASE = document.Options(document._NEUTRAL).ctx()
# _reads_for_r's contexts (the neutral one, and with the anchor a read carries) and every other
# the scanner reads with out of a slot (expression_at's whole=False): a slot word, dayfirst
_ANCHORED = _BASE._replace(
    anchor=dt.date(2019, 11, 29), anchor_instant=dt.datetime(2019, 11, 29, 12)
)
_R_CONTEXTS = [
    _BASE,
    _BASE._replace(anchor=dt.date(2019, 11, 29)),
    _ANCHORED,
    *(
        _ANCHORED._replace(slot_word=word, dayfirst=dayfirst)
        for word in (False, True)
        for dayfirst in (True, False)
    ),
    _BASE._replace(slot_word=True),
]
_WORD = re.compile(r"[A-Za-z]+")


def _vocabulary() -> list[str]:
    """Every word the dates modules spell (their tables and their regexes' letters) and every
    ASCII word of the texts we have."""
    words: set[str] = set()
    tables = (
        vocab.MONTH_BY_NAME, vocab.WEEKDAY_BY_NAME, vocab.UNIT_BY_NAME, vocab.NUMBER_BY_WORD,
        vocab.ORDINAL_BY_WORD, vocab.PART_BY_WORD, vocab.APPROX_PREFIXES, vocab.OPEN_END_WORDS,
        vocab.APPROX_SUFFIXES, scan.TRIGGER_WORDS, [row[0] for row in zones.ABBREVIATIONS],
        [name for name, _ in zones.LONG_NAMES], [name for name, _ in points.DAY_WORDS],
        [name for name, _ in points.NEIGHBOUR_WORDS],
    )  # fmt: skip
    for table in tables:
        for entry in table:
            words.update(_WORD.findall(entry))
    patterns = [rule.pattern.pattern for rule in points.RULES]
    patterns += [
        value.pattern
        for module in (grammar, points, scan, zones)
        for value in vars(module).values()
        if isinstance(value, re.Pattern) and isinstance(value.pattern, str)
    ]
    for pattern in patterns:
        words.update(_WORD.findall(pattern))
    for text in DOCUMENTS:
        words.update(_WORD.findall(text))
    return sorted(words)


_NUMBERS = ("0", "1", "7", "07", "10", "12", "24", "29", "31", "60", "99", "100", "365", "999")
_GAPS = (" ", "  ", "\t", " \t ", "            ")
_THEN = ("days", "November", "pm", "UTC", "ago", "2019", "to 3 days")
_AFTER = ("", ".", ",", " ", " 2019", " 3", " 12:00", ". 2019", "-", " of 2019", "\n")


def _count_texts(seed: int = 2301) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for word in _vocabulary():
        for cased in {word.lower(), word.title(), word.upper()}:
            number, gap, after = rng.choice(_NUMBERS), rng.choice(_GAPS), rng.choice(_AFTER)
            texts.append(f"{number}{gap}{cased}{after}")
            texts.append(f"x {number}{gap}{cased}{after} y")
    # a word between the count and one the grammar reads ('3 business days' would be read whole)
    for word in _vocabulary():
        for then in _THEN:
            texts.append(f"{rng.choice(_NUMBERS)} {word} {then}")
    for number in _NUMBERS:
        for mark in ")%+":
            for after in _AFTER:
                texts.append(f"{number}{mark}{after}")
                texts.append(f"(to {number}{mark}{after} nodes")
    return texts


def test_counts_turned_away_read_no_expression() -> None:
    texts = [
        *TEXTS,
        *(document._worth_scanning(text) for text in DOCUMENTS),
        *_count_texts(),
    ]
    fired = 0
    for text in texts:
        for pos in range(len(text)):
            if not scan.count_at(text, pos):
                continue
            fired += 1
            for ctx in _R_CONTEXTS:
                assert scan.expression_at(text, pos, ctx) is None, (text, pos, ctx)
    assert fired > 20_000  # counts before every word, without the corpus too


def test_reads_for_r_are_the_reads_on_counts() -> None:
    rng = random.Random(2302)
    counts = _count_texts(seed=2303)
    texts = [" ".join(rng.choices(counts, k=rng.randint(1, 6))) for _ in range(4000)]
    texts += [
        "| 2019-11-30 10:30     | Scaling down by 2 nodes (to 8) to free up |\n" + t
        for t in texts[:2000]
    ]
    for text in texts:
        fast = list(document._reads_for_r(text))
        assert _compared(fast) == _compared(list(document._reads(text))), repr(text)


def test_contexts_are_those_of_reads_for_r() -> None:
    """_reads_for_r asks expression_at with the neutral context, never slotted."""
    assert not _BASE.slot and not _BASE.slot_word and _BASE.dayfirst is None
    assert isinstance(_BASE, Ctx)
