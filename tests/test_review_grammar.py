"""review(grammar=True): what French grammar decides about an amount replaces the model's answer.

Each sentence is written for this test (none comes from the gold texts). The model's claim says
what the recorded model says of nearly every number: the article asserts it.
"""

from __future__ import annotations

from typing import Any

import pytest

from claimex.document import Document
from claimex.review import review
from claimex.schemas import (
    AttributionKind,
    EpistemicStatus,
    EventClaim,
    QuantitativeClaim,
    StatementClaim,
)
from claimex.validation import Correction
from tests.test_second_pass import FIRST, TEXT, _run


def _claim(quote: str, value: float, **fields: Any) -> QuantitativeClaim:
    return QuantitativeClaim.model_validate(
        {"id": "c1", "subject": "x", "evidence": {"quote": quote}, "quantity": {"value": value}}
        | fields
    )


def _changes(text: str, claim: Any) -> dict[str, tuple[str, str]]:
    result = review([claim], Document(text), grammar=True)
    assert result.flagged == []
    return {c.field: (c.before, c.after) for c in result.corrections}


@pytest.mark.parametrize(
    ("text", "quote", "value", "expected"),
    [
        (  # the journalistic conditional, a simple tense (not "aurait + participle")
            "Le chantier coûterait 40 millions d'euros.",
            "le chantier coûterait 40 millions d'euros",
            40_000_000,
            {"status": ("asserted", "reported")},
        ),
        (  # the future tense
            "La nouvelle usine emploiera 250 ouvriers dès l'automne.",
            "La nouvelle usine emploiera 250 ouvriers",
            250,
            {"status": ("asserted", "forecast")},
        ),
        (  # a plan verb and its infinitive
            "La commune prévoit de planter 800 arbres le long du canal.",
            "prévoit de planter 800 arbres",
            800,
            {"status": ("asserted", "forecast")},
        ),
        (  # selon X: X asserts it, in indirect speech
            "Selon la préfecture, 1 200 personnes ont manifesté samedi à Lyon.",
            "1 200 personnes ont manifesté samedi",
            1200,
            {
                "attribution.kind": ("article", "indirect_speech"),
                "attribution.source": ("", "la préfecture"),
                "attribution.cue": ("", "Selon"),
            },
        ),
        (  # X a déclaré que ... : X, and the future of what X says
            "Le maire a déclaré que 15 écoles resteront fermées jusqu'à lundi.",
            "15 écoles resteront fermées",
            15,
            {
                "status": ("asserted", "forecast"),
                "attribution.kind": ("article", "indirect_speech"),
                "attribution.source": ("", "le maire"),
                "attribution.cue": ("", "déclaré"),
            },
        ),
        (  # a subject pronoun with one named asserter before it
            "La directrice Anne Morel a affirmé que le lycée ouvrira. Elle a ajouté que 30 "
            "professeurs sont recrutés.",
            "30 professeurs sont recrutés",
            30,
            {
                "attribution.kind": ("article", "indirect_speech"),
                "attribution.source": ("", "la directrice Anne Morel"),
                "attribution.cue": ("", "ajouté"),
            },
        ),
    ],
)
def test_grammar_decides_status_and_attribution(
    text: str, quote: str, value: float, expected: dict[str, tuple[str, str]]
) -> None:
    claim = _claim(quote, value)
    assert _changes(text, claim) == expected
    result = review([claim], Document(text), grammar=True)
    (after,) = result.claims
    assert isinstance(after, QuantitativeClaim)
    assert after.quantity.value == claim.quantity.value  # numbers are never touched
    for correction in result.corrections:
        assert correction.why.startswith("grammar: ")
    assert review([claim], Document(text)).corrections == []  # off by default


def test_a_hint_never_overrides_the_model() -> None:
    """*des estimations* without an author may have one named elsewhere: grammar only hints at
    an anonymous source, so the model's source stays; the estimate word decides the status."""
    text = "Selon des estimations, 5 000 emplois ont disparu dans la région."
    model = {"source": "l'Insee", "kind": "indirect_speech", "cue": "selon"}
    claim = _claim("5 000 emplois ont disparu", 5000, attribution=model)
    assert _changes(text, claim) == {"status": ("asserted", "estimate")}


def test_a_pronoun_between_two_asserters_is_left_to_the_model() -> None:
    text = (
        "Le ministre a déclaré que 30 lits seront ouverts. Le préfet a affirmé que 4 écoles "
        "fermeront. Il a ajouté que 12 médecins sont arrivés."
    )
    model = {"source": "le ministre", "kind": "indirect_speech", "cue": "ajouté"}
    claim = _claim("12 médecins sont arrivés", 12, attribution=model)
    assert _changes(text, claim) == {}


def test_two_amounts_read_differently_leave_the_claim_alone() -> None:
    text = "Le chantier coûterait 40 millions d'euros. La nouvelle usine emploiera 250 ouvriers."
    claim = EventClaim.model_validate(
        {
            "id": "e1",
            "evidence": {"quote": text},
            "quantities": [
                {"value": 40_000_000, "quote": "coûterait 40 millions"},
                {"value": 250, "quote": "emploiera 250 ouvriers"},
            ],
        }
    )
    assert _changes(text, claim) == {}  # reported and forecast: which one is the claim's?


def test_claims_without_a_verified_amount_are_left_alone() -> None:
    text = "La nouvelle usine emploiera 250 ouvriers dès l'automne."
    statement = StatementClaim.model_validate(
        {"id": "s1", "evidence": {"quote": "La nouvelle usine emploiera"}, "content": "..."}
    )
    flagged = _claim("La nouvelle usine emploiera 250 ouvriers", 260)
    result = review([statement, flagged], Document(text), grammar=True)
    assert result.flagged == [1]
    assert result.corrections == []
    assert [c.status for c in result.claims] == [EpistemicStatus.ASSERTED] * 2


def test_a_status_changed_twice_is_one_correction_from_the_models_value() -> None:
    """The quote's conditional makes it reported, then grammar reads a plan: one correction."""
    text = "Le groupe aurait prévu de supprimer 900 postes en 2026."
    claim = _claim("Le groupe aurait prévu de supprimer 900 postes", 900)
    result = review([claim], Document(text), grammar=True)
    (status,) = [c for c in result.corrections if c.field == "status"]
    assert (status.before, status.after) == ("asserted", "forecast")
    assert status.why.startswith("conditional in the quote") and "then grammar: " in status.why
    assert result.claims[0].status is EpistemicStatus.FORECAST


def test_grammar_changes_no_request_and_only_the_final_claims() -> None:
    """Applied after the model answered: the requests (re-asks included) are the same with
    and without it, and only the result's claims and corrections differ."""
    wrong = {**FIRST, "claims": [{**FIRST["claims"][1], "quantity": {"value": 12000}}]}
    with_grammar, sent = _run(wrong, FIRST, max_reasks=1, second_pass=False, strategy="claims")
    without, sent_without = _run(
        wrong, FIRST, max_reasks=1, second_pass=False, strategy="claims", grammar=False
    )
    assert len(sent) == 2 and sent == sent_without  # the re-ask went out, the same
    assert "Selon le ministère" in TEXT
    before = [c for c in without.claims if c.type == "quantitative"]
    after = [c for c in with_grammar.claims if c.type == "quantitative"]
    assert [c.attribution.kind for c in before] == [AttributionKind.ARTICLE]
    assert [(c.attribution.kind, c.attribution.source) for c in after] == [
        (AttributionKind.INDIRECT_SPEECH, "le ministère")
    ]
    assert (
        Correction(
            claim_id=after[0].id,
            field="attribution.source",
            before="",
            after="le ministère",
            why="grammar: selon/d'après « Selon »",
        )
        in with_grammar.corrections
    )
    assert not any(c.field.startswith("attribution") for c in without.corrections)
