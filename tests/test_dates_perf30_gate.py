"""Round 30's gate before START_LOWER in the candidate search turns away only what START_LOWER
turns away.

scan._START_GATE asks the next word of a trigger word that cannot start a point alone before
START_LOWER runs (after a slot word, also the word after that one when it is 'the', 'a' or
'an'). Compared here with the search as it was before round 30 (the patterns rebuilt below
without the gate) on the repo's texts, the corpus when present, test_dates_perf's generated
texts, dense chains of slot words, 'the', 'a'/'an' and their followers, and generated prose
built from the grammar's own vocabulary (every trigger word, every letter run of START_LOWER,
prose words, digits, codes, blanks and punctuation); and at every trigger word of those texts
the gate is asked directly: wherever START_LOWER matches, the gate matches; and so after every
pair of the grammar's words (its trigger words and START_LOWER's letter runs), which holds the
gate's hand-read tables to the grammar as it is. No timings here.
"""

from __future__ import annotations

import random
import re

from incidentparse.dates import scan
from incidentparse.dates.grammar import START_LOWER
from incidentparse.dates.points import NUMBER_WORDS, UNIT_WORDS

from .test_dates_perf import DOCUMENTS, GENERATED

# The patterns before round 30 (the reference).
_OLD_EXPR_CANDIDATE = re.compile(
    scan._CANDIDATE_HEAD
    + r"(?:\d|(?=(?:"
    + scan._TRIGGER_TRIE
    + r"(?!\w)|[qh][1-4]|fy|[~≈]))(?="
    + START_LOWER.pattern
    + r")[\w~≈])"
)
_OLD_AFTER = re.compile(
    r"[^0-9a-zA-Z_](?=[\w~≈])(?=\d|(?:"
    + scan._TRIGGER_TRIE
    + r")(?!\w)|[qh][1-4]|fy|[~≈])(?<!\w)(?<![^\W_][-./:_@#$\\'’])(?:\d|(?="
    + START_LOWER.pattern
    + r"))"
)
_GATE = re.compile(scan._START_GATE)
_TRIGGER = re.compile("(?:" + scan._TRIGGER_TRIE + r")(?!\w)|[qh][1-4]|fy|[~≈]")

_PROSE = (
    "outage", "our", "service", "team", "same", "dns", "a", "an", "the", "we", "it", "to",
    "and", "x", "s", "m", "h", "d", "w", "y", "q", "q1", "q5", "h2", "fy", "fy2020", "fyi",
    "eod", "eodx", "monitor", "later", "than", "week", "weeks", "hours", "hrs", "hr", "ago",
    "few", "couple", "some", "time", "sometime", "approx.", "ca.", "ever", "up", "until",
)  # fmt: skip
_SEPARATORS = (" ", " ", " ", "  ", "\n", "\t", "-", " - ", ", ", ". ", "~", " ~", "≈", " (", "/",
               "\u00a0", "_", "'")  # fmt: skip
_VOCABULARY = sorted(
    {*scan.TRIGGER_WORDS, *scan._LETTER_RUNS, *_PROSE, "1", "12", "2019", "3rd", "1st"}
)


def _generated(count: int, seed: int = 2030) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(1, 12)):
            parts.append(rng.choice(_VOCABULARY))
            parts.append(rng.choice(_SEPARATORS))
        if rng.random() < 0.5:
            parts.pop()
        texts.append("".join(parts))
    return texts


# Dense chains of the words the gate reads ahead of ('for the week of', 'in a few days ago',
# 'since about the first quarter'): the slot words, 'the', 'a'/'an', what may follow them, the
# unit and number words, prefixes of several words and a few words of prose.
_CHAIN = sorted(
    {
        *scan._SLOT, *scan._THE_NEXT, *UNIT_WORDS.split("|"), *NUMBER_WORDS.split("|"),
        "the", "a", "an", "week", "of", "couple", "few", "later", "ago", "earlier", "no", "not",
        "as", "early", "up", "to", "ever", "starting", "beginning", "some", "time", "sometime",
        "within", "due", "1", "2019", "q1", "h2", "fy24", "march", "monday", "outage", "our",
        "~", "approx.", "over", "this", "last", "days", "quarter", "half", "fiscal", "than",
        "mon", "morning", "weekend", "eod", "x", "s",
    }
)  # fmt: skip


def _chains(count: int, seed: int = 3030) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        words = rng.choices(_CHAIN, k=rng.randint(1, 7))
        texts.append("".join(w + rng.choice((" ", " ", "  ", "\n", "-", ", ")) for w in words))
    return texts


TEXTS = [*DOCUMENTS, *GENERATED, *_generated(30_000), *_chains(40_000)]


def test_gate_turns_some_words_away() -> None:
    """The fast path is in use: the gate is in both patterns and refuses plain prose."""
    assert scan._START_GATE in scan._EXPR_CANDIDATE_AFTER.pattern
    assert scan._START_GATE in scan.EXPR_CANDIDATE.pattern
    for text in ("the outage", "for our team", "of service", "for the outage", "in a subdomain"):
        assert _GATE.match(text) is None
    for text in ("the week of", "for q1", "no later than", "march", "about ~3", "in the day"):
        assert _GATE.match(text) is not None


def test_gate_holds_wherever_start_lower_matches() -> None:
    for text in TEXTS:
        lower = text.lower()
        # a digit is taken before the gate is asked, and the gate is asked only at a trigger
        # word, code or '~'/'≈': every such word start is asked here
        for m in re.finditer(r"(?<!\w)(?!\d)[\w~≈]", lower):
            if _TRIGGER.match(lower, m.start()) and START_LOWER.match(lower, m.start()):
                assert _GATE.match(lower, m.start()), (lower, m.start())


def assert_same_candidates(
    texts: list[str], old_after: re.Pattern[str], old_expr_candidate: re.Pattern[str]
) -> None:
    """The three candidate patterns find what the reference patterns find, from the start and
    from a third of the way in, on every text (test_dates_perf32_the asks it of round 31's)."""
    for text in texts:
        lower = text.lower()
        for begin in {0, len(lower) // 3}:
            old = [m.start() for m in old_after.finditer(lower, begin)]
            new = [m.start() for m in scan._EXPR_CANDIDATE_AFTER.finditer(lower, begin)]
            assert new == old, lower
            padded = [
                m.start()
                for m in scan._EXPR_CANDIDATE_PADDED.finditer(lower, begin)
                if m.end() - m.start() < 3
            ]
            assert padded == old, lower
            assert bool(scan.EXPR_CANDIDATE.match(lower, begin)) == bool(
                old_expr_candidate.match(lower, begin)
            ), lower


def test_same_candidates_as_before() -> None:
    assert_same_candidates(TEXTS, _OLD_AFTER, _OLD_EXPR_CANDIDATE)


# Every pair of words the grammar knows, after every trigger word and after a slot word and
# 'the' / 'a' / 'an', with the continuations its longer prefixes and point starts read on to:
# made from START_LOWER's own letter runs and the trigger words, not from the gate's tables, so
# a grammar word the gate's hand-read tables (_THE_NEXT, _SLOT, _A) lack fails here.
_TAILS = ("", " 3", " 2019", " of march", " of 3", " ago", " than 3", " later", " the 3rd",
          " quarter", " half", " week", " day of march", " hours ago", " days later")  # fmt: skip


def test_gate_holds_after_every_pair_of_grammar_words() -> None:
    words = sorted(
        {w for w in (*scan.TRIGGER_WORDS, *scan._LETTER_RUNS, *_PROSE) if re.fullmatch(r"\w+", w)}
    )
    firsts = [w for w in words if w in scan.TRIGGER_WORDS]
    texts = [f"{first} {word}{tail}" for first in firsts for word in words for tail in _TAILS]
    texts += [
        f"{slot} {article} {word}{tail}"
        for slot in firsts
        for article in ("the", "a", "an")
        for word in words
        for tail in _TAILS
        if slot in scan._SLOT
    ]
    asked = 0
    for text in texts:
        if START_LOWER.match(text):
            assert _GATE.match(text), text
            asked += 1
    assert asked > 10_000
