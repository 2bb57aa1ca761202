"""Prompt and generation speed of llama-cpp-python builds on the embedded model, side by side.

Each build is a Python interpreter with its own llama-cpp-python (a virtualenv). Rounds alternate
the builds so that a busy machine slows them alike; each run loads the model, reads the seed
article as one prompt and writes 64 tokens greedily, and reports llama.cpp's own counters. The
first build is the baseline of the ratios.

    python benchmarks/embedded_speed.py --build portable=.venv/bin/python \\
        --build native-no-amx=/tmp/venv-native/bin/python --rounds 3
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
from pathlib import Path

from claimex.local import assemble_model

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "koree-du-nord-russie.txt"

WORKER = r"""
import json, sys
import llama_cpp
from llama_cpp import Llama
model, text, threads = sys.argv[1], sys.argv[2], int(sys.argv[3])
llm = Llama(model_path=model, n_ctx=4096, n_threads=threads, n_threads_batch=threads,
            seed=0, verbose=False)
prompt = "Article :\n" + open(text, encoding="utf-8").read() + "\nRésumé en une phrase :"
llm.create_completion(prompt, max_tokens=64, temperature=0.0)
perf = llama_cpp.llama_perf_context(llm._ctx.ctx)
info = llama_cpp.llama_print_system_info().decode()
print(json.dumps({
    "prompt_tokens": perf.n_p_eval, "prompt_tps": 1000 * perf.n_p_eval / perf.t_p_eval_ms,
    "gen_tokens": perf.n_eval, "gen_tps": 1000 * perf.n_eval / perf.t_eval_ms,
    "features": sorted(p.split("=")[0].strip() for p in info.replace(":", "|").split("|")
                       if p.strip().endswith("= 1")),
}))
"""


def run(python: str, model: Path, threads: int) -> dict[str, object]:
    out = subprocess.run(
        [python, "-c", WORKER, str(model), str(SEED), str(threads)],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    result: dict[str, object] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--build", action="append", required=True, help="LABEL=PYTHON")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    builds = [tuple(b.split("=", 1)) for b in args.build]
    model = assemble_model()
    runs: dict[str, list[dict[str, object]]] = {label: [] for label, _ in builds}
    for n in range(args.rounds):
        for label, python in builds if n % 2 == 0 else list(reversed(builds)):
            runs[label].append(run(python, model, args.threads))
    base_prompt = base_gen = 0.0
    print(
        f"{'build':<16} {'prompt tok/s':>12} {'ratio':>6} {'gen tok/s':>10} {'ratio':>6}  features"
    )
    for i, (label, _) in enumerate(builds):
        prompt = statistics.median(float(str(r["prompt_tps"])) for r in runs[label])
        gen = statistics.median(float(str(r["gen_tps"])) for r in runs[label])
        if i == 0:
            base_prompt, base_gen = prompt, gen
        features = " ".join(str(f) for f in list(runs[label][0]["features"]))  # type: ignore[call-overload]
        print(
            f"{label:<16} {prompt:>12.1f} {prompt / base_prompt:>5.2f}x {gen:>10.1f} "
            f"{gen / base_gen:>5.2f}x  {features}"
        )
    tokens = runs[builds[0][0]][0]["prompt_tokens"]
    print(f"(median of {args.rounds} runs each, {tokens}-token prompt, 64 tokens written, "
          f"{args.threads} threads)")  # fmt: skip


if __name__ == "__main__":
    main()
