"""`flaskprep quiz` through the real entry point with the line protocol."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.cli_runner import run

from saved_progress import saved


def progress(home: Path) -> dict:  # type: ignore[type-arg]
    return saved(home / "data" / "progress.json")


def reviews(home: Path) -> list[list[object]]:
    return progress(home)["decks"]["bundled:flask-interview-prep"]["reviews"]


def test_three_flash_grades_make_three_reviews_of_three_questions(isolated_home: Path) -> None:
    result = run("quiz", stdin="\n3\n\n2\n\n4\n")
    assert result.exit_code == 0, result.stderr
    document = progress(isolated_home)
    assert document["version"] == 1
    rows = reviews(isolated_home)
    assert len(rows) == 3 and len({row[0] for row in rows}) == 3
    assert [row[2] for row in rows] == [3, 2, 4]
    assert "Seen 3 questions" in result.stdout
    assert "3 Good · 10m" in result.stdout  # grade keys show their interval


def test_three_choice_answers_add_three_reviews(isolated_home: Path) -> None:
    run("quiz", stdin="\n3\n")
    result = run("quiz", "--mode", "choice", "--seed", "1", stdin="1\n2\n3\n")
    assert result.exit_code == 0, result.stderr
    rows = reviews(isolated_home)
    assert len(rows) == 4
    assert [row[3] for row in rows[1:]] == ["choice"] * 3
    assert "The answer is" in result.stdout or "Right!" in result.stdout


def test_cram_adds_no_review(isolated_home: Path) -> None:
    run("quiz", stdin="\n3\n")
    before = (isolated_home / "data" / "progress.json").read_bytes()
    result = run("quiz", "--cram", "--section", "2", stdin="\n1\n\n4\n")
    assert result.exit_code == 0, result.stderr
    assert "Seen 2 questions" in result.stdout
    assert (isolated_home / "data" / "progress.json").read_bytes() == before
    headers = [line for line in result.stdout.splitlines() if " of " in line and "·" in line]
    assert headers and all(line.rstrip().endswith("· cram") for line in headers)
    plain = run("quiz", stdin="\n3\n").stdout.splitlines()
    assert [line for line in plain if " of " in line and "· flash" in line]
    assert not [line for line in plain if line.rstrip().endswith("· cram")]


def test_a_grade_then_end_of_input_is_kept(isolated_home: Path) -> None:
    result = run("quiz", stdin="\n3\n\n")
    assert result.exit_code == 0
    assert len(reviews(isolated_home)) == 1
    assert "Next due:" in result.stdout


def test_undo_and_skip_lines(isolated_home: Path) -> None:
    result = run("quiz", stdin="\n1\nu\n4\ns\n\n3\nq\n")
    assert result.exit_code == 0, result.stderr
    assert [row[2] for row in reviews(isolated_home)] == [4, 3]
    assert "Took the last grade back." in result.stdout
    assert "skipped 1" in result.stdout


def test_corrupt_progress_is_kept_aside_with_a_message(isolated_home: Path) -> None:
    data = isolated_home / "data"
    data.mkdir(parents=True)
    (data / "progress.json").write_text('{"version": 1, "decks": {')
    result = run("quiz", stdin="\n3\n")
    assert result.exit_code == 0
    assert "Traceback" not in result.stderr
    [aside] = data.glob("progress.json.corrupt-*")
    assert aside.read_text() == '{"version": 1, "decks": {'
    assert str(aside) in result.stderr
    assert len(reviews(isolated_home)) == 1


def test_newer_progress_file_is_refused_before_any_question(isolated_home: Path) -> None:
    data = isolated_home / "data"
    data.mkdir(parents=True)
    (data / "progress.json").write_text('{"version": 7, "decks": {}}')
    result = run("quiz", stdin="\n3\n")
    assert result.exit_code == 2
    assert "newer flaskprep" in result.stderr
    assert "What is Flask" not in result.stdout
    assert (data / "progress.json").read_text() == '{"version": 7, "decks": {}}'


def test_unwritable_data_folder_errors_before_any_question(
    isolated_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setenv("FLASKPREP_HOME", str(blocker))
    result = run("quiz", stdin="\n3\n")
    assert result.exit_code == 2
    assert "FLASKPREP_HOME" in result.stderr
    assert "What is Flask" not in result.stdout


def test_true_false_and_type_modes_record_their_mode(isolated_home: Path) -> None:
    assert run("quiz", "-m", "truefalse", "-n", "2", "--seed", "3", stdin="t\nf\n").exit_code == 0
    typed = "Flask is a lightweight microframework built on Werkzeug and Jinja2"
    result = run("quiz", "-m", "type", "-n", "1", stdin=f"{typed}\n\n")
    assert result.exit_code == 0, result.stderr
    rows = reviews(isolated_home)
    assert [row[3] for row in rows] == ["truefalse", "truefalse", "type"]
    assert rows[-1][5] is not None  # the grader's score is kept
    assert "Score:" in result.stdout


def test_nothing_due_says_when_and_suggests_cram(isolated_home: Path) -> None:
    answers = "".join("\n4\n" for _ in range(63))
    assert run("quiz", "-n", "63", stdin=answers).exit_code == 0
    result = run("quiz")
    assert result.exit_code == 0
    assert "Nothing is due now" in result.stdout and "--cram" in result.stdout


def test_bad_section_is_a_usage_error() -> None:
    result = run("quiz", "--section", "no such section at all")
    assert result.exit_code == 2
    assert "no section matches" in result.stderr


DECK = """# Tiny deck

## 1. Basics
- What does the application factory pattern give you
  - **Answer:** A `create_app` function that builds and configures a fresh app per call.
- How do blueprints help
  - **Answer:** They group routes, templates and static files into reusable components.
"""


def deck_reviews(home: Path, deck: Path) -> dict:  # type: ignore[type-arg]
    return progress(home)["decks"][str(deck.resolve())]


def test_reworded_question_keeps_its_progress_and_old_progress_stays(
    isolated_home: Path, tmp_path: Path
) -> None:
    deck = tmp_path / "tiny.md"
    deck.write_text(DECK)
    assert run("--deck", str(deck), "quiz", "-n", "1", stdin="\n4\n").exit_code == 0
    old = deck_reviews(isolated_home, deck)
    [old_id] = old["cards"]
    deck.write_text(DECK.replace("give you", "give you in Flask"))  # reworded, same meaning
    result = run("--deck", str(deck), "quiz", "-n", "1", stdin="q\n")
    assert result.exit_code == 0, result.stderr
    cards = deck_reviews(isolated_home, deck)["cards"]
    [new_id] = [qid for qid in cards if qid != old_id]
    assert cards[new_id]["carried_from"] == old_id
    assert cards[new_id]["due"] == cards[old_id]["due"]
    assert old_id in cards  # kept, so undoing the edit restores it
    assert "How do blueprints help" in result.stdout  # the carried one is not new any more


def test_cosmetic_edit_keeps_the_same_card(isolated_home: Path, tmp_path: Path) -> None:
    deck = tmp_path / "tiny.md"
    deck.write_text(DECK)
    run("--deck", str(deck), "quiz", "-n", "1", stdin="\n4\n")
    deck.write_text(DECK.replace("What does the application", "What does the  **application**"))
    run("--deck", str(deck), "quiz", "-n", "1", stdin="q\n")
    assert len(deck_reviews(isolated_home, deck)["cards"]) == 1


def test_a_review_dated_in_the_future_does_not_break_the_quiz(isolated_home: Path) -> None:
    run("quiz", "-n", "1", stdin="\n4\n")
    path = isolated_home / "data" / "progress.json"
    document = saved(path)
    deck = document["decks"]["bundled:flask-interview-prep"]
    for card in deck["cards"].values():
        card["last_review"] = "2099-01-01T00:00:00+00:00"
        card["due"] = "2099-01-02T00:00:00+00:00"
    path.write_text(json.dumps(document))
    result = run("quiz", "-n", "1", stdin="\n3\n")
    assert result.exit_code == 0, result.stderr
    assert len(reviews(isolated_home)) == 2


def test_time_zone_change_keeps_cards(isolated_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    monkeypatch.setenv("TZ", "Pacific/Kiritimati")
    time.tzset()
    try:
        run("quiz", "-n", "2", stdin="\n4\n\n4\n")
        monkeypatch.setenv("TZ", "America/Adak")
        time.tzset()
        result = run("quiz", "-n", "2", stdin="q\n")
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
    assert result.exit_code == 0
    assert len(progress(isolated_home)["decks"]["bundled:flask-interview-prep"]["cards"]) == 2
    assert all(row[1].endswith("+00:00") for row in reviews(isolated_home))


def test_piped_typed_answer_keeps_its_proposed_grade_at_end_of_input(
    isolated_home: Path,
) -> None:
    typed = "Flask is a lightweight microframework built on Werkzeug and Jinja2"
    result = run("quiz", "-m", "type", "-n", "1", stdin=f"{typed}\n")
    assert result.exit_code == 0, result.stderr
    assert "Seen 1 question" in result.stdout
    rows = reviews(isolated_home)
    assert [row[3] for row in rows] == ["type"]
    assert rows[0][2] >= 2  # a good answer: not Again


def test_quiz_help_describes_the_end_of_piped_input() -> None:
    result = run("quiz", "--help")
    assert "proposed grade is kept" in " ".join(result.stdout.split())


def test_summary_counts_questions_in_plain_english(isolated_home: Path) -> None:
    assert "Seen 1 question in" in run("quiz", "-n", "1", stdin="\n3\n").stdout
    assert "Seen" not in run("quiz", "-n", "1", stdin="q\n").stdout  # no answer, no summary


def test_an_empty_line_on_a_typed_card_asks_again_instead_of_grading(
    isolated_home: Path,
) -> None:
    result = run("quiz", "-m", "cloze", "-n", "1", "--seed", "3", stdin="\n\nwerkzeug\n")
    assert result.exit_code == 0, result.stderr
    assert "Nothing typed" in result.stdout
    assert len(reviews(isolated_home)) == 1
    assert "a line u, s or q: undo, skip, quit" in result.stdout


def test_a_line_s_skips_a_typed_card(isolated_home: Path) -> None:
    result = run("quiz", "-m", "type", "-n", "1", stdin="s\n")
    assert "skipped 1" in result.stdout
    assert "Seen 1 question in" in result.stdout  # seen, and skipped


def test_again_to_ten_cards_in_a_row_shows_ten_different_questions_first(
    isolated_home: Path,
) -> None:
    answers = "\n1\n" * 10 + "\n\n" * 10  # Again to each, then Good to each repeat
    result = run("quiz", "--count", "10", stdin=answers)
    lines = result.stdout.splitlines()
    headers = [i for i, line in enumerate(lines) if " of 10" in line and "Preparation" in line]
    titles = [lines[i + 2] for i in headers]
    assert len(set(titles[:10])) == 10
    assert all("again ·" not in lines[i] for i in headers[:10])
    assert sorted(titles[10:]) == sorted(titles[:10])
    assert "Seen 10 questions" in result.stdout
    assert "right 0 · wrong 10" in result.stdout and "Repeated 10 times" in result.stdout
