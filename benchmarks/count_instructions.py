"""Instructions per parse against bare markdown-it, counted by valgrind: a figure that holds still.

    python3 benchmarks/count_instructions.py [--rounds K] [--each] [FILES…]

Wall-clock ratios on a shared two-core machine move by a third from one run to the next, too
much to tell a 3 % change from noise. valgrind's callgrind counts the instructions the
interpreter executes instead, the same to a fraction of a percent however loaded the machine.
Each count runs in its own process: one that imports and warms up (parses every file once with
both), one that then parses all files K more times, one that tokenizes them K more times; the
differences, divided by K, are the instructions of one pass over the files. Instructions are
not time (a cache miss costs more than an add), so bench_parse.py stays the figure the target
is stated in; this one shows whether a change helped. Needs valgrind (`apt-get install
valgrind`); takes a minute or two, as valgrind runs Python some fifty times slower.

With --each, every file is also counted on its own (three more runs per file) and its ratio
printed: the total is dominated by the two largest reports, whose ratio is the lowest, while
the wall-clock target is per file.

With --simulate, callgrind also simulates the caches and the branch predictor and the figures
are printed per pass for each event: instruction-cache misses, data-cache misses and
mispredicted branches are where the wall-clock ratio parts from the instruction ratio (a parse
runs a far wider mix of code than markdown-it's few loops; docs/benchmarks.md).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bench_parse import default_files

ROOT = Path(__file__).resolve().parent.parent
_COLLECTED = re.compile(r"Collected : ([\d ]+)")
# callgrind's events in the order of its "Collected" line under --simulate, and those shown.
SIMULATED_EVENTS = (
    "Ir", "Dr", "Dw", "I1mr", "D1mr", "D1mw", "ILmr", "DLmr", "DLmw", "Bc", "Bcm", "Bi", "Bim"
)  # fmt: skip
SHOWN: dict[str, tuple[str, ...]] = {
    "instructions": ("Ir",),
    "I1 misses": ("I1mr",),
    "D1 misses": ("D1mr", "D1mw"),
    "LL misses": ("ILmr", "DLmr", "DLmw"),
    "cond. mispredicts": ("Bcm",),
    "ind. mispredicts": ("Bim",),
}


def child(mode: str, rounds: int, files: list[str]) -> None:
    """The measured process: warm up with both, then `rounds` passes of one of them."""
    sys.path.insert(0, str(ROOT))
    from markdown_it import MarkdownIt

    from incidentparse import parse

    texts = [Path(name).read_text(encoding="utf-8") for name in files]
    bare = MarkdownIt("commonmark").enable("table")
    for text in texts:
        parse(text)
        bare.parse(text)
    action = parse if mode == "parse" else bare.parse
    for _ in range(rounds):
        for text in texts:
            action(text)


def count(
    valgrind: str, mode: str, rounds: int, files: list[str], simulate: bool = False
) -> list[int]:
    """The event counts of one measured process: [Ir], or every SIMULATED_EVENTS count."""
    command = [
        valgrind,
        "--tool=callgrind",
        "--callgrind-out-file=/dev/null",
        *(["--cache-sim=yes", "--branch-sim=yes"] if simulate else []),
        sys.executable,
        __file__,
        "--child",
        mode,
        "--rounds",
        str(rounds),
        *files,
    ]
    # A fixed hash seed: string hashing decides dict and set layouts, which move the counts.
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    done = subprocess.run(command, capture_output=True, text=True, check=False, env=env)
    found = _COLLECTED.search(done.stderr)
    if done.returncode != 0 or found is None:
        tail = done.stderr.strip().splitlines()[-1:] or ["no output"]
        raise SystemExit(f"count_instructions: valgrind run failed: {tail[0]}")
    return [int(number) for number in found.group(1).split()]


def per_pass_events(
    valgrind: str, rounds: int, files: list[str], simulate: bool = False
) -> tuple[list[float], list[float]]:
    """Each event's count in one pass over files: (parse, bare markdown-it)."""
    # Two cores: the three runs two at a time.
    with ThreadPoolExecutor(max_workers=2) as pool:
        runs = {
            mode: pool.submit(count, valgrind, mode, rounds, files, simulate)
            for mode in ("warm", "parse", "bare")
        }
        warm, parsed, bare = (runs[mode].result() for mode in ("warm", "parse", "bare"))
    return (
        [(ours - base) / rounds for ours, base in zip(parsed, warm, strict=True)],
        [(theirs - base) / rounds for theirs, base in zip(bare, warm, strict=True)],
    )


def per_pass(valgrind: str, rounds: int, files: list[str]) -> tuple[float, float]:
    """Instructions of one pass over files: (parse, bare markdown-it)."""
    ours, theirs = per_pass_events(valgrind, rounds, files)
    return ours[0], theirs[0]


def print_simulated(valgrind: str, rounds: int, files: list[str]) -> None:
    """The simulated cache and branch events of one pass, parse against bare markdown-it."""
    ours, theirs = per_pass_events(valgrind, rounds, files, simulate=True)
    print(f"files: {len(files)}; simulated events per pass over all of them")
    print(f"{'event':20} {'parse':>10} {'bare':>10} {'ratio':>6}")
    for label, names in SHOWN.items():
        columns = [SIMULATED_EVENTS.index(name) for name in names]
        mine = sum(ours[column] for column in columns)
        bare = sum(theirs[column] for column in columns)
        print(f"{label:20} {mine / 1e3:>9.1f}k {bare / 1e3:>9.1f}k {mine / bare:>6.3f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--rounds", type=int, default=2, help="passes counted (default 2)")
    parser.add_argument("--each", action="store_true", help="also count every file on its own")
    parser.add_argument(
        "--simulate", action="store_true", help="count cache misses and mispredicted branches"
    )
    parser.add_argument("--child", choices=("warm", "parse", "bare"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    files = [str(path) for path in (args.files or default_files())]
    if args.child:
        child(args.child, 0 if args.child == "warm" else args.rounds, files)
        return 0
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        print("count_instructions: valgrind is not installed", file=sys.stderr)
        return 2
    if args.simulate:
        print_simulated(valgrind, args.rounds, files)
        return 0
    if args.each:
        print(f"{'file':44} {'parse':>8} {'bare':>8} {'ratio':>6}")
        ratios = []
        for name in files:
            ours, theirs = per_pass(valgrind, args.rounds, [name])
            ratios.append(ours / theirs)
            print(
                f"{Path(name).name[:44]:44} {ours / 1e6:>7.1f}M {theirs / 1e6:>7.1f}M "
                f"{ours / theirs:>6.3f}"
            )
        print(f"median ratio {statistics.median(ratios):.3f}, worst {max(ratios):.3f}")
    per_parse, per_bare = per_pass(valgrind, args.rounds, files)
    print(f"files: {len(files)}; instructions per pass over all of them")
    print(f"parse {per_parse / 1e6:.1f}M  bare markdown-it {per_bare / 1e6:.1f}M")
    print(f"ratio {per_parse / per_bare:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
