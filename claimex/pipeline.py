"""One extraction as a sans-I/O core that both drivers run: it yields calls and takes answers.

``steps`` knows everything but the network: it yields each ``Call`` to make and receives the
claims of the answer (or the exception the call raised); ``extract`` sends the calls with a
sync client and ``aextract`` with an async one, so the pipeline exists once.
"""

from __future__ import annotations

import time
from collections.abc import Generator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from claimex.checks import check_text
from claimex.contradicting import contradiction_claims
from claimex.document import Document
from claimex.errors import ExtractionError
from claimex.extract_options import ExtractOptions, OnInvalid, Strategy
from claimex.failures import claims_of_failed_call
from claimex.keyed import KeyedAnswer, keyed_chunks
from claimex.llm import Endpoint
from claimex.merge import dedupe, drop_dangling_links, renumber
from claimex.passes import MODES, Call, build_call, focuses
from claimex.prompts import Prompt, load_prompt
from claimex.response import schema_sha256
from claimex.result import Extraction, Provenance
from claimex.review import review
from claimex.salvage import salvage
from claimex.schemas import BaseClaim, ContradictionClaim, StatementClaim
from claimex.validation import validate

__all__ = ["Answer", "Counters", "Run", "prepare", "steps"]

Answer = list[BaseClaim] | Exception
"""What a driver sends back for a call: the claims instructor accepted, or what it raised."""


@dataclass
class Counters:
    """Calls, re-asks, tokens and warnings of one extraction, fed by instructor's hooks."""

    calls: int = 0
    reasks: int = 0
    second_passes: int = 0
    tokens_in: int = 0
    tokens_cached: int | None = None  # None until a server says how many it read from its cache
    tokens_out: int = 0
    warnings: list[str] = field(default_factory=list)
    responses: list[Any] = field(default_factory=list)

    def on_response(self, response: Any) -> None:
        self.calls += 1
        self.responses.append(response)
        usage = getattr(response, "usage", None)
        if usage is not None:
            self.tokens_in += _token_count(getattr(usage, "prompt_tokens", 0)) or 0
            self.tokens_out += _token_count(getattr(usage, "completion_tokens", 0)) or 0
            details = getattr(usage, "prompt_tokens_details", None)
            cached = _token_count(getattr(details, "cached_tokens", None))
            if cached is not None:
                self.tokens_cached = (self.tokens_cached or 0) + cached


def _token_count(value: object) -> int | None:
    """A usage figure as the server sent it; None for anything but a count (a server's own bug
    counts nothing)."""
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None


@dataclass
class Run:
    """One text on its way: the document, the options, the server, and what was counted."""

    doc: Document
    options: ExtractOptions
    endpoint: Endpoint
    prompt: Prompt
    counters: Counters = field(default_factory=Counters)
    retries_before: int = 0  # the transport's count when this run began (a batch shares it)
    started: float = field(default_factory=time.perf_counter)
    started_at: str = field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))

    @property
    def mode(self) -> Any:
        return MODES[self.endpoint.kind]


def prepare(text: str, options: ExtractOptions, endpoint: Endpoint) -> Run:
    """Check the text and fix everything before the first call."""
    check_text(text, check_language=options.check_language)
    prompt = load_prompt("keyed" if options.strategy == Strategy.KEYED else "extract")
    return Run(Document(text), options, endpoint, prompt, retries_before=endpoint.transport_retries)


def steps(run: Run) -> Generator[Call, Answer, Extraction]:
    """Every call of the extraction, in order; returns the result once the last is answered."""
    doc, options, counters = run.doc, run.options, run.counters
    if options.strategy == Strategy.KEYED:
        keyed, reasks = yield from keyed_chunks(
            doc, options, run.endpoint, run.prompt, counters.warnings
        )
        counters.reasks += reasks
        allowed = tuple(options.claim_types)  # a server without a grammar may answer any type
        return finish(run, [[c for c in chunk if isinstance(c, allowed)] for chunk in keyed])
    chunks = doc.chunks(options.chunk_chars)
    per_chunk: list[list[BaseClaim]] = []
    for index, chunk in enumerate(chunks):
        claims: list[BaseClaim] = []
        for focus in focuses(doc, chunk, claims, options):
            counters.second_passes += focus is not None
            call = build_call(doc, chunk, focus, options, run.endpoint, run.prompt)
            calls_before = counters.calls
            answer = yield call
            if isinstance(answer, Exception):
                found = claims_of_failed_call(answer, call.response_model, run.endpoint.server)
                counters.warnings.append(_failure_warning(found, index, len(chunks), options))
            else:
                found = answer
            # the last answer is kept (its failures flagged); add the earlier answers' good claims
            earlier = counters.responses[calls_before:-1]
            found += salvage(call.response_model, earlier, found, doc, call.scope.window,
                             derive=options.derive)  # fmt: skip
            counters.reasks += max(0, counters.calls - calls_before - 1)
            claims.extend(found)
        per_chunk.append(claims)
    return finish(run, per_chunk)


def _failure_warning(found: list[BaseClaim], index: int, chunks: int, o: ExtractOptions) -> str:
    where = f"chunk {index + 1}/{chunks}"
    if found:
        return (
            f"{where}: the answer still failed validation after {o.max_reasks} re-ask(s); "
            "its claims are kept, the failing ones flagged"
        )
    return (
        f"{where}: the model's answer was not usable JSON after {o.max_reasks} "
        "re-ask(s); no claims from this chunk"
    )


def finish(run: Run, per_chunk: list[list[BaseClaim]]) -> Extraction:
    """Merge the chunks' claims, review them against the whole text, apply ``on_invalid``."""
    doc, options = run.doc, run.options
    claims = renumber(per_chunk, doc.chunks(options.chunk_chars))
    keyed = options.strategy is Strategy.KEYED  # the model was not asked the status: hints fill it
    reviewed = review(claims, doc, derive=options.derive, grammar=options.grammar, hints=keyed)
    deduped, ids = dedupe(reviewed.report)
    report = reviewed.report if len(deduped) == len(claims) else validate(deduped, doc)
    links = ContradictionClaim in options.claim_types and StatementClaim in options.claim_types
    if options.grammar and links:
        # where the text says who contradicts whom, link their claims (verified ones only)
        unproven = {report.claims[i].id for i in report.flagged}
        sound = [c for c in report.claims if c.id not in unproven]
        linked = contradiction_claims(sound, doc, next_id=len(report.claims) + 1)
        if linked:
            report = validate([*report.claims, *linked], doc)
    flagged = report.flagged
    dropped = 0
    if options.policy is OnInvalid.DROP and flagged:
        kept = drop_dangling_links(
            [c for i, c in enumerate(report.claims) if i not in set(flagged)]
        )
        dropped = len(report.claims) - len(kept)
        report = validate(kept, doc)
        flagged = []
    final = {claim.id for claim in report.claims}
    corrections = [
        c.model_copy(update={"claim_id": ids[c.claim_id]})
        for c in reviewed.corrections
        if c.claim_id in ids and ids[c.claim_id] in final
    ]
    result = Extraction(
        text_sha256=doc.sha256,
        claims=report.claims,
        report=report,
        provenance=_provenance(run),
        dropped=dropped,
        flagged=flagged,
        corrections=corrections,
        warnings=list(run.counters.warnings),
    )
    if options.policy is OnInvalid.RAISE and flagged:
        raise ExtractionError(
            f"{len(flagged)} claim(s) have numbers or quotes the text does not support after "
            f"{options.max_reasks} re-ask(s): {', '.join(result.claims[i].id for i in flagged)}; "
            "the result is on the exception (.result)",
            result=result,
        )
    return result


def _provenance(run: Run) -> Provenance:
    endpoint, counters = run.endpoint, run.counters
    return Provenance(
        model=endpoint.model,
        server=endpoint.server,
        server_kind=endpoint.kind.value,
        mode=run.mode.value,
        embedded=endpoint.embedded,
        prompt=run.prompt.id,
        prompt_sha256=run.prompt.sha256,
        schema_sha256=(
            KeyedAnswer.schema_sha256()
            if run.options.strategy == Strategy.KEYED
            else schema_sha256(run.options.claim_types)
        ),
        chunks=len(run.doc.chunks(run.options.chunk_chars)),
        second_passes=counters.second_passes,
        calls=counters.calls,
        reasks=counters.reasks,
        transport_retries=endpoint.transport_retries - run.retries_before,
        tokens_in=counters.tokens_in,
        tokens_cached=counters.tokens_cached,
        tokens_out=counters.tokens_out,
        wall_seconds=round(time.perf_counter() - run.started, 3),
        started_at=run.started_at,
    )
