"""Round 28: `leading.opens_with_plain_word` tells more openings at once.

It now also answers for a text opening with a three-letter ASCII word ('The hub is down') and
for any letter-led ASCII text where no candidate at positions 0-3 can open an expression
('Second engineer joins', 'A second engineer', 'It does.', 'To test, ...'), which took the
candidate walk whole before. Compared with the walk itself (leading_stamp with the limit and
end _stamp_of gives it) and with the round 23 check kept here, on every line, paragraph and
row of every report we have (the repository's Markdown and the corpus), generated rows and
paragraphs, and texts opening with each trigger word and some short words in many forms and
before many tails (some that START_LOWER reads on: 'The first quarter', 'Two days later';
some with a digit or '~' by position 3), and with characters beyond ASCII.
"""

from __future__ import annotations

import datetime as dt
import random
import re

import pytest

from incidentparse.dates import leading
from incidentparse.dates.grammar import START_LOWER
from incidentparse.extract import timeline

from .test_timeline_perf9 import _doc_paragraphs, _generated_paragraphs
from .test_timeline_perf11 import REFERENCES, _doc_rows, _generated_rows

_OLD_OPENING_WORD = re.compile(r"[A-Za-z]{4}\w*")


def _old_opens_with_plain_word(text: str) -> bool:
    """leading.opens_with_plain_word as it was (round 23)."""
    match = _OLD_OPENING_WORD.match(text)
    if match is None or not text.isascii():
        return False
    word = match.group().lower()
    return word not in leading._TRIE_WORDS and not word.startswith("fy")


_TAILS = (
    " hub is down",
    " engineer joins",
    " first quarter",
    " quarter of 2024",
    " days later",
    " days ago",
    " week of March 3",
    " 1:06 PM restarted",
    "~3 hours",
    "~",
    " ~ 5 min",
    ", 2024",
    " 3 and on",
    "s later",
    "_x",
    "9 x",
    "é",
    "",
    " ",
    ": the next day",
    " the 2nd half",
    " the end of May",
    " last days of June",
    " March 2",
    " Monday",
    " 1:06 PM",
    " 5 May",
    "-2024 x",
    "'s 2024",
    " a few days later",
    " ~10:00",
    ". 3 days",
    " 12:49 pm",
)


def _texts() -> list[str]:
    texts = _doc_rows() + _doc_paragraphs() + _generated_rows(3000, 28)
    texts += _generated_paragraphs(3000, 28)
    rng = random.Random(28)
    words = [
        *sorted(leading._TRIE_WORDS),
        "hub",
        "pod",
        "our",
        "fyi",
        "abc1",
        "thee",
        "Fyodor",
        "it",
        "we",
        "pr",
        "i",
        "x",
    ]
    for word in words:
        for form in (word, word.capitalize(), word.upper(), word + "ed", "Fy" + word):
            for tail in _TAILS:
                texts.append(form + tail)
            texts.append(form + rng.choice(_TAILS) + rng.choice(_TAILS))
    return list(dict.fromkeys(texts))


def _walk(text: str, reference: dt.date) -> leading.Stamp | None:
    """leading_stamp with the limit and end timeline._stamp_of gives a letter-led text."""
    opener = timeline._STAMP_OPEN.match(text)
    start = opener.end() if opener else 0
    limit = max(start, timeline.MAX_STAMP_START)
    words_end = timeline._WORD_RUN.match(text, limit + 1)
    end = words_end.end() if words_end else len(text)
    return leading.leading_stamp(text, reference, limit, end)


def test_told_openings_give_no_stamp() -> None:
    told = 0
    new_told = 0
    for n, text in enumerate(_texts()):
        if not leading.opens_with_plain_word(text):
            continue
        told += 1
        new_told += not _old_opens_with_plain_word(text)
        for reference in (REFERENCES[n % 3], REFERENCES[(n + 1) % 3]):
            assert _walk(text, reference) is None, text
    assert told > 3000 and new_told > 1500, (told, new_told)


def test_old_told_openings_still_told() -> None:
    """Every text the round 23 check told is told now (the new answer only adds)."""
    for text in _texts():
        if _old_opens_with_plain_word(text):
            assert leading.opens_with_plain_word(text), text


def test_trigger_openings_take_the_walk_where_start_lower_reads() -> None:
    """A trigger word START_LOWER reads on from ('The first quarter') is left to the walk."""
    for text in ("The first quarter of 2024", "Two days later it broke", "This week we"):
        assert START_LOWER.match(text.lower(), 0) is not None
        assert not leading.opens_with_plain_word(text)
    assert leading.opens_with_plain_word("Hub~10:00 x")  # glued to 'Hub': no candidate at 3
    assert leading.opens_with_plain_word("The hub is down")
    assert leading.opens_with_plain_word("Second engineer joins a call")
    for text in ("A second engineer joins", "It does.", "To test, engineer deletes", "PR that"):
        assert leading.opens_with_plain_word(text)
    # 'fy' opens a code token at 0 (CANDIDATE's fy branch) and START_LOWER reads it: the walk's
    assert not leading.opens_with_plain_word("Fyodor called")
    for text in ("A 1:06 PM page", "At 5 PM", "On March 3", "I ~10:00", "An hour later"):
        assert not leading.opens_with_plain_word(text)


def test_stamps_the_same_as_without_the_check(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _texts()
    fast = [timeline._stamp_of(text, REFERENCES[n % 3]) for n, text in enumerate(texts)]
    monkeypatch.setattr(timeline, "opens_with_plain_word", _old_opens_with_plain_word)
    old = [timeline._stamp_of(text, REFERENCES[n % 3]) for n, text in enumerate(texts)]
    monkeypatch.setattr(timeline, "opens_with_plain_word", lambda text: False)
    plain = [timeline._stamp_of(text, REFERENCES[n % 3]) for n, text in enumerate(texts)]
    assert fast == plain
    assert old == plain
    assert sum(found is not None for found in plain) > 1000
