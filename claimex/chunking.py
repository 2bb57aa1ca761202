"""Split long texts on paragraph and sentence boundaries, keeping offsets into the full text.

French abbreviations ("M.", "Mme", "av. J.-C.", "n°", initials) do not end sentences. Pure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimex.errors import ConfigurationError

__all__ = ["Chunk", "chunk_text", "split_sentences"]

_ABBREVIATIONS = frozenset(
    """m mm mme mmes mlle mlles dr pr me mgr st ste av apr j.-c jc cf env etc ex p pp n no art
    al chap vol éd ed fig coll dir trad réf ibid op cit vs approx min max sq hab tél ms
    janv févr sept oct nov déc"""
    .split()
)  # fmt: skip
_SENTENCE_END = re.compile(
    r"[.!?…]+(?:[ \u00a0\u202f]?[»\"”’)\]])*(?=\s+[«\"“(\[]?[ \u00a0\u202f]?[A-ZÀ-ÖØ-Þ0-9•\-–—])"
)
_PARAGRAPH = re.compile(r"\n[ \t\u00a0]*\n\s*")
_WORD_BEFORE_DOT = re.compile(r"([\w.\-]+)\.$")


@dataclass(frozen=True)
class Chunk:
    """``text[start:end]`` of the full text."""

    start: int
    end: int
    text: str


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans of ``text[start:end]`` (offsets into ``text``)."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    begin = start
    for m in _SENTENCE_END.finditer(text, start, end):
        if text[m.start()] == ".":
            word = _WORD_BEFORE_DOT.search(text, max(start, m.start() - 12), m.start() + 1)
            if word is not None:
                w = word.group(1).lower()
                if w in _ABBREVIATIONS or (len(w) == 1 and w.isalpha()) or w.endswith("j.-c"):
                    continue  # "M. Budanov", "J. Dupont", "av. J.-C."
        spans.append((begin, m.end()))
        begin = m.end()
        while begin < end and text[begin].isspace():
            begin += 1
    if begin < end and text[begin:end].strip():
        spans.append((begin, end))
    return spans


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    begin = 0
    for m in _PARAGRAPH.finditer(text):
        if text[begin : m.start()].strip():
            spans.append((begin, m.start()))
        begin = m.end()
    if text[begin:].strip():
        spans.append((begin, len(text)))
    return spans


def _hard_split(text: str, start: int, end: int, max_chars: int) -> list[tuple[int, int]]:
    """A sentence longer than a chunk: cut at the last space before the limit."""
    spans = []
    while end - start > max_chars:
        cut = text.rfind(" ", start + max_chars // 2, start + max_chars)
        cut = cut if cut != -1 else start + max_chars
        spans.append((start, cut))
        start = cut
    spans.append((start, end))
    return spans


def chunk_text(text: str, max_chars: int = 3000) -> list[Chunk]:
    """Pack paragraphs (then sentences) into chunks of at most ``max_chars`` characters."""
    if max_chars < 100:
        raise ConfigurationError(f"max_chars is {max_chars}: give at least 100 characters")
    pieces: list[tuple[int, int]] = []
    for p_start, p_end in _paragraphs(text):
        if p_end - p_start <= max_chars:
            pieces.append((p_start, p_end))
            continue
        for s_start, s_end in split_sentences(text, p_start, p_end):
            pieces.extend(_hard_split(text, s_start, s_end, max_chars))
    chunks: list[Chunk] = []
    cur_start: int | None = None
    cur_end = 0
    for start, end in pieces:
        if cur_start is not None and end - cur_start > max_chars:
            chunks.append(Chunk(cur_start, cur_end, text[cur_start:cur_end]))
            cur_start = None
        if cur_start is None:
            cur_start = start
        cur_end = end
    if cur_start is not None:
        chunks.append(Chunk(cur_start, cur_end, text[cur_start:cur_end]))
    return chunks
