"""Round 38 fast path of infer_reference_date gives exactly what its definition gives.

document._worth_scanning searches a text shorter than document._SHORT by _WORTH itself (the
definition, as for a case-unsafe text) instead of _worth_offsets' passes: the kept lines are the
ones round 37's _worth_scanning (kept here) keeps, on every text we have and on generated short
mixes of the stems, their near-misses, years, digits, blanks, line breaks and characters that
fold under re.I. No timings; the generated texts take the short path without the corpus.
"""

from __future__ import annotations

import random
from pathlib import Path

from incidentparse.dates import document
from incidentparse.dates.vocab import case_unsafe

from .test_dates_perf import DOCUMENTS, TEXTS


def _old_worth_scanning(text: str) -> str:
    """_worth_scanning as round 37 left it: _worth_offsets unless the text is case-unsafe."""
    if not text:
        return ""
    if case_unsafe(text):
        found = [m.start() for m in document._WORTH.finditer(text)]
    else:
        found = document._worth_offsets(text)
    kept: list[str] = []
    line_end = -1
    for offset in sorted(found):
        if offset < line_end:
            continue
        line_end = text.find("\n", offset)
        line_end = len(text) if line_end < 0 else line_end
        kept.append(text[text.rfind("\n", 0, offset) + 1 : line_end])
    return "\n\n".join(kept)


_PIECES = (
    "report", "REPORT", "Rep", "repo", "as of", "As\tOf", "as  of", "asof", "publi", "Publ",
    "posted", "post", "Post.", "posting", "update", "UPDATE", "updat", "issued", "Issu", "date:",
    "Date :", "date", "dat", "advisory", "bulletin", "notice", "summary", "Summ", "1999", "2024",
    "20245", "119", "1920", "20", "19", "x2020", "2020x", "ſummary", "K", "İ", "ı", "é", "–",
    " ", "  ", "\t", "\n", "\n\n", "\x1c", "\u00a0", ":", "-", "|", "#", "a", "s", "0", "9",
)  # fmt: skip


def _short_texts(count: int, seed: int = 3801) -> list[str]:
    """Mixes of the pieces, mostly shorter than _SHORT (some just past it)."""
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        text = "".join(rng.choices(_PIECES, k=rng.randint(1, 8)))
        texts.append(text[: rng.randint(0, document._SHORT + 4)])
    return texts


_README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_short_texts_keep_round_37s_lines() -> None:
    texts = [*TEXTS, *DOCUMENTS, _README, *_short_texts(40_000)]
    short = kept = 0
    for text in texts:
        assert document._worth_scanning(text) == _old_worth_scanning(text), repr(text)
        if 0 < len(text) < document._SHORT and not case_unsafe(text):
            short += 1  # the path that was _worth_offsets'
            kept += bool(document._worth_scanning(text))
    # the short path taken often, finding lines and not, without the corpus too
    assert short > 20_000 and 5_000 < kept < short, (short, kept)


def test_every_prefix_of_our_texts() -> None:
    """Each short beginning of a document: real lines cut anywhere."""
    for text in [*DOCUMENTS, _README]:
        for size in range(document._SHORT + 2):
            head = text[:size]
            assert document._worth_scanning(head) == _old_worth_scanning(head), repr(head)
