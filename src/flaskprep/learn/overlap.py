"""Which questions of a deck overlap: near-duplicates and questions on one topic.

Found from the text of questions and answers anywhere in the deck, never from
section boundaries: each question is a bag of content stems (its question's words
count double), weighted by how rare the stem is in the deck; two questions overlap
when the cosine of their bags reaches :data:`OVERLAP_COSINE`, or when their
questions share most of their words. An overlapping question's answer is partly
right for the card, so it is never offered as a wrong option or a false statement.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable

from flaskprep.model import Question
from flaskprep.words.stems import stem
from flaskprep.words.stopwords import STOP_WORDS
from flaskprep.words.tokens import tokenize

OVERLAP_COSINE = 0.10
SAME_QUESTION = 0.6
"""Question-text Jaccard at which two questions are near-duplicates."""
QUESTION_WEIGHT = 2.0
COMMON_IDF = math.log(2)


def content_stems(text: str) -> set[str]:
    """Stems of the words that carry meaning (no stop words, no one-letter words)."""
    return {stem(w) for w in tokenize(text) if w not in STOP_WORDS and len(w) > 1}


class Overlaps:
    """The overlap relation of a deck's answered questions, computed once."""

    def __init__(self, questions: Iterable[Question]) -> None:
        self.questions = [q for q in questions if q.answered]
        self.asked = {q.id: content_stems(q.text) for q in self.questions}
        self.said = {q.id: content_stems(q.answer) for q in self.questions}
        df: Counter[str] = Counter()
        for q in self.questions:
            df.update(self.asked[q.id] | self.said[q.id])
        total = len(self.questions) + 1
        self.idf = {s: math.log(total / n) for s, n in df.items()}
        self._vectors = {q.id: self._vector(q.id) for q in self.questions}
        self._cache: dict[tuple[str, str], bool] = {}

    def _vector(self, qid: str) -> dict[str, float]:
        vector = {s: self.idf[s] for s in self.said[qid]}
        for s in self.asked[qid]:
            vector[s] = self.idf[s] * QUESTION_WEIGHT
        norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        return {s: v / norm for s, v in vector.items()}

    def similarity(self, a: str, b: str) -> float:
        va, vb = self._vectors.get(a, {}), self._vectors.get(b, {})
        if len(va) > len(vb):
            va, vb = vb, va
        return sum(v * vb.get(s, 0.0) for s, v in va.items())

    def overlap(self, a: str, b: str) -> bool:
        if a == b:
            return True
        key = (a, b) if a < b else (b, a)
        if key not in self._cache:
            self._cache[key] = self._overlap(a, b)
        return self._cache[key]

    def _overlap(self, a: str, b: str) -> bool:
        qa, qb = self._informative(a), self._informative(b)
        if qa and qb and len(qa & qb) / len(qa | qb) >= SAME_QUESTION:
            return True
        return self.similarity(a, b) >= OVERLAP_COSINE

    def _informative(self, qid: str) -> set[str]:
        """The question's words that fewer than half the deck's questions use."""
        return {s for s in self.asked.get(qid, set()) if self.idf[s] > COMMON_IDF}

    def pairs(self) -> list[tuple[str, str]]:
        """Every overlapping pair of different questions (for measurements)."""
        ids = [q.id for q in self.questions]
        return [(a, b) for i, a in enumerate(ids) for b in ids[i + 1 :] if self.overlap(a, b)]
