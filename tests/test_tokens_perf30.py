"""Round 30's block pass: the same answers as before, read with fewer searches.

- tokens._holds_fence_mark answers '```' in text or '~~~' in text (the fence rule's marks in
  tokens._BLOCK_RULE_MARKS) with compiled patterns searched from each character's first
  place, '~~~' only after two finds of '~': compared with the substring tests on every text of
  test_tokens_perf26 (our reports, README/docs Markdown, the corpus when present, generated
  texts) and on seeded random mixes of backticks, tildes, spaces and typographic quotes,
  marks at the text's edges among them. absent_block_rules, which calls it, is compared with
  round 26's reference on the same texts.

Every input here is generated or a file of the repository, so each branch is taken without
../shared/corpus.
"""

from __future__ import annotations

import random

from incidentparse import tokens

from .test_tokens_perf26 import ALL_TEXTS, _reference_absent_block_rules

PIECES = ("`", "``", "```", "~", "~~", "~~~", " ", "  ", "\n", "word", "“q”", "é", "x`y", "~5")


def _fence_mix(seed: int) -> str:
    rng = random.Random(seed)
    return "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 12)))


def _sparse(seed: int) -> str:
    # few marks in long plain text, as reports hold them: a code span, a '~5 min'
    rng = random.Random(seed)
    words = ["plain", "“quoted”", "text", "\n", "  "]
    body = [rng.choice(words) for _ in range(rng.randint(5, 60))]
    for _ in range(rng.randint(0, 3)):
        body.insert(rng.randint(0, len(body)), rng.choice(PIECES[:6]))
    return " ".join(body)


GENERATED = [_fence_mix(seed) for seed in range(3000)] + [_sparse(seed) for seed in range(1000)]
EDGES = ["```", "~~~", "``", "~~", "`~`", "~`~", "a```", "```a", "a~~~", "~ ~ ~", "~~ ~", "`` `"]
FENCE_TEXTS = [*ALL_TEXTS, *GENERATED, *EDGES]


def _reference_holds_fence_mark(text: str) -> bool:
    return "```" in text or "~~~" in text


def test_inputs_reach_every_branch() -> None:
    backticks = [t for t in FENCE_TEXTS if "`" in t]
    assert sum("```" in t for t in backticks) > 100
    assert sum("```" not in t for t in backticks) > 100
    one_tilde = [t for t in FENCE_TEXTS if t.count("~") == 1]
    tildes = [t for t in FENCE_TEXTS if t.count("~") > 1]
    assert len(one_tilde) > 100
    assert sum("~~~" in t for t in tildes) > 100
    assert sum("~~~" not in t for t in tildes) > 100
    assert sum("~" not in t and "`" not in t for t in FENCE_TEXTS) > 100


def test_holds_fence_mark_matches_substring_tests() -> None:
    wrong = [
        t for t in FENCE_TEXTS if tokens._holds_fence_mark(t) != _reference_holds_fence_mark(t)
    ]
    assert wrong == []


def test_fence_marks_are_the_rules() -> None:
    # _holds_fence_mark stands for these marks: a change of them must change it too
    assert tokens._BLOCK_RULE_MARKS["fence"] == ("```", "~~~")
    assert [rule for rule, _ in tokens._SEARCHED_MARKS] == [
        rule for rule in tokens._BLOCK_RULE_MARKS if rule != "fence"
    ]


def test_absent_block_rules_matches_reference() -> None:
    wrong = [
        t
        for t in FENCE_TEXTS
        if tokens.absent_block_rules(t, t.split("\n")) != _reference_absent_block_rules(t)
        or tokens.absent_block_rules(t) != _reference_absent_block_rules(t)
    ]
    assert wrong == []
