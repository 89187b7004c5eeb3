"""Round-33: fewer whole-text searches before the indicator families run.

- The ipv6 family's two anchors (the literal '::' and a colon between hex digits) are one
  anchor with both as branches behind the colon: no probe of the text for '::' in
  absent_literals, no heap walk where it occurs. The candidates are round 32's (two anchors,
  '::' probed), compared on every report we have (test_ioc_perf's TEXTS: fixtures, docs, the
  shared corpus when present, the IOC case tables, generated text; and the README) and on
  generated texts of colons, hex digits and what stops them.
- The posix_path family's '/' anchor refuses a slash after a character POSIX_PATH's
  look-behind refuses (the slashes of a URL). Compared with round 32's plain anchor the same
  way, on texts of slashes, roots, '~' and the refused characters.
- absent_literals looks for each rare literal among the tails by a needle built at import (a
  line break and the literal less its opener), where it sliced and joined one per test.
  Compared with round 32's on the same texts (dense ones too).
- _hits asks absent_literals' probes less ' at ' (email_spelled's anchor; the family needs
  ' dot ', tested after). The validated hits are those of round 32's _hits (every probe asked)
  on the same texts and on generated spelled-out addresses.
"""

from __future__ import annotations

import dataclasses
import importlib
import random

from incidentparse.ioc import classify as c
from incidentparse.ioc.vocab import POSIX_ROOTS

from .conftest import ROOT
from .test_ioc_perf import TEXTS

# The module (incidentparse.ioc.scan, as an attribute, is the scan function it exports).
scan = importlib.import_module("incidentparse.ioc.scan")

_SCANNERS = {scanner.name: scanner for scanner in scan.SCANNERS}

# ---------------------------------------------------------------- round 32's code

_REF_IPV6 = dataclasses.replace(
    _SCANNERS["ipv6"],
    anchors=(
        scan._anchor("::"),
        scan._anchor(":", r"(?<=[0-9A-Fa-f]:)(?=[0-9A-Fa-f]{1,4}:)"),
    ),
)
_REF_POSIX = dataclasses.replace(
    _SCANNERS["posix_path"],
    anchors=(scan._anchor("~/"), scan._anchor("/", "(?=" + "|".join(POSIX_ROOTS) + ")")),
)


def _ref_absent(text: str, scanner: scan.Scanner) -> frozenset[str]:
    """Round 32's absent literals of one family: each anchor literal the text lacks."""
    return frozenset(a.literal for a in scanner.anchors if a.literal not in text)


def _ref_hits(text: str, env: c.Env) -> list[c.Hit]:
    """Round 32's _hits: every probe asked first (absent_literals with common=True)."""
    absent = scan.absent_literals(text, common=True)
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


def _ref_absent_literals(text: str, common: bool) -> frozenset[str]:
    """Round 32's absent_literals: each needle sliced and joined where it is tested."""
    absent = scan._absent_common(text) if common else []
    for rare in scan._RARE:
        if rare.opener not in text:
            absent.extend(rare.literals)
            continue
        if len(text) > scan._DENSE_TEXT and text.count(rare.opener) > scan._DENSE:
            absent.extend(lit for lit in rare.literals if lit not in text)
            continue
        tails = "\n" + "\n".join(scan._tails(text, rare))
        absent.extend(lit for lit in rare.literals if "\n" + lit[1:] not in tails)
    return frozenset(absent)


# ---------------------------------------------------------------- generated texts

_IPV6_PIECES: tuple[str, ...] = (
    ":", ":", "::", ":::", "0", "1", "a", "F", "db8", "2001", "fe80", "ffff", "12345", "g", "G",
    ".", "1.2.3.4", " ", "\n", "-", "_", "[:]", "/", "/64", "x", "é", "::1", "2001:db8::1",
    "a:b:c", "dead:beef:", "http://", "12:30", "10:00:00",
)  # fmt: skip
_POSIX_PIECES: tuple[str, ...] = (
    "/", "/", "//", "~", "~/", *POSIX_ROOTS[:6], "etcx", "homes", "a", "Z", "9", "_", ".", "-",
    "\\", "~", ":", "https://", " ", "\n", "`", "(", "[", "\"", "'", "$", "%", "é", "x/y",
)  # fmt: skip
_SPELLED_PIECES: tuple[str, ...] = (
    " at ", " dot ", "contact", "email", "name", "example", "com", "org", "x", ".", " ", "\n",
    "at", "dot", "AT", " At ", "mail:", "a.b", "-", "_", "@", "[at]", "evil", "io", "support",
)  # fmt: skip


def _generated(pieces: tuple[str, ...], count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 40))) for _ in range(count)]


def _spelled(count: int, seed: int) -> list[str]:
    """'contact name at example dot com' and near misses, among prose."""
    rng = random.Random(seed)
    cue = ("contact ", "email: ", "reach ", "see ", "", "Mail ")
    local = ("name", "a.b", "x_y", "Support", "", "n-1")
    host = ("example", "evil", "corp dot internal", "a-b", "")
    tld = ("com", "org", "io", "zip", "local", "xyz1", "")
    tail = ("", ".", " and more", "\n", "_x", "@", " dot com")
    return [
        rng.choice(("", "Hi ", "x\n")) + rng.choice(cue) + rng.choice(local) + " at "
        + rng.choice(host) + " dot " + rng.choice(tld) + rng.choice(tail)
        for _ in range(count)
    ]  # fmt: skip


README = (ROOT / "README.md").read_text(encoding="utf-8")
IPV6_TEXTS = [*TEXTS, README, *_generated(_IPV6_PIECES, 8000, 33)]
POSIX_TEXTS = [*TEXTS, README, *_generated(_POSIX_PIECES, 8000, 34)]
SPELLED_TEXTS = [*TEXTS, README, *_generated(_SPELLED_PIECES, 4000, 35), *_spelled(1500, 36)]


def _both(text: str, new: scan.Scanner, old: scan.Scanner) -> None:
    absent_new = scan.absent_literals(text, common=True)
    got = list(scan._candidates(text, new, absent_new))
    assert got == list(scan._candidates(text, old, _ref_absent(text, old))), text
    assert got == list(scan._candidates(text, old)), text  # every anchor searched


def test_ipv6_candidates_are_round_32s() -> None:
    for text in IPV6_TEXTS:
        _both(text, _SCANNERS["ipv6"], _REF_IPV6)


def test_ipv6_texts_take_both_branches_and_the_heap() -> None:
    # The union anchor stands in for the heap walk: texts with '::' and colons between hex
    # digits, apart and together, and the '::' probe is gone from absent_literals.
    anchor = _SCANNERS["ipv6"].anchors[0].pattern
    heap = [t for t in IPV6_TEXTS if "::" in t and _REF_IPV6.anchors[1].pattern.search(t)]
    assert len(heap) > 500
    assert sum(len(anchor.findall(t)) for t in heap) > 2000
    assert all("::" not in probe.literals for probe in scan._PROBES)


def test_posix_candidates_are_round_32s() -> None:
    for text in POSIX_TEXTS:
        _both(text, _SCANNERS["posix_path"], _REF_POSIX)


def test_posix_anchor_refuses_slashes() -> None:
    # The fast path is taken: slashes the plain anchor found and this one turns away.
    new, old = _SCANNERS["posix_path"].anchors[1].pattern, _REF_POSIX.anchors[1].pattern
    refused = sum(len(old.findall(t)) - len(new.findall(t)) for t in POSIX_TEXTS)
    assert refused > 1000


def test_hits_are_round_32s_without_the_at_probe() -> None:
    assert [p.literals for p in scan._PROBES if p not in scan._HIT_PROBES] == [(" at ",)]
    spelled = 0
    for text in SPELLED_TEXTS:
        if not text or text.isspace():
            continue
        layout = scan.Layout.build(text)
        env = c.Env(text, layout, scan.Labels(layout))
        got = scan._hits(text, env)
        assert got == _ref_hits(text, env), text
        spelled += any(hit.type == "email" and " at " in text[hit.start : hit.end] for hit in got)
    assert spelled > 20


def test_rare_absent_literals_are_round_32s() -> None:
    dense = ["x [.] y (.) z {at} \\REG ~/ [:] (:\n" * 600, "[" * 20000 + "[.]", "(" * 17000]
    seen = 0
    for text in [*TEXTS, README, *dense]:
        for common in (False, True):
            got = scan.absent_literals(text, common=common)
            assert got == _ref_absent_literals(text, common), text
        # Texts holding an opener but not all its literals: the needles decide.
        seen += any(r.opener in text and set(r.literals) & got for r in scan._RARE)
    assert seen > 1000
