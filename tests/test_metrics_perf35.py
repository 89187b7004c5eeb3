"""Round 35: metrics.derive's fixed cost and its label tests.

derive returns None at once for a draft with no anchor source and no field (no details,
timeline, metadata, metrics fields or impact, and empty front matter); a label key is tested
for the duration labels by one search of their alternation (_DURATION_LABEL), where any()
walked the eleven substring tests; a metadata label's key, asked by _from_fields and again by
_stated, is worked out once per derive. derive gives the Metrics of round 34's (kept here as
the reference) on every report we have (fixtures, README and docs Markdown, the corpus when
present), on generated drafts of labelled fields (duration labels, anchor labels, look-alikes)
and on drafts each holding one source only; the duration test is compared with any() on
generated labels. No timings.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable
from pathlib import Path

import incidentparse
from incidentparse.dates import parse_duration
from incidentparse.extract import metrics
from incidentparse.extract.context import Context, Draft
from incidentparse.extract.fields import label_key
from incidentparse.models import Anchor, Field, Impact, Metrics, StatedDuration, Status

from .test_dates_perf27_ref_value import _reports
from .test_doc_perf31 import _context

_ROOT = Path(__file__).parent.parent
_DOCS = [
    path.read_text(encoding="utf-8") for path in [_ROOT / "README.md", *_ROOT.glob("docs/*.md")]
]


# --- the plain computation: round 34's code ---


def _plain_from_fields(fields: Iterable[Field], ctx: Context) -> dict[str, Anchor]:
    found: dict[str, Anchor] = {}
    for item in fields:
        name = metrics.ANCHOR_LABELS.get(label_key(item.label))
        if name is None or name in found or not item.applicable:
            continue
        span = ctx.timespan(item.value, item.line, report=False)
        anchor = metrics._from_span(span, "metadata", item.line)
        if anchor is not None:
            found[name] = anchor
    return found


def _plain_stated(draft: Draft) -> Iterable[StatedDuration]:
    impact_fields = draft.impact.fields if draft.impact else ()
    detail_fields = draft.details.fields if draft.details else ()
    for item in (*draft.metadata, *detail_fields, *impact_fields, *draft.metric_fields):
        key = label_key(item.label)
        if not any(label in key for label in metrics.DURATION_LABELS):
            continue
        duration = parse_duration(item.value)
        if duration is not None:
            yield metrics._built(
                StatedDuration, label=item.label, duration=duration, line=item.line
            )


def _derive_with(
    from_fields: Callable[[list[Field], Context, dict[str, str]], dict[str, Anchor]],
    from_timeline: Callable[..., dict[str, Anchor]],
    stated_of: Callable[[Draft, dict[str, str]], Iterable[StatedDuration]],
) -> Callable[[Draft, Context, Status], Metrics | None]:
    """derive's steps with the given readers of the metadata fields, the timeline and the
    stated durations: each round's reference derive (this round's below; test_metrics_perf36's
    round 35's)."""

    def derive(draft: Draft, ctx: Context, status: Status) -> Metrics | None:
        details = draft.details
        keys: dict[str, str] = {}
        anchors: dict[str, Anchor | None] = {
            "occurred": metrics._from_details(details.occurred if details else None, draft),
            "detected": metrics._from_details(details.discovered if details else None, draft),
            "contained": None,
            "resolved": None,
        }
        for name, found in metrics._from_front_matter(ctx).items():
            anchors[name] = anchors[name] or found
        for name, found in from_fields(draft.metadata, ctx, keys).items():
            anchors[name] = anchors[name] or found
        for name, found in from_timeline(draft.timeline, ctx.read).items():
            anchors[name] = anchors[name] or found
        if status == "ongoing":
            anchors["resolved"] = None
        stated = tuple(stated_of(draft, keys))
        if not stated and not any(anchors.values()):
            return None
        return metrics._built(
            Metrics,
            **anchors,
            time_to_detect=metrics._between(anchors["occurred"], anchors["detected"]),
            time_to_resolve=metrics._between(anchors["detected"], anchors["resolved"]),
            total_duration=metrics._between(anchors["occurred"], anchors["resolved"]),
            stated=stated,
        )

    return derive


# Round 34's derive: its field and stated-duration readers (above), each label's key worked out
# afresh (the keys dict is not used).
_plain_derive = _derive_with(
    lambda fields, ctx, keys: _plain_from_fields(fields, ctx),
    metrics._from_timeline,
    lambda draft, keys: _plain_stated(draft),
)


def _same(
    text: str,
    draft: Draft | None = None,
    reference: Callable[[Draft, Context, Status], Metrics | None] | None = None,
) -> bool:
    """derive and the reference (this round's plain derive unless another is given) on the
    text's draft (or the one given), each on a Context of its own (the Context keeps what it
    read), under each status; whether any was not None."""
    plain_derive = reference or _plain_derive
    found = False
    for status in ("ongoing", "resolved", "unknown"):
        fast_ctx, plain_ctx = _context(text), _context(text)
        if draft is not None:
            fast_ctx.draft = plain_ctx.draft = draft
        fast = metrics.derive(fast_ctx.draft, fast_ctx, status)  # type: ignore[arg-type]
        plain = plain_derive(plain_ctx.draft, plain_ctx, status)  # type: ignore[arg-type]
        assert (fast is None) == (plain is None), text
        if fast is not None and plain is not None:
            assert fast.model_dump_json() == plain.model_dump_json(), text
            assert fast.model_fields_set == plain.model_fields_set
            found = True
        assert fast_ctx.sink.items == plain_ctx.sink.items
    return found


def test_our_reports() -> None:
    texts = [*_reports(), *_DOCS]
    assert sum(_same(text) for text in texts) >= 8
    # whole parses too
    for text in texts[:12]:
        assert incidentparse.parse(text).metrics == incidentparse.parse(text).metrics


_LABEL_WORDS = [
    *metrics.DURATION_LABELS,
    *metrics.ANCHOR_LABELS,
    "Time To Detect", "TTR (minutes)", "Total downtime", "Start", "End", "Exposure  window",
    "Report/fix", "Durations", "time-to", "tt", "mtt", "Impact", "Owner", "Status", "Down time",
    "time & to", "Detected", "resolution", "Mitigated", "report to", "full hardening",
]  # fmt: skip
_VALUES = [
    "2 hours", "45 minutes", "3d 4h", "N/A", "about a day", "2024-05-01 10:00 UTC",
    "Wednesday, 2018-08-22", "10:30", "unknown", "", "90 min", "1.5 hours", "TBD", "1h30m",
]  # fmt: skip


def test_duration_label_search_is_any_substring() -> None:
    rng = random.Random(35)
    keys = [label_key(label) for label in _LABEL_WORDS]
    for _ in range(20_000):
        key = label_key(" ".join(rng.choice(_LABEL_WORDS) for _ in range(rng.randint(1, 3))))
        keys.append(key)
        keys.append(key[rng.randint(0, len(key)) :][: rng.randint(0, 30)])
    hits = 0
    for key in keys:
        plain = any(label in key for label in metrics.DURATION_LABELS)
        assert (metrics._DURATION_LABEL.search(key) is not None) == plain, key
        hits += plain
    assert 1_000 < hits < len(keys) - 1_000


def _fields(rng: random.Random, count: int, line: int) -> list[Field]:
    return [
        Field(label=rng.choice(_LABEL_WORDS), value=rng.choice(_VALUES), line=line + i)
        for i in range(count)
    ]


def test_generated_drafts() -> None:
    rng = random.Random(3535)
    found = 0
    for round_ in range(400):
        draft = Draft()
        kind = round_ % 5
        if kind in (0, 4):
            draft.metadata = _fields(rng, rng.randint(0, 4), 3)
        if kind in (1, 4):
            draft.metric_fields = _fields(rng, rng.randint(0, 4), 20)
        if kind in (2, 4):
            draft.impact = Impact(fields=tuple(_fields(rng, rng.randint(0, 3), 40)))
        # kind 3: nothing at all (the early None)
        found += _same("# x\n\nSome prose.\n", draft)
    assert found > 100


def test_early_none_only_without_sources() -> None:
    # one source each: the walk runs and reads it
    text = "---\nstart_time: 2024-05-01T10:00:00Z\n---\n# x\n"
    assert _same(text)
    ctx = _context("# x\n\nprose only\n")
    assert metrics.derive(ctx.draft, ctx, "unknown") is None
    for draft in (
        Draft(metadata=[Field(label="Duration", value="2 hours", line=2)]),
        Draft(metric_fields=[Field(label="TTR", value="45 minutes", line=2)]),
        Draft(impact=Impact(fields=(Field(label="Downtime", value="3 hours", line=2),))),
        Draft(metadata=[Field(label="Start", value="2024-05-01 10:00 UTC", line=2)]),
    ):
        assert _same("# x\n", draft)
