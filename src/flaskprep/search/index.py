"""The search index: stems -> postings in flat arrays, built once per deck.

Each posting carries its BM25F term-frequency part ("impact"), computed at build
time over two fields, the question text weighted above the answer, so a query
only multiplies by the term's idf and adds. Arrays and plain lists pickle
compactly and load in milliseconds even for a 100,000-question deck.
"""

from __future__ import annotations

import gc
import math
import re
from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Iterator

from flaskprep.model import Deck
from flaskprep.search.vocabulary import WordTable
from flaskprep.words.stems import stem
from flaskprep.words.tokens import WORD_PATTERN, camel_parts, fold
from flaskprep.words.weights import weight

INDEX_VERSION = 3
_K1 = 1.2
_B = 0.75
_QUESTION_WEIGHT = 3.0
_ANSWER_WEIGHT = 1.0

_CHUNK = re.compile(r"\w+(?:-\w+)*")
_SEPARATORS = re.compile(r"[_-]+")
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

    def max_idf(self) -> float:
        """The idf of a term no question holds: the ceiling of ``idf``."""
        return math.log(1.0 + (self.size + 0.5) / 0.5)

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


def index_words(text: str) -> list[str]:
    """The folded words ``word_spans`` finds, in one regex pass (building must be fast)."""
    if not text.isascii():
        import unicodedata

        text = unicodedata.normalize("NFKC", text)
    words: list[str] = []
    for chunk in _CHUNK.findall(text.translate(_APOSTROPHES)):
        if chunk.isalpha() and (chunk.islower() or chunk.istitle() or chunk.isupper()):
            words.append(chunk.casefold())
            continue
        pieces = [piece for piece in _SEPARATORS.split(chunk) if piece]
        for piece in pieces:
            words.append(piece.casefold())
            if piece.isascii() and piece.isalnum():
                words += camel_parts(piece)
        if len(pieces) > 1:
            words.append("".join(pieces).casefold())
    return words


class _Builder:
    def __init__(self) -> None:
        self.stems: dict[str, str] = {}
        self.word_counts: Counter[str] = Counter()

    def stem_counts(self, text: str) -> tuple[Counter[str], int]:
        words = index_words(text)
        self.word_counts.update(words)
        stems = self.stems
        for word in set(words):
            if word not in stems:
                stems[word] = stem(word)
        return Counter(map(stems.__getitem__, words)), len(words)

    def surfaces(self, vocab: list[str]) -> WordTable:
        """Per stem, its most frequent deck word ("" when that is the stem itself)."""
        best: dict[str, tuple[int, bool, str]] = {}
        for word, count in self.word_counts.items():
            root = self.stems[word]
            rank = (count, word == root, word)
            if rank > best.get(root, (0, False, "")):
                best[root] = rank
        return WordTable("" if best[r][2] == r else best[r][2] for r in vocab)


def _postings(
    fields: list[tuple[tuple[Counter[str], int], tuple[Counter[str], int]]],
) -> dict[str, tuple[list[int], list[float]]]:
    """BM25F impact of each stem in each question, grouped by stem."""
    avg_q = sum(q[1] for q, _ in fields) / len(fields) or 1.0
    avg_a = sum(a[1] for _, a in fields) / len(fields) or 1.0
    by_term: dict[str, tuple[list[int], list[float]]] = {}
    for doc, ((q_counts, q_len), (a_counts, a_len)) in enumerate(fields):
        q_norm = _QUESTION_WEIGHT / (1.0 - _B + _B * q_len / avg_q)
        a_norm = _ANSWER_WEIGHT / (1.0 - _B + _B * a_len / avg_a)
        q_get, a_get = q_counts.get, a_counts.get
        for root in q_counts.keys() | a_counts.keys():
            weighted = q_norm * q_get(root, 0) + a_norm * a_get(root, 0)
            entry = by_term.get(root)
            if entry is None:
                entry = by_term[root] = ([], [])
            entry[0].append(doc)
            entry[1].append(weighted * (_K1 + 1.0) / (_K1 + weighted))
    return by_term


def build_index(deck: Deck) -> SearchIndex:
    """Index ``deck.questions`` (question and answer text) for ``search``."""
    builder, questions = _Builder(), deck.questions
    collecting = gc.isenabled()
    gc.disable()  # millions of small acyclic objects: cyclic GC passes only cost time
    try:
        fields = [(builder.stem_counts(q.text), builder.stem_counts(q.answer)) for q in questions]
        by_term = _postings(fields) if fields else {}
    finally:
        if collecting:
            gc.enable()
    vocab = sorted(by_term)
    starts, postings, impacts = array("I", [0]), array("I"), array("f")
    for root in vocab:
        docs, scores = by_term[root]
        postings.extend(docs)
        impacts.extend(scores)
        starts.append(len(postings))
    sections = tuple(frozenset(map(stem, index_words(s.title))) for s in deck.sections)
    doc_sections = array("I", (q.section_index for q in deck.questions))
    surface = builder.surfaces(vocab)
    weights = array("f", (weight(surface[tid] or root) for tid, root in enumerate(vocab)))
    return SearchIndex(
        WordTable(vocab), surface, starts, postings, impacts, sections, doc_sections, weights
    )
