"""Every numeric expression of a French text, with exact offsets, value, kind and qualifier.

The scanner reads French as the press writes it: "11 000" with any space kind, "1.350.000",
decimal commas, "1,5 million", "7,2 milliards", "Md€", numbers in words (via text2num),
collectives ("une centaine"), fractions ("deux tiers"), ordinals ("1er", "XXIe", "troisième"),
percents, years, dates, clock times, ranges ("entre 300 et 400") and bounds ("au moins 150").

Design: one compiled pattern over the lower-cased text finds candidates (digits, number words,
collectives, fractions); Python looks at the few characters around each candidate to decide the
kind, qualifier and unit. Text without candidates costs one regex pass. Pure: no I/O, no model.

This module holds the types and ``find_numbers``; the scanner itself is ``claimex._scanner``,
a module of its own so that it can be compiled alone (see ``_scan``).
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.util
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from pathlib import Path

from claimex.errors import InputError

__all__ = ["NumberKind", "NumberMention", "Qualifier", "find_numbers"]


class NumberKind(StrEnum):
    """What a number is: an amount (quantity, percent, duration) or a position/label."""

    QUANTITY = "quantity"
    PERCENT = "percent"
    ORDINAL = "ordinal"
    YEAR = "year"
    DATE = "date"
    TIME = "time"
    DURATION = "duration"
    IDENTIFIER = "identifier"


class Qualifier(StrEnum):
    """How the text hedges or bounds a number ("environ", "au moins", "jusqu'à", a range)."""

    EXACT = "exact"
    APPROXIMATE = "approximate"
    AT_LEAST = "at_least"
    MORE_THAN = "more_than"
    AT_MOST = "at_most"
    LESS_THAN = "less_than"
    RANGE = "range"


AMOUNT_KINDS = frozenset({NumberKind.QUANTITY, NumberKind.PERCENT, NumberKind.DURATION})


@dataclass(frozen=True, slots=True)
class NumberMention:
    """One numeric expression: ``source[start:end] == text``, minimal span.

    ``value`` is exact (``Decimal``); for a range it is the low end and ``high`` the high end.
    Times are minutes since midnight, a numeric date ``dd/mm/yyyy`` is ``yyyymmdd``, a day of the
    month is the day, an ordinal its rank. A minus written before a number stays in its value
    (``(−2,4 %)`` is -2.4); a plus does not (``+16,4%`` is 16.4).
    """

    start: int
    end: int
    text: str
    value: Decimal
    kind: NumberKind
    qualifier: Qualifier = Qualifier.EXACT
    unit: str = ""
    high: Decimal | None = None

    def describe(self) -> str:
        """Short human form used in validator messages: ``11 000 (approximate)``."""
        q = "" if self.qualifier is Qualifier.EXACT else f" ({self.qualifier.value})"
        return f"{self.text}{q}"


# The frozen dataclass's generated __init__ sets each field through object.__setattr__ (~0.6 us a
# mention, hundreds of mentions a text). The scanner's common path fills a plain twin class with
# the same slots, in the same order, then makes it a NumberMention by assigning its class, which
# CPython allows between classes of the same layout (~0.13 us). NumberMention has no
# __post_init__ to skip; a test checks both build equal objects and the twin keeps the layout.
# CPython only, and both classes stay in this pure-Python module: classes compiled by mypyc
# refuse the class assignment (claimex._scanner_native calls _new_mention from here).
class _MentionDraft:
    """NumberMention's slots, writable: what ``_new_mention`` fills before it turns it into one."""

    # NumberMention's order, not sorted: the class assignment needs the very same layout
    __slots__ = ("start", "end", "text", "value", "kind", "qualifier", "unit", "high")  # noqa: RUF023
    start: int
    end: int
    text: str
    value: Decimal
    kind: NumberKind
    qualifier: Qualifier
    unit: str
    high: Decimal | None


def _new_mention(
    start: int,
    end: int,
    text: str,
    value: Decimal,
    kind: NumberKind,
    qualifier: Qualifier,
    unit: str,
    high: Decimal | None = None,
) -> NumberMention:
    """``NumberMention(start, end, text, value, kind, qualifier, unit, high)``, faster."""
    m = _MentionDraft()
    m.start = start
    m.end = end
    m.text = text
    m.value = value
    m.kind = kind
    m.qualifier = qualifier
    m.unit = unit
    m.high = high
    m.__class__ = NumberMention  # type: ignore[assignment]
    return m  # type: ignore[return-value]


def find_numbers(text: str) -> list[NumberMention]:
    """Every numeric expression of ``text``, sorted by position, with exact offsets.

    >>> for m in find_numbers("Environ 11 000 soldats, au moins 150 missiles KN-23."):
    ...     print(m.text, m.value, m.kind.value, m.qualifier.value)
    11 000 11000 quantity approximate
    150 150 quantity at_least
    23 23 identifier exact
    """
    if not isinstance(text, str):
        raise InputError(
            f"find_numbers expects a str, got {type(text).__name__}: pass the text itself "
            "(decode bytes first)."
        )
    if not text:
        return []
    return _scan(text)


def _load_scan() -> Callable[[str], list[NumberMention]]:
    """The scanner's ``scan``: the compiled one (``claimex._scanner_native``) when it was built
    from the ``claimex/_scanner.py`` beside it, else that pure-Python module's. A build of an
    older source would silently run old code: it is not used, and a warning says so."""
    problem = ""
    try:
        native = importlib.import_module("claimex._scanner_native")
    except ModuleNotFoundError:  # not built: a pure-Python install
        native = None
    except ImportError as error:  # built, but it does not load here
        native, problem = None, f"does not load ({error})"
    if native is not None:
        spec = importlib.util.find_spec("claimex._scanner")
        source = Path(spec.origin).read_bytes() if spec and spec.origin else b""
        if getattr(native, "SOURCE_SHA256", None) == hashlib.sha256(source).hexdigest():
            scan: Callable[[str], list[NumberMention]] = native.scan
            return scan
        problem = "was built from another claimex/_scanner.py"
    if problem:
        warnings.warn(
            f"claimex: the compiled scanner {problem}; using the pure-Python one "
            "(reinstall claimex to rebuild it)",
            RuntimeWarning,
            stacklevel=2,
        )
    from claimex._scanner import scan as pure_scan

    return pure_scan


_scan = _load_scan()
