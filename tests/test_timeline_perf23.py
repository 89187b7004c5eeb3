"""Round 23 timeline fast paths, each compared with the way it replaces.

- `sequence._known_value` resolves a digit-led label that is its known Expr whole ('1:06 PM', a
  table's '2022-03-18 08:37') without parse_value's value checks: the same answer as
  parse_value (with and without the reading) on every stamp of every line of every report we
  have and on generated rows, under many options and carried days; and every report's timeline
  the same with the shortcut refused.
- `timeline._declared_in` answers None for an ASCII text without 'time' without asking
  zones.zone_declaration: the same as declared_zone on every paragraph and line of every
  report, generated paragraphs, and those with a character beyond ASCII put in.
- `leading.opens_with_plain_word` tells a text opening with a four-letter ASCII word no
  candidate reads ('Engineer attempts ...') gives no stamp, before the candidate search: the
  same stamps as without it on every line, paragraph and row we have, generated rows and texts
  opening with each trigger word.
"""

from __future__ import annotations

import random
from collections import Counter

import pytest

from incidentparse import parse
from incidentparse.dates import leading, placeholders, sequence
from incidentparse.dates.leading import Stamp
from incidentparse.dates.scan import parse_value
from incidentparse.extract import timeline
from incidentparse.extract.context import declared_zone

from .test_timeline_perf9 import _doc_paragraphs, _generated_paragraphs
from .test_timeline_perf11 import (
    DOCS,
    OPTIONS,
    REFERENCES,
    _ctxs,
    _doc_rows,
    _generated_rows,
    _stamps,
)
from .test_timeline_perf16 import _compare_leading


def test_no_placeholder_opens_with_a_digit() -> None:
    """_known_value's proof that a digit-led value is no placeholder."""
    assert not any("0" <= initial <= "9" for initial in placeholders._INITIALS)
    assert not placeholders.placeholder("1:06 PM")


def _known_values(stamps: list[Stamp]) -> Counter[str]:
    """Every stamp's reading, its shapes' reading and the sequence's own compared with
    parse_value given the same; the sequence's own (with the sequence's dayfirst, the only Ctx
    it passes) with parse_value reading the label afresh too."""
    seen: Counter[str] = Counter()
    for n, stamp in enumerate(stamps):
        options = OPTIONS[n % len(OPTIONS)]
        env = options.env()
        for ctx in _ctxs(options)[1:]:  # resolve_sequence always passes its Ctx
            assert ctx is not None
            knowns = (stamp.reading, stamp.shaped, sequence._reading(stamp, options, ctx))
            for known in knowns:
                if known is None:
                    continue
                fast = sequence._known_value(stamp, known, env, ctx)
                if fast is None:
                    seen["refused"] += 1
                    continue
                assert fast == parse_value(stamp, options, ctx, known), (stamp, options, ctx)
                if ctx.dayfirst == options.dayfirst and known is knowns[2]:  # as the sequence
                    assert fast == parse_value(str(stamp), options, ctx), (stamp, options, ctx)
                seen["used"] += 1
    return seen


def test_report_stamps_resolved_as_parse_value() -> None:
    seen = _known_values(_stamps(_doc_rows()))
    # repository alone: used 170+; the lines with '|' or '**' before the stamp are refused
    assert seen["used"] > 100 and seen["refused"] > 10, seen


def test_generated_stamps_resolved_as_parse_value() -> None:
    seen = _known_values(_stamps(_generated_rows(6000, 23)))
    assert seen["used"] > 1000 and seen["refused"] > 1000, seen


def test_reports_parse_as_without_the_shortcut(monkeypatch: pytest.MonkeyPatch) -> None:
    fast = [parse(doc).timeline for doc in DOCS]
    monkeypatch.setattr(sequence, "_known_value", lambda text, known, env, ctx: None)
    plain = [parse(doc).timeline for doc in DOCS]
    assert fast == plain
    assert sum(len(events) for events in fast) > 100


def test_declared_in_as_declared_zone() -> None:
    rng = random.Random(23)
    texts = _doc_paragraphs() + _generated_paragraphs(3000, 23)
    texts += [line for doc in DOCS for line in doc.splitlines()]
    texts += ["All times in UTC", "Times are BST.", "(times in PDT)", "TIMESTAMPS: CET", "uptime"]
    for text in texts[:4000]:  # the same with a character beyond ASCII put in somewhere
        at = rng.randint(0, len(text))
        extra = rng.choice(
            (
                "\u0130",
                "\u0131",
                "\u017f",
                "é",
                "T\u0130MES IN BST ",
                " t\u0131me in PDT",
                " tımes: UTC",
            )
        )
        texts.append(text[:at] + extra + text[at:])
    answers: Counter[bool] = Counter()
    for text in texts:
        plain = declared_zone(text)
        assert timeline._declared_in(text) == plain, text
        answers[plain is None] += 1
    assert answers[True] > 1000 and answers[False] > 5, answers


def _opening_texts() -> list[str]:
    """Lines, paragraphs and rows of every report, generated rows, and texts opening with each
    trigger word (capitalised, upper-cased, glued to more letters, with 'fy' and 'q1')."""
    texts = _doc_rows() + _doc_paragraphs() + _generated_rows(4000, 23)
    texts += _generated_paragraphs(2000, 23)
    rng = random.Random(23)
    tails = (" 1:06 PM restarted", ", 2024", " 3 and on", "s later", "_x", "9 x", "é", "")
    for word in sorted(leading._TRIE_WORDS):
        for form in (word, word.capitalize(), word.upper(), word + "ed", "Fy" + word):
            texts.append(form + rng.choice(tails))
    texts += ["Fyodor called", "fy2024 plan", "Q1ab", "Noon", "Tonight at 9", "Week 3 began"]
    return texts


def test_plain_opening_words_give_no_stamp(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _opening_texts()
    fast = [timeline._stamp_of(text, REFERENCES[n % 3]) for n, text in enumerate(texts)]
    told = sum(leading.opens_with_plain_word(text) for text in texts)
    monkeypatch.setattr(timeline, "opens_with_plain_word", lambda text: False)
    plain = [timeline._stamp_of(text, REFERENCES[n % 3]) for n, text in enumerate(texts)]
    assert fast == plain
    # generated texts alone: 669 told, 2270 stamps (2104 told with the repository and corpus)
    assert told > 600 and sum(found is not None for found in plain) > 1000, told


def test_digit_led_first_candidate_as_the_search() -> None:
    """_first_candidate's digit-led answer (0, no search): compared with candidates() and the
    plain leading walk by round 16's comparison, on digit-led rows and lines."""
    texts = [t for t in _doc_rows() + _generated_rows(4000, 23) if "0" <= t[:1] <= "9"]
    texts += [t + "\u0130" for t in texts[:500]]  # lower-casing moves offsets: the search's way
    stamped, _, moved = _compare_leading(texts)
    assert len(texts) > 1500 and stamped > 1000 and moved >= 500, (len(texts), stamped, moved)
