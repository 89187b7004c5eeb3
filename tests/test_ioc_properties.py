"""Hypothesis properties of the indicator engine: round trips, offsets, and never raising."""

from __future__ import annotations

import ipaddress

from hypothesis import given, settings
from hypothesis import strategies as st

from incidentparse.ioc import defang, extract_indicators, find_indicators, refang
from incidentparse.ioc.patterns import HEX_RUN
from incidentparse.ioc.scan import hex_runs

LABEL = st.from_regex(r"[a-z0-9](?:[a-z0-9-]{0,10}[a-z0-9])?", fullmatch=True)
TLD = st.sampled_from(["com", "net", "org", "ru", "io", "info", "co.uk", "top", "de"])
DOMAIN = st.builds(lambda labels, tld: ".".join([*labels, tld]), st.lists(LABEL, min_size=1,
                   max_size=3), TLD)  # fmt: skip
PATH = st.from_regex(
    r"(?:/[A-Za-z0-9_~%-]{0,12}){0,3}(?:\?[a-z0-9]{1,5}=[a-z0-9]{1,5})?", fullmatch=True
)
URL = st.builds(lambda s, h, p: f"{s}://{h}{p}", st.sampled_from(["http", "https", "ftp"]),
                DOMAIN, PATH)  # fmt: skip
IPV4 = st.builds(lambda n: str(ipaddress.IPv4Address(n)), st.integers(0, 2**32 - 1))
IPV6 = st.builds(
    lambda n: str(ipaddress.IPv6Address(n)), st.integers(1, 2**128 - 1)
)  # "::" alone is no IOC
CIDR4 = st.builds(lambda ip, n: f"{ip}/{n}", IPV4, st.integers(0, 32))
CIDR6 = st.builds(lambda ip, n: f"{ip}/{n}", IPV6, st.integers(0, 128))
LOCAL = st.from_regex(r"[a-z0-9][a-z0-9._+-]{0,10}[a-z0-9]", fullmatch=True).filter(
    lambda local: ".." not in local
)
EMAIL = st.builds(lambda local, host: f"{local}@{host}", LOCAL, DOMAIN)
HEX = (
    st.sampled_from([32, 40, 64, 128])
    .flatmap(lambda n: st.text(alphabet="0123456789abcdef", min_size=n, max_size=n))
    .filter(lambda h: len(set(h)) >= 6 and not h.isdigit())
)  # the engine rejects "000…" by design
OTHER = st.sampled_from(
    ["CVE-2021-44228", "T1059.001", "TA0001", "AS13335", r"C:\Windows\x.exe", r"HKLM\Software\X"]
)
TYPED = st.one_of(
    st.tuples(st.just("url"), URL),
    st.tuples(st.just("domain"), DOMAIN),
    st.tuples(st.just("ipv4"), IPV4),
    st.tuples(st.just("ipv6"), IPV6),
    st.tuples(st.just("cidr"), st.one_of(CIDR4, CIDR6)),
    st.tuples(st.just("email"), EMAIL),
    st.tuples(st.just("sha256"), HEX),
    st.tuples(st.just("other"), OTHER),
)
# Text made of the characters that matter to the scanner, so that odd mixes are tried often.
PIECES = [*"ab1.:/\\[](){}@ \n`|*_-%~#xX", "hxxp", "[.]", "http://", "CVE-", "T1", "HKLM\\",
          "C:\\", "```\n", "| ", "1.2.3.4", "evil.com", "(at)", "[dot]"]  # fmt: skip
NOISY = st.lists(st.sampled_from(PIECES), max_size=80).map("".join)


@given(TYPED)
def test_refang_defang_round_trip(typed: tuple[str, str]) -> None:
    kind, value = typed
    assert refang(defang(value, kind)) == value
    assert refang(defang(value)) == value


@given(st.one_of(st.text(max_size=300), NOISY))
@settings(max_examples=300)
def test_extraction_never_raises_and_offsets_hold(text: str) -> None:
    for ioc in extract_indicators(text):
        assert text[ioc.start : ioc.end] == ioc.raw
        for occ in ioc.occurrences:
            assert text[occ.start : occ.end] == occ.raw
            line_start = text.rfind("\n", 0, occ.start) + 1
            assert occ.column == occ.start - line_start + 1
            assert occ.line == text.count("\n", 0, occ.start) + 1
    for ioc in find_indicators(text, markdown=False):
        assert text[ioc.start : ioc.end] == ioc.raw


@given(TYPED, st.sampled_from(["", "See ", "- **C2:** ", "| "]), st.sampled_from(["", ".", " |"]))
def test_defanged_values_are_found_back(typed: tuple[str, str], before: str, after: str) -> None:
    kind, value = typed
    if kind not in ("url", "ipv4", "ipv6", "email", "sha256"):
        return
    text = f"{before}{defang(value, kind)}{after}"
    found = {(i.type, i.value) for i in extract_indicators(text)}
    expected = value.lower() if kind in ("email", "sha256") else value
    assert any(v == expected for _, v in found), (text, found)


HEXISH = st.text(alphabet="0123456789abcdefABCDEF" * 4 + "gG_ -.\n\té€😀", max_size=120)


@given(HEXISH)
@settings(max_examples=500)
def test_hex_runs_are_the_hex_run_pattern(text: str) -> None:
    # The byte-mask finder must find exactly what the documented pattern matches.
    expected = [(m.start(), m.end()) for m in HEX_RUN.finditer(text)]
    assert list(hex_runs(text)) == expected
