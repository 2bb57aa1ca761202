"""One embedded server per machine: a lock file, a users file and a state file in the cache.

Two claimex processes that both want the embedded model share one llama.cpp server instead of
starting two that halve each other's speed on the same cores and time out. Starting, attaching
and stopping happen under an exclusive lock (``start.lock``); every process that uses the server
holds a shared lock on ``users.lock`` for as long as it does, and the last one to leave stops
the server. The kernel drops the locks of a process that dies, so a killed process never blocks
the others; the server it leaves behind is reused by the next one, which stops it when done.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import threading
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

__all__ = ["ServerRegistry", "ServerState"]


@dataclass(frozen=True)
class ServerState:
    """What a process needs to use a running server: where it listens, which model, its log."""

    pid: int
    port: int
    model: str
    log: str


class ServerRegistry:
    """The machine's record of its embedded server, in ``directory``."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._users: int | None = None  # our shared lock on users.lock, while we use the server
        self._thread_lock = threading.RLock()
        self._depth = 0  # reentrant: a crash found while starting clears the record under it

    @contextlib.contextmanager
    def exclusive(self) -> Iterator[None]:
        """Hold the machine-wide start/stop lock (waits for another process that holds it)."""
        with self._thread_lock:
            if self._depth:
                self._depth += 1
                try:
                    yield
                finally:
                    self._depth -= 1
                return
            self.directory.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.directory / "start.lock", os.O_RDWR | os.O_CREAT, 0o600)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX)
                self._depth = 1
                yield
            finally:
                self._depth = 0
                os.close(fd)  # closing drops the lock

    def read(self) -> ServerState | None:
        try:
            data = json.loads((self.directory / "server.json").read_text(encoding="utf-8"))
            return ServerState(
                pid=int(data["pid"]), port=int(data["port"]), model=str(data["model"]),
                log=str(data["log"]),
            )  # fmt: skip
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def write(self, state: ServerState) -> None:
        path = self.directory / "server.json"
        tmp = path.with_suffix(f".tmp-{os.getpid()}")
        tmp.write_text(json.dumps(asdict(state)), encoding="utf-8")
        tmp.replace(path)

    def clear(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            (self.directory / "server.json").unlink()

    def join(self) -> None:
        """Count this process among the server's users (idempotent)."""
        if self._users is None:
            fd = os.open(self.directory / "users.lock", os.O_RDWR | os.O_CREAT, 0o600)
            fcntl.flock(fd, fcntl.LOCK_SH)
            self._users = fd

    def leave(self) -> bool:
        """Stop counting this process; True when no other process uses the server.

        Call it under ``exclusive()``, so that no process joins between the test and the stop.
        """
        if self._users is None:
            return False
        fd, self._users = self._users, None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # only granted when nobody else holds it
        except BlockingIOError:
            return False
        finally:
            os.close(fd)
        return True
