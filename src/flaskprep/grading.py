"""Grade a typed answer against the model answer.

Key terms are the model answer's significant words and code identifiers
(backticked spans, dotted and snake_case names, CamelCase, ``Flask-Xxx``
extensions), without stop words, stemmed and deduplicated. The score is the
weighted recall of those terms in the answer: identifiers weigh 2, names
(acronyms, capitalised tool names) 1.5, other words 1, each multiplied by the
term's IDF over the deck's answers when an ``idf`` table is given, so words that
every answer uses count for little. A term matches through its stem, a small
typo (edit distance 1 from 5 letters, 2 from 8), a synonym or abbreviation
(``db``/``database``, ``env vars``/``environment variables``), and an
identifier also when its parts are said as words (``current app``). Answers that
are bare lists of keywords lose 15%, and answers stuffed far beyond the model
answer's length lose more. The model answer itself scores exactly 1.0.

Pure, and fast: a model answer's terms are computed once and cached.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from flaskprep.words.spelling import osa_distance
from flaskprep.words.stems import stem
from flaskprep.words.stopwords import STOP_WORDS
from flaskprep.words.synonyms import PHRASES, canonical
from flaskprep.words.tokens import fold, normalise

TermKind = Literal["identifier", "name", "word"]
KIND_WEIGHT: dict[TermKind, float] = {"identifier": 2.0, "name": 1.5, "word": 1.0}
KEYWORD_LIST_PENALTY = 0.85

_GRADING_STOP_WORDS = STOP_WORDS | frozenset(
    """flask use used uses using like eg ie one ones allow allows allowing make makes
    instead really basically think mean kind sort stuff something e g provide provides
    mention relevant various""".split()  # noqa: SIM905
)

# Generic verbs and fillers that glue a model answer together ("built on",
# "focusing on", "keeping links DRY"): still key terms, but a third of the weight,
# so a short answer naming the real ideas is not marked down for skipping them.
LOW_CONTENT_WEIGHT = 0.3
_LOW_CONTENT = frozenset(
    stem(word)
    for word in """built build builds focusing focus focuses keeping keep keeps updating update
    updates generates generate generated combined combine simplify simplifies simplifying
    offers offer offering ensure ensures ensuring enable enables enabling support supports
    supporting manage manages managing run runs running based lets let help helps
    helping add adds adding apply applies applying define defines defining store stores
    storing return returns returning""".split()  # noqa: SIM905
)

# Parts every identifier shares: ``app.test_client`` is said by "test client".
_GENERIC_PARTS = frozenset({"applic", "flask"})

_CODE_SPAN = re.compile(r"`([^`]*)`")
_RAW_TOKEN = re.compile(r"[A-Za-z_][\w’']*(?:[.\-][A-Za-z0-9_][\w]*)*|\d{2,}")
_SUB_WORD = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+")
_CAMEL = re.compile(r"[a-z][A-Z]|[A-Z]{2,}[a-z]")
_NON_ALNUM = re.compile(r"[\W_]+")
_POSSESSIVE = re.compile(r"['’]s?$")
_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s")
_SENTENCE_END = frozenset(".!?:;")


@dataclass(frozen=True, slots=True)
class KeyTerm:
    text: str
    """The term as it first appears in the model answer."""
    key: str
    """Stem of a word, or an identifier's lowercase letters and digits (``currentapp``)."""
    kind: TermKind
    parts: tuple[str, ...]
    """Stems of an identifier's sub-words (``current``, ``app``); ``(key,)`` for a word."""


@dataclass(frozen=True, slots=True)
class Grade:
    score: float
    """0.0 (nothing of the model answer) to 1.0 (every key term)."""
    matched: tuple[str, ...]
    missing: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Token:
    surface: str
    kind: TermKind
    sub_words: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _AnswerView:
    stems: frozenset[str]
    joined: frozenset[str]
    by_initial: dict[str, frozenset[str]]
    """Stems, words and compounds of the answer by first letter, for typo matching."""
    token_count: int
    stop_count: int


def grade(answer: str, model_answer: str, idf: Mapping[str, float] | None = None) -> Grade:
    """Score ``answer`` against ``model_answer``: weighted recall of its key terms."""
    terms = _key_terms(model_answer)
    if not terms or not answer.strip():
        return Grade(0.0, (), tuple(t.text for t in terms))
    if normalise(answer) == normalise(model_answer):
        return Grade(1.0, tuple(t.text for t in terms), ())
    view = _read_answer(answer)
    hits = [_term_matches(term, view) for term in terms]
    fallback = max(idf.values(), default=1.0) if idf else 1.0
    weights = [_weight(term, idf, fallback) for term in terms]
    recall = sum(w for w, hit in zip(weights, hits, strict=True) if hit) / sum(weights)
    score = min(1.0, max(0.0, recall * _penalty(view, len(terms))))
    matched = tuple(t.text for t, hit in zip(terms, hits, strict=True) if hit)
    missing = tuple(t.text for t, hit in zip(terms, hits, strict=True) if not hit)
    return Grade(round(score, 4), matched, missing)


def key_terms(model_answer: str) -> list[KeyTerm]:
    """The significant words and identifiers of ``model_answer``, in order, deduplicated."""
    return list(_key_terms(model_answer))


def idf_table(model_answers: Iterable[str]) -> dict[str, float]:
    """Smoothed inverse document frequency of every key term over a deck's answers."""
    counts: dict[str, int] = {}
    total = 0
    for answer in model_answers:
        total += 1
        for key in {term.key for term in _key_terms(answer)}:
            counts[key] = counts.get(key, 0) + 1
    return {key: 1.0 + math.log((total + 1) / (df + 1)) for key, df in counts.items()}


def term_matches(term: KeyTerm, text: str) -> bool:
    """Whether ``text`` (a typed word or phrase) says ``term``; cloze questions use this."""
    return _term_matches(term, _read_answer(text))


@lru_cache(maxsize=4096)
def _key_terms(model_answer: str) -> tuple[KeyTerm, ...]:
    terms: dict[str, KeyTerm] = {}
    for token in _scan(model_answer):
        term = _term_of(token)
        if term is None or term.key in terms:
            continue
        terms[term.key] = term
    return tuple(terms.values())


def _term_of(token: _Token) -> KeyTerm | None:
    words = [w for w in token.sub_words if w]
    if token.kind == "identifier" and len(words) > 1:
        key = _NON_ALNUM.sub("", token.surface).lower()
        return KeyTerm(token.surface, key, "identifier", tuple(_word_key(w) for w in words))
    word = words[0] if words else ""
    if word in _GRADING_STOP_WORDS or (len(word) < 2 and token.kind != "identifier"):
        return None
    key = _word_key(word)
    return KeyTerm(token.surface, key, token.kind, (key,))


def _scan(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    position = 0
    for span in _CODE_SPAN.finditer(text):
        tokens.extend(_scan_prose(text, position, span.start()))
        tokens.extend(_code_token(m.group()) for m in _RAW_TOKEN.finditer(span.group(1)))
        position = span.end()
    tokens.extend(_scan_prose(text, position, len(text)))
    return tokens


def _scan_prose(text: str, start: int, end: int) -> list[_Token]:
    tokens: list[_Token] = []
    for match in _RAW_TOKEN.finditer(text, start, end):
        raw = match.group()
        if "." in raw and all(len(p) <= 1 for p in raw.split(".")):
            continue  # "e.g"
        if "-" in raw and not _is_extension_name(raw):
            tokens.extend(_Token(p, "word", (fold(p),)) for p in raw.split("-") if p)
            continue
        tokens.append(_prose_token(raw, _at_sentence_start(text, match.start())))
    return tokens


@lru_cache(maxsize=16384)
def _prose_token(raw: str, sentence_start: bool) -> _Token:
    raw = _POSSESSIVE.sub("", raw)
    if _PLURAL_ACRONYM.fullmatch(raw):
        return _Token(raw, "name", (fold(raw),))
    if "." in raw or "-" in raw or "_" in raw or _CAMEL.search(raw):
        return _code_token(raw)
    word = fold(raw)
    if raw.isupper() and len(raw) >= 2:
        return _Token(raw, "name", (word,))
    kind: TermKind = "name" if raw[0].isupper() and not sentence_start else "word"
    return _Token(raw, kind, (word,))


def _code_token(raw: str) -> _Token:
    return _Token(raw, "identifier", tuple(fold(w) for w in _SUB_WORD.findall(raw)))


def _is_extension_name(raw: str) -> bool:
    parts = raw.split("-")
    return all(p[:1].isupper() for p in parts if p) or "flask" in (p.lower() for p in parts)


def _at_sentence_start(text: str, index: int) -> bool:
    before = text[max(0, index - 16) : index].rstrip(" \t\n*_(\"'“")
    return not before or before[-1] in _SENTENCE_END


@lru_cache(maxsize=16384)
def _word_key(word: str) -> str:
    return stem(canonical(word))


def _read_answer(answer: str) -> _AnswerView:
    tokens = _scan(answer)
    words = [w for token in tokens for w in token.sub_words if w]
    stems = {_word_key(w) for w in words}
    stems.update(_word_key(phrase) for phrase in _phrases(words))
    compounds = tuple(_NON_ALNUM.sub("", t.surface).lower() for t in tokens)
    joined = set(compounds)
    for size in (2, 3):
        joined.update("".join(words[i : i + size]) for i in range(len(words) - size + 1))
    stop_count = sum(1 for w in words if w in _GRADING_STOP_WORDS)
    by_initial: dict[str, set[str]] = {}
    for candidate in (*stems, *words, *compounds):
        by_initial.setdefault(candidate[:1], set()).add(candidate)
    frozen = {initial: frozenset(found) for initial, found in by_initial.items()}
    return _AnswerView(frozenset(stems), frozenset(joined), frozen, len(words), stop_count)


def _phrases(words: list[str]) -> list[str]:
    by_first = _phrases_by_first_word()
    found: list[str] = []
    for i, word in enumerate(words):
        for phrase, replacement in by_first.get(word, ()):
            if tuple(words[i : i + len(phrase)]) == phrase:
                found.append(replacement)
    return found


@lru_cache(maxsize=1)
def _phrases_by_first_word() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for phrase, replacement in PHRASES.items():
        index.setdefault(phrase[0], []).append((phrase, replacement))
    return index


def _term_matches(term: KeyTerm, view: _AnswerView) -> bool:
    if term.key in view.stems or term.key in view.joined:
        return True
    if len(term.parts) == 1:
        return _near_any(term.key, view) or _near_any(fold(term.text), view)
    if _near_any(term.key, view) or _last_segment_said(term, view):
        return True
    return _parts_said(term.parts, view)


def _parts_said(parts: tuple[str, ...], view: _AnswerView) -> bool:
    """Two-part names need both parts; longer ones their specific parts and two thirds."""
    said = [part in view.stems or _near_any(part, view) for part in parts]
    if len(parts) <= 2:
        return all(said)
    specific = [hit for part, hit in zip(parts, said, strict=True) if part not in _GENERIC_PARTS]
    return all(specific) and sum(said) >= math.ceil(len(parts) * 2 / 3)


def _last_segment_said(term: KeyTerm, view: _AnswerView) -> bool:
    """``werkzeug.utils.secure_filename`` is said by ``secure_filename``."""
    last = term.text.rsplit(".", 1)[-1]
    if last == term.text or not ("_" in last or _CAMEL.search(last)):
        return False
    return _NON_ALNUM.sub("", last).lower() in view.joined


def _near_any(word: str, view: _AnswerView) -> bool:
    """Something in the answer within the typo allowance of ``word`` (same first letter)."""
    limit = 2 if len(word) >= 8 else 1 if len(word) >= 5 else 0
    if limit == 0:
        return False
    return any(
        abs(len(c) - len(word)) <= limit and osa_distance(word, c, limit) <= limit
        for c in view.by_initial.get(word[0], ())
    )


def _weight(term: KeyTerm, idf: Mapping[str, float] | None, fallback: float) -> float:
    """Kind weight times rarity; a term the table lacks counts as the rarest."""
    rarity = 1.0 if idf is None else idf.get(term.key, fallback)
    generic = LOW_CONTENT_WEIGHT if term.kind == "word" and term.key in _LOW_CONTENT else 1.0
    return KIND_WEIGHT[term.kind] * rarity * generic


def _penalty(view: _AnswerView, term_count: int) -> float:
    factor = 1.0
    if view.token_count >= 6 and view.stop_count < 0.1 * view.token_count:
        factor *= KEYWORD_LIST_PENALTY
    content = view.token_count - view.stop_count
    allowance = max(3 * term_count, term_count + 25)
    if content > allowance:
        factor *= math.sqrt(allowance / content)
    return factor
