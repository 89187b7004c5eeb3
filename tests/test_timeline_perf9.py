"""Round 9 fast paths of the timeline give exactly what the plain code gave.

- `_SENTENCE_END` puts the sentence mark inside the match instead of a look-behind: the blanks
  it gives (group 1) are the plain pattern's matches.
- A stamped paragraph ('2018-08-22, 03:26pm: first noticed ...') keeps its narrative rows only
  when there are several: `_one_dated_sentence` skips reading them where at most one sentence
  can hold a date. Shown by the bound itself (never more than one narrative row where it says
  so) and end to end with the plain order patched back in.

Each is compared on every report we have (fixtures, docs, the shared corpus when present) and
on generated texts dense in what the patterns look at.
"""

from __future__ import annotations

import datetime as dt
import random
import re

import pytest

from incidentparse import extract, parse, sections, source, tokens
from incidentparse.api import sink_for
from incidentparse.dates.scan import expression_candidates
from incidentparse.extract import readers, timeline
from incidentparse.extract.readers import Entry

from .conftest import FIXTURES, ROOT, SHARED

REPORTS = sorted(
    [
        *FIXTURES.glob("**/*.md"),
        *ROOT.glob("*.md"),
        *(ROOT / "docs").glob("**/*.md"),
        *(SHARED / "corpus").glob("*.md"),
    ]
)
DOCS: list[str] = [p.read_text(encoding="utf-8") for p in REPORTS]
REFERENCE = dt.date(2024, 3, 1)

# --- the plain code ---------------------------------------------------------------------------

_PLAIN_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])")


# --- generated texts --------------------------------------------------------------------------

# Paragraph pieces: stamps, dates and times in prose, relative phrases, sentence ends (some
# inside a date: 'Aug. 22', 'approx. 5pm'), words that open no date, and some that do.
PROSE_PIECES: tuple[str, ...] = (
    "2018-08-22, 03:26pm:", "2018-08-23, 10:08am", "Aug. 22", "approx. 5pm", "at 09:10 UTC",
    "The next morning,", "Twelve minutes later", "by 16:30 UTC", "on Monday", "April 1:",
    "[23:55]", "14:00", "03/04", "2019", "Q3", "from", "at", "in", "noon", "yesterday",
    ".", "!", "?", ". ", ". It", ". The", "! (", '. "', "first", "noticed", "the", "site",
    "was", "down", "It", "We", "restarted", "10.0.0.1", "v1.2", "İ", "\n", "e.g.", "etc.",
    "3 p.m.", "a.m. The", "Dr. Smith", "No.", "5.", "A", "(", ")", "ı", "ſ", "for a", "the end",
    "due", "In", "Since", "Q4", "٣",
)  # fmt: skip


def _generated_paragraphs(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        pieces = [rng.choice(PROSE_PIECES) for _ in range(rng.randint(1, 14))]
        out.append(" ".join(pieces).replace("\n", " ").strip() or "x")
    return out


def _doc_paragraphs() -> list[str]:
    return [p for doc in DOCS for p in doc.split("\n\n") if p.strip()]


def _context(text: str) -> extract.Context:
    doc = source.load(text, None)
    sink = sink_for(doc)
    outline = sections.build(tokens.parse_blocks(doc.body), len(doc.lines), sink)
    return extract.Context(doc, outline, sink, REFERENCE)


def test_reports_are_there() -> None:
    assert len(REPORTS) >= 20


def test_sentence_ends_as_the_look_behind() -> None:
    texts = _doc_paragraphs() + _generated_paragraphs(3000, 11)
    found = 0
    for text in texts:
        plain = [m.span() for m in _PLAIN_SENTENCE_END.finditer(text)]
        assert list(timeline._sentence_ends(text)) == plain, text
        found += len(plain)
    assert found > 3000


@pytest.mark.parametrize("dayfirst", [None, True, False])
def test_one_dated_sentence_bounds_the_narrative(dayfirst: bool | None) -> None:
    """Where `_one_dated_sentence` holds, the paragraph never gives two narrative rows (what
    skipping them relies on); both answers occur, and so do paragraphs it refuses that give
    two rows."""
    texts = _doc_paragraphs() + _generated_paragraphs(1000, 13 + (dayfirst is None))
    years = (None, 2018, 2024)
    answers = {True: 0, False: 0}
    several = 0
    for n, text in enumerate(texts):
        document = f"{years[n % 3] or ''}\n\n# Timeline\n\n{text}\n"
        ctx = _context(document)
        ctx.__dict__["dayfirst"] = dayfirst  # the cached property, set for this test
        entry = Entry(5, 5, 0, text, None, text, False, None)  # type: ignore[arg-type]
        group = timeline._Group(None, None)
        rows = timeline._narrative_rows([entry], group, ctx, "UTC")
        one = timeline._one_dated_sentence(text)
        assert not (one and len(rows) > 1), text
        answers[one] += 1
        several += len(rows) > 1
    assert answers[True] > 500 and answers[False] > 500
    assert several > 100


def test_one_dated_sentence_reads_the_scanners_words() -> None:
    """Every word the scanner reads past the first sentence's end makes the answer False."""
    texts = _doc_paragraphs() + _generated_paragraphs(3000, 23)
    refused = 0
    for text in texts:
        first = timeline._SENTENCE_END.search(text)
        if first is None:
            assert timeline._one_dated_sentence(text)
            continue
        read = [p for p in expression_candidates(text, 0, None) if p >= first.start(1)]
        if read:
            assert not timeline._one_dated_sentence(text), text
            refused += 1
    assert refused > 500


def _timeline_docs() -> list[str]:
    """Generated reports whose timeline is prose paragraphs, stamped or not."""
    rng = random.Random(17)
    paragraphs = _generated_paragraphs(1200, 19)
    docs = []
    for start in range(0, len(paragraphs), 6):
        body = "\n\n".join(paragraphs[start : start + 6])
        zone = rng.choice(("", "All times in PDT.\n\n", "Times are UTC.\n\n"))
        docs.append(f"# Outage on 2018-08-22\n\n## Timeline\n\n{zone}{body}\n")
    return docs


def test_reports_parse_as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    """End to end: every report, and generated prose timelines, against the plain order (the
    narrative rows read for every prose paragraph); the skip is taken and refused."""
    docs = DOCS + _timeline_docs()
    calls = {True: 0, False: 0}
    one_dated = timeline._one_dated_sentence

    def counted(text: str) -> bool:
        answer = one_dated(text)
        calls[answer] += 1
        return answer

    monkeypatch.setattr(timeline, "_one_dated_sentence", counted)
    fast = [parse(doc).model_dump() for doc in docs]
    assert calls[True] > 100 and calls[False] > 50
    # The plain order never skips: narrative rows read for every prose paragraph.
    monkeypatch.setattr(timeline, "_one_dated_sentence", lambda text: False)
    plain = [parse(doc).model_dump() for doc in docs]
    for doc, a, b in zip(docs, fast, plain, strict=True):
        assert a == b, doc


# --- readers: the plain label's colon prefilter -------------------------------------------------


def _plain_plain_label(text: str) -> tuple[str | None, str, bool]:
    """readers._plain_label without its prefilter."""
    match = readers._PLAIN_LABEL.match(text)
    if not match or len(match.group("label").split()) > readers.MAX_LABEL_WORDS:
        return None, text, False
    return match.group("label").strip(), (match.group("value") or "").strip(), False


LABEL_PIECES: tuple[str, ...] = (
    "Start", "End", "Tech Lead", "A", "1", "[x]", "[", "a", "é", ":", ": ", " :", "::", "\t",
    "  ", " ", ".", "?", "!", "-", "value", "2018-08-22", "12:49", "https://x.org", "\n",
    "one two three four five six seven", "x" * 50, " " * 70,
)  # fmt: skip


def test_plain_label_as_the_pattern() -> None:
    rng = random.Random(29)
    texts = [line for doc in DOCS for line in doc.splitlines()]
    texts += [
        "".join(rng.choice(LABEL_PIECES) for _ in range(rng.randint(0, 9))) for _ in range(5000)
    ]
    labelled = 0
    for text in texts:
        fast = readers._plain_label(text)
        assert fast == _plain_plain_label(text), text
        labelled += fast[0] is not None
    assert labelled > 150 and len(texts) - labelled > 500
