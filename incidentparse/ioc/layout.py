"""Markdown layout for the scanner: text to line starts, fenced blocks, code spans, table cells.

Built once per text in linear time; the scanner asks it whether an offset is in code and where
the hard edge (code span, table cell, quotes) around an offset ends. Fences, code spans and
headings are each found on first use: a text without candidates (most short reports) never
pays for the passes, and one whose hits never ask for a heading skips that pass.
"""

from __future__ import annotations

import bisect
import heapq
import re
from dataclasses import dataclass, field
from typing import Final

from ..shared_reads import per_parse
from ..source import find_line_starts
from .patterns import CODE_SPAN, FENCE_FINDERS, FENCE_MARKERS, FENCES, HEADING


@dataclass
class Layout:
    """Where the lines, code and table cells of one text are."""

    text: str
    markdown: bool = True
    line_starts: list[int] = field(default_factory=list)
    _bars: dict[int, list[int]] = field(default_factory=dict)
    _line_spans: dict[int, list[tuple[int, int]]] = field(default_factory=dict)

    @classmethod
    def build(
        cls, text: str, markdown: bool = True, line_starts: list[int] | None = None
    ) -> Layout:
        """The layout of text; ``line_starts`` (as find_line_starts gives them) when known."""
        starts = find_line_starts(text) if line_starts is None else line_starts
        return cls(text, markdown, starts)

    # Each a pass over the whole text, run on first use (then kept for this text only).
    @per_parse
    def fences(self) -> list[tuple[int, int]]:
        """Fenced code blocks as (start, end) offsets; none in plain text."""
        return _fences(self.text) if self.markdown else []

    @per_parse
    def spans(self) -> list[tuple[int, int]]:
        """Code spans as (start, end) offsets, backticks included; none in plain text.

        The definition the scanner keeps: it asks for the spans of one line (line_spans)."""
        if not self.markdown:
            return []
        return [(m.start(), m.end()) for m in CODE_SPAN.finditer(self.text)]

    def line_spans(self, offset: int) -> list[tuple[int, int]]:
        """The code spans (as ``spans`` gives them) on the line holding offset.

        CODE_SPAN never matches a line break, so no span crosses a line and a search resumed at
        a line start finds that line's spans as the whole-text search does (each search starts
        at or before it, and a match found earlier ends before it). Every Indicator asks in_code:
        reading its own line spares reading the whole text (and a line without a backtick, the
        regex search)."""
        start, end = self.line_bounds(offset)
        return self.spans_on(start, end)

    def spans_on(self, start: int, end: int) -> list[tuple[int, int]]:
        """line_spans of the line from start to end (its bounds, as ``line`` gives them)."""
        if start not in self._line_spans:
            found: list[tuple[int, int]] = []
            if self.markdown and self.text.find("`", start, end) >= 0:
                found = [m.span() for m in CODE_SPAN.finditer(self.text, start, end)]
            self._line_spans[start] = found
        return self._line_spans[start]

    @per_parse
    def headings(self) -> list[int]:
        """Offsets of the heading markers that open their lines; none in plain text."""
        if not self.markdown:
            return []
        text = self.text
        return [m.start() for m in HEADING.finditer(text) if _line_start(text, m)]

    def line_index(self, offset: int) -> int:
        """0-based index of the line holding offset."""
        return bisect.bisect_right(self.line_starts, offset) - 1

    def heading_before(self, offset: int) -> int | None:
        """Offset of the last heading line that starts before offset."""
        index = bisect.bisect_left(self.headings, offset) - 1
        return self.headings[index] if index >= 0 else None

    def row(self, offset: int) -> tuple[int, int] | None:
        """Bounds of the table row (a line starting with '|') holding offset."""
        if not self.markdown:
            return None
        start, end = self.line_bounds(offset)
        return (start, end) if self.is_row(start, end) else None

    def is_row(self, start: int, end: int) -> bool:
        """The line from start to end (its bounds) is read as a table row."""
        return end - start <= _MAX_ROW and _ROW_START.match(self.text, start) is not None

    def bars(self, row: tuple[int, int]) -> list[int]:
        if row[0] not in self._bars:
            self._bars[row[0]] = _cell_bars(self.text, row[0], row[1])
        return self._bars[row[0]]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a 0-based offset."""
        index = bisect.bisect_right(self.line_starts, offset) - 1
        return index + 1, offset - self.line_starts[index] + 1

    def line_bounds(self, offset: int) -> tuple[int, int]:
        """Start and end (exclusive, without the newline) of the line holding offset."""
        _, start, end = self.line(offset)
        return start, end

    def line(self, offset: int) -> tuple[int, int, int]:
        """0-based index, start and end (exclusive, without the newline) of the line holding
        offset."""
        index = bisect.bisect_right(self.line_starts, offset) - 1
        starts = self.line_starts
        end = starts[index + 1] - 1 if index + 1 < len(starts) else len(self.text)
        return index, starts[index], end

    def in_fence(self, offset: int) -> bool:
        fences = self.fences
        # Most texts hold no fence: _inside of an empty list is None (no bisect needed).
        return bool(fences) and _inside(fences, offset) is not None

    def code_span(self, offset: int) -> tuple[int, int] | None:
        """Bounds of the code span's content around offset, backticks excluded."""
        span = _inside(self.line_spans(offset), offset)
        if span is None:
            return None
        start, end = span
        ticks = len(self.text[start:end]) - len(self.text[start:end].lstrip("`"))
        return start + ticks, end - ticks

    def in_code(self, offset: int) -> bool:
        return _inside(self.line_spans(offset), offset) is not None or self.in_fence(offset)

    def in_code_on(self, offset: int, start: int, end: int) -> bool:
        """in_code of an offset on the line from start to end (its bounds, as ``line`` gives
        them): a caller that has the line spares looking it up again."""
        # Most lines hold no code span: _inside of an empty list is None (the call spared).
        spans = self.spans_on(start, end)
        return (bool(spans) and _inside(spans, offset) is not None) or self.in_fence(offset)

    def cell(self, offset: int) -> tuple[int, int] | None:
        """Bounds of the table cell holding offset (its content between the pipes)."""
        row = self.row(offset)
        if row is None:
            return None
        bars = self.bars(row)
        index = bisect.bisect_right(bars, offset) - 1
        if index < 0 or index + 1 >= len(bars):
            return None
        return bars[index] + 1, bars[index + 1]

    def row_cells(self, offset: int) -> list[tuple[int, int]]:
        """Every cell of the table row holding offset (empty when not in a row)."""
        row = self.row(offset)
        if row is None:
            return []
        bars = self.bars(row)
        return [(bars[i] + 1, bars[i + 1]) for i in range(len(bars) - 1)]

    def edge(self, offset: int) -> int | None:
        """End of the hard edge (code span, table cell, double quotes) enclosing offset."""
        span = self.code_span(offset)
        if span is not None:
            return span[1]
        cell = self.cell(offset)
        if cell is not None:
            return cell[1]
        return _quoted_end(self.text, offset, self.line_bounds(offset))


_MAX_ROW = 4096  # a longer line is not read as a table row (keeps per-hit work bounded)
_ROW_START = re.compile(r"[ \t]*\|")
_QUOTE_WINDOW = 512
_BAR_OR_TICK = re.compile(r"[`|]")


def _line_start(text: str, match: re.Match[str]) -> bool:
    """The match opens its line (after at most three spaces), as fences and headings must."""
    begin = match.start()
    if not begin or text[begin - 1] == "\n":  # most do: no need to look further back
        return True
    start = text.rfind("\n", max(0, begin - 4), begin) + 1
    if start == 0 and begin > 3:
        return False  # more than three characters before it on its line
    return not text[start:begin].strip(" ")


def _fences(text: str) -> list[tuple[int, int]]:
    """Fenced code blocks as (start, end) offsets; an unclosed fence runs to the end."""
    blocks: list[tuple[int, int]] = []
    opener: tuple[str, int] | None = None
    # Most texts hold neither marker's character (found at memory speed): no fence, and the
    # tests below are spared (a comprehension over the table cost ~2 us, most of _fences on
    # such a text). Else a test for the marker (_holds) spares the search of an absent one.
    if _TICK not in text and _TILDE not in text:
        return []
    present = [
        fence
        for fence, marker, finder, walked in _FENCE_TESTS
        if marker[0] in text and _holds(text, marker, finder, walked)
    ]
    if not present:
        return []
    found = heapq.merge(*(f.finditer(text) for f in present), key=lambda m: m.start())
    for match in found:
        if not _line_start(text, match):
            continue
        marker = match.group(1)
        if opener is None:
            opener = (marker, _line_end(text, match.end()))
        elif _closes(opener[0], marker, text[match.start() : _line_end(text, match.end())]):
            blocks.append((opener[1], match.start()))
            opener = None
    if opener is not None:
        blocks.append((opener[1], len(text)))
    return blocks


# Each fence pattern, its marker, the marker's finder and how many places of the marker's
# character _holds tests one by one before the finder reads the rest of the text: backticks
# come by the dozen in a report with code spans (the finder at once), a '~' mostly alone
# ('~5 min', '~/path').
_WALKED: Final = {"```": 0, "~~~": 4}
_FENCE_TESTS: Final = tuple(
    (fence, marker, finder, _WALKED[marker])
    for fence, marker, finder in zip(FENCES, FENCE_MARKERS, FENCE_FINDERS, strict=True)
)
_TICK, _TILDE = (marker[0] for marker in FENCE_MARKERS)


def _holds(text: str, marker: str, finder: re.Pattern[str], walked: int) -> bool:
    """``marker in text`` for a fence marker, the first ``walked`` places of its character
    tested where they are.

    The finder (patterns.occurs_finder) reads the whole text, about a nanosecond a character
    (~5 us on a report of 5 KB, for the one '~' of '~5 min'); str.find steps to a place at
    memory speed. Exact: the places are tested in order, so past ``walked`` of them every
    place not yet tested is at or after ``pos``; the finder matches at the second character
    of an occurrence, its look-behind reading the first, so a search from ``pos`` finds every
    occurrence that opens there or later (one opening at ``pos - 1`` opens at a place tested
    already), and every match is an occurrence."""
    char, rest = marker[0], marker[1:]
    pos = text.find(char)
    for _ in range(walked):
        if pos < 0:
            return False
        if text.startswith(rest, pos + 1):
            return True
        pos = text.find(char, pos + 1)
    return pos >= 0 and finder.search(text, pos) is not None


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def _closes(opener: str, marker: str, line: str) -> bool:
    """A closing fence: same character, at least as long, nothing after it."""
    return marker[0] == opener[0] and len(marker) >= len(opener) and line.strip() == marker


def _inside(regions: list[tuple[int, int]], offset: int) -> tuple[int, int] | None:
    index = bisect.bisect_right(regions, (offset, 1 << 62)) - 1
    if index >= 0 and regions[index][0] <= offset < regions[index][1]:
        return regions[index]
    return None


def _cell_bars(text: str, start: int, end: int) -> list[int]:
    """Offsets of the unescaped pipes of one table row, outside code spans."""
    bars: list[int] = []
    in_tick = False
    # Only backticks and pipes change anything: the regex engine steps over the rest of the row
    # (a Python step per character cost ~25K instructions per row note on a timeline table).
    for match in _BAR_OR_TICK.finditer(text, start, end):
        pos = match.start()
        if text[pos] == "`":
            in_tick = not in_tick
        elif not in_tick and (pos == start or text[pos - 1] != "\\"):
            bars.append(pos)
    if text[start:end].rstrip().endswith("|") is False:
        bars.append(end)
    return bars


def _quoted_end(text: str, offset: int, bounds: tuple[int, int]) -> int | None:
    """End of the double-quoted stretch of the line around offset, if any."""
    line_start, line_end = bounds
    before = text.count('"', max(line_start, offset - _QUOTE_WINDOW), offset)
    if before % 2 == 0:
        return None
    close = text.find('"', offset, min(line_end, offset + _QUOTE_WINDOW))
    return None if close < 0 else close
