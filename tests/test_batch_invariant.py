"""The batch invariant, fuzzed: whatever the inputs and whatever the server does, every input ends
with exactly one final record, errors are one-line ``ClaimexError``s, and no secret leaks."""

from __future__ import annotations

import json
import logging
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from claimex.batch import extract_many, read_records
from claimex.llm import RetryPolicy
from tests.stub_server import Reply, completion, stub_server
from tests.test_faults import GOOD_ANSWER, SECRET, TEXT, WRONG_NUMBER

FAST = RetryPolicy(attempts=2, total_seconds=5, backoff_base=0.001, backoff_cap=0.01)
ECHO = json.dumps({"error": f"echo: Authorization: Bearer {SECRET}"}).encode()

# the scanner's hard cases: number words, digits of any length, every space, superscripts and
# other Unicode digits, scale words, currency signs
PIECES = [
    "soixante et onze", "quatre-vingt-dix-neuf", "mille", "une centaine", "deux tiers", "moitié",
    "environ", "au moins", "jusqu'à", "million", "milliards", "M€", "k$", "%", "€", "£",
    "1", "12", "007", "1 000", "12345678901234567890123", "3,5", "1.350.000", "²", "³", "¹⁰",
    "٣", "५", "①", "Ⅻ", " ", "\u00a0", "\u202f", "\u2009", "\t", "\n", "-", "–", "/", ",", ".",
]  # fmt: skip
FRAGMENT = st.lists(st.sampled_from(PIECES), max_size=12).map("".join)
TEXTS = st.one_of(
    FRAGMENT.map(lambda extra: f"{TEXT} {extra}"),  # French enough to reach the server
    FRAGMENT,  # mostly not French: refused before any call
    st.sampled_from(["", "   ", "x\ud800 " + TEXT, "据报道，约一万一千名士兵已被部署。" * 4]),
    st.sampled_from([None, 123, ["liste"], {"text": TEXT}]),
)
REPLIES = st.sampled_from(
    [
        completion(GOOD_ANSWER),
        completion(WRONG_NUMBER),
        completion("{not json"),
        Reply(200, b"this is not json", {"Content-Type": "application/json"}),
        Reply(200, ECHO, {"Content-Type": "application/json"}),  # JSON, but not a completion
        Reply(200, b"null", {"Content-Type": "application/json"}),
        Reply(429, ECHO, {"Retry-After": "0"}),
        Reply(429, ECHO, {"Retry-After": "soon"}),
        Reply(429, ECHO, {"Retry-After": "86400"}),
        Reply(500, ECHO),
        Reply(503, ECHO),
        Reply(401, ECHO, {"Content-Type": "application/json"}),
        Reply(400, ECHO, {"Content-Type": "application/json"}),
        Reply(200, GOOD_ANSWER.encode(), {"Content-Type": "application/json"}, truncate=True),
        Reply(drop=True),
    ]
)


def run_batch(items: list[tuple[str, Any]], script: list[Reply], out: Path, n: int) -> list[Any]:
    with stub_server(*script) as server:
        return extract_many(
            items, output=out, concurrency=n, base_url=server.base_url, model="m",
            server_kind="llama-cpp", api_key=SECRET, retry=FAST, timeout=2.0, max_reasks=1,
            second_pass=False, strategy="claims",
        )  # fmt: skip


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    texts=st.lists(TEXTS, min_size=1, max_size=5),
    first=st.lists(REPLIES, max_size=8),
    second=st.lists(REPLIES, max_size=8),
    concurrency=st.integers(min_value=1, max_value=3),
)
@example(  # every hard input at once, twice the same text, against a server that echoes secrets
    texts=[TEXT, TEXT, "x\ud800 " + TEXT, None, f"{TEXT} ² moitié 12345678901234567890123 M€"],
    first=[Reply(401, ECHO), Reply(drop=True), completion(GOOD_ANSWER)],
    second=[Reply(429, ECHO, {"Retry-After": "soon"}), completion(GOOD_ANSWER)],
    concurrency=2,
)
def test_every_input_ends_with_exactly_one_final_record(
    texts: list[Any], first: list[Reply], second: list[Reply], concurrency: int
) -> None:
    items = [(f"doc{n}", text) for n, text in enumerate(texts)]
    logs = _Capture()
    root = logging.getLogger()
    level = root.level
    root.addHandler(logs)
    root.setLevel(logging.DEBUG)  # the request logs of openai and httpx included
    try:
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "claims.jsonl"
            for script in (first, second):  # a run, then a resume against a new server
                records = run_batch(items, script, out, concurrency)
                assert [r.id for r in records] == [doc_id for doc_id, _ in items]
                final = read_records(out)
                assert sorted(r.key for r in final) == sorted(r.key for r in records)
                for r in records:
                    assert (r.status == "ok") == (r.result is not None)
                    if r.status == "error":
                        assert r.error and "\n" not in r.error and r.error_type
                written = out.read_text(encoding="utf-8")
                assert SECRET not in written and "echo:" not in written
    finally:
        root.removeHandler(logs)
        root.setLevel(level)
    assert SECRET not in logs.text and "echo:" not in logs.text


class _Capture(logging.Handler):
    """Every log line of the run, DEBUG included, as text."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))

    @property
    def text(self) -> str:
        return "\n".join(self.lines)
