"""Round 35: one search for two families' anchors that open with the same literal.

ioc.scan._shared_places finds the places of the URL family's ':' anchor and the IPv6 family's
':' anchor in one search, and those of the host-like family's '.' anchor and the file-name
family's '.' anchor in another; each family then walks its own places (_placed) instead of
searching for its anchor again after every place (_single_anchor). Compared here:

- each shared pass's places with each anchor's own finditer, on every report we have
  (test_ioc_perf's TEXTS: fixtures, docs, the shared corpus when present, the IOC case tables,
  generated text), the README and generated texts of colons, dots, hex digits, URL and IPv6
  pieces, host and file names, defanged forms and what stops them;
- _placed's candidates with _candidates' (round 34's walk) on the same texts;
- _hits with round 34's _hits (kept below: every family by _candidates) on the same texts.

The texts hold what makes the shared passes run (both families' anchors and no defanged
anchor), what makes them stand aside (a '[:' or a '[.' as well) and places where both dot
anchors match at once ('a.txt', 'evil.zip').
"""

from __future__ import annotations

import importlib
import random

import pytest

from incidentparse.ioc import classify as c
from incidentparse.ioc.context import _NOTE_MAX, Labels, _inline_label

from .conftest import ROOT
from .test_ioc_perf import TEXTS

# The module (incidentparse.ioc.scan, as an attribute, is the scan function it exports).
scan = importlib.import_module("incidentparse.ioc.scan")

_INDEX = {scanner.name: at for at, scanner in enumerate(scan.SCANNERS)}


def _ref_hits(text: str, env: c.Env) -> list[c.Hit]:
    """Round 34's _hits: every family's candidates by _candidates."""
    absent = scan._absent(text, scan._HIT_PROBES)
    hits: list[c.Hit] = []
    for scanner, literals in zip(scan.SCANNERS, scan._LITERALS, strict=True):
        if literals and literals <= absent:
            continue
        if scanner.needs and (
            scanner.needs not in text
            if scanner.needs_finder is None
            else scanner.needs_finder.search(text) is None
        ):
            continue
        for start, end in scan._candidates(text, scanner, absent):
            found = scanner.judge(env, start, end)
            for hit in found if isinstance(found, list) else (found,):
                if hit is not None and hit.end > hit.start:
                    hits.append(hit)
    return hits


# ---------------------------------------------------------------- generated texts

_PIECES: tuple[str, ...] = (
    ":", ":", "::", "://", "http", "https://", "hxxp[://]", "[:", "(:", "[:]", "/", "[", "0",
    "1", "a", "F", "db8", "2001", "fe80", "g", ".", ".", "..", "[.]", "(.)", "\\.", "[dot]",
    "evil", "example", "com", "org", "io", "zip", "txt", "exe", "tar.gz", "yaml", "js", "e.g",
    "i.e", "P.S", "Node.js", "1.2.3.4", "10.0.0.1", "a.txt", "evil.zip", "_", "-", "$", "%",
    "\\", " ", " ", "\n", "`", "é", "x", "Z", "12:30", "a:b:c", "www", "api.github.com/x",
)  # fmt: skip


def _generated(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 50))) for _ in range(count)]


def _prose(count: int, seed: int) -> list[str]:
    """Sentences with URLs, hosts, files and addresses among words, as reports write them."""
    rng = random.Random(seed)
    words = ("We", "moved", "the", "host", "to", "see", "e.g.", "i.e.", "at", "12:30", "P.S.")
    things = (
        "https://github.com/org/repo/pull/12", "http://10.0.0.1:8080/x", "api.example.com",
        "report.pdf", "values.yaml", "Node.js", "fe80::1", "2001:db8::1", "1.2.3.4",
        "hxxp[://]evil[.]com", "evil[.]com", "run.sh", "a.b.c.d.zip", "`cfg.json`",
    )  # fmt: skip
    out = []
    for _ in range(count):
        parts = [rng.choice(words if rng.random() < 0.6 else things) for _ in range(20)]
        out.append(" ".join(parts) + rng.choice((".", "\n", "", ":")))
    return out


README = (ROOT / "README.md").read_text(encoding="utf-8")
SHARED_TEXTS = [*TEXTS, README, *_generated(6000, 35), *_prose(1500, 36)]


def test_shared_places_are_each_anchors_places() -> None:
    passes = {0: 0, 1: 0}
    both = 0
    for text in SHARED_TEXTS:
        absent = scan._absent(text, scan._HIT_PROBES)
        places = scan._shared_places(text, absent)
        for which, shared in enumerate(scan._SHARED):
            first, second = places[shared.first], places[shared.second]
            if shared.literal in absent or not shared.others <= absent:
                assert first is None and second is None, text
                continue
            passes[which] += 1
            assert first is not None and second is not None
            for own, index in ((first, shared.first), (second, shared.second)):
                anchor = scan.SCANNERS[index].anchors[0]
                assert anchor.literal == shared.literal
                assert own == [match.start() for match in anchor.pattern.finditer(text)], text
            both += len(set(first) & set(second))
        # No family but these four ever takes places from a shared pass.
        taken = {index for index, own in enumerate(places) if own is not None}
        assert taken <= {_INDEX[name] for name in ("url", "ipv6", "hostlike", "file_name")}
    # Both passes ran often, stood aside often, and the dot pass met places of both anchors.
    assert min(passes.values()) > 2000 and both > 500, (passes, both)
    assert sum(1 for t in SHARED_TEXTS if "[:" in t or "[." in t) > 1000


def test_placed_candidates_are_single_anchor_ones() -> None:
    walked = 0
    for text in SHARED_TEXTS:
        absent = scan._absent(text, scan._HIT_PROBES)
        places = scan._shared_places(text, absent)
        for scanner, own in zip(scan.SCANNERS, places, strict=True):
            if own is None:
                continue
            got = list(scan._placed(text, scanner, own))
            assert got == list(scan._candidates(text, scanner, absent)), (scanner.name, text)
            walked += len(got)
    assert walked > 8000


def test_hits_are_round_34s() -> None:
    for text in SHARED_TEXTS:
        if not text or text.isspace():
            continue
        layout = scan.Layout.build(text)
        env = c.Env(text, layout, scan.Labels(layout))
        assert scan._hits(text, env) == _ref_hits(text, env), text


# ---------------------------------------------------------------- hits built at once


def _plain_new(cls: type[c.Hit], fields: tuple[object, ...]) -> c.Hit:
    """The general path: Hit's own constructor (namedtuple's __new__) given the fields."""
    return cls(*fields)  # type: ignore[arg-type]


def test_hits_built_at_once_are_the_constructors(monkeypatch: pytest.MonkeyPatch) -> None:
    # The domain and URL judges build their hits by tuple.__new__ with every field: the same
    # tuples of the same class as Hit(...) builds, every field in place (a field left out
    # makes a shorter tuple, caught by the length and the comparison).
    texts = [t for t in SHARED_TEXTS if t and not t.isspace()]
    fast = []
    for text in texts:
        layout = scan.Layout.build(text)
        fast.append(scan._hits(text, c.Env(text, layout, scan.Labels(layout))))
    monkeypatch.setattr(c, "_TUPLE_NEW", _plain_new)
    built = {"domain": 0, "url": 0}
    for text, hits in zip(texts, fast, strict=True):
        layout = scan.Layout.build(text)
        assert hits == scan._hits(text, c.Env(text, layout, scan.Labels(layout))), text
        for hit in hits:
            assert type(hit) is c.Hit and len(hit) == len(c.Hit._fields), hit
            assert hit == c.Hit(*hit), hit
            if hit.type in built:
                assert hit.scope is None, hit
                built[hit.type] += 1
    assert built["domain"] > 3000 and built["url"] > 1000, built


# ---------------------------------------------------------------- labels


class _RefLabels(Labels):
    """Round 34's Labels: _label_at slices the line before the offset for _inline_label."""

    def _label_at(self, offset: int, index: int | None = None) -> str | None:
        layout = self.layout
        if index is None:
            index = layout.line_index(offset)
        line_start = layout.line_starts[index]
        label = _inline_label(layout.text[line_start : min(offset, line_start + _NOTE_MAX)])
        return label if label is not None else self.above(index)


def _label_texts() -> list[str]:
    """Label lines, inline labels, list items, rows and prose, with and without colons."""
    rng = random.Random(351)
    lines = (
        "**C2 servers:**", "Dropped files:", "- **Hash:** abc", "* item: evil.com", "| a | b |",
        "", "plain prose line", "12:30 UTC the host", "1. first: x", "__Label:__ rest", "## Head",
        "Note: see evil.com below", "x" * 320 + ": late", "**Bold** text", "- [ ] todo: y",
    )  # fmt: skip
    return ["\n".join(rng.choice(lines) for _ in range(rng.randint(1, 12))) for _ in range(3000)]


def test_label_at_is_round_34s() -> None:
    asked = spared = 0
    for text in [*TEXTS, README, *_label_texts()]:
        if not text:
            continue
        layout = scan.Layout.build(text)
        new, old = Labels(layout), _RefLabels(layout)
        rng = random.Random(len(text))
        for offset in sorted({rng.randrange(len(text)) for _ in range(12)}):
            assert new.label_at(offset) == old.label_at(offset), (text, offset)
            index = layout.line_index(offset)
            assert new.label_at(offset, index) == old.label_at(offset, index)
            asked += 1
            spared += ":" not in text[layout.line_starts[index] : offset]
    assert asked > 50000 and spared > 20000, (asked, spared)


# ---------------------------------------------------------------- dotted words turned away


def _ref_hostlike(env: c.Env, start: int, end: int) -> c.Hit | list[c.Hit] | None:
    """Round 34's hostlike: every name that _plain_domain does not take is refanged, split
    and judged by ipv4 or domain."""
    raw = env.text[start:end]
    if raw[raw.rfind(".") + 1 :] in c._PLAIN_TLDS:
        plain = c._plain_domain(env.text, start, end, raw)
        if plain is not None:
            return plain
    pair = c._IP_RANGE.match(raw) if "-" in raw else None
    if pair is not None:
        cut = start + pair.end(1)
        both = [_ref_hostlike(env, start, cut), _ref_hostlike(env, cut + 1, end)]
        return [hit for hit in both if isinstance(hit, c.Hit)] or None
    live = c.refang(raw)
    defanged = live != raw
    labels = live.split(".")
    if "" in labels:
        return None
    if live.replace(".", "").isdigit():
        return c.ipv4(env, start, end, labels, defanged)
    return c.domain(env, start, end, live, labels, defanged)


def _dotted(count: int, seed: int) -> list[str]:
    """Dotted words among prose: plain and defanged dots, TLDs, internal names, file
    extensions, digits, ranges, capitals, and the shapes of 'e.g' and 'Node.js'."""
    rng = random.Random(seed)
    labels = (
        "e", "g", "i", "P", "S", "Node", "js", "values", "yaml", "evil", "example", "com", "COM",
        "org", "local", "corp", "lan", "internal", "dc01", "10", "0", "1", "255", "300", "a-b",
        "x1", "io", "zip", "md", "py", "www", "Foo", "Bar", "k8s", "1a", "studio", "github",
    )  # fmt: skip
    dots = (".", ".", ".", "[.]", "(.)", "{.}", "[.", "\\.", " [.] ", "[dot]", " (dot) ")
    around = (" ", " ", "\n", "(", ")", ". ", ", ", "`", "@", "_", "-", "/", ":", "host: ")
    out = []
    for _ in range(count):
        words = []
        for _ in range(rng.randint(1, 6)):
            parts = [rng.choice(labels) for _ in range(rng.randint(2, 4))]
            word = parts[0]
            for part in parts[1:]:
                word += rng.choice(dots) + part
            if rng.random() < 0.1:
                word += "-" + word
            words.append(rng.choice(around) + word)
        out.append("".join(words) + rng.choice(around))
    return out


def test_hostlike_is_round_34s() -> None:
    scanner = scan.SCANNERS[_INDEX["hostlike"]]
    judged = turned_away = 0
    for text in [*SHARED_TEXTS, *_dotted(6000, 352)]:
        if not text or text.isspace():
            continue
        layout = scan.Layout.build(text)
        env = c.Env(text, layout, scan.Labels(layout))
        for start, end in scan._candidates(text, scanner, scan.absent_literals(text)):
            got = c.hostlike(env, start, end)
            assert got == _ref_hostlike(env, start, end), (text, text[start:end])
            judged += 1
            raw = text[start:end]
            last = raw[raw.rfind(".") + 1 :]
            turned_away += (
                last not in c._PLAIN_TLDS
                and last.lower() not in c._NAME_TLDS
                and not last.isdigit()
                and not any(char in raw for char in "[({\\")
            )
    assert judged > 30000 and turned_away > 5000, (judged, turned_away)
