"""`claimex eval` over the recorded runs: the harness works offline and the figures hold.

The recordings are the same as tests/test_extract_replay.py's (seed and Wikinews 001-005 with
the default options). If a change lowers recall below the figure reached, this test fails.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from claimex.evaluation import DocScore, evaluate, load_gold, score
from tests.conftest import EXAMPLES, GOLD
from tests.test_extract_replay import quantities, run

# The figures measured on the recordings (prompt extract@2, one second-pass call per uncovered
# amount: 52 of 57 gold amounts covered, every covered qualifier right), as floors: a change
# that lowers them fails here.
MIN_RECALL = 52 / 57
MIN_QUALIFIER_ACCURACY = 1.0
# The claim layer on the same recordings, with what grammar decides applied in the final review
# (docs/quality.md, claim-layer levers; the model alone had (33, 35), (33, 35), (33, 37)): of the
# 52 covered amounts (38 on high-confidence lines), how many have the gold source, attribution
# kind and status, as (high-confidence lines, all lines).
MIN_CLAIM_LAYER = {"source": (37, 40), "kind": (37, 40), "status": (38, 47)}


def _extract(name: str, text: str) -> object:
    return run(name)


@pytest.fixture(scope="module")
def report():  # type: ignore[no-untyped-def]
    return evaluate(GOLD, EXAMPLES, extract=_extract)  # type: ignore[arg-type]


def test_no_wrong_number_is_presented_as_verified(report) -> None:  # type: ignore[no-untyped-def]
    assert report.total.wrong_verified == 0, report.table()


def test_recall_and_qualifiers_do_not_regress(report) -> None:  # type: ignore[no-untyped-def]
    assert report.total.gold == 57
    assert report.total.recall >= MIN_RECALL, report.table()
    assert report.total.qualifier_accuracy >= MIN_QUALIFIER_ACCURACY, report.table()


def test_saved_results_score_the_same(report, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    again = evaluate(GOLD, EXAMPLES, extract=_extract, save_dir=tmp_path)  # type: ignore[arg-type]
    from_files = evaluate(GOLD, EXAMPLES, results_dir=tmp_path)
    assert from_files.rows() == again.rows() == report.rows()
    data = json.loads(from_files.to_json())
    assert data["rows"][-1]["doc"] == "TOTAL"


def test_scoring_rules_on_a_known_case() -> None:
    """A verified number on the wrong place counts as wrong; a flagged one does not count."""
    result = run("seed")
    gold = load_gold(GOLD / "seed.jsonl")
    base = score("seed", result, gold)
    assert base.gold == 12 and base.wrong_verified == 0
    # the claim that covers the first gold amount, and that amount
    target = next(
        (c.id, g)
        for g in gold
        for c in result.claims
        for q in quantities(c)
        if q.verified and q.start == g.start and q.end == g.end and q.value == g.value
    )
    claim_id, amount = target

    def altered(change: dict[str, Any]) -> DocScore:
        copy = result.model_copy(deep=True)
        claim = next(c for c in copy.claims if c.id == claim_id)
        for q in quantities(claim):
            if q.start == amount.start:
                for name, value in change.items():
                    setattr(q, name, value)
        return score("seed", copy, gold)

    wrong = altered({"value": amount.value + 1})  # still "verified", on the gold's place
    assert wrong.wrong_verified == 1 and wrong.flagged == base.flagged
    flagged = altered({"verified": False})
    assert flagged.wrong_verified == 0 and flagged.flagged == base.flagged + 1
    assert flagged.extracted == wrong.extracted == base.extracted


def test_claim_layer_does_not_regress(report) -> None:  # type: ignore[no-untyped-def]
    layer = report.claims_total
    assert layer is not None, "tests/data/gold-claims is missing"
    assert (layer.lines, layer.lines_high, layer.contradictions) == (57, 41, 1)
    for what, (high, every) in MIN_CLAIM_LAYER.items():
        assert getattr(layer, f"{what}_ok_high") >= high, report.claim_table()
        assert getattr(layer, f"{what}_ok") >= every, report.claim_table()
    assert sum(layer.claim_types.values()) == sum(len(run(d.name).claims) for d in report.docs)
