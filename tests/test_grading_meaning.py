"""Grading by meaning: other words, padding, keyword lists, swapped roles, the tables."""

from __future__ import annotations

from pathlib import Path

import pytest

from flaskprep.grading import grade
from flaskprep.words.related import key_of, similarity
from flaskprep.words.sorted_lines import find_line

WORDS = Path(__file__).resolve().parents[1] / "src" / "flaskprep" / "words"

L1_L2 = (
    "L1 regularization uses the sum of the absolute values of the weights, while L2 "
    "regularization uses the sum of the weights squared. L1 performs feature selection by "
    "reducing the coefficients of some predictors to 0, while L2 does not."
)


def test_a_word_said_in_other_words_counts_and_says_by_what() -> None:
    result = grade("it removes duplicates", "It deduplicates the rows")
    assert ("deduplicates", "duplicates") in result.matched_by
    near = grade("it keeps copies of the rows", "It keeps duplicates of the rows")
    assert ("duplicates", "copies") in near.matched_by
    assert near.score >= 0.5


def test_a_common_synonym_earns_credit() -> None:
    model = "Complexity increases the variance and decreases the bias."
    result = grade("Complexity raises the variance and lowers the bias.", model)
    assert ("increases", "raises") in result.matched_by
    assert ("decreases", "lowers") in result.matched_by
    assert result.score >= 0.9


def test_a_rare_sense_is_not_a_synonym() -> None:
    # WordNet's first noun sense of "crude" is crude oil, but the word is mostly used
    # to mean rough: only the senses a word is mostly used in give synonyms.
    model = "A crude model underfits the data."
    assert "crude" in grade("A rough model underfits the data.", model).matched
    assert "crude" in grade("An oil model underfits the data.", model).missing
    assert similarity(key_of("crude"), key_of("oil")) == 0.0


def test_a_word_of_the_same_family_the_stemmer_misses_says_a_term() -> None:
    # "divides" and "division" share no stem; WordNet links them as one family.
    model = "Merge sort divides the list in two halves."
    assert ("divides", "division") in grade(
        "Merge sort does a division of the list into two halves.", model
    ).matched_by
    assert "divides" in grade("Merge sort does a revision of the list.", model).missing


def test_a_two_word_phrase_says_a_word() -> None:
    model = "It lets you cancel slow work."
    result = grade("It lets you call off slow work.", model)
    assert ("cancel", "call off") in result.matched_by
    assert result.score > grade("It lets you call slow work.", model).score


def test_a_negated_opposite_says_a_term() -> None:
    model = "Python strings are immutable."
    result = grade("Python strings can never be altered.", model)
    assert ("immutable", "never altered") in result.matched_by
    assert "immutable" in grade("Python strings can be altered.", model).missing
    assert ("slow", "not fast") in grade(
        "Disk access is not fast.", "Disk access is slow."
    ).matched_by


def test_an_un_word_is_said_by_its_negated_rest() -> None:
    model = "An unbuffered channel blocks the sender."
    said = grade("A channel without a buffer blocks the sender.", model)
    assert ("unbuffered", "without buffer") in said.matched_by
    assert "unbuffered" in grade("A buffered channel blocks the sender.", model).missing


def test_an_opposite_is_not_a_near_meaning() -> None:
    # Word vectors see "mutable" and "immutable" used alike; WordNet says they are opposites.
    assert (
        "immutable" in grade("Python strings are mutable.", "Python strings are immutable.").missing
    )
    assert (
        "decreases" in grade("Training increases the bias.", "Training decreases the bias.").missing
    )


def test_two_words_of_an_answer_are_not_read_as_a_code_identifier() -> None:
    # The table has a line for SQLAlchemy's ``add_all`` (near ``expunge``); "add all"
    # typed as two words is a phrase, and no phrase of WordNet says "expunge".
    model = "The session can expunge objects at once."
    assert "expunge" in grade("The session can add all objects at once.", model).missing


def test_common_english_words_weigh_little() -> None:
    model = "Many frameworks, whereas this one keeps routing simple"
    assert grade("many", model).score == 0.0  # too common to be a key term
    assert grade("whereas", model).score < grade("routing", model).score / 2


@pytest.mark.parametrize(
    ("model", "typed"),
    [("auto-escaping of templates", "autoescaping"), ("versioned APIs", "API")],
)
def test_compounds_and_plurals_meet(model: str, typed: str) -> None:
    assert grade(typed, model).matched


def test_an_acronym_is_said_by_its_words() -> None:
    model = "In stochastic gradient descent (SGD) one sample estimates the gradient."
    result = grade("stochastic gradient descent uses one sample", model)
    assert "SGD" in result.matched


def test_padding_costs_credit() -> None:
    model = "Blueprints group related routes and templates into reusable modules."
    short = grade("Blueprints group related routes into modules.", model).score
    filler = " ".join(
        [
            "databases",
            "caching",
            "sessions",
            "cookies",
            "headers",
            "logging",
            "deployment",
            "servers",
            "workers",
            "queues",
            "metrics",
            "tracing",
        ]
    )
    padded = grade(f"Blueprints group related routes into modules, plus {filler}.", model).score
    assert padded < short


def test_a_bare_keyword_list_is_hard_at_best() -> None:
    model = "Blueprints group related routes and templates into reusable modules."
    assert grade("blueprints routes templates reusable modules group", model).score <= 0.55


def test_swapped_roles_of_contrasted_terms_are_wrong() -> None:
    swapped = (
        "L2 regularization uses the sum of the absolute values of the weights and performs "
        "feature selection, while L1 uses the sum of the weights squared."
    )
    result = grade(swapped, L1_L2)
    assert result.swapped is not None and set(result.swapped) == {"L1", "L2"}
    assert result.score <= 0.15


def test_a_right_answer_about_contrasted_terms_is_not_flagged() -> None:
    right = (
        "L1 adds the absolute size of each weight and can zero some out, so it selects "
        "features; L2 adds the squares and only shrinks them."
    )
    assert grade(right, L1_L2).swapped is None
    assert grade(L1_L2, L1_L2).swapped is None


def test_the_question_s_own_words_weigh_less() -> None:
    model = "A goroutine is a lightweight thread managed by the Go runtime."
    echo = "a goroutine is a goroutine"
    assert grade(echo, model, question="What is a goroutine?").score < grade(echo, model).score


REVERSE_PROXY = (
    "A reverse proxy such as nginx sits in front of the application server and receives "
    "every incoming request from clients. It terminates TLS, serves static files directly "
    "from disk, and compresses responses before they travel over the network. Requests for "
    "dynamic pages are forwarded to a pool of Gunicorn workers listening on a local socket. "
    "Because slow clients are buffered by the proxy, the workers are freed quickly and can "
    "handle the next request. The proxy can also balance load across several machines, "
    "cache frequent responses, and enforce rate limits or timeouts."
)


def test_a_long_model_answer_is_answered_by_its_main_points_in_other_words() -> None:
    # 49 key terms: a right answer covers the points, not 80% of every aside.
    good = (
        "nginx stands in front of Gunicorn and takes care of encryption, hands out images and "
        "stylesheets itself and passes everything else on to the workers. It waits for slow "
        "clients so workers are soon free again, and it can spread traffic over machines."
    )
    one_point = "nginx serves static files."
    assert grade(good, REVERSE_PROXY).score >= 0.5
    assert grade(one_point, REVERSE_PROXY).score < 0.3


@pytest.mark.parametrize("table", ["related.txt", "weights.txt"])
def test_word_tables_are_sorted_for_bisection(table: str) -> None:
    lines = (WORDS / table).read_text(encoding="utf-8").splitlines()
    keys = [line.split(" ", 1)[0] for line in lines]
    assert keys == sorted(keys)


def test_find_line_finds_every_key_and_nothing_else() -> None:
    text = b"# header\nalpha 1\nbeta 2 3\ngamma\n"
    assert find_line(text, "alpha") == "1"
    assert find_line(text, "beta") == "2 3"
    assert find_line(text, "gamma") == ""
    assert find_line(text, "delta") is None
    assert find_line(text, "") is None


def test_related_words_are_symmetric_and_bounded() -> None:
    assert similarity("thread", "thread") == 1.0
    alike = similarity("piec", "part")
    assert 0.5 <= alike <= 1.0
    assert similarity("part", "piec") == alike
    assert similarity("zzzz", "qqqq") == 0.0


def test_related_table_is_keyed_by_the_stemmer_in_use() -> None:
    # The table is built with ``words.stems``; a stemmer change needs a rebuild
    # (python3 scripts/build_related_words.py), or near meanings silently stop.
    from flaskprep.words.related import neighbours

    common = ["components", "duplicates", "threads", "pieces", "variables", "requests"]
    assert all(neighbours(key_of(word)) for word in common)
