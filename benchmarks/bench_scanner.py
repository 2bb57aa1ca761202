"""Throughput of find_numbers over ../shared/corpus, side by side with a bare digit scan.

The baseline is ``re.finditer(r"\\d+")`` over the same texts in the same process: what any scanner
pays to look at every character once. The figure that matters is the ratio (goal: within 8x, issue 13).

Measured 2026-11-28 on the shared 2-core machine (``nice -n 19``, ``--repeat 30``, six runs each,
the scanner of before and after the issue-13 speed work run alternately): 17.9-18.6x before,
15.3-15.9x after (about 14.0 and 12.1-12.7 ms per pass over the 20 texts, 72 kB). The output is
unchanged, mention for mention (``tests/test_scanner_reference.py``).

Where a pass goes now (best of 60, ms; the bare digit scan is 0.6): the candidate triggers 2.3
(of which the regex scans for digits 0.6 and number-word stems 0.9), Roman numerals 0.7,
matching the candidate pattern 0.8, building the atoms (digits, words via text2num) 1.4,
classifying them (kind, unit, qualifier: ``_Scanner.mention``) 5.5, ranges and the other passes
over the list 1.1. The whole-text scans (lower-casing, digits, stems, fractions, Roman
numerals: 2.2 ms) alone cost nearly 4x the baseline; the rest is Python
work spread over ~760 candidates (7-8 us each for a quantity or a year), with no single hot spot
left. Reaching 8x means compiling that work (mypyc gave ~1.8x in a trial) or doing less of it.

Usage: python benchmarks/bench_scanner.py [--corpus DIR] [--repeat N]
"""

from __future__ import annotations

import argparse
import re
import statistics
import time
from pathlib import Path

from claimex import find_numbers

ROOT = Path(__file__).resolve().parent.parent
_DIGITS = re.compile(r"\d+")


def baseline(texts: list[str]) -> int:
    return sum(1 for t in texts for _ in _DIGITS.finditer(t))


def scanner(texts: list[str]) -> int:
    return sum(len(find_numbers(t)) for t in texts)


def interleaved(texts: list[str], repeat: int) -> tuple[float, int, float, int]:
    """Median seconds per pass of the baseline and the scanner, timed in alternation so both
    see the same machine state (after one warm-up pass each), with their mention counts."""
    n_base, n_scan = baseline(texts), scanner(texts)
    t_base, t_scan = [], []
    for _ in range(repeat):
        t0 = time.perf_counter()
        baseline(texts)
        t1 = time.perf_counter()
        scanner(texts)
        t2 = time.perf_counter()
        t_base.append(t1 - t0)
        t_scan.append(t2 - t1)
    return statistics.median(t_base), n_base, statistics.median(t_scan), n_scan


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    texts = [p.read_text(encoding="utf-8") for p in sorted(args.corpus.glob("*.txt"))]
    chars = sum(len(t) for t in texts)
    t_base, n_base, t_scan, n_scan = interleaved(texts, args.repeat)
    print(f"corpus: {len(texts)} texts, {chars:,} characters, median of {args.repeat} passes")
    print(f"{'scan':28s} {'ms/pass':>9s} {'MB/s':>8s} {'found':>7s}")
    for name, t, n in (
        ("baseline re.finditer(\\d+)", t_base, n_base),
        ("claimex.find_numbers", t_scan, n_scan),
    ):
        print(f"{name:28s} {t * 1000:9.2f} {chars / t / 1e6:8.2f} {n:7d}")
    print(f"ratio find_numbers / baseline: {t_scan / t_base:.1f}x (goal: <= 8x)")


if __name__ == "__main__":
    main()
