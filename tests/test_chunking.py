"""Long texts are cut on paragraph and sentence boundaries; offsets stay exact."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimex.chunking import chunk_text, split_sentences
from claimex.errors import ConfigurationError


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def test_french_abbreviations_do_not_end_sentences() -> None:
    text = (
        "M. Budanov a parlé. Mme Dupont a répondu vers 50 av. J.-C. selon la légende. "
        "Le Dr. Martin, cf. p. 12, confirme. J. Dupont aussi."
    )
    assert sentences(text) == [
        "M. Budanov a parlé.",
        "Mme Dupont a répondu vers 50 av. J.-C. selon la légende.",
        "Le Dr. Martin, cf. p. 12, confirme.",
        "J. Dupont aussi.",
    ]


def test_decimals_and_quotes() -> None:
    text = "Le taux est de 3.5 %. « C'est trop ! » Il a raison… Vraiment."
    assert sentences(text) == [
        "Le taux est de 3.5 %.",
        "« C'est trop ! »",
        "Il a raison…",
        "Vraiment.",
    ]


def test_short_text_is_one_chunk(seed_text: str) -> None:
    (chunk,) = chunk_text(seed_text, 6000)
    assert seed_text[chunk.start : chunk.end] == chunk.text
    assert chunk.text.strip() == seed_text.strip()


def test_chunks_respect_the_limit_and_paragraphs(seed_text: str) -> None:
    chunks = chunk_text(seed_text, 800)
    assert len(chunks) > 3
    for c in chunks:
        assert c.end - c.start <= 800
        assert seed_text[c.start : c.end] == c.text
    assert all(a.end <= b.start for a, b in itertools.pairwise(chunks))
    covered = "".join(c.text for c in chunks).replace(" ", "").replace("\n", "")
    assert covered == seed_text.replace(" ", "").replace("\n", "")


def test_a_giant_sentence_is_cut_at_spaces() -> None:
    text = "mot " * 2000
    chunks = chunk_text(text, 500)
    assert all(len(c.text) <= 500 for c in chunks)
    assert "".join(c.text for c in chunks).split() == text.split()


def test_limit_too_small() -> None:
    with pytest.raises(ConfigurationError, match="at least 100"):
        chunk_text("abc", 10)


@given(st.text(alphabet=st.sampled_from(list("ab .\n«»M")), max_size=2000), st.integers(100, 600))
def test_chunks_never_lose_text(text: str, limit: int) -> None:
    chunks = chunk_text(text, limit)
    assert all(c.end - c.start <= limit for c in chunks)
    assert "".join(c.text for c in chunks).split() == text.split()
