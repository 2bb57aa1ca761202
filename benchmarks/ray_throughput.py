"""extract_many against --engine ray (2 workers), same texts, a stub server that answers like an API.

Usage: python -m benchmarks.ray_throughput [--docs 1000] [--delay 0.2] [--concurrency 4]

The loopback stub server (tests/stub_server.py, in its own process so it takes no CPU from the
process it serves) answers every request with the same valid completion after ``--delay``
seconds, like a hosted API whose latency dominates. The same ``--docs`` short texts go through
``extract_many`` (one process, ``2 x --concurrency`` requests in flight) and through
``claimex.distributed.extract_items`` (what ``--engine ray`` runs: 2 Ray workers, ``--concurrency``
each, so the same requests in flight). Prints docs/s of each, their ratio, and Ray's start-up
overhead (``ray.init`` on a local 2-CPU cluster, then an actor pool's start on a 2-document run),
all measured in this run. Needs the [ray] extra; no model.
"""

from __future__ import annotations

import argparse
import dataclasses
import logging
import multiprocessing
import time
from typing import Any

from claimex.batch import extract_many
from claimex.llm import RetryPolicy
from tests.stub_server import completion, stub_server
from tests.test_faults import GOOD_ANSWER, TEXT


def serve(delay: float, replies: int, port: Any, stop: Any) -> None:
    """The stub server, in a child process: ``replies`` good answers, each after ``delay``."""
    reply = dataclasses.replace(completion(GOOD_ANSWER), delay=delay)
    with stub_server(*([reply] * replies)) as server:
        port.put(server.base_url)
        stop.wait()


def timed(run: Any) -> tuple[float, list[Any]]:
    t0 = time.perf_counter()
    records = run()
    return time.perf_counter() - t0, records


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--delay", type=float, default=0.2)
    parser.add_argument("--concurrency", type=int, default=4, help="per Ray worker")
    args = parser.parse_args()
    items = [(f"doc-{n}", f"{TEXT} Dépêche numéro {n}.") for n in range(args.docs)]
    ctx = multiprocessing.get_context("spawn")
    port, stop = ctx.Queue(), ctx.Event()
    server = ctx.Process(target=serve, args=(args.delay, 3 * args.docs + 10, port, stop))
    server.start()
    url = port.get(timeout=30)
    options: dict[str, Any] = {
        "base_url": url, "model": "stub-model", "server_kind": "llama-cpp", "second_pass": False,
        "max_reasks": 0, "retry": RetryPolicy(attempts=2),
    }  # fmt: skip
    try:
        wall_many, many = timed(
            lambda: extract_many(items, concurrency=2 * args.concurrency, **options)
        )
        import ray

        from claimex.distributed import extract_items

        t0 = time.perf_counter()
        ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
        ray.data.DataContext.get_current().enable_progress_bars = False
        logging.getLogger("ray.data").setLevel(logging.ERROR)  # the figures, not Ray's notes
        start = time.perf_counter() - t0
        on_ray: dict[str, Any] = {"workers": 2, "concurrency": args.concurrency, **options}
        pool, _ = timed(lambda: extract_items(items[:2], **on_ray))
        wall_ray, distributed = timed(lambda: extract_items(items, **on_ray))
    finally:
        stop.set()
        server.join(timeout=30)
    in_flight = 2 * args.concurrency
    print(
        f"{args.docs} texts of {len(items[0][1])} chars, stub server answering after {args.delay}s"
    )
    print(f"{'engine':<34} {'ok/total':>10} {'wall s':>8} {'docs/s':>8}")
    for name, wall, records in (
        (f"extract_many, concurrency {in_flight}", wall_many, many),
        (f"ray, 2 workers x concurrency {args.concurrency}", wall_ray, distributed),
    ):
        ok = sum(r.status == "ok" for r in records)
        print(f"{name:<34} {ok:>5}/{len(records):<4} {wall:>8.1f} {len(records) / wall:>8.1f}")
    ceiling = in_flight / args.delay
    print(
        f"ray / extract_many docs/s: {wall_many / wall_ray:.2f}  (latency ceiling {ceiling:.0f} docs/s)"
    )
    print(
        f"ray start-up: ray.init {start:.1f}s; actor pool + 2 docs {pool:.1f}s (of which {args.delay:.1f}s is the server's delay)"
    )


if __name__ == "__main__":
    main()
