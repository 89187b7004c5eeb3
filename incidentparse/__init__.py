"""incidentparse: Markdown incident reports and post-mortems as typed, validated data.

>>> from incidentparse import parse
>>> report = parse(open("report.md", encoding="utf-8").read())
>>> report.title, report.status, [i.value for i in report.indicators]
"""

from .api import parse, parse_file
from .check import Finding, check
from .dates import find_timespans, parse_timespan
from .errors import ConfigError, IncidentParseError, InputError
from .ioc import defang, extract_indicators, find_indicators, refang
from .models import (
    SCHEMA_VERSION,
    ActionItem,
    Details,
    Diagnostic,
    Field,
    Identifier,
    Impact,
    IncidentReport,
    Indicator,
    Reference,
    Response,
    Section,
    Statement,
    TacticEntry,
    TimelineEvent,
    TimeSpan,
)

__version__ = "0.1.0"

__all__ = [
    "SCHEMA_VERSION",
    "ActionItem",
    "ConfigError",
    "Details",
    "Diagnostic",
    "Field",
    "Finding",
    "Identifier",
    "Impact",
    "IncidentParseError",
    "IncidentReport",
    "Indicator",
    "InputError",
    "Reference",
    "Response",
    "Section",
    "Statement",
    "TacticEntry",
    "TimeSpan",
    "TimelineEvent",
    "__version__",
    "check",
    "defang",
    "extract_indicators",
    "find_indicators",
    "find_timespans",
    "parse",
    "parse_file",
    "parse_timespan",
    "refang",
]
