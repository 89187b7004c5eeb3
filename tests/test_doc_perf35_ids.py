"""Round 35: a GHSA place on the identifiers' mask reads the id's whole shape.

document._ID_MASK now writes ASCII small letters as "a" (they were blanks), and _ID_PLACE's
GHSA branch asks for AAAA, then three times a blank and four of [9a] (the GHSA groups'
characters are ASCII digits and small letters), where AAAA and a blank made a capitalised word
before a blank ('LEAP hub', 'HTTP request') a place whose GHSA match failed. _id_matches gives
each pattern's finditer (the plain computation) on every report we have (fixtures, docs, the
corpus when present) and on generated texts of GHSA ids and near-misses (capital groups, short
groups, glued letters, digits beyond ASCII, '?', capitalised words before blanks) mixed with
round 33's pieces; the places round 34's mask read and this one does not are places no match
opens at, and there are such places on the generated texts and on our fixtures. No timings.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from incidentparse.extract import document
from incidentparse.shared_reads import ascii_replaced

from .test_dates_perf27_ref_value import _reports
from .test_doc_perf33_ids import _PIECES, _check, _plain_matches

_ROOT = Path(__file__).parent.parent
_DOCS = [
    path.read_text(encoding="utf-8") for path in [_ROOT / "README.md", *_ROOT.glob("docs/*.md")]
]

# Round 34's mask and places (lower-case letters blank; a GHSA place on AAAA and a blank).
_OLD_MASK = bytes(
    ord("A") if chr(b).isupper() and b < 128 else ord("9") if chr(b).isdigit() and b < 128
    else ord("u") if chr(b) == "?" else ord(" ")
    for b in range(256)
)  # fmt: skip
_OLD_PLACE = re.compile(rb"AA(?=(AA )|(A [9u])|[9u]{6})")


def _spared(text: str) -> int:
    """Places round 34 tried that this round does not; none of them opens a match."""
    old = {p.start() for p in _OLD_PLACE.finditer(ascii_replaced(text).translate(_OLD_MASK))}
    mask = ascii_replaced(text).translate(document._ID_MASK)
    new = {p.start() for p in document._ID_PLACE.finditer(mask)}
    starts = {start for matches in _plain_matches(text) for start, _ in matches}
    assert not (old - new) & starts, text
    # every match opens at a place of the new mask
    assert starts <= new, text
    return len(old - new)


def test_our_reports() -> None:
    spared = 0
    for text in [*_reports(), *_DOCS]:
        _check(text)
        spared += _spared(text)
    assert spared >= 3


_GHSA = (
    "GHSA-2345-cfgh-jmpq", "GHSA-2345-CFGH-jmpq", "GHSA-23-cfgh-jmpq", "GHSA-2345-cfgh-jm",
    "GHSA-2345-cfgh-jmpqx", "GHSA-2345-cfgh-jmp?", "GHSA-٢٣٤٥-cfgh-jmpq", "GHSA-2345 cfgh jmpq",
    "GHSA-abcd-efgh-ijkl", "GHSA-0000-1111-zzzz", "GHSA--2345-cfgh-jmpq", "GHSA-2345-cfgh-jmpq-",
    "GHSA_2345_cfgh_jmpq", "GHSA-2345-cfgh-jmpé", "XGHSA-2345-cfgh-jmpq", "GHSB-2345-cfgh-jmpq",
    "LEAP hub", "HTTP request", "NOTE: ", "JSON -", "AWS EKS", "ABCD 2345 cfgh jmpq", "ABCD-",
    "GHSA", "GHSA-", "cfgh", "2345", "-jmpq", "ÉÉÉÉ-2345-cfgh-jmpq",
)  # fmt: skip


def test_generated_texts() -> None:
    rng = random.Random(3512)
    found = spared = 0
    pieces = (*_GHSA, *_GHSA, *_PIECES)
    for _ in range(20_000):
        words = rng.choices(pieces, k=rng.randint(0, 14))
        text = rng.choice((" ", "", "\n", "", "-")).join(words)
        found += _check(text) > 0
        spared += _spared(text)
    assert found > 6_000
    assert spared > 5_000
