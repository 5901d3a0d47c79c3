"""Score questions for a parsed query: BM25F sums, phrase filter, section boost."""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from dataclasses import dataclass

from flaskprep.model import Deck, Question
from flaskprep.search.fuzzy import nearest, suggestion
from flaskprep.search.index import SearchIndex, word_spans
from flaskprep.search.indexing import build_index
from flaskprep.search.query import Group, Query, parse_query
from flaskprep.search.rarity import Rarity
from flaskprep.words.stems import stem
from flaskprep.words.stopwords import STOP_WORDS
from flaskprep.words.tokens import fold, tokenize

SECTION_WEIGHT = 0.25
MIN_COVERAGE = 0.5
"""A hit must hold this share of the query's importance (else: "no question matches")."""
RELATIVE_COVERAGE = 0.3
"""Other hits must hold this share of what the best-backed hit holds."""
COVERAGE_POWER = 1.0
RELATIVE_SCORE = 0.2
"""A hit scoring under this share of the best is noise beside it (``current_app``'s
``app`` alone). Chosen on the tune half of ``tests/eval/search.py``: the highest that
lowers none of its figures (0.25 lost a control from the top 3)."""
CANDIDATES_PER_HIT = 5
MIN_CANDIDATES = 20
MAX_SUGGESTION_WORDS = 6
MAX_CLOSEST = 4
MAX_PHRASE_CHECKS = 5000
"""Questions read to confirm a phrase, best-scored first, before giving up."""


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
    closest: tuple[str, ...] = ()
    """When there are no hits: the deck's words nearest to what the query says."""
    matches: int = 0
    """Questions that matched well enough to list; ``hits`` are the best ``limit`` of them."""
    unknown: tuple[str, ...] = ()
    """When there are no hits: the query's words that no question, answer or section
    title of the deck uses (a typo may still stand near one)."""
    titled: tuple[tuple[str, int], ...] = ()
    """When there are no hits: query words only a section title uses, with the section's
    number as ``browse`` shows it."""


def search(
    deck: Deck,
    index: SearchIndex,
    query: str,
    *,
    limit: int = 10,
    sections: Sequence[int] = (),
    peers: Sequence[SearchIndex] = (),
) -> SearchResult:
    """The best ``limit`` questions for ``query``, optionally only in ``sections``.

    ``peers``: the indexes of the other decks searched with this one (a folder), so that
    every deck's scores use one idf and compare."""
    if index.size != len(deck.questions):
        index = build_index(deck)
    rarity = Rarity(index, peers)
    parsed = parse_query(index, query, rarity)
    stems = [frozenset(index.vocab[tid] for tid in group) for group in parsed.groups]
    scores = _score(index, rarity, parsed.groups)
    if sections:
        wanted, owner = set(sections), index.doc_sections
        scores = {doc: s for doc, s in scores.items() if owner[doc] in wanted}
    _boost_sections(index, rarity, parsed.groups, scores)
    scores = _backed(index, parsed, scores, max(limit, 0), rarity.top)
    best = _best(deck, index, parsed, scores, max(limit, 0))
    hits = tuple(Hit(deck.questions[d], s, _matched(deck.questions[d], stems)) for d, s in best)
    if hits:
        return SearchResult(query, hits, None, matches=len(scores))
    suggested = _suggest(index, query, parsed)
    unknown, titled = _absent(deck, index, query)
    return SearchResult(
        query, hits, suggested, _closest(index, parsed), unknown=unknown, titled=titled
    )


def _absent(
    deck: Deck, index: SearchIndex, query: str
) -> tuple[tuple[str, ...], tuple[tuple[str, int], ...]]:
    """The query's words no question or answer uses: those no section title uses either,
    and those one does, with its section's number as ``browse`` shows it."""
    unknown: list[str] = []
    titled: list[tuple[str, int]] = []
    for word in dict.fromkeys(w for w in tokenize(query) if w not in STOP_WORDS):
        root = stem(word)
        if index.term_id(root) is not None:
            continue
        named = [i for i, terms in enumerate(index.section_terms) if root in terms]
        if not named:
            unknown.append(word)
        elif named[0] < len(deck.sections):
            number = deck.sections[named[0]].number
            titled.append((word, named[0] + 1 if number is None else number))
    return tuple(unknown), tuple(titled)


def _backed(
    index: SearchIndex, parsed: Query, scores: dict[int, float], limit: int, scale: float
) -> dict[int, float]:
    """The best-scored questions, rescored by how much of the query they hold; none when
    no question holds ``MIN_COVERAGE`` of it, and never one far below the best (in
    coverage or in score)."""
    top = _top(scores, limit * CANDIDATES_PER_HIT + MIN_CANDIDATES)
    shares = [_coverage(index, parsed, doc) for doc, _ in top]
    best = max(shares, default=0.0)
    if best < MIN_COVERAGE:
        return {}
    rescored = {
        doc: score * share**COVERAGE_POWER / scale
        for (doc, score), share in zip(top, shares, strict=True)
        if share >= RELATIVE_COVERAGE * best
    }
    floor = RELATIVE_SCORE * max(rescored.values(), default=0.0)
    return {doc: score for doc, score in rescored.items() if score >= floor}


def _coverage(index: SearchIndex, parsed: Query, doc: int) -> float:
    """Share of the query's importance that ``doc`` holds (words it lacks count against)."""
    total = sum(parsed.importance) + parsed.missing
    if total <= 0.0:
        return 1.0
    held = 0.0
    for group, evidence, importance in zip(
        parsed.groups, parsed.evidence, parsed.importance, strict=True
    ):
        if importance > 0.0:
            held += importance * max(
                (evidence[t] for t in group if index.holds(t, doc)), default=0.0
            )
    return held / total


def _score(index: SearchIndex, rarity: Rarity, groups: tuple[Group, ...]) -> dict[int, float]:
    """Sum over groups of each question's best-scoring member (BM25F)."""
    scores: dict[int, float] = {}
    get = scores.get
    for group in groups:
        best = scores if len(group) == 1 else {}  # one member: add straight to the totals
        best_get = best.get
        for tid, weight in group.items():
            factor = weight * rarity.idf(tid)
            if best is scores:
                for doc, impact in index.postings_of(tid):
                    scores[doc] = get(doc, 0.0) + factor * impact
                continue
            for doc, impact in index.postings_of(tid):
                value = factor * impact
                if value > best_get(doc, 0.0):
                    best[doc] = value
        if best is not scores:
            for doc, value in best.items():
                scores[doc] = get(doc, 0.0) + value
    return scores


def _boost_sections(
    index: SearchIndex, rarity: Rarity, groups: tuple[Group, ...], scores: dict[int, float]
) -> None:
    """A question whose section title names a query word gains that word's idf, scaled."""
    bonus = [_title_bonus(index, rarity, groups, title) for title in index.section_terms]
    if not any(bonus):
        return
    owner = index.doc_sections
    for doc in scores:
        section = owner[doc]
        if section < len(bonus):
            scores[doc] += bonus[section]


def _title_bonus(
    index: SearchIndex, rarity: Rarity, groups: tuple[Group, ...], title: frozenset[str]
) -> float:
    total = 0.0
    for group in groups:
        named = [w * rarity.idf(tid) for tid, w in group.items() if index.vocab[tid] in title]
        total += max(named, default=0.0)
    return SECTION_WEIGHT * total


def _best(
    deck: Deck, index: SearchIndex, parsed: Query, scores: dict[int, float], limit: int
) -> list[tuple[int, float]]:
    """Top ``limit`` by score (ties in deck order); with phrases, only confirmed ones."""
    if not parsed.phrases:
        return _top(scores, limit)
    candidates = _phrase_candidates(index, parsed.phrases, scores)
    heap = [(-scores[doc], doc) for doc in candidates]
    heapq.heapify(heap)
    found: list[tuple[int, float]] = []
    for _ in range(min(len(heap), MAX_PHRASE_CHECKS)):
        if len(found) >= limit:
            break
        negative, doc = heapq.heappop(heap)
        if _has_phrases(deck.questions[doc], parsed.phrases):
            found.append((doc, -negative))
    return found


def _top(scores: dict[int, float], limit: int) -> list[tuple[int, float]]:
    """Best ``limit`` (score desc, then deck order); a C-speed cut-off keeps it fast."""
    if limit <= 0 or not scores:
        return []
    cutoff = heapq.nlargest(limit, scores.values())[-1]
    kept = [(doc, score) for doc, score in scores.items() if score >= cutoff]
    kept.sort(key=lambda item: (-item[1], item[0]))
    return kept[:limit]


def _phrase_candidates(
    index: SearchIndex, phrases: tuple[tuple[str, ...], ...], scores: dict[int, float]
) -> set[int]:
    """Scored questions holding every word of every phrase (order checked later)."""
    candidates = set(scores)
    for root in {root for phrase in phrases for root in phrase}:
        tid = index.term_id(root)
        candidates.intersection_update(index.docs_of(tid) if tid is not None else ())
    return candidates


def _contains(stems: list[str], phrase: tuple[str, ...]) -> bool:
    width = len(phrase)
    return any(tuple(stems[i : i + width]) == phrase for i in range(len(stems) - width + 1))


def _has_phrases(question: Question, phrases: tuple[tuple[str, ...], ...]) -> bool:
    fields = [[stem(w) for w in tokenize(text)] for text in (question.text, question.answer)]
    return all(any(_contains(f, phrase) for f in fields) for phrase in phrases)


def _matched(question: Question, groups: list[frozenset[str]]) -> tuple[str, ...]:
    wanted = frozenset().union(*groups)
    found: dict[str, None] = {}
    for text in (question.text, question.answer):
        for start, end, word in word_spans(text):
            if stem(word) in wanted:
                found[fold(text[start:end])] = None
    return tuple(found)


def _closest(index: SearchIndex, parsed: Query) -> tuple[str, ...]:
    """Deck words the query surely named, then close spellings of the words it lacks."""
    found = [
        index.surface_word(tid)
        for group, evidence in zip(parsed.groups, parsed.evidence, strict=True)
        for tid in sorted(group, key=group.__getitem__, reverse=True)[:1]
        if evidence[tid] >= 1.0
    ]
    for word in parsed.unknown[:MAX_SUGGESTION_WORDS]:
        near = nearest(index, word)
        if near is not None and near[0] <= 1 + (len(word) > 6) and near[1] not in STOP_WORDS:
            found.append(near[1])
    return tuple(dict.fromkeys(found))[:MAX_CLOSEST]


def _suggest(index: SearchIndex, query: str, parsed: Query) -> str | None:
    words = list(parsed.unknown) or [w for w in tokenize(query) if w not in STOP_WORDS]
    words = list(dict.fromkeys(words))[:MAX_SUGGESTION_WORDS]
    candidates = [found for w in words if (found := suggestion(index, w)) is not None]
    candidates = [c for c in candidates if c[1] not in words]
    return min(candidates)[1] if candidates else None
