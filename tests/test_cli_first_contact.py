"""What a new user meets first: bare ``flaskprep``, usage mistakes, colour and the pager."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from cli_runner import run
from flaskprep import paths
from flaskprep.cli.options import hoist_global_options
from flaskprep.ui.color import wants_color
from flaskprep.ui.console import make_console
from flaskprep.ui.output import less_options


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_bare_flaskprep_prints_a_start_guide_and_exits_0() -> None:
    result = run()
    assert result.exit_code == 0
    assert "flaskprep quiz" in result.stdout
    assert str(paths.progress_file()) in result.stdout
    assert result.stderr == ""


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("show",), "flaskprep: error: missing argument 'ID' (hint: flaskprep show --help)"),
        (("quz",), "flaskprep: error: no such command 'quz'"),
        (("search", "x", "--limit", "ten"), "flaskprep: error: invalid value for '--limit'"),
    ],
)
def test_usage_mistakes_are_one_line(args: tuple[str, ...], message: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert result.stderr.startswith(message)
    assert result.stderr.count("\n") == 1


@pytest.mark.parametrize("name", ["-n", "--seed", "--count", "--minutes", "--output"])
def test_help_placeholders_are_words_not_types(name: str) -> None:
    helps = "".join(run(cmd, "--help").stdout for cmd in ("quiz", "interview", "export"))
    assert "range>" not in helps and "<int>" not in helps and "<path>" not in helps
    assert name in helps


@pytest.mark.parametrize(
    ("choice", "env", "tty", "colored"),
    [
        ("auto", {}, True, True),
        ("auto", {}, False, False),
        ("auto", {"NO_COLOR": ""}, True, True),  # empty NO_COLOR counts as unset
        ("auto", {"NO_COLOR": "1"}, True, False),
        ("auto", {"FORCE_COLOR": "1"}, False, True),
        ("always", {"NO_COLOR": "1"}, False, True),  # an explicit choice wins
        ("never", {"FORCE_COLOR": "1"}, True, False),
    ],
)
def test_colour_follows_the_no_color_convention(
    choice: str, env: dict[str, str], tty: bool, colored: bool
) -> None:
    stream = FakeTerminal() if tty else io.StringIO()
    assert wants_color(choice, stream, env) is colored  # type: ignore[arg-type]


def test_color_always_keeps_colour_with_no_color_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    out = io.StringIO()
    make_console("always", file=out).print("[red]x[/]")
    assert "\x1b[31m" in out.getvalue()


@pytest.mark.parametrize(
    ("mine", "used"),
    [
        (None, "FRX"),
        ("", "FRX"),
        ("-X", "-X -R"),
        ("--mouse -i", "--mouse -i -R"),
        ("-FRX", "-FRX"),
        ("SR", "SR"),
    ],
)
def test_pager_adds_r_to_the_users_less(mine: str | None, used: str) -> None:
    assert less_options(mine) == used


def test_exit_codes_come_from_the_command_result(capsys: pytest.CaptureFixture[str]) -> None:
    from flaskprep.cli.run import exit_status
    from flaskprep.outcome import Outcome

    assert exit_status(None) == 0
    assert exit_status(Outcome()) == 0
    assert exit_status(Outcome(failed_checks=2)) == 1
    assert exit_status(Outcome(errors=("a.md: unreadable",), failed_checks=1)) == 2
    assert capsys.readouterr().err == "flaskprep: error: a.md: unreadable\n"


def test_start_guide_fits_sixty_columns() -> None:
    lines = run().stdout.splitlines()
    assert all(len(line) <= 60 for line in lines if "progress.json" not in line)


def test_without_posix_terminal_modes_the_quiz_refuses_in_one_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import sys

    from flaskprep.cli.keys import TerminalKeys
    from flaskprep.errors import UsageError

    monkeypatch.setitem(sys.modules, "termios", None)  # as on Windows: the import fails
    monkeypatch.setattr(sys.stdin, "fileno", lambda: 0)
    with pytest.raises(UsageError, match="Linux or macOS terminal") as refused, TerminalKeys():
        pass
    assert "\n" not in str(refused.value)


GIT_DECK = """# Git

## 1. Branches

- How do you undo the last commit but keep its changes?
  - **Answer:** `git reset --soft HEAD~1` moves the branch back and keeps the changes staged.
- How do you start a new branch?
  - **Answer:** `git switch -c name` creates it and switches to it.
"""


@pytest.mark.parametrize(
    "after",
    [
        ("search", "undo", "commit", "--deck", "{deck}"),
        ("search", "undo", "--deck={deck}", "commit"),
        ("search", "-d", "{deck}", "undo", "commit"),
        ("browse", "--deck", "{deck}"),
        ("lint", "{deck}", "--color", "never"),
    ],
)
def test_global_options_may_follow_the_command(after: tuple[str, ...], tmp_path: Path) -> None:
    """``--deck`` and ``--color`` read the same before or after the command's name."""
    deck = tmp_path / "git.md"
    deck.write_text(GIT_DECK, encoding="utf-8")
    args = tuple(a.replace("{deck}", str(deck)) for a in after)
    moved = hoist_global_options(list(args))
    before = run(*moved)
    assert moved[0] in ("--deck", "-d", "--color") or moved[0].startswith("--deck=")
    assert run(*args) == before
    assert before.exit_code == 0, before.stderr
    if args[0] != "lint":
        assert "Branches" in before.stdout  # the user's deck, not the bundled one


def test_nothing_after_a_double_dash_is_moved() -> None:
    args = ["check", "1.1", "--", "--deck", "x"]
    assert hoist_global_options(args) == args
    assert hoist_global_options(["--help"]) == ["--help"]
    assert hoist_global_options(["search", "x", "--deck"]) == ["search", "x", "--deck"]
    for value in ("--", "--color", "-n"):
        assert hoist_global_options(["search", "x", "-d", value]) == ["search", "x", "-d", value]
