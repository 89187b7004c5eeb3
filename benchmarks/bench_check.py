"""Check cost next to parse cost, per file: does the rules pass stay small beside parsing?

    PYTHONPATH=$PWD python benchmarks/bench_check.py [--repeat N] [FILES…]

Without FILES it measures the seed report and every file in ../shared/corpus (when present),
plus the check fixtures. For each file: median time of parse(), median time of check_report()
on the parsed report (rules, placeholder scan, suppressions), and their ratio.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from incidentparse import parse
from incidentparse.check import check_report

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def _median(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _files(named: list[str]) -> list[Path]:
    if named:
        return [Path(n) for n in named]
    found = sorted((SHARED / "seeds").glob("*.txt")) + sorted((SHARED / "corpus").glob("*.md"))
    return found + sorted((ROOT / "fixtures" / "check" / "reports").glob("*-complete.md"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("files", nargs="*")
    args = parser.parse_args(argv)
    total_parse = total_check = 0.0
    print(f"{'file':<60} {'bytes':>7} {'parse ms':>9} {'check ms':>9} {'ratio':>6}")
    for path in _files(args.files):
        text = path.read_text(encoding="utf-8")
        report = parse(text, path=str(path))
        parse_s = _median(lambda: parse(text, path=str(path)), args.repeat)  # noqa: B023
        check_s = _median(lambda: check_report(report, text=text), args.repeat)  # noqa: B023
        total_parse += parse_s
        total_check += check_s
        name = path.name if len(path.name) <= 60 else path.name[:57] + "..."
        print(
            f"{name:<60} {len(text.encode()):>7} {parse_s * 1e3:>9.2f} {check_s * 1e3:>9.2f} "
            f"{check_s / parse_s:>6.2f}"
        )
    if total_parse:
        print(
            f"{'total':<60} {'':>7} {total_parse * 1e3:>9.2f} {total_check * 1e3:>9.2f} "
            f"{total_check / total_parse:>6.2f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
