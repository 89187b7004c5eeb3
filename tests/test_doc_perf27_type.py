"""Round 27: report_type's evidence skips what its gate words rule out.

report_type looks up the gate words (the last part of each hyphenated evidence word, 'than',
'availability'/'degradation'/'disruption') among the text's runs with its evidence words, in
the same pass (Context.runs_among), and text_evidence(gated=True) then skips the substring
search of a hyphenated word or a phrase opener whose gate words are no runs. The scores are
those of the ungated text_evidence of the lower-cased text (the plain computation) on our texts
and on generated texts of the gate words, their look-alikes and the phrases around them; the
gated words hold every word _word_starts finds; whole parses are the same with report_type
ungated. No timings.
"""

from __future__ import annotations

import random

import pytest

import incidentparse
from incidentparse import source
from incidentparse.extract import Context, document

from .test_dates_perf import DOCUMENTS, TEXTS
from .test_dates_perf27_ref_value import _reports


def _context(text: str) -> Context:
    return Context(source.load(text, None), None, None, None)  # type: ignore[arg-type]


def _gated(text: str, wide_first: bool) -> dict[str, int]:
    ctx = _context(text)
    if wide_first:  # the status's last resort read the wider set first
        ctx.runs_among(document._DOCUMENT_WORDS)
    runs = ctx.runs_among(document._TYPE_RUN_WORDS, document._DOCUMENT_WORDS)
    found = document._gated_words(ctx.lowered, runs)
    words = {
        word
        for word in document._whole_words(ctx.lowered)
        if any(document._word_starts(ctx.lowered, word.decode()))
    }
    assert words <= found <= document._whole_words(ctx.lowered), text
    return dict(document.text_evidence(ctx.lowered, runs, gated=True))


_PIECES = (
    "rather than ", "rather than a malicious", "xrather than malicious", "rather thanx malicious",
    "rather  than malicious", "malicious", "service availability", "service degradation",
    "service disruption", "service availabilityx", "service disruptioné", "service disruption_",
    "xservice degradation.", "service", "availability", "on-call", "xon-call", "on-callx",
    "on-call-", "-on-call", "--on-call", "a-on-call", "on-call_", "on-callé", "post-mortem",
    "post-mortems", "post-mortem-", "xpost-mortem", "call", "mortem", "than", "not a malicious",
    "no ", " ", " ", "\n", "-", ".", "é", "a", "outage", "RATHER THAN MALICIOUS",
    "Service Disruption",
    "On-Call", "ﬀ", "İ",
)  # fmt: skip


def _generated(count: int, seed: int = 2704) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choices(_PIECES, k=rng.randint(0, 12))) for _ in range(count)]


def test_gated_evidence_is_the_ungated_one() -> None:
    scored = 0
    for text in [*TEXTS, *DOCUMENTS, *_generated(20_000)]:
        plain = document.text_evidence(_context(text).lowered)
        assert _gated(text, False) == plain, text
        assert _gated(text, True) == plain, text
        scored += any(plain.values())
    assert scored > 10_000


def test_gate_words_are_looked_up_with_the_evidence_words() -> None:
    assert document._TYPE_WORD_BYTES < document._TYPE_RUN_WORDS <= document._DOCUMENT_WORDS
    assert {b"call", b"mortem", b"than", b"disruption"} <= document._TYPE_RUN_WORDS


def test_whole_parses_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [*_reports(), *DOCUMENTS]
    fast = [incidentparse.parse(text).model_dump_json() for text in texts]
    plain_evidence = document.text_evidence

    def ungated(text: str, runs: object = None, *, gated: bool = False) -> dict[str, int]:
        return plain_evidence(text)  # type: ignore[return-value]

    monkeypatch.setattr(document, "text_evidence", ungated)
    assert [incidentparse.parse(text).model_dump_json() for text in texts] == fast
