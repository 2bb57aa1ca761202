"""claimex and langextract on the same texts, the same server, scored by the same rules.

Not a test. Run it with both installed (langextract in the same venv, or --langextract-python):

    pip install -e '.[local]' langextract
    python benchmarks/langextract_side_by_side.py [--docs seed wikinews-001 ...]
        [--claimex-results DIR]    # score saved claimex results instead of running it
        [--base-url URL]           # a running embedded server (else one is started)

Both talk to the embedded model (Qwen2.5-Coder-1.5B on llama-cpp-python) through its
OpenAI-compatible endpoint. langextract gets a French few-shot example (not from the evaluated
texts) asking for every quantity and percent with its value and qualifier as attributes. Its
extraction counts as covering a gold mention when its aligned character interval overlaps the
mention and the value it states equals the gold value; a stated value that differs from the gold
at its place is a "wrong" number (langextract does not check numbers against the text).
Prints recall, precision, qualifier accuracy, wrong numbers, tokens (in + out, as the server's
usage reports them: langextract's are counted on the OpenAI client it calls) and wall time per
covered number, and claimex / langextract ratios.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from claimex.evaluation import DocScore, GoldMention, gold_texts, load_gold, score
from claimex.extract import Extraction, extract

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "gold"

PROMPT = (
    "Extrais chaque quantité et chaque pourcentage du texte, dans l'ordre, avec le texte exact. "
    "Attributs: value (la valeur complète en chiffres, ex. '1,5 million' -> 1500000), "
    "qualifier (exact, approximate, at_least, more_than, at_most, less_than, range). "
    "Les années, dates et codes (KN-23, Boeing 787) ne sont pas des quantités."
)


def _examples() -> list[Any]:
    import langextract as lx

    text = (
        "Selon la police, près de 2 500 personnes ont manifesté, soit plus de 12 % des habitants."
    )
    return [
        lx.data.ExampleData(
            text=text,
            extractions=[
                lx.data.Extraction(
                    "quantity", "2 500", attributes={"value": "2500", "qualifier": "approximate"}
                ),
                lx.data.Extraction(
                    "percent", "12 %", attributes={"value": "12", "qualifier": "more_than"}
                ),
            ],
        )
    ]


@contextmanager
def counted_tokens() -> Iterator[list[int]]:
    """Prompt and completion tokens of every chat completion made inside, from the usage the
    server returns (langextract's OpenAI provider does not report them)."""
    from openai.resources.chat import completions

    counts = [0, 0]
    original: Callable[..., Any] = completions.Completions.create

    def create(self: Any, *args: Any, **kwargs: Any) -> Any:
        response = original(self, *args, **kwargs)
        usage = getattr(response, "usage", None)
        if usage is not None:
            counts[0] += usage.prompt_tokens or 0
            counts[1] += usage.completion_tokens or 0
        return response

    completions.Completions.create = create  # type: ignore[method-assign]
    try:
        yield counts
    finally:
        completions.Completions.create = original  # type: ignore[method-assign]


def _number(raw: Any) -> Decimal | None:
    try:
        return Decimal(str(raw).replace(" ", "").replace("\u00a0", "").replace(",", "."))
    except (InvalidOperation, ValueError):
        return None


def score_langextract(name: str, annotated: Any, gold: list[GoldMention], wall: float) -> DocScore:
    amounts = [g for g in gold if g.kind in ("quantity", "percent")]
    doc = DocScore(name=name, gold=len(amounts), wall_seconds=wall)
    found = []
    for ex in annotated.extractions or []:
        interval = ex.char_interval
        if interval is None or interval.start_pos is None or interval.end_pos is None:
            continue
        attrs = ex.attributes or {}
        found.append(
            (
                interval.start_pos,
                interval.end_pos,
                _number(attrs.get("value")),
                str(attrs.get("qualifier", "")),
            )
        )
    doc.extracted = len(found)
    for start, end, value, _q in found:
        at = [g for g in gold if g.start < end and start < g.end]
        if not at:
            doc.verified_off_gold += 1
            continue
        if any(g.kind in ("quantity", "percent") for g in at):
            doc.verified_on_gold += 1
        if not any(g.value == value for g in at):
            doc.wrong_verified += 1
    for g in amounts:
        on = [f for f in found if g.start < f[1] and f[0] < g.end and f[2] == g.value]
        if on:
            doc.covered += 1
            doc.qualifier_ok += any(f[3] == g.qualifier for f in on)
        else:
            doc.missed.append(g.text)
    return doc


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", nargs="+", default=None)
    parser.add_argument("--claimex-results", type=Path, default=None)
    parser.add_argument("--base-url", default=None)
    args = parser.parse_args()
    import langextract as lx

    from claimex.local import LOCAL_MODEL, local_server

    base_url = args.base_url or local_server().base_url
    texts = gold_texts(GOLD, ROOT / "examples")
    names = args.docs or list(texts)
    rows: dict[str, DocScore] = {
        "claimex": DocScore(name="claimex"),
        "langextract": DocScore(name="langextract"),
    }
    for name in names:
        body = texts[name][1]
        gold = load_gold(GOLD / f"{name}.jsonl")
        if args.claimex_results is not None:
            result = Extraction.model_validate_json(
                (args.claimex_results / f"{name}.json").read_text()
            )
        else:
            result = extract(
                body, base_url=base_url, model=LOCAL_MODEL.name, server_kind="llama-cpp"
            )
        rows["claimex"].add(score(name, result, gold))
        t0 = time.perf_counter()
        with counted_tokens() as tokens:
            annotated = lx.extract(
                text_or_documents=body,
                prompt_description=PROMPT,
                examples=_examples(),
                model_id="gpt-4o-mini",  # routes to the OpenAI provider; the model served is the local one
                api_key="not-needed",
                language_model_params={"base_url": base_url, "model_id": LOCAL_MODEL.name},
                fence_output=False,
                use_schema_constraints=False,
                temperature=0.0,
                max_workers=1,
                show_progress=False,
            )
        scored = score_langextract(name, annotated, gold, time.perf_counter() - t0)
        scored.tokens_in, scored.tokens_out = tokens
        rows["langextract"].add(scored)
    print(f"documents: {', '.join(names)} (embedded {LOCAL_MODEL.name})")
    print(
        f"{'tool':12s} {'recall':>7} {'prec':>6} {'qual':>6} {'wrong':>6} {'tok/covered':>12} {'s/covered':>10}"
    )
    for label, d in rows.items():
        per_token = (
            (d.tokens_in + d.tokens_out) / d.covered if d.covered and d.tokens_in else float("nan")
        )
        per = d.wall_seconds / d.covered if d.covered else float("nan")
        print(
            f"{label:12s} {d.recall:7.1%} {d.precision:6.1%} {d.qualifier_accuracy:6.1%} {d.wrong_verified:6d} {per_token:12.0f} {per:10.1f}"
        )
    c, x = rows["claimex"], rows["langextract"]
    if x.recall and x.covered and c.covered:
        print(
            f"ratios claimex/langextract: recall {c.recall / x.recall:.2f}x, "
            f"precision {c.precision / x.precision if x.precision else float('nan'):.2f}x, "
            f"tokens per covered number "
            f"{((c.tokens_in + c.tokens_out) / c.covered) / ((x.tokens_in + x.tokens_out) / x.covered) if x.tokens_in else float('nan'):.2f}x, "
            f"seconds per covered number "
            f"{(c.wall_seconds / c.covered) / (x.wall_seconds / x.covered):.2f}x"
        )


if __name__ == "__main__":
    main()
