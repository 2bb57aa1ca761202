"""Bounds that French states with a verb or a noun around a number the scanner reads as exact.

"dépasse 14 000", "pouvant atteindre 75 000 €", "limitée à 90 km/h", "sous les 7 ans", "un
plancher de 100 milliards": the number is written as such (the gold annotates it ``exact``),
while the words around it say it is exceeded, a ceiling, or a floor. A claim that gives that
bound as its qualifier says what the text says; the validator accepts it, and only it.
"""

from __future__ import annotations

import re

from claimex.numbers import NumberMention, Qualifier

_WS = r"[\s\u00a0\u202f]"
_ADVERB = rf"(?:(?:[^\W\d_]+ment|toujours|encore|déjà|désormais|bien|ainsi|donc|même){_WS}+)?"
_THRESHOLD = (
    rf"(?:(?:les|la{_WS}+barre{_WS}+des|le{_WS}+cap{_WS}+des|le{_WS}+seuil{_WS}+des){_WS}+)?"
)
_EXCEED = rf"(?:dépass|exc[éè]d|outrepass)\w*{_WS}+{_ADVERB}{_THRESHOLD}"

# the bound of a number said once for two: "au moins 87 morts et 243 blessés"
_SHARED_BOUNDS = {
    "au moins": Qualifier.AT_LEAST, "plus de": Qualifier.MORE_THAN,
    "moins de": Qualifier.LESS_THAN, "jusqu'à": Qualifier.AT_MOST, "jusqu’à": Qualifier.AT_MOST,
    "au plus": Qualifier.AT_MOST,
}  # fmt: skip
_SHARED_BOUND = re.compile(
    rf"(?<![\w])({'|'.join(_SHARED_BOUNDS)}){_WS}+\d[\d{_WS[1:-1]},.]*"
    rf"(?:{_WS}*%|(?:{_WS}+(?:de{_WS}+|d['’])?[^\W\d_][\w'’-]*){{1,2}}),?{_WS}+(?:et|ou){_WS}+$",
    re.I,
)
# A currency written before the number: "ne peuvent dépasser CHF 70'000"
_CURRENCY_BEFORE = re.compile(rf"(?<![\w])(?:chf|fr\.|usd|eur|[$€£]){_WS}*$", re.I)

# (phrase ending right before the number, the bound it states), tried in this order
_PHRASES: tuple[tuple[re.Pattern[str], Qualifier], ...] = (
    # "ne doit pas dépasser 3 g", "sans jamais excéder 50": a ceiling
    (
        re.compile(rf"(?<![\w])(?:ne|n['’]|sans)(?:{_WS}+\S+){{0,3}}?{_WS}+{_EXCEED}$", re.I),
        Qualifier.AT_MOST,
    ),
    # "n'excède pas 17 009 euros", "ne dépasse jamais 50": the negation around the verb
    (
        re.compile(
            rf"(?<![\w])(?:n['’]|ne{_WS}+)(?:dépass|exc[éè]d)\w*{_WS}+"
            rf"(?:pas|jamais|plus|en{_WS}+aucun{_WS}+cas|nullement|aucunement)"
            rf"{_WS}+{_THRESHOLD}$",
            re.I,
        ),
        Qualifier.AT_MOST,
    ),
    # "une dose maximale de 40 mg", "délai maximal : 30 jours"; "chiffre d'affaires minimal : 1,5"
    (
        re.compile(
            rf"(?<![\w])maxim(?:al|ale|aux|ales|um){_WS}*(?:de{_WS}+|d['’]|:{_WS}*|est{_WS}+de"
            rf"{_WS}+|fixée?s?{_WS}+à{_WS}+)$",
            re.I,
        ),
        Qualifier.AT_MOST,
    ),
    (
        re.compile(
            rf"(?<![\w])minim(?:al|ale|aux|ales){_WS}*(?:de{_WS}+|d['’]|:{_WS}*|est{_WS}+de"
            rf"{_WS}+|fixée?s?{_WS}+à{_WS}+)$",
            re.I,
        ),
        Qualifier.AT_LEAST,
    ),
    (re.compile(rf"(?<![\w]){_EXCEED}$", re.I), Qualifier.MORE_THAN),
    (
        re.compile(
            rf"(?<![\w])(?:(?:pouvant|peu[tv]e?n?t?|pourr\w+){_WS}+atteindre{_WS}+(?:les{_WS}+)?"
            rf"|(?:limit|plafonn|born)\w*(?:{_WS}+\S+){{0,6}}?{_WS}+à{_WS}+"
            rf"|dans{_WS}+la{_WS}+limite{_WS}+(?:de{_WS}+|d['’]|des{_WS}+))$",
            re.I,
        ),
        Qualifier.AT_MOST,
    ),
    (
        re.compile(rf"(?<![\w])(?:sous|en{_WS}+deçà{_WS}+de){_WS}+{_THRESHOLD}$", re.I),
        Qualifier.LESS_THAN,
    ),
    (
        re.compile(rf"(?<![\w])(?:plancher|minimum){_WS}+(?:de{_WS}+|d['’])$", re.I),
        Qualifier.AT_LEAST,
    ),
)
# "des millions", "quelques centaines": more than one of them, as well as roughly so many
_VAGUE_PLURAL = re.compile(r"(?:dizaine|douzaine|centaine|millier|million|milliard)s")


def bound_read(text: str, m: NumberMention) -> Qualifier | None:
    """The bound the words around an exact (or vague plural) mention state, if any."""
    if m.qualifier is Qualifier.APPROXIMATE and _VAGUE_PLURAL.fullmatch(m.text.lower()):
        return Qualifier.MORE_THAN
    if m.qualifier is not Qualifier.EXACT:
        return None
    window = text[max(0, m.start - 80) : m.start]
    currency = _CURRENCY_BEFORE.search(window)
    if currency:
        window = window[: currency.start()]
    for phrase, bound in _PHRASES:
        if phrase.search(window):
            return bound
    shared = _SHARED_BOUND.search(window)
    if shared:
        return _SHARED_BOUNDS[shared.group(1).lower()]
    return None
