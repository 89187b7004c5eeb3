"""Round 37: a plain label told absent by the character after the text's first ':'.

``readers._plain_label`` answers (None, text, False) at once where the first ':' of the text is
followed by a character other than a blank ('2018-08-22, 03:26pm: first noticed …', a URL's
'https:'); ``readers._paragraph_entries`` makes a paragraph of several lines one entry,
without splitting its lines, where the raw text's first ':' stands before the first break
with such a character after it (the first line holds no label), and builds that entry, as
that of a one-line paragraph whose first ':' is so followed, without _entry's label split.
Compared here with the plain computations (round 36's functions, kept below) on every line
and paragraph of our reports (README, docs, fixtures, the corpus when present) and on
generated paragraphs mixing labels, stamps, URLs and blanks around colons; every shortcut is
counted taken. No timings.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable

from incidentparse import source, tokens
from incidentparse.extract import readers
from incidentparse.extract.readers import Entry, _paragraph_entries
from incidentparse.tokens import Inline, Node

from .conftest import REPO_MARKDOWN, SHARED


def _plain_label(text: str) -> tuple[str | None, str, bool]:
    """readers._plain_label as it was (round 36)."""
    if ":" not in text:
        return None, text, False
    match = readers._PLAIN_LABEL.match(text)
    if not match or len(match.group("label").split()) > readers.MAX_LABEL_WORDS:
        return None, text, False
    return match.group("label").strip(), (match.group("value") or "").strip(), False


def _split_label(inline: Inline) -> tuple[str | None, str, bool]:
    """readers.split_label with round 36's _plain_label."""
    if inline.lead is not None and inline.rest:
        lead, rest = inline.lead, inline.rest
        if lead.endswith(":"):
            return lead[:-1].strip(), rest, inline.lead_strong
        if rest.startswith(":"):
            return lead, rest[1:].strip(), inline.lead_strong
        if readers._DASH_SEP.match(rest):
            return lead, readers._DASH_SEP.sub("", rest, count=1), inline.lead_strong
    if inline.lead is not None and not inline.rest and inline.lead.endswith(":"):
        return inline.lead[:-1].strip(), "", inline.lead_strong
    return _plain_label(inline.text)


def _entry(
    node: Node,
    depth: int,
    inline: Inline | None = None,
    line: int = 0,
    split: Callable[[Inline], tuple[str | None, str, bool]] | None = None,
) -> Entry:
    """readers._entry with round 36's label split, or with split (round 39's test reads
    readers._entry before round 39: the same with readers.split_label)."""
    inline = inline or node.inline
    first = line or node.line
    last = line or node.end_line
    checked: bool | None = None
    box = readers._CHECKBOX.match(inline.text) if inline.text.startswith("[") else None
    if box:
        checked = box.group(1) != " "
        inline = Inline(inline.text[box.end() :], links=inline.links, code=inline.code)
    label, value, bold = (split or _split_label)(inline)
    return Entry(first, last, depth, inline.text, label, value, bold, inline, checked)


def _plain_paragraph_entries(node: Node, depth: int) -> list[Entry]:
    """readers._paragraph_entries as it was (round 36): every line split and asked."""
    inline = node.inline
    if not inline.breaks or inline.text_raw.count(":") < 2:
        return [_entry(node, depth)]
    lines = inline.source_lines()
    if len(lines) < 2 or not all(_plain_label(line)[0] for line in lines):
        return [_entry(node, depth)]
    return [
        _entry(node, depth, Inline(line), node.line + offset) for offset, line in enumerate(lines)
    ]


def _report_texts() -> list[str]:
    paths = [*REPO_MARKDOWN, *sorted((SHARED / "corpus").glob("*.md"))]
    return [path.read_text(encoding="utf-8") for path in paths]


STARTS = (
    "2018-08-22, 03:26pm: first noticed that the site was",
    "2018-08-23, 10:08am: Cloudflare was turned on",
    "Start: Wednesday, 2018-08-22",
    "End:\tThursday",
    "Time:\u00a0 10:00",
    "Note:\u2003x",
    "See https://example.com/a:b for more",
    "Owner:alice",
    ":leading colon",
    "A:",
    "Label :  spaced value",
    "**Bold:** value",
    "**Bold**: value",
    "[x] Task: done",
    "[ ] Task:todo",
    "10:08 restarted: ok",
    "Very long label text that runs on and on and on past forty-eight: value",
    "No colon here at all",
    "Q. Why: because",
    "Impact: none. Really: none",
    "`code:x` then Label: y",
)
ENDS = ("giving an error.", "End: Thursday", "Owner: bob", "x:y", "", "Status:", "done")
BREAKS = ("\n", "  \n", "\\\n", "\n   ")


def _generated(count: int, seed: int = 3701) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        lines = [rng.choice(STARTS)]
        for _ in range(rng.randint(0, 3)):
            lines.append(rng.choice(BREAKS) + rng.choice(STARTS + ENDS))
        prefix = rng.choice(("", "", "- ", "1. ", "> "))
        texts.append(prefix + "".join(lines) + "\n")
    return texts


def _paragraphs(text: str) -> list[tuple[Node, int]]:
    doc = source.load(text, None)
    found: list[tuple[Node, int]] = []

    def walk(node: Node, depth: int) -> None:
        if node.kind == "paragraph":
            found.append((node, depth))
        for child in node.children:
            walk(child, node.level if node.kind == "list_item" else depth)

    for node in tokens.parse_blocks(doc.body):
        walk(node, 0)
    return found


def _told(text: str) -> bool:
    """A ':' in text, the first with a character other than a blank after it."""
    colon = text.find(":")
    after = text[colon + 1 : colon + 2]
    return colon >= 0 and after != "" and not after.isspace()


def _shortcut(inline: Inline) -> str:
    """Which of _paragraph_entries' new tests answers: 'lines' where it is told before the
    lines are split, 'one' where a one-line paragraph holding a ':' is built at once."""
    raw = inline.text_raw
    if not inline.breaks or raw.count(":") < 2:
        plain = inline.lead is None and not inline.text.startswith("[")
        return "one" if plain and _told(inline.text) else ""
    colon = raw.find(":")
    return "lines" if colon < inline.breaks[0] - 1 and _told(raw) else ""


def _compare_paragraphs(texts: list[str]) -> Counter[str]:
    taken: Counter[str] = Counter()
    for text in texts:
        for node, depth in _paragraphs(text):
            found: list[Entry] = []
            _paragraph_entries(node, depth, found)
            assert found == _plain_paragraph_entries(node, depth), node.inline.text_raw
            taken[_shortcut(node.inline)] += 1
    return taken


def test_report_paragraphs_read_as_plain() -> None:
    # the fixtures and docs alone hold a few of each (a 'date, time: text' row, URLs, times)
    taken = _compare_paragraphs(_report_texts())
    assert taken["lines"] > 0
    assert taken["one"] > 20


def test_generated_paragraphs_read_as_plain() -> None:
    taken = _compare_paragraphs(_generated(2500))
    assert taken["lines"] > 300
    assert taken["one"] > 100


def _lines(texts: list[str]) -> list[str]:
    parts = [part for text in texts for part in text.split("\n\n")]
    return [line for part in parts for line in (part, *part.split("\n"))]


def test_plain_label_as_the_regex() -> None:
    rng = random.Random(3702)
    texts = _lines(_report_texts()) + _lines(_generated(800))
    # a character of every kind after a first colon, and a label before it or none
    afters = ["", " ", "\t", "\n", "\u00a0", "\u2003", "\u200b", "\x1c", "x", "2", ":", "."]
    for _ in range(3000):
        head = rng.choice(("Label", "2018-08-22, 03", "A b c d e f g", "x", "", "[Time", "L."))
        tail = rng.choice(("", " value", "value", "\nmore", " a: b"))
        texts.append(head + ":" + rng.choice(afters) + tail)
    told = 0
    for text in texts:
        assert readers._plain_label(text) == _plain_label(text), repr(text)
        colon = text.find(":")
        after = text[colon + 1 : colon + 2]
        told += colon >= 0 and after != "" and not after.isspace()
    assert told > 1000
