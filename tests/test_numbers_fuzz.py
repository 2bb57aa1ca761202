"""Fuzzing the scanner over the characters and words numbers are made of: it must never raise."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from claimex import InputError, find_numbers

WORDS = (
    "un une deux trois quatre cinq six sept huit neuf dix onze douze seize vingt vingts trente "
    "soixante septante huitante nonante cent cents mille million millions milliard milliards "
    "billion billions et virgule demi demie moitié tiers quart quarts centaine douzaine millier "
    "cinquième centièmes premier seconde deuxième pour cent pourcent environ entre de à au moins "
    "plus sur le la les des d' l' janvier mai heures h ans euros points fois"
).split()
SCALES = ["k", "K", "M", "Md", "Mds", "Mrd", "G", "mille", "millions", "milliards", "billions"]
SIGNS = ["€", "$", "£", "¥", "%", "‰", "+", "-", "−", "±", ",", ".", "/", ":", "[", "]", "(", "'"]
SPACES = [" ", "\u00a0", "\u202f", "\u2009", "\t", "\n", "", "-"]
# superscripts, fractions and the digits of other scripts: isdigit() but not always int()-able
ODD_DIGITS = list("⁰¹²³⁴⁵⁶⁷⁸⁹₀₁₂½⅓¼⅙٠١٢٣٤٥٦٧٨٩۳३০３𝟑")

_token = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(SCALES),
    st.sampled_from(SIGNS),
    st.sampled_from(ODD_DIGITS),
    st.from_regex(r"[0-9]{1,45}", fullmatch=True),
    st.from_regex(r"[0-9]{1,3}([ \u00a0\u202f.][0-9]{3}){1,9}(,[0-9]{1,4})?", fullmatch=True),
)
_text = st.lists(st.tuples(_token, st.sampled_from(SPACES)), max_size=14).map(
    lambda parts: "".join(token + space for token, space in parts)
)


def check(text: str) -> None:
    found = find_numbers(text)
    assert all(text[m.start : m.end] == m.text for m in found), found
    assert all(m.start < m.end for m in found), found
    assert all(a.end <= b.start for a, b in itertools.pairwise(found)), found


@given(_text)
@example("12345678901234567890123 M€").via("issue 12: quantize of a 30-digit value")
@example("1 000 000 000 000 000 000 000 milliards").via("issue 12")
@example("² moitié").via("issue 12: int() of a superscript")
@example("les ³ tiers").via("issue 12")
@example("⁵ centaines de ² quarts").via("superscripts before collectives and fractions")
@example("٣ tiers et ३ dizaines").via("other scripts' digits")
@example("1" * 60 + " millions et demi").via("a huge value with a fraction word")
@example("entre 1,5 et " + "9" * 40 + " milliards").via("a huge range end")
@settings(max_examples=1500, deadline=None)
def test_number_alphabet_never_raises(text: str) -> None:
    check(text)


@pytest.mark.parametrize("value", [None, 123, 4.5, b"12 000", ["12"], {"text": "1"}])
def test_non_text_is_an_input_error(value: object) -> None:
    with pytest.raises(InputError, match="find_numbers expects a str") as raised:
        find_numbers(value)  # type: ignore[arg-type]
    assert "\n" not in str(raised.value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("12345678901234567890123 M€", 12345678901234567890123 * 10**6),
        ("1 000 000 000 000 000 000 000 milliards", 10**30),
        (
            "une perte de 98765432109876543210987654321 millions et demi d'euros",
            98765432109876543210987654321 * 10**6 + 500_000,
        ),
    ],
)
def test_huge_values_are_exact(text: str, value: int) -> None:
    """The default decimal context would round these to 28 digits; the scanner must not."""
    amounts = [m.value for m in find_numbers(text)]
    assert amounts == [value]


def test_superscript_is_not_a_numerator() -> None:
    """ "² moitié": a note call or an exponent, not a count of halves."""
    assert find_numbers("la ² moitié du budget") == []
