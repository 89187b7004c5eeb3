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
BLOCKS = ("#", "# ", "- ", "1. ", "> ", "| a | b |\n|---|---|\n| c | d |\n", "```\n", "    ")
PIECES = WORDS + SPACING + EMPHASIS + ESCAPES + LINKS + LINKS2 + BLOCKS


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
