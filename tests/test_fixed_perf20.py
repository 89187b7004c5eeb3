"""Round-20: the report model, assembled without validation, is the validated one.

``api.parse`` builds its IncidentReport with ``models.assembled`` (``api._report``); the plain way,
parse()'s before, validates the same values (``IncidentReport(**values)``, every field but
schema_version). Each
report is parsed both ways and the two reports compared (values, fields set, key order, JSON) on
every report we have (fixtures, docs, the shared corpus when present), generated documents and
the front matter and reference dates a caller may give.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from incidentparse import api, parse, source
from incidentparse.models import IncidentReport, Source

from .conftest import REPO_MARKDOWN, SHARED
from .test_doc_perf18 import _generated

FRONT_MATTER = (
    "---\ntitle: API outage (INC-7)\nstatus: resolved\ndate: 2024-03-01\ntags: [a, b]\n---\n",
    '+++\ntitle = "Breach"\nseverity = 2\n[owner]\nname = "Ana"\n+++\n',
    "---\n- not a mapping\n---\n",
    "---\nkey: [unclosed\n---\n",
)


def _validated(values: dict[str, Any]) -> IncidentReport:
    """The plain way, as parse() built the report before: validated from the stages' values."""
    return IncidentReport(**values)


def _texts() -> list[str]:
    corpus = sorted((SHARED / "corpus").glob("*.md"))
    reports = [path.read_text(encoding="utf-8") for path in [*REPO_MARKDOWN, *corpus]]
    rng = random.Random(20)
    generated = _generated(200, 2020)
    with_front_matter = [rng.choice(FRONT_MATTER) + text for text in generated[:60]]
    return [*reports, *generated, *with_front_matter, "", "\n", "# Title\n\ntext\n"]


def _same(mine: IncidentReport, theirs: IncidentReport, text: str) -> None:
    assert type(mine) is IncidentReport
    assert mine == theirs, text[:200]
    assert mine.model_fields_set == theirs.model_fields_set, text[:200]
    assert list(mine.__dict__) == list(theirs.__dict__), text[:200]
    assert mine.model_dump_json() == theirs.model_dump_json(), text[:200]
    assert mine.model_dump_json(exclude_unset=True) == theirs.model_dump_json(exclude_unset=True)
    assert (mine.__pydantic_extra__, mine.__pydantic_private__) == (
        theirs.__pydantic_extra__,
        theirs.__pydantic_private__,
    )


def test_assembled_report_is_the_validated_one(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _texts()
    fast = [parse(text) for text in texts]
    monkeypatch.setattr(api, "_report", _validated)
    plain = [parse(text) for text in texts]
    for text, mine, theirs in zip(texts, fast, plain, strict=True):
        _same(mine, theirs, text)
    # What the repository's own fixtures, docs and generated documents give (a fresh clone has
    # no corpus): 316 reports, 34 with front matter, ~250 with diagnostics; the floors sit below.
    assert sum(bool(report.front_matter) for report in fast) >= 20
    assert sum(bool(report.diagnostics) for report in fast) >= 100
    assert len(fast) >= 300


REFERENCE_DATES: tuple[Any, ...] = (
    dt.date(2024, 2, 29),
    dt.datetime(2024, 1, 1),  # midnight: validation makes it a date
    "2024-05-06",  # a string: validation reads it
)


@pytest.mark.parametrize("reference_date", REFERENCE_DATES)
def test_a_callers_reference_date_is_validated_as_before(
    monkeypatch: pytest.MonkeyPatch, reference_date: Any
) -> None:
    # The date engine reads no other type (a text without dates never asks it); the report
    # model converts what validation converts.
    text = "# Outage\n\n## Summary\n\nThe API was down; it is resolved.\n"
    mine = parse(text, reference_date=reference_date)
    monkeypatch.setattr(api, "_report", _validated)
    theirs = parse(text, reference_date=reference_date)
    _same(mine, theirs, text)
    assert type(mine.reference_date) is dt.date


def test_a_reference_date_validation_refuses_is_still_refused() -> None:
    with pytest.raises(ValidationError):
        parse("# Outage\n", reference_date=dt.datetime(2024, 1, 1, 5, 30))


def _every_model(item: Any) -> Iterator[BaseModel]:
    if isinstance(item, BaseModel):
        yield item
        for name in type(item).model_fields:
            yield from _every_model(getattr(item, name))
    elif isinstance(item, tuple):
        for one in item:
            yield from _every_model(one)


def test_every_assembled_model_has_the_validated_slots() -> None:
    """models.assembled sets pydantic's four slots through their descriptors: the values a
    validated model of the same kind holds (no extra, no private attributes; __eq__ compares
    neither when both are absent, so they are checked here). Every model of our reports is
    compared with the same model validated from its fields set."""
    kinds: set[type[BaseModel]] = set()
    for text in _texts()[:80]:
        for model in _every_model(parse(text)):
            validated = type(model)(
                **{name: getattr(model, name) for name in model.model_fields_set}
            )
            assert model == validated
            assert model.model_fields_set == validated.model_fields_set
            assert type(model.model_fields_set) is set
            assert model.__pydantic_extra__ is validated.__pydantic_extra__ is None
            assert model.__pydantic_private__ is validated.__pydantic_private__ is None
            kinds.add(type(model))
    assert len(kinds) >= 12


def test_assembled_source_is_the_validated_one(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _texts()[:120]
    paths = [None, "reports/a.md", "", "é/ü.md"]
    fast = [parse(text, path=paths[n % 4]) for n, text in enumerate(texts)]
    monkeypatch.setattr(source, "_source", lambda values: Source(**values))
    plain = [parse(text, path=paths[n % 4]) for n, text in enumerate(texts)]
    for text, mine, theirs in zip(texts, fast, plain, strict=True):
        _same(mine, theirs, text)
        assert mine.source.model_fields_set == theirs.source.model_fields_set
        assert list(mine.source.__dict__) == list(theirs.source.__dict__)
    assert {report.source.path for report in fast} == set(paths)


def test_a_path_validation_refuses_is_still_refused() -> None:
    with pytest.raises(ValidationError):
        parse("# Outage\n", path=Path("reports/a.md"))  # type: ignore[arg-type]
