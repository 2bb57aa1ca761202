"""Throughput of find_numbers over ../shared/corpus, side by side with a bare digit scan.

The baseline is ``re.finditer(r"\\d+")`` over the same texts in the same process: what any scanner
pays to look at every character once. The figure that matters is the ratio (goal: within 8x, issue 13).

Measured 2026-11-28 on the shared 2-core machine (``nice -n 19``, ``--repeat 30``, six runs
each, alternately, of main before this round, the compiled scanner and the pure-Python one):
main 11.9-12.2x (median 12.0x, 10.1 ms per pass over the 20 texts, 72 kB); the pure-Python
scanner the same, 12.0-12.6x (median 12.1x, 10.0 ms); the compiled one (mypyc, as ``pip
install`` builds it, see ``hatch_build.py``) 7.5-7.8x (median 7.7x, 6.3 ms). (History:
17.9-18.6x -> 15.3-15.9x -> 12.2-12.8x -> 12.1x in the earlier rounds.) Neither changed the
output, mention for mention: ``tests/test_scanner_reference.py`` runs on both scanners, and
133k texts (the tests, examples, peer suites, gold, seed and corpus, with slices, joins and
variants under four seeds) gave the same fields from main, the compiled and the pure scanner.

After the scanner rules of rounds 6 and 7 (same day, four runs each alternated): main before
the merge (pure) 13.7-13.8x (11.7 ms); the pure-Python ``_scanner.py`` 13.4-13.7x (11.2 ms);
compiled 8.1-8.6x (median 8.3x, 7.0 ms). The new rules look at a number's line start, its
neighbouring digit blocks and the codes a text names only when the cheap test passes.

Where a pass goes (best of 150, ms; the bare digit scan 0.65-0.8), pure Python / compiled:
lower-casing 0.2 / 0.2; building the atoms 3.8 / 2.8, of which the regex passes ~1.7 / ~1.45
(digit and Roman numeral runs 0.43, number-word stems 0.66, the candidate pattern 0.64, or
~0.35 compiled, where half the digit runs skip it); classifying them (``_Scanner.mention``)
4.7 / 2.5; ranges and the other passes 0.7 / 0.3. Compiled, the regex engine holds ~40% of the
time (perf).

The compiled build: compiling the module alone gave 1.4x (9.9 -> 6.9 ms); then, from perf on
the compiled code, 6.9 -> 6.3 ms: ``_Atom`` a plain class (mypyc compiles its ``__init__``,
not a dataclass's), the module's constants ``Final`` (read directly, not from the module's
dict), and digit runs the candidate pattern can only read alone taken without matching it
(half the runs). Build: ~12 s for the module (``python hatch_build.py``), 17-27 s for a whole
``pip install -e .`` (mypy and setuptools come into the build environment).

Tried in this round without gain (same output, not kept): in pure Python, the words before a
number computed once in ``mention`` and passed to the qualifier and year tests instead of the
per-text caches (no change measurable); tokenizing the lower-cased text once into words with
their offsets (``re.finditer(r"\\S+")``: 1.1 ms a pass for 11k words, more than the per-number
look-ups it would replace: the words before a number 0.6 ms, the word before 0.1-0.3); one
regex pass for digit runs, Roman numerals and stems (on the raw text, the stems matched
case-insensitively 2.4 ms, cased 1.3, against 1.1 for the two passes); the window test of
``tail`` as one regex search instead of seven ``in`` (0.70 ms against 0.58); the bare digit
runs in pure Python (the test costs what the skipped match did). Compiled: the lexicon's sets
bound to ``Final`` names of the scanner (no change measured); the digit scan's class narrowed
to skip typographic punctuation (the corpus has 25 such characters).

8x is about 6.6 ms here: the compiled scanner is below it, the pure-Python one 3.4 ms above.
With the scans and the candidate pattern at the regex engine's floor (~1.7 ms), pure Python
would have to classify a number in ~1.5 us instead of ~6, all the Python work included.

Round of issue 13, branch ``speed5`` (2026-11-28, same machine, ``nice -n 19``, ``--repeat
30``, b554bb9 and the branch alternated, six runs each compiled and five pure): compiled
8.2-8.6x (median 8.35x, 6.9 ms) -> 7.3-7.4x (median 7.3x, 6.0 ms); pure Python 12.9-13.8x
(median 13.5x, 11.1 ms) -> 13.2-13.5x (median 13.5x, 10.8 ms; the baseline scan varied more
than the scanner between runs). Same output: 153,669 texts (the tests, examples, corpus,
seed, gold and peer-suite strings, with slices, joins, upper-cased and non-breaking-space
variants under four seeds; 342,314 mentions), every field, from b554bb9 and from the
branch's pure and compiled scanners: 0 differences.

How it was found: ``perf record --call-graph dwarf`` on a copy of the module compiled with
``CFLAGS=-g``, each sample charged to the Python line of the innermost compiled frame (the C
source's ``CPy_AddTraceback`` calls name the line). 86% of a compiled pass is in CPython
itself (the regex engine ~33%, str, dict, malloc), 9% in the module's own code: the gains
are regex calls and searches avoided, not faster Python. What went, by size:
  - searches that try every position of a window, anchored at its end: the code before a
    number (``L122-5``) and the letters before a hyphen (~2 us a call, backtracking), now
    walks back from the number; the age-class patterns, tested first on the window's last
    word; the web addresses, matched where ``http``/``www.`` starts (str.find), not searched
    for over each text that holds one (1.5%); the note lines ``(N)``, found from their
    ``\n`` instead of a MULTILINE ``^`` tried everywhere;
  - patterns that most numbers fail, behind the characters they start with: the unit (a
    letter or a symbol must follow: a third of the calls found nothing), the month (the next
    word's first two letters), the listed number, the model variant, the leading zero, the
    percent word, "et demi", the out-of-time joint, the range joints (the stripped joint);
  - fewer candidate-pattern matches: a digit run then a space and a word the pattern cannot
    read with it ("2 mai", the word read whole), or then "-" and a digit ("1946-1958", unless
    an ISO date), is taken bare; a minus glued to a word is no longer tried as a sign;
  - whole-text work: "RCS"/"SIREN" looked for in the 30 characters before a number instead
    of in every text (1.4%); ``tail``'s slow path (undo elisions) taken only when one of the
    last five words has a quote or apostrophe, not the 48-character window (222 of 544 a pass
    took it); one-word runs of number words without ``_TOKEN.finditer``; ``str.split``
    instead of ``_SPACES.sub``; character comparisons instead of ``str.startswith`` with a
    position (its arguments are parsed on each call).
Tests check each cheap test against the pattern it guards (tests/test_numbers.py).

Where a compiled pass goes now (perf, % of samples): the stem scan 13%, the candidate
pattern 9%, the digit and Roman numeral scan 9%, ``tail`` 5%, ``_kind_of_number`` 5%,
``_qualifier`` 3% (its trailing pattern, 39 calls, ~2.8 us each), ``_new_mention`` 2.6%.

Tried in this round without gain: the stem scan rewritten (a lookahead on the stems' first
letters 0.73 ms against 0.67; an atomic group 0.70; an explicit range class 0.69; one pass
after a literal space plus one after the other non-letters 0.32 + 0.29, not worth a second
pattern); ``Decimal(int(s))`` instead of ``Decimal(s)`` (125 ns against 88); the
currency-code flag computed lazily (all 20 corpus texts ask for it); the garbage collector
(no collection runs during a pass: perf's ``gc_collect_main`` samples are the interpreter's
exit). Not done: ``word_before`` as a backward walk (faster compiled, slower pure), a
letters-only candidate pattern (~150 ns on ~130 calls a pass).

At the end of the session that merged the speed branch with the rules of rounds 8-11
(``0bfc3ae``, four runs each alternated with the session's start ``b554bb9``, quiet machine):
compiled 7.7-7.9x (median 7.8x, 6.5 ms) against 8.1-8.7x (7.0 ms); pure Python 13.2-14.1x
(11.2 ms) against 13.3-13.7x (11.0 ms). The rules cost ~0.5 ms compiled over the speed branch
alone (6.0 ms): their per-number tests are gated by the two characters before the number, and
the passes a rare construction needs search the text for it first. ``CLAIMEX_PURE_PYTHON``
acts at install time only: to time the pure scanner, use a copy without the ``.so`` files.

Round of branch ``speed6`` (2026-11-28, same machine, ``nice -n 5``, ``--repeat 30``, 33d5f53
and the branch alternated, eight runs each compiled and five pure, at the branch's last
commit): compiled 7.6-7.9x (median 7.9x, 6.60 ms) -> 7.1-7.5x (median 7.3x, 6.04 ms); pure
Python 13.8-14.3x (median 13.9x, 11.72 ms) -> 13.7-14.1x (median 13.9x, 11.70 ms: no change).
A busier sitting gave 8.0x (7.02 ms) -> 7.6x (6.50 ms) compiled. Same output: the 192,164 texts
of the shortcut sessions, every field, from 33d5f53 and the branch, pure and compiled: 0
differences. Found with callgrind (instructions per pass, deterministic where the shared
machine's timings drift by 5%): 70.1-70.4 M -> 64.6-64.9 M. What went:
  - the two text-wide scans' first classes made of Latin-1 characters only, one 256-bit map a
    character instead of a two-level map (digits 0.44 -> 0.38 ms, stems 0.645 -> 0.60 ms);
  - letter candidates matched with the letter branches of ``_CANDIDATES`` only, or the
    ``words`` branch alone (~0.7 -> ~0.3 us a number word);
  - the last word before a number (``last_word``) without the five-word tail, and
    ``word_before`` without splitting a 48-character window (str.rfind, one short slice);
  - ``_TRAILING_QUALIFIER`` (~2.8 us, backtracking) only where its bound may start: 2 of the
    39 numbers a pass that reached it match;
  - the currency-code flag (seven str.find a text) computed on first use, which most texts
    never reach;
  - plain percents ("52 %", "4,5 %") built without the candidate pattern.
Where a compiled pass goes now (callgrind, % of instructions): the stem scan 16%, the digit
scan 11%, the candidate pattern 6%, lower-casing 6%, ``_new_mention`` (interpreted) 3.5%.

Tried in this round without gain (same output, not kept): ``_new_mention`` compiled with the
scanner (mypyc's attribute stores on the Python draft class cost what the interpreter's frame
did: 69.77 -> 69.83 M); ``ord(c)`` range tests instead of ``str.isalpha`` for the letter
dispatch (65.03 -> 65.10 M); the stem scan as one possessive loop per match, skipping words
inside the engine (0.62 -> 0.65 ms); the ``regex`` module for the stem scan (2.2 ms against
0.64). Not done: a cross-call cache of results (it would only measure the benchmark's repeats).

Round of branch ``speed7`` (same machine, ``nice -n 19``, ``--repeat 30``, 5064dab and the
branch built the same way and alternated, four runs each): compiled 7.4-7.7x (median 7.55x,
6.33 ms) -> 7.2-7.5x (median 7.35x, 6.07 ms); callgrind 67.1 -> 65.1 M instructions a pass.
Same output on the 192,164 texts, pure and compiled. Found with perf (``--call-graph dwarf``,
each sample charged to the Python line of the innermost compiled frame through mypyc's
``CPy_AddTraceback`` lines) and callgrind restricted to ``scan``. What went:
  - the text-wide search of ``_HOUR_THEN_A_NUMBER`` (~18 us a text holding "heure" or
    "minute": it tried every "h" and "m") matched only where its literal first word occurs;
    ``_ONE_TO_A_NUMBER`` searched only once a number would change (-2.5%);
  - strings made per number: the qualifier phrase looked up by its words (a tuple) instead of
    joined, the two characters after a digit run read without slicing, ranges and collectives
    built with ``_new_mention`` instead of the dataclass's ``__init__``, no text-wide "sur"
    search before ``_ratios`` (-1.8% together).
Where a compiled pass goes now (perf): the stem scan 13%, the digit scan 9%, the candidate
pattern 6% (142 calls a pass, ~60 of them on the corpus's identical first line), lower-casing
3-5% (per character for non-ASCII text, in CPython and mypyc alike), ``_new_mention`` 2.6%.
Tried without gain: the web-address starts found from ":" and "w" (one-character finds) instead
of "http" and "www." (-0.65% instructions, no time measurable); the phone branch skipped for a
run that starts with 1-9 (~0.15 us of ~1.6 a call). Not done: lower-casing Latin-1 texts with
``bytes.translate`` (47 -> 11 us for the 7 such corpus texts, nothing for the others).

Round of branch ``speed8`` (same machine, ``nice -n 19``, ``--repeat 30``, 60da91e and the
branch built the same way and alternated, five runs each): compiled 7.2-7.5x (median 7.3x,
6.04 ms) -> 7.1-7.4x (median 7.2x, 5.90 ms); best of 300 passes 6.00-6.30 -> 5.93-6.13 ms, four
alternated rounds; callgrind 65.9 -> 64.3 M instructions a pass (-2.5%). Same output on the
192,164 texts, pure and compiled. What went: a candidate on a digit run is matched with only
the branches of ``_CANDIDATES`` that the character after the run allows (``_DIGIT_RUN_FOLLOWERS``:
"." for a version, a space, "h" or ":" for a time...; "code" after a letter, "phone" on a run
that starts with 0), the pattern now assembled from a table of its branches (the same pattern,
parse for parse). "1er", "2.5", "3 000" skip the ten or so branches before "num": ~1.7 -> ~0.5 us.
Where a compiled pass goes now (callgrind, % of instructions): the stem scan 15%, the digit scan
10% (both a call of sre's charset test per character, ~56 instructions each: the floor of any
class-led scan), lower-casing 5.7% (~51 instructions a character for a non-ASCII text, mypyc's
``str.lower`` as CPython's), ``_qualifier`` 6.7% (four str.find in the 40 characters after each
number, 1.5%), generic method calls (``isalpha``, ``isdecimal``, ``isprintable``,
``startswith`` with a position, ``Match`` methods: no mypyc primitive, ~300 instructions each).
Tried without gain: cheap str tests before four patterns that most numbers fail (the thousands
dot, the ordinal denominator, the written scale, a Roman numeral's list mark): -0.2%
instructions, not kept; the stems found with str.find (39 finds a text: 1.5 ms against 0.63).
Not done: lower-casing Latin-1 texts through bytes (telling their kind costs an encode or an
exception on the others: ~0.3% net).

Usage: python benchmarks/bench_scanner.py [--corpus DIR] [--repeat N]
"""

from __future__ import annotations

import argparse
import re
import statistics
import time
from pathlib import Path

from claimex import find_numbers, numbers

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
    print(f"scanner: {numbers._scan.__module__}")  # claimex._scanner_native when compiled
    print(f"{'scan':28s} {'ms/pass':>9s} {'MB/s':>8s} {'found':>7s}")
    for name, t, n in (
        ("baseline re.finditer(\\d+)", t_base, n_base),
        ("claimex.find_numbers", t_scan, n_scan),
    ):
        print(f"{name:28s} {t * 1000:9.2f} {chars / t / 1e6:8.2f} {n:7d}")
    print(f"ratio find_numbers / baseline: {t_scan / t_base:.1f}x (goal: <= 8x)")


if __name__ == "__main__":
    main()
