"""The errors claimex raises. Each says what went wrong and what to do; none carries a secret."""

from __future__ import annotations

__all__ = [
    "ClaimexError",
    "ConfigurationError",
    "ExtractionError",
    "InputError",
    "LocalModelError",
    "LocalServerCrash",
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


class LocalServerCrash(ServerError, LocalModelError):
    """The embedded model server died, on start or mid-run: exit code or signal, log and fix.

    A ``ServerError`` (the request it was serving failed) and a ``LocalModelError`` (the fix is
    on this machine, not on a network), so a batch records it per input and a rerun resumes.
    """

    def __init__(
        self,
        message: str,
        *,
        server: str,
        returncode: int | None,
        log_path: str,
        log_tail: list[str],
    ) -> None:
        super().__init__(message, server=server, cause="embedded server crashed", attempts=1)
        self.returncode = returncode
        self.log_path = log_path
        self.log_tail = log_tail


class ExtractionError(ClaimexError):
    """Extraction finished but the result is not acceptable (``on_invalid="raise"``)."""

    def __init__(self, message: str, *, result: object | None = None) -> None:
        super().__init__(message)
        self.result = result
