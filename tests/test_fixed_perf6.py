"""Round-6 fast paths of the fixed per-parse cost give exactly what the plain way gives.

Each test compares a fast path with the code it replaced on every report we have (fixtures,
docs, the shared corpus) and on generated input.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import fields

from rapidfuzz import fuzz, process

from incidentparse import api, extract, headings, sections, source, tokens, wrappers
from incidentparse.dates import infer_reference_date
from incidentparse.diagnostics import Sink
from incidentparse.extract import document
from incidentparse.extract.context import WORKING
from incidentparse.ioc.scan import _LITERALS, SCANNERS, _candidates, absent_literals
from incidentparse.models import IncidentReport

from . import test_ioc_perf
from .test_extract_perf import REFERENCE, REPORTS, TEXTS
from .test_extract_perf5 import word_count

# --- headings: the fuzzy look-up scores only aliases of a length that can reach the cutoff ---

EXTRA = (
    ("war room notes", "timeline"),
    ("what we learned", "lessons_learned"),
    ("x", "meta"),
    (" ".join(["incident"] * 30), "summary"),  # longer than any built-in alias
)


def _plain_fuzzy(key: str, extra: tuple[tuple[str, str], ...]) -> tuple[str, float] | None:
    """The look-up as it was: every alias scored."""
    index = headings._alias_index(extra)
    found = process.extractOne(
        key, index.keys(), scorer=fuzz.ratio, score_cutoff=headings.FUZZY_CUTOFF
    )
    return None if found is None else (found[0], found[1])


def _edits(word: str, rng: random.Random) -> list[str]:
    """The word with one or two characters deleted, inserted, replaced or doubled."""
    letters = "abcdefghijklmnopqrstuvwxyz -'"
    out = []
    for _ in range(6):
        edited = word
        for _ in range(rng.randint(1, 2)):
            at = rng.randrange(len(edited) + 1)
            how = rng.randrange(4)
            if how == 0 and at < len(edited):
                edited = edited[:at] + edited[at + 1 :]
            elif how == 1:
                edited = edited[:at] + rng.choice(letters) + edited[at:]
            elif how == 2 and at < len(edited):
                edited = edited[:at] + rng.choice(letters) + edited[at + 1 :]
            else:
                edited = edited[:at] + edited[at:][:1] + edited[at:]
        out.append(edited)
    return out


def _heading_keys(extra: tuple[tuple[str, str], ...]) -> list[str]:
    rng = random.Random(6)
    aliases = list(headings._alias_index(extra))
    keys = [*aliases, "atendees", "apendix", "appendinx", "timelinee", "a", "ab", "x" * 40]
    keys += ["incident " * count for count in range(20, 40)] + ["y" * 999, "y" * 1200]
    for alias in aliases:
        keys.extend(_edits(alias, rng))
    for text in TEXTS:
        for line in text.splitlines():
            if line.startswith("#"):
                keys.append(headings.normalise(line.lstrip("#"))[0])
    keys.extend(a + " " + b for a, b in zip(aliases, reversed(aliases), strict=True))
    return [key for key in keys if key]


def test_fuzzy_look_up_is_that_over_every_alias() -> None:
    matched = 0
    for extra in ((), EXTRA):
        for key in _heading_keys(extra):
            found = headings._fuzzy(key, extra)
            assert found == _plain_fuzzy(key, extra), (key, extra)
            matched += found is not None and found[1] < 100.0
    assert matched > 1000  # the edits do reach the fuzzy matches


def test_length_bound_keeps_every_length_that_can_reach_the_cutoff() -> None:
    for size in range(1, 400):
        low, high = headings._fuzzy_lengths(size)
        for length in range(1, 600):
            best = 100.0 * 2 * min(size, length) / (size + length)
            if best >= headings.FUZZY_CUTOFF - 0.5:
                assert low <= length <= high, (size, length)


# --- IOC scan: families none of whose anchor literals is in the text are not scanned ---


def _plain_absent_all(text: str) -> frozenset[str]:
    literals = {anchor.literal for scanner in SCANNERS for anchor in scanner.anchors}
    return frozenset(literal for literal in literals if literal not in text)


def test_absent_literals_with_common_ones_are_those_not_in_the_text() -> None:
    for text in test_ioc_perf.TEXTS:
        assert absent_literals(text, common=True) == _plain_absent_all(text), text
        assert absent_literals(text) == test_ioc_perf._plain_absent(text), text


def test_skipped_families_have_no_candidates_and_gates_change_none() -> None:
    skipped = 0
    for text in [*test_ioc_perf.TEXTS, "", "plain words", "a.b", "x: y"]:
        absent = absent_literals(text, common=True)
        for scanner, literals in zip(SCANNERS, _LITERALS, strict=True):
            plain = list(_candidates(text, scanner))
            if literals and literals <= absent:
                skipped += 1
                assert plain == [], (scanner.name, text)
            assert list(_candidates(text, scanner, absent)) == plain, (scanner.name, text)
    assert skipped > 1000


# --- the report's values: Draft keys from a table, one IncidentReport built with diagnostics ---


def _plain_report_fields(draft: extract.Draft) -> dict[str, object]:
    values = {f.name: getattr(draft, f.name) for f in fields(draft) if f.name not in WORKING}
    return {k: tuple(v) if isinstance(v, list) else v for k, v in values.items()}


def test_assemble_holds_every_draft_field() -> None:
    """api._assemble writes the Draft's fields out by name: a Draft field it left out (one
    added later) would be missing from the report."""
    for text in TEXTS[:120]:
        doc = source.load(text)
        sink = Sink()
        outline = sections.build(tokens.parse_blocks(doc.body), len(doc.lines), sink)
        ctx = extract.Context(doc, outline, sink, REFERENCE)
        draft = extract.run(ctx)
        values = api._assemble(ctx, draft)
        for name, value in _plain_report_fields(draft).items():
            assert name in values and values[name] == value, (name, text)


def _plain_parse(text: str) -> IncidentReport:
    """parse() as it was: the report built, then copied with its diagnostics."""
    doc = source.load(text)
    sink = api.sink_for(doc)
    blocks = wrappers.unwrap_fenced_report(tokens.parse_blocks(doc.body))
    blocks = wrappers.drop_trailing_chatter(blocks, sink)
    outline = sections.build(blocks, len(doc.lines), sink, None)
    anchor = infer_reference_date(doc.text, front_matter=doc.front_matter)
    ctx = extract.Context(doc, outline, sink, anchor or dt.date.today())
    report = IncidentReport(**api._assemble(ctx, extract.run(ctx)))
    document.finish(report.report_type, report.indicators, ctx)
    return report.model_copy(update={"diagnostics": tuple(sink.items)})


def test_parse_builds_the_report_the_copy_gave() -> None:
    live = 0
    for text in TEXTS[: len(REPORTS) + 100]:
        report, plain = api.parse(text), _plain_parse(text)
        live += any(item.name == "live-indicator" for item in report.diagnostics)
        assert report == plain
        assert report.model_fields_set == plain.model_fields_set
        assert report.model_dump_json() == plain.model_dump_json()
    assert live  # finish() did add its diagnostics


# --- report_type: evidence words and phrases absent from the text are not looked for ---


def _plain_text_evidence(text: str) -> dict[str, int]:
    """text_evidence as it was: every word counted, every phrase searched."""
    scores = {"security_incident": 0, "service_outage": 0}
    for word, (side, weight) in document.TYPE_WORDS.items():
        scores[side] += weight * word_count(text, word, side)
    for _, pattern, side, weight in document._TYPE_PHRASES:
        for match in pattern.finditer(text):
            if not document._negated(text, match.start(), side):
                scores[side] += weight
    return scores


def test_every_phrase_match_opens_with_its_opener() -> None:
    for opener, pattern, _, _ in document._TYPE_PHRASES:
        assert opener and pattern.pattern.startswith(opener)
        for text in TEXTS:
            for match in pattern.finditer(text.lower()):
                assert match.group(0).startswith(opener), (pattern.pattern, match.group(0))


def test_report_type_is_that_of_every_word_and_phrase() -> None:
    phrases = [
        "not an attack. rather than malicious; service disruption, root cause rolled back",
        "threat actor used command and control after unauthorized access and credential theft",
        "cve-2021-44228 no threat actor, not a security incident",
    ]
    kinds = set()
    for text in [*TEXTS, *phrases]:
        doc = source.load(text)
        sink = Sink()
        outline = sections.build(tokens.parse_blocks(doc.body), len(doc.lines), sink)
        ctx = extract.Context(doc, outline, sink, REFERENCE)
        extract.run(ctx)
        kinds.add(document.report_type(ctx))
        assert document.text_evidence(ctx.lowered) == _plain_text_evidence(ctx.lowered), text
    assert kinds == {"security_incident", "service_outage", "unknown"}
