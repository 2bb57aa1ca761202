"""The Document: one scan of the text, shared by every step of an extraction."""

from __future__ import annotations

from benchmarks.scan_count import count_scans
from claimex.chunking import chunk_text, split_sentences
from claimex.document import Document, strip_source_header
from claimex.numbers import AMOUNT_KINDS, find_numbers


def test_one_extract_scans_its_text_once() -> None:
    """find_numbers and the text's typographic view run once per extract(), second passes and
    re-asks included (they ran 31 and 38 times for the seed before the Document)."""
    for case in (
        "seed",
        "claims-seed-reask",
        "wikinews-007-chunked",
        "claims-wikinews-007-chunked",
    ):
        assert count_scans(case) == {"find_numbers": 1, "typographic_view": 1}, case


def test_mentions_in_a_window_are_the_whole_texts_numbers_there(seed_text: str) -> None:
    doc = Document(seed_text)
    everything = find_numbers(seed_text)
    assert list(doc.mentions) == everything
    for start, end in [(0, len(seed_text)), (100, 900), (450, 451), (len(seed_text), 10**6)]:
        expected = [m for m in everything if start <= m.start and m.end <= end]
        assert doc.mentions_in(start, end) == expected
        assert doc.amounts_in(start, end) == [m for m in expected if m.kind in AMOUNT_KINDS]


def test_chunks_and_sentences_are_spans_of_the_document(seed_text: str) -> None:
    doc = Document(seed_text)
    assert doc.chunks(800) == tuple(chunk_text(seed_text, 800))
    assert doc.chunks(800) is doc.chunks(800)
    assert doc.sentences == tuple(split_sentences(seed_text))
    for chunk in doc.chunks(800):
        inner = doc.sentences_in(chunk.start, chunk.end)
        assert [seed_text[s:e] for s, e in inner] == [
            chunk.text[s:e] for s, e in split_sentences(chunk.text)
        ]


def test_find_forgives_typography_not_digits_and_remembers(seed_text: str) -> None:
    doc = Document(seed_text)
    found = doc.find("environ 11 000 soldats")
    assert found.exact and found.spans
    start, end = found.spans[0]
    assert seed_text[start:end].lower().startswith("environ 11")
    assert doc.find("environ 11 000 soldats") is found
    assert doc.find("environ 11000 soldats").spans == ()
    last_end = found.spans[-1][1]
    assert doc.find("environ 11 000 soldats", None, last_end, len(seed_text)).spans == ()
    assert doc.find("environ 11 000 soldats", None, start, end).spans == ((start, end),)
    assert doc.find("   ").spans == ()


def test_the_source_header_is_only_the_corpus_attribution_line() -> None:
    assert strip_source_header("SOURCE: https://fr.wikinews.org/x\nLe texte.") == "Le texte."
    assert strip_source_header("Le texte.\nSOURCE: x") == "Le texte.\nSOURCE: x"


def test_the_cli_reads_a_corpus_file_without_its_source_line() -> None:
    from typer.testing import CliRunner

    from claimex.cli import app
    from tests.conftest import EXAMPLES

    path = EXAMPLES / "wikinews-001.txt"
    result = CliRunner().invoke(app, ["numbers", str(path)])
    assert result.exit_code == 0
    body = strip_source_header(path.read_text(encoding="utf-8"))
    assert len(result.stdout.strip().splitlines()) == len(find_numbers(body))
