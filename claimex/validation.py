"""Prove every number of a claim against the source text. Pure: no network, no model.

``verify_quantity`` answers one question: does this quote occur in the text, and does it state
exactly this number (and range end) with this qualifier? Quotes are matched on a typographic view
(apostrophes, quotes, spaces, case, hyphens forgiven; digits never). Numbers come from
``find_numbers`` over the whole text, so a quote that cuts "11 000" to "1 000" proves nothing.
Its ``message`` is written to be sent back to a model so it can correct itself.

``validate`` walks every ``Quantity`` in any claim model, fills offsets on copies of the claims,
and reports one verdict per number plus the numbers of the text that no claim covers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation
from enum import StrEnum
from itertools import pairwise
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, computed_field

from claimex.bounds import bound_read
from claimex.document import Document
from claimex.errors import InputError
from claimex.numbers import AMOUNT_KINDS, NumberMention, Qualifier
from claimex.options import one_of
from claimex.schemas import Evidence, Quantity, iter_parts, iter_quantities
from claimex.table_scale import table_scale

__all__ = [
    "Correction",
    "EvidenceVerdict",
    "QuantityVerdict",
    "ValidationReport",
    "Verification",
    "VerificationCode",
    "derive_from_text",
    "validate",
    "verify_quantity",
]


class VerificationCode(StrEnum):
    VERIFIED = "verified"
    QUOTE_NOT_FOUND = "quote_not_found"
    VALUE_NOT_IN_QUOTE = "value_not_in_quote"
    QUALIFIER_MISMATCH = "qualifier_mismatch"


class Verification(BaseModel):
    """The verdict on one number. ``start``/``end`` locate the number in the text when ``ok``."""

    ok: bool
    code: VerificationCode
    start: int | None = None
    end: int | None = None
    quote_start: int | None = Field(default=None, description="Where the quote was found.")
    quote_end: int | None = None
    mention: NumberMention | None = Field(
        default=None, description="The number of the text that the claim's number matched."
    )
    message: str


class QuantityVerdict(BaseModel):
    """One number of one claim, where it sits in the claim, and its verification."""

    claim_index: int
    path: str = Field(
        description="Where the quantity sits in the claim: 'quantity', 'quantities[1]'."
    )
    quantity: Quantity
    verification: Verification


class EvidenceVerdict(BaseModel):
    """Whether a claim's evidence quote occurs in the text."""

    claim_index: int
    path: str
    quote: str
    found: bool
    exact: bool = Field(
        default=True, description="False when the quote matched with a few letters wrong."
    )
    start: int | None = None
    end: int | None = None


class Correction(BaseModel):
    """One thing the text decided over the model: which claim, which field, from what to what."""

    model_config = ConfigDict(frozen=True)

    claim_id: str = Field(description="The claim's id in the result ('c3').")
    field: str = Field(description="Where in the claim: 'quantity.qualifier', 'evidence.quote'.")
    before: str
    after: str
    why: str

    def __str__(self) -> str:
        return f"{self.claim_id}.{self.field}: {self.before} -> {self.after} ({self.why})"


class ValidationReport(BaseModel):
    """Every verdict on a list of claims, with the claims' offsets filled in (on copies)."""

    claims: list[Any] = Field(description="Copies of the claims with offsets and verdicts filled.")
    quantities: list[QuantityVerdict]
    evidence: list[EvidenceVerdict]
    uncovered: list[NumberMention] = Field(
        description="Quantities and percents of the text that no verified claim number sits on."
    )

    @computed_field  # type: ignore[prop-decorator]
    @property
    def ok(self) -> bool:
        """True when every number is verified and every evidence quote is found."""
        return all(v.verification.ok for v in self.quantities) and all(
            e.found for e in self.evidence
        )

    @property
    def failed(self) -> list[QuantityVerdict]:
        return [v for v in self.quantities if not v.verification.ok]

    @property
    def flagged(self) -> list[int]:
        """Indexes of the claims with a number that failed or a quote not found, in order."""
        bad = {v.claim_index for v in self.quantities if not v.verification.ok}
        bad |= {e.claim_index for e in self.evidence if not e.found}
        return sorted(bad)


# --------------------------------------------------------------------------------------------


def _fmt(value: Decimal) -> str:
    """French-press form of a value for messages: 11 000, 7,2."""
    if value == value.to_integral_value():
        return f"{int(value):,}".replace(",", " ")
    return format(value.normalize(), "f").replace(".", ",")


def _short(quote: str, limit: int = 160) -> str:
    q = " ".join(quote.split())
    return q if len(q) <= limit else q[: limit - 1] + "…"


def _listing(mentions: Sequence[NumberMention]) -> str:
    if not mentions:
        return "none"
    return ", ".join(f"{m.describe()} [{m.kind.value}]" for m in mentions)


def _claimed(value: Decimal, high: Decimal | None) -> str:
    return _fmt(value) if high is None else f"{_fmt(value)}–{_fmt(high)}"


@dataclass(frozen=True, slots=True)
class _Scope:
    """A document seen through a window (a chunk, or all of it): quotes are looked for and
    numbers counted inside ``[start, end)``, with the numbers the whole text's scan found."""

    doc: Document
    start: int = 0
    end: int | None = None

    @property
    def text(self) -> str:
        return self.doc.text

    @property
    def mentions(self) -> list[NumberMention]:
        return self.doc.mentions_in(self.start, self.end)

    def inside(self, start: int, end: int) -> list[NumberMention]:
        return self.doc.mentions_in(start, end)

    def locate(self, quote: str, near: int | None = None) -> tuple[list[tuple[int, int]], bool]:
        """Where ``quote`` is: every exact (typographic) occurrence, nearest to ``near`` first;
        else the one span it quotes with a few letters wrong (``exact`` is then False)."""
        found = self.doc.find(quote, near, self.start, self.end)
        return list(found.spans), found.exact


def _scope(source: str | Document, window: tuple[int, int] | None) -> _Scope:
    doc = Document.of(source)
    return _Scope(doc) if window is None else _Scope(doc, window[0], window[1])


def verify_quantity(
    text: str | Document,
    quote: str,
    value: Decimal | int | float | str,
    qualifier: Qualifier | str | None = None,
    high: Decimal | int | float | str | None = None,
    *,
    near: int | None = None,
) -> Verification:
    """Check that ``quote`` is in ``text`` and states ``value`` (and ``high``) with ``qualifier``.

    ``qualifier=None`` skips the qualifier check. When the quote occurs several times, the
    occurrence that verifies wins; ``near`` (an offset) breaks ties toward the closest one.
    Only amounts verify a quantity (counts, measures, percents, durations): never an identifier
    (KN-23, Boeing 787), a year, a day, a clock time or a rank.
    """
    if not isinstance(text, str | Document):
        raise InputError(f"text must be a str, not {type(text).__name__}")
    if not isinstance(quote, str):
        raise InputError(f"quote must be a str, not {type(quote).__name__}")
    if qualifier is not None:
        one_of("qualifier", qualifier, Qualifier)
    return _verify(_scope(text, None), quote, value, qualifier, high, near)


def _as_decimal(v: Decimal | int | float | str) -> Decimal:
    try:
        d = v if isinstance(v, Decimal) and not isinstance(v, bool) else Decimal(str(v))
    except (InvalidOperation, ValueError):
        d = Decimal("NaN")
    if isinstance(v, bool) or not d.is_finite():
        raise InputError(
            f"{_short(repr(v), 40)} is not a number; give a Decimal, int, float or str"
        )
    return d


def _verify(
    source: _Scope,
    quote: str,
    value: Decimal | int | float | str,
    qualifier: Qualifier | str | None,
    high: Decimal | int | float | str | None,
    near: int | None,
    located: list[tuple[int, int]] | None = None,
) -> Verification:
    want = _as_decimal(value)
    want_high = None if high is None else _as_decimal(high)
    want_q = None if qualifier is None else Qualifier(qualifier)
    spans = located if located is not None else source.locate(quote, near)[0]
    if not spans:
        return Verification(
            ok=False,
            code=VerificationCode.QUOTE_NOT_FOUND,
            message=_not_found(source, quote, want, want_high),
        )

    best: Verification | None = None
    for q_start, q_end in spans:
        inside = [m for m in source.inside(q_start, q_end) if m.kind in AMOUNT_KINDS]
        candidates = inside + _shares(source.text, inside) if 0 < want < 1 else inside
        same_value = [m for m in candidates if _states(m, want, want_high, source.text)]
        if not same_value:
            if best is None:
                best = Verification(
                    ok=False,
                    code=VerificationCode.VALUE_NOT_IN_QUOTE,
                    quote_start=q_start,
                    quote_end=q_end,
                    message=_value_message(source, q_start, q_end, inside, want, want_high),
                )
            continue
        for m in same_value:
            if want_q is None or m.qualifier is want_q or bound_read(source.text, m) is want_q:
                return Verification(
                    ok=True,
                    code=VerificationCode.VERIFIED,
                    start=m.start,
                    end=m.end,
                    quote_start=q_start,
                    quote_end=q_end,
                    mention=m,
                    message=f"{_claimed(want, want_high)} is stated in the text as « {m.text} »"
                    f" ({m.qualifier.value}).",
                )
        m = same_value[0]
        if best is None or best.code is VerificationCode.VALUE_NOT_IN_QUOTE:
            best = Verification(
                ok=False,
                code=VerificationCode.QUALIFIER_MISMATCH,
                quote_start=q_start,
                quote_end=q_end,
                mention=m,
                message=f"the text says « {_context(source, m)} », which is {m.qualifier.value}, "
                f"not {want_q.value if want_q else 'unqualified'}: set qualifier to "
                f'"{m.qualifier.value}".',
            )
    assert best is not None
    return best


def _states(m: NumberMention, value: Decimal, high: Decimal | None, text: str) -> bool:
    """Whether the mention states that value (and high), with the sign the text writes: a
    fall written "(−1,8 %)" is -1.8, never 1.8. A cell under a table heading "(en M€)" states
    its number and that number in euros."""
    if m.high == high and m.value == value:
        return True
    scale = table_scale(text, m) if high is None and m.high is None else None
    return scale is not None and m.value * scale == value


# "deux électeurs sur trois": the noun (if any) once, between the part and the whole
_PART_OF_WHOLE = re.compile(
    r"[\s\u00a0\u202f]+(?:[^\W\d_][\w'’-]*[\s\u00a0\u202f]+){0,2}sur[\s\u00a0\u202f]+"
)
_MILLIONTH = Decimal("0.000001")


def _shares(text: str, inside: list[NumberMention]) -> list[NumberMention]:
    """ "deux électeurs sur trois" is two counts, and also the share 2/3 a claim may give
    (0.666667, six decimals as the gold writes fractions): one mention from the part's start to
    the whole's end."""
    shares = []
    for a, b in pairwise(inside):
        if (
            a.high is None
            and b.high is None
            and 0 < a.value < b.value
            and a.value == a.value.to_integral_value()
            and b.value == b.value.to_integral_value()
            and _PART_OF_WHOLE.fullmatch(text, a.end, b.start)
        ):
            share = (a.value / b.value).quantize(_MILLIONTH, ROUND_HALF_EVEN)
            shares.append(replace(a, end=b.end, text=text[a.start : b.end], value=share))
    return shares


def _context(source: _Scope, m: NumberMention, width: int = 30) -> str:
    """The number with the few words before it, where bounds and approximations live."""
    text = source.text
    start = text.rfind(" ", 0, max(0, m.start - width)) + 1
    boundary = max(
        text.rfind(". ", 0, m.start), text.rfind("\n", 0, m.start), text.rfind("•", 0, m.start)
    )
    start = max(start, boundary + 1)
    return _short(text[start : m.end])


def _value_message(
    source: _Scope,
    q_start: int,
    q_end: int,
    inside: list[NumberMention],
    want: Decimal,
    high: Decimal | None,
) -> str:
    quote = _short(source.text[q_start:q_end])
    msg = (
        f"{_claimed(want, high)} is not in the quote « {quote} »; "
        f"the numbers there are: {_listing(inside)}."
    )
    named = [m for m in source.inside(q_start, q_end) if m.value == want and m not in inside]
    if named:
        kind = named[0].kind.value
        msg += (
            f" « {named[0].text} » there is {'an' if kind[0] in 'aeiou' else 'a'} {kind}, not an"
            " amount: a quantity is something counted or measured."
        )
    ranges = [m for m in inside if m.value == want and m.high is not None]
    if ranges:
        r = ranges[0]
        msg += f" The quote states a range: set value={r.value} and high={r.high}."
    elif high is not None and any(m.value == want and m.high is None for m in inside):
        msg += " The quote states a single number, not a range: set high to null."
    signed = [m for m in inside if m.value == -want and m.value < 0 and m.high == high]
    if signed:
        msg += f" « {signed[0].text} » is written with a minus sign: set value={signed[0].value}."
    scaled = [
        m for m in inside if m.value != want and want != 0 and m.value / want in _SCALE_FACTORS
    ]
    if scaled:
        msg += f" Write the full value: « {scaled[0].text} » is {scaled[0].value}."
    return msg


# Scale words a model forgets to apply: "7,2 milliards" given as 7.2
_SCALE_FACTORS = frozenset({Decimal(1000), Decimal(1_000_000), Decimal(1_000_000_000)})


def _not_found(source: _Scope, quote: str, want: Decimal, high: Decimal | None) -> str:
    msg = (
        f"the quote « {_short(quote)} » is not in the text; copy the words exactly as they appear."
    )
    same = [m for m in source.mentions if m.value == want and m.kind in AMOUNT_KINDS]
    if same:
        m = same[0]
        where = _sentence(source.text, m.start, m.end)
        msg += f" The text states {_claimed(want, high)} here: « {where} »."
    return msg


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence around ``[start, end)``, for hints (bounded to a readable length)."""
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    right_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i != -1]
    right = min(right_candidates) if right_candidates else len(text)
    return _short(text[left + 1 : right + 1].strip(), 220)


# --------------------------------------------------------------------------------------------


def derive_from_text(
    claims: Sequence[BaseModel], text: str | Document, *, window: tuple[int, int] | None = None
) -> list[Correction]:
    """Let the text decide what a model often gets wrong, in place: qualifier, range end, scale.

    For each ``Quantity`` whose number the scanner finds in its quote (its value, or its value
    times a scale word the quote writes: "7,2 milliards" given as 7.2), the qualifier and the
    range end are taken from the text, and the unit when the model left it empty. A number that
    is not in its quote is left alone, for the validator to reject. Returns one ``Correction``
    per change, naming the claim by its ``id`` (``claims[i]`` when it has none).
    """
    source = _scope(text, window)
    changes: list[Correction] = []
    for index, claim in enumerate(claims):
        claim_id = str(getattr(claim, "id", "") or f"claims[{index}]")
        for path, node, evidence in iter_quantities(claim):
            quote = node.quote or (evidence.quote if evidence is not None else "")
            near = evidence.start if evidence is not None else None
            m = _find_in_quote(source, quote, node.value, near, node.high)
            if m is None:
                continue
            found: list[tuple[str, object, object, str]] = []
            if m.value != node.value:
                found.append(("value", node.value, m.value, f"the text writes « {m.text} »"))
                node.value = m.value
            if m.qualifier is not node.qualifier:
                why = f"the text says « {_context(source, m)} »"
                found.append(("qualifier", node.qualifier.value, m.qualifier.value, why))
                node.qualifier = m.qualifier
            if m.high != node.high:
                found.append(("high", node.high, m.high, f"the text writes « {m.text} »"))
                node.high = m.high
            changes.extend(
                Correction(
                    claim_id=claim_id, field=f"{path}.{name}", before=str(b), after=str(a), why=w
                )
                for name, b, a, w in found
            )
            if not node.unit and m.unit:
                node.unit = m.unit
    return changes


def _find_in_quote(
    source: _Scope, quote: str, value: Decimal, near: int | None, high: Decimal | None = None
) -> NumberMention | None:
    spans, _exact = source.locate(quote, near)
    for q_start, q_end in spans:
        inside = [m for m in source.inside(q_start, q_end) if m.kind in AMOUNT_KINDS]
        same = [m for m in inside if m.value == value]
        if same:
            return same[0]
        ends = [m for m in inside if m.high is not None and m.high == value and high is None]
        if ends:  # "de 1.5 à 1.67" given as 1.67: the range, both ends
            return ends[0]
        scaled = [m for m in inside if any(m.value == value * f for f in _SCALE_FACTORS)]
        if len(scaled) == 1 and any(c.isalpha() for c in scaled[0].text):  # "7,2 milliards"
            return scaled[0]
    return None


def validate(
    claims: Sequence[BaseModel], text: str | Document, *, window: tuple[int, int] | None = None
) -> ValidationReport:
    """Verify every ``Quantity`` of every claim against ``text``; fill offsets on copies.

    A quantity is checked against its own ``quote`` when it has one, else against the nearest
    enclosing ``Evidence`` quote. Works on any Pydantic model that contains ``Quantity`` fields.
    """
    if not isinstance(text, str | Document):
        raise InputError(f"text must be a str, not {type(text).__name__}")
    for index, claim in enumerate(claims):
        if not isinstance(claim, BaseModel):
            raise InputError(
                f"claim #{index} is a {type(claim).__name__}, not a claim model; "
                "turn dicts into claims with claimex.schemas.parse_claim first"
            )
    source = _scope(text, window)
    copies = [c.model_copy(deep=True) for c in claims]
    quantity_verdicts: list[QuantityVerdict] = []
    evidence_verdicts: list[EvidenceVerdict] = []
    covered: set[tuple[int, int]] = set()
    for index, claim in enumerate(copies):
        for path, node, evidence in iter_parts(claim):
            if isinstance(node, Evidence):
                # a start already set is a hint (a chunk's start): the nearest occurrence wins
                spans, exact = source.locate(node.quote, node.start)
                node.start, node.end = spans[0] if spans else (None, None)
                evidence_verdicts.append(
                    EvidenceVerdict(
                        claim_index=index,
                        path=path,
                        quote=node.quote,
                        found=bool(spans),
                        exact=exact,
                        start=node.start,
                        end=node.end,
                    )
                )
                continue
            quantity: Quantity = node
            if quantity.quote:
                near = evidence.start if evidence is not None else None
                verification = _verify(
                    source, quantity.quote, quantity.value, quantity.qualifier, quantity.high, near
                )
            else:  # checked inside the evidence's own span, wherever it was found
                quote = evidence.quote if evidence is not None else ""
                located = (
                    [(evidence.start, evidence.end)]
                    if evidence is not None
                    and evidence.start is not None
                    and evidence.end is not None
                    else []
                )
                verification = _verify(
                    source, quote, quantity.value, quantity.qualifier, quantity.high, None, located
                )
            quantity.start, quantity.end = verification.start, verification.end
            quantity.verified = verification.ok
            if verification.ok and verification.mention is not None:
                covered.add((verification.mention.start, verification.mention.end))
            quantity_verdicts.append(
                QuantityVerdict(
                    claim_index=index,
                    path=path,
                    quantity=quantity.model_copy(),
                    verification=verification,
                )
            )
    uncovered = [
        m for m in source.mentions if m.kind in AMOUNT_KINDS and (m.start, m.end) not in covered
    ]
    return ValidationReport(
        claims=copies, quantities=quantity_verdicts, evidence=evidence_verdicts, uncovered=uncovered
    )
