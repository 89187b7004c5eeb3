"""Round-32: a URL's tail, a label's list mark and the in-code test with fewer steps.

- ``patterns.URL`` steps over a URL's characters with a class that lists the characters ``\\s``
  matches (``patterns.SPACE_CHARS``) instead of ``\\s``. The set is held to ``\\s`` and to
  ``str.isspace`` over every code point, and the pattern to round 31's (``\\s``) at every
  offset of every report we have (test_ioc_perf's TEXTS: fixtures, docs, the shared corpus
  when present, the IOC case tables, generated text; and the README) and of generated URLs
  whose tails mix every space character, the class's other stops and plain characters.
- ``context._inline_label`` takes the text after the list mark by a match and a slice, not by
  ``_LIST_MARK.sub(..., count=1)``. Compared with round 31's on every cut of every line of
  those texts and of generated list and label lines.
- ``Layout.in_code_on`` and ``Layout.in_fence`` skip ``_inside`` for a line without code spans
  and a text without fences. Compared with round 31's at every offset of those texts.
"""

from __future__ import annotations

import random
import re
import sys

from incidentparse.ioc import context as ctx
from incidentparse.ioc import patterns as p
from incidentparse.ioc.layout import Layout, _inside

from .conftest import ROOT
from .test_ioc_perf import TEXTS

ALL_TEXTS = [*TEXTS, (ROOT / "README.md").read_text(encoding="utf-8")]

# ---------------------------------------------------------------- round 31's code

_REF_URL_CHAR = r"[^\s<>\"`|\]]"
REF_URL = re.compile(
    rf"(?<![A-Za-z0-9]){p._SCHEME}{p._SEP}{_REF_URL_CHAR}*(?:\](?!\(){_REF_URL_CHAR}*)*"
)


def _ref_inline_label(before: str) -> str | None:
    if ":" not in before:
        return None
    match = ctx._LABEL.match(ctx._LIST_MARK.sub("", before, count=1))
    if match is None:
        return None
    return ctx.clean(match.group(1) or match.group(2)) or None


def _ref_in_code_on(layout: Layout, offset: int, start: int, end: int) -> bool:
    in_fence = _inside(layout.fences, offset) is not None
    return _inside(layout.spans_on(start, end), offset) is not None or in_fence


# ---------------------------------------------------------------- generated texts

_SPACES = [chr(code) for code in range(sys.maxunicode + 1) if chr(code).isspace()]
_URL_PIECES = (
    *_SPACES, "<", ">", '"', "`", "|", "]", "](", "](x)", "[", "(", ")", "/", "a", "Z", "0", "-",
    ".", "?", "#", "=", "%20", "é", "\u200b", "\ufeff", "\u180e", "\x00", "\x7f", "\u2060",
)  # fmt: skip
_SCHEMES = ("http://", "https://", "hxxps[://]", "ftp://", "wss://", "meow://", "sftp://")


def _generated_urls(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [
        rng.choice(("", " ", "x", "(", "[a](", "\n"))
        + rng.choice(_SCHEMES)
        + "".join(rng.choice(_URL_PIECES) for _ in range(rng.randint(0, 40)))
        for _ in range(count)
    ]


_LABEL_PIECES = (
    "- ", "* ", "+ ", "1. ", "2) ", "  ", "\t", "[ ] ", "[x] ", "**", "__", "Label", "C2", ":",
    ": ", ":** ", "**: ", "|", "`", "a", " ", "\u00a0", "\u3000", "-", "12", ".", "x:y",
)  # fmt: skip


def _generated_lines(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [
        "".join(rng.choice(_LABEL_PIECES) for _ in range(rng.randint(0, 12))) for _ in range(count)
    ]


# ---------------------------------------------------------------- the tests


def test_space_chars_are_what_backslash_s_matches() -> None:
    listed = re.compile(f"[{re.escape(p.SPACE_CHARS)}]")
    backslash_s = re.compile(r"\s")
    assert len(set(p.SPACE_CHARS)) == len(p.SPACE_CHARS) == len(_SPACES)
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        fast = listed.match(char) is not None
        assert fast == (backslash_s.match(char) is not None) == char.isspace(), hex(code)


def test_url_matches_are_round_31s() -> None:
    checked = 0
    for text in [*ALL_TEXTS, *_generated_urls(20_000, 32)]:
        for pos in range(len(text)):
            fast, plain = p.URL.match(text, pos), REF_URL.match(text, pos)
            assert (fast and fast.span()) == (plain and plain.span()), (text, pos)
            checked += plain is not None
        assert [m.span() for m in p.URL.finditer(text)] == [
            m.span() for m in REF_URL.finditer(text)
        ]
    assert checked > 15_000  # most generated URLs match (and every URL of the reports)


def test_inline_labels_are_round_31s() -> None:
    checked = found = 0
    lines = [line for text in ALL_TEXTS for line in text.split("\n")]
    for line in [*lines, *_generated_lines(20_000, 33)]:
        for cut in range(min(len(line), ctx._NOTE_MAX) + 1):
            fast = ctx._inline_label(line[:cut])
            assert fast == _ref_inline_label(line[:cut]), (line, cut)
            checked += 1
            found += fast is not None
    assert checked > 100_000 and found > 1_000


def test_in_code_is_round_31s() -> None:
    checked = inside = 0
    for text in ALL_TEXTS:
        layout = Layout.build(text)
        for offset in range(0, len(text), 1 if len(text) < 3000 else 3):
            _, start, end = layout.line(offset)
            fast = layout.in_code_on(offset, start, end)
            assert fast == _ref_in_code_on(layout, offset, start, end), offset
            assert layout.in_fence(offset) == (_inside(layout.fences, offset) is not None)
            checked += 1
            inside += fast
    assert checked > 100_000 and inside > 1_000
