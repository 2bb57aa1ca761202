"""What a failed call becomes: a ServerError for the caller, or what its last answer completed."""

from __future__ import annotations

import json
from typing import Any

import openai
from pydantic import BaseModel

from claimex.errors import ExtractionError, ServerError
from claimex.llm import status_text
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
            f"the model's answer could not be used: {type(exc).__name__}: "
            f"{' '.join(str(exc).split())[:300]}"
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
            # the status only: a body can echo the request, and with it the credentials
            status = cur.status_code
            cause = status_text(status)
            hint = _STATUS_HINTS.get(status, "check the model name and the server kind")
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


_STATUS_HINTS = {
    401: "check OPENAI_API_KEY",
    403: "check OPENAI_API_KEY",
    404: "check the server URL (it usually ends in /v1) and the model name",
    413: "lower chunk_chars or max_tokens",
}
