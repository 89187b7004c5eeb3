"""Derived figures: the incident's occurred/detected/contained/resolved anchors, read from the
details, header metadata or timeline wording, the durations between them, and the durations
the report states. Runs after the section extractors, on the Draft.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from typing import TypeVar

from ..dates import parse_duration
from ..models import (
    Anchor,
    Duration,
    Field,
    Metrics,
    Model,
    StatedDuration,
    Status,
    TimelineEvent,
    TimeSpan,
    assembled,
)
from .context import Context, Draft, lowered_and_runs
from .document import _found_near
from .fields import label_key

_M = TypeVar("_M", bound=Model)

# Timeline wording that marks each anchor (lower case). One row per anchor.
ANCHOR_CUES: dict[str, str] = {
    "occurred": r"(?:outage|incident) (?:begins|began|started)|start of (?:the )?outage|"
    r"impact (?:started|began)|began failing",
    "detected": r"detected|noticed|alert(?:ed|s? fired)|reported|became aware|"
    r"incident declared|declared an incident|paged|first noticed",
    "contained": r"mitigated|contained|workaround|containment|outage mitigated",
    "resolved": r"resolved|restored|recovered|back to normal|fully operational|"
    r"verified operational|incident closed|outage ends|end of (?:the )?outage",
}
_CUES = {name: re.compile(rf"\b(?:{cue})\b") for name, cue in ANCHOR_CUES.items()}
# Words one of which every match of the anchor's cue holds as a whole run of letters and digits
# (each cue is bounded by \b, and a character that ends a \w run ends a run of [a-z0-9] too).
# An event's runs come from one split of its text, where a substring search per cue word read
# it twenty times (tests/test_extract_perf.py, tests/test_doc_perf9.py).
CUE_RUNS: dict[str, frozenset[bytes]] = {
    "occurred": frozenset({b"began", b"begins", b"started", b"start"}),
    "detected": frozenset({b"detected", b"noticed", b"alert", b"alerted", b"alerts", b"reported",
                           b"aware", b"declared", b"paged"}),
    "contained": frozenset({b"mitigated", b"contained", b"containment", b"workaround"}),
    "resolved": frozenset({b"resolved", b"restored", b"recovered", b"normal", b"operational",
                           b"closed", b"ends", b"end"}),
}  # fmt: skip
_ANY_CUE_RUN = frozenset().union(*CUE_RUNS.values())
# A cue of literal words, spaces and groups ('(?:', ')', '?', '|': no class, escape or repeat)
# matches at most as many characters as its longest top-level branch's source holds, and one
# line only. On a long event text its search (an alternation tried at every character, ~20 us
# over 500 characters) is run near the places of its words only (document._found_near: every
# match holds one of them, within that width).
assert not any(re.search(r"[\\\[.*+{]", cue) for cue in ANCHOR_CUES.values())


def _widest(cue: str) -> int:
    """Length of the longest top-level branch of a cue's source (see above)."""
    depth = longest = start = 0
    for at, char in enumerate(cue + "|"):
        depth += (char == "(") - (char == ")")
        if char == "|" and depth == 0:
            longest, start = max(longest, at - start), at + 1
    return longest


_CUE_WIDTHS = {name: _widest(cue) for name, cue in ANCHOR_CUES.items()}
_CUE_WORDS = {name: {word: word.decode() for word in words} for name, words in CUE_RUNS.items()}
# For each choice of anchors (in ANCHOR_CUES's order) derive may look for: the name, cue and
# cue words of each, the cue words of them all (an event holding none of them, and no phase,
# marks none of them), and whether resolved (the last event's) is not among them. Built once
# here, where a walk built its own rows.
_WANTED_CUES: dict[
    tuple[str, ...],
    tuple[list[tuple[str, re.Pattern[str], frozenset[bytes]]], frozenset[bytes], bool],
] = {
    wanted: (
        [(name, _CUES[name], CUE_RUNS[name]) for name in wanted],
        frozenset().union(*(CUE_RUNS[name] for name in wanted)),
        "resolved" not in wanted,
    )
    for wanted in (
        tuple(name for bit, name in enumerate(CUE_RUNS) if mask >> bit & 1)
        for mask in range(1 << len(CUE_RUNS))
    )
}
_EVERY_ANCHOR = tuple(ANCHOR_CUES)
# An event text this long or longer is searched near its cue words; a shorter one whole (a
# search over a short text costs less than finding the words' places in it).
_NEAR_FROM = 120
# Timeline phases that mark an anchor on their own.
ANCHOR_PHASES: dict[str, str] = {
    "initial_access": "occurred",
    "detection": "detected",
    "containment": "contained",
    "recovery": "resolved",
}
# Header field labels (label_key form) that state an anchor.
ANCHOR_LABELS: dict[str, str] = {
    "start": "occurred",
    "start time": "occurred",
    "incident start": "occurred",
    "detection": "detected",
    "detected": "detected",
    "detection time": "detected",
    "mitigation": "contained",
    "mitigated": "contained",
    "end": "resolved",
    "end time": "resolved",
    "resolution": "resolved",
    "resolved": "resolved",
}
# Front-matter keys (lower case) that state an anchor as a machine-readable time (T10).
FRONT_MATTER_ANCHORS: dict[str, str] = {
    "start_time": "occurred",
    "started_at": "occurred",
    "start": "occurred",
    "detected_at": "detected",
    "detection_time": "detected",
    "mitigated_at": "contained",
    "end_time": "resolved",
    "resolved_at": "resolved",
    "end": "resolved",
}
# Field labels whose value is a duration worth reporting (label_key substrings).
DURATION_LABELS: tuple[str, ...] = (
    "duration", "time to", "ttd", "ttr", "ttm", "mttd", "mttr", "downtime", "exposure window",
    "report to fix", "report to full hardening",
)  # fmt: skip
# A label key holds one of DURATION_LABELS iff this alternation of them, each a literal, finds a
# match in it: one search where any() walked the eleven substring tests in a generator (~1 us a
# field, for every metadata, details, impact and metrics field of a report).
_DURATION_LABEL = re.compile("|".join(map(re.escape, DURATION_LABELS)))


def derive(draft: Draft, ctx: Context, status: Status) -> Metrics | None:
    """The Metrics of a report, or None when it states nothing about its timing. An ongoing
    incident has no resolved anchor, whatever an earlier timeline row claimed."""
    details = draft.details
    if (
        details is None
        and not draft.timeline
        and not draft.metadata
        and not draft.metric_fields
        and draft.impact is None
        and not ctx.doc.front_matter
    ):
        # Nothing below has anything to read (no anchor source, no field to state a duration):
        # None, as the walk below finds, without building its dict and generators (a report
        # of a title and prose, the fixed cost of a parse).
        return None
    # label_key of a metadata label, asked by _from_fields and again by _stated: worked out
    # once (a lower, two replaces, a regex sub and a split a label).
    keys: dict[str, str] = {}
    anchors: dict[str, Anchor | None] = {
        "occurred": _from_details(details.occurred if details else None, draft),
        "detected": _from_details(details.discovered if details else None, draft),
        "contained": None,
        "resolved": None,
    }
    for name, found in _from_front_matter(ctx).items():
        anchors[name] = anchors[name] or found
    for name, found in _from_fields(draft.metadata, ctx, keys).items():
        anchors[name] = anchors[name] or found
    # Only the anchors no earlier source gave are read from the timeline: one it found for
    # the others would be dropped here (an Anchor is never falsy). That spares their cue
    # searches and Anchor builds, and the walk's end once every first-found one is in.
    wanted = (
        _EVERY_ANCHOR
        if not any(anchors.values())
        else tuple([name for name in _CUES if anchors[name] is None])
    )
    if wanted and draft.timeline:
        for name, found in _from_timeline(draft.timeline, ctx.read, wanted).items():
            anchors[name] = found
    if status == "ongoing":
        anchors["resolved"] = None
    stated = tuple(_stated(draft, keys))
    if not stated and not any(anchors.values()):
        return None
    return _built(
        Metrics,
        **anchors,
        time_to_detect=_between(anchors["occurred"], anchors["detected"]),
        time_to_resolve=_between(anchors["detected"], anchors["resolved"]),
        total_duration=_between(anchors["occurred"], anchors["resolved"]),
        stated=stated,
    )


def _built(model: type[_M], **values: object) -> _M:
    """model(**values), every field given in the model's order, not validated
    (models.assembled): the Metrics, its Anchors and Durations and the StatedDurations are built
    once a parse each, and their validation cost about as much as working their values out
    (~15-30 us a report). Their values here are of the field types already (a TimeSpan, an
    Anchor or Duration or None, a str, an int line, a float of seconds from total_seconds(), a
    bool, a tuple of StatedDurations), which the validator hands on as they are, so the model is
    the one it builds (tests/test_timeline_perf22.py compares both on every report)."""
    return assembled(model, values, values)


def _from_span(span: TimeSpan | None, source: str, line: int) -> Anchor | None:
    if span is None or span.start is None:
        return None
    return _built(Anchor, when=span, source=source, line=line)


def _from_details(span: TimeSpan | None, draft: Draft) -> Anchor | None:
    """A details date, with the line of the field it was read from."""
    if span is None:  # no anchor: spares the walk over every details field for no line
        return None
    fields = draft.details.fields if draft.details else ()
    line = next((f.line for f in fields if span is not None and span.text in f.value), 1)
    return _from_span(span, "details", line)


def _key_of(label: str, keys: dict[str, str]) -> str:
    """label_key(label), kept in keys (one parse's, by label) for the next ask."""
    key = keys.get(label)
    if key is None:
        key = keys[label] = label_key(label)
    return key


def _from_fields(
    fields: Iterable[Field], ctx: Context, keys: dict[str, str] | None = None
) -> dict[str, Anchor]:
    found: dict[str, Anchor] = {}
    if keys is None:
        keys = {}
    for item in fields:
        name = ANCHOR_LABELS.get(_key_of(item.label, keys))
        if name is None or name in found or not item.applicable:
            continue
        span = ctx.timespan(item.value, item.line, report=False)
        anchor = _from_span(span, "metadata", item.line)
        if anchor is not None:
            found[name] = anchor
    return found


def _from_front_matter(ctx: Context) -> dict[str, Anchor]:
    found: dict[str, Anchor] = {}
    for key, value in ctx.doc.front_matter.items():
        name = FRONT_MATTER_ANCHORS.get(key.lower())
        if name is None or name in found or not isinstance(value, (str, dt.date)):
            continue
        text = value.isoformat() if isinstance(value, dt.date) else value
        anchor = _from_span(
            ctx.timespan(text, 1, report=False), "front_matter", _key_line(ctx, key)
        )
        if anchor is not None:
            found[name] = anchor
    return found


def _key_line(ctx: Context, key: str) -> int:
    """Line of a front-matter key (front matter is at the top, before front_matter_end)."""
    for number, line in enumerate(ctx.doc.lines[: ctx.doc.front_matter_end], start=1):
        if line.lstrip().startswith(key):
            return number
    return 1


def _from_timeline(
    events: Iterable[TimelineEvent],
    read: Callable[[str], tuple[str, list[bytes]]] = lowered_and_runs,
    wanted: tuple[str, ...] = _EVERY_ANCHOR,
) -> dict[str, Anchor]:
    """First dated event that marks occurred/detected/contained; the last that marks resolved:
    of the anchors named in wanted (in ANCHOR_CUES's order) only. read gives a text
    lower-cased and its runs (Context.read: status() read most events). The walk stops once
    every wanted anchor is found, unless it looks for resolved (the last event wins)."""
    found: dict[str, Anchor] = {}
    cues, any_run, first_only = _WANTED_CUES[wanted]
    for event in events:
        if first_only and len(found) == len(cues):
            break  # every wanted anchor is the first event's that marks it: none can change
        when = event.when
        if when is None or when.start is None:
            continue
        phase_name = ANCHOR_PHASES.get(event.phase or "")
        text, text_runs = read(event.text)
        # most events: nothing below can mark an anchor (isdisjoint builds no set to tell it)
        if phase_name is None and any_run.isdisjoint(text_runs):
            continue
        runs = _ANY_CUE_RUN.intersection(text_runs)
        for name, cue, words in cues:
            marks = phase_name == name or (
                not words.isdisjoint(runs) and _cue_found(name, cue, text, runs)
            )
            if marks and (name == "resolved" or name not in found):
                found[name] = _built(Anchor, when=when, source="timeline", line=event.line)
    return found


def _cue_found(name: str, cue: re.Pattern[str], text: str, runs: frozenset[bytes]) -> bool:
    """Whether cue (the anchor name's) matches in a lower-cased event text whose cue words
    are runs: a long text is searched near the places of the name's words it holds only."""
    if len(text) < _NEAR_FROM:
        return cue.search(text) is not None
    words = _CUE_WORDS[name]
    return _found_near(cue, _CUE_WIDTHS[name], text, [words[w] for w in runs if w in words])


def _between(first: Anchor | None, last: Anchor | None) -> Duration | None:
    """last − first, when both are known and last is not before first."""
    if first is None or last is None:
        return None
    start, end = _instant(first.when), _instant(last.when)
    if start is None or end is None or end < start:
        return None
    seconds = (end - start).total_seconds()
    approximate = first.when.grain not in TIME_GRAINS or last.when.grain not in TIME_GRAINS
    # Built as _built(Duration, ...) builds it, without its keyword dict and call: every field
    # is given, so the fields set is the model's (a set copied from a frozenset).
    values = {"text": _format(seconds), "seconds": seconds, "approximate": approximate}
    return assembled(Duration, values, _DURATION_FIELDS)


TIME_GRAINS = frozenset({"hour", "minute", "second"})
_DURATION_FIELDS = frozenset(Duration.model_fields)
# A day's first instant in UTC: datetime.combine(day, this) is datetime(day.year, day.month,
# day.day, tzinfo=UTC) (hour, minute, second, microsecond and fold 0), one C call where that
# read three attributes and the timezone module's utc.
_UTC_MIDNIGHT = dt.time(tzinfo=dt.timezone.utc)
_combine = dt.datetime.combine


def _instant(span: TimeSpan) -> dt.datetime | None:
    start = span.start
    if isinstance(start, dt.datetime):
        return start
    if isinstance(start, dt.date):
        return _combine(start, _UTC_MIDNIGHT)
    return None


def _format(seconds: float) -> str:
    """'1d 2h 5m' (the parts that are not 0, in that order), '0m' under a minute. Each part is
    added with the blank after it and the last blank cut, where a list of three f-strings
    (each repeated 0 or 1 times) was joined through a generator that dropped the empty ones:
    the same text (seconds is never negative: _between's end is not before its start)."""
    hours, minutes = divmod(int(seconds) // 60, 60)
    days, hours = divmod(hours, 24)
    text = f"{days}d " if days else ""
    if hours:
        text += f"{hours}h "
    if minutes:
        text += f"{minutes}m "
    return text[:-1] or "0m"


def _stated(draft: Draft, keys: dict[str, str] | None = None) -> Iterable[StatedDuration]:
    impact_fields = draft.impact.fields if draft.impact else ()
    detail_fields = draft.details.fields if draft.details else ()
    if keys is None:
        keys = {}
    for item in (*draft.metadata, *detail_fields, *impact_fields, *draft.metric_fields):
        if _DURATION_LABEL.search(_key_of(item.label, keys)) is None:
            continue
        duration = parse_duration(item.value)
        if duration is not None:
            yield _built(StatedDuration, label=item.label, duration=duration, line=item.line)
