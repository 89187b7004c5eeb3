"""Round-25 fast paths of the token stage give exactly what the plain computation gives.

code_span_inline searches the whole content once for markup characters before searching
each stretch between its spans, joins a one-line content's pieces as it reads them instead of
through _joined, and fills its Inline as a tuple. It is compared with the round-24 function,
kept here as the reference, on generated contents (code spans, autolinks, links, markup and
line breaks mixed) and on every inline content of the fixtures, docs and shared corpus.

heading_rule and paragraph_rule append their three tokens through _push_three instead of
three state.push calls: its tokens must be push's, field for field, each with its own map
list and dicts, and the block pass must give markdown-it's tokens on the files and on
generated headings and paragraphs in lists and blockquotes (test_tokens_perf11's comparison).

table_rule is markdown-it's table rule (rules_block/table.py) with its state methods read in
place and each cell's tokens built by _push_cell (_push_three): the block pass must give
markdown-it's tokens on generated tables (aligned, ragged, escaped, indented, in lists and
blockquotes, ended by every kind of block, past the autocompleted-cell limit).
"""

from __future__ import annotations

import random

from markdown_it.token import Token
from markdown_it.utils import EnvType

from incidentparse import tokens
from incidentparse.tokens import Inline, Link

from .test_tokens_perf11 import LINE_STARTS, TEXTS, _same_tokens
from .test_tokens_perf12 import LINKS
from .test_tokens_perf15 import HEADINGS, ROWS, TABLES
from .test_tokens_perf18 import PARAGRAPHS
from .test_tree_perf7 import CODE_PIECES, _file_contents, piece_contents
from .test_tree_perf8 import AUTOLINKS


def _next_span(content: str, search: int, links_possible: bool = False) -> int:
    """tokens._next_span as round 25 wrote it (code_span_inline reads it in place since round
    34): offset of the first backtick or `<` (or `[` when links are possible) from search on;
    -1 when none."""
    if links_possible:
        found = tokens._SPAN_OPENERS.search(content, search)
        return found.start() if found else -1
    tick = content.find("`", search)
    angle = content.find("<", search, tick if tick >= 0 else len(content))
    return angle if angle >= 0 else tick


def _reference_code_span_inline(content: str, env: EnvType) -> Inline | None:
    """tokens.code_span_inline as it was before round 25."""
    links_possible = tokens._may_hold_link(content, env)
    if links_possible and env.get("references"):
        return None
    stretches: list[str] = []
    spans: list[tuple[str, tuple[int, ...]]] = []
    codes: list[str] = []
    links: list[Link] = []
    size = len(content)
    text_start = search = 0
    while (opener := _next_span(content, search, links_possible)) >= 0:
        char = content[opener]
        if char == "[":
            link = tokens._link_at(content, opener)
            if link is None:
                return None
            if not link:
                search = opener + 1
                continue
            label, href, end = link
            stretches.append(content[text_start:opener])
            text = tokens.plain_inline(label)
            spans.append((text.text_raw, text.breaks))
            links.append(Link(href, text.text))
            text_start = search = end
            continue
        if char == "<":
            close = content.find(">", opener + 1)
            url = content[opener + 1 : close]
            if close < 0 or not tokens._PLAIN_URL.fullmatch(url):
                return None
            stretches.append(content[text_start:opener])
            spans.append((url, ()))
            links.append(Link(url, url))
            text_start = search = close + 1
            continue
        after = tokens._run_end(content, opener, size)
        closer = tokens._closing_run(content, after, after - opener, size)
        if closer < 0:
            search = after
            continue
        stretches.append(content[text_start:opener])
        code = tokens._code_content(content[after:closer])
        spans.append((code, ()))
        codes.append(code)
        text_start = search = closer + after - opener
    if not spans:
        return None
    stretches.append(content[text_start:])
    if any(
        tokens._holds_inline_markup(stretch, tokens._MARKUP_BUT_BACKTICKS) for stretch in stretches
    ):
        return None
    raw, breaks = tokens._joined(stretches, spans, "\n" in content)
    return Inline(
        tokens._clean(raw), links=tuple(links), code=tuple(codes), breaks=breaks, text_raw=raw
    )


# Spans of every kind and near misses, the markup characters that must send a stretch to
# markdown-it (and the plain `_` and `&` that must not), line breaks, plain words.
SPAN_PIECES = (
    *CODE_PIECES, *AUTOLINKS, *LINKS, "a_b", "x_", "_y", "AT&T", "&#1;", " & ", "`a`\n`b`",
)  # fmt: skip
CONTENTS = piece_contents(SPAN_PIECES, 20261128, 12000, 10) + piece_contents(
    SPAN_PIECES, 25, 4000, 3
)


def _same(content: str, env: EnvType) -> bool:
    new, old = tokens.code_span_inline(content, env), _reference_code_span_inline(content, env)
    return new == old and type(new) is type(old)


def test_code_span_inline_matches_its_reference_on_generated_contents() -> None:
    taken = [c for c in CONTENTS if _reference_code_span_inline(c, {}) is not None]
    assert len(taken) > 2000  # the fast path is exercised, and so is the fallback
    assert sum("\n" not in c for c in taken) > 1000  # one-line contents too
    assert sum(tokens._MARKUP_BUT_BACKTICKS.search(c) is not None for c in taken) > 300
    assert len(CONTENTS) - len(taken) > 2000
    assert [c for c in CONTENTS if not _same(c, {})] == []
    env: EnvType = {"references": {"A": {"href": "http://r.example", "title": ""}}}
    assert [c for c in CONTENTS if not _same(c, env)] == []


def test_code_span_inline_matches_its_reference_on_files() -> None:
    contents = _file_contents()
    assert sum(tokens.code_span_inline(c, {}) is not None for c in contents) > 50
    assert [c for c in contents if not _same(c, {})] == []


def _pushed(state: tokens._StateBlock, kind: str, tag: str, markup: str, content: str) -> None:
    """What heading_rule and paragraph_rule pushed before round 25 (lines 3 to 5)."""
    token = state.push(f"{kind}_open", tag, 1)
    token.markup = markup
    token.map = [3, 5]
    token = state.push("inline", "", 0)
    token.content = content
    token.map = [3, 5]
    token.children = []
    token = state.push(f"{kind}_close", tag, -1)
    token.markup = markup


def _fields(token: Token) -> tuple[object, ...]:
    # Token is slotted: a field left unset raises here
    return tuple(getattr(token, name) for name in tokens._TOKEN_FIELDS)


def test_push_three_builds_what_push_builds() -> None:
    parser = tokens._block_parser()
    for kind, tag, markup in (("heading", "h2", "##"), ("paragraph", "p", "")):
        for level in (0, 1, 3):
            fast = tokens._StateBlock("x", parser, {}, [])
            slow = tokens._StateBlock("x", parser, {}, [])
            fast.level = slow.level = level
            lines = [3, 5]
            tokens._push_three(
                fast, f"{kind}_open", f"{kind}_close", tag, markup, {}, lines, lines.copy(), "c"
            )
            _pushed(slow, kind, tag, markup, "c")
            assert fast.level == slow.level == level
            assert [_fields(t) for t in fast.tokens] == [_fields(t) for t in slow.tokens]
            assert all(type(t) is Token for t in fast.tokens)
            opening, inline, _ = fast.tokens
            assert opening.map is not inline.map  # each its own list, as push's are
            dicts = [id(d) for t in fast.tokens for d in (t.attrs, t.meta)]
            assert len(set(dicts)) == 6


def test_block_pass_matches_markdown_it_on_headings_and_paragraphs() -> None:
    texts = TEXTS + HEADINGS + PARAGRAPHS + LINE_STARTS
    assert [text for text in texts if not _same_tokens(text)] == []


HEADERS = (
    "| a | b |",
    "a | b",
    "| a \\| b | c |",
    "|a|",
    "a|b|c",
    "| a |  | c |",
    "|",
    "a",
    " | x | ",
)
DELIMITERS = (
    "|---|---|", "---|---", "| :-: | --: |", "|-|", "-|-|-", "|:--|:-:|--:|", "- | -", "|-- |",
    "| --- |", "--|--|--", "|---||---|", ":-:|-", "-- -|--", "|-x-|", "|\t---\t|\t:-|", "-",
)  # fmt: skip
# What may follow the header: body rows and whatever ends a table (an empty line, a block
# a terminator reads, an indent of a code block, a lesser indent).
AFTER = (
    *ROWS[:60], "", "# h", "> q", "- i", "1. i", "```", "---", "<div>", "    | c |", "  | c |",
    "\t| c |", "text", "|", "| a | b | c | d |", "||", "| \\| |",
)  # fmt: skip
CONTEXTS = ("", "- ", "> ", "1. ", "  ", "   ", "para\n", "- a\n\n  ", "> > ")


def _tables(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        context = rng.choice(CONTEXTS)
        indent = "  " if context.endswith("  ") or context == "- " else ""
        if context in ("> ", "> > "):
            indent = context
        lines = [rng.choice(HEADERS), rng.choice(DELIMITERS)]
        lines += [rng.choice(AFTER) for _ in range(rng.randint(0, 5))]
        body = ("\n" + indent).join(lines)
        texts.append(context + body + rng.choice(("", "\n", "\nafter")))
    return texts


GENERATED_TABLES = _tables(20261128, 4000)
# One column in the header per 1000, rows of one cell: past markdown-it's limit of 65536
# autocompleted cells the table ends.
WIDE = "|" + "a|" * 1000 + "\n|" + "-|" * 1000 + "\n" + "b\n" * 70


def test_table_rule_is_in_place() -> None:
    ruler = tokens._block_parser().block.ruler
    assert [rule.fn for rule in ruler.__rules__ if rule.name == "table"] == [tokens.table_rule]


def test_block_pass_with_table_rule_matches_markdown_it_on_tables() -> None:
    texts = GENERATED_TABLES + TABLES
    assert [text for text in texts if not _same_tokens(text)] == []
    parsed = [tokens._block_parser().parse(text, {}) for text in GENERATED_TABLES]
    with_body = [stream for stream in parsed if any(t.type == "td_open" for t in stream)]
    assert len(with_body) > 400
    assert sum(any(t.attrs for t in stream) for stream in with_body) > 150  # aligned cells
    assert sum(any(t.type == "table_open" and t.level for t in stream) for stream in parsed) > 200


def test_table_rule_stops_at_the_autocompleted_cell_limit() -> None:
    stream = tokens._block_parser().parse(WIDE, {})
    rows = sum(t.type == "tr_open" for t in stream)
    assert 2 < rows < 71  # the limit ends the table before its last row
    assert _same_tokens(WIDE)
