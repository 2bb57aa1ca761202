"""The French grammar of claimex.attribution, one rule at a time, on sentences written for it."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimex.attribution import (
    clause_span,
    read_amount,
    read_amounts,
    read_attribution,
    read_status,
    resolve_asserter,
    sentence_span,
)
from claimex.numbers import find_numbers
from claimex.schemas import AttributionKind, EpistemicStatus
from tests.conftest import EXAMPLES

ASSERTED, REPORTED = EpistemicStatus.ASSERTED, EpistemicStatus.REPORTED
ESTIMATE, FORECAST, DENIED = (
    EpistemicStatus.ESTIMATE,
    EpistemicStatus.FORECAST,
    EpistemicStatus.DENIED,
)
QUOTE, INDIRECT = AttributionKind.DIRECT_QUOTE, AttributionKind.INDIRECT_SPEECH
ANONYMOUS, ARTICLE = AttributionKind.ANONYMOUS, AttributionKind.ARTICLE


def at(text: str, amount: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(amount, start + 1)
    return start, start + len(amount)


def status(text: str, amount: str, nth: int = 0) -> tuple[EpistemicStatus, bool]:
    reading = read_status(text, *at(text, amount, nth))
    return reading.status, reading.decided


@pytest.mark.parametrize(
    ("text", "amount", "expected", "decided"),
    [
        # the journalistic conditional: compound and simple
        ("Selon la police, 40 manifestants auraient été interpellés.", "40", REPORTED, True),
        ("Le parti réunirait aujourd'hui 300 adhérents.", "300", REPORTED, True),
        ("Le navire serait parti avec 90 passagers.", "90", REPORTED, True),
        # the future tense, aller + infinitive, plan verbs, devoir + infinitive
        ("La ligne transportera 5 000 voyageurs par jour.", "5 000", FORECAST, True),
        ("Les travaux dureront 18 mois.", "18", FORECAST, True),
        ("Le gouvernement va supprimer 120 postes.", "120", FORECAST, True),
        ("La mairie prévoit de planter 500 arbres.", "500", FORECAST, True),
        ("L'entreprise s'apprête à recruter 60 ingénieurs.", "60", FORECAST, True),
        ("Le chantier devrait coûter 3 millions d'euros.", "3 millions", FORECAST, True),
        ("Les 40 rames doivent être livrées en 2027.", "40", FORECAST, True),
        # the conditional after a past reporting verb is the future in the past
        ("Le ministre avait indiqué qu'il offrirait 200 bourses.", "200", FORECAST, False),
        # estimates: the word that calls the figure one, not an approximator
        ("On estime à 2 000 le nombre de victimes.", "2 000", ESTIMATE, True),
        ("Selon les estimations de l'ONU, 3 000 personnes ont fui.", "3 000", ESTIMATE, True),
        ("Le coût est évalué à 4 millions d'euros.", "4 millions", ESTIMATE, True),
        ("Environ 300 personnes ont manifesté.", "300", ASSERTED, True),
        # precedence: the conditional over the estimate word (gold rule 11)
        (
            "Selon les estimations du ministère, 70 soldats auraient été blessés.",
            "70",
            REPORTED,
            True,
        ),
        # the indicative, with words that only look like a future or a conditional
        ("Le retrait de 200 soldats a commencé.", "200", ASSERTED, True),
        ("Il livrait 40 tonnes par mois.", "40", ASSERTED, True),
        ("L'armée tirait 30 obus par jour.", "30", ASSERTED, True),
        ("Les environs comptent 20 villages.", "20", ASSERTED, True),
        ("On notera l'arrivée de 3 nouveaux joueurs.", "3", ASSERTED, True),
        # negation of the assertion; bounds and litotes are not denials
        ("La société n'a pas licencié 50 salariés.", "50", DENIED, False),
        ("Le ministère a démenti que 80 soldats aient été tués.", "80", DENIED, False),
        ("Le club ne compte que 12 membres.", "12", ASSERTED, True),
        ("Il n'y a pas moins de 300 candidats.", "300", ASSERTED, True),
        ("Le groupe n'a pas hésité à investir 3 millions d'euros.", "3 millions", ASSERTED, True),
        ("Le projet n'est pas prêt, et 25 ouvriers attendent.", "25", ASSERTED, True),
        ("Près de 24 % des sondés n'ont pas encore choisi.", "24 %", ASSERTED, True),
    ],
)
def test_status_rules(text: str, amount: str, expected: EpistemicStatus, decided: bool) -> None:
    assert status(text, amount) == (expected, decided)


def test_coordinated_predicates_each_carry_their_own_tense() -> None:
    text = "L'entreprise a vendu 30 avions en 2023 et vendra 12 navires l'an prochain."
    assert status(text, "30") == (ASSERTED, False)  # not the future of the other predicate
    assert status(text, "12") == (FORECAST, True)
    text = "La ville aurait perdu 300 habitants mais en a gagné 40 depuis."
    assert status(text, "300")[0] is REPORTED
    assert status(text, "40") == (ASSERTED, False)
    # "et" before a noun joins two objects of one verb: one predicate
    assert status("Il livrera 5 chars et 8 canons.", "8") == (FORECAST, True)


def test_a_cue_outside_the_clause_leaves_asserted_as_a_hint() -> None:
    text = "Le maire a rappelé que 12 écoles ont fermé, qui rouvriront en mai."
    assert status(text, "12") == (ASSERTED, False)


def attribution(text: str, amount: str, nth: int = 0) -> tuple[AttributionKind, str, bool]:
    reading = read_attribution(text, *at(text, amount, nth))
    return reading.kind, reading.source, reading.decided


@pytest.mark.parametrize(
    ("text", "amount", "expected"),
    [
        (
            "Selon le ministère de la Santé, 12 cas ont été confirmés.",
            "12",
            (INDIRECT, "le ministère de la Santé", True),
        ),
        (
            "D'après Jean Martin, la ville compte 40 000 habitants.",
            "40 000",
            (INDIRECT, "Jean Martin", True),
        ),
        ("La ville compte 40 000 habitants, selon l'Insee.", "40 000", (INDIRECT, "l'Insee", True)),
        (
            "Le maire, Paul Durand, a déclaré que 15 écoles seront rénovées.",
            "15",
            (INDIRECT, "Paul Durand", True),
        ),
        ("Mme Leroy affirme que 8 lits ont été ajoutés.", "8", (INDIRECT, "Mme Leroy", True)),
        (
            "La décision revient au préfet de police, qui a indiqué que 300 agents seront mobilisés.",
            "300",
            (INDIRECT, "le préfet de police", True),
        ),
        (
            "Selon certaines sources, 20 otages ont été libérés.",
            "20",
            (ANONYMOUS, "certaines sources", True),
        ),
        (
            "D'autres analystes estiment que 10 % des clients partiront.",
            "10 %",
            (ANONYMOUS, "D'autres analystes", True),
        ),
        ("On estime que 2 000 personnes sont venues.", "2 000", (ANONYMOUS, "on", False)),
        (
            "Selon le rapport de la Cour des comptes, 4 milliards ont été dépensés.",
            "4 milliards",
            (INDIRECT, "la Cour des comptes", True),
        ),
        (
            "Selon l'accord signé hier, 6 usines fermeront.",
            "6",
            (INDIRECT, "l'accord signé hier", False),
        ),
        ("L'entreprise a annoncé l'achat de 30 camions.", "30", (INDIRECT, "l'entreprise", False)),
        (
            "« Nous avons recruté 250 personnes cette année », a déclaré la directrice.",
            "250",
            (QUOTE, "la directrice", False),
        ),
        (
            "Le président a déclaré : « Nous créerons 400 emplois dans la région. »",
            "400",
            (QUOTE, "le président", False),
        ),
        ("Le programme « 1 000 jeunes » a commencé hier.", "1 000", (ARTICLE, "", True)),
        ("La ville compte 40 000 habitants.", "40 000", (ARTICLE, "", True)),
        (
            "La méthode retenue, selon la méthode des quotas, porte sur 900 personnes.",
            "900",
            (ARTICLE, "", True),
        ),
    ],
)
def test_attribution_frames(
    text: str, amount: str, expected: tuple[AttributionKind, str, bool]
) -> None:
    assert attribution(text, amount) == expected


def test_selon_takes_one_noun_phrase_even_without_a_comma() -> None:
    text = "Selon la mairie le nombre de visiteurs a atteint 45 000 cet été."
    assert attribution(text, "45 000") == (INDIRECT, "la mairie", True)
    text = "D'après Paul Martin les ventes ont baissé de 12 % en un an."
    assert attribution(text, "12 %")[1] == "Paul Martin"
    # a complement linked by a preposition belongs to the phrase
    text = "Selon le rapport de la Cour des comptes, 300 postes sont vacants."
    assert attribution(text, "300")[1] == "la Cour des comptes"


def test_an_origin_named_in_the_next_sentence_is_the_source() -> None:
    text = "Selon certaines informations, 20 otages ont été libérés. Ces informations proviennent de la gendarmerie."
    assert attribution(text, "20") == (INDIRECT, "la gendarmerie", False)


def test_a_bullet_carries_only_its_own_attribution() -> None:
    text = "Résumé\n  • 200 soldats ont été tués.\nSelon l'armée, 200 soldats ont été tués."
    assert attribution(text, "200") == (ARTICLE, "", True)
    assert attribution(text, "200", 1) == (INDIRECT, "l'armée", True)


def test_pronouns_resolve_to_the_asserter_named_before() -> None:
    text = "Le ministre Pierre Leroy a déclaré que 30 lits seront ouverts. Il a ajouté que 12 médecins arriveront."
    assert attribution(text, "12") == (INDIRECT, "le ministre Pierre Leroy", True)
    assert read_attribution(text, *at(text, "12")).rule == "anaphora"


def test_a_feminine_subject_pronoun_is_the_subject() -> None:
    text = "La directrice Anne Morel a affirmé que le lycée ouvrira. Elle a ajouté que 30 professeurs sont recrutés."
    assert attribution(text, "30") == (INDIRECT, "la directrice Anne Morel", True)


def test_a_pronoun_with_two_agreeing_asserters_is_only_a_hint() -> None:
    text = (
        "Le ministre a déclaré que 30 lits seront ouverts. Le préfet a affirmé que 4 écoles "
        "fermeront. Il a ajouté que 12 médecins arriveront."
    )
    assert attribution(text, "12") == (INDIRECT, "le préfet", False)
    one = "Un porte-parole a déclaré que 30 lits seront ouverts. Il a ajouté que 12 médecins arriveront."
    assert attribution(one, "12")[2] is False  # an indefinite antecedent names no one


def test_gender_chooses_between_asserters() -> None:
    text = (
        "La ministre a déclaré que 4 écoles ouvriront. Le préfet a déclaré que 6 routes fermeront. "
        "Elle a ajouté que 2 ponts seront réparés."
    )
    ref = resolve_asserter(text, text.index("Elle"))
    assert ref is not None and (ref.name, ref.decided) == ("la ministre", True)
    text_il = text.replace("Elle a", "Il a")
    ref = resolve_asserter(text_il, text_il.index("Il a"))
    assert ref is not None and (ref.name, ref.decided) == ("le préfet", True)


def test_a_short_mention_resolves_to_the_full_name() -> None:
    text = (
        "Kyrylo Budanov a déclaré que 10 chars ont été livrés. Les déclarations de M. Budanov "
        "contredisent la presse. Il a affirmé que 8 000 soldats combattent."
    )
    ref = resolve_asserter(text, text.index("Il a"))
    assert ref is not None and ref.name == "Kyrylo Budanov" and "M. Budanov" in ref.aliases


def test_a_document_anaphor_carries_its_estimate() -> None:
    text = "Selon les estimations de l'OMS, 500 cas auraient été recensés. Ces rapports indiquent que 20 décès ont eu lieu."
    assert attribution(text, "20") == (INDIRECT, "l'OMS", False)
    assert status(text, "20") == (ESTIMATE, False)


def test_an_unresolved_pronoun_names_nobody() -> None:
    text = "Il a déclaré que 30 lits seront ouverts."
    assert attribution(text, "30") == (INDIRECT, "", False)


def test_spans() -> None:
    text = "Titre sans point\nLe maire a dit que 12 écoles, qui ont 3 cours, ferment. Fin."
    s, e = sentence_span(text, *at(text, "12"))
    assert text[s:e] == "Le maire a dit que 12 écoles, qui ont 3 cours, ferment."
    c_start, c_end = clause_span(text, *at(text, "12"))
    assert text[c_start:c_end].strip(" ,") == "12 écoles"


def test_every_amount_is_read_and_explained() -> None:
    text = "Selon la police, 40 manifestants auraient été interpellés le 3 mai 2024. La ligne transportera 5 000 voyageurs."
    readings = read_amounts(text)
    assert [r.text for r in readings] == ["40", "5 000"]  # dates and years are not amounts
    assert readings[0].status.status is REPORTED and readings[0].attribution.source == "la police"
    notes = readings[0].notes()
    assert notes[0].startswith("« 40 » (17): status reported (decided: journalistic conditional")
    assert "attribution indirect_speech by 'la police'" in notes[1]
    assert read_amount(text, *at(text, "5 000")).status.status is FORECAST


@pytest.mark.parametrize(
    "verb",
    "livrera finiront prendra viendront mettra connaîtra recevra vivra suivra saura verra ira fera "
    "aura conclura offrira dira construira atteindront vaudra partira sortiront investira".split(),
)
def test_future_forms_of_every_conjugation(verb: str) -> None:
    assert status(f"Le groupe {verb} 30 tonnes.", "30")[0] is FORECAST


@pytest.mark.parametrize(
    "verb",
    "livrerait finiraient prendrait mettrait viendrait connaîtrait réunirait ferait partirait".split(),
)
def test_conditional_forms_of_every_conjugation(verb: str) -> None:
    assert status(f"Le groupe {verb} 30 tonnes.", "30") == (REPORTED, True)


@pytest.mark.parametrize(
    "word",
    "livrait tirait déclarait espérait durait montrait entrait livra tira entra rencontra "
    "retrait portrait extrait désirait attira".split(),
)
def test_imperfects_simple_pasts_and_nouns_are_not_futures(word: str) -> None:
    assert status(f"Le groupe {word} 30 tonnes.", "30")[0] is ASSERTED


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.txt")), ids=lambda p: p.stem)
def test_every_example_amount_reads_with_words_of_its_sentence(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    readings = read_amounts(text)
    assert readings
    for r in readings:
        s, e = r.sentence
        assert s <= r.start < r.end <= e and "\n" not in text[s:e]
        assert (
            (r.attribution.source == "") == (r.attribution.kind is ARTICLE)
            or r.attribution.rule == "unresolved pronoun"
            or r.attribution.kind is QUOTE
        )
        for word in r.status.cue.replace("…", " ").split():
            assert word in text, (r.text, r.status)


def test_names_that_end_like_a_future_are_not_verbs() -> None:
    assert status("La chanteuse Samira a réuni 3 000 spectateurs.", "3 000") == (ASSERTED, True)


@pytest.mark.parametrize(
    "text",
    [
        "Le comité a voté, notamment pour que 12 postes soient créés.",
        "La déclaration que 40 élus ont signée circule.",
    ],
)
def test_nouns_and_adverbs_of_a_reporting_stem_frame_nothing(text: str) -> None:
    amount = "12" if "12" in text else "40"
    assert attribution(text, amount)[0] is ARTICLE


def test_la_meme_source_is_the_asserter_named_before() -> None:
    text = (
        "Un porte-parole de la police a annoncé l'arrestation de 5 suspects. "
        "La même source indique que 3 armes ont été saisies."
    )
    assert attribution(text, "3") == (INDIRECT, "un porte-parole de la police", False)
    assert attribution(text, "5") == (INDIRECT, "un porte-parole de la police", False)


def test_an_empty_selon_frame_is_no_antecedent() -> None:
    """Found by the contradiction fuzz: "selon ." named an asserter with no words."""
    text = "selon . Il a déclaré que 14 morts."
    assert resolve_asserter(text, text.index("Il")) is None
    assert read_attribution(text, *at(text, "14")).source == ""


def test_a_fronted_time_adverbial_is_not_the_asserter() -> None:
    for text, who in (
        ("Lundi soir, le Kremlin a affirmé que 300 soldats ont été tués.", "le Kremlin"),
        ("Hier, le ministère a indiqué que 40 blindés ont été détruits.", "le ministère"),
        ("Ce matin, la police a affirmé que 40 personnes ont été arrêtées.", "la police"),
    ):
        start = next(m.start for m in find_numbers(text) if m.value >= 40)
        end = next(m.end for m in find_numbers(text) if m.start == start)
        assert read_amount(text, start, end).attribution.source == who, text
