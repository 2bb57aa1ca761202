"""The ``claimex`` command: extract claims, list the numbers of a text.

Errors are one line on stderr and a non-zero exit code; ``--debug`` shows the traceback.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from claimex.errors import ClaimexError

app = typer.Typer(
    name="claimex",
    help="French news text in, verifiable typed claims out.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

_DEBUG = False


def _read(path: str) -> str:
    if path == "-":
        return sys.stdin.read()
    p = Path(path)
    if not p.is_file():
        raise ClaimexError(f"{path}: no such file")
    data = p.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ClaimexError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    if text.startswith("SOURCE:") and "\n" in text:  # the corpus files' attribution line
        text = text.split("\n", 1)[1]
    return text


def _fail(exc: BaseException) -> None:
    if isinstance(exc, BrokenPipeError):  # `claimex numbers f | head`: the reader left, fine
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise typer.Exit(code=0)
    if _DEBUG:
        raise exc
    typer.echo(f"claimex: error: {exc}", err=True)
    raise typer.Exit(code=2)


@app.callback()
def main(
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks on errors.")] = False,
) -> None:
    global _DEBUG
    _DEBUG = debug


@app.command()
def extract(
    files: Annotated[list[str], typer.Argument(help="Text files to read ('-' for stdin).")],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")
    ] = None,
    model: Annotated[str | None, typer.Option(help="Model name (else CLAIMEX_MODEL).")] = None,
    base_url: Annotated[
        str | None, typer.Option(help="OpenAI-compatible server (else CLAIMEX_BASE_URL).")
    ] = None,
    server_kind: Annotated[
        str | None, typer.Option(help="llama-cpp, openai, vllm, ollama or generic.")
    ] = None,
    max_reasks: Annotated[int, typer.Option(help="Validation re-asks per chunk.")] = 2,
    on_invalid: Annotated[str, typer.Option(help="keep, drop or raise.")] = "keep",
) -> None:
    """Extract validated claims and print them as JSON (one object per file with -o .jsonl).

    Example: claimex extract examples/koree-du-nord-russie.txt
    """
    from claimex.extract import extract as run

    try:
        results = []
        for path in files:
            result = run(
                _read(path),
                model=model,
                base_url=base_url,
                server_kind=server_kind,
                max_reasks=max_reasks,
                on_invalid=on_invalid,
            )
            record = {"id": path, **result.model_dump(mode="json")}
            results.append(record)
        if output is not None and output.suffix == ".jsonl":
            body = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in results)
        else:
            body = (
                json.dumps(
                    results[0] if len(results) == 1 else results, ensure_ascii=False, indent=2
                )
                + "\n"
            )
        if output is None:
            sys.stdout.write(body)
        else:
            output.write_text(body, encoding="utf-8")
    except (ClaimexError, ValueError, OSError) as exc:
        _fail(exc)


@app.command()
def numbers(
    file: Annotated[str, typer.Argument(help="Text file ('-' for stdin).")],
) -> None:
    """Print every numeric expression the scanner finds: offsets, text, value, kind, qualifier.

    Example: claimex numbers examples/koree-du-nord-russie.txt
    """
    from claimex.numbers import find_numbers

    try:
        text = _read(file)
        for m in find_numbers(text):
            high = f"-{m.high}" if m.high is not None else ""
            typer.echo(
                f"{m.start}\t{m.end}\t{m.text}\t{m.value}{high}\t{m.kind.value}\t"
                f"{m.qualifier.value}\t{m.unit}"
            )
    except (ClaimexError, OSError) as exc:
        _fail(exc)


if __name__ == "__main__":  # pragma: no cover
    app()
