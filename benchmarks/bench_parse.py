"""Parse time against bare markdown-it tokenization, per file, with peak memory.

    python3 benchmarks/bench_parse.py [--repeat N] [FILES…]

Without FILES it measures the bundled seed report and every file in ../shared/corpus (when
present). For each file: the best wall time of incidentparse.parse() and of bare
``MarkdownIt("commonmark").enable("table").parse()`` on the same text over --repeat rounds in
which the two take turns, their ratio, the ratio of their median times over the same rounds,
and the peak memory of one parse (tracemalloc); then, for each of the two ratios, the median
and worst over the files and the ratio of the summed times (all files parsed once). The target
is a ratio of at most 1.5 (extraction costs less than half of the tokenizer).
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


def timings(actions: tuple[Callable[[], object], ...], repeat: int) -> list[list[float]]:
    """Each action's times over repeat rounds, the actions taking turns in every round.

    On a shared machine the best of many runs is the steadiest figure (other load only ever
    adds time); the median is printed beside it. Taking turns exposes both actions to the same
    conditions.
    """
    times: list[list[float]] = [[] for _ in actions]
    for _ in range(repeat):
        for index, action in enumerate(actions):
            start = time.perf_counter()
            action()
            times[index].append(time.perf_counter() - start)
    return times


def summary(name: str, ratios: list[float], totals: list[float]) -> str:
    return (
        f"{name}: median ratio {statistics.median(ratios):.2f}, worst {max(ratios):.2f}, "
        f"all files together {totals[0] / totals[1]:.2f}"
    )


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
    print(
        f"{'file':44} {'lines':>6} {'parse ms':>9} {'tokens ms':>9} {'ratio':>6} "
        f"{'median':>7} {'peak KiB':>9}"
    )
    ratios, median_ratios = [], []
    totals, median_totals = [0.0, 0.0], [0.0, 0.0]
    for path in args.files or default_files():
        text = path.read_text(encoding="utf-8")
        parse(text)  # warm caches (compiled regexes, parser instance) before timing
        ours_times, bare_times = timings(
            (partial(parse, text), partial(tokenizer.parse, text)), args.repeat
        )
        ours, bare = min(ours_times), min(bare_times)
        ours_median, bare_median = statistics.median(ours_times), statistics.median(bare_times)
        ratios.append(ours / bare)
        median_ratios.append(ours_median / bare_median)
        totals[0] += ours
        totals[1] += bare
        median_totals[0] += ours_median
        median_totals[1] += bare_median
        peak = peak_kib(partial(parse, text))
        lines = text.count("\n") + 1
        print(
            f"{path.name[:44]:44} {lines:>6} {ours * 1e3:>9.2f} {bare * 1e3:>9.2f} "
            f"{ours / bare:>6.2f} {ours_median / bare_median:>7.2f} {peak:>9.0f}"
        )
    print(summary("best times", ratios, totals))
    print(summary("median times", median_ratios, median_totals))
    return 0


if __name__ == "__main__":
    sys.exit(main())
