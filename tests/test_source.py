"""Source stage: decoding, line folding, front matter."""

from __future__ import annotations

import pytest

from incidentparse.errors import InputError
from incidentparse.source import load, split_lines


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        ("a\nb\n", ("a", "b")),
        ("a\r\nb\r\n", ("a", "b")),
        ("a\rb", ("a", "b")),
        ("\ufeffa\nb", ("a", "b")),
        ("a\n\n", ("a", "")),
        ("", ("",)),
    ],
)
def test_line_folding(text: str, lines: tuple[str, ...]) -> None:
    assert split_lines(text) == lines


def test_bom_and_crlf_bytes() -> None:
    doc = load(b"\xef\xbb\xbf# T\r\nbody\r\n", "x.md")
    assert doc.lines == ("# T", "body")
    assert doc.source.line_count == 2 and doc.source.size_bytes == 14


def test_binary_input_is_an_input_error() -> None:
    with pytest.raises(InputError, match="binary"):
        load(b"\x89PNG\r\n\x00\x00", "x.png")


def test_invalid_utf8_is_an_input_error() -> None:
    with pytest.raises(InputError, match="UTF-8"):
        load(b"caf\xe9", "x.md")


def test_yaml_front_matter() -> None:
    doc = load("---\ntitle: Outage\ndate: 2024-02-28\n---\n# Heading\n")
    assert doc.front_matter["title"] == "Outage"
    assert str(doc.front_matter["date"]) == "2024-02-28"
    assert doc.front_matter_end == 4
    assert doc.body.split("\n")[:5] == ["", "", "", "", "# Heading"]


def test_toml_front_matter() -> None:
    doc = load('+++\ntitle = "crates.io incident"\npath = "inside-rust/2020/02/26/x"\n+++\nText\n')
    assert doc.front_matter == {"title": "crates.io incident", "path": "inside-rust/2020/02/26/x"}


def test_leading_rule_without_mapping_is_not_front_matter() -> None:
    doc = load("---\njust a line\n---\nText\n")
    assert doc.front_matter == {} and doc.front_matter_end == 0


def test_broken_yaml_front_matter_is_reported_not_raised() -> None:
    doc = load("---\ntitle: [unclosed\n---\n# T\n")
    assert doc.front_matter == {}
    assert doc.front_matter_error is not None and "YAML" in doc.front_matter_error
