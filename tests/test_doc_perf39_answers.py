"""Round 39: answers.classify reads a value that opens with no blank, '*' or '_' by its first
two characters, without the three strips (which strip nothing there).

Checked here against classify as it was (kept below as the reference) and against its
definition (answers._classify): on every line of every report we have (fixtures, README and
docs, the corpus when present), on generated values mixing placeholder words, markup, blanks
beyond ASCII ('\\u00a0', '\\u2003') and characters whose lower case is longer or ASCII ('İ',
the Kelvin sign), and on whole parses (the modules that imported classify patched with the
reference). The new branch is exercised on both outcomes. No timings.
"""

from __future__ import annotations

import random

import pytest

import incidentparse
from incidentparse import answers
from incidentparse.answers import PRESENT, Answer, _classify, classify
from incidentparse.extract import context, readers, statements, timeline

from .conftest import REPO_MARKDOWN, SHARED
from .test_timeline_perf14 import _ANSWER_PIECES


def _old_classify(value: str) -> Answer:
    """answers.classify before round 39."""
    lead = value.lstrip().lstrip("*_").lstrip()[:2]
    if lead and lead[0] not in "*_":
        lower = lead.lower()[:2]
        if lower[:1] not in answers._HEADS and lower not in answers._HEADS:
            return PRESENT
    return _classify(value)


def _texts() -> list[str]:
    paths = [*REPO_MARKDOWN, *sorted((SHARED / "corpus").glob("*.md"))]
    return [path.read_text(encoding="utf-8") for path in paths]


def _values() -> list[str]:
    rng = random.Random(3903)
    values = [
        "".join(rng.choice(_ANSWER_PIECES) for _ in range(rng.randint(0, 6))) for _ in range(30000)
    ]
    values += [line for text in _texts() for line in text.splitlines()]
    values += [line.strip(" -*#>|") for text in _texts() for line in text.splitlines()]
    return values


def test_classify_as_before_and_as_read_in_full() -> None:
    fast_present = fast_read = 0
    for value in _values():
        found = classify(value)
        assert found == _old_classify(value) == _classify(value), value
        first = value[:1]
        if first and not first.isspace() and first not in "*_":
            fast_present += found is PRESENT
            fast_read += found is not PRESENT
    # The first-two-characters branch is taken, both ways, without the corpus too.
    assert fast_present > 10000
    assert fast_read > 2000


def test_whole_parses_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(3904)
    texts = _texts() + [
        "# R\n\n## Impact\n\n"
        + "\n".join(
            f"- {rng.choice(('Financial', 'Owner', 'Status', 'Cost'))}: "
            + "".join(rng.choice(_ANSWER_PIECES) for _ in range(rng.randint(1, 4)))
            for _ in range(rng.randint(1, 6))
        )
        + "\n"
        for _ in range(300)
    ]
    fast = [incidentparse.parse(text).model_dump_json() for text in texts]
    # classify is called by the modules that imported it, each patched
    for module in (answers, context, readers, statements, timeline):
        monkeypatch.setattr(module, "classify", _old_classify)
    assert [incidentparse.parse(text).model_dump_json() for text in texts] == fast
