"""Context and labels: an indicator's offset in the text to the note and label beside it.

Context is the closest note the author wrote: a parenthetical right after the indicator, the
rest of its table row, or the ``**Label:**`` / label line it sat under.
"""

from __future__ import annotations

import re
from typing import Final

from .layout import Layout

_LIST_MARK: Final[re.Pattern[str]] = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?")
# "**Label:** rest", "**Label**: rest", "__Label:__", "Label: rest" (a short label).
_LABEL: Final[re.Pattern[str]] = re.compile(
    r"^(?:\*\*|__)([^*_\n]{1,80}?)(?::\*\*|\*\*:|:__|__:)\s*|^([A-Za-z][^:\n`|]{0,60}?):\s+(?=\S|$)"
)
_LABEL_LINE: Final[re.Pattern[str]] = re.compile(
    r"^(?:\*\*|__)?([^*_\n:]{1,80}?)(?::\*\*|\*\*:|:__|__:|:|\*\*|__)?\s*$"
)
_NOTE_MAX: Final[int] = 300  # notes and labels are short; never read further along a line
_HEADING: Final[re.Pattern[str]] = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_MARKUP: Final[re.Pattern[str]] = re.compile(r"\*\*|__|`|(?<!\w)[*_]|[*_](?!\w)")


def clean(text: str) -> str:
    """Inline markup stripped, whitespace folded."""
    return " ".join(_MARKUP.sub("", text).split()).strip(" -–—:;,")


class Labels:
    """Lazy label lookup for one text, memoised per line so that every line is read once."""

    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        self._above: dict[int, str | None] = {}
        self._headings: dict[int, str | None] = {}
        # offset -> label: the judges (label_words) and context_of ask for the same offsets
        self._labels: dict[int, str | None] = {}

    def at(self, offset: int) -> tuple[str | None, str | None]:
        """(label, heading) for offset: its own line's label or the label line it sits under,
        and the nearest heading above."""
        return self.label_at(offset), self.heading_at(offset)

    def label_at(self, offset: int, index: int | None = None) -> str | None:
        """The '**Label:**' opening offset's line, else the label line it sits under;
        ``index``: the index of that line, when the caller has it."""
        if offset in self._labels:
            return self._labels[offset]
        label = self._labels[offset] = self._label_at(offset, index)
        return label

    def _label_at(self, offset: int, index: int | None = None) -> str | None:
        layout = self.layout
        if index is None:
            index = layout.line_index(offset)
        line_start = layout.line_starts[index]
        stop = min(offset, line_start + _NOTE_MAX)
        # _inline_label's first test asked of the text in place: most indicators have no ':'
        # before them on their line (no inline label), and are spared the slice and the call.
        if layout.text.find(":", line_start, stop) < 0:
            return self.above(index)
        label = _inline_label(layout.text[line_start:stop])
        return label if label is not None else self.above(index)

    def heading_at(self, offset: int) -> str | None:
        """The text of the nearest heading above offset."""
        head = self.layout.heading_before(offset)
        if head is None:
            return None
        if head not in self._headings:
            match = _HEADING.match(self.layout.text, head, self.layout.line_bounds(head)[1])
            self._headings[head] = clean(match.group(1)) if match else None
        return self._headings[head]

    def above(self, index: int) -> str | None:
        """The label line that line ``index`` sits under: list items, table rows and blank lines
        keep a label in force; a heading or a line of prose ends it."""
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
        if line >= 0 and line not in self._above:
            # The label or stop line the walk ended on gives every walk that reaches it this
            # result (a label line its label, a stop line None), as a passed line gives the
            # result of the walk past it: another indicator on the same line, or under the same
            # line, reads it from here instead of reading the line again (tests/
            # test_ioc_perf31.py compares with the walk that keeps only the passed lines).
            pending.append(line)
        for seen in pending:
            self._above[seen] = result
        return result

    def _line_kind(self, index: int) -> tuple[str, str | None]:
        """'label' (with its text), 'pass' (blank, list item, table row) or 'stop'."""
        starts = self.layout.line_starts
        text = self.layout.text
        end = starts[index + 1] - 1 if index + 1 < len(starts) else len(text)
        line = text[starts[index] : end]
        # The list mark is matched once, for the label and the kind (each matched it), and
        # only where it can open: after the line's leading whitespace (\s is str.isspace, what
        # strip() takes away) it opens with '-', '*', '+' or a digit (\d: str.isdecimal).
        # Most lines walked are prose: spared the regex (tests/test_ioc_perf27.py compares).
        if ":" in line or "**" in line:  # else no label line (_label_line)
            mark = _LIST_MARK.match(line)
            label = _label_body(line if mark is None else line[mark.end() :])
            if label is not None:
                return "label", label
            if mark is not None:
                return "pass", None
        stripped = line.strip()
        if not stripped or stripped[0] == "|":
            return "pass", None
        head = stripped[0]
        if (head in "-*+" or head.isdecimal()) and _LIST_MARK.match(line):
            return "pass", None
        return "stop", None


def _inline_label(before: str) -> str | None:
    """The '**Label:**' that opens the line, when the indicator comes after it."""
    if ":" not in before:
        return None  # every _LABEL match holds a colon: most lines are spared both regexes
    # _LIST_MARK opens with '^' (no MULTILINE): its one possible match opens the text, and
    # what the substitution of it left is the rest after it, taken here without the
    # substitution's template and new string (tests/test_ioc_perf32.py compares the sub).
    mark = _LIST_MARK.match(before)
    match = _LABEL.match(before if mark is None else before[mark.end() :])
    if match is None:
        return None
    return clean(match.group(1) or match.group(2)) or None


def _label_line(line: str) -> str | None:
    """A line that is only a label ('**C2 servers:**', 'Dropped files:')."""
    if ":" not in line and "**" not in line:
        return None  # a label line ends with ':' or opens with '**': spare the substitution
    return _label_body(_LIST_MARK.sub("", line, count=1))


def _label_body(body: str) -> str | None:
    """_label_line of a line's text after its list mark (_LIST_MARK opens with '^': it is
    the line's one match, and what the substitution leaves is the rest of the line)."""
    body = body.strip()
    if not body or not (body.endswith(":") or body.endswith(":**") or body.startswith("**")):
        return None
    match = _LABEL_LINE.match(body)
    return clean(match.group(1)) if match else None


# What parenthetical steps over between an indicator and its '(' (context_on steps the same).
_STEPPED_OVER: Final = " \t*_`\u00a0"


def parenthetical(text: str, end: int, line_end: int) -> str | None:
    """The '(note)' right after an indicator, on the same line."""
    pos = end
    while pos < line_end and text[pos] in _STEPPED_OVER:
        pos += 1
    if pos >= line_end or text[pos] != "(":
        return None
    depth = 0
    for index in range(pos, min(line_end, pos + _NOTE_MAX)):
        if text[index] == "(":
            depth += 1
        elif text[index] == ")":
            depth -= 1
            if depth == 0:
                return clean(text[pos + 1 : index]) or None
    return None


def link_text(text: str, start: int, line_start: int) -> str | None:
    """The text of a Markdown link whose target the indicator is: '[C2 panel](hxxp://…)'."""
    if text[max(line_start, start - 2) : start] != "](":
        return None
    close = start - 2
    open_ = text.rfind("[", max(line_start, close - _NOTE_MAX), close)
    if open_ < 0:
        return None
    label = clean(text[open_ + 1 : close])
    return label or None


# Compiled once: re.match with a pattern string looked it up in re's cache on every call.
_DASH_NOTE: Final[re.Pattern[str]] = re.compile(r"^[*_`\s]*(?:[-–—]|:)\s+(\S.*)$")


def dash_note(text: str, end: int, line_end: int) -> str | None:
    """The note after ' - ', ' – ', ' — ' or ': ' that follows an indicator on its line."""
    rest = text[end : min(line_end, end + _NOTE_MAX)]
    match = _DASH_NOTE.match(rest)
    return clean(match.group(1)) or None if match else None


def row_note(layout: Layout, start: int, end: int) -> str | None:
    """The other cells of the table row holding the indicator, joined by ' | '."""
    cells = layout.row_cells(start)
    text = layout.text
    parts = [clean(text[a:b]) for a, b in cells if not (a <= start < b)]
    parts = [part for part in parts if part and not set(part) <= set("-: ")]
    return " | ".join(parts) or None


def context_of(layout: Layout, labels: Labels, start: int, end: int) -> str | None:
    """The closest note: parenthetical, link text, table row, trailing note, then the label."""
    # The line is found once for every step (each looked it up again: ~a fifth of the cost).
    return context_on(layout, labels, start, end, layout.line(start))


def context_on(
    layout: Layout, labels: Labels, start: int, end: int, line: tuple[int, int, int]
) -> str | None:
    """context_of, given ``line``: what ``layout.line(start)`` gives (the caller has it)."""
    # A line that is no table row has no row note (row_note would find no cells).
    index, line_start, line_end = line
    text = layout.text
    # Most indicators sit in prose: no note follows them, they are no link target and their
    # line is no table row. The first character of each note's shape is tested here, and the
    # step is called only where it can find a note (a call each, ~a third of the cost of the
    # context of an indicator in prose). Exact: parenthetical steps over whitespace and
    # markup ('*', '_', '`') to a '(' and dash_note's pattern steps over the same to a dash or
    # ':', so a character after the indicator that is none of them (or the line's end) leaves
    # both with nothing; link_text opens with the test below; is_row's pattern opens with
    # '[ \t]*\|' (tests/test_ioc_perf31.py compares with the steps called every time).
    after = text[end : end + 1] if end < line_end else ""
    paren = dashed = False
    if after in _NOTE_OPENERS or after.isspace():
        # Past what parenthetical steps over (most often one blank), one character says which
        # of the two can find a note, where both were called (the slice and match of
        # dash_note, ~1 us, for the word after an indicator in prose). Exact: parenthetical
        # needs a '(' there; dash_note's pattern steps over those characters too ('*', '_',
        # '`' and whitespace: it steps further only over other whitespace) and needs a dash
        # or ':' next, which a '(', any other character or the line's end is not
        # (tests/test_ioc_perf39.py compares with the round-31 test).
        pos = end
        while pos < line_end and text[pos] in _STEPPED_OVER:
            pos += 1
        first = text[pos] if pos < line_end else ""
        paren = first == "("
        dashed = first in _DASHES or first.isspace()
    note = parenthetical(text, end, line_end) if paren else None
    if note is None and layout.markdown and text[max(line_start, start - 2) : start] == "](":
        note = link_text(text, start, line_start)
    if (
        note is None
        and layout.markdown
        and text[line_start : line_start + 1] in _ROW_OPENERS
        and layout.is_row(line_start, line_end)
    ):
        note = row_note(layout, start, end)
    if note is None and dashed:
        note = dash_note(text, end, line_end)
    if note is None:
        note = labels.label_at(start, index)
    return note


# The characters a note after an indicator can open with, besides whitespace: markup that
# parenthetical and dash_note step over, the parenthesis and the dashes and colon.
_NOTE_OPENERS: Final = frozenset("*_`(-–—:")
# What a dash note opens with, after what it steps over (_DASH_NOTE: a dash or ':').
_DASHES: Final = frozenset("-–—:")
# What a table row's line opens with (layout._ROW_START: '[ \t]*\|').
_ROW_OPENERS: Final = frozenset(" \t|")
