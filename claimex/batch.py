"""Many texts, bounded concurrency, incremental and resumable JSONL output.

Every input ends as one record, ``ok`` with its extraction or ``error`` with the reason, written
as soon as it is known (one JSON line, flushed and synced), so a run that dies loses nothing done.
Running the same command again skips the inputs already done, keyed by content hash + model +
prompt version, and retries the ones that errored.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Unpack

import openai
from pydantic import BaseModel

from claimex.errors import ClaimexError
from claimex.extract import run_async
from claimex.llm import Endpoint, ServerFields, resolve_endpoint
from claimex.options import ExtractArgs, ExtractOptions, split_args
from claimex.prompts import load_prompt
from claimex.result import Extraction

__all__ = ["BatchRecord", "BatchStats", "extract_many", "read_records"]


class BatchRecord(BaseModel):
    """The outcome of one input: a result or an error, never nothing."""

    id: str
    key: str
    status: Literal["ok", "error"]
    text: str
    result: Extraction | None = None
    error: str | None = None
    error_type: str | None = None


@dataclass
class BatchStats:
    """Running totals, for the progress display."""

    total: int = 0
    done: int = 0
    skipped: int = 0
    failed: int = 0
    claims: int = 0
    flagged: int = 0
    tokens: int = 0
    records: list[BatchRecord] = field(default_factory=list)


def item_key(text: str, model: str, prompt_id: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    return f"{digest}:{model}:{prompt_id}"


def read_records(path: Path) -> list[BatchRecord]:
    """The records of a JSONL output; a line cut short by a crash is ignored."""
    records: list[BatchRecord] = []
    if not path.exists():
        return records
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        try:
            records.append(BatchRecord.model_validate_json(line))
        except ValueError:
            continue  # the last line of a killed run
    return records


def _normalise(items: Iterable[str | tuple[str, str]]) -> list[tuple[str, str]]:
    out = []
    for n, item in enumerate(items, 1):
        if isinstance(item, tuple):
            out.append((str(item[0]), item[1]))
        else:
            out.append((f"doc-{n}", item))
    ids = [i for i, _ in out]
    if len(set(ids)) != len(ids):
        raise ValueError("input ids must be unique")
    return out


class _Connection:
    """The batch's one server and one client, opened at the first input that needs them (a
    resumed run with nothing left to do starts no embedded model) and closed at the end."""

    def __init__(self, planned: Endpoint, server: ServerFields, client: Any) -> None:
        self.planned, self.server, self.given = planned, server, client
        self.endpoint: Endpoint | None = None
        self.client: openai.AsyncOpenAI | None = None
        self.stack = contextlib.AsyncExitStack()
        self.lock = asyncio.Lock()

    async def open(self) -> tuple[Endpoint, openai.AsyncOpenAI]:
        async with self.lock:
            if self.endpoint is None or self.client is None:
                endpoint = self.planned
                if endpoint.config is None and self.given is None:  # the embedded model
                    endpoint = await asyncio.to_thread(
                        lambda: resolve_endpoint(self.given, **self.server)
                    )
                client = await self.stack.enter_async_context(endpoint.async_client(self.given))
                self.endpoint, self.client = endpoint, client
            return self.endpoint, self.client


async def _run(
    items: list[tuple[str, str]],
    output: Path | None,
    concurrency: int,
    on_record: Callable[[BatchRecord, BatchStats], None] | None,
    options: ExtractOptions,
    server: ServerFields,
    client: openai.AsyncOpenAI | None,
) -> BatchStats:
    prompt_id = load_prompt("extract").id
    planned = resolve_endpoint(client, start_local=False, **server)
    model = planned.model
    connection = _Connection(planned, server, client)
    stats = BatchStats(total=len(items))
    done: dict[str, BatchRecord] = {}
    if output is not None:
        for record in read_records(output):
            if record.status == "ok":
                done[record.key] = record
    sink = None
    if output is not None:
        output.parent.mkdir(parents=True, exist_ok=True)
        sink = output.open("a", encoding="utf-8")
    lock = asyncio.Lock()
    gate = asyncio.Semaphore(max(1, concurrency))

    async def emit(record: BatchRecord, *, new: bool) -> None:
        async with lock:
            stats.records.append(record)
            if record.status == "ok" and record.result is not None:
                stats.claims += len(record.result.claims)
                stats.flagged += len(record.result.flagged)
                stats.tokens += (
                    record.result.provenance.tokens_in + record.result.provenance.tokens_out
                )
            else:
                stats.failed += 1
            stats.done += 1
            if new and sink is not None:
                sink.write(record.model_dump_json() + "\n")
                sink.flush()
                os.fsync(sink.fileno())
            if on_record is not None:
                on_record(record, stats)

    async def one(doc_id: str, text: str) -> None:
        key = item_key(text, model, prompt_id)
        if key in done:
            stats.skipped += 1
            await emit(done[key].model_copy(update={"id": doc_id}), new=False)
            return
        async with gate:
            try:
                endpoint, shared = await connection.open()
                result = await run_async(text, options, endpoint, shared)
                record = BatchRecord(id=doc_id, key=key, status="ok", text=text, result=result)
            except (ClaimexError, ValueError) as exc:
                record = BatchRecord(
                    id=doc_id, key=key, status="error", text=text,
                    error=str(exc), error_type=type(exc).__name__,
                )  # fmt: skip
        await emit(record, new=True)

    try:
        await asyncio.gather(*(one(i, t) for i, t in items))
    finally:
        await connection.stack.aclose()
        if sink is not None:
            with contextlib.suppress(OSError):
                sink.close()
    order = {doc_id: n for n, (doc_id, _) in enumerate(items)}
    stats.records.sort(key=lambda r: order.get(r.id, 0))
    return stats


def extract_many(
    items: Iterable[str | tuple[str, str]],
    *,
    output: str | Path | None = None,
    concurrency: int = 1,
    on_record: Callable[[BatchRecord, BatchStats], None] | None = None,
    options: ExtractOptions | None = None,
    client: openai.AsyncOpenAI | None = None,
    **kwargs: Unpack[ExtractArgs],
) -> list[BatchRecord]:
    """Extract claims from many texts (``(id, text)`` pairs or plain texts).

    ``concurrency`` bounds the requests in flight against the server. With ``output`` (a
    ``.jsonl`` path), records are appended as they complete and a rerun resumes. The server
    and options are ``extract``'s; one client serves the whole batch. A plain call: it runs its
    own event loop (in a worker thread when one is already running, as in a notebook).
    """
    server, overrides = split_args(kwargs)
    opts = ExtractOptions.build(options, **overrides)
    normalised = _normalise(items)
    path = Path(output) if output is not None else None
    coro_args = (normalised, path, concurrency, on_record, opts, server, client)
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(_run(*coro_args)).records
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:
        return pool.submit(lambda: asyncio.run(_run(*coro_args))).result().records
