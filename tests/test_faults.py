"""Transport faults, malformed answers and bad input: clear errors, bounded retries, no secrets."""

from __future__ import annotations

import json
import logging
import socket
import time
from pathlib import Path

import pytest

from claimex import (
    ConfigurationError,
    ExtractionError,
    InputError,
    LocalModelError,
    ServerError,
    aextract,
    extract,
)
from claimex.llm import RetryPolicy
from tests.stub_server import Reply, completion, stub_server

TEXT = (
    "Selon le ministère, environ 11 000 soldats ont été déployés dans la région, "
    "et au moins 150 missiles ont été livrés."
)
SECRET = "sk-proj-ThisIsASecretKeyThatMustNeverLeak1234567890"
FAST = RetryPolicy(attempts=3, total_seconds=10, backoff_base=0.01, backoff_cap=0.05)

GOOD_ANSWER = json.dumps(
    {
        "claims": [
            {
                "type": "quantitative",
                "id": "c1",
                "subject": "soldats déployés",
                "evidence": {"quote": "environ 11 000 soldats ont été déployés"},
                "attribution": {"source": "le ministère", "kind": "indirect_speech"},
                "quantity": {"value": 11000, "unit": "soldats", "qualifier": "approximate"},
            }
        ]
    }
)
WRONG_NUMBER = GOOD_ANSWER.replace("11000", "12000")


def run(base_url: str, **kwargs: object) -> object:
    options: dict[str, object] = {
        "base_url": base_url, "model": "stub-model", "server_kind": "llama-cpp",
        "api_key": SECRET, "retry": FAST, "timeout": 2.0, "second_pass": False, "strategy": "claims",
    }  # fmt: skip
    options.update(kwargs)
    return extract(TEXT, **options)  # type: ignore[arg-type]


def test_a_good_answer_after_transient_faults() -> None:
    with stub_server(
        Reply(429, b'{"error": "rate limited"}', {"Retry-After": "0"}),
        Reply(503, b"overloaded"),
        completion(GOOD_ANSWER),
    ) as server:
        result = run(server.base_url)
    assert result.provenance.transport_retries == 2  # type: ignore[attr-defined]
    assert result.provenance.calls == 1  # type: ignore[attr-defined]
    assert result.flagged == []  # type: ignore[attr-defined]
    assert len(server.requests) == 3
    sent = json.loads(server.requests[-1]["body"])
    assert sent["response_format"]["type"] == "json_object"
    assert "schema" in sent["response_format"]  # llama.cpp's grammar-constrained JSON


def test_retry_after_is_honoured() -> None:
    with stub_server(Reply(429, b"slow down", {"Retry-After": "1"}), completion(GOOD_ANSWER)) as s:
        t0 = time.monotonic()
        run(s.base_url, retry=RetryPolicy(attempts=3, backoff_base=0.01, backoff_cap=5))
        assert time.monotonic() - t0 >= 0.9


@pytest.mark.parametrize(
    ("replies", "cause"),
    [
        ([Reply(500, b"boom")] * 3, "HTTP 500"),
        ([Reply(429, b"no", {"Retry-After": "0"})] * 3, "HTTP 429"),
        ([Reply(200, b'{"id": 1', {"Content-Type": "application/json"}, truncate=True)] * 3, ""),
        ([Reply(drop=True)] * 3, ""),
        ([Reply(delay=3.0)] * 3, "timed out"),
    ],
    ids=["500", "429", "truncated", "dropped", "slow"],
)
def test_persistent_faults_end_in_a_clear_error(
    replies: list[Reply], cause: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    with stub_server(*replies) as server, pytest.raises(ServerError) as info:
        run(server.base_url)
    err = info.value
    assert "127.0.0.1" in str(err) and cause in str(err)
    assert err.attempts == 3 and len(server.requests) == 3
    assert SECRET not in str(err) and SECRET not in caplog.text


def test_connection_refused() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # nothing listens here once the socket closes
    with pytest.raises(ServerError) as info:
        run(f"http://127.0.0.1:{port}/v1")
    assert "connection refused" in str(info.value) and SECRET not in str(info.value)


def test_unauthorized_is_not_retried_and_hides_the_body() -> None:
    body = json.dumps({"error": {"message": f"Incorrect API key provided: {SECRET}"}}).encode()
    with (
        stub_server(Reply(401, body, {"Content-Type": "application/json"})) as server,
        pytest.raises(ServerError) as info,
    ):
        run(server.base_url)
    assert "HTTP 401" in str(info.value) and "OPENAI_API_KEY" in str(info.value)
    assert SECRET not in str(info.value) and len(server.requests) == 1


def test_malformed_json_from_the_server() -> None:
    with (
        stub_server(Reply(200, b"this is not json", {"Content-Type": "application/json"})) as s,
        pytest.raises((ServerError, ExtractionError)) as info,
    ):
        run(s.base_url)
    assert SECRET not in str(info.value)


def test_json_that_is_not_a_completion_is_a_warning_not_a_crash() -> None:
    body = json.dumps({"error": f"echo: Bearer {SECRET}"}).encode()
    with stub_server(*[Reply(200, body, {"Content-Type": "application/json"})] * 2) as s:
        result = run(s.base_url, max_reasks=1)
    assert result.claims == [] and result.warnings  # type: ignore[attr-defined]
    assert SECRET not in result.model_dump_json()  # type: ignore[attr-defined]


def test_a_wrong_number_is_reasked_with_the_verifiers_message() -> None:
    with stub_server(completion(WRONG_NUMBER), completion(GOOD_ANSWER)) as server:
        result = run(server.base_url, max_reasks=1)
    assert result.provenance.reasks == 1 and result.flagged == []  # type: ignore[attr-defined]
    reask = json.loads(server.requests[1]["body"])["messages"][-1]["content"]
    assert "12 000 is not in the quote" in reask and "11 000 (approximate)" in reask


@pytest.mark.parametrize(
    ("on_invalid", "expect"), [("keep", "flagged"), ("drop", "dropped"), ("raise", "raises")]
)
def test_what_still_fails_is_never_presented_as_verified(on_invalid: str, expect: str) -> None:
    with stub_server(completion(WRONG_NUMBER), completion(WRONG_NUMBER)) as server:
        if expect == "raises":
            with pytest.raises(ExtractionError) as info:
                run(server.base_url, max_reasks=1, on_invalid=on_invalid)
            assert info.value.result is not None
            return
        result = run(server.base_url, max_reasks=1, on_invalid=on_invalid)
    if expect == "flagged":
        assert result.flagged == [0]  # type: ignore[attr-defined]
        claim = result.claims[0]  # type: ignore[attr-defined]
        assert claim.quantity.verified is False and claim.quantity.start is None
        assert result.warnings  # type: ignore[attr-defined]
    else:
        assert result.claims == [] and result.dropped == 1  # type: ignore[attr-defined]


def test_unusable_model_output_is_reported_not_silent() -> None:
    with stub_server(completion("Je ne sais pas."), completion("{not json")) as server:
        result = run(server.base_url, max_reasks=1)
    assert result.claims == []  # type: ignore[attr-defined]
    assert any("not usable JSON" in w for w in result.warnings)  # type: ignore[attr-defined]


def test_async_extraction_against_the_stub() -> None:
    import asyncio

    with stub_server(Reply(500, b"boom"), completion(GOOD_ANSWER)) as server:
        result = asyncio.run(
            aextract(
                TEXT,
                base_url=server.base_url,
                model="stub-model",
                server_kind="llama-cpp",
                api_key=SECRET,
                retry=FAST,
                timeout=2.0,
                second_pass=False,
                strategy="claims",
            )
        )
    assert result.flagged == [] and result.provenance.transport_retries == 1


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        ("   \n\t ", "empty"),
        (b"\x00\x01\xff".decode("latin-1") * 200, "binary"),
        ("abc\ufffd" * 500, "binary"),
        (
            "The Ministry of Defence said that about eleven thousand soldiers were deployed "
            "to the region in the last months, and the government would send more troops "
            "to the front in the coming weeks according to officials who spoke to reporters.",
            "does not look French",
        ),
        ("x" * 2_000_001, "over the limit"),
    ],
    ids=["empty", "blank", "binary", "replacement-chars", "english", "huge"],
)
def test_bad_input_fails_before_any_call(text: str, message: str) -> None:
    with stub_server() as server:
        with pytest.raises(InputError, match=message):
            extract(text, base_url=server.base_url, model="m")
        assert server.requests == []


def test_no_model_configured_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    for var in ("CLAIMEX_BASE_URL", "OPENAI_BASE_URL", "CLAIMEX_MODEL"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("CLAIMEX_CACHE_DIR", str(tmp_path))  # no embedded server of this machine
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: None if name == "llama_cpp" else real(name, *a),
    )
    import claimex.local

    monkeypatch.setattr(claimex.local, "_shared", None)
    with pytest.raises(LocalModelError, match=r"pip install 'claimex\[local\]'"):
        extract(TEXT)


def test_a_server_without_a_model_name(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CLAIMEX_MODEL", raising=False)
    monkeypatch.setenv("CLAIMEX_BASE_URL", "http://127.0.0.1:9/v1")
    with pytest.raises(ConfigurationError, match="CLAIMEX_MODEL"):
        extract(TEXT)


def test_an_explicit_client_is_used_as_given() -> None:
    import openai

    with stub_server(completion(GOOD_ANSWER)) as server:
        client = openai.OpenAI(base_url=server.base_url, api_key=SECRET, max_retries=0)
        result = extract(
            TEXT, client=client, model="stub-model", second_pass=False, strategy="claims"
        )
    assert result.flagged == [] and result.provenance.server == server.base_url
    assert result.provenance.server_kind == "llama-cpp"  # a loopback server speaks llama.cpp
    headers = {k.lower(): v for k, v in server.requests[0]["headers"].items()}
    assert headers["authorization"] == f"Bearer {SECRET}"  # the client is used as given


@pytest.mark.parametrize(
    ("url", "part"),
    [
        (f"http://127.0.0.1:9/v1?api_key={SECRET}", "?query"),
        (f"http://user:{SECRET}@127.0.0.1:9/v1", "user:password@"),
        ("ftp://127.0.0.1:9/v1", "http://"),
        ("127.0.0.1:9/v1", "http://"),
    ],
    ids=["query", "userinfo", "scheme", "no-scheme"],
)
def test_a_server_url_that_would_leak_or_misroute_is_refused(url: str, part: str) -> None:
    with pytest.raises(ConfigurationError) as info:
        run(url)
    message = str(info.value)
    assert part in message and SECRET not in message and "\n" not in message


@pytest.mark.parametrize("status", [400, 404, 422, 500])
def test_no_part_of_an_error_body_reaches_the_message(status: int) -> None:
    echo = json.dumps({"error": f"bad request: Authorization: Bearer {SECRET}"}).encode()
    with stub_server(*[Reply(status, echo)] * 3) as server, pytest.raises(ServerError) as info:
        run(server.base_url)
    message = str(info.value)
    assert f"HTTP {status}" in message and "bad request" not in message
    assert SECRET not in message and SECRET not in info.value.cause and "\n" not in message


@pytest.mark.parametrize("value", ["soon", "Thu, 99 Foo 2026", "nan", ""])
def test_an_unreadable_retry_after_is_retried_like_a_missing_one(value: str) -> None:
    with stub_server(Reply(429, b"", {"Retry-After": value}), completion(GOOD_ANSWER)) as server:
        result = run(server.base_url)
    assert result.provenance.transport_retries == 1 and len(server.requests) == 2  # type: ignore[attr-defined]


def test_a_retry_after_over_the_cap_is_reported_not_shortened() -> None:
    # decision: waiting less than the server asked only earns another refusal, so claimex stops
    # and says how long the server wants, instead of silently retrying sooner
    with (
        stub_server(Reply(429, b"", {"Retry-After": "3600"}), completion(GOOD_ANSWER)) as server,
        pytest.raises(ServerError) as info,
    ):
        t0 = time.monotonic()
        run(server.base_url)
    assert time.monotonic() - t0 < 5 and len(server.requests) == 1
    assert "retry after 3600 s (Retry-After)" in str(info.value)
    assert "backoff_cap" in str(info.value)


def test_a_server_with_nonsense_usage_figures_costs_no_warning(
    recwarn: pytest.WarningsRecorder,
) -> None:
    body = json.loads(completion(GOOD_ANSWER).body)
    body["usage"] = {"prompt_tokens": -1, "completion_tokens": "a", "total_tokens": None}
    with stub_server(
        Reply(200, json.dumps(body).encode(), {"Content-Type": "application/json"})
    ) as s:
        result = run(s.base_url)
    assert result.flagged == [] and result.provenance.tokens_out == 0  # type: ignore[attr-defined]
    assert [str(w.message) for w in recwarn] == []


def test_a_null_answer_is_a_one_line_extraction_error() -> None:
    with (
        stub_server(*[Reply(200, b"null", {"Content-Type": "application/json"})] * 2) as s,
        pytest.raises(ExtractionError) as info,
    ):
        run(s.base_url, max_reasks=1)
    assert "\n" not in str(info.value)
