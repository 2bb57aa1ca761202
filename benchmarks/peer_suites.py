"""Score ``claimex.find_numbers`` against third-party French number test suites.

Usage (from the repository root)::

    python benchmarks/peer_suites.py                 # score and print the table
    python benchmarks/peer_suites.py --failures 20   # plus up to 20 failures per suite
    python benchmarks/peer_suites.py --json out.json # plus a machine-readable report
    python benchmarks/peer_suites.py --list-only     # load the suites only (no scanner)

The suites are read at run time from ``../shared/peer-suites`` (relative to the
repository root; ``--root`` overrides).  Nothing of them is copied here.  This is a
report, not a test: the exit status is always 0.

Suites, their origin and licence (each folder also holds the LICENSE file):

* ``duckling``: github.com/facebook/duckling, ``Duckling/<Dim>/FR/Corpus.hs`` at
  2c226585af5b9f4985d9c7151d7191603bb2add7, BSD-3-Clause.
* ``nemo_fr``: NVIDIA NeMo text processing, French ``test_cases_*.txt`` for inverse
  text normalisation (``itn/``) and text normalisation (``tn/``), Apache-2.0.
* ``ovos``: github.com/OpenVoiceOS/ovos-number-parser,
  ``tests/test_number_parser_fr.py`` at cb65739bec52252eee7f345e9fcb8e42394ee6de,
  Apache-2.0.
* ``recognizers_text``: github.com/microsoft/Recognizers-Text, French specs
  ``Specs/{Number,NumberWithUnit,DateTime}/French/*.json``, MIT.
* ``text2num_py``: github.com/allo-media/text2num, ``tests/test_text_to_num_fr.py``
  at tag v2.5.2, MIT.
* ``text2num_rs``: github.com/allo-media/text2num-rs, ``src/lang/fr/mod.rs`` tests at
  cb5ad393d555702c7f505b930758f2386c52a748, MIT.

What is kept
------------
Each suite is normalised into ``PeerCase`` records: one input text, one expected
number (``expected``, plus ``expected_high`` for a range), a category (cardinal,
decimal, fraction, ordinal, percent, range, bound, money, measure, duration, date,
time) and, where the suite gives it, the span of the expected mention.  Everything
else is counted as skipped with a reason: relative dates and times that need a
reference date, tn (digits -> words) cases, telephone/electronic/whitelist
normalisation, assertions that a text holds no number or must fail to parse,
outputs holding several numbers (text2num ``alpha2digit`` / ``replace_numbers``
and ovos ``normalize_fr``: only outputs with exactly one converted number are
kept, the others are skipped, we do not score number lists), digit dictation with
leading zeros, exponent notation, Indian numbering, English inputs, exact
duplicates, and a short list of cases judged wrong (``DISPUTED`` below).

Some expectations are converted to what claimex reports: a date with a month name
gives its day ("14 avril" -> 14), a full numeric date gives yyyymmdd, a clock time
gives minutes since midnight, a duration gives its number ("2 minutes" -> 2), a
sub-unit amount gives the number as written (NeMo "vingt centimes" -> 20, not 0.20).

Scoring rule
------------
Identifier mentions (``kind == "identifier"``) are ignored.  Values are compared as
Decimals, exactly, except when the expected value is a repeating fraction (1/3, or a
suite value rounded to 15+ significant digits), which is compared with a relative
tolerance of 1e-6 (the scanner may round 1/3 to 0.333333).

* Suites that give the span of each expected mention (recognizers_text): the case
  passes when some mention overlapping that span has the expected value and high.
* Whole-string suites (all others): the case passes when the LONGEST mention (most
  characters, earliest on a tie) has the expected value and high.  Year mentions
  are set aside when the text has any other mention, as claimex reports the year of
  "3 mars 2015" apart from the date (3).  For a range ``high`` must equal
  ``expected_high``; elsewhere it must be None.
"""

from __future__ import annotations

import argparse
import importlib
import json
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, localcontext
from fractions import Fraction
from pathlib import Path
from typing import Any, Protocol, cast

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_ROOT = REPO_ROOT.parent / "shared" / "peer-suites"

SUITES = ("duckling", "nemo_fr", "ovos", "recognizers_text", "text2num_py", "text2num_rs")


# --------------------------------------------------------------------------- model


@dataclass(frozen=True)
class PeerCase:
    """One scored case: the scanner must find ``expected`` (and ``expected_high``) in ``text``."""

    suite: str
    group: str
    text: str
    expected: Decimal
    expected_high: Decimal | None
    category: str
    span: tuple[int, int] | None = None  # where the suite says the number is (end exclusive)
    out_of_scope: str | None = None  # why French news does not use it; scored apart


@dataclass(frozen=True)
class Skipped:
    """A suite case that is not scored, with the reason."""

    suite: str
    group: str
    text: str
    reason: str
    category: str = "other"


# Cases judged wrong (or not French usage) in the suites themselves: skipped, and listed.
DISPUTED: dict[tuple[str, str], str] = {
    (
        "nemo_fr",
        "quarante trois",
    ): "expects '40 trois'; unhyphenated 'quarante trois' is 43 in French",
    ("duckling", "3k"): "'3k' as 3 km; in French text '3k' reads 3000",
    ("ovos", "un chat noir"): "indefinite article 'un' scored as the number 1",
    ("text2num_py", "un millième"): "'un millième' is the fraction 1/1000, not the ordinal 1000",
    ("text2num_rs", "un millième"): "'un millième' is the fraction 1/1000, not the ordinal 1000",
    ("text2num_rs", "un centième"): "'un centième' is the fraction 1/100, not the ordinal 100",
    ("text2num_py", "un millionième"): "'un millionième' is the fraction 1e-6, not the ordinal 1e6",
    ("text2num_rs", "un millionième"): "'un millionième' is the fraction 1e-6, not the ordinal 1e6",
    (
        "text2num_rs",
        "vingt cinquièmes",
    ): "unhyphenated 'vingt cinquièmes' reads 20/5, not 25th (plural)",
    ("recognizers_text", "-92321312.0"): "expects -9.2321312 for -92321312.0",
    ("recognizers_text", "43894.0"): "expects 0.75 for 43894.0 (a spreadsheet date serial?)",
    (
        "recognizers_text",
        "vingt et un cinquieme",
    ): "expects 20.2; 'vingt et un cinquième' is 21/5 = 4.2 (the suite itself says 4.2 elsewhere)",
    (
        "recognizers_text",
        "cent trente cinquièmes",
    ): "expects 100/35; unhyphenated it is 130/5 = 26 (the suite itself says 26 elsewhere)",
    (
        "recognizers_text",
        "trois vingt premières",
    ): "expects 3/21 for 'trois vingt premières' (meaningless)",
    ("recognizers_text", "un cent et un cinquième"): "expects 1/105; the words read 100 + 1/5",
    ("recognizers_text", "cent mille cinquièmes"): "expects 0.0995 for 100000/5",
    (
        "recognizers_text",
        "trois cent vingt seconde",
    ): "'seconde' does not form compound ordinals (322e is 'trois cent vingt-deuxième')",
    (
        "recognizers_text",
        "neuf mille neuf cent quatre-vingt-dix seconde",
    ): "'seconde' does not form compound ordinals",
    ("recognizers_text", "Il a environ 40 - 50 ans"): "range 40-50 reduced to its upper bound 50",
    (
        "recognizers_text",
        "juste demander de soustraire cinq pour-cent",
    ): "verb 'soustraire' turned into a sign (-5%)",
    (
        "recognizers_text",
        "pourcent des trois cent cinq",
    ): "word-by-word calque of 'percent of 305', not French",
    (
        "recognizers_text",
        "pourcentage de vingt",
    ): "calque of 'percentage of twenty', not French for 20 %",
    ("recognizers_text", "192.168.1.2"): "an IP address read as the numbers 192168, 1 and 2",
    (
        "recognizers_text",
        "Avez-vous le temps de se rencontrer le 17/05/2018 ?",
    ): "a full date split into the numbers 17, 5 and 2018",
    (
        "recognizers_text",
        "Je peux vous donner 3 cents et 21 yuans.",
    ): "'3 cents et 21' merged into 321",
    (
        "recognizers_text",
        "Je compte six crore et deux cents",
    ): "Indian numbering (crore), not French",
    (
        "recognizers_text",
        "un autre jour",
    ): "'un autre jour' (another day) scored as a 1-day duration",
    (
        "recognizers_text",
        "-8,954302433",
    ): "expects -8.95430243255239, more digits than the text holds",
    ("recognizers_text", "1,2b"): "English 'b' (billion = 1e9) suffix; not French",
    ("recognizers_text", "10 pieds"): "the range 'huit à 10 pieds' reduced to its upper end",
    ("recognizers_text", "de zéro à dix"): "the range 'de zéro à dix' split into two numbers",
    (
        "recognizers_text",
        "Comment est-ce que tu trouve plus de deux sur cinq",
    ): "reads 'deux sur cinq' as the bound 2, where the suite's NumberModel reads it as 2/5",
}

# Disputed in one spec file only: (suite, group, text) -> reason.
DISPUTED_IN_GROUP: dict[tuple[str, str, str], str] = {
    (
        "recognizers_text",
        "Number/NumberRangeModelExperimentalMode",
        "Comment est-ce que tu trouve deux sur cinq ou plus",
    ): "reads 'deux sur cinq ou plus' as the bound 5, where NumberRangeModel reads 0.4 (2/5)",
}

# Cases scored apart: correct for the suite, but written in a way French news does not use.
_ORDINAL_AFTER_COUNT = (
    "a singular ordinal after a count above one reads as a rank in French ('cent "
    "trente-cinquième' is the 135th); a fraction takes the plural ('trois cinquièmes')"
)
_ET_BETWEEN_CARDINALS = (
    "'et' between two cardinals ('cent et trente') or a scale repeated after a fraction "
    "('un milliard et demi million') is not French numeral syntax"
)
_CALCULATOR = (
    "calculator notation: a decimal comma without its leading 0 (',08'), a mixed number "
    "'2 1/4', a sign apart from its number ('- 10  k'), 'G' for giga"
)
_BARE_WORD = "'un'/'demi' with nothing counted: an article (or a beer) in prose, not a number"
OUT_OF_SCOPE: dict[tuple[str, str], str] = {
    **{
        ("recognizers_text", t): _ORDINAL_AFTER_COUNT
        for t in (
            "trois cinquieme",
            "cinq huitieme",
            "trois vingt-et-unième",
            "vingt vingt cinquième",
            "cent trente-cinquième",
            "vingt et un cinquième",
        )
    },
    **{
        ("recognizers_text", t): _ET_BETWEEN_CARDINALS
        for t in (
            "cent et trente cinquièmes",
            "cent et trente-deux cinquièmes",
            "cent et trente et deux cinquièmes",
            "vingt et trois et trois cinquiemes",
            "vingt et trois et trois cinquièmes",
            "un milliard et trois quarts millions",
            "La valeur actuelle est d'un milliard et demi million",
        )
    },
    **{
        ("recognizers_text", t): _CALCULATOR
        for t in (",08", ",23456000", "-4/5", "- 1 4/5", "2  1/4", "- 10  k", "10G")
    },
    **{
        ("recognizers_text", t): _BARE_WORD
        for t in ("demi", "un demi", "un et demi", "un et un demi", "un et un quatrième")
    },
    **{
        ("recognizers_text", t): "'quatre-vingt-dix-cinq' and 'quatre-vingt-quinze cent' "
        "(for 9500) are not French numerals"
        for t in (
            "combien font quatre-vingt-quinze cent cinquièmes ?",
            "quatre-vingt-dix-cinq cent cinquièmes",
        )
    },
    **{
        ("recognizers_text", t): "fractions in 10^-12 (billionièmes) do not occur in news"
        for t in (
            "un billionieme",
            "cent mille billionieme",
            "un billionième",
            "cent mille billionièmes",
        )
    },
    ("recognizers_text", "un et un quatrieme"): _BARE_WORD,
    ("recognizers_text", "trois cent deux douzaines"): (
        "ambiguous: 302 dozens (3624) or 300 and two dozens (324, the suite's reading)"
    ),
}

# Disputed by a pattern on the expected mention (recognizers_text, which spells out each mention).
DISPUTED_MENTIONS: dict[str, tuple[tuple[re.Pattern[str], str], ...]] = {
    "recognizers_text": (
        (
            re.compile(r"trillion", re.I),
            "uses trillion = 1e12; in French (long scale) a trillion is 1e18",
        ),
        (
            re.compile(r"^n[ée]gati", re.I),
            "'négatif/négative' as a minus sign is a calque of English; French says 'moins'",
        ),
    ),
}

# Words that make up French numerals (used to recognise spelled-out days, times, etc.).
NUM_WORD = (
    r"(?:z[ée]ro|une?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|"
    r"quinze|seize|vingts?|trente|quarante|cinquante|soixante|septante|huitante|octante|nonante|"
    r"cents?|mille|mil|millions?|milliards?|et|premier|premi[èe]re)"
)
NUM_PHRASE = rf"{NUM_WORD}(?:[ -]{NUM_WORD})*"
HAS_NUMERAL = re.compile(rf"\d|\b{NUM_WORD}\b|\bdemie?\b|\bquarts?\b|\btiers\b", re.IGNORECASE)
MONTH = (
    r"(?:janvier|janv\.?|f[ée]vrier|f[ée]vr?\.?|mars|avril|avr\.?|mai|juin|juillet|juil\.?|jui\.?|"
    r"ao[uû]t|septembre|sept?\.?|octobre|oct\.?|novembre|nov\.?|d[ée]cembre|d[ée]c\.?)"
)
WEEKDAY = (
    r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|"
    r"lun\.|mar\.|mer\.|jeu\.|ven\.|sam\.|dim\.)"
)
DAY = rf"(?:\d{{1,2}}(?:er|e)?|{NUM_PHRASE})"
DAY_MONTH_RE = re.compile(
    rf"^(?:le )?(?:{WEEKDAY},? )?({DAY}) {MONTH}(?: \d{{2,4}}| {NUM_PHRASE})?$", re.I
)
DIGIT_DAY_MONTH_RE = re.compile(rf"^(?:le )?(\d{{1,2}})(?:er)? {MONTH}(?: \d{{4}})?$", re.I)
NUMERIC_DATE_RE = re.compile(r"^(?:le )?(\d{1,2})/(\d{1,2})/(\d{4})$")
ISO_DATE_RE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
TIME_PREFIX = r"(?:(?:à|a|vers|à environ) )?"
TIME_DIGITS_RE = re.compile(rf"^{TIME_PREFIX}\d{{1,2}} ?[hH:] ?(?:\d{{2}})?$")
TIME_WORDS_RE = re.compile(
    rf"^{TIME_PREFIX}(?:\d{{1,2}}|{NUM_PHRASE}) heures?"
    rf"(?: (?:et |moins (?:le )?)?(?:\d{{1,2}}|{NUM_PHRASE}|quart|demie?|trois quarts)"
    r"(?: minutes?)?)?$",
    re.I,
)
TIME_NOON_RE = re.compile(
    rf"^{TIME_PREFIX}(?:midi|minuit) (?:et |moins (?:le )?)?(?:{NUM_PHRASE}|quart|demie?)$"
)

SCALES = {
    "million": Decimal(10) ** 6,
    "millions": Decimal(10) ** 6,
    "milliard": Decimal(10) ** 9,
    "milliards": Decimal(10) ** 9,
    "billion": Decimal(10) ** 12,
    "billions": Decimal(10) ** 12,
    "billiard": Decimal(10) ** 15,
    "billiards": Decimal(10) ** 15,
}
SMALL_WORDS = {
    "zéro": 0,
    "un": 1,
    "une": 1,
    "deux": 2,
    "trois": 3,
    "quatre": 4,
    "cinq": 5,
    "six": 6,
    "sept": 7,
    "huit": 8,
    "neuf": 9,
}
ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


# --------------------------------------------------------------------------- helpers


def dec(text: str) -> Decimal:
    """Parse a number written with ',' or '.' as decimal mark (no thousands separators)."""
    return Decimal(text.strip().replace(",", "."))


def fraction_to_decimal(value: Fraction) -> Decimal:
    with localcontext() as ctx:
        ctx.prec = 28
        return Decimal(value.numerator) / Decimal(value.denominator)


def roman_to_int(text: str) -> int:
    total = 0
    for i, ch in enumerate(text):
        v = ROMAN[ch]
        total += -v if i + 1 < len(text) and ROMAN[text[i + 1]] > v else v
    return total


def parse_grouped_number(text: str) -> Decimal:
    """'1 818,303 34' -> 1818.30334; '-60,240 0' -> -60.2400; '42 259' -> 42259."""
    cleaned = re.sub(r"[\s\u00a0\u202f]", "", text)
    return dec(cleaned)


LEADING_NUMBER_RE = re.compile(
    r"^(-?\d[\d\u00a0\u202f ]*(?:,[\d\u00a0\u202f ]*\d)?)\s*"
    r"(millions?|milliards?|billions?|billiards?)?\b"
)


def parse_leading_number(text: str) -> Decimal | None:
    """Number at the start of a normalised output, with an optional scale word."""
    m = LEADING_NUMBER_RE.match(text.strip())
    if not m:
        return None
    value = parse_grouped_number(m.group(1))
    if m.group(2):
        value *= SCALES[m.group(2)]
    return value


def category_of_value(value: Decimal) -> str:
    return "cardinal" if value == value.to_integral_value() else "decimal"


REPEAT_TOLERANCE = Decimal("1e-6")  # the scanner may round 1/3 to 0.333333


def is_rounded_repeat(value: Decimal) -> bool:
    _, digits, exponent = value.normalize().as_tuple()
    return isinstance(exponent, int) and exponent < 0 and len(digits) >= 15


def values_match(found: Decimal | None, expected: Decimal | None) -> bool:
    if found is None or expected is None:
        return found is None and expected is None
    if found == expected:
        return True
    if is_rounded_repeat(expected):
        return abs(found - expected) <= REPEAT_TOLERANCE * max(Decimal(1), abs(expected))
    return False


def time_minutes(hour: int, minute: int) -> Decimal:
    return Decimal(hour * 60 + minute)


class Collector:
    """Accumulates the cases and skips of one suite, with dedup and the DISPUTED list."""

    def __init__(self, suite: str) -> None:
        self.suite = suite
        self.cases: list[PeerCase] = []
        self.skipped: list[Skipped] = []
        self._seen: set[tuple[str, tuple[int, int] | None, Decimal, Decimal | None]] = set()

    def add(
        self,
        group: str,
        text: str,
        expected: Decimal,
        category: str,
        *,
        high: Decimal | None = None,
        span: tuple[int, int] | None = None,
    ) -> None:
        mention = text[span[0] : span[1]] if span is not None else None
        disputed = (
            DISPUTED.get((self.suite, text))
            or DISPUTED.get((self.suite, mention or text))
            or DISPUTED_IN_GROUP.get((self.suite, group, text))
        )
        if disputed is None and mention is not None:
            disputed = next(
                (
                    why
                    for rule, why in DISPUTED_MENTIONS.get(self.suite, ())
                    if rule.search(mention)
                ),
                None,
            )
        if disputed is not None:
            self.skip(group, text, "disputed: " + disputed, category)
            return
        key = (text, span, expected, high)
        if key in self._seen:
            self.skip(group, text, "duplicate of another case in the suite", category)
            return
        self._seen.add(key)
        scope = OUT_OF_SCOPE.get((self.suite, text))
        self.cases.append(PeerCase(self.suite, group, text, expected, high, category, span, scope))

    def skip(self, group: str, text: str, reason: str, category: str = "other") -> None:
        self.skipped.append(Skipped(self.suite, group, text, reason, category))


def read_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8-sig"))


# --------------------------------------------------------------------------- duckling

DUCKLING_NUM = r"\(?(-?\d+(?:\.\d+)?)\)?"


def _duckling_time(col: Collector, group: str, expected: str, text: str) -> None:
    m = re.match(r"^datetime \((\d+), (\d+), (\d+), (\d+), (\d+), (\d+)\) (\w+)$", expected)
    if not m:
        col.skip(
            group, text, "date/time interval or open interval (needs a reference date)", "date"
        )
        return
    year, month, day, hour, minute = (int(m.group(i)) for i in range(1, 6))
    grain = m.group(7)
    t = text.strip()
    numeric = NUMERIC_DATE_RE.match(t)
    iso = ISO_DATE_RE.match(t)
    if numeric or iso:
        col.add(group, text, Decimal(year * 10000 + month * 100 + day), "date")
    elif grain == "Day" and DAY_MONTH_RE.match(t):
        col.add(group, text, Decimal(day), "date")
    elif grain in ("Hour", "Minute") and (
        TIME_DIGITS_RE.match(t) or TIME_WORDS_RE.match(t) or TIME_NOON_RE.match(t)
    ):
        col.add(group, text, time_minutes(hour, minute), "time")
    elif re.fullmatch(r"(?:le )?\d{1,2}[/ ]\d{1,2}(?:[/ ]\d{2,4})?", t):
        col.skip(group, text, "numeric date without a 4-digit year or with spaces", "date")
    else:
        col.skip(group, text, "relative/deictic date or time (needs a reference date)", "date")


def load_duckling(root: Path) -> Collector:
    col = Collector("duckling")
    data = read_json(root / "duckling" / "duckling_fr_corpora.json")
    for dim, corpus in data["corpora"].items():
        for block in corpus["blocks"]:
            expected: str = block["expected"]
            group = f"{dim}: {expected}"
            for text in block["inputs"]:
                _duckling_block_case(col, dim, group, expected, text)
    return col


def _duckling_block_case(col: Collector, dim: str, group: str, expected: str, text: str) -> None:
    if dim == "Time":
        _duckling_time(col, group, expected, text)
        return
    if dim == "Numeral":
        m = re.match(rf"^NumeralValue {DUCKLING_NUM}$", expected)
        assert m, expected
        value = Decimal(m.group(1))
        col.add(group, text, value, category_of_value(value))
    elif dim == "Ordinal":
        m = re.match(r"^OrdinalData (\d+)$", expected)
        assert m, expected
        col.add(group, text, Decimal(m.group(1)), "ordinal")
    elif dim == "Duration":
        m = re.match(r"^DurationData (\d+) \w+$", expected)
        assert m, expected
        col.add(group, text, Decimal(m.group(1)), "duration")
    elif dim == "AmountOfMoney":
        if m := re.match(r"^between \w+ \((-?[\d.]+), (-?[\d.]+)\)$", expected):
            col.add(group, text, Decimal(m.group(1)), "range", high=Decimal(m.group(2)))
        elif m := re.match(rf"^(?:above|under) \w+ {DUCKLING_NUM}$", expected):
            col.add(group, text, Decimal(m.group(1)), "bound")
        elif m := re.match(rf"^simple \w+ {DUCKLING_NUM}$", expected):
            col.add(group, text, Decimal(m.group(1)), "money")
        else:
            col.skip(group, text, "unrecognised expectation", "money")
    else:  # Distance, Volume, Quantity, Temperature
        m = re.match(rf"^simple \w+ {DUCKLING_NUM}", expected)
        assert m, expected
        col.add(group, text, Decimal(m.group(1)), "measure")


# --------------------------------------------------------------------------- NeMo

NEMO_SKIP_FILES = {
    "electronic": "electronic (e-mail/URL) normalisation",
    "telephone": "telephone number normalisation",
    "whitelist": "whitelist (abbreviation) normalisation",
}
MONEY_MAIN = re.compile(r"\b(euros?|dollars?|francs?|livres?|wons?)\b")
MONEY_SUB = re.compile(r"\b(centimes?|pence|cents?)\b")


def load_nemo(root: Path) -> Collector:
    col = Collector("nemo_fr")
    base = root / "nemo_fr"
    for path in sorted((base / "tn").glob("test_cases_*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if "~" in line:
                col.skip(f"tn/{path.stem}", line.split("~", 1)[0], "tn (digits -> words direction)")
    for path in sorted((base / "itn").glob("test_cases_*.txt")):
        kind = path.stem.removeprefix("test_cases_")
        group = f"itn/{kind}"
        for line in path.read_text(encoding="utf-8").splitlines():
            if "~" not in line:
                continue
            text, out = line.split("~", 1)
            if kind in NEMO_SKIP_FILES:
                col.skip(group, text, NEMO_SKIP_FILES[kind])
                continue
            _nemo_case(col, group, kind, text, out)
    return col


def _nemo_case(col: Collector, group: str, kind: str, text: str, out: str) -> None:
    out = out.strip()
    if not text.strip():
        col.skip(group, text, "empty input")
        return
    if kind == "fraction":
        if text.strip() in ("demi", "quart", "tiers"):
            col.skip(group, text, "bare fraction word without a numerator", "fraction")
            return
        m = re.match(r"^(?:(\d+) )?(\d+)/(\d+)$", out)
        if not m:
            col.skip(group, text, "unparsed expected output", "fraction")
            return
        frac = Fraction(int(m.group(1) or 0)) + Fraction(int(m.group(2)), int(m.group(3)))
        col.add(group, text, fraction_to_decimal(frac), "fraction")
        return
    if kind == "time":
        if text.strip() in ("midi", "minuit"):
            col.skip(group, text, "bare 'midi'/'minuit' (no numeral)", "time")
            return
        m = re.match(r"^(\d{1,2}) h(?: (\d{2}))?$", out)
        if not m:
            col.skip(group, text, "unparsed expected output", "time")
            return
        col.add(group, text, time_minutes(int(m.group(1)), int(m.group(2) or 0)), "time")
        return
    if kind == "ordinal":
        if m := re.match(r"^(\d+)", out):
            col.add(group, text, Decimal(m.group(1)), "ordinal")
        elif m := re.match(r"^([IVXLCDM]+)ᵉ", out):
            col.add(group, text, Decimal(roman_to_int(m.group(1))), "ordinal")
        else:
            col.skip(group, text, "unparsed expected output", "ordinal")
        return
    if kind == "date":
        m = re.match(r"^(\d{1,2})", out)
        if not m:
            col.skip(group, text, "unparsed expected output", "date")
            return
        col.add(group, text, Decimal(m.group(1)), "date")
        return
    if kind == "word" and out.strip() == text.strip():
        col.skip(group, text, "asserts no number (passthrough)")
        return
    if out in SMALL_WORDS and out == text:
        # NeMo keeps small numbers spelled out; the number is still there.
        col.add(group, text, Decimal(SMALL_WORDS[out]), "cardinal")
        return
    if len(re.findall(r"-?\d[\d\u00a0\u202f ]*(?:,[\d\u00a0\u202f ]*\d)?", out)) > 1:
        col.skip(group, text, "expected output holds several numbers")
        return
    value = parse_leading_number(out)
    if value is None:
        col.skip(group, text, "unparsed expected output")
        return
    if kind == "money":
        if MONEY_SUB.search(text) and not MONEY_MAIN.search(text):
            value *= 100  # the scanner reports "vingt centimes" as 20, not 0.20
        col.add(group, text, value, "money")
    elif kind == "measure":
        col.add(group, text, value, "measure")
    elif kind == "decimal":
        col.add(group, text, value, "decimal" if "virgule" in text else "cardinal")
    else:  # cardinal, word
        col.add(group, text, value, category_of_value(value))


# --------------------------------------------------------------------------- ovos

DIGIT_TOKEN_RE = re.compile(r"[+-]?\d+(?:,\d+)?(?:ème|èmes|er|ère|nd|nde|e)?")


def _single_converted_number(col: Collector, group: str, text: str, out: str) -> None:
    """Keep an in-text conversion whose output holds exactly one converted number."""
    if out == text:
        col.skip(group, text, "asserts no conversion (article, pronoun, isolated word)")
        return
    tokens = DIGIT_TOKEN_RE.findall(out)
    if not tokens:
        col.skip(group, text, "asserts no conversion (article, pronoun, isolated word)")
        return
    if len(tokens) > 1:
        col.skip(group, text, "expected output holds several numbers (number list)")
        return
    token = tokens[0]
    m = re.match(r"^([+-]?)(\d+)(?:,(\d+))?(.*)$", token)
    assert m, token
    sign, whole, frac, suffix = m.groups()
    if len(whole) > 1 and whole.startswith("0"):
        col.skip(group, text, "digit dictation with leading zero")
        return
    if sign:
        col.skip(group, text, "explicit sign word (plus/moins) in a list")
        return
    value = Decimal(f"{whole}.{frac}" if frac else whole)
    if re.search(rf"\b{re.escape(token)} {MONTH}\b", out):
        col.add(group, text, value, "date")
    elif suffix:
        col.add(group, text, value, "ordinal")
    else:
        col.add(group, text, value, "decimal" if frac else "cardinal")


def load_ovos(root: Path) -> Collector:
    col = Collector("ovos")
    data = read_json(root / "ovos_number_parser" / "ovos_fr_parse_cases.json")
    for case in data["cases"]:
        fn: str = case["fn"]
        group = f"{fn}/{case['test']}"
        text: str = case["input"]
        assertion: str = case["assert"]
        if assertion in ("false", "is_none"):
            col.skip(group, text, "asserts no number / None")
            continue
        if fn == "is_fractional_fr":
            col.skip(group, text, "helper predicate on a bare denominator word")
            continue
        if fn == "normalize_fr":
            _single_converted_number(col, group, text, str(case["expected"]))
            continue
        if re.search(r"[\u0660-\u0669\u06f0-\u06f9]", text):
            col.skip(group, text, "non-Latin (Arabic-Indic) digits")
            continue
        value = Decimal(str(case["expected"]))
        if fn == "_get_ordinal_fr" or case.get("kwargs", {}).get("ordinals"):
            category = "ordinal"
        elif assertion == "almost_equal" or re.search(r"demi|quart|tiers|/", text):
            category = "fraction"
        else:
            category = category_of_value(value)
        col.add(group, text, value, category)
    return col


# --------------------------------------------------------------------------- text2num


def _text2num_case(col: Collector, group: str, text: str, expected: str) -> None:
    """Whole-string word -> digits (text2num / text2digits)."""
    if text.startswith("zéro ") and text != "zéro":
        col.skip(group, text, "digit dictation with leading zero")
        return
    m = re.match(r"^(\d+)(ème|èmes)?$", expected)
    if not m:
        col.skip(group, text, "unparsed expected output")
        return
    col.add(group, text, Decimal(m.group(1)), "ordinal" if m.group(2) else "cardinal")


def load_text2num(root: Path) -> list[Collector]:
    py = Collector("text2num_py")
    data = read_json(root / "text2num" / "text2num_py_v2.5.2_fr_cases.json")
    for case in data["cases"]:
        group = f"{case['fn']}/{case['test']}"
        text: str = case["input"]
        if "expect_error" in case:
            py.skip(group, text, "asserts a parse error")
        elif case["fn"] == "text2num":
            _text2num_case(py, group, text, str(case["expected"]))
        else:
            _single_converted_number(py, group, text, str(case["expected"]))
    rs = Collector("text2num_rs")
    data = read_json(root / "text2num" / "text2num_rs_fr_cases.json")
    for case in data["cases"]:
        kind: str = case["kind"]
        group = f"{kind}/{case['test']}"
        text = case["input"]
        if kind == "assert_invalid" or "expect_error" in case:
            rs.skip(group, text, "asserts a parse error")
        elif kind == "assert_text2digits":
            _text2num_case(rs, group, text, str(case["expected"]))
        else:
            _single_converted_number(rs, group, text, str(case["expected"]))
    return [py, rs]


# --------------------------------------------------------------------------- recognizers_text


def _result_span(text: str, result: dict[str, Any]) -> tuple[int, int]:
    """Locate the result text; the suite's End is inclusive in most files, exclusive in some,
    and a few Starts are off: then take the whole-token occurrence nearest to Start."""
    needle: str = result["Text"]
    start = result.get("Start")
    if isinstance(start, int) and text[start : start + len(needle)].lower() == needle.lower():
        return start, start + len(needle)
    pattern = re.compile(r"(?<!\w)" + re.escape(needle) + r"(?!\w)", re.IGNORECASE)
    hits = [m.start() for m in pattern.finditer(text)] or [
        m.start() for m in re.finditer(re.escape(needle), text, re.IGNORECASE)
    ]
    if not hits:
        return 0, len(text)
    anchor = start if isinstance(start, int) else 0
    best = min(hits, key=lambda h: abs(h - anchor))
    return best, best + len(needle)


RANGE_VALUE_RE = re.compile(r"^[\[(](-?[\d.]*),(-?[\d.]*)[\])]$")


def _rt_number(
    col: Collector, group: str, text: str, res: dict[str, Any], span: tuple[int, int]
) -> None:
    type_name = str(res.get("TypeName", ""))
    resolution: dict[str, Any] = res.get("Resolution") or {}
    raw = resolution.get("value")
    if type_name == "ordinal.relative":
        col.skip(group, text, "relative ordinal (dernier, prochain...)", "ordinal")
        return
    if raw is None:
        col.skip(group, text, "unit without a number", "measure")
        return
    raw = str(raw)
    if type_name == "numberrange":
        m = RANGE_VALUE_RE.match(raw)
        assert m, raw
        low, high = m.group(1), m.group(2)
        if low and high and Decimal(low) != Decimal(high):
            col.add(group, text, Decimal(low), "range", high=Decimal(high), span=span)
        else:
            col.add(group, text, Decimal(low or high), "bound", span=span)
        return
    if type_name == "percentage":
        col.add(group, text, abs(dec(raw.rstrip("%"))), "percent", span=span)
        return
    value = dec(raw)
    if type_name == "ordinal":
        col.add(group, text, value, "ordinal", span=span)
    elif type_name == "currency":
        col.add(group, text, value, "money", span=span)
    elif type_name in ("dimension", "temperature"):
        col.add(group, text, value, "measure", span=span)
    elif type_name == "age":
        col.add(group, text, value, "duration", span=span)
    elif re.search(r"\d(?:,\d+)? cents?\b", res["Text"]):
        col.skip(
            group,
            text,
            "disputed: digits + 'cent(s)' read as x100; the suite's own currency model reads "
            "'50 cents' as 50 cents",
            "cardinal",
        )
    else:
        subtype = resolution.get("subtype")
        category = subtype if subtype in ("fraction", "decimal") else category_of_value(value)
        if category == "decimal" and value == value.to_integral_value() and "," not in res["Text"]:
            category = "cardinal"
        col.add(group, text, value, str(category), span=span)


def _rt_datetime(
    col: Collector, group: str, text: str, res: dict[str, Any], span: tuple[int, int]
) -> None:
    type_name = str(res.get("TypeName", "")).removeprefix("datetimeV2.")
    mention = str(res["Text"]).strip()
    values = (res.get("Resolution") or {}).get("values") or []
    timex = str(values[0].get("timex", "")) if values else ""
    if type_name == "date":
        m = re.match(r"^(\d{4}|XXXX)-(\d{2})-(\d{2})$", timex)
        if not m or values[0].get("value") == "not resolved":
            col.skip(group, text, "date: not a calendar day (needs a reference date)", "date")
        elif NUMERIC_DATE_RE.match(mention) and m.group(1) != "XXXX":
            col.add(group, text, Decimal(m.group(1) + m.group(2) + m.group(3)), "date", span=span)
        elif day_match := DAY_MONTH_RE.match(mention):
            written = re.match(r"\d+", day_match.group(1))
            if written and int(written.group()) != int(m.group(3)):
                col.skip(
                    group, text, "disputed: the mention's day and the resolved day disagree", "date"
                )
            else:
                col.add(group, text, Decimal(int(m.group(3))), "date", span=span)
        else:
            col.skip(group, text, "date: relative, bare day or partial numeric date", "date")
    elif type_name == "time":
        m = re.match(r"^T(\d{2})(?::(\d{2}))?$", timex)
        if not m:
            col.skip(group, text, "time with seconds or unresolved", "time")
        elif (
            TIME_DIGITS_RE.match(mention)
            or TIME_WORDS_RE.match(mention)
            or TIME_NOON_RE.match(mention)
        ):
            col.add(
                group, text, time_minutes(int(m.group(1)), int(m.group(2) or 0)), "time", span=span
            )
        else:
            col.skip(group, text, "time: relative, am/pm or bare 'midi'", "time")
    elif type_name == "duration":
        m = re.match(r"^PT?(\d+(?:\.\d+)?)(?:Y|M|W|D|H|S|WE)$", timex)
        if not m:
            col.skip(group, text, "compound or unresolved duration", "duration")
        elif not HAS_NUMERAL.search(mention) or re.search(r"quelques|plusieurs", mention):
            col.skip(
                group, text, "duration without a numeral (quelques, toute la journée)", "duration"
            )
        else:
            col.add(group, text, Decimal(m.group(1)), "duration", span=span)
    else:
        col.skip(group, text, f"datetimeV2.{type_name} (needs a reference date)", "date")


def _rt_extracted_date(
    col: Collector, group: str, text: str, res: dict[str, Any], span: tuple[int, int]
) -> None:
    """Extractor specs carry no value: derive it from 'D month [YYYY]' or dd/mm/yyyy only."""
    mention = str(res["Text"]).strip()
    if str(res.get("Type", "")) == "date":
        if m := DIGIT_DAY_MONTH_RE.match(mention):
            col.add(group, text, Decimal(m.group(1)), "date", span=span)
            return
        if m := NUMERIC_DATE_RE.match(mention):
            col.add(
                group,
                text,
                Decimal(f"{m.group(3)}{int(m.group(2)):02d}{int(m.group(1)):02d}"),
                "date",
                span=span,
            )
            return
    col.skip(
        group, text, "date extractor spec: value not derivable without a reference date", "date"
    )


def load_recognizers(root: Path) -> Collector:
    col = Collector("recognizers_text")
    base = root / "recognizers_text"
    for path in sorted(base.glob("*/*.json")):
        group = f"{path.parent.name}/{path.stem}"
        for entry in read_json(path):
            text: str = entry["Input"]
            results: list[dict[str, Any]] = entry.get("Results") or []
            if path.stem == "NumberModelPercentMode":
                col.skip(group, text, "option-specific mode (PercentMode)")
                continue
            if path.stem == "DatePeriodParser":
                col.skip(group, text, "date period relative to a reference date", "date")
                continue
            if not results:
                col.skip(group, text, "asserts no number")
                continue
            if re.search(r"t[ée]l[ée]phone", text):
                col.skip(group, text, "telephone number")
                continue
            if re.search(r"\b(lakh|crore)\b|\d,\d\d,\d{3}", text):
                col.skip(group, text, "Indian numbering (lakh/crore, 12,34,567)")
                continue
            if text.startswith("the "):
                col.skip(group, text, "English input")
                continue
            for res in results:
                _rt_result(col, path.stem, group, text, res)
    return col


def _rt_result(col: Collector, stem: str, group: str, text: str, res: dict[str, Any]) -> None:
    span = _result_span(text, res)
    mention = str(res["Text"]).strip()
    if mention.lower() in ("un", "une") and text.strip().lower() != mention.lower():
        col.skip(group, text, "indefinite article un/une expected as a number")
        return
    if re.search(r"\^|\de[+-]?\d", mention):
        col.skip(group, text, "exponent / scientific notation")
        return
    if stem == "PercentModelPercentMode" and not re.search(r"%|pour", mention):
        col.skip(group, text, "fraction reported as a percent (PercentMode option)", "percent")
        return
    if stem in ("DateExtractor", "DatePeriodExtractor"):
        _rt_extracted_date(col, group, text, res, span)
    elif str(res.get("TypeName", "")).startswith("datetimeV2"):
        _rt_datetime(col, group, text, res, span)
    else:
        _rt_number(col, group, text, res, span)


# --------------------------------------------------------------------------- loading


def load_all(root: Path, only: Sequence[str] = ()) -> list[Collector]:
    loaders: dict[str, Callable[[Path], list[Collector]]] = {
        "duckling": lambda r: [load_duckling(r)],
        "nemo_fr": lambda r: [load_nemo(r)],
        "ovos": lambda r: [load_ovos(r)],
        "recognizers_text": lambda r: [load_recognizers(r)],
        "text2num": load_text2num,
    }
    collectors: list[Collector] = []
    for loader in loaders.values():
        collectors.extend(loader(root))
    if only:
        collectors = [c for c in collectors if c.suite in only]
    return collectors


# --------------------------------------------------------------------------- scanner


class MentionLike(Protocol):
    """The part of ``claimex.NumberMention`` this script reads."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def value(self) -> Decimal: ...
    @property
    def high(self) -> Decimal | None: ...
    @property
    def kind(self) -> object: ...
    @property
    def qualifier(self) -> object: ...
    @property
    def unit(self) -> object: ...


Scanner = Callable[[str], Sequence[MentionLike]]


def import_scanner() -> Scanner:
    if str(REPO_ROOT) not in sys.path:
        sys.path.insert(0, str(REPO_ROOT))
    module = importlib.import_module("claimex")
    return cast(Scanner, module.find_numbers)


def enum_str(value: object) -> str:
    inner = getattr(value, "value", value)
    return str(inner) if inner is not None else ""


@dataclass
class Outcome:
    case: PeerCase
    passed: bool
    found: list[dict[str, str | int | None]] = field(default_factory=list)
    chosen: int | None = None  # index in found of the mention that was judged
    error: str | None = None


def describe(m: MentionLike) -> dict[str, str | int | None]:
    return {
        "start": m.start,
        "end": m.end,
        "text": m.text,
        "value": str(m.value),
        "high": None if m.high is None else str(m.high),
        "kind": enum_str(m.kind),
        "qualifier": enum_str(m.qualifier),
        "unit": enum_str(m.unit),
    }


def evaluate(case: PeerCase, scan: Scanner) -> Outcome:
    try:
        mentions = list(scan(case.text))
    except Exception as exc:
        return Outcome(case, False, error=f"{type(exc).__name__}: {exc}")
    found = [describe(m) for m in mentions]
    usable = [(i, m) for i, m in enumerate(mentions) if enum_str(m.kind) != "identifier"]
    if case.span is not None:
        s, e = case.span
        for i, m in usable:
            if m.start < e and s < m.end and matches(case, m):
                return Outcome(case, True, found, i)
        return Outcome(case, False, found)
    # A year printed beside a date ("3 mars 2015") is reported apart: judge the date, not the year.
    not_years = [(i, m) for i, m in usable if enum_str(m.kind) != "year"]
    usable = not_years or usable
    if not usable:
        return Outcome(case, False, found)
    i, longest = min(usable, key=lambda im: (-(im[1].end - im[1].start), im[1].start))
    return Outcome(case, matches(case, longest), found, i)


def matches(case: PeerCase, m: MentionLike) -> bool:
    return values_match(m.value, case.expected) and values_match(m.high, case.expected_high)


# --------------------------------------------------------------------------- report


def fmt_expected(case: PeerCase) -> str:
    if case.expected_high is not None:
        return f"{case.expected}..{case.expected_high}"
    return str(case.expected)


def fmt_found(found: Sequence[dict[str, str | int | None]]) -> str:
    if not found:
        return "(nothing)"
    parts = []
    for f in found:
        value = f"{f['value']}..{f['high']}" if f["high"] is not None else str(f["value"])
        parts.append(f"{f['text']!r}={value} {f['kind']}")
    return "; ".join(parts)


def summarise(
    collectors: Sequence[Collector], outcomes: Sequence[Outcome] | None
) -> dict[str, dict[str, dict[str, int]]]:
    """suite -> category -> {total, passed, skipped}."""
    table: dict[str, dict[str, dict[str, int]]] = defaultdict(
        lambda: defaultdict(lambda: {"total": 0, "passed": 0, "skipped": 0})
    )
    for col in collectors:
        table[col.suite]  # keep suites with nothing scored
        for s in col.skipped:
            table[col.suite][s.category]["skipped"] += 1
        if outcomes is None:
            for c in col.cases:
                if c.out_of_scope is None:
                    table[col.suite][c.category]["total"] += 1
    for o in outcomes or ():
        if o.case.out_of_scope is not None:
            continue  # scored apart, see print_out_of_scope
        row = table[o.case.suite][o.case.category]
        row["total"] += 1
        row["passed"] += int(o.passed)
    return table


def rate(passed: int, total: int) -> str:
    return f"{100 * passed / total:5.1f}%" if total else "    -"


def table_row(suite: str, category: str, row: Counter[str] | dict[str, int], scored: bool) -> str:
    passed = str(row["passed"]) if scored else "-"
    shown_rate = rate(row["passed"], row["total"]) if scored else "    -"
    return (
        f"{suite:<18} {category:<10} {row['total']:>6} {passed:>7} {shown_rate:>7}"
        f" {row['skipped']:>8}"
    )


def print_table(table: dict[str, dict[str, dict[str, int]]], scored: bool) -> None:
    header = f"{'suite':<18} {'category':<10} {'total':>6} {'passed':>7} {'rate':>7} {'skipped':>8}"
    print(header)
    print("-" * len(header))
    grand = Counter[str]()
    for suite in sorted(table):
        sub = Counter[str]()
        for category in sorted(table[suite]):
            row = table[suite][category]
            sub.update(row)
            print(table_row(suite, category, row, scored))
        print(table_row(suite, "ALL", sub, scored))
        print()
        grand.update(sub)
    print(table_row("OVERALL", "", grand, scored))


def print_spec_files(outcomes: Sequence[Outcome], suite: str = "recognizers_text") -> None:
    """The pass rate of each spec file of a suite, in scope, with the out-of-scope count."""
    rows: dict[str, Counter[str]] = defaultdict(Counter)
    for o in outcomes:
        if o.case.suite == suite:
            row = rows[o.case.group]
            scope = "in" if o.case.out_of_scope is None else "out"
            row[scope] += 1
            row[scope + "_passed"] += int(o.passed)
    print(f"\n{suite} by spec file (in scope; out of scope scored apart)")
    print(f"  {'spec file':<42} {'total':>6} {'passed':>7} {'rate':>7} {'out':>5} {'passed':>7}")
    for group in sorted(rows):
        r = rows[group]
        print(
            f"  {group:<42} {r['in']:>6} {r['in_passed']:>7} {rate(r['in_passed'], r['in']):>7}"
            f" {r['out']:>5} {r['out_passed']:>7}"
        )


def print_out_of_scope(outcomes: Sequence[Outcome]) -> None:
    """Cases judged out of scope for French news, scored apart, by reason."""
    rows: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for o in outcomes:
        if o.case.out_of_scope is not None:
            row = rows[(o.case.suite, o.case.out_of_scope)]
            row["total"] += 1
            row["passed"] += int(o.passed)
    if not rows:
        return
    print("\nOut of scope for French news, scored apart (total, passed, reason)")
    for (suite, reason), row in sorted(rows.items()):
        print(f"  {suite:<18} {row['total']:>4} {row['passed']:>4}  {reason}")


def print_skips(collectors: Sequence[Collector]) -> None:
    print("\nSkipped cases by reason")
    for col in collectors:
        counts = Counter(s.reason for s in col.skipped)
        for reason, n in counts.most_common():
            print(f"  {col.suite:<18} {n:>5}  {reason}")


def print_samples(collectors: Sequence[Collector], per_category: int) -> None:
    print(f"\nSamples (up to {per_category} per suite and category)")
    for col in collectors:
        by_cat: dict[str, list[PeerCase]] = defaultdict(list)
        for c in col.cases:
            by_cat[c.category].append(c)
        for category, cases in sorted(by_cat.items()):
            for c in cases[:per_category]:
                where = (
                    ""
                    if c.span is None
                    else f" @{c.span[0]}:{c.span[1]}={c.text[c.span[0] : c.span[1]]!r}"
                )
                print(
                    f"  {col.suite:<18} {category:<9} {c.text[:70]!r} -> {fmt_expected(c)}{where}"
                )


def print_failures(outcomes: Sequence[Outcome], limit: int) -> None:
    """Up to ``limit`` failures per suite, taken in turn from each category."""
    by_suite: dict[str, dict[str, list[Outcome]]] = defaultdict(lambda: defaultdict(list))
    for o in outcomes:
        if not o.passed:
            by_suite[o.case.suite][o.case.category].append(o)
    for suite in sorted(by_suite):
        queues = [list(q) for _, q in sorted(by_suite[suite].items())]
        total = sum(len(q) for q in queues)
        shown: list[Outcome] = []
        while len(shown) < min(limit, total):
            for q in queues:
                if q and len(shown) < limit:
                    shown.append(q.pop(0))
        print(f"\nFailures: {suite} ({total}, showing {len(shown)})")
        for o in sorted(shown, key=lambda o: o.case.category):
            c = o.case
            where = "" if c.span is None else f" [at {c.text[c.span[0] : c.span[1]]!r}]"
            got = o.error if o.error else fmt_found(o.found)
            print(f"  [{c.category}] {c.text[:90]!r}{where}")
            print(f"      expected {fmt_expected(c)}; found {got}")


def write_json(
    path: Path,
    root: Path,
    collectors: Sequence[Collector],
    outcomes: Sequence[Outcome] | None,
    table: dict[str, dict[str, dict[str, int]]],
    seconds: float,
) -> None:
    doc: dict[str, Any] = {
        "root": str(root),
        "scored": outcomes is not None,
        "seconds": round(seconds, 3),
        "summary": {suite: dict(cats) for suite, cats in table.items()},
        "skipped": [
            {
                "suite": s.suite,
                "group": s.group,
                "text": s.text,
                "reason": s.reason,
                "category": s.category,
            }
            for col in collectors
            for s in col.skipped
        ],
    }
    if outcomes is not None:
        doc["cases"] = [
            {
                "suite": o.case.suite,
                "group": o.case.group,
                "text": o.case.text,
                "category": o.case.category,
                "expected": str(o.case.expected),
                "expected_high": None
                if o.case.expected_high is None
                else str(o.case.expected_high),
                "span": list(o.case.span) if o.case.span else None,
                "out_of_scope": o.case.out_of_scope,
                "passed": o.passed,
                "found": o.found,
                "judged": o.chosen,
                "error": o.error,
            }
            for o in outcomes
        ]
    else:
        doc["cases"] = [
            {
                "suite": c.suite,
                "group": c.group,
                "text": c.text,
                "category": c.category,
                "expected": str(c.expected),
                "expected_high": None if c.expected_high is None else str(c.expected_high),
                "span": list(c.span) if c.span else None,
            }
            for col in collectors
            for c in col.cases
        ]
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument(
        "--root", type=Path, default=DEFAULT_ROOT, help="folder holding the peer suites"
    )
    parser.add_argument(
        "--suite", action="append", choices=SUITES, help="only this suite (repeatable)"
    )
    parser.add_argument(
        "--failures", type=int, default=0, metavar="N", help="print up to N failures per suite"
    )
    parser.add_argument("--json", type=Path, metavar="PATH", help="write the results as JSON")
    parser.add_argument(
        "--list-only", action="store_true", help="load and count the cases, do not scan"
    )
    parser.add_argument(
        "--samples",
        type=int,
        default=0,
        metavar="K",
        help="with --list-only, K samples per category",
    )
    parser.add_argument("--no-skips", action="store_true", help="do not print the skip reasons")
    args = parser.parse_args(list(argv) if argv is not None else None)

    root: Path = args.root.resolve()
    if not root.is_dir():
        print(f"peer suites not found at {root} (use --root)", file=sys.stderr)
        return 0
    collectors = load_all(root, args.suite or ())
    outcomes: list[Outcome] | None = None
    started = time.perf_counter()
    if not args.list_only:
        try:
            scan = import_scanner()
        except (ImportError, AttributeError) as exc:
            print(
                f"claimex.find_numbers is not importable ({exc}); showing the loaded cases only.\n"
            )
        else:
            outcomes = [evaluate(c, scan) for col in collectors for c in col.cases]
    seconds = time.perf_counter() - started

    table = summarise(collectors, outcomes)
    print_table(table, scored=outcomes is not None)
    if outcomes is not None:
        print(f"\n{len(outcomes)} cases scanned in {seconds:.2f}s")
        print_spec_files(outcomes)
        print_out_of_scope(outcomes)
    if not args.no_skips:
        print_skips(collectors)
    if args.samples:
        print_samples(collectors, args.samples)
    if outcomes is not None and args.failures:
        print_failures(outcomes, args.failures)
    if args.json:
        write_json(args.json, root, collectors, outcomes, table, seconds)
        print(f"\nJSON written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
