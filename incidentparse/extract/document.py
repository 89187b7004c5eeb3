"""Document-level facts: title, identifiers, report type and status, read from the whole
report once the sections are extracted. Vocabulary is in the tables below."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..headings import split_title
from ..ioc import defang
from ..models import Identifier, Indicator, ReportType, Status
from ..shared_reads import ascii_replaced
from .context import Context, Draft, letter_runs

# Identifier schemes found by pattern anywhere in the text. CVE and ATT&CK ids come from the
# indicator engine instead (one grammar for them), see identifiers().
# Each pattern opens with its literal or capitals and checks the word boundary before it as a
# look-behind afterwards (the same test as a leading \b): the regex engine then skips ahead to
# candidate characters instead of trying the boundary at every position of the text.
IDENTIFIER_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("ghsa", re.compile(r"GHSA(?<!\wGHSA)(?:-[23456789cfghjmpqrvwx]{4}){3}\b")),
    ("cwe", re.compile(r"CWE(?<!\wCWE)-\d{1,5}\b")),
    # Vendor service-health ids: two capitals and 6-7 digits (Microsoft EX1268771, MO123456).
    ("vendor_incident", re.compile(r"[A-Z]{2}(?<!\w[A-Z]{2})\d{6,7}\b")),
)
INDICATOR_IDENTIFIERS: frozenset[str] = frozenset({"cve", "attack_technique", "attack_tactic"})

# A vendor id opens with no literal, so the regex engine would try its pattern at every capital
# of the text (a tenth of the document facts' time). On a byte mask of the text (capitals "A",
# digits "9", small letters "a", "u" for "?", which stands for any character beyond ASCII: \d
# also reads other scripts' digits) a literal search finds the few places where the pattern may
# match.
_ID_MASK = bytes(
    ord("A") if chr(b).isupper() and b < 128 else ord("9") if chr(b).isdigit() and b < 128
    else ord("a") if chr(b).islower() and b < 128 else ord("u") if chr(b) == "?" else ord(" ")
    for b in range(256)
)  # fmt: skip
# Every scheme's matches are found on the same mask, in one pass: a GHSA id opens where it
# reads AAAA, then three times a blank (a '-') and four of [9a] (its groups' characters are
# ASCII digits and small letters: a capitalised word before a blank, 'LEAP hub', is no place,
# where 'AAAA ' made it one, a GHSA match tried in vain), a CWE id where it reads AAA, a blank
# and a digit (9, or u for a digit beyond ASCII, which \d reads), a vendor id where it reads
# AA[9u]{6}. Each place reads as one scheme's only (its third character is a capital or a
# digit, its fourth a capital or not), the one whose group the lookahead sets (lastindex: 1
# GHSA, 2 CWE, none a vendor id), and is tried by that scheme's pattern (its look-behind sees
# the text before it, as in a search). A place consumes its first two capitals: no id opens at
# the second (each opens after a non-word character), so a place found or not there changes no
# match. No scheme's matches overlap one another (a GHSA or CWE id holds no capital after its
# literal, a vendor id none after its two), so the places that match are every match finditer
# finds, in the same order: the two passes of GHSA and CWE over the text are spared.
_ID_PLACE = re.compile(rb"AA(?=(AA [9a]{4} [9a]{4} [9a]{4})|(A [9u])|[9u]{6})")
assert [scheme for scheme, _ in IDENTIFIER_PATTERNS] == ["ghsa", "cwe", "vendor_incident"]


def _id_matches(text: str) -> list[list[re.Match[str]]]:
    """For each of IDENTIFIER_PATTERNS, in its order, its matches in text (finditer's)."""
    found: list[list[re.Match[str]]] = [[] for _ in IDENTIFIER_PATTERNS]
    # The encoding the hex-run scan and the worth-lines filter asked for (shared per parse).
    mask = ascii_replaced(text).translate(_ID_MASK)
    for place in _ID_PLACE.finditer(mask):
        scheme = (place.lastindex or 3) - 1
        match = IDENTIFIER_PATTERNS[scheme][1].match(text, place.start())
        if match is not None:
            found[scheme].append(match)
    return found


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
_REGEX_SYNTAX = "\\()[]{}?*+.|^$"


def _opener(pattern: str) -> str:
    """The literal text a pattern opens with (before its first piece of regex syntax, less a
    character that a quantifier makes optional): every match starts with it."""
    end = 0
    while end < len(pattern) and pattern[end] not in _REGEX_SYNTAX:
        end += 1
    return pattern[: end - 1] if pattern[end : end + 1] in ("?", "*", "{") else pattern[:end]


# The evidence words as bytes, in table order: looked up in the set of the text's words.
_TYPE_WORD_LIST = tuple((word.encode(), side, wt) for word, (side, wt) in TYPE_WORDS.items())
_TYPE_WORD_WEIGHTS = {word: (side, weight) for word, side, weight in _TYPE_WORD_LIST}
_TYPE_PHRASES = tuple((_opener(p), re.compile(p), side, weight) for p, side, weight in TYPE_PHRASES)
_WORD = re.compile(r"[a-z0-9][a-z0-9-]*")
_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-")
_NEGATED = re.compile(r"\b(?:no|not|without|non)\b[^.;]{0,40}$")

# Status wording, most decisive first (read from the lower-cased text). Checked in the
# summary, then the details, then the whole report; the first pattern that matches decides.
# The third column lists words one of which every match holds as a whole run of letters and
# digits (each stands after \b or a blank, before \b or a blank: a character that ends a \w run
# ends a run of [a-z0-9] too). The text's runs, from one split, rule a pattern out; its search
# is narrowed to the lines holding them, far faster than running the regex over the text
# (most text says nothing about status).
STATUS_PATTERNS: tuple[tuple[str, Status, tuple[str, ...]], ...] = (
    (r"\b(?:remains?|still|is) (?:unresolved|ongoing|open|under investigation)\b", "ongoing",
     ("unresolved", "ongoing", "open", "investigation")),
    (r"\b(?:currently|still) (?:investigating|working|monitoring)\b", "ongoing",
     ("investigating", "working", "monitoring")),
    (r"\bongoing\b", "ongoing", ("ongoing",)),
    (r"\bcontinues? to (?:exploit|target|affect|attack|spread)\b", "ongoing",
     ("continue", "continues")),
    (r"\b(?:has been|was|were|is now|fully) (?:resolved|mitigated|restored|fixed)\b", "resolved",
     ("resolved", "mitigated", "restored", "fixed")),
    (r"\bresolved (?:on|at|by)\b", "resolved", ("resolved",)),
    (r"\b(?:incident|issue|outage|service|services|problem) (?:was |were |is |has been )?"
     r"(?:resolved|restored|closed|mitigated)\b", "resolved",
     ("resolved", "restored", "closed", "mitigated")),
    (r"\b(?:back to normal|fully operational|verified operational|service restored)\b",
     "resolved", ("normal", "operational", "restored")),
    (r"^(?:resolved|closed|fixed)\b", "resolved", ("resolved", "closed", "fixed")),
    (r"\b(?:fix(?:ed)?|patched|clean) (?:release|version|build|update)s?\b(?:[^.]|\.\d){0,40}?"
     r"\b(?:published|released|deployed|shipped)\b", "resolved",
     ("fix", "fixed", "patched", "clean")),
)  # fmt: skip
# Further words every match of a pattern holds, one of each group, as whole runs too (each
# stands after \b, a blank or a line start, before \b or a blank), in STATUS_PATTERNS' order.
# A pattern whose group the text lacks cannot match, so its regex is not run: the third column
# alone lets through the words reports use freely ('working', 'fix', 'investigation'), and on
# reports that state no status every such rule was searched in vain, each over its lines.
STATUS_ALSO: tuple[tuple[tuple[str, ...], ...], ...] = (
    (("remain", "remains", "still", "is"),),
    (("currently", "still"),),
    (),
    (("to",), ("exploit", "target", "affect", "attack", "spread")),
    (("been", "was", "were", "now", "fully"),),  # has been | was | were | is now | fully
    (("on", "at", "by"),),
    (("incident", "issue", "outage", "service", "services", "problem"),),
    (("back", "fully", "verified", "service"),),
    (),
    (("release", "releases", "version", "versions", "build", "builds", "update", "updates"),
     ("published", "released", "deployed", "shipped")),
)  # fmt: skip
# A pattern of literal words and spaces never matches a line break, so it is searched line by
# line; one with a character class, '.' or a class escape may run on to the next line, and must
# open with one of its words (it is tried where they occur: a search from a line start would
# read on to the end of the text).
_MAY_CROSS_LINES = re.compile(r"[\[.]|\\[sSWDd]")


# A one-line pattern without a repeat ('*', '+', '{m,n}': '?' and alternatives only) matches
# at most as many characters as its source holds, and one without a look-around, '$' or '\Z'
# reads nothing beyond its match but the characters on either side of a \b: such a rule is
# searched near the places of its words only (_found_near).
_UNBOUNDED = re.compile(r"[*+{]|\(\?[=!<]|\$|\\Z")


@dataclass(frozen=True)
class _StatusRule:
    pattern: re.Pattern[str]
    verdict: Status
    runs: frozenset[bytes]  # every match holds one of these words (in its first line, at least)
    one_line: bool
    also: tuple[frozenset[bytes], ...]  # and one word of each of these groups
    width: int | None  # a one-line pattern's longest match is at most this long, if bounded


_STATUS = tuple(
    _StatusRule(
        re.compile(p, re.M),
        verdict,
        frozenset(w.encode() for w in words),
        not _MAY_CROSS_LINES.search(p),
        tuple(frozenset(w.encode() for w in group) for group in also),
        None if _MAY_CROSS_LINES.search(p) or _UNBOUNDED.search(p) else len(p),
    )
    for (p, verdict, words), also in zip(STATUS_PATTERNS, STATUS_ALSO, strict=True)
)
_STATUS_RUNS = frozenset().union(*(rule.runs for rule in _STATUS))
# Every word the rules test for: one pass over a text's runs finds those it holds.
_STATUS_WORDS = _STATUS_RUNS.union(*(group for rule in _STATUS for group in rule.also))


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
    text = ctx.doc.text
    for (scheme, _), matches in zip(IDENTIFIER_PATTERNS, _id_matches(text), strict=True):
        for match in matches:
            key = (scheme, match.group(0))
            if key not in seen:  # an id repeats often; build (and validate) its first one only
                line = ctx.doc.line_of(match.start())
                seen[key] = Identifier(scheme=scheme, value=key[1], line=line)
    for item in ctx.draft.indicators:
        key = (item.type, item.value)
        if item.type in INDICATOR_IDENTIFIERS and key not in seen:
            seen[key] = Identifier(scheme=item.type, value=item.value, line=item.line)
    ordered = sorted(seen.values(), key=lambda ident: ident.line)
    if title_id and not any(ident.value == title_id for ident in ordered):
        heading_line = ctx.outline.sections[ctx.outline.title_index or 0].line_start
        ordered.insert(0, Identifier(scheme="vendor_incident", value=title_id, line=heading_line))
    return ordered


def report_type(ctx: Context) -> ReportType:
    """Security incident or service outage, weighed from the evidence tables."""
    runs = ctx.runs_among(_TYPE_RUN_WORDS, _DOCUMENT_WORDS)
    scores = text_evidence(ctx.lowered, runs, gated=True)
    draft = ctx.draft
    # Most reports have no methodology: its two walks (a generator and a list) are left out,
    # adding nothing, as over no rows.
    if draft.methodology:
        if any(row.applicable and row.techniques for row in draft.methodology):
            scores["security_incident"] += 4
        real_rows = [r for r in draft.methodology if r.applicable and r.tactic_id != "TA0040"]
        scores["security_incident"] += 2 * len(real_rows)
    if any(i.category in ("file", "host") for i in draft.indicators):
        scores["security_incident"] += 2
    security, outage = scores["security_incident"], scores["service_outage"]
    if security == outage:
        return "unknown"
    # max over the two sides by score, told by one comparison (they differ here).
    return "security_incident" if security > outage else "service_outage"


def text_evidence(
    text: str, runs: Iterable[bytes] | None = None, *, gated: bool = False
) -> dict[ReportType, int]:
    """Each side's score from the evidence words and phrases of the lower-cased text; runs is
    letter_runs(text) when the caller has it already. gated: runs is instead the set of the
    words of _TYPE_RUN_WORDS that are runs of the text (report_type's Context.runs_among),
    whose gate words rule out the hyphenated words and phrases that cannot stand in it."""
    scores: dict[ReportType, int] = {"security_incident": 0, "service_outage": 0}
    # Only the evidence words the text may hold are searched (most are not in it; walking the
    # whole table to test each cost a few us per parse, the whole of it on a short report).
    # The scores are sums, so the order the words are taken in changes nothing.
    present: frozenset[bytes] = frozenset()  # the gate words that are runs
    if gated:
        assert isinstance(runs, frozenset)
        words, phrases, present = _gated_words(text, runs), _GATED_PHRASES, runs
    else:
        words, phrases = _whole_words(text, runs), _UNGATED_PHRASES
    for word in words:
        found = _TYPE_WORD_WEIGHTS.get(word)
        if found is None:  # not an evidence word (a caller's wider set of words)
            continue
        side, weight = found
        starts = _word_starts(text, word.decode())
        if side == "security_incident":
            scores[side] += weight * sum(not _negated(text, at, side) for at in starts)
        else:  # _negated is False for the outage's words: each place counts, untested
            scores[side] += weight * sum(1 for _ in starts)
    for opener, pattern, side, weight, gate in phrases:
        if gate is not None and gate.isdisjoint(present):
            continue  # spares the substring test (a pass over the text) of an opener
        # Most openers are not in the text: a substring search spares the regex pass. Every
        # match opens with the opener (no look-behind), so none starts before its first place,
        # where the regex pass starts (the text before it is not read twice).
        first = text.find(opener)
        if first < 0:
            continue
        for match in pattern.finditer(text, first):
            if not _negated(text, match.start(), side):
                scores[side] += weight
    return scores


# The evidence words, and those of them that hold a hyphen (a split at hyphens cannot show them).
_TYPE_WORD_BYTES = frozenset(word for word, _, _ in _TYPE_WORD_LIST)
# (with their text: an ASCII word is in the text iff its bytes are in the text's UTF-8, whose
# characters beyond ASCII are bytes beyond it, so the text is searched without encoding it)
_HYPHENATED_WORDS = tuple((word, word.decode()) for word in _TYPE_WORD_BYTES if b"-" in word)


def _whole_words(text: str, runs: Iterable[bytes] | None = None) -> frozenset[bytes]:
    """The evidence words that _word_starts may find in text, a superset of those it finds (it
    checks each one given here, so an extra word changes nothing): those that are runs of
    letters and digits of the text, from one split, and the hyphenated ones the text holds
    somewhere. A word _word_starts finds stands between non-word characters and hyphens, so it
    is such a run when it holds no hyphen. One split answers for every evidence word where a
    substring search per word read the whole text; splitting at hyphens too spares the pass
    that stripped them off the runs' starts, and keeping only the evidence words spares a set
    of every word of the text (together half the cost)."""
    found = _TYPE_WORD_BYTES.intersection(letter_runs(text) if runs is None else runs)
    return found.union(word for word, needle in _HYPHENATED_WORDS if needle in text)


# Gate words, each a whole run of letters and digits of every text where a match can stand
# (checked among the runs report_type finds anyway, where each substring test read the whole
# text, ~2-5 us). A hyphenated word that _word_starts finds is followed by no word character
# or hyphen and its last part follows a hyphen: that part is a run. In 'rather than ...' the
# blanks bound 'than'; in 'service (...)\b' a blank and \b (a character that ends a \w run ends
# a run of [a-z0-9] too) bound the second word (tests/test_doc_perf27_type.py).
_HYPHEN_GATES = tuple((word, needle, word.rsplit(b"-", 1)[1]) for word, needle in _HYPHENATED_WORDS)
assert all(gate for _, _, gate in _HYPHEN_GATES)
_PHRASE_GATES: dict[str, frozenset[bytes]] = {
    r"rather than (?:a )?malicious": frozenset({b"than"}),
    r"service (?:availability|degradation|disruption)\b": frozenset(
        {b"availability", b"degradation", b"disruption"}
    ),
}
_GATED_PHRASES = tuple(
    (opener, pattern, side, weight, _PHRASE_GATES.get(pattern.pattern))
    for opener, pattern, side, weight in _TYPE_PHRASES
)
assert sum(gate is not None for *_, gate in _GATED_PHRASES) == len(_PHRASE_GATES)
_UNGATED_PHRASES = tuple((*phrase, None) for phrase in _TYPE_PHRASES)
# The words report_type looks up among the text's runs: the evidence words and the gate words.
_TYPE_RUN_WORDS = _TYPE_WORD_BYTES.union(
    (gate for _, _, gate in _HYPHEN_GATES), *_PHRASE_GATES.values()
)


# The words status's last resort and report_type look up among the whole text's runs: where
# both do, one pass over the runs finds both sets' (Context.runs_among).
_DOCUMENT_WORDS = _TYPE_RUN_WORDS | _STATUS_WORDS


def _gated_words(text: str, runs: frozenset[bytes]) -> frozenset[bytes]:
    """_whole_words(text) less the hyphenated words whose last part is no run (runs: the words
    of _TYPE_RUN_WORDS that are runs of text): _word_starts finds none of those."""
    found = _TYPE_WORD_BYTES.intersection(runs)
    return found.union(
        word for word, needle, gate in _HYPHEN_GATES if gate in runs and needle in text
    )


def _word_starts(text: str, word: str) -> Iterator[int]:
    """Offsets where word stands as a whole _WORD match, as _WORD.finditer would find it: not
    running on into more word characters, and first in its run of word characters and hyphens
    (a hyphen run before it belongs to no word unless a letter or digit leads it)."""
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if end == len(text) or text[end] not in _WORD_CHARS:
            before = at - 1
            while before >= 0 and text[before] == "-":
                before -= 1
            if before < 0 or text[before] not in _WORD_CHARS:
                yield at
        at = text.find(word, at + 1)


def _negated(text: str, start: int, side: ReportType) -> bool:
    """Security wording under a negation ('no malicious activity') is not evidence."""
    return side == "security_incident" and bool(_NEGATED.search(text[max(0, start - 60) : start]))


def status(ctx: Context) -> Status:
    """Ongoing or resolved from explicit wording, most authoritative source first: a Status
    field, the summary, the details, the latest timeline event that says, the whole text."""
    for text in _status_sources(ctx.draft):
        # An empty text (no summary, no details) holds no word: its verdict is "unknown"
        # without reading it (a lower and a split for nothing, in every parse that lacks one).
        if text:
            verdict = _status_in(*ctx.read(text))  # an event's text is read for metrics' too
            if verdict != "unknown":
                return verdict
    return _status_in(ctx.lowered, ctx.runs_among(_DOCUMENT_WORDS))


def _status_sources(draft: Draft) -> Iterator[str]:
    """The texts status() reads, in its order: each Status or State field's value, the
    summary, the details' values joined, the timeline's events latest first. Given one at a
    time, so that a verdict found early spares joining the details and listing the events."""
    details = draft.details
    for item in (*draft.metadata, *(details.fields if details else ())):
        if item.label.strip().lower() in ("status", "state"):
            yield item.value
    yield draft.summary or ""
    yield " ".join(f.value for f in details.fields) if details else ""
    for event in reversed(draft.timeline):
        yield event.text


def _status_in(lowered: str, runs: Iterable[bytes] | None = None) -> Status:
    """The verdict of the first status pattern found in a lower-cased text; runs is
    letter_runs(lowered) when the caller has it already."""
    if runs is None:
        runs = letter_runs(lowered)
    # Most timeline rows hold no rule's first word: _STATUS_RUNS (of _STATUS_WORDS) is disjoint
    # from the runs iff from those of them that are _STATUS_WORDS, told without building that
    # set (a hash and an insertion per run).
    if _STATUS_RUNS.isdisjoint(runs):
        return "unknown"
    present = _STATUS_WORDS.intersection(runs)
    for rule in _STATUS:
        # most rules are ruled out by the words: no set is built for them
        if rule.runs.isdisjoint(present) or any(map(present.isdisjoint, rule.also)):
            continue
        if _found(rule, lowered, [word.decode() for word in rule.runs.intersection(present)]):
            return rule.verdict
    return "unknown"


def _found(rule: _StatusRule, lowered: str, words: Iterable[str]) -> bool:
    """Whether the rule's pattern matches, given which of its words the text holds: a match
    starts on a line holding one of them, so only those lines are searched (searching from a
    line start and stopping at the line's end reads the same boundaries as the whole text: a
    line break is no word character); a pattern that may cross lines opens with one of them, so
    it is tried at their places (match at an offset sees the text before it, as search does).
    A one-line rule of bounded matches (all of them but the last) is searched near its words
    only (_found_near)."""
    if rule.width is not None:
        return _found_near(rule.pattern, rule.width, lowered, words)
    if "\n" not in lowered:
        return rule.pattern.search(lowered) is not None
    if not rule.one_line:
        match = rule.pattern.match
        return any(match(lowered, at) for at in sorted(_occurrences(lowered, words)))
    starts = sorted({lowered.rfind("\n", 0, at) + 1 for at in _occurrences(lowered, words)})
    for start in starts:
        end = lowered.find("\n", start)
        if rule.pattern.search(lowered, start, len(lowered) if end < 0 else end):
            return True
    return False


def _found_near(pattern: re.Pattern[str], width: int, lowered: str, words: Iterable[str]) -> bool:
    r"""Whether a one-line pattern whose matches are at most width long matches in lowered,
    given which of its words lowered holds: searched only within width of each place of them,
    where a search over their whole lines read paragraphs of a thousand characters each (~10
    us a rule on the reports that come to the last resort). A match holds one of the words
    (at some place at), so it starts on at's line at or after at - width and ends by
    at + width. The search runs from there (search at an offset sees the text before it, as
    over the line: its \b reads the same characters) up to the first character at or past
    at + width that no \b can join to the match (a non-word character or the line's end), so
    the end the search sees is read as the line's own: a match found there is one of the line,
    and the match holding at is found there."""
    for at in _occurrences(lowered, words):
        start = max(lowered.rfind("\n", 0, at) + 1, at - width)
        line_end = lowered.find("\n", at)
        if line_end < 0:
            line_end = len(lowered)
        end = at + width
        if end >= line_end:
            end = line_end
        else:
            while end < line_end and _is_word(lowered[end]):
                end += 1
        if pattern.search(lowered, start, end):
            return True
    return False


def _is_word(char: str) -> bool:
    r"""Whether re reads char as a word character (\w in a str pattern)."""
    return char.isalnum() or char == "_"


def _occurrences(text: str, words: Iterable[str]) -> Iterator[int]:
    """Offsets of every occurrence of the words in text."""
    for word in words:
        at = text.find(word)
        while at >= 0:
            yield at
            at = text.find(word, at + 1)


def finish(report_type: ReportType, indicators: Iterable[Indicator], ctx: Context) -> None:
    """Diagnostics that need the whole report: live network indicators in security reports.

    Only indicators listed as indicators count: reports cite benign live links (advisories,
    commits) everywhere else, and those are references, not a click risk.
    """
    if report_type != "security_incident":
        return
    for item in indicators:
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
