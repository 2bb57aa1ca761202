"""Proves an output writable before any request is spent, and reopens a torn JSONL safely."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TextIO

from claimex.errors import OutputError

__all__ = ["check_writable", "open_jsonl"]


def _cannot(path: Path, exc: OSError) -> OutputError:
    reason = exc.strerror or type(exc).__name__
    return OutputError(
        f"{path}: cannot write there ({reason}); choose another output path or fix its folder"
    )


def check_writable(path: Path) -> None:
    """Raise ``OutputError`` unless ``path`` can be written (a missing folder is made)."""
    if path.is_dir():
        raise OutputError(f"{path}: is a folder; give a file name as the output")
    existed = path.exists()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8"):
            pass
    except OSError as exc:
        raise _cannot(path, exc) from None
    if not existed:
        path.unlink(missing_ok=True)  # only a probe: an output appears when there is something


def _mend_tail(path: Path) -> None:
    """A last line without its newline is a write cut short: complete it or cut it off.

    Appending after it would glue the next record onto it and lose both. A tail that is whole
    JSON only lacks its newline; anything else is the start of a record whose input is redone.
    """
    with path.open("rb+") as f:
        data = f.read()
        if not data or data.endswith(b"\n"):
            return
        cut = data.rfind(b"\n") + 1
        try:
            json.loads(data[cut:])
        except ValueError:
            f.truncate(cut)
        else:
            f.write(b"\n")
        f.flush()
        os.fsync(f.fileno())


def open_jsonl(path: Path) -> TextIO:
    """``path`` opened to append records, after checking it and mending a torn last line."""
    check_writable(path)
    try:
        if path.exists():
            _mend_tail(path)
        return path.open("a", encoding="utf-8")
    except OSError as exc:
        raise _cannot(path, exc) from None
