"""claimex: French news text in, verifiable typed claims out.

The model proposes, the text disposes: every number in a result is checked by deterministic code
against the exact words of the source.
"""

from claimex._version import __version__
from claimex.errors import (
    ClaimexError,
    ConfigurationError,
    ExtractionError,
    InputError,
    LocalModelError,
    LocalServerCrash,
    OptionError,
    OutputError,
    ServerError,
)
from claimex.extract import Extraction, OnInvalid, Provenance, aextract, extract
from claimex.logs import quiet_handled_instructor_logs
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

quiet_handled_instructor_logs()

__all__ = [
    "Attribution",
    "AttributionKind",
    "BaseClaim",
    "Claim",
    "ClaimexError",
    "ConfigurationError",
    "ContradictionClaim",
    "EpistemicStatus",
    "EventClaim",
    "Evidence",
    "EvidenceVerdict",
    "Extraction",
    "ExtractionError",
    "ForecastClaim",
    "InputError",
    "LocalModelError",
    "LocalServerCrash",
    "NumberKind",
    "NumberMention",
    "OnInvalid",
    "OptionError",
    "OutputError",
    "Provenance",
    "Qualifier",
    "QuantitativeClaim",
    "Quantity",
    "QuantityVerdict",
    "ServerError",
    "StatementClaim",
    "ValidationReport",
    "Verification",
    "VerificationCode",
    "__version__",
    "aextract",
    "extract",
    "find_numbers",
    "validate",
    "verify_quantity",
]
