"""The user message of a call: the article (or the sentences in focus), its amounts as anchors."""

from __future__ import annotations

from collections.abc import Sequence

from claimex.document import Document
from claimex.numbers import NumberMention

__all__ = ["user_message"]


def _anchor(text: str, start: int, end: int, lo: int, hi: int, width: int = 50) -> str:
    """A few words around a number, cut at word boundaries, within its sentence and ``[lo, hi)``."""
    left = max(lo, start - width)
    left = text.find(" ", left, start) + 1 if left > lo else lo
    for stop in (". ", "\n", "• "):
        cut = text.rfind(stop, left, start)
        if cut != -1:
            left = cut + len(stop)
    right = min(hi, end + width)
    space = text.rfind(" ", end, right)
    right = space if space != -1 and right < hi else right
    for stop in (". ", "\n"):
        cut = text.find(stop, end, right)
        if cut != -1:
            right = cut + 1
    return " ".join(text[left:right].split())


_ANCHORS_HEADER = (
    "\nNombres de l'article (chacun doit figurer dans un claim, avec sa citation exacte) :"
)
_FOCUS_HEADER = (
    "\nNombres encore sans claim : écris un claim « quantitative » pour chacun, dans "
    "l'ordre, avec pour citation les mots de l'article qui le contiennent :"
)


def user_message(
    source: str | Document,
    focus: Sequence[NumberMention] | None = None,
    *,
    anchors: bool = True,
    window: tuple[int, int] | None = None,
) -> str:
    """The article (or its ``window``), then the amounts the scanner found there, as anchors.

    With ``focus`` (the second pass), only the sentences holding those numbers are shown.
    """
    doc = Document.of(source)
    text = doc.text
    lo, hi = window if window is not None else (0, len(text))
    if focus is None:
        lines = [f"Article :\n{text[lo:hi]}"]
        amounts = doc.amounts_in(lo, hi)
    else:
        amounts = list(focus)
        sentences = [
            (s, e) for s, e in doc.sentences_in(lo, hi) if any(s <= m.start < e for m in amounts)
        ]
        lines = ["Article (extraits) :\n" + "\n".join(text[s:e] for s, e in sentences)]
    if amounts and anchors:
        lines.append(_ANCHORS_HEADER if focus is None else _FOCUS_HEADER)
        lines.extend(f"- {m.text} : « {_anchor(text, m.start, m.end, lo, hi)} »" for m in amounts)
    return "\n".join(lines)
