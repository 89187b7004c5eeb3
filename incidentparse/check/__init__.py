"""incidentparse check: report completeness rules, profiles, config and suppressions.

Input: an IncidentReport (or report text). Output: Findings, gated in CI by `incidentparse check`.
"""

from __future__ import annotations

from .api import CheckResult, check, check_report
from .base import Choice, Finding, Position, Profile
from .config import Config, find_config, from_mapping, load_config
from .profiles import auto_profile, choose
from .rules import BY_CODE, BY_NAME, RULES, Rule

__all__ = [
    "BY_CODE",
    "BY_NAME",
    "RULES",
    "CheckResult",
    "Choice",
    "Config",
    "Finding",
    "Position",
    "Profile",
    "Rule",
    "auto_profile",
    "check",
    "check_report",
    "choose",
    "find_config",
    "from_mapping",
    "load_config",
]
