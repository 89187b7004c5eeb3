"""Round 22 timeline and metrics fast paths, each compared with the way it replaces.

- `metrics._built` builds the Metrics, its Anchors and Durations and the StatedDurations
  without validating them: the same model as validating the same values, compared on every one
  a parse of every report we have builds.
- `timeline._one_dated_sentence` finds the first word the scanner reads past the first
  sentence's end with one search (dates.scan.expression_candidates): the same answer as trying
  grammar.START_LOWER at every candidate word, on every paragraph and line of every report and
  generated paragraphs (words START_LOWER reads, 'İ' and other CASE_UNSAFE characters).
- `timeline.phase_of` answers None for a label opening with an ASCII digit without label_key:
  the same as looking its key up, on every line and cell of every report and generated labels.
"""

from __future__ import annotations

import random
from collections import Counter
from typing import Any

import pytest

from incidentparse import parse
from incidentparse.dates.grammar import START_LOWER
from incidentparse.dates.scan import candidates
from incidentparse.dates.vocab import case_unsafe
from incidentparse.extract import metrics, timeline
from incidentparse.extract.fields import label_key
from incidentparse.models import Anchor, Duration, Metrics, StatedDuration

from .test_timeline_perf9 import _doc_paragraphs, _generated_paragraphs
from .test_timeline_perf14 import DOCS, _same_model


def test_metrics_models_built_as_validated(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: Counter[str] = Counter()
    fast_build = metrics.assembled

    def compared(model: Any, values: dict[str, Any], given: Any) -> Any:
        fast = fast_build(model, values, given)
        _same_model(fast, model(**{name: values[name] for name in given}))
        seen[model.__name__] += 1
        return fast

    monkeypatch.setattr(metrics, "assembled", compared)
    for text in DOCS:
        parse(text)
    # without the shared corpus too: the repository's reports build every kind
    for model in (Metrics, Anchor, Duration, StatedDuration):
        assert seen[model.__name__] >= 3, seen


def _labels() -> list[str]:
    """Every line, cell-like piece and word run of every report, and generated labels."""
    found: set[str] = set()
    for text in DOCS:
        for line in text.splitlines():
            found.add(line)
            found.update(piece.strip() for piece in line.split("|"))
            found.update(piece.strip() for piece in line.split(":"))
    rng = random.Random(22)
    pieces = ("1", "0", "9", "٣", "²", "-", ":", " ", "&", "/", "(", "Response", "Containment")
    for _ in range(5000):
        found.add("".join(rng.choice(pieces) for _ in range(rng.randint(1, 5))))
    return sorted(found)


def test_phase_of_digit_led_labels_name_no_phase() -> None:
    assert not any(char.isdigit() for key in timeline.PHASES for char in key)
    led = 0
    for label in _labels():
        plain = timeline.PHASES.get(label_key(label)) if label else None
        assert timeline.phase_of(label) == plain, label
        led += bool(label) and "0" <= label[0] <= "9"
    assert led > 1000


def _plain_one_dated_sentence(text: str) -> bool:
    """_one_dated_sentence as round 9 wrote it: START_LOWER tried at each candidate word."""
    first = timeline._SENTENCE_END.search(text)
    if first is None:
        return True
    lower = text.lower()
    exact = len(lower) == len(text) and not case_unsafe(text)
    for pos in candidates(text, first.start(1)):
        if not exact or "0" <= text[pos] <= "9" or START_LOWER.match(lower, pos):
            return False
    return True


def test_one_dated_sentence_as_every_candidate_tried() -> None:
    rng = random.Random(22)
    texts = _doc_paragraphs() + _generated_paragraphs(3000, 22)
    texts += [line for doc in DOCS for line in doc.splitlines()]
    for text in texts[:3000]:  # the same with a character beyond ASCII put in somewhere
        at = rng.randint(0, len(text))
        texts.append(text[:at] + rng.choice(("\u0130", "\u0131", "\u017f", "é", "K")) + text[at:])
    answers: Counter[bool] = Counter()
    for text in texts:
        plain = _plain_one_dated_sentence(text)
        assert timeline._one_dated_sentence(text) == plain, text
        answers[plain] += 1
    assert answers[True] > 1000 and answers[False] > 1000, answers
