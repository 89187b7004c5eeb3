"""Round 25's narrower point start after 'the' turns away no expression.

grammar.POINT_STARTS lets 'the' and a digit or an ordinal through only as quarter_words,
half_words and the part-of words read them ('the 2nd half', 'the first days of'), and 'the
last' only before 'days': no longer 'the 2019 outage', 'the first engineer', 'the last 15'.
Compared here with the plain grammar (match_expression without its gate _POINT_START): at
every place where START_LOWER (the scanner's candidate test, made of the same branches) now
fails, no expression starts in any context, and match_expression gives what the plain grammar
gives at every place; on the repo's texts, the corpus when present and generated 'the'
phrases with digits, ordinals and the words the rules read after 'the'. No timings here.
"""

from __future__ import annotations

import itertools
import random
import re

import pytest

from incidentparse.dates import grammar, scan

from .test_dates_perf import _CONTEXTS, TEXTS
from .test_dates_perf22_ref import turned_away_by_the_gate

# The branch as it was: any digit 1-4, any ordinal and 'last' after 'the'.
_OLD_BRANCH = (
    r"the\s+(?:first|second|third|fourth|[1-4]|following|next|previous|prior|preceding|day|"
    r"night|weekend|end|early|beginning|start|mid|late|last)"
)

_LEADS = ("", "in ", "In ", "of ", "since ", "from ", "by ", "until ", "during ", "as of ")
_THE = ("the", "The", "THE", "the\n", "the  ", "the\t")
_AFTER = (
    "1st", "2nd", "3rd", "4th", "1ST", "2Nd", "1", "2", "3", "4", "5", "12", "2019", "2019-11-29",
    "1st quarter", "2nd half", "3rd quarter of 2019", "4th Quarter 2020", "1st half of 2021",
    "2nd fiscal quarter", "1 st quarter", "2 nodes", "3 days ago", "4 hours later", "1/2",
    "2019 outage", "22nd", "3rd of March", "1st week", "2.5", "3:00", "1st-half", "20th",
    "second half", "following day", "end of the week", "weekend", "early 2019", "mid-March",
    "first quarter", "first fiscal quarter", "First Half of 2019", "first days of March",
    "first  days of 2019", "last days of 2019", "last days", "fourth quarter", "3rd Quarter",
    "FIRST HALF", "first\nhalf", "second\tquarter of 2020", "first engineer", "first docker",
    "second issue", "first ten", "last 15 minutes", "last week", "last day", "last Monday",
    "last four days", "fourth day", "first", "last", "first half-day", "first quarterly",
    "third half", "last day of the month", "first-half", "first day of March",
)  # fmt: skip
_TAILS = ("", ".", " of 2019", ", we", " - 2020", " onwards")


def _generated(count: int, seed: int = 2025) -> list[str]:
    texts = [
        f"{lead}{the} {after}{tail}".replace("  ", " ", 1)
        for lead, the, after, tail in itertools.product(_LEADS[:4], _THE, _AFTER, _TAILS[:3])
    ]
    rng = random.Random(seed)
    for _ in range(count):
        words = [
            f"{rng.choice(_LEADS)}{rng.choice(_THE)} {rng.choice(_AFTER)}{rng.choice(_TAILS)}"
            for _ in range(rng.randint(1, 4))
        ]
        texts.append(" and ".join(words))
    return texts


GENERATED = _generated(3000)


def test_the_and_a_digit_turned_away_start_no_expression(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Where START_LOWER now fails at a scanner candidate, no expression starts in the plain
    grammar; it fails at many places the old branch let through."""
    monkeypatch.setattr(grammar, "_POINT_START", re.compile(""))
    assert grammar.POINT_STARTS[3] != _OLD_BRANCH
    old = re.compile(grammar.START_LOWER.pattern.replace(grammar.POINT_STARTS[3], _OLD_BRANCH))
    assert old.pattern != grammar.START_LOWER.pattern
    assert turned_away_by_the_gate([*GENERATED, *TEXTS], old) > 3000


def test_the_gate_is_the_plain_grammar(monkeypatch: pytest.MonkeyPatch) -> None:
    """match_expression with and without its gate at every place of the generated phrases."""
    places = [(t, p) for t in GENERATED for p in scan._token_candidates(t, 0, None)]
    gated = [grammar.match_expression(t, p, ctx) for t, p in places for ctx in _CONTEXTS]
    monkeypatch.setattr(grammar, "_POINT_START", re.compile(""))
    plain = [grammar.match_expression(t, p, ctx) for t, p in places for ctx in _CONTEXTS]
    assert sum(e is not None and e.a is not None and e.a.kind == "quarter" for e in plain) > 100
    assert gated == plain
