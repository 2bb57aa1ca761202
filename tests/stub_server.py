"""A scripted OpenAI-compatible server on loopback, for fault tests (no model, no network).

Each request takes the next scripted reply: an HTTP status with a body, a slow reply, a
truncated body, or a dropped connection. It records the requests it received.
"""

from __future__ import annotations

import json
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    truncate: bool = False  # announce more bytes than are sent, then close
    drop: bool = False  # close the connection without answering


def completion(
    content: str,
    *,
    prompt_tokens: int = 10,
    completion_tokens: int = 5,
    cached_tokens: int | None = None,
) -> Reply:
    """A chat.completion whose message is ``content`` (as a real server would shape it); with
    ``cached_tokens``, the usage says how many prompt tokens came from the server's cache, as
    OpenAI, vLLM and llama.cpp's own server do."""
    body = {
        "id": "chatcmpl-stub",
        "object": "chat.completion",
        "created": 0,
        "model": "stub-model",
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": content},
                "finish_reason": "stop",
            }
        ],
        "usage": {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens,
        },
    }
    if cached_tokens is not None:
        body["usage"]["prompt_tokens_details"] = {"cached_tokens": cached_tokens}  # type: ignore[index]
    return Reply(200, json.dumps(body).encode(), {"Content-Type": "application/json"})


class _Handler(BaseHTTPRequestHandler):
    server: _StubHTTPServer

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        self._answer()

    def do_POST(self) -> None:
        self._answer()

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        self.server.requests.append(
            {
                "path": self.path,
                "headers": dict(self.headers),
                "body": body.decode("utf-8", "replace"),
            }
        )
        reply = (
            self.server.script.pop(0)
            if self.server.script
            else Reply(500, b'{"error": "script exhausted"}')
        )
        if reply.delay:
            time.sleep(reply.delay)
        if reply.drop:
            self.close_connection = True
            return
        self.send_response(reply.status)
        for k, v in reply.headers.items():
            self.send_header(k, v)
        sent = reply.body[: len(reply.body) // 2] if reply.truncate else reply.body
        self.send_header("Content-Length", str(len(reply.body)))
        self.end_headers()
        self.wfile.write(sent)
        if reply.truncate:
            self.close_connection = True


class _StubHTTPServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.script: list[Reply] = []
        self.requests: list[dict[str, Any]] = []
        self.errors: list[str] = []

    def handle_error(self, request: Any, client_address: Any) -> None:
        # socketserver prints a traceback to sys.stderr when a client drops its connection;
        # a test that captures stderr (the CLI's one-line errors) must not see the stub's own
        self.errors.append(repr(sys.exc_info()[1]))

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/v1"


@contextmanager
def stub_server(*script: Reply) -> Iterator[_StubHTTPServer]:
    server = _StubHTTPServer()
    server.script = list(script)
    # a short poll interval: shutdown waits for it, and fuzz tests start many servers
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
