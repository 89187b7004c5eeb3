"""Round-31: an indicator's context and placement with fewer calls.

- ``context.context_on`` tests the first character of each note's shape (the character after
  the indicator for parenthetical and dash_note, the '](' before it for link_text, the line's
  first character for is_row) and calls a step only where it can find a note. Compared with
  the round-30 code kept here (every step called) on every indicator of every report we have
  (test_ioc_perf's TEXTS: fixtures, docs, the shared corpus when present, the IOC case
  tables, generated text; and the README), on every span between word edges of those
  texts' lines, and on generated note texts (each note's opener after an indicator, with
  whitespace, markup, non-breaking and other Unicode spaces, dashes, table rows and link
  targets).
- ``context.Labels.above`` keeps the label or stop line a walk ends on, as it kept the lines
  it passed. Compared with the round-30 walk (a fresh Labels each) on every line of those
  texts asked in text order, in reverse and shuffled, and on generated label texts.
- ``ioc.placed_indicators`` builds an indicator written once without the lists, zips and
  generator of a group. Compared model by model with the round-30 code kept here.
"""

from __future__ import annotations

import random
import re
from typing import Any

import pytest

import incidentparse.ioc as ioc
from incidentparse.ioc import context as ctx_mod
from incidentparse.ioc.context import (
    Labels,
    context_on,
    dash_note,
    link_text,
    parenthetical,
    row_note,
)
from incidentparse.ioc.layout import Layout
from incidentparse.ioc.scan import scan
from incidentparse.models import Indicator

from .conftest import ROOT
from .test_ioc_perf import TEXTS
from .test_ioc_perf17 import _place as _some_place
from .test_ioc_perf17 import _same

# ---------------------------------------------------------------- the round-30 code


def _ref_context_on(
    layout: Layout, labels: Labels, start: int, end: int, line: tuple[int, int, int]
) -> str | None:
    """context_on as round 30 wrote it: every step called."""
    index, line_start, line_end = line
    text = layout.text
    note = parenthetical(text, end, line_end)
    if note is None and layout.markdown:
        note = link_text(text, start, line_start)
    if note is None and layout.markdown and layout.is_row(line_start, line_end):
        note = row_note(layout, start, end)
    if note is None:
        note = dash_note(text, end, line_end)
    if note is None:
        note = labels.label_at(start, index)
    return note


class _RefLabels(Labels):
    """Labels with round 30's above: only the lines a walk passed are kept."""

    def above(self, index: int) -> str | None:
        pending: list[int] = []
        result: str | None = None
        line = index - 1
        while line >= 0:
            if line in self._above:
                result = self._above[line]
                break
            kind, label = self._line_kind(line)
            if kind == "label":
                result = label
                break
            if kind == "stop":
                break
            pending.append(line)
            line -= 1
        for seen in pending:
            self._above[seen] = result
        return result


def _ref_placed(text: str, markdown: bool = True, place: Any = None) -> list[Indicator]:
    """placed_indicators as round 30 wrote it (its context the round-30 context_on)."""
    hits, env = scan(text, markdown)
    groups: dict[tuple[str, str], list[Any]] = {}
    for hit in hits:
        groups.setdefault((hit.type, hit.value), []).append(hit)
    layout = env.layout
    labels = _RefLabels(layout)
    out: list[Indicator] = []
    for group in groups.values():
        lines = [layout.line(hit.start) for hit in group]
        pairs = zip(group, lines, strict=True)
        occurrences = tuple([ioc._place(env, hit, line) for hit, line in pairs])
        context = None
        for hit, line in zip(group, lines, strict=True):
            context = _ref_context_on(layout, labels, hit.start, hit.end, line)
            if context is not None:
                break
        defanged = any(hit.defanged for hit in group)
        placement: dict[str, str | None] = {}
        if place is not None:
            placement["section"], placement["label"] = place(occurrences[0].line)
        out.append(
            ioc._indicator(env, group[0], occurrences, context, defanged, lines[0], placement)
        )
    return out


# ---------------------------------------------------------------- generated texts

_IOCS = ("evil.com", "10.0.0.1", "https://a.io/x", "run.exe", "a@b.org", "2001:db8::1")
_AFTER = (
    "", " ", "  ", "\t", "*", "**", "_", "`", "(", "(note)", " (C2 server)", "*(x)*",
    " - beacon", " – dropper", " — staging", ": payload", ":", " -", "-x", ")", ".", ",",
    "\u00a0(nbsp)", "\u2003- em space", "\u3000: wide", "\x1c- sep", "`` (tick)", "a",
    "|", " | cell |", "](x)", "\u00a0", "—", "–", "(unclosed", " ((nested) x)",
)  # fmt: skip
_BEFORE = (
    "", "- ", "* ", "1. ", "| ", "|", "  | ", "\t|", "[text](", "](", "[a](", "**Label:** ",
    "Label: ", "> ", "`", "x ", "  ", "- [ ] ", "see (", "a | b | ",
)  # fmt: skip
_LINES = (
    "", "**C2 servers:**", "Dropped files:", "- item", "| a | b |", "|---|---|", "prose line",
    "# Heading", "## IOCs", "  ", "1. step", "__Hosts:__", "**Bold** text", "Note: x",
)  # fmt: skip


def _note_texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        lines = []
        for _ in range(rng.randint(1, 8)):
            if rng.random() < 0.4:
                lines.append(rng.choice(_LINES))
                continue
            line = rng.choice(_BEFORE) + rng.choice(_IOCS) + rng.choice(_AFTER)
            if rng.random() < 0.3:
                line += rng.choice(_BEFORE) + rng.choice(_IOCS) + rng.choice(_AFTER)
            lines.append(line)
        texts.append("\n".join(lines) + rng.choice(("", "\n")))
    return texts


NOTE_TEXTS = _note_texts(2500, 31)
ALL = [*TEXTS, (ROOT / "README.md").read_text(encoding="utf-8"), *NOTE_TEXTS]
_EDGE = re.compile(r"\b|(?=[\s*_`(\[\]|:-])")


# ---------------------------------------------------------------- context_on


@pytest.mark.parametrize("markdown", [True, False])
def test_context_on_is_the_round_30_one_on_every_indicator(markdown: bool) -> None:
    asked = quiet = 0
    for text in ALL:
        hits, env = scan(text, markdown)
        layout = env.layout
        fast, plain = Labels(layout), _RefLabels(layout)
        for hit in hits:
            line = layout.line(hit.start)
            got = context_on(layout, fast, hit.start, hit.end, line)
            assert got == _ref_context_on(layout, plain, hit.start, hit.end, line), (text, hit)
            asked += 1
            after = text[hit.end : hit.end + 1] if hit.end < line[2] else ""
            quiet += not (after in ctx_mod._NOTE_OPENERS or after.isspace())
    # Both ways of the test ran, without the shared corpus too.
    assert asked > 5000 and quiet > 1000 and asked - quiet > 1000


def test_context_on_is_the_round_30_one_on_spans_between_word_edges() -> None:
    rng = random.Random(3101)
    asked = 0
    for text in ALL[:: max(1, len(ALL) // 1500)]:
        for markdown in (True, False):
            layout = Layout.build(text, markdown)
            fast, plain = Labels(layout), _RefLabels(layout)
            edges = sorted({m.start() for m in _EDGE.finditer(text)} | {0, len(text)})
            for _ in range(min(40, len(edges))):
                start = rng.choice(edges)
                line = layout.line(start)
                ends = [e for e in edges if start < e <= line[2]] or [min(start + 1, line[2])]
                end = rng.choice(ends)
                if end <= start:
                    continue
                got = context_on(layout, fast, start, end, line)
                assert got == _ref_context_on(layout, plain, start, end, line), (text, start, end)
                asked += 1
    assert asked > 10000


# ---------------------------------------------------------------- Labels.above


def _orders(count: int, rng: random.Random) -> list[list[int]]:
    forward = list(range(count))
    shuffled = forward[:]
    rng.shuffle(shuffled)
    repeated = [rng.randrange(count) for _ in range(count * 2)] if count else []
    return [forward, forward[::-1], shuffled, repeated]


def test_above_keeps_the_line_a_walk_ends_on() -> None:
    rng = random.Random(3102)
    kept = 0
    texts = [*TEXTS[:: max(1, len(TEXTS) // 800)], *NOTE_TEXTS[:800]]
    for text in texts:
        layout = Layout.build(text)
        count = len(layout.line_starts)
        for order in _orders(count, rng):
            fast, plain = Labels(layout), _RefLabels(layout)
            for index in order:
                assert fast.above(index) == plain.above(index), (text, index)
            kept += len(fast._above) - len(plain._above)
            # Every line either kept holds the walk's result from there.
            for line, result in fast._above.items():
                assert _RefLabels(layout).above(line + 1) == result, (text, line)
    assert kept > 1000  # the ended-on lines are kept (so asked again from the memo)


def test_label_at_is_the_round_30_one() -> None:
    for text in ALL[:: max(1, len(ALL) // 1500)]:
        hits, env = scan(text)
        layout = env.layout
        fast, plain = Labels(layout), _RefLabels(layout)
        for hit in hits:
            index = layout.line_index(hit.start)
            assert fast.label_at(hit.start, index) == plain.label_at(hit.start, index)


# ---------------------------------------------------------------- placed_indicators


@pytest.mark.parametrize("markdown", [True, False])
def test_placed_indicators_are_the_round_30_ones(markdown: bool) -> None:
    single = many = 0
    for text in ALL:
        fast = ioc.placed_indicators(text, markdown=markdown, place=_some_place)
        _same(fast, _ref_placed(text, markdown, _some_place))
        _same(ioc.extract_indicators(text, markdown=markdown), _ref_placed(text, markdown))
        for indicator in fast:
            single += len(indicator.occurrences) == 1
            many += len(indicator.occurrences) > 1
    assert single > 3000 and many > 300  # both ways of building a group ran
