"""The scale a table states once for its cells: "(en millions d'euros)", "(en M€)", "(en milliers)".

A flattened table writes "412" in a column headed "(en M€)": the text says 412 million euros,
and a claim of 412 000 000 is as true as a claim of 412. The scanner keeps the cell as written;
the validator asks this module whether a heading above it, in the same block of lines, scales it.
"""

from __future__ import annotations

import re
from decimal import Decimal

from claimex.numbers import NumberKind, NumberMention

_FACTORS = {
    "milliers": Decimal(10**3), "k€": Decimal(10**3),
    "millions": Decimal(10**6), "m€": Decimal(10**6), "m$": Decimal(10**6), "mio": Decimal(10**6),
    "milliards": Decimal(10**9), "md€": Decimal(10**9), "mds": Decimal(10**9), "g$": Decimal(10**9),
}  # fmt: skip
_HEADING = re.compile(
    r"\(\s*en\s+(milliers|millions|milliards|k€|m€|md€|mds|m\$|g\$|mio)(?![\w])[^()\n]*\)", re.I
)
_MAX_ROWS = 15  # a heading further up than this belongs to another table


def table_scale(text: str, m: NumberMention) -> Decimal | None:
    """The factor a table heading above ``m`` (in its block of lines) applies to it, if any."""
    if m.kind is not NumberKind.QUANTITY or "(en" not in text:
        return None
    line_start = text.rfind("\n", 0, m.start) + 1
    line_end = text.find("\n", m.end)
    line = text[line_start : len(text) if line_end == -1 else line_end]
    if "(en %)" in line or "en %" in line.lower():
        return None  # "Évolution (en %) | +1,4": a row of percents, whatever the table's unit
    block_start = max(text.rfind("\n\n", 0, line_start), 0)
    rows_above = text[block_start:line_start].split("\n")[-_MAX_ROWS - 1 :]
    for row in reversed(rows_above):
        heading = _HEADING.search(row)
        if heading:
            return _FACTORS[heading.group(1).lower()]
    return None
