"""Round 32's gate asks 'the' and 'a'/'an' their one branch first: the same candidates.

scan._START_GATE tries _THE and _A before its other branches, which it tries only at a word
that is not 'the', 'a' or 'an'. Compared here with the gate as it was in round 31 (rebuilt
below from the same tables) on the repo's texts, the corpus when present, test_dates_perf's
generated texts and test_dates_perf30_gate's generated prose and dense chains of slot words,
'the', 'a'/'an' and their followers, plus texts made of 'the'/'a'/'an' before every word of
the grammar: the gate itself at every word start, and the three candidate patterns built on
it (EXPR_CANDIDATE, _EXPR_CANDIDATE_AFTER, _EXPR_CANDIDATE_PADDED). No timings here.
"""

from __future__ import annotations

import re

from incidentparse.dates import scan
from incidentparse.dates.grammar import START_LOWER

from .test_dates_perf import DOCUMENTS, GENERATED
from .test_dates_perf30_gate import _PROSE, _chains, _generated, assert_same_candidates

# Round 31's gate and the patterns built on it (the reference).
_OLD_GATE = (
    r"(?="
    + scan._ALONE
    + r"(?!\w)|[qh][1-4]|fy|[~≈]|"
    + scan._THE
    + "|"
    + scan._A
    + "|(?:"
    + scan._SLOT_TRIE
    + r")\s+(?:"
    + scan._THE
    + "|"
    + scan._A
    + r"|(?!(?:the|an?)(?!\w))(?:"
    + scan._NEXT
    + r"))|(?!(?:the|an?|"
    + scan._SLOT_TRIE
    + r")(?!\w))\w+\W+(?:"
    + scan._NEXT
    + "))"
)
_OLD_EXPR_CANDIDATE = re.compile(
    scan._CANDIDATE_HEAD
    + r"(?:\d|(?=(?:"
    + scan._TRIGGER_TRIE
    + r"(?!\w)|[qh][1-4]|fy|[~≈]))"
    + _OLD_GATE
    + r"(?="
    + START_LOWER.pattern
    + r")[\w~≈])"
)
_OLD_AFTER = re.compile(
    r"[^0-9a-zA-Z_](?=[\w~≈])(?=\d|(?:"
    + scan._TRIGGER_TRIE
    + r")(?!\w)|[qh][1-4]|fy|[~≈])(?<!\w)(?<![^\W_][-./:_@#$\\'’])(?:\d|"
    + _OLD_GATE
    + r"(?="
    + START_LOWER.pattern
    + r"))"
)
_OLD = re.compile(_OLD_GATE)
_NEW = re.compile(scan._START_GATE)
# The new gate's first two branches alone: where they decide, the fast path was taken.
_FIRST = re.compile(r"(?=" + scan._THE + "|" + scan._A + ")")

_WORDS = sorted(
    {w for w in (*scan.TRIGGER_WORDS, *scan._LETTER_RUNS, *_PROSE) if re.fullmatch(r"\w+", w)}
)
_ARTICLES = [
    f"{lead}{article}{blank}{word}{tail}"
    for lead in ("", "for ", "in ")
    for article in ("the", "a", "an", "then", "ant", "at")
    for blank in (" ", "  ", "\n", "-", ". ")
    for word in _WORDS
    for tail in ("", " ", " of march", " ago", " 3")
]
TEXTS = [*DOCUMENTS, *GENERATED, *_generated(20_000, 3232), *_chains(20_000, 3233), *_ARTICLES]


def test_gate_asks_the_articles_first() -> None:
    """The fast path is in use: the gate opens with _THE and _A, in all three patterns."""
    assert scan._START_GATE.startswith("(?=" + scan._THE + "|" + scan._A + "|")
    assert scan._START_GATE in scan._EXPR_CANDIDATE_AFTER.pattern
    assert scan._START_GATE in scan.EXPR_CANDIDATE.pattern
    assert scan._START_GATE in scan._EXPR_CANDIDATE_PADDED.pattern


def test_same_gate_at_every_word_start() -> None:
    decided = 0
    for text in TEXTS:
        lower = text.lower()
        for m in re.finditer(r"(?<!\w)[\w~≈]", lower):
            pos = m.start()
            new = _NEW.match(lower, pos) is not None
            assert new == (_OLD.match(lower, pos) is not None), (lower, pos)
            decided += new and _FIRST.match(lower, pos) is not None
    assert decided > 1_000


def test_same_candidates_as_round_31() -> None:
    assert_same_candidates(TEXTS, _OLD_AFTER, _OLD_EXPR_CANDIDATE)
