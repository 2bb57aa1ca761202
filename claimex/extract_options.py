"""How an extraction runs, fixed and checked once before the first call: ``ExtractOptions``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from enum import StrEnum
from typing import Any, TypedDict, cast

from claimex.errors import OptionError
from claimex.llm import ServerFields
from claimex.options import at_least, one_of
from claimex.schemas import (
    BaseClaim,
    ContradictionClaim,
    EventClaim,
    ForecastClaim,
    QuantitativeClaim,
    StatementClaim,
)

__all__ = [
    "DEFAULT_CLAIM_TYPES",
    "ExtractArgs",
    "ExtractOptions",
    "OnInvalid",
    "OptionFields",
    "Strategy",
    "split_args",
]

DEFAULT_CLAIM_TYPES: tuple[type[BaseClaim], ...] = (
    QuantitativeClaim,
    EventClaim,
    StatementClaim,
    ForecastClaim,
    ContradictionClaim,
)


class Strategy(StrEnum):
    """How a chunk is asked: one call keyed by the scanner's amounts, or the claim schemas."""

    KEYED = "keyed"  # one call per chunk: per amount id, what is counted and who says it
    CLAIMS = "claims"  # the model fills the claim schemas, then one call per uncovered amount


class OnInvalid(StrEnum):
    """What to do with a claim whose number or quote failed validation after the re-asks."""

    KEEP = "keep"  # keep it, its failing quantities marked verified=False (default)
    DROP = "drop"  # remove it; the count is in Extraction.dropped
    RAISE = "raise"  # raise ExtractionError (the result is on the exception)


@dataclass(frozen=True)
class ExtractOptions:
    """What the model may write and how hard claimex pushes it (see ``extract``)."""

    claim_types: Sequence[type[BaseClaim]] = DEFAULT_CLAIM_TYPES
    max_reasks: int = 1
    on_invalid: OnInvalid | str = OnInvalid.KEEP
    chunk_chars: int = 6000
    max_tokens: int = 2048
    temperature: float = 0.0
    check_language: bool = True
    derive: bool = True
    grammar: bool = True
    second_pass: bool = True
    anchors: bool = True
    strategy: Strategy | str = Strategy.KEYED

    def __post_init__(self) -> None:
        types = tuple(self.claim_types)
        if not types or not all(isinstance(t, type) and issubclass(t, BaseClaim) for t in types):
            raise OptionError(
                "claim_types must be one or more BaseClaim subclasses, e.g. (QuantitativeClaim,)"
            )
        policy = one_of("on_invalid", self.on_invalid, OnInvalid)
        strategy = one_of("strategy", self.strategy, Strategy)
        at_least("max_reasks", self.max_reasks, 0)
        at_least("chunk_chars", self.chunk_chars, 100)
        at_least("max_tokens", self.max_tokens, 1)
        if strategy is Strategy.KEYED:
            _check_keyed(types)
        object.__setattr__(self, "claim_types", types)
        object.__setattr__(self, "on_invalid", policy)
        object.__setattr__(self, "strategy", strategy)

    @property
    def policy(self) -> OnInvalid:
        return OnInvalid(self.on_invalid)

    @classmethod
    def build(cls, base: ExtractOptions | None = None, **changes: Any) -> ExtractOptions:
        """``base`` (or the defaults) with ``changes``; an unknown name is an OptionError."""
        names = {f.name for f in fields(cls)}
        unknown = sorted(set(changes) - names)
        if unknown:
            raise OptionError(
                f"unknown extract option(s): {', '.join(unknown)}; "
                f"the options are: {', '.join(sorted(names))}"
            )
        merged = {f.name: getattr(base, f.name) for f in fields(cls)} if base else {}
        return cls(**{**merged, **changes})


def _check_keyed(types: tuple[type[BaseClaim], ...]) -> None:
    """The keyed strategy builds amounts as quantitative or forecast claims, and no user type."""
    custom = [t.__name__ for t in types if t not in DEFAULT_CLAIM_TYPES]
    if custom:
        raise OptionError(
            f"claim type(s) {', '.join(custom)} need the model to fill their fields: pass "
            "strategy='claims' (the keyed strategy builds only the built-in claim types)"
        )
    if QuantitativeClaim not in types or ForecastClaim not in types:
        raise OptionError(
            "the keyed strategy makes every amount a QuantitativeClaim or a ForecastClaim: keep "
            "both in claim_types, or pass strategy='claims'"
        )


def split_args(args: ExtractArgs) -> tuple[ServerFields, OptionFields]:
    """``extract``'s keyword arguments, as the server's and the options'."""
    server = {k: v for k, v in args.items() if k in ServerFields.__annotations__}
    options = {k: v for k, v in args.items() if k not in ServerFields.__annotations__}
    return cast(ServerFields, server), cast(OptionFields, options)


class OptionFields(TypedDict, total=False):
    """``ExtractOptions`` as keyword arguments (``extract(text, derive=False)``)."""

    claim_types: Sequence[type[BaseClaim]]
    max_reasks: int
    on_invalid: OnInvalid | str
    chunk_chars: int
    max_tokens: int
    temperature: float
    check_language: bool
    derive: bool
    grammar: bool
    second_pass: bool
    anchors: bool
    strategy: Strategy | str


class ExtractArgs(OptionFields, ServerFields, total=False):
    """Every keyword argument of ``extract``, ``aextract`` and ``extract_many`` but ``client``."""
