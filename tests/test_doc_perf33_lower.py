"""Round 33: Context.lowered and Context.lowered_runs of a text beyond ASCII.

Where every character beyond ASCII of the text is its own lower case (a dash, a quote) and its
ASCII encoding holds few '?', context.lowered_beyond_ascii lower-cases the shared ASCII encoding
(shared_reads.ascii_replaced) as bytes and gives those characters back, where str.lower() read
each character through the Unicode tables; lowered_runs splits those bytes, without encoding
the lowered text. Both are compared with the plain computation (text.lower() and letter_runs of
it, round 32's) on every report we have (fixtures, docs, the corpus when present), on every
character beyond ASCII alone between ASCII letters and '?', and on generated texts of ASCII
words, '?', characters that are their own lower case and characters that are not (capital
sigma in and out of a word's end, the dotted capital I, the Kelvin sign, lone surrogates).
No timings.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path
from types import SimpleNamespace

import pytest

import incidentparse
from incidentparse.diagnostics import Sink
from incidentparse.extract import context
from incidentparse.extract.context import Context, letter_runs, lowered_beyond_ascii
from incidentparse.shared_reads import ascii_replaced, one_parse

from .test_dates_perf27_ref_value import _reports

_ROOT = Path(__file__).parent.parent
_DOCS = [
    path.read_text(encoding="utf-8") for path in [_ROOT / "README.md", *_ROOT.glob("docs/*.md")]
]


def _check(text: str) -> bool:
    """Compare a Context's lowered and lowered_runs with the plain ones, inside and outside a
    parse's scope; whether the fast path answered."""
    plain = text.lower()
    both = lowered_beyond_ascii(text)
    if both is not None:
        assert both == (plain, ascii_replaced(text).lower()), text
    for scoped in (False, True):
        # Context reads doc.text only (source.load refuses lone surrogates)
        doc = SimpleNamespace(text=text)
        if scoped:
            with one_parse():
                ctx = Context(doc, None, Sink(), dt.date(2024, 1, 1))  # type: ignore[arg-type]
                lowered, runs = ctx.lowered, ctx.lowered_runs
        else:
            ctx = Context(doc, None, Sink(), dt.date(2024, 1, 1))  # type: ignore[arg-type]
            runs, lowered = ctx.lowered_runs, ctx.lowered  # the other order of first asks
        assert lowered == plain, text
        assert runs == letter_runs(plain), text
    return both is not None


def test_our_reports() -> None:
    texts = [*_reports(), *_DOCS]
    fast = sum(_check(text) for text in texts if not text.isascii())
    assert fast >= 2  # the fixtures alone hold a few


def test_every_character_beyond_ascii() -> None:
    fast = 0
    for code in range(0x80, 0x110000):
        char = chr(code)
        plain = ("Ab?" + char + "Z").lower()
        both = lowered_beyond_ascii("Ab?" + char + "Z")
        if both is not None:
            fast += 1
            assert both[0] == plain, hex(code)
            assert both[1] == ("Ab?" + char + "Z").encode("ascii", "replace").lower()
    assert fast > 800_000


_PIECES = (
    "Resolved", "OUTAGE", "the", "API", "?", "??", "a?b", "—", "’", "é", "ß", "ı", "ſ", "ﬁ",
    "中文", "😀", "É", "Σ", "ΟΔΟΣ", "σ", "İ", "\u212a", "\u212b", "\ud800", "\udfff", "\n", " ",
    "-", "2024-03-01", "http://x.example/?q=1", "ǅ", "Ⅷ", "ⓐ", "Ⓐ",
)  # fmt: skip
_OWN = ("—", "’", "é", "ß", "ı", "ſ", "中文", "😀", "σ", "\ud800", "ﬁ", "ⓐ")


def test_generated_texts() -> None:
    rng = random.Random(3305)
    fast = 0
    for _ in range(4_000):
        pieces = _PIECES if rng.random() < 0.5 else (*_OWN, "word", "Word", "x?y", " ", "\n")
        words = rng.choices(pieces, k=rng.randint(1, 12))
        words += ["filler text of plain ASCII words"] * rng.randint(0, 60)
        rng.shuffle(words)
        fast += _check(rng.choice((" ", "", "\n")).join(words))
    assert fast > 1_000


def test_whole_parses_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [text for text in _reports() if not text.isascii()]
    fast = [incidentparse.parse(text).model_dump_json() for text in texts]
    monkeypatch.setattr(context, "lowered_beyond_ascii", lambda text: None)
    assert [incidentparse.parse(text).model_dump_json() for text in texts] == fast
