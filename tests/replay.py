"""Recorded LLM calls: vcrpy cassettes of a real server's real answers, replayed offline.

Replay is the default (and the only mode in CI): any request that is not in the cassette fails.
Record with the embedded model (needs ``pip install -e '.[local,test]'``)::

    CLAIMEX_RECORD=1 python -m pytest tests/test_extract_replay.py

Requests match on method, path and JSON body, so a changed prompt or schema is a new request and
fails replay until re-recorded. Authorization and api-key headers never reach a cassette.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import vcr
from vcr.cassette import Cassette

from claimex.errors import ServerError

ROOT = Path(__file__).resolve().parent.parent
CASSETTES = ROOT / "cassettes"
RECORDING = os.environ.get("CLAIMEX_RECORD") == "1" and os.environ.get("CI", "").lower() != "true"
RERECORD = (
    "this request is not in the cassette (the prompt, schema or inputs changed?). "
    "Re-record with: CLAIMEX_RECORD=1 python -m pytest tests/test_extract_replay.py "
    "(needs pip install -e '.[local,test]')"
)
SECRET_HEADERS = ["authorization", "api-key", "x-api-key", "openai-organization", "cookie"]
REPLAY_BASE_URL = "http://127.0.0.1:9/v1"  # never contacted: replay answers first


def _json_body(r1: Any, r2: Any) -> None:
    def load(body: Any) -> Any:
        if isinstance(body, bytes):
            body = body.decode("utf-8")
        return json.loads(body) if body else None

    assert load(r1.body) == load(r2.body), "bodies differ"


def _scrub_response(response: dict[str, Any]) -> dict[str, Any]:
    headers = response.get("headers", {})
    for name in list(headers):
        if name.lower() in ("set-cookie", "date", "server"):
            del headers[name]
    return response


def recorder() -> vcr.VCR:
    v = vcr.VCR(
        cassette_library_dir=str(CASSETTES),
        record_mode="once" if RECORDING else "none",
        match_on=("method", "path", "json_body"),
        filter_headers=SECRET_HEADERS,
        decode_compressed_response=True,
        before_record_response=_scrub_response,
    )
    v.register_matcher("json_body", _json_body)
    return v


def base_url() -> str:
    """The live embedded server when recording, a placeholder address when replaying."""
    if RECORDING:
        from claimex.local import local_server

        return local_server().base_url
    return REPLAY_BASE_URL


@contextmanager
def replay(name: str) -> Iterator[Cassette]:
    path = CASSETTES / f"{name}.yaml"
    if not RECORDING and not path.exists():
        raise AssertionError(f"missing cassette {path.name}; {RERECORD}")
    with recorder().use_cassette(f"{name}.yaml") as cassette:
        try:
            yield cassette
        except ServerError as exc:
            if RECORDING:
                raise
            raise AssertionError(f"{path.name}: {RERECORD} ({exc})") from exc
