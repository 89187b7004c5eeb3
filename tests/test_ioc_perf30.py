"""Round 30: classify.domain lower-cases a name once (its value and _plausible_name's product
look-up), and _plausible_name makes the tests that need a capital (every label capitalised, a
capitalised first label, camel case: _capitals_say_no) only for a name that holds one.

Round 29's domain and _plausible_name are kept here as the reference and called with the same
arguments as the new ones on every dotted-name candidate of every report we have (fixtures,
docs, README, the shared corpus when present) and of generated texts mixing lower-case,
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
from incidentparse.ioc.classify import Env, Hit
from incidentparse.ioc.scan import SCANNERS, _candidates, scan
from incidentparse.ioc.vocab import (
    COMMON_TLDS,
    FILE_EXTENSIONS,
    NAMESPACE_ROOTS,
    PRODUCT_NAMES,
    TLDS,
    WEAK_TLDS,
)

from .conftest import REPO_MARKDOWN, SHARED


def _old_domain(
    env: Env, start: int, end: int, live: str, labels: list[str], defanged: bool
) -> Hit | None:
    """classify.domain as round 29 wrote it."""
    tld = labels[-1]
    if len(live) > 253 or not (tld.lower() in TLDS or c._internal(env, start, labels, defanged)):
        return None
    for label in labels:
        if len(label) > 63 or label[0] == "-" or label[-1] == "-":
            return None
    text = env.text
    nxt = text[end : end + 1]
    if nxt in ("_", "@") or (text[start - 1 : start] == "@" and not defanged):
        return None
    if not defanged and not _old_plausible_name(env, start, end, live, labels, nxt):
        return None
    return Hit("domain", live.lower(), start, end, defanged)


def _old_plausible_name(
    env: Env, start: int, end: int, live: str, labels: list[str], nxt: str
) -> bool:
    """classify._plausible_name as round 29 wrote it."""
    tld = labels[-1]
    if not (tld.islower() or tld.isupper()) or (tld.isupper() and not live.isupper()):
        return False
    if live.lower() in PRODUCT_NAMES or nxt == "(" or nxt == "-":
        return False
    if labels[0] in NAMESPACE_ROOTS:
        return False
    for label in labels:
        if not (label[:1].isupper() and label[1:].islower()):
            break
    else:
        return False
    if len(labels) > 2 and c._capitalised(labels[0]) and len(tld) > 2 and tld not in COMMON_TLDS:
        return False
    if c._CAMEL.search(live):
        return False
    if c._code_identifier(env, start, labels):
        return False
    lower_tld = tld.lower()
    in_code_file = lower_tld in FILE_EXTENSIONS and env.layout.in_code(start)
    if lower_tld in WEAK_TLDS or in_code_file:
        return c._weak_evidence(env, start, end, labels, in_code_file)
    return True


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


def test_domain_is_round_29s() -> None:
    judged = kept = capitalised = plain = 0
    for text in _texts():
        for env, start, end, live, labels, defanged in _domain_calls(text):
            mine = c.domain(env, start, end, live, labels, defanged)
            theirs = _old_domain(env, start, end, live, labels, defanged)
            assert mine == theirs, (text, live)
            judged += 1
            kept += mine is not None
            capitalised += live != live.lower()
            plain += live == live.lower() and mine is not None
    assert judged > 5000 and kept > 1000 and capitalised > 1000 and plain > 500


def test_plausible_name_is_round_29s_on_every_shape() -> None:
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
            assert c._plausible_name(*args, live.lower()) == _old_plausible_name(*args), live
            compared += 1
    assert compared > 3000


def test_indicators_are_those_of_round_29s_domain(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _texts()
    fast = [extract_indicators(text) for text in texts]
    monkeypatch.setattr(c, "domain", _old_domain)
    plain = [extract_indicators(text) for text in texts]
    assert fast == plain
    assert sum(item.type == "domain" for found in fast for item in found) > 1000
