"""Score questions for a parsed query: BM25F sums, phrase filter, section boost."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from heapq import nlargest

from flaskprep.model import Deck, Question
from flaskprep.search.fuzzy import nearest
from flaskprep.search.index import SearchIndex, build_index, word_spans
from flaskprep.search.query import Group, Query, parse_query
from flaskprep.text import STOP_WORDS, fold, stem, tokenize

SECTION_BOOST = 0.2


@dataclass(frozen=True, slots=True)
class Hit:
    question: Question
    score: float
    matched_terms: tuple[str, ...]
    """Folded deck words that matched (``url_for``, ``blueprints``), for highlighting."""


@dataclass(frozen=True, slots=True)
class SearchResult:
    query: str
    hits: tuple[Hit, ...]
    suggestion: str | None
    """The deck word nearest to the query's words, offered when there are no hits."""


def search(
    deck: Deck, index: SearchIndex, query: str, *, limit: int = 10, sections: Sequence[int] = ()
) -> SearchResult:
    """The best ``limit`` questions for ``query``, optionally only in ``sections``."""
    if index.size != len(deck.questions):
        index = build_index(deck)
    parsed = parse_query(index, query)
    scores = _score(index, parsed.groups)
    if parsed.phrases:
        scores = {d: s for d, s in scores.items() if _has_phrases(deck.questions[d], parsed)}
    if sections:
        wanted = set(sections)
        scores = {d: s for d, s in scores.items() if deck.questions[d].section_index in wanted}
    _boost_sections(deck, index, parsed.groups, scores)
    best = nlargest(max(limit, 0), scores.items(), key=lambda item: (item[1], -item[0]))
    stems = _group_stems(index, parsed.groups)
    hits = tuple(Hit(deck.questions[d], s, _matched(deck.questions[d], stems)) for d, s in best)
    suggestion = None if hits else _suggest(index, query, parsed)
    return SearchResult(query, hits, suggestion)


def _score(index: SearchIndex, groups: tuple[Group, ...]) -> dict[int, float]:
    scores: dict[int, float] = {}
    for group in groups:
        best: dict[int, float] = {}
        for tid, weight in group.items():
            factor = weight * index.idf(tid)
            for doc, impact in index.postings_of(tid):
                value = factor * impact
                if value > best.get(doc, 0.0):
                    best[doc] = value
        for doc, value in best.items():
            scores[doc] = scores.get(doc, 0.0) + value
    return scores


def _contains(stems: list[str], phrase: tuple[str, ...]) -> bool:
    width = len(phrase)
    return any(tuple(stems[i : i + width]) == phrase for i in range(len(stems) - width + 1))


def _has_phrases(question: Question, parsed: Query) -> bool:
    fields = [[stem(w) for w in tokenize(text)] for text in (question.text, question.answer)]
    return all(any(_contains(f, phrase) for f in fields) for phrase in parsed.phrases)


def _group_stems(index: SearchIndex, groups: tuple[Group, ...]) -> list[frozenset[str]]:
    return [frozenset(index.vocab[tid] for tid in group) for group in groups]


def _boost_sections(
    deck: Deck, index: SearchIndex, groups: tuple[Group, ...], scores: dict[int, float]
) -> None:
    """Questions in a section whose title a query word names rank a little higher."""
    stems = _group_stems(index, groups)
    factors: dict[int, float] = {}
    for doc in scores:
        section = deck.questions[doc].section_index
        factor = factors.get(section)
        if factor is None:
            title = index.section_terms[section] if section < len(index.section_terms) else set()
            named = sum(1 for group in stems if group & title)
            factor = factors[section] = 1.0 + SECTION_BOOST * named
        scores[doc] *= factor


def _matched(question: Question, groups: list[frozenset[str]]) -> tuple[str, ...]:
    wanted = frozenset().union(*groups)
    found: dict[str, None] = {}
    for text in (question.text, question.answer):
        for start, end, word in word_spans(text):
            if stem(word) in wanted:
                found[fold(text[start:end])] = None
    return tuple(found)


def _suggest(index: SearchIndex, query: str, parsed: Query) -> str | None:
    words = list(parsed.unknown) or [w for w in tokenize(query) if w not in STOP_WORDS]
    candidates = [found for w in words if w and (found := nearest(index, w)) is not None]
    candidates = [c for c in candidates if c[1] not in words]
    return min(candidates)[1] if candidates else None
