"""The typographic view used to find quotes: forgiving on typography, never on digits."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from claimex.text import find_all, typographic_view

TEXT = "Selon l’agence, « environ 11\u202f000 soldats » ont été déployés. Ils sont arrivés—de nuit."


def test_typography_is_forgiven() -> None:
    for quote in (
        "selon l'agence",
        "SELON L’AGENCE",
        '"environ 11 000 soldats"',
        "« environ 11 000 soldats »",
        "environ  11\u00a0000   soldats",
        "arrivés-de nuit",
    ):
        spans = find_all(typographic_view(TEXT), quote)
        assert len(spans) == 1, quote


def test_digits_are_never_forgiven() -> None:
    for quote in ("11000 soldats", "11 001 soldats", "environ 1 000 soldats"):
        assert find_all(typographic_view(TEXT), quote) == [], quote


def test_raw_offsets_point_at_the_original_words() -> None:
    ((start, end),) = find_all(typographic_view(TEXT), "l'agence, « environ 11 000")
    assert TEXT[start:end] == "l’agence, « environ 11\u202f000"


def test_decomposed_accents_match_composed() -> None:
    text = "Le ministe\u0300re a parle\u0301."
    ((start, end),) = find_all(typographic_view(text), "ministère a parlé")
    assert text[start:end] == "ministe\u0300re a parle\u0301"


def test_empty_quote_matches_nothing() -> None:
    assert find_all(typographic_view(TEXT), "  ") == []


@given(st.text(max_size=200), st.data())
def test_every_substring_is_found_at_a_span_with_the_same_view(
    text: str, data: st.DataObject
) -> None:
    view = typographic_view(text)
    if not view.text:
        return
    i = data.draw(st.integers(0, len(text) - 1))
    j = data.draw(st.integers(i + 1, len(text)))
    needle = text[i:j]
    spans = find_all(view, needle)
    norm = typographic_view(needle).text
    if norm:
        assert spans, (text, needle)
        for s, e in spans:
            assert typographic_view(text[s:e]).text == norm


def test_a_quote_with_a_letter_fixed_is_found_but_never_a_digit() -> None:
    from claimex.text import find_near_miss

    text = (
        "Il a pensé qu'une démonstation de force aurait attiré 300 manifestants devant l'ambassade."
    )
    view = typographic_view(text)
    span = find_near_miss(view, "qu'une démonstration de force aurait attiré 300 manifestants")
    assert span is not None and text[span[0] : span[1]].startswith("qu'une démonstation")
    assert (
        find_near_miss(view, "qu'une démonstation de force aurait attiré 30 manifestants") is None
    )
    assert (
        find_near_miss(view, "qu'une démonstation de force aurait attiré 3 00 manifestants") is None
    )
    assert find_near_miss(view, "trop court") is None
