"""Round-39: two per-parse costs of the document's indicators, with the same answers.

- ``layout._fences`` returns at once for a text holding neither '`' nor '~' (no comprehension
  over the fence table), and tests for a '~~~' at the first places of '~' before its finder
  reads the rest of the text (``layout._holds``). Compared with the layout's plain fences
  (test_ioc_perf's ``_plain_fences``, both patterns always searched) on every report we have,
  the IOC case tables, generated text and generated fence texts; ``_holds`` with the substring
  test for every number of places walked.
- ``context.context_on`` steps over what parenthetical steps over and calls parenthetical only
  before a '(', dash_note only before a dash, ':' or other whitespace. Compared with the
  round-30 context kept in test_ioc_perf31 (every step called) on every indicator of those
  texts and of generated note texts whose indicators are followed by runs of blanks, markup,
  non-breaking and other Unicode spaces, then a '(', a dash, a colon, a letter or the line's
  end.
"""

from __future__ import annotations

import random

import pytest

from incidentparse.ioc import context as ctx_mod
from incidentparse.ioc import layout as layout_mod
from incidentparse.ioc.context import Labels, context_on
from incidentparse.ioc.layout import Layout, _fences, _holds
from incidentparse.ioc.patterns import FENCE_FINDERS, FENCE_MARKERS
from incidentparse.ioc.scan import scan

from .test_ioc_perf import TEXTS, _plain_fences
from .test_ioc_perf31 import ALL as NOTED
from .test_ioc_perf31 import _ref_context_on, _RefLabels

# ---------------------------------------------------------------- fences

_FENCE_PIECES: tuple[str, ...] = (
    "`", "``", "```", "````", "~", "~~", "~~~", "~~~~", "\n", " ", "   ", "    ", "a", "x y",
    "~5 min", "~/path", "`code`", "\u00e9", "\u2019", "\U0001f525", "\n```\n", "\n~~~\n",
    "\n   ~~~", "\n    ```", "```py\n", "~ ~ ~", "`\n``",
)  # fmt: skip


def _fence_texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        pieces = [rng.choice(_FENCE_PIECES) for _ in range(rng.randint(0, 24))]
        if rng.random() < 0.3:  # many lone tildes before a marker: the finder reads the rest
            pieces[:0] = ["~ a "] * rng.randint(3, 9)
        texts.append("".join(pieces))
    return texts


FENCE_TEXTS = [*TEXTS, *_fence_texts(6000, 39)]


def test_fences_are_the_plain_ones() -> None:
    neither = walked = searched = 0
    for text in FENCE_TEXTS:
        assert _fences(text) == _plain_fences(text), text
        for marker in FENCE_MARKERS:
            places = text.count(marker[0])
            neither += places == 0
            walked += marker == "~~~" and 0 < places <= layout_mod._WALKED[marker]
            searched += places > layout_mod._WALKED[marker]
    # Each way of answering ran, without the shared corpus too.
    assert neither > 1000 and walked > 1000 and searched > 1000


@pytest.mark.parametrize("walked", range(7))
def test_holds_is_the_substring_test(walked: int) -> None:
    found = 0
    for text in FENCE_TEXTS:
        for marker, finder in zip(FENCE_MARKERS, FENCE_FINDERS, strict=True):
            assert _holds(text, marker, finder, walked) == (marker in text), (marker, text)
            found += marker in text
    assert found > 1000


def test_layout_fences_are_the_plain_ones() -> None:
    for text in FENCE_TEXTS[::7]:
        for markdown in (True, False):
            expected = _plain_fences(text) if markdown else []
            assert Layout.build(text, markdown).fences == expected, text


# ---------------------------------------------------------------- context_on

_IOCS = ("evil.com", "10.0.0.1", "https://a.io/x", "run.exe", "a@b.org")
# What the gate steps over (parenthetical's characters), and what may stand after it.
_STEPPED = (" ", "  ", "\t", "*", "**", "_", "`", "\u00a0", " *", "_ ", "\u00a0`")
_NEXT = (
    "(", "(note)", "(C2 (x))", "(unclosed", "- beacon", "– dropper", "— staging", ": payload",
    ":", "-", "-x", "\u2003- em", "\u3000: wide", "\x1c- sep", "\r- cr", "\x0b: vt",
    "\u2003x", "word", "1", ")", ".", ",", "|", "[", "",
)  # fmt: skip
_BEFORE = ("", "- ", "| ", "**Label:** ", "Label: ", "[t](", "see ")
_LINES = ("", "**C2 servers:**", "- item", "| a | b |", "prose line", "# Heading")


def _gate_texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        lines = []
        for _ in range(rng.randint(1, 6)):
            if rng.random() < 0.3:
                lines.append(rng.choice(_LINES))
                continue
            stepped = "".join(rng.choice(_STEPPED) for _ in range(rng.randint(0, 3)))
            after = stepped + rng.choice(_NEXT)
            lines.append(rng.choice(_BEFORE) + rng.choice(_IOCS) + after)
        texts.append("\n".join(lines))
    return texts


GATE_TEXTS = _gate_texts(3000, 3939)


@pytest.mark.parametrize("markdown", [True, False])
def test_context_on_is_the_round_30_one(markdown: bool) -> None:
    spared = paren = dashed = 0
    for text in [*NOTED, *GATE_TEXTS]:
        hits, env = scan(text, markdown)
        layout = env.layout
        fast, plain = Labels(layout), _RefLabels(layout)
        for hit in hits:
            line = layout.line(hit.start)
            got = context_on(layout, fast, hit.start, hit.end, line)
            assert got == _ref_context_on(layout, plain, hit.start, hit.end, line), (text, hit)
            # Which of the two steps the gate called, where the character after the indicator
            # let both be called before.
            after = text[hit.end : hit.end + 1] if hit.end < line[2] else ""
            if after in ctx_mod._NOTE_OPENERS or after.isspace():
                rest = text[hit.end : line[2]].lstrip(ctx_mod._STEPPED_OVER)
                first = rest[:1]
                paren += first == "("
                dashed += first in ctx_mod._DASHES or first.isspace()
                spared += first != "(" and not (first in ctx_mod._DASHES or first.isspace())
    # Each way through the gate ran, without the shared corpus too.
    assert spared > 1000 and paren > 1000 and dashed > 1000
