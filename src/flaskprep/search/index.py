"""The search index: stems -> postings in flat arrays, built once per deck.

Each posting carries its BM25F term-frequency part ("impact"), computed at build
time over two fields, the question text weighted above the answer, so a query
only multiplies by the term's idf and adds. Arrays and plain lists pickle
compactly and load in milliseconds even for a 100,000-question deck.
"""

from __future__ import annotations

import math
import re
from array import array
from collections.abc import Iterable, Iterator

from flaskprep.model import Deck
from flaskprep.text import WORD_PATTERN, fold, stem

INDEX_VERSION = 1
_K1 = 1.2
_B = 0.75
_QUESTION_WEIGHT = 3.0
_ANSWER_WEIGHT = 1.0

_COMPOUND = re.compile(r"[^\W_]+(?:[_\-][^\W_]+)+")
_CAMEL_PART = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|[0-9]+")


class SearchIndex:
    """Inverted index of stems; see the module docstring."""

    __slots__ = (
        "impacts",
        "postings",
        "section_terms",
        "size",
        "starts",
        "surface",
        "terms",
        "vocab",
    )

    def __init__(
        self,
        vocab: list[str],
        surface: list[str],
        starts: array[int],
        postings: array[int],
        impacts: array[float],
        section_terms: tuple[frozenset[str], ...],
        size: int,
    ) -> None:
        self.vocab = vocab  # sorted stems; a stem's position is its term id
        self.terms = {term: tid for tid, term in enumerate(vocab)}
        self.surface = surface  # term id -> most frequent deck word with that stem
        self.starts = starts  # term id -> its first posting; starts[tid + 1] ends them
        self.postings = postings  # positions in deck.questions, ascending per term
        self.impacts = impacts  # BM25F term-frequency part, one per posting
        self.section_terms = section_terms  # stems of each section title
        self.size = size  # number of questions indexed

    def __getstate__(self) -> tuple[object, ...]:
        return (INDEX_VERSION, self.vocab, self.surface, self.starts, self.postings,
                self.impacts, self.section_terms, self.size)  # fmt: skip

    def __setstate__(self, state: tuple[object, ...]) -> None:
        if state[0] != INDEX_VERSION:
            raise ValueError("search index from another flaskprep version")
        SearchIndex.__init__(self, *state[1:])  # type: ignore[arg-type]

    def df(self, tid: int) -> int:
        return self.starts[tid + 1] - self.starts[tid]

    def idf(self, tid: int) -> float:
        df = self.df(tid)
        return math.log(1.0 + (self.size - df + 0.5) / (df + 0.5))

    def postings_of(self, tid: int) -> Iterator[tuple[int, float]]:
        start, end = self.starts[tid], self.starts[tid + 1]
        return zip(self.postings[start:end], self.impacts[start:end], strict=True)

    def docs_of(self, tid: int) -> array[int]:
        return self.postings[self.starts[tid] : self.starts[tid + 1]]


def word_spans(text: str) -> Iterator[tuple[int, int, str]]:
    """``(start, end, folded word)`` of each word, joined compound and camel/digit part.

    ``url_for`` gives ``url``, ``for`` and ``urlfor``; ``SQLAlchemy`` gives
    ``sqlalchemy``, ``sql`` and ``alchemy``; ``jinja2`` gives ``jinja2``, ``jinja``, ``2``.
    """
    for match in WORD_PATTERN.finditer(text):
        word = match.group()
        yield match.start(), match.end(), fold(word)
        parts = _CAMEL_PART.findall(word) if word.isascii() and word.isalnum() else []
        if len(parts) > 1:
            yield from ((match.start(), match.end(), part.lower()) for part in parts)
    for match in _COMPOUND.finditer(text):
        yield match.start(), match.end(), fold(match.group().replace("_", "").replace("-", ""))


def highlight_spans(text: str, matched_terms: Iterable[str]) -> list[tuple[int, int]]:
    """Merged ``(start, end)`` ranges of ``text`` whose words are in ``matched_terms``."""
    wanted = set(matched_terms)
    spans = sorted((s, e) for s, e, _ in word_spans(text) if fold(text[s:e]) in wanted)
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


class _Builder:
    def __init__(self) -> None:
        self.stems: dict[str, str] = {}
        self.surface_counts: dict[str, dict[str, int]] = {}

    def stem_counts(self, text: str) -> tuple[dict[str, int], int]:
        counts: dict[str, int] = {}
        words = [word for _, _, word in word_spans(text)]
        for word in words:
            root = self.stems.get(word)
            if root is None:
                root = self.stems[word] = stem(word)
            counts[root] = counts.get(root, 0) + 1
            seen = self.surface_counts.setdefault(root, {})
            seen[word] = seen.get(word, 0) + 1
        return counts, len(words)

    def surface_of(self, root: str) -> str:
        seen = self.surface_counts.get(root, {root: 1})
        best = max(seen.items(), key=lambda item: (item[1], item[0] == root, item[0]))[0]
        return root if best == root else best  # share the object: pickles once


def _impact(tf_q: int, rel_q: float, tf_a: int, rel_a: float) -> float:
    weighted = _QUESTION_WEIGHT * tf_q / (1.0 - _B + _B * rel_q)
    weighted += _ANSWER_WEIGHT * tf_a / (1.0 - _B + _B * rel_a)
    return weighted * (_K1 + 1.0) / (_K1 + weighted)


def build_index(deck: Deck) -> SearchIndex:
    """Index ``deck.questions`` (question and answer text) for ``search``."""
    builder = _Builder()
    fields = [(builder.stem_counts(q.text), builder.stem_counts(q.answer)) for q in deck.questions]
    avg_q = sum(f[0][1] for f in fields) / len(fields) if fields else 1.0
    avg_a = sum(f[1][1] for f in fields) / len(fields) if fields else 1.0
    by_term: dict[str, list[tuple[int, float]]] = {}
    for doc, ((q_counts, q_len), (a_counts, a_len)) in enumerate(fields):
        rel_q, rel_a = q_len / (avg_q or 1.0), a_len / (avg_a or 1.0)
        for root in q_counts.keys() | a_counts.keys():
            impact = _impact(q_counts.get(root, 0), rel_q, a_counts.get(root, 0), rel_a)
            by_term.setdefault(root, []).append((doc, impact))
    vocab = sorted(by_term)
    starts, postings, impacts = array("I", [0]), array("I"), array("f")
    for root in vocab:
        postings.extend(doc for doc, _ in by_term[root])
        impacts.extend(impact for _, impact in by_term[root])
        starts.append(len(postings))
    sections = tuple(frozenset(stem(w) for _, _, w in word_spans(s.title)) for s in deck.sections)
    surface = [builder.surface_of(root) for root in vocab]
    return SearchIndex(vocab, surface, starts, postings, impacts, sections, len(deck.questions))
