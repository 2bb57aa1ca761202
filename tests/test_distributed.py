"""The Ray engine on a local 2-CPU cluster: every input ends with exactly one record, a killed
worker is redone without a second record, a failing server ends as error records."""

from __future__ import annotations

import dataclasses
import json
import os
import signal
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from claimex.batch import BatchRecord, input_keys, read_records
from claimex.cli import app
from claimex.errors import ClaimexError, ConfigurationError
from claimex.llm import RetryPolicy
from tests.conftest import interruptible
from tests.stub_server import Reply, completion, stub_server
from tests.test_faults import GOOD_ANSWER, TEXT

FAST = RetryPolicy(attempts=2, total_seconds=10, backoff_base=0.01, backoff_cap=0.02)
ITEMS: list[tuple[str, Any]] = [(f"d{n}", f"{TEXT} Dépêche numéro {n}.") for n in range(6)]


def options(url: str, **more: Any) -> dict[str, Any]:
    return {
        "base_url": url, "model": "stub-model", "server_kind": "llama-cpp", "retry": FAST,
        "second_pass": False, "strategy": "claims", **more,
    }  # fmt: skip


def slow(n: int, delay: float) -> list[Reply]:
    return [dataclasses.replace(completion(GOOD_ANSWER), delay=delay) for _ in range(n)]


def test_without_ray_the_engine_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    from claimex.distributed import ray_module

    monkeypatch.setitem(sys.modules, "ray", None)  # import ray -> ImportError
    with pytest.raises(ConfigurationError, match=r"pip install 'claimex\[ray\]'"):
        ray_module()


def test_every_input_ends_with_one_record_and_a_rerun_resumes(
    ray_cluster: Any, tmp_path: Path
) -> None:
    from claimex.distributed import extract_items

    out = tmp_path / "claims.jsonl"
    from claimex.errors import InputError

    items = [*ITEMS, ("again", ITEMS[0][1]), ("bad", InputError("bad: not UTF-8 text"))]
    # three good answers, then a server that only answers 500: exactly three inputs succeed
    with stub_server(*slow(3, 0.0)) as s:
        first = extract_items(items, output=out, workers=2, concurrency=2, **options(s.base_url))
    assert [r.id for r in first] == [doc_id for doc_id, _ in items]
    assert [r.key for r in first] == input_keys(items, options(""))  # extract_many's keys
    assert sum(r.status == "ok" for r in first) == 3
    failed = [r for r in first if r.status == "error"]
    assert all(r.error and "\n" not in r.error and r.error_type for r in failed)
    assert {r.error_type for r in failed} == {"ServerError", "InputError"}
    # the rerun sends only what failed and could be read; each input has one final record
    with stub_server(*slow(len(items), 0.0)) as s:
        again = extract_items(items, output=out, workers=2, concurrency=2, **options(s.base_url))
        assert len(s.requests) == len(items) - 3 - 1
    assert [(r.id, r.status) for r in again] == [
        (doc_id, "error" if doc_id == "bad" else "ok") for doc_id, _ in items
    ]
    final = read_records(out)
    assert sorted(r.key for r in final) == sorted(r.key for r in again)


def _map_workers() -> list[int]:
    """The processes of the extraction actors (Ray names them after the map operator)."""
    pids = []
    for entry in Path("/proc").iterdir():
        try:
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        if entry.name.isdigit() and b"MapBatches(_Extractor)" in cmdline:
            pids.append(int(entry.name))
    return pids


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="finds the worker processes in /proc")
def test_workers_killed_mid_run_are_redone_and_no_key_is_written_twice(
    ray_cluster: Any, tmp_path: Path
) -> None:
    from claimex.distributed import extract_items

    items = [(f"k{n}", f"{TEXT} Bulletin {n}.") for n in range(16)]
    out = tmp_path / "claims.jsonl"
    killed: list[int] = []
    with stub_server(*slow(3 * len(items), 0.3)) as s:

        def kill_the_workers_while_a_request_is_in_flight() -> None:
            # the newest request is under 0.05 s old, its answer 0.3 s away: the worker that sent
            # it is mid-batch (which one is not known, so every extraction worker is killed)
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline and not killed:
                workers = _map_workers()
                if len(s.requests) >= 3 and workers:
                    for pid in workers:
                        os.kill(pid, signal.SIGKILL)
                    killed.extend(workers)
                time.sleep(0.05)

        killer = threading.Thread(target=kill_the_workers_while_a_request_is_in_flight, daemon=True)
        killer.start()
        records = extract_items(items, output=out, workers=2, concurrency=2, **options(s.base_url))
        killer.join()
        sent = len(s.requests)
    assert killed, "no extraction worker was found to kill"
    assert sent > len(items)  # the killed batches were sent again
    assert [(r.id, r.status) for r in records] == [(doc_id, "ok") for doc_id, _ in items]
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(line["key"] for line in lines) == sorted(r.key for r in records)  # none twice


def test_a_failing_server_is_retried_within_bounds_and_ends_as_error_records(
    ray_cluster: Any,
) -> None:
    from claimex.distributed import extract_items

    faults = [
        Reply(429, b"slow down", {"Retry-After": "0"}), Reply(500, b"x"),
        Reply(delay=1.5), Reply(503, b"x"), Reply(delay=1.5), Reply(429, b"x"),
    ]  # fmt: skip
    with stub_server(*faults) as s:
        records = extract_items(
            ITEMS[:3], workers=2, concurrency=2, **options(s.base_url, timeout=0.5)
        )
        sent = len(s.requests)
    assert sent == 3 * FAST.attempts  # every input tried, none more than the policy allows
    assert [(r.status, r.error_type) for r in records] == [("error", "ServerError")] * 3
    assert all(r.error and "\n" not in r.error for r in records)


def test_a_dataset_maps_to_records_written_as_jsonl_or_parquet_shards(
    ray_cluster: Any, tmp_path: Path
) -> None:
    import pyarrow.parquet as pq

    from claimex.distributed import COLUMNS, extract_dataset, write_records

    ds = ray_cluster.data.from_items(
        [{"doc": "a", "body": ITEMS[0][1]}, {"doc": "b", "body": "  "}]
    )
    with pytest.raises(ClaimexError, match="no column text"):
        extract_dataset(ds, id_column="doc")
    with pytest.raises(ClaimexError, match="cannot travel to Ray workers"):
        extract_dataset(ds, text_column="body", client=object(), model="m")
    with stub_server(*slow(4, 0.0)) as s:
        out = extract_dataset(
            ds, text_column="body", id_column="doc", workers=1, **options(s.base_url)
        ).materialize()
    assert out.columns() == list(COLUMNS)
    write_records(out, tmp_path / "shards")
    write_records(out, tmp_path / "records.parquet")
    read = [r for shard in sorted((tmp_path / "shards").iterdir()) for r in read_records(shard)]
    assert sorted((r.id, r.status) for r in read) == [("a", "ok"), ("b", "error")]
    table = pq.read_table(tmp_path / "records.parquet")
    rows = sorted(table.to_pylist(), key=lambda row: row["id"])
    assert [BatchRecord.model_validate_json(row["record"]).id for row in rows] == ["a", "b"]
    assert rows[1]["error_type"] == "InputError"


runner = CliRunner()


def test_cli_engine_ray_over_a_folder(ray_cluster: Any, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for doc_id, text in ITEMS[:2]:
        (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    (folder / "more.jsonl").write_text(json.dumps({"text": None}) + "\n", encoding="utf-8")
    out = tmp_path / "claims.jsonl"
    args = [
        "extract",
        str(folder),
        "-o",
        str(out),
        "--model",
        "m",
        "--no-second-pass",
        "--strategy",
        "claims",
    ]
    with stub_server(*slow(2, 0.0)) as s:
        result = runner.invoke(
            app, [*args, "--base-url", s.base_url, "--engine", "ray", "--workers", "2"]
        )
    assert result.exit_code == 1, result.output  # the null text is reported, the rest done
    assert "'text' is null" in result.stderr
    assert sorted(r.status for r in read_records(out)) == ["error", "ok", "ok"]
    bad = runner.invoke(app, [*args, "--engine", "spark"])
    assert bad.exit_code == 2 and "--engine 'spark' is not one of: local, ray" in bad.stderr


def test_ctrl_c_on_the_ray_engine_exits_130_and_a_rerun_resumes(
    ray_cluster: Any, tmp_path: Path
) -> None:
    import subprocess

    folder = tmp_path / "in"
    folder.mkdir()
    for doc_id, text in ITEMS[:4]:
        (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "claims.jsonl"
    command = [sys.executable, "-m", "claimex.cli", "extract", str(folder), "-o", str(out),
               "--model", "m", "--no-second-pass", "--strategy", "claims", "--engine", "ray", "--workers", "1",
               "--concurrency", "1"]  # fmt: skip
    # the first answer at once, the others only after the interrupt
    with stub_server(completion(GOOD_ANSWER), *[Reply(delay=30)] * 3) as s:
        proc = subprocess.Popen(
            [*command, "--base-url", s.base_url], stderr=subprocess.PIPE, text=True,
            preexec_fn=interruptible,
        )  # fmt: skip
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and len(s.requests) < 2:
            time.sleep(0.1)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "interrupted" in err and "resume" in err and "Traceback" not in err
    # the four inputs are one batch (batch_rows(1) == 4): its records had not come back, so
    # nothing is written, and the rerun redoes all four
    assert not out.exists() or read_records(out) == []
    with stub_server(*[completion(GOOD_ANSWER)] * 4) as s:  # on this session's cluster
        rerun = runner.invoke(app, [*command[3:], "--base-url", s.base_url])
        assert len(s.requests) == 4
    assert rerun.exit_code == 0, rerun.output
    assert sorted(r.status for r in read_records(out)) == ["ok"] * 4
