"""Contradiction claims from the sentences where the text says who contradicts whom. Pure.

``claimex.contradiction`` reads the frame (*Les déclarations de M. X contredisent les
informations diffusées par Y*); here it becomes claims a fact-checker can follow: the
contradicted words as a ``StatementClaim`` of their source, and a ``ContradictionClaim`` that
links it to the claims of the contradicting asserter in the same paragraph (his declarations,
numbers included). When no claim of that asserter is there, the contradicting sentence itself
stands for his side. The text states the contradiction: the ``ContradictionClaim`` is the
article's, its cue the frame's words. Every quote is a slice of the text, so the validator
places it like any other.
"""

from __future__ import annotations

from collections.abc import Sequence

from claimex.attribution import line_span
from claimex.contradiction import Disagreement
from claimex.document import Document
from claimex.names import same_asserter
from claimex.schemas import (
    Attribution,
    AttributionKind,
    BaseClaim,
    ContradictionClaim,
    EpistemicStatus,
    Evidence,
    StatementClaim,
)

__all__ = ["contradiction_claims"]


def _claims_of(
    claims: Sequence[BaseClaim], d: Disagreement, paragraph: tuple[int, int]
) -> list[BaseClaim]:
    """The claims the contradicting asserter makes in the disagreement's paragraph."""
    lo, hi = paragraph
    return [
        c
        for c in claims
        if not isinstance(c, ContradictionClaim)
        and c.attribution.source
        and same_asserter(c.attribution.source, d.asserter)
        and c.evidence.start is not None
        and lo <= c.evidence.start < hi
    ]


def _statement(
    claim_id: str,
    text: str,
    span: tuple[int, int],
    source: str,
    kind: AttributionKind,
    status: EpistemicStatus,
    cue: str,
) -> StatementClaim:
    quote = text[span[0] : span[1]]
    return StatementClaim(
        id=claim_id,
        summary=quote,
        content=quote,
        evidence=Evidence(quote=quote, start=span[0]),  # its own place, not an earlier repeat
        attribution=Attribution(
            source=source,
            kind=kind if source else AttributionKind.ARTICLE,
            cue=cue if source else "",
        ),
        status=status,
    )


def contradiction_claims(
    claims: Sequence[BaseClaim], doc: Document, *, next_id: int
) -> list[BaseClaim]:
    """New claims for each disagreement of ``doc`` with a named asserter: what is contradicted,
    the asserter's side when no claim of ``claims`` carries it, and the contradiction linking
    them. Ids are ``c{next_id}``, ``c{next_id + 1}``..."""
    out: list[BaseClaim] = []
    for d in doc.disagreements:
        if not d.asserter:
            continue
        sentence = doc.trimmed(d.sentence)
        said = doc.text[sentence[0] : sentence[1]]
        side = [c.id for c in _claims_of(claims, d, line_span(doc.text, *d.sentence))]
        if not side:
            side = [f"c{next_id + len(out)}"]
            out.append(_statement(side[0], doc.text, sentence, d.asserter, d.asserter_kind,
                                  EpistemicStatus.ASSERTED, d.cue))  # fmt: skip
        target_id = f"c{next_id + len(out)}"
        # a contradicted figure is still asserted by its source (gold-claims rule 15); words
        # the text attributes to nobody are reported
        status = EpistemicStatus.ASSERTED if d.target_source else EpistemicStatus.REPORTED
        out.append(_statement(target_id, doc.text, d.target, d.target_source, d.target_kind,
                              status, ""))  # fmt: skip
        out.append(
            ContradictionClaim(
                id=f"c{next_id + len(out)}",
                summary=said,
                claim_ids=[*side, target_id],
                point=said,
                evidence=Evidence(quote=said, start=sentence[0]),
                attribution=Attribution(kind=AttributionKind.ARTICLE, cue=d.cue),
            )
        )
    return out
