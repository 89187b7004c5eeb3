"""The whole-shape shortcut (dates/shapes.py) gives exactly what the grammar gives.

match_shape is compared with the grammar at every place of every Markdown file of the repo, the
shared corpus (when present), the date tables and generated text built from the shapes and
every kind of thing that can follow them; then whole results (parse_timespan, find_timespans,
resolve_sequence and parse()) with the shortcut on and off, under several option sets. No
timings here.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
import re
from collections.abc import Callable, Iterator

import pytest

from incidentparse import api
from incidentparse.dates import find_timespans, grammar, parse_timespan, resolve_sequence
from incidentparse.dates.grammar import Expr
from incidentparse.dates.points import Ctx
from incidentparse.dates.shapes import match_shape

from .conftest import FIXTURES, REPO_MARKDOWN, SHARED

# --- inputs ----------------------------------------------------------------------------------

SHAPES = (
    "2019-03-26 16:21", "2019-3-6 4:21", "2019-03-26", "2019-03-26, 03:26pm", "2019-03-26  16:21",
    "2019-03-26\t16:21", "2019-03-26 , 16:21", "2019-03-26,16:21", "1999-12-31 23:59",
    "2019-02-31 10:00", "2019-02-29", "2020-02-29 00:00", "2019-13-01", "2019-03-32",
    "2019-03-26 24:00", "2019-03-26 23:60", "2019-03-26T16:21", "2019-03-26 16:21:05",
    "4:06 PM", "4:06PM", "4:06 pm", "4:06 pM", "12:00 am", "12:30 pm", "12:30 AM", "00:30 am",
    "13:00 pm", "0:00", "16:21", "09:30", "9:5", "23:59", "24:00", "03-26 07:16", "12-05 16:21",
    "13-13 10:00", "05-06 10:00", "06-05 10:00", "5-5 10:00", "31-12 1:00 pm", "03-26  07:16",
    "03-26\n07:16", "03/26 07:16", "2019-03-26 4:06 PM", "3099-01-01", "1899-01-01 10:00",
    "2019-03-26 1:00 am", "2019-03-26 12:00 pm", "12024-03-26", "019-03-26",
)  # fmt: skip
BEFORE = ("", " ", "x ", ".", "1", "v", "/", "-", "| ", "[", "(", "on ", "since ", "from ", "~")
AFTER = (
    "", " ", "  ", " |", "|", "]", " ]", "\t|", ": x", ":", ": ", ":x", ":00", ":30", ":5", "Z",
    "+02:00", "-07", " UTC", "UTC", " Z", " PDT", " EDT (17:14 UTC)", "\nUTC", "\n", "\n\n",
    " - 2019-03-27", "-2019-03-27", " -- 2019-03-27", " — 2019-03-27", " − 17:00", " – 17:00",
    "–17:00", " to 17:00", " until 17:00", " till 17:00", " through April 3", " thru 18:00",
    " and 17:00", " & 17:00", " ongoing", " - present", " – ongoing", " to now", " onwards",
    " and later", " forward", "-ish", " or so", " (17:14 UTC)", " [17:14 UTC]", " (Tuesday)",
    ", Tuesday", " Tue", " (Tue)", " at 14:00", " @ 14:00", "@14:00", "T14:00", " 14:00",
    ", 14:00", " pm", " PM", " p.m.", " a.m.", "pm", "0", "5", "a", "x", "_", ".", ".5", ",",
    ", 2019", " 2019", "/", "/5", "-", " -", " --", " ~ 17:00", "~", " hosts", " users", "s",
    "th", ")", " (est.)", " (approx)", " hours", " days later", "–2023", " - 2020", "%", "'",
    "İ", "K", "\u00a0|", " \u2009|", "|x", "]x", ": ", "]\n", " | 2019-03-27 | x",
)  # fmt: skip


def _repo_texts() -> list[str]:
    paths = list(REPO_MARKDOWN)
    paths += sorted((SHARED / "corpus").glob("*.md")) if (SHARED / "corpus").is_dir() else []
    paths += sorted((FIXTURES / "dates").glob("*.tsv"))
    return [path.read_text(encoding="utf-8") for path in paths if path.is_file()]


def _generated() -> list[str]:
    """Every shape between every before and after, then random runs of shapes and afters."""
    texts = [b + s + a for s, b, a in itertools.product(SHAPES, BEFORE, AFTER)]
    rng = random.Random(3)
    for _ in range(4000):
        pieces = rng.choices(SHAPES + AFTER + BEFORE, k=rng.randint(1, 8))
        texts.append("".join(pieces))
    return texts


REPO = _repo_texts()
GENERATED = _generated()

_REF = dt.date(2026, 4, 3)
CONTEXTS = [
    Ctx(_REF),
    Ctx(_REF, dayfirst=True),
    Ctx(_REF, dayfirst=False, slot=True),
    Ctx(
        dt.date(2019, 3, 28),
        anchor=dt.date(2019, 3, 1),
        anchor_instant=dt.datetime(2019, 3, 1, 14, 0),
        dayfirst=None,
        slot=True,
        slot_word=True,
    ),
]


def _places(text: str) -> Iterator[int]:
    """Every digit (the scanner's candidates, and more: the rules' lookbehinds are tested)."""
    for m in re.finditer(r"\d", text):
        yield m.start()


def _slow(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(grammar, "match_shape", lambda text, pos, ctx: None)


# --- the expression at a place ---------------------------------------------------------------


def _compare_places(texts: list[str], monkeypatch: pytest.MonkeyPatch) -> int:
    places: list[Place] = []
    for text in texts:
        for pos in _places(text):
            for ctx in CONTEXTS:
                found = match_shape(text, pos, ctx)
                if found is not None:
                    places.append((text, pos, ctx, Expr(pos, found[1], found[0])))
    return same_without(places, _slow, monkeypatch)


Place = tuple[str, int, Ctx, Expr | None]


def same_without(
    places: list[Place],
    slow: Callable[[pytest.MonkeyPatch], None],
    monkeypatch: pytest.MonkeyPatch,
) -> int:
    """The grammar reads each place as the shortcut did (the expression given) once slow has
    switched the shortcut off; the number of places compared."""
    with monkeypatch.context() as patch:
        slow(patch)
        for text, pos, ctx, fast in places:
            assert grammar.match_expression(text, pos, ctx) == fast, (text, pos, ctx)
    return len(places)


def test_shapes_read_the_repo_and_corpus_as_the_grammar(monkeypatch: pytest.MonkeyPatch) -> None:
    # 392 places from the repository alone, ~4x with the shared corpus
    assert _compare_places(REPO, monkeypatch) > 250


def test_shapes_read_generated_text_as_the_grammar(monkeypatch: pytest.MonkeyPatch) -> None:
    # Every other text (105 followers, an odd count: each shape meets each follower after
    # about half of the preceding contexts), which keeps the suite quick.
    assert _compare_places(GENERATED[::2], monkeypatch) > 10_000


def test_every_shape_is_taken_somewhere() -> None:
    """The shortcut is not vacuous: each kind of shape answers for some follower."""
    for shape in ("2019-03-26 16:21", "2019-03-26", "2019-03-26, 03:26pm", "4:06 PM", "16:21"):
        assert match_shape(shape + " |", 0, CONTEXTS[0]) is not None, shape
    assert match_shape("03-26 07:16]", 0, CONTEXTS[0]) is not None


# --- whole results, shortcut on and off -------------------------------------------------------

OPTIONS = [
    {"reference_date": _REF},
    {"reference_date": _REF, "dayfirst": True, "default_zone": "America/New_York"},
    {"reference_date": dt.date(2019, 3, 28), "context_year": 2019, "dayfirst": False},
    {"reference_date": dt.date(2019, 1, 2), "context_year": 2018, "default_zone": "PDT"},
    {"reference_date": dt.date(2000, 1, 1), "default_zone": "UTC+05:30", "dayfirst": None},
]


def _results(texts: list[str]) -> list[object]:
    out: list[object] = []
    for options in OPTIONS:
        for text in texts:
            out.append(parse_timespan(text, **options))  # type: ignore[arg-type]
            out.append(find_timespans(text, **options))  # type: ignore[arg-type]
        out.append(resolve_sequence(texts, **options))  # type: ignore[arg-type]
    return out


def _lines(texts: list[str]) -> list[str]:
    return [line for text in texts for line in text.split("\n") if re.search(r"\d:\d|\d-\d", line)]


def with_and_without(
    monkeypatch: pytest.MonkeyPatch,
    switch_off: Callable[[pytest.MonkeyPatch], None],
    read: Callable[[], list[object]],
) -> tuple[list[object], list[object]]:
    """What read() gives with a shortcut, and without it (switch_off patches it away)."""
    fast = read()
    with monkeypatch.context() as patch:
        switch_off(patch)
        slow = read()
    return fast, slow


def parsed_reports() -> list[object]:
    """Every report of REPO parsed to JSON (the reports, not the date tables)."""
    texts = [t for t in REPO if "\t" not in t[:200]]
    return [api.parse(text).model_dump(mode="json") for text in texts]


@pytest.mark.parametrize("source", ["repo", "generated"])
def test_results_are_the_same_without_the_shortcut(
    source: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    texts = _lines(REPO) if source == "repo" else GENERATED[::46]
    fast, slow = with_and_without(monkeypatch, _slow, lambda: _results(texts))
    assert sum(r is not None for r in slow) > 1000
    assert fast == slow


def test_parse_is_the_same_without_the_shortcut(monkeypatch: pytest.MonkeyPatch) -> None:
    fast, slow = with_and_without(monkeypatch, _slow, parsed_reports)
    assert fast == slow
