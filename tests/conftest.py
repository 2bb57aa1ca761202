"""Shared fixtures: the example articles and the gold annotations copied from shared/."""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
GOLD = Path(__file__).resolve().parent / "data" / "gold"
SEED = EXAMPLES / "koree-du-nord-russie.txt"


@dataclass(frozen=True)
class GoldMention:
    file: str
    start: int
    end: int
    text: str
    value: Decimal
    high: Decimal | None
    kind: str
    qualifier: str


def body(name: str) -> str:
    """The annotated body of a gold file: the seed whole, a Wikinews text minus its SOURCE line."""
    if name == "seed":
        return SEED.read_text(encoding="utf-8")
    return (EXAMPLES / f"{name}.txt").read_text(encoding="utf-8").split("\n", 1)[1]


def gold(name: str) -> list[GoldMention]:
    rows = []
    for line in (GOLD / f"{name}.jsonl").read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        rows.append(
            GoldMention(
                d["file"],
                d["start"],
                d["end"],
                d["text"],
                Decimal(d["value"]),
                Decimal(d["high"]) if "high" in d else None,
                d["kind"],
                d["qualifier"],
            )
        )
    return rows


GOLD_FILES = [
    "seed",
    "wikinews-001",
    "wikinews-002",
    "wikinews-003",
    "wikinews-004",
    "wikinews-005",
]


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")
