"""Round-13 changes of the indicator engine give exactly what the plain way gives.

Compared on every report we have (fixtures, docs, the shared corpus when present), the IOC case
tables and generated text (the texts of test_ioc_perf), plus generated URL-like text.
"""

from __future__ import annotations

import dataclasses
import importlib
import random
import re

import pytest

from incidentparse.ioc import CATEGORY, extract_indicators, patterns
from incidentparse.ioc.classify import Hit
from incidentparse.ioc.context import context_of
from incidentparse.models import Indicator, Occurrence

from .test_ioc_perf import TEXTS

# The module (the package exports its scan() function under the same name).
scan_module = importlib.import_module("incidentparse.ioc.scan")

# The URL pattern as written before round 13: the tail as a per-character alternation.
_SCHEME = r"(?:[hH](?:[tT]{2}|[xX]{2})[pP][sS]?|[fF](?:[tT]|[xX])[pP][sS]?|sftp|meows?|MEOWS?|wss?)"
_SEP = r"(?:://|\[://\]|\[:\]//|\[://|:\[//\]|\(:\)//|\(://\)|\{://\}|\[:/\]/)"
PLAIN_URL = re.compile(rf"(?<![A-Za-z0-9]){_SCHEME}{_SEP}(?:[^\s<>\"`|\]]|\](?!\())*")

URL_PIECES: tuple[str, ...] = (
    "https://", "hxxp[://]", "ftp://", "http[:]//", "a", "b.c", "/", "]", "](", "[", "(", ")",
    " ", "\n", "<", ">", '"', "`", "|", "?q=1", "#x", "\t", "\u00a0", "é", "]]", "[x](",
)  # fmt: skip


def _url_texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [
        "".join(rng.choice(URL_PIECES) for _ in range(rng.randint(1, 40))) for _ in range(count)
    ]


def test_unrolled_url_pattern_is_the_alternation() -> None:
    assert patterns.URL.pattern != PLAIN_URL.pattern
    matched = 0
    for text in [*TEXTS, *_url_texts(4000, 13)]:
        fast = [m.span() for m in patterns.URL.finditer(text)]
        assert fast == [m.span() for m in PLAIN_URL.finditer(text)], text
        matched += len(fast)
        if len(text) < 400:  # the scanner matches from a backed-off start: every position
            for pos in range(len(text)):
                one, two = patterns.URL.match(text, pos), PLAIN_URL.match(text, pos)
                assert (one and one.span()) == (two and two.span()), (text, pos)
    assert matched > 1000


def test_needed_literal_is_in_every_match() -> None:
    gated = [scanner for scanner in scan_module.SCANNERS if scanner.needs]
    assert {scanner.name for scanner in gated} >= {"email_spelled", "asn"}
    for scanner in gated:
        for text in TEXTS:
            for match in scanner.pattern.finditer(text):
                assert scanner.needs in match.group(0), (scanner.name, text)


def test_gated_scan_is_the_ungated_one(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [
        *TEXTS,
        "contact alice at example dot com or AS13335, ASN 64512",
        "email bob at corp dot example dot org",
    ]
    gated = [scan_module.scan(text)[0] for text in texts]
    plain = tuple(dataclasses.replace(scanner, needs="") for scanner in scan_module.SCANNERS)
    monkeypatch.setattr(scan_module, "SCANNERS", plain)
    ungated = [scan_module.scan(text)[0] for text in texts]
    assert gated == ungated
    assert any(hit.type == "asn" for hits in gated for hit in hits)
    assert any(
        hit.type == "email" and " at " in text
        for text, hits in zip(texts, gated, strict=True)
        for hit in hits
    )


def _plain_placed(text: str) -> list[Indicator]:
    """extract_indicators as built before round 13: each Occurrence constructed, then passed in."""
    hits, env = scan_module.scan(text)
    groups: dict[tuple[str, str], list[Hit]] = {}
    for hit in hits:
        groups.setdefault((hit.type, hit.value), []).append(hit)
    out = []
    for group in groups.values():
        occurrences = []
        for hit in group:
            line, column = env.layout.position(hit.start)
            raw = text[hit.start : hit.end]
            occurrences.append(
                Occurrence(raw=raw, line=line, column=column, start=hit.start, end=hit.end)
            )
        contexts = (context_of(env.layout, env.labels, hit.start, hit.end) for hit in group)
        first, hit = occurrences[0], group[0]
        out.append(
            Indicator(
                type=hit.type,
                value=hit.value,
                raw=first.raw,
                defanged=any(hit.defanged for hit in group),
                category=CATEGORY[hit.type],
                context=next((note for note in contexts if note is not None), None),
                scope=hit.scope,
                in_code=env.layout.in_code(hit.start),
                line=first.line,
                column=first.column,
                start=first.start,
                end=first.end,
                occurrences=tuple(occurrences),
            )
        )
    return out


def test_occurrences_built_by_validation_are_the_constructed_ones() -> None:
    checked = 0
    for text in TEXTS:
        fast, plain = extract_indicators(text), _plain_placed(text)
        assert fast == plain
        for one, two in zip(fast, plain, strict=True):
            assert one.model_fields_set == two.model_fields_set
            assert one.model_dump_json() == two.model_dump_json()
            for got, want in zip(one.occurrences, two.occurrences, strict=True):
                assert type(got) is Occurrence
                assert got.model_fields_set == want.model_fields_set
            checked += 1
    assert checked > 500
