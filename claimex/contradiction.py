"""Where the text says one asserter's words contradict another's, read from French grammar. Pure.

A model reads claims one by one and misses the sentence that sets two of them against each other
(*Les déclarations de M. X contredisent les informations diffusées par les médias...*). French
states that frame with a closed set of words, and code can read it:

- **verbs** that say an assertion is false: *contredire, démentir, réfuter, infirmer, nier,
  désavouer*, in any tense, person or voice: active ``X contredit Y`` (``Y`` a noun phrase, a
  *que* clause or, after *démentir / nier / contester*, an infinitive: *il dément avoir...*),
  passive ``Y est contredit par X``, the participle ``Y, démenti par X``, the relative
  ``..., ce que dément X`` (the target is the clause *ce* sums up) and the detached participle
  ``X a réagi, démentant Y`` (the main clause's subject). *contester* and
  *rejeter* also mean to challenge a result or turn down an offer (*contester le titre*,
  *rejeter une proposition*): they count only when what they govern is an assertion (a *que*
  clause, *ces chiffres*, *les accusations*, *ce qu'affirme X*).
- **locutions**: *s'inscrire en faux contre Y*, *aller à l'encontre de Y*, *être en
  contradiction / en porte-à-faux avec Y* (with a copula: *Y* governed by a noun alone is not
  read). *à l'encontre de* without *aller* means "against" and is not read; nor is *contre*.
- **prepositions**: *contrairement à Y*, *à l'inverse de Y*, *à rebours de Y*, when ``Y`` is an
  assertion (*aux annonces du gouvernement*, *à ce qu'affirme X*) or an asserter whose view the
  main clause answers with a reporting verb (*Contrairement à Moscou, Kiev affirme que...*).
  The asserter is that verb's subject, else the article itself (``""``).
- *alors que* is not read: it is temporal as often as adversative, and even adversative it
  sets two facts side by side (*X annonce 3 000, alors que Y en compte 10 000*) without saying
  that either is false.
- **not** a disagreement: a negated cue (*ne contredit pas, n'a jamais démenti, ni confirmé ni
  démenti, sans contredire*), a reflexive one (*son succès ne s'est jamais démenti*, *il se
  contredit*, *les deux rapports se contredisent*: no object to point at).

The asserter is the subject, resolved as ``claimex.attribution`` resolves an amount's asserter
(*il dément* -> the person named before, *les déclarations de M. X* -> *M. X*, *certains
experts* -> anonymous). The target is the governed noun phrase or clause, up to the end of the
sentence, a semicolon or colon, or a comma that opens an adverbial, an incise or a new clause;
its source is what the target names: *publiées / diffusées par X*, *les chiffres de X*, *selon X*,
*ce qu'affirme X*, an anaphor (*ces chiffres*) resolved like a subject, or the target itself when
it is an asserter (*contrairement à Moscou*). A denial of one's own earlier words is returned too
(its target names no other source).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from claimex.attribution import (
    _ADVERBS,
    _AUXILIARIES,
    _CLAUSE_WORDS,
    _DOCUMENT_HEADS,
    _INDEFINITE,
    _PRONOUNS,
    _is_reporting,
    _reporting_frames,
    _Tok,
    _tokens,
    read_asserter,
    subject_before,
)
from claimex.chunking import split_sentences
from claimex.schemas import AttributionKind

__all__ = ["Disagreement", "read_disagreements"]


@dataclass(frozen=True, slots=True)
class Disagreement:
    """One sentence in which the text says that one asserter's words contradict another's."""

    cue: str  # the words that say it: 'contredisent', 'a démenti', 'contrairement à'
    sentence: tuple[int, int]  # offsets of the sentence in the text
    asserter: str  # who contradicts, resolved to a name the text gives; '' if none
    asserter_span: tuple[int, int] | None  # where that name is in the text
    target: tuple[int, int]  # what is contradicted, trimmed; text[target[0]:target[1]] verbatim
    target_source: str  # who asserted the contradicted thing, when the target names it, else ''
    target_kind: AttributionKind  # indirect_speech / anonymous for target_source; article if ''
    asserter_kind: AttributionKind  # the same for the asserter ('' -> article)
    decided: bool  # grammar decides the asserter (False: a noun anaphor or ambiguous pronoun)
    rule: str  # which frame read it: 'active verb', 'passive', 'contrairement à'...


# --------------------------------------------------------------------------------------------
# Words

_ER = r"(?:e|es|ent|ons|ez|ais|ait|aient|ai|a|as|èrent|é|ée|és|ées|er|era|eront|erait|eraient|ant)"
# lemma -> its finite forms, participles and infinitive (fullmatch on the lower-case word)
_VERBS: dict[str, re.Pattern[str]] = {
    "contredire": re.compile(
        r"contredi(?:s|t|te|tes|ts|sons|sez|sent|sais|sait|saient|sant|re|ra|ront|rait|raient|rent)"
    ),
    "démentir": re.compile(
        r"démen(?:s|t|tent|tons|tez|tais|tait|taient|tant|ti|tie|tis|ties|tir|tira|tiront"
        r"|tirait|tiraient|tirent|te|tes)"
    ),
    "réfuter": re.compile(rf"réfut{_ER}"),
    "infirmer": re.compile(rf"infirm{_ER}"),
    "nier": re.compile(rf"ni{_ER}"),
    "désavouer": re.compile(rf"désavou{_ER}"),
    "contester": re.compile(rf"contest{_ER}"),
    "rejeter": re.compile(
        r"rejet(?:te|tes|tent|ons|ez|ais|ait|aient|a|èrent|é|ée|és|ées|er|tera|teront|terait"
        r"|teraient|ant)"
    ),
}
# these also mean "challenge a result" / "turn down an offer": read only with an assertion
_NEED_ASSERTION = frozenset({"contester", "rejeter"})
# these take an infinitive for what they deny: "il dément avoir reçu..."
_TAKE_INFINITIVE = frozenset({"démentir", "nier", "contester"})

# Nouns that name something said or written, which can be true or false
_ASSERTION_HEADS = _DOCUMENT_HEADS | frozenset(
    """affirmation affirmations allégation allégations accusation accusations assertion
    assertions propos dires conclusion conclusions version versions thèse thèses rumeur rumeurs
    annonce annonces révélation révélations témoignage témoignages récit récits hypothèse
    hypothèses théorie théories analyse analyses évaluation évaluations interprétation
    interprétations explication explications argument arguments discours position positions
    assurances démenti démentis promesse promesses reportage reportages
    articles constat constats diagnostic diagnostics avis idée idées bruits
    informations chiffre chiffres bilan bilans""".split()
)
# Nouns that name who speaks: a target that is one is its own source (contrairement à Moscou)
_BODY_HEADS = frozenset(
    """gouvernement gouvernements ministère ministères ministre ministres président présidente
    présidence police armée autorités opposition syndicat syndicats parti partis agence
    organisation commission porte-parole direction entreprise société groupe journal journaux
    presse médias média experts expert analystes chercheurs scientifiques témoins enquêteurs
    justice tribunal état-major services rebelles manifestants organisateurs préfecture mairie
    maire avocat avocats procureur parquet diplomatie chancellerie kremlin opposants""".split()
)
_NP_OPENERS = frozenset(
    """le la les l un une des du de d ce cet cette ces son sa ses leur leurs mon ma mes notre
    nos votre vos tout toute tous toutes certains certaines plusieurs quelques aucun aucune
    celui celle ceux celles cela ceci ça chaque divers diverses nombre""".split()
)
_PRE_HEAD = frozenset(
    """tout toute tous toutes premières premiers première premier nouvelles nouveaux nouvelle
    nouveau dernières derniers dernière dernier récentes récents prétendues prétendus
    prétendue prétendu soi-disant propres propre même mêmes autres principales principaux""".split()
)
_CLITICS = frozenset("ne n se s y en l le la les lui leur me m te t nous vous".split())
_OBJECT_CLITICS = frozenset("l le la les".split())
_ETRE = frozenset(
    "est sont était étaient sera seront serait seraient fut furent été soit soient être".split()
)
_COPULAS = _ETRE | frozenset(
    """trouve trouvent trouvait trouvaient semble semblent semblait semblaient paraît
    paraissent paraissait demeure demeurent reste restent restait entre entrent""".split()
)
_NEGATIONS = frozenset("pas jamais plus guère point nullement aucunement rien".split())
_VERB_GROUP = _AUXILIARIES | _ETRE | _CLITICS | _NEGATIONS
_AUX_OR_NEGATION = _AUXILIARIES | _ETRE | _NEGATIONS
_PREPOSITIONS = frozenset(
    """à au aux en dans lors par pour selon après avant depuis devant derrière sur sous chez
    malgré durant pendant vers entre contre avec sans parmi dès jusqu jusque hors outre comme
    hier aujourd demain lundi mardi mercredi jeudi vendredi samedi dimanche alors mais car
    tandis puisque lorsque quand si ainsi ce""".split()
)
# after a comma, these go on with the noun phrase: "celles publiées par X", ", qui suggéraient"
_CONTINUATIONS = frozenset(
    """notamment surtout particulièrement dont qui que qu lequel laquelle lesquels lesquelles
    celles celle ceux celui soit voire y""".split()
)
_PARTICIPLE = re.compile(
    r"\w{2,}(?:é|ée|és|ées)|parue?s?|émise?s?|faite?s?|produite?s?|écrite?s?|reprise?s?"
    r"|transmise?s?|rendue?s?|diffusée?s?"
)
_INFINITIVE = re.compile(r"\w+(?:er|ir|re|oir)")
_CLAUSE_STARTERS = frozenset("que qu".split())
_COORDINATORS = frozenset("et mais puis".split())
_QUOTES = {"«": "»", "“": "”", "(": ")"}

_LOCUTIONS: list[tuple[str, re.Pattern[str]]] = [
    ("s'inscrire en faux contre", re.compile(r"\binscri\w*\s+en\s+faux\s+contre\b", re.I)),
    (
        "aller à l'encontre de",
        re.compile(
            r"\b(?:va|vais|vas|vont|allons|allez|allais|allait|allaient|alla|allèrent|allée?s?"
            r"|aller|allant|ira|iront|irait|iraient|aille|aillent)\b(?:\s+\w+){0,2}?"
            r"\s+à\s+l['’]encontre\s+(?:de\b|du\b|des\b|d['’])",
            re.I,
        ),
    ),
    (
        "en contradiction avec",
        re.compile(r"\ben\s+(?:\w+\s+)?contradiction\s+(?:\w+\s+)?avec\b", re.I),
    ),
    ("en porte-à-faux avec", re.compile(r"\ben\s+porte-à-faux\s+(?:avec|vis-à-vis\s+de)\b", re.I)),
]
_PREPOSITIONAL: list[tuple[str, re.Pattern[str]]] = [
    ("contrairement à", re.compile(r"\bcontrairement\s+(?:à\s+|au\b|aux\b)", re.I)),
    ("à l'inverse de", re.compile(r"\bà\s+l['’]inverse\s+(?:de\s+|du\b|des\b|d['’])", re.I)),
    ("à rebours de", re.compile(r"\bà\s+rebours\s+(?:de\s+|du\b|des\b|d['’])", re.I)),
]


def _sentences(text: str) -> Iterator[tuple[int, int]]:
    """The sentences of ``text``, never across a line break (as ``sentence_span`` cuts them)."""
    start = 0
    for line in text.split("\n"):
        yield from split_sentences(text, start, start + len(line))
        start += len(line) + 1


def _lemma(word: str) -> str | None:
    return next((lemma for lemma, form in _VERBS.items() if form.fullmatch(word)), None)


def _is_word(t: _Tok) -> bool:
    return t.text[0].isalnum()


# --------------------------------------------------------------------------------------------
# Noun phrases


def _head(text: str, start: int, end: int) -> str:
    """The head noun of the noun phrase at ``text[start:end]``: its first word after the
    determiners and the adjectives that come before a noun."""
    for t in _tokens(text, start, end):
        if _is_word(t) and t.low not in _NP_OPENERS and t.low not in _PRE_HEAD:
            return t.low
    return ""


def _is_assertion(text: str, span: tuple[int, int]) -> bool:
    """Whether the target is something said: a *que* clause, *ce qu'affirme X*, a noun that
    names an assertion."""
    words = [t for t in _tokens(text, *span) if _is_word(t)]
    if not words:
        return False
    if words[0].low == "ce" and len(words) > 1 and words[1].low in _CLAUSE_STARTERS:
        return any(_is_reporting(w.low) for w in words[2:])
    return _head(text, *span) in _ASSERTION_HEADS


def _np_end(text: str, toks: list[_Tok], k: int, end: int, fronted: bool) -> int:
    """Where the noun phrase or clause that starts at ``toks[k]`` ends: at a semicolon or colon,
    at a comma that opens an adverbial, an incise or (``fronted``: after *contrairement à X*)
    the main clause, or at *et* / *mais* before a new verb."""
    depth: list[str] = []
    for i in range(k, len(toks)):
        t = toks[i]
        if depth:
            if t.text == depth[-1]:
                depth.pop()
            continue
        if t.text in _QUOTES:
            depth.append(_QUOTES[t.text])
            continue
        nxt = next((u for u in toks[i + 1 :] if _is_word(u)), None)
        if t.text in (";", ":", ")", "»", "”"):
            return t.start
        if t.text == "," and i > k:
            if nxt is None:
                return t.start
            low = nxt.low
            goes_on = low in _CONTINUATIONS or _PARTICIPLE.fullmatch(low) is not None
            if fronted:
                stop = not goes_on
            else:
                stop = not goes_on and (
                    low in _PREPOSITIONS or low.endswith(("ment", "ant")) or _verbish(nxt)
                )
            if stop:
                return t.start
        if t.low in _COORDINATORS and i > k and nxt is not None and _verbish(nxt):
            return t.start
    return end


def _verbish(t: _Tok) -> bool:
    """A word that opens a new predicate or an incise: an auxiliary, a reporting verb, a cue."""
    low = t.low
    return (
        low in _AUXILIARIES
        or low.startswith(("a-t-", "ont-", "avait-"))
        or (_is_reporting(low) and not low.endswith("ment"))
        or _lemma(low) is not None
    )


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:"):
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return start, end


def _np_after(text: str, m_end: int, end: int) -> tuple[int, int]:
    """The noun phrase after *par*, *de*, *selon*...: up to a comma, a clause word, a
    preposition other than *de* (*les conclusions de l'OMS sur...*) or a participle."""
    for t in _tokens(text, m_end, end):
        if (
            t.text in ",;:()«»"
            or t.low in _CLAUSE_WORDS
            or (t.low in _PREPOSITIONS and t.low not in ("à", "au", "aux") and t.start > m_end)
            or ((t.low in _AUXILIARIES or _PARTICIPLE.fullmatch(t.low)) and t.start > m_end)
        ):
            return _trim(text, m_end, t.start)
    return _trim(text, m_end, end)


# --------------------------------------------------------------------------------------------
# Asserters


def _locate(text: str, name: str, lo: int, hi: int, before: int) -> tuple[int, int] | None:
    """Where ``name`` is written (its first letter in either case, its determiner left out when
    the text contracts it: *du ministre* for *le ministre*): inside ``text[lo:hi]``, else its
    last mention before ``before``."""
    bare = re.sub(r"^(?:le|la|les|l['’])\s*", "", name, flags=re.I)
    for form in dict.fromkeys((name, bare)):
        if not form:
            continue
        pattern = re.compile(
            f"[{re.escape(form[0].lower())}{re.escape(form[0].upper())}]{re.escape(form[1:])}"
        )
        inside = pattern.search(text, lo, hi)
        if inside is not None:
            return inside.span()
        earlier = [m.span() for m in pattern.finditer(text, 0, before)]
        if earlier:
            return earlier[-1]
    return None


_Who = tuple[str, tuple[int, int] | None, AttributionKind, bool]
_NOBODY: _Who = ("", None, AttributionKind.ARTICLE, True)


def _who(
    text: str, span: tuple[int, int], pos: int, rule: str, det: str = "", anaphora: bool = False
) -> _Who:
    """The asserter the noun phrase at ``span`` names (``det`` put back where the text contracts
    it: *du gouvernement* -> *le gouvernement*), and where it is."""
    return _who_named(text, det + text[span[0] : span[1]], span, pos, rule, anaphora)


def _who_named(
    text: str, np: str, near: tuple[int, int], pos: int, rule: str, anaphora: bool = False
) -> _Who:
    """The asserter ``np`` names, resolved as attribution does (pronoun, document, anaphor;
    ``anaphora`` keeps only an anaphor's antecedent), found in ``text[near]`` or before it. An
    anaphor resolved to an assertion (*ce contre-rapport* -> *la thèse américaine*) resolved to
    no asserter: the noun phrase itself is kept, undecided."""
    if not np.strip():
        return _NOBODY
    reading = read_asserter(text, np, pos, rule)
    if not reading.source or reading.kind is AttributionKind.ARTICLE:
        return _NOBODY
    if reading.rule == "anaphora" and _head(reading.source, 0, len(reading.source)) in (
        _ASSERTION_HEADS | _SPEECH_HEADS
    ):
        if anaphora:
            return _NOBODY
        name = np.split(",")[0].strip()  # "Ce contre-rapport, d'une longueur de 67 pages"
        return name, _locate(text, name, *near, near[0]), AttributionKind.INDIRECT_SPEECH, False
    if anaphora and reading.rule != "anaphora":
        return _NOBODY
    where = _locate(text, reading.source, *near, near[0])
    return reading.source, where, reading.kind, reading.decided


_DE = re.compile(r"\s*(?P<prep>du|des|de|d['’])\s*", re.I)
_BY = re.compile(r"\b\w+\s+(?:\w+ment\s+)?par\s+", re.I)
_SELON_IN = re.compile(r"\b(?:selon|d['’]après)\s+(?!lequel|laquelle|lesquel)", re.I)
# Nouns of speech take their speaker as complement (les propos de X); a document's complement
# may be its topic (les chiffres du chômage), so it must name an asserter
_SPEECH_HEADS = frozenset(
    """affirmation affirmations allégation allégations accusation accusations assertion
    assertions propos dires version versions thèse thèses déclaration déclarations annonce
    annonces révélation révélations témoignage témoignages récit récits démenti démentis
    promesse promesses position positions discours assurances avis explications arguments
    interprétation interprétations celles celle ceux celui""".split()
)


def _author(text: str, head: _Tok, t1: int) -> _Who:
    """*les chiffres officiels du ministère* -> *le ministère*: the *de* complement after the
    head and its adjectives, when it names an asserter (or follows a noun of speech)."""
    after = head.end
    for t in _tokens(text, head.end, t1):
        if t.low in ("de", "d", "du", "des"):
            m = _DE.match(text, after)
            if m is None:
                return _NOBODY
            who = _np_after(text, m.end(), t1)
            det = {"du": "le ", "des": "les "}.get(m.group("prep").lower(), "")
            if head.low in _SPEECH_HEADS or _names_asserter(text, who):
                return _who(text, who, head.start, "author of the assertion", det)
            return _NOBODY
        if not _is_word(t) or t.text[0].isupper() or t.low in _NP_OPENERS:
            return _NOBODY
        if t.low.endswith("ment") or _PARTICIPLE.fullmatch(t.low):
            return _NOBODY  # "les informations largement diffusées par": read by "par"
        after = t.end
    return _NOBODY


def _source_of(text: str, target: tuple[int, int], pos: int) -> _Who:
    """Who the target says asserted it: *les chiffres de X*, *diffusées par X*, *selon X*,
    *ce qu'affirme X*, an anaphor (*ces chiffres*), or the target itself when it is an
    asserter (*Moscou*, *le gouvernement*)."""
    t0, t1 = target
    words = [t for t in _tokens(text, t0, t1) if _is_word(t)]
    if not words:
        return _NOBODY
    if words[0].low == "ce" and len(words) > 2 and words[1].low in _CLAUSE_STARTERS:
        verb = next((w for w in words[2:] if _is_reporting(w.low)), None)
        if verb is not None:
            before = [w for w in words[2:] if w.start < verb.start and w.low not in _AUXILIARIES]
            if before:  # "ce que le gouvernement affirmait", "ce qu'il a dit"
                return _who(text, (before[0].start, before[-1].end), verb.start, "ce que X dit")
            return _who(text, _np_after(text, verb.end, t1), verb.start, "ce que dit X")
    if words[0].low in ("celles", "celle", "ceux", "celui"):
        head: _Tok | None = words[0]
    else:
        head = next((w for w in words if w.low not in _NP_OPENERS | _PRE_HEAD), None)
    possessive = words[0].low in ("son", "sa", "ses", "leur", "leurs")  # names its speaker
    if head is not None and head.low in _ASSERTION_HEADS | _SPEECH_HEADS and not possessive:
        found = _author(text, head, t1)
        if found[0]:
            return found
    for pattern, rule in ((_BY, "published by"), (_SELON_IN, "selon")):
        for m in pattern.finditer(text, t0, t1):
            if rule == "published by" and not _PARTICIPLE.fullmatch(m.group().split()[0].lower()):
                continue
            det = ""
            if m.end() + 3 <= t1 and text[m.end() : m.end() + 3].lower() in ("du ", "au "):
                continue
            found = _who(text, _np_after(text, m.end(), t1), m.start(), rule, det)
            if found[0]:
                return found
    if words[0].low in ("ces", "ce", "cet", "cette") and _head(text, t0, t1) in _ASSERTION_HEADS:
        return _who(text, _np_after(text, t0, t1), pos, "anaphor", anaphora=True)
    if _names_asserter(text, target) and words[0].low not in _INDEFINITE | {"ce", "ces"}:
        return _who(text, target, pos, "the target is an asserter")
    return _NOBODY


def _names_asserter(text: str, span: tuple[int, int]) -> bool:
    """A noun phrase that names who speaks: a proper name, a title, a body (*le ministère*)."""
    head = _head(text, *span)
    np = text[span[0] : span[1]]
    proper = any(w[:1].isupper() for w in re.findall(r"[^\s'’]+", np)[:3])
    return (
        head in _BODY_HEADS
        or np.startswith(("M. ", "Mme "))
        or (proper and head not in _ASSERTION_HEADS)
    )


# --------------------------------------------------------------------------------------------
# Frames


def _negated(toks: list[_Tok], i: int, j: int) -> bool:
    """*ne contredit pas*, *n'a jamais démenti*, *ne l'a pas démenti*, *ni confirmé ni démenti*,
    *sans contredire*: the cue ``toks[i:j]`` negated within its clause."""
    cut = max((k for k, t in enumerate(toks[max(0, i - 6) : i]) if t.text == ","), default=-1)
    before = [t for t in toks[max(0, i - 6) + cut + 1 : i] if _is_word(t)]
    lows = [t.low for t in before]
    if lows[-1:] == ["ni"] or lows[-2:-1] == ["ni"] or "sans" in lows[-4:]:
        return True
    if "ne" in lows or "n" in lows:
        after = [t.low for t in toks[j : j + 3] if _is_word(t)]
        k = max(k for k, w in enumerate(lows) if w in ("ne", "n"))
        return any(w in _NEGATIONS for w in lows[k + 1 :] + after)
    return False


def _group_start(toks: list[_Tok], i: int) -> tuple[int, bool, bool, bool]:
    """The first token of the verb group that ends at ``toks[i]`` (auxiliaries, clitics,
    adverbs, *ne*) and whether it holds a reflexive *se*, an *être* auxiliary, an object
    clitic (*les dément*)."""
    k = i
    reflexive = passive = clitic = False
    while k > 0:
        t = toks[k - 1]
        if t.text in "'’":
            k -= 1
            continue
        low = t.low
        if low in ("se", "s") and k - 1 > 0 and toks[k - 2].low != "qu":
            reflexive = True
        elif low in _ETRE:
            passive = True
        elif low in _OBJECT_CLITICS:
            clitic = clitic or k == i or toks[k].low in _AUXILIARIES or toks[k].text in "'’"
        elif low.endswith("ment") and k > 1 and toks[k - 2].low in _AUX_OR_NEGATION:
            pass  # "sont formellement rejetées"; not "le gouvernement dément"
        elif low not in _VERB_GROUP and (low not in _ADVERBS or low in _PRONOUNS):
            break  # "elle" is in the adverbs ("lui-même, elle aussi") but subjects here
        k -= 1
    return k, reflexive, passive, clitic


def _object_start(toks: list[_Tok], j: int, lemma: str) -> tuple[int, bool] | None:
    """The token that opens the object after the cue (adverbs and comma-bound adverbials
    skipped), and whether it is a clause (*que*, an infinitive)."""
    while j < len(toks):
        t = toks[j]
        if t.text == ",":
            nxt = next((u for u in toks[j + 1 :] if _is_word(u)), None)
            if nxt is not None and (nxt.low in _PREPOSITIONS or nxt.low.endswith("ment")):
                j = next((k for k in range(j + 1, len(toks)) if toks[k].text == ","), len(toks))
                continue
            j += 1
            continue
        if t.text in "'’" or t.low in _NEGATIONS or t.low.endswith("ment"):
            j += 1
            continue
        if t.low in _ADVERBS and t.low not in _NP_OPENERS | _CLAUSE_STARTERS:
            j += 1
            continue
        if t.low in _CLAUSE_STARTERS:
            k = j + 1
            while k < len(toks) and not _is_word(toks[k]):
                k += 1
            return (k, True) if k < len(toks) else None
        if t.low in _NP_OPENERS or (t.text[0].isupper() and t.text[0].isalpha()):
            return j, False
        if lemma in _TAKE_INFINITIVE and (
            t.low in ("avoir", "être") or _INFINITIVE.fullmatch(t.low)
        ):
            return j, True
        return None
    return None


def _verb_frames(text: str, s: int, e: int) -> Iterator[Disagreement]:
    toks = _tokens(text, s, e)
    for i, t in enumerate(toks):
        lemma = _lemma(t.low)
        if lemma is None or (i > 0 and toks[i - 1].low in ("un", "le", "ce", "du", "son", "leur")):
            continue  # "un démenti", "le rejet": nouns
        if _negated(toks, i, i + 1):
            continue
        g, reflexive, passive, clitic = _group_start(toks, i)
        if reflexive:
            continue
        cue = text[toks[g].start if toks[g].low in _AUXILIARIES else t.start : t.end]
        by = next((k for k in range(i + 1, min(i + 4, len(toks))) if toks[k].low == "par"), None)
        participle = t.low.endswith(("é", "ée", "és", "ées", "ti", "tie", "tis", "ties", "dit",
                                     "dite", "dits", "dites"))  # fmt: skip
        active_aux = toks[g].low in _AUXILIARIES and toks[g].low not in _ETRE and not passive
        if participle and (passive or (by is not None and not active_aux and g == i)):
            yield from _passive(text, toks, s, e, i, g, by, lemma, cue)
            continue
        if clitic:
            k = next(k for k in range(g, i) if toks[k].low in _OBJECT_CLITICS)
            target = (toks[k].start, toks[k].end)
            who = _subject(text, s, toks, g, t.start)
            yield _make(cue, (s, e), who, target, _NOBODY, "active verb, object pronoun")
            continue
        relative = _ce_que(toks, g)
        if relative is not None:
            found = _ce_que_frame(text, toks, s, e, relative, g, i, cue)
            if found is not None:
                yield found
            continue
        start = _object_start(toks, i + 1, lemma)
        if start is None:
            continue
        k, clause = start
        # "Les syndicats, qui contestent les chiffres, revendiquent...": the relative ends at
        # its comma
        in_relative = g > 1 and toks[g - 1].low == "qui" and toks[g - 2].text == ","
        target = _trim(text, toks[k].start, _np_end(text, toks, k, e, in_relative))
        if target[0] >= target[1]:
            continue
        if lemma in _NEED_ASSERTION and not clause and not _is_assertion(text, target):
            continue
        subject_at = g
        if t.low.endswith("ant") and (toks[g].low == "en" or (g > 0 and toks[g - 1].text == ",")):
            # "X a réagi, démentant...", "en démentant": the main clause's subject
            first = next((k for k in range(g) if _verbish(toks[k])), None)
            subject_at = subject_at if first is None else _group_start(toks, first)[0]
        who = _subject(text, s, toks, subject_at, t.start)
        source = _NOBODY if clause else _source_of(text, target, t.start)
        yield _make(cue, (s, e), who, target, source, "active verb")


def _ce_que(toks: list[_Tok], g: int) -> int | None:
    """The index of *que* in *..., ce que (X) dément*: the verb group at ``toks[g]`` is in a
    relative whose antecedent *ce* sums up the clause before it."""
    for k in range(g - 1, 0, -1):
        if toks[k].text in ",;:":
            return None
        if toks[k].low in _CLAUSE_STARTERS and toks[k - 1].low == "ce":
            return k
    return None


def _ce_que_frame(
    text: str, toks: list[_Tok], s: int, e: int, k: int, g: int, i: int, cue: str
) -> Disagreement | None:
    """*Selon X, l'armée aurait perdu 200 hommes, ce que dément Y*: the target is the clause
    that *ce* sums up (its *selon* frame left out and read as its source), the asserter the
    subject of the relative, inverted (*ce que dément Y*) or not (*ce que Y dément*)."""
    first = next((j for j in range(k + 1, g) if _is_word(toks[j])), None)
    if first is not None:
        who = _who(text, (toks[first].start, toks[g - 1].end), toks[i].start, "subject")
    else:
        who = _who(text, _np_after(text, toks[i].end, e), toks[i].start, "inverted subject")
    ce = toks[k - 1].start
    begin = max((t.end for t in toks if t.end <= ce and t.text in ";:"), default=s)
    source = _NOBODY
    m = _SELON_IN.match(text, _trim(text, begin, ce)[0])
    if m is not None:
        frame = _np_after(text, m.end(), ce)
        source = _who(text, frame, m.start(), "selon")
        begin = frame[1]
    target = _trim(text, begin, ce)
    while target[0] < target[1] and not text[target[0]].isalnum():
        target = (target[0] + 1, target[1])  # the comma that closed the selon frame
    if target[0] >= target[1]:
        return None  # "Ce que dément X est..." opens the sentence: nothing before it
    return _make(cue, (s, e), who, target, source, "ce que X dément")


def _subject(text: str, s: int, toks: list[_Tok], g: int, verb_start: int) -> _Who:
    """The subject of the verb group at ``toks[g]``; for an infinitive (*tient à démentir*),
    the subject of the verb that governs it."""
    start = toks[g].start
    if g == len(toks) or _INFINITIVE.fullmatch(toks[g].low) or toks[g].low.endswith("ant"):
        k = g - 1
        while k >= 0 and (toks[k].low in ("de", "d", "à", "pour") or not _is_word(toks[k])):
            k -= 1
        if k >= 0 and k < g - 1:
            start = _group_start(toks, k)[0]
            start = toks[start].start
    np = subject_before(text, s, start)
    if not np.strip():
        return _NOBODY
    lo = text.find(np.strip(), s, start)
    span = (lo, lo + len(np.strip())) if lo >= 0 else (start, start)
    if lo < 0:  # "le ministère, qui a démenti": subject_before rebuilt the antecedent
        return _who_named(text, np, (s, start), verb_start, "subject")
    return _who(text, span, verb_start, "subject")


def _passive(
    text: str,
    toks: list[_Tok],
    s: int,
    e: int,
    i: int,
    g: int,
    by: int | None,
    lemma: str,
    cue: str,
) -> Iterator[Disagreement]:
    """*Y est contredit par X*, *Y a été démenti*, *Y, démenti par X, ...*: the target is the
    subject (or the noun phrase the participle follows), the asserter the agent."""
    if toks[g].low in _AUXILIARIES:
        np = subject_before(text, s, toks[g].start)
        lo = text.rfind(np.strip(), s, toks[g].start) if np.strip() else -1
        target = _trim(text, lo, lo + len(np.strip())) if lo >= 0 else None
    else:
        # "les chiffres démentis par X": the noun phrase the participle follows; "Ces
        # informations, démenties par X, ...": the one before the comma
        end = g - 1 if g > 0 and toks[g - 1].text == "," else g
        k = end
        while k > 0 and toks[k - 1].text not in ",;:" and toks[k - 1].low not in ("qui", "que"):
            k -= 1
        target = _trim(text, toks[k].start, toks[end].start) if k < end else None
    if target is None or target[0] >= target[1]:
        return
    if lemma in _NEED_ASSERTION and not _is_assertion(text, target):
        return
    who = _NOBODY
    if by is not None:
        who = _who(text, _np_after(text, toks[by].end, e), toks[i].start, "agent")
    source = _source_of(text, target, toks[i].start)
    yield _make(
        cue, (s, e), who, target, source, "passive" if by is not None else "passive, no agent"
    )


def _make(
    cue: str,
    sentence: tuple[int, int],
    who: _Who,
    target: tuple[int, int],
    source: _Who,
    rule: str,
) -> Disagreement:
    return Disagreement(
        cue=cue,
        sentence=sentence,
        asserter=who[0],
        asserter_span=who[1],
        target=target,
        target_source=source[0],
        target_kind=source[2] if source[0] else AttributionKind.ARTICLE,
        asserter_kind=who[2] if who[0] else AttributionKind.ARTICLE,
        decided=who[3],
        rule=rule,
    )


def _governed(
    text: str, toks: list[_Tok], after: int, e: int, fronted: bool
) -> tuple[int, int] | None:
    """The noun phrase a preposition governs: from its first word after ``after``."""
    j = next((k for k, t in enumerate(toks) if t.start >= after and _is_word(t)), None)
    if j is None:
        return None
    target = _trim(text, toks[j].start, _np_end(text, toks, j, e, fronted))
    return target if target[0] < target[1] else None


def _locution_frames(text: str, s: int, e: int) -> Iterator[Disagreement]:
    """*s'inscrire en faux contre Y*, *aller à l'encontre de Y*, *être en contradiction avec Y*."""
    toks = _tokens(text, s, e)
    for name, pattern in _LOCUTIONS:
        for m in pattern.finditer(text, s, e):
            i = next(k for k, t in enumerate(toks) if t.start >= m.start())
            j = next((k for k, t in enumerate(toks) if t.start >= m.end()), len(toks))
            if _negated(toks, i, j):
                continue
            g = i
            if name in ("en contradiction avec", "en porte-à-faux avec"):
                if i == 0 or toks[i - 1].low not in _COPULAS:
                    continue  # "des chiffres en contradiction avec...": a noun's modifier
                g = i - 1
            g = _group_start(toks, g)[0]
            target = _governed(text, toks, m.end(), e, False)
            if target is None:
                continue
            who = _subject(text, s, toks, g, m.start())
            cue = " ".join(m.group().split())
            yield _make(cue, (s, e), who, target, _source_of(text, target, m.start()), name)


def _prepositional_frames(text: str, s: int, e: int) -> Iterator[Disagreement]:
    """*Contrairement à Y, X affirme...*, *à l'inverse des annonces de Y*, *à rebours de Y*."""
    toks = _tokens(text, s, e)
    for name, pattern in _PREPOSITIONAL:
        for m in pattern.finditer(text, s, e):
            target = _governed(text, toks, m.end(), e, True)
            if target is None:
                continue
            frames = [
                f for f in _reporting_frames(text, s, e) if not (m.start() <= f[0] < target[1])
            ]
            assertion = _is_assertion(text, target)
            if not assertion and not (frames and _names_asserter(text, target)):
                continue  # "contrairement à son frère, il est grand"
            who = _NOBODY
            if frames:
                k = next(k for k, t in enumerate(toks) if t.start >= frames[-1][0])
                who = _subject(text, s, toks, _group_start(toks, k)[0], frames[-1][0])
                if who[1] is not None and m.start() <= who[1][0] < target[1]:
                    who = _NOBODY
            cue = " ".join(m.group().split())
            yield _make(cue, (s, e), who, target, _source_of(text, target, m.start()), name)


def read_disagreements(text: str) -> list[Disagreement]:
    """Every disagreement the text states, in text order (module docstring for the rules)."""
    found: list[Disagreement] = []
    for s, e in _sentences(text):
        found.extend(_verb_frames(text, s, e))
        found.extend(_locution_frames(text, s, e))
        found.extend(_prepositional_frames(text, s, e))
    return sorted(found, key=lambda d: (d.sentence[0], d.target[0]))
