"""Which terms of an answer a cloze card blanks: what an interviewer would ask for.

Candidates, best first: inline code spans and code identifiers (``url_for``,
``app.config``, ``SQLAlchemy``, ``Jinja2``), library and extension names
(``Flask-Migrate``, ``Alembic``), multi-word technical terms (two content words
that occur together in more than one card of the deck, such as ``application
factory``), and rare technical words. Never a common English word (by general word
frequency), never a word the deck uses everywhere, never a word the question itself
says, never inside a string literal or comment of a code block; inside an "(or ...)"
aside, only at half its score. One blank per 30
words of answer, from 1 to 3; no good term means no cloze (the card is asked in
another mode).
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from typing import Protocol

from flaskprep.alternatives import ALTERNATIVE, aside_spans
from flaskprep.grading import KeyTerm, term_matches
from flaskprep.model import Question
from flaskprep.words.stems import stem
from flaskprep.words.stopwords import STOP_WORDS
from flaskprep.words.tokens import fold, tokenize


class DeckWords(Protocol):
    def rarity(self, word: str) -> float:
        """How rare a word is in general English: 0 for a common word, up to 1."""

    def deck_talk(self, word: str) -> bool:
        """Whether the deck says the word (any form) in many cards: its common talk."""

    def weight(self, word: str) -> float:
        """How much a word says in general (common words little), 0 to 1."""

    def recurring(self, first: str, second: str) -> bool:
        """Whether two adjacent words occur together in more than one card."""


MIN_SCORE = 1.0
WORDS_PER_BLANK = 30
MAX_BLANKS = 3
COMMON_WORD = 0.9
"""Plain words rarer than this (general frequency) may be blanked."""
ASIDE_SHARE = 0.5
"""Score kept by a term inside an "(or ...)" aside: another way to say what the answer
says, blanked only when the answer's own terms are poor."""
PAIR_WORD_WEIGHT = 0.3
"""Each word of a multi-word term says something (not ``one branch``, ``different types``)."""

_NOISE = re.compile(
    r"https?://\S+|www\.\S+|\]\([^)]*\)|!\[[^\]]*\]|<[^>\n]*>|&\w+;|^#{1,6} .*$", re.M
)
"""Links, images, HTML tags and entities, headings inside an answer: never blanked."""
_FENCE = re.compile(r"^(```|~~~).*?^\1", re.S | re.M)
_CODE_SPAN = re.compile(r"`([^`\n]{2,40})`")
_STRING_OR_COMMENT = re.compile(r"\"[^\"\n]*\"|'[^'\n]*'|#[^\n]*")
_TOKEN = re.compile(r"(?<![\w.\-])[A-Za-z_]\w*(?:[.\-][A-Za-z0-9_]\w*)*")
_FILE_NAME = re.compile(
    r"\w+\.(?:css|html?|js|py|txt|md|json|ya?ml|cfg|ini|png|jpe?g|gif|svg)$", re.I
)
_HEX = re.compile(r"[0-9a-f]*\d[0-9a-f]*", re.I)
_LINE_START = re.compile(r"(?:^|\n)[ \t]*(?:[-*+]|\d+[.)])?[ \t*_]*$")
_CAMEL = re.compile(r"[a-z][A-Z]|[A-Z]{2,}[a-z]|[A-Za-z]\d|\d[A-Za-z]")
_SENTENCE_END = frozenset(".!?:;")
_VERB_ENDINGS = ("ly", "ify", "ifies", "ifying", "izing", "ising", "ating")
"""Adverbs and verbs of manner (``simplifying``, ``specify``): how, never what, is asked."""
_CODE_WORDS = frozenset(
    """def class return import from as if else elif for in while try except with
    self none true false and or not is lambda pass raise yield async await print""".split()  # noqa: SIM905
)


@dataclass(frozen=True, slots=True)
class Blank:
    start: int
    end: int
    term: KeyTerm
    score: float


def choose_blanks(question: Question, rng: random.Random, deck_words: DeckWords) -> list[Blank]:
    """1-3 blanks on the answer's key terms, in text order; ``[]`` when none is good."""
    candidates = [c for c in candidate_blanks(question, deck_words) if c.score >= MIN_SCORE]
    words = len(question.answer.split())
    wanted = max(1, min(MAX_BLANKS, round(words / WORDS_PER_BLANK)))
    ranked = sorted(candidates, key=lambda c: -(c.score + rng.random() * 0.3))
    chosen: list[Blank] = []
    forms: set[str] = set()
    for blank in ranked:
        if blank.term.form in forms or any(_clash(blank, other) for other in chosen):
            continue
        chosen.append(blank)
        forms.add(blank.term.form)
        if len(chosen) == wanted:
            break
    return sorted(chosen, key=lambda b: b.start)


def candidate_blanks(question: Question, deck_words: DeckWords) -> list[Blank]:
    """Every place in the answer a blank could go, scored (first occurrence of each term)."""
    answer = question.answer
    asked = {stem(w) for w in tokenize(question.text)} | set(tokenize(question.text))
    asides = aside_spans(answer, (ALTERNATIVE,))
    found: dict[str, Blank] = {}
    for start, end, kind in _spans(answer):
        surface = answer[start:end]
        words = [w for w in tokenize(surface) if w]
        if not words or all(w in asked or stem(w) in asked for w in words):
            continue
        score = _score(surface, words, kind, deck_words)
        if any(a <= start < b for a, b in asides):
            score *= ASIDE_SHARE
        term = _term(surface, words, kind)
        if term.form not in found or found[term.form].score < score:
            found.setdefault(term.form, Blank(start, end, term, score))
    return sorted(found.values(), key=lambda b: b.start)


def _spans(answer: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of code spans, code tokens, prose tokens and word pairs."""
    spans: list[tuple[int, int, str]] = []
    fenced = [(m.start(), m.end()) for m in _FENCE.finditer(answer)]
    for start, end in fenced:
        masked = _STRING_OR_COMMENT.sub(lambda m: " " * len(m.group()), answer[start:end])
        for m in _TOKEN.finditer(masked):
            if m.group().lower() not in _CODE_WORDS and not _FILE_NAME.fullmatch(m.group()):
                kind = "code" if _looks_like_code(m.group()) else "word"
                spans.append((start + m.start(), start + m.end(), kind))
    prose = _NOISE.sub(lambda m: " " * len(m.group()), answer)
    for start, end in fenced:
        prose = prose[:start] + " " * (end - start) + prose[end:]
    for m in _CODE_SPAN.finditer(prose):
        inner = m.group(1).strip()
        if inner and not ("'" in inner or '"' in inner) and inner.count(" ") <= 2:
            spans.append((m.start(1), m.end(1), "code"))
        prose = prose[: m.start()] + " " * len(m.group()) + prose[m.end() :]
    previous: re.Match[str] | None = None
    for m in _TOKEN.finditer(prose):
        spans.append((m.start(), m.end(), _prose_kind(m.group(), prose, m.start())))
        if previous is not None and prose[previous.end() : m.start()] == " ":
            spans.append((previous.start(), m.end(), "pair"))
        previous = m
    return spans


def _looks_like_code(token: str) -> bool:
    if _HEX.fullmatch(token):
        return False  # a commit hash or a number, not a name
    return "_" in token or "." in token or "-" in token or bool(_CAMEL.search(token))


def _prose_kind(token: str, text: str, index: int) -> str:
    if "_" in token or "." in token.strip(".") or _CAMEL.search(token):
        return "identifier"
    if "-" in token and all(p[:1].isupper() for p in token.split("-") if p):
        return "name"
    if "-" in token and token.islower() and all(len(p) >= 2 for p in token.split("-")):
        return "compound"
    if token.isupper() and len(token) >= 2:
        return "acronym"
    before = text[max(0, index - 8) : index].rstrip(" \t\n*_(\"'“")
    line_start = _LINE_START.search(text, max(0, index - 12), index) is not None or not before
    if token[0].isupper() and not line_start and before[-1] not in _SENTENCE_END:
        return "name" if token[1:].islower() else "word"
    return "word"


def _score(surface: str, words: list[str], kind: str, deck_words: DeckWords) -> float:
    content = [w for w in words if w not in STOP_WORDS]
    if not content:
        return 0.0
    rarity = deck_words.rarity
    rare = max(rarity(w) for w in content)
    if kind == "code":
        return 3.0 if len(surface) <= 30 else 1.5
    if kind == "identifier":
        return 2.8
    if kind in ("name", "acronym"):
        return 2.5 if rare >= COMMON_WORD else 0.0
    if kind == "compound":
        joined = surface.replace("-", "")
        return 2.2 if len(joined) >= 6 and rarity(joined) >= COMMON_WORD else 0.0
    if kind == "pair":
        if len(content) < 2 or "-" in surface or not deck_words.recurring(*content[:2]):
            return 0.0
        if min(deck_words.weight(w) for w in content) < PAIR_WORD_WEIGHT:
            return 0.0
        return 2.2 if rare >= COMMON_WORD else 1.6
    if rare < COMMON_WORD or len(surface) < 4 or surface.lower().endswith(_VERB_ENDINGS):
        return 0.0
    return 0.0 if deck_words.deck_talk(content[0]) else 2.0


def _term(surface: str, words: list[str], kind: str) -> KeyTerm:
    form = "".join(fold(w) for w in words)
    parts = tuple(stem(w) for w in words if w not in STOP_WORDS) or (form,)
    if len(parts) == 1 and kind in ("word", "name", "acronym"):
        return KeyTerm(surface, parts[0], "word" if kind == "word" else "name", parts)
    return KeyTerm(surface, form, "identifier", parts)


def _clash(a: Blank, b: Blank) -> bool:
    return a.start < b.end and b.start < a.end


def cloze_correct(terms: tuple[KeyTerm, ...], typed: str) -> bool:
    """Every blank's term is in ``typed`` (small typos tolerated by the grader, and the
    singular or plural of the blank's word: ``API`` fills ``APIs``)."""
    parts = [p for p in re.split(r"[,;]|\s{2,}", typed) if p.strip()]
    if len(terms) > 1 and len(parts) == len(terms):
        return all(_fills(t, p) for t, p in zip(terms, parts, strict=True))
    return all(_fills(t, typed) for t in terms)


def _fills(term: KeyTerm, typed: str) -> bool:
    if term_matches(term, typed):
        return True
    said = _letters(typed).rstrip("s")
    return bool(said) and said in {_letters(form).rstrip("s") for form in _forms(term.text)}


def _forms(blank: str) -> set[str]:
    """What names a blank of code: as written, without ``@`` and a call's arguments
    (``@app.errorhandler(code)`` -> ``app.errorhandler``), and that name's last part
    (``errorhandler``) when it is not a short, common one."""
    name = _CALL.sub("", blank.strip()).lstrip("@")
    last = name.rsplit(".", 1)[-1]
    return {blank, name, last} if len(last) >= _OWN_NAME else {blank, name}


def _letters(text: str) -> str:
    return _ALNUM_RUN.sub("", text).casefold()


_ALNUM_RUN = re.compile(r"[^0-9A-Za-z]+")
_CALL = re.compile(r"\(.*\)$")
_OWN_NAME = 6
"""A last name part this long says the blank on its own (``errorhandler``; not ``get``)."""
