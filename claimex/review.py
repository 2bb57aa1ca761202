"""The one pure step from a model's claims to what the text supports, with every change listed.

``review(claims, doc)`` copies the claims, aligns their quotes (an anchor line of the message
becomes the article's words, a quote with a few letters wrong becomes the text's own), lets the
text decide what a model often gets wrong (qualifier, range end, scale, the journalistic
conditional), validates every number and returns the new claims, the validator's report and a
typed list of ``Correction``. It keeps no state and never changes its input, so the validation
inside instructor's re-ask loop and the final review of a result are the same function.

With ``grammar=True`` (the final review of ``extract``), a claim whose verified numbers sit on
amounts also takes what French grammar *decides* about them (``claimex.attribution``): who
asserts it and how, and how firmly. With ``hints=True`` as well (the keyed strategy, where the
model is never asked the status), what grammar only *suggests* fills what nobody said: the
status, and the asserter of a claim the model left to the article; and a quantitative claim
whose status ends ``forecast`` becomes a ``ForecastClaim``. The re-ask loop never sees those
readings: they cannot change what is sent back to the model.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from claimex.attribution import AmountGrammar
from claimex.document import Document
from claimex.names import names_someone
from claimex.schemas import (
    BaseClaim,
    EpistemicStatus,
    ForecastClaim,
    QuantitativeClaim,
    iter_quantities,
)
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
    grammar: bool = False,
    hints: bool = False,
    window: tuple[int, int] | None = None,
) -> Review:
    """Align, derive and validate copies of ``claims`` against ``doc`` (or its ``window``).

    With ``derive=False`` the model's own qualifiers, range ends, scales and statuses are judged
    as written. With ``grammar=True`` the status and attribution that grammar decides for the
    amounts a claim's verified numbers sit on replace the model's (``_apply_grammar``); with
    ``hints`` too, what it suggests fills the fields nobody answered and forecasts are retyped.
    Corrections name claims by id (``claims[i]`` for a claim without one).
    """
    source = Document.of(doc)
    copies = [c.model_copy(deep=True) for c in claims]
    corrections = _unwrap_anchor_quotes(copies, source, window)
    if derive:
        corrections += derive_from_text(copies, source, window=window)
        corrections += _derive_status(copies)
    report = validate(copies, source, window=window)
    corrections += _exact_quotes(report, source.text)
    claims_out = list(report.claims)
    if grammar:
        corrections += _apply_grammar(claims_out, source, hints=hints)
        retyped = _forecasts_typed(claims_out) if hints else []
        if retyped:  # the verdicts name the quantities' paths: judge the new claims
            report = validate(claims_out, source, window=window)
            claims_out = list(report.claims)
        corrections += retyped
    return Review(claims=claims_out, report=report, corrections=_chained(corrections))


def _chained(corrections: list[Correction]) -> list[Correction]:
    """One correction per field of a claim: two steps that changed the same field (the
    conditional of the quote, then the future grammar reads) become one, from the model's value
    to the final one, with both reasons; a field changed back is no correction."""
    merged: dict[tuple[str, str], Correction] = {}
    for c in corrections:
        key = (c.claim_id, c.field)
        first = merged.get(key)
        merged[key] = (
            c
            if first is None
            else c.model_copy(update={"before": first.before, "why": f"{first.why}; then {c.why}"})
        )
    return [c for c in merged.values() if c.before != c.after]


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


def _readings(claim: BaseClaim, doc: Document) -> list[AmountGrammar]:
    """What grammar reads about each amount a verified number of the claim sits on."""
    spans = [
        (q.start, q.end)
        for _p, q, _e in iter_quantities(claim)
        if q.verified and q.start is not None and q.end is not None
    ]
    return [doc.grammar[s] for s in spans if s in doc.grammar]


def _apply_grammar(
    claims: Sequence[BaseClaim], doc: Document, *, hints: bool = False
) -> list[Correction]:
    """Status and attribution that grammar decides, in place, each change listed.

    A field is set only when grammar reads it the same way for every amount the claim's verified
    numbers sit on, and decides it for all of them; with ``hints``, a suggestion also sets the
    status, and the asserter of a claim whose source is empty. Otherwise the model's answer
    stays. A claim without a verified amount (a statement, a contradiction, a flagged number) is
    left as the model wrote it. Numbers are never touched.
    """
    changes: list[Correction] = []
    for index, claim in enumerate(claims):
        readings = _readings(claim, doc)
        if not readings:
            continue
        name = _name(claim, index)
        statuses = {r.status.status for r in readings}
        status_decided = all(r.status.decided for r in readings)
        if len(statuses) == 1 and (hints or status_decided):
            s = readings[0].status
            if claim.status is not s.status:
                why = _why(s.rule, s.cue, decided=status_decided)
                changes.append(Correction(claim_id=name, field="status", before=claim.status.value,
                                          after=s.status.value, why=why))  # fmt: skip
                claim.status = s.status
        frames = {(r.attribution.kind, r.attribution.source) for r in readings}
        decided = all(r.attribution.decided for r in readings)
        suggested = readings[0].attribution.source
        unnamed = hints and not claim.attribution.source and names_someone(suggested)
        if len(frames) == 1 and (decided or unnamed):
            a, current = readings[0].attribution, claim.attribution
            why = _why(a.rule, a.cue, decided=decided)
            for field, before, after in (
                ("kind", current.kind.value, a.kind.value),
                ("source", current.source, a.source),
                ("cue", current.cue, a.cue),
            ):
                if before != after:
                    changes.append(Correction(claim_id=name, field=f"attribution.{field}",
                                              before=before, after=after, why=why))  # fmt: skip
            current.kind, current.source, current.cue = a.kind, a.source, a.cue
    return changes


def _forecasts_typed(claims: list[BaseClaim]) -> list[Correction]:
    """A quantitative claim about the future or an intention is a forecast: retyped in place."""
    changes = []
    for index, claim in enumerate(claims):
        if isinstance(claim, QuantitativeClaim) and claim.status is EpistemicStatus.FORECAST:
            data = claim.model_dump(exclude={"type", "subject", "quantity"})
            claims[index] = ForecastClaim(**data, what=claim.subject, quantities=[claim.quantity])
            why = "status forecast: a plan, a prediction or an intention"
            changes.append(Correction(claim_id=_name(claim, index), field="type",
                                      before=claim.type, after="forecast", why=why))  # fmt: skip
    return changes


def _why(rule: str, cue: str, *, decided: bool = True) -> str:
    return f"grammar{'' if decided else ' (hint)'}: {rule}" + (f" « {cue} »" if cue else "")
