"""French words the number scanner needs to know. Data only; all lower case."""

from __future__ import annotations


def _words(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


MONTHS: dict[str, int] = {
    "janvier": 1, "janv.": 1, "janv": 1, "février": 2, "fevrier": 2, "févr.": 2, "févr": 2,
    "fév.": 2, "fév": 2, "mars": 3, "avril": 4, "avr.": 4, "avr": 4, "mai": 5, "juin": 6,
    "juillet": 7, "juil.": 7, "juil": 7, "août": 8, "aout": 8, "septembre": 9, "sept.": 9,
    "octobre": 10, "oct.": 10, "oct": 10, "novembre": 11, "nov.": 11, "nov": 11, "décembre": 12,
    "decembre": 12, "déc.": 12, "déc": 12,
}  # fmt: skip

WEEKDAYS = frozenset(["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"])

COLLECTIVES: dict[str, int] = {
    "dizaine": 10, "douzaine": 12, "quinzaine": 15, "vingtaine": 20, "trentaine": 30,
    "quarantaine": 40, "cinquantaine": 50, "soixantaine": 60, "centaine": 100, "millier": 1000,
}  # fmt: skip

SCALES: dict[str, int] = {
    "mille": 1_000, "millier": 1_000, "million": 1_000_000, "milliard": 1_000_000_000,
    "billion": 1_000_000_000_000, "k": 1_000, "m": 1_000_000, "md": 1_000_000_000,
    "mds": 1_000_000_000, "mrd": 1_000_000_000, "mrds": 1_000_000_000,
}  # fmt: skip

# Multiplicatives by their first four letters: "le double", "triple", "quadrupler", "décuplé".
MULTIPLICATIVES: dict[str, int] = {
    "doub": 2, "trip": 3, "quad": 4, "quin": 5, "sext": 6, "décu": 10, "cent": 100,
}  # fmt: skip

# Denominators of the fractions written as nouns ("deux tiers", "trois quarts", "la moitié").
FRACTIONS: dict[str, int] = {"moitié": 2, "moitiés": 2, "tiers": 3, "quart": 4, "quarts": 4}

# Small spelled-out numbers that may determine a collective or a fraction ("deux tiers").
DETERMINER_VALUES: dict[str, int] = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
    "huit": 8, "neuf": 9, "dix": 10,
}  # fmt: skip

# Nouns of time: a number counting them is a duration.
TIME_UNITS = _words(
    """
    seconde secondes s minute minutes min heure heures h jour jours journée journées semaine
    semaines mois an ans année années décennie décennies siècle siècles trimestre trimestres
    semestre semestres nuit nuits week-end week-ends
    """
)

# Units of measure written as words: a number of them measures a dimension (a price, a size, a
# distance) that the sentence names elsewhere; they are not what a claim counts.
MEASURE_WORDS = _words(
    """
    euro euros dollar dollars franc francs livre livres yen yens yuan yuans rouble roubles
    centime centimes cent cents mètre mètres kilomètre kilomètres centimètre centimètres
    millimètre millimètres kilo kilos kilogramme kilogrammes gramme grammes tonne tonnes litre
    litres pouce pouces mile miles pied pieds point points degré degrés hectare hectares watt
    watts kilowatt kilowatts mégawatt mégawatts octet octets baril barils
    """
)

# Symbols and abbreviations that can follow a number as its unit.
UNIT_SYMBOLS = _words(
    """
    % € $ £ ¥ °c °f ° km/h km² km2 m² m2 m³ m3 km kg mg cm mm ha mo go ko to tb gb mb ghz
    mhz khz hz kwh mwh gwh twh kw mw gw w t m g l ml cl hl h min s x mn
    """
)

# Words after which a number is a label, not an amount ("article 12", "le numéro 100 000").
IDENTIFIER_CUES = _words(
    """
    article articles art. art section sections chapitre chapitres alinéa alinéas titre
    numéro numéros n° nº no no. paragraphe paragraphes tome tomes volume vol. version v.
    route autoroute rn rd canal chaîne ligne lignes page pages p. pp. décret loi amendement
    résolution mesure measure bus tram vol code numérotée numéroté numérotées numérotés
    tél tél. tel. téléphone fax
    tableau tableaux figure graphique annexe annexes encadré schéma recommandation
    recommandations proposition semaine sortie échangeur programme programmes point points
    type phase
    catégorie niveau stade top cycle département départements
    rubrique rubriques secteur considérant considérants tronçon zone salle action
    dossard course sépulture carbone uranium iode césium plutonium strontium
    départementale nationale tranche niveaux épidémiologique issn isbn réponse sérotype nos
    lot lots note notes catégories index rév. rev. révision préconisation préconisations pk
    fascicule fascicules échelon échelons virage principe odd grade grades
    """
)

# Kinds of street: a number before one is an address ("12 rue de la Paix", "3 bis avenue Foch").
# Singular on purpose: a cardinal of 2 or more takes a plural noun, so "12 rue" is no count.
# ("cours" is left out: invariable, "3 cours de maths" counts.)
STREET_TYPES = _words(
    """
    rue avenue av boulevard bd place allée impasse chemin quai route faubourg
    rond-point chaussée parvis esplanade promenade square ruelle sentier villa cité
    """
)

# Letters that name roads before their number ("l'A 43", "la D 906", "la N 7", "l'E 15"): names,
# even where the lower-case word is not ("a", "d").
ROAD_LETTERS = _words("A N D M C E RN RD RN. RD.")

# Levels counted from an exam ("bac +3"): a "+N" after one is a name.
LEVEL_NAMES = _words("bac baccalauréat")

# Letters of an address number ("3 bis", "12 ter").
ADDRESS_REPEATS = _words("bis ter quater")

# The letter before the number of an article of a French code: Législative, Réglementaire,
# Décret, Arrêté, and organic law (LO): "article L. 1234-5", "R. 4127-1", "LO. 141".
CODE_ARTICLE_LETTERS = _words("L. R. D. A. LO LO. L.O. R* D*")

# Capitalised words that do not name a product or a code when a number follows them.
NOT_NAMES = _words(
    """
    le la les l un une des du de d au aux en dans sur sous pour par avec sans selon environ
    plus moins près presque quelque quelques entre depuis après avant vers dès jusqu jusqu'à
    et ou mais donc or ni car soit ces ses leurs nos vos mes tous toutes tout seuls
    seulement lors fin début mi il elle ils elles on nous vous ce cette cet ceux celles sont
    est a ont pas au-delà autour approximativement quasiment pratiquement chaque total soit
    près seules certains certaines parmi contre chez malgré outre grâce dont lesquels lesquelles
    """
)

# Words that cannot be the counted noun after a number.
NOT_UNITS = _words(
    """
    le la les l de des du d un une et ou à au aux en dans sur sous pour par avec sans vers
    chez entre que qui quand où dont mais ni car or donc se sa son ses leur leurs ce cet
    cette ces il ils elle elles on nous vous y ne n pas plus moins environ ont sont est a
    été était étaient sera seront fut avait avaient aura auront selon depuis pendant avant
    après comme lors jusqu jusqu'à contre parmi dès afin ainsi aussi alors puis déjà encore
    également tandis soit fait font peut doit devrait pourrait ayant étant avoir être
    supérieur supérieure supérieurs supérieures inférieur inférieure inférieurs inférieures
    ferme assortis assorties relatif relatifs relative relatives près
    seulement notamment uniquement respectivement actuellement principalement essentiellement
    """
)

# "premier ministre", "de premier plan": ordinal words inside titles and idioms.
ORDINAL_IDIOM_NEXT = _words(
    """
    ministre ministres plan secrétaire secrétaires violon rôle rôles lieu abord
    """
)

# Verbs of change: "recule de 63 à 51 %" is an evolution, two numbers, not a range.
CHANGE_VERB_PREFIXES = (
    "pass", "recul", "augment", "baiss", "grimp", "chut", "diminu", "progress", "croî", "croi",
    "crû", "tomb",
    "mont", "évolu", "bondi", "gliss", "rédui", "ramen", "port", "hauss", "élev", "relev",
    "abaiss", "réhauss", "rétrograd", "descend", "chang", "révis", "corrig", "ramèn", "relèv",
    "élèv", "report", "remont", "redescend",
)  # fmt: skip

# Nouns that begin like a verb of change: "un montant de 100 à 300 francs" is a range.
CHANGE_VERB_LOOKALIKES = frozenset(
    {"montant", "montants", "montagne", "montagnes", "portée", "portées", "passage", "passages"}
)

# Verbs of a fall: "baisser de 40 à 45 %" gives the size of the fall, a range, not a passage.
DECREASE_VERB_PREFIXES = (
    "recul", "baiss", "chut", "diminu", "rédui", "tomb", "abaiss", "descend", "redescend",
    "gliss",
)  # fmt: skip

# Verbs of passage: "passe de 3 à 4 points" goes from one number to the other, even in points.
PASSAGE_VERB_PREFIXES = (
    "pass", "évolu", "ramen", "ramèn", "port", "report", "chang", "rétrograd", "révis", "corrig",
)  # fmt: skip

# Words before a 4-digit number that make it a year.
YEAR_CUES = _words(
    """
    en depuis dès année années an d'ici avant après fin début mi mi- jusqu'en été hiver
    printemps automne courant saison exercice
    """
)

# Words before an age ("âgé de 17 ans"): "ans" is then a quantity, not a duration.
AGE_CUES = (
    "âgé", "âge", "enfant", "mineur", "jeune",
    "garçon",
    "fille", "femme", "homme", "fêter", "fête", "anniversaire", "adolescent", "candidat",
    "patient", "victime", "conducteur", "conductrice", "passager", "passagère", "élève",
    "étudiant", "retraité", "suspect", "bébé", "nourrisson", "personne", "mère", "père", "fils",
    "médian", "vieux", "vieil", "senior", "adulte", "citoyen",
)  # fmt: skip
