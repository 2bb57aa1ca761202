"""Reads a batch's inputs (files, folders, JSONL, stdin): a bad input is an error, not an abort."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from claimex.document import strip_source_header
from claimex.errors import ClaimexError, InputError

__all__ = ["Inputs", "decode", "read_inputs", "read_text"]

TEXT_SUFFIX = ".txt"
JSONL_SUFFIX = ".jsonl"
_KINDS = {
    int: "a number",
    float: "a number",
    bool: "true or false",
    list: "a list",
    dict: "an object",
}


@dataclass
class Inputs:
    """The inputs of a batch, each a text or the error that makes it unreadable."""

    items: list[tuple[str, str | ClaimexError]] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)  # folder files that are not .txt or .jsonl
    _taken: set[str] = field(default_factory=set, repr=False)

    def add(self, doc_id: str, text: str | ClaimexError, where: str) -> None:
        """Add an input; an id already taken gets its place appended, so each input keeps its
        own record instead of the whole batch stopping on a repeated id."""
        if doc_id in self._taken:
            doc_id = f"{doc_id} ({where})"
        self._taken.add(doc_id)
        self.items.append((doc_id, text))

    def skipped_note(self) -> str | None:
        """One line saying which files of the folders were left out, if any."""
        if not self.skipped:
            return None
        names = ", ".join(str(p) for p in self.skipped[:5])
        more = f" and {len(self.skipped) - 5} more" if len(self.skipped) > 5 else ""
        return (
            f"skipped {len(self.skipped)} file(s) that are not .txt or .jsonl: {names}{more}; "
            "name them on the command line to read them as text"
        )


def decode(data: bytes, where: str) -> str:
    """UTF-8 text (a byte order mark is dropped), else an ``InputError`` naming ``where``."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{where}: not UTF-8 text ({exc.reason} at byte {exc.start}); convert it to UTF-8"
        ) from None


def read_text(path: str) -> str:
    """The text of a file (or of stdin for ``-``); a ``ClaimexError`` says why it cannot be read."""
    if path == "-":
        stream = getattr(sys.stdin, "buffer", None)
        return decode(stream.read(), "stdin") if stream is not None else sys.stdin.read()
    p = Path(path)
    if not p.is_file():
        raise ClaimexError(f"{path}: no such file")
    return strip_source_header(decode(p.read_bytes(), path))  # the corpus attribution line


def _jsonl_item(where: str, line: str) -> tuple[str, str | ClaimexError]:
    try:
        obj = json.loads(line)
    except ValueError:
        obj = None
    if not isinstance(obj, dict) or "text" not in obj:
        return where, InputError(f"{where}: expected a JSON object with a 'text' field")
    doc_id = str(obj["id"]) if obj.get("id") not in (None, "") else where
    text = obj["text"]
    if not isinstance(text, str):
        kind = "null" if text is None else _KINDS.get(type(text), type(text).__name__)
        return doc_id, InputError(f"{where}: 'text' is {kind}, not a string; give the article text")
    return doc_id, text


def _read_jsonl(path: Path, out: Inputs) -> None:
    try:
        lines = decode(path.read_bytes(), str(path)).splitlines()
    except InputError as exc:
        out.add(str(path), exc, str(path))
        return
    for n, line in enumerate(lines, 1):
        if line.strip():
            out.add(*_jsonl_item(f"{path}:{n}", line), f"{path}:{n}")


def _read_folder(folder: Path, out: Inputs) -> None:
    files = sorted(
        f
        for f in folder.rglob("*")
        if f.is_file() and not any(part.startswith(".") for part in f.relative_to(folder).parts)
    )
    wanted = [f for f in files if f.suffix.lower() in (TEXT_SUFFIX, JSONL_SUFFIX)]
    if not wanted:
        raise ClaimexError(f"{folder}: no .txt or .jsonl file in this folder")
    out.skipped.extend(f for f in files if f not in wanted)
    for f in wanted:
        _read_one(f, out)


def _text_or_error(path: str) -> str | ClaimexError:
    try:
        return read_text(path)
    except InputError as exc:
        return exc


def _read_one(p: Path, out: Inputs) -> None:
    if p.suffix.lower() == JSONL_SUFFIX:
        _read_jsonl(p, out)
    else:
        out.add(str(p), _text_or_error(str(p)), str(p))


def read_inputs(paths: list[str]) -> Inputs:
    """Text files, folders (their .txt and .jsonl files, any case), JSONL with a text field, stdin.

    A path that does not exist stops everything (a ``ClaimexError``: nothing was read yet); a file
    or line that cannot be used becomes an ``InputError`` in place of its text.
    """
    out = Inputs()
    for path in paths:
        p = Path(path)
        if path == "-":
            out.add("stdin", _text_or_error(path), "stdin")
        elif p.is_dir():
            _read_folder(p, out)
        elif not p.is_file():
            raise ClaimexError(f"{path}: no such file")
        else:
            _read_one(p, out)
    return out
