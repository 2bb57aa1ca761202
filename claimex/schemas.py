"""The claim types: what a fact-checker recognises in a French news article.

A claim says something (``summary``), is backed by the verbatim words of the text (``evidence``),
is asserted by someone (``attribution``) with some confidence (``status``), and may carry numbers
(``Quantity``). Numbers and offsets are never trusted as given: ``claimex.validate`` checks every
``Quantity`` against the source text and fills the offsets.

Fields marked ``readOnly`` in the JSON Schema are filled by the library, not by a model.
Define your own claim type by subclassing ``BaseClaim`` with a ``type: Literal["..."]`` field;
the validator finds ``Quantity`` values in any Pydantic model, however nested.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from claimex.errors import InputError
from claimex.numbers import Qualifier

__all__ = [
    "Attribution",
    "AttributionKind",
    "BaseClaim",
    "Claim",
    "ContradictionClaim",
    "EpistemicStatus",
    "EventClaim",
    "Evidence",
    "ForecastClaim",
    "QuantitativeClaim",
    "Quantity",
    "StatementClaim",
    "claim_class",
    "iter_parts",
    "iter_quantities",
    "parse_claim",
]

_READ_ONLY: dict[str, Any] = {"readOnly": True}


class AttributionKind(StrEnum):
    """How the text attributes a claim."""

    DIRECT_QUOTE = "direct_quote"  # « ... », a déclaré X
    INDIRECT_SPEECH = "indirect_speech"  # X a affirmé que ..., selon X
    ANONYMOUS = "anonymous"  # selon certaines informations, de source sûre
    ARTICLE = "article"  # the article itself states it


class EpistemicStatus(StrEnum):
    """How firmly the text puts a claim forward."""

    ASSERTED = "asserted"  # stated as fact
    REPORTED = "reported"  # reported, unconfirmed: the journalistic conditional ("aurait fourni")
    ESTIMATE = "estimate"  # an estimate ("les estimations suggèrent")
    FORECAST = "forecast"  # a forecast or a plan ("prévoit de livrer", "devrait")
    DENIED = "denied"  # denied or contested by its source


class Evidence(BaseModel):
    """The verbatim words of the source that state a claim; offsets are filled by the library."""

    model_config = ConfigDict(extra="forbid")

    quote: str = Field(
        min_length=1,
        description="Words copied exactly from the text, including every number the claim uses.",
    )
    start: int | None = Field(
        default=None,
        ge=0,
        description="Offset of the quote in the text.",
        json_schema_extra=_READ_ONLY,
    )
    end: int | None = Field(
        default=None, ge=0, description="End offset (exclusive).", json_schema_extra=_READ_ONLY
    )


class Quantity(BaseModel):
    """A number the text states: value (low end for a range), unit and how it is hedged."""

    model_config = ConfigDict(extra="forbid")

    value: Decimal = Field(description="The full value: '1,5 million' is 1500000, not 1.5.")
    high: Decimal | None = Field(
        default=None, description="High end of a range ('entre 300 et 400' -> 400), else null."
    )
    unit: str = Field(
        default="", description="What is counted or measured: 'soldats', '%', 'euros'."
    )
    qualifier: Qualifier = Field(
        default=Qualifier.EXACT,
        description="environ -> approximate, au moins -> at_least, plus de -> more_than, "
        "jusqu'à -> at_most, moins de -> less_than, entre X et Y -> range.",
    )
    quote: str | None = Field(
        default=None,
        description="Optional shorter verbatim quote for this number; "
        "defaults to the claim's evidence.",
    )
    start: int | None = Field(
        default=None,
        ge=0,
        description="Offset of the number in the text.",
        json_schema_extra=_READ_ONLY,
    )
    end: int | None = Field(
        default=None, ge=0, description="End offset of the number.", json_schema_extra=_READ_ONLY
    )
    verified: bool | None = Field(
        default=None,
        description="True when the validator found this exact number in the quote.",
        json_schema_extra=_READ_ONLY,
    )


class Attribution(BaseModel):
    """Who asserts a claim, and how the text reports it."""

    model_config = ConfigDict(extra="forbid")

    source: str = Field(
        default="",
        description="Who asserts it, as named in the text ('le ministère sud-coréen de la "
        "Défense', 'Kyrylo Budanov'); empty when the article itself asserts it.",
    )
    kind: AttributionKind = AttributionKind.ARTICLE
    cue: str = Field(
        default="", description="The words that attribute it: 'selon', 'a déclaré', 'affirme'."
    )


class BaseClaim(BaseModel):
    """What every claim has. Subclass it, with a ``type: Literal[...]`` field, for your types."""

    model_config = ConfigDict(extra="forbid")

    type: str
    id: str = Field(
        default="", description="Short id ('c1') so contradictions can point at claims."
    )
    summary: str = Field(default="", description="The claim in one short French sentence.")
    evidence: Evidence
    attribution: Attribution = Field(default_factory=Attribution)
    status: EpistemicStatus = EpistemicStatus.ASSERTED


class QuantitativeClaim(BaseClaim):
    """Something counted or measured: '11 000 soldats nord-coréens déployés'."""

    type: Literal["quantitative"] = "quantitative"
    subject: str = Field(
        description="What is counted or measured: 'soldats nord-coréens déployés'."
    )
    quantity: Quantity


class EventClaim(BaseClaim):
    """Something that happened: who did what, when, where."""

    type: Literal["event"] = "event"
    actors: list[str] = Field(default_factory=list)
    when: str = Field(
        default="", description="When, as the text says it: 'fin janvier', 'en 2025'."
    )
    where: str = Field(default="")
    quantities: list[Quantity] = Field(default_factory=list)


class StatementClaim(BaseClaim):
    """Someone said something: the attribution is the point."""

    type: Literal["statement"] = "statement"
    content: str = Field(description="What was said, in the text's words or close to them.")
    quantities: list[Quantity] = Field(default_factory=list)


class ForecastClaim(BaseClaim):
    """A forecast, a plan or an intention: 'prévoit de livrer au moins 150 missiles en 2025'."""

    type: Literal["forecast"] = "forecast"
    what: str
    horizon: str = Field(default="", description="When it is expected: 'en 2025', 'd'ici 2025'.")
    quantities: list[Quantity] = Field(default_factory=list)


class ContradictionClaim(BaseClaim):
    """Claims whose sources disagree (Budanov's 8 000 troops vs a reported withdrawal)."""

    type: Literal["contradiction"] = "contradiction"
    claim_ids: list[str] = Field(min_length=2, description="ids of the claims that disagree.")
    point: str = Field(description="What they disagree about.")


def claim_class(type_name: str) -> type[BaseClaim] | None:
    """The claim class (built-in or user-defined subclass) whose ``type`` is ``type_name``."""
    stack: list[type[BaseClaim]] = [BaseClaim]
    while stack:
        cls = stack.pop()
        field = cls.model_fields.get("type")
        if cls is not BaseClaim and field is not None and field.default == type_name:
            return cls
        stack.extend(cls.__subclasses__())
    return None


def parse_claim(data: Any) -> BaseClaim:
    """A claim from its dict form, as the class its ``type`` names (so JSON round-trips)."""
    if isinstance(data, BaseClaim):
        return data
    if not isinstance(data, dict) or not isinstance(data.get("type"), str):
        raise InputError("a claim must be an object with a string 'type'")
    cls = claim_class(data["type"])
    if cls is None:
        raise InputError(f"unknown claim type {data['type']!r}: define a BaseClaim subclass for it")
    return cls.model_validate(data)


Claim = Annotated[
    QuantitativeClaim | EventClaim | StatementClaim | ForecastClaim | ContradictionClaim,
    Field(discriminator="type"),
]
"""Any built-in claim type, discriminated by its ``type`` field."""


def iter_parts(
    node: Any, path: str = "", evidence: Evidence | None = None
) -> Iterator[tuple[str, Quantity | Evidence, Evidence | None]]:
    """Every ``Quantity`` and ``Evidence`` in a model tree, with where it sits ('quantity',
    'quantities[1]') and the nearest enclosing ``Evidence``. Works on any Pydantic model."""
    if isinstance(node, Quantity | Evidence):
        yield path, node, evidence
        return
    if isinstance(node, BaseModel):
        own = None
        for name in type(node).model_fields:
            child = getattr(node, name)
            if isinstance(child, Evidence):
                own = child
        nearest = own or evidence
        for name in type(node).model_fields:
            child = getattr(node, name)
            yield from iter_parts(child, f"{path}.{name}" if path else name, nearest)
    elif isinstance(node, list | tuple):
        for i, child in enumerate(node):
            yield from iter_parts(child, f"{path}[{i}]", evidence)
    elif isinstance(node, dict):
        for key, child in node.items():
            yield from iter_parts(child, f"{path}[{key!r}]", evidence)


def iter_quantities(claim: BaseModel) -> Iterator[tuple[str, Quantity, Evidence | None]]:
    """Every ``Quantity`` of a claim (however nested), its path and the evidence it is read in."""
    for path, node, evidence in iter_parts(claim):
        if isinstance(node, Quantity):
            yield path, node, evidence
