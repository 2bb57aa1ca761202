"""Claims kept from answers that failed: parsed one by one, and the good ones of earlier answers.

A small model re-asked about one bad number often answers with fewer claims, good ones dropped;
an answer cut off by ``max_tokens`` still holds the claims it completed.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import Any, get_args

from pydantic import BaseModel, TypeAdapter, ValidationError

from claimex.document import Document
from claimex.review import review
from claimex.schemas import BaseClaim
from claimex.validation import ValidationReport

__all__ = ["lenient_parse", "salvage"]


def lenient_parse(rm: type[BaseModel], completion: Any) -> list[BaseClaim]:
    """The claims of an answer that failed validation, each parsed on its own, no validator.

    One malformed claim does not cost the others, and an answer cut off by ``max_tokens`` or the
    context keeps the claims it completed. What is kept gets flagged by the final validation.
    """
    content = _completion_text(completion)
    annotation: Any = rm.model_fields["claims"].annotation
    item: TypeAdapter[Any] = TypeAdapter(get_args(annotation)[0])
    claims: list[BaseClaim] = []
    for raw in _json_claims(content):
        try:
            claims.append(item.validate_python(raw))
        except ValidationError:
            continue
    return claims


def _json_claims(content: str) -> Iterator[Any]:
    """The complete objects of the answer's ``"claims"`` array, in order, up to a cut."""
    start = content.find("[", content.find('"claims"') + 1) if '"claims"' in content else -1
    if start == -1:
        return
    decoder = json.JSONDecoder()
    pos = start + 1
    while True:
        while pos < len(content) and content[pos] in " \t\r\n,":
            pos += 1
        if pos >= len(content) or content[pos] == "]":
            return
        try:
            value, pos = decoder.raw_decode(content, pos)
        except ValueError:
            return
        yield value


def _completion_text(completion: Any) -> str:
    try:
        message = completion.choices[0].message
    except (AttributeError, IndexError, TypeError):  # no choices at all: nothing to salvage
        return ""
    if getattr(message, "tool_calls", None):
        return str(message.tool_calls[0].function.arguments or "")
    return str(message.content or "")


def _verified_spans(report: ValidationReport) -> dict[int, set[tuple[int | None, int | None]]]:
    """Claim index -> the text spans of its verified numbers (claims with none are absent)."""
    spans: dict[int, set[tuple[int | None, int | None]]] = {}
    for v in report.quantities:
        if v.verification.ok:
            spans.setdefault(v.claim_index, set()).add((v.verification.start, v.verification.end))
    return spans


def salvage(
    rm: type[BaseModel],
    earlier: Sequence[Any],
    kept: Sequence[BaseClaim],
    doc: Document,
    window: tuple[int, int],
    *,
    derive: bool,
) -> list[BaseClaim]:
    """Verified claims of a call's ``earlier`` answers whose numbers its last answer lost.

    Each is kept only if it verifies a number no kept claim verifies. The claims are returned
    as the model wrote them: the final ``review`` corrects them and lists the corrections.
    """
    if not earlier:
        return []

    def check(claims: Sequence[BaseClaim]) -> ValidationReport:
        return review(claims, doc, derive=derive, window=window).report

    covered = set().union(*_verified_spans(check(kept)).values())
    extra: list[BaseClaim] = []
    for response in earlier:
        candidates = lenient_parse(rm, response)
        report = check(candidates)
        bad = set(report.flagged)
        for index, spans in _verified_spans(report).items():
            if index in bad or spans <= covered:
                continue
            covered |= spans
            extra.append(candidates[index])
    return extra
