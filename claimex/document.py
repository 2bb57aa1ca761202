"""One text and what every step reads from it, computed once: view, numbers, sentences, chunks,
and what French grammar tells about each amount.

Chunking, the user message, the validator, the report and the evaluation all take a
``Document``, so one ``extract()`` scans its text once (``find_numbers`` and the typographic view)
and every step sees the same numbers at the same offsets. A chunk is a span of the document,
never rescanned: its numbers are ``mentions_in(chunk.start, chunk.end)``.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left
from dataclasses import dataclass
from functools import cached_property

from claimex.attribution import AmountGrammar, read_amounts
from claimex.chunking import Chunk, chunk_text, split_sentences
from claimex.contradiction import Disagreement, read_disagreements
from claimex.numbers import AMOUNT_KINDS, NumberMention, find_numbers
from claimex.text import TypographicView, find_all, find_near_miss, typographic_view

__all__ = ["SOURCE_HEADER", "Document", "Found", "strip_source_header"]

SOURCE_HEADER = "SOURCE:"
"""The attribution line that starts the corpus files (``SOURCE: https://...``), not article text."""


def strip_source_header(raw: str) -> str:
    """The text minus a first ``SOURCE:`` attribution line (the corpus files' header)."""
    if raw.startswith(SOURCE_HEADER) and "\n" in raw:
        return raw.split("\n", 1)[1]
    return raw


@dataclass(frozen=True, slots=True)
class Found:
    """Where a quote is: every exact (typographic) occurrence, nearest to the hint first; or the
    one span it quotes with a few letters wrong (``exact`` False); or nothing."""

    spans: tuple[tuple[int, int], ...]
    exact: bool = True


class Document:
    """A text with its typographic view, numbers, sentences, chunks and hash, each computed once.

    Immutable in what it says: the caches only remember answers. ``find`` and ``mentions_in``
    take an optional window (``start``, ``end``) so a chunk is judged on its own words with the
    numbers found in the whole text.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._found: dict[tuple[str, int | None, int, int], Found] = {}
        self._chunks: dict[int, tuple[Chunk, ...]] = {}

    def __repr__(self) -> str:
        return f"Document({len(self.text)} characters, sha256 {self.sha256[:12]})"

    def __len__(self) -> int:
        return len(self.text)

    @classmethod
    def of(cls, source: str | Document) -> Document:
        """``source`` itself when it is a Document, else a new one over the text."""
        return source if isinstance(source, Document) else cls(source)

    @cached_property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @cached_property
    def view(self) -> TypographicView:
        """The typographic view of the whole text (see ``claimex.text``)."""
        return typographic_view(self.text)

    @cached_property
    def mentions(self) -> tuple[NumberMention, ...]:
        """Every number of the text, by position: ``find_numbers`` run once."""
        return tuple(find_numbers(self.text))

    @cached_property
    def _starts(self) -> list[int]:
        return [m.start for m in self.mentions]

    @cached_property
    def grammar(self) -> dict[tuple[int, int], AmountGrammar]:
        """What grammar tells about each amount (``claimex.attribution``), by its span: read
        once, on the numbers of ``mentions``."""
        return {(g.start, g.end): g for g in read_amounts(self.text, self.mentions)}

    @cached_property
    def disagreements(self) -> tuple[Disagreement, ...]:
        """Where the text says one asserter's words contradict another's
        (``claimex.contradiction``): read once."""
        return tuple(read_disagreements(self.text))

    @cached_property
    def sentences(self) -> tuple[tuple[int, int], ...]:
        """The sentence spans of the whole text."""
        return tuple(split_sentences(self.text))

    def trimmed(self, span: tuple[int, int]) -> tuple[int, int]:
        """``span`` without the white space at its ends (a quote is the words, not the gaps)."""
        start, end = span
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return start, end

    def chunks(self, max_chars: int) -> tuple[Chunk, ...]:
        """Paragraphs (then sentences) packed into spans of at most ``max_chars`` characters."""
        if max_chars not in self._chunks:
            self._chunks[max_chars] = tuple(chunk_text(self.text, max_chars))
        return self._chunks[max_chars]

    def mentions_in(self, start: int = 0, end: int | None = None) -> list[NumberMention]:
        """The numbers lying wholly inside ``[start, end)``, by position (bisection)."""
        end = len(self.text) if end is None else end
        out: list[NumberMention] = []
        for m in self.mentions[bisect_left(self._starts, start) :]:
            if m.start >= end:
                break
            if m.end <= end:
                out.append(m)
        return out

    def amounts_in(self, start: int = 0, end: int | None = None) -> list[NumberMention]:
        """The quantities and percents inside ``[start, end)``: what claims should cover."""
        return [m for m in self.mentions_in(start, end) if m.kind in AMOUNT_KINDS]

    def sentences_in(self, start: int, end: int) -> list[tuple[int, int]]:
        """The sentences of ``[start, end)``, cut at its edges."""
        out = []
        for s, e in self.sentences:
            s, e = max(s, start), min(e, end)
            if s < e and self.text[s:e].strip():
                while self.text[s].isspace():
                    s += 1
                out.append((s, e))
        return out

    def find(
        self, quote: str, near: int | None = None, start: int = 0, end: int | None = None
    ) -> Found:
        """Where ``quote`` is in ``[start, end)``, typography forgiven, digits never (memoised).

        Exact occurrences come nearest to ``near`` first; with none, the one span it quotes with
        a few letters wrong. An empty quote is nowhere.
        """
        end = len(self.text) if end is None else end
        key = (quote, near, start, end)
        if key not in self._found:
            self._found[key] = self._find(quote, near, start, end)
        return self._found[key]

    def _find(self, quote: str, near: int | None, start: int, end: int) -> Found:
        if not quote.strip():
            return Found(())
        spans = [s for s in find_all(self.view, quote) if start <= s[0] and s[1] <= end]
        if spans:
            if near is not None:
                spans.sort(key=lambda s: (abs(s[0] - near), s[0]))
            return Found(tuple(spans))
        miss = find_near_miss(self._window_view(start, end), quote)
        return Found((miss,), exact=False) if miss is not None else Found(())

    def _window_view(self, start: int, end: int) -> TypographicView:
        """The part of the view that comes from ``[start, end)``: a slice, not a new scan."""
        view = self.view
        if start <= 0 and end >= len(self.text):
            return view
        lo = bisect_left(view.starts, start)
        hi = bisect_left(view.starts, end)
        while hi > lo and view.ends[hi - 1] > end:
            hi -= 1
        while lo < hi and view.text[lo] == " ":
            lo += 1
        while hi > lo and view.text[hi - 1] == " ":
            hi -= 1
        return TypographicView(view.text[lo:hi], view.starts[lo:hi], view.ends[lo:hi])
