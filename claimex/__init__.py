"""claimex: French news text in, verifiable typed claims out.

The model proposes, the text disposes: every number in a result is checked by deterministic code
against the exact words of the source.
"""

from claimex._version import __version__
from claimex.batch import extract_many
from claimex.document import Document
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
from claimex.extract import (
    DEFAULT_CLAIM_TYPES,
    Extraction,
    ExtractOptions,
    OnInvalid,
    Provenance,
    aextract,
    extract,
)
from claimex.llm import RetryPolicy, ServerKind
from claimex.logs import quiet_handled_instructor_logs
from claimex.numbers import NumberKind, NumberMention, Qualifier, find_numbers
from claimex.review import Review, review
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
    iter_quantities,
)
from claimex.validation import (
    Correction,
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
    "DEFAULT_CLAIM_TYPES",
    "Attribution",
    "AttributionKind",
    "BaseClaim",
    "Claim",
    "ClaimexError",
    "ConfigurationError",
    "ContradictionClaim",
    "Correction",
    "Document",
    "EpistemicStatus",
    "EventClaim",
    "Evidence",
    "EvidenceVerdict",
    "ExtractOptions",
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
    "RetryPolicy",
    "Review",
    "ServerError",
    "ServerKind",
    "StatementClaim",
    "ValidationReport",
    "Verification",
    "VerificationCode",
    "__version__",
    "aextract",
    "extract",
    "extract_many",
    "find_numbers",
    "iter_quantities",
    "review",
    "validate",
    "verify_quantity",
]
