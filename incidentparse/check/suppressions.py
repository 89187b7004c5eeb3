"""Inline suppressions: `<!-- incidentparse-disable CODE -->` comments, scanned from raw lines.

Input: the report's raw lines and its findings. Output: the findings left after suppression,
plus Hits for unused (IP423) and invalid (IP424) suppression comments.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

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
    """One comment: its kind, where it is, which codes it names and the lines it covers."""

    kind: str
    line: int
    col: int
    end_col: int
    selectors: dict[str, frozenset[str]]  # selector as written -> codes
    first: int = 0
    last: int = 0
    used: set[str] = field(default_factory=set)  # selectors that suppressed something


def scan(lines: tuple[str, ...]) -> tuple[list[Suppression], list[Hit]]:
    """Every suppression comment outside code, and Hits for invalid ones."""
    found: list[Suppression] = []
    invalid: list[Hit] = []
    for number, text in prose_lines(lines):
        for match in _COMMENT.finditer(text):
            selectors, problems = _selectors(match.group("codes"))
            col, end = match.start() + 1, match.end() + 1
            for problem in problems:
                invalid.append(Hit(problem, number, col, end))
            if selectors:
                found.append(Suppression(match.group(1), number, col, end, selectors))
    _set_ranges(found, len(lines))
    return [s for s in found if s.kind != "enable"], invalid


def _selectors(text: str) -> tuple[dict[str, frozenset[str]], list[str]]:
    tokens = [t for t in _SPLIT.split(text.strip()) if t]
    if not tokens:
        return {}, ["suppression names no code; write e.g. 'incidentparse-disable IP412'"]
    out: dict[str, frozenset[str]] = {}
    problems: list[str] = []
    for token in tokens:
        try:
            out[token] = resolve(token)
        except ConfigError:
            problems.append(f"suppression names unknown code '{token}'")
    return out, problems


def _set_ranges(items: Sequence[Suppression], line_count: int) -> None:
    """Lines each suppression covers; `disable` runs until an `enable` naming its codes."""
    for index, s in enumerate(items):
        if s.kind == "disable-line":
            s.first = s.last = s.line
        elif s.kind == "disable-next-line":
            s.first = s.last = s.line + 1
        elif s.kind == "disable-file":
            s.first, s.last = 1, _END
        elif s.kind == "disable":
            codes = frozenset().union(*s.selectors.values())
            closing = next(
                (
                    e.line - 1
                    for e in items[index + 1 :]
                    if e.kind == "enable" and codes & frozenset().union(*e.selectors.values())
                ),
                _END,
            )
            s.first, s.last = s.line, closing


def apply(findings: Iterable[Finding], items: Sequence[Suppression]) -> list[Finding]:
    """The findings no suppression covers; marks each suppression's used selectors."""
    kept: list[Finding] = []
    for finding in findings:
        hit = False
        for s in items:
            if not s.first <= finding.start.line <= s.last:
                continue
            for selector, codes in s.selectors.items():
                if finding.code in codes:
                    s.used.add(selector)
                    hit = True
        if not hit:
            kept.append(finding)
    return kept


def unused(items: Sequence[Suppression], enabled: frozenset[str]) -> list[Hit]:
    """Hits for selectors that suppressed nothing although their rules ran."""
    out: list[Hit] = []
    for s in items:
        for selector, codes in s.selectors.items():
            if selector not in s.used and codes & enabled:
                out.append(
                    Hit(f"suppression of '{selector}' suppressed nothing", s.line, s.col, s.end_col)
                )
    return out
