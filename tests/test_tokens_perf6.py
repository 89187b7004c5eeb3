"""The token stage's link shortcut: a plain URL is what markdown-it's normalisers make of it.

tokens._LinkParser hands back a URL matching _PLAIN_URL without running mdurl; these tests
check, for generated URLs around the edges of that class and for every link written in the
Markdown files at hand, that markdown-it's own normalizeLink and normalizeLinkText give the
URL unchanged wherever the shortcut is taken. (tests/test_tokens_fastpath.py compares whole
trees with markdown-it's full pipeline.)
"""

from __future__ import annotations

import random
import re

import pytest
from markdown_it.common.normalize_url import normalizeLink, normalizeLinkText

from incidentparse import tokens

from .test_tokens_fastpath import FILES

# Characters a URL may hold, the ones the class refuses among them: escapes, user info,
# blanks, quotes, brackets, non-ASCII, punycode labels.
_ALPHABET = "aZ09.-_~/?#=&+,;:!*'()$%@ [\\]\"xné\t<>{}|^`"
_SCHEMES = ("http://", "https://", "HTTP://", "hTtPs://", "ftp://", "mailto:")
_PORTS = ("", "", ":80", ":", ":99999999", ":0")


def _generated_urls(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    urls = []
    for _ in range(count):
        host = "".join(rng.choice("aBz09.-x") for _ in range(rng.randint(0, 8)))
        if rng.random() < 0.1:
            host = "xn--" + host
        rest = "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 12)))
        if rng.random() < 0.5:
            rest = rng.choice("/?#") + rest
        urls.append(rng.choice(_SCHEMES) + host + rng.choice(_PORTS) + rest)
    return urls


GENERATED = _generated_urls(20261127, 40000)
_WRITTEN = re.compile(r"\]\(([^()\s]+)|<([a-zA-Z][a-zA-Z0-9+.-]*:[^<>\s]*)>|\bhttps?://[^\s<>)\]]+")


def _written_urls() -> list[str]:
    found: list[str] = []
    for path in FILES:
        for match in _WRITTEN.finditer(path.read_text(encoding="utf-8")):
            found.append(next(group for group in match.groups(match.group(0)) if group))
    return found


def _unchanged(url: str) -> bool:
    return normalizeLink(url) == url and normalizeLinkText(url) == url


def test_generated_plain_urls_are_unchanged_by_the_normalisers() -> None:
    taken = [url for url in GENERATED if tokens._PLAIN_URL.fullmatch(url)]
    assert len(taken) > 2000  # the class is reached, not only its refusals
    assert [url for url in taken if not _unchanged(url)] == []


def test_written_plain_urls_are_unchanged_by_the_normalisers() -> None:
    taken = [url for url in _written_urls() if tokens._PLAIN_URL.fullmatch(url)]
    assert len(taken) >= 5  # 8 in the repository alone, more with the shared corpus
    assert [url for url in taken if not _unchanged(url)] == []


@pytest.mark.parametrize(
    ("url", "plain"),
    [
        ("https://github.com/2i2c-org/infrastructure/pull/6349", True),
        ("HTTP://Example.COM:8080/a?b=c&d=e#f", True),
        ("https://a.example/%41", False),  # normalizeLinkText decodes it to 'A'
        ("https://xn--bcher-kva.example/", False),  # to_unicode: bücher
        ("https://user@host.example/", False),
        ("https://a.example/x y", False),
        ("ftp://a.example/", False),
    ],
)
def test_the_class_of_plain_urls(url: str, plain: bool) -> None:
    assert bool(tokens._PLAIN_URL.fullmatch(url)) is plain


def test_the_parser_normalises_other_urls_as_markdown_it_does() -> None:
    parser = tokens._block_parser()
    for url in ("https://a.example/%41", "https://xn--bcher-kva.example/", "https://a.example/x y"):
        assert parser.normalizeLink(url) == normalizeLink(url)
        assert parser.normalizeLinkText(url) == normalizeLinkText(url)
