"""Round 34: tokens.code_span_inline keeps one list of pieces and reads _next_span in place.

code_span_inline kept the stretches between spans, each span with its breaks, and the pieces
(stretches and span texts in turn) in three lists, and called _next_span once per span and
once more; it now keeps the pieces alone (the stretches are its even places) and the spans'
breaks apart, finds the next opener in place (skipping the search for a `<` in a content
holding none), reads the backtick run's end in place and builds each Link as a tuple.

It is compared with round 33's function, kept below, on every inline content of the
repository's files (the corpus too when present) and on generated contents mixing code
spans, unmatched runs, autolinks, inline links, brackets, line breaks and other markup,
with and without link reference definitions; the generated contents take every way without
../shared/corpus.
"""

from __future__ import annotations

import random

from markdown_it.utils import EnvType

from incidentparse import tokens
from incidentparse.tokens import (
    _MARKUP_BUT_BACKTICKS,
    _PLAIN_URL,
    Inline,
    Link,
    _clean,
    _closing_run,
    _code_content,
    _holds_inline_markup,
    _joined,
    _link_at,
    _may_hold_link,
    _new_tuple,
    _run_end,
    plain_inline,
)

from .test_tokens_perf25 import _next_span
from .test_tokens_perf33 import _report_contents


def _reference_code_span_inline(content: str, env: EnvType) -> Inline | None:
    """Round 33's tokens.code_span_inline."""
    # Without a destination or definitions every bracket is plain text (_may_hold_link);
    # with definitions any bracket may be a reference, which markdown-it reads.
    links_possible = _may_hold_link(content, env)
    if links_possible and env.get("references"):
        return None
    stretches: list[str] = []
    spans: list[tuple[str, tuple[int, ...]]] = []  # each span's raw text and its breaks
    # stretches and span texts in turn: the raw text of a one-line content (see below)
    pieces: list[str] = []
    codes: list[str] = []
    links: list[Link] = []
    size = len(content)
    text_start = search = 0
    while (opener := _next_span(content, search, links_possible)) >= 0:
        char = content[opener]
        if char == "[":
            link = _link_at(content, opener)
            if link is None:
                return None
            if not link:  # a plain bracket
                search = opener + 1
                continue
            label, href, end = link
            stretch = content[text_start:opener]
            text = plain_inline(label)
            stretches.append(stretch)
            spans.append((text.text_raw, text.breaks))
            pieces += (stretch, text.text_raw)
            links.append(Link(href, text.text))
            text_start = search = end
            continue
        if char == "<":
            close = content.find(">", opener + 1)
            url = content[opener + 1 : close]
            if close < 0 or not _PLAIN_URL.fullmatch(url):
                return None
            stretch = content[text_start:opener]
            stretches.append(stretch)
            spans.append((url, ()))
            pieces += (stretch, url)
            links.append(Link(url, url))
            text_start = search = close + 1
            continue
        after = _run_end(content, opener, size)
        closer = _closing_run(content, after, after - opener, size)
        if closer < 0:  # an unmatched run is plain text
            search = after
            continue
        stretch = content[text_start:opener]
        code = _code_content(content[after:closer])
        stretches.append(stretch)
        spans.append((code, ()))
        pieces += (stretch, code)
        codes.append(code)
        text_start = search = closer + after - opener
    if not spans:
        return None
    stretch = content[text_start:]
    stretches.append(stretch)
    # The stretches are parts of the content: when it holds none of these characters, no
    # stretch does (one search instead of one per stretch, most contents holding none).
    # (_MARKUP_BUT_BACKTICKS.search(content) as five substring tests: C searches, a third of
    # the character-class search's cost.)
    if (
        "\\" in content or "*" in content or "_" in content or "<" in content or "&" in content
    ) and any(_holds_inline_markup(part, _MARKUP_BUT_BACKTICKS) for part in stretches):
        return None
    if "\n" in content:
        raw, breaks = _joined(stretches, spans, True)
    else:
        # One line: plain_inline gives each stretch back as it is, and no stretch or span
        # holds a break (a link label is a part of the content too): _joined(..., False).
        pieces.append(stretch)
        raw, breaks = "".join(pieces), ()
    # Inline(_clean(raw), links=..., code=..., breaks=..., text_raw=raw), built as _plain does
    return _new_tuple(
        Inline, (_clean(raw), None, False, "", tuple(links), tuple(codes), breaks, raw)
    )


PIECES = (
    "word", "two words", "x", "é", " ", "  ", "\t", "\n", " \n", "\n ", "  \n", ".", "(", ")",
    "`", "``", "```", "`code`", "``a ` b``", "` spaced `", "`  `", "`a\nb`", "<",
    "<https://x.y/p?q=1>", "<http://a.b:80>", "<mailto:a@b>", "<b>", ">", "[", "]", "](",
    "[l](u)", "[l](https://x.y)", "[a\nb](#frag)", "![i](u)", "[l](a b)", "[l](<u>)", "[x]",
    "*", "_", "a_b", "\\", "&", "&amp;", "\u00a0",
)  # fmt: skip


def _generated(seed: int, count: int) -> list[str]:
    """Contents of random pieces around at least one code span, autolink or link (most)."""
    rng = random.Random(seed)
    spans = ("`code`", "``a ` b``", "<https://x.y/p?q=1>", "[l](u)", "`a\nb`", "[a\nb](#f)")
    found = []
    for _ in range(count):
        parts = [rng.choice(PIECES) for _ in range(rng.randint(0, 6))]
        if rng.random() < 0.8:
            parts.insert(rng.randint(0, len(parts)), rng.choice(spans))
        found.append("".join(parts))
    return found


GENERATED = _generated(20261129, 40000)
# One-line prose with code spans, the commonest shape.
PROSE = [
    f"{head}`{code}`{middle}{tail}"
    for head in ("", "Run ", "Hubs remain with ", "(")
    for code in ("prod", "k get pod -A | grep", " x ", "a`b")
    for middle in ("", " and `y`", " then <https://a.b/c>", " see [docs](https://d.e)")
    for tail in ("", ".", " in the `common.values.yaml` for CloudBank", ")")
]
REFERENCES: EnvType = {"references": {"L": {"href": "u", "title": ""}}}


def test_code_span_inline_matches_round_33() -> None:
    env: EnvType = {}
    contents = [*_report_contents(), *GENERATED, *PROSE]
    assert [
        content
        for content in contents
        if tokens.code_span_inline(content, env) != _reference_code_span_inline(content, env)
    ] == []
    assert [
        content
        for content in GENERATED
        if tokens.code_span_inline(content, REFERENCES)
        != _reference_code_span_inline(content, REFERENCES)
    ] == []


def test_inputs_take_every_way() -> None:
    env: EnvType = {}
    read = [c for c in GENERATED + PROSE if _reference_code_span_inline(c, env) is not None]
    assert len(read) > 5000
    assert sum("\n" in c for c in read) > 1000  # _joined's broken way
    assert sum("\n" not in c and "<" not in c for c in read) > 1000
    assert sum("<" in c for c in read) > 500  # autolinks and the in-place search for `<`
    assert sum(_may_hold_link(c, env) for c in read) > 500  # links: the regex search
    assert sum(
        bool(r.links) and bool(r.code) for c in read if (r := tokens.code_span_inline(c, env))
    )
    rejected = [c for c in GENERATED if _reference_code_span_inline(c, env) is None]
    assert len(rejected) > 5000
