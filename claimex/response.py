"""The response model a call asks instructor for, and the re-ask message when its numbers fail.

The model's schema is compact (a small local model reads it), and its validator runs ``review``
against the chunk the call is about: what fails goes back to the model with the verifier's words.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Annotated, Any, Union

from pydantic import BaseModel, Field, create_model, model_validator

from claimex.document import Document
from claimex.errors import ConfigurationError
from claimex.review import review
from claimex.schemas import BaseClaim
from claimex.validation import ValidationReport

__all__ = [
    "ChunkScope",
    "ClaimList",
    "judged_scope",
    "judging",
    "reask_message",
    "response_model_for",
    "schema_sha256",
]


_NOISE = ("title", "description", "default")


def _strip_for_model(schema: dict[str, Any]) -> dict[str, Any]:
    """The schema a model sees: compact (it is read at ~100 tokens/s by a small local model),
    no library-filled (readOnly) fields, the claim ``type`` required, numbers as numbers.
    The prompt file carries the explanations the descriptions would."""

    def walk(node: Any) -> Any:
        if isinstance(node, dict):
            props = node.get("properties")
            if isinstance(props, dict):
                ro = [k for k, v in props.items() if isinstance(v, dict) and v.get("readOnly")]
                for k in ro:
                    del props[k]
                required = [r for r in node.get("required", []) if r not in ro]
                if isinstance(props.get("type"), dict) and "const" in props["type"]:
                    required = ["type", *[r for r in required if r != "type"]]
                if required:
                    node["required"] = required
                for value in props.values():
                    if isinstance(value, dict):
                        for key in _NOISE:
                            value.pop(key, None)
            for key in ("title", "description"):
                if isinstance(node.get(key), str):
                    node.pop(key)
            any_of = node.get("anyOf")
            if isinstance(any_of, list):
                types = [t.get("type") for t in any_of if isinstance(t, dict)]
                if "number" in types and "string" in types:  # Decimal: ask for a JSON number
                    node["anyOf"] = [t for t in any_of if t.get("type") != "string"]
                    if len(node["anyOf"]) == 1:
                        node.update(node.pop("anyOf")[0])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)
        return node

    return walk(schema)  # type: ignore[no-any-return]


@dataclass(frozen=True)
class ChunkScope:
    """What the in-loop validation judges an answer against: a chunk of a document."""

    doc: Document
    window: tuple[int, int]
    derive: bool


# The chunk an answer is judged against while instructor validates it. Not instructor's own
# ``context=``: instructor 1.17 also renders the messages as Jinja templates with it (an article
# holding "{{" would break, and the system prompt loses its last newline).
_JUDGED_AGAINST: ContextVar[ChunkScope | None] = ContextVar("claimex_judged_against", default=None)


@contextmanager
def judging(scope: ChunkScope) -> Iterator[None]:
    """Validate the answers of the calls made inside against ``scope``."""
    token = _JUDGED_AGAINST.set(scope)
    try:
        yield
    finally:
        _JUDGED_AGAINST.reset(token)


def judged_scope() -> ChunkScope | None:
    """The chunk the answers are judged against now (the enclosing ``judging`` block's)."""
    return _JUDGED_AGAINST.get()


class ClaimList(BaseModel):
    """Base of the per-call response model; its numbers are judged by ``review`` against the
    chunk set by ``judging`` (no class state)."""

    claims: list[Any]

    @classmethod
    def schema_sha256(cls) -> str:
        """The hash of the schema the model is shown, for provenance."""
        schema = cls.model_json_schema()
        return hashlib.sha256(json.dumps(schema, sort_keys=True).encode()).hexdigest()

    @classmethod
    def model_json_schema(cls, *args: Any, **kwargs: Any) -> dict[str, Any]:
        return _strip_for_model(super().model_json_schema(*args, **kwargs))

    @model_validator(mode="after")
    def _numbers_are_in_the_text(self) -> ClaimList:
        scope = _JUDGED_AGAINST.get()
        if scope is None:
            return self
        checked = review(self.claims, scope.doc, derive=scope.derive, window=scope.window)
        message = reask_message(checked.report)
        if message is not None:
            raise ValueError(message)
        return self


def reask_message(report: ValidationReport) -> str | None:
    """What goes back to the model when some of its numbers or quotes fail, or None."""
    lines = []
    for e in report.evidence:
        if not e.found:
            lines.append(
                f"- claims[{e.claim_index}].{e.path}: the quote « {e.quote} » is not in the "
                "article; copy the words exactly as they appear."
            )
    for v in report.quantities:
        if not v.verification.ok:
            lines.append(f"- claims[{v.claim_index}].{v.path}: {v.verification.message}")
    if not lines:
        return None
    return (
        "Some numbers or quotes are not what the article says. Fix them, copying the "
        "article's words exactly, or remove the claim:\n" + "\n".join(lines)
    )


def response_model_for(claim_types: Sequence[type[BaseClaim]]) -> type[ClaimList]:
    """A response model whose ``claims`` holds any of ``claim_types``.

    Its numbers are validated against the chunk of the enclosing ``judging`` block.
    """
    if not claim_types:
        raise ConfigurationError("claim_types is empty: give at least one claim type")
    types = tuple(claim_types)
    item: Any = types[0]
    if len(types) > 1:
        item = Annotated[Union[types], Field(discriminator="type")]  # noqa: UP007
    return create_model(
        "ClaimList", __base__=ClaimList, claims=(list[item], Field(default_factory=list))
    )


def schema_sha256(claim_types: Sequence[type[BaseClaim]]) -> str:
    """The hash of the schema a model is shown, for provenance."""
    return response_model_for(claim_types).schema_sha256()
