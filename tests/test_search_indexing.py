"""Building the search index: what it holds equals counting every word of every question."""

from __future__ import annotations

import math
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from flaskprep.model import Deck, Question, Section
from flaskprep.search import build_index, search
from flaskprep.search.indexing import index_words
from flaskprep.words.stems import stem

PIECES = st.sampled_from(
    ["flask", "Blueprint", "blueprints", "url_for", "SQLAlchemy", "don't", "jinja2", "x-y",
     "__init__", "Ｆｌａｓｋ", "café", "cafe\u0301", "¨", "ß", "OAuth", "HTTPServer", "a.b",
     "(case", "12)", "`g`", "’s", " ", "\u00a0", "\n", "\t", "-", "_", ",", "…"]
)  # fmt: skip
TEXTS = st.lists(PIECES, max_size=12).map("".join)


def deck_of(pairs: list[tuple[str, str]]) -> Deck:
    questions = tuple(Question(f"q{i}", q, a, i + 1, 0, i + 1) for i, (q, a) in enumerate(pairs))
    return Deck("Deck", "deck.md", (Section(1, "Basics", questions),), (), "deck.md", questions)


@given(TEXTS)
def test_a_text_holds_the_words_of_its_whitespace_separated_tokens(text: str) -> None:
    assert index_words(text) == [word for token in text.split() for word in index_words(token)]


def expected_impacts(pairs: list[tuple[str, str]]) -> dict[tuple[str, int], float]:
    """BM25F as written in the index's docstring, from a plain count of each field."""
    fields = [
        (Counter(map(stem, index_words(q))), Counter(map(stem, index_words(a)))) for q, a in pairs
    ]
    avg_q = sum(q.total() for q, _ in fields) / len(fields) or 1.0
    avg_a = sum(a.total() for _, a in fields) / len(fields) or 1.0
    impacts = {}
    for doc, (q, a) in enumerate(fields):
        q_norm = 3.0 / (0.25 + 0.75 * q.total() / avg_q)
        a_norm = 1.0 / (0.25 + 0.75 * a.total() / avg_a)
        for root in q.keys() | a.keys():
            weighted = q_norm * q[root] + a_norm * a[root]
            impacts[root, doc] = weighted * 2.2 / (1.2 + weighted)
    return impacts


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(TEXTS, TEXTS), min_size=1, max_size=6))
def test_postings_hold_each_stem_of_each_question_with_its_bm25f_weight(
    pairs: list[tuple[str, str]],
) -> None:
    index = build_index(deck_of(pairs))
    found = {
        (index.vocab[tid], doc): impact
        for tid in range(len(index.vocab))
        for doc, impact in index.postings_of(tid)
    }
    expected = expected_impacts(pairs)
    assert found.keys() == expected.keys()
    assert all(math.isclose(found[k], expected[k], rel_tol=1e-6) for k in expected)
    assert list(index.vocab) == sorted(index.vocab)


def test_the_most_frequent_spelling_is_offered_for_a_stem() -> None:
    pairs = [("Blueprints", "blueprints and a blueprint"), ("Routing", "blueprints again")]
    index = build_index(deck_of(pairs))
    assert index.surface_word(index.term_id(stem("blueprints")) or 0) == "blueprints"
    assert search(deck_of(pairs), index, "blueprint").hits[0].question.text == "Blueprints"


def test_link_addresses_are_no_words_of_the_index() -> None:
    """A cited source (``[[src](http://…)]``) or a bare address is no topic of the card;
    the link's text still is."""
    assert index_words("Bias? [[src](http://example.com/news-detail)]") == ["bias", "src"]
    assert index_words("See https://docs.python.org/3/ or [the docs](https://x.io).") == [
        "see",
        "or",
        "the",
        "docs",
    ]
