"""The library surface: parse, parse_file, determinism, errors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import incidentparse
from incidentparse import InputError, parse, parse_file

from .test_seed import SEED


def test_public_names_are_exported() -> None:
    for name in incidentparse.__all__:
        assert hasattr(incidentparse, name), name


def test_parse_file_matches_parse() -> None:
    from_file = parse_file(SEED)
    from_bytes = parse(SEED.read_bytes(), path=str(SEED))
    assert from_file == from_bytes


def test_str_and_bytes_give_the_same_report() -> None:
    text = SEED.read_text(encoding="utf-8")
    assert parse(text).model_dump(exclude={"source"}) == parse(text.encode()).model_dump(
        exclude={"source"}
    )


def test_output_is_deterministic() -> None:
    first = parse(SEED.read_bytes()).model_dump_json()
    second = parse(SEED.read_bytes()).model_dump_json()
    assert first == second


def test_reference_date_from_the_caller_wins() -> None:
    report = parse("# X\n\n## Timeline\n- Nov 3: thing\n", reference_date=dt.date(2026, 4, 3))
    assert report.reference_date == dt.date(2026, 4, 3)
    assert report.timeline[0].when is not None
    assert report.timeline[0].when.start == dt.date(2025, 11, 3)


def test_parse_file_missing_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        parse_file(tmp_path / "nope.md")


def test_models_are_frozen() -> None:
    report = parse("# X\n")
    with pytest.raises(ValueError):
        report.title = "changed"  # type: ignore[misc]
