"""Prompt files: versioned text in ``prompts/``, shipped in the wheel, hashed into provenance."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from claimex.errors import ConfigurationError

__all__ = ["Prompt", "load_prompt"]

# A source checkout keeps prompts at the top level; a wheel carries them in claimex/_data/prompts.
_SOURCE_DIR = Path(__file__).resolve().parent.parent / "prompts"


@dataclass(frozen=True)
class Prompt:
    name: str
    version: str
    text: str
    sha256: str

    @property
    def id(self) -> str:
        """``extract@1#1a2b3c4d``: name, version and the first hash digits, for provenance."""
        return f"{self.name}@{self.version}#{self.sha256[:8]}"


def _read(name: str) -> str:
    packaged = resources.files("claimex").joinpath("_data", "prompts", f"{name}.md")
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    path = _SOURCE_DIR / f"{name}.md"
    if path.is_file():
        return path.read_text(encoding="utf-8")
    raise ConfigurationError(f"prompt {name!r} not found in the package nor in {_SOURCE_DIR}")


@cache
def load_prompt(name: str = "extract") -> Prompt:
    """A prompt file with its front matter (``name``, ``version``) parsed off."""
    raw = _read(name)
    meta: dict[str, str] = {}
    body = raw
    if raw.startswith("---\n"):
        head, _, body = raw[4:].partition("\n---\n")
        for line in head.splitlines():
            key, _, value = line.partition(":")
            meta[key.strip()] = value.strip()
    return Prompt(
        name=meta.get("name", name),
        version=meta.get("version", "0"),
        text=body.strip(),
        sha256=hashlib.sha256(raw.encode("utf-8")).hexdigest(),
    )
