"""Option checks shared by the library and the command, so a bad value is one error before work."""

from __future__ import annotations

from enum import StrEnum
from typing import TypeVar

from claimex.errors import OptionError

__all__ = ["at_least", "one_of"]

E = TypeVar("E", bound=StrEnum)


def one_of(name: str, value: object, choices: type[E]) -> E:
    """``value`` as a member of ``choices``, else an ``OptionError`` that lists them."""
    try:
        return choices(value)  # type: ignore[arg-type]  # anything may come in; the enum decides
    except ValueError:
        allowed = ", ".join(c.value for c in choices)
        raise OptionError(f"{name} {_shown(value)} is not one of: {allowed}") from None


def at_least(name: str, value: object, minimum: int) -> int:
    """``value`` if it is a whole number not below ``minimum``, else an ``OptionError``."""
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise OptionError(f"{name} {_shown(value)}: give a whole number of {minimum} or more")
    return value


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."
