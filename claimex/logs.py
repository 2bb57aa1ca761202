"""Keeps instructor's log lines about failures claimex handles itself off the caller's stderr.

instructor logs "API call failed…" and "Max retries exceeded…" (with multi-line validation dumps)
at ERROR before raising; inside a claimex call that exception is caught and becomes a re-ask, a
flagged claim or one ``ClaimexError``, so the lines only repeat it. Outside claimex, instructor
logs as usual.
"""

from __future__ import annotations

import logging
import sys

__all__ = ["quiet_handled_instructor_logs"]

_HANDLED = ("API call failed", "Max retries exceeded")
_LOGGERS = ("instructor", "instructor.v2.retry", "instructor.core.retry", "instructor.retry")


def _inside_claimex() -> bool:
    frame = sys._getframe(1)
    while frame is not None:
        module = str(frame.f_globals.get("__name__", ""))
        if module.startswith("claimex.") and module != __name__:
            return True
        frame = frame.f_back  # type: ignore[assignment]
    return False


class _HandledByClaimex(logging.Filter):
    """Drops instructor's records of failures that a claimex call catches and reports."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (str(record.msg).startswith(_HANDLED) and _inside_claimex())


_FILTER = _HandledByClaimex()


def quiet_handled_instructor_logs() -> None:
    """Install the filter on instructor's loggers (once; calling again changes nothing)."""
    for name in _LOGGERS:
        logger = logging.getLogger(name)
        if _FILTER not in logger.filters:
            logger.addFilter(_FILTER)
