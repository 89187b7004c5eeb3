"""Round 8 fast paths of the date engine give exactly what their definitions give.

vocab.ascii_lower stands in for str.lower() where ASCII words are looked for: the zone
declarations (zones._declarations) and the report-phrase lines (document._worth_offsets) are
found at the same offsets as by the plain way (str.lower(), then str.find and the branch's own
pattern in the lower-cased text) on the fixtures, corpus and generated texts dense in case
variants, non-ASCII letters, Unicode blanks and digits, and the Kelvin sign.

resolve.to_side runs only resolve._bounds of _fields: the same Side (flags included) as
to_span's, None at the same expressions. No timings.
"""

from __future__ import annotations

import datetime as dt
import random
import re

from incidentparse.dates import document, resolve, zones
from incidentparse.dates import scan as scan_module
from incidentparse.dates.scan import Options
from incidentparse.dates.vocab import CASE_UNSAFE, ascii_lower

from .test_dates_perf import TEXTS

_PIECES = (
    "as", "AS", "As", "aS", " ", "  ", "\n", "\t", "\xa0", "\u2009", "\x1c", "of", "OF", "Of",
    "oF", "report", "REPORT", "Reported", "publi", "Post", "posted", "POSTED", "post_", "posté",
    "update", "Updated", "issued", "date", "Date", "DATE", ":", " :", "advisory", "bulletin",
    "notice", "Summary", "19", "20", "1999", "2019", "20195", "\u0663", "\u0663" + "2019", "x",
    "é", "É", "’", "–", "\u212a", "time", "Time", "TIMES", "timestamps", "All times in", "UTC",
    "PDT", "pst", "Eastern", "are", "shown", "the", "in", "-07:00", "+0530", "5", ".", ",", "(",
)  # fmt: skip


def _generated(count: int, seed: int = 89) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choices(_PIECES, k=rng.randint(0, 40))) for _ in range(count)]


def _texts() -> list[str]:
    return [
        text
        for text in [*TEXTS, *_generated(20_000)]
        if not any(char in text for char in CASE_UNSAFE)
    ]


def test_ascii_lower_keeps_the_offsets_of_ascii_words() -> None:
    """Only the Kelvin sign lower-cases to an ASCII character; re's \\w, \\s, \\d read every
    other character as they read its lower-case form, so a branch's rest matches alike."""
    to_ascii = []
    for code in range(0x80, 0x110000):
        char = chr(code)
        if char in CASE_UNSAFE:
            continue
        lower = char.lower()
        assert len(lower) == 1, hex(code)
        if lower.isascii():
            to_ascii.append(char)
        for pattern in (r"\w", r"\s", r"\d"):
            assert bool(re.match(pattern, char)) == bool(re.match(pattern, lower)), hex(code)
    assert to_ascii == ["\u212a"]
    assert ascii_lower("Aé\u212aZ’") == b"a??z?"


_PLAIN_WORDS = (
    ("19", document._YEAR_AT),
    ("20", document._YEAR_AT),
    ("report", None),
    ("as", re.compile(r"as\s+of")),
    ("publi", None),
    ("post", re.compile(r"post(?:ed|\b)")),
    ("update", None),
    ("issued", None),
    ("date", re.compile(r"date\s*:")),
    ("advisory", None),
    ("bulletin", None),
    ("notice", None),
    ("summary", None),
)


def _plain_worth_offsets(text: str) -> list[int]:
    found: list[int] = []
    lower = text.lower()
    for stem, rest in _PLAIN_WORDS:
        offset = lower.find(stem)
        while offset >= 0:
            if rest is None or rest.match(lower, offset):
                found.append(offset)
            offset = lower.find(stem, offset + 1)
    return found


def test_worth_offsets_are_the_plain_ones() -> None:
    assert [s.decode() for s, _ in document._WORTH_WORDS] == [s for s, _ in _PLAIN_WORDS]
    found = 0
    for text in _texts():
        expected = _plain_worth_offsets(text)
        assert document._worth_offsets(text) == expected, text
        found += len(expected)
    assert found > 50_000


def _plain_declarations(text: str) -> list[tuple[int, int, str | None]]:
    out = []
    lower = text.lower()
    pos = lower.find("time")
    while pos >= 0:
        match = zones._DECLARATION_AT.match(text, pos)
        if match is not None:
            out.append((match.start(), match.end(), match.group("zone")))
        pos = lower.find("time", pos + 1)
    return out


def test_declarations_are_the_plain_ones() -> None:
    found = 0
    for text in _texts():
        expected = _plain_declarations(text)
        got = [(m.start(), m.end(), m.group("zone")) for m in zones._declarations(text)]
        assert got == expected, text
        found += len(expected)
    assert found > 300


# --- to_side runs only what of _fields can fail or flag a side (resolve._bounds) -------------


def test_to_side_is_to_spans_side() -> None:
    options = Options(dt.date(2024, 6, 15), default_zone="PDT")
    env = options.env()
    checked = 0
    for text in [*TEXTS, *_generated(3000, seed=97)]:
        for ctx in (options.ctx(), options.ctx()._replace(dayfirst=True)):
            for pos in scan_module.candidates(text):
                expr = scan_module.expression_at(text, pos, ctx)
                if expr is None:
                    continue
                written = text[expr.begin : expr.end]
                spanned = resolve.to_span(expr, written, env, ctx, expr.begin)
                side = resolve.to_side(expr, written, env, ctx, expr.begin)
                assert side == (None if spanned is None else spanned[1]), (text, written)
                checked += 1
    assert checked > 20_000


def test_template_gate_is_the_search() -> None:
    values = [
        *_generated(5000, seed=101),
        *(line for text in TEXTS for line in text.splitlines()),
        *("[" + word for word in ("date", "Time", "TIME", "ſpecific", "specific", "03-26 07:16")),
        *("x [" + word + "]" for word in ("Date", "time", "ſpecific", "sPeCiFiC", "dates")),
    ]
    assert sum(scan_module.is_template(v) for v in values) > 10
    assert [
        v for v in values if scan_module.is_template(v) != bool(scan_module._TEMPLATE.search(v))
    ] == []
