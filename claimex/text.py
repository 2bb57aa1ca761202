"""The typographic view of a text, with a map back to raw offsets.

A model (or a human) quoting a French article rarely reproduces its typography: ’ becomes ',
« » become "", a narrow no-break space becomes a space, a capital starts the quote. Matching a
quote must forgive those differences and nothing else, and must report where the quote is in the
*raw* text, so every view here keeps, for each character it produces, the raw span it came from.
Digits are never touched: "11 000" and "11000" stay different strings.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

__all__ = ["TypographicView", "find_all", "typographic_view"]

_APOSTROPHES = "'’‘ʼ′`´"
_QUOTES = '"«»“”„‟‹›'
_HYPHENS = "-‐‑‒–—―−"
_SPACES = " \t\n\r\f\v\u00a0\u202f\u2009\u2007\u2002\u2003\u2004\u2005\u2006\u2008\u200a\u3000"
_DROPPED = "\u00ad\u200b\u200c\u200d\ufeff"  # soft hyphen, zero-width characters

_CHAR_MAP: dict[str, str] = {}
for _c in _APOSTROPHES:
    _CHAR_MAP[_c] = "'"
for _c in _QUOTES:
    _CHAR_MAP[_c] = '"'
for _c in _HYPHENS:
    _CHAR_MAP[_c] = "-"
_CHAR_MAP["…"] = "..."
_CHAR_MAP["œ"] = "oe"
_CHAR_MAP["Œ"] = "oe"


@dataclass(frozen=True, slots=True)
class TypographicView:
    """A normalised text plus, for each of its characters, the raw ``[start, end)`` behind it."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a non-empty ``[start, end)`` of the view back to offsets in the raw text."""
        return self.starts[start], self.ends[end - 1]


def typographic_view(raw: str) -> TypographicView:
    """Normalise apostrophes, quotes, hyphens, spaces (runs collapse to one), case and NFC.

    Spaces next to a quote mark are dropped (« Koksan » and "Koksan" compare equal), leading and
    trailing spaces are dropped. Pure and deterministic.
    """
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for i, ch in enumerate(raw):
        if ch in _DROPPED:
            continue
        if unicodedata.combining(ch) and out:
            composed = unicodedata.normalize("NFC", out[-1] + ch)
            if len(composed) == 1:
                out[-1] = composed
                ends[-1] = i + 1
                continue
        if ch in _SPACES or ch.isspace():
            if not out or out[-1] in ' "':
                continue  # collapse runs, drop leading space and space after a quote mark
            out.append(" ")
            starts.append(i)
            ends.append(i + 1)
            continue
        mapped = _CHAR_MAP.get(ch)
        if mapped is None:
            mapped = ch.lower()
            if len(mapped) != 1:  # e.g. "İ" lowers to two characters: keep the pair on one raw char
                mapped = unicodedata.normalize("NFC", mapped)
        if mapped == '"' and out and out[-1] == " ":
            out.pop()
            starts.pop()
            ends.pop()
        for m in mapped:
            out.append(m)
            starts.append(i)
            ends.append(i + 1)
    while out and out[-1] == " ":
        out.pop()
        starts.pop()
        ends.pop()
    return TypographicView("".join(out), tuple(starts), tuple(ends))


def find_all(haystack: TypographicView, needle: str) -> list[tuple[int, int]]:
    """Every raw ``(start, end)`` where ``needle`` occurs in the view, in text order.

    ``needle`` is normalised the same way first; an empty needle matches nothing.
    """
    pattern = typographic_view(needle).text
    if not pattern:
        return []
    spans: list[tuple[int, int]] = []
    pos = haystack.text.find(pattern)
    while pos != -1:
        spans.append(haystack.raw_span(pos, pos + len(pattern)))
        pos = haystack.text.find(pattern, pos + 1)
    return spans


def find_near_miss(
    haystack: TypographicView, needle: str, *, tolerance: float = 0.04
) -> tuple[int, int] | None:
    """The raw span that ``needle`` quotes with a few letters wrong, or None.

    Models fix typos while quoting ("démonstation" -> "démonstration"). A span is accepted when
    its typographic view differs from the needle's by at most ``tolerance`` of its characters
    (at least 2), the differences involve no digit, and the needle is 20 characters or longer.
    Digits are never forgiven: the digit sequences must be identical.
    """
    import difflib

    pattern = typographic_view(needle).text
    text = haystack.text
    if len(pattern) < 20 or not text:
        return None
    matcher = difflib.SequenceMatcher(None, text, pattern, autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size]
    if not blocks:
        return None
    # the window of the text covered by the alignment of the whole needle
    start = blocks[0].a - blocks[0].b
    end = blocks[-1].a + blocks[-1].size + (len(pattern) - blocks[-1].b - blocks[-1].size)
    start, end = max(0, start), min(len(text), end)
    window = text[start:end]
    if [c for c in window if c.isdigit()] != [c for c in pattern if c.isdigit()]:
        return None
    exact = difflib.SequenceMatcher(None, window, pattern, autojunk=False)
    differing = max(len(window), len(pattern)) - sum(b.size for b in exact.get_matching_blocks())
    if differing > max(2, int(tolerance * len(pattern))):
        return None
    for op, a1, a2, b1, b2 in exact.get_opcodes():
        # no edit in or next to a number: "11 000" and "11000" stay different quotes
        near_edit = window[max(0, a1 - 1) : a2 + 1] + pattern[max(0, b1 - 1) : b2 + 1]
        if op != "equal" and any(c.isdigit() for c in near_edit):
            return None
    return haystack.raw_span(start, end)
