"""The ``claimex`` command: extract claims, list the numbers of a text.

Errors are one line on stderr and a non-zero exit code; ``--debug`` shows the traceback.
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from claimex.errors import ClaimexError
from claimex.inputs import read_text
from claimex.options import one_of

app = typer.Typer(
    name="claimex",
    help="French news text in, verifiable typed claims out.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

_DEBUG = False


def _fail(exc: BaseException) -> None:
    if isinstance(exc, BrokenPipeError):  # `claimex numbers f | head`: the reader left, fine
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise typer.Exit(code=0)
    if _DEBUG:
        raise exc
    message = " ".join(str(exc).split())  # one line, whatever a library put in the message
    typer.echo(f"claimex: error: {message}", err=True)
    raise typer.Exit(code=2)


@app.callback()
def main(
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks on errors.")] = False,
) -> None:
    global _DEBUG
    _DEBUG = debug


class Engine(StrEnum):
    """Where ``extract`` runs a batch."""

    LOCAL = "local"  # asyncio in this process (claimex.batch)
    RAY = "ray"  # Ray actors, here or on a cluster (claimex.distributed)


class Format(StrEnum):
    """What ``extract`` writes."""

    JSON = "json"
    JSONL = "jsonl"
    CSV = "csv"
    TABLE = "table"


def _format_of(output: Path | None, fmt: str | None, count: int) -> str:
    if fmt:
        return one_of("--format", fmt, Format).value
    if output is not None and output.suffix.lstrip(".") in ("json", "jsonl", "csv"):
        return output.suffix.lstrip(".")
    return "json" if count == 1 else "jsonl"


def _render(records: list[Any], fmt: str) -> str:
    from claimex.records import COLUMNS, to_records

    if fmt == "jsonl":
        return "".join(r.model_dump_json() + "\n" for r in records)
    if fmt == "json":
        dumped = [r.model_dump(mode="json") for r in records]
        return (
            json.dumps(dumped[0] if len(dumped) == 1 else dumped, ensure_ascii=False, indent=2)
            + "\n"
        )
    rows = [row for r in records if r.result is not None for row in to_records(r.result, r.id)]
    if fmt == "csv":
        import csv
        import io

        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
        return buf.getvalue()
    from rich.console import Console
    from rich.table import Table

    table = Table(
        "doc", "claim", "type", "status", "source", "value", "qualifier", "verdict", "quote"
    )
    for row in rows:
        verdict = row["verdict"] or ""
        style = "green" if verdict == "verified" else ("red" if verdict else "")
        table.add_row(
            str(row["doc_id"]), str(row["claim_id"]), str(row["claim_type"]), str(row["status"]),
            str(row["source"] or ""), str(row["value"] or ""), str(row["qualifier"] or ""),
            f"[{style}]{verdict}[/]" if style else verdict, str(row["quote"])[:80],
        )  # fmt: skip
    console = Console(record=True, width=200)
    with console.capture() as capture:
        console.print(table)
    return capture.get()


@app.command()
def extract(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Text files, folders, .jsonl files with a 'text' field, or '-' for stdin."
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Write here; a .jsonl output is written as it goes and resumed."
        ),
    ] = None,
    fmt: Annotated[
        str | None, typer.Option("--format", "-f", help="json, jsonl, csv or table.")
    ] = None,
    model: Annotated[str | None, typer.Option(help="Model name (else CLAIMEX_MODEL).")] = None,
    base_url: Annotated[
        str | None, typer.Option(help="OpenAI-compatible server (else CLAIMEX_BASE_URL).")
    ] = None,
    server_kind: Annotated[
        str | None, typer.Option(help="llama-cpp, openai, vllm, ollama or generic.")
    ] = None,
    concurrency: Annotated[int, typer.Option(help="Requests in flight at once.")] = 1,
    max_reasks: Annotated[int, typer.Option(help="Validation re-asks per chunk.")] = 1,
    on_invalid: Annotated[str, typer.Option(help="keep, drop or raise.")] = "keep",
    strategy: Annotated[
        str,
        typer.Option(
            help="keyed (one call per chunk, keyed by the text's amounts) or claims (the model "
            "fills the claim schemas, then one call per uncovered amount; several times the cost)."
        ),
    ] = "keyed",
    second_pass: Annotated[
        bool,
        typer.Option(
            "--second-pass/--no-second-pass",
            help="With --strategy claims: ask again about uncovered numbers.",
        ),
    ] = True,
    progress: Annotated[
        bool | None, typer.Option("--progress/--no-progress", help="Progress bar on stderr.")
    ] = None,
    engine: Annotated[
        str,
        typer.Option(help="local (this process) or ray (Ray actors; pip install claimex[ray])."),
    ] = "local",
    ray_address: Annotated[
        str | None, typer.Option(help="A running Ray cluster (else RAY_ADDRESS, else a local one).")
    ] = None,
    workers: Annotated[
        int, typer.Option(help="Ray workers; --concurrency is then per worker.")
    ] = 2,
) -> None:
    """Extract validated claims from one or many French texts.

    \b
    Examples:
      claimex extract examples/koree-du-nord-russie.txt
      claimex extract examples/ -o claims.jsonl --concurrency 2   (rerun to resume)
      claimex extract articles.jsonl -f csv -o claims.csv
      cat article.txt | claimex extract - -f table
      claimex extract archive/ -o claims.jsonl --engine ray --workers 8 --ray-address auto
    """
    from functools import partial

    from claimex.batch import check_options, extract_many
    from claimex.inputs import read_inputs
    from claimex.output import check_writable

    try:
        # every option, the format and the output first: a mistake costs no request
        options: dict[str, Any] = {
            "model": model, "base_url": base_url, "server_kind": server_kind,
            "max_reasks": max_reasks, "on_invalid": on_invalid, "second_pass": second_pass,
            "strategy": strategy,
        }  # fmt: skip
        check_options(concurrency, options, flags=True)
        run: Any = extract_many
        if one_of("--engine", engine, Engine) is Engine.RAY:
            from claimex.distributed import extract_items, ray_module
            from claimex.options import at_least

            at_least("--workers", workers, 1)
            ray_module()  # installed, before any input is read
            run = partial(extract_items, workers=workers, address=ray_address)
        if fmt:
            _format_of(output, fmt, 0)
        if output is not None:
            check_writable(output)
        read = read_inputs(inputs)
        note = read.skipped_note()
        if note:
            typer.echo(f"claimex: {note}", err=True)
        items = read.items
        fmt_ = _format_of(output, fmt, len(items))
        incremental = output if (output is not None and fmt_ == "jsonl") else None
        show = progress if progress is not None else (len(items) > 1 and sys.stderr.isatty())
        records = _run_batch(items, incremental, concurrency, show, options, run)
        if incremental is None:
            body = _render(records, fmt_)
            if output is None:
                sys.stdout.write(body)
            else:
                output.write_text(body, encoding="utf-8")
        errors = [r for r in records if r.status == "error"]
        if errors:
            for r in errors:
                typer.echo(f"claimex: {r.id}: {r.error_type}: {r.error}", err=True)
            raise typer.Exit(code=1)
    except KeyboardInterrupt:
        where = (
            f"; the results so far are in {output}, run the same command to resume"
            if output
            else ""
        )
        typer.echo(f"claimex: interrupted{where}", err=True)
        raise typer.Exit(code=130) from None
    except (ClaimexError, ValueError, OSError) as exc:
        _fail(exc)


def _run_batch(
    items: list[Any],
    output: Path | None,
    concurrency: int,
    show: bool,
    options: dict[str, Any],
    extract_many: Any,
) -> list[Any]:
    if not show:
        return list(extract_many(items, output=output, concurrency=concurrency, **options))
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (
        TextColumn("[bold]extract"), BarColumn(), MofNCompleteColumn(),
        TextColumn("{task.fields[info]}"), TimeElapsedColumn(),
    )  # fmt: skip
    with Progress(*columns, transient=False) as bar:
        task = bar.add_task("extract", total=len(items), info="")

        def on_record(record: Any, stats: Any) -> None:
            info = (
                f"claims {stats.claims} · flagged {stats.flagged} · failed {stats.failed}"
                f" · tokens {stats.tokens} · resumed {stats.skipped}"
            )
            bar.update(task, completed=stats.done, info=info)

        return list(
            extract_many(
                items, output=output, concurrency=concurrency, on_record=on_record, **options
            )
        )


def _load_claims(path: Path) -> list[Any]:
    """The claims of a JSON file; any problem is one line that names the file and the claim."""
    from pydantic import ValidationError

    from claimex.schemas import parse_claim

    try:
        data = json.loads(read_text(str(path)))
    except json.JSONDecodeError as exc:
        raise ClaimexError(
            f"{path}: not JSON ({exc.msg} at line {exc.lineno} column {exc.colno}); "
            "give the claims as a JSON list or an object with 'claims'"
        ) from None
    raw = data
    if isinstance(data, dict):
        result = data.get("result")
        raw = data.get("claims", result.get("claims") if isinstance(result, dict) else None)
    if not isinstance(raw, list):
        raise ClaimexError(f"{path}: expected a list of claims or an object with 'claims'")
    claims = []
    for n, item in enumerate(raw):
        try:
            claims.append(parse_claim(item))
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(part) for part in first["loc"]) or "claim"
            raise ClaimexError(
                f"{path}: claim #{n} is not valid ({where}: {first['msg']}; "
                f"{exc.error_count()} problem(s) in all); fix or remove it"
            ) from None
        except ValueError as exc:
            raise ClaimexError(f"{path}: claim #{n}: {exc}") from None
    return claims


@app.command()
def validate(
    claims_file: Annotated[
        Path, typer.Argument(help="Claims as JSON: a list, {'claims': [...]}, or an extraction.")
    ],
    text: Annotated[Path, typer.Option("--text", help="The article the claims quote.")],
) -> None:
    """Re-run the deterministic validator on claims from any source; exit 1 when a number fails.

    Example: claimex validate claims.json --text examples/koree-du-nord-russie.txt
    """
    from claimex.validation import validate as check

    try:
        claims = _load_claims(claims_file)
        report = check(claims, read_text(str(text)))
        for v in report.quantities:
            mark = "ok  " if v.verification.ok else "FAIL"
            claim_id = getattr(report.claims[v.claim_index], "id", "") or f"#{v.claim_index}"
            typer.echo(f"{mark} {claim_id} {v.path} {v.quantity.value}: {v.verification.message}")
        for e in report.evidence:
            if not e.found:
                typer.echo(f"FAIL #{e.claim_index} {e.path}: quote not in the text: « {e.quote} »")
        bad = len(report.failed) + sum(not e.found for e in report.evidence)
        verified = len(report.quantities) - len(report.failed)
        typer.echo(f"{verified} verified, {bad} failed, {len(report.uncovered)} uncovered")
        if bad:
            raise typer.Exit(code=1)
    except (ClaimexError, ValueError, OSError) as exc:
        _fail(exc)


@app.command()
def report(
    records_file: Annotated[
        Path, typer.Argument(help="The JSONL written by 'claimex extract -o'.")
    ],
    output: Annotated[Path, typer.Option("--output", "-o", help="The HTML file to write.")] = Path(
        "report.html"
    ),
    title: Annotated[str, typer.Option(help="Page title.")] = "claimex report",
) -> None:
    """One self-contained HTML page: articles with claims highlighted, numbers by verdict.

    Example: claimex report claims.jsonl -o report.html
    """
    from claimex.batch import load_records
    from claimex.report import ReportDoc, render_report

    try:
        if not records_file.is_file():
            raise ClaimexError(f"{records_file}: no such file")
        read = load_records(records_file)
        if read.malformed:
            typer.echo(
                f"claimex: {records_file}: skipped {read.malformed} line(s) that are not "
                "claimex records (a run cut short, or another file's lines)",
                err=True,
            )
        docs = [ReportDoc(r.id, r.text, r.result) for r in read.records if r.result is not None]
        if not docs:
            raise ClaimexError(f"{records_file}: no successful extraction to report")
        output.write_text(render_report(docs, title), encoding="utf-8")
        typer.echo(f"wrote {output} ({len(docs)} document(s))")
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
        text = read_text(file)
        for m in find_numbers(text):
            high = f"-{m.high}" if m.high is not None else ""
            typer.echo(
                f"{m.start}\t{m.end}\t{m.text}\t{m.value}{high}\t{m.kind.value}\t"
                f"{m.qualifier.value}\t{m.unit}"
            )
    except (ClaimexError, OSError) as exc:
        _fail(exc)


@app.command("eval")
def eval_(
    gold_dir: Annotated[Path, typer.Argument(help="Folder of NAME.jsonl gold files.")],
    texts_dir: Annotated[Path, typer.Argument(help="Folder of the annotated texts.")],
    results: Annotated[
        Path | None, typer.Option(help="Score saved Extraction JSON files (NAME.json) instead.")
    ] = None,
    save: Annotated[
        Path | None, typer.Option(help="Keep each extraction as NAME.json here.")
    ] = None,
    json_out: Annotated[
        Path | None, typer.Option("--json", help="Write the figures as JSON.")
    ] = None,
    model: Annotated[str | None, typer.Option(help="Model name (else CLAIMEX_MODEL).")] = None,
    base_url: Annotated[str | None, typer.Option(help="Server (else CLAIMEX_BASE_URL).")] = None,
) -> None:
    """Numeric recall, value precision and qualifier accuracy against hand annotations; with a
    gold-claims folder beside the gold, also source, attribution kind and status accuracy.

    Example: claimex eval tests/data/gold examples --save runs/
    """
    from claimex.evaluation import evaluate
    from claimex.extract import extract as run

    try:
        for folder in (gold_dir, texts_dir, *([results] if results is not None else [])):
            if not folder.is_dir():
                raise ClaimexError(f"{folder}: no such folder")
        report = evaluate(
            gold_dir,
            texts_dir,
            results_dir=results,
            save_dir=save,
            extract=lambda _name, text: run(text, model=model, base_url=base_url),
        )
        if not report.docs:
            raise ClaimexError(
                f"{gold_dir}: no NAME.jsonl gold file with a NAME.txt in {texts_dir}; "
                "check the two folders"
            )
        typer.echo(report.table())
        if report.claims_total is not None:
            typer.echo("\nclaim layer (accuracy on covered amounts, high-confidence / all lines)")
            typer.echo(report.claim_table())
        if json_out is not None:
            json_out.write_text(report.to_json() + "\n", encoding="utf-8")
    except (ClaimexError, ValueError, OSError) as exc:
        _fail(exc)


if __name__ == "__main__":  # pragma: no cover
    app()
