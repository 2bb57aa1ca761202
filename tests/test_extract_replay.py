"""extract() over recorded calls to the embedded model: real answers, real properties."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import pytest

from claimex import BaseClaim, Extraction, Quantity, extract, find_numbers
from claimex.document import strip_source_header
from claimex.extract import DEFAULT_CLAIM_TYPES
from claimex.local import LOCAL_MODEL
from claimex.numbers import AMOUNT_KINDS
from claimex.prompts import load_prompt
from claimex.schemas import iter_quantities
from claimex.text import typographic_view
from tests.conftest import EXAMPLES
from tests.replay import CASSETTES, SECRET_HEADERS, base_url, replay

# The six gold texts (and one chunked), with the default options (the keyed strategy), and the
# same with strategy="claims" (the model fills the claim schemas; "claims-" cassettes).
_TEXTS: dict[str, tuple[str, dict[str, Any]]] = {
    "seed": ("koree-du-nord-russie.txt", {}),
    "wikinews-001": ("wikinews-001.txt", {}),
    "wikinews-002": ("wikinews-002.txt", {}),
    "wikinews-003": ("wikinews-003.txt", {}),
    "wikinews-004": ("wikinews-004.txt", {}),
    "wikinews-005": ("wikinews-005.txt", {}),
    "wikinews-007-chunked": ("wikinews-007.txt", {"chunk_chars": 2500}),
}
CLAIMS = {"strategy": "claims"}
# name -> (article file, extract() options). "claims-seed-reask" turns off taking qualifiers
# from the text, so the model's own mistakes go back to it: the recording holds real re-asks.
CASES: dict[str, tuple[str, dict[str, Any]]] = {
    **_TEXTS,
    **{f"claims-{name}": (file, {**CLAIMS, **o}) for name, (file, o) in _TEXTS.items()},
    "claims-seed-reask": (
        "koree-du-nord-russie.txt",
        {**CLAIMS, "derive": False, "max_reasks": 2, "second_pass": False},
    ),
}


def article(name: str) -> str:
    text = (EXAMPLES / CASES[name][0]).read_text(encoding="utf-8")
    return strip_source_header(text)


_results: dict[tuple[str, bool], Extraction] = {}


def run(name: str, *, grammar: bool = True) -> Extraction:
    """The recorded extraction of a case; ``grammar=False`` replays the same calls and leaves
    status and attribution as the model wrote them (the requests are the same)."""
    if (name, grammar) not in _results:
        options = CASES[name][1]
        url = base_url()  # when recording, start the server before the cassette opens
        with replay(name):
            _results[name, grammar] = extract(
                article(name),
                base_url=url,
                model=LOCAL_MODEL.name,
                server_kind="llama-cpp",
                api_key="not-a-real-key",
                grammar=grammar,
                **options,
            )
    return _results[name, grammar]


def quantities(claim: BaseClaim) -> list[Quantity]:
    return [n for _p, n, _e in iter_quantities(claim)]


@pytest.mark.parametrize("name", sorted(CASES))
def test_claims_parse_into_the_schemas(name: str) -> None:
    result = run(name)
    assert result.claims, "the recording produced no claim"
    for claim in result.claims:
        assert isinstance(claim, DEFAULT_CLAIM_TYPES)
        assert type(claim).model_validate(claim.model_dump()) == claim
    assert (
        Extraction.model_validate_json(result.model_dump_json()).text_sha256 == result.text_sha256
    )


@pytest.mark.parametrize("name", sorted(CASES))
def test_every_verified_number_is_in_its_quote(name: str) -> None:
    result, text = run(name), article(name)
    mentions = {(m.start, m.end): m for m in find_numbers(text)}
    verified = 0
    for i, claim in enumerate(result.claims):
        ev = claim.evidence
        if ev.start is not None and ev.end is not None:
            # the library's own alignment: the span reads as the quote, typography aside
            assert typographic_view(text[ev.start : ev.end]).text == typographic_view(ev.quote).text
        for q in quantities(claim):
            if not q.verified:
                assert i in result.flagged, "a failing number must be flagged"
                continue
            verified += 1
            assert q.start is not None and q.end is not None
            m = mentions[(q.start, q.end)]
            assert m.value == q.value and m.high == q.high and m.qualifier == q.qualifier
            if q.quote is None:
                assert ev.start is not None and ev.end is not None
                assert ev.start <= q.start and q.end <= ev.end
    assert verified == sum(v.verification.ok for v in result.report.quantities)


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_report_lists_what_is_uncovered(name: str) -> None:
    """Every amount of the text is either under a verified number of a returned claim or in
    ``report.uncovered``, never both, in text order."""
    result, text = run(name), article(name)
    under_claims = {(q.start, q.end) for c in result.claims for q in quantities(c) if q.verified}
    amounts = [m for m in find_numbers(text) if m.kind in AMOUNT_KINDS]
    uncovered = [(m.start, m.end) for m in result.report.uncovered]
    assert uncovered == sorted(uncovered)
    assert set(uncovered) <= {(m.start, m.end) for m in amounts}
    for m in amounts:
        assert ((m.start, m.end) in under_claims) != ((m.start, m.end) in uncovered), m


@pytest.mark.parametrize("name", sorted(CASES))
def test_provenance(name: str) -> None:
    p = run(name).provenance
    assert p.model == LOCAL_MODEL.name and p.server_kind == "llama-cpp"
    claims = CASES[name][1].get("strategy") == "claims"
    assert p.prompt == load_prompt("extract" if claims else "keyed").id
    assert p.calls >= p.chunks >= 1 and p.reasks == p.calls - p.chunks - p.second_passes
    assert p.tokens_in > 0 and p.tokens_out > 0
    assert p.transport_retries == 0


@pytest.mark.parametrize("name", sorted(CASES))
def test_corrections_name_final_claims_and_what_they_now_say(name: str) -> None:
    from tests.test_review import each_correction_is_what_its_claim_now_says

    each_correction_is_what_its_claim_now_says(run(name))


def test_seed_numbers_come_out_right() -> None:
    """The seed's key numbers are all verified, each with the text's qualifier."""
    result = run("seed")
    expected = {Decimal(11000): "approximate", Decimal(150): "at_least", Decimal(8000): "at_most"}
    found: dict[Decimal, set[str]] = {}
    for claim in result.claims:
        for q in quantities(claim):
            if q.value in expected and q.verified:
                found.setdefault(q.value, set()).add(q.qualifier.value)
    assert found == {value: {qualifier} for value, qualifier in expected.items()}


def test_a_reask_was_recorded_and_replayed() -> None:
    result = run("claims-seed-reask")
    assert result.provenance.reasks >= 1
    assert result.provenance.calls > result.provenance.chunks


@pytest.mark.parametrize("name", ["wikinews-007-chunked", "claims-wikinews-007-chunked"])
def test_chunks_are_merged_with_global_ids(name: str) -> None:
    result, text = run(name), article(name)
    assert result.provenance.chunks >= 2
    ids = [c.id for c in result.claims]
    assert ids == [f"c{i}" for i in range(1, len(ids) + 1)]
    assert all(c.evidence.end is None or c.evidence.end <= len(text) for c in result.claims)


def test_cassettes_hold_no_secrets() -> None:
    files = sorted(CASSETTES.glob("*.yaml"))
    assert files, "no cassettes"
    pattern = re.compile(
        r"(sk-[A-Za-z0-9_-]{16,}|Bearer\s+\S+|not-a-real-key|"
        + "|".join(rf"^\s*{h}:" for h in SECRET_HEADERS)
        + ")",
        re.IGNORECASE | re.MULTILINE,
    )
    for path in files:
        hit = pattern.search(path.read_text(encoding="utf-8"))
        assert hit is None, f"{path.name} holds {hit.group()!r}"
