"""Classification: a candidate span to a validated, canonical ``Hit`` (or None when it is not one).

One function per indicator family; each reads the vocabulary tables and the evidence around
the span (defang marks, code, table cells, labels) and never looks further than the span's line.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from typing import Final, NamedTuple

from ..models import IpScope
from .context import Labels
from .fang import SCHEME_MAP, is_defanged, refang
from .layout import Layout
from .vocab import (
    COMMON_TLDS,
    DOCUMENTATION_NETS,
    FILE_EXTENSIONS,
    FILE_LABEL_WORDS,
    HASH_LENGTHS,
    INTERNAL_TLDS,
    NAMESPACE_ROOTS,
    NETWORK_LABEL_WORDS,
    PRODUCT_NAMES,
    STRONG_EXTENSIONS,
    TACTIC_RANGES,
    TECHNIQUE_RANGE,
    TLDS,
    VERSION_CUES,
    WEAK_TLDS,
)


class Hit(NamedTuple):
    """One validated indicator occurrence.

    A named tuple, not a frozen dataclass: a frozen dataclass sets each field through
    object.__setattr__ (~1.4 us a hit, more than some judges), a tuple is built in one step."""

    type: str
    value: str
    start: int
    end: int
    defanged: bool = False
    scope: IpScope | None = None


# Hit's constructor (namedtuple's __new__) is a Python function that hands its fields, the
# defaults filled in, to tuple.__new__: the judges of the most frequent hits (domains, URLs)
# call tuple.__new__ with all six fields at once, ~half the cost of a hit built (the same
# tuple of the same class; tests/test_ioc_perf35.py compares the hits with Hit(*fields)).
_TUPLE_NEW: Final = tuple.__new__


@dataclass
class Env:
    """What a classifier may look at: the text, its layout and its labels."""

    text: str
    layout: Layout
    labels: Labels

    def label_words(self, offset: int) -> str:
        label, heading = self.labels.at(offset)
        return f"{label or ''} {heading or ''}".lower()

    def network_evidence(self, offset: int) -> bool:
        words = self.label_words(offset)
        return any(word in words for word in NETWORK_LABEL_WORDS)

    def file_evidence(self, offset: int) -> bool:
        if self.layout.in_code(offset) or self.layout.cell(offset) is not None:
            return True
        words = self.label_words(offset)
        return any(word in words for word in FILE_LABEL_WORDS)


_TRAIL: Final[str] = ".,;:!?'\"*>”’»`"
_PAIRED_TRAIL: Final[str] = "_~"  # closing emphasis only when the same mark opened it
_CLOSERS: Final[dict[str, str]] = {")": "(", "]": "[", "}": "{"}
_DOC_NETS: Final = tuple(ipaddress.ip_network(net) for net in DOCUMENTATION_NETS)


def trim(raw: str, before: str = "") -> str:
    """Strip closing markup and sentence punctuation; keep balanced brackets.

    ``before`` is the character written just before the span: '_' or '~' at the end is only
    closing markup when the same mark opened it ("_https://a/b_" but "https://a/b_").
    """
    cut = raw.find("](")
    if cut >= 0:
        raw = raw[:cut]
    while raw:
        last = raw[-1]
        if (
            last in _TRAIL
            or (last in _PAIRED_TRAIL and before == last)
            or (last in _CLOSERS and raw.count(last) > raw.count(_CLOSERS[last]))
        ):
            raw = raw[:-1]
        else:
            break
    return raw


def _window_start(text: str, pos: int, size: int) -> int:
    """Start of the look-back window before pos: at most size characters, within the line."""
    low = max(0, pos - size)
    newline = text.rfind("\n", low, pos)
    return newline + 1 if newline >= 0 else low


def scope_of(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> IpScope:
    """Address scope; documentation ranges first (ipaddress folds them into is_private)."""
    if any(address in net for net in _DOC_NETS if net.version == address.version):
        return "documentation"
    if address.is_loopback:
        return "loopback"
    if address.is_link_local:
        return "link_local"
    if address.is_multicast or address.is_unspecified or address.is_reserved:
        return "reserved"
    if address.is_private or (address.version == 4 and address in _SHARED):
        return "private"
    return "public" if address.is_global else "reserved"


_SHARED: Final = ipaddress.ip_network("100.64.0.0/10")
_PREFIX: Final[re.Pattern[str]] = re.compile(r"(?:/|\[/\]|\(/\))(\d{1,3})(?!\d|\.\d)")


def _prefix_after(text: str, end: int, limit: int) -> tuple[int, int] | None:
    """A CIDR prefix ('/24', '[/]24') right after an address: (prefix, new end)."""
    match = _PREFIX.match(text, end)
    if match is None or int(match.group(1)) > limit:
        return None
    return int(match.group(1)), match.end()


# ---------------------------------------------------------------- dotted names and IPv4


_IP_RANGE: Final[re.Pattern[str]] = re.compile(r"^([0-9.]+)-([0-9.]+)$")


# A domain as most are written: lower-case labels of letters, digits and inner hyphens
# (_PLAIN_NAME), two or more, the last a TLD of letters (_PLAIN_TLDS), at most _PLAIN_MAX
# characters (no label past 63, the name not past 253). refang leaves it as it is (each of its
# rules needs a bracket, a colon or a backslash), it is no range of addresses nor an IPv4 (a
# letter), no label is empty or has a hyphen at an end, and its lower case is itself: domain()
# and _plausible_name (defanged False) accept it when its TLD is neither weak nor a file
# extension (neither _internal nor _weak_evidence is asked) and none of their other tests says
# no: the characters beside it, a product name, a namespace root, _code_identifier's shape
# (those names take the general path). A set test, one match and a few more set tests, where
# that path's calls cost ~1 us a name (tests/test_ioc_perf34.py compares both on every
# candidate).
_PLAIN_NAME: Final[re.Pattern[str]] = re.compile(
    r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+"
)
_PLAIN_MAX: Final = 63
_PLAIN_TLDS: Final = frozenset(
    tld
    for tld in TLDS
    if tld.isascii() and tld.isalpha() and tld.islower()
    if tld not in WEAK_TLDS and tld not in FILE_EXTENSIONS
)
# Last labels for which _code_identifier asks the layout when the name has two labels, the
# first all letters: those names take the general path.
_CODE_SHAPED_TLDS: Final = frozenset(
    tld for tld in _PLAIN_TLDS if len(tld) >= 4 and tld not in COMMON_TLDS
)


# A last label domain() may accept: a TLD, or one _internal may take.
_NAME_TLDS: Final = TLDS | INTERNAL_TLDS


def _plain_domain(text: str, start: int, end: int, raw: str) -> Hit | None:
    """hostlike's hit for a plain lower-case name, or None: the general path decides."""
    # The last label first: the set test turns most other dotted words away ('e.g', 'Node.js',
    # 'values.yaml') before the match (a member is lower-case letters: the match's last label).
    tld = raw[raw.rfind(".") + 1 :]
    if tld not in _PLAIN_TLDS or len(raw) > _PLAIN_MAX or _PLAIN_NAME.fullmatch(raw) is None:
        return None
    first, _, rest = raw.partition(".")
    if first in NAMESPACE_ROOTS or raw in PRODUCT_NAMES:
        return None
    if tld in _CODE_SHAPED_TLDS and "." not in rest and first.isalpha():
        return None
    if text[end : end + 1] in ("_", "@", "(", "-") or text[start - 1 : start] == "@":
        return None
    return _TUPLE_NEW(Hit, ("domain", raw, start, end, False, None))


def hostlike(env: Env, start: int, end: int) -> Hit | list[Hit] | None:
    """A dotted name: IPv4 (or CIDR), a domain, or nothing (version, OID, code, file)."""
    raw = env.text[start:end]
    # _plain_domain's first test here: a dotted word with no such TLD ('e.g', 'Node.js') is
    # spared the call.
    last = raw[raw.rfind(".") + 1 :]
    if last in _PLAIN_TLDS:
        plain = _plain_domain(env.text, start, end, raw)
        if plain is not None:
            return plain
    elif (
        last.lower() not in _NAME_TLDS
        and not last.isdigit()
        and "[" not in raw
        and "(" not in raw
        and "{" not in raw
        and "\\" not in raw
    ):
        # A dotted word written plain whose last label is no TLD and not digits ('e.g',
        # 'Node.js', 'values.yaml'), turned away before refang, the split and the calls
        # below: every defanged dot holds '[', '(', '{' or a backslash, so refang gives the
        # word back as it is and its last label is this one; it is no address nor range of
        # them (each needs that label of digits) and domain() refuses a name whose last
        # label is no TLD and no internal one (tests/test_ioc_perf35.py compares).
        return None
    pair = _IP_RANGE.match(raw) if "-" in raw else None  # every range holds its "-"
    if pair is not None:  # "10.0.0.1-10.0.0.9": a range of two addresses
        cut = start + pair.end(1)
        both = [hostlike(env, start, cut), hostlike(env, cut + 1, end)]
        return [hit for hit in both if isinstance(hit, Hit)] or None
    live = refang(raw)
    defanged = live != raw
    labels = live.split(".")
    # Plain tests, not generator expressions (a frame each, most of a name's cost): no label
    # is empty, so every label is digits exactly when the labels run together are.
    if "" in labels:
        return None
    if live.replace(".", "").isdigit():
        return ipv4(env, start, end, labels, defanged)
    return domain(env, start, end, live, labels, defanged)


def ipv4(env: Env, start: int, end: int, parts: list[str], defanged: bool) -> Hit | None:
    if len(parts) != 4 or any(len(p) > 3 or int(p) > 255 for p in parts):
        return None
    text = env.text
    if not defanged and (_versionish_before(text, start) or _versionish_after(text, end)):
        return None
    octets = [int(p) for p in parts]
    value = ".".join(map(str, octets))
    address = ipaddress.IPv4Address(bytes(octets))
    prefix = _prefix_after(text, end, 32)
    if prefix is not None:
        net = ipaddress.IPv4Network(f"{value}/{prefix[0]}", strict=False)
        cidr_raw = text[start : prefix[1]]
        return Hit(
            "cidr",
            f"{value}/{prefix[0]}",
            start,
            prefix[1],
            defanged or is_defanged(cidr_raw),
            scope_of(net.network_address),
        )
    return Hit("ipv4", value, start, end, defanged, scope_of(address))


_CUE_BEFORE: Final[re.Pattern[str]] = re.compile(r"([A-Za-z][A-Za-z0-9-]*)\.?[ \t]*[:=]?[ \t]*$")


_RANGE_BEFORE: Final[re.Pattern[str]] = re.compile(
    r"(\d+(?:\.\d+){2,})[ \t]*(?:through|thru|to|and|or|-|–|—)[ \t]*$"
)


def _versionish_before(text: str, start: int) -> bool:
    """'version 1.2.3.4', 'build 10.0.0.1', 'FortiOS 7.2.4.1': a version, not an address.

    'versions 2.0.1.5 through 2.0.1.9': the second of a range is a version when the first is
    (followed back over at most ``_RANGE_HOPS`` range words).
    """
    for _ in range(_RANGE_HOPS):
        low = _window_start(text, start, 40)
        ranged = _RANGE_BEFORE.search(text, low, start)
        if ranged is None:
            break
        start = ranged.start(1)
    match = _CUE_BEFORE.search(text, _window_start(text, start, 40), start)
    if match is None:
        return False
    word = match.group(1)
    return word.lower() in VERSION_CUES or (len(word) > 2 and word.endswith("OS"))


_RANGE_HOPS: Final[int] = 4
_VERSION_TAIL: Final[re.Pattern[str]] = re.compile(r"-[A-Za-z]|\.[A-Za-z0-9*]|_")


def _versionish_after(text: str, end: int) -> bool:
    """'1.2.3.4-beta', '1.2.3.4.x' or '1.2.3.4..': a version string continues."""
    return _VERSION_TAIL.match(text, end) is not None


def domain(
    env: Env, start: int, end: int, live: str, labels: list[str], defanged: bool
) -> Hit | None:
    tld = labels[-1]
    if len(live) > 253 or not (tld.lower() in TLDS or _internal(env, start, labels, defanged)):
        return None
    for label in labels:
        if len(label) > 63 or label[0] == "-" or label[-1] == "-":
            return None
    text = env.text
    nxt = text[end : end + 1]
    if nxt in ("_", "@") or (text[start - 1 : start] == "@" and not defanged):
        return None  # part of an e-mail address or a handle; the e-mail scanner judges it
    lower = live.lower()  # the value, and what _plausible_name reads (lowered once for both)
    if not defanged and not _plausible_name(env, start, end, live, labels, nxt, lower):
        return None
    return _TUPLE_NEW(Hit, ("domain", lower, start, end, defanged, None))


_CAMEL: Final[re.Pattern[str]] = re.compile(r"[a-z][A-Z]")


def _internal(env: Env, start: int, labels: list[str], defanged: bool) -> bool:
    """'dc01.corp.local': an internal name, when it is clearly a host name."""
    if labels[-1].lower() not in INTERNAL_TLDS or not labels[-1].islower():
        return False
    return defanged or len(labels) >= 3 or env.network_evidence(start)


def _plausible_name(
    env: Env, start: int, end: int, live: str, labels: list[str], nxt: str, lower: str
) -> bool:
    """Evidence rules for a name written live (iocs.md lesson 2); ``lower`` is live.lower().

    Most names are written in lower case: live equals lower, so it holds no capital A-Z (a
    candidate of HOSTLIKE, refanged, is ASCII letters, digits, '-' and '.'), and the tests
    that each need one (every label capitalised, a capitalised first label, _CAMEL) are not
    made: each would answer False (tests/test_ioc_perf30.py compares both ways)."""
    tld = labels[-1]
    if not (tld.islower() or tld.isupper()) or (tld.isupper() and not live.isupper()):
        return False  # "done.The": a missing space after a full stop; "System.Net"
    if lower in PRODUCT_NAMES or nxt == "(" or nxt == "-":
        return False  # "ASP.NET", "subprocess.run(", "abc.de-…"
    if labels[0] in NAMESPACE_ROOTS:
        return False  # "java.io", "com.example.app": code namespaces
    if lower != live and _capitals_say_no(live, labels, tld):
        return False
    if _code_identifier(env, start, labels):
        return False
    lower_tld = tld.lower()
    in_code_file = lower_tld in FILE_EXTENSIONS and env.layout.in_code(start)
    if lower_tld in WEAK_TLDS or in_code_file:
        return _weak_evidence(env, start, end, labels, in_code_file)
    return True


def _capitals_say_no(live: str, labels: list[str], tld: str) -> bool:
    """The tests of a name written with capitals: every label capitalised, a detection name,
    camel case."""
    for label in labels:  # a loop, not all(): a generator's frame cost more than the test
        if not (label[:1].isupper() and label[1:].islower()):
            break
    else:
        return True  # "Foo.Bar": every label capitalised
    if len(labels) > 2 and _capitalised(labels[0]) and len(tld) > 2 and tld not in COMMON_TLDS:
        return True  # "Trojan.Win32.Agent.abc": a detection name, not a host
    # No match of _CAMEL spans a dot: the same as a search of each label.
    return _CAMEL.search(live) is not None  # "CustomResourceDefinition.apiextensions.k8s.io"


def _code_identifier(env: Env, start: int, labels: list[str]) -> bool:
    """`orders.events`, `user.profile`: in code, a word dot a long generic TLD is an attribute
    or a topic name; hosts there carry a hyphen, a digit, more labels or a common TLD."""
    tld = labels[-1].lower()
    if len(labels) != 2 or len(tld) < 4 or tld in COMMON_TLDS or not labels[0].isalpha():
        return False
    return env.layout.in_code(start)


def _capitalised(label: str) -> bool:
    return label[:1].isupper() and not label.isupper()


def _weak_evidence(env: Env, start: int, end: int, labels: list[str], in_code: bool) -> bool:
    """A path after it, 'www.', a hyphenated label (no identifier has one) or a network label."""
    text = env.text
    if text[end : end + 1] == "/" and text[end + 1 : end + 2].strip():
        return True
    if labels[0].lower() == "www" or any("-" in label for label in labels):
        return True
    return not in_code and env.network_evidence(start)


# ---------------------------------------------------------------- URLs and e-mail

_URL_SPLIT: Final[re.Pattern[str]] = re.compile(r"^([A-Za-z]+)://([^/?#]*)(.*)$", re.S)
# A host name: a well-formed label (a letter or digit at either end), more of them after dots,
# and after the last dot a well-formed one, any run of letters, digits and hyphens, or nothing.
# One match where a looser pattern, then splitting the host and testing each label before the
# last dot in Python cost more than the match (tests/test_ioc_perf18.py compares both).
_LABEL_OK: Final[str] = r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
_HOST_LABELS: Final[re.Pattern[str]] = re.compile(
    rf"^{_LABEL_OK}(?:\.{_LABEL_OK})*(?:\.|\.[A-Za-z0-9-]+)?$"
)


# A URL as most are written: a lower-case http(s) scheme and host, then nothing or a path, a
# query or a fragment. The general path would give it back as it is (the scheme maps to
# itself, no user, no port, the host's labels pass _HOST_LABELS and lower-case to themselves),
# once its last label is a TLD, digits, or the host has no dot: one match and that test, where
# splitting it, judging the host and joining the parts again cost ~2.5 us a URL (2i2c reports
# hold many GitHub links; tests/test_ioc_perf29.py compares both on every URL candidate).
_PLAIN_URL: Final[re.Pattern[str]] = re.compile(
    r"https?://([a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*)(?=[/?#]|\Z)"
)


def url(env: Env, start: int, end: int) -> Hit | None:
    raw = trim(env.text[start:end], env.text[start - 1 : start])
    live = refang(raw)
    plain = _PLAIN_URL.match(live)
    if plain is not None:
        host = plain.group(1)
        last = host.rpartition(".")[2]
        if "." not in host or last.isdigit() or last in TLDS:
            return _TUPLE_NEW(Hit, ("url", live, start, start + len(raw), live != raw, None))
    match = _URL_SPLIT.match(live)
    if match is None:
        return None
    scheme = SCHEME_MAP.get(match.group(1).lower())
    authority, rest = match.group(2), match.group(3)
    if scheme is None:
        return None
    userinfo, _, hostport = authority.rpartition("@")
    host = _url_host(hostport)
    if host is None:
        return None
    prefix = f"{userinfo}@" if userinfo else ""
    value = f"{scheme}://{prefix}{host}{hostport[len(host) :]}{rest}"
    return _TUPLE_NEW(Hit, ("url", value, start, start + len(raw), live != raw, None))


def _url_host(hostport: str) -> str | None:
    """The host of 'host[:port]' lower-cased, or None when it is no host at all."""
    if hostport.startswith("["):
        close = hostport.find("]")
        try:
            ipaddress.IPv6Address(hostport[1:close])
        except ValueError:
            return None
        host, port = hostport[: close + 1], hostport[close + 1 :]
    else:
        host, _, port = hostport.partition(":")
        port = f":{port}" if _ else ""
        if _HOST_LABELS.match(host) is None:
            return None
        last = host.rstrip(".").rsplit(".", 1)[-1]
        if "." in host and not last.isdigit() and last.lower() not in TLDS:
            return None
    if port and not (port[0] == ":" and port[1:].isdigit()):
        return None
    return host.lower()


_SPELLED: Final[tuple[tuple[str, str], ...]] = ((" at ", "@"), (" dot ", "."))


_MAIL_CUE: Final[re.Pattern[str]] = re.compile(
    r"(?i)\b(?:e-?mail|mail|contact|address|sender|from|reply|write to|reach)\b[^\n]{0,30}$"
)


def _mail_cue(text: str, start: int) -> bool:
    """'name at example dot com' counts only after a mail word ("contact", "email"…)."""
    return _MAIL_CUE.search(text, _window_start(text, start, 40), start) is not None


def email(env: Env, start: int, end: int, spelled: bool = False) -> Hit | None:
    raw = env.text[start:end]
    live = raw
    if spelled:
        for word, mark in _SPELLED:
            live = live.replace(word, mark)
    live = refang(live)
    local, at, host = live.rpartition("@")
    if not at or not local or local.endswith(".") or ".." in local:
        return None
    labels = host.split(".")
    if len(labels) < 2 or any(not label for label in labels):
        return None
    tld = labels[-1].lower()
    if tld not in TLDS or (spelled and (tld in WEAK_TLDS or not _mail_cue(env.text, start))):
        return None
    if env.text[end : end + 1] in ("_", "@"):
        return None
    return Hit("email", live.lower(), start, end, live != raw)


# ---------------------------------------------------------------- IPv6


def ipv6(env: Env, start: int, end: int) -> Hit | None:
    """An IPv6 address (or CIDR), plain or with '[:]' defanged colons."""
    raw = env.text[start:end].rstrip(".")
    if raw.endswith(":") and not raw.endswith("::") and not raw.endswith("[:]"):
        raw = raw[:-1]
    end = start + len(raw)
    live = raw.replace("[:]", ":")
    if live.count(":") < 2 or ("::" not in live and live.count(":") != 7):
        return None
    if not any(c in "0123456789abcdefABCDEF" for c in live):
        return None
    nxt = env.text[end : end + 1]
    if nxt and (nxt.isalnum() or nxt in "_:"):
        return None
    try:
        address = ipaddress.IPv6Address(live)
    except ValueError:
        return None
    value, defanged = str(address), live != raw
    prefix = _prefix_after(env.text, end, 128)
    if prefix is not None:
        cidr = f"{value}/{prefix[0]}"
        return Hit("cidr", cidr, start, prefix[1], defanged, scope_of(address))
    return Hit("ipv6", value, start, end, defanged, scope_of(address))


# ---------------------------------------------------------------- hashes and ids


def hexhash(env: Env, start: int, end: int) -> Hit | None:
    raw = env.text[start:end]
    kind = HASH_LENGTHS.get(len(raw))
    nxt = env.text[end : end + 1]
    if kind is None or (nxt and (nxt.isalnum() or nxt in "_")):
        return None
    if raw.isdigit() or (not raw.islower() and not raw.isupper() and not raw.isdigit()):
        return None  # account numbers; mixed-case hex is an encoding, not a digest
    if len(set(raw.lower())) < _MIN_DISTINCT_HEX:
        return None  # "0000…", "cafebabe…": placeholders and patterns, not digests
    return Hit(kind, raw.lower(), start, end)


_MIN_DISTINCT_HEX: Final[int] = 6  # a real 128-bit digest has ~14 distinct nibbles

_CVE_PARTS: Final[re.Pattern[str]] = re.compile(r"(\d{4})\D(\d{4,7})$")


def cve(env: Env, start: int, end: int) -> Hit | None:
    raw = env.text[start:end]
    nxt = env.text[end : end + 1]
    match = _CVE_PARTS.search(raw)
    if match is None or (nxt and (nxt.isalnum() or nxt == "_")):
        return None
    year = int(match.group(1))
    if not 1999 <= year <= 2100:
        return None
    return Hit("cve", f"CVE-{match.group(1)}-{match.group(2)}", start, end)


def attack(env: Env, start: int, end: int) -> Hit | None:
    raw = env.text[start:end]
    nxt = env.text[end : end + 1]
    if nxt and (nxt.isalnum() or nxt == "_"):
        return None
    head, _, sub = raw.partition(".")
    if head.startswith("TA"):
        number = int(head[2:])
        ok = not sub and any(low <= number <= high for low, high in TACTIC_RANGES)
        return Hit("attack_tactic", head, start, end) if ok else None
    number = int(head[1:])
    if (sub and len(sub) != 3) or not TECHNIQUE_RANGE[0] <= number <= TECHNIQUE_RANGE[1]:
        return None
    return Hit("attack_technique", raw, start, end)


def asn(env: Env, start: int, end: int) -> Hit | None:
    raw = env.text[start:end]
    nxt = env.text[end : end + 1]
    if nxt and (nxt.isalnum() or nxt in "_."):
        return None
    number = int("".join(c for c in raw if c.isdigit()))
    if not 1 <= number <= 4294967295:
        return None
    return Hit("asn", f"AS{number}", start, end)


# ---------------------------------------------------------------- paths, keys, file names


def path_like(env: Env, start: int, end: int, kind: str, spaced: re.Pattern[str]) -> Hit | None:
    """A file path or registry key; inside a hard edge it may run on over spaces."""
    stop = env.layout.edge(start)
    if stop is not None and stop > end:
        match = spaced.match(env.text, start, stop)
        if match is not None and match.end() > end:
            end = start + len(match.group(0).rstrip())
    raw = trim(env.text[start:end], env.text[start - 1 : start])
    if kind == "file_path" and not _has_body(raw):
        return None
    if raw.startswith("/") and raw.rstrip("/").count("/") < 2:
        return None  # "/run", "/tmp": a bare root is prose more often than a path
    if kind == "registry_key" and raw.count("\\") < 1:
        return None
    return Hit(kind, raw, start, start + len(raw))


def _has_body(raw: str) -> bool:
    """More than a bare head ('C:\\', '%TEMP%\\', '~/')."""
    tail = raw.rstrip("\\/")
    return (
        bool(tail)
        and not tail.endswith(":")
        and tail not in ("~",)
        and not (tail.startswith("%") and tail.endswith("%"))
    )


def file_name(env: Env, start: int, end: int) -> Hit | None:
    raw = env.text[start:end]
    stem, _, ext = raw.rpartition(".")
    lower = ext.lower()
    if lower not in FILE_EXTENSIONS or not stem or stem.endswith("."):
        return None
    nxt = env.text[end : end + 1]
    if nxt == "(" or raw.lower() in PRODUCT_NAMES:
        return None
    if stem.split(".")[0] in NAMESPACE_ROOTS:
        return None
    if lower in STRONG_EXTENSIONS and not (ext[:1].isupper() and ext[1:].islower()):
        return Hit("file_name", raw, start, end)
    return Hit("file_name", raw, start, end) if env.file_evidence(start) else None
