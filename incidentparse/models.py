"""The output contract: frozen pydantic v2 models that every stage builds and users import.

Keys here are the public JSON contract described in docs/models.md. Renaming or removing one
needs a ``SCHEMA_VERSION`` bump; adding fields and kinds does not.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict
from pydantic import Field as F

SCHEMA_VERSION = "1.0"

Grain = Literal[
    "year", "half", "quarter", "month", "part_of_month", "week", "day", "hour", "minute", "second"
]
YearSource = Literal["explicit", "context", "reference"]
ZoneSource = Literal["explicit", "abbreviation", "assumed", "declared"]
Severity = Literal["error", "warning", "info"]
ReportType = Literal["security_incident", "service_outage", "unknown"]
Status = Literal["ongoing", "resolved", "unknown"]
IndicatorCategory = Literal["network", "file", "host", "vulnerability", "technique", "behavioral"]
IpScope = Literal["public", "private", "loopback", "link_local", "documentation", "reserved"]


class Model(BaseModel):
    """Base for every model: immutable, strict about unknown keys."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Source(Model):
    """Where the report came from."""

    path: str | None = F(None, description="Path as given by the caller; null for text or stdin.")
    sha256: str = F(description="SHA-256 of the input bytes (of the UTF-8 text for str input).")
    size_bytes: int = F(description="Size of the input in bytes.")
    line_count: int = F(description="Number of lines after BOM removal and line-ending folding.")


class Diagnostic(Model):
    """Something the parser noticed about the report; never an exception."""

    code: str = F(description="Stable code, e.g. IP201; never renumbered.")
    name: str = F(description="Readable kebab-case alias of the code, e.g. ambiguous-date.")
    severity: Severity = F(description="error, warning or info.")
    message: str = F(description="One-line human explanation.")
    line: int | None = F(None, description="1-based line in the input, when it has one.")
    column: int | None = F(None, description="1-based column in the input, when it has one.")
    hint: str | None = F(None, description="How to fix it, when there is a usual fix.")


class Duration(Model):
    """A length of time stated in the text ("3h 45m", "for three weeks"); never a date."""

    text: str = F(description="The duration as written.")
    seconds: float = F(description="Length in seconds.")
    approximate: bool = F(False, description="True for '~', 'about', 'several'…")


class Alternative(Model):
    """Another reading of an ambiguous date expression."""

    start: dt.date | dt.datetime | None = F(description="Start under this reading.")
    end: dt.date | dt.datetime | None = F(description="Inclusive end under this reading.")
    reading: str = F(description="What makes this reading different, e.g. 'day-first'.")


class TimeSpan(Model):
    """One date expression as an explicit interval with its precision (see docs/dates.md)."""

    text: str = F(description="The expression exactly as written.")
    start: dt.date | dt.datetime | None = F(
        description="First day (date grains) or UTC instant (time grains); null = open start."
    )
    end: dt.date | dt.datetime | None = F(
        description="Inclusive last day or UTC instant; null = open end."
    )
    grain: Grain | None = F(description="Smallest calendar unit the expression names.")
    approximate: bool = F(False, description="Fuzzy wording: mid-, early, ~, about, circa…")
    ongoing: bool = F(False, description="The span is still open ('ongoing', 'since X').")
    ambiguous: bool = F(False, description="More than one reading was possible.")
    alternatives: tuple[Alternative, ...] = F((), description="The other readings.")
    year_source: YearSource | None = F(
        None, description="Where the year came from: explicit, context or reference date."
    )
    zone_source: ZoneSource | None = F(
        None, description="Where the time zone came from (time grains only)."
    )
    zone_suspect: bool = F(
        False, description="The zone abbreviation contradicts the date's DST ('PST' in April)."
    )
    duration: Duration | None = F(None, description="A duration stated with the expression.")
    char_start: int | None = F(None, description="0-based offset of text in the searched string.")
    char_end: int | None = F(None, description="0-based end offset (exclusive).")


class Field(Model):
    """A `Label: value` pair exactly as the author wrote it."""

    label: str = F(description="The label without markup or trailing colon.")
    value: str = F(description="The value, inline markup stripped.")
    applicable: bool = F(True, description="False when the author answered N/A, None, …")
    known: bool = F(True, description="False when the author answered Unknown, TBD, …")
    reason: str | None = F(None, description="The author's reason for N/A or Unknown.")
    line: int = F(description="1-based line of the field.")


class Identifier(Model):
    """A tracking id, CVE, ATT&CK id… found anywhere in the report."""

    scheme: str = F(description="cve, ghsa, attack_technique, attack_tactic, cwe, vendor_incident…")
    value: str = F(description="Canonical value, e.g. EX1268771 or CVE-2021-44228.")
    line: int = F(description="1-based line of the first occurrence.")


class Details(Model):
    """The incident-details block: dates, organisation and every labelled pair."""

    discovered: TimeSpan | None = F(None, description="When the incident was discovered.")
    occurred: TimeSpan | None = F(None, description="When the incident happened.")
    organization: str | None = F(None, description="Affected organisation.")
    sector: str | None = F(None, description="Sector or industry.")
    geography: str | None = F(None, description="Region or geography.")
    severity: str | None = F(None, description="Severity label as written.")
    fields: tuple[Field, ...] = F((), description="Every labelled pair of the section.")


class TimelineEvent(Model):
    """One entry of a timeline, in document order."""

    when: TimeSpan | None = F(None, description="When it happened; null when undated.")
    phase: str | None = F(None, description="Canonical phase: initial_access, detection, …")
    label: str | None = F(None, description="Heading or bold label the event sat under.")
    text: str = F(description="The event text, inline markup stripped.")
    applicable: bool = F(True, description="False for N/A rows.")
    reason: str | None = F(None, description="The author's reason when not applicable.")
    fields: tuple[Field, ...] = F((), description="Labelled pairs inside the event.")
    line: int = F(description="1-based line where the event starts.")


class TacticEntry(Model):
    """One ATT&CK-style methodology row."""

    tactic: str = F(description="Canonical ATT&CK Enterprise tactic name, or the label as written.")
    tactic_id: str | None = F(None, description="TA00xx id; null when the row is not a tactic.")
    text: str = F(description="The row's text.")
    applicable: bool = F(True, description="False for N/A rows.")
    reason: str | None = F(None, description="The author's reason when not applicable.")
    techniques: tuple[str, ...] = F((), description="ATT&CK technique ids found in the row.")
    line: int = F(description="1-based line of the row.")


class Statement(Model):
    """A sentence or list item the author wrote, with its label."""

    text: str = F(description="The statement, inline markup stripped.")
    label: str | None = F(None, description="Bold label or sub-heading it sat under.")
    applicable: bool = F(True, description="False when answered N/A / None.")
    reason: str | None = F(None, description="The author's reason when not applicable.")
    line: int = F(description="1-based line of the statement.")


class Impact(Model):
    """The impact assessment."""

    financial: Statement | None = F(None, description="Financial impact.")
    data_breach: Statement | None = F(None, description="Data breach / confidentiality impact.")
    operational: Statement | None = F(None, description="Operational / availability impact.")
    reputational: Statement | None = F(None, description="Reputational impact.")
    fields: tuple[Field, ...] = F((), description="Every other labelled pair.")
    text: str = F("", description="The section as plain text.")


class Response(Model):
    """Response actions by phase."""

    containment: tuple[Statement, ...] = F((), description="Containment measures.")
    eradication: tuple[Statement, ...] = F((), description="Eradication steps.")
    recovery: tuple[Statement, ...] = F((), description="Recovery actions.")
    other: tuple[Statement, ...] = F((), description="Other response or mitigation actions.")


class ActionItem(Model):
    """A recommendation, action item or corrective action."""

    text: str = F(description="The item text, inline markup stripped.")
    title: str | None = F(None, description="Bold lead or first clause.")
    owner: str | None = F(None, description="Owner, when stated.")
    priority: str | None = F(None, description="Priority, when stated.")
    status: str | None = F(None, description="Status (done, open, in progress…), when stated.")
    due: TimeSpan | None = F(None, description="Due date, when stated.")
    ticket: str | None = F(None, description="Issue, bug or ticket reference.")
    line: int = F(description="1-based line of the item.")


class Reference(Model):
    """A link the report cites."""

    url: str = F(description="The link target.")
    title: str | None = F(None, description="The link text, when it differs from the URL.")
    line: int = F(description="1-based line of the link.")


class Occurrence(Model):
    """One place an indicator was written."""

    raw: str = F(description="Exactly as written at this place.")
    line: int = F(description="1-based line.")
    column: int = F(description="1-based column.")
    start: int = F(description="0-based offset into the searched text.")
    end: int = F(description="0-based end offset (exclusive).")


class Indicator(Model):
    """An indicator of compromise, refanged to one canonical value."""

    type: str = F(description="url, domain, ipv4, ipv6, cidr, email, md5, sha1, sha256, … behavior")
    value: str = F(description="Canonical, refanged value.")
    raw: str = F(description="Exactly as written (first occurrence).")
    defanged: bool = F(False, description="True when the author wrote it defanged.")
    category: IndicatorCategory = F(description="network, file, host, vulnerability, technique…")
    context: str | None = F(None, description="The note the author put beside it.")
    label: str | None = F(None, description="The label it sat under, e.g. 'Network indicators'.")
    section: str | None = F(None, description="Kind of the section it was found in.")
    scope: IpScope | None = F(None, description="For IP and CIDR values: address scope.")
    in_code: bool = F(False, description="Found inside a code span or fenced block.")
    line: int = F(description="1-based line of the first occurrence.")
    column: int = F(description="1-based column of the first occurrence.")
    start: int | None = F(None, description="0-based offset of the first occurrence.")
    end: int | None = F(None, description="0-based end offset (exclusive) of the first occurrence.")
    occurrences: tuple[Occurrence, ...] = F((), description="Every place it was written.")


class Anchor(Model):
    """A moment of the incident's life (occurred, detected…) and where it was read from."""

    when: TimeSpan = F(description="The moment as a span.")
    source: str = F(description="Where it came from: details, metadata or timeline.")
    line: int = F(description="1-based line it was read from.")


class StatedDuration(Model):
    """A duration the report states ('Incident Duration: 3h 45m', 'Time to detection: 5m')."""

    label: str = F(description="The label it was stated under.")
    duration: Duration = F(description="The duration.")
    line: int = F(description="1-based line.")


class Metrics(Model):
    """Incident timing: anchors read from the report and the durations between them.

    Nothing is invented: an anchor is absent unless a field or a timeline event says it, and a
    duration is computed only when both of its anchors exist.
    """

    occurred: Anchor | None = F(None, description="When the incident started.")
    detected: Anchor | None = F(None, description="When it was detected.")
    contained: Anchor | None = F(None, description="When it was contained or mitigated.")
    resolved: Anchor | None = F(None, description="When it was resolved.")
    time_to_detect: Duration | None = F(None, description="detected − occurred.")
    time_to_resolve: Duration | None = F(None, description="resolved − detected.")
    total_duration: Duration | None = F(None, description="resolved − occurred.")
    stated: tuple[StatedDuration, ...] = F((), description="Durations the report states.")


class Section(Model):
    """A heading-delimited part of the document; together they cover every line."""

    heading: str = F(description="Heading as written, inline markup stripped; '' for preamble.")
    kind: str = F(description="Canonical kind (summary, timeline, …) or unknown.")
    score: float = F(description="0–100 match score of the classification.")
    level: int = F(description="1–6, 0 for the preamble.")
    qualifiers: tuple[str, ...] = F((), description="Parenthetical qualifiers of the heading.")
    run_in: bool = F(
        False, description="Starts at a label paragraph (`**Action Items**`), not a heading."
    )
    line_start: int = F(description="First line (1-based, inclusive).")
    line_end: int = F(description="Last line (1-based, inclusive).")
    parent: int | None = F(None, description="Index of the enclosing section, or null.")


class IncidentReport(Model):
    """A whole parsed incident report."""

    schema_version: str = F(SCHEMA_VERSION, description="Version of this JSON contract.")
    source: Source = F(description="Where the report came from.")
    front_matter: dict[str, object] = F(
        default_factory=dict, description="YAML or TOML front matter, parsed safely."
    )
    title: str | None = F(None, description="Report title without prefix or trailing (ID).")
    preamble: str | None = F(None, description="Text before the first heading.")
    summary: str | None = F(None, description="Summary section as plain text.")
    report_type: ReportType = F("unknown", description="Classified from evidence.")
    status: Status = F("unknown", description="From explicit wording.")
    reference_date: dt.date | None = F(
        None, description="The date relative dates were read against (R in docs/dates.md)."
    )
    identifiers: tuple[Identifier, ...] = F((), description="Ids found anywhere.")
    details: Details | None = F(None, description="The incident-details block.")
    timeline: tuple[TimelineEvent, ...] = F((), description="Events in document order.")
    methodology: tuple[TacticEntry, ...] = F((), description="ATT&CK-style rows.")
    impact: Impact | None = F(None, description="Impact assessment.")
    root_cause: tuple[Statement, ...] = F((), description="Root cause and contributing factors.")
    indicators: tuple[Indicator, ...] = F((), description="Indicators of compromise.")
    indicator_fields: tuple[Field, ...] = F(
        (), description="Every labelled row of the indicators section(s), N/A answers included."
    )
    response: Response | None = F(None, description="Response actions.")
    lessons_learned: tuple[Statement, ...] = F((), description="Lessons learned.")
    recommendations: tuple[ActionItem, ...] = F((), description="Recommendations, action items.")
    references: tuple[Reference, ...] = F((), description="Cited links.")
    metrics: Metrics | None = F(None, description="Timing anchors and durations, when stated.")
    metadata: tuple[Field, ...] = F(
        (), description="Header facts: Date, Authors, Owner, Status, Severity… as labelled pairs."
    )
    detection: tuple[Statement, ...] = F((), description="How and when it was detected.")
    people: tuple[Statement, ...] = F(
        (), description="People involved: authors, responders, attendees (label = role)."
    )
    attribution: tuple[Statement, ...] = F((), description="Threat actor, verdict, confidence.")
    communications: tuple[Statement, ...] = F(
        (), description="Customer, status-page and regulator communications."
    )
    sections: tuple[Section, ...] = F((), description="Every part of the document, lossless.")
    diagnostics: tuple[Diagnostic, ...] = F((), description="What the parser noticed.")

    def chronological(self) -> list[TimelineEvent]:
        """The timeline in true time order (UTC), undated events last; `timeline` itself keeps
        the author's order, out-of-order rows included."""
        dated = [e for e in self.timeline if e.when is not None and e.when.start is not None]
        undated = [e for e in self.timeline if e not in dated]
        return sorted(dated, key=_event_instant) + undated


def _event_instant(event: TimelineEvent) -> tuple[dt.datetime, int]:
    start = event.when.start if event.when else None
    if isinstance(start, dt.datetime):
        return start, event.line
    day = start or dt.date.min
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc), event.line


_M = TypeVar("_M", bound=BaseModel)
# model_construct's own steps, for pydantic's instance layout (these four slots, all of pydantic
# 2.x so far); under another layout assembled validates the given values, the same model.
CONSTRUCTIBLE = BaseModel.__slots__ == (
    "__dict__",
    "__pydantic_fields_set__",
    "__pydantic_extra__",
    "__pydantic_private__",
)
# The four slots are set through their own descriptors (BaseModel's __dict__ entries): what
# object.__setattr__ calls after looking the name up along the model's classes, each time.
# assembled runs ~65 times per parse; the look-ups were a third of its cost.
_new = object.__new__
_SLOT_SETTERS: tuple[Any, ...] = (
    tuple(BaseModel.__dict__[name].__set__ for name in BaseModel.__slots__) if CONSTRUCTIBLE else ()
)
_set_dict, _set_fields_set, _set_extra, _set_private = _SLOT_SETTERS or (None,) * 4


def assembled(model: type[_M], values: dict[str, Any], given: Iterable[str]) -> _M:
    """``model`` holding ``values`` (every field, in the model's order) with the names ``given``
    as its fields set, as model_construct builds it: not validated. For the models built once
    per date expression or timeline row (TimeSpan, its Alternatives, TimelineEvent), whose
    validation (two datetimes, mostly) cost as much as reading the expression, and per
    indicator (Indicator, its Occurrences), per heading, prose entry and list item (Section,
    Statement, ActionItem), and the IncidentReport and its Metrics once per parse (a fixed cost
    of a parse, as much as the empty text's blocks): their callers' values are of the field
    types, which the validator hands on unchanged (the very objects; a tuple rebuilt with the
    same items), so the model is the one it builds (tests/test_timeline_perf14.py,
    tests/test_ioc_perf17.py, tests/test_doc_perf18.py, tests/test_fixed_perf20.py and
    tests/test_timeline_perf22.py compare both on every one a parse of our reports builds)."""
    if not CONSTRUCTIBLE:
        return model(**{name: values[name] for name in given})
    made = _new(model)
    _set_dict(made, values)
    _set_fields_set(made, set(given))  # a frozenset given is copied fastest
    _set_extra(made, None)
    _set_private(made, None)
    return made
