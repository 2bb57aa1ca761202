"""The keyed strategy: one call per chunk, answered per scanner amount id; code builds the claims.

The model does only what needs reading: for each amount of the chunk (marked ``[n3]`` right
after it) what is counted, and who asserts it where French grammar does not decide it (where it
only suggests an asserter, the suggestion goes with the message as a hint); plus a few claims
without an amount and the contradictions (pairs of ids). The response grammar enumerates the
chunk's ids, so no amount is skipped or invented. Code writes everything else from the text:
value, qualifier, range end and unit from the scanner, the quote (the amount's sentence), the
status and the claim type from grammar (``forecast`` for a plan or a prediction, else
``quantitative``), and the final ``review`` proves every number and applies what grammar
decides, each change listed as a ``Correction``. Ids whose answer did not come back are asked
again once, alone, in their sentences.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Generator, Sequence
from typing import Any

from pydantic import model_validator

from claimex import _lexicon as lex
from claimex.attribution import AmountGrammar, sentence_span
from claimex.document import Document
from claimex.extract_options import ExtractOptions
from claimex.failures import server_error
from claimex.llm import Endpoint
from claimex.names import names_someone
from claimex.numbers import NumberKind, NumberMention
from claimex.passes import Call, extra_body
from claimex.prompts import Prompt
from claimex.response import ChunkScope, ClaimList, judged_scope
from claimex.schemas import (
    Attribution,
    AttributionKind,
    BaseClaim,
    ContradictionClaim,
    EpistemicStatus,
    EventClaim,
    Evidence,
    ForecastClaim,
    QuantitativeClaim,
    Quantity,
    StatementClaim,
)

__all__ = [
    "KeyedAnswer",
    "amount_ids",
    "answer_schema",
    "asserter_decided",
    "build_claims",
    "keyed_call",
    "keyed_chunks",
    "keyed_message",
]

CLAIM_KINDS = frozenset({NumberKind.QUANTITY, NumberKind.PERCENT})
"""The amounts a claim is made for: durations, like dates, are when a claim holds, not what."""
OTHER_TYPES = ("statement", "event", "forecast")
MAX_OTHERS = 3
MAX_CONTRADICTIONS = 2
MAX_PHRASE = 80  # characters of "quoi" / "qui": a noun phrase, not a paragraph
MAX_QUOTE = 160  # characters of a claim without an amount: one clause of the text
# output tokens allowed (a cap, not a cost): an entry is 30-55 tokens live, up to ~70 when both
# phrases reach MAX_PHRASE; the claims without amounts ~60 each. At 40 a seed answer whose
# entries ran long was cut off and all its ids had to be asked again.
TOKENS_PER_ID = 72
TOKENS_FOR_THE_REST = 64 + 60 * MAX_OTHERS

Answer = list[BaseClaim] | Exception


def amount_ids(doc: Document) -> dict[str, NumberMention]:
    """The quantities and percents of the whole text by id, ``n1``, ``n2``... in text order
    (stable per text)."""
    amounts = [m for m in doc.amounts_in() if m.kind in CLAIM_KINDS]
    return {f"n{i}": m for i, m in enumerate(amounts, 1)}


def _reading(doc: Document, m: NumberMention) -> AmountGrammar | None:
    return doc.grammar.get((m.start, m.end))


def asserter_decided(doc: Document, m: NumberMention) -> bool:
    """Whether grammar decides who asserts amount ``m``: then the model is not asked."""
    g = _reading(doc, m)
    return g is not None and g.attribution.decided


def _hint(doc: Document, key: str, m: NumberMention) -> str | None:
    """The asserter grammar suggests for amount ``key`` without deciding it, as one line for the
    model."""
    g = _reading(doc, m)
    if g is None or g.attribution.decided or not g.attribution.source:
        return None
    cue = f" (« {g.attribution.cue} »)" if g.attribution.cue else ""
    return f"- {key} : qui = {g.attribution.source} ?{cue}"


def _ids_in(mentions: dict[str, NumberMention], window: tuple[int, int]) -> list[str]:
    lo, hi = window
    return [k for k, m in mentions.items() if lo <= m.start and m.end <= hi]


def _marked(text: str, lo: int, hi: int, marks: Sequence[tuple[int, str]]) -> str:
    """``text[lo:hi]`` with `` [id]`` written right after each amount ending inside it."""
    out, at = [], lo
    for end, key in sorted(marks):
        if lo <= at <= end <= hi:
            out += [text[at:end], f" [{key}]"]
            at = end
    out.append(text[at:hi])
    return "".join(out)


def keyed_message(
    doc: Document,
    window: tuple[int, int],
    ids: Sequence[str],
    *,
    excerpt: bool = False,
    hints: bool = True,
) -> str:
    """The chunk with its amounts marked by id (with ``excerpt``, only the sentences of ``ids``),
    then, with ``hints``, the asserters grammar suggests but does not decide."""
    mentions = amount_ids(doc)
    marks = [(mentions[k].end, k) for k in ids]
    if not excerpt:
        body = "Article :\n" + _marked(doc.text, window[0], window[1], marks)
    else:
        spans = sorted({_sentence(doc, mentions[k]) for k in ids})
        parts = [_marked(doc.text, s, e, marks).strip() for s, e in spans]
        body = "Article (extraits) :\n" + "\n".join(parts)
    lines = [h for k in ids if (h := _hint(doc, k, mentions[k])) is not None] if hints else []
    return body if not lines else body + "\n\nIndices (à vérifier) :\n" + "\n".join(lines)


def answer_schema(
    ids: Sequence[str],
    claim_types: Sequence[type[BaseClaim]],
    *,
    known: Collection[str] = (),
    others: bool = True,
) -> dict[str, Any]:
    """The response grammar: one required entry per id, nothing else but the optional parts.
    An id of ``known`` (grammar decides its asserter) is asked only what it counts."""
    allowed = {t.model_fields["type"].default for t in claim_types}
    phrase = {"type": "string", "maxLength": MAX_PHRASE}

    def entry(*names: str) -> dict[str, Any]:
        return {
            "type": "object",
            "properties": {n: phrase for n in names},
            "required": list(names),
            "additionalProperties": False,
        }

    properties: dict[str, Any] = {
        k: {"$ref": "#/$defs/counted" if k in known else "#/$defs/amount"} for k in ids
    }
    other_types = [t for t in OTHER_TYPES if t in allowed]
    if others and other_types:
        properties["autres"] = {
            "type": "array",
            "maxItems": MAX_OTHERS,
            "items": {
                "type": "object",
                "properties": {
                    "citation": {"type": "string", "maxLength": MAX_QUOTE},
                    "qui": phrase,
                    "type": {"enum": other_types},
                },
                "required": ["citation", "qui", "type"],
                "additionalProperties": False,
            },
        }
    if others and len(ids) > 1 and "contradiction" in allowed:
        pair = {"type": "array", "items": {"enum": list(ids)}, "minItems": 2, "maxItems": 2}
        properties["contradictions"] = {"type": "array", "maxItems": MAX_CONTRADICTIONS,
                                        "items": pair}  # fmt: skip
    return {
        "$defs": {"amount": entry("quoi", "qui"), "counted": entry("quoi")},
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


# What instructor's JSON mode pastes into the system prompt: the answer's shape, the same for
# every chunk, so the whole system prompt stays a prefix the server's KV cache reuses. The ids
# themselves are enumerated by the grammar of each request (``answer_schema``).
_PHRASE_SHAPE: dict[str, Any] = {"type": "string"}
_SHAPE: dict[str, Any] = {
    "type": "object",
    "additionalProperties": {
        "type": "object",
        "properties": {"quoi": _PHRASE_SHAPE, "qui": _PHRASE_SHAPE},
        "required": ["quoi"],
    },
    "properties": {
        "autres": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "citation": _PHRASE_SHAPE,
                    "qui": _PHRASE_SHAPE,
                    "type": {"enum": list(OTHER_TYPES)},
                },
            },
        },
        "contradictions": {"type": "array", "items": {"type": "array", "items": _PHRASE_SHAPE}},
    },
}


class KeyedAnswer(ClaimList):
    """The model's answer per amount id, turned into claims by code (``build_claims``) against
    the chunk of the enclosing ``judging`` block."""

    @model_validator(mode="before")
    @classmethod
    def _claims_from_ids(cls, data: Any) -> Any:
        if isinstance(data, str | bytes):
            data = json.loads(data)
        if not isinstance(data, dict):
            return {"claims": []}  # not the answer's shape: its ids count as unanswered
        claims = data.get("claims")
        if isinstance(claims, list) and all(isinstance(c, BaseClaim) for c in claims):
            return data  # built by code already
        scope = judged_scope()
        if scope is None:
            return {"claims": []}
        return {"claims": build_claims(data, scope.doc, scope.window)}

    @model_validator(mode="after")
    def _numbers_are_in_the_text(self) -> KeyedAnswer:
        """Code wrote every number from the scanner: nothing to send back to the model here;
        the final review proves them all."""
        return self

    @classmethod
    def model_json_schema(cls, *args: Any, **kwargs: Any) -> dict[str, Any]:
        return json.loads(json.dumps(_SHAPE))  # type: ignore[no-any-return]


def _text(value: Any) -> str:
    return " ".join(value.split())[:MAX_PHRASE] if isinstance(value, str) else ""


def _sentence(doc: Document, m: NumberMention) -> tuple[int, int]:
    g = _reading(doc, m)
    return doc.trimmed(g.sentence if g is not None else sentence_span(doc.text, m.start, m.end))


def _pinning_quote(doc: Document, m: NumberMention, sentence: tuple[int, int]) -> str | None:
    """The fewest words of the amount's sentence, ending with the amount, that occur once in the
    text: the validator then judges this amount, not an equal number earlier in the sentence.
    None when the sentence holds it only once (the sentence alone pins it)."""
    s, e = sentence
    if len(doc.find(m.text, None, s, e).spans) <= 1:
        return None
    left, right = m.start, m.end
    while left > s or right < e:
        if left > s:
            left = doc.text.rfind(" ", s, left - 1) + 1 or s
        else:
            space = doc.text.find(" ", right + 1, e)
            right = e if space < 0 else space
        phrase = doc.text[left:right].strip()
        if len(doc.find(phrase).spans) == 1:
            return phrase
    return None


def _attribution(who: str, doc: Document, m: NumberMention | None) -> Attribution:
    """The model's asserter when the text names it, else the article; the kind from the grammar
    reading when it names one (the final review applies what grammar decides)."""
    source = who if who and names_someone(who) and doc.find(who).spans else ""
    if not source:
        return Attribution()
    g = _reading(doc, m) if m is not None else None
    if g is not None and g.attribution.kind is not AttributionKind.ARTICLE:
        return Attribution(source=source, kind=g.attribution.kind, cue=g.attribution.cue)
    return Attribution(source=source, kind=AttributionKind.INDIRECT_SPEECH)


def _status(kind: str) -> EpistemicStatus:
    return EpistemicStatus.FORECAST if kind == "forecast" else EpistemicStatus.ASSERTED


# Words that end the noun phrase a numeral determines: verbs and auxiliaries, relatives,
# conjunctions and prepositions other than "de" (its complement belongs to the noun: "unités
# d'artillerie"). French puts the counted noun right after the cardinal.
_PHRASE_ENDS = frozenset(
    "a ont est sont été était étaient sera seront serait seraient aurait auraient avait avaient "
    "va vont doit doivent peut peuvent qui que qu dont et ou mais ni à au aux en dans par pour "
    "sur sous avec sans selon contre avant après depuis pendant lors entre vers chez ne n se s y "
    "ce cette ces il elle ils elles on soit le la les l un une".split()
)
_WORD = re.compile(r"[^\W\d_][\w'’-]*|\S")


def counted_noun(doc: Document, m: NumberMention, max_words: int = 3) -> str | None:
    """The noun phrase an amount counts, read from the text: its unit noun right after it and
    the words that qualify it (``soldats nord-coréens``, ``unités d'artillerie``); None for a
    unit sign (``%``, ``€``, ``Mo``), a unit of measure (``euros``, ``pouces``: they measure a
    dimension the sentence names elsewhere) or when the unit is not the next word."""
    # a cardinal above one determines a plural noun; a fraction governs "de" + noun
    plural = m.value > 1 and m.unit[-1:] in ("s", "x")
    if len(m.unit) < 3 or not m.unit.isalpha() or not m.unit[0].islower() or not plural:
        return None
    if m.unit.lower() in lex.MEASURE_WORDS or m.unit.lower() in lex.TIME_UNITS:
        return None
    tail = doc.text[m.end : m.end + 200]
    words = [w.group() for w in _WORD.finditer(tail)]
    if not words or words[0] != m.unit:
        return None
    phrase = [words[0]]
    for w in words[1:]:
        if len(phrase) == max_words or not w[0].isalpha() or w.lower() in _PHRASE_ENDS:
            break
        phrase.append(w)
    while phrase[-1].lower() in ("de", "d'", "d’", "du", "des"):
        phrase.pop()
    return " ".join(phrase)


def _subject(what: str, doc: Document, m: NumberMention, sentence: tuple[int, int]) -> str:
    """The model's "what is counted", unless it leaves out the noun the amount counts (then it
    describes something else: "est estimé", the asserter's name) or shares no word with the
    amount's ``sentence`` (not the text's words); then the text's own noun phrase, or the unit."""
    said = doc.text[sentence[0] : sentence[1]].lower()
    words = re.findall(r"\w{4,}", what.lower())
    if words and not any(w in said for w in words):
        what = ""
    noun = counted_noun(doc, m)
    if noun is None or m.unit.lower() in what.lower():
        return what or noun or m.unit or m.text
    return noun


def _amount_claim(key: str, m: NumberMention, entry: dict[str, Any], doc: Document) -> BaseClaim:
    """What the model said of one amount, as a quantitative claim on the amount's sentence. Its
    status, its claim type (``forecast``) and, where grammar reads it, who asserts it are set by
    the final review from the text's grammar, each change a ``Correction``."""
    s, e = _sentence(doc, m)
    what = _subject(_text(entry.get("quoi")), doc, m, (s, e))
    q = Quantity(value=m.value, high=m.high, unit=m.unit, qualifier=m.qualifier,
                 quote=_pinning_quote(doc, m, (s, e)))  # fmt: skip
    return QuantitativeClaim(
        id=key,
        summary=what,
        subject=what,
        quantity=q,
        evidence=Evidence(quote=doc.text[s:e], start=s),  # where it is: a repeated sentence
        attribution=_attribution(_text(entry.get("qui")), doc, m),
    )


def _other_claim(entry: Any, doc: Document) -> BaseClaim | None:
    if not isinstance(entry, dict) or not isinstance(entry.get("citation"), str):
        return None
    quote = " ".join(entry["citation"].split())
    if not quote:
        return None
    kind = entry.get("type")
    common: dict[str, Any] = {
        "evidence": Evidence(quote=quote),
        "attribution": _attribution(_text(entry.get("qui")), doc, None),
        "status": _status(str(kind)),
    }
    if kind == "forecast":
        return ForecastClaim(what=quote, **common)
    if kind == "event":
        return EventClaim(summary=quote, **common)
    return StatementClaim(content=quote, **common)


def build_claims(raw: dict[str, Any], doc: Document, window: tuple[int, int]) -> list[BaseClaim]:
    """Claims from a keyed answer: one per answered id of ``window`` (its ``id`` is the amount
    id), the claims without amounts, and contradictions between answered ids."""
    mentions = amount_ids(doc)
    inside = set(_ids_in(mentions, window))
    claims: list[BaseClaim] = [
        _amount_claim(key, mentions[key], entry, doc)
        for key, entry in raw.items()
        if key in inside and isinstance(entry, dict)
    ]
    by_id = {c.id: c for c in claims}
    others = raw.get("autres")
    for entry in others[:MAX_OTHERS] if isinstance(others, list) else []:
        claim = _other_claim(entry, doc)
        if claim is not None:
            claims.append(claim)
    pairs = raw.get("contradictions")
    for pair in pairs[:MAX_CONTRADICTIONS] if isinstance(pairs, list) else []:
        if not isinstance(pair, list) or len(pair) != 2:
            continue
        a, b = (by_id.get(k) if isinstance(k, str) else None for k in pair)
        if a is None or b is None or a is b:
            continue
        claims.append(
            ContradictionClaim(
                claim_ids=[a.id, b.id],
                point=b.summary or a.summary or "chiffres contradictoires",
                evidence=b.evidence.model_copy(),
                attribution=b.attribution.model_copy(),
            )
        )
    return claims


def keyed_call(
    doc: Document,
    window: tuple[int, int],
    ids: Sequence[str],
    options: ExtractOptions,
    endpoint: Endpoint,
    prompt: Prompt,
    *,
    reask: bool = False,
) -> Call:
    """One keyed request: the chunk marked by id (a re-ask: only the sentences of ``ids``) and a
    grammar enumerating ``ids``. instructor never re-asks it (``max_retries=0``): the core asks
    again for the missing ids only."""
    budget = TOKENS_PER_ID * len(ids) + (64 if reask else TOKENS_FOR_THE_REST)
    kwargs: dict[str, Any] = {
        "model": endpoint.model,
        "messages": [
            {"role": "system", "content": prompt.text},
            {
                "role": "user",
                "content": keyed_message(doc, window, ids, excerpt=reask, hints=options.grammar),
            },
        ],
        "response_model": KeyedAnswer,
        "max_retries": 0,
        "temperature": options.temperature,
        "max_tokens": min(options.max_tokens, budget),
    }
    # with grammar on, an amount whose asserter grammar decides is asked only what it counts
    mentions = amount_ids(doc)
    known = [k for k in ids if asserter_decided(doc, mentions[k])] if options.grammar else []
    schema = answer_schema(ids, options.claim_types, known=known, others=not reask)
    extra = extra_body(endpoint.kind, schema)
    if extra is not None:
        kwargs["extra_body"] = extra
    return Call(KeyedAnswer, kwargs, ChunkScope(doc, window, options.derive))


def keyed_chunks(
    doc: Document,
    options: ExtractOptions,
    endpoint: Endpoint,
    prompt: Prompt,
    warnings: list[str],
) -> Generator[Call, Answer, tuple[list[list[BaseClaim]], int]]:
    """One call per chunk, then (``max_reasks`` > 0) one for the ids it did not answer.

    Returns each chunk's claims and the count of re-asks; a server error is raised, an answer
    that was not usable JSON counts as no answer (its ids are asked again).
    """
    chunks = doc.chunks(options.chunk_chars)
    mentions = amount_ids(doc)
    per_chunk: list[list[BaseClaim]] = []
    reasks = 0
    for index, chunk in enumerate(chunks):
        window = (chunk.start, chunk.end)
        asked = _ids_in(mentions, window)
        claims: list[BaseClaim] = []
        missing = asked
        for attempt in range(1 + min(options.max_reasks, 1)):
            if attempt and not missing:
                break
            reasks += attempt
            answer = yield keyed_call(doc, window, missing, options, endpoint, prompt,
                                      reask=bool(attempt))  # fmt: skip
            if isinstance(answer, Exception):
                error = server_error(answer, endpoint.server)
                if error is not None:
                    raise error from None
                answer = []
            claims += answer
            done = {c.id for c in claims}
            missing = [k for k in missing if k not in done]
        if missing:
            warnings.append(
                f"chunk {index + 1}/{len(chunks)}: no usable answer for amount(s) "
                f"{', '.join(missing)}; they stay uncovered"
            )
        per_chunk.append(claims)
    return per_chunk, reasks
