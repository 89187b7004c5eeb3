"""The rules table: one row per check, with its code, alias, levels per profile and docs.

Input: nothing (module-level data). Output: RULES, the lookup maps, and the IP4xx rows
registered into the diagnostics code registry. docs/rules.md is generated from this table.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

from .. import diagnostics
from ..models import Severity
from . import content, counts, parsetime, textscan, timeline
from .base import Context, Hit

RuleFn = Callable[[Context], Iterator[Hit]]

E: Severity = "error"
W: Severity = "warning"
I: Severity = "info"  # noqa: E741 - the three levels read best as one letter each


@dataclass(frozen=True)
class Rule:
    """One check: stable code, alias, default level, docs, function, level in each profile."""

    code: str
    name: str
    severity: Severity
    summary: str
    rationale: str
    check: RuleFn
    levels: Mapping[str, Severity]  # built-in profile name -> level; absent = not in profile
    hint: str | None = None


def _no_check(ctx: Context) -> Iterator[Hit]:
    """Findings of this rule are made by the suppression or profile machinery, not here."""
    return iter(())


# fmt: off
RULES: tuple[Rule, ...] = (
    # Parse-time diagnostics (codes owned by incidentparse.diagnostics).
    Rule("IP101", "unknown-section", I, "A heading matched no known section kind.",
         "Unrecognised headings are kept but not read; a typo or an unusual synonym may hide a "
         "required section. Add it to `heading-aliases` if it means a known kind.",
         parsetime.diagnostics_of("IP101"), {"security": I, "outage": I}),
    Rule("IP102", "empty-section", W, "A section has a heading but no content.",
         "An empty heading is a template left unfilled; readers expect content under it.",
         parsetime.diagnostics_of("IP102"), {"security": W, "outage": W},
         "fill the section in or remove the heading"),
    Rule("IP103", "na-without-reason", I, "A value is N/A with no reason given.",
         "completeness.md: an explicit N/A with a reason satisfies a requirement that does not "
         "apply to the incident type; a bare N/A satisfies only MAY. Only the security profile "
         "asks for the attack-shaped fields where this matters.",
         parsetime.na_without_reason, {"security": I}),
    Rule("IP104", "duplicate-section", W, "The same section kind appears twice.",
         "Two sections of one kind split information readers look for in one place.",
         parsetime.diagnostics_of("IP104"), {"security": W, "outage": W}),
    Rule("IP105", "placeholder-text", W, "Template placeholder text left in the report.",
         "`TBD`, `TODO`, `[…]` as a value, `YYYY-MM-DD`, `xxx`, lorem ipsum and bracketed "
         "template instructions mean the report is unfinished. Scanned from the raw lines "
         "(fenced code and code spans skipped); a `[...]` that ends a sentence is an elision, "
         "not a placeholder.",
         textscan.placeholder_text, {"security": W, "outage": W}, "replace it with the real value"),
    Rule("IP106", "unreadable-front-matter", W, "Front matter could not be parsed.",
         "Front matter that is not valid YAML or TOML is ignored, so its title, dates and "
         "status are lost.",
         parsetime.diagnostics_of("IP106"), {"security": W, "outage": W}),
    Rule("IP107", "assistant-chatter", I, "A chat assistant's remark was left out.",
         "Closing remarks such as \"Let me know if you'd like changes\" after an AI-drafted "
         "report are not part of it; the parser leaves them out of every field.",
         parsetime.diagnostics_of("IP107"), {"security": I, "outage": I},
         "delete the remark from the report"),
    Rule("IP201", "ambiguous-date", W, "A date has more than one reading.",
         "Dates such as 03/04/2026 read differently across locales; write ISO 8601.",
         parsetime.diagnostics_of("IP201"), {"security": W, "outage": W},
         "write the date as YYYY-MM-DD"),
    Rule("IP202", "unreadable-date", W, "A date field holds no date the parser can read.",
         "A date nobody can compute with cannot anchor a timeline.",
         parsetime.diagnostics_of("IP202"), {"security": W, "outage": W}),
    Rule("IP203", "unknown-zone", W, "A time has no resolvable time zone.",
         "Times without a zone cannot be ordered against other sources; declare the zone once "
         "('All times in UTC') or write it on each time.",
         parsetime.diagnostics_of("IP203"), {"security": W, "outage": W}),
    Rule("IP301", "live-indicator", W, "A network indicator is written live, not defanged.",
         "A live URL, domain, IP or e-mail of an attacker in a security report becomes a "
         "clickable link in most renderers. Defang it (`hxxp://`, `[.]`). Checked: every "
         "network indicator in the indicators section, and elsewhere bare external IP "
         "addresses and URLs on IP hosts (other links are mostly citations). Code spans and "
         "blocks are exempt; outage reports link to status pages freely, so the outage profile "
         "does not run this rule.",
         parsetime.live_indicator, {"security": E}),
    # Completeness rules (IP4xx, registered below).
    Rule("IP401", "missing-title", E, "The report has no title.",
         "Every template and standard starts with a title (an H1 or front-matter `title`).",
         content.missing_title, {"security": E, "outage": E}, "add an H1 heading"),
    Rule("IP402", "missing-summary", E, "The report has no summary.",
         "NIST 800-61 §3.2.5, VERIS `summary`, and every post-mortem template ask for at least "
         "one sentence on what happened.",
         content.missing_summary, {"security": E, "outage": E}, "add a '## Summary' section"),
    Rule("IP403", "missing-timeline", E, "The timeline has too few usable events.",
         "Outage: at least two events with a time and a resolvable zone (SRE book, PagerDuty, "
         "Atlassian); for an ongoing incident day-precision entries suffice. Security: SHOULD "
         "have at least one dated event (NIST: 'documented and timestamped').",
         timeline.missing_timeline, {"security": W, "outage": E}),
    Rule("IP404", "undated-timeline", W, "A timeline event has neither a date nor a phase.",
         "completeness.md: every timeline event has a timestamp or a phase; an undated, "
         "unphased event cannot be placed.",
         timeline.undated_timeline, {"security": W, "outage": W}),
    Rule("IP405", "unordered-timeline", W, "A timeline event is earlier than the one before it.",
         "Out-of-order rows are usually a typo in a time or a date; readers take the order as "
         "given. Dates and instants compare by calendar day; ambiguous dates are skipped.",
         timeline.unordered_timeline, {"security": W, "outage": W}),
    Rule("IP406", "missing-impact", E, "The report does not say what or who was affected.",
         "NIST functional/information impact, VERIS `impact`, SRE 'Impact', PagerDuty 'Document "
         "Impact'. An explicit 'no impact' counts.",
         content.missing_impact, {"security": E, "outage": E}, "add an '## Impact' section"),
    Rule("IP407", "missing-impact-window", E, "The start and end of impact are not stated.",
         "Outage MUST: two timestamps with a resolvable zone, or a duration plus one anchor "
         "(PagerDuty 'how long was the impact visible'). Ongoing incidents: a start at any "
         "precision plus an explicit open end.",
         content.missing_impact_window, {"outage": E}),
    Rule("IP408", "missing-incident-date", E, "The report gives no incident date.",
         "Outage: a day-precision date in the title, file name, front matter or timeline. "
         "Security: a date of any precision (VERIS requires only the year), or 'Unknown' "
         "with a reason.",
         content.missing_incident_date, {"security": E, "outage": E}),
    Rule("IP409", "missing-root-cause", E, "The report states no root cause.",
         "SRE, PagerDuty and Atlassian templates require a cause ('contributing factors' is "
         "equivalent); NIST RS.AN-03. A cause stated in the narrative counts.",
         content.missing_root_cause, {"security": W, "outage": E}),
    Rule("IP410", "missing-response", E, "The report names no response or resolution action.",
         "Outage: at least one action that restored service (SRE 'Resolution'). Security: at "
         "least one containment, eradication, recovery or mitigation action (NIST, SANS).",
         content.missing_response, {"security": E, "outage": E}),
    Rule("IP411", "missing-action-items", E, "The report lists no action items.",
         "Follow-up items are what makes a post-mortem worth writing (SRE, PagerDuty, Atlassian); "
         "NIST 'next steps'. Recommendations count.",
         content.missing_action_items, {"security": W, "outage": E}),
    Rule("IP412", "action-item-without-owner", W, "An action item has no owner.",
         "Action items SHOULD have an owner and a ticket (SRE book table, PagerDuty "
         "'actionable, specific, bounded'); unowned items are rarely done.",
         content.action_item_without_owner, {"security": I, "outage": W},
         "add 'Owner: <name>' to the item"),
    Rule("IP413", "missing-lessons-learned", W, "The report lists no lessons learned.",
         "NIST 800-61 §3.4.1, SANS, SRE 'went well / went wrong / got lucky'.",
         content.missing_lessons_learned, {"security": W, "outage": W}),
    Rule("IP414", "missing-indicators", W, "No indicator and no explicit 'none observed'.",
         "NIST App. B, VERIS `ioc`, STIX indicator. A typed IOC or an explicit N/A answer "
         "(e.g. 'File indicators: N/A') satisfies it.",
         content.missing_indicators, {"security": W}),
    Rule("IP415", "missing-detection", W, "The report does not say how or when it was detected.",
         "Security MUST: discovery date or method (VERIS `discovery_method`, IODEF "
         "DetectTime). Outage SHOULD: detection (SRE, Atlassian, GitLab).",
         content.missing_detection, {"security": E, "outage": W}),
    Rule("IP416", "missing-status", E, "The report does not give the incident's status.",
         "NIST 800-61 §3.2.5 current status; STIX `investigation_status`. 'remains unresolved' "
         "counts.",
         content.missing_status, {"security": E}),
    Rule("IP417", "missing-severity", W, "The report gives no severity or priority.",
         "STIX `criticality`, NIST prioritisation, PagerDuty Sev-1/2, GitLab severity.",
         content.missing_severity, {"security": W, "outage": W}, "add 'Severity: <label>'"),
    Rule("IP418", "missing-incident-type", E, "The report does not say what kind of incident.",
         "NIST App. B category, STIX `incident_types`, VERIS `action`; may be inferred "
         "from the report's content.",
         content.missing_incident_type, {"security": E}),
    Rule("IP419", "missing-affected-scope", E, "The report names nothing that was affected.",
         "VERIS `victim`/`asset`, NIST 'affected resources': at least one organisation, asset, "
         "system or data set.",
         content.missing_affected_scope, {"security": E}),
    Rule("IP420", "missing-initial-access", W, "The report does not give the access vector.",
         "NIST App. B 'vectors of attack', VERIS action vector; text or an ATT&CK technique.",
         content.missing_initial_access, {"security": W}),
    Rule("IP421", "missing-ttps", W, "The report maps no tactics or techniques.",
         "CISA and DFIR practice map behaviour to ATT&CK. SHOULD for attacks, reported as info "
         "when the incident is not an attack; 'N/A' with a reason is fine.",
         content.missing_ttps, {"security": W}),
    Rule("IP422", "missing-trigger", W, "The report does not say what triggered the incident.",
         "SRE book and Kehoe templates separate the trigger from the root cause.",
         content.missing_trigger, {"outage": W}),
    Rule("IP423", "unused-suppression", I, "An inline suppression suppressed nothing.",
         "Stale `incidentparse-disable` comments hide future problems; remove them.",
         _no_check, {"security": I, "outage": I}),
    Rule("IP424", "invalid-suppression", I, "An inline suppression names no or an unknown code.",
         "A suppression must name at least one code, alias or prefix, so that it cannot silence "
         "everything by accident.",
         _no_check, {"security": I, "outage": I}),
    Rule("IP425", "too-few-items", E, "Fewer items of a kind than the custom profile requires.",
         "Custom profiles set minimum counts per kind (`minimum = {timeline = 3}`); this rule "
         "reports each shortfall.",
         counts.too_few_items, {}),
)
# fmt: on

BY_CODE: dict[str, Rule] = {r.code: r for r in RULES}
BY_NAME: dict[str, Rule] = {r.name: r for r in RULES}
BUILTIN_PROFILES: tuple[str, ...] = ("security", "outage")


def _register() -> None:
    """Completeness codes join the shared registry; parse-time rows must match it."""
    for rule in RULES:
        row = diagnostics.Code(rule.code, rule.name, rule.severity, rule.summary)
        if rule.code.startswith("IP4"):
            diagnostics.register(row)
        elif diagnostics.BY_CODE.get(rule.code, row)[:3] != row[:3]:
            raise ValueError(f"rule {rule.code} disagrees with the diagnostics registry")


_register()
