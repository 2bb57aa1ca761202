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
_ADVERB = rf"(?:(?:[^\W\d_]+ment|toujours|encore|déjà|désormais|bien){_WS}+)?"
_THRESHOLD = (
    rf"(?:(?:les|la{_WS}+barre{_WS}+des|le{_WS}+cap{_WS}+des|le{_WS}+seuil{_WS}+des){_WS}+)?"
)
_EXCEED = rf"(?:dépass|excéd|outrepass)\w*{_WS}+{_ADVERB}{_THRESHOLD}"

# (phrase ending right before the number, the bound it states), tried in this order
_PHRASES: tuple[tuple[re.Pattern[str], Qualifier], ...] = (
    # "ne doit pas dépasser 3 g", "sans jamais excéder 50": a ceiling
    (
        re.compile(rf"(?<![\w])(?:ne|n['’]|sans)(?:{_WS}+\S+){{0,3}}?{_WS}+{_EXCEED}$", re.I),
        Qualifier.AT_MOST,
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
    for phrase, bound in _PHRASES:
        if phrase.search(window):
            return bound
    return None
