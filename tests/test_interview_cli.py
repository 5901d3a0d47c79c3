"""``flaskprep interview`` on piped input: asks, grades, records reviews and the report."""

from __future__ import annotations

import json
import re

from cli_runner import run


def stats_json() -> dict[str, object]:
    result = run("stats", "--json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert isinstance(document, dict)
    return document


def asked(stdout: str) -> list[str]:
    """Section labels of the questions asked, in order."""
    return re.findall(r"Question \d+/\d+  (.+)", stdout)


def test_one_question_on_piped_input() -> None:
    result = run("interview", "--count", "1", "--seed", "4", stdin="I would use blueprints\n")
    assert result.exit_code == 0, result.stderr
    assert "Question 1/1" in result.stdout
    assert "Interview report" in result.stdout
    assert "You said: I would use blueprints" in result.stdout
    assert "Model answer:" in result.stdout
    assert "Overall:" in result.stdout and "(1 of 1 answered)" in result.stdout
    document = stats_json()
    assert (document["reviews"], document["reviewed"]) == (1, 1)
    (history,) = document["interviews"]  # type: ignore[misc]
    assert history["count"] == 1


def test_end_of_input_keeps_what_was_answered() -> None:
    result = run("interview", "--count", "3", "--seed", "1", stdin="first answer only\n")
    assert result.exit_code == 0
    assert "(1 of 3 answered)" in result.stdout
    assert stats_json()["reviews"] == 1


def test_no_answer_at_all_saves_nothing() -> None:
    result = run("interview", "--count", "2", stdin="")
    assert result.exit_code == 0
    assert "No question was answered." in result.stdout
    document = stats_json()
    assert document["reviews"] == 0 and document["interviews"] == []


def test_same_seed_same_questions_across_sections() -> None:
    first = asked(run("interview", "-n", "5", "--seed", "9", stdin="").stdout)
    again = asked(run("interview", "-n", "5", "--seed", "9", stdin="").stdout)
    assert first == again
    assert len(first) == 1  # end of input after the first question is shown


def test_sections_option_limits_the_questions() -> None:
    answers = "a\nb\nc\n"
    result = run("interview", "-n", "3", "--section", "routing", "--seed", "2", stdin=answers)
    assert result.exit_code == 0
    labels = asked(result.stdout)
    assert labels == ["2. Routing and Views"] * 3


def test_minutes_show_the_time_left() -> None:
    result = run("interview", "-n", "1", "--minutes", "5", stdin="answer\n")
    assert result.exit_code == 0
    assert "in 5 minutes" in result.stdout
    assert re.search(r"⏱ [45]:\d\d left", result.stdout)


def test_unknown_section_is_exit_2() -> None:
    result = run("interview", "--section", "nonexistent-topic", stdin="")
    assert result.exit_code == 2
    assert "nonexistent-topic" in result.stderr


def test_an_empty_answer_confirmed_skips_without_a_review() -> None:
    result = run("interview", "--count", "2", "--seed", "1", stdin="\n\nsecond answer\n")
    assert result.exit_code == 0, result.stderr
    assert "Enter again skips this question" in result.stdout
    assert "Question 2/2" in result.stdout
    assert "(1 of 2 answered, 1 skipped)" in result.stdout
    assert stats_json()["reviews"] == 1


def test_an_empty_answer_then_text_is_that_answer() -> None:
    result = run("interview", "--count", "1", "--seed", "1", stdin="\nmy real answer\n")
    assert "You said: my real answer" in result.stdout
    assert stats_json()["reviews"] == 1
