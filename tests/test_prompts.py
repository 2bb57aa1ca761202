"""Prompt files load with their version; provenance can name them."""

from __future__ import annotations

import hashlib

from claimex.extract import user_message
from claimex.prompts import load_prompt
from tests.conftest import ROOT


def test_extract_prompt_has_a_version_and_a_hash() -> None:
    prompt = load_prompt("extract")
    raw = (ROOT / "prompts" / "extract.md").read_bytes()
    assert prompt.name == "extract" and prompt.version.isdigit()
    assert prompt.sha256 == hashlib.sha256(raw).hexdigest()
    assert prompt.id == f"extract@{prompt.version}#{prompt.sha256[:8]}"
    assert not prompt.text.startswith("---")
    for rule in ("approximate", "at_least", "KN-23", "aurait fourni", "claim_ids"):
        assert rule in prompt.text


def test_the_user_message_lists_the_amounts_as_anchors(seed_text: str) -> None:
    msg = user_message(seed_text)
    assert msg.startswith("Article :\n" + seed_text)
    anchors = [line for line in msg.splitlines() if line.startswith("- ")]
    assert len(anchors) == 12  # the seed's quantities; years and KN-23 are not anchors
    assert anchors[1] == "- 11 000 : « Environ 11 000 soldats nord-coréens ont été déployés pour »"
