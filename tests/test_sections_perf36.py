"""Round 36 of the section stage: a plain (not bold) short paragraph whose key is no alias is
told a run-in label or not by headings.is_plain_label, without building the Match of
_classify_unlisted and with the alias prefix looked up only for a key a later step gives 100
(a prefix gives PREFIX_SCORE, never 100: it matters only by ending the walk first).

is_plain_label is compared with round 35's test (_classify_unlisted with fuzzy off, a kind
other than "unknown" with a score of 100) on the key of every paragraph of our reports (the
corpus too when present), on generated paragraphs and on generated keys mixing aliases,
question openings, 'label: value' pairs and very long keys, under alias sets that include a
team's alias to the kind "unknown". promote_run_in, which now calls it, is compared with
round 34's by test_sections_perf35. No timings.
"""

from __future__ import annotations

import random

from incidentparse import headings
from incidentparse.headings import alias_keys

from .test_sections_perf27 import _generated_paragraphs
from .test_sections_perf35 import (
    ALL_ALIASES,
)
from .test_tree_perf9 import _paragraphs

_QUESTION_TEXTS = [pattern.lstrip("^") for pattern, _ in headings.QUESTIONS]


def _reference(key: str, index: dict[str, str], extra: tuple[tuple[str, str], ...]) -> bool:
    """Round 35's test in sections._run_in for a plain paragraph's key that is no alias."""
    match = headings._classify_unlisted(key, (), index, extra, False)
    return match.kind != "unknown" and match.score == 100.0


def _generated_keys(seed: int, count: int, index: dict[str, str]) -> list[str]:
    rng = random.Random(seed)
    aliases = sorted(index)
    words = [
        *aliases[:: max(1, len(aliases) // 60)],
        "how did it happen", "why did this happen", "what went wrong and why", "what caused",
        "what happened", "how did we respond", "where we got lucky", "who", "what", "how",
        "where did we got lucky", "date:", "date: feb 6", "status:", ":", "x", "the", "of it",
    ]  # fmt: skip
    keys = []
    for _ in range(count):
        key = " ".join(rng.choices(words, k=rng.randint(1, 4)))
        if rng.random() < 0.2:
            key = f"{rng.choice(aliases)}: {key}"
        keys.append(key)
    # keys long enough for the fuzzy look-up (a ratio may round to 100 from ~1000 characters)
    for alias in aliases[:20]:
        keys.append((alias + " ") * (headings.FUZZY_MAY_ROUND_TO_100 // len(alias) + 1))
    return keys


def test_is_plain_label_is_round_35s_test() -> None:
    labels = blocked = 0
    paragraphs = _paragraphs() + _generated_paragraphs(20261136, 2000)
    for aliases in ALL_ALIASES:
        extra = alias_keys(aliases)
        index = headings._alias_index(extra)
        keys = [headings.normalise(node.inline.text.rstrip(":").strip())[0] for node in paragraphs]
        keys += [
            *_QUESTION_TEXTS,
            *(f"{text} {alias}" for text in _QUESTION_TEXTS for alias in ("x", "the outage")),
            *(f"{alias} {text}" for text in _QUESTION_TEXTS[:4] for alias in list(index)[:30]),
            *_generated_keys(36, 4000, index),
            "",
            "date: feb 6, 2023",
            "date:",
            "what went wrong",
        ]
        for key in keys:
            if key in index:
                continue  # _run_in answers an alias key itself
            found = headings.is_plain_label(key, index, extra)
            assert found == _reference(key, index, extra), (key, aliases)
            labels += found
            # a question the alias prefix turns away (the late prefix look-up's own case)
            blocked += any(p.search(key) for p, _ in headings._QUESTIONS) and not found
    assert labels > 100
    assert blocked > 20
