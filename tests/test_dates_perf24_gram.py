"""Round 24's grammar shortcuts give exactly what the plain grammar gives.

The point-start gate (grammar.POINT_STARTS, also inside START_LOWER and so the scanner's
candidate regex) lets a count and a unit through only before an offset's direction word:
'for a few hours due to' is no longer a candidate. Compared here with the plain grammar (the
gate emptied) at every place the scanner could ask, on the repo's texts, the corpus when
present, and generated counts of units before every kind of word. No timings here.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re

import pytest

from incidentparse.dates import grammar, scan
from incidentparse.dates.points import Ctx
from incidentparse.dates.vocab import NUMBER_BY_WORD, UNIT_BY_NAME

from .test_dates_perf import _CONTEXTS as _GATE_CONTEXTS
from .test_dates_perf import DOCUMENTS

# test_dates_perf's plainest and most permissive contexts, and one after a slot word only.
_CONTEXTS = [*_GATE_CONTEXTS, Ctx(dt.date(2026, 4, 3), slot_word=True)]

_LEADS = ("", "for ", "within ", "In ", "about ", "by ", "the ", "over ")
_FOLLOWERS = (
    "ago", "Ago", "AGO", "earlier", "previously", "later", "Later.", "afterwards", "from now",
    "from\nnow", "from  the", "hence", "before", "before the outage", "after", "after,",
    "prior", "prior to", "prior\n", "agony", "lateral", "before2", "due to", "of", "of March 3",
    "and", "or so", "-", "", "\n", "  later", "\tago", "aGo", "previous", "later-ish",
)  # fmt: skip


def _generated() -> list[str]:
    counts = [*NUMBER_BY_WORD, "A few", "A Couple of", "SEVERAL", "3", "12", "forty-eight"]
    units = [*UNIT_BY_NAME, "Hours", "DAYS", "hourly", "weekday"]
    some_units = [*units[:: max(1, len(units) // 12)], "hours", "days"]
    texts = []
    for lead, count, unit, follower in itertools.product(
        _LEADS[:3], counts, some_units, _FOLLOWERS
    ):
        texts.append(f"{lead}{count} {unit} {follower}")
    for count, unit, lead in itertools.product(counts, units, _LEADS):
        texts.append(f"It took {lead}{count} {unit} due to a migration, {count} {unit} later.")
    return texts


TEXTS = DOCUMENTS + _generated()


def _places() -> list[tuple[str, int]]:
    return [(text, pos) for text in TEXTS for pos in scan._token_candidates(text, 0, None)]


def test_point_start_gate_is_the_plain_grammar(monkeypatch: pytest.MonkeyPatch) -> None:
    places = _places()
    gated = [grammar.match_expression(t, p, ctx) for t, p in places for ctx in _CONTEXTS]
    monkeypatch.setattr(grammar, "_POINT_START", re.compile(""))
    plain = [grammar.match_expression(t, p, ctx) for t, p in places for ctx in _CONTEXTS]
    assert sum(e is not None for e in plain) > 10_000
    assert gated == plain


def test_candidates_turned_away_read_nothing_in_the_plain_grammar(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Every token start the scanner no longer hands over (START_LOWER fails there) reads no
    expression in the plain grammar, in any context."""
    monkeypatch.setattr(grammar, "_POINT_START", re.compile(""))
    turned_away = 0
    offsets_read = 0
    for text in TEXTS:
        kept = set(scan.expression_candidates(text, 0, None))
        for pos in scan._token_candidates(text, 0, None):
            found = [grammar.match_expression(text, pos, ctx) for ctx in _CONTEXTS]
            if pos not in kept:
                turned_away += 1
                assert found == [None] * len(_CONTEXTS), (text, pos)
            elif any(e is not None and e.a is not None and e.a.relative for e in found):
                offsets_read += 1
    assert turned_away > 10_000
    assert offsets_read > 100  # the generated offsets are read, and still handed over


# --- match_compound after a weekday's date ---------------------------------------------------
# Where _match_weekday_date reads a date, match_compound no longer tries the plain point rules
# past its end: exact when they never read further there, checked at every place of every
# text and before generated weekday dates in every spelling and case.
_WEEKDAY_TEXTS = [
    f"{lead}{weekday}{sep}{date}{tail}"
    for lead in ("", "On ", "the ", "this ", "next ", "last ", "Since ")
    for weekday in (
        "Friday", "fri", "FRI.", "Fri.", "Thurs", "thu", "Tues", "Wed", "Sat", "sun", "Monday",
        "SATURDAY", "the following", "fiscal", "second",
    )
    for sep in (" ", ", ", ",", "  ", "\n", " - ")
    for date in ("29 November 2019", "2019-11-29", "Nov 29", "29th of November", "3/4", "14:00")
    for tail in ("", " at 14:00", ", we", " (UTC)", " - 30 November 2019", " onwards")
]  # fmt: skip


def test_no_rule_reads_past_a_weekday_date() -> None:
    texts = [*TEXTS, *_WEEKDAY_TEXTS]
    dated = 0
    for text in texts:
        for pos in scan._token_candidates(text, 0, None):
            for ctx in _CONTEXTS:
                found = grammar._match_weekday_date(text, pos, ctx)
                if found is None:
                    continue
                dated += 1
                assert grammar.match_point(text, pos, ctx, found[1]) is None, (text, pos)
    assert dated > 1000
