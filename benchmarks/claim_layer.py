"""The claim layer: the recorded claims strategy alone and with grammar, the keyed default, grammar alone.

Usage: python -m benchmarks.claim_layer   (from the repository root; replays cassettes/, offline)

For every gold amount of tests/data/gold-claims, prints source, attribution-kind and status
accuracy (high-confidence lines / all lines), per text and for the development texts (seed,
wikinews-001..003), the held-out texts (wikinews-004..005) and all: the recorded runs of the
embedded model with ``strategy="claims"`` replayed twice in this one run, as the model wrote
them (``grammar=False``) and with what grammar decides applied in the final review, both on the
amounts they cover; the recorded keyed runs (the default strategy: grammar decides, hints, the
model reads the rest); then claimex.attribution alone (on every amount), with the ratios; then the amounts
metrics of both replays (they must not move: grammar never touches a number); then how often
the answers grammar calls *decided* are right.
"""

from __future__ import annotations

from claimex.attribution import read_amount
from claimex.evaluation import (
    ClaimLayerScore,
    DocScore,
    GoldClaim,
    gold_texts,
    load_contradictions,
    load_gold,
    load_gold_claims,
    score,
    score_claims,
    score_grammar,
    source_matches,
)
from tests.conftest import EXAMPLES, GOLD
from tests.test_extract_replay import run

CLAIMS_GOLD = GOLD.parent / "gold-claims"
DEV = ("seed", "wikinews-001", "wikinews-002", "wikinews-003")
HELD_OUT = ("wikinews-004", "wikinews-005")
FIELDS = ("source", "kind", "status")


def _pct(ok: int, n: int) -> str:
    return f"{ok / n:6.1%}" if n else "   n/a"


def _cells(d: ClaimLayerScore) -> str:
    return "  ".join(
        f"{_pct(getattr(d, f'{f}_ok_high'), d.covered_high)} / {_pct(getattr(d, f'{f}_ok'), d.covered)}"
        for f in FIELDS
    )


def _sum(name: str, docs: list[ClaimLayerScore]) -> ClaimLayerScore:
    total = ClaimLayerScore(name=name)
    for d in docs:
        total.add(d)
    return total


def _decided(text: str, lines: list[GoldClaim]) -> dict[str, list[int]]:
    """For kind and status (and source when the kind is decided): [decided, decided and right]."""
    out = {f: [0, 0] for f in FIELDS}
    for line in lines:
        r = read_amount(text, line.start, line.end)
        a, s = r.attribution, r.status
        for field, decided, ok in (
            ("source", a.decided, source_matches(a.source, line.source, line.source_aliases)),
            ("kind", a.decided, a.kind.value == line.attribution_kind),
            ("status", s.decided, s.status.value == line.status),
        ):
            out[field][0] += decided
            out[field][1] += decided and ok
    return out


def _ratios(after: ClaimLayerScore, before: ClaimLayerScore) -> str:
    return "  ".join(
        f"{after.accuracy(f, high=True) / before.accuracy(f, high=True):5.2f}x / "
        f"{after.accuracy(f, high=False) / before.accuracy(f, high=False):5.2f}x  "
        if before.accuracy(f, high=True) and before.accuracy(f, high=False)
        else "    n/a            "
        for f in FIELDS
    )


WHO = ("model", "+grammar", "keyed", "code")


def main() -> None:
    texts = gold_texts(GOLD, EXAMPLES)
    layers: dict[str, dict[str, ClaimLayerScore]] = {who: {} for who in WHO}
    amounts: dict[str, dict[str, DocScore]] = {"model": {}, "+grammar": {}, "keyed": {}}
    decided: dict[str, dict[str, list[int]]] = {}
    chunks = {"model": 0, "+grammar": 0, "keyed": 0}
    for name, (_path, body) in texts.items():
        lines = load_gold_claims(CLAIMS_GOLD / f"{name}.jsonl")
        gold = load_gold(GOLD / f"{name}.jsonl")
        expected = load_contradictions(CLAIMS_GOLD / "contradictions.json").get(name, [])
        for who, case, grammar in (
            ("model", f"claims-{name}", False),
            ("+grammar", f"claims-{name}", True),
            ("keyed", name, True),
        ):
            result = run(case, grammar=grammar)
            layers[who][name] = score_claims(name, result, gold, lines, expected)
            amounts[who][name] = score(name, result, gold)
            chunks[who] += result.provenance.chunks
        layers["code"][name] = score_grammar(name, body, lines)
        decided[name] = _decided(body, lines)
    head = "source high / all      kind high / all        status high / all"
    print(f"{'text':14s} {'who':10s} {'n':>3s} {'hi':>3s}  {head}")
    for name in texts:
        for who in WHO:
            d = layers[who][name]
            print(f"{name:14s} {who:10s} {d.covered:3d} {d.covered_high:3d}  {_cells(d)}")
    print()
    print(f"{'group':14s} {'who':10s} {'n':>3s} {'hi':>3s}  {head}")
    for group, names in (("dev", DEV), ("held-out", HELD_OUT), ("all", tuple(texts))):
        sums = {who: _sum(group, [layers[who][n] for n in names]) for who in WHO}
        for who in WHO:
            d = sums[who]
            print(f"{group:14s} {who:10s} {d.covered:3d} {d.covered_high:3d}  {_cells(d)}")
        print(f"{group:14s} {'+gr/model':10s} {'':3s} {'':3s}  "
              f"{_ratios(sums['+grammar'], sums['model'])}")  # fmt: skip
        print(f"{group:14s} {'code/model':10s} {'':3s} {'':3s}  "
              f"{_ratios(sums['code'], sums['model'])}")  # fmt: skip
        print(f"{group:14s} {'keyed/model':10s} {'':3s} {'':3s}  "
              f"{_ratios(sums['keyed'], sums['model'])}")  # fmt: skip
    print()
    print(
        "amounts (all six): covered/gold  recall  value precision  qualifier acc.  wrong verified"
    )
    for who, docs in amounts.items():
        amount_total = DocScore(name=who)
        for doc_score in docs.values():
            amount_total.add(doc_score)
        print(
            f"{who:10s} {amount_total.covered}/{amount_total.gold}  {amount_total.recall:6.1%}  "
            f"{amount_total.precision:6.1%}  {amount_total.qualifier_accuracy:6.1%}  "
            f"{amount_total.wrong_verified}"
        )
    print()
    print("summary (all six; claim layer on covered amounts, high-confidence / all lines):")
    print(f"{'who':10s} covered  prec    source         kind           status         "
          "subject        contradiction  calls/chunk  tokens/gold amount")  # fmt: skip
    for who in ("model", "+grammar", "keyed"):
        a = DocScore(name=who)
        for doc_score in amounts[who].values():
            a.add(doc_score)
        c = _sum(who, list(layers[who].values()))
        row = "  ".join(
            f"{_pct(getattr(c, f'{f}_ok_high'), c.covered_high)} / {_pct(getattr(c, f'{f}_ok'), c.covered)}"
            for f in (*FIELDS, "subject")
        )
        print(f"{who:10s} {a.covered}/{a.gold}  {a.precision:6.1%}  {row}  "
              f"{c.contradictions_linked}/{c.contradictions}            "
              f"{a.calls / max(chunks[who], 1):4.2f}         "
              f"{(a.tokens_in + a.tokens_out) / max(a.gold, 1):.0f}")  # fmt: skip
    print()
    print("answers grammar calls decided: right / decided (of all lines)")
    for group, names in (("dev", DEV), ("held-out", HELD_OUT), ("all", tuple(texts))):
        n = sum(layers["code"][x].covered for x in names)
        cells = []
        for f in FIELDS:
            made = sum(decided[x][f][0] for x in names)
            right = sum(decided[x][f][1] for x in names)
            cells.append(f"{f} {right}/{made} of {n}")
        print(f"{group:14s} " + "   ".join(cells))


if __name__ == "__main__":
    main()
