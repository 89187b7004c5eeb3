"""Letters beyond ASCII that re.I reads as ASCII ones ('ſ' as 's', 'ı' and 'İ' as 'i') in date
words: the grammar reads no date from such a word, where it raised KeyError ('next ſunday',
'aprİl 5', '2 dayſ ago', 'laſt week'), and a report holding one parses."""

from __future__ import annotations

import datetime as dt
import importlib
import pkgutil
from pathlib import Path

import pytest

import incidentparse.dates as dates_package
from incidentparse import parse
from incidentparse.dates import find_timespans, parse_duration, parse_timespan
from incidentparse.dates.vocab import CASE_UNSAFE, case_unsafe

REFERENCE = dt.date(2026, 6, 1)
ROOT = Path(__file__).resolve().parent.parent
SWAPS = (("s", "\u017f"), ("i", "\u0131"), ("i", "\u0130"), ("S", "\u017f"), ("I", "\u0131"))
CONTEXTS = ("{}", "next {}", "last {}", "{} 5", "5 {} 2024", "mid-{}", "since {}", "2 {} ago",
            "in 3 {}", "{} at 4 pm", "2024-03-05 10:00 {}")  # fmt: skip


def _vocabulary() -> set[str]:
    """Every ASCII word of the date engine's tables."""
    words: set[str] = set()
    for found in pkgutil.iter_modules(dates_package.__path__):
        module = importlib.import_module(f"incidentparse.dates.{found.name}")
        for value in vars(module).values():
            if isinstance(value, (dict, frozenset, set, tuple)):
                words.update(
                    key for key in value
                    if isinstance(key, str) and key.isascii() and 1 < len(key) < 25
                    and any(char.isalpha() for char in key)
                )  # fmt: skip
    return words


def _swapped() -> list[str]:
    return sorted({w.replace(a, b) for w in _vocabulary() for a, b in SWAPS if a in w})


def test_case_unsafe_is_the_characters_of_case_unsafe() -> None:
    assert not case_unsafe("next sunday") and not case_unsafe("Zürich — 5 März")
    assert all(case_unsafe(f"x{char}y") for char in CASE_UNSAFE)


@pytest.mark.parametrize("context", CONTEXTS)
def test_no_date_function_raises_on_swapped_vocabulary(context: str) -> None:
    phrases = [context.format(word) for word in _swapped()]
    assert len(phrases) > 300
    for phrase in phrases:
        # Wording around a date ('approxİmately', 'or ſo') still reads as re.I reads it.
        parse_timespan(phrase, reference_date=REFERENCE)
        list(find_timespans(f"On {phrase} we restarted.", reference_date=REFERENCE))
        parse_duration(phrase)


def test_swapped_date_words_read_no_date() -> None:
    for phrase in ("next \u017funday", "apr\u0130l 5, 2024", "la\u017ft week", "ye\u017fterday",
                   "m\u0131d-March 2024"):  # fmt: skip
        assert parse_timespan(phrase, reference_date=REFERENCE) is None, phrase
        plain = phrase.replace("\u017f", "s").replace("\u0131", "i").replace("\u0130", "i")
        assert parse_timespan(plain, reference_date=REFERENCE) is not None, plain
    assert parse_duration("2 day\u017f") is None and parse_duration("2 days") is not None
    dated = parse_timespan("Tue\u017fday 5 March 2024", reference_date=REFERENCE)
    assert dated is not None and dated.text == "5 March 2024"  # the date without the word


def test_reports_with_swapped_letters_parse() -> None:
    for path in sorted((ROOT / "fixtures" / "reports").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        for plain, swapped in SWAPS:
            report = parse(text.replace(plain, swapped), reference_date=REFERENCE)
            assert report.title is not None or report.sections, path.name
