"""Build a deck's ``SearchIndex``: count each question's terms, then lay out postings.

A deck repeats its words: 100,000 questions hold millions of word occurrences but
far fewer distinct whitespace-separated tokens. Each distinct token is split into
index words and stemmed once (``_Terms``); per occurrence there is only a dict
lookup and counting, both in C. Postings grow per term as questions are counted
(``_Postings``), holding the term frequencies compactly, and become BM25F impacts
once the average field lengths are known. No per-question structure outlives its
question, so the deck is held once, plus the postings.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from collections import Counter
from itertools import chain

from flaskprep.model import Deck
from flaskprep.search.index import SearchIndex
from flaskprep.search.vocabulary import WordTable
from flaskprep.words.stems import stem
from flaskprep.words.tokens import camel_parts
from flaskprep.words.weights import weight

_K1 = 1.2
_B = 0.75
_QUESTION_WEIGHT = 3.0
_ANSWER_WEIGHT = 1.0

_CHUNK = re.compile(r"\w+(?:-\w+)*")
_SEPARATORS = re.compile(r"[_-]+")
_APOSTROPHES = str.maketrans("", "", "'’ʼ")
_LATIN = re.compile(r"\b(?:e\.\s?g|i\.\s?e)\.", re.IGNORECASE)
"""``e.g.`` and ``i.e.``: their letters are no words."""
_URL = re.compile(r"\]\([^()\s]*\)|\b(?:https?|ftp)://[^\s<>()\[\]]*")
"""A link's target (``[src](http://…)``) or a bare address: its words are no topic (a
pattern never spans whitespace, so a token read alone reads the same)."""
NAME_WEIGHT = 1.0
"""General weight of a one-letter word of the deck: a name (``g``, ``x``, C), not a letter."""
_TF_BITS = 20
"""A posting's code: the question's shape, then its term frequency in the question and
in the answer, each capped below ``1 << _TF_BITS`` (a million occurrences of one word
in one answer saturate BM25 long before)."""
_TF_MAX = (1 << _TF_BITS) - 1


def _chunk_words(chunk: str) -> list[str]:
    """The folded words of one ``_CHUNK`` match: itself, its parts, camel parts, joined.

    ``url_for`` gives ``url``, ``for`` and ``urlfor``; ``SQLAlchemy`` gives
    ``sqlalchemy``, ``sql`` and ``alchemy`` (the words ``word_spans`` finds).
    """
    if chunk.isalpha() and (chunk.islower() or chunk.istitle() or chunk.isupper()):
        return [chunk.casefold()]
    words: list[str] = []
    pieces = [piece for piece in _SEPARATORS.split(chunk) if piece]
    for piece in pieces:
        words.append(piece.casefold())
        if piece.isascii() and piece.isalnum():
            words += camel_parts(piece)
    if len(pieces) > 1:
        words.append("".join(pieces).casefold())
    return words


def index_words(text: str) -> list[str]:
    """The folded words of ``text`` that the index holds, in order (no letters of
    "e.g." or "i.e.": a one-letter word is a name, such as Flask's ``g``)."""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    chunks = _CHUNK.findall(_LATIN.sub(" ", _URL.sub(" ", text).translate(_APOSTROPHES)))
    return [word for chunk in chunks for word in _chunk_words(chunk)]


class _Terms(dict[str, tuple[int, ...]]):
    """Whitespace-separated token -> term ids of its index words, each token read once.

    Reading a token alone gives the words reading it inside its text would: index
    words never span whitespace, and NFKC and apostrophe removal work per character.
    """

    def __init__(self) -> None:
        super().__init__()
        self.ids: dict[str, int] = {}
        """Stem -> term id, in order of first appearance."""
        self.seen: Counter[str] = Counter()
        """Token -> occurrences, to find each stem's most frequent word."""
        self.words: dict[str, list[str]] = {}
        """Token -> its index words, for tokens that are not one plain word already."""

    def __missing__(self, token: str) -> tuple[int, ...]:
        ids = self.ids
        if token.isascii() and token.isalpha() and token.islower():
            words = [token]  # most tokens: one plain word, no splitting to do
        else:
            words = self.words[token] = index_words(token)
        found = self[token] = tuple(ids.setdefault(stem(w), len(ids)) for w in words)
        return found

    def count(self, text: str) -> Counter[int]:
        """Term id -> occurrences in ``text``."""
        tokens = text.split()
        self.seen.update(tokens)
        return Counter(chain.from_iterable(map(self.__getitem__, tokens)))

    def surfaces(self, vocab: list[str]) -> WordTable:
        """Per stem, its most frequent deck word ("" when that is the stem itself)."""
        word_counts: Counter[str] = Counter()
        words = self.words
        for token, count in self.seen.items():
            for word in words.get(token, (token,)):
                word_counts[word] += count
        best: dict[str, tuple[int, bool, str]] = {}
        for word, count in word_counts.items():
            root = stem(word)
            rank = (count, word == root, word)
            if rank > best.get(root, (0, False, "")):
                best[root] = rank
        return WordTable("" if best[r][2] == r else best[r][2] for r in vocab)


class _Postings:
    """Per term, the questions holding it and a code of their shape and term frequencies.

    A question's shape is its pair of field lengths, numbered as first seen; BM25F
    needs the average lengths, known only after the last question, and then each
    distinct (shape, frequencies) code's impact is computed once (``_Impacts``).
    """

    def __init__(self) -> None:
        self.docs: list[array[int]] = []
        self.codes: list[array[int]] = []
        self.shapes: dict[tuple[int, int], int] = {}
        self.q_words = self.a_words = 0

    def add(self, doc: int, q_counts: Counter[int], a_counts: Counter[int], terms: int) -> None:
        """Question ``doc``'s counts; ``terms`` is how many term ids exist so far."""
        while len(self.docs) < terms:
            self.docs.append(array("I"))
            self.codes.append(array("Q"))
        lengths = (q_counts.total(), a_counts.total())
        self.q_words += lengths[0]
        self.a_words += lengths[1]
        shape = self.shapes.setdefault(lengths, len(self.shapes)) << (2 * _TF_BITS)
        if max(lengths) > _TF_MAX:
            q_counts = Counter({t: min(n, _TF_MAX) for t, n in q_counts.items()})
            a_counts = Counter({t: min(n, _TF_MAX) for t, n in a_counts.items()})
        codes = dict(a_counts)
        get = codes.get
        for tid, n in q_counts.items():
            codes[tid] = get(tid, 0) + (n << _TF_BITS)
        docs_of, codes_of = self.docs, self.codes
        for tid, code in codes.items():
            docs_of[tid].append(doc)
            codes_of[tid].append(shape | code)

    def flatten(
        self, order: list[int], questions: int
    ) -> tuple[array[int], array[int], array[float]]:
        """``starts``, ``postings`` and ``impacts`` with the terms laid out in ``order``."""
        size = questions or 1
        averages = (self.q_words / size or 1.0, self.a_words / size or 1.0)
        impact = _Impacts(list(self.shapes), averages).__getitem__
        starts, postings, impacts = array("I", [0]), array("I"), array("f")
        for tid in order:
            postings.extend(self.docs[tid])
            impacts.extend(map(impact, self.codes[tid]))
            starts.append(len(postings))
            self.docs[tid] = self.codes[tid] = array("I")  # one copy of each posting at a time
        return starts, postings, impacts


class _Impacts(dict[int, float]):
    """Posting code -> BM25F term-frequency part, each distinct code computed once."""

    def __init__(self, shapes: list[tuple[int, int]], averages: tuple[float, float]) -> None:
        super().__init__()
        self.shapes = shapes
        self.avg_q, self.avg_a = averages

    def __missing__(self, code: int) -> float:
        q_len, a_len = self.shapes[code >> (2 * _TF_BITS)]
        q_tf, a_tf = (code >> _TF_BITS) & _TF_MAX, code & _TF_MAX
        q_norm = _QUESTION_WEIGHT / (1.0 - _B + _B * q_len / self.avg_q)
        a_norm = _ANSWER_WEIGHT / (1.0 - _B + _B * a_len / self.avg_a)
        weighted = q_norm * q_tf + a_norm * a_tf
        found = self[code] = weighted * (_K1 + 1.0) / (_K1 + weighted)
        return found


def build_index(deck: Deck) -> SearchIndex:
    """Index ``deck.questions`` (question and answer text) for ``search``."""
    terms, postings, doc_sections = _Terms(), _Postings(), array("I")
    for doc, question in enumerate(deck.questions):
        answer = "\n".join((question.answer, *question.choices))  # its own options too
        q_counts, a_counts = terms.count(question.text), terms.count(answer)
        postings.add(doc, q_counts, a_counts, len(terms.ids))
        doc_sections.append(question.section_index)
    by_stem = sorted(terms.ids.items())
    vocab = [root for root, _ in by_stem]
    starts, docs, impacts = postings.flatten([tid for _, tid in by_stem], len(doc_sections))
    sections = tuple(frozenset(map(stem, index_words(s.title))) for s in deck.sections)
    surface = terms.surfaces(vocab)
    weights = array(
        "f",
        (
            NAME_WEIGHT if len(root) == 1 and root.isalpha() else weight(surface[tid] or root)
            for tid, root in enumerate(vocab)
        ),
    )
    return SearchIndex(
        WordTable(vocab), surface, starts, docs, impacts, sections, doc_sections, weights
    )
