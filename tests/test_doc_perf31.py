"""Round 31: the document facts' fixed per-parse work.

- ``document.status`` takes its texts one at a time from ``_status_sources`` and reads no empty
  one (no summary, no details): an empty text holds no word, so its verdict is "unknown".
- ``api._assemble`` writes the report's values out in the model's field order (the Draft's lists
  frozen to tuples) and ``api._report`` puts schema_version before them by one merge, where
  report_fields' dict, a dict(**...) of it and a reordering comprehension were built.
- ``metrics._from_details`` returns at once when the details hold no such date, where it walked
  every details field for a line it then dropped.

Each is compared with the plain computation (round 30's code, kept below) on every report we
have (fixtures, docs, the shared corpus when present) and on generated documents made of status
wording, Status/State fields, summaries, details and timelines (a fresh clone has no corpus).
No timings.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from typing import Any

import pytest

from incidentparse import api, extract, parse, sections, source, tokens, wrappers
from incidentparse.extract import Context, document, metrics
from incidentparse.extract.readers import plain_text
from incidentparse.models import SCHEMA_VERSION, Anchor, IncidentReport, Status, TimeSpan, assembled
from incidentparse.shared_reads import one_parse

from .test_fixed_perf20 import _same
from .test_fixed_perf20 import _texts as _report_texts
from .test_timeline_perf20 import _plain_report_fields

# Pieces of generated reports: every place status() reads (Status/State fields in the header
# and the details, the summary, the details' values, timeline rows) with and without status
# wording, empty sections, and text elsewhere that only the last resort reads.
PIECES: tuple[str, ...] = (
    "# Outage of the API (INC-7)", "## Summary", "## Details", "## Timeline", "## Impact",
    "## Root Cause", "## Resolution", "## Notes", "**Status:** Resolved", "Status: ongoing",
    "State: under investigation", "**State:** closed", "Status:", "Status: N/A",
    "- **Status:** still investigating", "- Start: 2024-03-01 10:00 UTC", "- End: 2024-03-01",
    "- Date: 2024-03-01", "- Discovered: March 2, 2024", "Severity: high",
    "The API was down for an hour.", "The issue was resolved at 11:00.", "It is now resolved.",
    "We are still working on it.", "The incident remains open.", "Service restored.",
    "- 10:00 alert fired", "- 10:05 engineers paged", "- 10:30 the issue was mitigated",
    "- 11:00 back to normal", "- 11:30 still monitoring", "- 12:00 continues to affect users",
    "- 12:30 fixed release published", "- 13:00 nothing to add", "| Time | Event |\n|---|---|\n"
    "| 10:00 | outage began |\n| 11:00 | resolved |", "resolved", "Resolved", "ongoing", "",
    "A fix was deployed\nand published later.", "**Summary**", "> status: resolved",
)  # fmt: skip


def _generated(count: int, seed: int = 3131) -> list[str]:
    rng = random.Random(seed)
    return [
        "\n\n".join(rng.choice(PIECES) for _ in range(rng.randint(0, 18))) for _ in range(count)
    ]


def _all_texts() -> list[str]:
    return [*_report_texts(), *_generated(600)]


def _context(text: str) -> Context:
    doc = source.load(text, None)
    sink = api.sink_for(doc)
    blocks = wrappers.unwrap_fenced_report(tokens.parse_blocks(doc.body, doc.body_lines()))
    blocks = wrappers.drop_trailing_chatter(blocks, sink)
    outline = sections.build(blocks, len(doc.lines), sink, None)
    ctx = Context(doc, outline, sink, dt.date(2024, 6, 1))
    extract.run(ctx)
    return ctx


# --- the plain computations: round 30's code ---


def _plain_status(ctx: Context) -> Status:
    draft = ctx.draft
    fields = [*draft.metadata, *(draft.details.fields if draft.details else ())]
    declared = [f.value for f in fields if f.label.strip().lower() in ("status", "state")]
    detail_text = " ".join(f.value for f in draft.details.fields) if draft.details else ""
    latest = [event.text for event in reversed(draft.timeline)]
    for text in (*declared, draft.summary or "", detail_text, *latest):
        verdict = document._status_in(*ctx.read(text))
        if verdict != "unknown":
            return verdict
    return document._status_in(ctx.lowered, ctx.runs_among(document._DOCUMENT_WORDS))


def _plain_assemble(ctx: Context, draft: extract.Draft) -> dict[str, Any]:
    title, title_id = document.title(ctx)
    status = _plain_status(ctx)
    preamble = ctx.outline.parts[0] if ctx.outline.parts[0].heading is None else None
    return dict(
        **dict(_plain_report_fields(draft)),
        source=ctx.doc.source,
        front_matter=ctx.doc.front_matter,
        title=title,
        preamble=(plain_text(preamble.nodes) or None) if preamble else None,
        report_type=document.report_type(ctx),
        status=status,
        reference_date=ctx.reference_date,
        identifiers=tuple(document.identifiers(ctx, title_id)),
        metrics=metrics.derive(draft, ctx, status),
        sections=tuple(ctx.outline.sections),
    )


def _plain_report(values: dict[str, Any]) -> IncidentReport:
    if type(values["reference_date"]) is not dt.date:
        return IncidentReport(**values)
    values["schema_version"] = SCHEMA_VERSION
    ordered = {name: values[name] for name in api._REPORT_FIELDS}
    return assembled(IncidentReport, ordered, api._REPORT_GIVEN)


def _plain_from_details(span: TimeSpan | None, draft: extract.Draft) -> Anchor | None:
    fields = draft.details.fields if draft.details else ()
    line = next((f.line for f in fields if span is not None and span.text in f.value), 1)
    return metrics._from_span(span, "details", line)


# --- status ---


def test_status_is_the_plain_one() -> None:
    verdicts: dict[str, int] = {}
    empty_skipped = 0
    for text in _all_texts():
        with one_parse():
            ctx = _context(text)
            mine = document.status(ctx)
            empty_skipped += "" not in ctx._read
            plain = _plain_status(_context(text))
        assert mine == plain, text[:300]
        verdicts[mine] = verdicts.get(mine, 0) + 1
    # every verdict, from every kind of source, and most parses lacked a summary or details
    assert set(verdicts) == {"ongoing", "resolved", "unknown"}
    assert min(verdicts.values()) >= 50
    assert empty_skipped >= 300


def test_status_sources_are_the_plain_order() -> None:
    for text in _all_texts()[:400]:
        draft = _context(text).draft
        fields = [*draft.metadata, *(draft.details.fields if draft.details else ())]
        declared = [f.value for f in fields if f.label.strip().lower() in ("status", "state")]
        detail_text = " ".join(f.value for f in draft.details.fields) if draft.details else ""
        latest = [event.text for event in reversed(draft.timeline)]
        plain = [*declared, draft.summary or "", detail_text, *latest]
        assert list(document._status_sources(draft)) == plain


def test_an_empty_text_says_unknown() -> None:
    assert document._status_in("") == "unknown"
    assert document._status_in(*Context.read(_context(""), "")) == "unknown"


# --- the assembled values and the report ---


def test_assembled_values_are_the_plain_ones() -> None:
    order = [name for name in IncidentReport.model_fields if name != "schema_version"]
    for text in _all_texts():
        with one_parse():
            mine = api._assemble(*_pair(text))
        with one_parse():
            plain = _plain_assemble(*_pair(text))
        assert list(mine) == order[:-1]  # the diagnostics come last, from parse()
        assert mine == plain, text[:300]
        for name, value in mine.items():
            assert type(value) is type(plain[name]), name


def _pair(text: str) -> tuple[Context, extract.Draft]:
    ctx = _context(text)
    return ctx, ctx.draft


def test_whole_parses_are_the_plain_ones(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _all_texts()
    texts += texts[-1:] * (len(texts) % 2)  # an even count: the references alternate
    # A caller's reference date of another type than date goes through validation; the date
    # engine reads no such date, so those are given with texts that hold none.
    dateless = "# Outage\n\n## Summary\n\nThe API was down; it is resolved.\n"
    texts += [dateless, dateless]
    references: list[Any] = [None, dt.date(2024, 2, 29)] * (len(texts) // 2)
    references[-2:] = [dt.datetime(2024, 1, 1), "2024-05-06"]
    fast = [parse(text, reference_date=ref) for text, ref in zip(texts, references, strict=True)]
    monkeypatch.setattr(api, "_assemble", _plain_assemble)
    monkeypatch.setattr(api, "_report", _plain_report)
    monkeypatch.setattr(metrics, "_from_details", _plain_from_details)
    plain = [parse(text, reference_date=ref) for text, ref in zip(texts, references, strict=True)]
    for text, mine, theirs in zip(texts, fast, plain, strict=True):
        _same(mine, theirs, text)
    assert len({report.status for report in fast}) == 3
    assert sum(report.metrics is not None for report in fast) >= 100


# --- metrics' details anchors ---


def test_details_anchors_are_the_plain_ones() -> None:
    found = 0
    for text in _all_texts():
        draft = _context(text).draft
        details = draft.details
        spans = [None, *((details.occurred, details.discovered) if details else ())]
        for span in spans:
            mine = metrics._from_details(span, draft)
            assert mine == _plain_from_details(span, draft), text[:300]
            found += mine is not None
    assert found >= 20


# --- status patterns searched near their words ---


def _plain_found(rule: Any, lowered: str, words: list[str]) -> bool:
    """Round 30's _found: a one-line rule searched over each whole line holding its words."""
    if "\n" not in lowered:
        return rule.pattern.search(lowered) is not None
    if not rule.one_line:
        match = rule.pattern.match
        return any(match(lowered, at) for at in sorted(document._occurrences(lowered, words)))
    starts = sorted(
        {lowered.rfind("\n", 0, at) + 1 for at in document._occurrences(lowered, words)}
    )
    for start in starts:
        end = lowered.find("\n", start)
        if rule.pattern.search(lowered, start, len(lowered) if end < 0 else end):
            return True
    return False


# Status wording and its near misses, glued to word characters (a letter, a digit, '_', 'é',
# '²') or not, across line breaks, inside long lines of filler.
_STATUS_PIECES = (
    "still investigating", "currently working", "still monitoring", "remains open", "is ongoing",
    "remain unresolved", "is under investigation", "ongoing", "continues to affect",
    "continue to spread", "has been resolved", "was mitigated", "were restored", "is now fixed",
    "fully restored", "resolved on", "resolved at", "resolved by", "incident was resolved",
    "service restored", "services were closed", "problem has been mitigated", "issue resolved",
    "back to normal", "fully operational", "verified operational", "resolved", "closed", "fixed",
    "fixed release was published", "clean build deployed", "patched version. released",
    "still", "is", "was", "has been", "to", "on", "by", "at", "service", "normal", " ", "  ",
    "\n", "\n\n", ".", ",", "x", "_", "é", "²", "1", "-", "(", "the team noted that ", "xx" * 60,
    "lorem ipsum dolor sit amet " * 8,
)  # fmt: skip


def _status_texts(count: int, seed: int = 3132) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choices(_STATUS_PIECES, k=rng.randint(0, 30))) for _ in range(count)]


def _found_texts() -> list[str]:
    texts = [text.lower() for text in _report_texts()]
    for text in _all_texts()[:200]:
        draft = _context(text).draft
        texts += [event.text.lower() for event in draft.timeline]
        texts.append((draft.summary or "").lower())
    return [*texts, *_status_texts(20_000)]


def test_rules_are_found_as_over_their_lines() -> None:
    near = [rule for rule in document._STATUS if rule.width is not None]
    assert len(near) == len(document._STATUS) - 1  # all but the one that may cross lines
    found = 0
    for lowered in _found_texts():
        present = document.letter_runs(lowered)
        for rule in document._STATUS:
            words = [word.decode() for word in rule.runs.intersection(present)]
            if not words:
                continue
            mine = document._found(rule, lowered, words)
            assert mine == _plain_found(rule, lowered, words), (rule.pattern.pattern, lowered)
            found += mine and rule.width is not None
    assert found >= 5_000


def test_statuses_are_found_as_over_their_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _found_texts()
    mine = [document._status_in(text) for text in texts]
    monkeypatch.setattr(document, "_found", _plain_found)
    assert [document._status_in(text) for text in texts] == mine
    assert len(set(mine)) == 3


def test_widths_bound_every_match() -> None:
    for rule in document._STATUS:
        if rule.width is None:
            continue
        for lowered in _status_texts(3_000, 3133):
            for match in rule.pattern.finditer(lowered):
                assert len(match.group(0)) <= rule.width


def test_word_characters_are_those_of_re() -> None:
    word = re.compile(r"\w")
    for code in range(0x110000):
        char = chr(code)
        assert document._is_word(char) == bool(word.match(char)), hex(code)
