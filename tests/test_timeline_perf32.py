"""Round 32 timeline rows, each compared with round 31's code kept here as the reference.

- `timeline._narrative_rows` returns no rows without walking the sentences when no span has an
  offset, and stops its walk at the sentence holding the last span's start: the same rows as
  walking every sentence, on every report's paragraphs (each alone and a report's together)
  and generated ones.
- `timeline._part_rows` takes each node's entries without copying the fresh list; `_stamped`,
  `_heading_event`, `_table_rows` and the narrative build a `_Row` by position; `_entry_row`
  asks classify only where its answer is read (a plain label on an unstamped row): the same
  parse (JSON, diagnostics, every field) with round 31's functions patched in, on every report
  we have (fixtures, README and docs, the shared corpus when present) and generated timelines
  (clock headings, bold and plain labels, placeholder values, stamped bullets, tables, prose).
"""

from __future__ import annotations

import bisect
import random
from collections import Counter
from typing import Any

import pytest

from incidentparse import parse
from incidentparse.answers import classify
from incidentparse.extract import timeline
from incidentparse.extract.readers import Entry, entries, table_rows
from incidentparse.models import Field
from incidentparse.sections import Part
from incidentparse.tokens import Node

from .test_timeline_perf9 import _context, _doc_paragraphs, _generated_paragraphs
from .test_timeline_perf14 import DOCS

_Row, _Group = timeline._Row, timeline._Group

# --- round 31's code, the reference --------------------------------------------------------------


def _plain_narrative_rows(
    paragraphs: list[Entry], group: timeline._Group, ctx: Any, zone: str
) -> list[timeline._Row]:
    text, starts = timeline._join(paragraphs)
    spans = timeline.find_timespans(
        text,
        reference_date=ctx.reference_date,
        context_year=ctx.context_year(paragraphs[0].line),
        default_zone=zone,
        dayfirst=ctx.dayfirst,
    )
    rows: list[timeline._Row] = []
    start = 0
    for match in [*timeline._sentence_ends(text), None]:
        end = match[0] if match else len(text)
        inside = [s for s in spans if s.char_start is not None and start <= s.char_start < end]
        if inside:
            sentence = text[start:end].strip()
            line = paragraphs[bisect.bisect_right(starts, start) - 1].line
            when = timeline._as_moment(
                max(inside, key=lambda s: timeline.GRAIN_ORDER.index(s.grain or "year"))
            )
            rows.append(
                _Row(line, text=sentence, fallback=sentence, label=group.label,
                     phase=group.phase, answer_text=sentence, when=when)
            )  # fmt: skip
        start = match[1] if match else end
    return rows


def _plain_part_rows(
    part: Part, is_root: bool, ctx: Any, zone: str, told: dict[str, str | None]
) -> list[timeline._Row]:
    heading = None if is_root else part.section.heading
    read = [(n, list(entries([n]))) for n in part.nodes if n.kind not in ("table", "blockquote")]
    found = [e for _, node_entries in read for e in node_entries]
    stamp = timeline._leading_stamp(heading, ctx) if heading else None
    if (
        heading
        and stamp is not None
        and not any(timeline._leading_stamp(e.text, ctx) for e in found)
    ):
        return [_plain_heading_event(part, heading, stamp, read)]
    rows: list[timeline._Row] = []
    if heading and stamp is not None:
        rows.append(_Row(part.section.line_start, stamp=stamp[0], emit=False))
        heading = None
    group = _Group(heading, timeline.phase_of(heading))
    if heading and found and all(timeline._is_event_field(e) for e in found):
        rows.append(timeline._phase_block(found, group, ctx))
    else:
        rows.extend(timeline._entry_rows(found, group, heading, ctx, zone, told))
    for node in part.nodes:
        if node.kind == "table":
            rows.extend(_plain_table_rows(node, group))
    return rows


def _plain_heading_event(
    part: Part, heading: str, stamp: tuple[str, str], read: list[tuple[Node, list[Entry]]]
) -> timeline._Row:
    prose = [n.text for n in part.nodes if n.kind == "paragraph"]
    items = [e.text for n, node_entries in read if n.kind == "list" for e in node_entries]
    text = " ".join([stamp[1], *prose, *items]).strip()
    return _Row(part.section.line_start, stamp=stamp[0], text=text, fallback=heading)


def _plain_entry_row(
    entry: Entry, group: timeline._Group, heading: str | None, ctx: Any, zone: str
) -> timeline._Group:
    phase_of, leading = timeline.phase_of, timeline._leading_stamp
    if entry.label and entry.bold and not entry.value:
        return _Group(entry.label, phase_of(entry.label) or group.phase)
    if entry.label and entry.bold and phase_of(entry.label):
        stamp = leading(entry.value, ctx)
        row = _plain_stamped(
            entry.line, stamp, entry.value,
            label=entry.label, phase=phase_of(entry.label), answer_text=entry.value,
        )  # fmt: skip
        return _Group(heading, phase_of(heading), [row])
    prose = entry.depth == 0 and not entry.label
    stamp = leading(entry.text, ctx)
    worth = prose and (stamp is None or not timeline._one_dated_sentence(entry.text))
    narrative = timeline._narrative_rows([entry], group, ctx, zone) if worth else []
    if len(narrative) > 1:
        return _Group(group.label, group.phase, narrative)
    if stamp is not None and not stamp[1]:
        return _Group(group.label, group.phase, [_Row(entry.line, stamp=stamp[0], emit=False)])
    if stamp is None and narrative:
        return _Group(group.label, group.phase, narrative)
    answer = classify(entry.text if entry.label and not entry.bold else entry.value)
    keep_field = entry.label is not None and not entry.bold and answer.applicable
    row = _plain_stamped(
        entry.line,
        stamp,
        entry.text,
        label=group.label,
        phase=group.phase,
        fields=(entry.field(),) if keep_field and not stamp else (),
        answer_text=entry.text if entry.label and not entry.bold else entry.value,
    )
    return _Group(group.label, group.phase, [row])


def _plain_stamped(
    line: int, stamp: tuple[str, str] | None, text: str, **fields: Any
) -> timeline._Row:
    return _Row(
        line,
        stamp=stamp[0] if stamp else "",
        text=stamp[1] if stamp else text,
        fallback=text,
        **fields,
    )


def _plain_table_rows(node: Node, group: timeline._Group) -> list[timeline._Row]:
    rows = []
    for row in table_rows(node):
        stamp = row.roles.get("time") or row.roles.get("date") or row.cells[0]
        body = row.roles.get("event") or (row.cells[1] if len(row.cells) > 1 else stamp)
        others = tuple(
            Field(label=f"column {n + 1}", value=c.text, line=row.line)
            for n, c in enumerate(row.cells)
            if c is not stamp and c is not body and c.text
        )
        phase = timeline.phase_of(stamp.text)
        rows.append(
            _Row(
                row.line,
                stamp=stamp.text,
                text=body.text,
                fallback=body.text,
                label=(stamp.text if phase else None) or group.label,
                phase=phase or group.phase,
                fields=others,
                answer_text=body.text,
            )
        )
    return rows


_PLAIN = {
    "_narrative_rows": _plain_narrative_rows,
    "_part_rows": _plain_part_rows,
    "_heading_event": _plain_heading_event,
    "_entry_row": _plain_entry_row,
    "_table_rows": _plain_table_rows,
}

# --- narrative rows ------------------------------------------------------------------------------


def _same_rows(fast: list[timeline._Row], plain: list[timeline._Row]) -> None:
    assert fast == plain
    assert repr(fast) == repr(plain)  # aware datetimes: the tzinfo too
    for mine, theirs in zip(fast, plain, strict=True):
        assert mine.when is theirs.when or mine.when == theirs.when
        if mine.when is not None and theirs.when is not None:
            assert mine.when.model_fields_set == theirs.when.model_fields_set


def _entry(text: str, line: int) -> Entry:
    return Entry(line, line, 0, text, None, text, False, None)  # type: ignore[arg-type]


@pytest.mark.parametrize("dayfirst", [None, True])
def test_narrative_rows_as_every_sentence_walked(dayfirst: bool | None) -> None:
    docs = _doc_paragraphs()
    generated = _generated_paragraphs(1500, 32 + (dayfirst is None))
    # each paragraph alone, and runs of several joined as a summary's paragraphs are
    sets = [[p] for p in docs + generated]
    sets += [generated[n : n + 4] for n in range(0, len(generated), 4)]
    sets += [docs[n : n + 6] for n in range(0, len(docs), 6)]
    seen: Counter[str] = Counter()
    for n, texts in enumerate(sets):
        ctx = _context(f"{(None, 2018, 2024)[n % 3] or ''}\n\n# Timeline\n\nx\n")
        ctx.__dict__["dayfirst"] = dayfirst  # the cached property, set for this test
        paragraphs = [_entry(text, 5 + 2 * k) for k, text in enumerate(texts)]
        group = _Group(("Impact", None)[n % 2], ("impact", None)[n % 2])
        fast = timeline._narrative_rows(paragraphs, group, ctx, "UTC")
        plain = _plain_narrative_rows(paragraphs, group, ctx, "UTC")
        _same_rows(fast, plain)
        joined = timeline._join(paragraphs)[0]
        ends = list(timeline._sentence_ends(joined))
        last_sentence = joined[ends[-1][1] if ends else 0 :].strip()
        seen["rows"] += len(fast)
        seen["none"] += not fast
        # the walk stopped early: the last sentence (at least) holds no span and was not read
        seen["stopped"] += bool(fast) and fast[-1].text != last_sentence
    assert seen["rows"] > 1000 and seen["none"] > 300 and seen["stopped"] > 300, seen


# --- whole parses ---------------------------------------------------------------------------------

_HEADINGS = (
    "### 12:49 PM", "### 1:06 PM", "### July 11, 2025, 12:42 PM", "### Detection", "### 2024-03-05",
    "### Containment", "### Recovery", "### What happened", "### 23:55",
)  # fmt: skip
_ITEMS = (
    "- **Detection:** October 16, 2025: alerts fired", "- **Impact:**", "- **Owner:** N/A",
    "- Owner: N/A", "- Status: TBD", "- Root cause: unknown", "- When: 2024-03-05",
    "- Date: n/a", "- 14:05 UTC: restarted the pods", "- 2022-03-18 08:37 Emil notified",
    "- Engineer restarts the hub", "  - and checks the logs", "  - 14:10: logs clean",
    "- **Note:** something odd", "- Note: None", "- Link: https://example.com/a:b",
    "- **Containment** - isolated the host", "- [x] done: yes", "- : empty label",
    "- **Mitigation:** 09:10 UTC: rolled back", "- Time: 10:00", "- Action: none",
    "- All times in UTC.", "- **Recovery:** Unknown", "- Tries logging in: fails",
)  # fmt: skip
_TABLES = (
    "| Time | Event |\n|---|---|\n| 2022-03-18 08:37 | Emil notified |\n| 09:10 | fixed |",
    "| Time | Event | Who |\n|---|---|---|\n| Containment | host isolated | ops |\n| 10:00 | x | |",
    "| Date | Action | Notes |\n|---|---|---|\n| 2024-03-05 | restart | N/A |\n| ?? | tbd | y |",
)  # fmt: skip


def _generated_docs(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    prose = _generated_paragraphs(count * 2, seed + 1)
    docs = []
    for n in range(count):
        zone = rng.choice(("", " (times in BST)", " (UTC)", " (all times PST)"))
        blocks = [
            f"# Incident {n}",
            rng.choice(("", "Date: 2024-03-05", "2019")),
            f"## Timeline{zone}",
        ]
        for _ in range(rng.randint(1, 8)):
            kind = rng.random()
            if kind < 0.3:
                blocks.append(rng.choice(_HEADINGS))
            if kind < 0.7:
                blocks.append("\n".join(rng.choice(_ITEMS) for _ in range(rng.randint(1, 5))))
            elif kind < 0.85:
                blocks.append(rng.choice(prose))
            else:
                blocks.append(rng.choice(_TABLES))
        if rng.random() < 0.3:
            blocks += ["## Summary", rng.choice(prose)]
        docs.append("\n\n".join(b for b in blocks if b) + "\n")
    return docs


def _narrative_docs(count: int, seed: int) -> list[str]:
    """Reports with no timeline section: their summary's dated sentences are the timeline."""
    rng = random.Random(seed)
    prose = _generated_paragraphs(count * 3, seed + 1)
    return [
        f"# Outage {n}\n\n## Summary\n\n" + "\n\n".join(rng.sample(prose, rng.randint(1, 3))) + "\n"
        for n in range(count)
    ]


def _compare(docs: list[str], monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    seen: Counter[str] = Counter()
    for text in docs:
        fast = parse(text)
        with monkeypatch.context() as patched:
            for name, plain in _PLAIN.items():
                patched.setattr(timeline, name, plain)
            reference = parse(text)
        assert fast.model_dump_json() == reference.model_dump_json(), text[:300]
        assert fast == reference
        assert [e.when.model_fields_set if e.when else None for e in fast.timeline] == [
            e.when.model_fields_set if e.when else None for e in reference.timeline
        ]
        seen["events"] += len(fast.timeline)
        seen["fields"] += sum(len(e.fields) for e in fast.timeline)
        seen["labelled"] += sum(e.label is not None for e in fast.timeline)
        seen["dated"] += sum(e.when is not None for e in fast.timeline)
    return seen


def test_reports_parse_as_round_31(monkeypatch: pytest.MonkeyPatch) -> None:
    seen = _compare(DOCS, monkeypatch)
    assert seen["events"] > 100 and seen["dated"] > 50, seen


def test_generated_timelines_parse_as_round_31(monkeypatch: pytest.MonkeyPatch) -> None:
    seen = _compare(_generated_docs(500, 32) + _narrative_docs(150, 320), monkeypatch)
    assert seen["events"] > 2000 and seen["fields"] > 200 and seen["labelled"] > 300, seen
    assert seen["dated"] > 800, seen
