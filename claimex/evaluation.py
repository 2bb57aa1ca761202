"""Extraction quality against hand annotations: numeric recall, value precision, qualifiers.

The gold (``tests/data/gold``, from shared/gold) marks every numeric expression of a text with its
span, value, kind and qualifier. A gold ``quantity`` or ``percent`` mention is *covered* when an
extracted claim holds a verified ``Quantity`` that sits on that span (overlapping it) with the
gold value and range end. Numbers presented as verified that disagree with the gold at their
place are counted as *wrong*: the figure that must stay at 0.

The claims gold (``tests/data/gold-claims``, from shared/gold-claims) says, for every gold amount,
who asserts it, how (attribution kind) and how firmly (status), with a confidence. On covered
amounts, ``score_claims`` measures how often the claims agree, on high-confidence lines and on
all lines, counts the claim types, and checks the contradictions listed in ``contradictions.json``.
"""

from __future__ import annotations

import json
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from claimex.attribution import read_amount
from claimex.document import strip_source_header
from claimex.errors import ConfigurationError
from claimex.extract import Extraction
from claimex.names import source_matches
from claimex.schemas import BaseClaim, ContradictionClaim, Quantity, iter_quantities
from claimex.text import typographic_view

__all__ = [
    "ClaimLayerScore",
    "DocScore",
    "EvalReport",
    "GoldClaim",
    "GoldContradiction",
    "GoldMention",
    "covering_claims",
    "evaluate",
    "load_contradictions",
    "load_gold",
    "load_gold_claims",
    "score",
    "score_claims",
    "score_grammar",
    "source_matches",
]

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


def _jsonl(path: Path) -> list[dict[str, Any]]:
    """The objects of a JSON Lines file, blank lines skipped."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def load_gold(path: Path) -> list[GoldMention]:
    rows = []
    for d in _jsonl(path):
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


@dataclass(frozen=True)
class GoldClaim:
    """One line of the claims gold (``gold-claims/NAME.jsonl``): who asserts an amount, and how."""

    start: int
    end: int
    text: str
    subject: str
    source: str
    source_aliases: tuple[str, ...]
    attribution_kind: str
    status: str
    confidence: str


def load_gold_claims(path: Path) -> list[GoldClaim]:
    rows = []
    for d in _jsonl(path):
        rows.append(
            GoldClaim(
                d["start"],
                d["end"],
                d["text"],
                d["subject"],
                d["source"],
                tuple(d["source_aliases"]),
                d["attribution_kind"],
                d["status"],
                d["confidence"],
            )
        )
    return rows


@dataclass(frozen=True)
class GoldContradiction:
    """A contradiction to find: a gold amount on one side, the span stating the other side."""

    amount: tuple[int, int]
    other: tuple[int, int]


def load_contradictions(path: Path) -> dict[str, list[GoldContradiction]]:
    """``contradictions.json`` of a claims gold folder, by text name (empty when absent)."""
    if not path.exists():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {
        name: [
            GoldContradiction(
                (c["amount"]["start"], c["amount"]["end"]), (c["other"]["start"], c["other"]["end"])
            )
            for c in items
        ]
        for name, items in data.items()
        if isinstance(items, list)
    }


class ClaimLayerScore(BaseModel):
    """The claim layer of one document (or of all): on covered gold amounts, whether the claims
    name the right asserter, attribution kind and status; the claim types; the contradictions."""

    name: str
    lines: int = 0
    lines_high: int = 0
    covered: int = 0
    covered_high: int = 0
    source_ok: int = 0
    source_ok_high: int = 0
    kind_ok: int = 0
    kind_ok_high: int = 0
    status_ok: int = 0
    status_ok_high: int = 0
    subject_ok: int = 0
    subject_ok_high: int = 0
    contradictions: int = 0
    contradictions_linked: int = 0
    claim_types: dict[str, int] = {}

    def accuracy(self, what: str, *, high: bool) -> float:
        """``what`` is ``source``, ``kind``, ``status`` or ``subject``; share of covered (high)
        lines right."""
        ok = getattr(self, f"{what}_ok_high" if high else f"{what}_ok")
        n = self.covered_high if high else self.covered
        return float(ok) / n if n else 0.0

    def add(self, other: ClaimLayerScore) -> None:
        for name in type(self).model_fields:
            if name == "claim_types":
                self.claim_types = dict(Counter(self.claim_types) + Counter(other.claim_types))
            elif name != "name":
                setattr(self, name, getattr(self, name) + getattr(other, name))

    def row(self) -> dict[str, object]:
        return {
            "doc": self.name,
            "lines": self.lines,
            "covered": self.covered,
            "covered_high": self.covered_high,
            "source_high": round(self.accuracy("source", high=True), 3),
            "source_all": round(self.accuracy("source", high=False), 3),
            "kind_high": round(self.accuracy("kind", high=True), 3),
            "kind_all": round(self.accuracy("kind", high=False), 3),
            "status_high": round(self.accuracy("status", high=True), 3),
            "status_all": round(self.accuracy("status", high=False), 3),
            "subject_high": round(self.accuracy("subject", high=True), 3),
            "subject_all": round(self.accuracy("subject", high=False), 3),
            "contradictions": f"{self.contradictions_linked}/{self.contradictions}",
            "types": " ".join(f"{k}:{v}" for k, v in sorted(self.claim_types.items())),
        }


def _quantities(claim: BaseClaim) -> list[Quantity]:
    return [n for _p, n, _e in iter_quantities(claim)]


def _on_gold(q: Quantity, g: GoldMention) -> bool:
    """A verified quantity that sits on the gold mention with its value and range end."""
    return (
        bool(q.verified)
        and q.start is not None
        and q.end is not None
        and _overlaps(g.start, g.end, q.start, q.end)
        and q.value == g.value
        and q.high == g.high
    )


def covering_claims(result: Extraction, mention: GoldMention) -> list[BaseClaim]:
    """The claims of ``result`` whose verified quantity covers the gold mention."""
    return [c for c in result.claims if any(_on_gold(q, mention) for q in _quantities(c))]


def _stem(word: str) -> str:
    """A word lower-cased, typography normalised, without a plural ending (soldats ~ soldat)."""
    w = typographic_view(word).text
    return w[:-1] if len(w) > 3 and w[-1] in "sx" else w


def _subject_head(subject: str) -> str | None:
    """The head of a gold subject: its first word that is not a determiner (the counted noun:
    'soldats' of 'soldats nord-coréens tués', 'prix' of 'prix total de la commande')."""
    words = [w for w in re.findall(r"[^\W\d_][\w-]*", subject) if w.lower() not in _DETERMINERS]
    return _stem(words[0]) if words else None


_DETERMINERS = frozenset("le la les l un une des du de d ce ces cet cette".split())


def subject_matches(predicted: str, gold_subject: str) -> bool:
    """Whether a claim's subject names what the gold says is counted: it holds the gold
    subject's head noun, plural aside (a loose test: 'soldats nord-coréens' passes for 'soldats
    nord-coréens tués au cours de leur engagement', 'agence de renseignement' does not)."""
    head = _subject_head(gold_subject)
    said = {_stem(w) for w in re.findall(r"[\w-]+", predicted)}
    return head is not None and head in said


def _checks(
    line: GoldClaim, predicted: Iterable[tuple[str, str, str, str | None]]
) -> dict[str, bool]:
    """Whether every (source, attribution kind, status, subject) predicted for a gold line is
    right; a subject of ``None`` (code alone names none) is wrong."""
    predicted = list(predicted)
    return {
        "source": all(source_matches(p[0], line.source, line.source_aliases) for p in predicted),
        "kind": all(p[1] == line.attribution_kind for p in predicted),
        "status": all(p[2] == line.status for p in predicted),
        "subject": all(p[3] is not None and subject_matches(p[3], line.subject) for p in predicted),
    }


def claim_subject(claim: BaseClaim) -> str:
    """What a claim says is counted or stated: a quantitative claim's subject, a forecast's
    ``what``, a statement's content, else its summary."""
    for field in ("subject", "what", "content"):
        value = getattr(claim, field, None)
        if isinstance(value, str) and value:
            return value
    return claim.summary


def _tally(doc: ClaimLayerScore, line: GoldClaim, checks: dict[str, bool]) -> None:
    high = line.confidence == "high"
    doc.covered += 1
    doc.covered_high += high
    for what, ok in checks.items():
        setattr(doc, f"{what}_ok", getattr(doc, f"{what}_ok") + ok)
        setattr(doc, f"{what}_ok_high", getattr(doc, f"{what}_ok_high") + (ok and high))


def score_grammar(name: str, text: str, gold_claims: Iterable[GoldClaim]) -> ClaimLayerScore:
    """The claim layer that code alone derives (``claimex.attribution``, no model) for every
    gold amount, scored like ``score_claims``: every amount counts as covered."""
    doc = ClaimLayerScore(name=name)
    for line in gold_claims:
        doc.lines += 1
        doc.lines_high += line.confidence == "high"
        r = read_amount(text, line.start, line.end)
        predicted = (r.attribution.source, r.attribution.kind.value, r.status.status.value, None)
        _tally(doc, line, _checks(line, [predicted]))
    return doc


def score_claims(
    name: str,
    result: Extraction,
    gold: Iterable[GoldMention],
    gold_claims: Iterable[GoldClaim],
    contradictions: Sequence[GoldContradiction] = (),
) -> ClaimLayerScore:
    """Score the claim layer of one extraction.

    A covered gold amount is right on source (``source_matches``), attribution kind or status
    when *every* claim covering it is: two claims that disagree about who said a number leave
    the reader unsure. A contradiction is linked when a ``ContradictionClaim`` names a claim
    covering its amount and another claim whose evidence overlaps the other side.
    """
    mentions = {(g.start, g.end): g for g in gold}
    doc = ClaimLayerScore(name=name, claim_types=dict(Counter(c.type for c in result.claims)))
    for line in gold_claims:
        high = line.confidence == "high"
        doc.lines += 1
        doc.lines_high += high
        mention = mentions.get((line.start, line.end))
        claims = covering_claims(result, mention) if mention is not None else []
        if not claims:
            continue
        checks = _checks(
            line,
            [
                (c.attribution.source, c.attribution.kind.value, c.status.value, claim_subject(c))
                for c in claims
            ],
        )
        _tally(doc, line, checks)
    for expected in contradictions:
        doc.contradictions += 1
        mention = mentions.get(expected.amount)
        one = {c.id for c in covering_claims(result, mention)} if mention is not None else set()
        other = {
            c.id
            for c in result.claims
            if c.evidence.start is not None
            and c.evidence.end is not None
            and _overlaps(c.evidence.start, c.evidence.end, *expected.other)
        } - one
        links = [set(c.claim_ids) for c in result.claims if isinstance(c, ContradictionClaim)]
        doc.contradictions_linked += any(one & ids and other & ids for ids in links)
    return doc


class EvalReport(BaseModel):
    docs: list[DocScore]
    total: DocScore
    claims: list[ClaimLayerScore] = []
    claims_total: ClaimLayerScore | None = None

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
        return _render(self.rows())

    def claim_rows(self) -> list[dict[str, object]]:
        """The claim layer, one row per document and the total (empty without claims gold)."""
        if self.claims_total is None:
            return []
        return [d.row() for d in [*self.claims, self.claims_total]]

    def claim_table(self) -> str:
        rows = self.claim_rows()
        return _render(rows) if rows else ""

    def to_json(self) -> str:
        data: dict[str, object] = {
            "rows": self.rows(),
            "missed": {d.name: d.missed for d in self.docs},
        }
        if self.claims_total is not None:
            data["claims"] = self.claim_rows()
        return json.dumps(data, ensure_ascii=False, indent=2)


def _render(rows: list[dict[str, object]]) -> str:
    """Rows as aligned text columns, the ``doc`` column on the left."""
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


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def score(name: str, result: Extraction, gold: Iterable[GoldMention]) -> DocScore:
    """Score one extraction against the gold of its text."""
    gold = list(gold)
    amounts = [g for g in gold if g.kind in AMOUNT_GOLD_KINDS]
    doc = DocScore(name=name, gold=len(amounts))
    quantities = [q for claim in result.claims for q in _quantities(claim)]
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
        on = [q for q in verified if _on_gold(q, g)]
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
    claims_gold_dir: Path | None = None,
) -> EvalReport:
    """Score every gold document. Results come from ``results_dir`` (``NAME.json`` files of
    ``Extraction``) when given, else from ``extract(name, text)``; ``save_dir`` keeps them.

    The claim layer is scored too when a claims gold exists: ``claims_gold_dir``, else a
    ``gold-claims`` folder beside ``gold_dir`` (as ``tests/data`` and shared/ lay them out).
    """
    docs = []
    total = DocScore(name="TOTAL")
    claims_dir = claims_gold_dir or gold_dir.parent / "gold-claims"
    with_claims = claims_dir.is_dir()
    contradictions = load_contradictions(claims_dir / "contradictions.json")
    claim_docs: list[ClaimLayerScore] = []
    claims_total = ClaimLayerScore(name="TOTAL")
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
        gold = load_gold(gold_dir / f"{name}.jsonl")
        doc = score(name, result, gold)
        docs.append(doc)
        total.add(doc)
        claims_path = claims_dir / f"{name}.jsonl"
        if with_claims and claims_path.exists():
            layer = score_claims(
                name, result, gold, load_gold_claims(claims_path), contradictions.get(name, [])
            )
            claim_docs.append(layer)
            claims_total.add(layer)
    return EvalReport(
        docs=docs,
        total=total,
        claims=claim_docs,
        claims_total=claims_total if with_claims else None,
    )
