"""lint_deck: every problem as a record; ``lint`` prints ``file:line: severity: message``."""

from __future__ import annotations

from pathlib import Path

import pytest

from flaskprep.errors import DeckError
from flaskprep.parsing import lint_deck
from flaskprep.parsing.lint import format_problem


def lint(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "deck.md"
    path.write_text(text, encoding="utf-8")
    return [format_problem("deck.md", problem) for problem in lint_deck(path)]


def test_clean_deck_has_no_findings(tmp_path: Path) -> None:
    assert lint(tmp_path, "## 1. S\n- Q?\n  - **Answer:** A.\n") == []


def test_answer_without_question_is_an_error(tmp_path: Path) -> None:
    text = "## 1. S\n  - **Answer:** lost\n- Q?\n  - **Answer:** A.\n"
    assert lint(tmp_path, text) == ["deck.md:2: error: answer without a question"]


def test_question_without_answer_is_a_warning(tmp_path: Path) -> None:
    text = "- Q1?\n- Q2?\n  - **Answer:** A.\n"
    assert lint(tmp_path, text) == ["deck.md:1: warning: question without an answer"]


def test_duplicate_question_is_a_warning_naming_the_first(tmp_path: Path) -> None:
    text = "- What is Flask?\n  - A: one\n- what is **flask**\n  - A: two\n"
    assert lint(tmp_path, text) == ["deck.md:3: warning: duplicate question (same as line 1)"]


def test_no_questions_is_an_error(tmp_path: Path) -> None:
    assert lint(tmp_path, "# Notes\n\nJust prose.\n") == ["deck.md:1: error: no questions found"]


def test_findings_are_in_line_order(tmp_path: Path) -> None:
    text = "- Q?\n- Q?\n  - A: a\nA: stray\n"
    lines = lint(tmp_path, text)
    assert [int(line.split(":")[1]) for line in lines] == sorted(
        int(line.split(":")[1]) for line in lines
    )


def test_labelled_orphan_answer_reported(tmp_path: Path) -> None:
    text = "Q: One?\nA: yes\nA: again\n"
    assert lint(tmp_path, text) == ["deck.md:3: error: answer without a question"]


def test_unreadable_file_raises_deck_error(tmp_path: Path) -> None:
    with pytest.raises(DeckError):
        lint_deck(tmp_path / "missing.md")


# --- the `flaskprep lint` command ---------------------------------------------------------


def run_lint(*args: str) -> tuple[int, str, str]:
    from cli_runner import run

    result = run("lint", *args)
    return result.exit_code, result.stdout, result.stderr


def test_lint_command_on_the_bundled_deck_is_clean() -> None:
    code, out, err = run_lint()
    assert (code, out) == (0, "")
    assert "No problems found" in err


def test_lint_command_exits_1_on_errors(tmp_path: Path) -> None:
    path = tmp_path / "bad.md"
    path.write_text("## 1. S\n  - **Answer:** lost\n- Q?\n  - A: a\n", encoding="utf-8")
    code, out, _ = run_lint(str(path))
    assert code == 1
    assert out == f"{path}:2: error: answer without a question\n"


def test_lint_command_exits_0_on_warnings_only(tmp_path: Path) -> None:
    path = tmp_path / "warn.md"
    path.write_text("- Q?\n- Q?\n  - A: a\n", encoding="utf-8")
    code, out, _ = run_lint(str(path))
    assert code == 0
    assert out.splitlines() == [
        f"{path}:1: warning: question without an answer",
        f"{path}:2: warning: duplicate question (same as line 1)",
    ]


def test_lint_command_refuses_a_missing_file_in_one_line(tmp_path: Path) -> None:
    code, _, err = run_lint(str(tmp_path / "nope.md"))
    assert code == 2
    assert len(err.strip().splitlines()) == 1
    assert "nope.md" in err


def test_question_like_line_not_read_is_a_warning(tmp_path: Path) -> None:
    text = "- Q?\n  - **Answer:** A.\n\n> **What is X?**\n"
    assert lint(tmp_path, text) == [
        "deck.md:4: warning: question-like line not read as a question (dropped)"
    ]


def test_question_like_line_inside_code_is_not_a_warning(tmp_path: Path) -> None:
    text = "- Q?\n  - **Answer:** A.\n\n```\n**What is X?**\n```\n"
    assert lint(tmp_path, text) == []


def test_unclosed_code_fence_is_a_warning_at_its_opening_line(tmp_path: Path) -> None:
    text = "## What is X?\nX:\n\n```py\nx = 1\n"
    assert lint(tmp_path, text) == [
        "deck.md:4: warning: code fence is never closed (the rest of the deck reads as code)"
    ]


def test_second_answer_bullet_is_a_warning(tmp_path: Path) -> None:
    text = "- Q?\n  - **Answer:** A.\n  - **Answer:** B.\n"
    assert lint(tmp_path, text) == [
        "deck.md:3: warning: second answer bullet merged into the first answer"
    ]


# --- what the parser missed ----------------------------------------------------------------


def test_stray_question_line_taken_into_an_answer_is_a_warning(tmp_path: Path) -> None:
    text = "- What is X?\n  - **Answer:** X.\nWhat is Z?\n\n- What is Y?\n  - **Answer:** Y.\n"
    assert lint(tmp_path, text) == [
        "deck.md:3: warning: question-like line read as part of the answer to line 1"
    ]


def test_question_heading_in_an_answer_is_a_warning(tmp_path: Path) -> None:
    text = "## 1. What is X?\n\nX.\n\n### Why use X?\n\nBecause.\n\n## 2. What is Y?\n\nY.\n"
    assert lint(tmp_path, text) == [
        "deck.md:5: warning: question-like line read as part of the answer to line 1"
    ]


def test_question_heading_read_as_a_section_is_a_warning(tmp_path: Path) -> None:
    text = (
        "### Basics\n- What is X?\n  - **Answer:** X.\n"
        "### What is an event loop?\n- What is Y?\n  - **Answer:** Y.\n"
    )
    assert lint(tmp_path, text) == [
        "deck.md:4: warning: question-like heading read as a section (it has no answer of its own)"
    ]


def test_duplicate_section_title_is_a_warning(tmp_path: Path) -> None:
    text = "## Basics\n- What is X?\n  - A: X.\n## Routing\n- What is Y?\n  - A: Y.\n"
    text += "## Basics\n- What is Z?\n  - A: Z.\n"
    assert lint(tmp_path, text) == ["deck.md:7: warning: duplicate section title (same as line 1)"]


@pytest.mark.parametrize(
    "name", ["bold.md", "details.md", "headings.md", "labelled.md", "mixed.md"]
)
def test_clean_sample_decks_have_no_findings(name: str) -> None:
    assert lint_deck(Path(__file__).parent / "data" / "decks" / name) == ()


def test_findings_are_records_with_line_severity_and_message(tmp_path: Path) -> None:
    path = tmp_path / "deck.md"
    path.write_text("- Q?\n- Q2?\n  - A: a\n", encoding="utf-8")
    [problem] = lint_deck(path)
    assert (problem.line, problem.severity, problem.message) == (
        1,
        "warning",
        "question without an answer",
    )


def test_a_part_title_inside_an_answer_is_no_swallowed_question(tmp_path: Path) -> None:
    """A deeper heading or bold line that asks nothing outright ("### How to Build an
    Image") titles a part of the answer; one ending with "?" is still reported."""
    text = (
        "## 1. What is Docker?\n\nA container platform.\n\n### How to Build an Image\n\n"
        "Write a Dockerfile.\n\n**How it works**\n\nLayers.\n\nHow do layers cache?\n\n"
        "By content.\n\n## 2. What is a volume?\n\nStorage outside the container.\n"
    )
    assert lint(tmp_path, text) == [
        "deck.md:13: warning: question-like line read as part of the answer to line 1"
    ]
