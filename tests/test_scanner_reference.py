"""find_numbers gives, field for field, the output recorded in tests/data/scanner_reference.json.

A change made for speed must not change one mention; a change of behaviour fails here until the
reference is regenerated on purpose (``python -m tests.scanner_reference``, see that module).
"""

from __future__ import annotations

import hashlib
import sys
import types
from pathlib import Path

import pytest

from claimex import _scanner, numbers
from tests.scanner_reference import (
    PEER_SUITES,
    Row,
    example_texts,
    load,
    peer_suite_texts,
    scan,
    text_key,
)

REFERENCE = load()


@pytest.fixture(params=["in use", "pure Python"])
def scanner(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """The scanner claimex uses, then the pure-Python one when that is another (a compiled
    build, see hatch_build.py): both must give the recorded output."""
    if request.param == "pure Python":
        if numbers._scan is _scanner.scan:
            pytest.skip("no compiled scanner: the pure-Python one is the one in use")
        monkeypatch.setattr(numbers, "_scan", _scanner.scan)
    return str(request.param)


def differences(expected: dict[str, list[Row]], texts: dict[str, str]) -> list[str]:
    """One line per text whose scan differs from the recorded one, naming the first difference."""
    out = []
    for key, rows in expected.items():
        found = scan(texts[key])
        if found != rows:
            first = next(
                (i for i, (a, b) in enumerate(zip(rows, found, strict=False)) if a != b),
                min(len(rows), len(found)),
            )
            want = rows[first] if first < len(rows) else "nothing"
            got = found[first] if first < len(found) else "nothing"
            out.append(f"{key!r}: mention {first}: recorded {want}, now {got}")
    return out


def test_reference_covers_many_texts_and_mentions() -> None:
    """The net is wide: the corpus, the peer suites and thousands of short texts."""
    assert len(REFERENCE["examples"]) >= 21
    assert len(REFERENCE["peer_suites"]) >= 3000
    assert len(REFERENCE["texts"]) >= 2000
    assert sum(len(rows) for section in REFERENCE.values() for rows in section.values()) > 10000


@pytest.mark.usefixtures("scanner")
def test_examples_scan_as_recorded() -> None:
    texts = example_texts()
    assert set(texts) == set(REFERENCE["examples"]), "examples/ changed: regenerate the reference"
    assert differences(REFERENCE["examples"], texts) == []


@pytest.mark.usefixtures("scanner")
def test_short_texts_scan_as_recorded() -> None:
    texts = {t: t for t in REFERENCE["texts"]}
    assert differences(REFERENCE["texts"], texts) == []


@pytest.mark.skipif(not PEER_SUITES.is_dir(), reason="../shared/peer-suites is not here")
@pytest.mark.usefixtures("scanner")
def test_peer_suite_inputs_scan_as_recorded() -> None:
    texts = {text_key(t): t for t in peer_suite_texts()}
    assert set(texts) == set(REFERENCE["peer_suites"]), "the suites changed: regenerate"
    assert differences(REFERENCE["peer_suites"], texts) == []


def test_a_changed_field_is_caught() -> None:
    """The comparison sees a single field changed (here the unit of one mention)."""
    key, rows = next((k, r) for k, r in REFERENCE["texts"].items() if r)
    altered = [[*rows[0][:6], str(rows[0][6]) + "x", rows[0][7]], *rows[1:]]
    assert differences({key: altered}, {key: key}) != []


def test_a_compiled_scanner_is_used_only_when_built_from_this_source(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A compiled scanner built from another _scanner.py would run old code: claimex warns and
    runs the pure-Python one; built from this very source, it is the one claimex runs."""
    fake = types.ModuleType("claimex._scanner_native")
    fake.__dict__.update(scan=lambda text: [], SOURCE_SHA256="0" * 64)
    monkeypatch.setitem(sys.modules, "claimex._scanner_native", fake)
    with pytest.warns(RuntimeWarning, match="built from another claimex/_scanner.py"):
        assert numbers._load_scan() is _scanner.scan
    fake.__dict__["SOURCE_SHA256"] = hashlib.sha256(
        Path(_scanner.__file__).read_bytes()
    ).hexdigest()
    assert numbers._load_scan() is fake.__dict__["scan"]
