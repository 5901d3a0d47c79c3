"""Key terms of a model answer, and what in a typed answer says each of them.

Key terms are the model answer's significant words and code identifiers
(backticked spans, dotted and snake_case names, CamelCase, ``Flask-Xxx``
extensions), without stop words, stemmed and deduplicated. A term is said by an
answer through its stem, a compound written apart or together (``auto-escaping`` /
``autoescaping``), a small typo (edit distance 1 from 5 letters, 2 from 8), a
synonym or abbreviation (``db``/``database``, ``flaskprep.words.synonyms``), an
identifier's parts said as words (``current app``), or, for a plain word, a near
meaning (``pieces`` for ``components``, ``flaskprep.words.related``; see ``grading``).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from flaskprep.words.inflections import base_form
from flaskprep.words.spelling import osa_distance
from flaskprep.words.stems import stem
from flaskprep.words.stopwords import STOP_WORDS
from flaskprep.words.synonyms import PHRASES, canonical
from flaskprep.words.tokens import CAMEL_PART, fold
from flaskprep.words.weights import RARE, weight

TermKind = Literal["identifier", "name", "word"]

GRADING_STOP_WORDS = STOP_WORDS | frozenset(
    """use used uses using like eg ie one ones allow allows allowing make makes
    instead really basically think mean kind sort stuff something e g provide provides
    mention relevant various""".split()  # noqa: SIM905
)

# Parts every identifier shares: ``app.test_client`` is said by "test client".
_GENERIC_PARTS = frozenset({"applic"})

_CODE_SPAN = re.compile(r"`([^`]*)`")
_DIGITS = re.compile(r"\D+")
_FENCE_INFO = re.compile(r"^([ \t]*(?:`{3,}|~{3,}))[^\n`]*$", re.MULTILINE)
_PLACEHOLDER = re.compile(r"(?<=\S\s)<[A-Za-z][\w-]*>")
"""A placeholder after a command (``git checkout -b <branch>``): what the user fills in,
no key term. Alone in its span (``<div>``) it is a name."""
_RAW_TOKEN = re.compile(r"[A-Za-z_][\w’']*(?:[.\-][A-Za-z0-9_][\w]*)*|\d{2,}")
_SUB_WORD = CAMEL_PART  # the one camel-case pattern (words.tokens)
_CAMEL = re.compile(r"[a-z][A-Z]|[A-Z]{2,}[a-z]")
NON_ALNUM = re.compile(r"[\W_]+")
_POSSESSIVE = re.compile(r"['’]s?$")
_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s")
_ACRONYM = re.compile(r"[A-Z]{2,5}s?")
_SENTENCE_END = frozenset(".!?:;")


@dataclass(frozen=True, slots=True)
class KeyTerm:
    text: str
    """The term as it first appears in the model answer."""
    form: str
    """Its normal form: a word's stem, or an identifier's lowercase letters and digits
    (``currentapp``); what grading, idf tables and cloze blanks compare."""
    kind: TermKind
    parts: tuple[str, ...]
    """Stems of an identifier's sub-words (``current``, ``app``); ``(form,)`` for a word."""


@dataclass(frozen=True, slots=True)
class Token:
    surface: str
    kind: TermKind
    sub_words: tuple[str, ...]
    pinned: bool = False
    """A code span of its own (`` `is` ``, `` `WHERE` ``): a term even if a stop word."""


@dataclass(frozen=True, slots=True)
class AnswerView:
    stems: dict[str, str]
    """Each stem (and phrase) of the answer -> the answer's word that gave it."""
    joined: dict[str, str]
    """Compounds and adjacent words run together (``autoescaping``) -> the answer's text."""
    by_initial: dict[str, frozenset[str]]
    """Stems, words and compounds of the answer by first letter, for typo matching."""
    token_count: int
    stop_count: int
    words: tuple[str, ...] = ()
    """The answer's lowercase words in order (phrases such as ``call off`` are read from it)."""


def key_terms(model_answer: str) -> list[KeyTerm]:
    """The significant words and identifiers of ``model_answer``, in order, deduplicated."""
    return list(cached_key_terms(model_answer))


@lru_cache(maxsize=4096)
def cached_key_terms(model_answer: str) -> tuple[KeyTerm, ...]:
    tokens = scan(model_answer)
    terms: dict[str, KeyTerm] = {}
    for token in tokens:
        term = _term_of(token)
        if term is None or term.form in terms:
            continue
        terms[term.form] = _spelled_out(term, tokens) if _ACRONYM.fullmatch(term.text) else term
    return tuple(terms.values())


def _spelled_out(term: KeyTerm, tokens: list[Token]) -> KeyTerm:
    """``GD`` in a model answer that says ``gradient descent``: said by either."""
    words = [w for token in tokens for w in token.sub_words if w and w not in STOP_WORDS]
    letters = term.text.rstrip("s").lower()
    for start in range(len(words) - len(letters) + 1):
        run = words[start : start + len(letters)]
        if "".join(w[0] for w in run) == letters:
            return KeyTerm(term.text, term.form, term.kind, tuple(word_form(w) for w in run))
    return term


def _term_of(token: Token) -> KeyTerm | None:
    words = [w for w in token.sub_words if w]
    if len(words) > 1:  # an identifier, or a compound such as ``auto-escaping``
        form = NON_ALNUM.sub("", token.surface).lower()
        return KeyTerm(token.surface, form, token.kind, tuple(word_form(w) for w in words))
    word = words[0] if words else ""
    if (word in GRADING_STOP_WORDS and not token.pinned) or (
        len(word) < 2 and token.kind != "identifier"
    ):
        return None
    form = word_form(word)
    return KeyTerm(token.surface, form, token.kind, (form,))


def scan(text: str) -> list[Token]:
    tokens: list[Token] = []
    position = 0
    text = _FENCE_INFO.sub(r"\1", text)  # "```python": the language names no term
    for span in _CODE_SPAN.finditer(text):
        tokens.extend(_scan_prose(text, position, span.start()))
        code = _PLACEHOLDER.sub(" ", span.group(1))
        raw = [m.group() for m in _RAW_TOKEN.finditer(code) if not _short_flag(code, m)]
        tokens.extend(_code_token(r, pinned=len(raw) == 1) for r in raw)
        position = span.end()
    tokens.extend(_scan_prose(text, position, len(text)))
    return tokens


def _short_flag(code: str, match: re.Match[str]) -> bool:
    """A one-letter command-line flag (``-c`` of ``git switch -c name``): no key term."""
    start = match.start()
    return len(match.group()) == 1 and start > 0 and code[start - 1] == "-"


def _scan_prose(text: str, start: int, end: int) -> list[Token]:
    tokens: list[Token] = []
    for match in _RAW_TOKEN.finditer(text, start, end):
        raw = match.group()
        if "." in raw and all(len(p) <= 1 for p in raw.split(".")):
            continue  # "e.g"
        if "-" in raw and not _is_extension_name(raw):
            tokens.append(Token(raw, "word", tuple(fold(p) for p in raw.split("-") if p)))
            continue
        tokens.append(_prose_token(raw, _at_sentence_start(text, match.start())))
    return tokens


@lru_cache(maxsize=16384)
def _prose_token(raw: str, sentence_start: bool) -> Token:
    raw = _POSSESSIVE.sub("", raw)
    if _PLURAL_ACRONYM.fullmatch(raw):
        return Token(raw, "name", (fold(raw),))
    if "." in raw or "-" in raw or "_" in raw or _CAMEL.search(raw):
        return _code_token(raw)
    word = fold(raw)
    if raw.isupper() and len(raw) >= 2 and not _emphasis(word):
        return Token(raw, "name", (word,))
    kind: TermKind = "name" if raw[0].isupper() and not sentence_start else "word"
    return Token(raw, kind, (word,))


def _emphasis(word: str) -> bool:
    """``ALL``, ``ONLY``, ``SUBSET``: an English word in capitals is stressed, not an acronym."""
    return len(word) >= 4 and weight(word) < RARE


def _code_token(raw: str, *, pinned: bool = False) -> Token:
    return Token(raw, "identifier", tuple(fold(w) for w in _SUB_WORD.findall(raw)), pinned)


def _is_extension_name(raw: str) -> bool:
    parts = raw.split("-")
    return all(p[:1].isupper() for p in parts if p) or "flask" in (p.lower() for p in parts)


def _at_sentence_start(text: str, index: int) -> bool:
    """After a sentence's end, or first on its line after any bullet, number, emoji or
    emphasis ("* ✅ Yes, …", "1. Ensures …")."""
    before = text[max(0, index - 16) : index]
    kept = before.rstrip(" \t*_(\"'“")
    if not kept or kept[-1] in _SENTENCE_END or kept[-1] == "\n":
        return True
    opening = before.rsplit("\n", 1)[-1] if "\n" in before or index <= 16 else None
    return opening is not None and not any(char.isalpha() for char in opening)


@lru_cache(maxsize=16384)
def word_form(word: str) -> str:
    """Stem of ``word`` after its synonym group (``db`` -> ``databas``), an irregular form
    taken to its base word first (``caught`` -> ``catch``)."""
    return stem(canonical(base_form(word)))


def read_answer(answer: str) -> AnswerView:
    tokens = scan(answer)
    words = [w for token in tokens for w in token.sub_words if w]
    stems: dict[str, str] = {}
    for w in words:
        stems.setdefault(word_form(w), w)
    for phrase, said in _phrases(words):
        stems.setdefault(word_form(phrase), said)
    compounds = {NON_ALNUM.sub("", t.surface).lower(): t.surface for t in tokens}
    joined = dict(compounds)
    for size in (2, 3):
        for i in range(len(words) - size + 1):
            joined.setdefault("".join(words[i : i + size]), " ".join(words[i : i + size]))
    stop_count = sum(1 for w in words if w in GRADING_STOP_WORDS)
    by_initial: dict[str, set[str]] = {}
    for candidate in (*stems, *words, *compounds):
        by_initial.setdefault(candidate[:1], set()).add(candidate)
    frozen = {initial: frozenset(found) for initial, found in by_initial.items()}
    return AnswerView(stems, joined, frozen, len(words), stop_count, tuple(words))


def _phrases(words: list[str]) -> list[tuple[str, str]]:
    by_first = _phrases_by_first_word()
    found: list[tuple[str, str]] = []
    for i, word in enumerate(words):
        for phrase, replacement in by_first.get(word, ()):
            if tuple(words[i : i + len(phrase)]) == phrase:
                found.append((replacement, " ".join(phrase)))
    return found


@lru_cache(maxsize=1)
def _phrases_by_first_word() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for phrase, replacement in PHRASES.items():
        index.setdefault(phrase[0], []).append((phrase, replacement))
    return index


def said_by(term: KeyTerm, view: AnswerView) -> str | None:
    """The answer's words that say ``term`` exactly (stem, compound, typo, synonym)."""
    found = view.stems.get(term.form) or view.joined.get(term.form)
    if found:
        return found
    if len(term.parts) == 1:
        return _near_any(term.form, view) or _near_any(fold(term.text), view)
    return _near_any(term.form, view) or _last_segment_said(term, view) or _parts_said(term, view)


def term_matches(term: KeyTerm, text: str) -> bool:
    """Whether ``text`` (a typed word or phrase) says ``term``; cloze questions use this."""
    return said_by(term, read_answer(text)) is not None


def _parts_said(term: KeyTerm, view: AnswerView) -> str | None:
    """Two-part names need both parts; longer ones their specific parts and two thirds."""
    said = [view.stems.get(part) or _near_any(part, view) for part in term.parts]
    hits = [s for s in said if s]
    if len(term.parts) <= 2:
        return " ".join(hits) if len(hits) == len(said) else None
    specific = [s for part, s in zip(term.parts, said, strict=True) if part not in _GENERIC_PARTS]
    if all(specific) and len(hits) >= math.ceil(len(term.parts) * 2 / 3):
        return " ".join(hits)
    return None


def _last_segment_said(term: KeyTerm, view: AnswerView) -> str | None:
    """``werkzeug.utils.secure_filename`` is said by ``secure_filename``."""
    last = term.text.rsplit(".", 1)[-1]
    if last == term.text or not ("_" in last or _CAMEL.search(last)):
        return None
    return view.joined.get(NON_ALNUM.sub("", last).lower())


def _near_any(word: str, view: AnswerView) -> str | None:
    """Something in the answer within the typo allowance of ``word`` (same first letter,
    same digits: ``eu-west-2`` is another region, not a typo of ``eu-west-1``)."""
    limit = 2 if len(word) >= 8 else 1 if len(word) >= 5 else 0
    if limit == 0:
        return None
    for candidate in sorted(view.by_initial.get(word[0], ())):
        if (
            abs(len(candidate) - len(word)) <= limit
            and same_digits(word, candidate)
            and osa_distance(word, candidate, limit) <= limit
        ):
            return view.stems.get(candidate) or view.joined.get(candidate) or candidate
    return None


COMMAND_FLAG = re.compile(r"(?:^|\s)--?[A-Za-z]|\w\(|[\[\]{}=;]")
"""An answer with a command-line flag (``git checkout -b x``) or code syntax (a call,
brackets, ``=``) is a command or code, not a keyword list."""


def is_keyword_list(view: AnswerView, answer: str) -> bool:
    """Four words or more with almost no function words between them, and no command or
    code (``git checkout -b x``, ``reverse(s)``)."""
    listed = view.token_count >= 4 and view.stop_count <= 0.12 * view.token_count
    return listed and not COMMAND_FLAG.search(answer)


def same_digits(a: str, b: str) -> bool:
    """Whether two names carry the same digits: ``eu-west-2`` is not ``eu-west-1``."""
    return _DIGITS.sub("", a) == _DIGITS.sub("", b)
