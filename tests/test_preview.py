"""``flaskprep preview``: the cards a quiz would make, right answers marked."""

from __future__ import annotations

import json
from typing import Any

import pytest

from cli_runner import run


def preview(*args: str) -> dict[str, Any]:
    result = run("preview", "--json", *args)
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert isinstance(document, dict)
    return document


def test_choice_items_have_exactly_one_right_option_from_their_own_question() -> None:
    document = preview("--mode", "choice", "--seed", "3")
    assert document["mode"] == "choice" and len(document["items"]) > 50
    for item in document["items"]:
        assert set(item) == {"id", "question", "mode", "options"}
        assert item["mode"] == "choice"
        right = [o for o in item["options"] if o["correct"]]
        assert len(right) == 1 and right[0]["source"] == item["id"]
        assert all(set(o) == {"text", "source", "correct"} for o in item["options"])
        assert len({o["source"] for o in item["options"]}) == len(item["options"]) == 4


def test_true_false_truth_is_whether_the_statement_is_the_cards_own_answer() -> None:
    items = preview("--mode", "truefalse", "--seed", "4")["items"]
    assert {item["truth"] for item in items} == {True, False}
    for item in items:
        assert set(item) == {"id", "question", "mode", "statement", "source", "truth"}
        assert item["truth"] == (item["source"] == item["id"])


def test_cloze_text_has_one_four_underscore_blank_per_hidden_term() -> None:
    items = preview("--mode", "cloze", "--seed", "5")["items"]
    assert len(items) > 50
    for item in items:
        assert set(item) == {"id", "question", "mode", "text", "blanks"}
        assert 1 <= len(item["blanks"]) <= 3
        assert item["text"].count("____") == len(item["blanks"])


def test_section_and_count_narrow_the_cards() -> None:
    items = preview("--section", "2", "--count", "2")["items"]
    assert len(items) == 2


@pytest.mark.parametrize("mode", ["choice", "cloze"])
def test_same_seed_same_cards_as_the_quiz(mode: str) -> None:
    item = preview("--mode", mode, "--seed", "11", "--count", "1")["items"][0]
    shown = run("quiz", "--mode", mode, "--count", "1", "--seed", "11", stdin="q\n").stdout
    flat = " ".join(shown.split())
    if mode == "choice":
        for option in item["options"]:
            assert " ".join(option["text"].split())[:40] in flat
    else:
        assert " ".join(item["text"].replace("____", "_____").split())[:40] in flat


def test_plain_output_marks_the_right_answer() -> None:
    result = run("preview", "--count", "1", "--seed", "1")
    assert result.exit_code == 0
    assert "✓" in result.stdout
