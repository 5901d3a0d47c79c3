"""The bundled seed deck parses to its exact sections, questions, answers and resources."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from flaskprep.model import Deck
from flaskprep.parsing import parse_deck, parse_text, read_deck_text

DATA = Path(__file__).parent / "data"
SEED = Path(__file__).resolve().parents[1] / "seeds" / "flask-interview-prep.md"


@pytest.fixture(scope="module")
def seed() -> Deck:
    return parse_deck(SEED)


def test_seed_has_ten_numbered_sections_in_order(seed: Deck) -> None:
    assert [s.number for s in seed.sections] == list(range(1, 11))
    assert seed.sections[0].title == "Flask Fundamentals"
    assert seed.sections[9].title == "Common Interview Questions"


def test_seed_has_sixty_three_questions(seed: Deck) -> None:
    assert len(seed.questions) == 63
    assert [len(s.questions) for s in seed.sections] == [6, 6, 6, 5, 6, 6, 6, 6, 6, 10]


def test_seed_title_is_the_first_heading(seed: Deck) -> None:
    assert seed.title == "Flask Interview Preparation"


def test_contents_list_is_neither_section_nor_question(seed: Deck) -> None:
    assert all("Contents" not in s.title for s in seed.sections)
    assert all("](#" not in q.text for q in seed.questions)


def test_question_keeps_inline_code(seed: Deck) -> None:
    assert seed.sections[1].questions[1].text == "URL building with `url_for`"


def test_answer_label_is_removed_and_markdown_kept(seed: Deck) -> None:
    answer = seed.sections[1].questions[1].answer
    assert answer == (
        "`url_for` generates URLs from endpoint names, keeping links DRY and "
        "updating automatically when routes change."
    )


def test_typographic_quote_survives(seed: Deck) -> None:
    assert seed.sections[1].questions[3].answer.startswith("Werkzeug’s `Request` exposes")


def test_question_lines_and_positions(seed: Deck) -> None:
    first = seed.questions[0]
    assert (first.text, first.line, first.section_index, first.position) == (
        "What is Flask and its key features",
        18,
        0,
        1,
    )
    last = seed.questions[-1]
    assert (last.text, last.section_index, last.position) == (
        "Explain how to scale a Flask application.",
        9,
        10,
    )


def test_every_seed_question_is_answered(seed: Deck) -> None:
    assert all(q.answered for q in seed.questions)


def test_seed_resources(seed: Deck) -> None:
    assert len(seed.resources) == 5
    assert seed.resources[0].title == "Flask Documentation"
    assert seed.resources[0].url == "https://flask.palletsprojects.com/"
    assert seed.resources[-1].title == "TestDriven.io Flask"


def test_resources_are_not_questions(seed: Deck) -> None:
    assert all("http" not in q.text for q in seed.questions)


def test_seed_ids_match_golden_file(seed: Deck) -> None:
    golden = json.loads((DATA / "seed_ids.json").read_text(encoding="utf-8"))
    assert [q.id for q in seed.questions] == golden


def test_seed_ids_are_unique(seed: Deck) -> None:
    assert len({q.id for q in seed.questions}) == 63


def test_seed_ids_are_stable_across_parses(seed: Deck) -> None:
    again = parse_text(read_deck_text(SEED), "elsewhere/copy.md").deck
    assert [q.id for q in again.questions] == [q.id for q in seed.questions]


def test_seed_is_read_as_the_bullet_layout() -> None:
    result = parse_text(read_deck_text(SEED), str(SEED))
    assert result.layout == "bullets"
    assert result.problems == ()


def test_key_defaults_to_path_and_can_be_given() -> None:
    text = "- Q?\n  - **Answer:** A.\n"
    assert parse_text(text, "d.md").deck.key == "d.md"
    assert parse_text(text, "d.md", key="bundled:x").deck.key == "bundled:x"
