"""The keyed strategy: one call per chunk keyed by the amounts (scripted server, no model)."""

from __future__ import annotations

import json
from typing import Any, Literal

import pytest

from claimex import extract
from claimex.document import Document
from claimex.errors import OptionError
from claimex.extract_options import DEFAULT_CLAIM_TYPES
from claimex.keyed import KeyedAnswer, amount_ids
from claimex.names import names_someone
from claimex.response import schema_sha256
from claimex.schemas import (
    ContradictionClaim,
    ForecastClaim,
    QuantitativeClaim,
    iter_quantities,
)
from tests.stub_server import completion, stub_server

TEXT = (
    "Selon le ministère, environ 11 000 soldats ont été déployés dans la région. "
    "Les deux pays ont signé un accord, et au moins 150 missiles seront livrés en 2025. "
    "Kyrylo Budanov a affirmé que jusqu'à 8 000 soldats sont toujours engagés."
)
IDS = list(amount_ids(Document(TEXT)))  # n1 11 000, n2 deux, n3 150, n4 8 000


def _entry(what: str, who: str = "") -> dict[str, str]:
    return {"quoi": what, "qui": who}


GOOD = {
    "n1": _entry("soldats déployés"),
    "n2": _entry("pays signataires"),
    "n3": _entry("missiles livrés"),
    "n4": _entry("soldats engagés", "Kyrylo Budanov"),
    "autres": [{"citation": "Les deux pays ont signé un accord", "qui": "", "type": "event"}],
    "contradictions": [["n1", "n4"]],
}


def _keyed(server: Any) -> dict[str, Any]:
    """extract()'s arguments for the keyed strategy against a stub server."""
    return {"base_url": server.base_url, "model": "stub-model", "server_kind": "llama-cpp",
            "api_key": "none", "strategy": "keyed"}  # fmt: skip


def _run(
    *answers: dict[str, Any] | str, text: str = TEXT, **options: Any
) -> tuple[Any, list[dict[str, Any]]]:
    """extract(text, strategy="keyed") against a server answering ``answers`` in turn."""
    replies = (
        completion(a if isinstance(a, str) else json.dumps(a), prompt_tokens=300 + i)
        for i, a in enumerate(answers)
    )
    with stub_server(*replies) as server:
        result = extract(
            text, **_keyed(server), **options,
        )  # fmt: skip
    return result, [json.loads(r["body"]) for r in server.requests]


def _covered(result: Any) -> set[str]:
    """The ids of the amounts a verified quantity sits on."""
    ids = {(m.start, m.end): k for k, m in amount_ids(Document(TEXT)).items()}
    spans = {
        (q.start, q.end) for c in result.claims for _p, q, _e in iter_quantities(c) if q.verified
    }
    return {k for span, k in ids.items() if span in spans}


def test_the_request_marks_every_amount_and_its_grammar_enumerates_their_ids() -> None:
    _result, requests = _run(GOOD)
    assert len(requests) == 1
    body = requests[0]
    user = body["messages"][-1]["content"]
    assert "environ 11 000 [n1] soldats" in user and "jusqu'à 8 000 [n4] soldats" in user
    schema = body["response_format"]["schema"]
    assert body["response_format"]["type"] == "json_object"
    assert schema["required"] == [*IDS, "autres", "contradictions"]
    assert schema["additionalProperties"] is False
    pair = schema["properties"]["contradictions"]["items"]["items"]
    assert pair == {"enum": IDS}
    system = body["messages"][0]["content"]
    assert "[n3]" in system and "n1" not in system.replace("[n3]", "")  # no chunk's ids in it
    # grammar decides every asserter here (selon X, X a affirmé que, the article): no "qui" asked
    assert {schema["properties"][k]["$ref"] for k in IDS} == {"#/$defs/counted"}
    assert schema["$defs"]["counted"]["required"] == ["quoi"]
    assert "Indices" not in user


HINTED = (
    "Selon l'agence de renseignement, 300 soldats auraient été tués. "
    "Ces rapports affirment en outre qu'environ 2 700 soldats ont été blessés."
)


HINTED_ANSWER = {"n1": _entry("soldats tués"), "n2": _entry("soldats blessés")}


def test_where_grammar_only_suggests_the_asserter_the_model_is_asked_with_the_hint() -> None:
    result, (body,) = _run(HINTED_ANSWER, text=HINTED)
    schema = body["response_format"]["schema"]
    assert schema["properties"]["n1"]["$ref"] == "#/$defs/counted"  # « selon X »: decided
    assert schema["properties"]["n2"]["$ref"] == "#/$defs/amount"  # « ces rapports »: a hint
    assert schema["$defs"]["amount"]["required"] == ["quoi", "qui"]
    user = body["messages"][-1]["content"]
    assert user.endswith(
        "Indices (à vérifier) :\n- n2 : qui = l'agence de renseignement ? (« affirment »)"
    )
    # the model named nobody: the hint fills the asserter, listed as a correction
    wounded = next(c for c in result.claims if c.id and c.summary == "soldats blessés")
    assert wounded.attribution.source == "l'agence de renseignement"
    assert any(c.field == "attribution.source" and "(hint)" in c.why for c in result.corrections)


def test_without_grammar_the_model_is_asked_every_asserter_and_given_no_hint() -> None:
    _result, (body,) = _run(HINTED_ANSWER, text=HINTED, grammar=False)
    refs = {v["$ref"] for k, v in body["response_format"]["schema"]["properties"].items()
            if k.startswith("n")}  # fmt: skip
    assert refs == {"#/$defs/amount"}
    assert "Indices" not in body["messages"][-1]["content"]


def test_the_system_prompt_is_the_same_for_every_text() -> None:
    _r1, first = _run(GOOD)
    with stub_server(completion(json.dumps({"autres": []}))) as server:
        extract(
            "Le gouvernement a présenté un plan pour la ville ce matin.",
            **_keyed(server),
        )  # fmt: skip
    other = json.loads(server.requests[0]["body"])
    assert other["messages"][0] == first[0]["messages"][0]


def test_a_good_answer_becomes_verified_claims_quoting_the_amounts_sentences() -> None:
    result, _requests = _run(GOOD)
    assert _covered(result) == set(IDS)
    assert result.flagged == []
    by_number = {
        str(q.value): c for c in result.claims for _p, q, _e in iter_quantities(c) if q.verified
    }
    first = by_number["11000"]
    assert isinstance(first, QuantitativeClaim)
    assert first.evidence.quote == "Selon le ministère, environ 11 000 soldats ont été déployés dans la région."  # fmt: skip
    assert first.quantity.qualifier.value == "approximate"
    assert first.subject == "soldats déployés"
    # who asserts it: grammar decides "selon le ministère", listed as a correction
    assert first.attribution.source == "le ministère"
    assert any(c.claim_id == first.id and c.why.startswith("grammar:") for c in result.corrections)
    budanov = by_number["8000"]
    assert isinstance(budanov, QuantitativeClaim)
    assert budanov.attribution.source == "Kyrylo Budanov"
    assert budanov.quantity.qualifier.value == "at_most"
    # the future tense makes the missiles a forecast, retyped by code and listed
    missiles = by_number["150"]
    assert isinstance(missiles, ForecastClaim) and missiles.status.value == "forecast"
    assert missiles.what == "missiles livrés"
    assert {(c.field, c.after) for c in result.corrections if c.claim_id == missiles.id} >= {
        ("status", "forecast"), ("type", "forecast")}  # fmt: skip
    contradiction = next(c for c in result.claims if isinstance(c, ContradictionClaim))
    assert contradiction.claim_ids == [first.id, budanov.id]
    assert any(
        c.type == "event" and c.evidence.quote == "Les deux pays ont signé un accord"
        for c in result.claims
    )


def test_an_asserter_the_text_does_not_name_is_not_taken() -> None:
    answer = {**GOOD, "n3": _entry("missiles livrés", "le Pentagone")}
    result, _requests = _run(answer)
    missiles = next(
        c for c in result.claims for _p, q, _e in iter_quantities(c) if str(q.value) == "150"
    )
    assert missiles.attribution.source == ""


def test_a_partial_answer_reasks_only_the_missing_ids_in_their_sentences() -> None:
    partial = {k: v for k, v in GOOD.items() if k not in ("n2", "n4")}
    rest = {"n2": GOOD["n2"], "n4": GOOD["n4"]}
    result, requests = _run(partial, rest)
    assert len(requests) == 2
    again = requests[1]
    assert again["response_format"]["schema"]["required"] == ["n2", "n4"]
    user = again["messages"][-1]["content"]
    assert "[n2]" in user and "[n4]" in user and "[n1]" not in user and "[n3]" not in user
    assert "environ 11 000" not in user  # only the sentences of the missing amounts
    assert _covered(result) == set(IDS)
    p = result.provenance
    assert (p.calls, p.reasks, p.second_passes) == (2, 1, 0)
    assert p.tokens_in == 300 + 301 and p.tokens_out == 10
    assert p.prompt.startswith("keyed@")


def test_an_answer_that_is_not_json_is_asked_again_once_then_warned() -> None:
    result, requests = _run("not json", "still not json")
    assert len(requests) == 2
    assert requests[1]["response_format"]["schema"]["required"] == IDS
    assert result.claims == []
    assert any("n1, n2, n3, n4" in w for w in result.warnings)
    assert result.provenance.reasks == 1


def test_without_reasks_one_call_per_chunk() -> None:
    partial = {k: v for k, v in GOOD.items() if k != "n2"}
    result, requests = _run(partial, max_reasks=0)
    assert len(requests) == 1
    assert _covered(result) == {"n1", "n3", "n4"}
    assert any("n2" in w for w in result.warnings)


def test_an_unknown_strategy_is_refused_before_any_call() -> None:
    with pytest.raises(OptionError, match="strategy 'fast' is not one of: keyed, claims"):
        extract(TEXT, strategy="fast", base_url="http://127.0.0.1:9/v1", model="m")


def test_keyed_is_the_default_and_a_custom_claim_type_needs_the_claims_strategy() -> None:
    class Price(QuantitativeClaim):
        type: Literal["price"] = "price"  # type: ignore[assignment]

    with pytest.raises(OptionError, match="Price need the model to fill their fields"):
        extract(TEXT, claim_types=(Price,), base_url="http://127.0.0.1:9/v1", model="m")
    with pytest.raises(OptionError, match="QuantitativeClaim or a ForecastClaim"):
        extract(TEXT, claim_types=(QuantitativeClaim,), base_url="http://127.0.0.1:9/v1", model="m")


def test_provenance_names_the_keyed_prompt_and_its_answer_shape() -> None:
    result, _requests = _run(GOOD)
    p = result.provenance
    assert p.prompt.startswith("keyed@") and p.calls == 1 and p.reasks == 0
    assert p.schema_sha256 == KeyedAnswer.schema_sha256() != schema_sha256(DEFAULT_CLAIM_TYPES)


def test_the_same_number_twice_in_a_sentence_gives_two_covered_amounts() -> None:
    text = (
        "Le texte vise les hommes d'au moins 17 ans et les femmes d'au moins 17 ans, selon la loi."
    )
    answer = {"n1": _entry("âge des hommes"), "n2": _entry("âge des femmes")}
    with stub_server(completion(json.dumps(answer))) as server:
        result = extract(
            text, **_keyed(server),
        )  # fmt: skip
    mentions = [(m.start, m.end) for m in amount_ids(Document(text)).values()]
    spans = [(q.start, q.end) for c in result.claims for _p, q, _e in iter_quantities(c)]
    assert len(mentions) == 2 and sorted(spans) == mentions
    assert result.flagged == []


def test_aextract_runs_the_same_keyed_calls() -> None:
    import asyncio

    from claimex import aextract

    with stub_server(completion(json.dumps(GOOD))) as server:
        result = asyncio.run(
            aextract(
                TEXT,
                **_keyed(server),
            )
        )
    assert _covered(result) == set(IDS)
    assert result.provenance.calls == 1


def test_cached_prompt_tokens_are_reported_when_the_server_tells() -> None:
    partial = {k: v for k, v in GOOD.items() if k != "n2"}
    replies = [completion(json.dumps(partial), prompt_tokens=400, cached_tokens=150),
               completion(json.dumps({"n2": GOOD["n2"]}), prompt_tokens=120, cached_tokens=100)]  # fmt: skip
    with stub_server(*replies) as server:
        told = extract(TEXT, **_keyed(server)).provenance
    assert (told.tokens_in, told.tokens_cached) == (520, 250)
    result, _requests = _run(GOOD)  # the stub's usage says nothing of a cache
    assert result.provenance.tokens_cached is None


def test_a_subject_without_the_counted_noun_or_the_texts_words_gives_way_to_the_text() -> None:
    answer = {**GOOD, "n1": _entry("est estimé"), "n3": _entry("logements sociaux construits")}
    result, _requests = _run(answer)
    by_number = {
        str(q.value): c for c in result.claims for _p, q, _e in iter_quantities(c) if q.verified
    }
    # "est estimé" lacks the noun « 11 000 » counts: the text's noun phrase replaces it
    assert by_number["11000"].subject == "soldats"
    # words that are not in the amount's sentence are not what it counts
    assert by_number["150"].what == "missiles"
    # a phrase holding the counted noun is the model's own reading, kept
    assert by_number["8000"].subject == "soldats engagés"


def test_an_answer_that_names_nobody_is_no_asserter() -> None:
    for who in ("Selon", "il", "l'article", "on"):
        assert not names_someone(who), who
    assert names_someone("le ministère") and names_someone("Kyrylo Budanov")


def test_an_answer_of_the_wrong_shape_is_asked_again_not_a_crash() -> None:
    result, requests = _run({"claims": ["x"]}, {"claims": 5})
    assert len(requests) == 2 and result.claims == []
    assert any("n1, n2, n3, n4" in w for w in result.warnings)


def test_a_sentence_the_text_repeats_keeps_each_amount() -> None:
    sentence = "Selon le ministère, environ 11 000 soldats ont été déployés dans la région."
    text = f"{sentence}\nLe bilan reste incertain.\n{sentence}"
    ids = list(amount_ids(Document(text)))
    assert len(ids) == 2
    result, _requests = _run({k: _entry("soldats") for k in ids}, text=text)
    spans = {(q.start, q.end) for c in result.claims for _p, q, _e in iter_quantities(c)}
    assert spans == {(m.start, m.end) for m in amount_ids(Document(text)).values()}
