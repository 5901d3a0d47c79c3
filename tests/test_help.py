"""Every command explains itself with an example, and the shell completes names and ids."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import typer

from cli_runner import run
from flaskprep.cli.registry import app_for


def command_paths(typer_app: typer.Typer, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every registered command, sub-apps included, so new commands are covered by themselves."""
    found = []
    for info in typer_app.registered_commands:
        assert info.callback is not None
        name = info.name or info.callback.__name__.replace("_", "-")
        found.append((*prefix, name))
    for group in typer_app.registered_groups:
        assert group.typer_instance is not None
        name = group.name or group.typer_instance.info.name
        assert isinstance(name, str)
        found.extend(command_paths(group.typer_instance, (*prefix, name)))
    return found


COMMANDS = command_paths(app_for(None))


def test_the_walk_finds_the_commands() -> None:
    assert {("search",), ("browse",), ("export",), ("decks",), ("config",)} <= set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_every_command_has_help_with_an_example(command: tuple[str, ...], flag: str) -> None:
    result = run(*command, flag)
    assert result.exit_code == 0, result.stderr
    assert "Usage: flaskprep" in result.stdout
    assert "Example" in result.stdout, f"`flaskprep {' '.join(command)} --help` has no example"
    assert f"flaskprep {command[-1]}" in result.stdout.replace("`", "")


def test_top_level_help_lists_every_command() -> None:
    listed = run("--help").stdout
    for command in COMMANDS:
        assert command[0] in listed


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout.startswith("flaskprep ")


# --- shell completion through the real entry point ---------------------------------------


def complete(words: str, deck: str | None = None) -> list[str]:
    """What bash would offer for ``words`` (the last word being completed)."""
    env = {
        **os.environ,
        "_FLASKPREP_COMPLETE": "complete_bash",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1)),
    }
    if deck is not None:
        env["FLASKPREP_DECK"] = deck
    code = "import sys; from flaskprep.cli import main; sys.exit(main())"
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    return done.stdout.split()


def test_completes_sections_from_a_folder_with_a_readme(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("# My decks\n\nNotes, no questions.\n")
    (tmp_path / "git.md").write_text(
        "## 1. Branching\n- What is a branch?\n  - **Answer:** A pointer.\n"
    )
    assert complete("flaskprep browse bra", deck=str(tmp_path)) == ["branching"]


def test_completes_command_names() -> None:
    assert complete("flaskprep se") == ["search"]


def test_completes_section_numbers_and_title_words() -> None:
    assert complete("flaskprep browse 1") == ["1", "10"]
    assert complete("flaskprep browse rout") == ["routing-and-views"]
    assert complete("flaskprep search x --section test") == ["testing-and-debugging"]


def test_a_completed_section_title_is_accepted_by_the_command() -> None:
    result = run("browse", "routing-and-views")
    assert result.exit_code == 0
    assert "Routing and Views" in result.stdout


def test_completes_question_ids() -> None:
    from flaskprep.deck_cache import load_deck

    first = load_deck(None).questions[0].id
    offered = complete(f"flaskprep show {first[:3]}")
    assert first in offered
    assert all(value.startswith(first[:3]) for value in offered)


def test_completion_with_a_broken_deck_offers_nothing_and_does_not_crash() -> None:
    assert complete("flaskprep browse ", deck="/no/such/deck.md") == []
