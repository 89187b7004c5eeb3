"""Round 30: classify.domain lower-cases a name once (its value and _plausible_name's product
look-up), and _plausible_name makes the tests that need a capital (every label capitalised, a
capitalised first label, camel case: _capitals_say_no) only for a name that holds one.

The reference is test_ioc_perf23's plain domain and _plausible_name (as they were written
before round 23; round 29's were proved equal to them there), called with the same arguments
as the new ones on every dotted-name candidate of every report we have (fixtures, docs,
README, the shared corpus when present) and of generated texts mixing lower-case,
capitalised, upper-case and camel-case names, product names, namespaces, weak TLDs, code spans
and e-mail neighbours; and the indicators of every text are compared with those found with the
reference in place.
"""

from __future__ import annotations

import random
import re

import pytest

from incidentparse.ioc import classify as c
from incidentparse.ioc import extract_indicators
from incidentparse.ioc.classify import Env
from incidentparse.ioc.scan import SCANNERS, _candidates, scan
from incidentparse.ioc.vocab import NAMESPACE_ROOTS, PRODUCT_NAMES

from .conftest import REPO_MARKDOWN, SHARED
from .test_ioc_perf23 import _plain_domain, _plain_plausible

_WORDS = ("evil", "example", "api", "Foo", "Bar", "System", "win32", "Agent", "k8s",
          "apiextensions", "CustomResource", "my-host", "www", "cdn", "ORDERS", "events", "user",
          "profile", "io", "subprocess", "Trojan", "dc01", "corp", "abc", "x1", "getUser", "MAIL",
          "Net")  # fmt: skip
_TLDS = ("com", "org", "net", "io", "COM", "Com", "local", "corp", "sh", "py", "md", "app",
         "events", "de", "zip", "ru", "NET", "run", "Agent", "abc", "internal", "dev")  # fmt: skip
_AROUND = ("", " ", "`", "(", "@", "_", "-", "/path", ":", "**", "|", "\n", "(note)", "[.]")


def _names(rng: random.Random) -> str:
    labels = [rng.choice(_WORDS) for _ in range(rng.randint(1, 3))] + [rng.choice(_TLDS)]
    if rng.random() < 0.2:
        labels = [rng.choice(sorted(NAMESPACE_ROOTS)), *labels]
    if rng.random() < 0.1:
        return rng.choice(sorted(PRODUCT_NAMES))
    dot = "[.]" if rng.random() < 0.1 else "."
    name = dot.join(labels)
    if rng.random() < 0.2:
        name = name.lower()
    return name


def _generated(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(1, 12)):
            parts.append(rng.choice(_AROUND) + _names(rng) + rng.choice(_AROUND))
            parts.append(rng.choice((" ", " and ", "\n- ", "\n| a | ", "\n```\n", " see ")))
        texts.append("".join(parts))
    return texts


def _texts() -> list[str]:
    corpus = sorted((SHARED / "corpus").glob("*.md"))
    reports = [path.read_text(encoding="utf-8") for path in [*REPO_MARKDOWN, *corpus]]
    return [*reports, *_generated(1500, 30)]


_HOSTLIKE = next(scanner for scanner in SCANNERS if scanner.name == "hostlike")


def _domain_calls(text: str) -> list[tuple[Env, int, int, str, list[str], bool]]:
    """The arguments hostlike gives domain for every dotted-name candidate of text."""
    _, env = scan(text)
    calls = []
    for start, end in _candidates(text, _HOSTLIKE):
        raw = text[start:end]
        live = c.refang(raw)
        labels = live.split(".")
        if "" in labels or live.replace(".", "").isdigit():
            continue
        calls.append((env, start, end, live, labels, live != raw))
    return calls


def test_domain_is_the_plain_one() -> None:
    judged = kept = capitalised = plain = 0
    for text in _texts():
        for env, start, end, live, labels, defanged in _domain_calls(text):
            mine = c.domain(env, start, end, live, labels, defanged)
            theirs = _plain_domain(env, start, end, live, labels, defanged)
            assert mine == theirs, (text, live)
            judged += 1
            kept += mine is not None
            capitalised += live != live.lower()
            plain += live == live.lower() and mine is not None
    assert judged > 5000 and kept > 1000 and capitalised > 1000 and plain > 500


def test_plausible_name_is_the_plain_one_on_every_shape() -> None:
    """Called directly (every shape of name reaches its tests, TLD or not)."""
    rng = random.Random(3030)
    compared = 0
    for text in _generated(800, 31):
        _, env = scan(text)
        for match in re.finditer(r"[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+", text):
            live = match.group(0)
            labels = live.split(".")
            if "" in labels:
                continue
            nxt = text[match.end() : match.end() + 1] or rng.choice(("", "(", "-"))
            args = (env, match.start(), match.end(), live, labels, nxt)
            assert c._plausible_name(*args, live.lower()) == _plain_plausible(*args), live
            compared += 1
    assert compared > 3000


def test_indicators_are_those_of_the_plain_domain(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _texts()
    fast = [extract_indicators(text) for text in texts]
    monkeypatch.setattr(c, "domain", _plain_domain)
    plain = [extract_indicators(text) for text in texts]
    assert fast == plain
    assert sum(item.type == "domain" for found in fast for item in found) > 1000
