"""Shared fixtures: the example articles and the gold annotations copied from shared/."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from claimex.document import strip_source_header
from claimex.evaluation import GoldMention, load_gold

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
GOLD = Path(__file__).resolve().parent / "data" / "gold"
SEED = EXAMPLES / "koree-du-nord-russie.txt"


def body(name: str) -> str:
    """The annotated body of a gold file: the seed whole, a Wikinews text minus its SOURCE line."""
    if name == "seed":
        return SEED.read_text(encoding="utf-8")
    return strip_source_header((EXAMPLES / f"{name}.txt").read_text(encoding="utf-8"))


def gold(name: str) -> list[GoldMention]:
    return load_gold(GOLD / f"{name}.jsonl")


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


@pytest.fixture(scope="session")
def ray_cluster() -> Iterator[Any]:
    """One local Ray cluster for the whole session (2 CPUs, no dashboard); skips without Ray."""
    ray = pytest.importorskip("ray")
    pytest.importorskip("ray.data")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    ray.data.DataContext.get_current().enable_progress_bars = False
    yield ray
    ray.shutdown()


def interruptible() -> None:
    """For ``subprocess.Popen(preexec_fn=...)``: the child takes Ctrl-C (SIGINT) as a terminal
    delivers it, even when this test run was started in the background, where the shell makes
    SIGINT ignored and every child would inherit that (and never see the interrupt)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_DFL)
