"""Shared vocabulary of the check stage: findings, rule hits, profiles and the rule context."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

from pydantic import BaseModel, ConfigDict
from pydantic import Field as F

from ..models import IncidentReport, Severity

BaseProfile = Literal["security", "outage"]

# Severity order for --fail-on and for sorting; higher is worse.
SEVERITY_RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}


class Position(BaseModel):
    """A 1-based line and column (columns count Unicode code points)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    line: int = F(description="1-based line.")
    col: int = F(description="1-based column, in Unicode code points.")


class Finding(BaseModel):
    """One problem `incidentparse check` reports about one report."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    path: str | None = F(description="Path of the report as given; null for text or stdin.")
    code: str = F(description="Stable rule code, e.g. IP407.")
    name: str = F(description="Kebab-case alias of the code, e.g. missing-impact-window.")
    severity: Severity = F(description="error, warning or info, as set by the profile.")
    message: str = F(description="One-line explanation.")
    hint: str | None = F(None, description="How to fix it.")
    start: Position = F(description="Where the problem starts.")
    end: Position = F(description="Where it ends (inclusive line, exclusive column).")
    profile: str = F(description="The profile the report was checked against.")


class Hit(NamedTuple):
    """What a rule function yields: a message and, when it has one, a place in the report."""

    message: str
    line: int | None = None
    col: int | None = None
    end_col: int | None = None
    hint: str | None = None
    severity: Severity | None = None  # set only to lower a profile's level case by case


@dataclass(frozen=True)
class Profile:
    """A named set of rules with their severities (built-in or from config)."""

    name: str
    base: BaseProfile
    levels: Mapping[str, Severity]  # rule code -> severity; a rule absent here is not run
    minimum: Mapping[str, int] = field(default_factory=dict)  # counted kind -> minimum count
    relax_ongoing: bool = True


@dataclass(frozen=True)
class Choice:
    """The profile a report was checked against, and why (shown in every output)."""

    profile: Profile
    reason: str  # e.g. "auto: report type service_outage" or "--profile"
    ongoing: bool  # the ongoing-incident relaxation was applied

    @property
    def label(self) -> str:
        return self.profile.name + (" with ongoing relaxation" if self.ongoing else "")


@dataclass(frozen=True)
class Context:
    """What a rule function reads: the report, its raw lines (when known) and the profile."""

    report: IncidentReport
    lines: tuple[str, ...] | None
    choice: Choice

    @property
    def base(self) -> BaseProfile:
        return self.choice.profile.base

    @property
    def ongoing(self) -> bool:
        return self.choice.ongoing
