"""Ranked full-text search over a deck's questions and answers.

What the CLI calls (``flaskprep search``)::

    from flaskprep.search import build_index, search
    index = build_index(deck)       # once per deck; picklable: cache it with the deck
    result = search(deck, index, query, limit=10, sections=[0, 2])
    result.hits                     # best first: Hit(question, score, matched_terms)
    result.suggestion               # nearest deck word when there are no hits, else None

and ``highlight_spans(text, hit.matched_terms)`` gives the ranges to emphasise.

Ranking is BM25F over the question text (weighted higher) and the answer, with a
small boost when a query word names the question's section. Query words are
folded and stemmed like the deck (``flaskprep.words``); a word the deck does not
contain is matched to deck words within a small Damerau edit distance, the last
word may be unfinished (``bluepr``), abbreviations and synonyms come from
``flaskprep.words.synonyms``, and ``"quoted phrases"`` must appear with their words
adjacent and in order. Pure standard library; a query touches only the postings of
its terms, never every question.
"""

from __future__ import annotations

from flaskprep.search.index import INDEX_VERSION, SearchIndex, highlight_spans
from flaskprep.search.indexing import build_index
from flaskprep.search.ranking import Hit, SearchResult, search

__all__ = [
    "INDEX_VERSION",
    "Hit",
    "SearchIndex",
    "SearchResult",
    "build_index",
    "highlight_spans",
    "search",
]
