"""Refuse early, with a reason, a text claimex cannot work on (empty, binary, huge, not French)."""

from __future__ import annotations

import re
import unicodedata

from claimex.errors import InputError

__all__ = ["MAX_CHARS", "check_text"]

MAX_CHARS = 2_000_000
_FRENCH_WORDS = frozenset(
    "le la les de des du un une et est en que qui dans pour pas sur au aux par plus ne se ce "
    "il elle ont été sont avec son sa ses leur selon a été cette ces".split()
)


def check_text(text: object, *, check_language: bool = True, max_chars: int = MAX_CHARS) -> str:
    """The text if claimex can work on it, else an ``InputError`` that says why."""
    if not isinstance(text, str):
        raise InputError(f"text must be a str, not {type(text).__name__}; decode bytes first")
    if not text.strip():
        raise InputError("the text is empty")
    if len(text) > max_chars:
        raise InputError(
            f"the text has {len(text):,} characters, over the limit of {max_chars:,}; "
            "split it or raise max_chars"
        )
    surrogate = re.search("[\ud800-\udfff]", text)
    if surrogate is not None:
        raise InputError(
            f"the text has a lone surrogate (U+{ord(surrogate.group()):04X}) at character "
            f"{surrogate.start()}, which is not valid Unicode; fix the escape or the decoding"
        )
    sample = text[:20_000]
    junk = sum(
        1
        for c in sample
        if c == "\ufffd" or (unicodedata.category(c) in ("Cc", "Cs", "Co") and c not in "\n\r\t")
    )
    if junk > max(5, len(sample) // 50):
        raise InputError(
            f"the text looks binary or wrongly decoded ({junk} control or replacement characters "
            f"in the first {len(sample):,}); decode it as UTF-8 text first"
        )
    if check_language:
        letters = [c for c in sample if c.isalpha()]
        latin = sum(unicodedata.name(c, "").startswith("LATIN") for c in letters)
        if len(letters) >= 20 and latin < len(letters) / 2:  # Chinese, Arabic, Cyrillic...
            raise InputError(
                f"the text does not look French (only {latin / len(letters):.0%} of its letters "
                "are Latin); claimex reads French news. Pass check_language=False to try anyway"
            )
        words = [w.strip(".,;:!?«»\"'()").lower() for w in sample.split()]
        words = [w.split("'")[-1].split("’")[-1] for w in words if w]
        if len(words) >= 30:
            share = sum(w in _FRENCH_WORDS for w in words) / len(words)
            if share < 0.08:
                raise InputError(
                    f"the text does not look French ({share:.0%} French function words); "
                    "claimex reads French news. Pass check_language=False to try anyway"
                )
    return text
