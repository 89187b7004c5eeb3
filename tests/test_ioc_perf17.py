"""Round-17: the indicator engine's models, assembled without validation, are the validated ones.

``incidentparse.ioc`` builds each Indicator and Occurrence with ``models.assembled``; the plain
way validates the same values (``Model(**values)``). Both are compared, model by model (values,
fields set, JSON), on every report we have (fixtures, docs, the shared corpus when present),
the IOC case tables and generated text (test_ioc_perf's TEXTS).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, get_args

import pytest

import incidentparse.ioc as ioc
from incidentparse.ioc.vocab import CATEGORY
from incidentparse.models import Indicator, IndicatorCategory, IpScope

from .test_ioc_perf import TEXTS


def _validated(model: type[Any], values: dict[str, Any], given: Iterable[str]) -> Any:
    """The plain way: the model validated from the given values."""
    return model(**{name: values[name] for name in given})


def _place(line: int) -> tuple[str | None, str | None]:
    """Some sections and labels, None among them (as a document's outline gives)."""
    return ("indicators" if line % 2 else None), ("Hashes" if line % 3 == 0 else None)


def _same(fast: list[Indicator], plain: list[Indicator]) -> None:
    assert fast == plain
    for one, other in zip(fast, plain, strict=True):
        assert type(one) is type(other) is Indicator
        assert one.model_fields_set == other.model_fields_set
        assert list(one.__dict__) == list(other.__dict__)
        assert one.model_dump_json() == other.model_dump_json()
        for mine, theirs in zip(one.occurrences, other.occurrences, strict=True):
            assert type(mine) is type(theirs)
            assert mine.model_fields_set == theirs.model_fields_set
            assert list(mine.__dict__) == list(theirs.__dict__)


RUNS: tuple[tuple[str, Callable[[str], list[Indicator]]], ...] = (
    ("extract", lambda text: ioc.extract_indicators(text)),
    ("plain_text", lambda text: ioc.extract_indicators(text, markdown=False)),
    ("placed", lambda text: ioc.placed_indicators(text, place=_place)),
    ("find", lambda text: list(ioc.find_indicators(text))),
)


@pytest.mark.parametrize("run", RUNS, ids=lambda r: r[0])
def test_assembled_models_are_the_validated_ones(
    run: tuple[str, Callable[[str], list[Indicator]]], monkeypatch: pytest.MonkeyPatch
) -> None:
    _, build = run
    fast = [build(text) for text in TEXTS]
    monkeypatch.setattr(ioc, "assembled", _validated)
    plain = [build(text) for text in TEXTS]
    compared = 0
    for text, mine, theirs in zip(TEXTS, fast, plain, strict=True):
        try:
            _same(mine, theirs)
        except AssertionError:
            pytest.fail(f"differs on {text[:200]!r}")
        compared += len(mine)
    assert compared >= 1000  # the repository's own fixtures and case tables give ~1500 and more


def test_vocabulary_values_are_the_field_literals() -> None:
    """What validation would check and assembled does not: categories and scopes are literals."""
    assert set(CATEGORY.values()) <= set(get_args(IndicatorCategory))
    scopes = {i.scope for text in TEXTS for i in ioc.extract_indicators(text)} - {None}
    assert scopes <= set(get_args(IpScope))
