"""Inline suppressions: `<!-- incidentparse-disable CODE -->` comments, scanned from raw lines.

Input: the report's raw lines and its findings. Output: the findings left after suppression,
plus Hits for unused (IP423) and invalid (IP424) suppression comments.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..errors import ConfigError
from .base import Finding, Hit
from .config import resolve
from .textscan import prose_lines

_COMMENT = re.compile(
    r"<!--\s*incidentparse-(disable-next-line|disable-line|disable-file|disable|enable)"
    r"(?![\w-])(?P<codes>.*?)-->"
)
_SPLIT = re.compile(r"[\s,]+")
_END = 10**9  # past the last line: an open `disable` runs to the end of the file


@dataclass
class Suppression:
    """One selector of one comment: where it is, the codes it names, the lines it covers."""

    kind: str
    line: int
    col: int
    end_col: int
    selector: str
    codes: frozenset[str]
    first: int = 0
    last: int = 0
    used: bool = False


def scan(lines: tuple[str, ...]) -> tuple[list[Suppression], list[Hit]]:
    """Every suppression outside code (one per named selector), and Hits for invalid ones."""
    found: list[Suppression] = []
    invalid: list[Hit] = []
    for number, text in prose_lines(lines):
        for match in _COMMENT.finditer(text):
            kind, col, end = match.group(1), match.start() + 1, match.end() + 1
            tokens = [t for t in _SPLIT.split(match.group("codes").strip()) if t]
            if not tokens:
                message = f"'incidentparse-{kind}' names no code; e.g. 'incidentparse-{kind} IP412'"
                invalid.append(Hit(message, number, col, end))
            for token in tokens:
                try:
                    found.append(Suppression(kind, number, col, end, token, resolve(token)))
                except ConfigError:
                    invalid.append(
                        Hit(f"suppression names unknown code '{token}'", number, col, end)
                    )
    _set_ranges(found)
    return [s for s in found if s.kind != "enable"], invalid


def _set_ranges(items: Sequence[Suppression]) -> None:
    """Lines each suppression covers; `disable` runs until an `enable` naming its codes."""
    for index, s in enumerate(items):
        if s.kind == "disable-line":
            s.first = s.last = s.line
        elif s.kind == "disable-next-line":
            s.first = s.last = s.line + 1
        elif s.kind == "disable-file":
            s.first, s.last = 1, _END
        elif s.kind == "disable":
            closing = (
                e.line - 1
                for e in items[index + 1 :]
                if e.kind == "enable" and e.line > s.line and s.codes <= e.codes
            )
            s.first, s.last = s.line, next(closing, _END)


def apply(findings: Iterable[Finding], items: Sequence[Suppression]) -> list[Finding]:
    """The findings no suppression covers; marks the suppressions that were used."""
    kept: list[Finding] = []
    for finding in findings:
        covering = [
            s for s in items if finding.code in s.codes and s.first <= finding.start.line <= s.last
        ]
        for s in covering:
            s.used = True
        if not covering:
            kept.append(finding)
    return kept


def unused(items: Sequence[Suppression], enabled: frozenset[str]) -> list[Hit]:
    """Hits for suppressions that suppressed nothing although their rules ran."""
    return [
        Hit(f"suppression of '{s.selector}' suppressed nothing", s.line, s.col, s.end_col)
        for s in items
        if not s.used and s.codes & enabled
    ]
