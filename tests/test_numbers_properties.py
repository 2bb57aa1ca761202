"""Property tests: any number written the French way parses back to itself."""

from __future__ import annotations

import itertools
from decimal import Decimal

from hypothesis import example, given, settings
from hypothesis import strategies as st
from num2words import num2words

from claimex import NumberKind, find_numbers

SEPARATORS = [" ", "\u00a0", "\u202f", "\u2009", "."]


def group_thousands(n: int, sep: str) -> str:
    digits = str(n)
    head = len(digits) % 3 or 3
    parts = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return sep.join(parts)


def amounts(text: str) -> list[Decimal]:
    return [m.value for m in find_numbers(text) if m.kind is not NumberKind.IDENTIFIER]


@given(st.integers(min_value=0, max_value=10**12), st.sampled_from(SEPARATORS))
@example(11000, " ").via("seed")
@example(1350000, ".").via("corpus")
@settings(max_examples=300)
def test_grouped_digits(n: int, sep: str) -> None:
    written = group_thousands(n, sep)
    if sep == "." and written.count(".") == 0:
        written = str(n)
    text = f"Le rapport compte {written} personnes déplacées."
    found = find_numbers(text)
    assert [m.value for m in found] == [Decimal(n)], (text, found)
    assert found[0].text == written


@given(
    st.integers(min_value=0, max_value=10**9),
    st.integers(min_value=1, max_value=999),
    st.sampled_from([" ", "\u00a0", "\u202f"]),
)
@settings(max_examples=300)
def test_decimal_comma(whole: int, frac: int, sep: str) -> None:
    frac_s = str(frac).rstrip("0") or "0"
    written = f"{group_thousands(whole, sep)},{frac_s}"
    text = f"Une moyenne de {written} points."
    assert amounts(text) == [Decimal(f"{whole}.{frac_s}")], text


@given(
    st.decimals(min_value=1, max_value=999, places=1, allow_nan=False, allow_infinity=False),
    st.sampled_from(
        [("mille", 1000), ("million", 10**6), ("millions", 10**6), ("milliards", 10**9)]
    ),
)
@settings(max_examples=200)
def test_scale_words(number: Decimal, scale: tuple[str, int]) -> None:
    word, factor = scale
    written = str(number).replace(".", ",").removesuffix(",0")
    text = f"Un coût de {written} {word} d'euros selon le ministère."
    found = find_numbers(text)
    assert [m.value for m in found] == [number * factor], (text, found)
    assert found[0].text == f"{written} {word}"


@given(st.integers(min_value=0, max_value=999_999_999), st.sampled_from(["fr", "fr_BE", "fr_CH"]))
@example(71, "fr").via("soixante et onze")
@example(99, "fr").via("quatre-vingt-dix-neuf")
@example(72, "fr_BE").via("septante-deux")
@example(80, "fr_CH").via("huitante")
@settings(max_examples=400)
def test_spelled_out(n: int, lang: str) -> None:
    words = num2words(n, lang=lang)
    if words in ("un", "une"):
        return  # "un"/"une" alone are articles far more often than numbers: not annotated
    text = f"Le bilan fait état de {words} victimes."
    found = find_numbers(text)
    assert [m.value for m in found] == [Decimal(n)], (text, found)
    assert found[0].text == words


@given(st.integers(min_value=2, max_value=999_999), st.sampled_from(["e", "ème", "eme"]))
@settings(max_examples=200)
def test_ordinal_digits(n: int, suffix: str) -> None:
    text = f"Il est arrivé {n}{suffix} du classement."
    found = find_numbers(text)
    assert [(m.value, m.kind) for m in found] == [(Decimal(n), NumberKind.ORDINAL)], (text, found)


@given(st.integers(min_value=2, max_value=999))
@settings(max_examples=150)
def test_ordinal_words(n: int) -> None:
    # num2words writes "quatre-vingtsième", "deux centsième": French drops the plural -s
    # before -ième ("quatre-vingtième", "deux centième"), so we correct its output.
    words = num2words(n, lang="fr", to="ordinal").replace("tsième", "tième")
    text = f"C'est la {words} tentative."
    found = find_numbers(text)
    assert [(m.value, m.kind) for m in found] == [(Decimal(n), NumberKind.ORDINAL)], (text, found)


@given(st.integers(min_value=0, max_value=100), st.integers(min_value=0, max_value=9))
@settings(max_examples=200)
def test_percents(whole: int, tenth: int) -> None:
    written = f"{whole},{tenth}" if tenth else str(whole)
    for form in (f"{written} %", f"{written}\u00a0%", f"{written}%", f"{written} pour cent"):
        found = find_numbers(f"Il a obtenu {form} des voix.")
        assert [(m.text, m.kind) for m in found] == [(form, NumberKind.PERCENT)]
        assert found[0].value == Decimal(written.replace(",", "."))


@given(st.text(max_size=300))
@settings(max_examples=400)
def test_any_text_is_safe(text: str) -> None:
    """Never raises; offsets always point at exactly the reported text; spans never overlap."""
    found = find_numbers(text)
    assert all(text[m.start : m.end] == m.text for m in found)
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))
    assert find_numbers(text) == found
