"""Heading classification: heading text to (canonical section kind, score, qualifiers).

Order: normalise (numbering, emoji, markup, trailing ':'/'?', parenthetical qualifiers split
off), then the alias table, then the question table (questions map by meaning, not spelling),
then rapidfuzz against the aliases with a score cutoff; below it the kind is ``unknown``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from functools import lru_cache
from typing import NamedTuple

from rapidfuzz import fuzz, process

# Canonical kinds (sections.md). One row per kind: kind -> heading aliases seen in real reports,
# written already normalised (lower case, '&' as 'and', no trailing punctuation).
KIND_ALIASES: dict[str, tuple[str, ...]] = {
    "meta": (
        "incident report",
        "report",
        "document information",
        "report status",
        "alert information",
        "incident summary table",
        "status",
        "date",
        "owner",
        "involved",
        "metadata",
        "revisions",
        "revision history",
        "document history",
        "changelog",
        "change log",
        "time",
        "meeting scheduled for",
        "call recording",
        "created by",
        "reviewers",
        "reviewed by",
        "incident commander",
        "report date",
        "last updated",
        "version",
        "classification",
        "tlp",
        "security related",
        "category",
        "incident id",
        "incident number",
        "date of incident",
        "incident date",
        "state",
        "severity",
    ),
    "summary": (
        "executive summary",
        "summary",
        "issue summary",
        "incident summary",
        "overview",
        "case summary",
        "campaign summary",
        "investigation summary",
        "summary of impact",
        "what happened",
        "threat profile",
        "threat overview",
        "brief description",
        "tl;dr",
        "tldr",
        "abstract",
        "synopsis",
        "description",
        "incident overview",
        "outage description",
    ),
    "details": (
        "incident details",
        "technical details",
        "details",
        "background",
        "important information",
        "scope",
        "key incident details",
        "versions affected",
        "affected crates",
        "affected systems",
        "affected products",
        "affected services",
        "incident information",
        "context",
        "incident context",
    ),
    "timeline": (
        "timeline",
        "timeline of events",
        "timeline and response",
        "follow-up timeline",
        "followup timeline",
        "incident timeline",
        "investigation timeline",
        "chain of events",
        "chronology",
        "chronology of the incident",
        "chronology of events",
        "leadup",
        "sequence of events",
        "event timeline",
        "detailed timeline",
        "timeline of the incident",
    ),
    "root_cause": (
        "root cause",
        "root causes",
        "root cause analysis",
        "root cause of the outage",
        "contributing factors",
        "contributing conditions analysis",
        "what caused the incident",
        "trigger",
        "triggers",
        "fault",
        "five whys",
        "5 whys",
        "root cause and mitigation",
        "analysis",
        "cause",
        "causes",
        "type of compromise",
        "process breakdown",
        "process breakdowns",
        "technical analysis",
        "what went wrong and why",
    ),
    "methodology": (
        # Per-tactic sections of DFIR reports ('## Initial Access'). 'Discovery' and 'Impact'
        # stay with detection and impact, where they mean more often.
        "reconnaissance",
        "resource development",
        "initial access",
        "execution",
        "persistence",
        "privilege escalation",
        "defense evasion",
        "defence evasion",
        "credential access",
        "lateral movement",
        "collection",
        "command and control",
        "exfiltration",
        "attack methodology",
        "mitre att and ck",
        "mitre attack",
        "att and ck",
        "mitre att and ck techniques",
        "mitre att and ck mapping",
        "ttps",
        "tactics techniques and procedures",
        "full attack chain",
        "infection chain",
        "kill chain phases observed",
        "kill chain",
        "attack chain",
        "related capecs",
        "method",
        "attack vector",
        "attack path",
        "techniques",
    ),
    "impact": (
        "impact",
        "impact assessment",
        "impact on users",
        "customer impact",
        "incident impact",
        "impact analysis",
        "what was impacted",
        "end user impact",
        "infrastructure impact",
        "productivity impact",
        "affected users",
        "risks and hazards",
        "severity and impact",
        "business impact",
        "user impact",
        "impact and severity",
        "blast radius",
    ),
    "indicators": (
        "atomic",
        "computed",
        "indicators of compromise",
        "indicators",
        "iocs",
        "ioc",
        "indicators of compromise iocs",
        "threat intelligence",
        "observables",
        "atomic indicators",
        "computed indicators",
        "network indicators",
        "file indicators",
        "host indicators",
        "iocs and affected systems",
    ),
    "detection": (
        "detection",
        "detection and response",
        "how it was discovered",
        "incident detected by",
        "detections",
        "verdict and alert details",
        "alert details",
        "recommended hunts",
        "discovery",
        "how was it detected",
        "detection and analysis",
        "identification",
    ),
    "response": (
        "response actions",
        "response",
        "resolution",
        "resolution and recovery",
        "mitigation and resolution",
        "mitigation",
        "mitigations",
        "recovery",
        "remediation",
        "immediate actions",
        "actions taken",
        "mitigation and detection",
        "containment",
        "eradication",
        "containment eradication and recovery",
        "what should you do",
        "what you can do",
        "workaround",
        "workarounds",
        "incident response",
        "fix",
    ),
    "lessons_learned": (
        "lessons learned",
        "lessons learnt",
        "what went well",
        "what went wrong",
        "what went poorly",
        "where we got lucky",
        "what didn't go so well",
        "what could have gone better",
        "takeaways",
        "key takeaways",
        "reflections",
        "insights",
        "postmortem",
        "post-mortem",
        "notes to the owner",
        "learnings",
        "things that went well",
        "things that went wrong",
        "lessons",
    ),
    "action_items": (
        "recommendations",
        "action items",
        "action items and followups",
        "action items and follow-ups",
        "corrective and preventative measures",
        "corrective and preventive measures",
        "corrective actions",
        "next steps",
        "follow-up",
        "follow-ups",
        "followups",
        "short-term improvements",
        "long-term improvements",
        "planned actions",
        "moving forward",
        "follow-up improvements",
        "call to action",
        "preventive measures",
        "remediation items",
        "improvements",
        "todo",
        "to do",
        "prevention",
        "future work",
    ),
    "references": (
        "references",
        "original references",
        "supporting information",
        "supporting documents",
        "related records",
        "sources",
        "links",
        "further reading",
        "source",
        "footnotes",
        "related incidents",
        "resources",
    ),
    "appendix": (
        "appendix",
        "infrastructure graph",
        "screenshots",
        "evidence",
        "logs",
        "raw logs",
        "chat log",
        "attachments",
        "diagrams",
    ),
    "people": (
        "attendees",
        "responders",
        "postmortem attendees",
        "authors",
        "author",
        "names of people involved",
        "thanks",
        "acknowledgements",
        "acknowledgments",
        "analysts",
        "people involved",
        "participants",
        "contributors",
        "team",
        "contacts",
    ),
    "communications": (
        "messaging",
        "external message",
        "provide feedback",
        "communications",
        "customer communication",
        "status page updates",
        "internal communication",
        "notifications",
        "communication",
    ),
    "metrics": (
        "stats",
        "incident timing",
        "key metrics",
        "metrics",
        "incident metrics",
        "duration",
        "time to detect",
        "time to resolve",
    ),
    "attribution": (
        "attribution",
        "threat actor attribution",
        "verdict",
        "threat actor",
        "actor",
        "threat actors",
        "adversary",
    ),
    "open_questions": ("open questions", "questions", "unanswered questions", "open items"),
}

# Question headings mean something their words do not spell (sections.md): a pattern table.
QUESTIONS: tuple[tuple[str, str], ...] = (
    (r"^how (did|could) (it|this|that) happen", "root_cause"),
    (r"^why did (it|this|that) happen", "root_cause"),
    (r"^what went wrong and why", "root_cause"),
    (r"^what caused", "root_cause"),
    (r"^(how|what) (are|will) we (doing|making|preventing|change)", "action_items"),
    (r"^what (are|will) we (do|doing|change)", "action_items"),
    (r"^what we('re| are) doing about it", "action_items"),
    (r"^how (can|do) we prevent", "action_items"),
    (r"^how did we respond", "response"),
    (r"^how (can|should) customers", "response"),
    (r"^what (should|can) (you|customers) do", "response"),
    (r"^what (happened|occurred)", "summary"),
    (r"^(who|what) was (affected|impacted)", "impact"),
    (r"^how (was|were) .* (affected|impacted)", "impact"),
    (r"^how (was|did) (it|this|the issue|the incident) (detected|discovered|found)", "detection"),
    (r"^how (can|could) we make our (incident )?communications", "communications"),
    (r"^what went (well|right)", "lessons_learned"),
    (r"^what (went|could have gone) (badly|poorly|better|wrong)", "lessons_learned"),
    (r"^where (did )?we got lucky", "lessons_learned"),
)
_QUESTIONS = tuple((re.compile(pattern), kind) for pattern, kind in QUESTIONS)
# Every question pattern opens its key with one of these words: other keys skip the table.
QUESTION_OPENERS: tuple[str, ...] = ("how ", "why ", "what ", "where ", "who ")

FUZZY_CUTOFF = 85.0
# Two different strings have a ratio of at most 100 * (1 - 1 / (len1 + len2)); it rounds to
# 100.0 (one decimal) only when the lengths add up to 2000, so a key must have about 1000.
FUZZY_MAY_ROUND_TO_100 = 999

_NUMBERING = re.compile(r"^\s*(?:(?:\d+|[ivxlc]+|[a-z])[.)]|\d+(?:\.\d+)+\.?|§\s*\d+)\s+", re.I)
_PARENS = re.compile(r"\s*\(([^()]*)\)")
# A trailing '(EX1268771)', '(LF-SEC-0412)', '[INC-42]' or '(incident #2107)': an id holds a
# digit and no lower-case letter; a leading word such as 'incident' or 'ticket' is dropped.
_ID_SUFFIX = re.compile(
    r"\s*[\[(]\s*(?:(?:incident|ticket|case|id|ref)\b\s*:?\s*)?"
    r"(#\d+|(?=[A-Z0-9_-]*\d)(?=[0-9_-]*[A-Z])[A-Z0-9][A-Z0-9_-]*)\s*[\])]\s*$",
    re.I,
)
_TITLE_PREFIX = re.compile(
    r"^(?:(?:security\s+)?incident\s+(?:report|review|summary)|post[- ]?mortem|"
    r"postmortem\s+report|post[- ]incident\s+review|pir|rca|root cause analysis)\s*[:\-–—]\s*",
    re.I,
)


# A NamedTuple rather than a frozen dataclass: one is built for every heading and run-in label
# classified, and a tuple is built at a quarter of the cost.
class Match(NamedTuple):
    """A heading's classification."""

    kind: str
    score: float
    normalised: str
    qualifiers: tuple[str, ...] = ()


# Match's fields filled without its Python __new__ (_classify).
_new_tuple = tuple.__new__


# Symbol categories dropped from headings, and the ASCII characters in them: an ASCII heading
# (most are) needs one translate instead of a category look-up per character.
_SYMBOL_CATEGORIES = ("So", "Sk", "Cs")
ASCII_SYMBOLS = "^`"
_DROP_ASCII_SYMBOLS = str.maketrans("", "", ASCII_SYMBOLS)


def strip_symbols(text: str) -> str:
    """Drop emoji and other pictographs; headings like '🔥 Timeline' keep their words."""
    if text.isascii():
        # translate looks every character up in its table; most headings hold neither of the
        # ASCII_SYMBOLS, which two substring tests tell for a fraction of that.
        if "^" in text or "`" in text:
            return text.translate(_DROP_ASCII_SYMBOLS)
        return text
    return "".join(ch for ch in text if unicodedata.category(ch) not in _SYMBOL_CATEGORIES)


def normalise(heading: str) -> tuple[str, tuple[str, ...]]:
    """Lower-cased comparable key and the parenthetical qualifiers split off."""
    if heading.isascii() and heading.replace(" ", "").isalnum():
        # Most headings are ASCII words and spaces ('Action Items', 'Root Causes'), which no
        # step below but the last changes (they drop symbols, `*`, `_`, numbering, brackets,
        # `&`, `/` and trailing punctuation, and strip the edges): ten string calls for one
        # fold (tests/test_sections_perf22.py compares both on every heading we have).
        return " ".join(heading.split()).lower(), ()
    return normalise_in_steps(heading)


def normalise_in_steps(heading: str) -> tuple[str, tuple[str, ...]]:
    """normalise's key and qualifiers, every step taken."""
    text = strip_symbols(heading).replace("*", "").replace("_", " ").strip()
    # Every alternative of _NUMBERING holds a '.', ')' or '§' ('1.', 'a)', '2.3', '§ 4'):
    # without one the substitution, tried at the start, cannot match.
    if "." in text or ")" in text or "§" in text:
        text = _NUMBERING.sub("", text)
    qualifiers: tuple[str, ...] = ()
    if "(" in text:  # the parentheses pattern would be tried at every position for nothing
        qualifiers = tuple(q.strip() for q in _PARENS.findall(text) if q.strip())
        text = _PARENS.sub("", text)
    text = text.replace("&", " and ").replace("/", " and ").replace("’", "'")
    text = _strip_trailing(text)
    return " ".join(text.split()).lower(), qualifiers


def qualifiers(heading: str) -> tuple[str, ...]:
    """The parenthetical qualifiers normalise splits off, without building the key: below a
    timeline only they reach the Section. Symbol, `*`, `_` and numbering removal only drop
    characters, so a heading without `(` has none."""
    if "(" not in heading:
        return ()
    return normalise(heading)[1]


# Trailing punctuation a heading key drops (after any whitespace; see _strip_trailing).
TRAILING_PUNCTUATION = ":?.!-–—"


def _strip_trailing(text: str) -> str:
    """Drop the trailing run of whitespace and TRAILING_PUNCTUATION: a walk back over the
    last few characters, where a '[\\s:?.!-–—]+$' search starts at every space of the text."""
    end = len(text)
    while end and (text[end - 1].isspace() or text[end - 1] in TRAILING_PUNCTUATION):
        end -= 1
    return text[:end]


@lru_cache(maxsize=8)
def _alias_index(extra: tuple[tuple[str, str], ...]) -> dict[str, str]:
    index = {alias: kind for kind, aliases in KIND_ALIASES.items() for alias in aliases}
    index.update(extra)
    return index


def classify(
    heading: str, extra_aliases: Mapping[str, str] | None = None, *, fuzzy: bool = True
) -> Match:
    """Classify a heading into a canonical kind; extra_aliases come from a team's config.

    ``fuzzy=False`` is for callers that only accept a score of 100: the fuzzy match is skipped
    where it cannot reach 100 (every key but a thousand-character one), and such a heading
    comes back unknown instead of with its lower fuzzy score."""
    return _classify(heading, alias_keys(extra_aliases), fuzzy)


def alias_keys(extra_aliases: Mapping[str, str] | None) -> tuple[tuple[str, str], ...]:
    """A team's extra aliases as classify looks them up: each alias's key and its kind."""
    return tuple((normalise(k)[0], v) for k, v in extra_aliases.items()) if extra_aliases else ()


def _classify(heading: str, extra: tuple[tuple[str, str], ...], fuzzy: bool) -> Match:
    # Not cached across calls on purpose: a cache keyed on heading text would make repeated
    # parses of one report look faster than a first parse is (the benchmarks do exactly that).
    key, qualifiers = normalise(heading)
    index = _alias_index(extra)
    if key in index:
        # Match(...) filled as a tuple: its __new__ is a Python function binding keywords,
        # and most headings are an alias ('## Summary'), one Match each.
        return _new_tuple(Match, (index[key], 100.0, key, qualifiers))
    return _classify_unlisted(key, qualifiers, index, extra, fuzzy)


def _classify_unlisted(
    key: str,
    qualifiers: tuple[str, ...],
    index: dict[str, str],
    extra: tuple[tuple[str, str], ...],
    fuzzy: bool,
) -> Match:
    """_classify's steps after its alias look-up, for a key that is no alias of index
    (_alias_index(extra)): sections._classify_all looks its headings' keys up itself."""
    label, colon, value = key.partition(":")
    if colon and value.strip() and index.get(label.strip()) == "meta":  # '## Date: Feb 6, 2023'
        return Match("meta", 100.0, key, qualifiers)
    prefix = _longest_alias_prefix(key, index, _most_alias_words(extra))
    if prefix is not None:  # 'Timeline of observed activity', 'Root cause of the outage'
        return Match(index[prefix], PREFIX_SCORE, key, qualifiers)
    if key.startswith(QUESTION_OPENERS):
        for pattern, kind in _QUESTIONS:
            if pattern.search(key):
                return Match(kind, 100.0, key, qualifiers)
    if key and (fuzzy or len(key) >= FUZZY_MAY_ROUND_TO_100):
        found = _fuzzy(key, extra)
        if found is not None:
            return Match(index[found[0]], round(float(found[1]), 1), key, qualifiers)
    return Match("unknown", 0.0, key, qualifiers)


def is_plain_label(key: str, index: dict[str, str], extra: tuple[tuple[str, str], ...]) -> bool:
    """Whether _classify_unlisted(key, qualifiers, index, extra, fuzzy=False) gives a kind
    other than "unknown" with a score of 100: a plain run-in label (sections._run_in) of a key
    that is no alias of index. Its steps in its order, but no Match built and the alias prefix
    looked up last, only for a key a later step would give 100: a prefix gives PREFIX_SCORE,
    never 100, so it matters only by ending the walk before those steps. Most short
    paragraphs that come here are no label (a name, a date, a phrase): each spares the prefix
    look-up (a join and look-up per word) and a Match."""
    label, colon, value = key.partition(":")
    if colon and value.strip() and index.get(label.strip()) == "meta":
        return True  # checked before the prefix there too
    kind: str | None = None
    if key.startswith(QUESTION_OPENERS):
        for pattern, found_kind in _QUESTIONS:
            if pattern.search(key):
                kind = found_kind
                break
    if kind is None and key and len(key) >= FUZZY_MAY_ROUND_TO_100:
        found = _fuzzy(key, extra)
        if found is not None and round(float(found[1]), 1) == 100.0:
            kind = index[found[0]]
    if kind is None or kind == "unknown":
        return False
    return _longest_alias_prefix(key, index, _most_alias_words(extra)) is None


def _fuzzy(key: str, extra: tuple[tuple[str, str], ...]) -> tuple[str, float] | None:
    """The best alias of fuzz.ratio at least FUZZY_CUTOFF, as process.extractOne over every
    alias finds it, scoring only aliases of a length that can reach the cutoff (a heading's
    fuzzy look-up over all three hundred aliases cost more than the rest of a small parse)."""
    choices = _fuzzy_choices(len(key), extra)
    if not choices:
        return None
    found = process.extractOne(key, choices, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
    return None if found is None else (found[0], found[1])


def _fuzzy_choices(size: int, extra: tuple[tuple[str, str], ...]) -> list[str]:
    """The aliases, in index order, whose length lets fuzz.ratio reach FUZZY_CUTOFF against a
    key of ``size`` characters (none for a key longer than any alias can match)."""
    table = _fuzzy_table(extra)
    return table[size] if size < len(table) else []


# The cutoff the length bound must reach, a point below FUZZY_CUTOFF so that a float rounding
# of the ratio can never drop an alias the full look-up would score at the cutoff.
_LENGTH_CUTOFF = int(FUZZY_CUTOFF) - 1


def _fuzzy_lengths(size: int) -> tuple[int, int]:
    """(lowest, highest) alias length with 200 * shorter >= _LENGTH_CUTOFF * (size + length).

    The ratio is 100 * (1 - distance / (size + length)) and the distance is at least the
    length difference, so the ratio is at most 200 * shorter / (size + length)."""
    rest = 200 - _LENGTH_CUTOFF
    return -(-_LENGTH_CUTOFF * size // rest), rest * size // _LENGTH_CUTOFF


@lru_cache(maxsize=8)
def _fuzzy_table(extra: tuple[tuple[str, str], ...]) -> tuple[list[str], ...]:
    """For each key length (index), the aliases of _alias_index(extra) in index order whose
    length is within _fuzzy_lengths of it; built once per alias table, like the index."""
    aliases = list(_alias_index(extra))
    longest = max(len(alias) for alias in aliases)
    table = []
    for size in range(_fuzzy_lengths(longest)[1] + 1):
        low, high = _fuzzy_lengths(size)
        table.append([alias for alias in aliases if low <= len(alias) <= high])
    return tuple(table)


PREFIX_SCORE = 95.0
# Aliases too generic to claim a heading by its first words ('Report on…', 'Status page…').
NO_PREFIX_MATCH: frozenset[str] = frozenset({"report", "status", "date", "time", "state", "source"})


@lru_cache(maxsize=8)
def _most_alias_words(extra: tuple[tuple[str, str], ...]) -> int:
    """The most words an alias of _alias_index(extra) splits into; built once per alias
    table, like the index."""
    return max(len(alias.split()) for alias in _alias_index(extra))


def _longest_alias_prefix(key: str, index: dict[str, str], most: int | None = None) -> str | None:
    """The longest alias that the heading starts with, as whole words; most, when given, is
    _most_alias_words of the index.

    A candidate equal to an alias splits into the alias's words, so none longer than most
    words can be one: a long heading ('Incident report July 11 2025 - CloudBank health …',
    fourteen words) is looked up from most words down, not from all but its last.
    """
    words = key.split()
    top = len(words) - 1
    if most is not None and most < top:
        top = most
    for size in range(top, 0, -1):
        candidate = " ".join(words[:size])
        if candidate in index and candidate not in NO_PREFIX_MATCH:
            return candidate
    return None


def split_title(heading: str) -> tuple[str, str | None]:
    """Title without an 'Incident Report:' style prefix and without a trailing (ID)."""
    title = _TITLE_PREFIX.sub("", heading.strip())
    ident = _ID_SUFFIX.search(title)
    if ident and not any(ch.islower() for ch in ident.group(1)):
        title = title[: ident.start()]
    else:
        ident = None
    return title.strip() or heading.strip(), ident.group(1) if ident else None
