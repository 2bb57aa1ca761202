"""Batch extraction on a Ray cluster (the ``[ray]`` extra): the records ``extract_many`` writes.

Ray Data maps a dataset of texts through a pool of actors; each actor holds one OpenAI-compatible
client (one connection pool) and runs asyncio extraction with its own bounded concurrency. Ray
restarts a worker that dies and redoes the batch it had; a batch's records reach the driver only
when the whole batch is done, so a redone batch never gives an input two records.

Resuming is claimex's own, not Ray Data's checkpointing (beta in Ray 2.60, it needs a cluster-wide
shared path and skips every written row, errors included): the driver appends each record to the
keyed JSONL as it arrives, and a rerun sends only the inputs without an ``ok`` record there.
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimex.batch import (
    BatchRecord,
    BatchStats,
    Item,
    aextract_many,
    check_options,
    extract_many,
    in_input_order,
    input_keys,
    ok_records,
    tally,
)
from claimex.errors import ClaimexError, ConfigurationError, OptionError, OutputError
from claimex.options import at_least
from claimex.output import open_jsonl

if TYPE_CHECKING:
    import ray.data

__all__ = ["COLUMNS", "extract_dataset", "extract_items", "ray_module", "write_records"]

COLUMNS = ("id", "key", "status", "error", "error_type", "record")  # record: the JSONL line


def ray_module() -> Any:
    """``ray`` with ``ray.data``, else a ``ConfigurationError`` saying how to install it."""
    try:
        import ray
        import ray.data
    except ImportError:
        raise ConfigurationError("the Ray engine needs Ray: pip install 'claimex[ray]'") from None
    return ray


class _Extractor:
    """One Ray actor: one client and one event loop for its lifetime, ``extract_many``'s records
    for each batch of rows, at most ``concurrency`` requests in flight."""

    def __init__(self, options: dict[str, Any], concurrency: int) -> None:
        from claimex.llm import ServerFields, resolve_endpoint

        self._loop = asyncio.new_event_loop()
        self._concurrency = concurrency
        self._options = dict(options)
        server = {k: v for k, v in options.items() if k in ServerFields.__annotations__}
        try:  # may start this node's embedded model
            endpoint = resolve_endpoint(None, **server)
        except ClaimexError:
            return  # no shared client: each input's record then says why
        if endpoint.config is not None:
            self._options.update(
                client=endpoint.config.async_openai_client(),
                model=endpoint.model,
                server_kind=endpoint.kind,
            )

    def __call__(self, batch: dict[str, Any]) -> Any:
        import pyarrow as pa

        texts = list(batch["text"])
        ids = [str(v) for v in batch["id"]] if "id" in batch else [None] * len(texts)
        keys = [str(v) for v in batch["key"]] if "key" in batch else [None] * len(texts)
        items: list[Item] = [(f"row-{n}", text) for n, text in enumerate(texts)]  # ids unique here
        records = self._loop.run_until_complete(
            aextract_many(items, concurrency=self._concurrency, options=self._options)
        )
        columns: dict[str, list[str | None]] = {name: [] for name in COLUMNS}
        for record, doc_id, key in zip(records, ids, keys, strict=True):
            key = key or record.key
            named = record.model_copy(update={"id": doc_id or key, "key": key})
            for name, value in zip(COLUMNS, _row_of(named), strict=True):
                columns[name].append(value)
        return pa.table(columns, schema=pa.schema([(name, pa.string()) for name in COLUMNS]))


def _row_of(record: BatchRecord) -> tuple[str | None, ...]:
    line = record.model_dump_json()
    return (record.id, record.key, record.status, record.error, record.error_type, line)


def extract_dataset(
    ds: ray.data.Dataset,
    *,
    text_column: str = "text",
    id_column: str | None = None,
    key_column: str | None = None,
    workers: int = 2,
    concurrency: int = 4,
    batch_size: int = 16,
    num_cpus: float = 0.5,
    **extract_options: Any,
) -> ray.data.Dataset:
    """One record per row of ``ds``: the columns ``COLUMNS``, ``record`` being the JSON line that
    ``extract_many`` writes for it (``BatchRecord.model_validate_json`` reads it back).

    ``workers`` actors (each reserving ``num_cpus``; the calls wait on the server, not the CPU)
    take ``batch_size`` rows at a time, each with at most ``concurrency`` requests in flight.
    The key is ``extract_many``'s (content hash, model, prompt version); without ``id_column`` the
    key is the id too. A text repeated in ``ds`` gets one key unless ``key_column`` gives keys
    (``extract_items`` numbers repeats ``#2`` as ``extract_many`` does). ``extract_options`` are
    ``extract``'s, checked here before any work.
    """
    ray = ray_module()
    check_options(concurrency, extract_options)
    if extract_options.get("client") is not None:
        raise OptionError(
            "a client cannot travel to Ray workers; pass base_url=, model= and api_key= "
            "(each worker makes its own client)"
        )
    input_keys([], extract_options)  # names the server now: a configuration error is raised here
    at_least("workers", workers, 1)
    at_least("batch_size", batch_size, 1)
    renames = {text_column: "text"}
    if id_column is not None:
        renames[id_column] = "id"
    if key_column is not None:
        renames[key_column] = "key"
    missing = sorted(set(renames) - set(ds.columns()))
    if missing:
        raise ConfigurationError(
            f"the dataset has no column {', '.join(missing)}; it has: {', '.join(ds.columns())}"
        )
    ds = ds.select_columns(list(renames)).rename_columns(renames)
    return ds.map_batches(
        _Extractor,
        fn_constructor_kwargs={"options": extract_options, "concurrency": concurrency},
        compute=ray.data.ActorPoolStrategy(size=workers),
        batch_size=batch_size,
        batch_format="numpy",
        num_cpus=num_cpus,
    )


def write_records(ds: ray.data.Dataset, path: str | Path) -> None:
    """Write ``extract_dataset``'s records as shards in the folder ``path``: ``*.parquet`` when
    ``path`` ends with ``.parquet`` (the ``COLUMNS``), else ``*.jsonl`` (``extract_many``'s lines,
    each shard readable by ``read_records``)."""
    ray_module()
    target = str(path)
    if Path(target).is_file():
        raise OutputError(f"{target}: is a file; give a folder for the shards")
    if Path(target).suffix == ".parquet":
        ds.write_parquet(target)
    else:
        ds.write_datasink(_jsonl_sink(target))


def _jsonl_sink(path: str) -> Any:
    from ray.data.datasource import BlockBasedFileDatasink

    class _JsonlSink(BlockBasedFileDatasink):
        """Each row's ``record`` as one line: the exact JSONL ``extract_many`` writes."""

        def __init__(self, folder: str) -> None:
            super().__init__(folder, file_format="jsonl")

        def write_block_to_file(self, block: Any, file: Any) -> None:
            lines = block.to_arrow().column("record").to_pylist()
            file.write("".join(f"{line}\n" for line in lines).encode("utf-8"))

    return _JsonlSink(path)


def extract_items(
    items: Iterable[str | tuple[str, str | ClaimexError]],
    *,
    output: str | Path | None = None,
    concurrency: int = 4,
    on_record: Callable[[BatchRecord, BatchStats], None] | None = None,
    workers: int = 2,
    address: str | None = None,
    **options: Any,
) -> list[BatchRecord]:
    """``extract_many`` on Ray: the same inputs, keys, records, resumable JSONL and return value.

    The driver reads ``output``, sends to ``workers`` actors only the inputs without an ``ok``
    record (``concurrency`` requests in flight per worker) and appends each record as it comes
    back. ``address`` is a running cluster's (``ray start --head`` prints it; else
    ``RAY_ADDRESS``, else a local one is started). An input that cannot be read is its error
    record without leaving the driver.
    """
    from claimex.batch import _normalise

    ray = ray_module()
    check_options(concurrency, options)
    at_least("workers", workers, 1)
    normalised = _normalise(items)
    path = Path(output) if output is not None else None
    stats = BatchStats(total=len(normalised))
    sink = open_jsonl(path) if path is not None else None  # mends a torn last line first
    done = ok_records(path)
    todo: list[dict[str, str]] = []
    unreadable: dict[str, str] = {}  # id -> key
    try:
        for (doc_id, text), key in zip(normalised, input_keys(normalised, options), strict=True):
            if key in done:
                stats.skipped += 1
                tally(stats, done[key].model_copy(update={"id": doc_id}), None, on_record)
            elif isinstance(text, ClaimexError):
                unreadable[doc_id] = key
            else:
                todo.append({"id": doc_id, "key": key, "text": text})
        if unreadable:  # their error records, made here without a request
            bad = [(doc_id, text) for doc_id, text in normalised if doc_id in unreadable]
            for record in extract_many(bad, **options):
                tally(
                    stats, record.model_copy(update={"key": unreadable[record.id]}), sink, on_record
                )
        if todo:
            if not ray.is_initialized():
                ray.init(
                    address=address or os.environ.get("RAY_ADDRESS"),
                    include_dashboard=False, log_to_driver=False, configure_logging=False,
                )  # fmt: skip
                # stderr keeps claimex's lines: Ray's notes go to its logs (/tmp/ray/session_*)
                logging.getLogger("ray").setLevel(logging.WARNING)
                logging.getLogger("ray.data").setLevel(logging.ERROR)
            ray.data.DataContext.get_current().enable_progress_bars = False  # claimex shows its own
            rows = batch_rows(concurrency)
            blocks = min(len(todo), max(workers, -(-len(todo) // rows)))  # every worker gets some
            ds = ray.data.from_items(todo, override_num_blocks=blocks)
            out = extract_dataset(
                ds, id_column="id", key_column="key", workers=workers, concurrency=concurrency,
                batch_size=rows, **options,
            )  # fmt: skip
            try:
                for row in out.iter_rows():
                    tally(stats, BatchRecord.model_validate_json(row["record"]), sink, on_record)
            except ray.exceptions.RayError as exc:
                where = (
                    f"; the records so far are in {path}, run it again to resume" if path else ""
                )
                lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
                last = f": {lines[-1][:200]}" if lines else ""  # the cause, below Ray's traceback
                raise ClaimexError(
                    f"the Ray run stopped ({type(exc).__name__}{last}){where}"
                ) from None
    finally:
        if sink is not None:
            sink.close()
    in_input_order(stats, normalised)
    return stats.records


def batch_rows(concurrency: int) -> int:
    """Rows per actor call: enough to keep ``concurrency`` requests busy, few enough that a
    worker killed mid-batch costs little to redo."""
    return max(4, 2 * concurrency)
