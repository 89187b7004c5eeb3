"""Round-10 fast paths of the indicator engine give exactly what the plain way gives.

Compared on every report we have (fixtures, docs, the shared corpus when present), the IOC case
tables and generated text (the same texts as test_ioc_perf).
"""

from __future__ import annotations

import random
import re

from incidentparse.ioc import context as ctx
from incidentparse.ioc import fang
from incidentparse.ioc.classify import Env
from incidentparse.ioc.context import Labels
from incidentparse.ioc.layout import Layout
from incidentparse.ioc.scan import (
    _FILE_CHARS,
    _HEX,
    _HEX_DEFANGED,
    _LABEL_CHARS,
    _LETTERS,
    _LOCAL_CHARS,
    _WORD,
    _hits,
    _settle,
    _walk,
    scan,
)

from .test_ioc_perf import TEXTS


def _plain_inline_label(before: str) -> str | None:
    match = ctx._LABEL.match(ctx._LIST_MARK.sub("", before, count=1))
    if match is None:
        return None
    return ctx.clean(match.group(1) or match.group(2)) or None


def _plain_label_line(line: str) -> str | None:
    body = ctx._LIST_MARK.sub("", line, count=1).strip()
    if not body or not (body.endswith(":") or body.endswith(":**") or body.startswith("**")):
        return None
    match = ctx._LABEL_LINE.match(body)
    return ctx.clean(match.group(1)) if match else None


def _offsets(text: str) -> range:
    """Every offset of a short text, a sample of a long one's."""
    return range(0, len(text), 1 if len(text) < 2000 else 7)


def test_label_prefilters_are_the_plain_matches() -> None:
    checked = 0
    for text in TEXTS:
        for line in text.split("\n"):
            assert ctx._label_line(line) == _plain_label_line(line), line
            for cut in range(min(len(line), ctx._NOTE_MAX) + 1):
                assert ctx._inline_label(line[:cut]) == _plain_inline_label(line[:cut]), line
                checked += 1
    assert checked > 100_000


def test_remembered_labels_are_the_fresh_ones() -> None:
    rng = random.Random(10)
    for text in TEXTS:
        layout = Layout.build(text)
        labels = Labels(layout)
        offsets = list(_offsets(text))
        rng.shuffle(offsets)
        for offset in offsets + offsets[: len(offsets) // 2]:
            assert labels.label_at(offset) == Labels(layout)._label_at(offset), offset


_PLAIN_MAYBE_DEFANGED = re.compile(r"[\[\(\{\\]|[hH][xX]|meow|MEOW|[fF][xX]|HTTPS|FTP")
_MARK_PIECES = (
    "h", "H", "x", "X", "f", "F", "m", "M", "e", "E", "o", "O", "w", "W", "T", "P", "S", "t",
    "p", "s", "[", "(", "{", "\\", ".", ":", "/", "meo", "MEO", "HTTP", "FT", "xx", "www", "é",
)  # fmt: skip


def _mark_texts() -> list[str]:
    rng = random.Random(10)
    generated = [
        "".join(rng.choice(_MARK_PIECES) for _ in range(rng.randint(1, 12))) for _ in range(20_000)
    ]
    lines = [line for text in TEXTS for line in text.split("\n")]
    windows = [line[i : i + 6] for line in lines[:20_000] for i in range(0, len(line), 3)]
    return generated + lines + windows


def test_defang_hint_is_the_plain_alternation() -> None:
    texts = _mark_texts()
    assert len(texts) > 50_000
    for text in texts:
        fast = fang._MAYBE_DEFANGED.search(text) is None
        assert fast == (_PLAIN_MAYBE_DEFANGED.search(text) is None), text
        assert fang.refang(text) == _plain_refang(text), text


def _plain_refang(text: str) -> str:
    out = text.strip()
    if _PLAIN_MAYBE_DEFANGED.search(out) is None:
        return out
    for pattern, repl in fang.REFANG_RULES:
        out = pattern.sub(repl, out)
    return out


_SPACES = (" ", "\t", "\n", "\r", "\x0b", "\x0c", "\x1c", "\x85", "\u00a0", "\u2028", "\u3000")


def test_blank_texts_have_no_candidate_hit() -> None:
    rng = random.Random(10)
    blanks = ["", *_SPACES] + [
        "".join(rng.choice(_SPACES) for _ in range(rng.randint(1, 40))) for _ in range(500)
    ]
    for text in blanks:
        layout = Layout.build(text)
        env = Env(text, layout, Labels(layout))
        assert _hits(text, env) == [] and scan(text)[0] == [], repr(text)
    for text in TEXTS:
        layout = Layout.build(text)
        plain = _settle(_hits(text, Env(text, layout, Labels(layout))))
        assert scan(text)[0] == plain, text


def _plain_walk(text: str, pos: int, chars: frozenset[str], limit: int) -> int:
    low = max(0, pos - limit)
    while pos > low and text[pos - 1] in chars:
        pos -= 1
    return pos


_WALKS = (
    (_LABEL_CHARS, 63),
    (_FILE_CHARS, 255),
    (_LOCAL_CHARS, 64),
    (_LETTERS, 6),
    (_HEX, 4),
    (_HEX_DEFANGED, 48),
    (_WORD, 64),
    ("", 5),
)


def test_walk_back_is_the_plain_step_back() -> None:
    assert set(_FILE_CHARS) == set(_LABEL_CHARS) | set("_.")
    runs = ["a" * 300 + "." + "b-c_" * 80, "x" * 70 + "@", "ABCdef0123456789" * 20]
    for text in TEXTS + runs:
        for pos in _offsets(text):
            for chars, limit in _WALKS:
                assert _walk(text, pos, chars, limit) == _plain_walk(
                    text, pos, frozenset(chars), limit
                ), (text, pos, chars)
