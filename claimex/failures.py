"""What a failed call becomes: a ServerError for the caller, or what its last answer completed."""

from __future__ import annotations

import json
from typing import Any

import openai
from pydantic import BaseModel

from claimex.errors import ExtractionError, ServerError
from claimex.salvage import lenient_parse
from claimex.schemas import BaseClaim

__all__ = ["claims_of_failed_call", "server_error"]


def claims_of_failed_call(exc: Exception, rm: type[BaseModel], server: str) -> list[BaseClaim]:
    """The claims the last answer of a failed call completed (its failures get flagged later).

    A server that failed raises its ``ServerError``; a call that left no answer at all raises
    ``ExtractionError``.
    """
    error = server_error(exc, server)
    if error is not None:
        raise error from None
    completion: Any = getattr(exc, "last_completion", None)
    if completion is None:
        raise ExtractionError(
            f"the model's answer could not be used: {type(exc).__name__}: {str(exc)[:300]}; "
            "check the server kind and the model"
        ) from None
    return lenient_parse(rm, completion)


def server_error(exc: BaseException, server: str) -> ServerError | None:
    """The ServerError behind an openai or instructor exception, or one made from it."""
    chain: list[BaseException] = []
    cur: BaseException | None = exc
    while cur is not None and all(cur is not c for c in chain):
        chain.append(cur)
        cur = cur.__cause__ or cur.__context__
    for cur in chain:
        if isinstance(cur, ServerError):  # raised by our transport: it knows the whole story
            return cur
    for cur in chain:
        if isinstance(cur, openai.APIStatusError):
            status = cur.status_code
            detail = "" if status in (401, 403) else _short_body(cur)
            cause = f"HTTP {status}{': ' + detail if detail else ''}"
            hint = (
                "check OPENAI_API_KEY"
                if status in (401, 403)
                else "check the model name and the server kind"
            )
            return ServerError(
                f"the LLM server {server} refused the request ({cause}); {hint}.",
                server=server,
                cause=cause,
                attempts=1,
            )
        if isinstance(cur, openai.APITimeoutError | openai.APIConnectionError):
            cause = "timed out" if isinstance(cur, openai.APITimeoutError) else "connection failed"
            return ServerError(
                f"the LLM server {server} failed: {cause}.", server=server, cause=cause, attempts=1
            )
        if isinstance(cur, openai.APIResponseValidationError | json.JSONDecodeError):
            cause = "malformed response (not the JSON of a chat completion)"
            return ServerError(
                f"the LLM server {server} sent a {cause}.", server=server, cause=cause, attempts=1
            )
    return None


def _short_body(err: openai.APIStatusError) -> str:
    try:
        body = err.response.text
    except Exception:  # pragma: no cover - streaming bodies
        return ""
    return " ".join(body.split())[:200]
