"""Placeholder values (C19): N/A, TBD, Unknown… through the answers table, cheaply and safely."""

from __future__ import annotations

import re

from ..answers import PLACEHOLDERS, is_placeholder

# First words of the answers table's placeholders ("not" for "not applicable"…): a value that
# starts otherwise skips the table's regex, which most date values would pay for nothing.
_PLACEHOLDER_STARTS = frozenset(
    re.split(r"[\s/]", word, maxsplit=1)[0] for word, _, _ in PLACEHOLDERS
)
_FIRST_WORD = re.compile(r"[*_\s]*([^\s/():;.,*_]*)")


_PUNCT_RUN = re.compile(r"([^\w\s]|_)\1{2,}")


def placeholder(value: str) -> bool:
    """N/A, TBD, Unknown… (the answers table), read cheaply and safely.

    Values whose first word starts no placeholder skip the table's regex; the others are passed
    with blank runs folded and punctuation runs cut to two ('**N/A**' keeps its markup), because
    that regex backtracks badly on long runs of either.
    """
    m = _FIRST_WORD.match(value)
    word = m.group(1).lower() if m else ""
    if word and word not in _PLACEHOLDER_STARTS:
        return False
    return is_placeholder(_PUNCT_RUN.sub(r"\1\1", " ".join(value.split())))
