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
from typing import Any, Literal

from pydantic import BaseModel

from claimex.errors import ClaimexError
from claimex.extract import Extraction, aextract
from claimex.prompts import load_prompt

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


def _model_name(options: dict[str, Any]) -> str:
    """The model the run will use (it is part of the resume key)."""
    if options.get("model"):
        return str(options["model"])
    if options.get("client") is None and not options.get("base_url"):
        env = os.environ.get("CLAIMEX_MODEL")
        if env:
            return env
        if not (os.environ.get("CLAIMEX_BASE_URL") or os.environ.get("OPENAI_BASE_URL")):
            from claimex.local import LOCAL_MODEL

            return LOCAL_MODEL.name
    return os.environ.get("CLAIMEX_MODEL", "")


async def _run(
    items: list[tuple[str, str]],
    output: Path | None,
    concurrency: int,
    on_record: Callable[[BatchRecord, BatchStats], None] | None,
    options: dict[str, Any],
) -> BatchStats:
    prompt_id = load_prompt("extract").id
    model = _model_name(options)
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
                result = await aextract(text, **options)
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
    **options: Any,
) -> list[BatchRecord]:
    """Extract claims from many texts (``(id, text)`` pairs or plain texts).

    ``concurrency`` bounds the requests in flight against the server. With ``output`` (a
    ``.jsonl`` path), records are appended as they complete and a rerun resumes. ``options``
    are ``extract``'s (model, base_url, max_reasks, on_invalid, ...). A plain call: it runs its
    own event loop (in a worker thread when one is already running, as in a notebook).
    """
    normalised = _normalise(items)
    path = Path(output) if output is not None else None
    coro_args = (normalised, path, concurrency, on_record, options)
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(_run(*coro_args)).records
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:
        return pool.submit(lambda: asyncio.run(_run(*coro_args))).result().records
