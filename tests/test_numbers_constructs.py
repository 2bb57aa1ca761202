"""Constructs of French press and institutional texts the scanner was not tuned on (issue 13)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from claimex import NumberKind, find_numbers

Q, P, D, ID = NumberKind.QUANTITY, NumberKind.PERCENT, NumberKind.DATE, NumberKind.IDENTIFIER


def seen(text: str) -> list[tuple[str, Decimal, NumberKind]]:
    return [(m.text, m.value, m.kind) for m in find_numbers(text)]


def amounts(text: str) -> list[str]:
    return [m.text for m in find_numbers(text) if m.kind is not ID]


@pytest.mark.parametrize(
    "text",
    [
        "Pour toute question, le service presse répond au +33 1 23 45 67 89.",
        "Contact : Commission européenne, +32 2 299 12 34 (bureau de presse).",
        "Tél. : +1-222-555-0100 ; fax : +44 20 7946 0958.",
        "Standard de la préfecture : +33 (0)4 72 61 60 60, du lundi au vendredi.",
        "Écrivez-nous ou appelez le (+33) 1 23 45 67 89.",
        "Numéro vert : 0 800 123 456, ou 0800 123 456 depuis l'étranger.",
    ],
)
def test_international_phone_numbers_are_identifiers(text: str) -> None:
    assert amounts(text) == []
    assert find_numbers(text), "the phone number is reported, as an identifier"


def test_a_leading_zero_is_never_an_amount() -> None:
    assert [(m.text, m.kind) for m in find_numbers("Le code 007, le dossier 0042.")] == [
        ("007", ID),
        ("0042", ID),
    ]
    assert [m.value for m in find_numbers("Un taux de 0,5 % et 0.5 kg.")] == [
        Decimal("0.5"),
        Decimal("0.5"),
    ]


def test_a_falling_from_to_is_a_passage() -> None:
    """Ranges go up: "de 7,4 à 7,1 %" is where a number went, even with no verb before it."""
    found = find_numbers("Le chômage a baissé de 0,3 point, de 7,4 à 7,1 %.")
    assert [(m.text, m.kind, m.unit) for m in found[1:]] == [("7,4", P, "%"), ("7,1 %", P, "%")]
    (rising,) = find_numbers("Les prix varient de 3 à 4 %.")
    assert (rising.value, rising.high, rising.kind) == (Decimal(3), Decimal(4), P)


def test_signed_grouped_amounts_are_not_phones() -> None:
    text = "Le solde s'établit à +1 234 567 emplois, soit +3 000 000 d'euros de cotisations."
    assert [(m.text, m.value, m.kind) for m in find_numbers(text)] == [
        ("+1 234 567", Decimal(1234567), Q),
        ("+3 000 000", Decimal(3000000), Q),
    ]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Le navigateur, dans sa version 1.0, est disponible depuis mardi.", "1.0"),
        ("La nouvelle norme, numérotée 2.5, remplace l'ancienne.", "2.5"),
        ("La mise à jour 3.2.1 corrige une faille de sécurité.", "3.2.1"),
        ("Le règlement (UE) 2016/679 s'applique aux collectivités.", "2016"),
        ("Effectifs 2 | 1 250 | 1 300", "2"),
    ],
)
def test_versions_codes_and_table_notes_are_identifiers(text: str, code: str) -> None:
    found = {m.text: m.kind for m in find_numbers(text)}
    assert found[code] is ID
    assert code not in amounts(text)


def test_thousands_with_dots_are_not_versions() -> None:
    assert seen("La ville compte 1.350.000 habitants.") == [("1.350.000", Decimal(1350000), Q)]


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("Le sommet se tiendra les 7, 8 et 9 janvier à Bruxelles.", ["7", "8", "9"]),
        ("La grève est prévue le 3 ou le 4 mai.", ["3", "4"]),
    ],
)
def test_enumerated_days_are_dates(text: str, days: list[str]) -> None:
    assert [(m.text, m.kind) for m in find_numbers(text)] == [(d, D) for d in days]


def test_evolution_is_two_amounts_each_with_unit_and_scale() -> None:
    found = find_numbers("La part des ménages endettés recule de 63 à 51 % en dix ans.")
    assert [(m.text, m.value, m.kind, m.unit) for m in found[:2]] == [
        ("63", Decimal(63), P, "%"),
        ("51 %", Decimal(51), P, "%"),
    ]
    found = find_numbers("La dette passe de 94,5 à 123 milliards d'euros.")
    assert [(m.text, m.value, m.unit, m.high) for m in found] == [
        ("94,5", Decimal(94_500_000_000), "euros", None),
        ("123 milliards", Decimal(123_000_000_000), "euros", None),
    ]
    found = find_numbers("Les libéraux-démocrates progressent de 51 à 62 sièges.")
    assert [(m.text, m.unit) for m in found] == [("51", "sièges"), ("62", "sièges")]


def test_points_after_a_verb_of_size_are_one_range() -> None:
    found = find_numbers("Les taux augmenteront de 3 à 4 points d'ici la fin de l'année.")
    assert [(m.text, m.value, m.high, m.unit) for m in found] == [
        ("3 à 4", Decimal(3), Decimal(4), "points")
    ]
    passage = find_numbers("Au classement, l'équipe passe de 3 à 4 points.")
    assert [m.high for m in passage] == [None, None]


def test_splits_are_amounts_fractions_are_values() -> None:
    assert seen("Le budget suit un ratio de 60/20/20 entre les trois pôles.")[:3] == [
        ("60", Decimal(60), Q),
        ("20", Decimal(20), Q),
        ("20", Decimal(20), Q),
    ]
    assert seen("Une garde alternée 50/50.") == [("50", Decimal(50), Q), ("50", Decimal(50), Q)]
    assert seen("Les 3/4 des sondés approuvent.") == [("3/4", Decimal("0.75"), Q)]
    assert {m.kind for m in find_numbers("La directive 2001/29/CE et l'arrêté 24/117.")} == {ID}


@pytest.mark.parametrize(
    ("text", "word", "value"),
    [
        ("Le prix du gaz a doublé en un an.", "doublé", 2),
        ("Les ventes atteignent le double de l'an dernier.", "double", 2),
        ("Il possédait la triple nationalité irlandaise.", "triple", 3),
        ("Le groupe veut quadrupler sa production d'ici 2030.", "quadrupler", 4),
        ("Les amendes ont été décuplées.", "décuplées", 10),
    ],
)
def test_multiplicatives(text: str, word: str, value: int) -> None:
    found = {m.text: m for m in find_numbers(text)}
    assert found[word].value == value and found[word].kind is Q and found[word].unit == "fois"


def test_words_that_only_look_multiplicative() -> None:
    assert amounts("Il a redoublé sa classe ; un doublon ; double-cliquer sur l'icône.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("La hausse atteint 10 pourcent.", [("10 pourcent", Decimal(10), P)]),
        ("Une baisse de 12 pour-cent.", [("12 pour-cent", Decimal(12), P)]),
        ("La vidéo a dépassé 10M de vues.", [("10M", Decimal(10_000_000), Q)]),
        ("Soit 2,3 k abonnés de plus.", [("2,3 k", Decimal(2300), Q)]),
        ("Une dette de 1,2 Md d'euros.", [("1,2 Md", Decimal(1_200_000_000), Q)]),
        ("Une demi-douzaine de blessés.", [("Une demi-douzaine", Decimal(6), Q)]),
        ("Une dette d'un billion d'euros.", [("un billion", Decimal(10**12), Q)]),
        ("Il a payé €1000 d'amende.", [("1000", Decimal(1000), Q)]),
        ("La tour mesure 12 m de haut.", [("12", Decimal(12), Q)]),
    ],
)
def test_abbreviations_and_misspellings(
    text: str, expected: list[tuple[str, Decimal, NumberKind]]
) -> None:
    assert seen(text) == expected


def test_currency_before_the_number_is_its_unit() -> None:
    (m,) = find_numbers("Il a payé €1000 d'amende.")
    assert m.unit == "€"


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Un salarié interrogé sur deux, soit un sur deux, déclare...", "un sur deux", "0.5"),
        ("Les candidats admis : 1 sur 3 seulement.", "1 sur 3", "0.333333"),
        ("Deux sur trois des projets ont abouti.", "Deux sur trois", "0.666667"),
        ("Un demi-million de personnes ont manifesté.", "Un demi-million", "500000"),
        ("Un budget d'un demi milliard d'euros.", "un demi milliard", "500000000"),
        ("Le trajet dure 1½ heure.", "1½", "1.5"),
        ("Le taux n'est que de ½ point.", "½", "0.5"),
        ("Les vingt-trois cinquièmes de la somme.", "vingt-trois cinquièmes", "4.6"),
        ("Il faut trois et un cinquième de litre.", "trois et un cinquième", "3.2"),
        ("Soit vingt et trois cinquièmes d'unité.", "vingt et trois cinquièmes", "20.6"),
        ("Les deux tiers de million de voix promis.", "deux tiers de million", "666666.666667"),
        ("Un quart de millions d'euros.", "Un quart de millions", "250000"),
    ],
)
def test_parts_of_a_whole(text: str, span: str, value: str) -> None:
    found = {m.text: m.value for m in find_numbers(text)}
    assert found[span] == Decimal(value)


@pytest.mark.parametrize(
    "text",
    ["Deux projets sur trois ont abouti.", "« deux électeurs sur trois ont voté contre »"],
)
def test_two_counts_over_a_whole_stay_two_numbers_as_written(text: str) -> None:
    assert [m.value for m in find_numbers(text)] == [2, 3]


def test_scores_and_more_than_a_whole_are_not_proportions() -> None:
    """ "12 sur 5" is no part of a whole; "15 sur 20" is a grade, cited by its parts."""
    assert [m.text for m in find_numbers("Le score est de 12 sur 5 manches.")] == ["12", "5"]
    assert [m.value for m in find_numbers("Sa note : 15 sur 20.")] == [15, 20]


def test_a_numeral_after_a_singular_article_is_a_day_or_a_name_never_a_count() -> None:
    """« le 8 » cannot count anything (a cardinal above one counts a plural noun): the day of a
    month, or the name of a digit; a range, a unit or a plural article keep the amount."""
    kinds = {
        "Il arrivera le 21, en fin de journée.": [("21", "date")],
        "Rendez-vous la semaine du 18.": [("18", "date")],
        "Le 8 est considéré comme un chiffre porte-bonheur.": [("8", "date")],
        "Le 75 est le département de Paris.": [("75", "identifier")],
        "Les 8 otages sont libres.": [("8", "quantity")],
        "Le taux passe du 8 au 9 %.": [("8 au 9 %", "percent")],
        "Il court le 100 mètres.": [("100", "quantity")],
        "Absent du 4 au 22 ce mois-ci.": [("4 au 22", "quantity")],
    }
    for text, expected in kinds.items():
        assert [(m.text, m.kind.value) for m in find_numbers(text)] == expected, text


def kinds_of(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.kind.value) for m in find_numbers(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the rest of a code glued to it by "-", "/" or "." is the same code
        (
            "Le décret n° 2023-1234 et la loi n° 78-17.",
            [
                ("2023", "identifier"),
                ("1234", "identifier"),
                ("78", "identifier"),
                ("17", "identifier"),
            ],
        ),
        # articles of the French codes: a letter and a point before the number
        (
            "L'article L. 1234-5 et l'article R. 4127-1 ; art. L.3121-1.",
            [
                ("1234", "identifier"),
                ("5", "identifier"),
                ("4127", "identifier"),
                ("1", "identifier"),
                ("3121", "identifier"),
                ("1", "identifier"),
            ],
        ),
        # a day, a month and a year joined by hyphens: a date, as with slashes
        ("Le 02-03-2003, il est venu.", [("02-03-2003", "date")]),
        # an address: a kind of street after the number (a cardinal would take a plural)
        (
            "Au 12 rue de la Paix, au 3 bis avenue Foch, au 8, boulevard Haussmann.",
            [("12", "identifier"), ("3", "identifier"), ("8", "identifier")],
        ),
        (
            "Il a arpenté 12 rues et 2 places ; 3 cours de maths.",
            [("12", "quantity"), ("2", "quantity"), ("3", "quantity")],
        ),
        # levels and counts from an event, networks
        (
            "Un bac+5, à J+3, la 5G ; 5 g de sel.",
            [("5", "identifier"), ("3", "identifier"), ("5", "identifier"), ("5", "quantity")],
        ),
        # tables, figures, annexes, recommendations; "article 1er" is a number, not a rank
        (
            "Voir le tableau 3, l'annexe 2 et l'article 1er.",
            [("3", "identifier"), ("2", "identifier"), ("1er", "identifier")],
        ),
        # a name right before, not across a comma
        ("50 pour le Fatah, 28 pour le Hamas.", [("50", "quantity"), ("28", "quantity")]),
        # after a point glued to a word: a reference when the word is short, else no number
        ("Voir p.12 ; fin de la phrase.16 puis rien.", [("12", "identifier")]),
    ],
)
def test_names_codes_and_addresses(text: str, expected: list[tuple[str, str]]) -> None:
    assert kinds_of(text) == expected


def test_list_items_notes_and_headings_are_labels() -> None:
    """Numbers that order a document (list items, section headings, note calls) count nothing."""
    text = (
        "II. UNE MONTÉE EN PUISSANCE\n"
        "Trois mesures phares :\n"
        "1. Le dédoublement des classes de 12 élèves.\n"
        "2) Le plafonnement à 24 élèves.\n"
        "Les agents armés (2) sont 13 870 ; les uns (12) et les autres (8) en comptent.\n"
        "(2) Agents autorisés au port d'une arme.\n"
    )
    assert kinds_of(text) == [
        ("II", "identifier"),
        ("Trois", "quantity"),
        ("1", "identifier"),
        ("12", "quantity"),
        ("2", "identifier"),
        ("24", "quantity"),
        ("2", "identifier"),
        ("13 870", "quantity"),
        ("12", "quantity"),
        ("8", "quantity"),
        ("2", "identifier"),
    ]


def test_phone_numbers_with_the_international_prefix_00() -> None:
    (phone,) = find_numbers("Europe Direct : 00 800 6 7 8 9 10 11, gratuit.")
    assert (phone.text, phone.kind) == ("00 800 6 7 8 9 10 11", ID)


def test_compound_lengths_of_time_are_one_duration() -> None:
    found = find_numbers("En 2 h 04 min 21 s, puis 1 min 12 s, puis 1 h 02 min ; à 13 h 30.")
    assert [(m.text, m.value, m.kind.value, m.unit) for m in found] == [
        ("2 h 04 min 21 s", Decimal(7461), "duration", "s"),
        ("1 min 12 s", Decimal(72), "duration", "s"),
        ("1 h 02 min", Decimal(62), "duration", "min"),
        ("13 h 30", Decimal(810), "time", ""),
    ]


@pytest.mark.parametrize(
    ("text", "span", "qualifier"),
    [
        ("Les électeurs âgés de 18 ans et plus voteront.", "18", "at_least"),
        ("Les 65 ans ou plus sont prioritaires.", "65", "at_least"),
        ("Il y a 10 enfants et plus de 30 adultes.", "10", "exact"),
        ("Il y a 10 enfants et plus de 30 adultes.", "30", "more_than"),
        ("Une participation largement au-dessus de 90 %.", "90 %", "more_than"),
        ("Un taux en dessous de 5 %.", "5 %", "less_than"),
        ("Soit près du triple de 2023.", "triple", "approximate"),
        ("Un taux égal ou supérieur à 0,5 g/l.", "0,5", "at_least"),
        ("Des hausses inférieures ou égales à 3 %.", "3 %", "at_most"),
        ("Des températures proches de 2 °C.", "2", "approximate"),
    ],
)
def test_bounds_said_around_the_number(text: str, span: str, qualifier: str) -> None:
    assert {m.text: m.qualifier.value for m in find_numbers(text)}[span] == qualifier


def test_collectives_of_time_and_their_brackets() -> None:
    found = find_numbers("Pendant une trentaine d'années (une quarantaine de balles).")
    assert [(m.text, m.kind.value) for m in found] == [
        ("une trentaine", "duration"),
        ("une quarantaine", "quantity"),
    ]
    (age,) = find_numbers("Un homme âgé d'une vingtaine d'années.")
    assert age.kind.value == "quantity"


def test_an_elided_word_is_no_unit_symbol() -> None:
    """ "2024 s'établit": an s with an apostrophe is « se », not seconds."""
    (year, _pct) = find_numbers("L'acquis pour 2024 s'établit à +0,5 %.")
    assert (year.kind.value, year.unit) == ("year", "")


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("Porter la durée de la formation initiale de 6 à 9 mois.", ["6", "9"]),
        ("Il faut faire passer le nombre de places de 300 à 450.", ["300", "450"]),
        ("Le gouvernement veut porter le budget de la défense de 2 à 3 % du PIB.", ["2", "3 %"]),
        ("Les prix varient selon les régions de 3 à 4 %.", ["3 à 4 %"]),
        ("Il porte un sac. Le prix est de 3 à 4 euros.", ["3 à 4"]),
    ],
)
def test_a_verb_of_passage_before_its_object_makes_an_evolution(
    text: str, spans: list[str]
) -> None:
    """ "porter, passer, ramener [quelque chose] de A à B" goes from A to B: two amounts."""
    assert [m.text for m in find_numbers(text)] == spans


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("Le salon ouvre du 2 au 8 décembre.", ("2 au 8", 2, 8)),
        ("Le festival se tient du 11 au 22 mai 2005.", ("11 au 22", 11, 22)),
        ("Les résultats seront publiés entre le 2 et le 6 juin.", ("2 et le 6", 2, 6)),
    ],
)
def test_a_period_inside_a_month_is_one_range_of_days(
    text: str, period: tuple[str, int, int]
) -> None:
    """As the gold has it: one mention from the low day to the high one. A period that crosses
    a month is two dates, each with its month; a list of days is a list."""
    (days, *_rest) = find_numbers(text)
    span, low, high = period
    assert (days.text, days.value, days.high) == (span, Decimal(low), Decimal(high))
    assert (days.kind, days.qualifier.value) == (D, "range")
    crossing = find_numbers("Fermé du 31 mars au 2 avril, et les 27 et 28 avril.")
    assert [(m.text, m.kind) for m in crossing] == [("31", D), ("2", D), ("27", D), ("28", D)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a department's number in brackets after a place; a count with its noun stays a count
        (
            "Il a fait 24,1 °C à Dax (40) et dans le Var (83) ; l'Occitanie (12 cas).",
            [("24,1", "quantity"), ("40", "identifier"), ("83", "identifier"), ("12", "quantity")],
        ),
        # roads, exits and weeks are named by their number
        (
            "Sur l'A 43 puis la D 906 et la D 1006, sortie 21, en semaine 12 ; A 20 ans il part.",
            [
                ("43", "identifier"),
                ("906", "identifier"),
                ("1006", "identifier"),
                ("21", "identifier"),
                ("12", "identifier"),
                ("20", "quantity"),
            ],
        ),
        # a year written in words after a year's cue; not before a counted noun
        (
            "L'an deux mille vingt-quatre ; en deux mille endroits.",
            [("deux mille vingt-quatre", "year"), ("deux mille", "quantity")],
        ),
        # « neuf » is new after « le, du, à, tout »; nine before what it counts
        (
            "Le marché du neuf, remis à neuf, neuf mois, de neuf élus.",
            [("neuf", "duration"), ("neuf", "quantity")],
        ),
        ("Soit bac +3, ou bac+5.", [("+3", "identifier"), ("5", "identifier")]),
    ],
)
def test_names_of_places_roads_and_levels(text: str, expected: list[tuple[str, str]]) -> None:
    assert kinds_of(text) == expected


def test_an_en_dash_glued_to_a_number_is_its_minus_sign() -> None:
    found = find_numbers("Il a fait –7,3 °C ; un solde de –9,9 Md€ ; 2004–2005 ; – 7 morts.")
    assert [(m.text, m.value) for m in found] == [
        ("–7,3", Decimal("-7.3")),
        ("–9,9 Md", Decimal("-9900000000")),
        ("2004–2005", Decimal(2004)),
        ("7", Decimal(7)),
    ]


def test_an_interval_in_brackets_is_one_range() -> None:
    found = find_numbers("Soit 142 cas (IC 95 % : [118 ; 166]) ; voir la note [3].")
    assert [(m.text, m.value, m.high, m.kind.value) for m in found[2:]] == [
        ("118 ; 166", Decimal(118), Decimal(166), "quantity"),
        ("3", Decimal(3), None, "identifier"),
    ]


@pytest.mark.parametrize(
    ("text", "span", "qualifier"),
    [
        ("Les vents ont atteint 90 km/h environ.", "90", "approximate"),
        ("La dépense progresse de 0,4 % par an au plus.", "0,4 %", "at_most"),
        ("Ils n'ont documenté qu'un tiers environ.", "un tiers", "approximate"),
        ("Il a 18 ans, environ 40 % des voix.", "18", "exact"),
    ],
)
def test_a_bound_after_the_unit(text: str, span: str, qualifier: str) -> None:
    assert {m.text: m.qualifier.value for m in find_numbers(text)}[span] == qualifier


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("L'âge médian des cas graves est de 71 ans.", "quantity"),
        ("La vaccination chez les moins de 2 ans.", "quantity"),
        ("La couverture atteint 53 % chez les 65 ans et plus.", "quantity"),
        ("Une candidate de 15 ans a eu son bac.", "quantity"),
        ("Tony Blair, 52 ans, élu en 1997.", "quantity"),
        ("Le coureur de 26 ans a abandonné.", "quantity"),
        ("Un abonnement réservé aux moins de 26 ans.", "quantity"),
        ("L'âge moyen du parc, sous les 7 ans.", "quantity"),
        ("Un retard de 3 ans ; Paris, 3 ans plus tard.", "duration"),
        ("Il y a 3 ans, il partait.", "duration"),
        ("Un contrat de 3 ans.", "duration"),
    ],
)
def test_years_of_age_are_a_quantity(text: str, kind: str) -> None:
    assert {m.kind.value for m in find_numbers(text) if m.unit == "ans"} == {kind}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what a bracket opens is read as if the bracket were not there
        (
            "Le projet de loi (n° 324), deux hélicoptères (Dragon 11).",
            [("324", "identifier"), ("deux", "quantity"), ("11", "identifier")],
        ),
        ("Les voisins de l'Hérault (34) sont placés en vigilance.", [("34", "identifier")]),
        # labels of a budget and of a text's points
        (
            "Les crédits du programme 152 ; la mise en œuvre des points 5 et 6.",
            [("152", "identifier"), ("5", "identifier"), ("6", "identifier")],
        ),
        # postal codes, in an address line or before Cedex; a count before a plural name stays one
        (
            "1, place Adrien Zeller – 67070 Strasbourg Cedex. 25000 Britanniques vivent ici.",
            [("1", "identifier"), ("67070", "identifier"), ("25000", "quantity")],
        ),
        # a score after a name is two counts, not a model number
        (
            "En battant Montpellier 33-30 ; le Boeing 737-800.",
            [("33", "quantity"), ("30", "quantity"), ("737", "identifier"), ("800", "identifier")],
        ),
    ],
)
def test_brackets_budgets_addresses_and_scores(text: str, expected: list[tuple[str, str]]) -> None:
    assert kinds_of(text) == expected


def test_a_scale_after_en_is_the_unit_of_a_table_not_an_amount() -> None:
    assert kinds_of("CRÉDITS DU PROGRAMME (en millions d'euros) : des millions de personnes.") == [
        ("millions", "quantity")
    ]


def test_sprint_times_and_hours_with_minutes() -> None:
    found = find_numbers("En 9 s 83, puis 9 min 07 s 42 ; en 1 h 52 de jeu ; pendant 2 h.")
    assert [(m.text, m.value, m.unit) for m in found] == [
        ("9 s 83", Decimal("9.83"), "s"),
        ("9 min 07 s 42", Decimal("547.42"), "s"),
        ("1 h 52", Decimal(112), "min"),
        ("2 h", Decimal(2), "h"),
    ]


def test_a_revision_from_one_figure_to_another_is_an_evolution() -> None:
    assert [m.text for m in find_numbers("Le taux a été révisé de 2,4 % à 2,5 %.")] == [
        "2,4 %",
        "2,5 %",
    ]


def test_a_written_minus_stays_in_the_value_a_plus_does_not() -> None:
    """A fall written "(-1,8 %)" is -1.8, as "-5 °C" is -5; "+4 %" is 4, as the gold's +16,4%."""
    found = find_numbers("Le marché recule (-1,8 %), les ventes (+4 %), –2,4 % ; il fait -5 °C.")
    assert [(m.text, m.value) for m in found] == [
        ("-1,8 %", Decimal("-1.8")),
        ("+4 %", Decimal(4)),
        ("–2,4 %", Decimal("-2.4")),
        ("-5", Decimal(-5)),
    ]


def test_a_range_of_signed_percents_keeps_both_signs() -> None:
    found = find_numbers("une croissance comprise entre -0,2 % et 1,9 %, puis de -3 % à -1 %")
    assert [(m.value, m.high) for m in found] == [
        (Decimal("-0.2"), Decimal("1.9")),
        (Decimal(-3), Decimal(-1)),
    ]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("La SNCF prévoyait un TGV sur deux.", "un TGV sur deux", "0.5"),
        ("Près d'une personne âgée sur cinq.", "une personne âgée sur cinq", "0.2"),
        ("Un sur dix, et 1 cas sur 10.", "un sur dix", "0.1"),
    ],
)
def test_one_of_so_many_with_its_noun_is_a_part_of_a_whole(
    text: str, span: str, value: str
) -> None:
    assert {m.text.lower(): m.value for m in find_numbers(text)}[span.lower()] == Decimal(value)
    assert "1" in [m.text for m in find_numbers("Soit 1 cas sur 10.")]  # digits stay two numbers


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("Le texte relève de 50 à 100 salariés le seuil.", ["50", "100"]),
        ("Reporter l'âge légal de départ de 62 à 64 ans.", ["62", "64"]),
        (
            "La Cour relève que l'augmentation des péages, de 3,6 % à 8 % selon les activités.",
            ["3,6 % à 8 %"],
        ),
        (
            "Ils passent de 50 000 ETP en 2019 à 50 950 ETP en 2023.",
            ["50 000", "2019", "50 950", "2023"],
        ),
        ("Un effort de 1 à 1,5 Md€ par an.", ["1 à 1,5 Md"]),
    ],
)
def test_evolutions_ranges_and_their_scale(text: str, spans: list[str]) -> None:
    assert [m.text for m in find_numbers(text)] == spans


def test_a_range_takes_the_scale_written_after_its_high_end() -> None:
    (effort,) = find_numbers("Un effort de 1 à 1,5 Md€ par an.")
    assert (effort.value, effort.high) == (Decimal(10**9), Decimal(15 * 10**8))


def test_listed_labels_and_the_noun_after_an_adjective() -> None:
    assert kinds_of(
        "Seules les lignes 1 et 14 ; les articles 3, 4 et 7 ; le Boeing 787 et 20 autres avions."
    ) == [
        ("1", "identifier"),
        ("14", "identifier"),
        ("3", "identifier"),
        ("4", "identifier"),
        ("7", "identifier"),
        ("787", "identifier"),
        ("20", "quantity"),
    ]
    found = find_numbers("Ces cinq dernières années, deux autres personnes.")
    assert [(m.text, m.kind.value, m.unit) for m in found] == [
        ("cinq", "duration", "années"),
        ("deux", "quantity", "personnes"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # labels of a kind, a stage, a level
        (
            "Un diabète de type 2, un essai de phase 3, une vigilance de niveau 4.",
            [("2", "identifier"), ("3", "identifier"), ("4", "identifier")],
        ),
        # a noun of the same form as a passage verb, after a determiner, is no verb
        (
            "Le Shahed a une portée de 1 800 à 2 000 km ; le délai est porté de 6 à 9 mois.",
            [("1 800 à 2 000", "quantity"), ("6", "duration"), ("9", "duration")],
        ),
        # avoir right before the years (hedged or not) makes an age; the verb further back does not
        (
            "Les casernes ont plus de 50 ans ; ils ont passé plus de deux ans ; il a vécu 20 ans là.",
            [("50", "quantity"), ("deux", "duration"), ("20", "duration")],
        ),
        ("Le chômage reste stable chez les 25-49 ans.", [("25-49", "quantity")]),
    ],
)
def test_labels_nouns_and_ages_of_the_fifth_set(text: str, expected: list[tuple[str, str]]) -> None:
    assert kinds_of(text) == expected


@pytest.mark.parametrize(
    ("text", "qualifier"), [("Soit p < 0,001.", "less_than"), ("Un IMC ≥ 27.", "at_least")]
)
def test_comparison_signs_are_bounds(text: str, qualifier: str) -> None:
    (m,) = find_numbers(text)
    assert m.qualifier.value == qualifier


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the start of an evolution shares the end's scale only when written at that scale
        ("La dette passe de 94,5 à 123 Md€.", [Decimal("94500000000"), Decimal(123 * 10**9)]),
        ("Le budget passe de 800 000 à 1,2 million.", [Decimal(800000), Decimal(1200000)]),
        ("Il passe de 15 000 à 20 millions d'abonnés.", [Decimal(15000), Decimal(20 * 10**6)]),
    ],
)
def test_an_evolution_shares_the_scale_its_start_is_written_at(
    text: str, expected: list[Decimal]
) -> None:
    assert [m.value for m in find_numbers(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le Mirage 2000-5 vole encore.", [("2000", "identifier"), ("5", "identifier")]),
        ("De 2000-5 000 personnes.", [("2000-5 000", "quantity")]),
        ("La campagne 2024/25 et la saison 2019-20.", [("2024/25", "year"), ("2019-20", "year")]),
        ("La guerre de 1914-18.", [("1914-18", "year")]),
    ],
)
def test_model_variants_and_years_abbreviated_to_two_digits(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert kinds_of(text) == expected


def test_a_season_is_a_range_of_two_years() -> None:
    (season,) = find_numbers("la saison 2023-24")
    assert (season.value, season.high, season.qualifier.value) == (
        Decimal(2023),
        Decimal(2024),
        "range",
    )


@pytest.mark.parametrize(
    ("text", "unit", "kind"),
    [
        ("18 mois de prison, dont 6 avec sursis.", "mois", "duration"),
        ("Il emploie 40 salariés dont 12 à temps partiel.", "salariés", "quantity"),
        ("Il emploie 40 salariés. Dont 12 à temps partiel.", "", "quantity"),  # another sentence
        ("Il y a 3 candidats, dont 12 à Paris.", "", "quantity"),  # a part is not the larger
    ],
)
def test_after_dont_a_number_without_noun_counts_the_noun_before(
    text: str, unit: str, kind: str
) -> None:
    part = find_numbers(text)[-1]
    assert (part.unit, part.kind.value) == (unit, kind)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Un appartement neuf de 80 m².", [("80", "quantity")]),
        ("Son vélo neuf a coûté 900 euros.", [("900", "quantity")]),
        (
            "Ils sont neuf ; le club neuf fois champion.",
            [("neuf", "quantity"), ("neuf", "quantity")],
        ),
    ],
)
def test_neuf_after_a_determined_noun_is_new(text: str, expected: list[tuple[str, str]]) -> None:
    assert kinds_of(text) == expected


def test_time_out_of_so_much_time() -> None:
    found = find_numbers("Ouvert 24h/24 et 7 jours sur 7 ; présent 3 j sur 5.")
    assert [(m.text, m.kind.value, m.unit) for m in found] == [
        ("24", "duration", "h"),
        ("24", "duration", "h"),
        ("7", "duration", "jours"),
        ("7", "duration", "jours"),
        ("3", "duration", "j"),
        ("5", "duration", "j"),
    ]


@pytest.mark.parametrize(
    ("text", "unit", "kind"),
    [
        ("Il y a environ 2,8 milliards d'années.", "années", "duration"),
        ("Pendant deux millions d'années.", "années", "duration"),
        ("Trois millions de personnes.", "personnes", "quantity"),
        ("Elle a presque 18 ans.", "ans", "quantity"),
    ],
)
def test_a_spelled_scale_takes_its_noun_and_il_y_a_is_a_time_ago(
    text: str, unit: str, kind: str
) -> None:
    (m,) = find_numbers(text)
    assert (m.unit, m.kind.value) == (unit, kind)


# ---- the sixth blind set: francophone, wire and results, legal and technical, conflict ----


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Swiss thousands with an apostrophe, and a currency written first
        (
            "Environ 2'400 exploitations ; fr. 1'250 par hectare.",
            [(Decimal(2400), "exploitations"), (Decimal(1250), "fr.")],
        ),
        ("Plus de CHF 12 milliards.", [(Decimal(12 * 10**9), "CHF")]),
        # Québec's billions of dollars; the currency fused with the scale is the unit
        (
            "Un déficit de 13,6 G$ et 12 M€.",
            [(Decimal(136 * 10**8), "$"), (Decimal(12 * 10**6), "€")],
        ),
    ],
)
def test_amounts_as_switzerland_quebec_and_west_africa_write_them(
    text: str, expected: list[tuple[Decimal, str]]
) -> None:
    assert [(m.value, m.unit) for m in find_numbers(text)] == expected


def test_a_bound_before_a_currency_code_bounds_the_number() -> None:
    (m,) = find_numbers("des investissements de plus de CHF 12 milliards")
    assert (m.qualifier.value, m.text) == ("more_than", "12 milliards")


@pytest.mark.parametrize(
    "text",
    [
        "Tél. : 04 50 36 12 80",
        "SIRET : 200 041 762 00015",
        "code EAN 3 701245 880183",
        "Numéros de lot concernés : 2403118, 2404207 et 2406031",
        "N° parquet : 23145000872",
        "Code CPV principal : 45214200-2",
        "RCS Lyon 812 345 678",
    ],
)
def test_codes_of_registers_lots_and_phones_are_no_amounts(text: str) -> None:
    assert {m.kind.value for m in find_numbers(text)} == {"identifier"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Le montant est fixé à :\n1° 4 000 euros ;\n2° 3 000 euros. Aux 1° et 2°, rien.",
            ["identifier", "quantity", "identifier", "quantity", "identifier", "identifier"],
        ),
        ("Un angle de 45° ; 20° et 25°.", ["quantity", "quantity", "quantity"]),
        (
            "Classement : 1. FC Rivemont, 49 pts ; 2. Stade Vallerois, 46 pts.",
            ["ordinal", "quantity", "ordinal", "quantity"],
        ),
        ("Nombre de morts : 12. Le préfet a parlé.", ["quantity"]),
    ],
)
def test_legal_items_and_ranks_run_into_a_line(text: str, expected: list[str]) -> None:
    assert [m.kind.value for m in find_numbers(text)] == expected


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        # a fall cannot go up: the size of the fall
        ("La consommation devrait baisser de 40 à 45 %.", ["40 à 45 %"]),
        ("des températures en baisse (de −1 à 4 °C le matin)", ["−1 à 4"]),
        # a noun that begins like a verb of change
        ("majorée d'un montant de 100 à 300 francs", ["100 à 300"]),
        ("une augmentation de leurs crédits de 15 à 20 %.", ["15 à 20 %"]),
        # "relève que": to note, not to raise
        ("La Cour relève que la hausse, de 3,6 % à 8 %, pèse.", ["3,6 % à 8 %"]),
        ("relever l'âge légal de départ de 64 à 66 ans", ["64", "66"]),
        ("la limite remontera de 600 à 1 500 mètres", ["600", "1 500"]),
        # the sets of a tennis match; "a" is the verb, not a misspelt "à"
        ("Ferrand bat Ibáñez 6-4, 3-6, 7-6.", ["6", "4", "3", "6", "7", "6"]),
        ("Près d'un habitant sur huit a 75 ans ou plus.", ["un habitant sur huit", "75"]),
        # clock times from one to the other
        ("ouvert de 6 h 30 à 9 h 30 ; entre 10 h et 14 h.", ["6 h 30 à 9 h 30", "10 h et 14 h"]),
        ("deux TER sur cinq", ["deux", "cinq"]),  # two counts, as written (2026-11-28)
    ],
)
def test_ranges_evolutions_scores_and_parts_of_the_sixth_set(text: str, spans: list[str]) -> None:
    assert [m.text for m in find_numbers(text)] == spans


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("les enfants de 6 à 59 mois", "quantity"),
        ("Les 18-24 ans sont les plus sévères.", "quantity"),
        ("La maire sortante (divers droite), 58 ans, est réélue.", "quantity"),
        ("la liste conduite par Thomas Riva, 41 ans.", "quantity"),
        ("les 30 ans de la Constitution", "duration"),
        ("Vik à 18 s du vainqueur", "duration"),
        ("Dans les 70s", "quantity"),
    ],
)
def test_ages_of_infants_and_classes_and_seconds(text: str, kind: str) -> None:
    (m,) = find_numbers(text)
    assert m.kind.value == kind


def test_a_feat_is_no_factor_and_pres_des_is_approximate() -> None:
    assert find_numbers("Diallo a signé un doublé.") == []
    (m,) = find_numbers("Le chiffre a doublé.")
    assert m.value == 2
    (m,) = find_numbers("Près des deux tiers des fonds.")
    assert m.qualifier.value == "approximate"


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Un prêt à taux zéro, la tolérance zéro.", []),
        ("Il reste zéro place.", ["zéro"]),
        ("Le score est de zéro.", ["zéro"]),
    ],
)
def test_zero_after_its_noun_is_an_adjective(text: str, found: list[str]) -> None:
    assert [m.text for m in find_numbers(text)] == found


# ---- the seventh blind set: economy, science and health, sport and culture, public sector ----


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Kiprotich a gagné en 2:05:12.", Decimal(7512)),
        ('Il court en 10"02.', Decimal("10.02")),
        ("Il finit à 1'12''.", Decimal(72)),
        ("Elle signe 1'44\"62.", Decimal("104.62")),
    ],
)
def test_stopwatch_times_are_durations_in_seconds(text: str, value: Decimal) -> None:
    (m,) = find_numbers(text)
    assert (m.kind.value, m.value, m.unit) == ("duration", value, "s")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("une masse de 4 × 10^8 masses solaires", Decimal(4 * 10**8)),
        ("jusqu'à 10 puissance 9 étoiles", Decimal(10**9)),
        ("soit 2,5 × 10⁻³ mol", Decimal("0.0025")),
        ("environ 10⁶ cellules", Decimal(10**6)),
    ],
)
def test_scientific_notation_is_one_number(text: str, value: Decimal) -> None:
    (m,) = find_numbers(text)
    assert m.value == value


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("Mi-temps : 10-15.", ["10", "15"]),
        ("Racing 92 – Stade français : 27-30", ["92", "27", "30"]),
        ("une défaite face au Stade français (27-30).", ["27", "30"]),
        ("STADE TOULOUSAIN 31 – 24 STADE ROCHELAIS", ["31", "24"]),
        ("(IC 95 % : 165-209)", ["95 %", "165-209"]),
        ("les 18-24 ans (20-25)", ["18-24", "20-25"]),
        ("Onze régions sur 13", ["Onze", "13"]),
    ],
)
def test_scores_are_two_counts_and_intervals_stay_ranges(text: str, spans: list[str]) -> None:
    assert [m.text for m in find_numbers(text)] == spans


def test_a_table_row_starts_with_its_rank_and_counts_after_a_name() -> None:
    found = find_numbers("Rang Pays Or Argent Bronze Total\n1 Norvège 17 12 10 39\n")
    assert [m.kind.value for m in found] == ["ordinal"] + ["quantity"] * 4


@pytest.mark.parametrize(
    "text", ["dans le top 5", "le cycle 4 du télescope", "les départements 01 à 19"]
)
def test_more_labels(text: str) -> None:
    assert {m.kind.value for m in find_numbers(text)} == {"identifier"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Elle obtient 16/20 à l'oral.", [("16/20", "quantity", "16", "/20")]),
        ("une moyenne d'au moins 8/20", [("8/20", "quantity", "8", "/20")]),
        (
            "la directive 93/20 du Conseil",
            [("93", "identifier", "93", ""), ("20", "identifier", "20", "")],
        ),
        ("le 15/20 mars", [("15", "identifier", "15", ""), ("20", "identifier", "20", "")]),
    ],
)
def test_a_mark_out_of_twenty_is_the_mark(
    text: str, expected: list[tuple[str, str, str, str]]
) -> None:
    found = [(m.text, m.kind.value, str(m.value), m.unit) for m in find_numbers(text)]
    assert found == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("en 9 s 83, à 4 centièmes de son record", ("4", "duration", "4", "centièmes")),
        ("2 dixièmes de seconde", ("2", "duration", "2", "dixièmes")),
        ("3 dixièmes du budget", ("3 dixièmes", "quantity", "0.3", "")),
        ("trois centièmes", ("trois centièmes", "quantity", "0.03", "")),
    ],
)
def test_digits_before_hundredths_count_parts_of_a_second(
    text: str, expected: tuple[str, str, str, str]
) -> None:
    found = [(m.text, m.kind.value, str(m.value), m.unit) for m in find_numbers(text)]
    assert found[-1] == expected
    assert "ordinal" not in {m.kind.value for m in find_numbers(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("le taux recule d'un demi-point", ("un demi-point", "quantity", "0.5", "point")),
        ("une demi-heure plus tard", ("une demi-heure", "duration", "0.5", "heure")),
        ("plafonné par demi-part", ("demi-part", "quantity", "0.5", "part")),
        ("un point et demi", ("un point et demi", "quantity", "1.5", "point")),
    ],
)
def test_a_half_of_a_noun_is_half_of_it(text: str, expected: tuple[str, str, str, str]) -> None:
    (m,) = find_numbers(text)
    assert (m.text, m.kind.value, str(m.value), m.unit) == expected


@pytest.mark.parametrize("text", ["un demi-tour", "la demi-finale", "au demi-jour"])
def test_nouns_made_with_demi_are_no_halves(text: str) -> None:
    assert find_numbers(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "le résumé du produit (rubriques 4.2, 4.4 et 4.8)",
        "un médecin de secteur 1",
        "selon le considérant 23 de la directive",
        "Vigilance orange : Aurance aval (tronçon 3)",
        "Classée en zone 1 (aléa le plus fort)",
        "les crédits de l'action 9 « Patrimoine »",
        "Bordeaux Caudéran (33200)",
        "Étude de Maître Lacoste, 14 cours de l'Intendance, 33000 Bordeaux",
        "Information médicale : 0 800 47 21 90 (appel gratuit)",
    ],
)
def test_labels_postal_codes_and_free_phone_numbers_are_no_amounts(text: str) -> None:
    assert not [m.text for m in find_numbers(text) if m.kind.value in ("quantity", "percent")][1:]
    last = find_numbers(text)[-1]
    assert last.kind.value == "identifier"


def test_a_count_after_a_comma_is_no_postal_code() -> None:
    (m,) = find_numbers("Ils étaient, selon la police, 15000 Parisiens")
    assert m.kind.value == "quantity"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("(1'08''45), la meilleure manche", Decimal("68.45")),
        ("Temps total : 3'28''4 sur 2 875 mètres", Decimal("208.4")),
        ("à 0''09 de Baumgartner", Decimal("0.09")),
        ("2. Nina Baumgartner (SUI) +0''12", Decimal("0.12")),
        ("2. Rasmus Ostermann (DAN) +0'38''", Decimal(38)),
        ("le temps de référence de 74 j 3 h 35 min 46 s", Decimal(6406546)),
    ],
)
def test_more_stopwatch_times_are_one_duration_in_seconds(text: str, value: Decimal) -> None:
    found = find_numbers(text)
    (m,) = [m for m in found if m.kind.value == "duration"]
    assert (m.value, m.unit) == (value, "s")
    assert not [n for n in found if n is not m and n.start < m.end and m.start < n.end]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("« On le suivait. À 23 ans, il a déjà inscrit 41 buts.", "23"),
        ("le grimpeur savoyard de 26 ans a franchi la ligne", "26"),
        ("Les agriculteurs de moins de 40 ans, installés depuis peu", "40"),
        ("et ceux de 17 à 18 ans 10 % de moins", "17 à 18"),
        ("« J'avais 19 ans et demi. »", "19 ans et demi"),
        ("des sépultures vieilles d'environ 3 500 ans", "3 500"),
    ],
)
def test_more_ages(text: str, expected: str) -> None:
    (m,) = [m for m in find_numbers(text) if m.text == expected]
    assert m.kind.value == "quantity"


@pytest.mark.parametrize(
    "text",
    ["condamné à 10 ans, il fait appel", "il y a eu 20 ans en mai", "des contrats signés de 3 ans"],
)
def test_terms_stay_durations(text: str) -> None:
    (m,) = find_numbers(text)
    assert m.kind.value == "duration"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("coûtent deux fois et demie moins cher", [("deux fois et demie", "2.5")]),
        ("for €1.2 billion »", [("1.2 billion", "1200000000")]),
        ("un billion de dollars", [("un billion", "1000000000000")]),
        ("seuls trois sur dix s'installent", [("trois sur dix", "0.3")]),
        ("soit 28 €, moins 2 € de participation", [("28", "28"), ("2", "2")]),
        ("Consommation : 4,6 l/100 km", [("4,6", "4.6")]),
        ("L'accélération de 0 à 100 km/h", [("0", "0"), ("100", "100")]),
        ("les reprises de 80 à 120 km/h", [("80", "80"), ("120", "120")]),
        ("le bateau mesure 18,28 mètres", [("18,28", "18.28")]),
    ],
)
def test_amounts_of_the_eighth_set(text: str, expected: list[tuple[str, str]]) -> None:
    found = find_numbers(text)
    assert [(m.text, str(m.value)) for m in found] == expected
    assert {m.kind.value for m in found} == {"quantity"}


@pytest.mark.parametrize(
    "text",
    [
        "Arrivée officielle : 12 – 7 – 3 – 9 – 10",
        "le pacte [COM(2025) 85 final]",
        "publiée au JO L 58",
        "une formation de niveau bac + 3",
        "production 2024 en milliers de tonnes",
    ],
)
def test_draws_eu_references_levels_and_headings_are_no_amounts(text: str) -> None:
    assert not [m for m in find_numbers(text) if m.kind.value in ("quantity", "percent")]


def test_one_digit_named_once_is_still_a_count_later() -> None:
    found = find_numbers("LIGUE 1 – 22e JOURNÉE\n\nIl égalise (1-1) avant la pause.")
    assert [m.kind.value for m in found] == ["identifier", "ordinal", "quantity", "quantity"]


@pytest.mark.parametrize(
    "text",
    [
        "Les datations par le carbone 14 réalisées",
        "Partie avec le dossard 7, Mercadier",
        "La sépulture 112, la plus riche",
        "le panier « 100 % Santé » garantit",
        "enregistrée en 8K ou en 4K",
    ],
)
def test_more_labels_of_the_eighth_set(text: str) -> None:
    assert {m.kind.value for m in find_numbers(text)} == {"identifier"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "a reculé de 812 à 655 millions d'euros",
            [("812", "812000000"), ("655 millions", "655000000")],
        ),
        ("du boulevard Jean-Moulin 96 µg/m³", [("96", "96")]),
        ("la Hybrid 145 atteint 145 ch", [("145", "145")]),
        (
            "Valmont-Centre | 61 | 47\nBd Jean-Moulin | 96",
            [("61", "61"), ("47", "47"), ("96", "96")],
        ),
        ("un budget de 40K €", [("40K", "40000")]),
    ],
)
def test_amounts_beside_names_codes_and_scales(text: str, expected: list[tuple[str, str]]) -> None:
    found = [(m.text, str(m.value)) for m in find_numbers(text) if m.kind.value == "quantity"]
    assert found == expected


def test_a_unit_is_read_on_the_number_s_line() -> None:
    found = find_numbers("Exprimés : 10 842\nSource : préfecture\nTotal : 631\nGardes")
    assert [(m.text, m.unit) for m in found] == [("10 842", ""), ("631", "")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("anticipent une à deux baisses", ("une à deux", "1", "2")),
        ("un délai d'un à trois ans", ("un à trois", "1", "3")),
        ("entre un à deux millions", ("un à deux millions", "1000000", "2000000")),
    ],
)
def test_un_as_the_low_end_of_a_range_is_a_numeral(
    text: str, expected: tuple[str, str, str]
) -> None:
    (m,) = find_numbers(text)
    assert (m.text, str(m.value), str(m.high)) == expected


def test_l_un_is_a_pronoun() -> None:
    (m,) = find_numbers("l'un à 2 km de l'autre")
    assert (m.text, m.high) == ("2", None)


@pytest.mark.parametrize(
    "text",
    [
        "un artisan plaquiste de 52 ans",
        "Lefebvre, le PDG de 58 ans, arrivé",
        "la présidente de 61 ans",
    ],
)
def test_people_named_by_their_trade_have_an_age(text: str) -> None:
    (m,) = find_numbers(text)
    assert m.kind.value == "quantity"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("un investissement de 10 ans", "duration"),
        ("sur la route départementale 178, entre", "identifier"),
        ("l'enrobé du lotissement (tranche 2)", "identifier"),
        ("des comptes 2024 supérieurs aux attentes", "year"),
    ],
)
def test_terms_roads_and_accounts_of_a_year(text: str, kind: str) -> None:
    (m,) = find_numbers(text)
    assert m.kind.value == kind


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("47 % portent sur des mineurs âgés de 15 à 17 ans", "15 à 17"),
        ("portés au niveau de la brigade, de 3 000 à 5 000 soldats", "3 000 à 5 000"),
        ("peuvent être révisées de 1 à 2 points", "1 à 2"),
        ("le taux a varié de 24 % à 88 %", "24 % à 88 %"),
    ],
)
def test_ranges_that_are_no_evolutions(text: str, expected: str) -> None:
    assert [m.text for m in find_numbers(text) if m.high is not None] == [expected]


@pytest.mark.parametrize(
    ("text", "expected", "kind"),
    [
        ("| 18-29 ans : 17,6 |", "18-29", "quantity"),
        ("pendant 15-20 ans", "15-20", "duration"),
        ("Les cas sont âgés de 8 mois", "8", "quantity"),
        ("Son copilote, 31 ans, en comptait", "31", "quantity"),
        ("La durée, 10 ans, est fixée", "10", "duration"),
    ],
)
def test_ages_in_classes_and_appositions(text: str, expected: str, kind: str) -> None:
    (m,) = [m for m in find_numbers(text) if m.text == expected]
    assert m.kind.value == kind


@pytest.mark.parametrize(
    "text",
    [
        "Contact presse : ☎ (+352) 4303 3355.",
        "les niveaux 5 à 7",
        "depuis la semaine épidémiologique 40",
        "des articles 247, § 2",
    ],
)
def test_phones_levels_weeks_and_paragraphs_are_labels(text: str) -> None:
    assert {m.kind.value for m in find_numbers(text)} == {"identifier"}


def test_each_tenth_is_a_fraction() -> None:
    (m,) = find_numbers("« Chaque dixième de degré compte »")
    assert (m.value, m.unit) == (Decimal("0.1"), "degré")


@pytest.mark.parametrize(
    ("text", "expected", "kind"),
    [
        ("dont deux bébés de moins de 6 mois", "6", "quantity"),
        ("et Aïko Mori, 67 ans\n", "67", "quantity"),
        ("« Certains collègues ont plus de 30 ans de maison »", "30", "duration"),
        ("Un homme de 30 ans d'origine algérienne", "30", "quantity"),
        ("avait requis six ans, dont quatre ferme", "quatre", "duration"),
    ],
)
def test_ages_and_terms_of_the_tenth_set(text: str, expected: str, kind: str) -> None:
    (m,) = [m for m in find_numbers(text) if m.text == expected]
    assert m.kind.value == kind


def test_higher_by_a_range_is_one_range() -> None:
    (m,) = find_numbers("les prix sont plus élevés de 9 à 16 % qu'en Hexagone")
    assert (m.text, m.high) == ("9 à 16 %", Decimal(16))


@pytest.mark.parametrize(
    "text",
    ["tél. : +352 4379-83344", "Tél. : +352 4301 33444", "tél. +32 2 28 31000", "de sérotype 3"],
)
def test_international_phones_and_serotypes_are_labels(text: str) -> None:
    assert {m.kind.value for m in find_numbers(text)} == {"identifier"}


@pytest.mark.parametrize("text", ["une hausse de +12 000 000 €", "+2 000 emplois", "+3 points"])
def test_signed_amounts_are_no_phones(text: str) -> None:
    assert {m.kind.value for m in find_numbers(text)} == {"quantity"}


@pytest.mark.parametrize(
    ("text", "expected", "kind", "value"),
    [
        ("La séance est ouverte à vingt et une heures trente.", "vingt et une heures trente",
         "time", "1290"),
        ("La séance est levée à une heure dix.", "une heure dix", "time", "70"),
        ("pendant deux heures trente", "deux heures trente", "duration", "150"),
        ("une heure trente de route", "une heure trente", "duration", "90"),
        ("environ 24 h 30 hebdomadaires", "24 h 30", "duration", "1470"),
    ],
)  # fmt: skip
def test_minutes_after_the_hour(text: str, expected: str, kind: str, value: str) -> None:
    (m,) = find_numbers(text)
    assert (m.text, m.kind.value, str(m.value)) == (expected, kind, value)


@pytest.mark.parametrize(
    "text", ["amendements identiques nos 87, 412 et 955", "publiée au JO le 11 février, page : 824"]
)
def test_numbers_of_amendments_and_pages_are_labels(text: str) -> None:
    assert [m.kind.value for m in find_numbers(text)][-1] == "identifier"
    assert "quantity" not in {m.kind.value for m in find_numbers(text)}


def test_our_children_are_counted_and_the_third_is_a_fraction() -> None:
    assert find_numbers("nos 3 enfants")[0].kind.value == "quantity"
    (m,) = find_numbers("soit près du tiers de la production")
    assert m.value == Decimal("0.333333")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("L'article 2 fixe à 64 ans l'âge légal", "64"),
        ("à la fin de leurs 16, 18, 20 ou 21 ans", "21"),
        ("pourront partir respectivement à 58, 60, 62 ou 63 ans", "63"),
        ("la part des moins de 15 ans", "15"),
    ],
)
def test_ages_of_pension_and_population_texts(text: str, expected: str) -> None:
    (m,) = [m for m in find_numbers(text) if m.text == expected]
    assert m.kind.value == "quantity"


def test_a_career_of_years_and_plus_or_minus() -> None:
    assert find_numbers("ses 20 ans de carrière")[0].kind.value == "duration"
    (m,) = find_numbers("une tolérance de plus ou moins 1 point")
    assert m.value == 1


@pytest.mark.parametrize(
    "text",
    [
        "réunions des mardi 3, mercredi 4 et jeudi 5 février",
        "le SAS, joignable au 116 117",
        "accepte les recommandations 1 et 3",
    ],
)
def test_weekday_lists_numbers_to_call_and_recommendations(text: str) -> None:
    assert "quantity" not in {m.kind.value for m in find_numbers(text)}


@pytest.mark.parametrize(
    "text",
    [
        "le club s'était incliné lors du deuxième match (64-69), mercredi",
        "* 1er quart-temps : 19-22",
        "Menées de sept points à la 24e minute (41-48), elles ont renversé",
    ],
)
def test_scores_after_a_result_or_a_period_are_two_counts(text: str) -> None:
    assert all(m.high is None for m in find_numbers(text))


def test_a_bracketed_class_of_ages_after_a_victory_stays_a_range() -> None:
    (m,) = [m for m in find_numbers("une victoire des 12-15 ans (12-15 ans)") if m.unit][:1]
    assert m.high == 15


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bovin de plus de 24 mois | 900 €", "24"),
        ("des veaux de 6 à 24 mois", "6 à 24"),
        ("une chienne de 4 ans retrouvée errante", "4"),
        ("une campagne auprès des lycéens de 16 à 18 ans", "16 à 18"),
        ("• 25 à 49 ans : 1 846 100 (+1,4 %) ;", "25 à 49"),
        ("- moins de 25 ans : 412 600", "25"),
        ("qui signe à 31 ans la meilleure performance de sa carrière", "31"),
        ("La chanteuse est morte à 92 ans dans sa maison", "92"),
    ],
)
def test_ages_of_animals_of_row_labels_and_of_a_life_event(text: str, expected: str) -> None:
    (m,) = [m for m in find_numbers(text) if m.text == expected]
    assert m.kind.value == "quantity"


@pytest.mark.parametrize(
    "text",
    [
        "Il a été condamné à 5 ans de prison.",
        "Le texte porte à 5 ans la durée du mandat.",
        "Le délai a été ramené à 3 ans le mois dernier.",
        "une garantie de 8 ans sur la batterie",
    ],
)
def test_years_given_to_a_sentence_or_a_length_stay_a_length(text: str) -> None:
    assert [m.kind.value for m in find_numbers(text) if m.unit == "ans"] == ["duration"]


@pytest.mark.parametrize(
    "text",
    [
        "la plus forte hausse, en Finlande (de 7,9 % à 9,1 %, soit +1,2 point de pourcentage)",
        "Le dispositif élève le montant de l'amende forfaitaire (AFD) de 1 500 € à 1 800 €.",
    ],
)
def test_a_difference_said_after_or_a_distant_raise_make_an_evolution(text: str) -> None:
    found = [m for m in find_numbers(text) if m.kind.value in ("percent", "quantity")][:2]
    assert [m.high for m in found] == [None, None]
    assert found[0].value < found[1].value


def test_a_range_with_a_remark_after_soit_stays_a_range() -> None:
    (m,) = find_numbers("Le taux est compris de 3 % à 4 %, soit une fourchette étroite.")
    assert (m.value, m.high) == (Decimal(3), Decimal(4))


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("138 – Emploi outre-mer | 1 899,8", ["identifier", "quantity"]),
        ("12 – 7 – 3 – 9", ["identifier"] * 4),
        ("2024 – Une année record", ["year"]),
    ],
)
def test_a_number_heading_a_line_before_a_dash_and_a_title_is_its_label(
    text: str, kinds: list[str]
) -> None:
    assert [m.kind.value for m in find_numbers(text)] == kinds


@pytest.mark.parametrize(
    "text",
    [
        "Pour toute question, appelez le 36 46 (service gratuit).",
        "l'Assurance retraite répond au 39 60, du lundi au vendredi",
        "Urgences : composer le 18 (pompiers) et le 15 (SAMU)",
        "Infos : 068 26 92 30 ou sur le site",
        "Contact : Katarzyna Wróbel, porte-parole, +48 609 522 266",
        "La saison 3 de sa série arrive ; la saison 1 avait déçu.",
        "* lot 38 : Vue de Dordrecht, 12 000 € (voir note 4 de l'annexe)",
    ],
)
def test_numbers_to_call_seasons_lots_and_notes_are_labels(text: str) -> None:
    amounts = [m.text for m in find_numbers(text) if m.kind.value in ("quantity", "percent")]
    assert amounts in ([], ["12 000"])


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Il compte cette saison 412 licenciés.", 412),
        ("la population a augmenté de +1 200 000 habitants", 1_200_000),
        ("le budget progresse de +1 234 567 890 € cette année", 1_234_567_890),
        ("Le ministre répondra le 12 mai aux sénateurs.", None),
    ],
)
def test_counts_after_those_labels_stay_counts(text: str, value: int | None) -> None:
    amounts = [m.value for m in find_numbers(text) if m.kind.value == "quantity"]
    assert amounts == ([] if value is None else [value])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "CP 124,3 M€ (– 1,8 % sur un an)",
            [("124,3 M", "124300000"), ("– 1,8 %", "-1.8")],
        ),
        ("des ventes en hausse (+ 2,5 %)", [("+ 2,5 %", "2.5")]),
        ("Des bonifications de 10, 6 et 4 secondes", [("10", "10"), ("6", "6"), ("4", "4")]),
        ("majorer les évolutions de 1 à 2 points", [("1 à 2", "1")]),
        ("la moitié ont entre 30 et 49 ans", [("la moitié", "0.5"), ("30 et 49", "30")]),
    ],
)
def test_spaced_signs_shared_time_units_and_nouns_that_look_like_verbs(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(m.text, str(m.value)) for m in find_numbers(text)] == expected


def test_a_list_shares_its_time_unit_only_when_it_ends_in_et_or_ou() -> None:
    found = find_numbers("Ils étaient 150, 3 heures après ; de 10, 6 et 4 secondes")
    assert [m.kind.value for m in found] == ["quantity"] + ["duration"] * 4
    assert find_numbers("la moitié ont entre 30 et 49 ans")[1].kind.value == "quantity"


@pytest.mark.parametrize(
    "text",
    [
        "Culture | Surface (milliers d'hectares) | Production (millions de tonnes)",
        "Tour Aubépine, 92058 La Défense cedex.",
        "les ouvrages classés en catégories 3 et 3U ; aux index 27 et 28 ; NAF rév. 2",
    ],
)
def test_table_units_postal_codes_and_labels_of_the_thirteenth_set(text: str) -> None:
    assert not [m for m in find_numbers(text) if m.kind.value in ("quantity", "percent")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Séance de 9 heures 30", [("9 heures 30", "570")]),
        ("un temps d'attente moyen de 4 minutes 30", [("4 minutes 30", "4.5")]),
        ("soit deux minutes trente", [("deux minutes trente", "2.5")]),
        (
            "Session plénière | ENVI | 12-03-2025 - 13:05",
            [("12-03-2025", "20250312"), ("13:05", "785")],
        ),
        ("Jean-Marc Olivier, physicien, 67 ans, ancien directeur", [("67", "67")]),
        ("37 jours d'activité, contre 30 en 2022", [("37", "37"), ("30", "30"), ("2022", "2022")]),
    ],
)
def test_minutes_and_seconds_dates_with_dashes_and_apposed_ages(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(m.text, str(m.value)) for m in find_numbers(text)] == expected


def test_what_an_elided_noun_borrows() -> None:
    found = find_numbers("37 jours d'activité, contre 30 en 2022 ; 41 personnes, contre 36")
    assert [(m.kind.value, m.unit) for m in found if m.value in (30, 36)] == [
        ("duration", "jours"),
        ("quantity", "personnes"),
    ]
    (_, _, m) = find_numbers("plus de 12 000 entrées sur les deux jours, contre 9 800")
    assert m.unit == "entrées"  # the figure of the same order, not the nearest
    assert find_numbers("Jean-Marc Olivier, physicien, 67 ans,")[0].kind.value == "quantity"


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("conserver les fromages à 4 °C maximum", "at_most"),
        ("une période d'essai de 3 mois minimum", "at_least"),
        ("l'article 2 porte à 14 ans l'âge minimum", "exact"),
        ("5 € minimum de frais", "exact"),
    ],
)
def test_a_bare_maximum_or_minimum_after_the_unit_bounds_the_number(
    text: str, qualifier: str
) -> None:
    assert [m.qualifier.value for m in find_numbers(text) if m.kind.value != "identifier"][
        -1
    ] == qualifier


@pytest.mark.parametrize(
    "text",
    ["2.1 L'année en chiffres", "sur France Bleu (90.2 FM)", "(CTCI, révision 4)"],
)
def test_section_numbers_frequencies_and_revisions_are_labels(text: str) -> None:
    assert [m.kind.value for m in find_numbers(text)] == ["identifier"]


def test_a_number_alone_on_its_line_before_a_heading_is_a_section_number() -> None:
    text = (
        "(La séance est ouverte.)\n1\nProjet de loi de finances\n\nvice-président\n\n2\n\n"
        "Questions d'actualité\nChiffres clés\n37\nCommunes concernées\n"
    )
    assert [(m.text, m.kind.value) for m in find_numbers(text)] == [
        ("1", "identifier"),
        ("2", "identifier"),
        ("37", "quantity"),  # a key figure: its line follows a heading, not a sentence
    ]


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        # a score said by the result or the lead, with no brackets: low side first
        ("Menée 6-21 à la 52e minute, l'équipe", ["6", "21", "52e"]),
        ("Lyon, battu 1-3 à domicile", ["1", "3"]),
        # a score in brackets after the scoring act, after a minute, after the final score
        ("une première pénalité (0-3), avant", ["première", "0", "3"]),
        ("transformé par Ferrand (17e, 0-10).", ["17e", "0", "10"]),
        ("Valmont – Montclar : 27-24 (6-15)", ["27", "24", "6", "15"]),
        # "à" at a sentence's start before a bare pair: the score of the moment
        ("(66e). À 20-24, le stade retenait son souffle", ["66e", "20", "24"]),
        # a pair with its noun stays a range
        ("À 18-25 ans, les jeunes", ["18-25"]),
        ("une marge de 10-12 % près", ["10-12 %"]),
    ],
)
def test_a_score_is_known_by_its_place_not_only_its_order(text: str, spans: list[str]) -> None:
    assert [m.text for m in find_numbers(text)] == spans


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the Constitution's article 49, paragraph 3, invoked by a government
        ("n'exclut plus le recours au 49.3.", [("49.3", "identifier")]),
        ("Elle a dégainé le 49-3 hier.", [("49", "identifier"), ("3", "identifier")]),
        ("un score de 49.3 points", [("49.3", "quantity")]),
        # a journal citation: volume and page after the year and its semicolon
        (
            "Eur Respir J 2025; 66: 2401187.",
            [("2025", "year"), ("66", "identifier"), ("2401187", "identifier")],
        ),
        (
            "Lancet 2023;401(10385):12",
            [("2023", "year")] + [(n, "identifier") for n in "401 10385 12".split()],
        ),
        ("en 2024 ; 66 : c'est le nombre", [("2024", "year"), ("66", "quantity")]),
        # the items of a legal text numbered 1° to 5°
        ("dans les cas mentionnés aux 1° à 5°.", [("1", "identifier"), ("5", "identifier")]),
        # a house number before its street: a range, a comma, or "cours" before a name
        ("Dares, 18-20 rue Eugène-Varlin", [("18", "identifier"), ("20", "identifier")]),
        (
            "la BEI, 98-100, boulevard Konrad Adenauer",
            [("98", "identifier"), ("100", "identifier")],
        ),
        ("14 cours de l'Intendance", [("14", "identifier")]),
        ("5 cours Mirabeau", [("5", "identifier")]),
        ("Il a suivi 14 cours de droit.", [("14", "quantity")]),
        # labels: a recommendation of an opinion, a kilometre point, articles in a range
        ("prôné par la préconisation 9, il", [("9", "identifier")]),
        ("le viaduc situé au PK 604,3.", [("604,3", "identifier")]),
        ("les articles 3 à 9 relatifs aux délais", [("3", "identifier"), ("9", "identifier")]),
    ],
)
def test_articles_citations_items_and_addresses_are_labels(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(m.text, m.kind.value) for m in find_numbers(text)] == expected


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("deux essais en moins d'un quart d'heure", "duration"),
        ("trois quarts d'heure de retard", "duration"),
        ("un quart de mois de salaire par année", "quantity"),
        ("un quart des élèves", "quantity"),
    ],
)
def test_a_quarter_of_an_hour_is_a_length_of_time(text: str, kind: str) -> None:
    assert find_numbers(text)[-1].kind.value == kind


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a cardinal before the word makes it a noun, no verb of change: one range of ages
        (
            "environ 65 000 élèves de 6 à 18 ans, de découvrir",
            [("65 000", "quantity"), ("6 à 18", "quantity")],
        ),
        # hours counted after an article, not a clock
        ("pourrait être décidé dans les 12 à 24 heures.", [("12 à 24", "duration")]),
        # a length after « depuis », however long; a class of ages after « les »
        ("inscrits depuis 2 ans ou plus", [("2", "duration")]),
        ("chez les 65 ans ou plus", [("65", "quantity")]),
        # a sentence, even bounded, is a length of time, not the age of the person
        ("des personnes condamnées à moins de deux ans de leur libération", [("deux", "duration")]),
        ("un homme condamné à 5 ans", [("5", "duration")]),
        ("ouvert aux jeunes jusqu'à 30 ans", [("30", "quantity")]),
        # infants' ages in months in brackets after their noun
        ("chez les jeunes enfants (12 à 35 mois)", [("12 à 35", "quantity")]),
        # the emergency services' short numbers
        (
            "Urgences : 112, 15 (SAMU), 17 (police, gendarmerie)",
            [("112", "identifier"), ("15", "identifier"), ("17", "identifier")],
        ),
        ("Urgences : 115 passages", [("115", "quantity")]),
        # a place's name, a new thing, a Council series, a maker's model, a journal's issue
        ("Deux-Sèvres (79) et Trois-Rivières", [("79", "identifier")]),
        ("L'appareil, livré neuf en 2016", [("2016", "year")]),
        ("CO EUR 4", [("4", "identifier")]),
        ("le crash d'un ATR 72 près de Kisumu", [("72", "identifier")]),
        (
            "EFSA Journal 2024;22(4):8672",
            [("2024", "year")] + [(n, "identifier") for n in ("22", "4", "8672")],
        ),
        # the points of a tie-break, in brackets after the set
        ("6-4, 7-6 (8/6)", [(n, "quantity") for n in ("6", "4", "7", "6", "8", "6")]),
        ("7-5, 6-7 [4]", [(n, "quantity") for n in ("7", "5", "6", "7", "4")]),
        ("voir la note [4] et le ratio 8/6", [(n, "identifier") for n in ("4", "8", "6")]),
        ("sauvé une balle de match à 4-5 sur son service", [("4", "quantity"), ("5", "quantity")]),
    ],
)
def test_round_16_constructions(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(m.text, m.kind.value) for m in find_numbers(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a table row's label gives its cells a unit of time (not an age)
        (
            "Capacité de désendettement (en années) | 5,2 | 8,9\nÂge moyen (en années) | 45",
            [("5,2", "duration"), ("8,9", "duration"), ("45", "quantity")],
        ),
        # after « au lieu de », the noun of the figure set against
        (
            "elle a limité à trois ans, au lieu de cinq, la durée",
            [("trois", "duration"), ("cinq", "duration")],
        ),
        # labels: a fascicle, grades of a pay scale, an infringement's number
        ("tome II, fascicule 1, sera", [("II", "identifier"), ("1", "identifier")]),
        ("les boursiers (échelons 5 à 7)", [("5", "identifier"), ("7", "identifier")]),
        ("(INFR(2014)2121).", [("2014", "year"), ("2121", "identifier")]),
        ("la nuit, le 116 117 (numéro de la permanence des soins)", [("116 117", "identifier")]),
        ("116 117 personnes", [("116 117", "quantity")]),
        # ages of seniors and citizens; a quarter of a century; a fifth, then an adverb
        ("Le taux d'emploi des seniors de 60 à 64 ans", [("60 à 64", "quantity")]),
        ("pour les citoyens de 18 à 70 ans", [("18 à 70", "quantity")]),
        ("depuis plus d'un quart de siècle", [("un quart", "duration")]),
        ("dont un cinquième seulement hors des métropoles", [("un cinquième", "quantity")]),
        # a basketball score after a result verb or a shot; shots made out of shots taken
        (
            "Nanterre 92 renverse Dijon (79-84)",
            [("92", "identifier"), ("79", "quantity"), ("84", "quantity")],
        ),
        ("aux tirs (18/31)", [("18", "quantity"), ("31", "quantity")]),
        ("Ferreira (4/7 à 3 points)", [("4", "quantity"), ("7", "quantity"), ("3", "quantity")]),
        ("les 3/4 des élèves", [("3/4", "quantity")]),
        # « étendre » from one value to another; not when the verb's target comes between
        (
            "et étendu la zone d'exclusion de 5 à 8 kilomètres",
            [("5", "quantity"), ("8", "quantity")],
        ),
        ("étendre l'examen aux jeunes de 3 à 24 ans", [("3 à 24", "quantity")]),
    ],
)
def test_round_17_constructions(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(m.text, m.kind.value) for m in find_numbers(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a legal item in a column of a comparative table, or after « le »
        (
            "santé :\t1° L'article est ainsi modifié :\t1° (Alinéa sans modification)",
            [("1", "identifier"), ("1", "identifier")],
        ),
        ("b) Après le 2°, il est inséré un alinéa", [("2", "identifier")]),
        ("le 45°", [("45", "quantity")]),
        # a column of units in a table's row, tabs or bars
        (
            "Délai médian\tjours\t46\t≤ 45\nTaux\t%\t55",
            [("46", "duration"), ("45", "duration"), ("55", "quantity")],
        ),
        # kelvins after a temperature, not thousands; thousands elsewhere
        ("la température du Soleil (5 772 K)", [("5 772", "quantity")]),
        ("un budget de 150 K pour le projet", [("150 K", "quantity")]),
        # a lap to the thousandth
        ("la pole en 1'11\"872, soit", [("1'11\"872", "duration")]),
        # labels: an article of a code after its elided cue, a bend, SDGs, a principle, a preprint
        ("l'article L. 262 du Code électoral", [("262", "identifier")]),
        ("au virage 10. Le pilote", [("10", "identifier")]),
        ("développement durable (ODD) 6 et 13", [("6", "identifier"), ("13", "identifier")]),
        ("vu le principe 19 du socle", [("19", "identifier")]),
        ("arXiv:2503.04417", [("2503.04417", "identifier")]),
        # « deux-roues », a thing, not two
        ("Les usagers de deux-roues motorisés", []),
    ],
)
def test_round_18_constructions(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(m.text, m.kind.value) for m in find_numbers(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a month abbreviated without its dot in a wire's dateline (not « sept », seven)
        ("PARIS, 13 nov 2024 (AFP) - La compagnie", [("13", "date"), ("2024", "year")]),
        ("le 3 avr. 2025", [("3", "date"), ("2025", "year")]),
        ("sept enfants", [("sept", "quantity")]),
        # an age apposed to a person named by an office or a noun of agent
        (
            "L'ancienne directrice générale des services, 51 ans, a été relaxée.",
            [("51", "quantity")],
        ),
        ("a commenté la nouvelle élue, 47 ans, devant", [("47", "quantity")]),
        ("le dossier, 3 ans, a", [("3", "duration")]),
        # a toxicity grade
        ("en cas de toxicité de grade 3 ou 4.", [("3", "identifier"), ("4", "identifier")]),
    ],
)
def test_round_19_constructions(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(m.text, m.kind.value) for m in find_numbers(text)] == expected
