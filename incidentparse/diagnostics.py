"""The registry of diagnostic codes and the sink that stages report problems into.

Codes are stable and never renumbered: IP1xx structure, IP2xx dates, IP3xx indicators,
IP4xx completeness rules (registered by ``incidentparse.check``). A code is a row here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple, get_args

from .models import Diagnostic, Severity, assembled


class Code(NamedTuple):
    code: str
    name: str
    severity: Severity
    summary: str


CODES: tuple[Code, ...] = (
    Code("IP101", "unknown-section", "info", "A heading matched no known section kind."),
    Code("IP102", "empty-section", "warning", "A section has a heading but no content."),
    Code("IP103", "na-without-reason", "info", "A value is N/A with no reason given."),
    Code("IP104", "duplicate-section", "warning", "The same section kind appears twice."),
    Code("IP105", "placeholder-text", "warning", "Template placeholder text left in the report."),
    Code("IP106", "unreadable-front-matter", "warning", "Front matter could not be parsed."),
    Code("IP107", "assistant-chatter", "info", "A chat assistant's remark was left out."),
    Code("IP201", "ambiguous-date", "warning", "A date has more than one reading."),
    Code("IP202", "unreadable-date", "warning", "A date field holds no date the parser can read."),
    Code("IP203", "unknown-zone", "warning", "A time has no resolvable time zone."),
    Code("IP301", "live-indicator", "warning", "A network indicator is written live."),
)

BY_CODE: dict[str, Code] = {c.code: c for c in CODES}
BY_NAME: dict[str, Code] = {c.name: c for c in CODES}


def register(code: Code) -> None:
    """Add a code row (used by the completeness rules); codes and names must stay unique."""
    if code.code in BY_CODE or code.name in BY_NAME:
        existing = BY_CODE.get(code.code) or BY_NAME[code.name]
        if existing != code:
            raise ValueError(f"diagnostic code clash: {code} vs {existing}")
        return
    BY_CODE[code.code] = code
    BY_NAME[code.name] = code


def make(
    name: str,
    message: str,
    *,
    line: int | None = None,
    column: int | None = None,
    hint: str | None = None,
) -> Diagnostic:
    """Build a Diagnostic from its alias; unknown aliases are a programming error."""
    c = BY_NAME[name]
    values = {
        "code": c.code,
        "name": c.name,
        "severity": c.severity,
        "message": message,
        "line": line,
        "column": column,
        "hint": hint,
    }
    if _of_field_types(c, message, line, column, hint):
        return assembled(Diagnostic, values, _DIAGNOSTIC_GIVEN)
    return Diagnostic(**values)  # converted or refused, as before


# A Diagnostic is built unvalidated (models.assembled) when its values are of the field types
# (str, a severity of the Literal, int or None, str or None), which the validator hands on as
# they are: a parse that notices something (an unknown heading, an ambiguous date) paid ~5-15 us
# a diagnostic for the validation. Any other value (a bool or str subclass, a float line, a
# registered code of another severity) is validated, as Diagnostic(...) did.
# tests/test_doc_perf29.py compares both on every diagnostic of our reports.
_DIAGNOSTIC_GIVEN = frozenset(Diagnostic.model_fields)
_SEVERITIES = frozenset(get_args(Severity))


def _of_field_types(c: Code, message: object, line: object, column: object, hint: object) -> bool:
    return (
        type(c.code) is str
        and type(c.name) is str
        and type(c.severity) is str
        and c.severity in _SEVERITIES
        and type(message) is str
        and (line is None or type(line) is int)
        and (column is None or type(column) is int)
        and (hint is None or type(hint) is str)
    )


@dataclass
class Sink:
    """Collects diagnostics while a report is parsed."""

    items: list[Diagnostic] = field(default_factory=list)

    def add(
        self,
        name: str,
        message: str,
        *,
        line: int | None = None,
        column: int | None = None,
        hint: str | None = None,
    ) -> None:
        self.items.append(make(name, message, line=line, column=column, hint=hint))
