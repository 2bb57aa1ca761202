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
    """The factor a table heading above ``m`` (in its block of lines) applies to it, if any.

    It looks at the ``_MAX_ROWS`` lines above ``m`` only (and ``m``'s own line once a heading is
    found): the validator asks for each mention of a quote, and the text may be long.
    """
    if m.kind is not NumberKind.QUANTITY:
        return None
    line_start = text.rfind("\n", 0, m.start) + 1
    pos = line_start - 1  # the newline that ends the line above, if any
    for _ in range(_MAX_ROWS + 1):  # up one row at a time, _MAX_ROWS rows and one more at most
        if pos <= 0:
            break
        pos = text.rfind("\n", 0, pos)
    window_start = max(pos, 0)
    if "(en" not in text[window_start:line_start]:
        return None
    block_start = max(text.rfind("\n\n", window_start, line_start), window_start)
    rows_above = text[block_start:line_start].split("\n")[-_MAX_ROWS - 1 :]
    factor = next(
        (
            _FACTORS[h.group(1).lower()]
            for row in reversed(rows_above)
            if (h := _HEADING.search(row))
        ),
        None,
    )
    if factor is None:
        return None
    line_end = text.find("\n", m.end)
    line = text[line_start : len(text) if line_end == -1 else line_end]
    if "(en %)" in line or "en %" in line.lower():
        return None  # "Évolution (en %) | +1,4": a row of percents, whatever the table's unit
    return factor
