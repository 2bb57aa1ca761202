"""The embedded server proves itself, reports its crashes with the fix, and serves the whole machine.

A stand-in server (``tests/fake_llama_server.py``) plays llama.cpp: no model is needed.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import claimex.local
from claimex import LocalModelError, LocalServerCrash, ServerError, extract
from claimex._server_crash import build_features, describe_exit, explain_crash
from claimex.batch import extract_many
from claimex.local import LocalServer, _pid_alive
from tests.test_faults import GOOD_ANSWER, TEXT

FAKE = str(Path(__file__).with_name("fake_llama_server.py"))
ROOT = Path(__file__).resolve().parent.parent


def fake(*extra: str, starts: Path | None = None) -> list[str]:
    argv = [sys.executable, FAKE, "--port", "{port}", *extra]
    return argv + (["--starts", str(starts)] if starts else [])


def starts(path: Path) -> list[int]:
    return [int(line) for line in path.read_text().split()] if path.exists() else []


@pytest.fixture
def embedded(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Nothing configured but the embedded model, whose state lives in a temporary cache."""
    for var in ("CLAIMEX_BASE_URL", "OPENAI_BASE_URL", "CLAIMEX_MODEL", "CLAIMEX_SERVER_KIND"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("CLAIMEX_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(claimex.local, "_shared", None)
    return tmp_path


def use_fake(monkeypatch: pytest.MonkeyPatch, *extra: str, starts: Path | None = None) -> None:
    """Make the process-wide embedded server the stand-in, run with ``extra``."""
    server = LocalServer(command=fake(*extra, starts=starts))
    monkeypatch.setattr(claimex.local, "_shared", server)


def test_a_build_that_faults_on_its_first_completion_is_caught_at_start(tmp_path: Path) -> None:
    server = LocalServer(
        command=fake("--mode", "crash", "--features", "AVX2 = 1 | AMX_INT8 = 1 |"),
        directory=tmp_path,
    )
    with pytest.raises(LocalServerCrash) as info:
        server.start(timeout=30)
    err = info.value
    message = str(err)
    assert "\n" not in message
    assert "on its first completion" in message and "signal SIGSEGV" in message
    assert "AMX" in message and "CMAKE_ARGS=" in message and "--force-reinstall" in message
    assert str(err.log_path) in message and err.log_path.startswith(str(tmp_path))
    assert "entering the matrix kernel" in message  # the last lines of its own log
    assert err.returncode == -signal.SIGSEGV
    assert isinstance(err, LocalModelError) and isinstance(err, ServerError)
    assert not (tmp_path / "server.json").exists()  # nothing left for another process to join


def test_a_server_that_exits_while_starting_says_so(tmp_path: Path) -> None:
    server = LocalServer(command=fake("--mode", "exit-at-start"), directory=tmp_path)
    with pytest.raises(LocalServerCrash, match=r"while starting \(exit code 3\)") as info:
        server.start(timeout=30)
    assert "failed to load model" in str(info.value)


def test_a_missing_cpu_feature_is_named(tmp_path: Path) -> None:
    log = tmp_path / "server.log"
    log.write_text("CPU : SSE3 = 1 | AVX2 = 1 | AVX512 = 1 | AVX512_VNNI = 0 |\nboom\n")
    cpuinfo = tmp_path / "cpuinfo"
    cpuinfo.write_text("processor : 0\nflags : fpu sse3 avx avx2 fma f16c\n")
    message = explain_crash(-signal.SIGILL, log, when="on its first completion", cpuinfo=cpuinfo)
    assert "signal SIGILL" in message and "uses AVX512, which this CPU lacks" in message
    assert build_features(log.read_text()) == {"SSE3", "AVX2", "AVX512"}
    assert describe_exit(2) == "exit code 2" and describe_exit(None) == "the process is gone"


def test_a_crash_mid_run_is_reported_as_a_crash_not_a_refusal(
    embedded: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_fake(monkeypatch, "--mode", "crash", "--crash-at", "2")  # the probe passes, then it dies
    began = time.monotonic()
    with pytest.raises(LocalServerCrash, match=r"during a request \(signal SIGSEGV\)") as info:
        extract(TEXT, second_pass=False, strategy="claims")
    assert time.monotonic() - began < 20  # no five attempts with backoff against a dead process
    assert "connection refused" not in str(info.value)
    assert "full log: " + str(embedded / "cache" / "server") in str(info.value)


def test_a_batch_records_the_crash_per_input_and_a_rerun_resumes(
    embedded: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = embedded / "claims.jsonl"
    texts = [("a", TEXT), ("b", TEXT.replace("11 000", "12 000"))]
    use_fake(monkeypatch, "--mode", "crash", "--crash-at", "2")
    first = extract_many(texts, output=out, second_pass=False, strategy="claims")
    assert [(r.id, r.status, r.error_type) for r in first] == [
        ("a", "error", "LocalServerCrash"),
        ("b", "error", "LocalServerCrash"),  # a new server was started for it, and died too
    ]
    answer = embedded / "answer.json"
    answer.write_text(GOOD_ANSWER)
    use_fake(monkeypatch, "--answer", str(answer))
    second = extract_many(texts, output=out, second_pass=False, strategy="claims")
    assert [(r.id, r.status) for r in second] == [("a", "ok"), ("b", "ok")]
    assert len(out.read_text().splitlines()) == 4  # two errors, then the two redone inputs


def test_two_processes_share_one_server_and_the_last_one_stops_it(tmp_path: Path) -> None:
    starts_file = tmp_path / "starts"
    go = tmp_path / "go"
    script = f"""
import sys, time
from pathlib import Path
sys.path.insert(0, {str(ROOT)!r})
from claimex.local import LocalServer
from tests.test_local_server import fake
server = LocalServer(command=fake(starts=Path({str(starts_file)!r})), directory=Path({str(tmp_path)!r}))
server.start(timeout=30)
print(server.port, server.pid, flush=True)
while not Path({str(go)!r}).exists():
    time.sleep(0.05)
server.stop()
"""
    procs = [
        subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    try:
        seen = [p.stdout.readline().split() for p in procs if p.stdout is not None]
    finally:
        go.touch()
        for p in procs:
            p.wait(timeout=30)
    assert len(starts(starts_file)) == 1  # one server for the machine
    assert seen[0] == seen[1]  # both used the same port and process
    assert all(p.returncode == 0 for p in procs)
    pid = starts(starts_file)[0]
    deadline = time.monotonic() + 10
    while _pid_alive(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _pid_alive(pid)  # the last one to leave stopped it
    assert not (tmp_path / "server.json").exists()


def test_a_server_in_use_outlives_the_process_that_started_it(tmp_path: Path) -> None:
    starts_file = tmp_path / "starts"
    a = LocalServer(command=fake(starts=starts_file), directory=tmp_path)
    b = LocalServer(command=fake(starts=starts_file), directory=tmp_path)
    a.start(timeout=30)
    b.start(timeout=30)
    try:
        assert (a.port, len(starts(starts_file))) == (b.port, 1)
        a.stop()
        assert _pid_alive(b.pid)  # b still uses it
        b.check()  # and it answers for b
    finally:
        b.stop()
        a.stop()
    assert not _pid_alive(starts(starts_file)[0])


def test_a_stale_record_is_replaced(tmp_path: Path) -> None:
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    record = {"pid": dead.pid, "port": 9, "model": "x", "log": str(tmp_path / "old.log")}
    (tmp_path / "server.json").write_text(json.dumps(record))
    server = LocalServer(command=fake(), directory=tmp_path)
    with server:
        state = json.loads((tmp_path / "server.json").read_text())
        assert state["pid"] == server.pid != dead.pid and server.port != 9
    assert not (tmp_path / "server.json").exists()


def test_each_server_has_its_own_log(tmp_path: Path) -> None:
    logs = set()
    for _ in range(2):
        server = LocalServer(command=fake(), directory=tmp_path)
        with server:
            logs.add(server.log_path)
        time.sleep(1.1)  # the log name carries the second it started
    assert len(logs) == 2 and all(p.read_text().startswith("llama_model_loader") for p in logs)
    assert os.path.commonpath([str(p) for p in logs]) == str(tmp_path)


def test_a_cpu_without_avx2_is_told_to_build_for_itself(tmp_path: Path) -> None:
    log = tmp_path / "server.log"
    log.write_text("CPU : SSE3 = 1 | AVX = 1 | AVX2 = 1 | FMA = 1 |\n")
    cpuinfo = tmp_path / "cpuinfo"
    cpuinfo.write_text("flags : fpu sse3 ssse3 sse4_2\n")  # a low-end laptop: no AVX at all
    message = explain_crash(-signal.SIGILL, log, when="on its first completion", cpuinfo=cpuinfo)
    assert "uses AVX, AVX2, FMA, which this CPU lacks" in message
    assert "CFLAGS=-mno-amx-int8 CXXFLAGS=-mno-amx-int8 pip install" in message
    assert "GGML_NATIVE=OFF" not in message  # the portable build needs the AVX2 it lacks
