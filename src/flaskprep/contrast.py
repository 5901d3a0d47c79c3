"""Whether an answer contradicts the model answer outright: it swaps the roles of two
terms the model answer contrasts, or it opens with yes where the model says no.

A model answer that contrasts two terms (``L1 uses the absolute values, while L2
uses the squares``; ``The Shadow DOM is …. The Virtual DOM is …``) is read as
clauses, each about its subject: the first name or identifier among its key terms,
else its first key word. Two subjects of neighbouring clauses are contrasted; each
is described by the words of its clauses that the other's do not share. The answer
is read the same way, and swaps the roles when what it says about each term matches
the other's description at least twice and clearly better than its own.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from itertools import pairwise

from flaskprep.answer_terms import GRADING_STOP_WORDS, KeyTerm, scan
from flaskprep.words.stems import stem

__all__ = ["NO_ANSWERS", "opposite_polarity", "swapped_roles"]

_CLAUSE_BREAK = re.compile(
    r"[.;!?]\s+|[.;!?]$|\n+|,?\s*\b(?:while|whereas|but|unlike|however|"
    r"on the other hand|in contrast|instead|as opposed to)\b",
    re.IGNORECASE,
)
_PRONOUN = re.compile(r"\s*(?:it|they|this|these|its|their)\b", re.IGNORECASE)
"""A clause that starts with a pronoun goes on about the previous clause's subject."""
MIN_CROSSED = 2
"""Least number of the other term's describing words that make a swap."""
_YES_NO = re.compile(
    r"^\W*(yes|yeah|yep|yup|absolutely|definitely|correct|no|nope|nah)\s*(?:[,.;:!\u2013\u2014-]|$)",
    re.IGNORECASE,
)
"""An opening yes or no, set off by punctuation or alone ("Nope.", "Yes:", "no"; not
"No one ...")."""
NO_ANSWERS = frozenset({"no", "nope", "nah"})
"""The words that answer a question with no."""
COMMA_REACH = 2
"""How near after a comma a subject must come to start a claim of its own."""


def opposite_polarity(answer: str, model_answer: str) -> bool:
    """Whether the answer opens with yes where the model answer opens with no, or the
    other way round ("Do I have to use the ORM?" "Nope." / "Yes: ...")."""
    said, meant = _YES_NO.match(answer), _YES_NO.match(model_answer)
    if said is None or meant is None:
        return False
    return (said.group(1).lower() in NO_ANSWERS) != (meant.group(1).lower() in NO_ANSWERS)


def swapped_roles(
    answer: str, model_answer: str, terms: Sequence[KeyTerm]
) -> tuple[str, str] | None:
    """The two contrasted terms whose roles ``answer`` swaps, if it does."""
    names = {_raw_key(t.text): t for t in terms if t.text.strip()}
    clauses = _clauses(model_answer)
    model_clauses = [_clause_words(c, names) for c in clauses]
    subjects: list[str | None] = []
    for clause, words in zip(clauses, model_clauses, strict=True):
        continues = _PRONOUN.match(clause) and subjects
        subjects.append(subjects[-1] if continues else _subject(words, names))
    for first, second in _contrasted(subjects):
        own, other = _descriptions(model_clauses, subjects, first, second)
        straight, crossed = _agreement(answer, (first, second), own, other, names)
        if crossed >= MIN_CROSSED and crossed > 2 * straight:
            return names[first].text, names[second].text
    return None


def _clauses(text: str) -> list[str]:
    return [c for c in _CLAUSE_BREAK.split(text) if c and c.strip()]


def _clause_words(clause: str, names: Collection[str] = ()) -> list[str]:
    """The clause's words as raw keys, stop words left out unless a term (`` `WHERE` ``).

    An identifier that is a term counts as itself, not as its parts: ``app.test_client``
    is a subject, and its ``app``, ``test`` and ``client`` describe nothing.
    """
    keys: list[str] = []
    for token in scan(clause):
        whole = _raw_key(token.surface)
        if len(token.sub_words) > 1 and whole in names:
            keys.append(whole)
            continue
        for word in token.sub_words:
            key = _raw_key(word)
            if len(word) > 1 and (word not in GRADING_STOP_WORDS or key in names):
                keys.append(key)
    return keys


def _raw_key(word: str) -> str:
    """Stem without synonym groups: ``arguments`` and ``parameters`` stay apart here."""
    return stem(re.sub(r"[\W_]+", "", word.casefold()))


def _subject(words: list[str], names: dict[str, KeyTerm]) -> str | None:
    keyed = [w for w in words if w in names]
    for word in keyed:
        if names[word].kind != "word":
            return word
    return keyed[0] if keyed else None


def _contrasted(subjects: list[str | None]) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for a, b in pairwise(subjects):
        if a and b and a != b and (a, b) not in pairs and (b, a) not in pairs:
            pairs.append((a, b))
    return pairs


def _descriptions(
    clauses: list[list[str]], subjects: list[str | None], first: str, second: str
) -> tuple[set[str], set[str]]:
    said: dict[str, set[str]] = {first: set(), second: set()}
    for words, subject in zip(clauses, subjects, strict=True):
        if subject in said:
            said[subject].update(words)
    shared = said[first] & said[second] | {first, second}
    return said[first] - shared, said[second] - shared


def _agreement(
    answer: str,
    subjects: tuple[str, str],
    own: set[str],
    other: set[str],
    names: Collection[str],
) -> tuple[int, int]:
    """Describing words the answer gives each term: its own, and the other term's."""
    first, second = subjects
    straight = crossed = 0
    for words in _claims(answer, subjects, names):
        subject = next((w for w in words if w in (first, second)), None)
        if subject is None:
            continue
        described = set(words) - {first, second}
        mine, theirs = (own, other) if subject == first else (other, own)
        straight += len(described & mine)
        crossed += len(described & theirs)
    return straight, crossed


def _claims(answer: str, subjects: tuple[str, str], names: Collection[str]) -> list[list[str]]:
    """The answer's clauses as word lists (read with the model answer's ``names``), a
    clause also split where a comma is followed by a subject ("merge keeps history,
    rebase replays commits" is two claims)."""
    claims: list[list[str]] = []
    for clause in _clauses(answer):
        claims.append([])
        for piece in clause.split(","):
            words = _clause_words(piece, names)
            if claims[-1] and any(w in subjects for w in words[:COMMA_REACH]):
                claims.append([])
            claims[-1].extend(words)
    return claims
