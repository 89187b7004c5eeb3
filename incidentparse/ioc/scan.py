"""The scanner: text to validated, non-overlapping hits in text order.

``SCANNERS`` is the pipeline: one row per candidate pattern and the classifier that judges it.
Every pattern runs once over the text (linear); overlaps are settled afterwards by span length
and type priority, so a URL swallows its host and a path swallows its file name.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Final

from . import classify as c
from . import patterns as p
from .classify import Env, Hit
from .context import Labels
from .layout import Layout
from .vocab import PRIORITY

Judge = Callable[[Env, int, int], "Hit | list[Hit] | None"]


def _spaced(kind: str, pattern: re.Pattern[str]) -> Judge:
    return lambda env, start, end: c.path_like(env, start, end, kind, pattern)


def _spelled(env: Env, start: int, end: int) -> Hit | None:
    return c.email(env, start, end, spelled=True)


# (name, candidate pattern, classifier). A cheap literal must be in the text for a row to run.
SCANNERS: Final[tuple[tuple[str, re.Pattern[str], Judge, tuple[str, ...]], ...]] = (
    ("url", p.URL, c.url, ("/", "[")),
    ("email", p.EMAIL, c.email, ("@", "at", "AT")),
    ("email_spelled", p.EMAIL_SPELLED, _spelled, (" at ",)),
    ("registry_key", p.REGISTRY, _spaced("registry_key", p.REGISTRY_SPACED), ("HK", "\\REG")),
    ("win_path", p.WIN_PATH, _spaced("file_path", p.WIN_PATH_SPACED), ("\\",)),
    ("posix_path", p.POSIX_PATH, _spaced("file_path", p.POSIX_PATH_SPACED), ("/",)),
    ("ipv6", p.IPV6, c.ipv6, ("::", ":")),
    ("hostlike", p.HOSTLIKE, c.hostlike, (".", "[", "(", "{", "\\")),
    ("hash", p.HEX, c.hexhash, ()),
    ("cve", p.CVE, c.cve, ("CVE", "cve", "Cve")),
    ("attack", p.ATTACK, c.attack, ("T",)),
    ("asn", p.ASN, c.asn, ("AS",)),
    ("file_name", p.FILE_NAME, c.file_name, (".",)),
)


def scan(text: str, markdown: bool = True) -> tuple[list[Hit], Env]:
    """Every validated hit of text, overlaps resolved, in text order."""
    layout = Layout.build(text, markdown)
    env = Env(text, layout, Labels(layout))
    hits: list[Hit] = []
    for _name, pattern, judge, literals in SCANNERS:
        if literals and not any(lit in text for lit in literals):
            continue
        hits.extend(_run(env, pattern, judge))
    return _settle(hits), env


def _run(env: Env, pattern: re.Pattern[str], judge: Judge) -> Iterator[Hit]:
    for match in pattern.finditer(env.text):
        found = judge(env, match.start(), match.end())
        for hit in found if isinstance(found, list) else (found,):
            if hit is not None and hit.end > hit.start:
                yield hit


def _settle(hits: list[Hit]) -> list[Hit]:
    """Keep the longest, then highest-priority hit wherever candidates overlap (one sweep)."""
    hits.sort(key=lambda h: (h.start, -(h.end - h.start), -PRIORITY.get(h.type, 0)))
    kept: list[Hit] = []
    for hit in hits:
        while kept and kept[-1].end > hit.start:
            if _rank(hit) <= _rank(kept[-1]):
                break
            kept.pop()
        else:
            kept.append(hit)
    return kept


def _rank(hit: Hit) -> tuple[int, int]:
    return hit.end - hit.start, PRIORITY.get(hit.type, 0)
