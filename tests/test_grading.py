"""The grader ranks answers as an interviewer would: good > partial > wrong."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from flaskprep.grading import KEYWORD_LIST_CAP, grade, idf_table, key_terms, term_matches
from flaskprep.words.inflections import base_form

SEED = Path(__file__).resolve().parents[1] / "seeds" / "flask-interview-prep.md"
SEED_ANSWERS = re.findall(r"\*\*Answer:\*\* (.*)", SEED.read_text(encoding="utf-8"))
IDF = idf_table(SEED_ANSWERS)
GOOD_OVER_PARTIAL = 0.25
GOOD_OVER_PARTIAL_AT_LEAST = 0.1
PARTIAL_OVER_WRONG = 0.04


def model(start: str) -> str:
    """The seed's model answer that begins with ``start``."""
    (found,) = [a for a in SEED_ANSWERS if a.startswith(start)]
    return found


@dataclass(frozen=True)
class Triple:
    name: str
    model: str
    good: str
    partial: str
    wrong: str


TRIPLES = [
    Triple(
        "blueprints and factories",
        model("Blueprints encapsulate"),
        "A blueprint bundles a group of related routes and templates into a reusable module. "
        "You register blueprints inside an application factory, a create_app function, so the "
        "configuration is decided later and tests can build an app with their own settings.",
        "Blueprints let you split your routes into separate modules.",
        "Blueprints are the HTML templates Flask renders with Jinja, a design layout for pages.",
    ),
    Triple(
        "application and request contexts",
        model("Flask pushes application"),
        "When a request comes in Flask pushes an app context and a request context. That is what "
        "makes current_app, g and request work as proxies inside your view functions, each "
        "pointing at the right object for the current thread, so access is thread safe.",
        "There is an application context that gives you current_app.",
        "Context is the dictionary of variables you pass to render_template for the page.",
    ),
    Triple(
        "configuration",
        model("Configs live"),
        "Settings are kept in the app.config dictionary. You can fill it from a Python class or "
        "object, from environment variables, or from a file in the instance folder, and "
        "override values per environment, say dev versus production.",
        "You put your settings in app.config.",
        "You configure the web server, like nginx, with a file that sets the ports.",
    ),
    Triple(
        "debug mode",
        model("`flask run --debug`"),
        "Running flask run with --debug turns on the auto reloader and the interactive Werkzeug "
        "debugger in the browser so you iterate quickly, but you must never expose that in "
        "production because anyone could run code on the server.",
        "Debug mode reloads the code automatically when you change it.",
        "Debug mode prints more log messages so you can see what the app is doing.",
    ),
    Triple(
        "url_for",
        model("`url_for` generates"),
        "url_for builds the URL for you from the endpoint name, basically the view function's "
        "name, so you never hard-code links and they keep working automatically when a route "
        "changes.",
        "url_for gives you the URL of a view.",
        "You type the full address as a string in the template and update it by hand.",
    ),
    Triple(
        "error pages",
        model("Register `@app.errorhandler"),
        "You decorate a function with app.errorhandler and a status code like 404 or an exception "
        "class, and return a friendly error page, or a JSON body for an API.",
        "You can show a custom page when something is not found.",
        "Wrap every view in try/except and print the traceback to the console.",
    ),
    Triple(
        "flash messages",
        model("`flash(message, category)`"),
        "You call flash with a message and an optional category; it is kept in the session until "
        "the next request, where the template reads them with get_flashed_messages to give the "
        "user feedback.",
        "flash shows a one-time message to the user.",
        "The browser shows an alert box with JavaScript and keeps it in local storage.",
    ),
    Triple(
        "form validation and CSRF",
        model("`form.validate_on_submit()`"),
        "In the view you call validate_on_submit on the form: on a POST it runs every field's "
        "validators and checks the CSRF token, which is signed with the app's secret key.",
        "validate_on_submit checks that the form was posted.",
        "CSRF protection means hashing the passwords with bcrypt before you save them.",
    ),
    Triple(
        "migrations",
        model("Flask-Migrate wraps"),
        "It's built on Alembic: when your models change you run flask db migrate to "
        "autogenerate a migration script, review it, then flask db upgrade applies it.",
        "Flask-Migrate handles schema migrations for you.",
        "You export the tables to CSV files and import them into the new server by hand.",
    ),
    Triple(
        "password hashing",
        model("Use `werkzeug.security`"),
        "Never keep the plain text password: hash it with a salted algorithm such as bcrypt or "
        "PBKDF2, with werkzeug.security's generate_password_hash or with passlib.",
        "You should hash passwords before saving them.",
        "Passwords are checked with a regular expression for length and special characters.",
    ),
    Triple(
        "JWT",
        model("Flask-JWT-Extended issues"),
        "With the Flask-JWT-Extended extension the server issues a signed JSON web token carrying "
        "the user's identity and extra claims, so the API stays stateless with no server session.",
        "Flask-JWT-Extended gives the client a token.",
        "It is a way to render JSON from a template with a special filter.",
    ),
    Triple(
        "rate limiting",
        model("Flask-Limiter enforces"),
        "Add Flask-Limiter: you declare limits such as 100 per minute per client, the counters "
        "are kept in memory or in Redis, and a client over its quota gets a 429 Too Many "
        "Requests response.",
        "Flask-Limiter caps how often a client can call you.",
        "Put Redis in front as a cache so that pages come back quicker under load.",
    ),
    Triple(
        "test client",
        model("`app.test_client()`"),
        "app.test_client gives a client that sends HTTP calls to the app without a real server, "
        "and pytest fixtures put the database in a known state and push the application context.",
        "The test client lets you simulate calls to your views.",
        "You test it by starting the app and clicking through the pages in a browser.",
    ),
    Triple(
        "nginx",
        model("Nginx proxies"),
        "Nginx sits in front as a reverse proxy passing requests on to Gunicorn; it terminates "
        "TLS, serves the static assets itself and buffers slow clients for performance.",
        "Nginx is a reverse proxy in front of the app.",
        "Nginx is an application server that runs your Python code in threads.",
    ),
    Triple(
        "background tasks",
        model("Use Celery or RQ"),
        "Hand slow work to a task queue like Celery or RQ: a broker such as Redis carries the "
        "messages, workers run the jobs asynchronously, and the route just enqueues the task.",
        "I would use Celery for that.",
        "Start a thread inside the view and make the user wait for it to finish.",
    ),
]


def scores(triple: Triple) -> tuple[float, float, float]:
    return tuple(  # type: ignore[return-value]
        grade(text, triple.model, IDF).score for text in (triple.good, triple.partial, triple.wrong)
    )


@pytest.mark.parametrize("triple", TRIPLES, ids=[t.name for t in TRIPLES])
def test_good_beats_partial_beats_wrong(triple: Triple) -> None:
    good, partial, wrong = scores(triple)
    assert good >= partial + GOOD_OVER_PARTIAL_AT_LEAST, (good, partial, wrong)
    assert partial > wrong, (good, partial, wrong)


def test_partial_answers_are_clearly_ahead_of_wrong_ones() -> None:
    # "Blueprints are the HTML templates Flask renders" reuses two of the model's words,
    # and Flask's documentation uses "Flask" beside "blueprint": it may come close.
    ahead = [partial >= wrong + PARTIAL_OVER_WRONG for _, partial, wrong in map(scores, TRIPLES)]
    assert sum(ahead) >= len(TRIPLES) - 1, ahead


def test_good_answers_are_clearly_ahead_of_partial_ones() -> None:
    # A short partial answer that names the one identifier everything hangs on
    # (``Flask-JWT-Extended gives the client a token``) may come close to a good one.
    ahead = [good >= partial + GOOD_OVER_PARTIAL for good, partial, _ in map(scores, TRIPLES)]
    assert sum(ahead) >= len(TRIPLES) - 1, ahead


@pytest.mark.parametrize("triple", TRIPLES, ids=[t.name for t in TRIPLES])
def test_ordering_holds_without_idf(triple: Triple) -> None:
    good, partial, wrong = (
        grade(text, triple.model).score for text in (triple.good, triple.partial, triple.wrong)
    )
    assert good > partial > wrong


@pytest.mark.parametrize("answer", SEED_ANSWERS)
def test_model_answer_scores_exactly_one(answer: str) -> None:
    assert grade(answer, answer, IDF).score == 1.0
    assert grade(answer, answer).missing == ()


def test_empty_answer_scores_zero_and_misses_everything_but_the_aside() -> None:
    answer = model("Blueprints encapsulate")
    assert "(`create_app`)" in answer
    result = grade("   ", answer, IDF)
    assert (result.score, result.matched) == (0.0, ())
    assert sorted(result.missing) == sorted(
        t.text for t in key_terms(answer) if t.text != "create_app"
    )


@pytest.mark.parametrize(
    "answer", ["", "blueprints " * 200, "!!!", "`create_app`", "x" * 5000, "é ü 日本"]
)
def test_score_stays_between_zero_and_one(answer: str) -> None:
    for model_answer in SEED_ANSWERS[:10]:
        assert 0.0 <= grade(answer, model_answer, IDF).score <= 1.0


def test_key_terms_find_identifiers_extensions_and_skip_stop_words() -> None:
    terms = key_terms(model("Flask-Login manages"))
    texts = [t.text for t in terms]
    assert texts[:2] == ["Flask-Login", "manages"]
    assert "current_user" in texts
    assert {"and", "the", "Flask"}.isdisjoint(texts)
    kinds = {t.text: t.kind for t in terms}
    assert kinds["Flask-Login"] == kinds["current_user"] == "identifier"


def test_key_terms_split_code_spans_and_dotted_names() -> None:
    texts = [t.text for t in key_terms(model("Use `werkzeug.security`"))]
    assert texts[:2] == ["werkzeug.security", "passlib"]
    assert "PBKDF2" in texts


def test_key_terms_are_deduplicated_by_stem() -> None:
    terms = key_terms("Routes route routing, and `route` again.")
    assert len(terms) == 1


def test_a_long_dotted_name_is_said_by_its_last_part() -> None:
    result = grade("use secure_filename", "`werkzeug.utils.secure_filename`")
    assert result.score == 1.0


def test_generic_parts_alone_do_not_say_an_identifier() -> None:
    (term,) = key_terms("`app.test_client()`")
    assert term_matches(term, "the test client")
    assert not term_matches(term, "test the app")


def test_matched_and_missing_use_the_model_answers_words() -> None:
    result = grade("app.config loaded from env vars", model("Configs live"), IDF)
    assert "app.config" in result.matched
    assert "env" in result.matched and "vars" in result.matched
    assert "instance" in result.missing


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("blueprnts", True),  # one letter missing, 10 letters
        ("bleuprints", True),  # transposition
        ("bluprnts", True),  # two edits, 8+ letters
        ("blueprnt", True),
        ("bloop", False),
    ],
)
def test_small_typos_are_tolerated(typed: str, expected: bool) -> None:
    (term,) = key_terms("Blueprints")
    assert term_matches(term, typed) is expected


def test_short_words_need_exact_spelling() -> None:
    (term,) = key_terms("hash")
    assert not term_matches(term, "hush")
    assert term_matches(term, "hashing")
    (longer,) = key_terms("cache")
    assert term_matches(longer, "cashe")


@pytest.mark.parametrize(
    ("model_text", "typed"),
    [
        ("database", "db"),
        ("authentication", "auth"),
        ("configuration", "config"),
        ("environment variables", "env vars"),
        ("`current_app`", "the current app"),
        ("`secure_filename`", "secure filename"),
        ("Flask-Login", "flask login"),
        ("JWT", "a JSON web token"),
    ],
)
def test_synonyms_abbreviations_and_spoken_identifiers(model_text: str, typed: str) -> None:
    assert grade(typed, model_text).score == 1.0


def test_identifiers_weigh_more_than_words() -> None:
    model_answer = "Call `validate_on_submit` in the view"
    assert grade("validate_on_submit", model_answer).score > grade("view", model_answer).score


def test_a_bare_keyword_list_scores_below_the_same_words_in_a_sentence() -> None:
    model_answer = model("Blueprints encapsulate")
    listed = "blueprints routes templates modular reuse factory create_app configuration testing"
    spoken = (
        "blueprints group routes and templates for modular reuse, and a factory like create_app "
        "defers the configuration for testing"
    )
    assert grade(listed, model_answer).score < grade(spoken, model_answer).score


@pytest.mark.parametrize(
    ("model_text", "typed", "term"),
    [
        ("The training dataset is kept in one table.", "The data you train on.", "dataset"),
        ("Blueprints make a large application modular.", "It splits into modules.", "modular"),
    ],
)
def test_a_word_of_the_same_family_says_a_term(model_text: str, typed: str, term: str) -> None:
    assert term in grade(typed, model_text).matched
    assert term not in grade("It splits into separate parts.", model_text).matched


@pytest.mark.parametrize(
    ("model_text", "typed", "term"),
    [
        ("The user chose a password.", "The user chooses a password.", "chose"),
        ("The old job ran on the worker.", "The worker runs the old job.", "ran"),
    ],
)
def test_an_irregular_form_says_its_base_word(model_text: str, typed: str, term: str) -> None:
    graded = grade(typed, model_text)
    assert term in graded.matched
    assert dict(graded.matched_by)[term] != ""


@pytest.mark.parametrize("word", ["left", "found", "data", "lives", "better"])
def test_a_word_of_its_own_is_no_irregular_form(word: str) -> None:
    """``left`` is a direction, ``found`` a verb, ``data`` a noun: none is turned into
    ``leave``, ``find`` or ``datum``."""
    assert base_form(word) == word


BRANCH = "`git switch -c name` (or `git checkout -b name`) creates a new branch and moves onto it."


def test_one_letter_flags_are_no_key_terms() -> None:
    assert [t.text for t in key_terms("Run `git switch -c name` or `ls -a`.")] == [
        "Run",
        "git",
        "switch",
        "name",
        "ls",
    ]


def test_either_way_an_or_aside_names_is_an_answer() -> None:
    """A model answer's "(or ...)" names another way: either way scores alike, and the way
    not taken is not missing."""
    switch, checkout = (grade(f"git {way} feature", BRANCH) for way in ("switch -c", "checkout -b"))
    assert min(switch.score, checkout.score) > 0.5
    assert abs(switch.score - checkout.score) < 0.05
    assert "checkout" not in switch.missing
    assert grade("It makes a new branch.", BRANCH).score < 0.3


def test_a_blank_answer_misses_the_required_terms_weightiest_first() -> None:
    assert grade("  ", BRANCH).missing == grade("x", BRANCH).missing
    assert "checkout" not in grade("  ", BRANCH).missing


def test_an_aside_may_hold_parentheses() -> None:
    model_text = "Use `Flask-Session` (or a cache such as Redis (in memory)) for large sessions."
    assert "Redis" not in grade("Flask-Session keeps large sessions.", model_text).missing


def test_a_typed_command_is_not_a_bare_keyword_list() -> None:
    model_text = "`git reset --soft HEAD~1` moves the branch back and keeps the changes staged."
    assert grade("git reset --soft HEAD~1", model_text).score > KEYWORD_LIST_CAP
    assert grade("git reset soft head branch changes", model_text).score <= KEYWORD_LIST_CAP


PREFIX = (
    "Blueprints encapsulate routes, templates and static files into reusable components "
    "registered on the app with a url_prefix."
)


def test_missing_terms_come_weightiest_first() -> None:
    missing = grade("Blueprints group templates.", PREFIX).missing
    assert missing[0] == "url_prefix"  # an identifier weighs most
    assert set(missing) >= {"routes", "static", "encapsulate"}


@pytest.mark.parametrize(
    ("typed", "limit"),
    [
        ("blueprints routes templates static components url_prefix registered", "keyword_list"),
        (
            "Blueprints group routes and templates into components, like kubernetes pods, "
            "docker containers, nginx load balancers and celery queues",
            "padding",
        ),
        ("Blueprints bundle routes, templates and static files, registered with a prefix.", None),
    ],
)
def test_a_grade_says_what_held_its_score_down(typed: str, limit: str | None) -> None:
    assert grade(typed, PREFIX).limited_by == limit


def test_one_word_in_other_words_stands_for_two_terms_at_most() -> None:
    """ "changes" may say ``mutable`` and ``modify`` (one idea told twice), not every term."""
    graded = grade(
        "The state changes.",
        "State is mutable: a component may modify it, and its behaviors follow.",
    )
    said_by_changes = [term for term, by in graded.matched_by if by == "changes"]
    assert len(said_by_changes) == 2
    assert graded.score < 0.8


LAYER = (
    "Nope. The model/database layer is decoupled from the rest of the framework; only the "
    "admin site is coupled to the Django database layer."
)


@pytest.mark.parametrize(
    ("typed", "opposite"),
    [
        ("Yes: every view goes through the database layer, admin site included.", True),
        ("No, the database layer is decoupled; only the admin site needs it.", False),
        ("No one needs the database layer except the admin site.", False),
    ],
)
def test_a_yes_where_the_model_says_no_is_wrong(typed: str, opposite: bool) -> None:
    graded = grade(typed, LAYER)
    assert (graded.limited_by == "opposite") is opposite
    assert (graded.score <= 0.15) is opposite


MERGE = (
    "Merge joins two histories with a merge commit and keeps the original commits; rebase "
    "replays your commits on top of another base, rewriting their hashes for a linear history."
)


@pytest.mark.parametrize(
    ("typed", "swapped"),
    [
        (
            "merge adds a merge commit and keeps history, rebase replays commits on a new base",
            False,
        ),
        ("rebase adds a merge commit and keeps history, merge replays commits on a new base", True),
    ],
)
def test_a_comma_before_the_other_term_starts_a_claim_of_its_own(typed: str, swapped: bool) -> None:
    assert (grade(typed, MERGE).swapped is not None) is swapped


def test_a_placeholder_in_a_command_is_no_key_term() -> None:
    terms = [t.text for t in key_terms("Run `git checkout -b <branch-name>`; style a `<div>`.")]
    assert terms == ["Run", "git", "checkout", "style", "div"]


def test_an_opening_no_answers_the_question_and_negates_nothing() -> None:
    model_text = "Comparing NULL with = yields UNKNOWN, never true."
    assert "true" not in grade("No, it gives false.", model_text).matched


@pytest.mark.parametrize(("typed", "opposite"), [("Yes", True), ("yes!", True), ("No", False)])
def test_a_bare_yes_or_no_is_read_too(typed: str, opposite: bool) -> None:
    assert (grade(typed, LAYER).limited_by == "opposite") is opposite


SQL_FILTERS = (
    "`WHERE` filters rows before grouping; `HAVING` filters groups after `GROUP BY` and can "
    "use aggregate functions like `COUNT(*)`."
)


def test_a_keyword_in_code_of_its_own_is_a_term_even_if_a_stop_word() -> None:
    assert {"is", "WHERE"} <= {t.text for t in key_terms("Use `is` for identity; `WHERE` too.")}
    assert "from" not in {t.text for t in key_terms("Write `from x import y`.")}


@pytest.mark.parametrize(
    ("typed", "swapped"),
    [
        ("WHERE keeps rows before grouping, HAVING keeps groups using aggregate functions", False),
        ("HAVING keeps rows before grouping, WHERE keeps groups using aggregate functions", True),
    ],
)
def test_swapped_sql_keywords_are_caught(typed: str, swapped: bool) -> None:
    graded = grade(typed, SQL_FILTERS, question="What is the difference between WHERE and HAVING?")
    assert (graded.swapped is not None) is swapped
    assert (graded.score <= 0.15) is swapped


FOREST = (
    "A random forest trains many decision trees on random samples and averages their votes "
    "(an ensemble method), for example to classify images or predict prices."
)
FOREST_PLAIN = (
    "A random forest trains many decision trees on random samples and averages their votes."
)


@pytest.mark.parametrize(
    "typed",
    ["It trains lots of decision trees on random samples and averages what they vote.", "trees"],
)
def test_leaving_out_an_aside_or_an_example_costs_nothing(typed: str) -> None:
    """Terms only a remark in parentheses or an example says are not missing: the answer
    scores as it would against the model answer without them."""
    graded = grade(typed, FOREST)
    assert graded.score == pytest.approx(grade(typed, FOREST_PLAIN).score)
    assert not {"ensemble", "images", "prices"} & set(graded.missing)


def test_an_aside_or_an_example_said_still_earns_credit() -> None:
    plain = "It trains many decision trees on random samples and averages their votes."
    assert grade(plain + " It is an ensemble.", FOREST).matched_by[-1] == ("ensemble", "ensemble")
    assert grade("It is an ensemble.", FOREST).score > grade("It is a thing.", FOREST).score


@pytest.mark.parametrize(
    ("model_text", "without_asides"),
    [
        ("Call `len(items)` to count a list.", "Call `len(items)` to count a list."),  # code
        ("(See the tutorial on blueprints.)", "(See the tutorial on blueprints.)"),  # all aside
        ("Frameworks such as Django ship an ORM.", "Frameworks ship an ORM."),
        ("Use a queue (e.g. Celery) for slow jobs.", "Use a queue for slow jobs."),
        ("Use a task queue for slow jobs; for instance Celery.", "Use a task queue for slow jobs."),
        ("Use a queue. For example, Celery runs tasks.", "Use a queue."),
        ("Apps, for example Django sites, need a WSGI server.", "Apps need a WSGI server."),
        ("Tools such as `ruff`, Black or `isort` fix style.", "Tools fix style."),
    ],
)
def test_what_counts_as_an_aside(model_text: str, without_asides: str) -> None:
    """A blank answer misses what the model answer says outside its asides and examples."""
    assert grade("", model_text).missing == grade("", without_asides).missing


def test_a_partly_right_answer_outscores_one_that_swaps_the_roles() -> None:
    question = "What is the difference between WHERE and HAVING?"
    partly = grade("One of them works before grouping.", SQL_FILTERS, question=question)
    swapped = grade(
        "HAVING keeps rows before grouping, WHERE keeps groups using aggregate functions",
        SQL_FILTERS,
        question=question,
    )
    assert swapped.swapped is not None
    assert partly.swapped is None
    assert partly.score > swapped.score


def test_an_identifier_is_a_subject_not_three_words_that_describe_another() -> None:
    """``app.test_client`` is what its clause is about: an answer that also says "app" and
    "client" about fixtures swaps nothing."""
    model_text = model("`app.test_client()`")
    right = grade(
        "app.test_client() sends fake requests to your app without a server, and pytest "
        "fixtures build the app and client for each test",
        model_text,
        IDF,
    )
    assert right.swapped is None and right.score > 0.5
    swapped = grade(
        "fixtures simulate HTTP calls; app.test_client() seeds database state", model_text
    )
    assert swapped.swapped is not None


def test_no_word_is_a_stop_word_because_of_the_bundled_deck() -> None:
    """In a deck of Python web frameworks "Flask" is the answer, not filler; "whereas"
    joins two clauses and is no key term anywhere."""
    model_text = "Flask, whereas Django ships an ORM and an admin."
    assert "Flask" in {t.text for t in key_terms(model_text)}
    assert "whereas" not in {t.text for t in key_terms(model_text)}
    assert grade("Flask", "Flask.").score == 1.0


REVERSE = "```python\ndef reverse(s):\n    return s[::-1]\n```"


def test_a_code_blocks_language_is_no_term_and_typed_code_is_no_keyword_list() -> None:
    assert "python" not in {t.text for t in key_terms(REVERSE)}
    typed = grade("def reverse(s):\n    return s[::-1]", REVERSE)
    assert typed.score == 1.0 and typed.limited_by is None
    assert grade("reverse return def s", REVERSE).limited_by == "keyword_list"


@pytest.mark.parametrize(
    ("typed", "model_text"), [("eu-west-2", "eu-west-1"), ("python2", "python3")]
)
def test_other_digits_are_another_name_not_a_typo(typed: str, model_text: str) -> None:
    assert grade(typed, model_text).score == 0.0
    assert grade(model_text, model_text).score == 1.0


def test_a_word_first_on_a_bulleted_line_is_no_name() -> None:
    """ "* ✅ Yes, …" and "* Ensures …" open their lines: a capital there is no name, and
    a right answer is not read as swapping "Yes" with "Ensures"."""
    model_text = (
        "* ✅ Yes, and they **should be** when using polymorphism.\n"
        "* Ensures proper destruction of derived objects when deleted via base pointer."
    )
    kinds = {t.text: t.kind for t in key_terms(model_text)}
    assert kinds["Yes"] == kinds["Ensures"] == "word"
    right = grade(
        "Yes, and a base class with virtual functions should have one, so deleting a derived "
        "object through a base pointer runs the derived destructor too.",
        model_text,
        question="Can destructors be virtual?",
    )
    assert right.swapped is None and right.score > 0.6


def test_the_model_answer_typed_back_scores_one_even_if_it_is_one_common_word() -> None:
    assert grade("Minutes", "Minutes").score == 1.0
    assert grade("", "").score == 0.0
