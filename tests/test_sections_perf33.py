"""Round 33: headings._classify fills an alias's Match as a tuple, and
headings._longest_alias_prefix looks a heading's words up from the most words an alias holds
(headings._most_alias_words), not from all but the last: a candidate equal to an alias splits
into the alias's words. Both compared with round 32's code, kept below, on every heading and
one-line paragraph of the repository's files (and the corpus when present), every alias, and
generated headings of alias words and other words, up to twenty, with and without extra
aliases (one longer than any built-in alias among them).
"""

from __future__ import annotations

import random

from incidentparse import headings
from incidentparse.headings import (
    FUZZY_MAY_ROUND_TO_100,
    NO_PREFIX_MATCH,
    PREFIX_SCORE,
    QUESTION_OPENERS,
    Match,
    _alias_index,
    _fuzzy,
    normalise,
)

from .test_sections_perf22 import GENERATED as SHORT_HEADINGS
from .test_sections_perf22 import _candidates


def _reference_longest_alias_prefix(key: str, index: dict[str, str]) -> str | None:
    """Round 32's headings._longest_alias_prefix."""
    words = key.split()
    for size in range(len(words) - 1, 0, -1):
        candidate = " ".join(words[:size])
        if candidate in index and candidate not in NO_PREFIX_MATCH:
            return candidate
    return None


def _reference_classify(heading: str, extra: tuple[tuple[str, str], ...], fuzzy: bool) -> Match:
    """Round 32's headings._classify."""
    key, qualifiers = normalise(heading)
    index = _alias_index(extra)
    if key in index:
        return Match(index[key], 100.0, key, qualifiers)
    label, colon, value = key.partition(":")
    if colon and value.strip() and index.get(label.strip()) == "meta":
        return Match("meta", 100.0, key, qualifiers)
    prefix = _reference_longest_alias_prefix(key, index)
    if prefix is not None:
        return Match(index[prefix], PREFIX_SCORE, key, qualifiers)
    if key.startswith(QUESTION_OPENERS):
        for pattern, kind in headings._QUESTIONS:
            if pattern.search(key):
                return Match(kind, 100.0, key, qualifiers)
    if key and (fuzzy or len(key) >= FUZZY_MAY_ROUND_TO_100):
        found = _fuzzy(key, extra)
        if found is not None:
            return Match(index[found[0]], round(float(found[1]), 1), key, qualifiers)
    return Match("unknown", 0.0, key, qualifiers)


ALIASES = [alias for aliases in headings.KIND_ALIASES.values() for alias in aliases]
OTHER_WORDS = ("of", "the", "outage", "July", "11", "2025", "-", "(BST)", "report", "status")
EXTRA = {
    "Our very long custom section name for the team notes": "summary",
    "Incident report": "meta",
    "war room": "timeline",
}


def _generated(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    found = []
    for _ in range(count):
        words: list[str] = []
        while len(words) < rng.randint(1, 20):
            pool = ALIASES if rng.random() < 0.4 else OTHER_WORDS
            words.append(rng.choice(pool))
        found.append(" ".join(words))
    return found


GENERATED = _generated(20261129, 6000)


def _extra() -> tuple[tuple[str, str], ...]:
    return tuple((normalise(key)[0], kind) for key, kind in EXTRA.items())


def test_classify_matches_round_32() -> None:
    longer = [f"{alias} and more of it" for alias in EXTRA]
    headings_ = [*_candidates(), *ALIASES, *GENERATED, *SHORT_HEADINGS[:4000], *EXTRA, *longer]
    for extra in ((), _extra()):
        for fuzzy in (False, True):
            found = [headings._classify(text, extra, fuzzy) for text in headings_]
            expected = [_reference_classify(text, extra, fuzzy) for text in headings_]
            assert found == expected
            assert [type(match) for match in found] == [Match] * len(found)


def test_longest_alias_prefix_matches_round_32() -> None:
    for extra in ((), _extra()):
        index = _alias_index(extra)
        most = headings._most_alias_words(extra)
        # the extra alias of ten words opening longer headings: found only with the extra bound
        longer = [f"{alias} {tail}" for alias in EXTRA for tail in ("and more", "of it", "x y z")]
        keys = [normalise(text)[0] for text in [*_candidates(), *GENERATED, *longer]]
        assert [headings._longest_alias_prefix(key, index, most) for key in keys] == [
            _reference_longest_alias_prefix(key, index) for key in keys
        ]
        # the bound cuts the walk on long keys, and prefixes are found
        assert sum(len(key.split()) - 1 > most for key in keys) > 1000
        assert sum(_reference_longest_alias_prefix(key, index) is not None for key in keys) > 500
    assert headings._most_alias_words(_extra()) == 10 > headings._most_alias_words(())
