"""Completeness rules over the report model: is each part a profile asks for there?

Input: a Context (report, raw lines, profile choice). Output: Hits, at most one per rule for
the document-level rules, one per offending item for item-level rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..models import Severity
from .base import Context, Hit
from .evidence import (
    DAY_OR_FINER,
    RESOLVED_ZONES,
    TIME_GRAINS,
    any_answered,
    dated,
    event_answers,
    field_answers,
    front_matter_value,
    grain_in,
    has_section,
    has_text,
    labelled,
    narrative,
    response_statements,
    section_line,
    statement_answers,
)

# Field labels that carry each piece of information (re.search, case-insensitive). Labels for
# dates and states are anchored: "Affected endpoints" is no end time, "Incident type" no date.
LABELS: dict[str, re.Pattern[str]] = {
    "severity": re.compile(r"\b(severity|sev|priority|criticality|impact level)\b", re.I),
    "status": re.compile(r"^\s*(incident |current |report )?(status|state)\s*$", re.I),
    "type": re.compile(
        r"\b(incident type|type of (incident|attack)|category|classification)\b", re.I
    ),
    "scope": re.compile(
        r"\b(affected|organi[sz]ation|assets?|systems?|services?|products?|scope|victim)\b", re.I
    ),
    "discovery": re.compile(r"\b(discover\w*|detect\w*|reported by|found by)\b", re.I),
    "incident_date": re.compile(
        r"^\s*(incident|occurrence|start|event)\s*(date|time|date/time)\s*$|^\s*date of incident",
        re.I,
    ),
    "vector": re.compile(r"\b(vector|initial access|entry point)\b", re.I),
    "duration": re.compile(r"\b(duration|time to (recover|resolve|restore)|ttr|downtime)\b", re.I),
    "start": re.compile(
        r"^\s*((impact|outage|incident) )?(start(ed)?|began|begin)( time| date| date/time)?\s*$",
        re.I,
    ),
    "end": re.compile(
        r"^\s*((impact|outage|incident) )?(end(ed)?|resolved|restored|mitigated|recovered)"
        r"( at| on| time| date| date/time)?\s*$",
        re.I,
    ),
}

# Wording that states a cause or trigger outside a root-cause section.
CAUSE_WORDS = re.compile(
    r"\b(root[- ]cause|caused by|contributing factor|attributed to|due to)\b", re.I
)
TRIGGER_WORDS = re.compile(r"\b(trigger(ed|s)?)\b", re.I)
ISO_DAY = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


def missing_title(ctx: Context) -> Iterator[Hit]:
    r = ctx.report
    if not (has_text(r.title) or has_text(front_matter_value(r, "title"))):
        yield Hit("the report has no title (an H1 heading or front-matter `title`)")


def missing_summary(ctx: Context) -> Iterator[Hit]:
    r = ctx.report
    text = r.summary or front_matter_value(r, "summary", "description")
    # One sentence: a real answer of at least three words.
    if not (has_text(text) and text is not None and len(text.split()) >= 3):
        yield Hit("the report has no summary of at least one sentence", section_line(r, "summary"))


def missing_impact(ctx: Context) -> Iterator[Hit]:
    r, impact = ctx.report, ctx.report.impact
    statements = (
        ()
        if impact is None
        else tuple(
            s
            for s in (impact.financial, impact.data_breach, impact.operational, impact.reputational)
            if s is not None
        )
    )
    found = impact is not None and (
        any_answered(statements)
        or any(field_answers(f) for f in impact.fields)
        or has_text(impact.text)
    )
    found = found or any(e.phase == "impact" and event_answers(e) for e in r.timeline)
    if not found:
        yield Hit("the report does not say what or who was affected", section_line(r, "impact"))


def missing_response(ctx: Context) -> Iterator[Hit]:
    r = ctx.report
    phases = {"response", "containment", "eradication", "recovery", "mitigation", "resolution"}
    found = any_answered(response_statements(r)) or any(
        e.phase in phases and event_answers(e) for e in r.timeline
    )
    if not found:
        what = "action that restored service" if ctx.base == "outage" else "response action"
        yield Hit(f"the report names no {what}", section_line(r, "response"))


def missing_root_cause(ctx: Context) -> Iterator[Hit]:
    r = ctx.report
    if any_answered(r.root_cause) or any(CAUSE_WORDS.search(t) for t in narrative(r)):
        return
    yield Hit(
        "the report states no root cause or contributing factor", section_line(r, "root_cause")
    )


def missing_trigger(ctx: Context) -> Iterator[Hit]:
    r = ctx.report
    if any(s.label and TRIGGER_WORDS.search(s.label) for s in r.root_cause if statement_answers(s)):
        return
    if any(TRIGGER_WORDS.search(t) for t in narrative(r)):
        return
    yield Hit("the report does not say what triggered the incident", section_line(r, "root_cause"))


def missing_action_items(ctx: Context) -> Iterator[Hit]:
    r = ctx.report
    if not any(has_text(item.text) for item in r.recommendations):
        yield Hit("the report lists no action items", section_line(r, "action_items"))


def action_item_without_owner(ctx: Context) -> Iterator[Hit]:
    for item in ctx.report.recommendations:
        if has_text(item.text) and not has_text(item.owner):
            name = item.title or _clip(item.text)
            yield Hit(f"action item '{name}' has no owner", item.line, 1)


def missing_lessons_learned(ctx: Context) -> Iterator[Hit]:
    r = ctx.report
    if not any_answered(r.lessons_learned):
        yield Hit("the report lists no lessons learned", section_line(r, "lessons_learned"))


def missing_detection(ctx: Context) -> Iterator[Hit]:
    r = ctx.report
    found = (
        (r.details is not None and dated(r.details.discovered))
        or has_section(r, "detection")
        or any(e.phase == "detection" and event_answers(e) for e in r.timeline)
        or bool(labelled(r, LABELS["discovery"]))
    )
    if not found:
        yield Hit("the report says neither how nor when the incident was detected")


def missing_severity(ctx: Context) -> Iterator[Hit]:
    r = ctx.report
    found = (
        (r.details is not None and has_text(r.details.severity))
        or front_matter_value(r, "severity", "sev", "priority", "criticality") is not None
        or bool(labelled(r, LABELS["severity"]))
    )
    if not found:
        yield Hit("the report gives no severity or priority", hint=None)


def missing_status(ctx: Context) -> Iterator[Hit]:
    r = ctx.report
    found = (
        r.status != "unknown"
        or front_matter_value(r, "status") is not None
        or bool(labelled(r, LABELS["status"]))
    )
    if not found:
        yield Hit("the report does not say whether the incident is open, contained or resolved")


def missing_incident_type(ctx: Context) -> Iterator[Hit]:
    r = ctx.report
    found = (
        r.report_type == "security_incident"
        or front_matter_value(r, "type", "category", "incident_type") is not None
        or bool(labelled(r, LABELS["type"]))
    )
    if not found:
        yield Hit("the report does not say what kind of security incident this is")


def missing_affected_scope(ctx: Context) -> Iterator[Hit]:
    r = ctx.report
    found = (
        (r.details is not None and has_text(r.details.organization))
        or bool(labelled(r, LABELS["scope"]))
        or (
            r.impact is not None
            and r.impact.operational is not None
            and r.impact.operational.applicable
            and has_text(r.impact.operational.text)
        )
    )
    if not found:
        yield Hit("the report names no affected organisation, asset, system or data")


def missing_incident_date(ctx: Context) -> Iterator[Hit]:
    found = _outage_date(ctx) if ctx.base == "outage" else _security_date(ctx)
    if not found:
        need = "a day-precision date" if ctx.base == "outage" else "a date (any precision)"
        yield Hit(f"the report has no incident date: it needs {need}")


def _security_date(ctx: Context) -> bool:
    r, d = ctx.report, ctx.report.details
    if d is not None and (dated(d.occurred) or dated(d.discovered)):
        return True
    if any(dated(e.when) for e in r.timeline):
        return True
    # "Incident date: Unknown (logs rotated)" answers the question.
    return (
        any(not f.known and f.reason for f in labelled(r, LABELS["incident_date"]))
        or front_matter_value(r, "date", "start_time") is not None
    )


def _outage_date(ctx: Context) -> bool:
    r, d = ctx.report, ctx.report.details
    spans = [] if d is None else [d.occurred, d.discovered]
    spans += [e.when for e in r.timeline]
    if any(grain_in(s, DAY_OR_FINER) for s in spans):
        return True
    if front_matter_value(r, "date", "start_time", "start") is not None:
        return True
    texts = [r.title or "", r.source.path or ""]
    return any(ISO_DAY.search(t) for t in texts)


def missing_impact_window(ctx: Context) -> Iterator[Hit]:
    """Outage MUST: start and end of impact, or a duration plus one anchor."""
    if _impact_window(ctx) or (ctx.ongoing and _open_window(ctx)):
        return
    hint = None if ctx.report.status != "ongoing" else "state a start date and that it is ongoing"
    yield Hit(
        "the report does not give when impact started and ended (two timestamps with a zone, "
        "or a duration and a start)",
        section_line(ctx.report, "impact", "details", "metrics"),
        hint=hint,
    )


def _impact_window(ctx: Context) -> bool:
    r, d = ctx.report, ctx.report.details
    occurred = None if d is None else d.occurred
    if occurred is not None and occurred.start is not None and occurred.end is not None:
        exact = occurred.grain in TIME_GRAINS and occurred.zone_source in RESOLVED_ZONES
        if exact or occurred.duration is not None:
            return True
    if front_matter_value(r, "start_time", "start") and front_matter_value(r, "end_time", "end"):
        return True
    has_duration = bool(labelled(r, LABELS["duration"])) or (
        occurred is not None and occurred.duration is not None
    )
    anchor = (occurred is not None and occurred.start is not None) or bool(
        labelled(r, LABELS["start"])
    )
    if has_duration and anchor:
        return True
    return bool(labelled(r, LABELS["start"])) and bool(labelled(r, LABELS["end"]))


def _open_window(ctx: Context) -> bool:
    """Ongoing relaxation: a start at any precision plus an explicit open end."""
    d = ctx.report.details
    if d is None:
        return False
    spans = [s for s in (d.occurred, d.discovered) if s is not None]
    has_start = any(s.start is not None for s in spans)
    open_end = any(s.ongoing or (s.start is not None and s.end is None) for s in spans)
    return has_start and open_end


def missing_indicators(ctx: Context) -> Iterator[Hit]:
    r = ctx.report
    # Observables only: ATT&CK ids and CVEs describe the attack, they are not indicators of it.
    typed = any(i.category in ("network", "file", "host") for i in r.indicators)
    # "File indicators: N/A" is an explicit "none observed".
    none_observed = any(not f.applicable for f in r.indicator_fields)
    if not (typed or none_observed):
        yield Hit(
            "the report lists no typed indicator and does not say none were observed",
            section_line(r, "indicators"),
        )


def missing_initial_access(ctx: Context) -> Iterator[Hit]:
    r = ctx.report
    found = (
        any(
            (row.tactic_id == "TA0001" or row.tactic.lower() == "initial access")
            and ((row.applicable and has_text(row.text)) or bool(row.reason))
            for row in r.methodology
        )
        or any(e.phase == "initial_access" and event_answers(e) for e in r.timeline)
        or bool(labelled(r, LABELS["vector"]))
    )
    if not found:
        yield Hit("the report does not say how the attacker got in (initial access vector)")


def missing_ttps(ctx: Context) -> Iterator[Hit]:
    r = ctx.report
    rows = any(
        (row.applicable and (has_text(row.text) or row.techniques)) or bool(row.reason)
        for row in r.methodology
    )
    techniques = any(i.type == "attack_technique" for i in r.indicators) or any(
        x.scheme == "attack_technique" for x in r.identifiers
    )
    if not (rows or techniques):
        # completeness.md: SHOULD for attacks, MAY (reported only) for other incident types.
        level: Severity | None = None if r.report_type == "security_incident" else "info"
        line = section_line(r, "methodology")
        yield Hit("the report maps no tactics or techniques (ATT&CK)", line, severity=level)


def _clip(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
