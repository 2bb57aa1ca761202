"""The JSON Schemas published in ``schemas/``, generated from the types (a test fails on drift)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from claimex.schemas import Claim, Quantity
from claimex.validation import ValidationReport

__all__ = ["json_schemas", "write_json_schemas"]


def json_schemas() -> dict[str, dict[str, Any]]:
    """The JSON Schemas published in ``schemas/``, by file name. Generated from the types."""
    return {
        "claim.schema.json": TypeAdapter(Claim).json_schema(),
        "quantity.schema.json": Quantity.model_json_schema(),
        "validation-report.schema.json": ValidationReport.model_json_schema(mode="serialization"),
    }


def write_json_schemas(directory: str) -> list[str]:
    """Write ``json_schemas()`` into ``directory``; return the paths written."""
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in json_schemas().items():
        path = out / name
        path.write_text(
            json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n",
            encoding="utf-8",
        )
        written.append(str(path))
    return written
