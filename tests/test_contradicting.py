"""Contradiction claims from what grammar reads: both sides linked, every quote the text's."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from claimex import Extraction, extract
from claimex.contradicting import contradiction_claims
from claimex.document import Document
from claimex.keyed import amount_ids
from claimex.schemas import ContradictionClaim, StatementClaim
from tests.stub_server import completion, stub_server

TEXT = (
    "Le ministère de la Défense a affirmé que 3 000 soldats restent engagés dans la région. "
    "Les déclarations du ministère contredisent les informations publiées par l'agence Reuters, "
    "qui évoquaient un retrait complet des troupes. Il a aussi indiqué que 40 blindés ont été "
    "détruits.\n\nLe gouvernement prévoit de recruter 500 soldats en 2026."
)


def _extract(text: str, answer: Mapping[str, object], **options: Any) -> Extraction:
    with stub_server(completion(json.dumps(answer))) as server:
        return extract(text, base_url=server.base_url, model="m", server_kind="llama-cpp",
                       api_key="none", **options)  # fmt: skip


def test_the_contradicting_asserters_claims_are_linked_to_what_they_contradict() -> None:
    ids = list(amount_ids(Document(TEXT)))
    result = _extract(TEXT, {k: {"quoi": "x"} for k in ids})
    claims = {c.id: c for c in result.claims}
    (link,) = [c for c in claims.values() if isinstance(c, ContradictionClaim)]
    *side, target = (claims[i] for i in link.claim_ids)
    assert isinstance(target, StatementClaim)
    assert target.evidence.quote.startswith("les informations publiées par l'agence Reuters")
    assert target.attribution.source == "l'agence Reuters"
    # the ministry's two amounts of the paragraph, not the government's 500 of the next one
    numbers = sorted(str(q.value) for c in side for q in (getattr(c, "quantity", None),) if q)
    assert numbers == ["3000", "40"]
    assert all("ministère" in c.attribution.source for c in side)
    assert link.attribution.source == "" and link.attribution.cue == "contredisent"
    assert link.evidence.start is not None  # every quote is placed in the text
    assert result.flagged == []


def test_without_a_claim_of_the_asserter_the_sentence_stands_for_its_side() -> None:
    text = "Le porte-parole du Kremlin a démenti les chiffres avancés par les services ukrainiens."
    doc = Document(text)
    new = contradiction_claims([], doc, next_id=1)
    assert [c.id for c in new] == ["c1", "c2", "c3"]
    speaker, target, link = new
    assert isinstance(speaker, StatementClaim) and speaker.evidence.quote == text.rstrip(".") + "."
    assert "Kremlin" in speaker.attribution.source
    assert target.evidence.quote == "les chiffres avancés par les services ukrainiens"
    assert isinstance(link, ContradictionClaim) and link.claim_ids == ["c1", "c2"]


def test_no_frame_no_contradiction_and_grammar_off_adds_none() -> None:
    plain = "Le ministère a affirmé que 3 000 soldats restent engagés dans la région."
    assert contradiction_claims([], Document(plain), next_id=1) == []
    ids = list(amount_ids(Document(TEXT)))
    result = _extract(TEXT, {k: {"quoi": "x", "qui": ""} for k in ids}, grammar=False)
    assert not any(isinstance(c, ContradictionClaim) for c in result.claims)


def test_each_quote_sits_on_its_own_words_even_when_they_repeat_earlier() -> None:
    text = "Le Kremlin a évoqué des pertes.\nLe ministère dément le Kremlin."
    claims = contradiction_claims([], Document(text), next_id=1)
    from claimex.validation import validate

    report = validate(claims, text)
    for claim in report.claims:
        ev = claim.evidence
        assert ev.start is not None and text[ev.start : ev.end] == ev.quote  # not "Le Kremlin" at 0


def test_a_dropped_claim_leaves_no_dangling_link() -> None:
    from claimex.merge import drop_dangling_links
    from claimex.schemas import Evidence

    def statement(cid: str) -> StatementClaim:
        return StatementClaim(id=cid, content="x", evidence=Evidence(quote="x"))

    link = ContradictionClaim(id="c4", claim_ids=["c1", "c2", "c3"], point="p",
                              evidence=Evidence(quote="p"))  # fmt: skip
    kept = drop_dangling_links([statement("c2"), statement("c3"), link])
    assert kept[-1].claim_ids == ["c2", "c3"]  # type: ignore[attr-defined]
    assert drop_dangling_links([statement("c3"), link]) == [statement("c3")]


def test_claim_types_left_out_are_not_made() -> None:
    from claimex.schemas import ForecastClaim, QuantitativeClaim

    ids = list(amount_ids(Document(TEXT)))
    answer = {**{k: {"quoi": "x"} for k in ids},
              "autres": [{"citation": "un retrait complet", "qui": "", "type": "statement"}]}  # fmt: skip
    result = _extract(TEXT, answer, claim_types=[QuantitativeClaim, ForecastClaim])
    assert {c.type for c in result.claims} <= {"quantitative", "forecast"}
