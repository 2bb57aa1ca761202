"""Compare find_numbers with hand annotations: spans, values, kinds, qualifiers, and the amounts.

Usage: python benchmarks/scanner_vs_gold.py [--gold DIR] [--texts DIR] [--claims DIR] [--show]

Prints, per file and in total, how many gold mentions the scanner finds with the exact span, and
of those how many have the gold value (and high), kind and qualifier; plus spurious mentions.
Then the figures issue 13 sets bars on, for quantities and percents (the amounts a claim rests
on): recall and precision (a scanner amount matches a gold amount when the spans overlap and
value and high agree), and how many things the gold calls a year, date, identifier... the scanner
reports as an amount. With ``--claims``, every hand-written claim is checked by
``verify_quantity``: correct ones should verify, falsified ones should not.

Gold folders: ``tests/data/gold`` (default: ``../shared/gold``, texts in ``examples/``), the blind sets
``tests/data/blind/gold`` (Wikinews 006-020, texts in ``examples/``) and
``tests/data/blind/institutional`` (texts beside their annotations), see its README.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from dataclasses import dataclass, field, fields
from decimal import Decimal, InvalidOperation
from pathlib import Path

from claimex import NumberMention, find_numbers, verify_quantity
from claimex.evaluation import AMOUNT_GOLD_KINDS, GoldMention, gold_texts

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class ScannerScore:
    """How one text's (or all texts') mentions compare with the gold."""

    gold: int = 0
    span: int = 0
    value: int = 0
    kind: int = 0
    qualifier: int = 0
    all: int = 0
    spurious: int = 0
    gold_amounts: int = 0
    found_amounts: int = 0
    amounts_recalled: int = 0
    amounts_right: int = 0
    amount_instead_of: Counter[str] = field(default_factory=Counter)
    lines: list[str] = field(default_factory=list)

    def add(self, other: ScannerScore) -> None:
        for f in fields(self):  # every field adds: counts, the Counter, the list of lines
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))

    @property
    def amount_recall(self) -> float:
        return self.amounts_recalled / self.gold_amounts if self.gold_amounts else 1.0

    @property
    def amount_precision(self) -> float:
        return self.amounts_right / self.found_amounts if self.found_amounts else 1.0


def _is_amount(kind: str) -> bool:
    return kind in AMOUNT_GOLD_KINDS


def _same_amount(m: NumberMention, g: GoldMention) -> bool:
    """Overlapping spans with the same value (and high), a written minus sign included."""
    return m.start < g.end and g.start < m.end and m.high == g.high and m.value == g.value


def score_text(name: str, body: str, gold: list[GoldMention]) -> ScannerScore:
    """The scanner on one annotated body; ``lines`` says every disagreement."""
    mentions = find_numbers(body)
    found = {(m.start, m.end): m for m in mentions}
    s = ScannerScore(gold=len(gold))
    gold_spans = set()
    for g in gold:
        gold_spans.add((g.start, g.end))
        m = found.get((g.start, g.end))
        if m is None:
            near = [(f.text, f.kind.value) for f in mentions if f.start < g.end and f.end > g.start]
            s.lines.append(f"MISS  {name} {g.text!r} {g.kind} {g.qualifier} near={near}")
            continue
        s.span += 1
        ok_value = m.value == g.value and m.high == g.high
        ok_kind, ok_q = m.kind.value == g.kind, m.qualifier.value == g.qualifier
        s.value += ok_value
        s.kind += ok_kind
        s.qualifier += ok_q
        s.all += ok_value and ok_kind and ok_q
        if not (ok_value and ok_kind and ok_q):
            s.lines.append(
                f"DIFF  {name} {g.text!r}: gold {g.value}/{g.high} {g.kind} {g.qualifier}"
                f" | got {m.value}/{m.high} {m.kind.value} {m.qualifier.value}"
            )
    for m in mentions:
        if (m.start, m.end) not in gold_spans:
            s.spurious += 1
            s.lines.append(f"EXTRA {name} {m.text!r} {m.kind.value} {m.value}")
    amounts = [m for m in mentions if _is_amount(m.kind.value)]
    gold_amounts = [g for g in gold if _is_amount(g.kind)]
    s.gold_amounts, s.found_amounts = len(gold_amounts), len(amounts)
    s.amounts_recalled = sum(any(_same_amount(m, g) for m in amounts) for g in gold_amounts)
    for m in amounts:
        if any(_same_amount(m, g) for g in gold_amounts):
            s.amounts_right += 1
            continue
        under = [g.kind for g in gold if g.start < m.end and m.start < g.end]
        s.amount_instead_of[under[0] if under else "nothing"] += 1
        s.lines.append(f"AMOUNT {name} {m.text!r} {m.value}/{m.high} where the gold has {under}")
    return s


def load_gold(path: Path) -> list[GoldMention]:
    """A gold file; a composite identifier kept whole ("122-5", "2001/29") counts its digits."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        d = json.loads(line)
        value = d["value"]
        try:
            Decimal(value)
        except InvalidOperation:
            value = "".join(c for c in value if c.isdecimal()) or "0"
        high = Decimal(d["high"]) if "high" in d else None
        rows.append(
            GoldMention(
                d["start"], d["end"], d["text"], Decimal(value), high, d["kind"], d["qualifier"]
            )
        )
    return rows


def score_folder(gold_dir: Path, texts_dir: Path) -> dict[str, ScannerScore]:
    """Every annotated text of a gold folder, by name."""
    return {
        name: score_text(name, body, load_gold(gold_dir / f"{name}.jsonl"))
        for name, (_path, body) in gold_texts(gold_dir, texts_dir).items()
    }


@dataclass
class ClaimCheck:
    """Hand-written claims through verify_quantity: correct ones verified, false ones rejected."""

    correct: int = 0
    verified: int = 0
    falsified: int = 0
    rejected: int = 0
    lines: list[str] = field(default_factory=list)


def check_claims(claims_dir: Path, bodies: dict[str, str]) -> ClaimCheck:
    """``claims-NAME.jsonl`` files: {quote, value, qualifier, high, correct} on NAME's body."""
    c = ClaimCheck()
    for path in sorted(claims_dir.glob("claims-*.jsonl")):
        name = path.stem.removeprefix("claims-")
        body = bodies[name]
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            claim = json.loads(line)
            verdict = verify_quantity(
                body, claim["quote"], claim["value"], claim["qualifier"], claim.get("high")
            )
            said = f"{claim['quote']!r} {claim['value']}/{claim.get('high')} {claim['qualifier']}"
            if claim["correct"]:
                c.correct += 1
                c.verified += verdict.ok
                if not verdict.ok:
                    c.lines.append(f"NOT VERIFIED {name} {said}: {verdict.message}")
            else:
                c.falsified += 1
                c.rejected += not verdict.ok
                if verdict.ok:
                    c.lines.append(f"VERIFIED A FALSE CLAIM {name} {said} ({claim.get('why')})")
    return c


def _row(name: str, s: ScannerScore) -> str:
    return (
        f"{name:22s} {s.gold:5d} {s.span:5d} {s.value:6d} {s.kind:5d} {s.qualifier:5d} {s.all:5d}"
        f" {s.spurious:6d} {s.amounts_recalled:4d}/{s.gold_amounts:<4d}"
        f" {s.amounts_right:4d}/{s.found_amounts:<4d}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--gold", type=Path, default=ROOT / "tests" / "data" / "gold")
    parser.add_argument("--texts", type=Path, help="where the texts are (default: examples/)")
    parser.add_argument("--claims", type=Path, help="a folder of claims-NAME.jsonl files")
    parser.add_argument("--show", action="store_true", help="print every disagreement")
    args = parser.parse_args()
    texts = args.texts or ROOT / "examples"
    scores = score_folder(args.gold, texts)
    total = ScannerScore()
    print(
        f"{'file':22s} {'gold':>5s} {'span':>5s} {'value':>6s} {'kind':>5s} {'qual':>5s}"
        f" {'all':>5s} {'extra':>6s} {'amount recall':>9s} {'amount prec.':>9s}"
    )
    for name, s in scores.items():
        total.add(s)
        print(_row(name, s))
    print(_row("TOTAL", total))
    if args.show:
        print("\n".join(total.lines))
    t = total
    print(
        f"span recall {t.span / t.gold:.1%}; fully correct {t.all / t.gold:.1%}; "
        f"spurious {t.spurious}"
    )
    print(
        f"amounts (quantity + percent): recall {t.amount_recall:.1%} ({t.amounts_recalled}/"
        f"{t.gold_amounts}), precision {t.amount_precision:.1%} ({t.amounts_right}/"
        f"{t.found_amounts}); reported as an amount where the gold has: "
        f"{dict(t.amount_instead_of) or 'none'}"
    )
    if args.claims:
        bodies = {name: body for name, (_p, body) in gold_texts(args.gold, texts).items()}
        c = check_claims(args.claims, bodies)
        if args.show:
            print("\n".join(c.lines))
        print(
            f"claims: {c.verified}/{c.correct} correct ones verified, {c.rejected}/{c.falsified}"
            " falsified ones rejected"
        )


if __name__ == "__main__":
    main()
