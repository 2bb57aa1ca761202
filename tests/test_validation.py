"""The deterministic number validator: the reason claimex exists."""

from __future__ import annotations

from decimal import Decimal

import pytest

from claimex import (
    Attribution,
    ContradictionClaim,
    EpistemicStatus,
    Evidence,
    ForecastClaim,
    QuantitativeClaim,
    Quantity,
    StatementClaim,
    VerificationCode,
    find_numbers,
    validate,
    verify_quantity,
)


@pytest.mark.parametrize(
    ("quote", "value", "qualifier", "high", "code"),
    [
        ("environ 11 000 soldats nord-coréens", 11000, "approximate", None, "verified"),
        ("Environ 11 000 soldats", 11000, None, None, "verified"),
        ("environ 11 000 soldats", 11000, "exact", None, "qualifier_mismatch"),
        ("environ 11 000 soldats", 12000, "approximate", None, "value_not_in_quote"),
        ("environ 11 000 soldats", 11, "approximate", None, "value_not_in_quote"),
        ("environ 11000 soldats", 11000, "approximate", None, "quote_not_found"),
        ("au moins 150 missiles balistiques", 150, "at_least", None, "verified"),
        ("au moins 150 missiles balistiques", 150, "more_than", None, "qualifier_mismatch"),
        ("jusqu'à 8 000 soldats nord-coréens", 8000, "at_most", None, "verified"),
        ("jusqu’à 120 unités d’artillerie", "120", "at_most", None, "verified"),
        ("missiles balistiques à courte portée KN-23", 23, None, None, "value_not_in_quote"),
        ("unités d’artillerie automotrices M-1989", 1989, None, None, "value_not_in_quote"),
        ("1 000 soldats", 1000, None, None, "value_not_in_quote"),  # inside "11 000": cuts a number
        ("ce texte n'existe pas", 5, None, None, "quote_not_found"),
        ("", 5, None, None, "quote_not_found"),
    ],
)
def test_verify_quantity_on_the_seed(
    seed_text: str, quote: str, value: int | str, qualifier: str | None, high: int | None, code: str
) -> None:
    v = verify_quantity(seed_text, quote, value, qualifier, high)
    assert v.code.value == code, v.message
    assert v.ok is (code == "verified")
    if v.ok:
        assert v.start is not None and v.end is not None
        assert v.mention is not None and seed_text[v.start : v.end] == v.mention.text
        assert v.mention.value == Decimal(value)
    else:
        assert v.start is None and v.end is None


def test_messages_tell_a_model_what_to_fix(seed_text: str) -> None:
    wrong_value = verify_quantity(seed_text, "environ 11 000 soldats", 12000)
    assert wrong_value.message == (
        "12 000 is not in the quote « Environ 11 000 soldats »; the numbers there are: "
        "11 000 (approximate) [quantity]."
    )
    wrong_q = verify_quantity(seed_text, "environ 11 000 soldats", 11000, "exact")
    assert "approximate" in wrong_q.message and 'set qualifier to "approximate"' in wrong_q.message
    missing = verify_quantity(seed_text, "environ 11000 soldats nord-coréens", 11000)
    assert "copy the words exactly" in missing.message
    assert "11 000" in missing.message  # points at where the text does say it


def test_scale_words_must_be_applied() -> None:
    text = "La Chine a annoncé l'achat de 60 avions pour 7,2 milliards de dollars."
    assert verify_quantity(text, "7,2 milliards de dollars", "7200000000").ok
    wrong = verify_quantity(text, "7,2 milliards de dollars", "7.2")
    assert wrong.code is VerificationCode.VALUE_NOT_IN_QUOTE
    assert "Write the full value" in wrong.message and "7200000000" in wrong.message


def test_ranges_need_both_ends() -> None:
    text = "Il pourra embarquer entre 200 et 300 passagers."
    assert verify_quantity(text, "entre 200 et 300 passagers", 200, "range", 300).ok
    low_only = verify_quantity(text, "entre 200 et 300 passagers", 200)
    assert not low_only.ok and "high=300" in low_only.message
    assert not verify_quantity(text, "entre 200 et 300 passagers", 200, None, 400).ok


def test_the_occurrence_that_verifies_wins() -> None:
    text = "Environ 300 soldats ont été tués. Puis 300 soldats ont été tués."
    v = verify_quantity(text, "300 soldats ont été tués", 300, "exact")
    assert v.ok and v.start == text.rindex("300")
    assert verify_quantity(text, "300 soldats ont été tués", 300, near=0).start == text.index("300")
    assert verify_quantity(text, "300 soldats ont été tués", 300, near=40).start == text.rindex(
        "300"
    )


def _seed_claims() -> list[QuantitativeClaim | ForecastClaim | StatementClaim | ContradictionClaim]:
    return [
        QuantitativeClaim(
            id="c1",
            summary="Environ 11 000 soldats nord-coréens auraient été déployés.",
            subject="soldats nord-coréens déployés",
            evidence=Evidence(
                quote="environ 11 000 soldats nord-coréens auraient déjà été déployés"
            ),
            attribution=Attribution(
                source="l’agence de renseignement sud-coréenne", kind="indirect_speech", cue="selon"
            ),
            status=EpistemicStatus.REPORTED,
            quantity=Quantity(value=11000, unit="soldats", qualifier="approximate"),
        ),
        ForecastClaim(
            id="c2",
            summary="La Corée du Nord prévoit de livrer au moins 150 missiles KN-23 en 2025.",
            what="livraison de missiles balistiques KN-23 à Moscou",
            horizon="en 2025",
            evidence=Evidence(
                quote="prévoyait de livrer à Moscou au moins 150 missiles balistiques à courte portée KN-23"
            ),
            attribution=Attribution(
                source="Kyrylo Budanov", kind="indirect_speech", cue="a déclaré"
            ),
            status=EpistemicStatus.FORECAST,
            quantities=[
                Quantity(value=150, unit="missiles", qualifier="at_least"),
                Quantity(value=23),
            ],
        ),
        StatementClaim(
            id="c3",
            summary="Jusqu'à 8 000 soldats seraient toujours engagés à Koursk.",
            content="jusqu'à 8 000 soldats nord-coréens sont toujours engagés dans des combats à Koursk",
            evidence=Evidence(
                quote="Il a affirmé que jusqu’à 8 000 soldats nord-coréens sont toujours engagés"
            ),
            attribution=Attribution(
                source="Kyrylo Budanov", kind="indirect_speech", cue="a affirmé"
            ),
            quantities=[Quantity(value=8000, unit="soldats", qualifier="exact")],
        ),
        ContradictionClaim(
            id="c4",
            summary="Budanov contredit les informations sur le retrait des troupes.",
            evidence=Evidence(
                quote="Les déclarations de M. Budanov contredisent les informations largement diffusées"
            ),
            claim_ids=["c3", "c5"],
            point="présence de troupes nord-coréennes à Koursk",
        ),
        StatementClaim(
            summary="invented",
            content="x",
            evidence=Evidence(quote="Kim Jong Un a visité Moscou"),
        ),
    ]


def test_validate_walks_every_quantity_and_fills_offsets(seed_text: str) -> None:
    claims = _seed_claims()
    report = validate(claims, seed_text)
    assert [(v.claim_index, v.path, v.verification.code.value) for v in report.quantities] == [
        (0, "quantity", "verified"),
        (1, "quantities[0]", "verified"),
        (1, "quantities[1]", "value_not_in_quote"),  # 23 is the KN-23 designation, not a count
        (2, "quantities[0]", "qualifier_mismatch"),  # "jusqu'à 8 000" is at_most, not exact
    ]
    assert not report.ok
    assert [e.found for e in report.evidence] == [True, True, True, True, False]
    filled = report.claims[0]
    assert isinstance(filled, QuantitativeClaim)
    assert filled.quantity.verified is True
    assert seed_text[filled.quantity.start : filled.quantity.end] == "11 000"
    assert filled.evidence.start is not None
    assert seed_text[filled.evidence.start : filled.evidence.end].startswith("environ 11 000")
    assert isinstance(claims[0], QuantitativeClaim)
    assert claims[0].quantity.start is None, "validate works on copies"
    # the numbers of the text that no verified claim covers: everything but 11 000 and 150
    covered = {
        (v.verification.start, v.verification.end) for v in report.quantities if v.verification.ok
    }
    amounts = [
        m for m in find_numbers(seed_text) if m.kind.value in ("quantity", "percent", "duration")
    ]
    assert len(report.uncovered) == len(amounts) - len(covered) == 10
    assert all((m.start, m.end) not in covered for m in report.uncovered)


def test_a_fully_verified_report_is_ok(seed_text: str) -> None:
    claims = _seed_claims()[:2]
    assert isinstance(claims[1], ForecastClaim)
    claims[1].quantities = claims[1].quantities[:1]
    report = validate(claims, seed_text)
    assert report.ok and report.failed == []
    assert report.model_dump(mode="json")["ok"] is True


def test_validate_is_deterministic(seed_text: str) -> None:
    a = validate(_seed_claims(), seed_text).model_dump_json()
    b = validate(_seed_claims(), seed_text).model_dump_json()
    assert a == b


def test_validate_empty_inputs() -> None:
    report = validate([], "")
    assert report.ok and report.quantities == [] and report.uncovered == []
    report = validate(_seed_claims()[:1], "")
    assert not report.ok
    assert report.quantities[0].verification.code is VerificationCode.QUOTE_NOT_FOUND


# ---- letting the text decide: derive_from_text ----------------------------------------------


def _q(
    quote: str, value: object, qualifier: str = "exact", high: object = None
) -> QuantitativeClaim:
    return QuantitativeClaim(
        subject="x",
        evidence=Evidence(quote=quote),
        quantity=Quantity(value=value, qualifier=qualifier, high=high),
    )


def test_derive_takes_the_qualifier_from_the_text(seed_text: str) -> None:
    from claimex.validation import derive_from_text

    claims = [_q("environ 11 000 soldats nord-coréens auraient déjà été déployés", 11000)]
    changes = derive_from_text(claims, seed_text)
    assert claims[0].quantity.qualifier.value == "approximate"
    assert [str(c) for c in changes] == [
        "claims[0].quantity.qualifier: exact -> approximate "
        "(the text says « renseignement sud-coréenne, environ 11 000 »)"
    ]
    assert validate(claims, seed_text).ok


def test_derive_fills_ranges_and_scales_but_never_invents() -> None:
    from claimex.validation import derive_from_text

    text = "Il pourra embarquer entre 200 et 300 passagers pour 7,2 milliards de dollars."
    claims = [
        _q("entre 200 et 300 passagers", 200),
        _q("7,2 milliards de dollars", "7.2"),
        _q("entre 200 et 300 passagers", 250),
        _q("ce texte n'existe pas", 200),
    ]
    derive_from_text(claims, text)
    first, second, third, fourth = (c.quantity for c in claims)
    assert (first.value, first.high, first.qualifier.value) == (Decimal(200), Decimal(300), "range")
    assert second.value == Decimal(7_200_000_000)
    assert third.value == Decimal(250) and third.high is None  # not in the text: left to fail
    assert fourth.qualifier.value == "exact"
    report = validate(claims, text)
    assert [v.verification.ok for v in report.quantities] == [True, True, False, False]


@pytest.mark.parametrize(
    ("quote", "value", "named"),
    [
        ("13 députés élus sous cette étiquette en 2002", 2002, "year"),
        ("le 23 décembre 2004 dans 26 localités", 23, "date"),
        ("ouvert à 16 heures, 200 visiteurs", 960, "time"),
        ("pour la 23e fois, 12 élus", 23, "ordinal"),
    ],
)
def test_only_an_amount_verifies_a_quantity(quote: str, value: int, named: str) -> None:
    """A year, a day, a clock time or a rank in the quote is no count: the claim that takes it
    for one is refused, and the message says what the number is."""
    verdict = verify_quantity(quote + ".", quote, value)
    assert verdict.code is VerificationCode.VALUE_NOT_IN_QUOTE
    assert f" {named}, not an amount" in verdict.message
    amount = next(m for m in find_numbers(quote) if m.kind.value == "quantity")
    assert verify_quantity(quote + ".", quote, amount.value).ok


@pytest.mark.parametrize(
    ("text", "quote", "value", "qualifier", "ok"),
    [
        # the number is exact as written; the verb or noun around it states the bound
        (
            "Le prix dépasse toujours 14 000 euros.",
            "dépasse toujours 14 000 euros",
            14000,
            "more_than",
            True,
        ),
        (
            "Le prix dépasse toujours 14 000 euros.",
            "dépasse toujours 14 000 euros",
            14000,
            "exact",
            True,
        ),
        (
            "Le soutien dépasse ainsi 250 millions d'euros.",
            "dépasse ainsi 250 millions",
            250_000_000,
            "more_than",
            True,
        ),
        ("Il ne doit pas dépasser 3 g par jour.", "dépasser 3 g", 3, "at_most", True),
        (
            "et n'excède en aucun cas 1 500 ppm",
            "excède en aucun cas 1 500 ppm",
            1500,
            "at_most",
            True,
        ),
        ("Il ne doit pas dépasser 3 g par jour.", "dépasser 3 g", 3, "more_than", False),
        (
            "Des prêts pouvant atteindre 75 000 €.",
            "pouvant atteindre 75 000 €",
            75000,
            "at_most",
            True,
        ),
        ("La vitesse y est limitée à 90 km/h.", "limitée à 90 km/h", 90, "at_most", True),
        ("La vitesse y est limitée à 90 km/h.", "limitée à 90 km/h", 90, "at_least", False),
        (
            "Limiter la hausse de la température à 1,5 °C.",
            "température à 1,5 °C",
            "1.5",
            "at_most",
            True,
        ),
        ("Ramener l'âge du parc sous les 7 ans.", "sous les 7 ans", 7, "less_than", True),
        (
            "Un plancher de 100 milliards de dollars.",
            "plancher de 100 milliards",
            10**11,
            "at_least",
            True,
        ),
        (
            "Des millions de personnes ont fui.",
            "Des millions de personnes",
            10**6,
            "more_than",
            True,
        ),
        ("Près de 900 millions d'euros.", "Près de 900 millions", 9 * 10**8, "more_than", False),
        ("Il a atteint 90 km/h.", "atteint 90 km/h", 90, "at_most", False),
    ],
)
def test_a_bound_the_words_around_the_number_state(
    text: str, quote: str, value: object, qualifier: str, ok: bool
) -> None:
    assert verify_quantity(text, quote, value, qualifier).ok is ok  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("quote", "value", "ok"),
    [
        ("(-1,8 %)", "-1.8", True),
        ("(-1,8 %)", "1.8", False),
        ("(+4 %)", "4", True),
        ("(+4 %)", "-4", False),
        ("de 4 %", "4", True),
        ("de 4 %", "-4", False),
    ],
)
def test_a_claim_gives_the_sign_the_text_writes(quote: str, value: str, ok: bool) -> None:
    """A fall written "(-1,8 %)" claimed as 1.8 reads as a rise: a wrong number, rejected."""
    text = "Le marché recule (-1,8 %) ; les ventes (+4 %) ; une baisse de 4 %."
    assert verify_quantity(text, quote, value).ok is ok


def test_a_claim_that_drops_a_written_minus_is_told_to_put_it_back() -> None:
    verdict = verify_quantity("Orge : 10,6 Mt (-12 %) ;", "Orge : 10,6 Mt (-12 %)", "12")
    assert not verdict.ok
    assert "set value=-12" in verdict.message


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        ("Les aides ne peuvent dépasser CHF 70'000 par an.", 70000, "at_most"),
        ("si le revenu n'excède pas 17 009 euros", 17009, "at_most"),
        ("une dose maximale de 40 mg", 40, "at_most"),
        ("Chiffre d'affaires annuel minimal : 1,5 fois le montant", "1.5", "at_least"),
        ("au moins 87 morts et 243 blessés", 243, "at_least"),
    ],
)
def test_a_bound_said_by_the_words_around_verifies(
    text: str, value: int | str, qualifier: str
) -> None:
    assert verify_quantity(text, text, value, qualifier).ok


def test_a_bound_the_words_do_not_say_is_rejected() -> None:
    text = "il y a 87 morts et 243 blessés"
    assert not verify_quantity(text, text, 243, "at_least").ok


def test_a_cell_under_a_table_heading_in_millions_verifies_in_euros() -> None:
    text = (
        "Chiffre d'affaires par division (en M€)\n"
        "Division | T3 2024 | T3 2025 | Variation\n"
        "Emballages santé | 412 | 448 | +8,7 %\n"
        "\n"
        "Autre ligne : 412 clients.\n"
    )
    row = "Emballages santé | 412 | 448"
    assert verify_quantity(text, row, 412).ok
    assert verify_quantity(text, row, 412_000_000).ok
    assert not verify_quantity(text, row, 412_000).ok
    assert not verify_quantity(text, "Autre ligne : 412 clients", 412_000_000).ok


@pytest.mark.parametrize(
    ("value", "ok"),
    [("0.666667", True), ("2", True), ("3", True), ("0.5", False), ("0.67", False)],
)
def test_a_share_of_two_counts_verifies_as_either_count_or_their_ratio(
    value: str, ok: bool
) -> None:
    text = "Selon elle, « deux électeurs sur trois ont voté contre le gouvernement »."
    assert verify_quantity(text, "deux électeurs sur trois", value, "exact").ok is ok
