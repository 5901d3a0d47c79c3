"""The shared words package: tokens, stems, stop words, synonyms, normaliser, weights."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from flaskprep.words.stems import stem
from flaskprep.words.stopwords import STOP_WORDS
from flaskprep.words.synonyms import PHRASES, canonical, expand
from flaskprep.words.tokens import camel_parts, normalise, tokenize
from flaskprep.words.weights import weight


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
    assert "database" in expand("db")
    assert "authentication" in expand("auth")
    assert "configuration" in expand("config")
    assert "internationalization" in expand("i18n")
    assert expand("middleware") == ()


def test_equivalents_share_one_canonical_word_for_grading() -> None:
    assert canonical("db") == canonical("database") == "database"
    assert canonical("args") == canonical("arguments") == "parameter"
    assert canonical("middleware") == "middleware"


def test_related_meanings_widen_search_but_are_not_equivalents() -> None:
    assert "login" in expand("auth")
    assert canonical("auth") != canonical("login")


def test_normalise_ignores_case_punctuation_and_spacing() -> None:
    assert normalise("  What is `url_for`?\n") == "what is url for"
    assert normalise("ＦＬＡＳＫ  Blueprints!") == "flask blueprints"


def test_camel_parts_split_names_but_not_one_letter_prefixes() -> None:
    assert camel_parts("SQLAlchemy") == ["sql", "alchemy"]
    assert camel_parts("jinja2") == ["jinja", "2"]
    assert camel_parts("OAuth") == []
    assert camel_parts("flask") == []


@pytest.mark.parametrize("word", ["many", "whereas", "requiring", "keeping", "use", "also"])
def test_common_english_words_weigh_little(word: str) -> None:
    assert weight(word) <= 0.55


@pytest.mark.parametrize(
    "word", ["middleware", "coroutine", "sqlalchemy", "url_for", "decorator", "database"]
)
def test_technical_words_and_identifiers_weigh_fully(word: str) -> None:
    assert weight(word) >= 0.9


def test_weight_ignores_case() -> None:
    assert weight("Many") == weight("many")


def test_phrases_join_multi_word_forms() -> None:
    assert PHRASES[("log", "in")] == "login"
    assert PHRASES[("sign", "in")] == "login"
    assert PHRASES[("cross", "site", "request", "forgery")] == "csrf"
    assert PHRASES[("logged", "in")] == "login"


def test_shipped_weight_table_is_sorted_lowercase_words_with_hundredths() -> None:
    from importlib import resources

    text = resources.files("flaskprep.words").joinpath("weights.txt").read_text("utf-8")
    rows = [line.split(" ") for line in text.splitlines()]
    words = [word for word, _ in rows]
    assert len(words) > 10_000
    assert words == sorted(set(words))
    assert all(word.isalpha() and word == word.lower() for word in words)
    assert all(2 <= int(value) < 100 for _, value in rows)
