"""``flaskprep check``: grade one typed answer, as text or JSON."""

from __future__ import annotations

import json

import pytest

from cli_runner import run

GOOD_BLUEPRINT = (
    "A blueprint groups related routes and templates into a reusable module; you register it "
    "in an application factory like create_app, which defers configuration and helps testing."
)
WRONG_BLUEPRINT = "Blueprints are HTML design templates that Jinja renders."


def check_json(*args: str) -> dict[str, object]:
    result = run("check", *args, "--json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert isinstance(document, dict)
    return document


def test_json_has_id_score_matched_and_missing() -> None:
    document = check_json("1.4", GOOD_BLUEPRINT)
    assert set(document) >= {"id", "score", "matched", "missing"}
    assert isinstance(document["id"], str) and len(document["id"]) == 8
    assert "create_app" in document["matched"]  # type: ignore[operator]


def test_a_good_blueprint_answer_scores_above_a_wrong_one_within_bounds() -> None:
    good = check_json("1.4", GOOD_BLUEPRINT)["score"]
    wrong = check_json("1.4", WRONG_BLUEPRINT)["score"]
    assert isinstance(good, float) and isinstance(wrong, float)
    assert 0.0 <= wrong < good <= 1.0
    assert good - wrong > 0.3


def test_question_by_id_prefix_and_by_position_agree() -> None:
    by_position = check_json("1.4", "blueprints")
    by_prefix = check_json(str(by_position["id"])[:5], "blueprints")
    assert by_prefix == by_position


def test_text_view_shows_percent_terms_and_model_answer() -> None:
    result = run("check", "1.4", WRONG_BLUEPRINT)
    assert result.exit_code == 0
    assert "Score: " in result.stdout and "%" in result.stdout
    assert "Matched: Blueprints" in result.stdout
    assert "Missing:" in result.stdout and "create_app" in result.stdout
    assert "Model answer:" in result.stdout and "encapsulate" in result.stdout


def test_answer_from_stdin_with_a_dash() -> None:
    result = run("check", "1.4", "-", "--json", stdin=GOOD_BLUEPRINT)
    assert json.loads(result.stdout)["score"] == check_json("1.4", GOOD_BLUEPRINT)["score"]


def test_unknown_id_is_one_line_and_exit_2() -> None:
    result = run("check", "zzzz", "anything")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert "zzzz" in result.stderr and "Traceback" not in result.stderr


def test_missing_answer_argument_is_a_usage_error() -> None:
    assert run("check", "1.4").exit_code == 2


def test_json_says_what_in_the_answer_matched_each_term() -> None:
    document = check_json("1.4", GOOD_BLUEPRINT)
    pairs = document["matched_by"]
    assert isinstance(pairs, list) and pairs
    assert all(set(pair) == {"term", "by"} for pair in pairs)
    assert [pair["term"] for pair in pairs] == document["matched"]
    assert {"term": "create_app", "by": "create_app"} in pairs
    assert document["swapped"] is None


def test_terms_left_out_of_a_full_marks_answer_are_not_called_missing() -> None:
    """Full marks need not every term of the model answer: the rest is listed, not as missing."""
    from rich.console import Console

    from flaskprep.grading import Grade
    from flaskprep.ui.grading_view import render_grade_details

    def shown(score: float) -> str:
        console = Console(width=100, record=True, color_system=None)
        grade = Grade(score, ("blueprint",), ("key-backed",))
        console.print(render_grade_details(grade, "Blueprints and key-backed tokens."))
        return console.export_text()

    assert "Also in the model answer: key-backed" in shown(1.0)
    assert "Missing" not in shown(1.0)
    assert "Missing: key-backed" in shown(0.8)


def test_a_capped_keyword_list_says_why_it_is_not_full_marks() -> None:
    listed = run("check", "1.4", "blueprints routes templates modular reuse create_app testing")
    assert listed.exit_code == 0
    assert "A bare list of keywords earns 55% at most" in listed.stdout
    spoken = run("check", "1.4", GOOD_BLUEPRINT)
    assert "bare list" not in spoken.stdout and "costs credit" not in spoken.stdout
    listed_json = check_json("1.4", "blueprints routes templates modular reuse create_app testing")
    assert listed_json["limited_by"] == "keyword_list"
    assert check_json("1.4", GOOD_BLUEPRINT)["limited_by"] is None


def test_a_long_missing_list_shows_the_weightiest_terms_and_counts_the_rest(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    result = run("check", "1.4", "It is about routes.")
    missing = next(line for line in result.stdout.splitlines() if line.startswith("Missing:"))
    assert "create_app" not in missing  # only an aside, "(`create_app`)", says it
    assert "Blueprints" not in missing  # the question says it: no miss of the answer
    assert missing.count(",") == 7 and missing.endswith("and 2 more")


def test_a_score_is_shown_rounded_down_with_the_grade_it_proposes() -> None:
    """0.5965 proposes Hard (below 0.60): it shows as 59%, never as a Good-looking 60%."""
    from rich.console import Console

    from flaskprep.ui.grading_view import render_score

    def shown(score: float) -> str:
        console = Console(width=100, record=True, color_system=None)
        console.print(render_score(score, rating=True))
        return console.export_text().strip()

    assert shown(0.5965) == "59% · Hard"
    assert shown(0.6) == "60% · Good"
    assert shown(1.0) == "100% · Easy"
    assert "· " in run("check", "1.4", GOOD_BLUEPRINT).stdout


def test_a_full_marks_answer_lists_no_empty_leftovers() -> None:
    from rich.console import Console

    from flaskprep.grading import Grade
    from flaskprep.ui.grading_view import render_grade_details

    console = Console(width=100, record=True, color_system=None)
    console.print(render_grade_details(Grade(1.0, ("blueprint",), ()), "Blueprints."))
    text = console.export_text()
    assert "none" not in text and "Missing" not in text
