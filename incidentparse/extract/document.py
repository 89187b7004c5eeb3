"""Document-level facts: title, identifiers, report type and status, read from the whole
report once the sections are extracted. Vocabulary is in the tables below."""

from __future__ import annotations

import re

from ..headings import split_title
from ..ioc import defang
from ..models import Identifier, IncidentReport, ReportType, Status
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

# Evidence for the report type, read from the lower-cased text. Single words are looked up
# per word (one tokenizing pass, no alternation tried at every position); phrases are regexes
# that open with a literal, which the regex engine finds fast. Negated security wording
# ("no unauthorized access") does not count; "not an external attack" counts for the outage.
TYPE_WORDS: dict[str, tuple[ReportType, int]] = {
    **dict.fromkeys(
        ("outage", "outages", "downtime", "degradation", "degraded", "unavailable",
         "unavailability", "latency", "postmortem", "post-mortem", "slo", "sla", "on-call",
         "oncall", "rollback", "restart", "restarts", "restarted", "restarting", "failure",
         "failures", "restored", "crash", "crashed", "crashing", "crashloop", "timeout",
         "timeouts", "unresponsive", "errors", "exhaustion", "exhausted", "starvation", "capacity"),
        ("service_outage", 1),
    ),
    **dict.fromkeys(
        ("attacker", "attackers", "adversary", "malware", "ransomware", "phishing", "backdoor",
         "exploit", "exploited", "exploitation", "compromise", "compromised", "c2",
         "intrusion"),
        ("security_incident", 2),
    ),
    **dict.fromkeys(
        ("malicious", "exfiltrated", "vulnerability", "vulnerabilities"),
        ("security_incident", 1),
    ),
}  # fmt: skip
TYPE_PHRASES: tuple[tuple[str, ReportType, int], ...] = (
    (r"not (?:an? )?(?:external |malicious |security )?(?:attack|breach|security incident)",
     "service_outage", 6),
    (r"rather than (?:a )?malicious", "service_outage", 6),
    (r"service (?:availability|degradation|disruption)\b", "service_outage", 2),
    (r"root cause", "service_outage", 1),
    (r"roll(?:ed)? back", "service_outage", 1),
    (r"threat actor", "security_incident", 2),
    (r"command and control", "security_incident", 2),
    (r"unauthori[sz]ed access", "security_incident", 1),
    (r"credential theft", "security_incident", 1),
    (r"cve-\d{4}-\d+", "security_incident", 2),
)  # fmt: skip
_TYPE_PHRASES = tuple((re.compile(p), side, weight) for p, side, weight in TYPE_PHRASES)
_WORD = re.compile(r"[a-z0-9][a-z0-9-]*")
_NEGATED = re.compile(r"\b(?:no|not|without|non)\b[^.;]{0,40}$")

# Status wording, most decisive first (read from the lower-cased text). Checked in the
# summary, then the details, then the whole report; the first pattern that matches decides.
STATUS_PATTERNS: tuple[tuple[str, Status], ...] = (
    (r"\b(?:remains?|still|is) (?:unresolved|ongoing|open|under investigation)\b", "ongoing"),
    (r"\b(?:currently|still) (?:investigating|working|monitoring)\b", "ongoing"),
    (r"\bongoing\b", "ongoing"),
    (r"\bcontinues? to (?:exploit|target|affect|attack|spread)\b", "ongoing"),
    (r"\b(?:has been|was|were|is now|fully) (?:resolved|mitigated|restored|fixed)\b", "resolved"),
    (r"\bresolved (?:on|at|by)\b", "resolved"),
    (
        r"\b(?:incident|issue|outage|service|services|problem) (?:was |were |is |has been )?"
        r"(?:resolved|restored|closed|mitigated)\b",
        "resolved",
    ),
    (r"\b(?:back to normal|fully operational|verified operational|service restored)\b", "resolved"),
    (r"^(?:resolved|closed|fixed)\b", "resolved"),
    (
        r"\b(?:fix(?:ed)?|patched|clean) (?:release|version|build|update)s?\b(?:[^.]|\.\d){0,40}?"
        r"\b(?:published|released|deployed|shipped)\b",
        "resolved",
    ),
)
_STATUS = tuple((re.compile(p, re.M), status) for p, status in STATUS_PATTERNS)
# One search tells whether a text says anything about status; most timeline rows do not.
_ANY_STATUS = re.compile("|".join(f"(?:{p})" for p, _ in STATUS_PATTERNS), re.M)


def title(ctx: Context) -> tuple[str | None, str | None]:
    """(title, id from a trailing '(ID)') from front matter or the title heading."""
    meta_title = ctx.doc.front_matter.get("title")
    if isinstance(meta_title, str) and meta_title.strip():
        return split_title(meta_title)
    if ctx.outline.title_index is None:
        return None, None
    return split_title(ctx.outline.sections[ctx.outline.title_index].heading)


def identifiers(ctx: Context, title_id: str | None) -> list[Identifier]:
    """Ids anywhere in the text, each once, at its first line."""
    seen: dict[tuple[str, str], Identifier] = {}
    for scheme, pattern in IDENTIFIER_PATTERNS:
        for match in pattern.finditer(ctx.doc.text):
            key = (scheme, match.group(0))
            line = ctx.doc.line_of(match.start())
            seen.setdefault(key, Identifier(scheme=scheme, value=key[1], line=line))
    for item in ctx.draft.indicators:
        if item.type in INDICATOR_IDENTIFIERS:
            key = (item.type, item.value)
            seen.setdefault(key, Identifier(scheme=item.type, value=item.value, line=item.line))
    ordered = sorted(seen.values(), key=lambda ident: ident.line)
    if title_id and not any(ident.value == title_id for ident in ordered):
        heading_line = ctx.outline.sections[ctx.outline.title_index or 0].line_start
        ordered.insert(0, Identifier(scheme="vendor_incident", value=title_id, line=heading_line))
    return ordered


def report_type(ctx: Context) -> ReportType:
    """Security incident or service outage, weighed from the evidence tables."""
    scores: dict[ReportType, int] = {"security_incident": 0, "service_outage": 0}
    text = ctx.doc.text.lower()
    for match in _WORD.finditer(text):
        found = TYPE_WORDS.get(match.group(0))
        if found is not None and not _negated(text, match.start(), found[0]):
            scores[found[0]] += found[1]
    for pattern, side, weight in _TYPE_PHRASES:
        for match in pattern.finditer(text):
            if not _negated(text, match.start(), side):
                scores[side] += weight
    draft = ctx.draft
    if any(row.applicable and row.techniques for row in draft.methodology):
        scores["security_incident"] += 4
    real_rows = [r for r in draft.methodology if r.applicable and r.tactic_id != "TA0040"]
    scores["security_incident"] += 2 * len(real_rows)
    if any(i.category in ("file", "host") for i in draft.indicators):
        scores["security_incident"] += 2
    if scores["security_incident"] == scores["service_outage"]:
        return "unknown"
    return max(scores, key=lambda side: scores[side])


def _negated(text: str, start: int, side: ReportType) -> bool:
    """Security wording under a negation ('no malicious activity') is not evidence."""
    return side == "security_incident" and bool(_NEGATED.search(text[max(0, start - 60) : start]))


def status(ctx: Context) -> Status:
    """Ongoing or resolved from explicit wording, most authoritative source first: a Status
    field, the summary, the details, the latest timeline event that says, the whole text."""
    draft = ctx.draft
    fields = [*draft.metadata, *(draft.details.fields if draft.details else ())]
    declared = [f.value for f in fields if f.label.strip().lower() in ("status", "state")]
    detail_text = " ".join(f.value for f in draft.details.fields) if draft.details else ""
    latest = [event.text for event in reversed(draft.timeline)]
    for text in (*declared, draft.summary or "", detail_text, *latest, ctx.doc.text):
        verdict = _status_of(text)
        if verdict != "unknown":
            return verdict
    return "unknown"


def _status_of(text: str) -> Status:
    lowered = text.lower()
    if not _ANY_STATUS.search(lowered):
        return "unknown"
    for pattern, verdict in _STATUS:
        if pattern.search(lowered):
            return verdict
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
                # Shown defanged: messages land in terminals and PR annotations.
                f"{item.type} {defang(item.value, item.type)} is written live (not defanged)",
                line=item.line,
                column=item.column,
                hint=f"write it as {defang(item.value, item.type)}",
            )
