"""claimex: French news text in, verifiable typed claims out.

The model proposes, the text disposes: every number in a result is checked by deterministic code
against the exact words of the source.
"""

from claimex.numbers import NumberKind, NumberMention, Qualifier, find_numbers
from claimex.schemas import (
    Attribution,
    AttributionKind,
    BaseClaim,
    Claim,
    ContradictionClaim,
    EpistemicStatus,
    EventClaim,
    Evidence,
    ForecastClaim,
    QuantitativeClaim,
    Quantity,
    StatementClaim,
)
from claimex.validation import (
    EvidenceVerdict,
    QuantityVerdict,
    ValidationReport,
    Verification,
    VerificationCode,
    validate,
    verify_quantity,
)

__version__ = "0.1.0"

__all__ = [
    "Attribution",
    "AttributionKind",
    "BaseClaim",
    "Claim",
    "ContradictionClaim",
    "EpistemicStatus",
    "EventClaim",
    "Evidence",
    "EvidenceVerdict",
    "ForecastClaim",
    "NumberKind",
    "NumberMention",
    "Qualifier",
    "QuantitativeClaim",
    "Quantity",
    "QuantityVerdict",
    "StatementClaim",
    "ValidationReport",
    "Verification",
    "VerificationCode",
    "__version__",
    "find_numbers",
    "validate",
    "verify_quantity",
]
