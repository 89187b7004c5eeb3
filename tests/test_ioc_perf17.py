"""Round-17: the indicator engine's models, assembled without validation, are the validated ones.

``incidentparse.ioc`` builds each Indicator and Occurrence with ``models.assembled``; the plain
way validates the same values (``Model(**values)``). Both are compared, model by model (values,
fields set, JSON), on every report we have (fixtures, docs, the shared corpus when present),
the IOC case tables and generated text (test_ioc_perf's TEXTS).
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable
from typing import Any, get_args

import pytest

import incidentparse.ioc as ioc
from incidentparse.ioc.scan import SCANNERS, Scanner, _candidates, _push, absent_literals
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


def _heap_candidates(text: str, scanner: Scanner, absent: frozenset[str]) -> list[tuple[int, int]]:
    """The heap walk over the anchors not in ``absent`` (scan._candidates before round 17)."""
    assert scanner.backoff is not None
    heap: list[tuple[int, int]] = []
    for index, anchor in enumerate(scanner.anchors):
        if anchor.literal not in absent:
            _push(heap, text, scanner, index, 0)
    out: list[tuple[int, int]] = []
    done, tried = 0, -1
    while heap:
        pos, index = heapq.heappop(heap)
        if pos < done:
            _push(heap, text, scanner, index, done)
            continue
        _push(heap, text, scanner, index, pos + 1)
        start = max(scanner.backoff(text, pos), done)
        if start == tried:
            continue
        tried = start
        found = scanner.pattern.match(text, start)
        if found is not None and found.end() > pos:
            done = found.end()
            out.append((start, done))
    return out


ANCHORED = [s for s in SCANNERS if s.anchors and s.backoff is not None and s.finder is None]
# Texts thick with one family's anchors: candidates inside candidates, gated-out matches.
DENSE = ["a.b.c.d " * 40, "x.com.y.zip.exe " * 20, "1:2::3:4 a::b " * 20, "C:\\a\\b \\\\s\\x " * 9]


@pytest.mark.parametrize("scanner", ANCHORED, ids=lambda s: s.name)
def test_single_anchor_walk_is_the_heap_walk(scanner: Scanner) -> None:
    """With one anchor left (the text's own absent literals, or all the others ruled out on
    purpose so that each anchor walks alone), the walk gives the heap walk's candidates."""
    literals = [anchor.literal for anchor in scanner.anchors]
    walked = 0
    for text in [*TEXTS, *DENSE]:
        present = absent_literals(text, common=True)
        alone = [frozenset(literals) - {lit} for lit in literals]
        for absent in [present, frozenset(), *alone]:
            found = list(_candidates(text, scanner, absent))
            assert found == _heap_candidates(text, scanner, absent), (text[:200], absent)
            if sum(lit not in absent for lit in literals) == 1:
                walked += len(found)
    assert walked >= 10  # candidates the one-anchor walk found (15 to 2809 from fixtures alone)
