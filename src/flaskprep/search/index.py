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
from bisect import bisect_left
from collections.abc import Iterable, Iterator

from flaskprep.search.vocabulary import WordTable
from flaskprep.words.tokens import WORD_PATTERN, camel_parts, fold

INDEX_VERSION = 6
"""Bump when the index changes shape or meaning: cached indexes of another version are rebuilt."""

_COMPOUND = re.compile(r"[^\W_]+(?:[_\-][^\W_]+)+")
_APOSTROPHES = str.maketrans("", "", "'’ʼ")


class SearchIndex:
    """Inverted index of stems; see the module docstring."""

    __slots__ = (
        "doc_sections", "impacts", "postings", "section_terms", "size", "starts", "surface",
        "vocab", "weights",
    )  # fmt: skip

    def __init__(
        self,
        vocab: WordTable,
        surface: WordTable,
        starts: array[int],
        postings: array[int],
        impacts: array[float],
        section_terms: tuple[frozenset[str], ...],
        doc_sections: array[int],
        weights: array[float],
    ) -> None:
        self.vocab = vocab  # sorted stems; a stem's position is its term id
        self.surface = surface  # term id -> most frequent deck word, "" if the stem itself
        self.starts = starts  # term id -> its first posting; starts[tid + 1] ends them
        self.postings = postings  # positions in deck.questions, ascending per term
        self.impacts = impacts  # BM25F term-frequency part, one per posting
        self.section_terms = section_terms  # stems of each section title
        self.doc_sections = doc_sections  # question position -> section index
        self.size = len(doc_sections)  # number of questions indexed
        self.weights = weights  # term id -> general weight of its surface word (words.weights)

    def __getstate__(self) -> tuple[object, ...]:
        return (INDEX_VERSION, self.vocab, self.surface, self.starts, self.postings,
                self.impacts, self.section_terms, self.doc_sections, self.weights)  # fmt: skip

    def __setstate__(self, state: tuple[object, ...]) -> None:
        if state[0] != INDEX_VERSION:
            raise ValueError("search index from another flaskprep version")
        SearchIndex.__init__(self, *state[1:])  # type: ignore[arg-type]

    def term_id(self, root: str) -> int | None:
        return self.vocab.find(root)

    def surface_word(self, tid: int) -> str:
        return self.surface[tid] or self.vocab[tid]

    def df(self, tid: int) -> int:
        return self.starts[tid + 1] - self.starts[tid]

    def idf(self, tid: int) -> float:
        df = self.df(tid)
        return math.log(1.0 + (self.size - df + 0.5) / (df + 0.5))

    def postings_of(self, tid: int) -> Iterator[tuple[int, float]]:
        start, end = self.starts[tid], self.starts[tid + 1]
        return zip(self.postings[start:end], self.impacts[start:end], strict=True)

    def holds(self, tid: int, doc: int) -> bool:
        """Whether question ``doc`` contains term ``tid``."""
        start, end = self.starts[tid], self.starts[tid + 1]
        at = bisect_left(self.postings, doc, start, end)
        return at < end and self.postings[at] == doc

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
        bare = word.translate(_APOSTROPHES)
        if bare.isascii() and bare.isalnum():
            parts = camel_parts(bare)
            yield from ((match.start(), match.end(), part) for part in parts)
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
