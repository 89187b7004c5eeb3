"""Round-25 fast paths of the document facts give exactly what the code they replaced gives, on
every report we have (fixtures, docs, the shared corpus) and on generated text: the whole
text's words shared by the status's last resort and the report type (Context.runs_among), the
hyphenated evidence words searched in the text rather than in its UTF-8, and a timeline event's
text lower-cased and split once for status() and metrics' anchors (Context.read)."""

from __future__ import annotations

import random

import pytest

from incidentparse import api
from incidentparse.diagnostics import Sink
from incidentparse.extract import Context, Draft, document, metrics
from incidentparse.extract.context import letter_runs
from incidentparse.models import Anchor, Metrics, ReportType, Status, TimelineEvent

from . import test_doc_perf9
from .test_doc_perf21 import status_contexts
from .test_extract_perf import REPORTS, TEXTS, _context

# Evidence and status words, their near misses, hyphens, characters beyond ASCII (one that
# lower-cases to two, one beyond the BMP, a lone surrogate) and the places text may break.
PIECES: tuple[str, ...] = (
    *document.TYPE_WORDS, *(w.decode() for w in document._STATUS_WORDS), "post-mortem",
    "Post-Mortem", "on-call", "post", "mortem", "on", "call", "-", "--", "x", "9", "é", "ß", "İ",
    "\u212a", "\U0001f600", "\ud800", "’", "not", "no", "a", ".", "\n", "_", "root cause",
    "cve-2024-1", "is resolved", "still ongoing", "back to normal", "was fixed",
)  # fmt: skip


def _generated(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [
        "".join(
            rng.choice(PIECES) + rng.choice(("", " ", " ", "-", "\n"))
            for _ in range(rng.randint(1, 40))
        )
        for _ in range(count)
    ]


GENERATED = _generated(3000, 25)
# What a parse may be handed: a str a report's bytes decode to holds no lone surrogate.
DOCUMENTS = [text.replace("\ud800", "\U0001f600") for text in GENERATED]


# --- Context.runs_among: a vocabulary's words among the text's runs ---


def _plain_among(vocabulary: frozenset[bytes], text: str) -> frozenset[bytes]:
    """The words of vocabulary that are runs of [a-z0-9] of the lower-cased text."""
    return vocabulary.intersection(letter_runs(text.lower()))


def test_runs_among_is_the_plain_intersection_in_any_order() -> None:
    wide, narrow = document._DOCUMENT_WORDS, document._TYPE_WORD_BYTES
    assert narrow <= wide  # what `within` asks of its caller
    found = 0
    for text in [*TEXTS, *DOCUMENTS]:
        plain_wide, plain_narrow = _plain_among(wide, text), _plain_among(narrow, text)
        found += bool(plain_narrow)
        # narrow alone, narrow after wide (taken from wide's words), wide after narrow
        ctx = _context(text)
        assert ctx.runs_among(narrow, wide) == plain_narrow, text
        assert ctx.runs_among(wide) == plain_wide, text
        ctx = _context(text)
        assert ctx.runs_among(wide) == plain_wide, text
        assert ctx.runs_among(narrow, wide) == plain_narrow, text
        assert ctx.runs_among(narrow, wide) == plain_narrow, text  # the memo's answer
    assert found > 1000


# --- _whole_words: the hyphenated words searched in the text ---


def _old_whole_words(text: str, runs: object = None) -> frozenset[bytes]:
    """_whole_words as it was: the hyphenated words searched in the text's UTF-8."""
    found = document._TYPE_WORD_BYTES.intersection(
        letter_runs(text) if runs is None else runs  # type: ignore[arg-type]
    )
    raw = text.encode("utf-8", "surrogatepass")
    return found.union(word for word, _ in document._HYPHENATED_WORDS if word in raw)


def test_whole_words_are_the_old_ones() -> None:
    hyphenated = 0
    for text in [*TEXTS, *GENERATED]:
        lowered = text.lower()
        old = _old_whole_words(lowered)
        assert document._whole_words(lowered) == old, text
        assert document._whole_words(lowered, letter_runs(lowered)) == old, text
        hyphenated += any(word in old for word, _ in document._HYPHENATED_WORDS)
    assert hyphenated > 500


# --- status and report_type of whole reports, against the code they replaced ---


def _old_report_type(ctx: Context) -> ReportType:
    """report_type as it was: its evidence from every run of the text, and the old words."""
    lowered = ctx.doc.text.lower()
    runs = letter_runs(lowered)
    scores = {"security_incident": 0, "service_outage": 0}
    for word in _old_whole_words(lowered, runs):
        side, weight = document._TYPE_WORD_WEIGHTS[word]
        starts = document._word_starts(lowered, word.decode())
        scores[side] += weight * sum(not document._negated(lowered, at, side) for at in starts)
    for opener, pattern, side, weight in document._TYPE_PHRASES:
        if opener not in lowered:
            continue
        for match in pattern.finditer(lowered):
            if not document._negated(lowered, match.start(), side):
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
    security = scores["security_incident"] > scores["service_outage"]
    return "security_incident" if security else "service_outage"


def _old_status(ctx: Context) -> Status:
    """status as it was: the last resort looks its words up in every run of the text."""
    draft = ctx.draft
    fields = [*draft.metadata, *(draft.details.fields if draft.details else ())]
    declared = [f.value for f in fields if f.label.strip().lower() in ("status", "state")]
    detail_text = " ".join(f.value for f in draft.details.fields) if draft.details else ""
    latest = [event.text for event in reversed(draft.timeline)]
    for text in (*declared, draft.summary or "", detail_text, *latest, ctx.doc.text):
        lowered = text.lower()
        verdict = document._status_in(lowered, letter_runs(lowered))
        if verdict != "unknown":
            return verdict
    return "unknown"


def _report_texts() -> list[str]:
    """Whole reports, and generated ones: a summary, a timeline and prose of the pieces."""
    rng = random.Random(2025)
    made = []
    for body in DOCUMENTS[:600]:
        lines = body.split("\n")
        rows = "\n".join(f"- 2024-03-0{rng.randint(1, 9)} 10:00 {line}" for line in lines[:5])
        made.append(f"# Incident\n\n## Summary\n\n{lines[-1]}\n\n## Timeline\n\n{rows}\n\n{body}")
    return [*(path.read_text(encoding="utf-8") for path in REPORTS), *made]


def test_status_and_report_type_are_the_old_ones(monkeypatch: pytest.MonkeyPatch) -> None:
    seen = status_contexts(monkeypatch)
    verdicts: set[str] = set()
    last_resort = 0
    for text in _report_texts():
        report = api.parse(text)
        ctx = seen[-1]
        assert report.status == _old_status(ctx), text
        assert report.report_type == _old_report_type(ctx), text
        verdicts.update((report.status, report.report_type))
        last_resort += document._DOCUMENT_WORDS in ctx._runs_among
        # asked again on a fresh context, report_type alone (no status before it)
        fresh = Context(ctx.doc, ctx.outline, ctx.sink, ctx.reference_date, draft=ctx.draft)
        assert document.report_type(fresh) == report.report_type, text
    assert verdicts >= {"ongoing", "resolved", "unknown", "security_incident", "service_outage"}
    assert last_resort > 100


# --- Context.read: an event's text lower-cased and split once, for status and metrics ---


def test_read_is_the_lowered_text_and_its_runs() -> None:
    for text in [*TEXTS, *DOCUMENTS]:
        ctx = _context(text)
        for piece in (text, *text.split("\n")[:50]):
            plain = (piece.lower(), letter_runs(piece.lower()))
            assert ctx.read(piece) == plain, piece
            assert ctx.read(piece) == plain, piece  # the memo's answer


def _plain_from_timeline(events: list[TimelineEvent]) -> dict[str, Anchor]:
    """metrics._from_timeline as it was: each dated event lower-cased and split by itself."""
    found: dict[str, Anchor] = {}
    for event in events:
        when = event.when
        if when is None or when.start is None:
            continue
        phase_name = metrics.ANCHOR_PHASES.get(event.phase or "")
        text = event.text.lower()
        runs = metrics._ANY_CUE_RUN.intersection(letter_runs(text))
        if phase_name is None and not runs:
            continue
        for name, cue in metrics._CUES.items():
            marks = phase_name == name or (
                not metrics.CUE_RUNS[name].isdisjoint(runs) and cue.search(text) is not None
            )
            if marks and (name == "resolved" or name not in found):
                found[name] = Anchor(when=when, source="timeline", line=event.line)
    return found


def test_timeline_anchors_read_through_the_context_are_the_plain_ones() -> None:
    marked: set[str] = set()
    ctx = _context("")
    for events in test_doc_perf9._timelines():
        plain = _plain_from_timeline(events)
        assert metrics._from_timeline(events) == plain
        # read by a context that has read some of the texts already (as status() does)
        for event in events[::2]:
            ctx.read(event.text)
        assert metrics._from_timeline(events, ctx.read) == plain
        marked.update(plain)
    assert marked == {"occurred", "detected", "contained", "resolved"}


def test_metrics_of_every_report_are_those_of_a_fresh_reading(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: list[Context] = []
    derive = metrics.derive

    def spy(draft: Draft, ctx: Context, status: Status) -> Metrics | None:
        seen.append(ctx)
        return derive(draft, ctx, status)

    monkeypatch.setattr(metrics, "derive", spy)
    anchored = 0
    for text in _report_texts():
        report = api.parse(text)
        ctx = seen[-1]
        fresh = Context(ctx.doc, ctx.outline, Sink(), ctx.reference_date, draft=ctx.draft)
        assert derive(ctx.draft, fresh, report.status) == report.metrics, text
        assert _plain_from_timeline(list(ctx.draft.timeline)) == metrics._from_timeline(
            ctx.draft.timeline, ctx.read
        ), text
        anchored += report.metrics is not None
    assert anchored > 100
