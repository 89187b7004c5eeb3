"""Heading classification over the one-line-per-case table fixtures/headings.tsv."""

from __future__ import annotations

import pytest

from incidentparse.headings import classify, normalise, split_title

from .conftest import FIXTURES


def _cases() -> list[tuple[str, str]]:
    rows = []
    for line in (FIXTURES / "headings.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            heading, kind = line.split("\t")
            rows.append((heading, kind))
    return rows


@pytest.mark.parametrize(("heading", "kind"), _cases())
def test_heading_kind(heading: str, kind: str) -> None:
    assert classify(heading).kind == kind


def test_qualifiers_are_kept() -> None:
    match = classify("Timeline (times in BST)")
    assert match.qualifiers == ("times in BST",)
    assert match.score == 100.0


def test_fuzzy_match_keeps_its_score_below_100() -> None:
    match = classify("Apendix")
    assert match.kind == "appendix" and 85 <= match.score < 100


def test_team_aliases_extend_the_table() -> None:
    assert classify("Chaos Drill Review").kind == "unknown"
    assert classify("Chaos Drill Review", {"Chaos drill review": "impact"}).kind == "impact"


def test_normalise_strips_numbering_markup_and_punctuation() -> None:
    assert normalise("3.1 **AFFECTED PRODUCTS**:") == ("affected products", ())


@pytest.mark.parametrize(
    ("heading", "title", "ident"),
    [
        (
            "Incident Report: Exchange Online Connectivity Issues (EX1268771)",
            "Exchange Online Connectivity Issues",
            "EX1268771",
        ),
        ("Post-mortem: Registry outage", "Registry outage", None),
        ("Total node failure", "Total node failure", None),
    ],
)
def test_split_title(heading: str, title: str, ident: str | None) -> None:
    assert split_title(heading) == (title, ident)
