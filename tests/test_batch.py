"""Batches: every input ends as a record, written as it completes, resumable; flat records."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from claimex.batch import extract_many, read_records
from claimex.cli import app
from claimex.llm import RetryPolicy
from claimex.records import COLUMNS, to_dataframe, to_records
from tests.conftest import interruptible
from tests.stub_server import Reply, completion, stub_server
from tests.test_faults import GOOD_ANSWER, TEXT

FAST = RetryPolicy(attempts=2, total_seconds=5, backoff_base=0.01, backoff_cap=0.02)
TEXTS = [
    ("a", TEXT),
    ("b", TEXT.replace("ministère", "ministère de la Défense")),
    ("c", TEXT.replace("région", "zone")),
]


def options(url: str) -> dict[str, Any]:
    return {
        "base_url": url, "model": "stub-model", "server_kind": "llama-cpp", "retry": FAST,
        "second_pass": False, "strategy": "claims",
    }  # fmt: skip


def test_every_input_ends_with_a_record_and_a_rerun_resumes(tmp_path: Path) -> None:
    out = tmp_path / "claims.jsonl"
    # first run: "b" hits a server that keeps failing (2 attempts), the others succeed
    with stub_server(
        completion(GOOD_ANSWER), Reply(500, b"x"), Reply(500, b"x"), completion(GOOD_ANSWER)
    ) as s:
        records = extract_many(TEXTS, output=out, concurrency=1, **options(s.base_url))
    assert [(r.id, r.status) for r in records] == [("a", "ok"), ("b", "error"), ("c", "ok")]
    assert "HTTP 500" in (records[1].error or "") and records[1].error_type == "ServerError"
    assert [r.id for r in read_records(out)] == ["a", "b", "c"]
    # second run: only "b" is sent again
    with stub_server(completion(GOOD_ANSWER)) as s:
        again = extract_many(TEXTS, output=out, concurrency=2, **options(s.base_url))
        assert len(s.requests) == 1
    assert [(r.id, r.status) for r in again] == [("a", "ok"), ("b", "ok"), ("c", "ok")]
    # the file keeps the history (b's error, then its ok); read back, each input has one record
    assert len(out.read_text(encoding="utf-8").splitlines()) == 4
    assert [(r.id, r.status) for r in read_records(out)] == [("a", "ok"), ("b", "ok"), ("c", "ok")]


def test_a_torn_last_line_is_ignored(tmp_path: Path) -> None:
    out = tmp_path / "claims.jsonl"
    with stub_server(completion(GOOD_ANSWER)) as s:
        extract_many(TEXTS[:1], output=out, **options(s.base_url))
    with out.open("a") as f:
        f.write('{"id": "b", "key": "x", "sta')  # what a killed run leaves
    assert [r.id for r in read_records(out)] == ["a"]


def test_bad_inputs_become_error_records() -> None:
    with stub_server() as s:
        records = extract_many([("empty", "  "), ("english", "hello " * 40)], **options(s.base_url))
    assert [(r.status, r.error_type) for r in records] == [("error", "InputError")] * 2
    assert s.requests == []


def test_records_and_dataframe() -> None:
    with stub_server(completion(GOOD_ANSWER)) as s:
        (record,) = extract_many([("a", TEXT)], **options(s.base_url))
    assert record.result is not None
    rows = to_records(record.result, "a")
    assert list(rows[0]) == COLUMNS
    row = rows[0]
    assert (row["doc_id"], row["value"], row["qualifier"], row["verdict"], row["number_text"]) == (
        "a",
        "11000",
        "approximate",
        "verified",
        "11 000",
    )
    assert TEXT[row["number_start"] : row["number_end"]] == "11 000"
    frame = to_dataframe(record.result, "a")
    assert list(frame.columns) == COLUMNS and len(frame) == 1


runner = CliRunner()


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "table"])
def test_cli_formats(tmp_path: Path, fmt: str) -> None:
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    with stub_server(completion(GOOD_ANSWER)) as s:
        result = runner.invoke(
            app,
            [
                "extract",
                str(article),
                "-f",
                fmt,
                "--base-url",
                s.base_url,
                "--model",
                "m",
                "--no-second-pass",
                "--strategy",
                "claims",
            ],
        )
    assert result.exit_code == 0, result.output
    out = result.stdout
    if fmt == "json":
        assert json.loads(out)["result"]["claims"][0]["quantity"]["value"] == "11000"
    elif fmt == "jsonl":
        assert json.loads(out.splitlines()[0])["status"] == "ok"
    elif fmt == "csv":
        assert out.splitlines()[0] == ",".join(COLUMNS) and "verified" in out
    else:
        assert "verified" in out and "11000" in out


def test_cli_batch_over_a_folder_and_jsonl(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "one.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "in" / "more.jsonl").write_text(
        json.dumps({"id": "x", "text": TEXTS[1][1]}) + "\n" + json.dumps({"text": "   "}) + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "claims.jsonl"
    with stub_server(completion(GOOD_ANSWER), completion(GOOD_ANSWER)) as s:
        result = runner.invoke(
            app,
            [
                "extract",
                str(tmp_path / "in"),
                "-o",
                str(out),
                "--base-url",
                s.base_url,
                "--model",
                "m",
                "--no-second-pass",
                "--strategy",
                "claims",
            ],
        )
    assert result.exit_code == 1  # one input had no text: reported, the others done
    assert "the text is empty" in result.stderr
    assert sorted((r.id, r.status) for r in read_records(out)) == sorted(
        [
            ("x", "ok"),
            (f"{tmp_path / 'in' / 'more.jsonl'}:2", "error"),
            (str(tmp_path / "in" / "one.txt"), "ok"),
        ]
    )


def test_cli_validate(tmp_path: Path, seed_text: str) -> None:
    from tests.conftest import SEED

    claims = [
        {
            "type": "quantitative",
            "subject": "s",
            "evidence": {"quote": "environ 11 000 soldats"},
            "quantity": {"value": 11000, "qualifier": "approximate"},
        },
        {
            "type": "quantitative",
            "subject": "s",
            "evidence": {"quote": "au moins 150 missiles"},
            "quantity": {"value": 160},
        },
    ]
    path = tmp_path / "claims.json"
    path.write_text(json.dumps(claims), encoding="utf-8")
    result = runner.invoke(app, ["validate", str(path), "--text", str(SEED)])
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0].startswith("ok   #0 quantity 11000")
    assert "FAIL #1 quantity 160: 160 is not in the quote" in result.stdout
    path.write_text(json.dumps({"claims": claims[:1]}), encoding="utf-8")
    assert runner.invoke(app, ["validate", str(path), "--text", str(SEED)]).exit_code == 0


def test_ctrl_c_stops_cleanly_and_keeps_what_is_done(tmp_path: Path) -> None:
    import signal
    import subprocess
    import sys
    import time

    folder = tmp_path / "in"
    folder.mkdir()
    for doc_id, text in TEXTS:
        (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "claims.jsonl"
    with stub_server(completion(GOOD_ANSWER), Reply(delay=30), Reply(delay=30)) as s:
        proc = subprocess.Popen(
            [sys.executable, "-m", "claimex.cli", "extract", str(folder), "-o", str(out),
             "--base-url", s.base_url, "--model", "m", "--no-second-pass", "--strategy", "claims"],
            stderr=subprocess.PIPE, text=True, preexec_fn=interruptible,
        )  # fmt: skip
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not (out.exists() and out.read_text().strip()):
            time.sleep(0.1)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130, err
    assert "interrupted" in err and "resume" in err and "Traceback" not in err
    assert [(r.id, r.status) for r in read_records(out)] == [(str(folder / "a.txt"), "ok")]
