"""Search behaviour on small hand-built decks: what a user typing a query notices."""

from __future__ import annotations

import io
import json
import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console

from flaskprep.documents import dumps, search_document
from flaskprep.ids import assign_ids
from flaskprep.model import Deck, Question, Section
from flaskprep.search import SearchResult, build_index, highlight_spans, search
from flaskprep.ui.search_view import MATCH_STYLE, highlighted, render_search

Card = tuple[str, str]


def make_deck(sections: dict[str, list[Card]]) -> Deck:
    texts = [text for cards in sections.values() for text, _ in cards]
    ids = iter(assign_ids(texts))
    built = []
    line = 1
    for number, (title, cards) in enumerate(sections.items()):
        questions = []
        for position, (text, answer) in enumerate(cards, 1):
            questions.append(Question(next(ids), text, answer, line, number, position))
            line += 2
        built.append(Section(number + 1, title, tuple(questions)))
    return Deck.build("Test deck", "test.md", tuple(built))


DECK = make_deck(
    {
        "Basics": [
            ("Blueprints and application factories", "Blueprints group routes."),
            ("URL building with `url_for`", "`url_for` builds URLs from endpoint names."),
            ("Explain the application context", "It binds the app to the thread."),
            ("Configuration management", "Settings live on `app.config`."),
        ],
        "Data": [
            ("Database migrations", "Flask-Migrate wraps Alembic."),
            ("File uploads and handling", "Use `request.files` and secure_filename."),
            ("Context of the application at import time", "Nothing special here."),
            ("Logging setup", "Configure handlers and formatters."),
        ],
        "Security": [
            ("User login with Flask-Login", "Sessions, login and logout for users."),
            ("Testing views", "Use the test client."),
            ("Text encoding", "Always decode bytes to text early."),
            ("API versioning", "Version routes with blueprints or URL prefixes."),
        ],
    }
)
INDEX = build_index(DECK)


def texts(query: str, **options: object) -> list[str]:
    result = search(DECK, INDEX, query, **options)  # type: ignore[arg-type]
    return [hit.question.text for hit in result.hits]


def first(query: str) -> str:
    found = texts(query)
    assert found, f"no hits for {query!r}"
    return found[0]


def test_question_text_outranks_a_mention_in_an_answer() -> None:
    assert texts("blueprints")[:2] == [
        "Blueprints and application factories",
        "API versioning",
    ]


@pytest.mark.parametrize("query", ["url_for", "URL_FOR", "`url_for`", "url for", "urlfor"])
def test_code_names_match_however_they_are_typed(query: str) -> None:
    assert first(query) == "URL building with `url_for`"


@pytest.mark.parametrize("query", ["upload", "uploads", "uploading", "uploaded"])
def test_inflections_match(query: str) -> None:
    assert first(query) == "File uploads and handling"


@pytest.mark.parametrize("query", ["bluprint", "blueprnts", "bleuprint", "BLUPRINTS"])
def test_typos_find_the_word_meant(query: str) -> None:
    assert first(query) == "Blueprints and application factories"


def test_typo_matches_report_the_deck_word_for_highlighting() -> None:
    hit = search(DECK, INDEX, "bluprint").hits[0]
    assert "blueprints" in hit.matched_terms


def test_a_word_the_deck_contains_is_not_corrected() -> None:
    assert texts("test") == ["Testing views"]
    assert texts("text") == ["Text encoding"]


def test_unfinished_last_word_completes() -> None:
    assert first("bluepr") == "Blueprints and application factories"
    assert first("file upl") == "File uploads and handling"


def test_abbreviations_expand() -> None:
    assert first("db migrations") == "Database migrations"
    assert first("config") == "Configuration management"


def test_log_in_means_login_not_logging() -> None:
    assert first("log in") == "User login with Flask-Login"
    assert first("sign in") == "User login with Flask-Login"


def test_stop_words_carry_no_weight() -> None:
    assert texts("how do I use blueprints")[0] == texts("blueprints")[0]


def test_query_of_only_stop_words_still_finds_something() -> None:
    hits = search(DECK, INDEX, "with the").hits
    assert hits
    assert all({"with", "the"} & set(hit.matched_terms) for hit in hits)


def test_quoted_phrase_needs_adjacent_words_in_order() -> None:
    assert texts('"application context"') == ["Explain the application context"]
    assert "Context of the application at import time" in texts("application context")


def test_typographic_quotes_make_a_phrase_too() -> None:
    assert texts("“application context”") == ["Explain the application context"]


def test_unclosed_quote_is_plain_words() -> None:
    assert "Context of the application at import time" in texts('"application context')


def test_section_filter_restricts_hits() -> None:
    assert texts("blueprints", sections=[2]) == ["API versioning"]
    assert texts("blueprints", sections=[1]) == []


def test_limit_caps_hits_and_defaults_to_ten() -> None:
    big = make_deck({"Only": [(f"Routing question {n}", "routes") for n in range(15)]})
    index = build_index(big)
    assert len(search(big, index, "routing").hits) == 10
    assert len(search(big, index, "routing", limit=3).hits) == 3


def test_equal_scores_keep_deck_order() -> None:
    same = make_deck({"Only": [("Same words", "a"), ("Same words", "a"), ("Same words", "a")]})
    hits = search(same, build_index(same), "same").hits
    assert [hit.question.id for hit in hits] == [q.id for q in same.questions]


def test_a_query_on_a_topic_the_deck_lacks_is_refused() -> None:
    for query in ("send email", "kubernetes pods", "password hashing with bcrypt"):
        assert search(DECK, INDEX, query).hits == (), query


def test_one_common_deck_word_does_not_back_a_hit() -> None:
    assert search(DECK, INDEX, "docker container configuration").hits == ()
    assert first("configuration") == "Configuration management"


def test_a_short_word_typo_guess_backs_no_hit_alone() -> None:
    assert search(DECK, INDEX, "cors").hits == ()  # not "core", "con"...
    assert first("bluprint") == "Blueprints and application factories"


def test_refusal_names_the_closest_terms_the_deck_has() -> None:
    result = search(DECK, INDEX, "logging into kubernetes clusters")
    assert result.hits == ()
    assert "logging" in result.closest


def test_logged_in_means_login_not_logging() -> None:
    assert first("how do I keep users logged in") == "User login with Flask-Login"


def test_no_hits_suggests_the_nearest_deck_word() -> None:
    result = search(DECK, INDEX, "bleuprintzz")
    assert result.hits == ()
    assert result.suggestion in {"blueprint", "blueprints"}


def test_gibberish_gets_no_suggestion() -> None:
    assert search(DECK, INDEX, "qqxxzzkk") == SearchResult(
        "qqxxzzkk", (), None, unknown=("qqxxzzkk",)
    )


@pytest.mark.parametrize("query", ["", "   ", "?!", "`", '""'])
def test_empty_queries_find_nothing_quietly(query: str) -> None:
    assert search(DECK, INDEX, query).hits == ()


def test_empty_deck_finds_nothing() -> None:
    empty = Deck.build("Empty", "empty.md", ())
    assert search(empty, build_index(empty), "flask").hits == ()


def test_index_survives_pickling() -> None:
    restored = pickle.loads(pickle.dumps(INDEX, pickle.HIGHEST_PROTOCOL))
    assert search(DECK, restored, "bluprint") == search(DECK, INDEX, "bluprint")


def test_index_from_another_deck_is_rebuilt_not_trusted() -> None:
    other = build_index(make_deck({"One": [("Unrelated", "nothing")]}))
    assert search(DECK, other, "migrations").hits[0].question.text == "Database migrations"


def test_highlight_spans_cover_matched_words_and_code_names() -> None:
    text = "URL building with `url_for`"
    assert highlight_spans(text, ("url", "url_for")) == [(0, 3), (19, 26)]


def test_highlighted_text_styles_only_the_matched_ranges() -> None:
    rendered = highlighted("Blueprints and application factories", ("blueprints",))
    assert [(s.start, s.end, s.style) for s in rendered.spans] == [(0, 10, MATCH_STYLE)]


def render(result: SearchResult, deck: Deck, *, answers: bool = False) -> str:
    console = Console(file=io.StringIO(), width=100, color_system=None)
    console.print(render_search(result, deck, show_answers=answers))
    return console.file.getvalue()  # type: ignore[attr-defined]


def test_render_lists_rank_question_id_and_section() -> None:
    result = search(DECK, INDEX, "blueprints")
    out = render(result, DECK)
    first_hit = result.hits[0].question
    assert " 1. Blueprints and application factories" in out
    assert f"{first_hit.id} · 1. Basics" in out
    assert "Blueprints group routes." not in out
    assert "Blueprints group routes." in render(result, DECK, answers=True)


def test_markup_and_escape_codes_in_a_deck_are_shown_literally() -> None:
    hostile = make_deck(
        {
            "[bold]Evil[/bold]": [
                ("Routing [red]danger[/red] \x1b[31mred\x1b[0m", "[link=x]y[/link]")
            ]
        }
    )
    result = search(hostile, build_index(hostile), "routing")
    out = render(result, hostile, answers=True)
    assert "[red]danger[/red]" in out
    assert "[bold]Evil[/bold]" in out
    assert "[link=x]y[/link]" in out
    assert "\x1b" not in out


def test_json_has_query_and_hits_best_first() -> None:
    result = search(DECK, INDEX, "blueprints")
    data = json.loads(dumps(search_document([(DECK, result)], "blueprints", 10)))
    assert data["query"] == "blueprints"
    keys = {"deck", "id", "section", "question", "score"}
    assert [set(hit) for hit in data["hits"]] == [keys] * 2
    assert data["hits"][0]["question"] == "Blueprints and application factories"
    assert data["hits"][0]["section"] == "1. Basics"
    scores = [hit["score"] for hit in data["hits"]]
    assert scores == sorted(scores, reverse=True)
    assert all(round(score, 3) == score for score in scores)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=80))
def test_any_query_text_is_answered_without_error(query: str) -> None:
    result = search(DECK, INDEX, query, limit=5)
    assert len(result.hits) <= 5
    assert all(hit.score > 0 for hit in result.hits)


def test_a_long_pasted_query_still_finds_its_known_words() -> None:
    pasted = "Blueprints and application factories: blueprints group routes"
    assert first(f"{pasted} zq1xv {'x' * 500}") == "Blueprints and application factories"


def test_a_long_pasted_query_of_junk_is_answered_quickly_with_nothing() -> None:
    junk = " ".join(f"zq{n}xv" for n in range(40))
    assert search(DECK, INDEX, f"blueprints {junk} {'x' * 500}").hits == ()


def test_a_query_of_only_stop_words_searches_them_but_not_vs() -> None:
    sql = make_deck(
        {
            "SQL": [
                ("What is the difference between WHERE and HAVING?", "HAVING filters groups."),
                ("Function vs procedure", "A function returns a value."),
                ("What is a view?", "A stored query."),
            ]
        }
    )
    hits = search(sql, build_index(sql), "where vs having").hits
    assert hits[0].question.text.startswith("What is the difference between WHERE")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("di", "How does dependency injection work?"),
        ("gil", "Explain the Global Interpreter Lock"),
        ("orm", "What is an Object Relational Mapper?"),
        ("pros and cons of asyncio", "Advantages and drawbacks of asyncio"),
    ],
)
def test_abbreviations_and_plain_words_find_the_long_form(query: str, expected: str) -> None:
    python = make_deck(
        {
            "Python": [
                ("How does dependency injection work?", "Pass collaborators in."),
                ("Explain the Global Interpreter Lock", "One thread runs bytecode at a time."),
                ("What is an Object Relational Mapper?", "Maps tables to classes."),
                ("Advantages and drawbacks of asyncio", "Cheap waiting; one core."),
                ("What is a lock?", "A mutual exclusion primitive."),
            ]
        }
    )
    assert search(python, build_index(python), query).hits[0].question.text == expected


def test_a_folder_ranks_the_deck_where_the_words_are_at_home_first() -> None:
    git = make_deck(
        {
            "Git": [
                ("How do you undo the last commit?", "git reset HEAD~1 moves the branch back."),
                ("How do you amend a commit?", "git commit --amend rewrites the last commit."),
                ("What is a commit hash?", "The SHA-1 of the commit object."),
                ("How do you squash commits?", "Interactive rebase."),
            ]
        }
    )
    ops = make_deck(
        {
            "Ops": [
                ("What is version control?", "It records each commit; undo is easy."),
                ("How do you restart a service?", "systemctl restart."),
                ("What is load average?", "Runnable processes over time."),
                ("How do you read logs?", "journalctl."),
            ]
        }
    )
    indexes = [build_index(git), build_index(ops)]
    scored = [
        (hit.score, hit.question.text)
        for deck, index in zip((git, ops), indexes, strict=True)
        for hit in search(deck, index, "undo my last commit", peers=indexes).hits
    ]
    assert max(scored)[1] == "How do you undo the last commit?"


@pytest.mark.parametrize("query", ["send email", "cors", "kafka"])
def test_no_hits_suggest_no_word_that_is_not_a_plausible_misspelling(query: str) -> None:
    """``email`` is not a typo of ``enabling``, nor ``cors`` of ``code``."""
    result = search(DECK, INDEX, query)
    assert result.hits == ()
    assert result.suggestion is None


LETTERS = make_deck(
    {
        "Requests": [
            ("Per-request storage", "Keep data for one request on `g`, e.g. the current user."),
            ("Request objects", "The request object holds form data, e.g. fields and files."),
            ("Response objects", "A response object wraps a body, i.e. the bytes sent back."),
            ("Caching", "Cache costly results, e.g. in Redis, i.e. outside the process."),
        ]
    }
)


def test_a_one_letter_name_is_found_and_e_g_is_not_it() -> None:
    """``g`` is a name the deck uses once; the letters of "e.g." and "i.e." are no words."""
    index = build_index(LETTERS)
    found = search(LETTERS, index, "g").hits
    assert [hit.question.text for hit in found] == ["Per-request storage"]
    top = search(LETTERS, index, "what is the g object", limit=3).hits
    assert top and top[0].question.text == "Per-request storage"
