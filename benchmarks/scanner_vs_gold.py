"""Compare find_numbers with the hand annotations of ../shared/gold (spans, values, kinds, qualifiers).

Usage: python benchmarks/scanner_vs_gold.py [--gold DIR] [--show]
Prints, per file and in total, how many gold mentions the scanner finds with the exact span, and
of those how many have the gold value (and high), kind and qualifier; plus spurious mentions.
"""

from __future__ import annotations

import argparse
import json
from decimal import Decimal
from pathlib import Path

from claimex import find_numbers

ROOT = Path(__file__).resolve().parent.parent


def body_of(gold_dir: Path, name: str) -> str:
    if name == "seed":
        return (gold_dir.parent / "seed" / "koree-du-nord-russie.txt").read_text(encoding="utf-8")
    raw = (gold_dir.parent / "corpus" / f"{name}.txt").read_text(encoding="utf-8")
    return raw.split("\n", 1)[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--gold", type=Path, default=ROOT.parent / "shared" / "gold")
    parser.add_argument("--show", action="store_true", help="print every disagreement")
    args = parser.parse_args()
    totals = dict.fromkeys(("gold", "span", "value", "kind", "qualifier", "all", "spurious"), 0)
    print(
        f"{'file':14s} {'gold':>5s} {'span':>5s} {'value':>6s} {'kind':>5s} {'qual':>5s} {'all':>5s} {'extra':>6s}"
    )
    for path in sorted(args.gold.glob("*.jsonl")):
        gold = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
        body = body_of(args.gold, path.stem)
        found = {(m.start, m.end): m for m in find_numbers(body)}
        row = dict.fromkeys(totals, 0)
        row["gold"] = len(gold)
        gold_spans = set()
        for g in gold:
            span = (g["start"], g["end"])
            gold_spans.add(span)
            m = found.get(span)
            if m is None:
                if args.show:
                    near = [f for f in found.values() if f.start < g["end"] and f.end > g["start"]]
                    print(
                        f"  MISS {path.stem} {g['text']!r} {g['kind']} {g['qualifier']} near={[(n.text, n.kind.value) for n in near]}"
                    )
                continue
            row["span"] += 1
            high = Decimal(g["high"]) if "high" in g else None
            ok_value = m.value == Decimal(g["value"]) and m.high == high
            ok_kind = m.kind.value == g["kind"]
            ok_q = m.qualifier.value == g["qualifier"]
            row["value"] += ok_value
            row["kind"] += ok_kind
            row["qualifier"] += ok_q
            row["all"] += ok_value and ok_kind and ok_q
            if args.show and not (ok_value and ok_kind and ok_q):
                print(
                    f"  DIFF {path.stem} {g['text']!r}: gold {g['value']}/{g.get('high')} {g['kind']} {g['qualifier']}"
                    f" | got {m.value}/{m.high} {m.kind.value} {m.qualifier.value}"
                )
        extra = [m for span, m in found.items() if span not in gold_spans]
        row["spurious"] = len(extra)
        if args.show:
            for m in extra:
                print(f"  EXTRA {path.stem} {m.text!r} {m.kind.value} {m.value}")
        for k in totals:
            totals[k] += row[k]
        print(
            f"{path.stem:14s} {row['gold']:5d} {row['span']:5d} {row['value']:6d} {row['kind']:5d} {row['qualifier']:5d} {row['all']:5d} {row['spurious']:6d}"
        )
    t = totals
    print(
        f"{'TOTAL':14s} {t['gold']:5d} {t['span']:5d} {t['value']:6d} {t['kind']:5d} {t['qualifier']:5d} {t['all']:5d} {t['spurious']:6d}"
    )
    print(
        f"span recall {t['span'] / t['gold']:.1%}; fully correct {t['all'] / t['gold']:.1%}; "
        f"spurious {t['spurious']}"
    )


if __name__ == "__main__":
    main()
