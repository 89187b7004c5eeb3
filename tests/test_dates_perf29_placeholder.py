"""Round 29: a value written exactly as a placeholder word is told by one set look-up.

- `dates.placeholders.placeholder` answers True at once for a value in `_WRITTEN` (the answers
  table's words as commonly written: 'N/A', 'TBD', 'Unknown', 'Not applicable'), built at
  import by the definition (`_placeholder`, the round-28 function unchanged): the same answer
  as `_placeholder` on every value of our reports (each line, each field value after a ':' or
  a '|') and on generated values (table words in mixed case, with markup, blanks, reasons,
  punctuation runs and other words); `parse_duration` gives what it gave with `_placeholder`.
"""

from __future__ import annotations

import random

import pytest

from incidentparse import parse
from incidentparse.answers import PLACEHOLDERS
from incidentparse.dates import durations, placeholders
from incidentparse.dates.durations import find_duration, parse_duration
from incidentparse.dates.placeholders import _WRITTEN, _placeholder, placeholder

from .test_timeline_perf11 import DOCS

WORDS = [word for word, _, _ in PLACEHOLDERS]
PIECES: tuple[str, ...] = (
    *WORDS, "**", "_", " ", "  ", "\t", "(", ")", ":", " - ", "/", ".", "...", "!!!", "----",
    "reason", "3h 45m", "~17d", "11 Days", "n", "a", "N", "A", "T", "BD", "none", "yet",
    "İ", "ſ", "K", "é", "—", "–", "Not", "applicable", "Unknown", "2024-03-05",
)  # fmt: skip


def _cased(word: str, rng: random.Random) -> str:
    return "".join(c.upper() if rng.random() < 0.5 else c.lower() for c in word)


def _generated(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for n in range(count):
        if n % 3 == 0:  # a table word alone, in some casing: the look-up's own values and more
            word = rng.choice(WORDS)
            out.append(rng.choice((word, word.upper(), word.title(), _cased(word, rng))))
            continue
        pieces = [rng.choice(PIECES) for _ in range(rng.randint(1, 5))]
        out.append(_cased("".join(pieces), rng) if n % 5 == 0 else "".join(pieces))
    return out


def _doc_values() -> list[str]:
    values = []
    for doc in DOCS:
        for line in doc.splitlines():
            values.append(line)
            values.extend(part.strip() for part in line.split("|"))
            if ":" in line:
                values.append(line.split(":", 1)[1].strip())
    return values


VALUES = [*_doc_values(), *_generated(20000, 29)]


def test_written_words_are_placeholders_by_the_definition() -> None:
    assert _WRITTEN and all(_placeholder(value) for value in _WRITTEN)
    assert {"N/A", "n/a", "TBD", "Unknown", "None", "Not applicable"} <= _WRITTEN


def test_placeholder_as_the_definition() -> None:
    looked_up = 0
    for value in VALUES:
        assert placeholder(value) == _placeholder(value), value
        looked_up += value in _WRITTEN
    # the look-up answers often, without ../shared/corpus too (the generated table words)
    assert looked_up > 3000, looked_up


def _plain_parse_duration(text: str) -> object:
    """parse_duration as round 28 wrote it, with the definition."""
    if not text.strip() or _placeholder(text):
        return None
    return find_duration(text)


def test_parse_duration_as_before() -> None:
    for value in VALUES[::3]:
        assert parse_duration(value) == _plain_parse_duration(value), value


def test_reports_parse_as_without_the_look_up(monkeypatch: pytest.MonkeyPatch) -> None:
    fast = [parse(doc).model_dump_json() for doc in DOCS]
    monkeypatch.setattr(placeholders, "_WRITTEN", frozenset())
    monkeypatch.setattr(durations, "placeholder", _placeholder)
    plain = [parse(doc).model_dump_json() for doc in DOCS]
    assert fast == plain
