"""Which calls a chunk takes and what each asks: the whole chunk, then each amount still uncovered.

One number per second-pass call: shown one sentence and asked for one claim, the 1.5B model gets
the number right far more often than when asked for twenty at once.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import instructor

from claimex.chunking import Chunk
from claimex.document import Document
from claimex.extract_options import ExtractOptions
from claimex.llm import Endpoint, ServerKind
from claimex.message import user_message
from claimex.numbers import NumberMention
from claimex.prompts import Prompt
from claimex.response import ChunkScope, ClaimList, response_model_for
from claimex.review import review
from claimex.schemas import BaseClaim

__all__ = ["MAX_SECOND_PASS_CALLS", "MODES", "Call", "build_call", "extra_body", "focuses"]

# Second-pass calls per chunk at most (one per uncovered amount): bounds the cost of a table.
MAX_SECOND_PASS_CALLS = 24

MODES: dict[ServerKind, instructor.Mode] = {
    ServerKind.LLAMA_CPP: instructor.Mode.JSON,
    ServerKind.VLLM: instructor.Mode.JSON,
    ServerKind.OLLAMA: instructor.Mode.JSON,
    ServerKind.OPENAI: instructor.Mode.TOOLS,
    ServerKind.GENERIC: instructor.Mode.MD_JSON,
}


@dataclass(frozen=True)
class Call:
    """One request to make: instructor's arguments, and the chunk its answer is judged on."""

    response_model: type[ClaimList]
    kwargs: dict[str, Any]
    scope: ChunkScope


def focuses(
    doc: Document, chunk: Chunk, claims: list[BaseClaim], options: ExtractOptions
) -> Iterator[Sequence[NumberMention] | None]:
    """``None`` (the whole chunk) first; then, with ``second_pass``, each amount still uncovered.

    ``claims`` grows between calls (the caller adds each answer), so a number covered by an
    earlier answer is not asked about again, and none is asked about twice.
    """
    yield None
    if not options.second_pass:
        return
    window = (chunk.start, chunk.end)
    asked: set[tuple[int, int]] = set()
    while len(asked) < MAX_SECOND_PASS_CALLS:
        uncovered = review(claims, doc, derive=options.derive, window=window).report.uncovered
        missing = [m for m in uncovered if (m.start, m.end) not in asked]
        if not missing:
            return
        asked.add((missing[0].start, missing[0].end))
        yield missing[:1]


def extra_body(kind: ServerKind, schema: dict[str, Any]) -> dict[str, Any] | None:
    """Server-specific grammar constraints (instructor's JSON mode alone only asks for JSON)."""
    if kind is ServerKind.LLAMA_CPP:
        return {"response_format": {"type": "json_object", "schema": schema}}
    if kind is ServerKind.VLLM:
        return {"guided_json": schema}
    return None


def build_call(
    doc: Document,
    chunk: Chunk,
    focus: Sequence[NumberMention] | None,
    options: ExtractOptions,
    endpoint: Endpoint,
    prompt: Prompt,
) -> Call:
    """One call's messages and response model.

    The second pass (``focus``) may only answer with claim types that carry a ``quantity``,
    at least one per number in focus: asked for "a claim", the small model wrote statements
    that restate the sentence without its number.
    """
    with_quantity = tuple(t for t in options.claim_types if "quantity" in t.model_fields)
    narrowed = focus is not None and bool(with_quantity)
    types = with_quantity if narrowed else tuple(options.claim_types)
    window = (chunk.start, chunk.end)
    rm = response_model_for(types)
    message = user_message(doc, focus, anchors=options.anchors, window=window)
    kwargs: dict[str, Any] = {
        "model": endpoint.model,
        "messages": [
            {"role": "system", "content": prompt.text},
            {"role": "user", "content": message},
        ],
        "response_model": rm,
        "max_retries": options.max_reasks,
        "temperature": options.temperature,
        "max_tokens": options.max_tokens,
    }
    schema = rm.model_json_schema()
    if narrowed and focus is not None:
        # about 80 tokens a claim here: never demand more than max_tokens can hold
        schema["properties"]["claims"]["minItems"] = min(len(focus), options.max_tokens // 100)
    extra = extra_body(endpoint.kind, schema)
    if extra is not None:
        kwargs["extra_body"] = extra
    return Call(rm, kwargs, ChunkScope(doc, window, options.derive))
