"""The one pure step from a model's claims to what the text supports, with every change listed.

``review(claims, doc)`` copies the claims, aligns their quotes (an anchor line of the message
becomes the article's words, a quote with a few letters wrong becomes the text's own), lets the
text decide what a model often gets wrong (qualifier, range end, scale, the journalistic
conditional), validates every number and returns the new claims, the validator's report and a
typed list of ``Correction``. It keeps no state and never changes its input, so the validation
inside instructor's re-ask loop and the final review of a result are the same function.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from claimex.document import Document
from claimex.schemas import BaseClaim, EpistemicStatus
from claimex.validation import Correction, ValidationReport, derive_from_text, validate

__all__ = ["Review", "review"]


@dataclass(frozen=True)
class Review:
    """New claims (offsets and verdicts filled), the report on them, and what the text changed."""

    claims: list[BaseClaim]
    report: ValidationReport
    corrections: list[Correction]

    @property
    def flagged(self) -> list[int]:
        """Indexes of the claims with a number or quote that failed."""
        return self.report.flagged


def review(
    claims: Sequence[BaseClaim],
    doc: str | Document,
    *,
    derive: bool = True,
    window: tuple[int, int] | None = None,
) -> Review:
    """Align, derive and validate copies of ``claims`` against ``doc`` (or its ``window``).

    With ``derive=False`` the model's own qualifiers, range ends, scales and statuses are judged
    as written. Corrections name claims by id (``claims[i]`` for a claim without one).
    """
    source = Document.of(doc)
    copies = [c.model_copy(deep=True) for c in claims]
    corrections = _unwrap_anchor_quotes(copies, source, window)
    if derive:
        corrections += derive_from_text(copies, source, window=window)
        corrections += _derive_status(copies)
    report = validate(copies, source, window=window)
    corrections += _exact_quotes(report, source.text)
    return Review(claims=list(report.claims), report=report, corrections=corrections)


def _name(claim: BaseClaim, index: int) -> str:
    return claim.id or f"claims[{index}]"


# A line of the anchor list, as the user message writes it: "- 17 : « ... âgées d'au moins 17 »".
_ANCHOR_LINE = re.compile(r"^\s*-?\s*[^«»:\n]{1,60}?\s:\s*«\s*(?P<inner>.+?)\s*»?\s*$", re.S)


def _unwrap_anchor_quotes(
    claims: Sequence[BaseClaim], source: str | Document, window: tuple[int, int] | None = None
) -> list[Correction]:
    """Quotes copied from the anchor list, number and marks included, become the article's words.

    The small model sometimes quotes a whole anchor line of the message. The words between the
    marks are an excerpt of the article; they replace the quote (in place) only when the line
    itself is not in the article and the excerpt is, so the validator still judges every number.
    """
    doc = Document.of(source)
    lo, hi = window if window is not None else (0, len(doc))
    changes: list[Correction] = []
    for index, claim in enumerate(claims):
        match = _ANCHOR_LINE.match(claim.evidence.quote)
        if match is None or doc.find(claim.evidence.quote, None, lo, hi).spans:
            continue
        inner = match["inner"]
        if doc.find(inner, None, lo, hi).spans:
            changes.append(
                Correction(
                    claim_id=_name(claim, index),
                    field="evidence.quote",
                    before=claim.evidence.quote,
                    after=inner,
                    why="an anchor line of the message; the excerpt is the article's words",
                )
            )
            claim.evidence.quote = inner
    return changes


_CONDITIONAL = re.compile(
    r"\b(?:aurai[st]|aurait|auraient|serai[st]|serait|seraient)\s+(?:\w+\s+){0,2}?"
    r"(?:été|eu|\w+(?:é|ée|és|ées|i|is|ie|ies|u|us|ue|ues|t|te|ts|tes))\b",
    re.IGNORECASE,
)


def _derive_status(claims: Sequence[BaseClaim]) -> list[Correction]:
    """The journalistic conditional ("aurait fourni") marks a claim reported, not asserted."""
    changes = []
    for index, claim in enumerate(claims):
        if claim.status is not EpistemicStatus.ASSERTED:
            continue
        match = _CONDITIONAL.search(claim.evidence.quote)
        if match is not None:
            claim.status = EpistemicStatus.REPORTED
            changes.append(
                Correction(
                    claim_id=_name(claim, index),
                    field="status",
                    before=EpistemicStatus.ASSERTED.value,
                    after=EpistemicStatus.REPORTED.value,
                    why=f"conditional in the quote « {match.group()} »",
                )
            )
    return changes


def _exact_quotes(report: ValidationReport, text: str) -> list[Correction]:
    """Quotes matched with a few letters wrong are replaced by the text's own words."""
    changes = []
    for e in report.evidence:
        if e.found and not e.exact and e.start is not None and e.end is not None:
            claim = report.claims[e.claim_index]
            words = text[e.start : e.end]
            changes.append(
                Correction(
                    claim_id=_name(claim, e.claim_index),
                    field="evidence.quote",
                    before=e.quote,
                    after=words,
                    why="quoted with a few letters wrong; the text's own words",
                )
            )
            claim.evidence.quote = words
    return changes
