"""Round-11 structural changes of the indicator engine give exactly what the plain way gives.

Compared on every report we have (fixtures, docs, the shared corpus when present), the IOC case
tables and generated text (the same texts as test_ioc_perf).
"""

from __future__ import annotations

import re

from incidentparse.ioc import context as ctx
from incidentparse.ioc.layout import _cell_bars

from .test_ioc_perf import TEXTS


def _plain_cell_bars(text: str, start: int, end: int) -> list[int]:
    """Table-row pipes as found before round 11: one Python step per character of the row."""
    bars: list[int] = []
    in_tick = False
    for pos in range(start, end):
        char = text[pos]
        if char == "`":
            in_tick = not in_tick
        elif char == "|" and not in_tick and (pos == start or text[pos - 1] != "\\"):
            bars.append(pos)
    if text[start:end].rstrip().endswith("|") is False:
        bars.append(end)
    return bars


ROWS = ["| a | b |", "|a\\|b|", "\\| x | `a|b` | c", "| `x` | `` | y\\\\| z |  ", "||", "|", "`|`|"]


def test_cell_bars_are_the_plain_ones() -> None:
    checked = 0
    for text in [*TEXTS, *ROWS]:
        start = 0
        for line in text.split("\n"):
            end = start + len(line)
            # The row itself, and the row starting one character in (a pipe or backslash before).
            for begin in (start, min(start + 1, end)):
                assert _cell_bars(text, begin, end) == _plain_cell_bars(text, begin, end), line
                checked += 1
            start = end + 1
    assert checked > 10000


def test_dash_note_is_the_plain_match() -> None:
    for text in TEXTS:
        for end in range(0, len(text), 1 if len(text) < 2000 else 5):
            line_end = text.find("\n", end)
            line_end = len(text) if line_end < 0 else line_end
            rest = text[end : min(line_end, end + ctx._NOTE_MAX)]
            match = re.match(r"^[*_`\s]*(?:[-–—]|:)\s+(\S.*)$", rest)
            plain = ctx.clean(match.group(1)) or None if match else None
            assert ctx.dash_note(text, end, line_end) == plain
