"""Round-12 inline fast paths give exactly what markdown-it's inline parser gives.

code_span_inline now also reads plain inline links (`[text](url)`, beside code spans and
autolinks) and emphasis_inline reads one `*em*`/`_em_`/`**strong**` run inside plain text.
Each is compared with flatten(markdown-it's inline parse) on every inline content of the
fixtures, docs and shared corpus and on contents generated from the delimiter characters,
link shapes and their near misses (the generators of test_tree_perf7/8, extended).
"""

from __future__ import annotations

import random

from markdown_it.token import Token

from incidentparse import tokens

from .test_tokens_perf11 import OPENINGS, _same_tokens
from .test_tree_perf7 import CODE_PIECES, _file_contents, _full_inline, piece_contents
from .test_tree_perf8 import AUTOLINKS


def _lazy(content: str, env: dict[str, object] | None = None) -> tokens.Inline:
    token = Token("inline", "", 0, content=content)
    return tokens._lazy_inline(tokens._block_parser(), dict(env or {}), token)


# Links the fast path takes and near misses markdown-it must read: titles, blanks, angle
# destinations, balanced and unbalanced parentheses, escapes, schemes, a host after `//`,
# punycode and percent escapes, non-ASCII, empty parts, images, nested and unclosed brackets.
LINKS = (
    "[x](http://y.z)", "[a b](docs/x.md)", "[t](#frag-1)", "[](u)", "[t](./i/a.png)",
    "[t](https://a.io/p?q=1&r=2)", "[t](//host/x)", "[t](a:b)", "[t](javascript:x)",
    "[t](u v)", '[t](u "T")', "[t](a(b)c)", "[t]( u)", "[t](<u>)", "[t]()", "![t](u)",
    "[t] (u)", "[t]", "[a\nb](u)", "[a  \nb](u)", "[t](http://xn--a.b)", "[t](http://a.b/%41)",
    "[t](ü)", "[t](a\\b)", "[[t]](u)", "[t](u", "[t](u))", "[`c`](u)", "[*e*](u)", "[a_b](u)",
    "[&amp;](u)", "[t](u)[v](w)", "(", ")", "[", "]", "](", "!", "[ x ](u)", "[t](u_v)",
    "[t](https://a.io/(x))", "[t](https://a.io/a(b)", "[t](https://a.io/'x')",
)  # fmt: skip
# Emphasis runs and their neighbours: runs of one to three markers, flanking spaces
# (ASCII, no-break), ASCII and Unicode punctuation, letters and digits, line breaks.
DELIMITERS = (
    "*", "**", "***", "_", "__", "___", "*em*", "_em_", "**strong**", "__strong__", "* ",
    " *", "*.", ".*", "_.", "a_", "_a", "\u00a0*", "*\u00a0", "—*", "*—", "“", "”", "(",
    ")", "a", "é", "1", "word", " ", "  ", "\n", "  \n", "\n  ", ",", ":", "a_b", "*a*b",
)  # fmt: skip
INLINE12_PIECES = LINKS * 2 + DELIMITERS * 2 + AUTOLINKS + CODE_PIECES

LINK_CONTENTS = piece_contents(LINKS * 3 + AUTOLINKS + CODE_PIECES, 20261201, 5000, 8)
EMPHASIS_CONTENTS = piece_contents(DELIMITERS, 20261202, 8000, 8)
MIXED_CONTENTS = piece_contents(INLINE12_PIECES, 20261203, 5000, 10)


def _equal_where_taken(
    fast: object, contents: list[str], env: dict[str, object] | None = None
) -> tuple[int, list[str]]:
    """How many contents the fast path takes, and those where it differs from markdown-it."""
    assert callable(fast)
    taken = [c for c in contents if fast(c, dict(env or {})) is not None]
    return len(taken), [c for c in taken if fast(c, dict(env or {})) != _full_inline(c, env)]


def test_link_fast_path_matches_markdown_it_on_generated_contents() -> None:
    taken, wrong = _equal_where_taken(tokens.code_span_inline, LINK_CONTENTS)
    linked = [c for c in LINK_CONTENTS if (i := tokens.code_span_inline(c, {})) and i.links]
    assert wrong == []
    assert taken > 450 and len(linked) > 350  # the link path is exercised
    assert len(LINK_CONTENTS) - taken > 1000  # and so are the near misses


def test_emphasis_fast_path_matches_markdown_it_on_generated_contents() -> None:
    taken, wrong = _equal_where_taken(tokens.emphasis_inline, EMPHASIS_CONTENTS)
    leads = [c for c in EMPHASIS_CONTENTS if (i := tokens.emphasis_inline(c, {})) and i.lead]
    assert wrong == []
    assert taken > 350 and len(leads) > 200
    assert len(EMPHASIS_CONTENTS) - taken > 2000


def test_lazy_inline_matches_markdown_it_on_mixed_contents() -> None:
    assert [c for c in MIXED_CONTENTS if _lazy(c) != _full_inline(c)] == []
    env = {"references": {"T": {"href": "http://r.example", "title": ""}}}
    assert [c for c in MIXED_CONTENTS if _lazy(c, env) != _full_inline(c, env)] == []


def test_fast_paths_match_markdown_it_on_files() -> None:
    contents = _file_contents()
    _, wrong_links = _equal_where_taken(tokens.code_span_inline, contents)
    runs, wrong_runs = _equal_where_taken(tokens.emphasis_inline, contents)
    assert (wrong_links, wrong_runs) == ([], [])
    # floors that hold on the repository alone (21 linked contents, 376 taken; 40 and 389
    # with the shared corpus), so a fresh clone without ../shared passes too
    assert sum(bool(i and i.links) for i in map(_code_span, contents)) > 15
    assert runs > 5
    assert [c for c in contents if _lazy(c) != _full_inline(c)] == []


def _code_span(content: str) -> tokens.Inline | None:
    return tokens.code_span_inline(content, {})


def test_fast_paths_read_the_common_shapes() -> None:
    inline = tokens.code_span_inline("Run `x`, which [2i2c replaces](https://a.io/5560).", {})
    assert inline is not None
    assert inline.links == (tokens.Link("https://a.io/5560", "2i2c replaces"),)
    assert inline.text == "Run x, which 2i2c replaces."
    run = tokens.emphasis_inline("**outage starts** at 9", {})
    assert run is not None and (run.lead, run.rest, run.lead_strong) == (
        "outage starts",
        "at 9",
        True,
    )
    assert tokens.emphasis_inline("peaking at 200 dask *nodes* being", {}) is not None
    assert tokens.emphasis_inline("snake_case *x*", {}) is not None
    assert tokens.emphasis_inline("a *b* *c*", {}) is None  # two runs: markdown-it
    assert tokens.code_span_inline("[t](u 'T')", {}) is None  # a title: markdown-it


# The block pass tries the table rule only where the line below opens with `|`, `-` or `:`.
# Header rows and the lines below them, near misses included: indents, list markers, blank
# and last lines, rows of `-` alone (a setext underline), tabs and a `|` inside a line.
TABLE_LINES = ("a | b", "| a | b |", "|---|---|", "-|-", ":-|-:", "--- | ---", "- a", "-",
               ":", "|", "  |-|", "    |-|", "\t|-|", "", "  ", "text", "> | a", "1. |",
               "| c | d |", "e | f", "- | -", "-\t|")  # fmt: skip


def _table_texts(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    pieces = TABLE_LINES * 3 + OPENINGS
    return [
        "\n".join(rng.choice(pieces) for _ in range(rng.randint(1, 8))) + rng.choice(("", "\n"))
        for _ in range(count)
    ]


TABLE_TEXTS = _table_texts(20261204, 3000)


def test_table_rule_check_matches_rule_chains() -> None:
    tables = [t for t in TABLE_TEXTS if "table" not in tokens.absent_block_rules(t)]
    assert sum("table_open" in str(tokens._block_parser().parse(t, {})) for t in tables) > 200
    assert [text for text in TABLE_TEXTS if not _same_tokens(text)] == []
