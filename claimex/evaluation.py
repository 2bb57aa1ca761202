"""Extraction quality against hand annotations: numeric recall, value precision, qualifiers.

The gold (``tests/data/gold``, from shared/gold) marks every numeric expression of a text with its
span, value, kind and qualifier. A gold ``quantity`` or ``percent`` mention is *covered* when an
extracted claim holds a verified ``Quantity`` that sits on that span (overlapping it) with the
gold value and range end. Numbers presented as verified that disagree with the gold at their
place are counted as *wrong*: the figure that must stay at 0.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from pydantic import BaseModel

from claimex.document import strip_source_header
from claimex.errors import ConfigurationError
from claimex.extract import Extraction
from claimex.schemas import Quantity, iter_quantities

__all__ = ["DocScore", "EvalReport", "GoldMention", "evaluate", "load_gold", "score"]

AMOUNT_GOLD_KINDS = ("quantity", "percent")


@dataclass(frozen=True)
class GoldMention:
    start: int
    end: int
    text: str
    value: Decimal
    high: Decimal | None
    kind: str
    qualifier: str


def load_gold(path: Path) -> list[GoldMention]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        d = json.loads(line)
        rows.append(
            GoldMention(
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


def gold_texts(gold_dir: Path, texts_dir: Path) -> dict[str, tuple[Path, str]]:
    """Each gold file's name, its text file and the annotated body of that text.

    ``manifest.json`` in the gold folder maps names to file names; otherwise ``NAME.txt``. A
    first line starting with ``SOURCE:`` is the corpus attribution header and not annotated.
    """
    manifest_path = gold_dir / "manifest.json"
    manifest: dict[str, str] = (
        json.loads(manifest_path.read_text(encoding="utf-8")) if manifest_path.exists() else {}
    )
    out = {}
    for gold_file in sorted(gold_dir.glob("*.jsonl")):
        name = gold_file.stem
        text_path = texts_dir / manifest.get(name, f"{name}.txt")
        raw = text_path.read_text(encoding="utf-8")
        out[name] = (text_path, strip_source_header(raw))
    return out


class DocScore(BaseModel):
    """The figures of one document (or of all, in ``EvalReport.total``)."""

    name: str
    gold: int = 0
    covered: int = 0
    extracted: int = 0
    verified_on_gold: int = 0
    qualifier_ok: int = 0
    wrong_verified: int = 0
    verified_off_gold: int = 0
    flagged: int = 0
    reasks: int = 0
    calls: int = 0
    tokens_in: int = 0
    tokens_out: int = 0
    wall_seconds: float = 0.0
    missed: list[str] = []

    @property
    def recall(self) -> float:
        return self.covered / self.gold if self.gold else 0.0

    @property
    def precision(self) -> float:
        return self.verified_on_gold / self.extracted if self.extracted else 0.0

    @property
    def qualifier_accuracy(self) -> float:
        return self.qualifier_ok / self.covered if self.covered else 0.0

    def add(self, other: DocScore) -> None:
        for name in type(self).model_fields:
            if name in ("name", "missed"):
                continue
            setattr(self, name, getattr(self, name) + getattr(other, name))


class EvalReport(BaseModel):
    docs: list[DocScore]
    total: DocScore

    def rows(self) -> list[dict[str, object]]:
        out = []
        for d in [*self.docs, self.total]:
            out.append(
                {
                    "doc": d.name,
                    "gold": d.gold,
                    "covered": d.covered,
                    "recall": round(d.recall, 3),
                    "precision": round(d.precision, 3),
                    "qualifier_acc": round(d.qualifier_accuracy, 3),
                    "wrong_verified": d.wrong_verified,
                    "flagged": d.flagged,
                    "reasks": d.reasks,
                    "calls": d.calls,
                    "tokens_in": d.tokens_in,
                    "tokens_out": d.tokens_out,
                    "wall_s": round(d.wall_seconds, 1),
                }
            )
        return out

    def table(self) -> str:
        rows = self.rows()
        cols = list(rows[0])
        widths = {c: max(len(c), *(len(str(r[c])) for r in rows)) for c in cols}
        lines = ["  ".join(c.rjust(widths[c]) if c != "doc" else c.ljust(widths[c]) for c in cols)]
        for r in rows:
            lines.append(
                "  ".join(
                    str(r[c]).rjust(widths[c]) if c != "doc" else str(r[c]).ljust(widths[c])
                    for c in cols
                )
            )
        return "\n".join(lines)

    def to_json(self) -> str:
        return json.dumps(
            {"rows": self.rows(), "missed": {d.name: d.missed for d in self.docs}},
            ensure_ascii=False,
            indent=2,
        )


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def score(name: str, result: Extraction, gold: Iterable[GoldMention]) -> DocScore:
    """Score one extraction against the gold of its text."""
    gold = list(gold)
    amounts = [g for g in gold if g.kind in AMOUNT_GOLD_KINDS]
    doc = DocScore(name=name, gold=len(amounts))
    quantities: list[Quantity] = [n for c in result.claims for _p, n, _e in iter_quantities(c)]
    doc.extracted = len(quantities)
    verified = [q for q in quantities if q.verified and q.start is not None and q.end is not None]
    doc.flagged = len(quantities) - len(verified)
    for q in verified:
        assert q.start is not None and q.end is not None
        at = [g for g in gold if _overlaps(g.start, g.end, q.start, q.end)]
        if not at:
            doc.verified_off_gold += 1
            continue
        if any(g.kind in AMOUNT_GOLD_KINDS for g in at):
            doc.verified_on_gold += 1
        if not any(g.value == q.value and g.high == q.high for g in at):
            doc.wrong_verified += 1
    for g in amounts:
        on = [
            q
            for q in verified
            if _overlaps(g.start, g.end, q.start or 0, q.end or 0)
            and q.value == g.value
            and q.high == g.high
        ]
        if on:
            doc.covered += 1
            doc.qualifier_ok += any(q.qualifier.value == g.qualifier for q in on)
        else:
            doc.missed.append(f"{g.text} ({g.start})")
    p = result.provenance
    doc.reasks, doc.calls = p.reasks, p.calls
    doc.tokens_in, doc.tokens_out, doc.wall_seconds = p.tokens_in, p.tokens_out, p.wall_seconds
    return doc


def evaluate(
    gold_dir: Path,
    texts_dir: Path,
    *,
    extract: Callable[[str, str], Extraction] | None = None,
    results_dir: Path | None = None,
    save_dir: Path | None = None,
) -> EvalReport:
    """Score every gold document. Results come from ``results_dir`` (``NAME.json`` files of
    ``Extraction``) when given, else from ``extract(name, text)``; ``save_dir`` keeps them."""
    docs = []
    total = DocScore(name="TOTAL")
    for name, (_path, body) in gold_texts(gold_dir, texts_dir).items():
        if results_dir is not None:
            result = Extraction.model_validate_json(
                (results_dir / f"{name}.json").read_text(encoding="utf-8")
            )
        elif extract is not None:
            t0 = time.perf_counter()
            result = extract(name, body)
            if not result.provenance.wall_seconds:
                result.provenance.wall_seconds = time.perf_counter() - t0
        else:
            raise ConfigurationError("give results_dir or extract")
        if save_dir is not None:
            save_dir.mkdir(parents=True, exist_ok=True)
            (save_dir / f"{name}.json").write_text(
                result.model_dump_json(indent=1), encoding="utf-8"
            )
        doc = score(name, result, load_gold(gold_dir / f"{name}.jsonl"))
        docs.append(doc)
        total.add(doc)
    return EvalReport(docs=docs, total=total)
