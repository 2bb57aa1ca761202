"""A stand-in for ``python -m llama_cpp.server``: the embedded-server tests need no model.

It listens on loopback like the real server, logs like it (a ``CPU : … = 1 |`` line), and can be
told to exit while starting, or to die by SIGSEGV on its Nth completion, as a llama.cpp build
does on a CPU whose AMX a VM does not let it use. Each start appends its pid to ``--starts``.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import time
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import Any


def _completion(content: str) -> dict[str, Any]:
    return {
        "id": "fake",
        "object": "chat.completion",
        "created": 0,
        "model": "fake",
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": content},
                "text": content,
                "finish_reason": "stop",
            }
        ],
        "usage": {"prompt_tokens": 3, "completion_tokens": 1, "total_tokens": 4},
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--mode", default="ok", choices=["ok", "exit-at-start", "crash"])
    parser.add_argument("--crash-at", type=int, default=1, help="the completion that crashes")
    parser.add_argument("--features", default="SSE3 = 1 | AVX = 1 | AVX2 = 1 |")
    parser.add_argument("--answer", default="", help="a file whose text every chat answer is")
    parser.add_argument("--starts", default="", help="a file to append this process's pid to")
    args = parser.parse_args()
    if args.starts:
        with open(args.starts, "a", encoding="utf-8") as f:
            f.write(f"{os.getpid()}\n")
    print("llama_model_loader: loaded meta data (fake)", flush=True)
    print(f"CPU : {args.features}", flush=True)
    if args.mode == "exit-at-start":
        print("error: failed to load model (fake)", flush=True)
        sys.exit(3)
    answer = Path(args.answer).read_text(encoding="utf-8") if args.answer else '{"claims": []}'
    completions = 0

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *a: Any) -> None:
            print(f"INFO: {self.command} {self.path}", flush=True)

        def _send(self, status: int, body: dict[str, Any]) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:
            self._send(200, {"object": "list", "data": [{"id": "fake", "object": "model"}]})

        def do_POST(self) -> None:
            nonlocal completions
            self.rfile.read(int(self.headers.get("Content-Length", "0")))
            completions += 1
            if args.mode == "crash" and completions >= args.crash_at:
                print("ggml: entering the matrix kernel (fake)", flush=True)
                os.kill(os.getpid(), signal.SIGSEGV)
                time.sleep(5)
            self._send(200, _completion(answer))

    HTTPServer(("127.0.0.1", args.port), Handler).serve_forever()


if __name__ == "__main__":
    main()
