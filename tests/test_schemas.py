"""The claim types: discriminated parsing, user subclasses, published JSON Schemas in sync."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Literal

import pytest
from pydantic import Field, TypeAdapter, ValidationError

from claimex import BaseClaim, Claim, Evidence, QuantitativeClaim, Quantity, validate
from claimex.jsonschema import json_schemas
from tests.conftest import ROOT

REGENERATE = (
    "python -c \"from claimex.jsonschema import write_json_schemas; write_json_schemas('schemas')\""
)


@pytest.mark.parametrize("name", sorted(json_schemas()))
def test_published_schemas_match_the_code(name: str) -> None:
    path = ROOT / "schemas" / name
    assert path.exists(), f"{path} is missing; regenerate with: {REGENERATE}"
    published = json.loads(path.read_text(encoding="utf-8"))
    assert published == json_schemas()[name], (
        f"{path} drifted from the code; regenerate with: {REGENERATE}"
    )


def test_no_stray_schema_files() -> None:
    assert sorted(p.name for p in (ROOT / "schemas").glob("*.json")) == sorted(json_schemas())


def test_claims_parse_by_type() -> None:
    raw = [
        {
            "type": "quantitative",
            "summary": "11 000 soldats déployés",
            "subject": "soldats",
            "evidence": {"quote": "environ 11 000 soldats"},
            "quantity": {"value": 11000, "unit": "soldats", "qualifier": "approximate"},
            "status": "reported",
            "attribution": {
                "source": "agence de renseignement sud-coréenne",
                "kind": "indirect_speech",
            },
        },
        {"type": "event", "summary": "déploiement", "evidence": {"quote": "ont été déployés"}},
        {
            "type": "contradiction",
            "summary": "désaccord",
            "evidence": {"quote": "contredisent"},
            "claim_ids": ["c1", "c2"],
            "point": "retrait des troupes",
        },
    ]
    claims = TypeAdapter(list[Claim]).validate_python(raw)
    assert [type(c).__name__ for c in claims] == [
        "QuantitativeClaim",
        "EventClaim",
        "ContradictionClaim",
    ]
    assert isinstance(claims[0], QuantitativeClaim)
    assert claims[0].quantity.value == Decimal(11000)


@pytest.mark.parametrize(
    "bad",
    [
        {"type": "unknown", "summary": "x", "evidence": {"quote": "x"}},
        {"type": "event", "summary": "x", "evidence": {"quote": ""}},
        {
            "type": "contradiction",
            "summary": "x",
            "evidence": {"quote": "x"},
            "claim_ids": ["c1"],
            "point": "p",
        },
        {
            "type": "quantitative",
            "summary": "x",
            "evidence": {"quote": "x"},
            "subject": "s",
            "quantity": {"value": "beaucoup"},
        },
        {"type": "event", "summary": "x", "evidence": {"quote": "x"}, "invented_field": 1},
    ],
)
def test_malformed_claims_are_rejected(bad: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        TypeAdapter(Claim).validate_python(bad)


def test_user_defined_claim_types_are_validated() -> None:
    class Casualties(BaseClaim):
        type: Literal["casualties"] = "casualties"
        killed: Quantity
        wounded: Quantity | None = None
        extra: dict[str, list[Quantity]] = Field(default_factory=dict)

    text = "Ces rapports affirment qu’environ 300 soldats ont été tués et environ 2 700 blessés."
    claim = Casualties(
        summary="pertes",
        evidence=Evidence(quote="environ 300 soldats ont été tués et environ 2 700 blessés"),
        killed=Quantity(value=300, qualifier="approximate"),
        wounded=Quantity(value=2700, qualifier="approximate"),
        extra={"autres": [Quantity(value=2800, quote="2 700 blessés")]},
    )
    report = validate([claim], text)
    assert [(v.path, v.verification.code.value) for v in report.quantities] == [
        ("killed", "verified"),
        ("wounded", "verified"),
        ("extra['autres'][0]", "value_not_in_quote"),
    ]


def test_read_only_fields_are_marked_for_models() -> None:
    props = json_schemas()["quantity.schema.json"]["properties"]
    assert {k for k, v in props.items() if v.get("readOnly")} == {"start", "end", "verified"}
