"""Round-27: absent_literals gathers what follows each place of a rare opener ('[', '(', '{',
'\\', '~') by str.find (scan._tails) instead of a regex search of the whole text; the file-name
anchor's extension trie tries its first letters five branches at a time (scan._trie's group);
the label lookup's line kinds match a line's list mark once, and only where one can open.

_tails is compared with the regex search it stands in for (rare.tails.findall), and
absent_literals with the round-26 code kept here as the reference, on every report we have,
the IOC case tables and generated texts: short and long ones (past _SPACING characters a place
is taken by str.find), openers few and many (past len(text) // _SPACING places the search takes
the rest), line breaks right after an opener and inside a tail. The grouped trie is compared
with the flat one: as a whole pattern on every word shaped like an extension (the table's, in
every case, cut short, run on, with look-alike letters) and as the anchor on the same texts.
Labels._line_kind is compared with the round-26 code on every line of those texts and of
generated lines (list marks after Unicode spaces, digits of other scripts, labels, rows).
"""

from __future__ import annotations

import importlib
import random
import re

import pytest

from incidentparse.ioc import context as ctx
from incidentparse.ioc.layout import Layout
from incidentparse.ioc.vocab import FILE_EXTENSIONS

from .test_ioc_perf import TEXTS

# The module (incidentparse.ioc.scan, as an attribute, is the scan function it exports).
scan = importlib.import_module("incidentparse.ioc.scan")

# Every rare literal, its halves, line breaks, prose and non-ASCII characters.
_PIECES: tuple[str, ...] = (
    *sorted({lit for rare in scan._RARE for lit in rare.literals}),
    "[", "(", "{", "\\", "~", "[\n", "(\n.", "{\n:", "\\\nREG", "~\n/", "[d\not", "(a\nt)",
    "[DO", "(at", "{at", " ", "  ", "\n", "\n\n", "evil", "com", "x", "1", ".", ":", "/",
    "é", "’", "🔥", "ツ", "the incident started at ", "lorem ipsum dolor sit amet, ",
)  # fmt: skip


def _generated(count: int, seed: int, pieces: int) -> list[str]:
    rng = random.Random(seed)
    return [
        "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, pieces))) for _ in range(count)
    ]


def _sparse(count: int, seed: int) -> list[str]:
    """Long prose with a few openers: the str.find loop covers every place, or all but some."""
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        parts = [rng.choice(_PIECES[-2:]) for _ in range(rng.randint(10, 400))]
        for _ in range(rng.randint(1, 40)):
            parts.insert(rng.randrange(len(parts) + 1), rng.choice(_PIECES))
        texts.append("".join(parts))
    return texts


GENERATED = [*_generated(4000, 27, 40), *_generated(300, 127, 600), *_sparse(600, 227)]
ALL = [*TEXTS, *GENERATED]


def _reference_absent(text: str, *, common: bool = False) -> frozenset[str]:
    """absent_literals as round 26 wrote it: the tails by one regex search of the whole text."""
    absent = scan._absent_common(text) if common else []
    for rare in scan._RARE:
        if rare.opener not in text:
            absent.extend(rare.literals)
            continue
        if len(text) > scan._DENSE_TEXT and text.count(rare.opener) > scan._DENSE:
            absent.extend(lit for lit in rare.literals if lit not in text)
            continue
        tails = "".join(["\n" + tail for tail in rare.tails.findall(text)])
        absent.extend(lit for lit in rare.literals if "\n" + lit[1:] not in tails)
    return frozenset(absent)


def test_generated_texts_take_both_ways() -> None:
    # Texts whose places the str.find loop takes all of, and texts where the search takes some.
    looped = searched = 0
    for text in GENERATED:
        for rare in scan._RARE:
            places = text.count(rare.opener)
            if places:
                if places <= len(text) // scan._SPACING:
                    looped += 1
                else:
                    searched += len(text) >= scan._SPACING
    assert looped > 300 and searched > 300, (looped, searched)


def test_tails_are_the_regex_search() -> None:
    for text in ALL:
        for rare in scan._RARE:
            if rare.opener in text:
                assert scan._tails(text, rare) == rare.tails.findall(text), (rare.opener, text)


def test_absent_literals_are_the_reference() -> None:
    for text in ALL:
        assert scan.absent_literals(text) == _reference_absent(text), text
        assert scan.absent_literals(text, common=True) == _reference_absent(text, common=True)


def test_widths_are_the_longest_literals() -> None:
    for rare in scan._RARE:
        assert rare.width == max(len(lit) for lit in rare.literals) - 1
        assert rare.tails.pattern.endswith(f"(?=(.{{0,{rare.width}}}))")


# ---------------------------------------------------------------- the grouped extension trie

_EXT_SHAPE = re.compile(r"[A-Za-z][A-Za-z0-9]{0,7}|7z")
_KNOWN = sorted(ext for ext in FILE_EXTENSIONS if _EXT_SHAPE.fullmatch(ext))


def _flat_anchor() -> re.Pattern[str]:
    """_KNOWN_EXT_DOT as round 26 built it: the trie's first-letter branches one after another."""
    flat = scan._KNOWN_EXT_DOT.pattern.pattern.replace(
        scan._trie(_KNOWN, scan._GROUP), scan._trie(_KNOWN)
    )
    assert flat != scan._KNOWN_EXT_DOT.pattern.pattern
    return re.compile(flat)


def _ext_words(seed: int) -> list[str]:
    """Extensions as written, in every case, cut short, run on, and look-alike letters."""
    rng = random.Random(seed)
    words = set(_KNOWN)
    for ext in _KNOWN:
        words.update((ext.upper(), ext.title(), ext[:-1], ext + "x", ext + "1", ext[1:]))
        words.add("".join(ch.upper() if rng.random() < 0.5 else ch for ch in ext))
        words.add(ext.replace("s", "\u017f").replace("k", "\u212a"))  # long s, Kelvin sign
    letters = "abcdefghijklmnopqrstuvwxyzACGJKMPSXZ0127_-"
    words.update(
        "".join(rng.choice(letters) for _ in range(rng.randint(1, 9))) for _ in range(20000)
    )
    return sorted(words)


def test_grouped_trie_holds_the_flat_trie_words() -> None:
    grouped = re.compile(scan._trie(_KNOWN, scan._GROUP))
    flat = re.compile(scan._trie(_KNOWN))
    assert grouped.pattern != flat.pattern and grouped.pattern.count("(?=[") >= 4
    words = _ext_words(27)
    held = 0
    for word in words:
        assert (grouped.fullmatch(word) is None) == (flat.fullmatch(word) is None), word
        held += flat.fullmatch(word) is not None
    assert held >= 2 * len(_KNOWN)  # both answers are common


def _dotted(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    words = _ext_words(seed)
    joins = (".", ". ", ".\n", "/", " ", "_", "-", "..")
    return [
        "".join(
            rng.choice(_KNOWN if rng.random() < 0.5 else words) + rng.choice(joins)
            for _ in range(rng.randint(1, 12))
        )
        for _ in range(count)
    ]


def test_grouped_anchor_is_the_flat_anchor() -> None:
    flat = _flat_anchor()
    found = 0
    for text in [*ALL, *_dotted(3000, 327)]:
        spans = [m.span(1) for m in scan._KNOWN_EXT_DOT.pattern.finditer(text)]
        assert spans == [m.span(1) for m in flat.finditer(text)], text
        found += len(spans)
    assert found > 1000


# ---------------------------------------------------------------- the kinds of label lines


def _reference_line_kind(labels: ctx.Labels, index: int) -> tuple[str, str | None]:
    """Labels._line_kind as round 26 wrote it: the list mark matched for the label and again."""
    starts = labels.layout.line_starts
    text = labels.layout.text
    end = starts[index + 1] - 1 if index + 1 < len(starts) else len(text)
    line = text[starts[index] : end]
    label = ctx._label_line(line)
    if label is not None:
        return "label", label
    stripped = line.strip()
    if not stripped or stripped[0] in "|" or ctx._LIST_MARK.match(line):
        return "pass", None
    return "stop", None


# Line openings: whitespace (str.isspace: no-break, em and file-separator spaces), list marks,
# digits (\d reads other scripts' decimal digits, not superscripts), check boxes, labels, rows.
_HEADS: tuple[str, ...] = (
    "", " ", "   ", "\t", "\u00a0", "\u2003", "\x1c", "\x85", "- ", "* ", "+ ", "-", "*", "1. ",
    "12) ", "1.", "\u0663. ", "\u00b2. ", "\uff11) ", "- [ ] ", "* [x] ", "**", "__", "|", "#",
    "> ", "a", "Label", "x-", "-\u00a0", "1.\u2003",
)  # fmt: skip
_TAILS: tuple[str, ...] = (
    "", "Label:", "**C2 servers:**", "**Note**:", "C2:", "Dropped files:", "see https://a.b/c",
    "text", "x: y", "**bold** text", "__Label:__", "a | b |", ":", "**", " ", "\u00a0", "é:",
)  # fmt: skip


def _line_texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        lines = [
            rng.choice(_HEADS) + rng.choice(_HEADS) + rng.choice(_TAILS) + rng.choice(_TAILS)
            for _ in range(rng.randint(1, 12))
        ]
        texts.append("\n".join(lines))
    return texts


def test_line_kinds_are_the_reference() -> None:
    kinds: dict[str, int] = {}
    for text in [*ALL, *_line_texts(3000, 427)]:
        labels = ctx.Labels(Layout.build(text))
        for index in range(len(labels.layout.line_starts)):
            kind = labels._line_kind(index)
            assert kind == _reference_line_kind(labels, index), (text, index)
            kinds[kind[0]] = kinds.get(kind[0], 0) + 1
    assert min(kinds.values()) > 2000, kinds  # every kind is common


def test_label_lookups_are_the_reference(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [*TEXTS, *_line_texts(600, 527)]
    fast = [_labels_everywhere(text) for text in texts]
    monkeypatch.setattr(ctx.Labels, "_line_kind", _reference_line_kind)
    assert fast == [_labels_everywhere(text) for text in texts]


def _labels_everywhere(text: str) -> list[str | None]:
    """The label at the end of every line and at a few offsets in between."""
    labels = ctx.Labels(Layout.build(text))
    return [labels.label_at(offset) for offset in range(0, len(text), 7)]
