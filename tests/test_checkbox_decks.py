"""Checkbox quizzes (``- [ ] Aurora`` / ``- [x] DynamoDB``): the deck's own wrong options
serve the quiz, search finds them, and the deck cache keeps them."""

from __future__ import annotations

import random
from pathlib import Path

from flaskprep.deck_cache import load_deck, load_indexed
from flaskprep.learn.distractors import DistractorPool
from flaskprep.learn.prompts import choice_prompt, true_false_prompt
from flaskprep.search import search

QUIZ = """# AWS

#### Q1. Which database stores key-value pairs?

- [ ] Aurora
- [ ] Neptune
- [ ] RDS for MySQL
- [x] DynamoDB

#### Q2. Which service archives data for years at low cost?

- [ ] EFS
- [ ] Snowball
- [x] S3 Glacier

#### Q3. Which service runs code without servers?

- [x] Lambda
- [ ] EC2
"""


def write(tmp_path: Path) -> Path:
    path = tmp_path / "aws-quiz.md"
    path.write_text(QUIZ, encoding="utf-8")
    return path


def test_a_choice_card_offers_the_decks_own_wrong_options(tmp_path: Path) -> None:
    deck = load_deck(write(tmp_path))  # through the cache, twice: built, then read back
    deck = load_deck(write(tmp_path))
    first = deck.questions[0]
    assert first.choices == ("Aurora", "Neptune", "RDS for MySQL")
    pool = DistractorPool(deck)
    for seed in range(5):
        prompt = choice_prompt(pool, first, random.Random(seed))
        assert prompt is not None
        assert sorted(prompt.options) == ["Aurora", "DynamoDB", "Neptune", "RDS for MySQL"]
        assert prompt.options[prompt.correct] == "DynamoDB"


def test_a_false_statement_may_be_one_of_the_decks_own_options(tmp_path: Path) -> None:
    deck = load_deck(write(tmp_path))
    pool = DistractorPool(deck)
    third = deck.questions[2]
    prompt = true_false_prompt(pool, third, random.Random(1), truth=False)
    assert prompt is not None and prompt.shown_answer == "EC2"


def test_search_finds_a_question_by_one_of_its_wrong_options(tmp_path: Path) -> None:
    deck, index = load_indexed(write(tmp_path))
    hits = search(deck, index, "snowball").hits
    assert [hit.question.text for hit in hits][:1] == [
        "Which service archives data for years at low cost?"
    ]
