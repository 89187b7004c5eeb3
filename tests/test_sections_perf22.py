"""headings.normalise folds a heading of ASCII letters, digits and spaces ('Action Items') to
its key at once: every other step of headings.normalise_in_steps leaves such a text unchanged.
Both must give the same key and qualifiers on every heading and one-line paragraph (a run-in
label candidate) of the repository's files and the corpus, every alias, and generated
headings mixing words with the characters the steps drop or rewrite.
"""

from __future__ import annotations

import random

from incidentparse import headings, tokens

from .test_tokens_perf11 import TEXTS

# Pieces the steps react to: symbols, emphasis, numbering, brackets, joiners, punctuation,
# whitespace other than the space, non-ASCII letters and digits.
PIECES = (
    "Action",
    "items",
    "ROOT",
    "cause",
    "2023",
    "1.",
    "a)",
    "2.3",
    "§ 4",
    "(EU)",
    "(",
    ")",
    "*",
    "**",
    "_",
    "^",
    "`",
    "&",
    "/",
    "’",
    ":",
    "?",
    "!",
    "-",
    "—",
    ".",
    " ",
    "  ",
    "\t",
    "\u00a0",
    "é",
    "ß",
    "²",
    "٣",
    "🔥",
    "İ",
)
WORDS = ("Action", "items", "ROOT", "cause", "2023", "x1", "What", "went", "well")


def _generated(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        pool = WORDS if rng.random() < 0.5 else PIECES
        joiner = rng.choice((" ", " ", "  ", ""))
        texts.append(joiner.join(rng.choice(pool) for _ in range(rng.randint(0, 5))))
    return texts


GENERATED = _generated(20261128, 20000)


def _candidates() -> list[str]:
    found = [alias for aliases in headings.KIND_ALIASES.values() for alias in aliases]
    for text in TEXTS:
        for node in tokens.parse_blocks(text):
            if node.kind in ("heading", "paragraph") and "\n" not in node.inline.text_raw:
                found.append(node.text)
                found.append(node.text.rstrip(":").strip())
    return found


def test_normalise_matches_every_step() -> None:
    texts = _candidates() + GENERATED
    assert [
        text for text in texts if headings.normalise(text) != headings.normalise_in_steps(text)
    ] == []


def test_inputs_take_both_ways() -> None:
    def plain(text: str) -> bool:
        return text.isascii() and text.replace(" ", "").isalnum()

    files = _candidates()
    assert sum(map(plain, files)) > 100
    assert sum(not plain(text) for text in files) > 100
    assert sum(map(plain, GENERATED)) > 5000
    assert sum(not plain(text) for text in GENERATED) > 5000
