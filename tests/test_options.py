"""ExtractOptions are checked once and frozen; the clients claimex opens are closed."""

from __future__ import annotations

import asyncio
import dataclasses
import json
from typing import Any

import openai
import pytest

from claimex import (
    ClaimexError,
    ExtractOptions,
    QuantitativeClaim,
    aextract,
    extract,
    extract_many,
)
from claimex.errors import OptionError
from claimex.llm import LLMConfig
from tests.stub_server import completion, stub_server
from tests.test_second_pass import FIRST, TEXT

ANSWER = json.dumps({"claims": [FIRST["claims"][1]]})


def test_options_are_frozen_and_normalised() -> None:
    options = ExtractOptions(claim_types=[QuantitativeClaim], on_invalid="drop", strategy="claims")
    assert options.claim_types == (QuantitativeClaim,) and options.on_invalid == "drop"
    with pytest.raises(dataclasses.FrozenInstanceError):
        options.max_reasks = 3  # type: ignore[misc]
    changed = ExtractOptions.build(options, max_reasks=0)
    assert changed.max_reasks == 0 and changed.claim_types == (QuantitativeClaim,)


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"max_reasks": -1}, "max_reasks"),
        ({"on_invalid": "ignore"}, "on_invalid 'ignore' is not one of"),
        ({"chunk_chars": 10}, "chunk_chars"),
        ({"claim_types": ()}, "claim_types"),
        ({"claim_types": (dict,)}, "claim_types"),
        ({"max_reask": 1}, "unknown extract option(s): max_reask"),
    ],
)
def test_a_bad_option_is_a_claimex_error_before_any_call(
    changes: dict[str, Any], words: str
) -> None:
    with pytest.raises(OptionError, match=words.replace("(", r"\(").replace(")", r"\)")):
        ExtractOptions.build(**changes)
    with pytest.raises(ClaimexError):
        extract(TEXT, base_url="http://127.0.0.1:9/v1", model="m", **changes)


def _opened(monkeypatch: pytest.MonkeyPatch, name: str) -> list[Any]:
    """Every client LLMConfig opens, recorded."""
    opened: list[Any] = []
    original = getattr(LLMConfig, name)

    def recording(self: LLMConfig, *args: Any, **kwargs: Any) -> Any:
        client = original(self, *args, **kwargs)
        opened.append(client)
        return client

    monkeypatch.setattr(LLMConfig, name, recording)
    return opened


def test_the_client_claimex_opens_is_closed(monkeypatch: pytest.MonkeyPatch) -> None:
    opened = _opened(monkeypatch, "openai_client")
    with stub_server(completion(ANSWER)) as server:
        extract(
            TEXT, base_url=server.base_url, model="stub-model", second_pass=False, strategy="claims"
        )
    assert len(opened) == 1 and opened[0].is_closed()


def test_the_async_client_claimex_opens_is_closed(monkeypatch: pytest.MonkeyPatch) -> None:
    opened = _opened(monkeypatch, "async_openai_client")
    with stub_server(completion(ANSWER)) as server:
        asyncio.run(
            aextract(
                TEXT,
                base_url=server.base_url,
                model="stub-model",
                second_pass=False,
                strategy="claims",
            )
        )
    assert len(opened) == 1 and opened[0].is_closed()


def test_a_client_given_stays_open() -> None:
    with stub_server(completion(ANSWER)) as server:
        client = openai.OpenAI(base_url=server.base_url, api_key="none", max_retries=0)
        extract(TEXT, client=client, model="stub-model", second_pass=False, strategy="claims")
        assert not client.is_closed()
        client.close()


def test_a_batch_uses_one_client_and_closes_it(monkeypatch: pytest.MonkeyPatch) -> None:
    opened = _opened(monkeypatch, "async_openai_client")
    texts = [("a", TEXT), ("b", TEXT.replace("région", "zone"))]
    with stub_server(completion(ANSWER), completion(ANSWER)) as server:
        records = extract_many(
            texts,
            base_url=server.base_url,
            model="stub-model",
            second_pass=False,
            strategy="claims",
        )
    assert [r.status for r in records] == ["ok", "ok"]
    assert len(opened) == 1 and opened[0].is_closed()


def test_a_resumed_batch_with_nothing_left_starts_no_server(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Any
) -> None:
    """The resume key needs the model's name only: the embedded model is not started for it."""
    for name in ("CLAIMEX_BASE_URL", "OPENAI_BASE_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("CLAIMEX_MODEL", "stub-model")
    out = tmp_path / "out.jsonl"
    with stub_server(completion(ANSWER)) as server:
        first = extract_many([("a", TEXT)], output=out, base_url=server.base_url,
                             server_kind="llama-cpp", second_pass=False, strategy="claims")  # fmt: skip
    assert [r.status for r in first] == ["ok"]

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("a server was resolved")

    monkeypatch.setattr("claimex.llm.resolve_config", refuse)
    again = extract_many([("a", TEXT)], output=out, second_pass=False, strategy="claims")
    assert [r.status for r in again] == ["ok"]
