"""What each recall lever buys, measured on the embedded model (not a test; needs claimex[local]).

Usage: python benchmarks/levers.py [--docs seed wikinews-001 ...]

Runs extract() on the gold documents under cumulative configurations, from a plain prompt to
the defaults, and prints numeric recall, value precision, qualifier accuracy, numbers wrongly
presented as verified, calls, tokens and wall time for each, side by side in one run.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

from claimex.evaluation import DocScore, gold_texts, load_gold, score
from claimex.extract import extract

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "gold"

LEVERS: list[tuple[str, dict[str, Any]]] = [
    ("plain prompt", {"anchors": False, "derive": False, "second_pass": False, "max_reasks": 0}),
    (
        "+ scanner's numbers as anchors",
        {"anchors": True, "derive": False, "second_pass": False, "max_reasks": 0},
    ),
    (
        "+ qualifier/range/scale from the text",
        {"anchors": True, "derive": True, "second_pass": False, "max_reasks": 0},
    ),
    (
        "+ 1 validation re-ask",
        {"anchors": True, "derive": True, "second_pass": False, "max_reasks": 1},
    ),
    (
        "+ second pass on uncovered numbers",
        {"anchors": True, "derive": True, "second_pass": True, "max_reasks": 1},
    ),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", nargs="+", default=["seed"])
    args = parser.parse_args()
    texts = gold_texts(GOLD, ROOT / "examples")
    print(f"documents: {', '.join(args.docs)}")
    print(
        f"{'configuration':40s} {'recall':>7} {'prec':>6} {'qual':>6} {'wrong':>5} {'calls':>5} {'tok in':>7} {'tok out':>7} {'wall s':>7}"
    )
    for label, options in LEVERS:
        total = DocScore(name=label)
        t0 = time.perf_counter()
        for name in args.docs:
            result = extract(texts[name][1], **options)
            total.add(score(name, result, load_gold(GOLD / f"{name}.jsonl")))
        wall = time.perf_counter() - t0
        print(
            f"{label:40s} {total.recall:7.1%} {total.precision:6.1%} {total.qualifier_accuracy:6.1%}"
            f" {total.wrong_verified:5d} {total.calls:5d} {total.tokens_in:7d} {total.tokens_out:7d} {wall:7.1f}"
        )


if __name__ == "__main__":
    main()
