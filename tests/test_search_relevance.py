"""Relevance on the bundled deck: what users type finds the question they mean.

Each row is a query and the question(s) a user would expect; at least one must be
in the top 3 (``FIRST`` rows: ranked first). The rows cover exact words, plurals
and other inflections, typos, abbreviations, synonyms, code names and plain
questions; they describe the behaviour, they are not tuned one rule per query.
"""

from __future__ import annotations

import functools

import pytest

from flaskprep.model import Deck
from flaskprep.parsing import parse_deck
from flaskprep.paths import bundled_deck
from flaskprep.search import SearchIndex, build_index, search

SEED = bundled_deck()

FIRST = "first"
TOP3 = "top3"

BLUEPRINTS = ("Blueprints and application factories", "What is the purpose of Blueprints in Flask?")
URL_FOR = ("URL building with `url_for`",)
UPLOADS = (
    "File uploads and handling",
    "How do you handle file uploads in Flask?",
    "Static files and file uploads",
)
MIGRATIONS = (
    "Database migrations with Flask-Migrate",
    "How do you implement database migrations in Flask?",
)
AUTHENTICATION = (
    "User authentication with Flask-Login",
    "How do you implement user authentication?",
    "JWT authentication",
)
LOGIN = ("User authentication with Flask-Login", "How do you implement user authentication?")
CSRF = ("Form validation and CSRF protection", "WTForms integration")
PASSWORDS = ("Password hashing and security",)
PRODUCTION = (
    "WSGI servers (Gunicorn, uWSGI)",
    "Nginx configuration",
    "Cloud deployment (AWS, GCP, Azure)",
)
TESTING = ("Unit testing with pytest", "Test client and test fixtures")
TEMPLATES = ("Jinja2 templating engine", "Template inheritance", "Template filters and tests")
CONFIG = ("Configuration management",)
I18N = ("Internationalization and localization",)
BACKGROUND = ("How do you handle background tasks in Flask?",)
DJANGO = ("What are the key differences between Flask and Django?",)
APP_CONTEXT = ("Explain the Flask application context.", "Application and request contexts")
REQUEST_CONTEXT = ("Explain the Flask request context.", "Application and request contexts")
ERRORS = ("Error handling and custom error pages",)
SCALING = ("Scaling strategies", "Explain how to scale a Flask application.")
SQLALCHEMY = ("SQLAlchemy ORM", "Flask-SQLAlchemy extension")
DEBUG_SERVER = ("Development server and debug mode",)
FACTORIES = ("Blueprints and application factories",)
TEST_CLIENT = ("Test client and test fixtures",)

CASES: list[tuple[str, tuple[str, ...], str]] = [
    # exact words and inflections
    ("blueprint", BLUEPRINTS, FIRST),
    ("blueprints", BLUEPRINTS, FIRST),
    ("Blueprints", BLUEPRINTS, FIRST),
    ("uploading files", UPLOADS, FIRST),
    ("upload", UPLOADS, FIRST),
    ("template inheritance", ("Template inheritance",), FIRST),
    ("templating", TEMPLATES, TOP3),
    ("validators", ("Custom validators", "Form validation and CSRF protection"), TOP3),
    ("scaling", SCALING, TOP3),
    ("deployment", ("Cloud deployment (AWS, GCP, Azure)", "Docker and containerization"), TOP3),
    ("containers", ("Docker and containerization",), FIRST),
    ("mocking", ("Mocking external services",), FIRST),
    ("debugging", ("Debugging techniques",), TOP3),
    ("flash messages", ("Flash messages",), FIRST),
    ("relationships", ("Model relationships",), FIRST),
    ("rate limiting", ("Rate limiting and throttling",), FIRST),
    ("api versioning", ("API versioning",), FIRST),
    ("monitoring", ("Monitoring and logging",), FIRST),
    ("sessions", ("Session management",), TOP3),
    ("roles and permissions", ("Role-based access control",), FIRST),
    # code names, punctuation and backticks
    ("url_for", URL_FOR, FIRST),
    ("url for", URL_FOR, FIRST),
    ("urlfor", URL_FOR, FIRST),
    ("`url_for`", URL_FOR, FIRST),
    ("create_app", FACTORIES, FIRST),
    ("current_app", APP_CONTEXT, TOP3),
    ("secure_filename", UPLOADS, TOP3),
    ("test_client", TEST_CLIENT, FIRST),
    ("Flask-Login", LOGIN, FIRST),
    ("flask login", LOGIN, FIRST),
    ("Flask-SQLAlchemy", SQLALCHEMY, FIRST),
    ("sql alchemy", SQLALCHEMY, TOP3),
    ("jinja2", TEMPLATES, FIRST),
    ("jinja", TEMPLATES, TOP3),
    ("werkzeug", ("WSGI and Werkzeug",), FIRST),
    ("gunicorn", PRODUCTION + SCALING, FIRST),
    ("nginx", ("Nginx configuration",), FIRST),
    ("alembic", MIGRATIONS, FIRST),
    ("sentry", ("Error tracking",), FIRST),
    ("marshmallow", ("Request parsing and validation",), FIRST),
    ("swagger", ("API documentation with Swagger/OpenAPI",), FIRST),
    ("“application context”", APP_CONTEXT, FIRST),
    ('"request context"', REQUEST_CONTEXT, FIRST),
    # typos
    ("bluprint", BLUEPRINTS, TOP3),
    ("blueprnts", BLUEPRINTS, TOP3),
    ("werkzueg", ("WSGI and Werkzeug",), TOP3),
    ("jinaj", TEMPLATES, TOP3),
    ("sqlalchmey", SQLALCHEMY, TOP3),
    ("templats", TEMPLATES, TOP3),
    ("authentification", AUTHENTICATION, TOP3),
    ("migratoins", MIGRATIONS, TOP3),
    ("celry", BACKGROUND, TOP3),
    ("pytset", TESTING, TOP3),
    ("docekr", ("Docker and containerization",), TOP3),
    ("prodcution deployment", (*PRODUCTION, "Development server and debug mode"), TOP3),
    # unfinished last word
    ("bluepr", BLUEPRINTS, TOP3),
    ("internationaliz", I18N, TOP3),
    ("file upl", UPLOADS, TOP3),
    # abbreviations and synonyms
    ("db migrations", MIGRATIONS, FIRST),
    ("auth", AUTHENTICATION, TOP3),
    ("jwt", ("JWT authentication",), FIRST),
    ("jwt tokens", ("JWT authentication",), FIRST),
    ("config", CONFIG, FIRST),
    ("env vars", CONFIG, TOP3),
    ("i18n", I18N, FIRST),
    ("translations", I18N, FIRST),
    ("tmpl inheritance", ("Template inheritance",), FIRST),
    ("err handling", ERRORS, TOP3),
    ("log in", LOGIN, TOP3),
    ("sign in users", LOGIN, TOP3),
    ("async jobs", BACKGROUND, TOP3),
    ("background tasks", BACKGROUND, FIRST),
    ("rest api", ("Building RESTful APIs", "Flask-RESTful extension"), TOP3),
    ("orm", SQLALCHEMY, TOP3),
    ("csrf", CSRF, FIRST),
    ("flask vs django", DJANGO, FIRST),
    ("deploy to aws", ("Cloud deployment (AWS, GCP, Azure)",), FIRST),
    ("db perf", ("Query patterns and optimization",), TOP3),
    # plain-language questions
    ("how do I protect against cross site request forgery", CSRF, FIRST),
    ("how to hash passwords", PASSWORDS, FIRST),
    ("how do I store passwords securely", PASSWORDS, FIRST),
    ("how do I run flask in production", PRODUCTION, TOP3),
    ("where do static files go", ("Static files and file uploads",), FIRST),
    ("how do I test my app", TESTING, TOP3),
    ("how do I add a database", SQLALCHEMY + MIGRATIONS, TOP3),
    ("how do I structure a large app", BLUEPRINTS, TOP3),
    ("what is the difference between flask and django", DJANGO, FIRST),
    ("how do I run tasks in the background", BACKGROUND, FIRST),
    ("how do I handle errors", ERRORS, TOP3),
    ("how do I show custom error pages", ERRORS, FIRST),
    ("how do I restrict pages to admins", ("Role-based access control",), TOP3),
    ("how do I translate my app", I18N, TOP3),
    ("how can I limit requests per user", ("Rate limiting and throttling",), TOP3),
    ("how do I document my api", ("API documentation with Swagger/OpenAPI",), TOP3),
    ("how do I turn on the debugger", (*DEBUG_SERVER, "Debugging techniques"), TOP3),
    ("what is flask", ("What is Flask and its key features",), TOP3),
    ("how do I build urls", URL_FOR, FIRST),
    ("how do I scale my flask app", SCALING, TOP3),
]


@functools.cache
def _seed() -> tuple[Deck, SearchIndex]:
    deck = parse_deck(SEED)
    return deck, build_index(deck)


def _rank(query: str, expected: tuple[str, ...]) -> int | None:
    deck, index = _seed()
    texts = [hit.question.text for hit in search(deck, index, query, limit=3).hits]
    return next((rank for rank, text in enumerate(texts, 1) if text in expected), None)


def test_expected_questions_exist_in_the_seed() -> None:
    texts = {q.text for q in _seed()[0].questions}
    missing = {text for _, expected, _ in CASES for text in expected} - texts
    assert not missing


def test_table_is_broad() -> None:
    assert len(CASES) >= 30
    assert len({query for query, _, _ in CASES}) == len(CASES)


@pytest.mark.parametrize(("query", "expected", "where"), CASES, ids=[c[0] for c in CASES])
def test_query_finds_expected_question(query: str, expected: tuple[str, ...], where: str) -> None:
    rank = _rank(query, expected)
    assert rank is not None, f"{query!r}: none of {expected} in the top 3"
    if where == FIRST:
        assert rank == 1, f"{query!r}: expected first, got rank {rank}"


def summary() -> str:
    """hit@1 / hit@3 over the table (``python -m tests.test_search_relevance``)."""
    ranks = [_rank(query, expected) for query, expected, _ in CASES]
    at1 = sum(rank == 1 for rank in ranks)
    at3 = sum(rank is not None for rank in ranks)
    total = len(CASES)
    return f"{total} queries: hit@1 {at1}/{total} ({at1 / total:.0%}), hit@3 {at3}/{total}"


if __name__ == "__main__":
    print(summary())
