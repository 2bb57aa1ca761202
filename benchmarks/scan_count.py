"""How many times one extract() scans its text: find_numbers and text-sized typographic views.

Replays the seed cassette (no model), with counting wrappers over every module's reference to
the two functions. Run: python -m benchmarks.scan_count
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

import claimex
import claimex.numbers
import claimex.text
from claimex.local import LOCAL_MODEL
from tests.replay import REPLAY_BASE_URL, replay
from tests.test_extract_replay import CASES, article


def count_scans(name: str = "seed") -> dict[str, int]:
    """Calls of find_numbers and of typographic_view on a text (not a quote) during extract()."""
    counts = {"find_numbers": 0, "typographic_view": 0}
    text = article(name)
    originals: dict[str, Callable[..., Any]] = {
        "find_numbers": claimex.numbers.find_numbers,
        "typographic_view": claimex.text.typographic_view,
    }

    def counting(fname: str) -> Callable[..., Any]:
        original = originals[fname]

        def wrapper(raw: str, *args: Any, **kwargs: Any) -> Any:
            if fname == "find_numbers" or len(raw) >= len(text) // 4:  # a text or chunk
                counts[fname] += 1
            return original(raw, *args, **kwargs)

        return wrapper

    patched: list[tuple[Any, str]] = []
    for module in [m for k, m in sys.modules.items() if k.startswith("claimex")]:
        for fname, original in originals.items():
            if getattr(module, fname, None) is original:
                setattr(module, fname, counting(fname))
                patched.append((module, fname))
    try:
        with replay(name):
            claimex.extract(
                text,
                base_url=REPLAY_BASE_URL,
                model=LOCAL_MODEL.name,
                server_kind="llama-cpp",
                api_key="not-a-real-key",
                **CASES[name][1],
            )
    finally:
        for module, fname in patched:
            setattr(module, fname, originals[fname])
    return counts


if __name__ == "__main__":
    for case in sys.argv[1:] or ["seed"]:
        print(case, count_scans(case))
