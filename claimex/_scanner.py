"""The French number scanner behind ``claimex.numbers.find_numbers`` (see that module).

Pure Python, and the single source of the scanner: a build may also compile it with mypyc as
``claimex._scanner_native`` (``hatch_build.py``), which ``claimex.numbers`` then uses in its place.
"""

from __future__ import annotations

import functools
import operator
import re
import unicodedata
from dataclasses import replace
from decimal import MAX_EMAX, MAX_PREC, MIN_EMIN, Context, Decimal, InvalidOperation
from typing import Final

from text_to_num import find_numbers as _t2n_find_numbers

from claimex import _lexicon as lex
from claimex.numbers import (
    AMOUNT_KINDS,
    NumberKind,
    NumberMention,
    Qualifier,
    _new_mention,
)

# Enum members as module constants: ``NumberKind.YEAR`` is a class attribute lookup that costs
# ~75 ns on CPython 3.11, a module global ~15; the scanner asks dozens of them per number.
_K_DATE: Final = NumberKind.DATE
_K_DURATION: Final = NumberKind.DURATION
_K_IDENTIFIER: Final = NumberKind.IDENTIFIER
_K_ORDINAL: Final = NumberKind.ORDINAL
_K_PERCENT: Final = NumberKind.PERCENT
_K_QUANTITY: Final = NumberKind.QUANTITY
_K_TIME: Final = NumberKind.TIME
_K_YEAR: Final = NumberKind.YEAR
_Q_APPROXIMATE: Final = Qualifier.APPROXIMATE
_Q_AT_LEAST: Final = Qualifier.AT_LEAST
_Q_AT_MOST: Final = Qualifier.AT_MOST
_Q_EXACT: Final = Qualifier.EXACT
_Q_LESS_THAN: Final = Qualifier.LESS_THAN
_Q_MORE_THAN: Final = Qualifier.MORE_THAN
_Q_RANGE: Final = Qualifier.RANGE
_TEMPORAL_KINDS: Final = frozenset({_K_YEAR, _K_DATE, _K_TIME})
_QUALIFIED_KINDS: Final = AMOUNT_KINDS | _TEMPORAL_KINDS  # what a bound or hedge may apply to
_SINGULAR_ARTICLES: Final = frozenset({"le", "du"})  # not "au": "du 4 au 22" is one range
# "du 8 au 9 %", "le 2-4": ranges
_RANGE_NEXT: Final = re.compile(r"\s*[-‑–]\s*\d|\s+(?:au|à|a)\s+\d")
_RANGE_ON: Final = re.compile(r"[-‑–]\d|\s+à\s+\d")  # "15-20", "15 à 20" (not "huit a 75 ans")


# --------------------------------------------------------------------------------------------
# Patterns. They run on the lower-cased text, whose offsets equal the raw text's.

_SP: Final = "[ \u00a0\u202f\u2009]"  # spaces allowed inside a number
_SP_CHARS: Final = " \u00a0\u202f\u2009"
_SEP: Final = "[ \u00a0\u202f\u2009.\\-]"  # between the digit groups of a phone number
_WS: Final = r"[\s\u00a0\u202f\u2009]"
# "un an et demi", "un point et demi": the nouns a half is added to
_HALVED_NOUNS: Final = (
    "an|année|heure|jour|mois|semaine|siècle|minute|kilo|litre|mètre|tour|point|part"
)
# "un demi-point", "une demi-heure": the nouns a half is taken of ("demi-tour" is a turn)
_HALF_OF_NOUNS: Final = "point|part|heure|journée|litre|kilo|siècle"

_CARD: Final = (
    "zéro|zero|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|"
    "seize|vingts?|trente|quarante|cinquante|soixante|septante|huitante|octante|nonante|cents?|"
    "mille|millions?|milliards?|billions?"
)
_ORD_WORD: Final = (
    "premi(?:ère|ere|er)s?|secondes?|seconds?|unième|"
    "(?:deux|trois|quatr|cinqu|six|sept|huit|neuv|dix|onz|douz|treiz|quatorz|quinz|seiz|vingt|"
    "trent|quarant|cinquant|soixant|septant|huitant|octant|nonant|cent|mill|million|milliard)"
    "i[eè]mes?"
)
_WORD: Final = f"(?:{_ORD_WORD}|{_CARD})(?![\\w'’])"
_WORD_OR_VIRGULE: Final = f"(?:{_ORD_WORD}|{_CARD}|une?|virgule)(?![\\w'’])"
# "et" joins number words only in "vingt et un" ... "soixante et onze" (and their ordinals)
_ET_UN: Final = "et[\\s-]+(?:une?|onze|uni[eè]mes?|onzi[eè]mes?)(?![\\w'’])"

_FRACTION_CHARS: Final = "½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅐⅛⅜⅝⅞⅑⅒"
# What the first branches below need near their start (a sign, a bracket, a leading 0, a
# fraction, or a separator, letter or "h" right after the digits): without it, most numbers
# skip them at once for the plain-number branch. What follows the digits is never a digit, so
# giving some back cannot help: possessive.
_NOT_PLAIN: Final = (
    rf"[+\[0{_FRACTION_CHARS}]"
    rf"|10{_SP}puissance|\d++,\d++{_SP}?[×·x]"
    rf"|\d++(?:[./:\-'’\"″′]|{_SP}?[×·]|[^\W\d_]|{_SP}[h{_FRACTION_CHARS}]|[{_FRACTION_CHARS}]|{_SP}(?:min|s|j){_SP}?\d)"
)

# The branches of _CANDIDATES that start with a digit, a sign, "[" or a fraction, in the order
# the pattern tries them where _NOT_PLAIN holds (verbose patterns: spaces and "#..." ignored).
_DIGIT_BRANCHES: Final = (
    (
        "phone",
        rf"""(?<![\d+])(?:\+33{_SP}?|0)[1-9](?:{_SEP}?\d\d){{4}}(?![\d])
        |(?<![\d+])0{_SP}?8\d\d(?:(?:{_SP}\d{{3}}){{2}}|(?:{_SP}\d\d){{3}})(?![\d])
        |(?<![\d+])0[1-9]\d(?:{_SEP}\d\d){{3}}(?![\d])  # "068 26 92 30": nine digits
        |(?<![\d+])00{_SP}?[1-9]\d{{0,3}}(?:{_SEP}\d{{1,4}}){{3,8}}(?![\d])
        |(?<=\()\+\d{{1,3}}\)(?:{_SEP}\d{{1,8}}){{1,6}}(?![\d])  # "(+352) 4303 3355"
        |(?<![\w+])\+\d{{1,3}}\)?(?!(?:{_SP}\d{{3}})+(?![ .\-]?\d))(?:{_SEP}?\(0\)\d)?
        (?:{_SEP}\d{{1,4}}){{3,6}}(?![\d])
        |(?<![\w+])\+(?=[\d \u00a0.\-]{{10,}})\d{{1,3}}(?!(?:{_SP}\d{{3}})+(?![ .\-]?\d))
        (?:{_SEP}\d{{1,5}}){{2,6}}(?![\d])  # "+352 4379-83344", "+32 2 28 31000"
""",
    ),
    ("version", r"(?<![\w.,])(?!\d{1,3}(?:\.\d{3})+(?![.\d]))\d+(?:\.\d+){2,}(?![\d])"),
    (
        "ndate",
        r"""(?<![\d/.])(?:[12]\d|3[01]|0?[1-9])(?P<sep>[/.])(?:1[0-2]|0?[1-9])(?P=sep)
        (?:\d{4}|\d{2})(?![\d/.])
        |(?<![\d/.\-])(?:[12]\d|3[01]|0[1-9])-(?:1[0-2]|0[1-9])-(?:19|20)\d\d(?![\d\-])""",
    ),
    ("iso", r"(?<![\d])\d{4}-[01]\d-[0-3]\d(?![\d])"),
    (
        "chrono",
        r"""(?<![\d,.:'’′"″])(?:\+(?=\d))?(?:\d{1,2}:[0-5]\d:[0-5]\d(?:,\d{1,2})?(?![\d:])
        |(?:\d{1,2}['’′])?\d{1,2}(?:["″]|'')\d\d(?![\d"″'])
        |\d{1,2}['’′][0-5]\d["″]\d{3}(?![\d"″']|[,.]\d)  # a lap "1'11"872": thousandths
        |\d{1,2}['’′][0-5]\d(?:''|["″])\d?(?![\d]))""",
    ),
    (
        "sci",
        rf"""(?<![\w,.])(?:\d+(?:,\d+)?{_SP}?[×x·]{_SP}?)?10(?:{_SP}?\^{_SP}?|{_SP}puissance{_SP})
        [-−]?\d{{1,2}}(?![\d])
      |(?<![\w,.])(?:\d+(?:,\d+)?{_SP}?[×x·]{_SP}?)?10[⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+""",
    ),
    (
        "hms",
        rf"""(?<![\d,.:])(?:2[4-9]|[3-9]\d|[1-9]\d\d){_SP}?h{_SP}?[0-5]\d(?![\w])  # "24 h 30"
      |(?<![\d,.:])\d{{1,3}}{_SP}?(?:j{_SP}?\d{{1,2}}{_SP}?h{_SP}?[0-5]?\d{_SP}?min
            (?:{_SP}?[0-5]?\d{_SP}?s)?
        |h{_SP}?[0-5]?\d{_SP}?min(?:{_SP}?[0-5]?\d{_SP}?s)?
        |min{_SP}?[0-5]?\d{_SP}?s(?:{_SP}?\d\d)?|s{_SP}?\d\d)(?![\w])""",
    ),
    (
        "time",
        rf"(?<![\d,.:])(?:[01]?\d|2[0-3])(?:{_SP}?h(?:{_SP}?[0-5]\d)?(?![\w])|:[0-5]\d(?![\d:]))",
    ),
    ("foot", r"\[\d{1,3}\]"),
    ("split", r"(?<![\w/.,+\-−])\d{1,3}(?:/\d{1,3}){1,3}(?![\w/]|[.,]\d)"),
    ("code", r"(?<![\w.,])\d+[^\W\d_]+\d[\w]*"),
    ("vulgar", rf"(?<![\d,.])(?:\d+{_SP}?)?[{_FRACTION_CHARS}](?![\d])"),
)
# The plain number, tried where the branches above fail or _NOT_PLAIN does not hold.
_NUM_BRANCH: Final = rf"""(?P<num>
        (?:(?<![\w])[+\-−–±])?  # the en dash too: "–7,3 °C", as French typesetting often has it
        (?<![\d,])(?<![\d.]\.)(?<![^\w.]\.)(?<!^\.)  # after "." only an abbreviation's
        (?:(?=\d{{1,3}}+(?:{_SP}|[.'’]))  # thousands groups: a separator after 1-3 digits
            (?:\d{{1,3}}(?:{_SP}\d{{3}})+(?![\d])
              |\d{{1,3}}(?:['’]\d{{3}})+(?![\d'’])  # Swiss: "1'250", "118'000"
              |\d{{1,3}}(?:\.\d{{3}}){{2,}}(?![\d])
              |\d{{1,3}}(?:\.\d{{3}})+(?=,\d))
          |\d+)
        (?:[.,]\d+)?+  # possessive: nothing after can fail, so never give back
        (?P<scale>{_SP}?(?:milliards?|millions?|billions?|mille|mrds?|mds?|md|k|m|g(?={_SP}?\$))
            (?![\w]))?+
        (?P<pct>{_SP}?%|{_WS}+pour[\s-]?cent(?![\w]))?+
        (?P<ord>(?:ères?|eres?|ièmes?|iemes?|èmes?|emes?|ers?|res?|nde?s?|es?|è|ᵉʳ|ᵉ)(?![\w]))?+
    )"""
# The branches that start with a letter (or "(?<!...)" then a letter).
_LETTER_BRANCHES: Final = rf"""
    (?P<half>(?<![\w])une?{_WS}+(?:{_HALVED_NOUNS})s?{_WS}+et{_WS}+demie?(?![\w]))
  | (?P<halfscale>(?<![\w-])(?:une?[\s-]+)?demi[\s-]+(?:millions?|milliards?)(?![\w]))
  | (?P<halfnoun>(?<![\w-])(?:une?[\s-]+)?demi-(?:{_HALF_OF_NOUNS})(?![\w-]))
  | (?P<coll>(?<![\w])(?:demi-)?(?:dizaine|douzaine|quinzaine|vingtaine|trentaine|quarantaine
        |cinquantaine|soixantaine|centaine|millier)s?(?![\w]))
  | (?P<frac>(?<![\w])(?:moitiés?|tiers|quarts?)(?![\w]))
  | (?P<pourcent>(?<![\w])pour[\s-]?cent(?![\w]))
  | (?P<mult>(?<![\w-])(?:doubl|tripl|quadrupl|quintupl|sextupl|décupl|centupl)
        (?:e|es|er|é|ée|és|ées|ent|ons|ez|ait|aient|ant|era|eront|erait|eraient|a|èrent|ement|ements)
        (?![\w-]))
  | (?P<words>(?<![\w-])(?:une?[\s-]+(?=mill|bill))?{_WORD}
        (?:[\s-]+(?:{_ET_UN}|{_WORD_OR_VIRGULE}))*)
    """


def _candidate_pattern(digit_branches: tuple[str, ...], letters: bool) -> str:
    """The source of _CANDIDATES with only ``digit_branches`` of _DIGIT_BRANCHES before "num"
    (in their order), and the letter branches after it or not."""
    chosen = "\n  | ".join(
        f"(?P<{name}>{src}\n)" for name, src in _DIGIT_BRANCHES if name in digit_branches
    )
    source = f"(?=(?:{_NOT_PLAIN}))(?:{chosen}\n)\n  | " if chosen else ""
    return source + _NUM_BRANCH + ("\n  | " + _LETTER_BRANCHES if letters else "")


_CANDIDATES: Final = re.compile(
    _candidate_pattern(tuple(name for name, _ in _DIGIT_BRANCHES), letters=True), re.VERBOSE
)
# Where a candidate starts with a letter, only the branches from "half" on can match (the others
# start with a digit, a sign, "[" or a fraction): those branches alone, and the "words" branch
# alone where the word starts with none of the other letter branches' words (most number words:
# "deux", "cent mille", "premier"), match the same, without trying the rest (a test compares).
_LETTER_CANDIDATES: Final = re.compile(_LETTER_BRANCHES, re.VERBOSE)
_WORD_CANDIDATE: Final = re.compile(
    _LETTER_BRANCHES[_LETTER_BRANCHES.index("(?P<words>") :], re.VERBOSE
)
_OTHER_LETTER_BRANCH_STARTS: Final = (
    "un", "demi", "dizaine", "douzaine", "quinzaine", "vingtaine", "trentaine", "quarantaine",
    "cinquantaine", "soixantaine", "centaine", "millier", "moitié", "tiers", "quart", "pour",
    "doubl", "tripl", "quadrupl", "quintupl", "sextupl", "décupl", "centupl",
)  # fmt: skip
# Where a candidate starts on a digit run, a branch of _DIGIT_BRANCHES can match only if the
# character right after the run (never a digit) is one of its characters here: what each
# branch reads after its first digits ("version" "1.2.3", "ndate" "5/3/24", "5.3.24" or
# "05-03-2024", "sci" "2,5 x 10^3" or "10⁻³", "vulgar" "3 ½"...). Besides, "code" needs a letter
# there ([^\W\d_]: "13e4c14d"), "phone" a run that starts with 0 ("+33..." starts on "+"), and
# "foot" ("[") and the letter branches never start on a digit. A test checks each branch.
_DIGIT_RUN_FOLLOWERS: Final = {
    "version": ".",
    "ndate": "./-",
    "iso": "-",
    "chrono": ":'’′\"″",
    "sci": f"{_SP_CHARS},×x·^⁻⁰¹²³⁴⁵⁶⁷⁸⁹",
    "hms": f"{_SP_CHARS}hjms",
    "time": f"{_SP_CHARS}h:",
    "split": "/",
    "vulgar": _SP_CHARS + _FRACTION_CHARS,
}


def _run_branches(zero: bool, follower: str) -> tuple[str, ...]:
    """The branches of _DIGIT_BRANCHES that may match on a digit run (starting with 0 or not)
    that ``follower`` follows ("" at the text's end), by _DIGIT_RUN_FOLLOWERS."""
    return tuple(
        name
        for name, _ in _DIGIT_BRANCHES
        if (name == "phone" and zero)
        or (name == "code" and follower.isalnum())  # never a digit: a letter as [^\W\d_] reads it
        or (follower != "" and follower in _DIGIT_RUN_FOLLOWERS.get(name, ""))
    )


def _run_candidates(zero: bool) -> dict[str, re.Pattern[str]]:
    """For a digit run (starting with 0 or not), the candidate pattern with only the branches
    the character after it allows, by that character; under "" the pattern after any other
    character that is not a letter (the plain number alone, or a phone), under "a" after any
    other letter."""
    compiled: dict[tuple[str, ...], re.Pattern[str]] = {}
    by_follower: dict[str, re.Pattern[str]] = {}
    for follower in {"", "a", *"".join(_DIGIT_RUN_FOLLOWERS.values())}:
        branches = _run_branches(zero, follower)
        if branches not in compiled:
            compiled[branches] = re.compile(_candidate_pattern(branches, letters=False), re.VERBOSE)
        by_follower[follower] = compiled[branches]
    return by_follower


_RUN_CANDIDATES: Final = _run_candidates(zero=False)
_ZERO_RUN_CANDIDATES: Final = _run_candidates(zero=True)

# Runs of digits, and runs of Roman numeral letters not glued to a letter, digit or "'’-"
# before them (group 1: an ordinal suffix), in one pass over the text: the engine spends its
# time testing each character against the first character class, so one pass for both costs
# about what the digits alone did. The class comes first (lookbehinds after it) so that the
# engine can skip to those characters; a digit always takes the first branch. Neither kind of
# run can overlap the other, so the matches are those of two separate passes. The class is
# not "\d": a Unicode category costs a table look-up for every character of the text. It is
# 0-9, the numeral letters and every character above U+00FF, spelled as the Latin-1 characters
# it leaves out, so that the engine tests one 256-bit map (~12% of the pass less than the
# two-level map a range above U+00FF needs). Every "\d" that is not 0-9 lies at U+0660 or
# above (a test walks all of Unicode); the other characters above U+00FF (’, “, €, œ) take
# neither branch.
_DIGITS_OR_ROMAN: Final = re.compile(
    r"[^\x00-/:-BE-HJKN-UWYZ\[-\xff](?:(?<=\d)\d*+"
    r"|(?<=[IVXLCDM])(?<!(?:[^\W_]|['’-])[IVXLCDM])[IVXLCDM]*(er|re|ère|ème|e|ᵉʳ|ᵉ)?(?![\w'’]))"
)
_ROMAN_LETTERS: Final = frozenset("IVXLCDM")
_ROMAN_VALID: Final = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")

_MONTH_AFTER: Final = re.compile(
    rf"{_WS}+(janvier|janv\.?|février|fevrier|févr\.?|fév\.?|mars|avril|avr\.?|mai|juin|juillet"
    r"|juil\.?|août|aout|septembre|sept\.|octobre|oct\.?|novembre|nov\.?|décembre|decembre|déc\.?)"
    r"(?![\w])"  # "13 nov 2024" in a wire's dateline (not "sept" undotted: seven)
)
# the first two letters of the months of _MONTH_AFTER ("ma": mars, mai; "de": decembre)
_MONTH_STARTS: Final = frozenset("ja fé fe ma av ju ao se oc no dé de".split())
_UNIT_AFTER: Final = re.compile(
    rf"{_SP}*(?:(?P<sym>%|€|\$|£|¥|°c|°f|°|km/h|km²|m²|m³|km|kg|mg|µg|ng|cm|mm|ha|mo|go|ko|to|tb|gb|mb"
    r"|ghz|mhz|khz|hz|kwh|mwh|gwh|twh|kw|mw|gw|w|nm|ch|cv|t|m|g|l|ml|cl|hl|h|min|mn|s|x)(?![\w'’])"
    rf"|(?P<de>(?:de(?![\w])|d['’]){_WS}*)?(?P<word>[^\W\d_]+(?:['’\-][^\W\d_]+)*))"
)
_GLUED_LETTERS: Final = re.compile(r"[^\W\d_]+")
_PREFIX_CURRENCY: Final = re.compile(rf"[$€£¥]{_SP}?$")
_CURRENCY_SIGNS: Final = frozenset("$€£¥")
_CURRENCY_CODE_HINTS: Final = ("chf", "fr.", "usd", "gbp", "fcfa", "cad ", "eur ")
_CURRENCY_CODES: Final = frozenset(
    {"chf", "fr.", "usd", "eur", "gbp", "cad", "fcfa"}
)  # before a number

# Bound and approximation words before a number, as the last words before it (longest wins).
_QUALIFIER_WORDS: Final[dict[str, Qualifier]] = {
    "environ": Qualifier.APPROXIMATE, "env.": Qualifier.APPROXIMATE,
    "près de": Qualifier.APPROXIMATE, "presque": Qualifier.APPROXIMATE,
    "quasiment": Qualifier.APPROXIMATE, "pratiquement": Qualifier.APPROXIMATE,
    "approximativement": Qualifier.APPROXIMATE, "à peu près": Qualifier.APPROXIMATE,
    "quelque": Qualifier.APPROXIMATE, "autour de": Qualifier.APPROXIMATE,
    "aux alentours de": Qualifier.APPROXIMATE, "de l'ordre de": Qualifier.APPROXIMATE,
    "vers": Qualifier.APPROXIMATE, "grosso modo": Qualifier.APPROXIMATE,
    "plus ou moins": Qualifier.APPROXIMATE, "about": Qualifier.APPROXIMATE,
    "around": Qualifier.APPROXIMATE, "approximately": Qualifier.APPROXIMATE,
    "nearly": Qualifier.APPROXIMATE, "almost": Qualifier.APPROXIMATE,
    "supérieure à": Qualifier.MORE_THAN, "supérieurs à": Qualifier.MORE_THAN,
    "supérieures à": Qualifier.MORE_THAN, "inférieure à": Qualifier.LESS_THAN,
    "inférieurs à": Qualifier.LESS_THAN, "inférieures à": Qualifier.LESS_THAN,
    "pas moins de": Qualifier.AT_LEAST, "au moins": Qualifier.AT_LEAST,
    "au minimum": Qualifier.AT_LEAST, "à partir de": Qualifier.AT_LEAST,
    "a partir de": Qualifier.AT_LEAST, "un peu plus de": Qualifier.MORE_THAN,
    "bien plus de": Qualifier.MORE_THAN, "plus de": Qualifier.MORE_THAN,
    "au-delà de": Qualifier.MORE_THAN, "au delà de": Qualifier.MORE_THAN,
    "au-dessus de": Qualifier.MORE_THAN, "au dessus de": Qualifier.MORE_THAN,
    "proche de": Qualifier.APPROXIMATE, "proches de": Qualifier.APPROXIMATE,
    "<": Qualifier.LESS_THAN, ">": Qualifier.MORE_THAN, "≤": Qualifier.AT_MOST,
    "≥": Qualifier.AT_LEAST, "<=": Qualifier.AT_MOST, ">=": Qualifier.AT_LEAST,
    "en dessous de": Qualifier.LESS_THAN, "en-dessous de": Qualifier.LESS_THAN,
    "au-dessous de": Qualifier.LESS_THAN, "près du": Qualifier.APPROXIMATE,
    "près des": Qualifier.APPROXIMATE,
    "plus du": Qualifier.MORE_THAN,
    "supérieur à": Qualifier.MORE_THAN, "pas plus de": Qualifier.AT_MOST,
    "jusqu'à": Qualifier.AT_MOST, "jusqu'a": Qualifier.AT_MOST, "au plus": Qualifier.AT_MOST,
    "au maximum": Qualifier.AT_MOST, "tout au plus": Qualifier.AT_MOST,
    "au plus tard": Qualifier.AT_MOST, "au plus tôt": Qualifier.AT_LEAST,
    "un peu moins de": Qualifier.LESS_THAN, "moins de": Qualifier.LESS_THAN,
    "inférieur à": Qualifier.LESS_THAN,
    "at least": Qualifier.AT_LEAST, "more than": Qualifier.MORE_THAN, "up to": Qualifier.AT_MOST,
    "at most": Qualifier.AT_MOST, "less than": Qualifier.LESS_THAN,
    "fewer than": Qualifier.LESS_THAN,
}  # fmt: skip
# "égale ou supérieure à 0,5 g/l", "inférieurs ou égaux à": a bound that includes its number
for _eq, _sup, _inf in (
    ("égal", "supérieur", "inférieur"), ("égale", "supérieure", "inférieure"),
    ("égaux", "supérieurs", "inférieurs"), ("égales", "supérieures", "inférieures"),
):  # fmt: skip
    _QUALIFIER_WORDS[f"{_eq} ou {_sup} à"] = _QUALIFIER_WORDS[f"{_sup} ou {_eq} à"] = (
        Qualifier.AT_LEAST
    )
    _QUALIFIER_WORDS[f"{_eq} ou {_inf} à"] = _QUALIFIER_WORDS[f"{_inf} ou {_eq} à"] = (
        Qualifier.AT_MOST
    )
_QUALIFIER_LAST_WORDS: Final = frozenset(phrase.rsplit(" ", 1)[-1] for phrase in _QUALIFIER_WORDS)
# each phrase by its words: the last words before a number looked up as they are (a tuple hashes
# its words' cached hashes), without joining them into a new string to hash
_QUALIFIER_PHRASES: Final = {tuple(phrase.split(" ")): phrase for phrase in _QUALIFIER_WORDS}
# Qualifiers that still apply to a year, a date or a clock time ("vers 2010", "au plus tard");
# other temporal prepositions ("jusqu'en", "d'ici", "depuis") do not change the qualifier.
_TEMPORAL_QUALIFIERS: Final = frozenset(
    {"vers", "environ", "env.", "aux alentours de", "autour de", "au plus tard", "au plus tôt",
     "à partir de", "a partir de"}
)  # fmt: skip
# the bound after a number (and its unit), not the one of the number that follows it
_TRAILING_QUALIFIER: Final = re.compile(
    rf"(?:{_WS}*[^\s\d,;:.()]+){{0,2}}?{_WS}*,?{_WS}*"  # up to two words or symbols: "km/h"
    r"(?P<q>environ|au\s+moins|au\s+plus\s+tard|au\s+maximum|au\s+minimum|au\s+plus"
    r"|tout\s+au\s+plus"
    r"|(?:et|ou)\s+plus(?!\s*(?:de|d['’]|des|que|qu['’]|tard|tôt|loin)(?![\w])))"
    rf"(?![\w])(?!{_WS}*(?:de{_WS}+|d['’])?(?:[\d+\-−–]|(?:une?|{_CARD})(?![\w])))"
)
_BARE_BOUNDS: Final = {"maximum": Qualifier.AT_MOST, "minimum": Qualifier.AT_LEAST}
# "à 4 °C maximum", "3 ans minimum": the bound right after the number or its unit, same line
_BARE_BOUND_AFTER: Final = re.compile(
    r"[ \u00a0\u202f]*(?:[^\s\d,;:.()]+[ \u00a0\u202f]+)?(maximum|minimum)(?![\w])"
    r"(?![ \u00a0\u202f]*(?:de|d['’]))"
)
# the bound itself, where it starts: what _TRAILING_QUALIFIER reads after its first words
_TRAILING_BOUND: Final = re.compile(
    _TRAILING_QUALIFIER.pattern[_TRAILING_QUALIFIER.pattern.index("(?P<q>") :]
)
_TRAILING_BOUND_STARTS: Final = ("environ", "au", "tout", "et", "ou")
_BETWEEN_ET: Final = re.compile(rf"{_WS}+et{_WS}+")
_BETWEEN_A: Final = re.compile(rf"{_WS}*(?:à|a|au){_WS}+")
_BETWEEN_DASH: Final = re.compile(rf"[-–]|{_WS}[–-]{_WS}")
_BETWEEN_LIST: Final = re.compile(rf"{_WS}*(?:,|ou|et){_WS}*")
_LAST_OF_LIST: Final = re.compile(rf"{_WS}+(?:ou|et){_WS}+")
_INTERVAL_JOINT: Final = re.compile(rf"{_WS}*[;,]{_WS}*")
_DAY_RANGE_JOINT: Final = re.compile(rf"{_WS}*(au|et|-|–)(?:{_WS}+le)?{_WS}*")
_BETWEEN_DATES: Final = re.compile(
    rf"{_WS}*(?:et|au|à|ou|-|–|,)(?:{_WS}+le)?"
    rf"(?:{_WS}+(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche))?{_WS}*"
)  # "les 7, 8 et 9 janvier", "mardi 3, mercredi 4 et jeudi 5 février"
_SCALE_AFTER_NOUN: Final = re.compile(
    rf"{_WS}+d[e'’]{_WS}*(milliers?|millions?|milliards?)(?![\w])"
)
_SCALE_END: Final = re.compile(r"(milliards?|millions?|mille)$")
_RANGE_OPENERS: Final = frozenset({"entre", "de", "du", "des"})
_DURATION_PREPS: Final = frozenset(
    {"pendant", "durant", "depuis", "en", "dans", "après", "avant", "sous", "les", "des"}
)
_DETERMINERS: Final = frozenset(
    {"un", "une", "des", "les", "la", "le", "l'", "de", "du", "quelques", "plusieurs", "ces",
     "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix"}
)  # fmt: skip
# adjectives that stand between a number and its noun ("les trois prochains mois")
_PRENOMINAL: Final = frozenset(
    "dernier derniers dernière dernières prochain prochains prochaine prochaines premiers "
    "premières autres".split()
)
_OPENER_CHARS: Final = '(«"“['  # brackets and quotes that open before a word
_OPENERS: Final = frozenset(_OPENER_CHARS)
# what makes ``tail`` undo an elision or strip a bracket from the words before a number
_TAIL_MARKS: Final = frozenset("'’(«\"“[")
_ELIDED_WORDS: Final = frozenset(
    "l d j m n s t c qu jusqu lorsqu puisqu quoiqu presqu quelqu aujourd".split()
)  # the words an apostrophe cuts short, before a vowel
_ELISIONS: Final = ("d'", "qu'", "n'", "s'", "c'", "j'", "lorsqu'", "puisqu'")
_CLOCK_PREPS: Final = frozenset({"à", "a", "vers", "dès", "jusqu'à", "est"})
# "moins" right before a number is its sign, unless it is a bound ("au moins", "à moins").
_NOT_A_SIGN_BEFORE_MOINS: Final = frozenset(
    {"au", "pas", "du", "le", "la", "les", "à", "a", "tout", "non", "ou"}
)
_AND_FRACTION: Final = re.compile(
    rf"{_WS}+et{_WS}+(demie?|(?:un|une|deux|trois){_WS}+(?:quarts?|tiers))(?![\w])"
)
_FRACTION_WORDS: Final[dict[str, Decimal]] = {
    "demi": Decimal("0.5"), "demie": Decimal("0.5"), "un quart": Decimal("0.25"),
    "une quart": Decimal("0.25"), "trois quarts": Decimal("0.75"),
    "un tiers": Decimal(1) / 3, "deux tiers": Decimal(2) / 3,
}  # fmt: skip
_ORDINAL_DENOMINATOR: Final = re.compile(r"(.+?i[eè]me)s?$")
_PLURAL_ORDINAL: Final = re.compile(r"i[eè]mes$")
_PERCENT_AFTER: Final = re.compile(rf"{_SP}?%|{_WS}+pour[\s-]?cent(?![\w])")
_CURRENCY_AFTER: Final = re.compile(rf"{_SP}?[€$£¥]")
_MONEY_AFTER: Final = re.compile(rf"{_SP}?(?:[€$£¥]|euros?(?![\w])|dollars?(?![\w]))")


_DIGIT_RUN: Final = re.compile(r"\d+")
_SPACES: Final = re.compile(r"[\s\u00a0\u202f\u2009]")  # \s: what str.split() splits on
_ONE_THOUSANDS_DOT: Final = re.compile(r"[+-]?\d{1,3}\.\d{3}")
_NON_DIGITS: Final = re.compile(r"\D")
_TOKEN: Final = re.compile(r"\S+")
_HALF_UNIT: Final = re.compile(rf"({_HALVED_NOUNS})s?")
_AND_HALF: Final = re.compile(rf"{_WS}+et{_WS}+demie?(?![\w])")
_NEXT_WORD: Final = re.compile(rf"{_WS}+([^\W\d_]+)")
_ABBREVIATION_END: Final = re.compile(r"(?<![\w.])[^\W\d_]{1,3}\.$")  # "L.", "art.", "pp."
_NOTE_LINE: Final = re.compile(r"[ \t]*\((\d{1,3})\)")  # "(2) ...": a note, at a line's start
_NOTE_LINE_AFTER_BREAK: Final = re.compile(r"\n[ \t]*\((\d{1,3})\)")  # found from its "\n"
_LIST_MARK: Final = re.compile(r"[.)][ \t\u00a0]")  # "1. ", "2) " at the start of a line


_GRADE_SCALE: Final = 20
_OF_A_SECOND: Final = re.compile(rf"{_WS}+de{_WS}+seconde")


def _length_of(written: str) -> tuple[Decimal, str]:
    """A length of time written in parts, in its smallest unit: "2 h 04 min 21 s" -> 7461 s,
    "1 h 02 min" -> 62 min, "24 h 30" -> 1470 min, "1 min 12 s" -> 72 s, and hundredths after
    seconds as sprint times are written: "9 s 83" -> 9.83 s, "9 min 07 s 42" -> 547.42 s."""
    seconds = Decimal(0)
    unit = "min"
    last = ""
    for number, part in _LENGTH_PART.findall(written):
        if part == "j":  # "74 j 3 h 35 min 46 s": a voyage of days
            seconds += int(number) * 86400
        elif part == "h":
            seconds += int(number) * 3600
        elif part == "min" or last == "h":  # "24 h 30": minutes after the hours
            seconds += int(number) * 60
        elif part == "s":
            seconds += int(number)
            unit = "s"
        else:  # hundredths after the seconds
            seconds += Decimal(number).scaleb(-2)
        last = part
    return (seconds if unit == "s" else seconds / 60), unit


def _chrono_seconds(written: str) -> Decimal:
    """A time as a stopwatch writes it, in seconds: "2:05:12" -> 7512, "10"02" -> 10.02,
    "1'44"62" -> 104.62, "1'11"872" -> 71.872, "1'12''" -> 72, "3'28''4" -> 208.4, "0''57"
    -> 0.57."""
    if ":" in written:
        h, m, s = written.split(":")
        return int(h) * 3600 + int(m) * 60 + Decimal(s.replace(",", "."))
    parts = _CHRONO_PARTS.fullmatch(written)
    assert parts is not None  # the candidate pattern admits these forms only
    minutes: str | None = parts.group(1)  # typed: compiled code checks them
    seconds: str = parts.group(2)
    hundredths: str | None = parts.group(3)
    whole = Decimal(int(minutes or 0) * 60 + int(seconds))
    return whole + Decimal(hundredths).scaleb(-len(hundredths)) if hundredths else whole


_MERIDIEM_AFTER: Final = re.compile(r"[ \u00a0]?(?:am|pm|a\.m\.|p\.m\.|utc|gmt)(?![\w])")
_CHRONO_PARTS: Final = re.compile(r"(?:(\d{1,2})['’′])?(\d{1,2})(?:[\"″]|'')(\d{1,3})?")


def _scientific_value(written: str) -> Decimal:
    """ "4 × 10^8", "10 puissance 9", "2,5 × 10⁻³": a mantissa times a power of ten."""
    parts = _SCIENTIFIC.fullmatch(written)
    assert parts is not None  # the candidate pattern admits these forms only
    head: str | None = parts.group(1)
    power: str = parts.group(2)
    exponent = int(power.translate(_SUPERSCRIPTS).replace("−", "-"))
    mantissa = Decimal(head.replace(",", ".")) if head else Decimal(1)
    return _tidy(_EXACT.multiply(mantissa, Decimal(1).scaleb(exponent)))


_SUPERSCRIPTS: Final = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")
_SCIENTIFIC: Final = re.compile(
    r"(?:(\d+(?:,\d+)?)[ \u00a0\u202f\u2009]?[×x·][ \u00a0\u202f\u2009]?)?"
    r"10(?:[ \u00a0\u202f\u2009]?\^[ \u00a0\u202f\u2009]?|[ \u00a0\u202f\u2009]puissance"
    r"[ \u00a0\u202f\u2009])?([-−]?\d{1,2}|⁻?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)"
)
_LENGTH_PART: Final = re.compile(r"(\d+)[ \u00a0\u202f\u2009]?(j|h|min|s|)")


def _at_line_start(text: str, start: int) -> bool:
    """Whether only spaces or tabs stand between the line's start and ``start``."""
    i = start
    while i and text[i - 1] in " \t(":
        i -= 1
    return not i or text[i - 1] == "\n"


# The verbs that take a number from one value to another, in the forms a text uses for them.
_PASSAGE_VERB: Final = re.compile(
    r"(?<![\w'’])(?<!une )(?<!la )(?<!sa )(?<!leur )(?<!cette )(?<![dl]['’])"  # not a noun
    r"(?:(?:port|report|pass|ram[eè]n|abaiss|rehauss|réhauss|rel[eè]v)(?:er|e|es|ent|ons|ez|é|ée"
    r"|és|ées|ait|aient|ant|era|eront|erait|eraient|èrent|a)"
    # "étendu la zone d'exclusion de 5 à 8 kilomètres" (not "l'étendue", a noun)
    r"|étend(?:re|u|ue|us|ues|ait|aient|ant|ra|ront|rait|ent)?"
    # "élève le montant de l'amende de 1 500 € à 1 800 €" (not "élevé", an adjective, nor the
    # noun: "des élèves", "un élève de 12 ans")
    r"|(?<!un )(?<!le )(?<!cet )(?<!chaque )(?<!son )(?<!leur )(?<!notre )(?<!votre )"
    r"(?<!mon )(?<!ton )(?<!tout )(?<!quel )"
    r"él[eè]v(?:er|e|ent|ons|ez|ait|aient|ant|era|eront|erait|eraient|èrent|a))(?![\w])"
    r"(?!\s+(?:\w+\s+)?qu['’e])"  # "la Cour relève (toutefois) que": to note, not to raise
    r"(?!\s+sur(?![\w]))"  # "47 % portent sur des mineurs": to concern
)
_TARGET_BETWEEN: Final = re.compile(r"(?<![\w'’])(?:à|aux)(?![\w])(?![ \u00a0\u202f]*\d)")
_LEADING_NUMBER: Final = re.compile(r"[+\-−–]?\d[\d \u00a0\u202f\u2009.,]*\d|[+\-−–]?\d")
_SCALE_FACTORS: Final = frozenset(Decimal(10) ** n for n in (3, 6, 9, 12))
_LISTED_AFTER: Final = re.compile(
    r"(\d)[ \u00a0]*(?:,|et|ou|à)[ \u00a0]+$"
)  # "1 et ", "3, ", "01 à "
_DAY_OR_MONTH_BEFORE: Final = re.compile(r"(?<!\d)\d\d?[-/.]$")
_STREET_FIRST_WORDS: Final = lex.STREET_TYPES | lex.ADDRESS_REPEATS | {"av", "bd"}
_LIST_MARK_CHARS: Final = frozenset(".)")
_STREETS: Final = "|".join(sorted(map(re.escape, lex.STREET_TYPES), key=len, reverse=True))
# "12 rue", "3 bis avenue", "8, boulevard": a kind of street after the number
_STREET_AFTER: Final = re.compile(  # on the same line: "47\nBd ..." is a table's last cell
    rf",?{_SP}+(?:(?:{'|'.join(sorted(lex.ADDRESS_REPEATS))}){_SP}+,?{_SP}*)?(?:{_STREETS})(?![\w-])"
)
# the numbers before the one a pattern ends at: a range's low end ("de 17 à" before its 18) and
# the items of a list ("leurs 16, 18, 20 ou" before its 21)
_RANGE_LOW_BEFORE: Final = r"(?:\d+\s*(?:[-–]|à)\s*)?"
_LISTED_BEFORE: Final = r"(?:\d+[ \u00a0]*(?:,|ou|et)[ \u00a0]*)*"
_AGE_CLASS: Final = re.compile(
    r"(?:(?<![\w])(?:chez|parmi|pour|entre)\s+les(?:\s+(?:moins|plus)\s+de)?"
    rf"|(?<![\w])(?:les|aux|des)\s+(?:moins|plus)\s+de)\s+{_RANGE_LOW_BEFORE}$"
)  # "chez les 65 ans", "les moins de 2 ans": a class of ages
# "un coureur de 26 ans", "une infirmière de 45 ans": a person of N years, named by a noun of
# agent or origin (-eur, -euse, -rice, -ier, -ière, -iste, -ant(e), -ien(ne), -ais(e))
# the endings of the nouns of agent the patterns of a person below share (-eur, -rice, -iste...)
_AGENT_ENDINGS: Final = "eur|euse|rice|iste|ière|ien|ienne"
_PERSON_OF: Final = re.compile(
    r"(?<![\w])(?:(?:une?|le|la|l['’]|ce|cette)\s*(?:[^\W\d_]+\s+)?[^\W\d_]*"
    rf"(?:{_AGENT_ENDINGS}|ier|ant|ante|éen|éenne|ais|aise|pdg|présidente?"
    r"|agente?)"
    r"|(?:les|des|aux|ces)\s+[^\W\d_]*"
    r"(?:eurs|euses|rices|iers|ières|istes|ants|antes|iens|iennes|éens|éennes|ais|aises|és"
    r"|ées))"
    r"(?:\s+[^\W\d_]+)?\s+(?:âgée?s?\s+)?de\s+(?:(?:moins|plus)\s+de\s+)?"
    rf"{_RANGE_LOW_BEFORE}$"
    rf"|(?<![\w])(?:ceux|celles)\s+de\s+{_RANGE_LOW_BEFORE}$"
)  # with an adjective ("le grimpeur savoyard de"), in the plural, and "ceux de 17 à 18 ans"
# "Jean-Marc Olivier, physicien, 67 ans,": a name, then a trade, then the years
_NAME_AND_TRADE_THEN_COMMA: Final = re.compile(
    rf"[A-ZÀ-Ý][\w'’-]+,[ \u00a0]+[^\W\d_]*(?:{_AGENT_ENDINGS}|ier|ant|ante)"
    r"[ \u00a0]*,[ \u00a0]+$"
)
# "la directrice générale des services de la mairie, ", "la nouvelle élue, ": a person named by
# a noun phrase whose head is a noun of agent or an office, then the comma before an apposed age
_PERSON_PHRASE_THEN_COMMA: Final = re.compile(
    r"(?<![\w'’])(?:le|la|l['’]|un|une|leur|cette|ce)[ \u00a0]*(?:[^\W\d_]+[ \u00a0]+)?"
    rf"[^\W\d_]*(?:{_AGENT_ENDINGS}|élue?|maire|ministre|députée?|juge"
    r"|avocate?|prévenue?|accusée?|victime|patronne|patron|présidente?)"
    r"(?:[ \u00a0]+[^\W\d_'’]+){0,6}[ \u00a0]*,[ \u00a0]+$"
)
_NAME_THEN_COMMA: Final = re.compile(
    r"(?:[A-ZÀ-Ý][\w'’-]+|\)),[ \u00a0]+$"
)  # "Tony Blair, ", "(PS), "
# "fixe à 64 ans l'âge légal": the years, then the word age
_AGE_NOUN_AFTER: Final = re.compile(r"\d+[ \u00a0]+ans[ \u00a0]+l['’]âge(?![\w])")
# "à ses 18 ans", "de leurs 16, 18, 20 ou 21 ans": one's years are an age
_POSSESSIVE_YEARS: Final = re.compile(
    r"(?<![\w])(?:ses|leurs|leur|son|mes|nos|vos|tes)[ \u00a0]+"
    rf"{_LISTED_BEFORE}$"
)
# "partir (à la retraite) à 62 ou 63 ans", "un départ à 64 ans": the age one leaves work at
_RETIREMENT_AT: Final = re.compile(
    r"(?<![\w])(?:partir|partira|partiront|partent|départs?|retraite)"
    r"(?:[ \u00a0]+[^\W\d_]+){0,3}[ \u00a0]+à[ \u00a0]+"
    rf"{_LISTED_BEFORE}$"
)
_CALL_BEFORE: Final = re.compile(
    r"(?<![\w])(?:joignables?|appel\w*|compos\w*|contact\w*|numéro|répond\w*)[ \u00a0]+(?:au|le)"
    r"[ \u00a0]+(?:\d\d[ \u00a0])?$"
)  # "appelez le 15", "répond au 39 60" (its second pair too)
# "18 (pompiers)", "15 (SAMU)": a number named by the service it calls
_SERVICE_AFTER: Final = re.compile(
    r"[ \u00a0]*\((?:samu|pompiers|police(?:[ \u00a0]+secours)?|gendarmerie|urgences?)"
    r"(?:[ \u00a0]*[,/][ \u00a0]*(?:samu|pompiers|police|gendarmerie|urgences?))*\)"
)  # "17 (police, gendarmerie)"
_TEMPERATURE_BEFORE: Final = re.compile(r"températur|kelvin")
# a line of shots: after the shots' noun, or before the kind of shot
_SHOTS_AFTER: Final = re.compile(
    r"[ \u00a0]+(?:à[ \u00a0]+(?:2|3|deux|trois)[ \u00a0]+points|aux lancers)"
)
_SHOTS_BEFORE: Final = re.compile(
    r"(?<![\w])(?:tirs?|lancers(?:[ \u00a0]+francs)?)[ \u00a0]*[(:]?[ \u00a0]*$"
)
# a table row's label naming a unit of time for its cells: "Capacité de désendettement (en années)"
_ROW_TIME_UNIT: Final = re.compile(
    r"\((?:en[ \u00a0]+|nombre[ \u00a0]+de[ \u00a0]+)?(années|ans|mois|semaines|jours|heures)"
    r"(?![\w])[^()\n]*\)[ \u00a0]*$"
)
_CELL_SEPARATOR: Final = re.compile(r"[ \u00a0]*[|\t][ \u00a0]*")
_CELL_START_BEFORE: Final = re.compile(r"[|\t][ \u00a0]*(?:[≤≥<>][ \u00a0]*)?$")
_ROW_TIME_UNITS: Final = frozenset({"années", "ans", "mois", "semaines", "jours", "heures"})
# "INFR(2014)2121": letters, a year in brackets, a number glued after: one code
_CODE_BRACKET_BEFORE: Final = re.compile(r"[A-Za-z]\(\d{2,4}\)$")
# the numbers of social value harmonised across the EU (116 000, 116 111, 116 117...)
_EU_HARMONISED_NUMBER: Final = re.compile(r"116[ \u00a0\u202f]?\d{3}")
# "Urgences : 112": the short numbers of the emergency services after their label
_EMERGENCY_LABEL_BEFORE: Final = re.compile(r"(?<![\w])urgences?[ \u00a0]*:[ \u00a0]*$")
_EMERGENCY_NUMBERS: Final = frozenset({"15", "17", "18", "112", "114", "115", "119", "191", "196"})
_YEARS_OF: Final = re.compile(r"\d+[ \u00a0]+ans[ \u00a0]+d(?:e[ \u00a0]|['’])")  # of service
_POSSESSED_NOUN_THEN_COMMA: Final = re.compile(
    r"(?<![\w'’])(?:son|sa|leur|mon|ma|notre)[ \u00a0]+[^\W\d_]+,[ \u00a0]+$"
)  # "son copilote, ", "sa fille, ": one's kin or crew
_YEARS_THEN_COMMA: Final = re.compile(
    r"\d+[ \u00a0]+ans?[ \u00a0]*(?:[,).;\n]|$)"
)  # "52 ans,", "41 ans."
# "À 23 ans, il a déjà...": at an age, said before the clause it dates
_AT_START_OF_CLAUSE: Final = re.compile(r"(?:^|[.!?»\n][ \u00a0]*|«[ \u00a0]*)à[ \u00a0]+$")
_HAVE: Final = frozenset(  # "elle a 67 ans", "ils ont 20 ans": avoir right before the years
    (w,)
    for w in (
        "a ai as ont avait avais avions aviez avaient aura aurai auront aurait avoir ayant eu"
    ).split()
)
_SCALE_WORD_ENDS: Final = ("million", "millions", "milliard", "milliards", "billion", "billions")
# "à taux zéro", "la tolérance zéro", "le risque zéro": zéro after its noun is an adjective
_ZERO_ADJECTIVE_OPENERS: Final = frozenset("la une sa cette à des les".split())
_POSTPOSED_DETERMINERS: Final = frozenset("un le l' du ce cet mon ton son notre votre leur".split())
_NOUN_DETERMINERS: Final = frozenset(
    "une la sa leur cette l' d' notre votre un du des ses leurs ces son mon ton propres".split()
)
# "ont entre 30 et 49 ans": avoir, then a range of years (either end)
_HAVE_BETWEEN: Final = re.compile(
    r"(?<![\w])(?:a|ont|avait|avaient|aura|auront)[ \u00a0]+entre[ \u00a0]+"
    r"(?:\d+[ \u00a0]+et[ \u00a0]+)?$"
)
_AGE_HEDGES: Final = frozenset(
    "plus moins près de d' environ presque bientôt déjà tout juste entre".split()
)
_AGE_RANGE_AFTER: Final = re.compile(r"\d+\s*[-–]\s*\d+\s+ans(?![\w])")  # "18-24 ans"
_CLASS_ARTICLE_END: Final = re.compile(r"(?<![\w])(?:les|des|aux)\s+$")  # "les 18-24 ans": a class
_CLASS_RANGE_END: Final = re.compile(r"(?<![\w])(?:les|des|aux)\s+\d+\s*[-–]\s*$")  # its "24"
# "les enfants de 6 à 59 mois", "Bovin de plus de 24 mois", "des chiens de 4 ans": a child's or
# an animal's age
_YOUNG_OR_ANIMAL_OF: Final = re.compile(
    r"(?<![\w])(?:enfants?|bébés?|nourrissons?|nouveau-nés?|fillettes?|garçons?|animal|animaux"
    r"|bovins?|ovins?|caprins?|porcins?|équins?|veaux?|vaches?|génisses?|taureaux?|taurillons?"
    r"|agneaux?|agnelles?|brebis|chèvres?|chevreaux?|porcs?|porcelets?|truies?|chevaux|cheval"
    r"|poulains?|juments?|chiens?|chiots?|chats?|chatons?)"
    rf"(?:\s+(?:âgée?s?\s+)?de\s+(?:(?:moins|plus)\s+de\s+)?|\s*\()"  # "enfants (12 à 35 mois)"
    rf"{_RANGE_LOW_BEFORE}$"
)
# "18-29 ans : 17,6": years written as a hyphenated pair are a class of ages ("sur 15-20 ans",
# a length, has its preposition)
_HYPHEN_AGES: Final = re.compile(r"\d{1,3}[-–]\d{1,3}[ \u00a0]+ans(?![\w])")
_HYPHEN_AGES_END: Final = re.compile(r"(?<![\d,.])\d{1,3}[-–]$")  # its "29"
_AGED_OF: Final = re.compile(
    r"(?<![\w])âgée?s?[ \u00a0]+de[ \u00a0]+(?:\d+[ \u00a0]*(?:[-–]|à)[ \u00a0]*)?$"
)
# "inscrits depuis 2 ans ou plus": a length of time, however long ("les 65 ans et plus": ages)
_SINCE_BEFORE: Final = re.compile(r"(?<![\w])(?:depuis|pendant|durant)[ \u00a0]+$")
_AGE_CLASS_AFTER: Final = re.compile(r"\d+\s+ans\s+(?:et|ou)\s+plus(?![\w])")  # "65 ans et plus"
# a row's label: "• 25 à 49 ans :", "moins de 25 ans :", "50 ans ou plus :"
_BRACKET_AGES_AFTER: Final = re.compile(
    r"\d+(?:[ \u00a0]*(?:à|-|–)[ \u00a0]*\d+)?[ \u00a0]+ans(?:[ \u00a0]+(?:et|ou)[ \u00a0]+plus)?"
    r"[ \u00a0]*:"
)
_BRACKET_LABEL_START: Final = re.compile(
    r"[ \t\u00a0•▪·*\-–—]*(?:(?:de[ \u00a0]+)?(?:moins|plus)[ \u00a0]+de[ \u00a0]+)?"
    r"(?:\d+[ \u00a0]*(?:à|-|–)[ \u00a0]*)?"
)
_DEATH_AT: Final = re.compile(
    r"(?<![\w])(?:morte?s?|décédée?s?|disparue?s?|éteinte?s?|meurt|décède|mourir|mourait)"
    r"(?:[ \u00a0]+[^\W\d_]+)?[ \u00a0]+à[ \u00a0]+$"
)  # "mort à 84 ans", "décédé lundi à 84 ans"
# "à 31 ans la meilleure performance": the years, then the object of the verb before them
_AT_YEARS_THEN_OBJECT: Final = re.compile(
    r"\d+[ \u00a0]+ans[ \u00a0]+(?:la|le|les|l['’]|son|sa|ses|leur|leurs|un|une|ce|cette)"
    r"[ \u00a0]*([^\W\d_]+)"
)
# what a length of years is given to: "porter à 5 ans la durée", "ramené à 3 ans le délai"
_LENGTH_NOUNS: Final = frozenset(
    """
    durée durées période périodes délai délais peine peines validité mandat mandats bail baux
    concession concessions engagement contrat contrats prescription garantie garanties horizon
    séjour stage prêt prêts emprunt remboursement amortissement âge
    """.split()
)
_SENTENCE_AT: Final = re.compile(
    r"(?<![\w])(?:condamn\w*|jusqu['’]|peine\w*|port\w*|ramen\w*|ramèn\w*|fix\w*|limit\w*"
    r"|plafonn\w*|allong\w*|prolong\w*|rédui\w*|abaiss\w*|rehauss\w*|relev\w*|relèv\w*)"
    r"[ \u00a0]*à[ \u00a0]+(?:(?:moins|plus)[ \u00a0]+de[ \u00a0]+)?$"  # "condamnés à moins de"
)
# "67070 Strasbourg Cedex", "75002 Paris": a town after a postal code
_TOWN_AFTER: Final = re.compile(
    r"[ \u00a0]+[A-ZÀ-Ý][\w'’-]+(?:[ \u00a0]+(?:[Cc][Ee][Dd][Ee][Xx](?![\w])|[A-ZÀ-Ý][\w'’-]+))*"
)  # "75002 Paris", "67070 Strasbourg Cedex", "92058 La Défense cedex"
# a street, a post-office box (BP) or a CS box earlier in the same address line
_STREET_BEFORE: Final = re.compile(rf"(?<![\w])(?:{_STREETS}|bp|cs)(?![\w])[^;.!?\n]*$")
_RANK_OPENER: Final = re.compile(
    r"(?:[:;…]|\.\.\.)[ \u00a0]*$"
)  # "Classement : 1.", "; 2.", "… 12."
_RANK_NAME: Final = re.compile(r"\.[ \u00a0]+[A-ZÀ-Ý]")  # "1. FC Rivemont"
_ACHIEVEMENT_DETERMINERS: Final = frozenset("un le son ce du au leur premier nouveau".split())
# a label that names a code, at the start of its line or clause, then ":"
_CODE_LABEL: Final = re.compile(
    r"(?:^|[\n;–—|])[ \t]*(?:n°|no\.|numéros?|réf\.?|références?|codes?|identifiant)"
    r"(?![\w])[^\n:;]{0,25}:[ \u00a0]*$",
    re.I,
)
# "page : 824", "Article : 12": a label noun, then a colon (not "Points : 45", a count)
_LABEL_THEN_COLON: Final = re.compile(
    r"(?<![\w])(?:page|article|chapitre|section|annexe|tome|volume|version|rubrique|tableau"
    r"|figure)[ \u00a0]*:[ \u00a0]*$"
)
_REGISTER_BEFORE: Final = re.compile(
    r"(?<![\w])(?:RCS|SIREN|SIRET)(?:[ \u00a0]+[A-ZÀ-Ý][\w-]*)?[ \u00a0]+$"
)
_LONG_RUN_LISTED_AFTER: Final = re.compile(r"[ \u00a0]*(?:,|et|ou)[ \u00a0]+\d{7,}(?!\d)")
_LONG_RUN_LISTED_BEFORE: Final = re.compile(r"(?<!\d)\d{7,}[ \u00a0]*(?:,|et|ou)[ \u00a0]+$")
_ITEM_DEGREE_END: Final = re.compile(r"°(?![\w])")  # "1° ", "2°," (not "20°C", "45°N")
_ITEM_AT_LINE_START: Final = re.compile(r"°[ \u00a0]+[(A-ZÀ-Ý\d]")  # "1° Le logement", "2° 3 000 €"
_ITEM_ARTICLES: Final = frozenset({"au", "aux", "du", "le"})
_ITEM_LISTED: Final = re.compile(r"\d(°)[ \u00a0]*(?:,|et|ou|à)[ \u00a0]+$")  # "1° et ", "1° à "
_LONG_BLOCK_AFTER: Final = re.compile(r"[ \u00a0\u202f](\d{4,})(?![\d,.]\d)")
_DIGIT_BEFORE: Final = re.compile(r"\d[ \u00a0\u202f]$")
_DATE_PART_NEXT: Final = re.compile(r"[-‑/.]\w")  # "2011-12-05", "2020/23/Sep"
# "Mirage 2000-5": a variant, not "2000-5,2", "2000-5 000" nor a date "2015-3-3"
_MODEL_VARIANT: Final = re.compile(r"[-‑]\d(?![\d,.]?\d|[ \u00a0\u202f]\d{3}|[-‑/.]\d)")
# what a score follows: two sides named around a dash, a half-time or final, a side in brackets
_SCORE_LABEL: Final = re.compile(
    r"(?:[ \u00a0][–-][ \u00a0][^:\n]*|mi-temps|quart-temps|période|manche|score|résultat|final)"
    r"[ \u00a0]*:[ \u00a0]*$"
)
# a result said in the clause before a bracketed pair: "s'était incliné lors du deuxième (64-69)"
_RESULT_BEFORE: Final = re.compile(
    r"(?<![\w])(?:inclinée?s?|battue?s?|victoire|défaite|s['’]impose|l['’]emporte|gagnée?s?"
    r"|perdue?s?|menée?s?|mène|mènent|menait|menaient|pénalité|essai|but|drop|égalis\w*"
    r"|renvers\w*|bat|battent|domin\w*|tir|panier|lancers?)(?![\w])"
)
# a tennis set won or lost in a tie-break, its points in brackets after it: "7-6 (8/6)", "6-7 [4]"
_TIE_BREAK_BEFORE: Final = re.compile(r"(?<!\d)(?:7[-‑–]6|6[-‑–]7)[ \u00a0]?[(\[](?:\d{1,2}/)?$")
# the word right before a score said without brackets: "Menée 6-21 à la 52e minute", "battu 1-3"
_RESULT_WORD_BEFORE: Final = re.compile(
    r"(?<![\w])(?:menée?s?|mène|mènent|menait|menaient|battue?s?|inclinée?s?|s['’]incline"
    r"|victoire|défaite|score|balles?[ \u00a0]+de[ \u00a0]+(?:match|set|break)[ \u00a0]+à)"
    r"[ \u00a0]+(?:de[ \u00a0]+)?$"
)  # "sauvé une balle de match à 4-5"
# a score whose place says it: after a minute in brackets "(17e, 0-10)", a half-time score in
# brackets after the final one "27-24 (6-15)"
_SCORE_PLACE_BEFORE: Final = re.compile(
    r"(?:\(\d{1,3}e(?:\+\d)?,[ \u00a0]*|(?<![\d,.])\d{1,3}[-‑–]\d{1,3}[ \u00a0]*\()$"
)
# "À 20-24, le stade retenait son souffle": at a sentence's start, "à" before a bare pair
_AT_SCORE_BEFORE: Final = re.compile(r"(?:^|[.!?«»\n][ \u00a0]*)[àÀ][ \u00a0]+$")
_SIDE_IN_BRACKETS: Final = re.compile(
    r"(?<![\w])[A-ZÀ-Ý][\w'’-]*(?:[ \u00a0]+[\w'’-]+)?[ \u00a0]\($"
)
_SCORE_AFTER: Final = re.compile(r"\s*,\s*\d{1,2}[-‑–]\d{1,2}(?!\d)")  # ", 7-6"
_SCORE_BEFORE: Final = re.compile(r"(?<!\d)\d{1,2}[-‑–]\d{1,2}\s*,\s*$")  # "6-4, "
_RANKED_ROW: Final = re.compile(
    r"[ \t\u00a0]+[A-ZÀ-Ý][^\n\d]*?[ \t\u00a0]+\d[\d,.]*[ \t\u00a0|;]+\d"
)
_ROW_OF_NUMBERS: Final = re.compile(r"[ \t\u00a0]+\d[\d,.]*[ \t\u00a0|;]+\d")
_SCORE_NEXT: Final = re.compile(
    r"[ \u00a0]?[-‑–][ \u00a0]?\d{1,2}(?![\w])"
)  # a score: two small numbers and a hyphen
_DEPARTMENT: Final = re.compile(
    r"0?[1-9]|[1-8]\d|9[0-5]|97[1-6]"
)  # the numbers of French departments
_POSTAL_CODE: Final = re.compile(r"(?:0[1-9]|[1-8]\d|9[0-5]|97)\d{3}")  # a department, then 3
# a house number then its street, earlier on the line: "14 cours de l'Intendance, "
_HOUSE_NUMBER_BEFORE: Final = re.compile(
    r"(?:^|[,\n—–][ \u00a0]*)\d{1,4}(?:[ \u00a0](?:bis|ter))?[ \u00a0][^\W\d_][^\n,]*,[ \u00a0]$"
)
# a citation's volume and page (Vancouver style): "Eur Respir J 2025; 66: 2401187",
# "Lancet 2023;401(10385):1234-45"
_CITATION_YEAR_BEFORE: Final = re.compile(r"(?<![\d,.])(?:1[89]|20)\d\d[ \u00a0]?;[ \u00a0]?$")
_CITATION_PAGE_NEXT: Final = re.compile(r"(?:\(\d+\))?[ \u00a0]?:[ \u00a0]?\d")
_CITATION_ISSUE_BEFORE: Final = re.compile(
    r"(?<![\d,.])(?:1[89]|20)\d\d[ \u00a0]?;[ \u00a0]?\d+\($"
)
_CITATION_VOLUME_BEFORE: Final = re.compile(
    r"(?<![\d,.])(?:1[89]|20)\d\d[ \u00a0]?;[ \u00a0]?\d+(?:\(\d+\))?[ \u00a0]?:[ \u00a0]?$"
)
# the words before "le 49.3", the Constitution's article 49, paragraph 3 (« dégainer le 49-3 »)
_ARTICLE_49_3_BEFORE: Final = frozenset(
    {"le", "du", "au", "un", "ce", "son", "nouveau", "énième", "article"}
)
# the other end of a house number's range, before its street: "18-20 rue", "98-100, boulevard"
_HOUSE_RANGE_END: Final = re.compile(r"[-–]\d{1,4}(?=[ ,\u00a0])")
# "cours" is a street before a name: "14 cours de l'Intendance", "5 cours Mirabeau" (not "14
# cours de droit", where it counts)
_COURS_NAMED: Final = re.compile(
    rf",?{_SP}+cours{_SP}+(?:(?:de{_SP}+la|du|des|de|d['’]|de{_SP}+l['’]){_SP}*)?[A-ZÀ-Ý]"
)
_UNIT_PER: Final = re.compile(r"(?<![\w])(?:l|kwh|wh|g|kg)/$")  # "l/100 km", "kWh/100 km"
_KM_AFTER: Final = re.compile(r"[ \u00a0\u202f]?km(?![\w])")
_EU_DOCUMENT: Final = re.compile(
    r"(?<![\w])(?:(?:COM|SEC|SWD|JOIN|C)\((?:\d{4}\)[ \u00a0])?|JO(?:UE)?[ \u00a0][LC][ \u00a0])$"
)
_NAME_CLOSES: Final = re.compile(r"[ \u00a0\u202f]+[^\W\d_]+[ \u00a0\u202f]*»")  # "% Santé »"
_ONE_TO: Final = re.compile(r"(?<![\w'’])(?:d['’])?(une?)[ \u00a0]+à[ \u00a0]+$")  # "une à deux"
_HOUR_BEFORE: Final = re.compile(
    r"(?:(?<![\w])(?P<one>une|zéro)[ \u00a0]+)?(?P<hours>heures?)[ \u00a0]+$"
)
_CLOCK_PREPS_BEFORE: Final = frozenset((w,) for w in _CLOCK_PREPS)
# the words of the numbers 1 to 59 as they start, and the texts that may hold one of the two
# constructions below (a search over the text spares a pass over its mentions)
_SMALL_NUMBER_WORD: Final = (
    r"(?:\d|une?|deux|trois|quat|cinq|six|sept|huit|neuf|dix|onze|douz|treiz|quator|quinz|seiz"
    r"|vingt|trent|quar|cinquant)"
)
_ONE_TO_A_NUMBER: Final = re.compile(rf"une?{_WS}+à{_WS}+{_SMALL_NUMBER_WORD}")
_HOUR_THEN_A_NUMBER: Final = re.compile(rf"(?:heure|minute)s?{_WS}+{_SMALL_NUMBER_WORD}")
_MINUTE_BEFORE: Final = re.compile(r"(?<![\w])minutes?[ \u00a0]+$")
_DRAW_JOINT: Final = re.compile(r"[ \u00a0]*[-–][ \u00a0]*")  # "12 – 7", "7-12"
_PLACE_BEFORE: Final = re.compile(r"(?<![\w-])[A-ZÀ-Ý][\w'’-]*[ \u00a0]$")  # "le Var (", "Dax ("
_NEW_NOT_NINE_BEFORE: Final = frozenset({"le", "du", "à", "tout", "flambant", "de"})
_PARTICIPLE_ENDS: Final = ("é", "ée", "és", "ées")
_COMPOUND_NOUN_AFTER: Final = re.compile(r"[-‑](?:roues|pièces|mâts|pattes|temps)(?![\w])")
_NAME_AFTER_HYPHEN: Final = re.compile(r"[-‑][A-ZÀ-Ý][a-zà-ÿ]{3,}")  # "-Sèvres", not "-Mds"
_ARTICLE_TAIL: Final = re.compile(
    r"[-‑]\d"
)  # "L. 1234-5": the hyphenated rest of an article number
_CLOCK_MINUTES: Final = re.compile(rf"{_WS}+([0-5]\d)(?![\d\w])")
_SPACE_RUN: Final = re.compile(r"[\s\u00a0\u202f\u2009]+")
_NUMBER_PREFIX_CHARS: Final = frozenset("+-−–±[")  # "+33", "-5", "[3]": a candidate starts before
_SIGNS: Final = frozenset("-−–±")  # a sign only where no word character precedes it


def _glued_sign(low: str, pos: int) -> bool:
    """Whether ``low[pos]`` is a minus, an en dash or a plus-minus glued to a word ("1946-1958",
    "KN-23"): no candidate starts there, the pattern takes a sign only after no word character
    (a "+" may still start a phone number, a "[" a note call, whatever precedes them)."""
    return low[pos] in _SIGNS and pos > 0 and (low[pos - 1].isalnum() or low[pos - 1] == "_")


# Vulgar fractions apart from digit runs: their alternation loses the regex's digit fast path.
_VULGAR: Final = re.compile(f"[{_FRACTION_CHARS}]")
# A word holding one of these stems may start a number word. A stem that contains another
# ("cinquant" holds "cinq", "septant" "sept") or that only comes after one ("-ième": "deuxième",
# "vingt et unième") would find no word more.
_STEMS: Final = (
    "deux", "trois", "quatr", "cinq", "six", "sept", "huit", "neu", "dix", "dizain", "onz", "douz",
    "treiz", "quatorz", "quinz", "seiz", "vingt", "trent", "quarant", "soixant", "octant",
    "nonant", "cent", "mill", "bill", "zéro", "zero", "premi", "second", "moitié", "tiers",
    "quart", "demi", "doubl", "tripl", "quadrupl", "quintupl", "sextupl", "décupl",
)  # fmt: skip


def _first_letter_trie(words: tuple[str, ...]) -> str:
    """An alternation of ``words`` grouped by first letter ("d(?:eux|ix)|t(?:rois|iers)"): the
    regex engine then rejects most positions on their first character, one pass for all."""
    rests: dict[str, list[str]] = {}
    for w in words:
        rests.setdefault(w[0], []).append(re.escape(w[1:]))
    return "|".join(
        f"{re.escape(first)}(?:{'|'.join(sorted(rest, key=len, reverse=True))})"
        for first, rest in sorted(rests.items())
    )


# A stem: where a number word may be.
_ANY_STEM: Final = re.compile(_first_letter_trie(_STEMS))
# Every candidate that starts with a letter starts with a stem (or with "un", found from the
# "mill", "bill" or "demi" that starts the word after it) and has no word character before it,
# so only the stems at the start of a word matter: the stems after a character that is not one
# of these letters, digits or "_" (the others are word characters too, and found in vain), and
# at the start of the text. Skipping to those few characters, not to the stems' first letters,
# is ~30% faster. The class leaves out Latin-1 characters only, so that the engine tests one
# 256-bit map per character (~7% faster than with "œ", which needs a two-level map): the
# matches after an "œ" are dropped where the pattern is used.
_WORD_START_STEM: Final = re.compile(f"[^a-z0-9_àâäçéèêëîïôöùûüÿæ](?:{_ANY_STEM.pattern})")

_UN_BEFORE: Final = re.compile(r"(?:^|[^\w-])(une?)[\s\u00a0\u202f\u2009-]+$")
_HALF_BEFORE: Final = re.compile(rf"(?:^|[^\w-])(une?){_WS}+(?:{_HALVED_NOUNS})s?{_WS}+et{_WS}+$")
_HYPHEN_OR_SPACE: Final = re.compile(r"[\s-]+")
_FRACTION_END: Final = re.compile(r"(?:i[eè]mes?|tiers|quarts?|moitié)$")
_LEADING_ZERO: Final = re.compile(r"[+\-−±]?0[ \u00a0\u202f\u2009]?0*[1-9]")  # not "0", "0000"
_SUR: Final = re.compile(rf"{_WS}+sur{_WS}+")
# "un sur trois", "un TGV sur deux", "une personne âgée sur cinq": one of so many
_UN_SUR: Final = re.compile(
    rf"(?<![\w-])(?:(une?|1)|(une?){_WS}+(?:[^\W\d_][\w'’-]*{_WS}+){{1,2}}){_WS}*sur{_WS}+$"
)
_NOUN_SUR: Final = re.compile(rf"{_WS}+(?:[^\W\d_][\w'’-]*{_WS}+){{1,2}}sur{_WS}+")
_BILLION: Final = frozenset({"billion", "billions"})
_HALF_UNITS: Final = lex.TIME_UNITS | {
    "kilos",
    "litres",
    "mètres",
    "tours",
    "points",
    "parts",
    "fois",
}
_SECOND: Final = frozenset({"second", "seconde", "seconds", "secondes"})
_BARE_SCALES: Final = frozenset({"millions", "milliards", "milliers", "billions"})
# The words after a digit run and a space that ``_CANDIDATES`` reads with it: a scale, the
# unit of a time ("15 h 30", "9 min 12", "10 s 83"), "pour cent" and "10 puissance 9".
_WORDS_READ_AFTER_DIGITS: Final = frozenset(
    "milliard milliards million millions billion billions mille mrd mrds md mds k m g "
    "h min s j pour pourcent puissance".split()
)
_ISO_DATE_REST: Final = re.compile(r"-[01]\d-[0-3]\d(?![\d])")  # after the year of "2024-03-05"
_DAY_MONTH_YEAR_REST: Final = re.compile(r"-(?:1[0-2]|0[1-9])-(?:19|20)\d\d(?![\d\-])")
_URL: Final = re.compile(r"(?:https?://|www\.)[^\s\]\)>\"»]+")


def _candidate(low: str, pos: int, run_end: int = -1) -> re.Match[str] | None:
    """``_CANDIDATES.match(low, pos)``, with only the branches that can match where ``pos`` is
    a letter, or the start of a digit run that ends at ``run_end``."""
    if run_end != -1:  # the branches the character after the run allows (a test compares)
        table = _ZERO_RUN_CANDIDATES if low[pos] == "0" else _RUN_CANDIDATES
        follower = low[run_end] if run_end < len(low) else ""
        pattern = table.get(follower)
        if pattern is None:
            pattern = table["a"] if follower.isalnum() else table[""]
        return pattern.match(low, pos)
    if not low[pos].isalpha():
        return _CANDIDATES.match(low, pos)
    if low.startswith(_OTHER_LETTER_BRANCH_STARTS, pos):
        return _LETTER_CANDIDATES.match(low, pos)
    return _WORD_CANDIDATE.match(low, pos)


def _trailing_bound_may_follow(low: str, end: int) -> bool:
    """Whether _TRAILING_QUALIFIER may match at ``end``: its bound must start within the two
    runs of word characters or symbols it skips first (then spaces, a comma, spaces), which
    most numbers that reach it fail ("au dessus", "au lieu"), without its backtracking."""
    n = len(low)
    i = end
    for _ in range(2):  # spaces then a run of what the pattern's words are made of
        while i < n and low[i].isspace():
            i += 1
        while i < n and not (low[i].isspace() or low[i].isdecimal() or low[i] in ",;:.()"):
            i += 1
    while i < n and low[i].isspace():
        i += 1
    if i < n and low[i] == ",":
        i += 1
    while i < n and low[i].isspace():
        i += 1
    for p in range(end, min(i, n - 1) + 1):
        if (
            low[p] in "eato"
            and low.startswith(_TRAILING_BOUND_STARTS, p)
            and _TRAILING_BOUND.match(low, p)
        ):
            return True
    return False


def _bare_digit_run(low: str, start: int, end: int) -> bool:
    """Whether ``_CANDIDATES`` reads the digit run ``low[start:end]`` as a bare number, the run
    alone: most numbers, decided here without matching the big pattern (a test checks both)."""
    if low[start] == "0" or (start and low[start - 1] in ",."):
        return False  # a code or a phone ("0800"), a decimal part, after an abbreviation
    n = len(low)
    if end == n:
        return True
    c = low[end]  # the two characters after the run, read one by one (no slice to make)
    has_next = end + 1 < n
    if c.isspace():  # then a word that is no scale ("k", "md", "million", "billion",
        # "G$"), no "h", "min" or "s" of a time, no "j" of days ("74 j 3 h 35 min"), no
        # "pour cent" and no "puissance"
        if not (has_next and low[end + 1].isalpha()):
            return False
        if low[end + 1] not in "bghjkmps":
            return True
        word_end = end + 1  # the whole word ("2 mai", "3 pays"): the pattern ends there too
        while word_end < len(low) and (low[word_end].isalnum() or low[word_end] == "_"):
            word_end += 1
        word = low[end + 1 : word_end]
        return word.isalpha() and word not in _WORDS_READ_AFTER_DIGITS
    digit_next = has_next and low[end + 1].isdecimal()
    if c == "-" and digit_next:  # "1946-1958": read alone but in a date
        return not (
            (end - start == 4 and _ISO_DATE_REST.match(low, end))
            or (end - start == 2 and _DAY_MONTH_YEAR_REST.match(low, end))
        )  # "2025-03-12", "12-03-2025": a date
    if c in ".,:/-":  # "2008.", "5, 6", "n° 3/": no digit after, no decimal or date
        return not digit_next
    if c in "'’\"″′":  # "1'250", "10\"02", "1'12''": thousands or a stopwatch
        return False
    # a letter makes a suffix, a code or a scale ("1er", "4G", "3M"), "%" a percent, and a
    # fraction ("8½") is numeric, so alphanumeric too
    return not (c.isalnum() or c == "%")


def _plain_percent_end(low: str, start: int, end: int) -> int:
    """Where ``_CANDIDATES`` ends on the digit run ``low[start:end]`` when it reads a plain
    percent: the run, a decimal comma and digits, one space, "%", and no letter after ("52 %",
    "4,5 %", "22%"), or -1. The scanner builds that match's atom without the pattern (a test
    compares): it is the commonest number the pattern is still matched for."""
    if low[start] == "0" or (start and low[start - 1] in ",."):
        return -1  # a code or a phone ("0800"), a decimal part, after an abbreviation
    n = len(low)
    i = end
    if i + 1 < n and low[i] == "," and low[i + 1].isdecimal():
        i += 2
        while i < n and low[i].isdecimal():
            i += 1
    if i < n and low[i] in _SP_CHARS:
        i += 1
    if i >= n or low[i] != "%":
        return -1
    i += 1
    if i < n and (low[i].isalnum() or low[i] == "_"):
        return -1  # "%" then a letter may be an ordinal's suffix ("5 %e")
    return i


def _is_letter(c: str) -> bool:
    """Whether ``c`` is a letter as the patterns' ``[^\\W\\d_]`` reads it (a word character,
    no digit nor "_": numerals such as "²" count)."""
    return c.isalnum() and not c.isdecimal()


def _letters_start(text: str, end: int, floor: int) -> int:
    """Where the run of letters that ends at ``end`` starts (``end`` if none), not before
    ``floor``: what ``[^\\W\\d_]+$`` searched in ``text[floor:end]`` finds, without a search
    that tries every position."""
    start = end
    while start > floor and _is_letter(text[start - 1]):
        start -= 1
    return start


def _code_before(text: str, start: int, floor: int) -> bool:
    """Whether ``text[floor:start]`` ends with a code's digit then "-" or "/" ("L122-",
    "2001/29/"): a letter, word characters, a digit and the sign, or a digit and "/" (what the
    pattern ``[^\\W\\d_]\\w*\\d[-/]$|\\d/$`` finds, without its backtracking search)."""
    if start - 2 < floor or text[start - 1] not in "-/" or not text[start - 2].isdecimal():
        return False
    if text[start - 1] == "/":
        return True
    i = start - 2  # a letter before the digit, only word characters between
    while i > floor and (text[i - 1].isalnum() or text[i - 1] == "_"):
        i -= 1
        if _is_letter(text[i]):
            return True
    return False


def _currency_before(text: str, start: int) -> re.Match[str] | None:
    """The currency sign written right before a number ("€1000", "$ 5"), if any."""
    if not (
        (start >= 1 and text[start - 1] in _CURRENCY_SIGNS)
        or (start >= 2 and text[start - 2] in _CURRENCY_SIGNS)
    ):
        return None  # the common case: no sign in the two characters before, no regex call
    return _PREFIX_CURRENCY.search(text, max(0, start - 2), start)


def _after_spaces(low: str, pos: int) -> int:
    """Where the run of whitespace at ``pos`` ends (``pos`` itself when there is none)."""
    while pos < len(low) and low[pos].isspace():
        pos += 1
    return pos


def _ws_then_et(low: str, pos: int) -> bool:
    """Whether spaces then "et" follow ``pos``: False rules out the "... et demi" patterns
    (they start with spaces then "et") without a regex call."""
    after = _after_spaces(low, pos)
    return after > pos and low[after : after + 2] == "et"


def _month_may_follow(low: str, pos: int) -> bool:
    """Whether spaces then a month's first two letters follow ``pos``: the test before
    ``_MONTH_AFTER``, which most numbers fail on their next word."""
    after = _after_spaces(low, pos)
    return after > pos and low[after : after + 2] in _MONTH_STARTS


def _listed_joint_before(text: str, start: int) -> bool:
    """Whether a list's joint ("," "et" "ou" "à") then spaces end at ``start``: the test before
    ``_LISTED_AFTER``, which most numbers fail on their previous word."""
    j = start
    while j and text[j - 1] in " \u00a0":
        j -= 1
    return j < start and (text[j - 1 : j] in (",", "à") or text[j - 2 : j] in ("et", "ou"))


def _decimal_of_digits(s: str) -> Decimal:
    """Value of a digit string as the French press writes it: "11 000", "1.350.000", "7,2"."""
    s = "".join(s.split()).replace("−", "-").replace("–", "-").replace("±", "")
    s = s.replace("'", "").replace("’", "")  # Swiss thousands: "1'250"
    if "," in s:
        s = s.replace(".", "").replace(",", ".")
    elif s.count(".") > 1 or _ONE_THOUSANDS_DOT.fullmatch(s):
        s = s.replace(
            ".", ""
        )  # 1.350.000 and 1.350 (a single dot before 3 digits groups thousands)
    return Decimal(s)


# Products and sums of values are exact whatever the number of digits (the default context
# rounds to 28 digits, and quantize then raises on "12345678901234567890123 M€").
_EXACT: Final = Context(prec=MAX_PREC, Emax=MAX_EMAX, Emin=MIN_EMIN)


def _times(value: Decimal, factor: Decimal | int) -> Decimal:
    """``value * factor`` without rounding."""
    return _EXACT.multiply(value, Decimal(factor))


def _vulgar_value(written: str) -> Decimal:
    """ "½" -> 0.5, "1 ¾" -> 1.75: the fraction character's own numerator and denominator."""
    whole = _DIGIT_RUN.match(written)
    # the decomposition of "⅙" is "<fraction> 0031 2044 0036": "1", fraction slash, "6"
    codes = unicodedata.decomposition(written[-1]).split()[1:]
    numerator, denominator = "".join(chr(int(c, 16)) for c in codes).split("\u2044")
    part = _fraction(int(numerator), int(denominator))
    return _tidy(_EXACT.add(Decimal(whole.group()) if whole else Decimal(0), part))


def _tidy(value: Decimal) -> Decimal:
    """An integral value without exponent or trailing zeros (1500000, not 1.5E+6 or 1500000.0)."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1), context=_EXACT)
    return value.normalize(_EXACT)


def _scale_factor(written: str) -> Decimal:
    """The scale a number ends with: "un million" -> 1000000, "cinq" -> 1."""
    last = written.split()[-1].rstrip("s") if written.split() else ""
    return (
        Decimal(lex.SCALES.get(last, 1))
        if last in ("mille", "million", "milliard", "billion")
        else Decimal(1)
    )


def _fraction(numerator: int, denominator: int) -> Decimal:
    """n/d rounded to 6 decimals, half to even (2/3 -> 0.666667, 3/4 -> 0.75), any size of n."""
    millionths, rest = divmod(numerator * 1_000_000, denominator)
    if 2 * rest > denominator or (2 * rest == denominator and millionths % 2):
        millionths += 1  # half to even, as Decimal rounds
    return _tidy(Decimal(millionths).scaleb(-6, _EXACT))


class _Atom:
    """A candidate before classification.

    A plain class, not a dataclass: mypyc compiles this ``__init__`` (a dataclass's generated one
    stays interpreted, ~3% of a compiled scan), and the scanner needs no dataclass method.
    """

    __slots__ = (
        "currency", "dotted", "end", "form", "grouped", "ordinal", "percent", "scaled", "start",
        "unit", "value",
    )  # fmt: skip

    def __init__(
        self,
        start: int,
        end: int,
        value: Decimal,
        form: str,
        *,
        ordinal: bool = False,
        unit: str = "",
    ) -> None:
        self.start = start
        self.end = end
        self.value = value
        self.form = form  # "digits", "words", "time", "identifier", "collective", "fraction"...
        self.ordinal = ordinal
        self.percent = False
        self.scaled = False
        self.grouped = False  # written with thousands separators or a decimal comma
        self.currency = ""
        self.unit = unit  # the unit its own words carry ("2 h 04 min 21 s": s)
        self.dotted = False  # written with a decimal point ("2.0", "802.11"): versions, sizes


class _Scanner:
    """One scan of one text. Holds the text and its lower-cased twin; not reusable."""

    def __init__(self, text: str) -> None:
        self.text = text
        low = text.lower()
        if len(low) != len(text):  # a few code points lower to two; keep offsets aligned
            low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
        self.low = low
        self.identifier_strings: set[str] = set()
        self.identifier_ends: set[int] = set()  # where the identifiers found so far end
        self._has_currency_code: bool | None = None
        self._notes: frozenset[str] | None = None  # the N of the lines "(N) ..." (notes)
        self._tails: dict[int, tuple[str, ...]] = {}
        self._units: dict[int, re.Match[str] | None] = {}

    @property
    def has_currency_code(self) -> bool:
        """Whether the text names a currency by its code ("CHF 70'000", "fr. 1'250"): str.find
        for each code costs less than one regex pass, and only the few numbers after a word
        that may be a code ask (most texts never do)."""
        if self._has_currency_code is None:
            self._has_currency_code = any(code in self.low for code in _CURRENCY_CODE_HINTS)
        return self._has_currency_code

    # ---- context helpers -------------------------------------------------------------------
    def before(self, pos: int, width: int = 40) -> str:
        return self.low[max(0, pos - width) : pos]

    def tail(self, pos: int) -> tuple[str, ...]:
        """The (up to 5) lower-case words right before ``pos``, elisions undone ("d'au" -> "au").

        Empty when the number is glued to what precedes it. Cheaper than a backward regex
        search, and the same small question is asked many times per number.
        """
        cached = self._tails.get(pos)
        if cached is not None:
            return cached
        low = self.low
        result: tuple[str, ...] = ()
        if pos and (low[pos - 1].isspace() or low[pos - 1] in "'’"):
            window = low[max(0, pos - 48) : pos]
            parts = window.rsplit(None, 5)  # the last five words, after the rest when longer
            last = window[len(parts[0]) :] if len(parts) > 5 else window
            if not (
                "'" in last
                or "’" in last
                or "(" in last
                or "«" in last
                or '"' in last
                or "“" in last
                or "[" in last
            ):  # no elision to undo, no quote or bracket to strip: the words as they are
                result = tuple(parts[-5:])
                self._tails[pos] = result
                return result
            words: list[str] = []
            for t in window.replace("’", "'").split()[-5:]:
                t = t.lstrip(_OPENER_CHARS)
                if t == "d'":
                    t = "de"
                elif t == "qu'":
                    t = "que"
                elif "'" in t:
                    for e in _ELISIONS:
                        if t.startswith(e) and len(t) > len(e):
                            t = t[len(e) :]
                            break
                words.append(t)
            result = tuple(words)
        self._tails[pos] = result
        return result

    def last_word(self, pos: int) -> str:
        """``tail(pos)[-1]`` ("" when the tail is empty), without the other four words: most
        questions about the words before a number look at the last one only. A word that holds
        a quote, an apostrophe or a bracket is left to ``tail`` (it may undo or strip them)."""
        cached = self._tails.get(pos)
        if cached is not None:
            return cached[-1] if cached else ""
        low = self.low
        if not (pos and (low[pos - 1].isspace() or low[pos - 1] in "'’")):
            return ""
        floor = max(0, pos - 48)  # the window ``tail`` splits
        j = pos
        while j > floor and low[j - 1].isspace():
            j -= 1
        if j == floor:
            return ""  # only spaces in the window
        # the word after the last plain space, if it holds no other space (no slice, no split
        # of the window): a printable string has no whitespace but " "
        word = low[max(floor, low.rfind(" ", floor, j) + 1) : j]
        if word.isprintable() and (word.isalpha() or not any(c in _TAIL_MARKS for c in word)):
            return word
        words = self.tail(pos)
        return words[-1] if words else ""

    def determiner_before(self, pos: int) -> tuple[str, int] | None:
        """A determiner or small number right before ``pos`` ("une", "deux", "les", "3")."""
        words = self.tail(pos)
        if not words or not (words[-1] in _DETERMINERS or words[-1].isdecimal()):
            return None
        return words[-1], self.last_word_start(pos)

    def last_word_start(self, pos: int) -> int:
        """Offset where the last word before ``pos`` starts (``pos`` itself if none)."""
        j = pos
        while j and self.low[j - 1].isspace():
            j -= 1
        i = j
        while i and not self.low[i - 1].isspace():
            i -= 1
        cut = max(self.low.rfind("'", i, j), self.low.rfind("’", i, j))
        if cut != -1 and cut + 1 < j:  # "d'une centaine": the number starts after the elision
            i = cut + 1
        while i < j and self.low[i] in _OPENERS:  # "(une quarantaine": the word, not its bracket
            i += 1
        return i if i < j else pos

    def word_before(self, pos: int) -> tuple[str, int] | None:
        """The word right before ``pos`` (spaces only between) and its start offset."""
        text = self.text
        j = pos
        while j and text[j - 1] in " \u00a0\u202f\u2009":
            j -= 1
        if j == pos or not j or text[j - 1].isspace():
            return None  # no word: glued to it, or only spaces (of another kind) before
        # the word is what follows the last space of a short window (the whole window when it
        # starts the text); a word longer than the window is found character by character
        start = text.rfind(" ", max(0, j - 48), j) + 1
        word = text[start:j] if start else ""
        if not start or not word.isprintable():
            # no " " in the window, or a space of another kind after it (a printable string
            # holds no space but " "): split the window
            window = text[max(0, j - 48) : j].rsplit(None, 1)
            if len(window) == 2 or j <= 48:
                word, start = window[-1], j - len(window[-1])
            else:
                i = j
                while i and not text[i - 1].isspace():
                    i -= 1
                word, start = text[i:j], i
        if word[:1] in _OPENERS:  # "(n° 324)", "(Dragon 11": the word inside the bracket
            stripped = word.lstrip(_OPENER_CHARS)
            start, word = start + len(word) - len(stripped), stripped
        if not word or not (word[0].isalpha()):
            return None
        if "'" in word or "’" in word:
            cut = max(word.rfind("'"), word.rfind("’"))
            if cut + 1 < len(word) and word[:cut].lower() in _ELIDED_WORDS:
                return word[cut + 1 :], start + cut + 1  # "l'article" -> "article"
        return word, start  # "Chang'e 6", "O'Hare 2": an apostrophe inside a name

    def unit_match(self, end: int) -> re.Match[str] | None:
        """The word or symbol after a number (cached: several questions are asked of it)."""
        if end in self._units:
            return self._units[end]
        low = self.low
        after = _after_spaces(low, end)  # a symbol or a letter must come next (not a digit)
        m = (
            _UNIT_AFTER.match(low, end)
            if after < len(low) and (low[after] in "%€$£¥°" or _is_letter(low[after]))
            else None
        )
        self._units[end] = m
        return m

    def unit_after(self, end: int, *, allow_de: bool) -> tuple[str, int]:
        """The counted noun or unit after a number, and where it ends ("" if none)."""
        m = self.unit_match(end)
        if m is None:
            return "", end
        if m.group("sym") is not None:
            sym_start, sym_end = m.span("sym")
            return self.text[sym_start:sym_end], sym_end
        word = m.group("word")
        if word in _PRENOMINAL and m.group("de") is None:  # "les cinq dernières années"
            noun = _UNIT_AFTER.match(self.low, m.end("word"))
            if noun is not None and noun.group("word") and noun.group("de") is None:
                m, word = noun, noun.group("word")
        if word is None or word in lex.NOT_UNITS or word in lex.MONTHS:
            return "", end
        if word[1:2] in ("'", "’") and word[0] in "jlmnst":
            return "", end  # "trois sur dix s'installent": a pronoun and its verb, no noun
        if m.group("de") is not None and not allow_de:
            return "", end
        word_start, word_end = m.span("word")
        return self.text[word_start:word_end], word_end

    def qualifier_before(self, pos: int) -> str | None:
        """The bound or approximation phrase that ends right before ``pos``, if any."""
        last = self.last_word(pos)
        if last not in _QUALIFIER_LAST_WORDS and (
            last not in _CURRENCY_CODES or not self.has_currency_code
        ):
            return None  # most numbers, decided on the last word alone
        words = self.tail(pos)
        if words and words[-1] in _CURRENCY_CODES and self.has_currency_code:
            words = words[:-1]  # "plus de CHF 12 milliards": the bound is before the currency
        if not words or words[-1] not in _QUALIFIER_LAST_WORDS:
            return None  # most numbers: no phrase can end with the word before them
        for n in (4, 3, 2, 1):  # no word holds a space: its words match a phrase's as joined
            if len(words) >= n:
                phrase = _QUALIFIER_PHRASES.get(words[-n:])
                if phrase is not None:
                    return phrase
        return None

    # ---- the scan --------------------------------------------------------------------------
    def atoms(self) -> list[_Atom]:
        atoms: list[_Atom] = []
        text, low = self.text, self.low
        digit_starts: list[int] = []
        bare_ends: dict[int, int] = {}  # the end of each run that is a bare number, by start
        percent_ends: dict[int, int] = {}  # the end of each plain percent ("52 %"), by start
        run_ends: dict[int, int] = {}  # the end of each other digit run, by start
        romans: list[re.Match[str]] = []
        for run in _DIGITS_OR_ROMAN.finditer(text):  # the digits of text are those of low
            start, end = run.span()
            if text[start] in _ROMAN_LETTERS:
                romans.append(run)
            else:
                digit_starts.append(start)
                if _bare_digit_run(low, start, end):
                    bare_ends[start] = end
                elif (percent_end := _plain_percent_end(low, start, end)) != -1:
                    percent_ends[start] = percent_end
                else:
                    run_ends[start] = end
        consumed = 0
        for pos in self._trigger_positions(digit_starts):
            if pos < consumed:
                continue
            bare_end = bare_ends.get(pos)
            if bare_end is not None:  # what the "num" branch of _CANDIDATES would read
                atoms.append(_Atom(pos, bare_end, Decimal(text[pos:bare_end]), "digits"))
                consumed = bare_end
                continue
            plain_end = percent_ends.get(pos)
            if plain_end is not None:  # what "num" reads, and _digits makes of it
                core_end = plain_end - 1  # the "%", and the space before it
                if low[core_end - 1] in _SP_CHARS:
                    core_end -= 1
                core = text[pos:core_end]
                if core.isdecimal():
                    atom = _Atom(pos, plain_end, Decimal(core), "digits")
                else:  # a decimal comma
                    atom = _Atom(pos, plain_end, _decimal_of_digits(core), "digits")
                    atom.grouped = True
                atom.percent = True
                atoms.append(atom)
                consumed = plain_end
                continue
            m = _candidate(low, pos, run_ends.get(pos, -1))
            if m is None:
                continue
            consumed = m.end()
            group = m.lastgroup
            if group == "num":
                self._digits(m, atoms)
            elif group == "words":
                self._words(m.start(), m.end(), atoms)
            elif group == "time":
                atoms.append(_Atom(m.start(), m.end(), self._minutes(m.group()), "time"))
            elif group == "hms":
                length, unit = _length_of(m.group())
                atoms.append(_Atom(m.start(), m.end(), length, "hms", unit=unit))
            elif group == "chrono":
                written = m.group()  # "+0''12": a gap to the winner, its sign in the span
                if written[0] == "+":
                    gap = _chrono_seconds(written[1:])
                    atoms.append(_Atom(m.start(), m.end(), gap, "hms", unit="s"))
                elif ":" in written and self._clock_with_seconds(m.start(), m.end(), written):
                    hours, minutes, _ = written.split(":")
                    pm = int(hours) < 12 and low.startswith(("pm", " pm", "p.m", " p.m"), m.end())
                    value = Decimal((int(hours) + 12 * pm) * 60 + int(minutes))
                    atoms.append(_Atom(m.start(), m.end(), value, "time"))
                else:
                    seconds = _chrono_seconds(written)
                    atoms.append(_Atom(m.start(), m.end(), seconds, "hms", unit="s"))
            elif group == "sci":
                value = _scientific_value(m.group())
                atom = _Atom(m.start(), m.end(), value, "digits")
                atom.scaled = atom.grouped = True  # "4 × 10^8": no year, code or label
                atoms.append(atom)
            elif group == "ndate":
                atoms.append(_Atom(m.start(), m.end(), self._numeric_date(m.group()), "ndate"))
            elif group == "iso":
                y, mo, d = m.group().split("-")
                atoms.append(_Atom(m.start(), m.end(), Decimal(y + mo + d), "ndate"))
            elif group == "code":
                atoms.append(
                    _Atom(m.start(), m.end(), self._identifier_value(*m.span()), "identifier")
                )
            elif group == "split":
                self._split(m, atoms)
            elif group == "vulgar":
                value = _vulgar_value(self.text[m.start() : m.end()])
                atoms.append(_Atom(m.start(), m.end(), value, "ratio"))
            elif group == "halfnoun":
                noun = self.text[low.index("demi-", m.start()) + 5 : m.end()]
                atoms.append(_Atom(m.start(), m.end(), Decimal("0.5"), "ratio", unit=noun))
            elif group == "halfscale":
                scale = lex.SCALES[_HYPHEN_OR_SPACE.split(m.group())[-1].rstrip("s")]
                value = _tidy(_times(Decimal("0.5"), scale))  # "un demi-million"
                atoms.append(_Atom(m.start(), m.end(), value, "ratio"))
            elif group == "mult":
                value = Decimal(lex.MULTIPLICATIVES[low[m.start() : m.start() + 4]])
                atoms.append(_Atom(m.start(), m.end(), value, "multiplicative"))
            elif group in ("phone", "foot", "version"):
                s, e = (m.start() + 1, m.end() - 1) if group == "foot" else m.span()
                digits = _NON_DIGITS.sub("", low[s:e])
                tie_break = group == "foot" and _TIE_BREAK_BEFORE.search(low, max(0, s - 8), s)
                atoms.append(_Atom(s, e, Decimal(digits), "digits" if tie_break else "identifier"))
            elif group == "coll":
                atoms.append(_Atom(m.start(), m.end(), Decimal(0), "collective"))
            elif group == "frac":
                atoms.append(_Atom(m.start(), m.end(), Decimal(0), "fraction"))
            elif group == "half":
                atoms.append(_Atom(m.start(), m.end(), Decimal("1.5"), "half"))
            # "pour cent" without a number before it is not a number
        if romans:  # the atoms above come in order: a candidate starts after the one before
            atoms.extend(self._romans(romans))
            atoms.sort(key=lambda a: a.start)
        return atoms

    def _trigger_positions(self, starts: list[int]) -> list[int]:
        """Where a candidate may start: digit runs (``starts``, extended here), the words that
        start with a number stem, and the "un" before "million", "demi"...

        Finding the stems with one small pattern and matching the full pattern only there is
        several times faster than searching the whole text with the big pattern.
        """
        low = self.low
        if any(c in low for c in _FRACTION_CHARS):  # rare: a str scan, not a regex pass
            starts += [v.start() for v in _VULGAR.finditer(low)]
        found = set(starts)
        found.update(
            p - 1
            for p in starts
            if p and low[p - 1] in _NUMBER_PREFIX_CHARS and not _glued_sign(low, p - 1)
        )
        word_starts = [
            stem_match.start() + 1
            for stem_match in _WORD_START_STEM.finditer(low)
            if low[stem_match.start()] != "œ"  # a letter: "œ" then a stem starts no word
        ]
        if _ANY_STEM.match(low):
            word_starts.append(0)
        found.update(word_starts)
        for w in word_starts:
            if low.startswith(("mill", "bill"), w):  # "un million": the article counts
                un = _UN_BEFORE.search(low, max(0, w - 5), w)
                if un:
                    found.add(un.start(1))
            elif low.startswith("demi", w):  # "un an et demi", "un demi-million"
                half = _HALF_BEFORE.search(low, max(0, w - 40), w)
                if half:
                    found.add(half.start(1))
                un = _UN_BEFORE.search(low, max(0, w - 5), w)
                if un:
                    found.add(un.start(1))
        return sorted(found)

    def _digits(self, m: re.Match[str], atoms: list[_Atom]) -> None:
        start, end = m.start(), m.end()
        core = self.text[start:end]
        if core.isdecimal():  # most numbers: digits only (a scale, "%" or suffix is no digit)
            atoms.append(_Atom(start, end, Decimal(core), "digits"))
            return
        scale_s, pct_s, ord_s = m.group("scale", "pct", "ord")
        if scale_s is None and pct_s is None and ord_s is None:
            core_end = end
        else:
            core_end = min(
                e for e in (m.start("scale"), m.start("pct"), m.start("ord"), end) if e != -1
            )
        core = self.text[start:core_end]
        plain = core.isdecimal()  # a run of digits before a scale, "%" or suffix
        if plain:
            value = Decimal(core)
        else:
            try:
                value = _decimal_of_digits(core)
            except InvalidOperation:  # pragma: no cover - the pattern only admits digits
                return
        if (
            scale_s == "k"
            and len(core) == 1
            and self.text[core_end] == "K"
            and not _CURRENCY_AFTER.match(self.low, end)
        ):
            atoms.append(_Atom(start, end, value, "identifier"))  # "en 8K": a definition
            return
        if (
            scale_s is not None
            and self.text[m.end("scale") - 1] == "K"
            and scale_s.strip(" \u00a0\u202f\u2009") == "k"
            and not _CURRENCY_AFTER.match(self.low, end)
            and _TEMPERATURE_BEFORE.search(self.low, max(0, start - 120), start)
        ):
            scale_s, end = None, core_end  # "(5 772 K)" after a temperature: kelvins
        metres = scale_s and self.text[m.end("scale") - 1] == "m"
        if metres and not _CURRENCY_AFTER.match(self.low, m.end("scale")):
            scale_s, end = None, core_end  # "10 m": metres; "10M", "10 M€", "10 m€": millions
        atom = _Atom(start, end, value, "digits")
        if not plain:
            atom.grouped = (
                "," in core
                or core.count(".") > 1
                or bool(_SPACES.search(core))
                or "'" in core
                or "’" in core
            )
            atom.dotted = core.count(".") == 1
        if scale_s:
            key = scale_s.strip(" \u00a0\u202f\u2009").rstrip("s")
            key = "md" if key == "g" else key  # "13,6 G$": Québec's billions of dollars
            if key == "billion" and self._english_number(start, core):
                key = "md"  # "for €1.2 billion": an English billion is a thousand millions
            key = key if key in lex.SCALES else key + "s"
            atom.value = _tidy(
                _times(value, lex.SCALES.get(key, lex.SCALES.get(key.rstrip("s"), 1)))
            )
            atom.scaled = True
            if scale_s.strip(" \u00a0\u202f\u2009") in ("m", "k", "md", "mds", "g"):
                cur = _CURRENCY_AFTER.match(self.low, m.end("scale"))
                if cur:  # "12 M€": the currency fused with the scale is the unit, outside the
                    # span as every unit is ("12 M", as the annotators of issue 13 mark it)
                    atom.currency = cur.group().strip(" \u00a0\u202f\u2009")
            if pct_s:  # "3 millions %" is not a thing; keep the scale, leave "%" to the unit
                atom.end = m.end("scale")
        elif pct_s:
            atom.percent = True
        elif ord_s:
            if "," in core or "." in core or core[:1] in "+-−±":
                atom.end = core_end
            else:
                atom.ordinal = True
        atoms.append(atom)

    def _english_number(self, start: int, core: str) -> bool:
        """Written the English way: a currency sign before it ("€1.2") or a decimal point."""
        return (start > 0 and self.text[start - 1] in _CURRENCY_SIGNS) or (
            "." in core and "," not in core and core.count(".") == 1
        )

    def _split(self, m: re.Match[str], atoms: list[_Atom]) -> None:
        """ "60/20/20", "50/50": shares of 100 are amounts; "3/4" a fraction; others codes."""
        parts = [(d.start(), d.end()) for d in _DIGIT_RUN.finditer(self.low, m.start(), m.end())]
        values = [int(self.low[s:e]) for s, e in parts]
        if len(values) == 2 and values[0] <= values[1] and self._shots(m.start(), m.end()):
            # "aux tirs (18/31)", "8/27 à 3 points": shots made out of shots taken, two counts
            atoms.extend(
                _Atom(s, e, Decimal(v), "share") for (s, e), v in zip(parts, values, strict=True)
            )
        elif sum(values) == 100 and all(self.low[s] != "0" or e - s == 1 for s, e in parts):
            atoms.extend(
                _Atom(s, e, Decimal(v), "share") for (s, e), v in zip(parts, values, strict=True)
            )
        elif len(values) == 2 and 0 < values[0] < values[1] <= 10:
            atoms.append(_Atom(m.start(), m.end(), _fraction(*values), "ratio"))
        elif (
            len(values) == 2
            and values[1] == _GRADE_SCALE >= values[0]
            and not _MONTH_AFTER.match(self.low, m.end())
        ):
            # "16/20": a mark out of twenty, the French school scale; the scale is its unit
            grade = _Atom(m.start(), m.end(), Decimal(values[0]), "share", unit="/20")
            atoms.append(grade)
        else:
            tie_break = len(values) == 2 and _TIE_BREAK_BEFORE.search(
                self.low, max(0, m.start() - 8), m.start()
            )  # "7-6 (8/6)": the points of a tie-break, counts
            atoms.extend(
                _Atom(s, e, Decimal(v), "digits" if tie_break else "identifier")
                for (s, e), v in zip(parts, values, strict=True)
            )

    def _words(self, start: int, end: int, atoms: list[_Atom]) -> None:
        """Spelled-out numbers: text2num does the arithmetic, we keep the offsets."""
        words = self.low[start:end].split()  # most runs are one word: its span, no regex
        if len(words) == 1 and len(words[0]) == end - start:
            spans = [(start, end)]
        else:
            spans = [t.span() for t in _TOKEN.finditer(self.low, start, end)]
        segment: list[tuple[int, int]] = []
        if (
            len(spans) > 1
            and _PLURAL_ORDINAL.search(self.low, spans[-1][0], spans[-1][1])
            and self.low[spans[-2][0] : spans[-2][1]] != "et"
        ):
            # "deux centièmes", "vingt-trois cinquièmes": a count of fractions, not the 200th
            counts: list[_Atom] = []
            parts: list[_Atom] = []
            self._text2num(spans[:-1], counts)
            self._text2num(spans[-1:], parts)
            count, part = (counts[-1], parts[0]) if counts and parts else (None, None)
            if (
                count is not None
                and part is not None
                and count.end == spans[-2][1]
                and part.ordinal
                and not count.ordinal
                and part.value >= 3
                and count.value == count.value.to_integral_value()
            ):
                ratio = _fraction(int(count.value), int(part.value))
                counts[-1], parts = _Atom(count.start, part.end, ratio, "ratio"), []
            atoms.extend([*counts, *parts])
            return
        for s, e in [*spans, (-1, -1)]:
            if s == -1 or self.low[s:e] in _SECOND:
                self._text2num(segment, atoms)
                segment = []
                if s != -1:  # text2num does not know "second(e)": the ordinal 2
                    atoms.append(_Atom(s, e, Decimal(2), "words", ordinal=True))
            else:
                segment.append((s, e))

    def _text2num(self, spans: list[tuple[int, int]], atoms: list[_Atom]) -> None:
        if not spans:
            return
        cut = next((i for i, (s, e) in enumerate(spans) if self.low[s:e] in _BILLION), None)
        if cut is not None:  # text2num stops at "milliard"; a billion is 10^12 (long scale)
            self._billion(spans, cut, atoms)
            return
        low = self.low
        for first, last, value, ordinal in _spelled_numbers(tuple(low[s:e] for s, e in spans)):
            atoms.append(_Atom(spans[first][0], spans[last][1], value, "words", ordinal=ordinal))

    def _billion(self, spans: list[tuple[int, int]], cut: int, atoms: list[_Atom]) -> None:
        """ "un billion", "vingt et un billions trois cents": how many billions, plus the rest."""
        before: list[_Atom] = []
        after: list[_Atom] = []
        self._text2num(spans[:cut], before)
        self._text2num(spans[cut + 1 :], after)
        start, end = spans[cut]
        count = Decimal(1)
        if cut and before and before[-1].end == spans[cut - 1][1] and not before[-1].ordinal:
            head = before.pop()
            start, count = head.start, head.value
        elif cut and self.low[slice(*spans[cut - 1])] in ("un", "une"):
            start = spans[cut - 1][0]
        value = _times(count, lex.SCALES["billion"])
        rest = after[0] if after and after[0].start == spans[cut + 1][0] else None
        if rest is not None and not rest.ordinal and rest.value < lex.SCALES["billion"]:
            after.pop(0)
            value, end = _EXACT.add(value, rest.value), rest.end
        atoms.extend([*before, _Atom(start, end, value, "words"), *after])

    def _romans(self, runs: list[re.Match[str]]) -> list[_Atom]:
        """Roman numerals among the runs of numeral letters ``_DIGITS_OR_ROMAN`` found."""
        found: list[_Atom] = []
        text = self.text
        for m in runs:
            suffix = m.group(1)
            numeral = text[m.start() : m.start(1)] if suffix else m.group()
            if len(numeral) == 1 and numeral not in "IVX":
                continue  # "C", "D", "L", "M" alone are letters far more often than numbers
            if not _ROMAN_VALID.fullmatch(numeral):
                continue
            value = Decimal(_roman_value(numeral))
            if suffix:
                if len(numeral) == 1 and suffix in ("e", "ᵉ") and numeral == "I":
                    continue
                found.append(_Atom(m.start(), m.end(), value, "roman", ordinal=True))
                continue
            if _LIST_MARK.match(text, m.end()) and _at_line_start(text, m.start()):
                found.append(_Atom(m.start(), m.end(), value, "roman"))  # "II. UNE MONTÉE"
                continue
            prev = self.word_before(m.start())
            if prev is None:
                continue
            word, _ = prev
            if not (word[:1].isupper() or word.lower() in lex.IDENTIFIER_CUES):
                continue
            if word.lower() in lex.NOT_NAMES and word.lower() not in lex.IDENTIFIER_CUES:
                continue
            found.append(_Atom(m.start(), m.end(), value, "roman"))
        return found

    @staticmethod
    def _minutes(s: str) -> Decimal:
        parts = "".join(s.split()).replace(":", "h").split("h")
        minutes = int(parts[1]) if len(parts) > 1 and parts[1] else 0
        return Decimal(int(parts[0]) * 60 + minutes)

    @staticmethod
    def _numeric_date(s: str) -> Decimal:
        d, mo, y = re.split(r"[/.\-]", s)
        if len(y) == 2:
            y = ("20" if int(y) < 50 else "19") + y
        return Decimal(f"{y}{int(mo):02d}{int(d):02d}")

    # ---- classification --------------------------------------------------------------------
    def mention(self, atom: _Atom) -> NumberMention | None:
        text, low = self.text, self.low
        start, end, value = atom.start, atom.end, atom.value
        qualifier = _Q_EXACT
        unit = ""
        kind: NumberKind

        form = atom.form
        if form == "digits" or form == "words":  # most atoms: tested first
            if form == "words":
                if atom.ordinal:
                    if self._counts_parts_of_a_second(atom):
                        return None  # "à 4 centièmes": the noun is the unit of the digits
                    fraction = self._ordinal_fraction(atom)
                    if fraction is not None:  # "trois cinquièmes", "un centième"
                        return fraction
                else:
                    pct = (
                        _PERCENT_AFTER.match(low, end)
                        if low.startswith(("%", "pour"), _after_spaces(low, end))
                        else None
                    )
                    if pct:  # "vingt pour cent"
                        atom.percent, atom.end = True, pct.end()
                        end = atom.end
            if not atom.ordinal and not atom.percent and _ws_then_et(low, end):
                extra = _AND_FRACTION.match(low, end)
                if extra:  # "un million et demi", "cinq milliards et trois quarts"
                    part = _FRACTION_WORDS[" ".join(extra.group(1).split())]
                    whole = _EXACT.add(value, _times(part, _scale_factor(low[start:end])))
                    value = _tidy(whole.quantize(Decimal("0.000001"), context=_EXACT))
                    atom.end = end = extra.end()
            kind_or_none = self._kind_of_number(atom)
            if kind_or_none is None:
                return None
            kind = kind_or_none
            if (
                kind in AMOUNT_KINDS
                and low.find("moins", max(0, start - 48), start) != -1  # the word is in the
                and self.last_word(start) == "moins"  # window of the tail: the cheap test first
            ):
                before = self.tail(start)
                if (
                    (len(before) < 2 or before[-2] not in _NOT_A_SIGN_BEFORE_MOINS)
                    and not _MONEY_AFTER.match(low, end)  # "28 €, moins 2 € de participation"
                ):  # "moins 5 degrés": the sign, written out
                    start, value = self.last_word_start(start), -value
            if kind is _K_IDENTIFIER and form == "digits" and not text[start:end].isdecimal():
                value = self._identifier_value(start, end)  # a bare digit run has its value
            if atom.percent:
                unit = "%"
            elif atom.currency:
                unit = atom.currency

        elif form == "identifier":
            kind = _K_IDENTIFIER
        elif form == "multiplicative" and self._achievement_noun(start, end):
            return None  # "a signé un doublé", "réussit le triplé": a feat, not a factor
        elif form in ("multiplicative", "share", "ratio"):
            kind = _K_QUANTITY  # "le double", "60/20/20", "3/4", "½", "un demi-million"
            # like the fractions written as nouns, the noun after ("de seconde") is the unit
            if atom.form == "multiplicative":
                unit = "fois"
            elif atom.unit:
                unit = atom.unit  # "16/20": out of twenty; "un demi-point"
                if unit in lex.TIME_UNITS:
                    kind = _K_DURATION  # "une demi-heure"
            else:
                unit = self.unit_after(end, allow_de=True)[0]
        elif form == "ndate":
            kind = _K_DATE
        elif form == "time":
            kind = _K_TIME
            if self._after_duration_prep(start) and ":" not in low[start:end]:
                kind = _K_DURATION
                hours = int(value) % 60 == 0  # "pendant 2 h": hours; "en 1 h 52": 112 minutes
                value, unit = (Decimal(int(value) // 60), "h") if hours else (value, "min")
        elif form == "hms":  # "2 h 04 min 21 s" in seconds, "1 h 02 min" in minutes
            kind, unit = _K_DURATION, atom.unit
        elif form == "roman":
            kind = _K_ORDINAL if atom.ordinal else _K_IDENTIFIER
        elif form == "collective":
            return self._collective(atom)
        elif form == "fraction":
            return self._fraction_mention(atom)
        else:  # "half": "un an et demi"
            value = Decimal("1.5")
            word = _HALF_UNIT.search(low, start, end)
            unit = word.group() if word else ""
            kind = _K_DURATION if unit in lex.TIME_UNITS else _K_QUANTITY
        if kind in AMOUNT_KINDS and not unit:
            # "3 millions de personnes", "trois millions d'euros": a scale takes its noun with "de"
            scaled = atom.scaled or (form == "words" and low.endswith(_SCALE_WORD_ENDS, start, end))
            if scaled and (of_scale := _SCALE_AFTER_NOUN.match(low, end)):
                # "un milliard de milliards": a scale of a scale multiplies, as "mille milliards"
                value = _tidy(_times(value, lex.SCALES[of_scale.group(1).rstrip("s")]))
                end = of_scale.end()
            unit, unit_end = self.unit_after(end, allow_de=scaled)
            unit_lower = unit.lower()
            if unit_lower == "%":
                kind = _K_PERCENT
            elif (
                unit_lower in lex.TIME_UNITS
                and kind is _K_QUANTITY
                and (unit != "s" or text[end : end + 1].isspace())  # "les 70s": a decade
            ):
                kind = self._time_unit_kind(start, unit)
                clock = self._clock_time(start, unit_end, value, unit)
                if clock is not None:  # "à 16 heures": a time of day, not a duration
                    return clock
            elif form == "digits" and self._part_of_a_second(unit.lower(), unit_end):
                kind = _K_DURATION  # "à 4 centièmes de son record"
            # "deux semaines et demie": one mention, noun inside the span
            half = _AND_HALF.match(low, unit_end) if unit and _ws_then_et(low, unit_end) else None
            if half and unit_lower in _HALF_UNITS:
                value = _tidy(value + Decimal("0.5"))
                end = half.end()
            if not unit:
                cur = _currency_before(text, start)
                if cur:
                    unit = cur.group().strip()
                elif (
                    (code := self.word_before(start))
                    and code[0].lower() in _CURRENCY_CODES
                    and self.has_currency_code
                ):
                    unit = code[0]  # "CHF 70'000", "fr. 1'250": the currency written first
        if (
            kind is _K_QUANTITY
            and not unit
            and _CELL_START_BEFORE.search(text, max(0, start - 4), start)
        ):
            row_unit = self._row_time_unit(start)
            if row_unit is not None:  # "Capacité de désendettement (en années) | 5,2 | 8,9"
                kind, unit = _K_DURATION, row_unit
        if kind is _K_DATE and atom.form != "ndate":
            unit = ""
        elif kind is _K_IDENTIFIER:
            self.identifier_ends.add(end)

        if (
            atom.form == "words"
            and low[start - 1 : start] == "("
            and low[start:end] in _BARE_SCALES
        ):
            return None  # "Production (millions de tonnes)": the unit of a table's column
        if (
            (kind is _K_PERCENT or kind is _K_QUANTITY)
            and start >= 3
            and text[start - 3] == "("
            and text[start - 2] in "-−–+"
            and text[start - 1] in " \u00a0\u202f"
            and value >= 0
        ):  # "(– 1,8 % par rapport à 2024)": a sign a space apart, right after the bracket
            value = value if text[start - 2] == "+" else -value
            start -= 2
        if kind in _QUALIFIED_KINDS:
            qualifier = self._qualifier(start, end, kind)
        if atom.form == "words" and low[start:end] in _BARE_SCALES and qualifier is _Q_EXACT:
            if self.tail(start)[-1:] == ("en",):
                return None  # "(en millions d'euros)": the unit a table is written in
            det = self.determiner_before(start)
            if det is not None and det[0] == "plusieurs":
                qualifier = _Q_MORE_THAN  # "plusieurs millions": more than one million
            elif det is not None and det[0] in ("des", "quelques", "de"):
                qualifier = _Q_APPROXIMATE  # "des millions de": millions, roughly
        return _new_mention(start, end, text[start:end], value, kind, qualifier, unit)

    def _ordinal_fraction(self, atom: _Atom) -> NumberMention | None:
        """ "un cinquième", "trois centièmes": a cardinal before an ordinal noun is a fraction."""
        written = self.low[atom.start : atom.end]
        if not _ORDINAL_DENOMINATOR.match(written) or atom.value < 3:
            return None
        before = self.tail(atom.start)
        if not before:
            return None
        det = before[-1]
        if det.isdecimal():
            numerator = int(det)
        elif det in lex.DETERMINER_VALUES and det != "une":  # "une cinquième place": a rank
            numerator = lex.DETERMINER_VALUES[det]
        elif det == "chaque":  # "chaque dixième de degré compte": each tenth of it
            numerator = 1
        else:
            return None
        if numerator > 1 and not written.endswith("s"):
            return None
        after = _UNIT_AFTER.match(self.low, atom.end)
        if (
            after is not None
            and after.group("word")
            and after.group("de") is None
            and after.group("word") not in lex.NOT_UNITS
        ):
            return None  # "un douzième essai": a rank; "un douzième de la somme": a fraction
        start = self.last_word_start(atom.start)
        unit, _ = self.unit_after(atom.end, allow_de=True)
        return NumberMention(
            start,
            atom.end,
            self.text[start : atom.end],
            _fraction(numerator, int(atom.value)),
            _K_QUANTITY,
            self._qualifier(start, atom.end, _K_QUANTITY),
            unit,
        )

    def _counts_parts_of_a_second(self, atom: _Atom) -> bool:
        """Whether this ordinal noun is the unit of the digits before it ("9 centièmes")."""
        before = self.tail(atom.start)
        return (
            bool(before)
            and before[-1].isdecimal()
            and self._part_of_a_second(self.low[atom.start : atom.end], atom.end)
        )

    def _part_of_a_second(self, noun: str, end: int) -> bool:
        """ "9 s 83, à 4 centièmes", "2 dixièmes de seconde": digits before hundredths or
        thousandths count parts of a second (a share of a whole is written in percent), before
        tenths only with "de seconde" ("3 dixièmes du budget" is a fraction)."""
        if noun in ("centièmes", "millièmes"):
            return True
        return noun == "dixièmes" and _OF_A_SECOND.match(self.low, end) is not None

    def _kind_of_number(self, atom: _Atom) -> NumberKind | None:
        """The kind of a plain number from its context; None when it is no number at all."""
        text, low = self.text, self.low
        start, end, value = atom.start, atom.end, atom.value
        digits_form = atom.form == "digits"
        if (
            digits_form
            and start >= 5
            and text[start - 1] in "([/"
            and text[end : end + 1] in ")]/"
            and _TIE_BREAK_BEFORE.search(text, max(0, start - 10), start)
        ):
            return _K_QUANTITY  # "7-6 (8/6)", "6-7 [4]": the points of a set's tie-break
        # a space (or nothing) on either side, the common case, rules out every glued form
        if digits_form and start and not (prev_char := text[start - 1]).isspace():
            if prev_char.isalpha():
                return _K_IDENTIFIER  # A380, TF1, G5
            if prev_char in "-‑'’" and start >= 2 and text[start - 2].isalpha():
                name = text[_letters_start(text, start - 1, max(0, start - 30)) : start - 1]
                if (prev_char in "-‑" and name.lower() != "mi") or len(name) > 2:
                    return _K_IDENTIFIER  # KN-23, M-1989, iLife'05 (not "mi-2025", "d'1")
            if (
                prev_char == "/"
                and _UNIT_PER.search(low, max(0, start - 4), start)
                and _KM_AFTER.match(low, end)
            ):
                return None  # "4,6 l/100 km": the hundred is part of the unit, not a number
            if prev_char in "-/" and _code_before(text, start, max(0, start - 20)):
                return _K_IDENTIFIER  # L122-5, 2001/29/CE
            if (
                prev_char in "-‑/."
                and start - 1 in self.identifier_ends
                and not self._date_year(start, end)
            ):
                return _K_IDENTIFIER  # "loi n° 78-17", "L. 1234-5": the rest of a code
            if prev_char == "." and text[start - 2 : start - 1].isalpha():
                if _ABBREVIATION_END.search(text, max(0, start - 6), start):
                    return _K_IDENTIFIER  # "L.3121-1", "p.12", "art.5": a reference
                return None  # "septembre.16": a missing space, or a note call; no number
            if prev_char == "(" and text.startswith(")", end):
                if self._footnote(start, end):
                    return _K_IDENTIFIER  # "agents armés (2)": the call of a note "(2) ..."
                if _DEPARTMENT.fullmatch(text, start, end) and _PLACE_BEFORE.search(
                    text, max(0, start - 40), start - 1
                ):
                    return _K_IDENTIFIER  # "le Var (83)", "Dax (40)": a department's number
                if _POSTAL_CODE.fullmatch(text, start, end):
                    return _K_IDENTIFIER  # "Montreuil (93100)": a count this size has a space
            if prev_char == ":" and low.endswith("arxiv:", 0, start):
                return _K_IDENTIFIER  # "arXiv:2503.04417": a preprint's number
            if prev_char == ")" and _CODE_BRACKET_BEFORE.search(text, max(0, start - 12), start):
                return _K_IDENTIFIER  # "INFR(2014)2121": an infringement's number, a code
            if prev_char == "+" and start >= 2 and text[start - 2].isalpha():
                return _K_IDENTIFIER  # "bac+5", "J+3": a level or a day count from an event
        if digits_form and end < len(text) and not text[end].isspace():
            nxt = text[end : end + 2]
            if nxt[:1] == "/" and (nxt[1:2].isalnum()):
                return _K_IDENTIFIER
            if nxt[:1].isalpha() and not atom.ordinal and not atom.percent and not atom.scaled:
                letters = _GLUED_LETTERS.match(low, end)
                if letters and (
                    letters.group() not in lex.UNIT_SYMBOLS
                    or atom.dotted
                    or letters.group() == "g" != nxt[0]
                ):
                    return _K_IDENTIFIER  # "2B", "802.11n", and "5G": a gram is "g"
            if (nxt[:1] in "-‑" and nxt[1:2].isalpha()) or (nxt[:1] == "." and nxt[1:2].isdigit()):
                return _K_IDENTIFIER  # "2000-D", "1.2.3"
            if (
                end - start == 4
                and nxt[:1] in "-‑"
                and _MODEL_VARIANT.match(text, end)
                and self._name_before(start)
            ):
                return _K_IDENTIFIER  # "Mirage 2000-5": a year range never ends on one digit
        if atom.percent:
            if text[max(0, start - 2) : start].startswith("«") and _NAME_CLOSES.match(text, end):
                return _K_IDENTIFIER  # "la réforme « 100 % santé »": a name, not a share
            return _K_PERCENT
        if digits_form and text.startswith("49", start) and self._article_49_3(start, end):
            return _K_IDENTIFIER  # "le recours au 49.3", "dégainer le 49-3": an article
        if (
            digits_form
            and start >= 2
            and (text[start - 1] in ";:(" or text[start - 2] in ";:")
            and self._citation(start, end)
        ):
            return _K_IDENTIFIER  # "Eur Respir J 2025; 66: 2401187": a volume, a page
        if digits_form and start >= 2 and (text[start - 2] in "+§LC)" or text[start - 1] in "§("):
            # the two characters before say whether a level, a paragraph or a reference may
            # come before the number: the tests below are for those few
            if low.endswith("bac + ", max(0, start - 6), start):
                return _K_IDENTIFIER  # "niveau bac + 3": a level of study, like "bac+5"
            if "§" in text[start - 2 : start]:
                return _K_IDENTIFIER  # "l'article 247, § 2": a paragraph
            if _EU_DOCUMENT.search(text, max(0, start - 12), start):
                return _K_IDENTIFIER  # "COM(2025) 85 final", "JO L 58": an EU reference
        if digits_form and text[end : end + 1] == "°" and self._item_number(start, end):
            return _K_IDENTIFIER  # "1° 4 000 euros pour...", "aux 1° et 2°": a legal item
        if (
            digits_form
            and end - start <= 3
            and text[end : end + 1] in _LIST_MARK_CHARS
            and _LIST_MARK.match(text, end)
        ):
            if _at_line_start(text, start):
                return _K_IDENTIFIER  # "1. Le dédoublement des classes": a list item's number
            if self._run_in_rank(start, end, value):
                return _K_ORDINAL  # "Classement : 1. FC Rivemont, 49 pts ; 2. Stade Vallerois"
        if (
            digits_form
            and end - start <= 3
            and _at_line_start(text, start)
            and _RANKED_ROW.match(text, end)
        ):
            return _K_ORDINAL  # "1 Norvège 17 12 10 39": the rank of a table's row
        if (
            _month_may_follow(low, end)
            and (atom.ordinal or 1 <= value <= 31)
            and not atom.grouped
            and value == value.to_integral_value()
            and _MONTH_AFTER.match(low, end)
        ):
            return _K_DATE  # whatever the word before: it need not be looked for
        prev = self.word_before(start)
        prev_lower = prev[0].lower() if prev else ""
        prev_word = prev_lower.rstrip(".")
        if (
            prev
            and (not atom.ordinal or value == 1)  # "article 1er", "chapitre premier"
            and (
                prev_lower in lex.IDENTIFIER_CUES
                or prev_word in lex.IDENTIFIER_CUES
                or (  # "(ODD) 6": a cue alone in its brackets
                    prev_word[-1:] == ")"
                    and text[prev[1] - 1 : prev[1]] == "("
                    and prev_word[:-1] in lex.IDENTIFIER_CUES
                )
                or (prev[0] in lex.CODE_ARTICLE_LETTERS and self._code_article(start, end))
            )
            and not self._unit_or_measure_after(end)  # "mesure 12 m", "mesure 10 pouces": a size
            and (prev_word != "nos" or not self._counted_noun_after(end, value))
        ):
            return _K_IDENTIFIER  # "amendements nos 87, 412 et 955" (not "nos 3 enfants")
        if prev_lower == "eur" and text.startswith("CO EUR ", start - 7):
            return _K_IDENTIFIER  # "CO EUR 9": a series of the Council's documents, no euros
        if digits_form and (
            (
                (prev_word in ("au", "le") or low[start - 3 : start - 1].isdigit())
                and _CALL_BEFORE.search(low, max(0, start - 35), start)
            )
            or ("(" in low[end : end + 2] and _SERVICE_AFTER.match(low, end))
            or (
                text[start:end] in _EMERGENCY_NUMBERS
                and _EMERGENCY_LABEL_BEFORE.search(low, max(0, start - 12), start)
                and not self._counted_noun_after(end, value)
            )
            or (
                prev_word in ("au", "le")
                and text.startswith("116", start)
                and _EU_HARMONISED_NUMBER.fullmatch(text, start, end)
                and not self._counted_noun_after(end, value)
            )
        ):
            return _K_IDENTIFIER  # "joignable au 116 117", "appelez le 36 46", "18 (pompiers)"
        if (
            prev_word in ("saison", "saisons")
            and value < 100
            and not self._counted_noun_after(end, value)
        ):
            return _K_IDENTIFIER  # "la saison 3 de sa série" (not "cette saison 412 licenciés")
        if (
            text[start] == "+"
            and atom.grouped
            and sum(c.isdigit() for c in text[start:end]) >= 10
            and not self._counted_noun_after(end, value)  # "+1 200 000 000 €" stays a sum
        ):
            return _K_IDENTIFIER  # "+48 609 522 266": a phone, no signed count of billions
        if digits_form and end - start == 5 and self._postal_code(start, end):
            return _K_IDENTIFIER  # "1, place Adrien Zeller – 67070 Strasbourg Cedex"
        if atom.ordinal:
            if atom.form == "words":
                written = low[start:end]
                if written == "secondes" or (
                    written == "seconde" and self._seconde_is_time(start, end)
                ):
                    return None  # "une seconde": the unit of time
                nxt_word = _NEXT_WORD.match(low, end)
                if nxt_word and nxt_word.group(1) in lex.ORDINAL_IDIOM_NEXT:
                    return None  # "premier ministre": a title, not a rank
            return _K_ORDINAL
        if atom.form == "words":
            if text[end : end + 1] in "-‑" and (
                _NAME_AFTER_HYPHEN.match(text, end) or _COMPOUND_NOUN_AFTER.match(low, end)
            ):
                return None  # "Deux-Sèvres", "Trois-Rivières": a place; "deux-roues": a thing
            if (
                1000 <= value <= 2100
                and prev_word in lex.YEAR_CUES
                and value == value.to_integral_value()
                and not self._counted_noun_after(end, value)
                and self._is_year(start, end, prev_word)
            ):
                return _K_YEAR  # "l'an deux mille vingt-quatre"
            if (
                low.startswith(("zéro", "zero"), start)
                and end - start == 4
                and self._after_determined_noun(start, _ZERO_ADJECTIVE_OPENERS)
            ):
                return None  # "la tolérance zéro", "un prêt à taux zéro": none as a goal
            if (
                end - start == 4
                and low.startswith("neuf", start)
                and (
                    prev_word in _NEW_NOT_NINE_BEFORE
                    or prev_word.endswith(_PARTICIPLE_ENDS)  # "livré neuf", "vendus neufs"
                    or self._after_determined_noun(start)
                )
                and not self._counted_noun_after(end, value)
            ):
                return None  # "le marché du neuf", "tout neuf", "un vélo neuf": new, not nine
        if text[start] == "+" and prev_word in lex.LEVEL_NAMES:
            return _K_IDENTIFIER  # "bac +3": a level, counted from an exam
        if (
            digits_form
            and (text[start] == "0" or (text[start] in "+-−±" and text.startswith("0", start + 1)))
            and _LEADING_ZERO.match(text, start, end)
        ):
            return _K_IDENTIFIER  # "0800", "0 800 123 456": codes and phones, not amounts
        if digits_form and not atom.percent and self._labelled_code(start):
            return _K_IDENTIFIER  # "N° parquet : 23145000872", "RCS Lyon 812 345 678"
        if digits_form and not atom.scaled and not atom.percent and self._digit_block(atom):
            return _K_IDENTIFIER  # "SIRET 200 041 762 00015", "EAN 3 701245 880183"
        if digits_form and not atom.grouped and not atom.scaled:
            if _currency_before(text, start):
                return _K_QUANTITY  # "€1000": an amount, never a year or a name
            digits = text[start:end].lstrip("+-−±")
            if len(digits) >= 7 and digits.isdecimal() and self._long_codes_listed(start, end):
                return _K_IDENTIFIER  # "lots 2403118, 2404207 et 2406031": a list of codes
            year_like = len(digits) == 4 and 1000 <= value <= 2100 and "." not in digits
            if (
                prev
                and prev[0][:1].isupper()
                and prev[0][-1:].isalnum()  # "le Fatah, 28 pour le Hamas": no name across a comma
                and (prev_word not in lex.NOT_NAMES or prev[0] in lex.ROAD_LETTERS)
                and prev_word not in _CURRENCY_CODES  # "CHF 250": a sum, not a name's number
                and (prev_word not in lex.MONTHS)
                and (not year_like or prev[0] in lex.ROAD_LETTERS)  # "la D 1006"
                and not (end - start <= 2 and _SCORE_NEXT.match(text, end))  # "Montpellier 33-30"
                and not _ROW_OF_NUMBERS.match(text, end)  # "1 Norvège 17 12 10 39": a table row
                and not self._counted_noun_after(end, value)
            ):
                if len(digits) >= 2:  # "Boeing 787", not "Ligue 1": one digit again is a count
                    self.identifier_strings.add(digits)
                return _K_IDENTIFIER
            if year_like and self._is_year(start, end, prev_word):  # no "," or " ": not grouped
                return _K_YEAR
            if self._street_may_follow(end) and _STREET_AFTER.match(low, end):
                return _K_IDENTIFIER  # "12 rue de la Paix", "3 bis avenue Foch": an address
            if (text[end : end + 1] in "-–," or low.startswith("cours", end + 1)) and (
                self._house_number(end)
            ):
                return _K_IDENTIFIER  # "18-20 rue Eugène-Varlin", "14, cours de l'Intendance"
            if (
                digits in self.identifier_strings  # "Boeing 787" again
                and not self._counted_noun_after(end, value)
                and not _RANGE_NEXT.match(text, end)  # "catégorie 3", then "de 3 à 10 ans"
            ):
                return _K_IDENTIFIER
            listed = (
                _LISTED_AFTER.search(text, max(0, start - 12), start)
                if _listed_joint_before(text, start)
                else None
            )
            if (
                listed
                and listed.start(1) + 1 in self.identifier_ends
                and not self._counted_noun_after(end, value)
            ):
                return _K_IDENTIFIER  # "les lignes 1 et 14", "les articles 3, 4 et 7"
            if (start == 0 or text[start - 1] == "\n") and self._numbers_what_follows(
                start, end, "." in digits, year_like
            ):
                return _K_IDENTIFIER  # "138 – Emploi outre-mer", "2.1 L'année en chiffres"
            if "." in digits and low.startswith(" fm", end):
                return _K_IDENTIFIER  # "(90.2 FM)": a radio's frequency, a station's name
            if (
                prev_word in _SINGULAR_ARTICLES
                and value >= 2
                and not _RANGE_NEXT.match(text, end)
                and not self._counted_noun_after(end, value)
            ):
                # a singular article makes the numeral a noun, never a count: a day of the month
                # ("le 21", "la semaine du 18") or else a name ("le 8 est un chiffre porte-bonheur")
                day = value <= 31 and value == value.to_integral_value()
                return _K_DATE if day else _K_IDENTIFIER
        return _K_QUANTITY

    def _numbers_what_follows(self, start: int, end: int, dotted: bool, year_like: bool) -> bool:
        """A number at a line's start that labels what follows it: a numbered row before a dash
        and a title ("138 – Emploi outre-mer"), a section before its title ("2.1 L'année en
        chiffres"), or a section's number alone on its line after a blank line or a sentence,
        before a capitalised heading ("1", then "Questions d'actualité")."""
        text = self.text
        if not year_like and _HEADING_DASH_AFTER.match(text, end):
            return True
        if dotted and _HEADING_TITLE_AFTER.match(text, end):
            return True
        return (
            end - start <= 3
            and start >= 2
            and text[start - 2] in "\n.!?)»"
            and _ALONE_BEFORE_A_HEADING.match(text, end) is not None
        )

    def _after_duration_prep(self, start: int) -> bool:
        words = self.tail(start)
        return bool(words) and (words[-1] in _DURATION_PREPS or words[-3:] == ("il", "y", "a"))

    def _seconde_is_time(self, start: int, end: int) -> bool:
        """ "en une seconde" is time; "une seconde fois", "la seconde" are ranks."""
        after = _UNIT_AFTER.match(self.low, end)
        if (
            after is not None
            and after.group("word")
            and after.group("de") is None
            and after.group("word") not in lex.NOT_UNITS
        ):
            return False
        words = self.tail(start)
        return bool(words) and (
            words[-1] in ("une", "quelques", "deux", "trois", "dix", "de", "par", "chaque", "cette")
            or words[-1].isdigit()
            or words[-2:] == ("la", "même")
        )

    def _shots(self, start: int, end: int) -> bool:
        """A basketball line of shots made out of shots taken: "aux tirs (18/31)", "8/27 à 3
        points", "3/4 aux lancers francs"."""
        return bool(
            _SHOTS_AFTER.match(self.low, end)
            or _SHOTS_BEFORE.search(self.low, max(0, start - 16), start)
        )

    def _row_time_unit(self, start: int) -> str | None:
        """The unit of time a table row's label gives its cells: "(en années)", "(en jours de
        charges)"; None when the row's first cell names none."""
        text = self.text
        line_start = text.rfind("\n", 0, start) + 1
        cells = _CELL_SEPARATOR.split(text[line_start:start])
        if len(cells) < 2 or "âge" in cells[0].lower():
            return None  # "Âge moyen (en années) | 45": an age, a quantity
        label = _ROW_TIME_UNIT.search(cells[0])
        if label is not None:
            return label.group(1)
        # "Délai médian entre deux présentations <tab> jours <tab> 46": a column of units
        second = cells[1].strip()
        return second if len(cells) > 2 and second in _ROW_TIME_UNITS else None

    def _article_49_3(self, start: int, end: int) -> bool:
        """ "le 49.3", "du 49-3": the article of the Constitution a government invokes."""
        text = self.text
        written = text[start:end]
        if written == "49.3":
            after = end
        elif written == "49" and text[end : end + 2] in ("-3", "‑3"):
            after = end + 2
        else:
            return False
        if text[after : after + 1].isdigit() or text[after : after + 2] in (",3", ".3"):
            return False
        prev = self.word_before(start)
        return prev is not None and prev[0].lower() in _ARTICLE_49_3_BEFORE

    def _citation(self, start: int, end: int) -> bool:
        """A volume ("2025; 66:") or a page ("2025; 66: 2401187") of a journal citation."""
        text = self.text
        if text[start - 1] == "(":  # "2024;22(4):8672": the issue
            return text.startswith("):", end) and bool(
                _CITATION_ISSUE_BEFORE.search(text, max(0, start - 16), start)
            )
        if text[start - 2] == ";" or text[start - 1] == ";":
            return bool(
                _CITATION_PAGE_NEXT.match(text, end)
                and _CITATION_YEAR_BEFORE.search(text, max(0, start - 8), start)
            )
        return bool(_CITATION_VOLUME_BEFORE.search(text, max(0, start - 30), start))

    def _house_number(self, end: int) -> bool:
        """A house number before its street, when a comma, the range's other end or "cours"
        comes first: "98-100, boulevard Konrad Adenauer", "14 cours de l'Intendance"."""
        rest = _HOUSE_RANGE_END.match(self.text, end)
        street = rest.end() if rest else end
        return bool(
            (self._street_may_follow(street) and _STREET_AFTER.match(self.low, street))
            or _COURS_NAMED.match(self.text, street)
        )

    def _street_may_follow(self, end: int) -> bool:
        """A cheap test before the street pattern: a comma, or a word that may begin one."""
        if self.low[end : end + 1] == ",":
            return True
        m = self.unit_match(end)  # cached, and asked again for the unit
        return m is not None and (m.group("word") or "") in _STREET_FIRST_WORDS

    def _postal_code(self, start: int, end: int) -> bool:
        """Five digits before a town, in an address: a street before them, or "Cedex" after."""
        town = _TOWN_AFTER.match(self.text, end)
        if town is None:
            return False
        if town.group()[-5:].lower() == "cedex":
            return True
        if (
            self.text.endswith(", ", max(0, start - 2), start)
            and _POSTAL_CODE.fullmatch(self.text, start, end)
            and _HOUSE_NUMBER_BEFORE.search(self.text, max(0, start - 60), start)
        ):
            return True  # "14 cours de l'Intendance, 33000 Bordeaux": the line of an address
        return bool(_STREET_BEFORE.search(self.low, max(0, start - 60), start))

    def _footnote(self, start: int, end: int) -> bool:
        """Whether "(N)" calls a note: a line of the text starts with the same "(N)"."""
        if self._notes is None:
            first = _NOTE_LINE.match(self.text)  # at the text's start, then after each "\n"
            notes = _NOTE_LINE_AFTER_BREAK.findall(self.text)
            self._notes = frozenset([first.group(1), *notes] if first else notes)
        return self.text[start:end] in self._notes

    def _run_in_rank(self, start: int, end: int, value: Decimal) -> bool:
        """ "Classement : 1. FC Rivemont, 49 pts ; 2. Stade Vallerois": the ranks of a list run
        into one line, after ":" or ";", a name after each, the rank before or after on the line."""
        text = self.text
        if not _RANK_OPENER.search(text, max(0, start - 4), start) or not _RANK_NAME.match(
            text, end
        ):
            return False
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line_end = len(text) if line_end == -1 else line_end
        rank = int(value)
        return any(
            _RANK_OPENER.search(text, max(line_start, at - 4), at) is not None
            and _RANK_NAME.match(text, at + len(str(other)))
            for other, lo, hi in ((rank + 1, end, line_end), (rank - 1, line_start, start))
            for at in _occurrences(text, f"{other}.", lo, hi)
        )

    def _achievement_noun(self, start: int, end: int) -> bool:
        """ "un doublé", "le triplé": the past participle after a determiner is a noun."""
        if not self.low.startswith(("é", "és"), end - 1 if self.low[end - 1] == "é" else end - 2):
            return False
        words = self.tail(start)
        return bool(words) and words[-1] in _ACHIEVEMENT_DETERMINERS

    def _clock_with_seconds(self, start: int, end: int, written: str) -> bool:
        """ "à 17:49:19", "19:56:30", "7:56:30 pm": a time of day; "en 2:05:12", a race time."""
        words = self.tail(start)
        return (
            int(written.split(":", 1)[0]) >= 10
            or (bool(words) and words[-1] in _CLOCK_PREPS)
            or _MERIDIEM_AFTER.match(self.low, end) is not None
        )

    def _labelled_code(self, start: int) -> bool:
        """A number after a label that names a code: "N° parquet : …", "Référence interne : …",
        "Code CPV principal : …", or a register and its town, "RCS Lyon …"."""
        text = self.text
        if text[start - 2 : start].strip() == ":":
            return bool(
                _CODE_LABEL.search(text, max(0, start - 40), start)
                or _LABEL_THEN_COLON.search(self.low, max(0, start - 16), start)
            )
        floor = max(0, start - 30)  # "RCS Lyon 812 345 678": the register's name in the window
        if text.find("RCS", floor, start) == -1 and text.find("SIRE", floor, start) == -1:
            return False
        return bool(_REGISTER_BEFORE.search(text, floor, start))

    def _long_codes_listed(self, start: int, end: int) -> bool:
        """Seven ungrouped digits or more listed beside another such run: numbers of lots or
        files, which the press never writes as amounts (it groups the digits of a million)."""
        text = self.text
        return bool(
            _LONG_RUN_LISTED_AFTER.match(text, end)
            or _LONG_RUN_LISTED_BEFORE.search(text, max(0, start - 16), start)
        )

    def _item_number(self, start: int, end: int) -> bool:
        """ "1°" that numbers an item of a legal text (premièrement): at the start of a line,
        after "au", "aux", "du", or listed after such an item; not "45°" nor "20 °C"."""
        if _ITEM_DEGREE_END.match(self.text, end) is None:
            return False
        if _at_line_start(self.text, start) or self.text[start - 1 : start] == "\t":
            # a line, or a cell of a comparative table: "1° L'article L. 1434-4 est ainsi modifié"
            return end - start <= 2 and bool(_ITEM_AT_LINE_START.match(self.text, end))
        words = self.tail(start)
        if words[-1:] and words[-1] in _ITEM_ARTICLES:
            return words[-1] != "le" or end - start == 1  # "après le 2°" (not "le 45°", an angle)
        listed = _ITEM_LISTED.search(self.text, max(0, start - 8), start)
        return listed is not None and listed.start(1) in self.identifier_ends

    def _digit_block(self, atom: _Atom) -> bool:
        """A run of digits beside another, a space apart, where one is too long for a group of
        thousands: the blocks of a code (SIRET, EAN, IBAN), never an amount."""
        text, start, end = self.text, atom.start, atom.end
        after = (
            _LONG_BLOCK_AFTER.match(text, end) if text[end + 1 : end + 2].isdigit() else None
        )  # the common case, a word or a sign after: no regex
        if after and (atom.grouped or len(after.group(1)) >= 5):
            return not (end - start == 4 and 1000 <= atom.value <= 2100)  # "en 2019 15000"
        return (
            end - start >= 5
            and not atom.grouped
            and text[start:end].isdecimal()
            and _DIGIT_BEFORE.search(text, max(0, start - 2), start) is not None
        )

    def _name_before(self, start: int) -> bool:
        """A capitalised word right before ``start``: the name a model number belongs to."""
        prev = self.word_before(start)
        return prev is not None and prev[0][:1].isupper() and prev[0].lower() not in lex.NOT_NAMES

    def _after_determined_noun(self, start: int, openers: frozenset[str] = frozenset()) -> bool:
        """ "un appartement neuf", "du matériel neuf": right after a determiner and its noun, a
        number word is an adjective ("ils sont neuf", a verb before, stays a count)."""
        words = self.tail(start)
        return (
            len(words) >= 2
            and (words[-2] in _POSTPOSED_DETERMINERS or words[-2] in openers)
            and words[-1].isalpha()
            and words[-1] not in _DETERMINERS
            and not _ANY_STEM.match(words[-1])  # "le vingt-neuf"
        )

    def _date_year(self, start: int, end: int) -> bool:
        """ "02-03-2003", "Sep-23-2020": four digits after a day or month number are a year."""
        return (
            end - start == 4
            and self.text[start] in "12"
            and bool(_DAY_OR_MONTH_BEFORE.search(self.text, max(0, start - 4), start))
        )

    def _code_article(self, start: int, end: int) -> bool:
        """ "article L. 1234-5", "R. 4127-1": after a code's letter, the number of an article."""
        if _ARTICLE_TAIL.match(self.text, end):
            return True
        words = self.tail(start)
        if len(words) < 2:
            return False
        cue = words[-2]
        return cue[max(cue.rfind("'"), cue.rfind("’")) + 1 :] in lex.IDENTIFIER_CUES  # "l'article"

    def _unit_or_measure_after(self, end: int) -> bool:
        """A unit after the number, a symbol ("12 m") or a word of measure ("10 pouces")."""
        m = self.unit_match(end)
        if m is None:
            return False
        return m.group("sym") is not None or (
            m.group("de") is None and m.group("word") in lex.MEASURE_WORDS
        )

    def _counted_noun_after(self, end: int, value: Decimal) -> bool:
        m = self.unit_match(end)
        if m is None:
            return False
        if self._unit_or_measure_after(end):
            return True
        word = m.group("word")
        if word is None or m.group("de") is not None:
            return False
        raw_word = self.text[m.start("word") : m.end("word")]
        if not raw_word[:1].islower() or word in lex.NOT_UNITS or word in lex.MONTHS:
            return False
        return value < 2 or word.endswith(("s", "x"))  # "787 commencera" is not "787 avions"

    def _is_year(self, start: int, end: int, prev_word: str) -> bool:
        if (
            prev_word in lex.YEAR_CUES
            or self.last_word(start) in lex.MONTHS
            or self.low.endswith(("mi-", "l'an ", "l’an "), 0, start)
        ):
            return True
        m = self.unit_match(end)
        if m is None or m.group("word") is None:
            return m is None or m.group("sym") is None
        word = m.group("word")
        if m.group("de") is not None:
            return True
        if word in lex.NOT_UNITS or word in lex.MONTHS:
            return True
        raw_word = self.text[m.start("word") : m.end("word")]
        if raw_word[:1].isupper():
            return True
        return not word.endswith(("s", "x"))

    def _clock_time(
        self, start: int, unit_end: int, value: Decimal, unit: str
    ) -> NumberMention | None:
        if unit.lower() not in ("heure", "heures") or not 0 <= value <= 24:
            return None
        if value != value.to_integral_value():
            return None
        words = self.tail(start)
        if not words or words[-1] not in _CLOCK_PREPS:
            return None
        if words[-1] == "à" and words[-3:-2] in (("les",), ("des",)) and words[-2].isdecimal():
            return None  # "dans les 12 à 24 heures": hours counted, a clock has no article
        end, minutes = unit_end, 0
        extra = _CLOCK_MINUTES.match(self.low, end)
        if extra:
            minutes, end = int(extra.group(1)), extra.end()
        qualifier = self._qualifier(start, end, _K_TIME)
        return NumberMention(
            start,
            end,
            self.text[start:end],
            Decimal(int(value) * 60 + minutes),
            _K_TIME,
            qualifier,
        )

    def _time_unit_kind(self, start: int, unit: str) -> NumberKind:
        """Years are an age (a quantity) after a person or an age word, or as an age class
        ("chez les 65 ans et plus", "les moins de 2 ans"); otherwise a length of time."""
        if unit.lower() not in ("an", "ans", "année", "années"):
            if unit.lower() == "mois" and (
                _YOUNG_OR_ANIMAL_OF.search(before := self.before(start, 45))
                or _AGED_OF.search(before)
            ):
                return _K_QUANTITY  # "les enfants de 6 à 59 mois", "âgés de 8 mois": an age
            return _K_DURATION
        before = self.before(start, 45)
        # what the patterns searched in ``before`` end with, spaces apart (a cheap test first):
        # "les", "de" or a range's "-", "–", "à"
        ending = before.rstrip()
        head = self.low[start : start + 4]  # "18-29 ans": its "-" after, or before the "29"
        hyphen_near = "-" in head or "–" in head or ending.endswith(("-", "–"))
        if (
            (ending.endswith(("les", "de", "-", "–", "à")) and _AGE_CLASS.search(before))
            or (_AGE_CLASS_AFTER.match(self.low, start) and not _SINCE_BEFORE.search(before))
            or (hyphen_near and self._hyphenated_ages(start, before))
            or (_AGE_RANGE_AFTER.match(self.low, start) and _CLASS_ARTICLE_END.search(before))
            or (ending.endswith(("-", "–")) and _CLASS_RANGE_END.search(before))
            or "âge" in before
            or (
                ending.endswith(("de", "à", "-", "–"))
                and (_PERSON_OF.search(before) or _YOUNG_OR_ANIMAL_OF.search(before))
            )
            or self._bracket_label(start)
            or (ending.endswith("à") and self._age_at_an_event(start, before))
            or self._apposed(start)
            or _AGE_NOUN_AFTER.match(self.low, start)
            or (_POSSESSIVE_YEARS.search(before) and not _YEARS_OF.match(self.low, start))
            or _RETIREMENT_AT.search(before)
            or (
                ending.endswith("à")
                and _AT_START_OF_CLAUSE.search(before)
                and _YEARS_THEN_COMMA.match(self.low, start)
            )
        ):
            return _K_QUANTITY  # "les 65 ans et plus", "un coureur de 26 ans", "Blair, 52 ans,"
        if (
            ending.endswith(("entre", "et"))
            and _HAVE_BETWEEN.search(before)
            and not _YEARS_OF.match(self.low, start)  # "a entre 3 et 5 ans de retard"
        ):
            return _K_QUANTITY  # "la moitié ont entre 30 et 49 ans": an age
        if self._after_duration_prep(start):
            return _K_DURATION
        words = self.tail(start)
        while words and words[-1] in _AGE_HEDGES:  # "ont plus de 50 ans", "a presque 18 ans"
            words = words[:-1]
        if "y" in words[-3:-1]:
            return _K_DURATION  # "il y a environ 2,8 milliards d'années", "il y a eu 20 ans"
        if (sentence := _SENTENCE_AT.search(before)) and not sentence.group().startswith("jusq"):
            return _K_DURATION  # "un homme condamné à 5 ans", "condamnées à moins de deux ans"
        if any(cue in before for cue in lex.AGE_CUES):
            return _K_QUANTITY  # "un adolescent de 17 ans", "un homme de 30 ans d'origine..."
        if words[-1:] in _HAVE and not _YEARS_OF.match(self.low, start):
            return _K_QUANTITY  # "elle a 67 ans"; "ils ont 30 ans de maison": of service
        return _K_DURATION

    def _hyphenated_ages(self, start: int, before: str) -> bool:
        """ "18-29 ans : 17,6 %": a class of ages; "pendant 15-20 ans", with its preposition,
        a length of time. ``start`` is either number of the pair."""
        if _HYPHEN_AGES.match(self.low, start):
            return not self._after_duration_prep(start)
        first = _HYPHEN_AGES_END.search(before)
        return first is not None and not self._after_duration_prep(start - len(first.group()))

    def _bracket_label(self, start: int) -> bool:
        """ "• 25 à 49 ans : 1 846 100", "moins de 25 ans : 412 600": years that label a row,
        with no preposition of time, name a class of ages. ``start`` is either number of a
        range."""
        if not _BRACKET_AGES_AFTER.match(self.low, start):
            return False
        line_start = self.low.rfind("\n", 0, start) + 1
        return start - line_start <= 24 and bool(
            _BRACKET_LABEL_START.fullmatch(self.low, line_start, start)
        )

    def _age_at_an_event(self, start: int, before: str) -> bool:
        """ "mort à 84 ans", "signe à 31 ans la meilleure performance": the age at which one
        dies or does a thing ("condamné à 5 ans", "porter à 5 ans la durée": lengths)."""
        if _DEATH_AT.search(before):
            return True
        after = _AT_YEARS_THEN_OBJECT.match(self.low, start)
        return (
            after is not None
            and after.group(1) not in _LENGTH_NOUNS
            and not _SENTENCE_AT.search(before)
        )

    def _apposed(self, start: int) -> bool:
        """ "Tony Blair, 52 ans, élu...", "Son copilote, 31 ans, en comptait": the years between
        commas after a name or a person's noun (an age)."""
        return bool(
            _YEARS_THEN_COMMA.match(self.low, start)
            and (
                _NAME_THEN_COMMA.search(self.text, max(0, start - 45), start)
                or _POSSESSED_NOUN_THEN_COMMA.search(self.low, max(0, start - 45), start)
                or _NAME_AND_TRADE_THEN_COMMA.search(self.text, max(0, start - 60), start)
                or _PERSON_PHRASE_THEN_COMMA.search(self.low, max(0, start - 80), start)
            )
        )

    def _identifier_value(self, start: int, end: int) -> Decimal:
        raw = "".join(self.text[start:end].split())
        try:
            return Decimal(raw.replace(",", "."))
        except InvalidOperation:
            return Decimal(_NON_DIGITS.sub("", raw) or "0")

    def _qualifier(self, start: int, end: int, kind: NumberKind) -> Qualifier:
        q = self.qualifier_before(start)
        temporal = kind in _TEMPORAL_KINDS
        if q is not None:
            if q not in _QUALIFIER_WORDS:
                q = re.sub(r"supérieure?s?", "supérieur", q)
                q = re.sub(r"inférieure?s?", "inférieur", q)
            if temporal and q not in _TEMPORAL_QUALIFIERS:
                q = None
        if q is not None:
            if q == "jusqu'a":
                q = "jusqu'à"
            return _QUALIFIER_WORDS.get(q, _Q_APPROXIMATE)
        low = self.low
        trailing = None
        window_end = end + 40
        if (
            low.find("environ", end, window_end) != -1
            or low.find("au ", end, window_end) != -1
            or low.find(" plus", end, window_end) != -1
        ) and _trailing_bound_may_follow(low, end):
            trailing = _TRAILING_QUALIFIER.match(low, end)
        if (
            trailing is None
            and low.find("imum", end, window_end) != -1
            and (bare := _BARE_BOUND_AFTER.match(low, end))
        ):
            return _BARE_BOUNDS[bare.group(1)] if not temporal else _Q_EXACT
        if trailing:
            t = re.sub(r"[\s\u00a0\u202f\u2009]+", " ", trailing.group("q"))
            if t == "environ":
                return _Q_APPROXIMATE
            if t in ("et plus", "ou plus") and not temporal:  # "18 ans et plus": or more
                return _Q_AT_LEAST
            if not temporal or t == "au plus tard":
                return _QUALIFIER_WORDS.get(t, _Q_EXACT)
        return _Q_EXACT

    def _collective(self, atom: _Atom) -> NumberMention | None:
        """ "une centaine", "des milliers", "deux dizaines", "plusieurs centaines" (approximate)."""
        low = self.low
        word = low[atom.start : atom.end].rstrip("s")
        if word == "millier" and (
            self.tail(atom.start)[-1:] == ("en",) or low[atom.start - 1 : atom.start] == "("
        ):
            return None  # "(en milliers de tonnes)", "(milliers d'hectares)": a table's unit
        base = Decimal(lex.COLLECTIVES[word.removeprefix("demi-")])
        if word.startswith("demi-"):  # "une demi-douzaine": six
            base = _tidy(base / 2)
        start = atom.start
        qualifier = _Q_APPROXIMATE
        det = self.determiner_before(start)
        if det is not None:
            d = det[0]
            if d in lex.DETERMINER_VALUES or d.isdecimal():
                n = int(d) if d.isdecimal() else lex.DETERMINER_VALUES[d]
                base = _times(base, n)
                start = det[1]
            elif d == "plusieurs":
                qualifier = _Q_MORE_THAN
        bound = self.qualifier_before(start)
        if bound is not None and bound in _QUALIFIER_WORDS:
            qualifier = _QUALIFIER_WORDS[bound]
        end = atom.end
        # "des dizaines de milliers": the collective multiplies the scale that follows
        scale = _SCALE_AFTER_NOUN.match(low, end)
        if scale:
            base = _times(base, lex.SCALES[scale.group(1).rstrip("s")])
            end = scale.end()
        unit, _ = self.unit_after(end, allow_de=True)
        kind = _K_QUANTITY
        if unit.lower() in lex.TIME_UNITS:  # "une trentaine d'années": a length of time
            kind = self._time_unit_kind(start, unit)
        return _new_mention(start, end, self.text[start:end], _tidy(base), kind, qualifier, unit)

    def _fraction_mention(self, atom: _Atom) -> NumberMention | None:
        low = self.low
        word = low[atom.start : atom.end]
        det = self.determiner_before(atom.start)
        if det is None:
            return None  # "pays tiers", "à moitié": not a quantity
        d = det[0]
        numerator = 1
        if d in lex.DETERMINER_VALUES:
            numerator = lex.DETERMINER_VALUES[d]
        elif d.isdecimal():
            numerator = int(d)
        elif d in ("des", "plusieurs", "quelques", "ces"):
            return None
        elif d in ("les",) and word.endswith("s"):
            return None  # "les quarts de finale"
        if word.endswith("s") and numerator == 1 and word != "tiers":
            return None
        start, end = det[1], atom.end
        scale = _SCALE_AFTER_NOUN.match(low, end)
        if scale:  # "deux tiers de million": the fraction of the scale
            numerator *= lex.SCALES[scale.group(1).rstrip("s")]
            end = scale.end()
        value = _fraction(numerator, lex.FRACTIONS[word])
        unit, _ = self.unit_after(end, allow_de=True)
        qualifier = self._qualifier(start, end, _K_QUANTITY)  # "d'un tiers environ"
        # "un quart d'heure", "trois quarts d'heure", "un quart de siècle": a length of time (not
        # "un quart de mois de salaire", a sum counted in months)
        kind = _K_DURATION if unit.lower() in ("heure", "heures", "siècle") else _K_QUANTITY
        return NumberMention(start, end, self.text[start:end], value, kind, qualifier, unit)


@functools.lru_cache(maxsize=4096)
def _spelled_numbers(words: tuple[str, ...]) -> tuple[tuple[int, int, Decimal, bool], ...]:
    """The numbers text2num reads in a run of number words: (first word, last word, value,
    ordinal) for each. Pure, and the same few runs ("deux", "premier", "trois cents") come back
    in text after text, so cached."""
    found = []
    tokens = [_Token(w.replace("ieme", "ième")) for w in words]
    for occ in _t2n_find_numbers(tokens, "fr", threshold=0):
        if occ.end - occ.start == 1 and words[occ.start] in ("un", "une"):
            continue  # a lone "un" inside a run of words is an article ("cinq un peu")
        digits = _LEADING_NUMBER.match(occ.text)
        if digits is None:  # pragma: no cover - text2num always starts with digits
            continue
        value = _tidy(Decimal(digits.group().replace(",", ".")))
        found.append((occ.start, occ.end - 1, value, bool(occ.is_ordinal)))
    return tuple(found)


class _Token:
    """The token protocol text2num expects."""

    __slots__ = ("_text",)

    def __init__(self, text: str) -> None:
        self._text = text

    def text(self) -> str:
        return self._text

    def nt_separated(self, previous: _Token) -> bool:
        return False

    def not_a_number_part(self) -> bool:
        return False


def _roman_value(numeral: str) -> int:
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    total = 0
    for i, ch in enumerate(numeral):
        v = values[ch]
        if i + 1 < len(numeral) and values[numeral[i + 1]] > v:
            total -= v
        else:
            total += v
    return total


# --------------------------------------------------------------------------------------------
# Post-processing over the whole list: ranges, shared units, dates written as pairs.


def _merge_ranges(scanner: _Scanner, mentions: list[NumberMention]) -> list[NumberMention]:
    out: list[NumberMention] = []
    i, n = 0, len(mentions)
    while i < n:
        a = mentions[i]
        if i + 1 < n:
            b = mentions[i + 1]
            if b.start - a.end > 6 + len(a.unit):  # too far apart for a range or an evolution
                out.append(a)
                i += 1
                continue
            merged = _range_of(scanner, a, b)
            if merged is not None:
                out.append(merged)
                i += 2
                continue
            if _is_evolution(scanner, a, b):
                a = _evolution_start(scanner, a, b)
        out.append(a)
        i += 1
    return out


def _occurrences(text: str, word: str, lo: int = 0, hi: int | None = None) -> set[int]:
    """Where ``word`` occurs in ``text[lo:hi]``: a few str.find calls, not a question per number."""
    end = len(text) if hi is None else hi
    found: set[int] = set()
    i = text.find(word, lo, end)
    while i != -1:
        found.add(i)
        i = text.find(word, i + 1, end)
    return found


def _urls(text: str) -> list[tuple[int, int]]:
    """The spans of the web addresses in ``text``, those ``_URL.finditer`` finds: matched only
    where one starts ("http", "www.", found with str.find), not searched for everywhere."""
    spans: list[tuple[int, int]] = []
    for pos in sorted(_occurrences(text, "http") | _occurrences(text, "www.")):
        if spans and pos < spans[-1][1]:
            continue  # inside the address before
        url = _URL.match(text, pos)
        if url is not None:
            spans.append(url.span())
    return spans


def _whole(m: NumberMention) -> bool:
    """A plain count: a positive integer quantity, not a range."""
    return (
        m.kind is _K_QUANTITY
        and m.high is None
        and m.value > 0
        and m.value == m.value.to_integral_value()
    )


def _ratios(scanner: _Scanner, mentions: list[NumberMention]) -> list[NumberMention]:
    """ "un sur trois", "1 sur 20", "un TGV sur deux", "deux sur trois": a part of a whole, one
    number (the « un » is no count of its own).

    Two counts over a whole, each with its noun or in digits ("deux électeurs sur trois", "15
    sur 20"), stay two numbers, written so: a claim quoting "deux" or "15" must still find it,
    and the annotators of the blind sets mark them so (nine of twelve for numbers in words).
    """
    low, out = scanner.low, list[NumberMention]()
    for b in mentions:  # (no text-wide search for "sur" first: nearly every text holds one)
        sur = b.start - 4 if b.start > 4 else 0  # "sur" 4 characters before
        if (
            low[sur + 2 : sur + 3] == "r"
            and low.startswith("sur", sur)
            and _whole(b)
            and not _RANGE_ON.match(scanner.text, b.end)  # "un prêt sur 15-20 ans": a term
        ):
            a = out[-1] if out else None
            if (
                a is not None
                and _whole(a)
                and a.value < b.value
                # "deux sur trois" is a share; "deux TER sur cinq", "7 sur 10" two counts
                and (a.value == 1 or (a.text[:1].isalpha() and not a.unit))
                and not b.unit
                and (
                    _SUR.fullmatch(low, a.end, b.start)
                    if not a.unit
                    else a.text.isalpha() and b.text.isalpha()  # "deux TER sur cinq"
                )
                and (not a.unit or _NOUN_SUR.fullmatch(low, a.end, b.start))
            ):  # "deux sur cinq", "deux TER sur cinq": the noun once, between the two
                start, count, qualifier = a.start, int(a.value), a.qualifier
                out.pop()
            elif un := _UN_SUR.search(low, max(0, b.start - 45), b.start):
                start, count = un.start(1) if un.group(1) else un.start(2), 1
                qualifier = scanner._qualifier(start, b.end, _K_QUANTITY)  # "près d'un sur trois"
            else:
                out.append(b)
                continue
            ratio = _fraction(count, int(b.value))
            text = scanner.text[start : b.end]
            out.append(replace(b, start=start, text=text, value=ratio, qualifier=qualifier))
        else:
            out.append(b)
    return out


def _abbreviated_year_ranges(
    scanner: _Scanner, mentions: list[NumberMention]
) -> list[NumberMention]:
    """ "la saison 2023-24", "l'exercice 2020/21", "1914-18": a year, then a later one of the
    same century by its last two digits, is one range of years."""
    text, out = scanner.text, list[NumberMention]()
    for m in mentions:
        a = out[-1] if out else None
        if (
            a is not None
            and m.start == a.end + 1
            and text[a.end] in "-‑/"
            and len(m.text) == 2
            and m.text.isdecimal()
            and a.high is None
            and _looks_like_year(a)
            and a.text.isdecimal()
            and int(m.text) > a.value % 100
            and not _DATE_PART_NEXT.match(text, m.end)  # a date: "2011-12-05"
            and text[a.start - 1 : a.start] not in ("-", "‑", "/")  # "septembre-2020-23"
        ):
            last = a.value - a.value % 100 + int(m.text)
            out[-1] = NumberMention(
                a.start, m.end, text[a.start : m.end], a.value, _K_YEAR, _Q_RANGE, "", last
            )
            continue
        out.append(m)
    return out


def _time_out_of_time(scanner: _Scanner, mentions: list[NumberMention]) -> list[NumberMention]:
    """ "24h/24", "7 jours sur 7", "3 jours sur 5": days out of so many days; the noun of time
    written once counts both numbers."""
    low = scanner.low
    if "/" not in low and "sur" not in low:
        return mentions
    for i in range(len(mentions) - 1):
        a, b = mentions[i], mentions[i + 1]
        joint = (
            _OUT_OF.fullmatch(low, a.end, b.start)
            if b.start - a.end <= 12
            and (low.find("/", a.end, b.start) != -1 or low.find("sur", a.end, b.start) != -1)
            and a.value <= b.value
            else None
        )
        if joint and a.high is None and b.high is None:
            unit = scanner.text[joint.start(1) : joint.end(1)]
            mentions[i] = replace(a, kind=_K_DURATION, qualifier=_Q_EXACT, unit=unit)
            mentions[i + 1] = replace(b, kind=_K_DURATION, qualifier=_Q_EXACT, unit=unit)
    return mentions


def _and_fractions(scanner: _Scanner, mentions: list[NumberMention]) -> list[NumberMention]:
    """ "trois et un cinquième", "vingt et trois cinquièmes": a whole and a fraction, summed."""
    out = list[NumberMention]()
    for b in mentions:
        a = out[-1] if out else None
        if (
            a is not None
            and b.kind is _K_QUANTITY
            and 0 < b.value < 1
            and _BETWEEN_ET.fullmatch(scanner.low, a.end, b.start)
            and _FRACTION_END.search(b.text.lower())
            and a.text[:1].isalpha()
            and not a.unit
            and _whole(a)
        ):
            text = scanner.text[a.start : b.end]
            out[-1] = replace(b, start=a.start, text=text, value=_EXACT.add(a.value, b.value))
        else:
            out.append(b)
    return out


def _enumerated_days(scanner: _Scanner, mentions: list[NumberMention]) -> list[NumberMention]:
    """ "les 7, 8 et 9 janvier", "du 2 au 8 décembre": the days before a dated day are dates."""
    for i in range(len(mentions) - 2, -1, -1):
        a, b = mentions[i], mentions[i + 1]
        if (
            b.kind is _K_DATE
            and a.kind is _K_QUANTITY
            and not a.unit
            and _BETWEEN_DATES.fullmatch(scanner.low, a.end, b.start)
            and a.value == a.value.to_integral_value()
            and 1 <= a.value <= 31
        ):
            mentions[i] = replace(a, kind=_K_DATE, qualifier=_Q_EXACT)
    return _day_ranges(scanner, mentions)


def _day_ranges(scanner: _Scanner, mentions: list[NumberMention]) -> list[NumberMention]:
    """ "du 11 au 22 mai", "entre le 2 et le 6 juin": a period inside one month is one range of
    days; a list ("les 27 et 28 avril") stays a list, and a period that crosses a month
    ("du 31 mars au 2 avril") two dates, since each day has its month."""
    for i in range(len(mentions) - 2, -1, -1):
        a, m = mentions[i], mentions[i + 1]
        if (
            a.kind is _K_DATE
            and m.kind is _K_DATE
            and a.high is None
            and m.high is None
            and a.value < m.value
            and a.text.isdecimal()
            and m.text.isdecimal()
        ):
            words = scanner.tail(a.start)
            opener = words[-2:-1] if words[-1:] == ("le",) else words[-1:]  # "entre le 2"
            joint = _DAY_RANGE_JOINT.fullmatch(scanner.low, a.end, m.start)
            if joint and opener == (("entre",) if joint.group(1) == "et" else ("du",)):
                text = scanner.text[a.start : m.end]
                mentions[i] = NumberMention(
                    a.start, m.end, text, a.value, _K_DATE, _Q_RANGE, "", m.value
                )
                del mentions[i + 1]
    return mentions


# what ``_BETWEEN_ET``, ``_BETWEEN_A`` and ``_BETWEEN_DASH`` leave without their spaces
_RANGE_JOINTS: Final = frozenset({"et", "à", "a", "au", "-", "–"})
_RANGE_KINDS: Final = frozenset(
    {NumberKind.QUANTITY, NumberKind.PERCENT, NumberKind.DURATION, NumberKind.YEAR, NumberKind.TIME}
)


def _range_of(scanner: _Scanner, a: NumberMention, b: NumberMention) -> NumberMention | None:
    if (
        b.start - a.end > 6 + len(a.unit)
        or a.kind not in _RANGE_KINDS
        or b.kind not in _RANGE_KINDS
    ):
        return None  # the longest joint is " et " / " à " with a few spaces, or a repeated unit
    low = scanner.low
    if a.high is not None or b.high is not None:
        return None
    if (a.kind is _K_TIME) != (b.kind is _K_TIME):
        return None  # "le 12 à 18 h": a day, then a time of it
    between = low[a.end : b.start]
    if a.unit and a.unit == b.unit and between.lstrip().startswith(a.unit.lower()):
        between = between.lstrip()[len(a.unit) :]  # "entre 10 euros et 20 euros"
    if between.strip() not in _RANGE_JOINTS:
        return None  # none of the joints below, found without their patterns
    if (a.kind is _K_PERCENT) != (b.kind is _K_PERCENT):
        other = b if a.kind is _K_PERCENT else a
        if other.unit and other.unit != "%":
            return None  # "de 25 % à 34 500 tonnes" compares two different things
    words = scanner.tail(a.start)
    opener = words[-1] if words and words[-1] in _RANGE_OPENERS else None
    if _BETWEEN_ET.fullmatch(between):
        if opener != "entre":
            return None
    elif _BETWEEN_A.fullmatch(between):
        if between.strip() == "a" and (opener != "de" or " sur " in a.text):
            return None  # "un habitant sur huit a 75 ans": "a" is the verb; "de 3 a 5": a typo
        if _is_evolution(scanner, a, b):
            return None  # "recule de 63 à 51 %": an evolution, two numbers
    elif _BETWEEN_DASH.fullmatch(between):
        if a.unit and a.kind is not _K_PERCENT:
            return None
        if (
            not b.unit
            and (
                _SCORE_AFTER.match(low, b.end)
                or _SCORE_BEFORE.search(low, max(0, a.start - 12), a.start)
                or (
                    a.text.isdecimal()
                    and b.text.isdecimal()
                    and len(a.text) <= 3  # "Louis XIV (1643-1715)": years, not a score
                    and len(b.text) <= 3
                    and (
                        _SCORE_LABEL.search(low, low.rfind("\n", 0, a.start) + 1, a.start)
                        or _SIDE_IN_BRACKETS.search(scanner.text, max(0, a.start - 30), a.start)
                        or (
                            scanner.text[a.start - 1 : a.start] == "("
                            and _RESULT_BEFORE.search(low, _clause_start(scanner, a.start), a.start)
                        )
                        or _RESULT_WORD_BEFORE.search(low, max(0, a.start - 24), a.start)
                        or _SCORE_PLACE_BEFORE.search(scanner.text, max(0, a.start - 12), a.start)
                        or (
                            low[b.end : b.end + 1] == ","
                            and _AT_SCORE_BEFORE.search(scanner.text, max(0, a.start - 6), a.start)
                        )
                    )
                )
            )
        ):  # "6-4, 3-6, 7-6", "Mi-temps : 10-15", "face au Stade français (27-30)"
            return None  # a score, not a range (not "IC 95 % : 165-209")
    else:
        return None
    if a.kind is _K_YEAR and b.kind is not _K_YEAR and not _looks_like_year(b):
        if opener is None:
            return None  # "en 2019 à 50 950 ETP": a year, then the amount of another clause
        a = replace(a, kind=_K_QUANTITY)  # "de 1000 à 5000": not a year after all
    if a.kind is _K_YEAR or b.kind is _K_YEAR:
        if not (a.kind is b.kind or _looks_like_year(a)) or not _looks_like_year(b):
            return None
        kind = _K_YEAR
    else:
        kind = b.kind if b.kind is not _K_QUANTITY else a.kind
        if a.unit and b.unit and a.unit != b.unit and a.unit != "%" and b.unit != "%":
            return None  # "de 3 km à 5 heures" is not a range
    low_value = a.value
    # "entre 1,5 et 2 millions": the scale of the high end applies to the low end
    factor = _written_scale(scanner, b)  # "1,5 million", "1,5 Md€": 10^6, 10^9
    if (
        factor is not None
        and _written_scale(scanner, a) is None
        and _times(low_value, factor) <= b.value
    ):
        low_value = _tidy(_times(low_value, factor))
    if not low_value < b.value:
        return None
    unit = b.unit or a.unit
    return _new_mention(
        a.start, b.end, scanner.text[a.start : b.end], low_value, kind, _Q_RANGE, unit, b.value
    )


def _is_evolution(scanner: _Scanner, a: NumberMention, b: NumberMention) -> bool:
    """ "passe de 94,5 à 123 milliards": a verb of change, then "de" a number "à" another.

    After a verb of size ("augmente de 3 à 4 points"), points measure the change itself: that
    is one range, the size of the change, unless the verb says a passage ("passe de 3 à 4").
    """
    if b.start - a.end > 6 + len(a.unit):
        return False  # the joint is " à " with a few spaces, or a repeated unit
    if a.kind in _TEMPORAL_KINDS or b.kind in _TEMPORAL_KINDS:
        return False  # "après sa création, de 1949 à 1952": a period, whatever the verb
    words = scanner.tail(a.start)
    if not words or words[-1] != "de":
        return False
    if words[-2:-1] and words[-2].startswith(_SPREAD_VERB_PREFIXES):
        return False  # "le taux a varié de 24 % à 88 %": a spread of values, one range
    if b.unit.lower() == "km/h" and (a.value == 0 or words[-2:-1] in _ACCELERATIONS):
        return True  # "l'accélération de 0 à 100 km/h", "les reprises de 80 à 120 km/h"
    # a range goes up: "de 7,4 à 7,1 %" can only be a passage, whatever comes before; the
    # start is read at the end's scale when it has none ("de 812 à 655 millions")
    start_value = a.value
    shared = _written_scale(scanner, b)
    if shared is not None and _written_scale(scanner, a) is None:
        start_value = a.value * shared
    falling = start_value > b.value and a.kind is _K_QUANTITY
    verb_before = (
        len(words) >= 2
        and words[-2].startswith(lex.CHANGE_VERB_PREFIXES)
        and words[-3:-2] not in _COMPARATIVES  # "plus élevés de 9 à 16 %": higher by so much
        and words[-2] not in lex.CHANGE_VERB_LOOKALIKES  # "un montant de 100 à 300"
        and not words[-2].endswith(("tion", "tions"))  # "les évolutions de 1 à 2 points"
        and (len(words) < 3 or words[-3] not in _NOUN_DETERMINERS)  # "une portée de": a noun
        # a number counts the word: "65 000 élèves de 6 à 18 ans", "trois baisses de 1 à 2 %"
        and (len(words) < 3 or not (words[-3][-1:].isdigit() or words[-3] in lex.DETERMINER_VALUES))
    )
    # "porter la durée de la formation de 6 à 9 mois": the verb, its object, then the passage
    distant = not verb_before and _PASSAGE_VERB.search(
        scanner.low, _clause_start(scanner, a.start), a.start
    )  # "(?<!...)" in the pattern keeps out the nouns of the same form ("une portée de")
    if distant and (
        "," in scanner.low[distant.end() : a.start]
        or _TARGET_BETWEEN.search(scanner.low, distant.end(), a.start)
    ):
        # "portés au niveau de la brigade, de 3 000 à 5 000 soldats": apart; "étendre l'examen
        # aux jeunes de 3 à 24 ans": the verb's target, whose noun the range qualifies
        distant = None
    # "(de 7,9 % à 9,1 %, soit +1,2 point)": the difference said after makes them two ends
    difference = (
        None if falling or verb_before or distant else _DIFFERENCE_AFTER.match(scanner.low, b.end)
    )
    if not falling and not verb_before and not distant and not difference:
        return False
    if verb_before and not falling and words[-2].startswith(lex.DECREASE_VERB_PREFIXES):
        return False  # "baisser de 40 à 45 %": a fall cannot go up; the size of the fall
    between = scanner.low[a.end : b.start]
    if a.unit and between.lstrip().startswith(a.unit.lower()):
        between = between.lstrip()[len(a.unit) :]
    if not _BETWEEN_A.fullmatch(between):
        return False
    points = b.unit.lower() in ("point", "points") and not a.unit
    passage = words[-2].startswith(lex.PASSAGE_VERB_PREFIXES) and not words[-2].startswith(
        _REVISION_VERB_PREFIXES
    )  # "révisées de 1 à 2 points": the size of a revision, not the level it goes to
    return falling or not points or bool(distant) or passage or bool(difference)


_COMPARATIVES: Final = frozenset({("plus",), ("moins",)})
_YEAR_UNITS: Final = frozenset({"an", "ans", "année", "années"})
_HEADING_DASH_AFTER: Final = re.compile(r"[ \u00a0]+[–—-][ \u00a0]+[A-ZÀ-Ý]")
# the rest of a number's line is empty, and the next line that is not starts with a capital
_ALONE_BEFORE_A_HEADING: Final = re.compile(r"[ \t]*\n(?:[ \t]*\n)*[ \t]*[A-ZÀ-Ý]")
_HEADING_TITLE_AFTER: Final = re.compile(r"\.?[ \u00a0]+[A-ZÀ-Ý]")  # "2.1 L'année", "3.2. Les"
_DIFFERENCE_AFTER: Final = re.compile(
    r"[^,;.\n]{0,12}?,[ \u00a0]*soit[ \u00a0]+(?:[+\-−–][ \u00a0]?\d|une?[ \u00a0]+(?:hausse|baisse"
    r"|augmentation|diminution|progression|recul|repli|gain|perte|bond|chute|croissance)(?![\w])"
    r"|\d[\d \u00a0\u202f,]*(?:%|points?|pts?)?[ \u00a0]+de[ \u00a0]+(?:plus|moins)(?![\w]))"
)  # ", soit +1,2 point", ", soit une hausse de", ", soit 5 points de plus"
_SPREAD_VERB_PREFIXES: Final = ("vari", "oscill", "échelonn", "étal")
_REVISION_VERB_PREFIXES: Final = ("révis", "corrig")
_ACCELERATIONS: Final = frozenset({("accélération",), ("reprise",), ("reprises",)})
_OUT_OF: Final = re.compile(
    rf"{_WS}*(h|heures?|j|jours?){_WS}*(?:/|sur){_WS}*"
)  # "24h/24", "3 j sur 5"
_COUNTED_KINDS: Final = frozenset({NumberKind.QUANTITY, NumberKind.DURATION})
_SENTENCE_BREAK: Final = re.compile(r"[.;!?\n]")
_EVOLUTION_MAX_RATIO: Final = (
    100  # no figure of the press moves a hundredfold in one "de ... à ..."
)


def _clause_start(scanner: _Scanner, pos: int, width: int = 90) -> int:
    """Where the clause of ``pos`` starts, looking back at most ``width`` characters."""
    low = scanner.low
    floor = max(0, pos - width)
    return max(floor, *(low.rfind(mark, floor, pos) + 1 for mark in ".;:!?\n"))


def _evolution_start(scanner: _Scanner, a: NumberMention, b: NumberMention) -> NumberMention:
    """The start of an evolution takes the unit and scale written once, after its end.

    The scale is shared only when the start is written at the end's scale: "de 94,5 à 123 Md€",
    not "de 800 000 à 1,2 million", whose start would then be a hundred times the end and more.
    """
    if a.unit or a.kind is not _K_QUANTITY or b.kind not in AMOUNT_KINDS:
        return a
    value = a.value
    factor = _written_scale(scanner, b)  # "milliards", "Md€", "M€", "k"
    if factor is not None and _written_scale(scanner, a) is None:
        scaled = _times(value, factor)
        if scaled <= b.value * _EVOLUTION_MAX_RATIO:
            value = _tidy(scaled)
    return replace(a, value=value, kind=b.kind, unit=b.unit)


def _one_to_more(scanner: _Scanner, mentions: list[NumberMention]) -> list[NumberMention]:
    """ "une à deux baisses", "d'un à trois ans": « un » as the low end of a range is a numeral,
    though alone it is an article; the range runs from it."""
    low = scanner.low
    in_text: bool | None = None  # whether _ONE_TO_A_NUMBER is in the text, asked once if need be
    for i, m in enumerate(mentions):
        if m.start < 2 or low[m.start - 2] != "à" or m.high is not None:
            continue  # the number right after "à " (the cheap test first)
        one = _ONE_TO.search(low, max(0, m.start - 9), m.start)
        if one and m.kind in _RANGE_KINDS and m.value > 1:
            # the text-wide search, only once a number would change (none has yet): a text
            # without the construction comes back unchanged, as if searched first
            if in_text is None:
                in_text = _ONE_TO_A_NUMBER.search(low) is not None
            if not in_text:
                return mentions
            start = one.start(1)
            low_end = _written_scale(scanner, m) or Decimal(1)  # "un à deux millions"
            mentions[i] = replace(
                m, start=start, text=scanner.text[start : m.end], value=low_end,
                qualifier=_Q_RANGE, high=m.value,
            )  # fmt: skip
    return mentions


def _hour_then_a_number(low: str) -> bool:
    """Whether ``_HOUR_THEN_A_NUMBER.search(low)`` finds a match: every match starts with
    "heure" or "minute", so it is matched only where one of them starts (str.find), not tried
    at every "h" and "m" of the text (~18 us a text that holds one of the words)."""
    for word in ("heure", "minute"):
        i = low.find(word)
        while i != -1:
            if _HOUR_THEN_A_NUMBER.match(low, i):
                return True
            i = low.find(word, i + 1)
    return False


def _spelled_minutes(scanner: _Scanner, mentions: list[NumberMention]) -> list[NumberMention]:
    """ "à vingt et une heures trente", "levée à une heure dix", "Séance de 9 heures 30": the
    minutes after the hour belong to the clock time; "deux heures trente de route" to the length
    of time ("une heure", an article alone, is no mention of its own); "4 minutes 30", "deux
    minutes trente": the seconds after the minutes to the length (4.5 minutes)."""
    low = scanner.low
    if not _hour_then_a_number(low):
        return mentions
    out = list[NumberMention]()
    for m in mentions:
        spelled = m.text[:1].isalpha()
        two_digits = not spelled and len(m.text) == 2 and m.text.isdigit() and not m.unit
        if (
            not (spelled or two_digits)
            or not 1 <= m.value <= 59
            or (
                low.find("heure", max(0, m.start - 9), m.start) == -1  # the cheap tests first
                and low.find("minute", max(0, m.start - 9), m.start) == -1
            )
        ):
            out.append(m)
            continue
        if _MINUTE_BEFORE.search(low, max(0, m.start - 9), m.start):
            out.append(_seconds_after_minutes(scanner, out, m))
            continue
        hour = _HOUR_BEFORE.search(low, max(0, m.start - 16), m.start)
        if hour is None or (spelled and not m.text.replace("-", "").isalpha()):
            out.append(m)
            continue
        a = out[-1] if out else None
        kind, unit = _K_TIME, ""
        if a is not None and a.kind is _K_TIME and a.end == hour.end("hours"):
            start, minutes = a.start, a.value  # "vingt et une heures trente"
            out.pop()
        elif (
            a is not None
            and a.kind is _K_DURATION
            and a.unit.lower().startswith("heure")
            and not low[a.end : hour.start("hours")].strip()
        ):
            start, minutes, kind, unit = a.start, a.value * 60, _K_DURATION, "min"
            out.pop()  # "pendant deux heures trente": 150 minutes
        elif hour.group("one") is not None:
            start = hour.start("one")
            minutes = Decimal(60 if hour.group("one") == "une" else 0)
            if scanner.tail(start)[-1:] not in _CLOCK_PREPS_BEFORE:
                kind, unit = _K_DURATION, "min"  # "une heure trente de route"
        else:
            out.append(m)
            continue
        text = scanner.text[start : m.end]
        out.append(NumberMention(start, m.end, text, minutes + m.value, kind, _Q_EXACT, unit))
    return out


def _seconds_after_minutes(
    scanner: _Scanner, out: list[NumberMention], m: NumberMention
) -> NumberMention:
    """ "4 minutes 30": the seconds join the minutes before them (4.5 minutes), else ``m``."""
    a = out[-1] if out else None
    if (
        a is None
        or a.kind is not _K_DURATION
        or a.high is not None
        or not a.unit.lower().startswith("minute")
        or a.value != a.value.to_integral_value()
        or scanner.low[a.end : m.start].strip().rstrip("s") != "minute"
    ):
        return m
    out.pop()
    value = _fraction(int(a.value) * 60 + int(m.value), 60)
    text = scanner.text[a.start : m.end]
    return NumberMention(a.start, m.end, text, value, _K_DURATION, a.qualifier, "min")


_DRAW_LENGTH: Final = 4


def _number_draws(scanner: _Scanner, mentions: list[NumberMention]) -> list[NumberMention]:
    """ "Arrivée : 12 – 7 – 3 – 9 – 10", "7-12-3-15": four or more small numbers in a chain of
    dashes name horses, balls or players drawn in an order; no amount is written so."""
    text = scanner.text
    if "-" not in text and "–" not in text:
        return mentions
    run: list[int] = []
    for i, m in enumerate(mentions):
        if m.kind is _K_QUANTITY and len(m.text) <= 3 and m.text.isdecimal():
            if run and _DRAW_JOINT.fullmatch(text, mentions[run[-1]].end, m.start):
                run.append(i)
                continue
            _mark_draw(mentions, run)
            run = [i]
        else:
            _mark_draw(mentions, run)
            run = []
    _mark_draw(mentions, run)
    return mentions


def _mark_draw(mentions: list[NumberMention], run: list[int]) -> None:
    if len(run) >= _DRAW_LENGTH:
        for i in run:
            mentions[i] = replace(mentions[i], kind=_K_IDENTIFIER, qualifier=_Q_EXACT, unit="")


def _intervals(scanner: _Scanner, mentions: list[NumberMention]) -> list[NumberMention]:
    """ "IC 95 % : [118 ; 166]": two amounts in brackets, split by a semicolon, are an interval."""
    if "[" not in scanner.text:
        return mentions
    text, out = scanner.text, list[NumberMention]()
    for m in mentions:
        a = out[-1] if out else None
        if (
            a is not None
            and a.kind is m.kind
            and a.kind in AMOUNT_KINDS
            and a.high is None
            and m.high is None
            and a.value <= m.value
            and text[a.start - 1 : a.start] == "["
            and text[m.end : m.end + 1] == "]"
            and _INTERVAL_JOINT.fullmatch(text, a.end, m.start)
        ):
            out[-1] = NumberMention(
                a.start,
                m.end,
                text[a.start : m.end],
                a.value,
                a.kind,
                _Q_RANGE,
                m.unit or a.unit,
                m.value,
            )
            continue
        out.append(m)
    return out


def _written_scale(scanner: _Scanner, m: NumberMention) -> Decimal | None:
    """The scale written after a number's digits or words ("millions", "Md", "M€", "k")."""
    word = _SCALE_END.search(scanner.low, m.start, m.end)
    if word:
        return Decimal(lex.SCALES[word.group(1).rstrip("s")])
    digits = _LEADING_NUMBER.match(scanner.text, m.start, m.end)
    if digits is None or digits.end() == m.end or not m.value:
        return None
    try:
        factor = m.value / _decimal_of_digits(digits.group())
    except (InvalidOperation, ZeroDivisionError):
        return None
    return factor if factor in _SCALE_FACTORS else None


def _looks_like_year(m: NumberMention) -> bool:
    return m.kind is _K_YEAR or (m.text.isdigit() and len(m.text) == 4 and 1000 <= m.value <= 2100)


def _share_units(scanner: _Scanner, mentions: list[NumberMention]) -> list[NumberMention]:
    """ "12, 15 ou 17 pouces", "de 10, 6 et 4 secondes": the noun after the last number counts
    or measures the others too (a length of time only across a list that ends in "et" / "ou":
    "ils étaient 150, 3 heures après" is a count, then a time)."""
    low = scanner.low
    shared = set[int]()  # the mentions that took their unit from the next one
    for i in range(len(mentions) - 2, -1, -1):
        a, b = mentions[i], mentions[i + 1]
        if a.unit or not b.unit or a.kind is not _K_QUANTITY or b.kind not in _COUNTED_KINDS:
            continue
        if not _BETWEEN_LIST.fullmatch(low, a.end, b.start):
            continue
        if " sur " in a.text.lower():
            continue  # "un TGV sur trois, deux TER": a share, its noun inside
        if b.kind is _K_DURATION:
            if a.high is not None or b.high is not None or b.unit.lower() in _YEAR_UNITS:
                continue  # "avant 16, 18 ou 21 ans": years may be ages, each read on its own
            if i + 1 not in shared and (
                not low.startswith(b.unit.lower(), b.end + 1)  # "2:09:58", "4 h 21 min 37 s"
                or not _LAST_OF_LIST.fullmatch(low, a.end, b.start)
            ):
                continue
        mentions[i] = replace(a, kind=b.kind, unit=b.unit)
        shared.add(i)
    return mentions


def _elided_nouns(scanner: _Scanner, mentions: list[NumberMention]) -> list[NumberMention]:
    """ "18 mois de prison, dont 6 avec sursis": after "dont", a number without its noun counts
    what the number before it counts (a part of that whole, in the same sentence); after
    "contre" or "au lieu de", what it is set against, a figure of the same order in the same
    sentence ("37 jours d'activité, contre 30 en 2022"; "12 000 entrées sur les deux jours,
    contre 9 800"; "limité à trois ans, au lieu de cinq")."""
    low = scanner.low
    for i in range(1, len(mentions)):
        m = mentions[i]
        if m.unit or m.kind is not _K_QUANTITY:
            continue
        if low.startswith("dont", m.start - 5):
            a = mentions[i - 1]
            if (
                _names_a_whole(a)
                and (m.high or m.value) <= (a.high or a.value)
                and scanner.tail(m.start)[-1:] == ("dont",)
                and not _SENTENCE_BREAK.search(low, a.end, m.start)
            ):
                mentions[i] = replace(m, kind=a.kind, unit=a.unit)
        elif (
            low.startswith("contre", m.start - 7) and scanner.tail(m.start)[-1:] == ("contre",)
        ) or low.endswith("au lieu de ", 0, m.start):  # "limité à trois ans, au lieu de cinq"
            for a in reversed(mentions[max(0, i - 4) : i]):
                if _SENTENCE_BREAK.search(low, a.end, m.start):
                    break
                if _names_a_whole(a) and _same_order(a.value, m.value):
                    mentions[i] = replace(m, kind=a.kind, unit=a.unit)
                    break
    return mentions


def _names_a_whole(a: NumberMention) -> bool:
    """A count or a length with its noun: what a number without one may borrow."""
    return bool(a.unit) and a.unit != "%" and a.kind in _COUNTED_KINDS


def _same_order(a: Decimal, b: Decimal) -> bool:
    """Within a factor of 20: two figures of one thing, set against each other."""
    return a > 0 and b > 0 and a <= 20 * b and b <= 20 * a


_START: Final = operator.attrgetter("start")
_END: Final = operator.attrgetter("end")


def scan(text: str) -> list[NumberMention]:
    """``find_numbers`` on a non-empty ``str`` (the caller checks it)."""
    scanner = _Scanner(text)
    mentions = [m for atom in scanner.atoms() if (m := scanner.mention(atom)) is not None]
    # by start, the longest first: two stable sorts with C keys, no tuple per mention
    mentions.sort(key=_END, reverse=True)
    mentions.sort(key=_START)
    deduped: list[NumberMention] = []
    for m in mentions:
        if deduped and m.start < deduped[-1].end:
            continue  # a collective or fraction swallowed the number word before it
        deduped.append(m)
    urls = _urls(text)
    if urls:  # digits inside a web address are not numbers
        deduped = [m for m in deduped if not any(s <= m.start < e for s, e in urls)]
    mentions = _enumerated_days(scanner, _and_fractions(scanner, _ratios(scanner, deduped)))
    mentions = _time_out_of_time(scanner, _abbreviated_year_ranges(scanner, mentions))
    mentions = _one_to_more(scanner, _merge_ranges(scanner, _number_draws(scanner, mentions)))
    mentions = _spelled_minutes(scanner, mentions)
    return _elided_nouns(scanner, _share_units(scanner, _intervals(scanner, mentions)))
