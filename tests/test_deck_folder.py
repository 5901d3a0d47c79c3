"""A folder of decks with a Markdown file that holds no questions (a README beside them)."""

from __future__ import annotations

from pathlib import Path

from cli_runner import run

DECK = "## Git\n\n- What does `git rebase` do?\n  - **Answer:** Replays commits onto a base.\n"
README = "# My decks\n\nNotes on where these decks came from.\n"


def _folder(tmp_path: Path, *, with_deck: bool = True) -> Path:
    folder = tmp_path / "decks"
    folder.mkdir()
    (folder / "README.md").write_text(README, encoding="utf-8")
    if with_deck:
        (folder / "git.md").write_text(DECK, encoding="utf-8")
    return folder


def test_a_readme_beside_the_decks_is_skipped_with_one_line(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    result = run("--deck", str(folder), "search", "rebase")
    assert result.exit_code == 0
    assert "git rebase" in result.stdout
    assert result.stderr.count("\n") == 1
    assert "skipped" in result.stderr and "README.md" in result.stderr


def test_the_quiz_and_stats_read_the_folder_despite_the_readme(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    assert run("--deck", str(folder), "stats").exit_code == 0
    quiz = run("--deck", str(folder), "quiz", "--mode", "flash", stdin="\n3\n")
    assert quiz.exit_code == 0
    assert "git rebase" in quiz.stdout


def test_one_deck_commands_read_the_one_deck_beside_a_readme(tmp_path: Path) -> None:
    """``browse`` and ``export`` read one deck: a README beside it does not make two."""
    folder = _folder(tmp_path)
    browse = run("--deck", str(folder), "browse", "1")
    assert browse.exit_code == 0, browse.stderr
    assert "git rebase" in browse.stdout
    (folder / "sql.md").write_text(DECK.replace("Git", "SQL"), encoding="utf-8")
    two = run("--deck", str(folder), "browse")
    assert two.exit_code == 2
    assert "folder holds 2 (git.md, sql.md)" in two.stderr


def test_lint_of_a_folder_skips_the_readme_and_checks_the_decks(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    result = run("lint", str(folder))
    assert result.exit_code == 0, result.stdout
    assert "skipped" in result.stderr and "README.md" in result.stderr
    assert "No problems found in 1 deck." in result.stderr
    alone = run("lint", str(folder / "README.md"))  # asked for by name: it is a finding
    assert alone.exit_code == 1 and "no questions found" in alone.stdout


def test_a_folder_of_only_question_free_files_is_still_an_error(tmp_path: Path) -> None:
    folder = _folder(tmp_path, with_deck=False)
    (folder / "NOTES.md").write_text("Just notes.\n", encoding="utf-8")
    result = run("--deck", str(folder), "search", "rebase")
    assert result.exit_code == 2
    assert "no questions found" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_single_file_with_no_questions_is_an_error(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(README, encoding="utf-8")
    result = run("--deck", str(readme), "browse")
    assert result.exit_code == 2
    assert "README.md" in result.stderr and "no questions found" in result.stderr


def test_an_empty_file_beside_the_decks_is_skipped_like_a_readme(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    (folder / "todo.md").write_text("\n  \n", encoding="utf-8")
    for args in (("search", "rebase"), ("stats",), ("decks",)):
        result = run("--deck", str(folder), *args)
        assert result.exit_code == 0, result.stderr
        assert "skipped" in result.stderr and "todo.md" in result.stderr
    linted = run("lint", str(folder))
    assert linted.exit_code == 0, linted.stdout
    assert "todo.md" in linted.stderr and "No problems found in 1 deck." in linted.stderr
    for alone in (
        run("--deck", str(folder / "todo.md"), "search", "rebase"),
        run("lint", str(folder / "todo.md")),
    ):
        assert alone.exit_code == 2 and "todo.md: is empty" in alone.stderr
