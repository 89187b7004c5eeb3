"""Round-8 fast paths of the token stage give exactly what the plain computation gives.

code_span_inline now also reads plain autolinks (`<https://…>`); lead_strong_inline accepts
code spans and autolinks after the bold label; _lazy_inline skips may_hold_markup when no
markup character occurs; _clean returns a clean text as it is; plain_inline fills its Inline
directly. Each is compared with markdown-it's inline parser (or the plain expression) on
generated contents and on every inline content of the fixtures, docs and shared corpus.
"""

from __future__ import annotations

import random
import sys

from markdown_it.token import Token

from incidentparse import tokens

from .test_tokens_fastpath import lead_contents
from .test_tree_perf7 import CODE_PIECES, _file_contents, _full_inline, piece_contents


def _lazy(content: str) -> tokens.Inline:
    token = Token("inline", "", 0, content=content)
    return tokens._lazy_inline(tokens._block_parser(), {}, token)


# Autolinks the fast path takes and near misses it must leave to markdown-it: other schemes,
# e-mail, punycode, escapes, blanks, a `<` inside, html, an unclosed `<`, entities in URLs.
AUTOLINKS = (
    "<https://x.io>", "<http://a.b/c_d?e=f&g=h#i>", "<HTTPS://X.IO/A>", "<https://h.io:8080/p>",
    "<https://a.io/*x*>", "<https://a.io/`x`>", "<http://xn--bcher-kva.ch>", "<https://a.io/%41>",
    "<https://a b>", "<https://a<b>", "<ftp://x.io>", "<mailto:a@b.co>", "<a@b.co>", "<b>",
    "<https://a.io/&amp;>", "<https://é.io>", "<", ">", "<>", "<http://>", "<https://a.io/(x)>",
)  # fmt: skip
SPAN_PIECES = AUTOLINKS * 3 + CODE_PIECES


SPAN_CONTENTS = piece_contents(SPAN_PIECES, 20261128, 6000, 10)


def test_autolinks_read_like_markdown_it_on_generated_contents() -> None:
    taken = [c for c in SPAN_CONTENTS if tokens.code_span_inline(c, {}) is not None]
    with_links = [c for c in taken if tokens.code_span_inline(c, {}).links]  # type: ignore[union-attr]
    assert len(with_links) > 400  # autolinks are really taken, with code spans and without
    assert len(SPAN_CONTENTS) - len(taken) > 1000  # and near misses left to markdown-it
    assert [c for c in taken if tokens.code_span_inline(c, {}) != _full_inline(c)] == []
    assert [c for c in SPAN_CONTENTS if _lazy(c) != _full_inline(c)] == []


def test_autolink_fast_path_reads_the_link() -> None:
    inline = tokens.code_span_inline("see <https://x.io/a_b> and `c`", {})
    assert inline is not None
    assert inline.text == "see https://x.io/a_b and c"
    assert inline.links == (tokens.Link("https://x.io/a_b", "https://x.io/a_b"),)
    assert inline.code == ("c",)
    assert tokens.code_span_inline("<mailto:a@b.co>", {}) is None  # markdown-it reads it


# `**Label:** rest` where the rest holds code spans or autolinks (or near misses of them).
SPAN_RESTS = (" `c`", "`c`", " `a` and `b`", " <https://x.io>", "<https://x.io>", " ``a`b``",
              " `x", " `c` *e*", " `c`\nnext", " `c`  \nhard", " <b>", " `[a](u)`", " [a](u) `c`",
              " `c` &amp;", " `c`_d", ": `v`", "\t`c`", " `c` [x]")  # fmt: skip


LEAD_SPAN_CONTENTS = lead_contents(12, 4000, SPAN_RESTS, fewest=1)


def test_lead_strong_with_code_spans_matches_markdown_it() -> None:
    taken = [c for c in LEAD_SPAN_CONTENTS if tokens.lead_strong_inline(c, {}) is not None]
    coded = [c for c in taken if tokens.lead_strong_inline(c, {}).code]  # type: ignore[union-attr]
    assert len(coded) > 400  # code spans after the label are really taken
    assert len(LEAD_SPAN_CONTENTS) - len(taken) > 1000
    assert [c for c in LEAD_SPAN_CONTENTS if _lazy(c) != _full_inline(c)] == []


def test_lead_strong_reads_a_code_value() -> None:
    inline = tokens.lead_strong_inline("**Host:** `web-01` (primary)", {})
    assert inline is not None
    assert (inline.lead, inline.rest, inline.code) == ("Host:", "web-01 (primary)", ("web-01",))
    env = {"references": {"A": {"href": "http://r.example", "title": ""}}}
    assert tokens.lead_strong_inline("**Host:** `web-01` [a]", env) is None


def test_fast_paths_match_markdown_it_on_files() -> None:
    contents = _file_contents()
    assert sum(tokens.code_span_inline(c, {}) is not None for c in contents) > 80
    assert [c for c in contents if _lazy(c) != _full_inline(c)] == []


def test_markup_free_contents_hold_no_markup() -> None:
    contents = [*SPAN_CONTENTS, *LEAD_SPAN_CONTENTS, *_file_contents()]
    free = [c for c in contents if tokens._markup_free(c)]
    assert len(free) > 300
    assert [c for c in free if tokens.may_hold_markup(c, {"references": {"A": {}}})] == []


# Whitespace of every kind str.split knows, next to printable and unprintable characters.
CLEAN_PIECES = (
    "a", "bc", "é", "日本", " ", "  ", "\t", "\n", "\r", "\x0b", "\x0c", "\x1c", "\x1f", "\x85",
    "\u00a0", "\u2003", "\u2028", "\u3000", "\u200b", "\x00", "\x7f", "-",
)  # fmt: skip


def test_clean_equals_folding_whitespace() -> None:
    rng = random.Random(5)
    texts = [
        "".join(rng.choice(CLEAN_PIECES) for _ in range(rng.randint(0, 8))) for _ in range(20000)
    ]
    texts += [chr(code) for code in range(sys.maxunicode + 1)]
    assert [t for t in texts if tokens._clean(t) != " ".join(t.split())] == []


def test_plain_inline_fills_the_fields_in_order() -> None:
    for content in ("a  b ", "x\ny  \n z", "é\t\nq", ""):
        raw = tokens.plain_inline(content).text_raw
        breaks = tokens.plain_inline(content).breaks
        expected = tokens.Inline(tokens._clean(raw), breaks=breaks, text_raw=raw)
        assert tokens._plain(raw, breaks) == expected
        assert tokens._plain(raw, breaks)._asdict() == expected._asdict()
