"""Tokenising, stemming, stop words and synonyms shared by search and grading."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from flaskprep.text import PHRASES, STOP_WORDS, expand_synonyms, stem, tokenize


def test_tokenize_ignores_case_punctuation_and_backticks() -> None:
    assert tokenize("URL building with `url_for`!") == ["url", "building", "with", "url", "for"]


def test_tokenize_treats_typographic_and_straight_apostrophes_alike() -> None:
    assert tokenize("Werkzeug’s") == tokenize("Werkzeug's") == ["werkzeugs"]


def test_tokenize_drops_quotes_around_words() -> None:
    assert tokenize("“quoted” and \"straight\" and 'single'") == [
        "quoted",
        "and",
        "straight",
        "and",
        "single",
    ]


def test_tokenize_folds_fullwidth_letters() -> None:
    assert tokenize("ＦＬＡＳＫ") == ["flask"]


def test_tokenize_keeps_digits_in_words() -> None:
    assert tokenize("Jinja2 returns 429") == ["jinja2", "returns", "429"]


@pytest.mark.parametrize(
    "family",
    [
        "blueprint blueprints",
        "upload uploads uploading uploaded",
        "configure configuration configurations configured configuring",
        "authenticate authentication authenticated",
        "deploy deployment deployments deploying deployed",
        "test tests testing tested",
        "template templates templating",
        "route routes routing routed",
        "validate validation validated",
        "library libraries",
        "query queries querying",
        "cookie cookies",
        "cache caching cached",
        "localization localize localized local",
        "scale scaling scalable scalability",
        "secure security securely",
        "migrate migration migrations migrating",
        "handle handler handlers handling",
        "debug debugging debugger",
        "log logs logging logger",
        "serve server servers serving",
        "protect protection protected",
        "version versions versioning",
        "hash hashes hashing hashed",
    ],
)
def test_stem_joins_word_families(family: str) -> None:
    assert len({stem(word) for word in family.split()}) == 1


@pytest.mark.parametrize(
    ("one", "other"),
    [("test", "text"), ("form", "format"), ("user", "use"), ("session", "sess"), ("local", "loc")],
)
def test_stem_keeps_different_words_apart(one: str, other: str) -> None:
    assert stem(one) != stem(other)


def test_stem_leaves_short_words_and_numbers_alone() -> None:
    assert [stem(w) for w in ("db", "api", "jwt", "429", "oauth2")] == [
        "db",
        "api",
        "jwt",
        "429",
        "oauth2",
    ]


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz", max_size=30))
def test_stem_is_total_and_never_longer(word: str) -> None:
    stemmed = stem(word)
    assert len(stemmed) <= len(word)
    assert bool(stemmed) == bool(word)


def test_stop_words_are_question_filler_not_topics() -> None:
    assert {"how", "do", "i", "the", "what", "to"} <= STOP_WORDS
    assert not {"flask", "test", "database", "login"} & STOP_WORDS


def test_synonyms_expand_common_abbreviations() -> None:
    assert "database" in expand_synonyms("db")
    assert "authentication" in expand_synonyms("auth")
    assert "configuration" in expand_synonyms("config")
    assert "internationalization" in expand_synonyms("i18n")
    assert expand_synonyms("blueprint") == ()


def test_phrases_join_multi_word_forms() -> None:
    assert PHRASES[("log", "in")] == "login"
    assert PHRASES[("sign", "in")] == "login"
    assert PHRASES[("cross", "site", "request", "forgery")] == "csrf"
