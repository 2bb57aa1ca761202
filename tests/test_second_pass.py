"""The second pass: what it asks for, and how its answers are read (scripted server, no model)."""

from __future__ import annotations

import json
from typing import Any

from claimex import extract
from claimex.review import _unwrap_anchor_quotes
from claimex.schemas import EventClaim, QuantitativeClaim, StatementClaim
from tests.stub_server import completion, stub_server

TEXT = (
    "Selon le ministère, environ 11 000 soldats ont été déployés dans la région. "
    "Les deux pays ont signé un accord, et au moins 150 missiles ont été livrés."
)

FIRST = {
    "claims": [
        {
            "type": "statement",
            "evidence": {"quote": "Les deux pays ont signé un accord"},
            "content": "Un accord a été signé.",
        },
        {
            "type": "quantitative",
            "subject": "soldats",
            "evidence": {"quote": "environ 11 000 soldats ont été déployés"},
            "quantity": {"value": 11000, "unit": "soldats"},
        },
    ]
}
# What the 1.5B model really does at times: it quotes an anchor line of the message.
SECOND = {
    "claims": [
        {
            "type": "quantitative",
            "subject": "pays",
            "evidence": {"quote": "- deux : « Les deux pays ont signé un accord, et au moins »"},
            "quantity": {"value": 2, "unit": "pays"},
        },
        {
            "type": "quantitative",
            "subject": "missiles livrés",
            "evidence": {"quote": "- 150 : « et au moins 150 missiles ont été livrés. »"},
            "quantity": {"value": 150, "unit": "missiles"},
        },
    ]
}


def _run(*answers: dict[str, Any] | str, **options: Any) -> tuple[Any, list[dict[str, Any]]]:
    """extract(TEXT) against a server answering ``answers`` in turn (dicts sent as JSON)."""
    replies = (completion(a if isinstance(a, str) else json.dumps(a)) for a in answers)
    with stub_server(*replies) as server:
        result = extract(
            TEXT, base_url=server.base_url, model="stub-model", server_kind="llama-cpp",
            api_key="none", **{"max_reasks": 0, "strategy": "claims", **options},
        )  # fmt: skip
    return result, [json.loads(r["body"]) for r in server.requests]


def test_the_second_pass_asks_for_one_quantitative_claim_per_uncovered_number() -> None:
    # deux and 150 are uncovered; the answer about deux also covers 150: no third call
    result, sent = _run(FIRST, SECOND)
    assert len(sent) == 2 and result.provenance.second_passes == 1
    first_schema = sent[0]["response_format"]["schema"]
    second_schema = sent[1]["response_format"]["schema"]
    assert "minItems" not in first_schema["properties"]["claims"]
    assert second_schema["properties"]["claims"]["minItems"] == 1
    # only the quantitative claim type is left in the grammar of the second call
    assert "quantitative" in json.dumps(second_schema)
    assert "statement" not in json.dumps(second_schema)
    assert "statement" in json.dumps(first_schema)
    message = sent[1]["messages"][-1]["content"]
    assert message.startswith("Article (extraits) :\n")
    assert "Nombres encore sans claim" in message
    assert [line.split(" : ")[0] for line in message.splitlines() if line.startswith("- ")] == [
        "- deux"
    ]
    # the anchor lines the model quoted became the article's words, and verify
    assert result.flagged == []
    values = sorted(q.value for c in result.claims for q in _quantities(c) if q.verified)
    assert values == [2, 150, 11000]
    assert any("anchor line" in change.why for change in result.corrections)


def test_no_second_pass_when_everything_is_covered() -> None:
    covered = dict(FIRST)
    covered["claims"] = [*FIRST["claims"], *SECOND["claims"]]
    covered["claims"][2] = dict(covered["claims"][2], evidence={"quote": "Les deux pays"})
    covered["claims"][3] = dict(
        covered["claims"][3], evidence={"quote": "au moins 150 missiles ont été livrés"}
    )
    result, sent = _run(covered)
    assert len(sent) == 1 and result.provenance.second_passes == 0


def _quantities(claim: Any) -> list[Any]:
    return (
        [claim.quantity] if hasattr(claim, "quantity") else list(getattr(claim, "quantities", []))
    )


def test_an_anchor_line_is_unwrapped_only_when_its_words_are_the_article() -> None:
    def claim(quote: str) -> QuantitativeClaim:
        return QuantitativeClaim.model_validate(
            {"subject": "x", "evidence": {"quote": quote}, "quantity": {"value": 150}}
        )

    ok = claim("- 150 : « et au moins 150 missiles ont été livrés »")
    invented = claim("- 150 : « et au moins 150 chars ont été livrés »")
    plain = claim("au moins 150 missiles")
    changes = _unwrap_anchor_quotes([ok, invented, plain], TEXT)
    assert ok.evidence.quote == "et au moins 150 missiles ont été livrés"
    assert invented.evidence.quote == "- 150 : « et au moins 150 chars ont été livrés »"
    assert plain.evidence.quote == "au moins 150 missiles"
    assert len(changes) == 1 and changes[0].claim_id == "claims[0]"
    assert changes[0].field == "evidence.quote" and "anchor line" in changes[0].why


def test_a_text_that_has_the_anchor_shape_is_left_as_quoted() -> None:
    text = "Il a dit - 3 : « nous sommes prêts » puis est parti, selon 3 témoins."
    c = StatementClaim.model_validate(
        {"evidence": {"quote": "- 3 : « nous sommes prêts »"}, "content": "x"}
    )
    assert _unwrap_anchor_quotes([c], text) == []
    assert c.evidence.quote == "- 3 : « nous sommes prêts »"


def test_types_without_a_quantity_keep_their_schema_in_the_second_pass() -> None:
    only_statements = {"claims": [FIRST["claims"][0]]}
    result, sent = _run(*[only_statements] * 4, claim_types=(StatementClaim, EventClaim))
    # one call per uncovered number (11 000, deux, 150), none of which a statement covers
    assert len(sent) == 4 and result.provenance.second_passes == 3
    assert sent[1]["response_format"]["schema"] == sent[0]["response_format"]["schema"]
    assert "minItems" not in sent[1]["response_format"]["schema"]["properties"]["claims"]


def test_a_reask_that_loses_good_claims_does_not_lose_them() -> None:
    """The 1.5B model often answers a re-ask with only the claim it was told to fix."""
    first = {
        "claims": [
            FIRST["claims"][1],  # 11 000: verified
            {**SECOND["claims"][1], "quantity": {"value": 160}},  # 160: not what the text says
            {**SECOND["claims"][0], "evidence": {"quote": "Les deux pays ont signé"}},  # verified
        ]
    }
    fixed = {"claims": [{**SECOND["claims"][1], "evidence": {"quote": "au moins 150 missiles"}}]}
    result, sent = _run(first, fixed, max_reasks=1)
    assert len(sent) == 2  # the re-ask covered everything: no second pass
    assert result.flagged == [] and result.provenance.reasks == 1
    verified = sorted(q.value for c in result.claims for q in _quantities(c) if q.verified)
    assert verified == [2, 150, 11000]
    assert len(result.claims) == 3  # the wrong 160 is not kept beside its fix


def test_an_answer_cut_off_keeps_its_complete_claims() -> None:
    whole = json.dumps({"claims": [FIRST["claims"][1], SECOND["claims"][1]]})
    cut = whole[: whole.index('"subject": "missiles')]  # cut inside the second claim
    result, _sent = _run(cut, cut, second_pass=False, strategy="claims")
    assert [q.value for c in result.claims for q in _quantities(c)] == [11000]
    assert result.claims[0].quantity.verified
    assert result.warnings and "claims are kept" in result.warnings[0]


def test_each_uncovered_number_gets_its_own_call_and_is_asked_once() -> None:
    nothing: dict[str, Any] = {"claims": []}
    only_deux = {"claims": [{**SECOND["claims"][0], "evidence": {"quote": "Les deux pays"}}]}
    result, sent = _run(nothing, nothing, only_deux, nothing)
    anchors = [
        [
            line.split(" : ")[0]
            for line in r["messages"][-1]["content"].splitlines()
            if line.startswith("- ")
        ]
        for r in sent[1:]
    ]
    assert anchors == [["- 11 000"], ["- deux"], ["- 150"]]
    assert result.provenance.second_passes == 3 and result.provenance.calls == 4
    assert [m.text for m in result.report.uncovered] == ["11 000", "150"]
