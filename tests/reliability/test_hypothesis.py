"""Property tests: the parser, the seed writer, the grader and the progress store.

These complement tests/test_parsing_properties.py: raw bytes through the whole
reading path, and round trips that start from whatever the parser made of
arbitrary Markdown-like text rather than from generated decks.
"""

from __future__ import annotations

import json
import math
import tempfile
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from flaskprep.errors import DeckError
from flaskprep.grading import grade, idf_table, key_terms
from flaskprep.model import Deck
from flaskprep.parsing import parse_text
from flaskprep.parsing.reading import decode_deck, normalise_newlines
from flaskprep.parsing.writer import to_seed_markdown
from flaskprep.store import (
    CardState,
    DeckProgress,
    InterviewRecord,
    Phase,
    Progress,
    ProgressStore,
    Rating,
    Review,
)
from flaskprep.store.records import History
from flaskprep.store.snapshot import (
    decode_history,
    decode_reviews,
    decode_snapshot,
    encode_history,
    encode_snapshot,
)

# derandomize: the same examples on every run, so CI fails only when the code changed.
PARSER = settings(
    max_examples=2000, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck)
)
FEWER = settings(
    max_examples=300, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck)
)

LINES = [
    "# Deck",
    "## 1. Basics",
    "## Resources",
    "### Additional Resources",
    "- What is Flask?",
    "- Why [bold red]this[/bold red]?",
    "  - **Answer:** A framework.",
    "  - **Answer:**",
    "  - Answer: plain",
    "    more answer",
    "  ```python",
    "  ```",
    "```",
    "- [Docs](https://flask.palletsprojects.com/)",
    "<details><summary>Q?</summary>",
    "</details>",
    "Q: what?",
    "A: that",
    "**Bold question?**",
    "1. [Basics](#1-basics)",
    "---",
    "> quote",
    "\t- tab",
    "",
    "\x1b[2J",
    "\u202e",
    "\r",
    "\ufeff",
]
MARKDOWNISH = st.lists(st.sampled_from(LINES) | st.text(max_size=15), max_size=40).map("\n".join)


def _parse(text: str) -> Deck | None:
    try:
        return parse_text(text, "gen.md").deck
    except DeckError:
        return None


def shape(deck: Deck) -> tuple[Any, ...]:
    sections = [
        (s.number, s.title, [(q.text, q.answer) for q in s.questions]) for s in deck.sections
    ]
    return deck.title, sections, deck.resources


# --- the parser -------------------------------------------------------------------------------


@PARSER
@given(st.binary(max_size=400) | st.text(max_size=400).map(lambda t: t.encode("utf-8")))
def test_any_bytes_are_read_and_parsed_or_refused_with_deck_error(raw: bytes) -> None:
    try:
        parse_text(normalise_newlines(decode_deck(Path("any.md"), raw)), "any.md")
    except DeckError as exc:
        assert "any.md" in str(exc)
        assert "\n" not in str(exc)


@PARSER
@given(MARKDOWNISH)
def test_markdownish_text_raises_nothing_but_deck_error(text: str) -> None:
    deck = _parse(text)
    if deck is not None:
        assert len({q.id for q in deck.questions}) == len(deck.questions)  # ids unique


# --- the seed writer ------------------------------------------------------------------------

SEED_LINES = [
    "# Deck",
    "## 1. Basics",
    "## 2. More `code`",
    "Setext title",
    "spanning lines",
    "---",
    "### Additional Resources",
    "## Table of Contents",
    "1. [Basics](#1-basics)",
    "",
    "- What is Flask?",
    "- Why [bold red]this[/bold red]?",
    "- How do *I* use `g`?",
    "  - **Answer:** A framework.",
    "  - **Answer:** Uses `url_for` and **bold**.",
    "  - **Answer:**",
    "    more answer",
    "    - nested point",
    "      deeper",
    "    ```python",
    "    app = Flask(__name__)",
    "    ```",
    "    > a quote",
    "    1. step one",
    "    | a | b |",
    "- [Docs](https://flask.palletsprojects.com/)",
    "\x1b[2J",
    "\u202e",
    "café 日本",
]
WORD = st.text("abcXYZ019éß日本_*`#>|[]()!?.:;,/\\<&=- ", max_size=8).filter(
    # a line of = or - after a question's text: still open, see tests/reliability/RESULTS.md
    lambda word: not word or word.strip("=- ") != ""
)
SEED_PARTS = st.lists(st.sampled_from(SEED_LINES) | WORD, max_size=20)
SEED_LIKE = st.builds(  # a question somewhere, so few examples are thrown away
    lambda before, after: "\n".join([*before, "- Q?", "  - **Answer:** A.", *after]),
    SEED_PARTS,
    SEED_PARTS,
)


@PARSER
@example("- `url_for` or redirect?\n  - **Answer:** A.\n- `")  # was written as \\`url_for`
@example("Setext title\nspanning lines\n---\n- Q?\n  - **Answer:** A.")
@given(SEED_LIKE)
def test_a_parsed_seed_layout_deck_written_back_parses_to_the_same_deck(text: str) -> None:
    deck = _parse(text)
    assume(deck is not None and deck.questions)
    assert deck is not None
    again = parse_text(to_seed_markdown(deck), "gen.md").deck
    assert shape(again) == shape(deck)
    assert [q.id for q in again.questions] == [q.id for q in deck.questions]


@settings(
    max_examples=200, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck)
)
@example("<details><summary>Q?</summary>\n\n  - **Answer:** A.\n---\n</details>\n")
@example("**Bold question?**\n```\n**Bold question?**\n---\n")
@example("Q: what?\n- **Answer:** inner\n\nA: that\n")
@example("Q: what?\n\t- tab\nA: yes\n")
@example("- What is Flask?\n  - **Answer:** A framework.\n=")
@given(MARKDOWNISH)
def test_any_parsed_deck_written_back_parses_to_the_same_deck(text: str) -> None:
    deck = _parse(text)
    assume(deck is not None and deck.questions)
    assert deck is not None
    assert shape(parse_text(to_seed_markdown(deck), "gen.md").deck) == shape(deck)


# --- the grader -------------------------------------------------------------------------------

PROSE = st.lists(
    st.sampled_from(
        [
            "Flask",
            "WSGI",
            "`url_for`",
            "Werkzeug’s",
            "blueprints",
            "the",
            "a",
            "app.config",
            "Jinja2",
            "CSRF",
            "request",
            "context",
            "(g)",
            "e.g.",
            "café",
            "日本",
            "-",
            "42",
        ]
    )
    | st.text(max_size=10),
    max_size=30,
).map(" ".join)


@FEWER
@given(PROSE, PROSE)
def test_grade_is_between_zero_and_one(answer: str, model: str) -> None:
    score = grade(answer, model).score
    assert 0.0 <= score <= 1.0 and not math.isnan(score)


@FEWER
@given(PROSE, st.lists(PROSE, max_size=5))
def test_the_model_answer_scores_one(model: str, others: list[str]) -> None:
    assume(key_terms(model))
    assert grade(model, model).score == 1.0
    assert grade(model, model, idf_table([model, *others])).score == 1.0
    spaced = "  " + "\n".join(model.split()) + " "  # same words, other line breaks
    assert grade(spaced, model).score == 1.0


# --- the progress store -------------------------------------------------------------------------

MOMENT = st.datetimes(
    min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(timezone.utc)
)
QID = st.text("0123456789abcdef", min_size=8, max_size=8)


@st.composite
def cards(draw: st.DrawFn) -> CardState:
    last = draw(MOMENT)
    return CardState(
        card_id=draw(st.integers(1, 2**62)),
        phase=draw(st.sampled_from(list(Phase))),
        step=draw(st.none() | st.integers(0, 3)),
        stability=draw(st.none() | st.floats(0.01, 1e5)),
        difficulty=draw(st.none() | st.floats(1, 10)),
        due=last + timedelta(minutes=draw(st.integers(1, 10**6))),
        last_review=last,
        question=draw(st.none() | st.text()),
        carried_from=draw(st.none() | QID),
    )


REVIEWS = st.builds(
    Review,
    QID,
    MOMENT,
    st.sampled_from(list(Rating)),
    st.sampled_from(["flashcard", "type", "choice", "interview"]),
    st.integers(0, 10**7),
    st.none() | st.floats(0, 1),
)
INTERVIEWS = st.builds(
    InterviewRecord,
    MOMENT,
    st.integers(0, 50),
    st.integers(0, 50),
    st.floats(0, 1),
    st.none() | st.floats(0, 120),
    st.booleans(),
    st.integers(0, 50),
)
DECK_PROGRESS = st.builds(
    DeckProgress,
    st.dictionaries(QID, cards(), max_size=5),
    st.lists(REVIEWS, max_size=8),
    st.lists(INTERVIEWS, max_size=2),
    st.none() | st.text(),
)
PROGRESS = st.builds(Progress, st.dictionaries(st.text(), DECK_PROGRESS, max_size=3))


@FEWER
@given(PROGRESS)
def test_progress_encodes_and_decodes_to_the_same_progress(progress: Progress) -> None:
    history = decode_history(json.loads(encode_history(progress, ("g", 0))))
    rows = history.decks

    def reviews(key: str) -> History:
        return lambda: (decode_reviews(key, rows.get(key), []), 0)

    decoded = decode_snapshot(json.loads(encode_snapshot(progress, "g")), reviews)
    assert decoded.rejected == []
    assert decoded.progress == progress


@settings(
    max_examples=100, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck)
)
@given(st.text(min_size=1), st.lists(st.tuples(REVIEWS, cards()), min_size=1, max_size=6))
def test_reviews_recorded_through_the_store_load_back(
    deck_key: str, graded: list[tuple[Review, CardState]]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "progress.json"
        store = ProgressStore(path)
        for review, card in graded:
            store.record(deck_key, review, card)
        loaded = ProgressStore(path).load().deck(deck_key)
        assert store.notices == []
        assert loaded.reviews == [review for review, _ in graded]  # every grade kept
        assert set(loaded.cards) == {review.question_id for review, _ in graded}
