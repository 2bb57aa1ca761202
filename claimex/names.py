"""Whether two strings of a text name the same asserter: scoring and linking claims need it."""

from __future__ import annotations

import re
from collections.abc import Iterable

from claimex.text import typographic_view

__all__ = ["names_someone", "same_asserter", "source_matches"]

# Determiners, contracted prepositions and titles that do not name an asserter (gold README:
# sources match "after case, determiner and typography normalisation").
_NAME_NOISE = frozenset(
    "le la les l' un une des du de d' ce cet cette ces son sa ses leur leurs m. mme mlle mm. "
    "monsieur madame et à au aux en".split()
)
_NAME_TOKEN = re.compile(r"[^\s']+'?")


def _name_words(name: str) -> list[str]:
    """The content words of a name, lower-cased, typography normalised, determiners dropped."""
    return [w for w in _NAME_TOKEN.findall(typographic_view(name).text) if w not in _NAME_NOISE]


def _head(name: str) -> str | None:
    """The head word of an asserter's name: the family name of a person (every content word
    capitalised: 'Kyrylo Budanov' -> 'budanov'), else the first noun ('l'agence de ...')."""
    words = _name_words(name)
    if not words:
        return None
    raw = [w for w in re.findall(r"[^\s'’]+", name) if typographic_view(w).text not in _NAME_NOISE]
    if raw and all(w[:1].isupper() for w in raw):
        return words[-1]
    return words[0]


def source_matches(predicted: str, source: str, aliases: Iterable[str] = ()) -> bool:
    """Whether a predicted source names the gold asserter (the gold-claims README's rule).

    Equal to ``source`` or one of ``aliases`` after case, determiner and typography
    normalisation, or made only of words of one of them including its head (``Budanov`` for
    ``Kyrylo Budanov``, ``l'agence sud-coréenne`` for ``l'agence de renseignement
    sud-coréenne``). ``""`` (the article itself) matches only ``""``.
    """
    if not source.strip() or not predicted.strip():
        return not source.strip() and not predicted.strip()
    said = _name_words(predicted)
    if not said:
        return False
    for name in (source, *aliases):
        words = _name_words(name)
        if said == words:
            return True
        head = _head(name)
        if head is not None and head in said and set(said) <= set(words):
            return True
    return False


def same_asserter(a: str, b: str) -> bool:
    """Whether two names of a text, neither more official than the other, name one asserter
    (``M. Budanov`` and ``Kyrylo Budanov``); ``""`` (the article itself) only matches ``""``."""
    return source_matches(a, b) or source_matches(b, a)


# Words that name nobody: pronouns, determiners, the attribution words themselves.
_NO_NAME = frozenset(
    "selon d après il elle ils elles on lui eux je nous vous le la les l un une des du de "
    "ce cela ceci ça article texte".split()
)


def names_someone(name: str) -> bool:
    """Whether a would-be asserter holds a word that names someone ("Selon", "il", "on": no)."""
    return any(w not in _NO_NAME for w in re.findall(r"\w+", name.lower()))
