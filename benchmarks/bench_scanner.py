"""Throughput of find_numbers over ../shared/corpus, side by side with a bare digit scan.

The baseline is ``re.finditer(r"\\d+")`` over the same texts in the same process: what any scanner
pays to look at every character once. The figure that matters is the ratio (goal: within 8x, issue 13).

Measured 2026-11-28 on the shared 2-core machine (``nice -n 19``, ``--repeat 30``, six runs
each, alternately, of the session's start, the speed pass alone and main): 12.1-12.5x at the
start (median 12.3x, 10.3 ms per pass over the 20 texts, 72 kB); the speed pass alone
10.9-11.3x (median 11.1x, 9.15 ms); main with the issue-13 rules of the same session 12.0-12.2x
(median 12.1x, 10.0 ms): the rules that read codes, addresses, notes, ages and bounds cost about
0.9 ms of the 1.1 the speed pass saved. (History: 17.9-18.6x -> 15.3-15.9x -> 12.2-12.8x in
the earlier rounds.) The speed pass did not change the output, mention for mention
(``tests/test_scanner_reference.py``, and 97k texts from the tests, peer suites, gold and
corpus, with slices, joins and variants, compared under several seeds); the rules did, and
their effect is measured in ``docs/scanner.md``.

Where a pass goes now (best of 150, ms; the bare digit scan is 0.66): the whole-text scans 1.3
(lower-casing 0.16, one pass for digit and Roman numeral runs 0.42 since its first class is
spelled with ranges, number-word stems at the start of words 0.71); matching the candidate
pattern at ~935 trigger positions 0.6; the rest of building the atoms (trigger loop, Decimal,
text2num, Roman numerals) 1.5; classifying them (``_Scanner.mention``: kind, unit, qualifier)
4.3, about 5.5 us a number spread over a dozen small look-ups (the word before and the words
before, the noun after, qualifier phrases: ~0.6 us each, none dominant); ranges and the other
passes over the list 0.7.

Tried in this round without gain (same output, under 1% each, not kept): a fast path deciding
the commonest year ("en 2008", "avril 2005") in one go, 101 of 171 years (0.5%: the general
path costs ~4 us there, the fast one ~2.5, and every other number pays the test); the last word
before a number without building the five-word tail (the extra call costs what it saves); the
word before a number found with one str.rfind when it is letters only (0.3%); undoing elisions
with str.partition; two passes for the stems (after a space, after anything else).

8x is about 6.6 ms here, 2.6 ms below this: the scans and the candidate pattern (~1.9 ms) are at
the regex engine's floor, so it would take classifying each number in ~2 us instead of ~5.5, all
the Python work included. Compiling this module does not get there either: mypyc gave 1.35x and
Cython's pure-Python mode 1.19x in a trial on the previous version. What remains is a scanner
core in a compiled language, or a classifier redesigned to look at each number's context once.

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
