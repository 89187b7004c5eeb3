"""Round-5 fast paths of the document facts give exactly what the plain computation gives.

Each test compares a fast path with the code it replaced on every report we have (fixtures,
docs, the shared corpus) and on generated text.
"""

from __future__ import annotations

from collections import Counter

from incidentparse.extract import document

from .test_extract_perf import TEXTS


def word_count(text: str, word: str, side: str) -> int:
    """How often word stands as a whole word of text, under no negation for security words:
    text_evidence's word count before the one split (a substring test, then every place)."""
    if word not in text:
        return 0
    return sum(not document._negated(text, at, side) for at in document._word_starts(text, word))


def _plain_word_scores(lowered: str) -> dict[str, int]:
    """The word evidence as it was read: every word of the text tokenized and counted."""
    scores = {"security_incident": 0, "service_outage": 0}
    found = Counter(w for w in document._WORD.findall(lowered) if w in document.TYPE_WORDS)
    for word, count in found.items():
        side, weight = document.TYPE_WORDS[word]
        if side == "security_incident":
            starts = [m.start() for m in document._WORD.finditer(lowered) if m.group(0) == word]
            count = sum(not document._negated(lowered, at, side) for at in starts)
        scores[side] += weight * count
    return scores


def test_word_evidence_is_that_of_the_tokenizer() -> None:
    extra = [
        "no outage, outages-outage --restart restarted. not malware; c2c2 c2 on-call on-calls",
        "not a compromise compromised exploit-exploited x-exploit errors",
    ]
    for text in [*TEXTS, *extra]:
        lowered = text.lower()
        scores = {"security_incident": 0, "service_outage": 0}
        for word, (side, weight) in document.TYPE_WORDS.items():
            scores[side] += weight * word_count(lowered, word, side)
        assert scores == _plain_word_scores(lowered), text
