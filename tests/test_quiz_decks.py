"""quiz defaults from the config file, the new-per-day limit, and a folder of decks."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from cli_runner import run
from flaskprep.learn.picking import new_today
from flaskprep.store import DeckProgress, Review
from saved_progress import saved

DECK_A = """# Alpha

## 1. Basics
- What is alpha?
  - **Answer:** The first letter of the Greek alphabet.
- What is beta?
  - **Answer:** The second letter of the Greek alphabet.
"""

DECK_B = """# Bravo

## 1. Words
- What does bravo mean?
  - **Answer:** Well done, an expression of approval.
"""


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "decks"
    folder.mkdir()
    (folder / "a.md").write_text(DECK_A, encoding="utf-8")
    (folder / "b.md").write_text(DECK_B, encoding="utf-8")
    return folder


def _progress(home: Path) -> dict[str, dict[str, list[object]]]:
    document = saved(home / "data" / "progress.json")
    decks: dict[str, dict[str, list[object]]] = document["decks"]
    return decks


def test_a_folder_of_decks_quizzes_each_and_keeps_progress_per_deck(
    tmp_path: Path, isolated_home: Path
) -> None:
    folder = _folder(tmp_path)
    result = run("--deck", str(folder), "quiz", stdin="\n3\n\n3\n\n3\n")
    assert result.exit_code == 0, result.stderr
    decks = _progress(isolated_home)
    assert sorted(Path(key).name for key in decks) == ["a.md", "b.md"]
    counts = sorted(len(value["reviews"]) for value in decks.values())
    assert counts == [1, 2]


def test_count_spans_the_decks_of_a_folder(tmp_path: Path, isolated_home: Path) -> None:
    folder = _folder(tmp_path)
    result = run("--deck", str(folder), "quiz", "--count", "2", stdin="\n3\n\n3\n\n3\n")
    assert result.exit_code == 0, result.stderr
    total = sum(len(value["reviews"]) for value in _progress(isolated_home).values())
    assert total == 2


def test_the_decks_of_a_folder_take_turns(tmp_path: Path, isolated_home: Path) -> None:
    folder = _folder(tmp_path)
    result = run("--deck", str(folder), "quiz", "--count", "3", stdin="\n3\n\n3\n\n3\n")
    headers = [line.split(" · ")[0] for line in result.stdout.splitlines() if " of 3" in line]
    assert headers == ["Alpha", "Bravo", "Alpha"]
    assert "Seen 3 questions" in result.stdout


def test_config_file_sets_mode_and_count(isolated_home: Path) -> None:
    config = isolated_home / "config" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text('quiz_mode = "choice"\ncount = 1\n', encoding="utf-8")
    result = run("quiz", "--seed", "3", stdin="1\n1\n1\n")
    assert result.exit_code == 0, result.stderr
    rows = _progress(isolated_home)["bundled:flask-interview-prep"]["reviews"]
    assert len({row[0] for row in rows}) == 1  # type: ignore[index]
    assert {row[3] for row in rows} == {"choice"}  # type: ignore[index]


def test_new_per_day_limits_new_questions(isolated_home: Path) -> None:
    config = isolated_home / "config" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text("new_per_day = 2\n", encoding="utf-8")
    first = run("quiz", stdin="\n4\n\n4\n\n4\n")
    assert first.exit_code == 0, first.stderr
    again = run("quiz", stdin="\n4\n")
    assert "Nothing is due now" in again.stdout
    rows = _progress(isolated_home)["bundled:flask-interview-prep"]["reviews"]
    assert len(rows) == 2


def test_new_today_counts_first_reviews_of_the_local_day() -> None:
    now = datetime(2026, 5, 4, 12, tzinfo=timezone.utc)
    yesterday = now - timedelta(days=2)
    progress = DeckProgress(
        cards={},
        reviews=[
            Review("old", yesterday, 3, "flash", 100),
            Review("old", now, 3, "flash", 100),
            Review("fresh", now - timedelta(minutes=5), 1, "flash", 100),
            Review("fresh", now, 3, "flash", 100),
        ],
    )
    assert new_today(progress, now) == 1


def test_typed_answers_score_as_check_scores_them() -> None:
    answer = "a lightweight microframework built on werkzeug and jinja2"
    quiz = run("quiz", "--mode", "type", "--count", "1", stdin=f"{answer}\n\n")
    check = run("check", "1.1", answer)
    assert quiz.exit_code == check.exit_code == 0, quiz.stderr + check.stderr
    quiz_score = next(line for line in quiz.stdout.splitlines() if line.startswith("Score:"))
    check_score = next(line for line in check.stdout.splitlines() if line.startswith("Score:"))
    assert quiz_score == check_score


def test_a_typed_answer_scores_in_a_folder_as_check_scores_it_in_its_deck(
    tmp_path: Path,
) -> None:
    """The folder's other decks do not change a deck's term rarity, nor so a score."""
    folder = tmp_path / "decks"
    folder.mkdir()
    (folder / "a.md").write_text(
        "# Alpha\n\n## 1. Basics\n- What is alpha?\n"
        "  - **Answer:** The first letter of the Greek alphabet.\n\n## 2. Signs\n"
        "- What is a letter?\n  - **Answer:** A sign of the alphabet.\n",
        encoding="utf-8",
    )
    (folder / "c.md").write_text(
        "# Greek\n\n## 1. Basics\n"
        + "".join(
            f"- What is {w}?\n  - **Answer:** A letter of the Greek alphabet, {w}.\n"
            for w in ("gamma", "delta", "epsilon", "zeta")
        ),
        encoding="utf-8",
    )
    typed = "The first Greek letter."
    args = ("--deck", str(folder), "quiz", "-m", "type", "-n", "1", "-s", "Basics", "--cram")
    quiz = run(*args, stdin=typed + "\n\n")
    assert quiz.exit_code == 0, quiz.stderr
    assert "What is alpha?" in quiz.stdout
    checked = run("--deck", str(folder / "a.md"), "check", "1.1", typed)
    score = next(line for line in checked.stdout.splitlines() if line.startswith("Score:"))
    assert score in quiz.stdout
