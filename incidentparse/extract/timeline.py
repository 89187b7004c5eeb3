"""Timeline extractor: a timeline View (its phase or timestamp sub-headings included) to
TimelineEvents in document order.

Rows are collected first, each with the stamp text it was written with ("April 1", "[23:55]",
a `### 12:49 PM` heading, a table's Time cell); then the whole view's stamps are resolved in
one ``dates.resolve_sequence`` call, so a date carries from a day heading or a dated row to the
time-only rows after it, midnight rolls over, and the zone declared once for the timeline
("All times in UTC.", "Timeline (times in BST)") applies to every row.

Entry rules: a bold label with no value (`**Response:**`) opens a group that the following
sibling bullets belong to (the seed's implied grouping); a bold phase label starts its own
event; a phase sub-heading whose entries are all plain fields (Date/Time, Vector, Details) is
one event carrying them; blockquotes under a timestamp heading are quoted material, not events.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, fields

from ..answers import classify
from ..dates import find_timespans, resolve_sequence
from ..dates.leading import leading_stamp, opens_with_plain_word, shaped_stamp
from ..dates.scan import expression_candidates
from ..models import Field, TimelineEvent, TimeSpan, assembled
from ..sections import Part, View
from ..tokens import Node
from .context import Context, declared_zone
from .fields import label_key
from .readers import Entry, entries, table_rows

# Phase names (label_key form) -> canonical phase. One row per spelling.
PHASES: dict[str, str] = {
    "reconnaissance": "reconnaissance",
    "initial access": "initial_access",
    "execution": "execution",
    "persistence": "persistence",
    "privilege escalation": "privilege_escalation",
    "defense evasion": "defense_evasion",
    "credential access": "credential_access",
    "discovery": "discovery",
    "lateral movement": "lateral_movement",
    "collection": "collection",
    "command and control": "command_and_control",
    "exfiltration": "exfiltration",
    "data exfiltration": "exfiltration",
    "data exfiltration and impact": "impact",
    "impact": "impact",
    "detection": "detection",
    "detection and response": "detection",
    "detection and analysis": "detection",
    "identification": "detection",
    "response": "response",
    "containment": "containment",
    "eradication": "eradication",
    "recovery": "recovery",
    "resolution": "recovery",
    "mitigation": "response",
    "post incident": "post_incident",
    "post incident activity": "post_incident",
}
# Labels inside a phase block that describe the event rather than start a new one.
EVENT_FIELD_LABELS: frozenset[str] = frozenset(
    {"date and time", "date", "time", "when", "timestamp", "vector", "details", "description",
     "source", "actor", "who", "evidence", "tools", "method", "technique", "notes", "note"}
)  # fmt: skip
_WHEN_LABELS = frozenset({"date and time", "date", "time", "when", "timestamp"})
# What may stand before a leading stamp ('[', '**', '~') and between it and the text.
_STAMP_OPEN = re.compile(r"^[\[(*_~\s]{0,3}")
# (match() anchors both at the position it is given: no '^', so the separator is matched in the
# row's text where the stamp ends, without a copy of the rest.)
_STAMP_SEPARATOR = re.compile(r"[\])*_\s]*(?:[:\-–—|,]+\s*)?")
MAX_STAMP_START = 3


def phase_of(label: str | None) -> str | None:
    if not label:
        return None
    # A label opening with an ASCII digit (a table's Time cell '2022-03-18 08:37', a '1:06 PM'
    # heading) names no phase: label_key keeps that digit first, and no PHASES key holds a digit
    # (tests/test_timeline_perf22.py). label_key cost ~2 us a table row.
    if "0" <= label[0] <= "9":
        return None
    return PHASES.get(label_key(label))


@dataclass
class _Row:
    """An event (or a day heading that only anchors its rows) waiting for its stamp."""

    line: int
    stamp: str = ""  # the text its time was written with; '' when undated
    text: str = ""  # the event text when the stamp reads as a date
    fallback: str = ""  # the event text when it does not (the whole entry)
    label: str | None = None
    phase: str | None = None
    fields: tuple[Field, ...] = ()
    answer_text: str = ""
    emit: bool = True
    when: TimeSpan | None = None


@dataclass
class _Group:
    """The label and phase a run of sibling entries belongs to."""

    label: str | None
    phase: str | None
    rows: list[_Row] = field(default_factory=list)


def extract_timeline(view: View, ctx: Context) -> None:
    rows: list[_Row] = []
    told: dict[str, str | None] = {}  # _declared_once's answers, for this timeline only
    zone = _zone(view, ctx, told)
    for part in view.parts:
        rows.extend(_part_rows(part, part is view.root, ctx, zone, told))
    _resolve(rows, zone, ctx)
    for row in rows:
        if row.emit:
            ctx.draft.timeline.append(_event(row))


def _zone(view: View, ctx: Context, told: dict[str, str | None] | None = None) -> str:
    """The zone declared for this timeline: heading qualifier, a note in it, or the document.
    told: _declared_once's answers, shared with the timeline's entry rows."""
    for qualifier in view.root.section.qualifiers:
        zone = declared_zone(f"({qualifier})")
        if zone:
            return zone
    for node in view.nodes():
        if node.kind in ("paragraph", "blockquote"):
            # a node without children (a paragraph, always) is its own walk: its text, or ""
            # as the join of nothing, without the walk's generators and the join
            text = node.text
            if node.children:
                text = " ".join(n.text for n in node.walk() if n.text)
            zone = _declared_in(text) if told is None else _declared_once(text, told)
            if zone:
                return zone
    return ctx.default_zone


def _declared_in(text: str) -> str | None:
    """declared_zone(text), told at once for most paragraphs: every declaration holds the word
    'time' (zones._DECLARATION: 'times?|timestamps?'), and in an ASCII text only the ASCII
    letters match those under re.IGNORECASE; so an ASCII text without 'time' in its lower-cased
    form declares none. zone_declaration's own tests (CASE_UNSAFE characters, a lower-cased
    copy, a search for 'time') cost ~1.5 us a paragraph, twice for a report told in prose
    (tests/test_timeline_perf23.py compares with declared_zone)."""
    if text.isascii() and "time" not in text.lower():
        return None
    return declared_zone(text)


def _declared_once(text: str, told: dict[str, str | None]) -> str | None:
    """_declared_in(text), asked of zone_declaration once per text of a timeline: the note that
    gives the timeline's zone ('All times in UTC.') is asked again as a row (_entry_rows), and
    declared_zone cost ~10 us a note. _declared_in is a function of the text alone, so its
    answer kept for this one timeline is its answer (tests/test_timeline_perf29_zone.py). The
    texts it tells at once are not kept (a look-up would hash each row's text)."""
    if text.isascii() and "time" not in text.lower():
        return None
    if text not in told:
        told[text] = _declared_in(text)
    return told[text]


def _resolve(rows: list[_Row], zone: str, ctx: Context) -> None:
    if not rows:
        return
    spans = resolve_sequence(
        [row.stamp for row in rows],
        reference_date=ctx.reference_date,
        context_year=ctx.context_year(rows[0].line),
        default_zone=zone,
        dayfirst=ctx.dayfirst,
    )
    for row, span in zip(rows, spans, strict=True):
        if not row.stamp:
            continue  # undated, or read in its paragraph's context already (narrative)
        row.when = span
        if span is None:
            row.text = row.fallback


def _part_rows(
    part: Part, is_root: bool, ctx: Context, zone: str, told: dict[str, str | None]
) -> list[_Row]:
    heading = None if is_root else part.section.heading
    # each node's entries, read once: a T4 heading's event text takes its lists' entries again
    # (entries builds a new list on every call: no copy of it is needed)
    read = [(n, entries([n])) for n in part.nodes if n.kind not in ("table", "blockquote")]
    found = [e for _, node_entries in read for e in node_entries]
    stamp = _leading_stamp(heading, ctx) if heading else None
    if heading and stamp is not None:
        # any() of the entries' stamps, as a loop: a generator's frame per entry spared
        for entry in found:
            if _leading_stamp(entry.text, ctx):
                break
        else:
            return [_heading_event(part, heading, stamp, read)]  # T4: one heading per timestamp
    rows: list[_Row] = []
    if heading and stamp is not None:  # T5: a day heading anchoring its time bullets
        rows.append(_Row(part.section.line_start, stamp=stamp[0], emit=False))
        heading = None
    group = _Group(heading, phase_of(heading))
    if heading and found and all(_is_event_field(e) for e in found):
        rows.append(_phase_block(found, group, ctx))
    else:
        rows.extend(_entry_rows(found, group, heading, ctx, zone, told))
    for node in part.nodes:
        if node.kind == "table":
            rows.extend(_table_rows(node, group))
    return rows


def _entry_rows(
    found: list[Entry],
    group: _Group,
    heading: str | None,
    ctx: Context,
    zone: str,
    told: dict[str, str | None],
) -> list[_Row]:
    """Rows of a part's entries. A zone line ("All times in UTC.", "2024-03-05 (all times
    UTC)") and a `**Date/Time:**` field are not events: the first gives the zone (and maybe a
    date), the second dates the undated rows after it in the same part."""
    rows: list[_Row] = []
    dated_by = ""
    parent: tuple[_Row, int] | None = None  # the last event row and its list depth
    for entry in found:
        if parent is not None and _continues(entry, parent[1], ctx):
            parent[0].text = f"{parent[0].text} {entry.text}"
            continue
        if entry.label and label_key(entry.label) in _WHEN_LABELS:
            answer = classify(entry.value)
            dated_by = entry.value if answer.applicable and answer.known else ""
            continue
        # (_declared_in: told at once for a text without 'time'; as truthy as zone_declaration,
        # which it gives, "UTC" as "UTC+00:00"; asked once per text, _zone's note among them)
        if entry.depth == 0 and _declared_once(entry.text, told):
            stamp = _leading_stamp(entry.text, ctx)
            if stamp is not None:
                rows.append(_Row(entry.line, stamp=stamp[0], emit=False))
            continue
        group = _entry_row(entry, group, heading, ctx, zone)
        for row in group.rows:
            if dated_by and row.emit and not row.stamp and row.when is None:
                row.stamp = dated_by
            if row.emit:
                parent = (row, entry.depth)
        rows.extend(group.rows)
        group.rows = []
    return rows


def _continues(entry: Entry, parent_depth: int, ctx: Context) -> bool:
    """An undated, unlabelled sub-bullet continues the event above it."""
    if entry.depth <= parent_depth or entry.label:
        return False
    return _leading_stamp(entry.text, ctx) is None


def _leading_stamp(text: str | None, ctx: Context) -> tuple[str, str] | None:
    """(stamp, rest) when text opens with a date or time expression."""
    if not text:
        return None
    # Memoised per parse: a row's text is asked about more than once (the heading-per-timestamp
    # test, the row itself, sub-bullet continuation).
    if text not in ctx.stamps:
        ctx.stamps[text] = _stamp_of(text, ctx.reference_date)
    return ctx.stamps[text]


def _stamp_of(text: str, reference_date: dt.date) -> tuple[str, str] | None:
    # A dated row or a heading's clock ('2018-08-22, 03:26pm: …', '5:02 PM') opens with a
    # digit: no _STAMP_OPEN markup there, so the limit is MAX_STAMP_START, and its shapes'
    # reading at 0, when that resolves, is leading_stamp's answer at any limit and end
    # (dates.leading.shaped_stamp), read without the opener and word-run matches.
    shapeless = False
    if "0" <= text[:1] <= "9":
        shaped = shaped_stamp(text, reference_date)
        if shaped is not None and shaped is not False:
            return _split_at(text, shaped)
        shapeless = shaped is False  # the general path need not read the shapes at 0 again
    # Most rows asked open with a word (no _STAMP_OPEN markup: the limit is MAX_STAMP_START)
    # that starts no date: told by one match (dates.leading.opens_with_plain_word).
    if opens_with_plain_word(text):
        return None
    opener = _STAMP_OPEN.match(text)
    start = opener.end() if opener else 0
    limit = max(start, MAX_STAMP_START)
    # Only an expression starting by `limit` counts, and an expression starts at or after the
    # word it was tried at: the scan tries just the words starting by then (ending the range
    # where the word at `limit` ends, so that word is read whole) and stops at its first find,
    # instead of reading every date of the row (find_timespans).
    words_end = _WORD_RUN.match(text, limit + 1)
    end = words_end.end() if words_end else len(text)
    # Only where the first expression is matters here: its TimeSpan is not built
    # (resolve_sequence reads the stamp with the timeline's own options, handed the expression
    # found here when that reading gives it too: a Stamp).
    found = leading_stamp(text, reference_date, limit, end, shapeless)
    return None if found is None else _split_at(text, found)


def _split_at(text: str, stamp: str) -> tuple[str, str]:
    """(stamp, the row's text after it and its separator)."""
    # A stamp that is the whole text (a `### 12:49 PM` heading, every 2i2c timeline's): no
    # text after it, told without the separator's match at the end (which matches there,
    # empty) and the slice and strip of '' (tests/test_timeline_perf31_split.py).
    if len(stamp) == len(text):  # the stamp is a prefix of the text (text[: expr.end])
        return stamp, ""
    separator = _STAMP_SEPARATOR.match(text, len(stamp))  # it matches everywhere (maybe empty)
    return stamp, text[separator.end() if separator else len(stamp) :].strip()


_WORD_RUN = re.compile(r"\w*")


def _heading_event(
    part: Part, heading: str, stamp: tuple[str, str], read: list[tuple[Node, list[Entry]]]
) -> _Row:
    """A timestamp heading and the prose under it (quoted material left out). ``read``: the
    part's nodes with their entries (tables and blockquotes left out)."""
    prose = [n.text for n in part.nodes if n.kind == "paragraph"]
    items = [e.text for n, node_entries in read if n.kind == "list" for e in node_entries]
    text = " ".join([stamp[1], *prose, *items]).strip()
    # by position (_Row's line, stamp, text, fallback): keywords cost the generated __init__ a
    # match per name, once per heading of a 2i2c timeline
    return _Row(part.section.line_start, stamp[0], text, heading)


def _is_event_field(entry: Entry) -> bool:
    return entry.label is not None and label_key(entry.label) in EVENT_FIELD_LABELS


def _phase_block(found: list[Entry], group: _Group, ctx: Context) -> _Row:
    """A phase heading whose entries are all fields: one event carrying them."""
    items = [entry.field() for entry in found]
    stamp = ""
    for item in items:
        ctx.note_answer(item)
        if label_key(item.label) in _WHEN_LABELS and not stamp and item.applicable and item.known:
            stamp = item.value
    details = next((f.value for f in items if label_key(f.label) in ("details", "description")), "")
    described = [f for f in items if label_key(f.label) not in _WHEN_LABELS]
    text = details or "; ".join(f"{f.label}: {f.value}" for f in described or items)
    return _Row(
        found[0].line,
        stamp=stamp,
        text=text,
        fallback=text,
        label=group.label,
        phase=group.phase,
        fields=tuple(items),
        answer_text=text,
    )


def _entry_row(entry: Entry, group: _Group, heading: str | None, ctx: Context, zone: str) -> _Group:
    """Turn one entry into a row (or a group header); return the group for what follows."""
    if entry.label and entry.bold and not entry.value:
        return _Group(entry.label, phase_of(entry.label) or group.phase)
    if entry.label and entry.bold and phase_of(entry.label):
        stamp = _leading_stamp(entry.value, ctx)  # '**Detection:** October 16, 2025: …'
        row = _stamped(
            entry.line, stamp, entry.value, entry.label, phase_of(entry.label), (), entry.value
        )  # fmt: skip
        return _Group(heading, phase_of(heading), [row])
    prose = entry.depth == 0 and not entry.label
    stamp = _leading_stamp(entry.text, ctx)
    # A stamped paragraph keeps its narrative rows only when there are several; where they
    # cannot be several, they are not read (the paragraph's every date, resolved).
    worth = prose and (stamp is None or not _one_dated_sentence(entry.text))
    narrative = _narrative_rows([entry], group, ctx, zone) if worth else []
    if len(narrative) > 1:  # prose with several dated sentences (T8)
        return _Group(group.label, group.phase, narrative)
    if stamp is not None and not stamp[1]:  # a bare '2023' or '2023-11-27' line: context only
        return _Group(group.label, group.phase, [_Row(entry.line, stamp=stamp[0], emit=False)])
    if stamp is None and narrative:  # one dated sentence somewhere in a paragraph
        return _Group(group.label, group.phase, narrative)
    # The row keeps its entry as a field only for a plain (not bold) label on an unstamped row
    # whose text is an answer: classify (a function of the text alone) is asked only then.
    keep_field = (
        entry.label is not None
        and not entry.bold
        and not stamp
        and classify(entry.text if entry.label else entry.value).applicable
    )
    row = _stamped(
        entry.line,
        stamp,
        entry.text,
        group.label,
        group.phase,
        (entry.field(),) if keep_field else (),
        entry.text if entry.label and not entry.bold else entry.value,
    )
    return _Group(group.label, group.phase, [row])


# A sentence ends at '.', '!' or '?' and blanks before a capital, digit, quote or '('; the match
# is the blanks. Written with the mark inside the match and the blanks as group 1: a pattern
# opening with a look-behind ran the whole engine at every character (~20 us a paragraph).
_SENTENCE_END = re.compile(r"[.!?](\s+)(?=[A-Z0-9\"'(])")


def _sentence_ends(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of the blanks between sentences, in order."""
    for match in _SENTENCE_END.finditer(text):
        yield match.span(1)


def _one_dated_sentence(text: str) -> bool:
    """True when at most one of text's sentences can hold a date: no word past the first
    sentence's end can open an expression. A sentence's event needs a span that begins in it,
    and a span begins at or after the word the scanner read it at, past only prefix words (a
    slot word like 'at', or 'from'), never past a sentence's end; so with no such word past the
    first sentence, every span begins in the first, and _narrative_rows gives at most one row.
    The words are the scanner's own (dates.scan.expression_candidates: candidates() where a
    digit or grammar.START_LOWER opens an expression, every candidate where lower-casing would
    move offsets or a CASE_UNSAFE character is in the text). Its first one is found by one
    regex search, where a grammar.START_LOWER match per candidate word cost ~10 us a paragraph
    (tests/test_timeline_perf22.py compares with that loop)."""
    first = _SENTENCE_END.search(text)
    if first is None:
        return True
    return next(expression_candidates(text, first.start(1), None), None) is None


def _narrative_rows(paragraphs: list[Entry], group: _Group, ctx: Context, zone: str) -> list[_Row]:
    """T8: in prose, every sentence with a date or time is an event. Spans are read over the
    paragraphs joined, so "Twelve minutes later" hangs off the sentence before it; a sentence
    with a day and a time ("The next morning, at 09:10 UTC") takes its finest span."""
    text, starts = _join(paragraphs)
    spans = find_timespans(
        text,
        reference_date=ctx.reference_date,
        context_year=ctx.context_year(paragraphs[0].line),
        default_zone=zone,
        dayfirst=ctx.dayfirst,
    )
    # A row is made only for a sentence a span starts in: with no span, no row and no walk of
    # the sentences; and the walk stops at the sentence holding the last span's start, past
    # which every sentence's `inside` would be empty (cloudflare's summary: ten sentences, its
    # one span in the first). The sentence ends are those _sentence_ends gives, read lazily.
    located = [s for s in spans if s.char_start is not None]
    if not located:
        return []
    last = max(s.char_start for s in located if s.char_start is not None)
    rows: list[_Row] = []
    start = 0
    ends = _SENTENCE_END.finditer(text)
    while start <= last:
        match = next(ends, None)
        end = match.start(1) if match else len(text)
        inside = [s for s in located if s.char_start is not None and start <= s.char_start < end]
        if inside:
            sentence = text[start:end].strip()
            line = paragraphs[bisect.bisect_right(starts, start) - 1].line
            when = _as_moment(max(inside, key=lambda s: GRAIN_ORDER.index(s.grain or "year")))
            rows.append(  # by position, as _stamped builds a row (no stamp: read here)
                _Row(line, "", sentence, sentence, group.label, group.phase, (), sentence,
                     True, when)
            )  # fmt: skip
        if match is None:
            break
        start = match.end(1)
    return rows


# Grains from coarsest to finest: a sentence's event takes its finest span.
GRAIN_ORDER: tuple[str, ...] = (
    "year", "half", "quarter", "month", "part_of_month", "week", "day", "hour", "minute", "second",
)  # fmt: skip


def _as_moment(span: TimeSpan) -> TimeSpan:
    """In a narrative, "back to normal by 16:30 UTC" happened at 16:30: a deadline span (C13)
    is read as the moment it names."""
    if span.text.lower().startswith("by ") and span.end is not None:
        return span.model_copy(update={"start": span.end})
    return span


def _join(paragraphs: list[Entry]) -> tuple[str, list[int]]:
    """The paragraphs' text joined by spaces, and where each one starts."""
    starts, parts, offset = [], [], 0
    for paragraph in paragraphs:
        starts.append(offset)
        parts.append(paragraph.text)
        offset += len(paragraph.text) + 1
    return " ".join(parts), starts


def extract_narrative(view: View, ctx: Context) -> None:
    """A report with no timeline section tells its story in prose ('What happened'): its dated
    sentences are the timeline (T8)."""
    paragraphs = [e for e in ctx.view_entries(view) if e.depth == 0 and not e.label]
    if paragraphs:
        group = _Group(None, None)
        for row in _narrative_rows(paragraphs, group, ctx, _zone(view, ctx)):
            ctx.draft.timeline.append(_event(row))


# _stamped, _heading_event, _table_rows and _narrative_rows build a _Row by position, in this
# order of its fields (keywords cost its generated __init__ a match per name, once per row).
_ROW_ORDER = (
    "line", "stamp", "text", "fallback", "label", "phase", "fields", "answer_text", "emit", "when",
)  # fmt: skip
assert tuple(f.name for f in fields(_Row)) == _ROW_ORDER


def _stamped(
    line: int,
    stamp: tuple[str, str] | None,
    text: str,
    label: str | None,
    phase: str | None,
    fields: tuple[Field, ...],
    answer_text: str,
) -> _Row:
    """A row dated by its leading stamp when it has one; else the text as written. Its values
    by position, _Row's first eight fields in their order: a row's keywords, packed into a
    dict here and matched to their parameters by the generated __init__, cost more than the
    row's other steps."""
    if stamp:
        return _Row(line, stamp[0], stamp[1], text, label, phase, fields, answer_text)
    return _Row(line, "", text, text, label, phase, fields, answer_text)


def _table_rows(node: Node, group: _Group) -> list[_Row]:
    rows = []
    for row in table_rows(node):
        stamp = row.roles.get("time") or row.roles.get("date") or row.cells[0]
        body = row.roles.get("event") or (row.cells[1] if len(row.cells) > 1 else stamp)
        others = tuple(
            Field(label=f"column {n + 1}", value=c.text, line=row.line)
            for n, c in enumerate(row.cells)
            if c is not stamp and c is not body and c.text
        )
        phase = phase_of(stamp.text)  # a Time cell holding a phase name labels its row
        rows.append(
            _Row(  # by position, as _stamped builds a row: line, stamp, text, fallback, …
                row.line,
                stamp.text,
                body.text,
                body.text,
                (stamp.text if phase else None) or group.label,
                phase or group.phase,
                others,
                body.text,
            )
        )
    return rows


def phase_label(text: str) -> str | None:
    """A Time cell that holds a phase name ('Containment') is the row's label."""
    return text if phase_of(text) else None


def _event(row: _Row) -> TimelineEvent:
    answer = classify(row.answer_text or row.text)
    return _new_event(
        {
            "when": row.when,
            "phase": row.phase,
            "label": row.label,
            "text": row.text,
            "applicable": answer.applicable,
            "reason": answer.reason,
            "fields": row.fields,
            "line": row.line,
        }
    )


def _new_event(values: dict[str, object]) -> TimelineEvent:
    """TimelineEvent(**values) for _event's values (every field, in the model's order), not
    validated (models.assembled): a TimeSpan or None, str or None phase, label and reason, a
    str text, a bool, a tuple of Fields, an int line. Every field is given, so the fields set
    is the model's every name: assembled copies it from the frozenset _EVENT_FIELDS (its table
    whole), where it built it from the dict's names one by one (once per event)."""
    return assembled(TimelineEvent, values, _EVENT_FIELDS)


_EVENT_FIELDS = frozenset(TimelineEvent.model_fields)
