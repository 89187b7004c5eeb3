"""Profiles: the built-in security and outage rule sets, custom ones, and the auto choice.

Input: a report and a profile name (plus custom profiles from config). Output: a Choice that
every output shows: the profile, why it was chosen, whether the ongoing relaxation applied.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from ..models import IncidentReport
from .base import Choice, Profile
from .evidence import front_matter_value
from .rules import BUILTIN_PROFILES, RULES

PROFILE_NAMES: tuple[str, ...] = ("auto", *BUILTIN_PROFILES)


def builtin(name: str) -> Profile:
    """The security or outage profile as the rules table defines it."""
    levels = {r.code: r.levels[name] for r in RULES if name in r.levels}
    return Profile(name=name, base="security" if name == "security" else "outage", levels=levels)


BUILTIN: dict[str, Profile] = {name: builtin(name) for name in BUILTIN_PROFILES}

_YES = re.compile(r"^\s*(yes|true|y)\b", re.I)
_SECURITY_FLAG = re.compile(r"\bsecurity[- ]related\b", re.I)


def _security_evidence(report: IncidentReport) -> str | None:
    """completeness.md: security when methodology, indicators or a security flag is real."""
    flag = front_matter_value(report, "security_related", "security-related", "security")
    fields = report.details.fields if report.details else ()
    if (flag and _YES.match(flag)) or any(
        _SECURITY_FLAG.search(f.label) and _YES.match(f.value) for f in fields
    ):
        return "'Security Related: Yes'"
    if any(row.applicable and row.techniques for row in report.methodology):
        return "ATT&CK techniques in the methodology"
    if any(i.category in ("file", "host") for i in report.indicators):
        return "file or host indicators"
    return None


def auto_profile(report: IncidentReport) -> tuple[str, str]:
    """(profile name, reason) chosen from the report's evidence."""
    if report.report_type == "security_incident":
        return "security", "auto: report type security_incident"
    if report.report_type == "service_outage":
        return "outage", "auto: report type service_outage"
    evidence = _security_evidence(report)
    if evidence:
        return "security", f"auto: {evidence}"
    return "outage", "auto: no security evidence"


def choose(
    report: IncidentReport, name: str, custom: Mapping[str, Profile] | None = None
) -> Choice:
    """Resolve a profile name (auto, built-in or custom) for this report."""
    custom = custom or {}
    if name == "auto":
        picked, reason = auto_profile(report)
        profile = BUILTIN[picked]
    else:
        profile = custom[name] if name in custom else BUILTIN[name]
        reason = "selected"
    # The relaxation touches outage rules only (impact window, timeline precision).
    ongoing = profile.relax_ongoing and profile.base == "outage" and report.status == "ongoing"
    return Choice(profile=profile, reason=reason, ongoing=ongoing)
