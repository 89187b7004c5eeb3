"""The token stage's fast paths give exactly what the full markdown-it pipeline gives.

parse_blocks skips the footnote plugin when no footnote can occur and parses inline content
itself, only where markup can occur. These tests compare the fast results with the full
pipeline's on every Markdown file at hand (fixtures, docs, the shared corpus when present)
and on generated texts mixing the characters inline rules react to.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from markdown_it.token import Token

from incidentparse import tokens

from .conftest import ROOT, SHARED


def _markdown_files() -> list[Path]:
    files = sorted(p for p in ROOT.rglob("*.md") if ".git" not in p.parts)
    corpus = SHARED / "corpus"
    if corpus.is_dir():
        files += sorted(corpus.glob("*.md"))
    return files


FILES = _markdown_files()

# Pieces the generator strings together: inline markup, its near misses, entities,
# escapes, line breaks with trailing spaces and tabs, indentation, unicode, blocks.
WORDS = ("word", "two words", "é", "—", "\u00a0", "日本", "=", "+", "@", ":", "$", "%", "{", "}")
SPACING = (" ", "  ", "\t", "\n", "  \n", " \n", "\t\n", "\n  ", "\n\t", "\n\n", "\\\n")
EMPHASIS = ("*", "**", "_", "__", "`", "``", "*em*", "`code`", "~~s~~", "~", "**Lead:** rest")
ESCAPES = ("\\", "\\*", "\\[", "&", "&amp;", "&#35;", "&#x41;", "&bogus;", "& ", "&#0;")
LINKS = ("[", "]", "(", ")", "!", "![", "<", ">", "<b>", "<http://x.io>", "<a@b.co>", "^")
LINKS2 = ("[x](http://y.z)", "[ref]", "[ref]: http://r.example\n", "![alt *x*](i.png)")
LABELS = ("[a: b-c]", "[x #1](<u v>)", "[`]`](u)", "[a\\]b](u)", "[*a*]: u\n", "[a](u 'T: x')")
BLOCKS = ("#", "# ", "- ", "1. ", "> ", "| a | b |\n|---|---|\n| c | d |\n", "```\n", "    ")
BLOCKS2 = (
    "---\n",
    "===\n",
    " - - -\n",
    "~~~\n",
    "<div>\n",
    "<!-- x -->\n",
    "2. ",
    "\r\n",
    "\r",
    "a | b\n-|-\n",
)
PIECES = WORDS + SPACING + EMPHASIS + ESCAPES + LINKS + LINKS2 + LABELS + BLOCKS + BLOCKS2


def _generated(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(PIECES) for _ in range(rng.randint(1, 30))) for _ in range(count)]


GENERATED = _generated(20240611, 1500)


def _same_tokens_without_footnote_marks(text: str) -> bool:
    if tokens.may_hold_footnote(text):
        return True  # parsed by the footnote parser anyway
    return bool(tokens._plain_parser().parse(text) == tokens._parser().parse(text))


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_plain_parser_matches_footnote_parser_on_files(path: Path) -> None:
    assert _same_tokens_without_footnote_marks(path.read_text(encoding="utf-8"))


def test_plain_parser_matches_footnote_parser_on_generated_texts() -> None:
    assert [t for t in GENERATED if not _same_tokens_without_footnote_marks(t)] == []


def test_footnote_marks_are_what_footnote_rules_need() -> None:
    assert tokens.may_hold_footnote("a[^1] b")
    assert tokens.may_hold_footnote("a ^[inline] b")
    assert not tokens.may_hold_footnote("a [1] ^ b [link]")


def test_inputs_cover_the_corpus_and_fixtures() -> None:
    assert any(p.parent.name == "reports" for p in FILES)
    assert len(FILES) > 20


def _full_blocks(text: str) -> list[tokens.Node]:
    """parse_blocks the slow way: footnote parser, every inline token parsed by markdown-it."""
    root = tokens.Node("root", 1, max(1, text.count("\n") + 1))
    tree = tokens._Tree(tokens._parser().parse(text), tokens._parsed_inline)
    tree.build(0, len(tree.tokens), root, depth=0)
    return root.children


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_parse_blocks_matches_full_pipeline_on_files(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert tokens.parse_blocks(text) == _full_blocks(text)


def test_parse_blocks_matches_full_pipeline_on_generated_texts() -> None:
    assert [t for t in GENERATED if tokens.parse_blocks(t) != _full_blocks(t)] == []


# Documents on the edges of the block rules parse_blocks leaves out when the text lacks
# what they need (tokens.PRUNABLE_BLOCK_RULES).
EDGE_DOCUMENTS = (
    "Title\n---\n\nText",
    "Title\n===\n",
    "Title\n---  \t\r\nText",
    "Title\r---",
    "> Quoted\n> ---\n",
    "- item\n  text\n  ---\n",
    "para\n2. not a list\n\nnext\n1. a list\n",
    "para\nmore\n\n2. starts at two\n- bullet\n",
    "> para\n2. item\n",
    "| a |\n|---|\n| b |\n\npara\n2. x\n",
    "[ref]: http://r.example\npara [ref]\n2. x\n",
    "```\ncode\n```\npara\n~~~\nmore\n",
    "para\n~~~\nmore\n",
    "<div>\nhtml\n</div>\npara\n<!-- c -->\n",
    "para\n<!-- c -->\n",
    "a - b =\nc",
    "a | b\n--- | ---\nc | d\n",
    "text\n:-: | -\n",
    "a\n\n___\n",
    "a\n* * *\r\nb",
    "- x\n  _ _  _\t\n",
    "> a\n> -  - -\rb",
    "a\n**\n- -\n__ x\n",
)


@pytest.mark.parametrize("text", EDGE_DOCUMENTS)
def test_parse_blocks_matches_full_pipeline_on_block_rule_edges(text: str) -> None:
    assert tokens.parse_blocks(text) == _full_blocks(text)


def test_block_rules_are_left_out_only_when_they_cannot_match() -> None:
    assert tokens.absent_block_rules("# T\n\nplain - text\n") == set(tokens.PRUNABLE_BLOCK_RULES)
    assert tokens.absent_block_rules("T\n---\n> q\n") == {
        "table",
        "fence",
        "reference",
        "html_block",
    }
    assert 2 ** len(tokens.PRUNABLE_BLOCK_RULES) <= (tokens._block_parser.cache_info().maxsize or 0)
    left_out = [tokens.absent_block_rules(t) for t in GENERATED]
    for rule in tokens.PRUNABLE_BLOCK_RULES:  # the generated texts exercise both ways
        assert 100 < sum(rule in absent for absent in left_out) < len(GENERATED) - 100


# Inline content as the block parser hands it over: no leading or trailing whitespace at the
# ends, but any mix inside; plain pieces weighted up so both lazy branches are exercised.
PLAIN = (*WORDS, *SPACING, "!", "]", "(", ")", ">", "~", "^", "#", "-", "|", "'", '"', ".")
INLINE_PIECES = PLAIN * 4 + PIECES


def _inline_contents(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    contents = []
    for _ in range(count):
        content = "".join(rng.choice(INLINE_PIECES) for _ in range(rng.randint(1, 25)))
        content = content.replace("\r\n", "\n").replace("\r", "\n")  # as normalised
        contents.append(content.strip(" \t\n"))
    return [c for c in contents if c]


INLINE_CONTENTS = _inline_contents(7, 4000)


def _full_inline(content: str) -> tokens.Inline:
    (token,) = tokens._plain_parser().parseInline(content)  # core inline + text_join
    return tokens.flatten(token.children or [])


def _lazy(content: str) -> tokens.Inline:
    token = Token("inline", "", 0, content=content)
    return tokens._lazy_inline(tokens._block_parser(), {}, token)


def test_lazy_inline_matches_markdown_it_on_generated_contents() -> None:
    assert sum(not tokens.may_hold_markup(c, {}) for c in INLINE_CONTENTS) > 500
    assert [c for c in INLINE_CONTENTS if _lazy(c) != _full_inline(c)] == []


def test_inline_rules_are_those_the_character_sets_were_read_from() -> None:
    # _INLINE_MARKUP and _INLINE_STOPS list the characters these rules react to; a
    # markdown-it upgrade that changes the rules must have them reread.
    parser = tokens._block_parser()
    assert parser.inline.ruler.get_active_rules() == [
        "text", "newline", "escape", "backticks", "emphasis",
        "link", "image", "autolink", "html_inline", "entity",
    ]  # fmt: skip
    assert parser.inline.ruler2.get_active_rules() == [
        "balance_pairs",
        "emphasis",
        "fragments_join",
    ]
    assert parser.core.ruler.get_active_rules() == ["normalize", "block"]


def test_lazy_inline_keeps_link_reference_definitions() -> None:
    text = "See [the runbook][rb] and [rb].\n\n[rb]: https://runbooks.example/db\n"
    (paragraph,) = tokens.parse_blocks(text)
    assert paragraph.inline.links == (
        tokens.Link("https://runbooks.example/db", "the runbook"),
        tokens.Link("https://runbooks.example/db", "rb"),
    )


def test_brackets_are_plain_without_destination_or_definitions() -> None:
    assert not tokens.may_hold_markup("[ ] Write the report [7:40 AM]", {})
    assert tokens.may_hold_markup("[runbook](https://r.example)", {})
    assert tokens.may_hold_markup("[rb]", {"references": {"RB": {"href": "u", "title": ""}}})
    assert tokens.may_hold_markup("[rb] and `code`", {})


def test_lazy_inline_matches_markdown_it_with_link_definitions() -> None:
    env = {"references": {"REF": {"href": "http://r.example", "title": ""}}}
    parser = tokens._block_parser()
    for content in INLINE_CONTENTS:
        token = Token("inline", "", 0, content=content)
        (full,) = tokens._plain_parser().parseInline(content, dict(env))
        expected = tokens.flatten(full.children or [])
        assert tokens._lazy_inline(parser, env, token) == expected, content


@pytest.mark.parametrize(
    ("content", "raw", "breaks"),
    [
        ("a b", "a b", ()),
        ("a  \nb", "a b", (1,)),  # hard break: trailing spaces dropped
        ("a \n  b", "a b", (1,)),  # soft break: one trailing space dropped, indent skipped
        ("a\t\n\tb", "a\t b", (2,)),  # a tab ending a line stays; one opening a line goes
        ("a\n\nb", "a  b", (1, 2)),
    ],
)
def test_plain_inline_breaks_lines_like_markdown_it(
    content: str, raw: str, breaks: tuple[int, ...]
) -> None:
    inline = tokens.plain_inline(content)
    assert (inline.text_raw, inline.breaks) == (raw, breaks)
    assert inline == _full_inline(content)


# `**Label:** value` shapes, near misses included: whitespace or punctuation on either side
# of each run (ASCII, Unicode, no-break space), line breaks, stray stars and brackets.
LEAD_LABELS = ("Status:", "Owner", "What happened?", "“Quoted”", "a\nb", " x", "x ", "x:\n",
               "—", "(ID)", "\u00a0x", "x\u00a0", "Tab\t", "日本", "[x]", "a*b", "T:")  # fmt: skip
LEAD_RESTS = ("", " value", "value", ": value", ":value", " v\nw", "\nnext line", "  \nhard",
              ". End", "—dash", "*", " *x*", " [a](u)", " `c`", "\t", "\u00a0x", "!", " &amp;",
              "x\n  y", " (note)")  # fmt: skip


def lead_contents(
    seed: int, count: int, rests: tuple[str, ...] = LEAD_RESTS, fewest: int = 0
) -> list[str]:
    """Each label with each rest, then `count` random ones (1-3 label, fewest-4 rest pieces)."""
    rng = random.Random(seed)
    contents = {f"**{label}**{rest}".strip(" \t\n") for label in LEAD_LABELS for rest in rests}
    for _ in range(count):
        label = "".join(rng.choice(LEAD_LABELS + PLAIN) for _ in range(rng.randint(1, 3)))
        rest = "".join(rng.choice(rests + PLAIN) for _ in range(rng.randint(fewest, 4)))
        contents.add(f"**{label}**{rest}".strip(" \t\n"))
    return sorted(contents)


LEAD_CONTENTS = lead_contents(11, 3000)


def test_lead_strong_fast_path_matches_markdown_it() -> None:
    taken = [c for c in LEAD_CONTENTS if tokens.lead_strong_inline(c, {}) is not None]
    assert len(taken) > 1000  # the fast path is really exercised, near misses too
    assert len(LEAD_CONTENTS) - len(taken) > 1000
    assert [c for c in LEAD_CONTENTS if _lazy(c) != _full_inline(c)] == []


def test_lead_strong_fast_path_reads_the_label() -> None:
    inline = tokens.lead_strong_inline("**Status:** Resolved  \nsince 14:02", {})
    assert inline is not None
    assert (inline.lead, inline.rest) == ("Status:", "Resolved since 14:02")
    assert inline.lead_strong
    assert tokens.lead_strong_inline("**Status:**Resolved", {}) is None  # cannot close there
