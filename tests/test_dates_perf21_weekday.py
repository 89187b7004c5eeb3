"""The weekday + shape shortcut (grammar._match_weekday_shape) gives what the grammar gives.

match_expression is compared with and without the shortcut at every place it answers: every
Markdown file of the repo, the shared corpus (when present), the date tables, and generated
text of every weekday spelling, separator, shape and follower of tests/test_dates_shapes.py;
then whole results (parse_timespan, find_timespans, parse()) with the shortcut on and off. No
timings here.
"""

from __future__ import annotations

import itertools
import random
import re

import pytest

from incidentparse.dates import grammar

from .test_dates_shapes import (
    AFTER,
    BEFORE,
    CONTEXTS,
    REPO,
    SHAPES,
    Place,
    _results,
    parsed_reports,
    same_without,
)

WEEKDAYS = (
    "Wednesday", "wednesday", "WEDNESDAY", "Wed", "Wed.", "wed", "Weds", "Tues", "Tue.",
    "Thurs", "Thur", "Thu", "Monday", "Mon", "Fri", "Friday", "Sat", "Saturday", "Sun",
    "Sunday", "Tuesday", "Thursday", "Mond", "this Wednesday", "last Fri", "next Mon", "Wedİ",
    "Sunday\u212a", "Wed's",
)  # fmt: skip
LINE_ENDS = ("\n", " \n", "\t\n", "\n\n", "\nUTC", "\n16:21", "\n- 2019", " -\n", ",\n")
JOINS = (" ", ", ", ",", " , ", "  ", "\t", "\n", ".", ". ", "", ",\n", " (", " the ", " on ")


def _generated() -> list[str]:
    """Every weekday, join and shape, with a before and an after; then random runs."""
    texts = [w + j + s for w, j, s in itertools.product(WEEKDAYS, JOINS, SHAPES)]
    # a line break after the shape: a date alone there is read by match_date_at_line_end
    texts += [
        w + j + s + e
        for w, j, s, e in itertools.product(WEEKDAYS, (" ", ", ", "\n"), SHAPES, LINE_ENDS)
    ]
    rng = random.Random(21)
    for _ in range(6000):
        texts.append(
            rng.choice(BEFORE)
            + rng.choice(WEEKDAYS)
            + rng.choice(JOINS)
            + rng.choice(SHAPES)
            + "".join(rng.choices(AFTER + SHAPES + WEEKDAYS, k=rng.randint(0, 3)))
        )
    return texts


GENERATED = _generated()
_WORD_START = re.compile(r"(?<![A-Za-z])[A-Za-z]")


def _slow(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(grammar, "_match_weekday_shape", lambda text, pos, ctx: None)


def _compare(texts: list[str], monkeypatch: pytest.MonkeyPatch) -> int:
    """match_expression with and without the shortcut at every word start where it answers."""
    places: list[Place] = []
    for text in texts:
        for m in _WORD_START.finditer(text):
            for ctx in CONTEXTS:
                if grammar._match_weekday_shape(text, m.start(), ctx) is not None:
                    fast = grammar.match_expression(text, m.start(), ctx)
                    places.append((text, m.start(), ctx, fast))
    return same_without(places, _slow, monkeypatch)


def test_weekday_shapes_in_the_repo_read_as_the_grammar(monkeypatch: pytest.MonkeyPatch) -> None:
    # the repository's own files hold a few ('Tue 2026-...' in the date tables); the corpus more
    assert _compare(REPO, monkeypatch) >= 1


def test_weekday_shapes_in_generated_text_read_as_the_grammar(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert _compare(GENERATED, monkeypatch) > 10_000


def test_the_shortcut_answers_for_the_common_forms() -> None:
    for text in ("Wednesday, 2018-08-22", "Wed 2018-08-22 03:26pm", "Fri 03-26 07:16 |"):
        assert grammar._match_weekday_shape(text, 0, CONTEXTS[0]) is not None, text
    for text in ("Wed 16:21", "this Wed 2018-08-22", "Wed 2018-08-22 (Wed)", "Wed 2018-08-22-"):
        assert grammar._match_weekday_shape(text, 0, CONTEXTS[0]) is None, text


def test_results_are_the_same_without_the_shortcut(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = GENERATED[::7]
    fast = _results(texts)
    with monkeypatch.context() as patch:
        _slow(patch)
        slow = _results(texts)
    assert fast == slow


def test_parse_is_the_same_without_the_shortcut(monkeypatch: pytest.MonkeyPatch) -> None:
    fast = parsed_reports()
    with monkeypatch.context() as patch:
        _slow(patch)
        slow = parsed_reports()
    assert fast == slow
