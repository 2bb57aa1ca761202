"""What an extraction returns: the claims, the validator's report, corrections and provenance."""

from __future__ import annotations

from typing import Any

from pydantic import (
    BaseModel,
    Field,
    SerializeAsAny,
    field_serializer,
    field_validator,
    model_validator,
)

from claimex._version import __version__
from claimex.schemas import BaseClaim, parse_claim
from claimex.validation import Correction, ValidationReport

__all__ = ["Extraction", "Provenance"]


class Provenance(BaseModel):
    """Everything needed to know how a result was produced, and at what cost."""

    claimex_version: str = __version__
    model: str
    server: str
    server_kind: str
    mode: str
    embedded: bool
    prompt: str
    prompt_sha256: str
    schema_sha256: str
    chunks: int = 0
    second_passes: int = 0
    calls: int = 0
    reasks: int = 0
    transport_retries: int = 0
    tokens_in: int = 0
    tokens_cached: int | None = Field(
        default=None,
        description="Of tokens_in, those the server says it read from its prompt cache; None "
        "when the server does not say (llama-cpp-python's server does not).",
    )
    tokens_out: int = 0
    wall_seconds: float = 0.0
    started_at: str = ""


class Extraction(BaseModel):
    """The claims of one text, the validator's report on them, and provenance."""

    text_sha256: str
    claims: list[SerializeAsAny[BaseClaim]]
    report: ValidationReport
    provenance: Provenance
    dropped: int = Field(default=0, description="Claims removed by on_invalid='drop'.")
    corrections: list[Correction] = Field(
        default_factory=list,
        description="What the text decided over the model (qualifiers, range ends, scales, "
        "statuses, quotes), by final claim id.",
    )
    warnings: list[str] = Field(
        default_factory=list,
        description="What went wrong without stopping the run (a chunk whose answer was unusable).",
    )
    flagged: list[int] = Field(
        default_factory=list,
        description="Indexes of claims with a number or quote that failed validation.",
    )

    @field_validator("claims", mode="before")
    @classmethod
    def _typed_claims(cls, value: Any) -> Any:
        return [parse_claim(c) for c in value] if isinstance(value, list) else value

    # The report's claims are the result's claims: written once, in ``claims``.
    @field_serializer("report", mode="wrap")
    def _report_without_claims(self, report: ValidationReport, handler: Any) -> Any:
        data = handler(report)
        if isinstance(data, dict):
            data.pop("claims", None)
        return data

    @field_validator("report", mode="before")
    @classmethod
    def _report_claims_come_later(cls, value: Any) -> Any:
        if isinstance(value, dict) and "claims" not in value:
            return {**value, "claims": []}
        return value

    @model_validator(mode="after")
    def _report_shares_the_claims(self) -> Extraction:
        if not self.report.claims:
            self.report.claims = list(self.claims)
        return self

    @property
    def verified_claims(self) -> list[BaseClaim]:
        """Claims whose every number and quote passed the validator."""
        bad = set(self.flagged)
        return [c for i, c in enumerate(self.claims) if i not in bad]
