"""The errors claimex raises. Each says what went wrong and what to do; none carries a secret."""

from __future__ import annotations

__all__ = [
    "ClaimexError",
    "ConfigurationError",
    "ExtractionError",
    "InputError",
    "LocalModelError",
    "OptionError",
    "OutputError",
    "ServerError",
]


class ClaimexError(Exception):
    """Base class: catch this to catch everything claimex raises on purpose."""


class InputError(ClaimexError, ValueError):
    """The text cannot be processed as given (empty, binary, not French, too large)."""


class OptionError(ClaimexError, ValueError):
    """An option has a value claimex cannot use; checked once, before any work."""


class OutputError(ClaimexError):
    """The output cannot be written; checked before any request is spent."""


class ConfigurationError(ClaimexError):
    """No usable model or server is configured; the message says what to install or set."""


class LocalModelError(ConfigurationError):
    """The embedded model could not be assembled, verified or started."""


class ServerError(ClaimexError):
    """The LLM server failed after bounded retries (HTTP error, timeout, refused connection)."""

    def __init__(self, message: str, *, server: str, cause: str, attempts: int) -> None:
        super().__init__(message)
        self.server = server
        self.cause = cause
        self.attempts = attempts


class ExtractionError(ClaimexError):
    """Extraction finished but the result is not acceptable (``on_invalid="raise"``)."""

    def __init__(self, message: str, *, result: object | None = None) -> None:
        super().__init__(message)
        self.result = result
