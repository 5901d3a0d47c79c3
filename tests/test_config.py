"""The TOML config file and `flaskprep config`."""

from __future__ import annotations

from pathlib import Path

import pytest

from cli_runner import run
from flaskprep import config, paths
from flaskprep.errors import ConfigError


def write_config(text: str) -> Path:
    target = paths.config_file()
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target


def test_defaults_without_a_file() -> None:
    loaded = config.load_config()
    assert (loaded.deck, loaded.quiz_mode, loaded.count, loaded.new_per_day) == (
        None,
        "flash",
        20,
        None,
    )
    assert loaded.source("count") == "default"


def test_values_from_the_file_say_where_they_came_from() -> None:
    write_config('quiz_mode = "type"\ncount = 5\nnew_per_day = 0\n')
    loaded = config.load_config()
    assert (loaded.quiz_mode, loaded.count, loaded.new_per_day) == ("type", 5, 0)
    assert loaded.source("count") == "config file"
    assert loaded.source("deck") == "default"


def test_environment_beats_the_file(monkeypatch: pytest.MonkeyPatch) -> None:
    write_config("count = 5\n")
    monkeypatch.setenv("FLASKPREP_COUNT", "7")
    loaded = config.load_config()
    assert loaded.count == 7 and loaded.source("count") == "env"


def test_relative_deck_is_relative_to_the_config_folder() -> None:
    target = write_config('deck = "decks/mine.md"\n')
    assert config.load_config().deck == target.parent / "decks" / "mine.md"


def test_effective_deck_prefers_the_command_line(tmp_path: Path) -> None:
    write_config('deck = "/from/config.md"\n')
    assert config.effective_deck(tmp_path / "cli.md") == tmp_path / "cli.md"
    assert config.effective_deck(None) == Path("/from/config.md")


def test_effective_deck_is_none_without_a_file() -> None:
    assert config.effective_deck(None) is None


def test_bad_toml_names_the_file_and_line() -> None:
    target = write_config('count = 5\nquiz_mode = "type\n')
    with pytest.raises(ConfigError) as caught:
        config.load_config()
    message = str(caught.value)
    assert str(target) in message and "line 2" in message
    assert "\n" not in message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("\n\ncount = 0\n", ":3: count must be a whole number of at least 1"),
        ('count = "ten"\n', ":1: count must be"),
        ('quiz_mode = "speed"\n', ":1: quiz_mode must be one of flash"),
        ("deck = 3\n", ":1: deck must be a path"),
        ("colour = true\n", ":1: unknown setting 'colour'"),
    ],
)
def test_bad_values_name_file_line_and_setting(text: str, expected: str) -> None:
    target = write_config(text)
    with pytest.raises(ConfigError) as caught:
        config.load_config()
    assert f"{target}{expected}" in str(caught.value)


def test_bad_environment_value_names_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FLASKPREP_QUIZ_MODE", "fast")
    with pytest.raises(ConfigError, match="FLASKPREP_QUIZ_MODE"):
        config.load_config()


def test_config_command_prints_path_values_and_sources() -> None:
    write_config("count = 30\n")
    result = run("config")
    assert result.exit_code == 0
    assert str(paths.config_file()) in result.stdout.replace("\n", "")
    lines = [line.strip() for line in result.stdout.splitlines()]
    count_line = next(line for line in lines if line.startswith("count"))
    assert "30" in count_line and "config file" in count_line
    mode_line = next(line for line in lines if line.startswith("quiz_mode"))
    assert "flash" in mode_line and "default" in mode_line


def test_config_path_option_prints_only_the_path() -> None:
    result = run("config", "--path")
    assert result.stdout == f"{paths.config_file()}\n"


def test_bad_config_file_is_one_line_exit_2_not_a_traceback() -> None:
    write_config("count = [\n")
    result = run("config")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "config.toml" in result.stderr
    assert "Traceback" not in result.stderr
