"""The block pass with its rule chains dispatched by a line's first character
(tokens._dispatch_by_first_character) and its tokens built without Token's constructor
(tokens._StateBlock.push) gives exactly the tokens markdown-it's own block pass gives.

Each text is parsed by _block_parser (fast) and by block_parser_by_rule (the same grammar,
markdown-it's ParserBlock: every rule of a chain tried in turn); the token streams, with
every field of every token, and the link reference definitions must be equal. Inputs: every
Markdown file at hand (the repository's, the shared corpus when present), the generated texts of
test_tokens_fastpath, and generated texts whose lines open with block markers at various
indents, inside lists and blockquotes.
"""

from __future__ import annotations

import random

import pytest
from markdown_it.token import Token
from markdown_it.utils import EnvType

from incidentparse import tokens

from .conftest import REPO_MARKDOWN, SHARED
from .test_tokens_fastpath import GENERATED

CORPUS = sorted((SHARED / "corpus").glob("*.md")) if (SHARED / "corpus").is_dir() else []
TEXTS = [path.read_text(encoding="utf-8") for path in REPO_MARKDOWN + CORPUS]

# Line openings: every rule's markers and their near misses, indents a code block, a list
# item or a lazy continuation reads differently.
OPENINGS = (
    "",
    " ",
    "  ",
    "   ",
    "    ",
    "\t",
    "- ",
    "-",
    "* ",
    "+ ",
    "1. ",
    "2) ",
    "10. ",
    "1.",
    "3. ",
    "4) ",
    "5. ",
    "6. ",
    "7) ",
    "8. ",
    "9. ",
    "0) ",
    "> ",
    ">",
    "# ",
    "#",
    "###### ",
    "####### ",
    "```",
    "~~~",
    "``",
    "---",
    "***",
    "___",
    "- - -",
    "===",
    "[a]: /u",
    "[a]",
    "<div>",
    "<!-- ",
    "<x",
    "| ",
    "|---|",
    ":-",
    "-|",
)
TEXTS_ON_LINES = ("word", "two words", "a | b", "`x`", "é", "", "*", "\\", "&amp;", "1")


def _line_start_texts(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        lines = [
            "".join(rng.choice(OPENINGS) for _ in range(rng.randint(0, 3)))
            + rng.choice(TEXTS_ON_LINES)
            for _ in range(rng.randint(1, 12))
        ]
        texts.append("\n".join(lines) + rng.choice(("", "\n")))
    return texts


LINE_STARTS = _line_start_texts(20261128, 3000)


def _same_tokens(text: str) -> bool:
    absent = tokens.absent_block_rules(text)
    normalized = tokens.is_normalized(text)
    fast_env: EnvType = {}
    slow_env: EnvType = {}
    fast = tokens._block_parser(absent, normalized).parse(text, fast_env)
    slow = tokens.block_parser_by_rule(absent, normalized).parse(text, slow_env)
    # every rule present, too: the dispatch must hold for any chain
    every_fast = tokens._block_parser().parse(text, {})
    every_slow = tokens.block_parser_by_rule(frozenset(), False).parse(text, {})
    return bool(fast == slow and fast_env == slow_env and every_fast == every_slow)


@pytest.mark.parametrize("number", range(len(TEXTS)))
def test_dispatched_block_pass_matches_rule_chains_on_files(number: int) -> None:
    assert _same_tokens(TEXTS[number])


def test_dispatched_block_pass_matches_rule_chains_on_generated_texts() -> None:
    assert [text for text in GENERATED if not _same_tokens(text)] == []


def test_dispatched_block_pass_matches_rule_chains_on_line_openings() -> None:
    assert [text for text in LINE_STARTS if not _same_tokens(text)] == []


def test_every_chain_is_dispatched() -> None:
    ruler = tokens._block_parser().block.ruler
    chains = ruler.__cache__
    assert chains is not None
    assert {"", "paragraph", "blockquote", "list", "reference"} <= set(chains)
    assert all(len(rules) == 1 for rules in chains.values())
    # the first-character table names rules of the grammar
    assert set(tokens.BLOCK_RULE_FIRST_CHARACTERS) <= set(ruler.get_all_rules())


def test_push_fills_every_token_field_as_the_constructor_does() -> None:
    # On a markdown-it whose Token has other fields the fast pass is not used (the fallback
    # test below): nothing of push to check there, and no reason to fail a working install.
    if not tokens._known_internals(tokens.block_parser_by_rule(frozenset(), False)):
        pytest.skip("markdown-it of another shape: its own block pass is used")
    parser = tokens._block_parser()
    state = tokens._StateBlock("x", parser, {}, [])
    for nesting in (1, 0, -1):
        pushed = state.push("t", "g", nesting)
        built = Token("t", "g", nesting, level=pushed.level, block=True)
        # Token is slotted: a field push left unset raises here
        for name in tokens._TOKEN_FIELDS:
            assert getattr(pushed, name) == getattr(built, name), name
    assert state.tokens[0].attrs is not state.tokens[1].attrs  # each its own dict


def test_other_markdown_it_internals_get_the_plain_block_pass(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(tokens, "_TOKEN_FIELDS", (*tokens._TOKEN_FIELDS, "new_field"))
    tokens._block_parser.cache_clear()
    try:
        parser = tokens._block_parser()
        assert not isinstance(parser.block, tokens._ParserBlock)
        chains = parser.block.ruler.__cache__
        assert chains is None or all(len(rules) > 1 for rules in chains.values())
        text = TEXTS[0]
        assert parser.parse(text, {}) == tokens.block_parser_by_rule(frozenset(), False).parse(
            text, {}
        )
    finally:
        tokens._block_parser.cache_clear()
