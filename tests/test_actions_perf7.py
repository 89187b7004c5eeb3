"""The action-item searches' character gate gives exactly what the plain regex search gives."""

from __future__ import annotations

import random

import pytest

from incidentparse.extract import actions

from .test_extract_perf import TEXTS

_PIECES = ["(", ")", "@", "#", "-", "owner", "Owned By", ": ", "ab", "AB", "INC", "12", " ", "/"]


def _generated(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 12))) for _ in range(count)]


@pytest.mark.parametrize("pattern", list(actions._MARKS))
def test_gated_search_is_the_plain_search(pattern: object) -> None:
    assert isinstance(pattern, type(actions._OWNER))
    lines = [line for text in TEXTS for line in text.splitlines()]
    matched = 0
    for text in [*lines, *_generated(5000, 3)]:
        plain = pattern.search(text)
        gated = actions._search(pattern, text)
        assert (gated and gated.span()) == (plain and plain.span()), text
        matched += plain is not None
    assert matched > 100  # the inputs reach both outcomes
