"""Round 34: classify.hostlike judges a plain lower-case name (_plain_domain) by one match and
a few set tests, where the general path refanged, split and asked domain and _plausible_name.

The reference is hostlike as it was before (kept below), called on every dotted-name candidate
of every report we have (fixtures, docs, README, the shared corpus when present) and of
generated texts mixing lower-case names with every TLD kind (common, long, weak, file
extensions, internal, upper or mixed case), product names, namespace roots, hyphens at label
ends, long labels, code spans and the characters _plausible_name and domain read beside a name
('_', '@', '(', '-'); the indicators of every text are compared with those found with the
reference in place.
"""

from __future__ import annotations

import random

import pytest

from incidentparse.ioc import classify as c
from incidentparse.ioc import extract_indicators
from incidentparse.ioc.classify import Env, Hit
from incidentparse.ioc.scan import SCANNERS, _candidates, scan
from incidentparse.ioc.vocab import (
    COMMON_TLDS,
    FILE_EXTENSIONS,
    INTERNAL_TLDS,
    NAMESPACE_ROOTS,
    PRODUCT_NAMES,
    WEAK_TLDS,
)

from .conftest import REPO_MARKDOWN, SHARED


def _old_hostlike(env: Env, start: int, end: int) -> Hit | list[Hit] | None:
    """hostlike before round 34 (the general path alone)."""
    raw = env.text[start:end]
    pair = c._IP_RANGE.match(raw) if "-" in raw else None
    if pair is not None:
        cut = start + pair.end(1)
        both = [_old_hostlike(env, start, cut), _old_hostlike(env, cut + 1, end)]
        return [hit for hit in both if isinstance(hit, Hit)] or None
    live = c.refang(raw)
    defanged = live != raw
    labels = live.split(".")
    if "" in labels:
        return None
    if live.replace(".", "").isdigit():
        return c.ipv4(env, start, end, labels, defanged)
    return c.domain(env, start, end, live, labels, defanged)


_LONG = sorted(t for t in c._PLAIN_TLDS if len(t) >= 4 and t not in COMMON_TLDS)[:12]
_TLDS = (*sorted(COMMON_TLDS), *sorted(WEAK_TLDS)[:10], *sorted(FILE_EXTENSIONS)[:12],
         *sorted(INTERNAL_TLDS), *_LONG, "de", "ru", "uk", "io", "COM", "Org", "xyz1", "zz",
         "example", "test")  # fmt: skip
_WORDS = ("evil", "api", "cdn", "my-host", "-bad", "bad-", "www", "dc01", "x", "1", "a1b",
          "corp", "mail", "orders", "user", "Foo", "k8s", "xn--p1ai", "a" * 60, "b" * 64,
          "hxxp", "fxa", "s3")  # fmt: skip
_AROUND = ("", " ", "`", "(", "@", "_", "-", "/", "/path", ":", "**", "|", "\n", "(note)",
           ".", ",", ")")  # fmt: skip


def _name(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.05:
        return rng.choice(sorted(PRODUCT_NAMES))
    labels = [rng.choice(_WORDS) for _ in range(rng.choice((1, 1, 1, 2, 3)))]
    if roll < 0.15:
        labels = [rng.choice(sorted(NAMESPACE_ROOTS)), *labels]
    if rng.random() < 0.05:
        labels = ["c" * rng.randint(1, 70)]  # around _PLAIN_MAX
    return ".".join([*labels, rng.choice(_TLDS)])


def _generated(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(1, 12)):
            parts.append(rng.choice(_AROUND) + _name(rng) + rng.choice(_AROUND))
            parts.append(rng.choice((" ", " and ", "\n- ", "\n| a | ", "\n```\n", " `x` ",
                                     "\n**Domains:**\n- ", " see ", "\nhost: ")))  # fmt: skip
        texts.append("".join(parts))
    return texts


def _texts() -> list[str]:
    corpus = sorted((SHARED / "corpus").glob("*.md"))
    reports = [path.read_text(encoding="utf-8") for path in [*REPO_MARKDOWN, *corpus]]
    return [*reports, *_generated(2500, 34)]


_HOSTLIKE = next(scanner for scanner in SCANNERS if scanner.name == "hostlike")


def test_hostlike_is_the_general_one_on_every_candidate() -> None:
    judged = fast = kept = 0
    for text in _texts():
        _, env = scan(text)
        for start, end in _candidates(text, _HOSTLIKE):
            mine = c.hostlike(env, start, end)
            assert mine == _old_hostlike(env, start, end), (text, text[start:end])
            judged += 1
            kept += mine is not None
            fast += c._plain_domain(text, start, end, text[start:end]) is not None
    # The fast path is taken (on the generated texts alone as well: no corpus needed).
    assert judged > 10000 and kept > 2000 and fast > 1000, (judged, kept, fast)


def test_plain_domain_on_every_name_shape() -> None:
    """_plain_domain called directly on names and neighbours the candidates rarely give."""
    rng = random.Random(3434)
    taken = 0
    for _ in range(20000):
        name = _name(rng)
        text = rng.choice(_AROUND) + name + rng.choice(_AROUND)
        start = text.index(name)
        env = scan(text)[1]
        fast = c._plain_domain(text, start, start + len(name), name)
        if fast is not None:
            assert fast == _old_hostlike(env, start, start + len(name)), text
            taken += 1
    assert taken > 1000


def test_indicators_are_those_of_the_general_path(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _texts()
    fast = [extract_indicators(text) for text in texts]
    monkeypatch.setattr(c, "_plain_domain", lambda text, start, end, raw: None)
    plain = [extract_indicators(text) for text in texts]
    assert fast == plain
    assert sum(item.type == "domain" for found in fast for item in found) > 1000
