"""The keyed strategy (the default) against strategy="claims", live on the embedded model.

Usage: python -m benchmarks.keyed_vs_claims [--docs seed ...] [--claims-docs seed ...]
       [--save DIR]   (from the repository root; needs claimex[local]; ~30 s a text keyed,
       3-4 min a text with the claims strategy on 2 cores)

Runs ``extract(text, strategy="keyed")`` on every text of ``--docs`` and ``strategy="claims"`` on
those of ``--claims-docs`` (default: all of ``--docs``), one after the other on the same
server, and prints per text and in total: amounts (covered, recall, value precision, qualifier
accuracy, wrong verified, flagged), the claim layer on covered amounts (source, attribution
kind and status, high-confidence / all lines; contradictions linked; claim types), the cost
(calls, calls per chunk, re-asks, tokens in and out per gold amount, seconds) and the
keyed/claims ratios on the texts both ran. Seconds are wall time of ``extract``: the server
computes one request at a time, so it is the server's time plus a few milliseconds a call.
"""

from __future__ import annotations

import argparse
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from claimex.evaluation import (
    ClaimLayerScore,
    DocScore,
    gold_texts,
    load_contradictions,
    load_gold,
    load_gold_claims,
    score,
    score_claims,
)
from claimex.extract import extract
from claimex.result import Extraction

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "gold"
CLAIMS_GOLD = GOLD.parent / "gold-claims"
ALL = ["seed", *(f"wikinews-00{i}" for i in range(1, 6))]


@dataclass
class Tally:
    """One strategy's scores summed over texts."""

    amounts: DocScore
    claims: ClaimLayerScore
    chunks: int = 0
    types: Counter[str] = field(default_factory=Counter)

    def add(self, amounts: DocScore, claims: ClaimLayerScore, result: Extraction) -> None:
        self.amounts.add(amounts)
        self.claims.add(claims)
        self.chunks += result.provenance.chunks
        self.types.update(c.type for c in result.claims)


def _pct(ok: int, n: int) -> str:
    return f"{ok / n:.1%}" if n else "n/a"


def _row(label: str, t: Tally) -> str:
    a, c = t.amounts, t.claims
    per = a.gold or 1
    layer = "  ".join(
        f"{f} {_pct(getattr(c, f'{f}_ok_high'), c.covered_high)} / {_pct(getattr(c, f'{f}_ok'), c.covered)}"
        for f in ("source", "kind", "status")
    )
    return (
        f"{label:28s} covered {a.covered}/{a.gold} recall {a.recall:.1%} prec {a.precision:.1%} "
        f"qual {a.qualifier_accuracy:.1%} wrong {a.wrong_verified} flagged {a.flagged} | {layer} "
        f"| contradictions {c.contradictions_linked}/{c.contradictions} "
        f"| calls {a.calls} ({a.calls / max(t.chunks, 1):.2f}/chunk) re-asks {a.reasks} "
        f"tokens/amount in {a.tokens_in / per:.0f} out {a.tokens_out / per:.0f} "
        f"total {(a.tokens_in + a.tokens_out) / per:.0f} | {a.wall_seconds:.1f} s "
        f"| types {dict(t.types)}"
    )


def _one(name: str, text: str, strategy: str, save: Path | None) -> tuple[DocScore, ClaimLayerScore, Extraction]:  # fmt: skip
    result = extract(text, strategy=strategy)
    if save is not None:
        save.mkdir(parents=True, exist_ok=True)
        (save / f"{name}.{strategy}.json").write_text(result.model_dump_json(), encoding="utf-8")
    gold = load_gold(GOLD / f"{name}.jsonl")
    lines = load_gold_claims(CLAIMS_GOLD / f"{name}.jsonl")
    expected = load_contradictions(CLAIMS_GOLD / "contradictions.json").get(name, [])
    amounts = score(name, result, gold)
    return amounts, score_claims(name, result, gold, lines, expected), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", nargs="+", default=ALL)
    parser.add_argument("--claims-docs", nargs="*", default=None)
    parser.add_argument("--save", type=Path, help="write each result as NAME.STRATEGY.json here")
    args = parser.parse_args()
    claims_docs = args.docs if args.claims_docs is None else args.claims_docs
    texts = gold_texts(GOLD, ROOT / "examples")
    both = [n for n in args.docs if n in claims_docs]
    tallies = {
        (s, scope): Tally(DocScore(name=s), ClaimLayerScore(name=s))
        for s in ("keyed", "claims")
        for scope in ("all", "both")
    }
    for name in dict.fromkeys([*args.docs, *claims_docs]):
        for strategy in ("keyed", "claims"):
            if name not in (args.docs if strategy == "keyed" else claims_docs):
                continue
            amounts, claims, result = _one(name, texts[name][1], strategy, args.save)
            print(_row(f"{name} {strategy}", Tally(amounts, claims, result.provenance.chunks,
                                                   Counter(c.type for c in result.claims))),
                  flush=True)  # fmt: skip
            tallies[(strategy, "all")].add(amounts, claims, result)
            if name in both:
                tallies[(strategy, "both")].add(amounts, claims, result)
    print()
    print(_row(f"keyed, {len(args.docs)} texts", tallies[("keyed", "all")]))
    print(_row(f"claims, {len(claims_docs)} texts", tallies[("claims", "all")]))
    if both:
        k, d = tallies[("keyed", "both")], tallies[("claims", "both")]
        print(_row(f"keyed, on {len(both)} common", k))
        print(_row(f"claims, on {len(both)} common", d))
        ka, da = k.amounts, d.amounts
        ratios = {
            "recall": ka.recall / da.recall if da.recall else float("nan"),
            "calls": ka.calls / da.calls if da.calls else float("nan"),
            "tokens": (ka.tokens_in + ka.tokens_out) / max(da.tokens_in + da.tokens_out, 1),
            "seconds": ka.wall_seconds / da.wall_seconds if da.wall_seconds else float("nan"),
        }
        print("keyed/claims on " + ", ".join(both) + ": "
              + "  ".join(f"{n} {r:.2f}x" for n, r in ratios.items()))  # fmt: skip


if __name__ == "__main__":
    main()
