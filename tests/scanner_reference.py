"""The scanner's recorded output on many texts, so a rewrite for speed cannot change one field.

``tests/data/scanner_reference.json`` holds every field of every mention ``find_numbers`` gave,
at the commit that wrote it, on: the example articles (``examples/``, the corpus of
``benchmarks/bench_scanner.py``), every input of the peer suites (``../shared/peer-suites``,
keyed by a hash: the suites are not copied here), every string literal of the scanner's tests,
and texts drawn with a fixed seed from the number alphabet of ``test_numbers_fuzz.py``.

Regenerate (only when a change of output is intended, and say so in the commit)::

    python -m tests.scanner_reference
"""

from __future__ import annotations

import ast
import hashlib
import json
import random
from collections.abc import Iterator
from pathlib import Path

from claimex import find_numbers
from claimex.numbers import NumberMention

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = Path(__file__).resolve().parent / "data" / "scanner_reference.json"
PEER_SUITES = ROOT.parent / "shared" / "peer-suites"
# the tests whose string literals are inputs worth keeping
LITERAL_SOURCES = (
    "test_numbers.py",
    "test_numbers_constructs.py",
    "test_numbers_properties.py",
    "test_numbers_fuzz.py",
    "test_validation.py",
    "test_attribution.py",
)
GENERATED = 2000
SEED = 13

Row = list[object]  # start, end, text, value, kind, qualifier, unit, high


def row(m: NumberMention) -> Row:
    """Every field of a mention, the Decimals as written (``1.5E+6`` differs from ``1500000``)."""
    high = None if m.high is None else str(m.high)
    return [m.start, m.end, m.text, str(m.value), m.kind.value, m.qualifier.value, m.unit, high]


def scan(text: str) -> list[Row]:
    return [row(m) for m in find_numbers(text)]


def text_key(text: str) -> str:
    """The key of a peer-suite input: its hash, so that the suite's text is not copied here."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


def example_texts() -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*"))}


def peer_suite_texts() -> list[str]:
    """Every input text of the peer suites, scored or skipped (empty when they are absent)."""
    if not PEER_SUITES.is_dir():
        return []
    from benchmarks.peer_suites import load_all

    texts: set[str] = set()
    for collector in load_all(PEER_SUITES):
        texts.update(case.text for case in collector.cases)
        texts.update(skip.text for skip in collector.skipped)
    return sorted(texts)


def literal_texts() -> list[str]:
    """The string literals of the scanner's tests that hold a digit or a letter."""
    found: set[str] = set()
    for name in LITERAL_SOURCES:
        tree = ast.parse((ROOT / "tests" / name).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and any(c.isalnum() for c in node.value)
            ):
                found.add(node.value)
    return sorted(found)


def generated_texts(n: int = GENERATED, seed: int = SEED) -> Iterator[str]:
    """Texts of the number alphabet, drawn with a fixed seed (the fuzz tests' tokens)."""
    from tests.test_numbers_fuzz import ODD_DIGITS, SCALES, SIGNS, SPACES, WORDS

    extra = (
        "Le La Boeing A380 KN-23 article version Tél. +33 janvier 2005 1er XXIe III km "
        "recule passe augmente de à et environ au moins jusqu'à plus de près de entre les "
        "soldats millions d'euros % pour-cent h heures 13h30 29/11/2018 2004-2005 60/20/20 "
        "3/4 ½ double triple quadrupler une demi-douzaine sur un sur trois"
    ).split()
    rng = random.Random(seed)
    pools: list[list[str]] = [WORDS, SCALES, SIGNS, ODD_DIGITS, extra]
    for _ in range(n):
        parts: list[str] = []
        for _ in range(rng.randint(1, 10)):
            kind = rng.randrange(7)
            if kind < 5:
                token = rng.choice(pools[kind])
            elif kind == 5:
                token = str(rng.randint(0, 10 ** rng.randint(1, 7)))
            else:
                groups = [str(rng.randint(1, 999))]
                groups += [f"{rng.randint(0, 999):03d}" for _ in range(rng.randint(1, 3))]
                token = rng.choice([" ", "\u00a0", "\u202f", "."]).join(groups)
                if rng.random() < 0.3:
                    token += "," + str(rng.randint(0, 99))
            parts.append(token + rng.choice(SPACES))
        yield "".join(parts)


def build() -> dict[str, dict[str, list[Row]]]:
    texts = sorted({*literal_texts(), *generated_texts()})
    return {
        "examples": {name: scan(text) for name, text in example_texts().items()},
        "peer_suites": {text_key(text): scan(text) for text in peer_suite_texts()},
        "texts": {text: scan(text) for text in texts},
    }


def write(reference: dict[str, dict[str, list[Row]]], path: Path = REFERENCE) -> None:
    """Compact JSON, one text per line, so that a change shows as a readable diff."""
    lines = ["{"]
    for i, (section, entries) in enumerate(reference.items()):
        lines.append(f"{json.dumps(section)}: {{")
        items = list(entries.items())
        for j, (key, rows) in enumerate(items):
            comma = "," if j < len(items) - 1 else ""
            dumped = json.dumps(rows, ensure_ascii=False, separators=(",", ":"))
            lines.append(f"{json.dumps(key, ensure_ascii=False)}:{dumped}{comma}")
        lines.append("}," if i < len(reference) - 1 else "}")
    lines.append("}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def load(path: Path = REFERENCE) -> dict[str, dict[str, list[Row]]]:
    data: dict[str, dict[str, list[Row]]] = json.loads(path.read_text(encoding="utf-8"))
    return data


if __name__ == "__main__":
    ref = build()
    write(ref)
    print({section: len(entries) for section, entries in ref.items()}, "->", REFERENCE)
