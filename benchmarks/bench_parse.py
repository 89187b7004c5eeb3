"""Parse time against bare markdown-it tokenization, per file, with peak memory.

    python3 benchmarks/bench_parse.py [--repeat N] [FILES…]

Without FILES it measures the bundled seed report and every file in ../shared/corpus (when
present). For each file: the best wall time of incidentparse.parse() and of bare
``MarkdownIt("commonmark").enable("table").parse()`` on the same text over --repeat rounds in
which the two take turns, their ratio, and the peak
memory of one parse (tracemalloc); then the median and worst ratio, and the ratio of the summed
times (all files parsed once). The target is a ratio of at most 1.5 (extraction costs less than
half of the tokenizer).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from functools import partial
from pathlib import Path

from markdown_it import MarkdownIt

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from incidentparse import parse  # noqa: E402


def best_seconds(actions: tuple[Callable[[], object], ...], repeat: int) -> list[float]:
    """Best time of each action over repeat rounds, the actions taking turns in every round.

    On a shared machine the best of many runs is the steadiest figure (other load only ever
    adds time), and taking turns exposes both actions to the same conditions.
    """
    best = [float("inf")] * len(actions)
    for _ in range(repeat):
        for index, action in enumerate(actions):
            start = time.perf_counter()
            action()
            best[index] = min(best[index], time.perf_counter() - start)
    return best


def peak_kib(action: Callable[[], object]) -> float:
    tracemalloc.start()
    action()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 1024


def default_files() -> list[Path]:
    files = [ROOT / "fixtures" / "reports" / "seed-exchange-online.md"]
    corpus = ROOT.parent / "shared" / "corpus"
    if corpus.is_dir():
        files += sorted(p for p in corpus.glob("*.md") if p.name != "README.md")
    return files


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    options.add_argument("files", nargs="*", type=Path)
    options.add_argument("--repeat", type=int, default=50)
    args = options.parse_args()
    tokenizer = MarkdownIt("commonmark").enable("table")
    print(f"{'file':44} {'lines':>6} {'parse ms':>9} {'tokens ms':>9} {'ratio':>6} {'peak KiB':>9}")
    ratios = []
    totals = [0.0, 0.0]
    for path in args.files or default_files():
        text = path.read_text(encoding="utf-8")
        parse(text)  # warm caches (compiled regexes, parser instance) before timing
        ours, bare = best_seconds(
            (partial(parse, text), partial(tokenizer.parse, text)), args.repeat
        )
        ratios.append(ours / bare)
        totals[0] += ours
        totals[1] += bare
        peak = peak_kib(partial(parse, text))
        lines = text.count("\n") + 1
        print(
            f"{path.name[:44]:44} {lines:>6} {ours * 1e3:>9.2f} {bare * 1e3:>9.2f} "
            f"{ours / bare:>6.2f} {peak:>9.0f}"
        )
    print(
        f"median ratio {statistics.median(ratios):.2f}, worst {max(ratios):.2f}, "
        f"all files together {totals[0] / totals[1]:.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
