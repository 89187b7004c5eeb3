"""What every extractor gets: the document, its outline, the diagnostics sink, the date anchors,
and the Draft it fills in (a mutable builder that becomes the frozen IncidentReport)."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field

from ..answers import classify
from ..dates import detect_dayfirst, parse_timespan
from ..dates.zones import lowered_declaration
from ..diagnostics import Sink
from ..models import (
    ActionItem,
    Details,
    Field,
    Impact,
    Indicator,
    Reference,
    Response,
    Statement,
    TacticEntry,
    TimelineEvent,
    TimeSpan,
)
from ..sections import Outline, View
from ..shared_reads import ascii_replaced, century_starts, per_parse
from ..source import SourceDocument
from .readers import Entry, entries


def _blanking(keep: str) -> bytes:
    """A bytes.translate table turning every byte but those of keep (ASCII characters) into a
    blank: split() then gives the runs of keep's characters. A byte beyond ASCII (part of a
    character beyond it in UTF-8) is none of them, so the runs are those of the text itself."""
    return bytes(b if chr(b) in keep else ord(" ") for b in range(256))


_TO_RUNS = _blanking("abcdefghijklmnopqrstuvwxyz0123456789")


def letter_runs(text: str) -> list[bytes]:
    """The runs of [a-z0-9] in a lower-cased text, from one split of it: where a text is tested
    for many words, one split and set lookups cost less than a substring search per word,
    each reading the whole text. (A lone surrogate, which a str may hold, encodes as bytes
    beyond ASCII: no such character.)"""
    return text.encode("utf-8", "surrogatepass").translate(_TO_RUNS).split()


def lowered_beyond_ascii(text: str) -> tuple[str, bytes] | None:
    """(text.lower(), the same lower-cased as ASCII bytes, each character beyond ASCII one
    '?') for a text whose every character beyond ASCII is its own lower case and that holds
    few '?' in its ASCII encoding; else None. str.lower() lower-cases each character on its
    own (the capital sigma, read in its context, is not its own lower case), an ASCII one as
    bytes.lower() does: so text.lower() is then text with its ASCII letters lower-cased, built
    here from the lower-cased bytes of the encoding shared_reads.ascii_replaced shares within
    a parse, each '?' that is not one in text given its character back. Such a text's lower()
    read each character through the Unicode tables (~8 ns a character: ~40 us on a 5,000
    character report holding one dash); each '?' here costs about what 100 characters do
    there, so a text holding more than a few, one in 256 characters, is left to str.lower()."""
    encoded = ascii_replaced(text)
    if encoded.count(b"?") > _FEW_MARKS + (len(text) >> 8):
        return None
    lowered = encoded.lower()
    plain = lowered.decode("ascii")
    pieces: list[str] = []
    start = 0
    at = lowered.find(b"?")
    while at >= 0:
        char = text[at]
        if char != "?":  # a character beyond ASCII
            if char.lower() != char:
                return None
            pieces += (plain[start:at], char)
            start = at + 1
        at = lowered.find(b"?", at + 1)
    pieces.append(plain[start:])
    return "".join(pieces), lowered


# lowered_beyond_ascii's bound on the '?' it reads: a fixed few, and one in 256 characters more.
_FEW_MARKS = 4


def lowered_and_runs(text: str) -> tuple[str, list[bytes]]:
    """The text lower-cased, and that text's letter_runs."""
    lowered = text.lower()
    return lowered, letter_runs(lowered)


# A year written out in the text; the nearest one before a value is its context year (C2).
# Every match opens with '19' or '20': the index tries the pattern only where str.find finds
# those (a regex pass over the whole report paid ~50 instructions per character). The "not
# glued on the left" test is a look-behind over the four digits, which sees the text before
# the position tried, as it does in a search.
_YEAR = re.compile(r"(?:19[7-9]|20\d)\d(?<![\w./-]\d{4})(?![\w./-]|\.\d)")
# Their offsets come from shared_reads.century_starts, which infer_reference_date's worth-lines
# filter asked for the same text before the Context was built (one pass over the report for
# both).
# C16's only evidence is a numeric date with its year last (03/04/2024, 3-4-2024): a text
# without a digit, '/' or '-', then '19' or '20' and two digits (`\d[/-](?:19|20)\d\d`) has
# none, and the detector (a findall over the report, then two named-date passes) is skipped.
# The test reads the '19'/'20' offsets the year index finds anyway instead of its own pass.
_DATE_SEPARATORS = "/-"


def declared_zone(text: str, lowered: str | None = None) -> str | None:
    """The zone a text declares ("All times in PDT"), as the date engine's default_zone. A
    declared UTC is passed as "UTC+00:00": plain "UTC" means no zone was declared (assumed).
    ``lowered``: text.lower(), when the caller has it (zones.lowered_declaration)."""
    zone = lowered_declaration(text, lowered)
    return "UTC+00:00" if zone == "UTC" else zone


def _numeric_date_at(text: str, start: int) -> bool:
    r"""`\d[/-](?:19|20)\d\d` matches with its '19'/'20' at start (re's \d is str.isdecimal)."""
    year_end = text[start + 2 : start + 4]
    return (
        start >= 2
        and text[start - 1] in _DATE_SEPARATORS
        and text[start - 2].isdecimal()
        and len(year_end) == 2
        and year_end.isdecimal()
    )


# Draft attributes that are working material, not report keys.
WORKING: frozenset[str] = frozenset({"metric_fields"})


@dataclass
class Draft:
    """The report under construction; extractors append, api.parse() freezes it."""

    summary: str | None = None
    details: Details | None = None
    timeline: list[TimelineEvent] = field(default_factory=list)
    methodology: list[TacticEntry] = field(default_factory=list)
    impact: Impact | None = None
    root_cause: list[Statement] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    indicator_fields: list[Field] = field(default_factory=list)
    response: Response | None = None
    lessons_learned: list[Statement] = field(default_factory=list)
    recommendations: list[ActionItem] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    metadata: list[Field] = field(default_factory=list)
    metric_fields: list[Field] = field(default_factory=list)
    detection: list[Statement] = field(default_factory=list)
    people: list[Statement] = field(default_factory=list)
    attribution: list[Statement] = field(default_factory=list)
    communications: list[Statement] = field(default_factory=list)


@dataclass
class Context:
    """Shared state of one parse: read-only inputs plus the sink and the draft.

    The document-wide anchors (declared zone, day-first policy, year index, lower-cased text)
    are computed on first use and kept for the rest of this parse only.
    """

    doc: SourceDocument
    outline: Outline
    sink: Sink
    reference_date: dt.date
    draft: Draft = field(default_factory=Draft)
    stamps: dict[str, tuple[str, str] | None] = field(default_factory=dict)  # timeline memo
    _context_years: dict[int, int | None] = field(default_factory=dict, repr=False)  # by line
    _runs_among: dict[frozenset[bytes], frozenset[bytes]] = field(default_factory=dict, repr=False)
    _read: dict[str, tuple[str, list[bytes]]] = field(default_factory=dict, repr=False)  # by text
    _view_entries: dict[int, tuple[View, list[Entry]]] = field(default_factory=dict, repr=False)

    @per_parse
    def default_zone(self) -> str:
        """The document's declared zone ("All times in PDT"), else UTC. Read with the
        lower-cased text report_type reads in every parse (lowered), which finds the words
        'time' where ascii_lower made a copy of the whole text for them."""
        return declared_zone(self.doc.text, self.lowered) or "UTC"

    @per_parse
    def dayfirst(self) -> bool | None:
        """The document's numeric date order (dates.md C16)."""
        text = self.doc.text
        if not any(_numeric_date_at(text, start) for start in self._century_starts):
            return None
        return detect_dayfirst(text, self.reference_date)

    @per_parse
    def lowered(self) -> str:
        """The whole text in lower case, for the document-level vocabulary searches. A text
        beyond ASCII whose every such character is its own lower case is lower-cased as bytes
        (lowered_beyond_ascii), where str.lower() read each character through the Unicode
        tables."""
        text = self.doc.text
        if text.isascii():
            return text.lower()
        both = self._lowered_both
        return text.lower() if both is None else both[0]

    @per_parse
    def _lowered_both(self) -> tuple[str, bytes] | None:
        """lowered_beyond_ascii of a text beyond ASCII (asked by lowered and lowered_runs)."""
        return lowered_beyond_ascii(self.doc.text)

    @per_parse
    def lowered_runs(self) -> list[bytes]:
        """letter_runs of the lower-cased text: the report type's evidence words and the
        status's last resort both look words up among them (one split of the text for both).
        Taken from lowered_beyond_ascii's bytes where it gave them, without encoding the
        lowered text: no character beyond ASCII changes under lower() there, so each is bytes
        beyond ASCII in the UTF-8 of lowered and a '?' in those bytes, a blank to _TO_RUNS
        either way, and the runs between them are the same ASCII bytes."""
        text = self.doc.text
        if not text.isascii():
            both = self._lowered_both
            if both is not None:
                return both[1].translate(_TO_RUNS).split()
        return letter_runs(self.lowered)

    def runs_among(
        self, vocabulary: frozenset[bytes], within: frozenset[bytes] | None = None
    ) -> frozenset[bytes]:
        """The words of vocabulary that are lowered_runs, once per parse for each vocabulary;
        taken from those found of a wider vocabulary (within, which holds every word of it)
        when this parse found those already. The status's last resort and the report type's
        evidence each looked their words up in every run of the text (a pass over some
        hundreds of runs, ~5-15 us); the first finds both sets' words in one pass, and the
        second, after it, looks its own up among the few found (a word of its set is among them
        iff it is a run). Without that pass (most reports state their status before the last
        resort) the report type looks up its words alone, as a wider set found more runs."""
        found = self._runs_among.get(vocabulary)
        if found is None:
            wider = self._runs_among.get(within) if within is not None else None
            runs = self.lowered_runs if wider is None else wider
            found = self._runs_among[vocabulary] = vocabulary.intersection(runs)
        return found

    def read(self, text: str) -> tuple[str, list[bytes]]:
        """(text.lower(), letter_runs of that), once per parse for each text: status() reads a
        timeline event's text for its wording and metrics for its anchor cues, each a lower
        and a split of it (~1-2 us an event). lowered_and_runs is written out here: its two
        calls cost a tenth of a short event's read."""
        found = self._read.get(text)
        if found is None:
            lowered = text.lower()
            runs = lowered.encode("utf-8", "surrogatepass").translate(_TO_RUNS).split()
            found = self._read[text] = (lowered, runs)
        return found

    def view_entries(self, view: View) -> list[Entry]:
        """readers.entries(view.nodes()), once per parse for each view: a report with no
        timeline reads its summary views for the summary and again for the narrative, an
        indicators view is read for its rows and again for the labels above its indicators,
        an impact view for its fields and its text (~10-20 us a summary). The list is shared:
        its readers only read it. Keyed by the view's id (a View is not hashable); the view is
        kept beside its entries, so no other view can take its id while this Context lives."""
        found = self._view_entries.get(id(view))
        if found is None:
            found = self._view_entries[id(view)] = (view, entries(view.nodes()))
        return found[1]

    @per_parse
    def _century_starts(self) -> list[int]:
        """Every offset of '19' or '20' in the text, in order: where a year or the year of a
        numeric date can start."""
        return century_starts(self.doc.text)

    def context_year(self, line: int) -> int | None:
        """The nearest explicit year at or before a line (C2), else None: the last match of
        _YEAR.finditer over the text that starts at or before the line's end, without finding
        every one (tests/test_timeline_perf16 compares them). A parse asks for a line or two (a
        timeline's first row, a date field), and the year nearest before is mostly the first
        '19'/'20' tried, so the walk goes back from the line's end over the '19'/'20' offsets
        (every match opens with one) and stops at the first that matches. A match tried at an
        offset inside another cannot match (the digit before it fails the look-behind), so
        finditer's skip over a match changes nothing."""
        if line in self._context_years:
            return self._context_years[line]
        line_starts = self.doc.line_starts
        # A year at offset s lies at or before the line iff s < where the next line starts.
        if line < 1:
            limit = 0
        elif line < len(line_starts):
            limit = line_starts[line]
        else:
            limit = len(self.doc.text) + 1
        text, starts = self.doc.text, self._century_starts
        year = None
        for position in range(bisect.bisect_left(starts, limit) - 1, -1, -1):
            match = _YEAR.match(text, starts[position])
            if match is not None:
                year = int(match.group(0))
                break
        self._context_years[line] = year
        return year

    def timespan(self, text: str, line: int, *, report: bool = True) -> TimeSpan | None:
        """Read one date value; an unreadable non-placeholder value is a diagnostic."""
        span = parse_timespan(
            text,
            reference_date=self.reference_date,
            context_year=self.context_year(line),
            default_zone=self.default_zone,
            dayfirst=self.dayfirst,
        )
        if span is None and report and text.strip() and not classify(text).placeholder:
            self.sink.add("unreadable-date", f"no date could be read from '{text}'", line=line)
        elif span is not None and span.ambiguous:
            self.sink.add(
                "ambiguous-date",
                f"'{span.text}' has more than one reading",
                line=line,
                hint="write the date as YYYY-MM-DD",
            )
        return span

    def note_answer(self, item: Field | Statement) -> None:
        """Diagnose an N/A answer that gives no reason."""
        if not item.applicable and not item.reason:
            label = item.label or "value"
            self.sink.add(
                "na-without-reason",
                f"'{label}' is N/A without a reason",
                line=item.line,
                hint="say why, e.g. 'N/A (not an external attack)'",
            )
