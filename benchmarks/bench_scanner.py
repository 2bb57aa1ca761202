"""Throughput of find_numbers over ../shared/corpus, side by side with a bare digit scan.

The baseline is ``re.finditer(r"\\d+")`` over the same texts in the same process: what any scanner
pays to look at every character once. The figure that matters is the ratio (goal: within 10x).

Usage: python benchmarks/bench_scanner.py [--corpus DIR] [--repeat N]
"""

from __future__ import annotations

import argparse
import re
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from claimex import find_numbers

ROOT = Path(__file__).resolve().parent.parent
_DIGITS = re.compile(r"\d+")


def baseline(texts: list[str]) -> int:
    return sum(1 for t in texts for _ in _DIGITS.finditer(t))


def scanner(texts: list[str]) -> int:
    return sum(len(find_numbers(t)) for t in texts)


def best_of(fn: Callable[[list[str]], int], texts: list[str], repeat: int) -> tuple[float, int]:
    """Median seconds per pass over all texts (after one warm-up pass) and the mention count."""
    count = fn(texts)
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn(texts)
        times.append(time.perf_counter() - t0)
    return statistics.median(times), count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    texts = [p.read_text(encoding="utf-8") for p in sorted(args.corpus.glob("*.txt"))]
    chars = sum(len(t) for t in texts)
    t_base, n_base = best_of(baseline, texts, args.repeat)
    t_scan, n_scan = best_of(scanner, texts, args.repeat)
    print(f"corpus: {len(texts)} texts, {chars:,} characters, median of {args.repeat} passes")
    print(f"{'scan':28s} {'ms/pass':>9s} {'MB/s':>8s} {'found':>7s}")
    for name, t, n in (
        ("baseline re.finditer(\\d+)", t_base, n_base),
        ("claimex.find_numbers", t_scan, n_scan),
    ):
        print(f"{name:28s} {t * 1000:9.2f} {chars / t / 1e6:8.2f} {n:7d}")
    print(f"ratio find_numbers / baseline: {t_scan / t_base:.1f}x (goal: <= 10x)")


if __name__ == "__main__":
    main()
