"""Every row of fixtures/iocs/cases.tsv: the text yields exactly the expected (type, value) set."""

from __future__ import annotations

from pathlib import Path

import pytest

from incidentparse.ioc import extract_indicators

CASES = Path(__file__).resolve().parent.parent / "fixtures" / "iocs" / "cases.tsv"


def load_cases() -> list[tuple[int, str, set[tuple[str, str]]]]:
    """(line number, text, expected set) per row; '⏎' in the text is a line break."""
    rows = []
    for number, line in enumerate(CASES.read_text(encoding="utf-8").splitlines(), start=1):
        if not line or line.startswith("#"):
            continue
        text, *expected = line.split("\t")
        pairs = {tuple(item.split("=", 1)) for item in expected if item and item != "none"}
        rows.append((number, text.replace("⏎", "\n"), {(t, v) for t, v in pairs}))
    return rows


ROWS = load_cases()


def test_table_is_big_enough() -> None:
    traps = [row for row in ROWS if not row[2]]
    assert len(ROWS) >= 300 and len(traps) >= 100


@pytest.mark.parametrize(("number", "text", "expected"), ROWS, ids=[str(r[0]) for r in ROWS])
def test_case(number: int, text: str, expected: set[tuple[str, str]]) -> None:
    found = {(i.type, i.value) for i in extract_indicators(text)}
    assert found == expected, f"cases.tsv line {number}: {text!r}"
