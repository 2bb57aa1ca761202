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
from typing import Any, Literal, TextIO, Unpack, cast

import openai
from pydantic import BaseModel

from claimex.errors import ClaimexError, InputError, OptionError
from claimex.extract import run_async
from claimex.extract_options import ExtractArgs, ExtractOptions, OnInvalid, Strategy, split_args
from claimex.llm import Endpoint, ServerFields, ServerKind, check_base_url, resolve_endpoint
from claimex.options import at_least, one_of
from claimex.output import open_jsonl
from claimex.prompts import load_prompt
from claimex.result import Extraction

__all__ = [
    "BatchRecord",
    "BatchStats",
    "RecordFile",
    "aextract_many",
    "check_options",
    "extract_many",
    "in_input_order",
    "input_keys",
    "load_records",
    "ok_records",
    "read_records",
    "tally",
]


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
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return f"{digest}:{model}:{prompt_id}"


def _storable(value: str) -> str:
    """``value`` with lone surrogates replaced: JSON output needs valid Unicode."""
    return value.encode("utf-8", "surrogatepass").decode("utf-8", "replace")


def _one_line(message: str) -> str:
    return " ".join(message.split())


@dataclass
class RecordFile:
    """A JSONL output read back: one final record per input, and the lines that were not records."""

    records: list[BatchRecord]
    malformed: int


def load_records(path: Path) -> RecordFile:
    """The final record of each input of a JSONL output, and how many lines were not records.

    An input retried after an error has two records: its ``ok`` one is final (the last one when
    every attempt failed), in the place of its first record.
    """
    final: dict[str, BatchRecord] = {}
    malformed = 0
    if not path.exists():
        return RecordFile([], 0)
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if not line.strip():
            continue
        try:
            record = BatchRecord.model_validate_json(line)
        except ValueError:
            malformed += 1  # a line cut short by a crash, or not ours
            continue
        earlier = final.get(record.key)
        if earlier is None or earlier.status == "error" or record.status == "ok":
            final[record.key] = record
    return RecordFile(list(final.values()), malformed)


def read_records(path: Path) -> list[BatchRecord]:
    """The final record of each input of a JSONL output; lines that are not records are ignored."""
    return load_records(path).records


Item = tuple[str, "str | ClaimexError"]


def _normalise(items: Iterable[str | tuple[str, str | ClaimexError]]) -> list[Item]:
    out: list[Item] = []
    for n, item in enumerate(items, 1):
        if isinstance(item, tuple) and len(item) == 2:
            out.append((_storable(str(item[0])), item[1]))
        else:
            out.append((f"doc-{n}", item))  # anything else is a text: aextract refuses non-text
    seen: set[str] = set()
    for doc_id, _ in out:
        if doc_id in seen:
            raise InputError(f"the input id {doc_id!r} is given twice; give each input its own id")
        seen.add(doc_id)
    return out


def _keys(items: list[Item], model: str, prompt_id: str) -> list[str]:
    """One resume key per input: the same text given twice gets ``#2`` on its second key."""
    keys: list[str] = []
    seen: dict[str, int] = {}
    for doc_id, text in items:
        base = (
            item_key(text, model, prompt_id)
            if isinstance(text, str)
            else item_key(f"unreadable input {doc_id}", model, prompt_id)
        )
        seen[base] = seen.get(base, 0) + 1
        keys.append(base if seen[base] == 1 else f"{base}#{seen[base]}")
    return keys


_EXTRACT_OPTIONS = frozenset(ExtractArgs.__annotations__) | {"client", "options"}


def check_options(concurrency: object, options: dict[str, Any], *, flags: bool = False) -> None:
    """Check every option once, before any work: a bad one is one ``ClaimexError``, not one error
    record per input. ``flags`` names them as the command line does (``--max-reasks``)."""

    def name(option: str) -> str:
        return "--" + option.replace("_", "-") if flags else option

    unknown = sorted(set(options) - _EXTRACT_OPTIONS)
    if unknown:
        raise OptionError(
            f"unknown option(s) {', '.join(unknown)}; extract takes: "
            + ", ".join(sorted(_EXTRACT_OPTIONS))
        )
    at_least(name("concurrency"), concurrency, 1)
    if "max_reasks" in options:
        at_least(name("max_reasks"), options["max_reasks"], 0)
    if "on_invalid" in options:
        one_of(name("on_invalid"), options["on_invalid"], OnInvalid)
    if "strategy" in options:
        one_of(name("strategy"), options["strategy"], Strategy)
    if options.get("server_kind"):
        one_of(name("server_kind"), options["server_kind"], ServerKind)
    if options.get("client") is None:
        url = (
            options.get("base_url")
            or os.environ.get("CLAIMEX_BASE_URL")
            or os.environ.get("OPENAI_BASE_URL")
        )
        if url:
            check_base_url(str(url))


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


def input_keys(items: list[Item], options: dict[str, Any]) -> list[str]:
    """The resume key of each input for a run with ``options`` (model and prompt version)."""
    server, _ = split_args(
        cast(ExtractArgs, {k: v for k, v in options.items() if k not in ("client", "options")})
    )
    model = resolve_endpoint(options.get("client"), start_local=False, **server).model
    return _keys(items, model, load_prompt("extract").id)


def ok_records(output: Path | None) -> dict[str, BatchRecord]:
    """The ``ok`` records already in ``output`` by key: what a rerun skips."""
    if output is None:
        return {}
    return {r.key: r for r in read_records(output) if r.status == "ok"}


def tally(
    stats: BatchStats,
    record: BatchRecord,
    sink: TextIO | None,
    on_record: Callable[[BatchRecord, BatchStats], None] | None,
) -> None:
    """Count ``record`` in ``stats``, append it to ``sink`` (flushed and synced, so a run that dies
    loses nothing done; ``None`` for a record read back) and tell ``on_record``."""
    stats.records.append(record)
    if record.status == "ok" and record.result is not None:
        stats.claims += len(record.result.claims)
        stats.flagged += len(record.result.flagged)
        stats.tokens += record.result.provenance.tokens_in + record.result.provenance.tokens_out
    else:
        stats.failed += 1
    stats.done += 1
    if sink is not None:
        sink.write(record.model_dump_json() + "\n")
        sink.flush()
        os.fsync(sink.fileno())
    if on_record is not None:
        on_record(record, stats)


def in_input_order(stats: BatchStats, items: list[Item]) -> None:
    """Sort the records of ``stats`` as their inputs were given (they complete in any order)."""
    order = {doc_id: n for n, (doc_id, _) in enumerate(items)}
    stats.records.sort(key=lambda r: order.get(r.id, 0))


async def aextract_many(
    items: list[Item], *, concurrency: int, options: dict[str, Any]
) -> list[BatchRecord]:
    """``extract_many``'s records, without an output, on the caller's event loop (a Ray actor
    keeps one loop and one client across its batches). ``items`` are ``(id, text)`` pairs."""
    return (await _run(items, None, concurrency, None, options)).records


async def _run(
    items: list[Item],
    output: Path | None,
    concurrency: int,
    on_record: Callable[[BatchRecord, BatchStats], None] | None,
    options: dict[str, Any],
) -> BatchStats:
    prompt_id = load_prompt("extract").id
    given = options.get("client")
    server, overrides = split_args(
        cast(ExtractArgs, {k: v for k, v in options.items() if k not in ("client", "options")})
    )
    settings = ExtractOptions.build(options.get("options"), **overrides)
    planned = resolve_endpoint(given, start_local=False, **server)  # the key needs the name only
    model = planned.model
    connection = _Connection(planned, server, given)
    stats = BatchStats(total=len(items))
    sink = open_jsonl(output) if output is not None else None  # mends a torn last line first
    done = ok_records(output)
    lock = asyncio.Lock()
    gate = asyncio.Semaphore(concurrency)

    async def emit(record: BatchRecord, *, new: bool) -> None:
        async with lock:
            tally(stats, record, sink if new else None, on_record)

    async def attempt(doc_id: str, key: str, text: str | ClaimexError) -> BatchRecord:
        error: BaseException
        if isinstance(text, ClaimexError):
            error, text = text, ""
        else:
            try:
                async with gate:
                    endpoint, shared = await connection.open()
                    result = await run_async(text, settings, endpoint, shared)
                return BatchRecord(
                    id=doc_id, key=key, status="ok", text=_storable(text), result=result
                )
            except ClaimexError as exc:
                error = exc
            except Exception as exc:  # a bug must not cost the batch: it is this input's error
                error = exc
        message = str(error) if isinstance(error, ClaimexError) else _unexpected(error)
        kept = _storable(text) if isinstance(text, str) else ""
        return BatchRecord(
            id=doc_id, key=key, status="error", text=kept,
            error=_one_line(message), error_type=type(error).__name__,
        )  # fmt: skip

    async def one(doc_id: str, key: str, text: str | ClaimexError) -> None:
        if key in done:
            stats.skipped += 1
            await emit(done[key].model_copy(update={"id": doc_id}), new=False)
            return
        await emit(await attempt(doc_id, key, text), new=True)

    keys = _keys(items, model, prompt_id)
    try:
        await asyncio.gather(*(one(i, k, t) for (i, t), k in zip(items, keys, strict=True)))
    finally:
        await connection.stack.aclose()
        if sink is not None:
            with contextlib.suppress(OSError):
                sink.close()
    in_input_order(stats, items)
    return stats


def _unexpected(exc: BaseException) -> str:
    first = str(exc).splitlines()[0][:200] if str(exc).strip() else ""
    return (
        f"claimex failed on this input ({type(exc).__name__}{': ' + first if first else ''}); "
        "please report it with the input"
    )


def extract_many(
    items: Iterable[str | tuple[str, str | ClaimexError]],
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
    ``.jsonl`` path), records are appended as they complete and a rerun resumes. ``options``
    and the keywords are ``extract``'s (model, base_url, max_reasks, on_invalid, ...); one
    client serves the whole batch. A plain call: it runs its own event loop (in a worker thread
    when one is already running, as in a notebook).
    """
    given: dict[str, Any] = {**kwargs, "client": client, "options": options}
    check_options(concurrency, given)
    normalised = _normalise(items)
    path = Path(output) if output is not None else None
    coro_args = (normalised, path, concurrency, on_record, given)
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(_run(*coro_args)).records
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:
        return pool.submit(lambda: asyncio.run(_run(*coro_args))).result().records
