"""Round 22 timeline and metrics fast paths, each compared with the way it replaces.

- `metrics._built` builds the Metrics, its Anchors and Durations and the StatedDurations
  without validating them: the same model as validating the same values, compared on every one
  a parse of every report we have builds.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from incidentparse import parse
from incidentparse.extract import metrics
from incidentparse.models import Anchor, Duration, Metrics, StatedDuration

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
