"""Chunks' claims put back together: global ids, offsets forgotten, repeated claims dropped."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from claimex.chunking import Chunk
from claimex.schemas import (
    BaseClaim,
    ContradictionClaim,
    Evidence,
    Quantity,
    iter_parts,
    iter_quantities,
)
from claimex.validation import ValidationReport

__all__ = ["dedupe", "drop_dangling_links", "renumber"]


def _reset_offsets(claim: BaseClaim, chunk: Chunk) -> None:
    """Forget the offsets found so far; an evidence start inside the chunk stays as the search
    hint (code sets it where a quote repeats a sentence of the text), else the chunk's start.
    A hint only picks the nearest of the places where the quote is found."""
    for _path, node, _ev in iter_parts(claim):
        if isinstance(node, Evidence):
            inside = node.start is not None and chunk.start <= node.start < chunk.end
            node.start, node.end = (node.start if inside else chunk.start), None
        elif isinstance(node, Quantity):
            node.start = node.end = None
            node.verified = None


def renumber(per_chunk: list[list[BaseClaim]], chunks: Sequence[Chunk]) -> list[BaseClaim]:
    """Global ids c1, c2, ... across chunks; contradictions follow their claims' new ids."""
    out: list[BaseClaim] = []
    for chunk, claims in zip(chunks, per_chunk, strict=True):
        mapping: dict[str, str] = {}
        for claim in claims:
            new_id = f"c{len(out) + 1}"
            if claim.id:
                mapping.setdefault(claim.id, new_id)
            claim.id = new_id
            _reset_offsets(claim, chunk)
            out.append(claim)
        for claim in claims:
            if isinstance(claim, ContradictionClaim):
                claim.claim_ids = [mapping.get(i, i) for i in claim.claim_ids]
    return out


def dedupe(report: ValidationReport) -> tuple[list[BaseClaim], dict[str, str]]:
    """Drop repeated claims (same type, quote span and numbers: chunk borders, a second pass
    restating a first answer), then number the rest c1, c2, ... again; contradictions follow.

    Returns the claims kept and, for each, its old id -> its new id.
    """
    first: dict[tuple[Any, ...], BaseClaim] = {}
    alias: dict[str, str] = {}
    keep: list[BaseClaim] = []
    for claim in report.claims:
        numbers = tuple((n.start, n.end, str(n.value)) for _p, n, _e in iter_quantities(claim))
        key = (claim.type, claim.evidence.start, claim.evidence.end, numbers)
        if key in first:
            alias[claim.id] = first[key].id
            continue
        first[key] = claim
        keep.append(claim)
    ids = {claim.id: claim.id for claim in keep}
    if alias:
        renamed: dict[str, str] = {}
        for n, claim in enumerate(keep, 1):
            renamed[claim.id] = ids[claim.id] = f"c{n}"
            claim.id = f"c{n}"
        for dropped, kept in alias.items():
            renamed[dropped] = renamed[kept]
        for claim in keep:
            if isinstance(claim, ContradictionClaim):
                claim.claim_ids = [renamed.get(i, i) for i in claim.claim_ids]
    return keep, ids


def drop_dangling_links(claims: list[BaseClaim]) -> list[BaseClaim]:
    """``claims`` without the ids of claims no longer there in their contradictions, and without
    the contradictions left linking fewer than two (a link must name both sides)."""
    while True:
        ids = {c.id for c in claims}
        kept: list[BaseClaim] = []
        for claim in claims:
            if isinstance(claim, ContradictionClaim):
                linked = [i for i in claim.claim_ids if i in ids]
                if len(linked) < 2:
                    continue
                if linked != claim.claim_ids:
                    claim = claim.model_copy(update={"claim_ids": linked})
            kept.append(claim)
        if len(kept) == len(claims):
            return kept
        claims = kept
