"""What French grammar tells about an amount: how firmly it is put and who asserts it. Pure.

Code knows each amount's span; the words around it often decide the rest the way a grammar of
French states it, with no model:

- **status**: the future tense (*sera*, *consommera*, *vont marquer*) and plan verbs (*prévoit
  de*, *doivent être livrés*, *devrait*) make a ``forecast``; the journalistic conditional
  (*aurait fourni*, *auraient été déployés*, *recevrait*) a ``reported``; a word that calls the
  figure an estimate (*estimations*, *on estime*, *évalue*) an ``estimate``; a denial verb or a
  negated assertion hints at ``denied``; the indicative alone leaves it ``asserted``. Precedence
  is the gold's: forecast, then conditional, then estimate.
- **attribution**: the amount inside quotation marks is a ``direct_quote``; *selon X*, *d'après
  X*, *X a déclaré / affirmé / indiqué... que* make ``indirect_speech`` by X (a document's author
  when it names one: *les estimations de l'agence* -> the agency); an asserter the text does not
  identify (*selon certaines informations*, *des sources*) is ``anonymous``; nothing is the
  ``article`` itself.
- **anaphora**: a subject *il*, *elle*, *ces rapports*, *la même source* is resolved to the
  asserter named in the sentences before it.

Each answer says whether grammar *decides* it (unambiguous) or only gives a *hint* for the model,
and which words of the text it read. Sentences never cross a line break: bullets and titles carry
their own attribution.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from claimex.chunking import split_sentences
from claimex.numbers import AMOUNT_KINDS, NumberMention, find_numbers
from claimex.schemas import AttributionKind, EpistemicStatus

__all__ = [
    "AmountGrammar",
    "Asserter",
    "AttributionReading",
    "StatusReading",
    "clause_span",
    "line_span",
    "read_amount",
    "read_amounts",
    "read_asserter",
    "read_attribution",
    "read_status",
    "resolve_asserter",
    "sentence_span",
    "subject_before",
]


@dataclass(frozen=True, slots=True)
class StatusReading:
    """How firmly the text puts an amount forward, and the words that tell it."""

    status: EpistemicStatus
    decided: bool
    rule: str
    cue: str = ""


@dataclass(frozen=True, slots=True)
class AttributionReading:
    """Who the text says asserts an amount (``source`` "" for the article itself), and how."""

    kind: AttributionKind
    source: str
    decided: bool
    rule: str
    cue: str = ""
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Asserter:
    """A named asserter that a pronoun or anaphor refers to, and where the text names it."""

    name: str
    start: int
    decided: bool
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class AmountGrammar:
    """Everything grammar tells about one amount of the text."""

    start: int
    end: int
    text: str
    sentence: tuple[int, int]
    status: StatusReading
    attribution: AttributionReading

    def notes(self) -> list[str]:
        """One line per derivation, for a result's ``corrections`` or a model's hints."""
        s, a = self.status, self.attribution
        where = f"« {self.text} » ({self.start})"
        who = f" by {a.source!r}" if a.source else ""
        return [
            f"{where}: status {s.status.value} ({'decided' if s.decided else 'hint'}: "
            f"{s.rule}{f', « {s.cue} »' if s.cue else ''})",
            f"{where}: attribution {a.kind.value}{who} ({'decided' if a.decided else 'hint'}: "
            f"{a.rule}{f', « {a.cue} »' if a.cue else ''})",
        ]


# --------------------------------------------------------------------------------------------
# Words

_WORD = re.compile(r"\w+(?:-\w+)*|[^\w\s]")
_APOSTROPHES = "'’ʼ"


@dataclass(frozen=True, slots=True)
class _Tok:
    text: str
    low: str
    start: int
    end: int


def _tokens(text: str, start: int, end: int) -> list[_Tok]:
    return [
        _Tok(m.group(), m.group().lower(), m.start(), m.end())
        for m in _WORD.finditer(text, start, end)
    ]


# The future and the conditional share one stem (the infinitive of -er and -ir verbs, -re verbs
# without their e, a closed list of irregular stems); the future adds -ai -as -a -ons -ez -ont,
# the conditional -ais -ait -ions -iez -aient. The imperfect and simple past of -rer verbs end
# alike: the stems leave out -urer, -vrer, -trer... (il durait, il livra, il montrait), and the
# -irer verbs are listed (il tirait, il désira), as are the nouns that end alike (les environs).
_FUTURE_ENDINGS = "ai|as|a|ons|ez|ont"
_CONDITIONAL_ENDINGS = "ais|ait|ions|iez|aient"
_STEM = (
    r"(?:\w*er|\w*ir|aur|pourr|verr|enverr|courr|mourr|acquerr|conquerr"
    r"|\w*devr|\w*cevr|\w*vivr|\w*suivr|\w*udr|\w*[aeiouny]ndr|\w*ettr|\w*battr|\w*[aoî]îtr"
    r"|\w*aitr|saur|\w*clur|\w*oir)"
)
_FUTURE = re.compile(rf"{_STEM}(?:{_FUTURE_ENDINGS})")
_CONDITIONAL = re.compile(rf"{_STEM}(?:{_CONDITIONAL_ENDINGS})")
_IRER_STEMS = (
    "tir retir attir étir soutir inspir expir aspir conspir transpir désir admir respir soupir "
    "vir chavir empir délir"
).split()
_NOT_VERBS = frozenset(
    [stem + ending for stem in _IRER_STEMS for ending in ("a", "ai", "as", "ait", "aient", "ais")]
    + ["environs"]
)
# devoir in the conditional or + infinitive is about the future (gold rule 11), not reported
_MODAL_FORECAST = re.compile(r"(?:devr|doi[tv]|doivent|dev)\w*")


def _is_future(word: str) -> bool:
    return word not in _NOT_VERBS and _FUTURE.fullmatch(word) is not None and len(word) > 2


def _is_conditional(word: str) -> bool:
    return word not in _NOT_VERBS and _CONDITIONAL.fullmatch(word) is not None and len(word) > 4


_INFINITIVE = re.compile(r"\w+(?:er|ir|re|oir)")
_ALLER = frozenset("va vont allait allaient".split())
_DEVOIR = frozenset(
    "doit doivent devait devaient devra devront devrait devraient".split()
)  # + infinitive: obligation or expectation about the future
_POUVOIR_FUTURE = frozenset("pourra pourront pourrait pourraient".split())
_VERB_END = r"(?:e|es|ent|ons|ez|ait|aient|ai|a|ont|é|ée|és|ées|ant|er|it|ient|u|ue|us|ues|t|s)"
# plan verbs: what the subject intends or arranges is about the future (gold rule 11)
_PLAN_DE = re.compile(
    rf"(?:prévoi|prévoy|prév|envisag|projet|projett|promet|promi|propos|décid|s'engag|engag"
    rf"|s'appr[êe]t|appr[êe]t|vis|cherch){_VERB_END}?"
)
_PLAN_BARE = re.compile(rf"(?:compt|entend|veu|voul|souhait|esp[èé]r|dési?r|pens){_VERB_END}?")
_PLAN_WORDS = frozenset("prévu prévue prévus prévues prévisions prévision objectif".split())
_ESTIMATE = re.compile(r"(?:estim|évalu|réévalu)\w*")
_NEGATION_END = frozenset("pas jamais aucun aucune guère point nullement".split())
_DENIAL = re.compile(r"(?:dément|démenti|nie|nié|nient|contest|réfut|récus)\w*")

# Verbs that report speech or thought: X <verb> que ... (any tense, participles included).
_REPORTING = re.compile(
    r"(?:déclar|affirm|indiqu|annon[cç]|estim|évalu|révél|précis|expliqu|assur|soulign|ajout"
    r"|rapport|confirm|dit|dis|disent|écri[tv]|signal|stipul|prévien|préven|avert|reconn"
    r"|admi[st]|admett|soutien|souten|prétend|rappel|not|observ|constat|jug|consid[eè]r"
    r"|pens|cro[iy]|sugg[eéè]r|dément|nie|nié|nient|contest|réfut|avanc|chiffr"
    r"|insist|martel|répét|craign|crai[nt]|pr[ée]di|prévoi|prévoy|conclu|publi)\w*"
)
# Nouns, adjectives and adverbs that share a reporting verb's stem: "notamment", "la
# déclaration que...", "les observateurs", "assurance"
_NOT_VERB_SUFFIX = re.compile(
    r"\w*(?:amment|emment|ément|ement|tions?|teurs?|trices?|ures?|ages?|ances?|ences?|ismes?"
    r"|istes?|ités?|eux|euses?|ifs?|ives?|ibles?|ables?|aires?|(?<!ind)iques?|oires?|ats?)"
)


def _is_reporting(word: str) -> bool:
    return _REPORTING.fullmatch(word) is not None and not _NOT_VERB_SUFFIX.fullmatch(word)


# Verbs whose object is what the subject announces, decides or asks (README rule 9).
_ANNOUNCING = re.compile(
    r"(?:annon[cç]|propos|décid|décrét|demand|réclam|revendiqu|promet|promi|offr|exig)\w*"
)
_AUXILIARIES = frozenset(
    "a ont avait avaient aurait auraient a-t-il a-t-elle avaient eut est sont était étaient"
    .split()
)  # fmt: skip
_ADVERBS = frozenset(
    """en outre également aussi encore déjà alors ainsi par ailleurs de plus enfin notamment
    récemment hier aujourd'hui dimanche lundi mardi mercredi jeudi vendredi samedi fin début mi
    janvier février mars avril mai juin juillet août septembre octobre novembre décembre
    toutefois cependant pourtant néanmoins publiquement officiellement clairement lui même
    elle ne n' pas y""".split()
)
_PREPOSITIONS = frozenset("avec par sur sous dans pour selon après avant contre entre".split())
_DETERMINERS = frozenset("le la les l un une des du de d ce cet cette ces son sa ses leur".split())
_INDEFINITE = frozenset(
    "certain certaine certains certaines des plusieurs quelques d'autres autres de une un "
    "nombreux nombreuses divers diverses".split()
)
_ANONYMOUS_HEADS = frozenset(
    "source sources informations information rumeurs rumeur bruits médias presse témoins "
    "analystes observateurs experts spécialistes responsables".split()
)
_DOCUMENT_HEADS = frozenset(
    "estimation estimations rapport rapports étude études chiffres chiffre données sondage "
    "sondages enquête enquêtes prévisions prévision bilan bilans statistiques communiqué "
    "communiqués informations information accord article texte loi documents document "
    "déclarations déclaration calculs projections résultats".split()
)
_PRONOUNS = frozenset("il elle ils elles lui eux".split())
_SPEAKERS = frozenset("je j tu nous vous on".split())  # inside quotations: not an antecedent
_CLAUSE_WORDS = frozenset(
    "que qu qui dont où lorsque puisque quand car lequel laquelle lesquels lesquelles auquel "
    "auxquels auxquelles duquel desquels".split()
)
_CLAUSE_MARKS = frozenset(';:()«»"“”[]•')
_QUOTE_PAIRS = {"«": "»", "“": "”", '"': '"'}
_SELON = re.compile(
    r"\b(?:selon|d['’]après|aux dires d[eu']|de source)\s*"
    r"(?P<who>(?:lui|elle|eux|elles)\b|[^,;:.()«»\n]+)",
    re.IGNORECASE,
)
# "selon la méthode des quotas", "selon les cas": selon also means "depending on, following"
_NOT_ASSERTERS = frozenset(
    "méthode méthodes cas modalités procédure procédures principe principes type types règle "
    "règles critères besoins saison saisons région régions usage usages formule modèle".split()
)


# --------------------------------------------------------------------------------------------
# Spans


def line_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The line (paragraph) holding ``text[start:end]``, without its line breaks."""
    line_end = text.find("\n", end)
    return text.rfind("\n", 0, start) + 1, len(text) if line_end < 0 else line_end


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence holding ``text[start:end]``: never across a line break (titles, bullets)."""
    line_start, line_end = line_span(text, start, end)
    for s, e in split_sentences(text, line_start, line_end):
        if s <= start < e:
            return s, e
    return line_start, line_end


def _is_clause_word(toks: list[_Tok], i: int) -> bool:
    t = toks[i]
    if t.low == "qu":
        return i + 1 < len(toks) and toks[i + 1].text in _APOSTROPHES
    return t.low in _CLAUSE_WORDS


def clause_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause of the sentence that holds the amount: between the subordinators (*que*, *qui*,
    *dont*...), semicolons, colons, brackets and quotation marks around it."""
    s, e = sentence_span(text, start, end)
    toks = _tokens(text, s, e)
    c_start, c_end = s, e
    for i, t in enumerate(toks):
        boundary = t.text in _CLAUSE_MARKS or _is_clause_word(toks, i)
        if not boundary:
            continue
        if t.end <= start:
            c_start = t.end
        elif t.start >= end and c_end == e:
            c_end = t.start
    return c_start, c_end


# --------------------------------------------------------------------------------------------
# Status


def _words(text: str, start: int, end: int) -> list[_Tok]:
    return [t for t in _tokens(text, start, end) if t.text[0].isalnum()]


def _next_word(words: list[_Tok], i: int, skip: frozenset[str] = _ADVERBS) -> _Tok | None:
    for t in words[i + 1 : i + 4]:
        if t.low not in skip and t.low not in ("se", "s", "leur", "lui", "y", "en", "être"):
            return t
        if t.low == "être":
            return t
    return None


def _has_infinitive_after(words: list[_Tok], i: int) -> _Tok | None:
    nxt = _next_word(words, i)
    if nxt is not None and (_INFINITIVE.fullmatch(nxt.low) or nxt.low in ("être", "avoir")):
        return nxt
    return None


def _plan(words: list[_Tok], i: int) -> str | None:
    """*prévoit de livrer*, *s'apprête à signer*, *compte investir*: a plan verb and its
    infinitive (``None`` when ``words[i]`` does not start one)."""
    low = words[i].low
    nxt = words[i + 1] if i + 1 < len(words) else None
    after = words[i + 2] if i + 2 < len(words) else None
    if nxt is None:
        return None
    if (
        _PLAN_DE.fullmatch(low)
        and nxt.low in ("de", "d", "à")
        and after is not None
        and (_INFINITIVE.fullmatch(after.low) or after.low in ("se", "s"))
    ):
        return f"{words[i].text} {nxt.text} {after.text}"
    if _PLAN_BARE.fullmatch(low) and _INFINITIVE.fullmatch(nxt.low) and nxt.low not in _NOT_VERBS:
        return f"{words[i].text} {nxt.text}"
    return None


def _past_reporting_before(text: str, sentence: tuple[int, int], clause_start: int) -> bool:
    """Whether the clause is the *que* complement of a reporting verb in a past tense: a
    conditional there is the future in the past (*avait indiqué qu'il offrirait*)."""
    before = _words(text, sentence[0], clause_start)
    for i in range(len(before) - 1, 0, -1):
        if _is_reporting(before[i].low) and (
            before[i - 1].low in _AUXILIARIES or before[i].low.endswith(("ait", "aient"))
        ):
            return True
    return False


_Cue = tuple[bool, str, str]


def _modal_cues(
    text: str, words: list[_Tok], sentence: tuple[int, int], c_start: int
) -> tuple[_Cue | None, _Cue | None]:
    """The first forecast cue and the first conditional cue among ``words``: (decided, rule,
    the words read)."""
    forecast: _Cue | None = None
    reported: _Cue | None = None
    for i, w in enumerate(words):
        low = w.low
        if w.text[0].isupper() and w.start > sentence[0]:
            continue  # a name (Samira, Vera), not a verb
        if low in _ALLER and (inf := _has_infinitive_after(words, i)) is not None:
            forecast = forecast or (True, "aller + infinitive", f"{w.text} {inf.text}")
        elif low in _DEVOIR and (inf := _has_infinitive_after(words, i)) is not None:
            forecast = forecast or (True, "devoir + infinitive", f"{w.text} {inf.text}")
        elif low in _POUVOIR_FUTURE and _has_infinitive_after(words, i) is not None:
            forecast = forecast or (low.startswith("pourr") and low.endswith(("a", "ont")),
                                    "pouvoir in the future or conditional", w.text)  # fmt: skip
        elif (plan := _plan(words, i)) is not None:
            forecast = forecast or (True, "plan verb + infinitive", plan)
        elif low in _PLAN_WORDS:
            forecast = forecast or (False, "plan word", w.text)
        elif _is_future(low) and not (
            i > 0 and words[i - 1].low == "on" and _is_reporting(low)
        ):  # "on notera", "on rappellera": the writer's future of politeness, not a forecast
            forecast = forecast or (True, "future tense", w.text)
        elif _is_conditional(low) and not _MODAL_FORECAST.fullmatch(low):
            compound = low.startswith(("aur", "ser")) and i + 1 < len(words)
            cue = f"{w.text} {words[i + 1].text}" if compound else w.text
            in_past_speech = _past_reporting_before(text, sentence, c_start)
            if in_past_speech and not compound:
                forecast = forecast or (False, "conditional after a past reporting verb", cue)
            else:
                reported = reported or (not in_past_speech, "journalistic conditional", cue)
    return forecast, reported


_COORDINATORS = frozenset("et mais puis ou".split())
_CLITICS = frozenset("ne n se s y en l le la les lui leur".split())


def _is_finite_verb(word: str) -> bool:
    return (
        word in _AUXILIARIES
        or word in _ALLER
        or word in _DEVOIR
        or word in _POUVOIR_FUTURE
        or _is_future(word)
        or _is_conditional(word)
    )


def _coordinate(words: list[_Tok], start: int) -> list[_Tok]:
    """The predicate of the clause that holds the amount: coordinated predicates of one subject
    each carry their own tense (*a vendu 30 avions et vendra 12 navires*). A coordinator starts
    a new predicate when a finite verb follows it (clitics between)."""
    lo, hi = 0, len(words)
    for i, w in enumerate(words):
        if w.low not in _COORDINATORS:
            continue
        j = i + 1
        while j < len(words) and words[j].low in _CLITICS:
            j += 1
        if j == len(words) or not _is_finite_verb(words[j].low):
            continue
        if w.end <= start:
            lo = i + 1
        elif hi == len(words):
            hi = i
    return words[lo:hi]


def read_status(text: str, start: int, end: int) -> StatusReading:
    """The status grammar gives the amount at ``text[start:end]`` (see the module docstring)."""
    sentence = sentence_span(text, start, end)
    c_start, c_end = clause_span(text, start, end)
    words = _coordinate(_words(text, c_start, c_end), start)
    forecast, reported = _modal_cues(text, words, sentence, c_start)
    if forecast is not None:
        return StatusReading(EpistemicStatus.FORECAST, forecast[0], forecast[1], forecast[2])
    if reported is not None:
        return StatusReading(EpistemicStatus.REPORTED, reported[0], reported[1], reported[2])
    # what calls the figure an estimate or denies it: the frame that attributes it (its verb,
    # its asserter: "selon les estimations de X", "X estime que", "des estimations suggérant
    # que"), or the words just before the amount in its clause ("évalue à", "estimé à")
    attributed = read_attribution(text, start, end)
    near = [w for w in words if w.end <= start][-5:]
    framing = [
        w.lower()
        for phrase in (attributed.cue, attributed.source, *attributed.aliases)
        for w in re.findall(r"\w+", phrase)
    ]
    via_anaphora = attributed.rule == "anaphora"
    estimate = next((w.text for w in near if _ESTIMATE.fullmatch(w.low)), None) or next(
        (w for w in framing if _ESTIMATE.fullmatch(w)), None
    )
    if estimate is not None:
        return StatusReading(EpistemicStatus.ESTIMATE, not via_anaphora, "estimate word", estimate)
    frame_verb = "" if attributed.kind is AttributionKind.DIRECT_QUOTE else attributed.cue
    denial = next((w.text for w in near if _DENIAL.fullmatch(w.low)), None) or next(
        (w for w in re.findall(r"\w+", frame_verb.lower()) if _DENIAL.fullmatch(w)), None
    )
    if denial is not None:
        return StatusReading(EpistemicStatus.DENIED, False, "denial verb", denial)
    negation = _negation(text, words, start, end)
    if negation:
        return StatusReading(EpistemicStatus.DENIED, False, "negated assertion", negation)
    rest = _words(text, sentence[0], sentence[1])
    calm = _modal_cues(text, rest, sentence, sentence[0]) == (None, None) and not any(
        _ESTIMATE.fullmatch(w.low) for w in rest
    )
    return StatusReading(EpistemicStatus.ASSERTED, calm, "indicative")


def _negation(text: str, words: list[_Tok], start: int, end: int) -> str:
    """*ne ... pas / jamais / aucun* on the verb whose object is the amount: the amount a few
    words after the negation, no comma between, and no infinitive
    complement (*n'a pas hésité à débourser 3 millions* asserts). *ne ... que* (only) and *pas
    moins / plus de* (no fewer / no more than) bound a number, they do not deny it."""
    for i, w in enumerate(words):
        if w.low not in ("ne", "n"):
            continue
        for j in range(i + 1, min(i + 5, len(words))):
            if words[j].low == "que":
                break
            if words[j].low not in _NEGATION_END:
                continue
            after = words[j + 1].low if j + 1 < len(words) else ""
            if after in ("moins", "plus", "que"):
                break
            if end <= w.start:  # "24 % des sondés n'ont pas voté" asserts the 24 %
                break
            between = text[words[j].end : start]
            gap = between.split()
            close = words[j].end <= start and len(gap) <= 6 and not any(
                g in ("à", "de", "d") and k + 1 < len(gap) and _INFINITIVE.fullmatch(gap[k + 1])
                for k, g in enumerate(gap)
            )  # fmt: skip
            if close and "," not in between:
                return f"{w.text} … {words[j].text}"
            break
    return ""


# --------------------------------------------------------------------------------------------
# Attribution


def _strip_np(np: str) -> str:
    np = np.strip(" ,\t'’")
    np = re.sub(r"^(?:de plus|en effet|cependant|toutefois|par ailleurs|enfin|or|mais|et)\s*,?\s*",
                "", np, flags=re.IGNORECASE)  # fmt: skip
    return np.strip(" ,")


def _first_det(np: str) -> str:
    """Lower-case the determiner that opens a noun phrase (the gold's convention)."""
    m = re.match(r"(Le|La|Les|L['’]|Un|Une|Des|Ces|Ce|Cette|Cet)\b", np)
    return np[: m.end()].lower() + np[m.end() :] if m else np


def _split_apposition(np: str) -> tuple[str, tuple[str, ...]]:
    """``Le chef des services..., Kyrylo Budanov`` -> the proper name, the titles as aliases."""
    parts = [p.strip() for p in np.split(",") if p.strip()]
    if len(parts) <= 1:
        return _first_det(np.strip()), ()
    named = [p for p in parts if all(w[:1].isupper() for w in re.findall(r"[^\s'’]+", p))]
    main = named[0] if named else parts[0]
    return _first_det(main), tuple(p for p in parts if p != main)


def _author_of_document(np: str) -> tuple[str, tuple[str, ...]] | None:
    """``les premières estimations de l'agence X`` -> ``l'agence X`` (README rule 2)."""
    words = np.split()
    for i, w in enumerate(words[:4]):
        if w.lower().strip(",") in _DOCUMENT_HEADS:
            rest = " ".join(words[i + 1 :])
            m = re.match(r"(?:de la|de l['’]|du|des|de)\s*(?P<author>.+)", rest)
            if m is None:
                return None
            author = m.group("author")
            det = {"du": "le ", "des": "les ", "de la": "la "}.get(
                rest[: m.start("author")].strip(), ""
            )
            if rest.startswith(("de l'", "de l’")):
                det = rest[3:5]
            return _first_det(det + author), (np,)
    return None


def _is_indefinite(np: str) -> bool:
    first = np.split()[0].lower() if np.split() else ""
    return first in _INDEFINITE or np.lower().startswith(("d'autres", "d’autres"))


def _head_noun(np: str) -> str:
    for w in np.split():
        lw = re.sub(r"^[ld]['’]", "", w.lower().strip(","))
        if lw not in _DETERMINERS and lw not in _INDEFINITE and lw not in ("premières", "premiers"):
            return lw
    return ""


def _asserter_reading(np: str, rule: str, cue: str, text: str, pos: int) -> AttributionReading:
    """The reading for an asserter named by the noun phrase ``np`` (at ``pos``)."""
    np = _strip_np(np)
    first = np.split()[0].lower() if np.split() else ""
    # il, elle, lui; ces rapports, cette source; la même source
    anaphor = (
        first in _PRONOUNS
        or first in ("ces", "ce", "cette", "cet")
        or np.lower().startswith(("la même", "le même", "les mêmes"))
    )
    if anaphor:
        ref = resolve_asserter(text, pos, np)
        if ref is not None:
            # a subject pronoun with one named asserter before it that agrees in gender and
            # number is that asserter; a noun anaphor (ces rapports, la même source) may sum up
            # more than one, and an indefinite antecedent (un porte-parole) names no one
            sure = first in _PRONOUNS and ref.decided and not _is_indefinite(ref.name)
            return AttributionReading(
                AttributionKind.INDIRECT_SPEECH, ref.name, sure, "anaphora", cue,
                tuple(dict.fromkeys((*ref.aliases, np))),
            )  # fmt: skip
        if first in _PRONOUNS:
            return AttributionReading(
                AttributionKind.INDIRECT_SPEECH, "", False, "unresolved pronoun", f"{np} {cue}"
            )
    if first == "on":  # "on estime que": nobody the text identifies
        return AttributionReading(AttributionKind.ANONYMOUS, "on", False, rule, cue)
    document = _author_of_document(np)
    if _is_indefinite(np) and (document is None or _head_noun(np) in _ANONYMOUS_HEADS):
        later = _later_origin(text, pos, _head_noun(np))
        if later is not None:
            return AttributionReading(
                AttributionKind.INDIRECT_SPEECH, later, False, "origin named in the next sentence",
                cue, (np,),
            )  # fmt: skip
        if _head_noun(np) not in _ANONYMOUS_HEADS and re.match(
            r"\S+\s+\S+\s+(?:de la|de l['’]|du|des)\s*\S", np
        ):  # "un porte-parole de la police": the body is named (gold README rule 4)
            return AttributionReading(
                AttributionKind.INDIRECT_SPEECH, _first_det(np), False,
                f"{rule}, unnamed member of a named body", cue,
            )  # fmt: skip
        # a document without author ("des estimations") may have one named elsewhere
        sure = _head_noun(np) not in _DOCUMENT_HEADS or _head_noun(np) in _ANONYMOUS_HEADS
        return AttributionReading(AttributionKind.ANONYMOUS, _first_det(np), sure, rule, cue)
    if document is not None:
        return AttributionReading(
            AttributionKind.INDIRECT_SPEECH, document[0], True, f"{rule}, author of the document",
            cue, document[1],
        )  # fmt: skip
    source, aliases = _split_apposition(np)
    head = _head_noun(np)
    return AttributionReading(
        AttributionKind.INDIRECT_SPEECH, source, head not in _DOCUMENT_HEADS, rule, cue, aliases
    )


def read_asserter(text: str, np: str, pos: int, rule: str, cue: str = "") -> AttributionReading:
    """The asserter the noun phrase ``np`` (at ``pos``) names, read as for an amount's frame: a
    pronoun or *ces rapports* resolved to the asserter named before, a document to its author
    (*les déclarations de M. X* -> *M. X*), an indefinite descriptor ``anonymous``. For modules
    that find asserters in frames of their own (contradiction)."""
    return _asserter_reading(np, rule, cue, text, pos)


def _later_origin(text: str, pos: int, head: str) -> str | None:
    """*Selon certaines informations ... Ces informations proviennent du ministère X* -> the
    ministry: the next sentence names where the anonymous claim comes from (README rule 5)."""
    e = sentence_span(text, pos, pos)[1]
    following = text[e : e + 400]
    m = re.match(
        rf"\s*(?:Ces|Cette|Ce)\s+{re.escape(head)}\s+(?:proviennent|provient|émanent|émane|"
        r"viennent|vient)\s+(?P<prep>du|de la|de l['’]|des|de)\s*(?P<who>[^,;.]+)",
        following,
    )
    if m is None or not head:
        return None
    det = {"du": "le ", "des": "les ", "de la": "la "}.get(m.group("prep"), "")
    if m.group("prep") in ("de l'", "de l’"):
        det = m.group("prep")[3:]
    return _first_det(det + m.group("who").strip())


def _without_asides(toks: list[_Tok]) -> list[_Tok]:
    """Tokens without the parenthesised asides: *La Commission (CEL) a annoncé*."""
    out: list[_Tok] = []
    depth = 0
    for t in toks:
        if t.text == "(":
            depth += 1
        elif t.text == ")" and depth:
            depth -= 1
        elif not depth:
            out.append(t)
    return out


def _subject_before(text: str, s_start: int, verb_start: int) -> str:
    """The subject noun phrase before a verb: the sentence start up to its auxiliary and
    adverbs, without the adverbial that opens the sentence; for *qui*, its antecedent."""
    toks = _without_asides(_tokens(text, s_start, verb_start))
    while toks and (
        toks[-1].low in _AUXILIARIES or toks[-1].low in _ADVERBS or toks[-1].text == ","
    ):
        if len(toks) == 1 and toks[0].low in _PRONOUNS:
            break  # "Elle a ajouté que": the pronoun is the subject, not an emphatic "elle"
        toks.pop()
    if not toks:
        return ""
    if toks[-1].low == "qui":
        j = len(toks) - 2
        while j >= 0 and toks[j].text == ",":
            j -= 1
        end = toks[j].end if j >= 0 else s_start
        k = j
        while k > 0 and not (
            toks[k].low in ("du", "des", "le", "la", "les", "l", "au", "aux")
            and (k == 0 or toks[k - 1].low not in ("de", "d"))
            and toks[k - 1].low not in ("du", "des")
        ):
            k -= 1
        det = {"du": "le ", "des": "les ", "au": "le ", "aux": "les "}.get(toks[k].low, "")
        start = toks[k + 1].start if det else toks[k].start
        return det + text[start:end]
    if text[verb_start:].split(maxsplit=1)[0].endswith("ant"):
        # a present participle's subject is the noun phrase just before it ("des estimations
        # suggérant que"), after the preposition or comma that opens it
        k = len(toks) - 1
        while k > 0 and toks[k - 1].text not in ",;:" and toks[k - 1].low not in _PREPOSITIONS:
            k -= 1
        return text[toks[k].start : toks[-1].end]
    # the last clause before the verb
    begin = 0
    for i, t in enumerate(toks):
        if t.text in _CLAUSE_MARKS or _is_clause_word(toks, i):
            begin = i + 1
    np = text[toks[begin].start : toks[-1].end] if begin < len(toks) else ""
    parts = [p for p in np.split(",")]
    # drop an opening adverbial ("De plus, X", "En 2004, X", "Lundi soir, X", "Hier, X"), keep
    # appositions ("X, le chef, ")
    while len(parts) > 1 and _OPENING_ADVERBIAL.match(parts[0]):
        parts = parts[1:]
    return ",".join(parts)


# What opens a sentence before its subject, detached by a comma: a linking adverb, a
# prepositional phrase, a gerund, or a time adverbial (a day, "hier", "ce matin", "fin mars").
_OPENING_ADVERBIAL = re.compile(
    r"\s*(?:de plus|en |par |pour |après|avant|dans|lors|depuis|malgré|au |aux |à |cependant"
    r"|toutefois|ainsi|or\b|enfin|mais|apparemment|selon|d['’]après|(?:se |s['’])?\w+ant\b"
    r"|hier\b|avant-hier|aujourd['’]hui|demain|la veille|le lendemain|fin |début |mi-"
    r"|(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b"
    r"|(?:ce|cet|cette)\s+(?:matin|midi|soir|après-midi|nuit|semaine|année|mois|week-end)\b)",
    re.IGNORECASE,
)


def subject_before(text: str, sentence_start: int, verb_start: int) -> str:
    """The subject noun phrase of the verb at ``verb_start`` (auxiliaries, adverbs and an opening
    adverbial left out; for *qui*, its antecedent), as reporting frames read it."""
    return _subject_before(text, sentence_start, verb_start)


def _quoted(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span inside the quotation marks that hold the amount, in its paragraph."""
    line_start, line_end = line_span(text, start, end)
    i = line_start
    while i < line_end:
        ch = text[i]
        close = _QUOTE_PAIRS.get(ch)
        if close is None:
            i += 1
            continue
        j = text.find(close, i + 1, line_end)
        j = line_end if j < 0 else j
        if i < start and end <= j:
            return i + 1, j
        i = j + 1
    return None


def _reporting_frames(text: str, s: int, e: int) -> list[tuple[int, int, str, bool]]:
    """Reporting verbs of the sentence followed by their *que* (or a colon): (start, end of
    the frame, verb, announcing-with-object)."""
    words = _tokens(text, s, e)
    frames = []
    for i, w in enumerate(words):
        if not w.text[0].isalpha():
            continue
        if _is_reporting(w.low):
            for j in range(i + 1, min(i + 6, len(words))):
                t = words[j]
                if (
                    t.low in ("que", "qu")
                    or t.text == ":"
                    or (
                        t.low == "à" and _ESTIMATE.fullmatch(w.low)  # "évalue à 80 km/h"
                    )
                ):
                    frames.append((w.start, t.end, w.text, False))
                    break
                if t.text in ".;«»()" or _is_reporting(t.low):
                    break
        if _ANNOUNCING.fullmatch(w.low) and i > 0 and words[i - 1].low in _AUXILIARIES | {"qui"}:
            frames.append((w.start, w.end, w.text, True))
    return frames


def read_attribution(text: str, start: int, end: int) -> AttributionReading:
    """The attribution grammar gives the amount at ``text[start:end]`` (module docstring)."""
    s, e = sentence_span(text, start, end)
    quote = _quoted(text, start, end)
    if quote is not None and len(text[quote[0] : quote[1]].split()) >= 4:
        speaker = _speaker(text, s, e, quote)
        return AttributionReading(
            AttributionKind.DIRECT_QUOTE,
            speaker.source if speaker is not None else "",
            False,
            "inside quotation marks",
            "« »" + (f" {speaker.cue}" if speaker is not None else ""),
            speaker.aliases if speaker is not None else (),
        )
    frames = [f for f in _reporting_frames(text, s, e) if f[1] <= start]
    if frames:
        f_start, _f_end, verb, announcing = frames[-1]
        subject = _subject_before(text, s, f_start)
        if subject.strip():
            reading = _asserter_reading(subject, "reporting verb", verb, text, f_start)
            if announcing and reading.decided:
                return AttributionReading(
                    reading.kind, reading.source, False, "announcing verb + object", verb,
                    reading.aliases,
                )  # fmt: skip
            return reading
    for m in _SELON.finditer(text, s, e):
        who = _selon_np(m.group("who"))
        if _head_noun(who) in _NOT_ASSERTERS:
            continue
        return _asserter_reading(who, "selon/d'après", m.group().split()[0], text, s)
    after = _inverted_speaker(text, end, e)
    if after is not None:
        return _asserter_reading(after[0], "reporting verb after", after[1], text, s)
    return AttributionReading(AttributionKind.ARTICLE, "", True, "no attribution in the sentence")


_INVERTED = re.compile(
    r",\s*(?P<verb>(?:a|ont|avait)?\s*\w+)\s+(?P<who>(?:[A-ZÉ]|le |la |les |l['’])[^,.;«»]*)"
    r"\s*[.,;]?\s*$"
)


# Determiners that open a noun phrase of their own; de/du/des/au/aux are left out: after a noun
# they link its complement (les chiffres du ministère, l'agence des douanes)
_NP_OPENERS = frozenset(
    "le la les l' l’ un une ce cet cette ces son sa ses leur leurs notre nos votre vos".split()
)
_LINKS = frozenset("de d' d’ à par pour sur dans avec en et ou entre chez sous contre vers".split())


def _selon_np(who: str) -> str:
    """The noun phrase after *selon* / *d'après*: one phrase, so a determiner that follows it
    with no preposition or conjunction between opens the clause's subject (*Selon la direction
    le pourcentage restait limité* -> *la direction*)."""
    words = re.findall(r"[^\s'’]+['’]?", who)
    pos = 0
    for i, w in enumerate(words):
        pos = who.index(w, pos)
        if i >= 2 and w.lower() in _NP_OPENERS and words[i - 1].lower() not in _LINKS:
            return who[:pos].rstrip()
        pos += len(w)
    return who


def _inverted_speaker(text: str, end: int, s_end: int) -> tuple[str, str] | None:
    """``..., affirme le ministère.`` / ``..., a déclaré X.``: the asserter after the verb."""
    m = _INVERTED.search(text, end, s_end)
    if m is None:
        return None
    verb = m.group("verb").split()[-1].lower()
    if not _is_reporting(verb):
        return None
    return m.group("who"), m.group("verb")


def _speaker(text: str, s: int, e: int, quote: tuple[int, int]) -> AttributionReading | None:
    """Who speaks a quotation: the subject of the reporting verb that introduces or follows it."""
    after = _inverted_speaker(text, quote[1] + 1, e)
    if after is not None:
        return _asserter_reading(after[0], "quotation", after[1], text, s)
    verbs = [t for t in _tokens(text, s, quote[0]) if _is_reporting(t.low)]
    if verbs:
        subject = _subject_before(text, s, verbs[-1].start)
        if subject.strip():
            return _asserter_reading(subject, "quotation", verbs[-1].text, text, verbs[-1].start)
    return None


# --------------------------------------------------------------------------------------------
# Anaphora


def _asserters_before(text: str, pos: int, sentences: int = 3) -> list[Asserter]:
    """Asserters named in the sentences before ``pos`` (most recent last)."""
    found: list[Asserter] = []
    current = cursor = sentence_span(text, pos, pos)[0]
    spans: list[tuple[int, int]] = []
    while len(spans) < sentences and cursor > 0:
        prev_end = cursor - 1
        while prev_end > 0 and text[prev_end - 1].isspace():
            prev_end -= 1
        if prev_end <= 0:
            break
        spans.append(sentence_span(text, prev_end - 1, prev_end))
        cursor = spans[-1][0]
    for s, e in reversed(spans):
        for f_start, _f_end, _verb, _ann in _reporting_frames(text, s, e):
            subject = _strip_np(_subject_before(text, s, f_start))
            first = subject.split()[0].lower() if subject.split() else ""
            if (
                not subject
                or first in _PRONOUNS | _SPEAKERS
                or first in ("ces", "cette", "ce", "qui")
            ):
                continue
            document = _author_of_document(subject)
            name, aliases = document if document else _split_apposition(subject)
            found.append(Asserter(name, f_start, False, aliases))
        for m in _SELON.finditer(text, s, e):
            who = _strip_np(_selon_np(m.group("who")))
            if _is_indefinite(who):
                continue
            document = _author_of_document(who)
            name, aliases = document if document else _split_apposition(who)
            found.append(Asserter(name, m.start(), False, aliases))
        for m in re.finditer(
            r"(?:déclarations|propos|affirmations|annonce)\s+(?:de|du|d['’])\s*(?P<who>(?:M\.|Mme)?\s*[A-ZÉ][\w-]*(?:\s+[A-ZÉ][\w-]*)*)",
            text[s:e],
        ):
            found.append(Asserter(m.group("who").strip(), s + m.start(), False, ()))
    for s, e in [*reversed(spans), (current, pos)]:
        for m in _NAMED_SUBJECT.finditer(text, s, e):
            if m.start() == s or text[m.start() - 2 : m.start()].strip() in (";", ":", ","):
                found.append(Asserter(m.group("who"), m.start(), False, ()))
    return sorted(found, key=lambda a: a.start)


# A person or body named as the subject of a clause: "Charles Kennedy, chef de file..., peut"
_NAMED_SUBJECT = re.compile(
    r"(?P<who>(?:M\.|Mme)?\s*[A-ZÉ][\w-]+(?:\s+[A-ZÉ][\w-]+)+)(?=,|\s+(?:a|avait|est|peut|s['’]))"
)


def _gender(name: str) -> str:
    first = name.split()[0].lower() if name.split() else ""
    return {"le": "m", "un": "m", "ce": "m", "la": "f", "une": "f", "cette": "f"}.get(first, "")


def resolve_asserter(text: str, pos: int, anaphor: str = "") -> Asserter | None:
    """The named asserter that the subject at ``pos`` (*il*, *elle*, *ces rapports*, *la même
    source*...; ``anaphor`` when given, else the word at ``pos``) refers to: the last asserter
    named in the sentences before, agreeing in gender and number. ``decided`` when only one
    distinct asserter agrees."""
    s, e = sentence_span(text, pos, pos)
    if not anaphor:
        subject = next((w for w in _words(text, s, e) if w.end > pos), None)
        anaphor = subject.text if subject is not None else ""
    # a frame with nothing in it ("selon ." in a broken text) names no one
    candidates = [c for c in _asserters_before(text, pos) if c.name.split()]
    if not candidates:
        return None
    word = anaphor.split()[0].lower() if anaphor.split() else ""
    plural = word in ("ils", "elles", "ces")
    if word in ("il", "elle"):
        want = "m" if word == "il" else "f"
        candidates = [c for c in candidates if _gender(c.name) in ("", want)]
    if not plural:
        singular = [c for c in candidates if not c.name.lower().startswith(("les ", "des "))]
        candidates = singular or candidates
    if not candidates:
        return None
    chosen = candidates[-1]
    family = chosen.name.split()[-1].lower()
    same = [c for c in candidates if c.name.split()[-1].lower() == family]
    full = max(same, key=lambda c: len(c.name.split()) - c.name.startswith(("M.", "Mme")))
    aliases = tuple(dict.fromkeys(a for c in same for a in (c.name, *c.aliases) if a != full.name))
    distinct = {c.name.split()[-1].lower() for c in candidates}
    return Asserter(full.name, chosen.start, len(distinct) == 1, aliases)


# --------------------------------------------------------------------------------------------
# Per amount


def read_amount(text: str, start: int, end: int) -> AmountGrammar:
    """Status and attribution of the amount at ``text[start:end]``."""
    return AmountGrammar(
        start,
        end,
        text[start:end],
        sentence_span(text, start, end),
        read_status(text, start, end),
        read_attribution(text, start, end),
    )


def read_amounts(text: str, mentions: Iterable[NumberMention] | None = None) -> list[AmountGrammar]:
    """``read_amount`` for every quantity and percent of ``mentions``: the numbers of ``text``
    already found (a ``Document``'s), or ``find_numbers(text)`` when none are given."""
    found = find_numbers(text) if mentions is None else mentions
    return [read_amount(text, m.start, m.end) for m in found if m.kind in AMOUNT_KINDS]
