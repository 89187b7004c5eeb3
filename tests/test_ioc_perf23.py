"""Round-23: the dot anchors of hostlike and file_name turn away, in the regex engine, exactly
the dots whose candidate attempt the plain anchors made in Python and saw fail or gated away;
the dotted-name judge answers with plain tests what its generator expressions answered.

file_name's anchor holds the extension table as a look-ahead where the plain anchor (EXT_DOT)
asked _known_ext of every match; hostlike's plain-dot anchor refuses a dot whose run of label
characters (up to _SHORT_RUN) follows a character HOSTLIKE's look-behind refuses. Both give the
candidates the plain anchors give, on every report we have, the IOC cases and generated text.
"""

from __future__ import annotations

import dataclasses
import importlib
import random

from incidentparse.ioc import classify as c
from incidentparse.ioc.classify import Env, Hit
from incidentparse.ioc.context import Labels
from incidentparse.ioc.fang import refang
from incidentparse.ioc.layout import Layout
from incidentparse.ioc.patterns import EXT_DOT, HOSTLIKE
from incidentparse.ioc.vocab import (
    COMMON_TLDS,
    FILE_EXTENSIONS,
    NAMESPACE_ROOTS,
    PRODUCT_NAMES,
    TLDS,
    WEAK_TLDS,
)

from .test_ioc_perf import TEXTS

# The module (incidentparse.ioc.scan, as an attribute, is the scan function it exports).
scan = importlib.import_module("incidentparse.ioc.scan")

_SCANNERS = {scanner.name: scanner for scanner in scan.SCANNERS}
_PLAIN_DOT = scan._anchor(".", r"(?<=[A-Za-z0-9-]\.)(?=[A-Za-z0-9])")

# Pieces around dots: label runs either side of _SHORT_RUN and of the back-off's 63, every
# character HOSTLIKE's look-behind refuses, extensions in odd case, and the non-ASCII letters
# that a case-insensitive regex would read as ASCII ones (long s, Kelvin sign, dotted I).
_PIECES: tuple[str, ...] = (
    ".", ".", ".", "/", "_", "\\", "$", "%", "-", " ", "\n", "[.]", " [.] ", "(", "[", "@",
    "a", "b7", "evil", "com", "org", "2i2c", "x" * 15, "y" * 16, "z" * 17, "q" * 62, "w" * 64,
    "yaml", "YAML", "yAmL", "ps1", "pſ1", "ſh", "sh", "\u212a", "ko", "7z", "7Z", "exe", "c",
    "h", "tar", "gz", "properties", "json5", "İni", "ini", "0", "10", "255",
)  # fmt: skip


def _generated(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 40))) for _ in range(count)]


ALL = [*TEXTS, *_generated(6000, 23)]


def _known_ext(match: object) -> bool:
    return scan._known_ext(match)


def test_generated_texts_hit_both_sides() -> None:
    """The generated texts hold dots each anchor turns away and dots it keeps."""
    gated = kept = refused = 0
    for text in ALL[-6000:]:
        for match in EXT_DOT.finditer(text):
            if _known_ext(match):
                kept += 1
            else:
                gated += 1
        anchor = _SCANNERS["hostlike"].anchors[0].pattern
        refused += sum(1 for _ in _PLAIN_DOT.pattern.finditer(text)) - sum(
            1 for _ in anchor.finditer(text)
        )
    assert gated > 300 and kept > 300 and refused > 300, (gated, kept, refused)


def test_file_name_anchor_is_ext_dot_gated() -> None:
    anchor = _SCANNERS["file_name"].anchors[0].pattern
    for text in ALL:
        plain = [m.span(1) for m in EXT_DOT.finditer(text) if _known_ext(m)]
        assert [m.span(1) for m in anchor.finditer(text)] == plain, text


def test_every_known_extension_is_in_the_anchor() -> None:
    anchor = _SCANNERS["file_name"].anchors[0].pattern
    for ext in FILE_EXTENSIONS:
        for spelled in (ext, ext.upper(), ext.capitalize()):
            found = anchor.search(f"a.{spelled} ")
            assert (found is not None) == (EXT_DOT.search(f"a.{spelled} ") is not None), ext


def test_refused_dots_fail_their_attempt() -> None:
    """Every dot the hostlike anchor refuses: HOSTLIKE fails from its back-off, and from any
    point inside its run where the last candidate may have ended."""
    anchor = _SCANNERS["hostlike"].anchors[0].pattern
    for text in ALL:
        kept = {m.start() for m in anchor.finditer(text)}
        for match in _PLAIN_DOT.pattern.finditer(text):
            pos = match.start()
            if pos in kept:
                continue
            start = scan._back_label(text, pos)
            for begin in range(start, pos + 1):
                assert HOSTLIKE.match(text, begin) is None, (text, pos, begin)


def test_candidates_are_the_plain_anchors() -> None:
    plain = {
        "hostlike": dataclasses.replace(
            _SCANNERS["hostlike"], anchors=(_PLAIN_DOT, *_SCANNERS["hostlike"].anchors[1:])
        ),
        "file_name": dataclasses.replace(
            _SCANNERS["file_name"], anchors=(scan._EXT_DOT,), gate=scan._known_ext
        ),
    }
    for text in ALL:
        absent = scan.absent_literals(text, common=True)
        for name, old in plain.items():
            new = _SCANNERS[name]
            assert list(scan._candidates(text, new, absent)) == list(
                scan._candidates(text, old, absent)
            ), (name, text)
            assert list(scan._candidates(text, new)) == list(scan._candidates(text, old)), text


# hostlike, domain and _plausible_name as they were written before (generator expressions).
def _plain_hostlike(env: Env, start: int, end: int) -> Hit | list[Hit] | None:
    raw = env.text[start:end]
    pair = c._IP_RANGE.match(raw)
    if pair is not None:
        cut = start + pair.end(1)
        both = [_plain_hostlike(env, start, cut), _plain_hostlike(env, cut + 1, end)]
        return [hit for hit in both if isinstance(hit, Hit)] or None
    live = refang(raw)
    defanged = live != raw
    labels = live.split(".")
    if any(not label for label in labels):
        return None
    if all(label.isdigit() for label in labels):
        return c.ipv4(env, start, end, labels, defanged)
    return _plain_domain(env, start, end, live, labels, defanged)


def _plain_domain(
    env: Env, start: int, end: int, live: str, labels: list[str], defanged: bool
) -> Hit | None:
    tld = labels[-1]
    if len(live) > 253 or not (tld.lower() in TLDS or c._internal(env, start, labels, defanged)):
        return None
    if any(len(label) > 63 or label[0] == "-" or label[-1] == "-" for label in labels):
        return None
    text = env.text
    nxt = text[end : end + 1]
    if nxt in ("_", "@") or (text[start - 1 : start] == "@" and not defanged):
        return None
    if not defanged and not _plain_plausible(env, start, end, live, labels, nxt):
        return None
    return Hit("domain", live.lower(), start, end, defanged)


def _plain_plausible(
    env: Env, start: int, end: int, live: str, labels: list[str], nxt: str
) -> bool:
    tld = labels[-1]
    if not (tld.islower() or tld.isupper()) or (tld.isupper() and not live.isupper()):
        return False
    if live.lower() in PRODUCT_NAMES or nxt == "(" or nxt == "-":
        return False
    if labels[0] in NAMESPACE_ROOTS:
        return False
    if all(label[:1].isupper() and label[1:].islower() for label in labels):
        return False
    if len(labels) > 2 and c._capitalised(labels[0]) and len(tld) > 2 and tld not in COMMON_TLDS:
        return False
    if any(c._CAMEL.search(label) for label in labels):
        return False
    if c._code_identifier(env, start, labels):
        return False
    lower_tld = tld.lower()
    in_code_file = lower_tld in FILE_EXTENSIONS and env.layout.in_code(start)
    if lower_tld in WEAK_TLDS or in_code_file:
        return c._weak_evidence(env, start, end, labels, in_code_file)
    return True


# Dotted names of every shape the judge tells apart: numbers, ranges, capitals, camel case,
# hyphens at either end, long labels, empty labels, weak and internal TLDs, code spans.
_NAME_PIECES: tuple[str, ...] = (
    ".", ".", ".", "..", "-", "com", "COM", "org", "io", "py", "local", "corp", "Foo", "BAR",
    "fooBar", "x" * 63, "y" * 64, "1", "10", "255", "300", "www", "java", "ASP", "NET", "Trojan",
    "Win32", "a", "[.]", "`", " ", "(", "@", "_", "/", "١", "²",
)  # fmt: skip


def _names(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [
        "".join(rng.choice(_NAME_PIECES) for _ in range(rng.randint(1, 14))) for _ in range(count)
    ]


def test_hostlike_judge_is_the_plain_one() -> None:
    scanner = _SCANNERS["hostlike"]
    judged = hits = 0
    for text in [*ALL, *_names(6000, 230)]:
        layout = Layout.build(text)
        env, plain_env = Env(text, layout, Labels(layout)), Env(text, layout, Labels(layout))
        for start, end in scan._candidates(text, scanner):
            found = c.hostlike(env, start, end)
            assert found == _plain_hostlike(plain_env, start, end), (text, start, end)
            judged += 1
            hits += found is not None
    assert judged > 5000 and hits > 400, (judged, hits)
