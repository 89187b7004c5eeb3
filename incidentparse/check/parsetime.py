"""Rules over what the parser noticed: its diagnostics, N/A answers and live indicators.

Input: a Context. Output: Hits; parse-time diagnostics keep their IP1xx-IP3xx codes.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable, Iterator
from urllib.parse import urlsplit

from ..ioc import defang
from ..models import IncidentReport, Indicator
from .base import Context, Hit
from .evidence import all_fields

RuleFn = Callable[[Context], Iterator[Hit]]


def diagnostics_of(code: str) -> RuleFn:
    """A rule that reports the parser's diagnostics with this code, as they are."""

    def rule(ctx: Context) -> Iterator[Hit]:
        for d in ctx.report.diagnostics:
            if d.code == code:
                yield Hit(d.message, d.line, d.column, hint=d.hint)

    rule.__name__ = f"diagnostics_{code}"
    rule.__doc__ = f"The parser's {code} diagnostics."
    return rule


def _bare_na(report: IncidentReport) -> Iterator[tuple[int, str]]:
    """(line, label) of every N/A answer that gives no reason."""
    for f in all_fields(report):
        if (not f.applicable or not f.known) and not f.reason:
            yield f.line, f.label
    for row in report.methodology:
        if not row.applicable and not row.reason:
            yield row.line, row.tactic
    for event in report.timeline:
        if not event.applicable and not event.reason:
            yield event.line, event.label or "timeline event"
    statements = list(report.lessons_learned) + list(report.root_cause)
    if report.impact:
        i = report.impact
        statements += [s for s in (i.financial, i.data_breach, i.operational, i.reputational) if s]
    for s in statements:
        if not s.applicable and not s.reason:
            yield s.line, s.label or "statement"


def na_without_reason(ctx: Context) -> Iterator[Hit]:
    seen: set[int] = set()
    for line, label in sorted(set(_bare_na(ctx.report))):
        if line not in seen:
            seen.add(line)
            yield Hit(f"'{label}' is N/A with no reason", line, 1, hint="say why, e.g. 'N/A (…)'")
    for d in ctx.report.diagnostics:
        if d.code == "IP103" and d.line not in seen:
            seen.add(d.line or 0)
            yield Hit(d.message, d.line, d.column, hint=d.hint)


# Marks of a defanged network indicator, for occurrences other than the first.
DEFANG_MARKS: tuple[str, ...] = ("[", "(.)", "{.}", "(dot)", "(at)", "hxxp", "fxp:", "meow:", "\\.")
# Outside the indicators section, links and host names are mostly citations (CVE pages, tickets,
# status pages); bare IP addresses and URLs on IP hosts are not, so only those count there.
ADDRESS_TYPES: frozenset[str] = frozenset({"ipv4", "ipv6", "cidr"})
INTERNAL_SCOPES: frozenset[str] = frozenset({"private", "loopback", "link_local"})
INTERNAL_NETWORKS: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...] = tuple(
    ipaddress.ip_network(n) for n in ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7")
)


def _live(raw: str) -> bool:
    lowered = raw.lower()
    return not any(mark in lowered for mark in DEFANG_MARKS)


def _ip_host(url: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        host = urlsplit(url).hostname
        return ipaddress.ip_address(host) if host else None
    except ValueError:
        return None


def _is_ioc(ioc: Indicator) -> bool:
    """An indicator the author meant as one: listed as an IOC, or a bare external address."""
    if ioc.category != "network" or ioc.in_code:
        return False  # a code span or block is not rendered as a link
    if ioc.section == "indicators":
        return True
    if ioc.type in ADDRESS_TYPES:
        return ioc.scope not in INTERNAL_SCOPES
    host = _ip_host(ioc.value) if ioc.type == "url" else None
    return host is not None and not _internal(host)


def _internal(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    # Not ip.is_private: Python counts the documentation ranges (203.0.113.0/24…) as private.
    return ip.is_loopback or ip.is_link_local or any(ip in net for net in INTERNAL_NETWORKS)


def live_indicator(ctx: Context) -> Iterator[Hit]:
    for ioc in ctx.report.indicators:
        if not _is_ioc(ioc):
            continue
        places = [(o.raw, o.line, o.column) for o in ioc.occurrences] or [
            (ioc.raw, ioc.line, ioc.column)
        ]
        for index, (raw, line, col) in enumerate(places):
            live = not ioc.defanged if index == 0 and raw == ioc.raw else _live(raw)
            if live:
                yield Hit(
                    # Shown defanged: this message lands in terminals and PR annotations.
                    f"{ioc.type} {defang(ioc.value, ioc.type)} is written live (not defanged)",
                    line,
                    col,
                    col + len(raw),
                    hint=f"write it as {defang(ioc.value, ioc.type)}",
                )
