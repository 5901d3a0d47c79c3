"""Grade a typed answer against the model answer.

The score weighs recall beside precision of the model answer's key terms
(``answer_terms``): recall is the weighted share of the key terms the answer says
(full at 80%, and at less for a long model answer, which elaborates), precision the
share of the answer's own content words that say one of them, and the score is their
F-measure leaning to recall (F2), so padding an answer with loosely related words costs
credit. A term weighs its kind (identifiers 2, names 1.5, words 1)
times its rarity in the deck (IDF over the deck's answers, when an ``idf`` table is
given) times how informative the word is in general English
(``flaskprep.words.weights``): common words (``many``, ``whereas``) weigh almost
nothing. A plain word said only through a near meaning (``raises`` for ``increases``, a
phrase such as ``call off`` for ``cancel``; ``flaskprep.words.related``) or by a word
its stem opens with (``data`` for ``dataset``, ``modul`` for ``modular``) or a negated
opposite ("never altered" for ``immutable``) earns part of its weight. An "(or ...)"
aside names another way to say what precedes it (``alternatives``): the way the answer
did not take is not required; nor are the terms only an aside in parentheses or an
example ("for example", "such as") says. A bare list of keywords (not a command with
flags) scores Hard at best. When the model answer contrasts two terms and the answer
gives each the other's role, or the answer opens with yes where the model answer opens
with no (``contrast``), the score is capped at 0.05. The model answer itself scores exactly 1.0.

Pure, and fast: a model answer's terms are computed once and cached; the tables of word
weights and near meanings load on the first grade.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from flaskprep.alternatives import optional_forms
from flaskprep.answer_terms import (
    GRADING_STOP_WORDS,
    NON_ALNUM,
    AnswerView,
    KeyTerm,
    TermKind,
    cached_key_terms,
    is_keyword_list,
    key_terms,
    read_answer,
    said_by,
    same_digits,
    term_matches,
    word_form,
)
from flaskprep.contrast import NO_ANSWERS, opposite_polarity, swapped_roles
from flaskprep.words.related import antonyms, neighbours, phrase_key, similarity
from flaskprep.words.stems import same_family
from flaskprep.words.tokens import normalise
from flaskprep.words.weights import weight

__all__ = ["Grade", "KeyTerm", "grade", "idf_table", "key_terms", "term_matches"]

KIND_WEIGHT: dict[TermKind, float] = {"identifier": 2.0, "name": 1.5, "word": 1.0}
KEYWORD_LIST_CAP = 0.55
"""Most a bare list of keywords scores: Hard at best."""
SWAPPED_CAP = 0.05
"""Most an answer that swaps the model's roles or answers yes for no scores: below any
answer that is partly right and contradicts nothing."""
NEAR_MIN = 0.5
"""Least cosine at which a word of the answer says a term of the model in other words."""
NEAR_CREDIT = 0.9
"""Share of a term's weight earned through a near meaning."""
GENERAL_POWER = 1.0
"""Exponent on a word's general weight: above 1, middling words count for less."""
COMMON = 0.1
"""General weight below which a word is too common to be a key term or to pad."""
RECALL_FULL = 0.8
"""Share of the key terms' weight that earns full recall: a model answer says more than one must."""
LONG_ANSWER = 20
"""Key terms beyond which a model answer elaborates (asides, examples, restatements): the
share that earns full recall falls as ``sqrt(LONG_ANSWER / terms)``, so a complete answer
needs about ``0.8 * sqrt(20 * terms)`` of them, not 80% of every one."""
QUESTION_SHARE = 0.3
"""Weight left to a term the question already uses."""
RECALL_LEAN = 0.7
PRECISION_FLOOR = 0.6
"""Precision below which the score is scaled down (padding costs credit)."""
PADDING_NOTICED = 0.05
"""Least credit padding must cost before a grade says so (``Grade.limited_by``)."""
WORD_USES = 2
"""Most terms one word of the answer says in other words."""
FAMILY_MIN = 4
"""Least length of a stem that says a longer stem it opens (``soft`` for ``softlink``)."""
FAMILY_SIMILARITY = NEAR_MIN
NEGATIONS = frozenset(
    """not no never cannot cant nothing none without neither nor isnt arent wasnt werent
    doesnt dont didnt wont hasnt havent hadnt couldnt shouldnt wouldnt""".split()  # noqa: SIM905
)
"""Words that turn the next few into their opposite (apostrophes are dropped: ``cant``)."""
NEGATION_REACH = 3
"""How many words after a negation it reaches ("can never be altered")."""
NEGATIVE_PREFIXES = ("non", "un")


Limit = Literal["padding", "keyword_list", "opposite"]


@dataclass(frozen=True, slots=True)
class Grade:
    score: float
    """0.0 (nothing of the model answer) to 1.0 (every key term)."""
    matched: tuple[str, ...]
    missing: tuple[str, ...]
    """The key terms the answer did not say, the weightiest first."""
    matched_by: tuple[tuple[str, str], ...] = ()
    """For each matched term, the words of the answer that said it."""
    swapped: tuple[str, str] | None = None
    """Two contrasted terms whose roles the answer swapped."""
    limited_by: Limit | None = None
    """What held the score below what the answer's key terms earned: words the model
    answer does not use, a bare list of keywords, or a yes where the model says no (or
    the other way round)."""


def grade(
    answer: str,
    model_answer: str,
    idf: Mapping[str, float] | None = None,
    question: str = "",
) -> Grade:
    """Score ``answer`` against ``model_answer``: F2 of its key terms, roles checked.

    Terms the ``question`` itself uses weigh less: repeating them is not an answer.
    """
    terms = [t for t in cached_key_terms(model_answer) if _general(t) >= COMMON]
    if answer.strip() and normalise(answer) == normalise(model_answer):
        pairs = tuple((t.text, t.text) for t in terms)
        return Grade(1.0, tuple(t.text for t in terms), (), pairs)  # even "Minutes" alone
    if not terms:
        return Grade(0.0, (), ())
    fallback = max(idf.values(), default=1.0) if idf else 1.0
    asked = _question_forms(question)
    weights = [
        _weight(term, idf, fallback) * (QUESTION_SHARE if term.form in asked else 1.0)
        for term in terms
    ]
    if not answer.strip():
        optional = optional_forms(model_answer, lambda form: False)
        unsaid = [(0.0, "")] * len(terms)
        return Grade(0.0, (), _missing(terms, weights, unsaid, optional | asked))
    view = read_answer(answer)
    found = _credits(terms, view)
    said = sum(w * credit for w, (credit, _) in zip(weights, found, strict=True))
    said_forms = {t.form for t, (credit, _) in zip(terms, found, strict=True) if credit}
    optional = optional_forms(model_answer, said_forms.__contains__)
    required = sum(w for w, t in zip(weights, terms, strict=True) if t.form not in optional)
    required_count = sum(1 for t in terms if t.form not in optional)
    recall = min(1.0, said / max(required, 1e-9) / _recall_full(max(required_count, 1)))
    precision = _precision(terms, view, [by for _, by in found])
    score = _f_measure(precision, recall)
    limit: Limit | None = "padding" if recall - score >= PADDING_NOTICED else None
    if is_keyword_list(view, answer) and score > KEYWORD_LIST_CAP:
        score, limit = KEYWORD_LIST_CAP, "keyword_list"
    if opposite_polarity(answer, model_answer):
        score, limit = min(score, SWAPPED_CAP), "opposite"
    swapped = swapped_roles(answer, model_answer, terms)
    if swapped:
        score = min(score, SWAPPED_CAP)
    pairs = tuple((t.text, by) for t, (_, by) in zip(terms, found, strict=True) if by)
    return Grade(
        round(min(1.0, max(0.0, score)), 4),
        tuple(t for t, _ in pairs),
        _missing(terms, weights, found, optional | asked),
        pairs,
        swapped,
        None if swapped else limit,
    )


def idf_table(model_answers: Iterable[str]) -> dict[str, float]:
    """Smoothed inverse document frequency of every key term over a deck's answers."""
    counts: dict[str, int] = {}
    total = 0
    for answer in model_answers:
        total += 1
        for form in {term.form for term in cached_key_terms(answer)}:
            counts[form] = counts.get(form, 0) + 1
    return {form: 1.0 + math.log((total + 1) / (df + 1)) for form, df in counts.items()}


def _missing(
    terms: list[KeyTerm],
    weights: list[float],
    found: list[tuple[float, str]],
    optional: frozenset[str],
) -> tuple[str, ...]:
    """The required terms not said, the weightiest first (``optional`` ones, and those
    the question itself says, left out: "Flask" is no miss of "What is Flask?")."""
    unsaid = [
        (-weight, index, term.text)
        for index, (weight, term, (_, by)) in enumerate(zip(weights, terms, found, strict=True))
        if not by and term.form not in optional
    ]
    return tuple(text for _, _, text in sorted(unsaid))


def _recall_full(term_count: int) -> float:
    """Share of the key terms' weight that earns full recall: 80%, less for long answers."""
    return RECALL_FULL * min(1.0, math.sqrt(LONG_ANSWER / term_count))


def _question_forms(question: str) -> frozenset[str]:
    return frozenset(t.form for t in cached_key_terms(question)) if question else frozenset()


def _credits(terms: list[KeyTerm], view: AnswerView) -> list[tuple[float, str]]:
    """Each term's credit (1, a near meaning's share, or 0) and what in the answer said it.

    A word of the answer says at most ``WORD_USES`` terms in other words, the closest
    pairs matched first: a model answer may restate one idea in two words (``modify``,
    ``behaviors``; "changes"), but one loosely related word is no answer to many.
    """
    exact = [said_by(term, view) for term in terms]
    spare = _spare_words(terms, view)
    pairs = sorted(
        (-alike, index, word)
        for index, (term, said) in enumerate(zip(terms, exact, strict=True))
        if not said and term.kind != "identifier"
        for word, alike in _near_words(term, spare)
    )
    near: dict[int, str] = {}
    uses: dict[str, int] = {}
    for _, index, word in pairs:
        if index not in near and uses.get(word, 0) < WORD_USES:
            near[index] = spare[word]
            uses[word] = uses.get(word, 0) + 1
    found: list[tuple[float, str]] = []
    for index, (term, said) in enumerate(zip(terms, exact, strict=True)):
        if said:
            found.append((1.0, said))
        elif index in near:
            found.append((NEAR_CREDIT, near[index]))
        else:
            negated = _negated(term, view) if term.kind == "word" else ""
            found.append((NEAR_CREDIT, negated) if negated else (0.0, ""))
    return found


def _negated(term: KeyTerm, view: AnswerView) -> str:
    """A negation shortly before a word near an opposite of ``term``: "never altered"
    says ``immutable``, "not fast" says ``slow``."""
    opposites = antonyms(term.form) | _unprefixed(term.text.casefold())
    if not opposites:
        return ""
    words = view.words
    for index, word in enumerate(words):
        if word not in NEGATIONS or (index == 0 and word in NO_ANSWERS):
            continue  # "No, it gives false": an opening no answers, it negates nothing
        for other in words[index + 1 : index + 1 + NEGATION_REACH]:
            form = word_form(other)
            if any(form == o or similarity(form, o) >= NEAR_MIN for o in opposites):
                return f"{word} {other}"
    return ""


def _spare_words(terms: list[KeyTerm], view: AnswerView) -> dict[str, str]:
    """The answer's content stems no term took, and its two-word phrases the table knows
    (``call off``), each with the answer's words that gave it."""
    taken = {term.form for term in terms} | {p for term in terms for p in term.parts}
    spare = {s: view.stems[s] for s in view.stems if s not in taken and _content(s, view)}
    for first, second in zip(view.words, view.words[1:], strict=False):
        if first in GRADING_STOP_WORDS:
            continue
        key = phrase_key([first, second])
        if key not in spare and neighbours(key):
            spare[key] = f"{first} {second}"
    return spare


def _unprefixed(word: str) -> frozenset[str]:
    """``unbuffered`` is the opposite of ``buffered``: the stem after ``un``/``non``."""
    for prefix in NEGATIVE_PREFIXES:
        rest = word.removeprefix(prefix).lstrip("-")
        if rest != word and len(rest) >= 4 and rest.isalpha():
            return frozenset({word_form(rest)})
    return frozenset()


def _near_words(term: KeyTerm, candidates: Iterable[str]) -> list[tuple[str, float]]:
    """The candidates near ``term`` in meaning or word family, with how near (never a
    name with other digits: ``python2`` is not ``python3``)."""
    found = []
    for candidate in candidates:
        if not same_digits(term.form, candidate):
            continue
        alike = max(similarity(term.form, candidate), _family(term.form, candidate))
        if alike >= NEAR_MIN:
            found.append((candidate, alike))
    return found


def _family(a: str, b: str) -> float:
    """A stem that opens a longer one: one family or compound (``data``/``dataset``)."""
    return FAMILY_SIMILARITY if same_family(a, b, FAMILY_MIN) else 0.0


def _precision(terms: list[KeyTerm], view: AnswerView, said_by: list[str]) -> float:
    """Share of the answer's content words (by general weight) that say a key term."""
    forms = {term.form for term in terms} | {p for term in terms for p in term.parts}
    forms |= {word_form(w) for by in said_by for w in NON_ALNUM.split(by.casefold()) if w}
    said = 0.0
    total = 0.0
    for form, word in view.stems.items():
        if not _content(form, view):
            continue
        share = weight(word)
        total += share
        if form in forms or any(similarity(form, f) >= NEAR_MIN for f in forms):
            said += share
    return said / total if total else 1.0


def _content(form: str, view: AnswerView) -> bool:
    word = view.stems[form]
    return word not in GRADING_STOP_WORDS and " " not in word and weight(word) >= COMMON


def _f_measure(precision: float, recall: float) -> float:
    if PRECISION_FLOOR > 0:
        return recall * min(1.0, precision / PRECISION_FLOOR)
    if precision <= 0 or recall <= 0:
        return 0.0
    lean = RECALL_LEAN**2
    return (1 + lean) * precision * recall / (lean * precision + recall)


def _general(term: KeyTerm) -> float:
    """How informative the term is in general English (identifiers and names: fully)."""
    if term.kind != "word":
        return 1.0
    return float(weight(term.text) ** GENERAL_POWER)


def _weight(term: KeyTerm, idf: Mapping[str, float] | None, fallback: float) -> float:
    """Kind weight times deck rarity times general informativeness."""
    rarity = 1.0 if idf is None else idf.get(term.form, fallback)
    return KIND_WEIGHT[term.kind] * rarity * _general(term)
