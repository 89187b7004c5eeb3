"""Raw-line scanning shared by placeholder detection and inline suppressions.

Input: the report's raw lines. Output: (line, text) pairs with fenced code skipped and inline
code spans blanked (so columns stay true), and placeholder Hits.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from .base import Context, Hit

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
_OWN_COMMENT = re.compile(r"<!--\s*incidentparse-.*?-->")  # suppressions are not placeholders


def prose_lines(lines: tuple[str, ...]) -> Iterator[tuple[int, str]]:
    """(1-based line, text) outside fenced code, with inline code spans blanked out."""
    fence: str | None = None
    for number, line in enumerate(lines, start=1):
        match = _FENCE.match(line)
        if fence is not None:
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                fence = None
            continue
        if match:
            fence = match.group(1)
            continue
        yield number, _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)


class Placeholder(NamedTuple):
    """One kind of template residue: what it is, and the pattern that finds it."""

    what: str
    pattern: re.Pattern[str]


# A value alone on its line, after list markers, table pipes and a `**Label:**` lead.
_VALUE_PREFIX = r"^\s*(?:[-*+]\s+|\d+[.)]\s+|\|\s*)?(?:\*{0,2}[^*:|]{1,60}:\*{0,2}\s*)?"

PLACEHOLDERS: tuple[Placeholder, ...] = (
    Placeholder("'to be determined' marker", re.compile(r"\b(?:TBD|TBC|TBA)\b", re.I)),
    Placeholder("TODO marker", re.compile(r"\b(?:TODO|FIXME)\b")),
    Placeholder(
        "date or time template",
        re.compile(r"\b(?:YYYY|\d{4})-MM-(?:DD|\d{2})\b|\b(?:DD|MM)/(?:MM|DD)/YYYY\b|\bHH:MM\b"),
    ),
    Placeholder("'xxx' filler", re.compile(r"(?<![A-Za-z])[xX]{3,}(?![A-Za-z])")),
    Placeholder("lorem ipsum", re.compile(r"\blorem ipsum\b", re.I)),
    Placeholder(
        "template instruction",
        re.compile(
            r"[\[<](?:insert|describe|add|enter|list|specify|summari[sz]e|explain|provide|"
            r"include|fill in|replace|your|specific|name of|link to)\b[^\]>]*[\]>](?!\()",
            re.I,
        ),
    ),
    Placeholder(
        "template slot",
        re.compile(
            r"\[(?:date|time|date/time|datetime|timestamp|name|owner|team|link|url|ticket|"
            r"description|details|summary|title)\](?![(:\[])",
            re.I,
        ),
    ),
    # An elision mark is a placeholder only when it is the whole value ('- **Owner:** [...]');
    # at the end of a sentence it marks a quotation cut short.
    Placeholder("bare '[...]'", re.compile(_VALUE_PREFIX + r"(\[\s*(?:\.\.\.|…)\s*\])\s*\|?\s*$")),
    Placeholder(
        "bare '[...]' cell", re.compile(r"^\s*\|.*?\|\s*(\[\s*(?:\.\.\.|…)\s*\])\s*(?=\|)")
    ),
)


def _span(match: re.Match[str]) -> tuple[int, int]:
    group = match.lastindex or 0
    return match.start(group), match.end(group)


def placeholder_text(ctx: Context) -> Iterator[Hit]:
    if ctx.lines is None:
        # Without the raw text the parser's own placeholder diagnostics stand in.
        yield from (
            Hit(d.message, d.line, d.column, hint=d.hint)
            for d in ctx.report.diagnostics
            if d.code == "IP105"
        )
        return
    for number, line in prose_lines(ctx.lines):
        text = _OWN_COMMENT.sub(lambda m: " " * len(m.group(0)), line)
        for row in PLACEHOLDERS:
            for match in row.pattern.finditer(text):
                start, end = _span(match)
                found = text[start:end]
                yield Hit(f"{row.what} '{found}' left in the report", number, start + 1, end + 1)
