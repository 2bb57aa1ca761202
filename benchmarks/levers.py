"""What each recall lever buys, measured on the embedded model (not a test; needs claimex[local]).

Usage: python benchmarks/levers.py [--docs seed wikinews-001 ...]   (default: the six gold texts)

Runs extract() on the gold documents under cumulative configurations, from a plain prompt to
the defaults, and prints for each, side by side in one run: covered mentions, numeric recall
and its ratio to the plain prompt's, value precision, qualifier accuracy, numbers wrongly
presented as verified, flagged numbers, calls, tokens and wall time.
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
    parser.add_argument(
        "--docs",
        nargs="+",
        default=["seed", *(f"wikinews-00{i}" for i in range(1, 6))],
    )
    parser.add_argument(
        "--save",
        type=Path,
        help="keep the last configuration's (the defaults') results as NAME.json here "
        "(what langextract_side_by_side.py --claimex-results reads)",
    )
    args = parser.parse_args()
    texts = gold_texts(GOLD, ROOT / "examples")
    print(f"documents: {', '.join(args.docs)}")
    print(
        f"{'configuration':40s} {'covered':>7} {'recall':>7} {'vs plain':>7} {'prec':>6} {'qual':>6} {'wrong':>5} {'flag':>5} {'calls':>5} {'tok in':>7} {'tok out':>7} {'wall s':>7}"
    )
    baseline: DocScore | None = None
    for label, options in LEVERS:
        total = DocScore(name=label)
        t0 = time.perf_counter()
        for name in args.docs:
            result = extract(texts[name][1], **options)
            if args.save is not None and (label, options) == LEVERS[-1]:
                args.save.mkdir(parents=True, exist_ok=True)
                (args.save / f"{name}.json").write_text(result.model_dump_json(), encoding="utf-8")
            total.add(score(name, result, load_gold(GOLD / f"{name}.jsonl")))
        wall = time.perf_counter() - t0
        baseline = baseline or total
        gain = f"{total.covered / baseline.covered:.2f}x" if baseline.covered else "n/a"
        print(
            f"{label:40s} {total.covered:3d}/{total.gold:<3d} {total.recall:7.1%} {gain:>7} {total.precision:6.1%}"
            f" {total.qualifier_accuracy:6.1%} {total.wrong_verified:5d} {total.flagged:5d} {total.calls:5d}"
            f" {total.tokens_in:7d} {total.tokens_out:7d} {wall:7.1f}",
            flush=True,
        )


if __name__ == "__main__":
    main()
