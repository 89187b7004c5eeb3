"""Document-level facts: title, identifiers, report type and status, read from the whole
report once the sections are extracted. Vocabulary is in the tables below."""

from __future__ import annotations

import re

from ..headings import split_title
from ..models import Identifier, IncidentReport, Indicator, ReportType, Status
from .context import Context

# Identifier schemes found by pattern anywhere in the text. CVE and ATT&CK ids come from the
# indicator engine instead (one grammar for them), see identifiers().
IDENTIFIER_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("ghsa", re.compile(r"\bGHSA(?:-[23456789cfghjmpqrvwx]{4}){3}\b")),
    ("cwe", re.compile(r"\bCWE-\d{1,5}\b")),
    # Vendor service-health ids: two capitals and 6-7 digits (Microsoft EX1268771, MO123456).
    ("vendor_incident", re.compile(r"\b[A-Z]{2}\d{6,7}\b")),
)
INDICATOR_IDENTIFIERS: frozenset[str] = frozenset({"cve", "attack_technique", "attack_tactic"})

# Evidence for the report type: (pattern, side, weight). Negated security wording counts for
# the outage side ("not an external attack").
TYPE_EVIDENCE: tuple[tuple[str, str, int], ...] = (
    (
        r"\bnot (?:an? )?(?:external |malicious |security )?(?:attack|breach|security incident)",
        "service_outage",
        6,
    ),
    (r"\brather than (?:a )?malicious", "service_outage", 6),
    (r"\bservice (?:availability|degradation|disruption)\b", "service_outage", 2),
    (
        r"\b(?:outage|downtime|degradation|degraded|unavailab\w+|latency|post-?mortem)\b",
        "service_outage",
        1,
    ),
    (
        r"\b(?:root cause|slo|sla|on-?call|rollback|roll(?:ed)? back|restart\w*)\b",
        "service_outage",
        1,
    ),
    (
        r"\b(?:attacker|threat actor|adversary|malware|ransomware|phishing|backdoor|"
        r"exploit(?:ed|ation)?|compromised?|c2|command and control|intrusion)\b",
        "security_incident",
        2,
    ),
    (
        r"\b(?:malicious|unauthori[sz]ed access|credential theft|exfiltrated)\b",
        "security_incident",
        1,
    ),
    (r"\bcve-\d{4}-\d+", "security_incident", 2),
)
# All evidence rows in one alternation, so the text is scanned once (group name = row index).
_TYPE_SCAN = re.compile(
    "|".join(f"(?P<e{n}>{pattern})" for n, (pattern, _, _) in enumerate(TYPE_EVIDENCE)), re.I
)
_NEGATED = re.compile(r"\b(?:no|not|without|non)\b[^.;]{0,40}$", re.I)

# Status wording, most decisive first. Checked in the summary, then details, then everywhere.
STATUS_PATTERNS: tuple[tuple[str, Status], ...] = (
    (r"\b(?:remains?|still|is) (?:unresolved|ongoing|open|under investigation)\b", "ongoing"),
    (r"\b(?:currently|still) (?:investigating|working|monitoring)\b", "ongoing"),
    (r"\bongoing\b", "ongoing"),
    (r"\b(?:has been|was|were|is now|fully) (?:resolved|mitigated|restored|fixed)\b", "resolved"),
    (r"\bresolved (?:on|at|by)\b", "resolved"),
    (r"^(?:resolved|closed|fixed)\b", "resolved"),
)
_STATUS_SCAN = re.compile(
    "|".join(f"(?P<s{n}>{pattern})" for n, (pattern, _) in enumerate(STATUS_PATTERNS)), re.I | re.M
)


def title(ctx: Context) -> tuple[str | None, str | None]:
    """(title, id from a trailing '(ID)') from front matter or the title heading."""
    meta_title = ctx.doc.front_matter.get("title")
    if isinstance(meta_title, str) and meta_title.strip():
        return split_title(meta_title)
    if ctx.outline.title_index is None:
        return None, None
    return split_title(ctx.outline.sections[ctx.outline.title_index].heading)


def identifiers(ctx: Context, title_id: str | None, found: list[Indicator]) -> list[Identifier]:
    """Ids anywhere in the text, each once, at its first line."""
    seen: dict[tuple[str, str], Identifier] = {}
    for scheme, pattern in IDENTIFIER_PATTERNS:
        for match in pattern.finditer(ctx.doc.text):
            key = (scheme, match.group(0))
            line = ctx.doc.line_of(match.start())
            seen.setdefault(key, Identifier(scheme=scheme, value=key[1], line=line))
    for item in found:
        if item.type in INDICATOR_IDENTIFIERS:
            key = (item.type, item.value)
            seen.setdefault(key, Identifier(scheme=item.type, value=item.value, line=item.line))
    ordered = sorted(seen.values(), key=lambda ident: ident.line)
    if title_id and not any(ident.value == title_id for ident in ordered):
        heading_line = ctx.outline.sections[ctx.outline.title_index or 0].line_start
        ordered.insert(0, Identifier(scheme="vendor_incident", value=title_id, line=heading_line))
    return ordered


def report_type(ctx: Context, draft_indicators: list[Indicator]) -> ReportType:
    """Security incident or service outage, weighed from the evidence tables."""
    scores: dict[ReportType, int] = {"security_incident": 0, "service_outage": 0}
    text = ctx.doc.text
    for match in _TYPE_SCAN.finditer(text):
        _, name, weight = TYPE_EVIDENCE[int(str(match.lastgroup)[1:])]
        side: ReportType = "security_incident" if name == "security_incident" else "service_outage"
        before = text[max(0, match.start() - 60) : match.start()]
        if side == "security_incident" and _NEGATED.search(before):
            continue  # "no unauthorized access", "not a malicious attack"
        scores[side] += weight
    draft = ctx.draft
    if any(row.applicable and row.techniques for row in draft.methodology):
        scores["security_incident"] += 4
    real_rows = [r for r in draft.methodology if r.applicable and r.tactic_id != "TA0040"]
    scores["security_incident"] += 2 * len(real_rows)
    if any(i.category in ("file", "host") for i in draft_indicators):
        scores["security_incident"] += 2
    if scores["security_incident"] == scores["service_outage"]:
        return "unknown"
    return max(scores, key=lambda side: scores[side])


def status(ctx: Context) -> Status:
    """Ongoing or resolved from explicit wording: summary first, then details, then all."""
    draft = ctx.draft
    detail_text = " ".join(f.value for f in draft.details.fields) if draft.details else ""
    for text in (draft.summary or "", detail_text, ctx.doc.text):
        ranks = [int(str(m.lastgroup)[1:]) for m in _STATUS_SCAN.finditer(text)]
        if ranks:
            return STATUS_PATTERNS[min(ranks)][1]
    return "unknown"


def finish(report: IncidentReport, ctx: Context) -> None:
    """Diagnostics that need the whole report: live network indicators in security reports.

    Only indicators listed as indicators count: reports cite benign live links (advisories,
    commits) everywhere else, and those are references, not a click risk.
    """
    if report.report_type != "security_incident":
        return
    for item in report.indicators:
        listed = item.section == "indicators"
        if listed and item.category == "network" and not item.defanged and not item.in_code:
            ctx.sink.add(
                "live-indicator",
                f"{item.type} '{item.raw}' is written live; defang it ({item.type} in a report "
                "should not be clickable)",
                line=item.line,
                column=item.column,
                hint="write it defanged, e.g. hxxp://example[.]com",
            )
