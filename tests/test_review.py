"""review(): the one pure step from a model's claims to what the text supports."""

from __future__ import annotations

import json
import re
from typing import Any

from claimex.document import Document
from claimex.review import review
from claimex.schemas import QuantitativeClaim
from claimex.validation import Correction
from tests.test_second_pass import FIRST as _FIRST
from tests.test_second_pass import SECOND, TEXT, _run

ELEVEN_THOUSAND = _FIRST["claims"][1]  # "environ 11 000 soldats", given as exact
WRONG_QUOTE = {**SECOND["claims"][1], "evidence": {"quote": "au moins 150 chars"}}
FIXED = {**SECOND["claims"][1], "evidence": {"quote": "au moins 150 missiles ont été livrés"}}


def _claim(data: dict[str, Any]) -> QuantitativeClaim:
    return QuantitativeClaim.model_validate(data)


def test_review_returns_new_claims_and_leaves_its_input_alone() -> None:
    claims = [_claim({**ELEVEN_THOUSAND, "id": "c1"}), _claim({**WRONG_QUOTE, "id": "c2"})]
    before = [c.model_dump() for c in claims]
    result = review(claims, Document(TEXT))
    assert [c.model_dump() for c in claims] == before
    first, second = result.claims
    assert first is not claims[0]
    assert isinstance(first, QuantitativeClaim) and isinstance(second, QuantitativeClaim)
    assert first.quantity.qualifier.value == "approximate"
    assert first.quantity.verified and not second.quantity.verified
    assert result.flagged == [1]
    assert result.corrections == [
        Correction(
            claim_id="c1",
            field="quantity.qualifier",
            before="exact",
            after="approximate",
            why="the text says « Selon le ministère, environ 11 000 »",
        )
    ]
    assert review(claims, TEXT, derive=False).corrections == []
    assert review(claims, TEXT, derive=False).flagged == [0, 1]


def test_review_judges_a_window_with_the_whole_texts_numbers() -> None:
    doc = Document(TEXT)
    claims = [_claim(ELEVEN_THOUSAND), _claim(FIXED)]
    second_sentence = TEXT.index("Les deux")
    result = review(claims, doc, window=(second_sentence, len(TEXT)))
    assert result.flagged == [0]  # its quote is outside the window
    assert [m.text for m in result.report.uncovered] == ["deux"]
    assert result.corrections[0].claim_id == "claims[1]"


def test_corrections_come_only_from_accepted_answers_under_final_ids() -> None:
    """Before review(), the in-loop validator kept the corrections of answers instructor
    rejected on the class, labelled by their index in that answer: here three lines, one of a
    rejected answer, two named claims[0]."""
    rejected = {"claims": [ELEVEN_THOUSAND, WRONG_QUOTE]}
    accepted = {"claims": [ELEVEN_THOUSAND, FIXED]}
    result, sent = _run(rejected, accepted, max_reasks=1, second_pass=False, strategy="claims")
    assert len(sent) == 2 and result.flagged == []
    assert [(c.claim_id, c.field, c.before, c.after) for c in result.corrections] == [
        ("c1", "quantity.qualifier", "exact", "approximate"),
        ("c2", "quantity.qualifier", "exact", "at_least"),
        # the final review only: « Selon le ministère, environ 11 000 »
        ("c1", "attribution.kind", "article", "indirect_speech"),
        ("c1", "attribution.source", "", "le ministère"),
        ("c1", "attribution.cue", "", "Selon"),
    ]
    each_correction_is_what_its_claim_now_says(result)


def test_a_salvaged_claim_keeps_its_corrections() -> None:
    """The re-ask lost the good 11 000 claim; salvage keeps it, and its qualifier correction is
    listed under its id (it used to show only as a line of the rejected answer, named claims[0]
    like the other claim's)."""
    result, sent = _run({"claims": [ELEVEN_THOUSAND, WRONG_QUOTE]}, {"claims": [FIXED]},
                        max_reasks=1, second_pass=False, strategy="claims")  # fmt: skip
    assert len(sent) == 2 and result.flagged == []
    assert [(c.claim_id, c.field, c.after) for c in result.corrections] == [
        ("c1", "quantity.qualifier", "at_least"),
        ("c2", "quantity.qualifier", "approximate"),
        ("c2", "attribution.kind", "indirect_speech"),  # « Selon le ministère, environ 11 000 »
        ("c2", "attribution.source", "le ministère"),
        ("c2", "attribution.cue", "Selon"),
    ]
    each_correction_is_what_its_claim_now_says(result)


def each_correction_is_what_its_claim_now_says(result: Any) -> None:
    claims = {c.id: c for c in result.claims}
    for correction in result.corrections:
        node: Any = claims[correction.claim_id]
        for part in re.findall(r"\w+|\[\d+\]", correction.field):
            node = node[int(part[1:-1])] if part.startswith("[") else getattr(node, part)
        assert str(getattr(node, "value", node)) == correction.after, correction


def test_a_result_writes_its_claims_once_and_reads_back_the_same() -> None:
    from claimex import Extraction

    result, _sent = _run({"claims": [ELEVEN_THOUSAND, FIXED]}, second_pass=False, strategy="claims")
    data = json.loads(result.model_dump_json())
    assert "claims" not in data["report"] and len(data["claims"]) == 2
    again = Extraction.model_validate_json(result.model_dump_json())
    assert again == result
    assert again.report.claims == again.claims and again.report.ok
