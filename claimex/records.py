"""Flat rows for analysts: one row per claim and per quantity, for CSV, JSONL and pandas."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from claimex.schemas import BaseClaim, iter_quantities
from claimex.validation import ValidationReport

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from claimex.extract import Extraction

__all__ = ["COLUMNS", "to_dataframe", "to_records"]

COLUMNS = [
    "doc_id", "claim_id", "claim_type", "status", "source", "attribution_kind", "summary",
    "quote", "quote_start", "quote_end", "path", "value", "high", "unit", "qualifier",
    "verified", "verdict", "number_text", "number_start", "number_end", "flagged",
]  # fmt: skip


def _verdicts(report: ValidationReport) -> dict[tuple[int, str], Any]:
    return {(v.claim_index, v.path): v.verification for v in report.quantities}


def to_records(result: Extraction, doc_id: str = "") -> list[dict[str, Any]]:
    """One row per quantity of each claim (one row for a claim without quantity)."""
    verdicts = _verdicts(result.report)
    flagged = set(result.flagged)
    rows: list[dict[str, Any]] = []
    for index, claim in enumerate(result.claims):
        base = _claim_columns(claim, doc_id, index in flagged)
        quantities = [(p, n) for p, n, _e in iter_quantities(claim)]
        if not quantities:
            rows.append({**base, **dict.fromkeys(COLUMNS[10:20])})
            continue
        for path, q in quantities:
            v = verdicts.get((index, path))
            mention = v.mention if v is not None else None
            rows.append(
                {
                    **base,
                    "path": path,
                    "value": str(q.value),
                    "high": None if q.high is None else str(q.high),
                    "unit": q.unit,
                    "qualifier": q.qualifier.value,
                    "verified": bool(q.verified),
                    "verdict": v.code.value if v is not None else None,
                    "number_text": mention.text if mention is not None else None,
                    "number_start": q.start,
                    "number_end": q.end,
                }
            )
    return [{c: row.get(c) for c in COLUMNS} for row in rows]


def _claim_columns(claim: BaseClaim, doc_id: str, flagged: bool) -> dict[str, Any]:
    return {
        "doc_id": doc_id,
        "claim_id": claim.id,
        "claim_type": claim.type,
        "status": claim.status.value,
        "source": claim.attribution.source,
        "attribution_kind": claim.attribution.kind.value,
        "summary": claim.summary,
        "quote": claim.evidence.quote,
        "quote_start": claim.evidence.start,
        "quote_end": claim.evidence.end,
        "flagged": flagged,
    }


def to_dataframe(result: Extraction, doc_id: str = "") -> pd.DataFrame:
    """``to_records`` as a pandas DataFrame (``pip install 'claimex[pandas]'``)."""
    try:
        import pandas as pd
    except ImportError:  # pragma: no cover - depends on the environment
        from claimex.errors import ConfigurationError

        raise ConfigurationError(
            "to_dataframe needs pandas: pip install 'claimex[pandas]'"
        ) from None
    return pd.DataFrame(to_records(result, doc_id), columns=COLUMNS)
