"""The scanner and the validator on the blind annotations (issue 13): floors at what they measure.

The annotations are in ``tests/data/blind`` (see its README); ``benchmarks/scanner_vs_gold.py``
prints every disagreement. A floor here may only go up.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.scanner_vs_gold import ScannerScore, check_claims, score_folder
from claimex.evaluation import gold_texts

ROOT = Path(__file__).resolve().parent.parent
BLIND = ROOT / "tests" / "data" / "blind"
WRITTEN_SETS = (
    "institutional", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
    "sixteenth", "seventeenth", "eighteenth",
    "nineteenth",
)  # fmt: skip
# each set: (its annotations, its texts); the Wikinews texts are the corpus files in examples/
SETS = {"wikinews": (BLIND / "wikinews", ROOT / "examples")} | {
    name: (BLIND / name, BLIND / name) for name in WRITTEN_SETS
}
# amounts: (recalled, gold, right, reported), on all the texts of a set
AMOUNT_FLOORS = {
    "wikinews": (159, 159, 159, 160),
    "institutional": (188, 188, 188, 190),
    "second": (339, 342, 339, 340),
    "third": (354, 355, 354, 354),
    "fourth": (306, 316, 306, 314),
    "fifth": (306, 306, 306, 307),
    "sixth": (1024, 1040, 1024, 1044),
    "seventh": (977, 1022, 977, 997),
    "eighth": (1440, 1463, 1440, 1468),
    "ninth": (1173, 1185, 1173, 1185),
    "tenth": (982, 991, 982, 990),
    "eleventh": (705, 715, 705, 712),
    "twelfth": (595, 596, 595, 599),
    "thirteenth": (812, 817, 812, 819),
    "fourteenth": (468, 472, 468, 473),
    "fifteenth": (817, 825, 817, 824),
    "sixteenth": (784, 809, 784, 809),
    "seventeenth": (861, 874, 861, 873),
    "eighteenth": (684, 689, 684, 693),
    "nineteenth": (733, 748, 733, 748),
}
# claims: (correct ones verified, correct, falsified ones rejected, falsified)
CLAIM_FLOORS = {
    "wikinews": (158, 159, 158, 161),
    "institutional": (188, 188, 175, 188),
    "second": (342, 342, 342, 342),
    "third": (355, 355, 355, 355),
    "fourth": (315, 316, 316, 316),
    "fifth": (305, 306, 306, 306),
    "sixth": (1034, 1040, 989, 1040),
    "seventh": (1010, 1022, 903, 1022),
    "eighth": (1430, 1463, 1342, 1463),
    "ninth": (1174, 1185, 984, 1185),
    "tenth": (979, 991, 879, 991),
    "eleventh": (708, 715, 623, 715),
    "twelfth": (595, 596, 561, 596),
    "thirteenth": (813, 817, 729, 817),
    "fourteenth": (471, 472, 449, 472),
    "fifteenth": (816, 825, 668, 825),
    "sixteenth": (803, 809, 665, 809),
    "seventeenth": (864, 874, 714, 874),
    "eighteenth": (682, 689, 661, 689),
    "nineteenth": (738, 748, 676, 748),
}


def total(name: str) -> ScannerScore:
    gold_dir, texts_dir = SETS[name]
    score = ScannerScore()
    for s in score_folder(gold_dir, texts_dir).values():
        score.add(s)
    return score


@pytest.mark.parametrize("name", SETS)
def test_amounts_found_and_nothing_else_reported_as_one(name: str) -> None:
    s = total(name)
    recalled, gold, right, reported = AMOUNT_FLOORS[name]
    assert s.gold_amounts == gold
    assert s.amounts_recalled >= recalled, "\n".join(s.lines)
    assert s.amounts_right >= right, "\n".join(s.lines)
    assert s.found_amounts - s.amounts_right <= reported - right, "\n".join(s.lines)


@pytest.mark.parametrize("name", SETS)
def test_correct_claims_verify_and_falsified_ones_do_not(name: str) -> None:
    gold_dir, texts_dir = SETS[name]
    bodies = {n: body for n, (_path, body) in gold_texts(gold_dir, texts_dir).items()}
    c = check_claims(gold_dir / "claims", bodies)
    verified, correct, rejected, falsified = CLAIM_FLOORS[name]
    assert (c.correct, c.falsified) == (correct, falsified)
    assert c.verified >= verified, "\n".join(c.lines)
    assert c.rejected >= rejected, "\n".join(c.lines)
