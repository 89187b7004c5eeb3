"""refang and defang: the tables in fixtures/iocs/fang.tsv and defang.tsv, and the round trip."""

from __future__ import annotations

from pathlib import Path

import pytest

from incidentparse.ioc import defang, refang

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "iocs"


def rows(name: str) -> list[list[str]]:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


@pytest.mark.parametrize(("defanged", "live"), rows("fang.tsv"))
def test_refang(defanged: str, live: str) -> None:
    assert refang(defanged) == live


@pytest.mark.parametrize(("kind", "live", "defanged"), rows("defang.tsv"))
def test_defang_and_back(kind: str, live: str, defanged: str) -> None:
    assert defang(live, kind) == defanged
    assert refang(defang(live, kind)) == live


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("https://evil.com/x", "hxxps[://]evil[.]com/x"),
        ("user@evil.com", "user[@]evil[.]com"),
        ("evil.com", "evil[.]com"),
        ("2001:db8::1", "2001[:]db8[:][:]1"),
        ("T1059.001", "T1059.001"),
    ],
)
def test_defang_guesses_the_type(value: str, expected: str) -> None:
    assert defang(value) == expected
