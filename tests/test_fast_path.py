"""``flaskprep search`` answered without typer prints exactly what typer would."""

from __future__ import annotations

import io
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

from cli_runner import Result, run
from flaskprep.cli.fast import parse_search
from flaskprep.cli.run import _guarded, _run_typer


def run_through_typer(*args: str) -> Result:
    out, err = io.StringIO(), io.StringIO()
    old_stdin, sys.stdin = sys.stdin, io.StringIO("")
    try:
        with redirect_stdout(out), redirect_stderr(err):
            code = _guarded(lambda: _run_typer(list(args)))
    finally:
        sys.stdin = old_stdin
    return Result(code, out.getvalue(), err.getvalue())


SAME_AS_TYPER = [
    ("search", "blueprint"),
    ("search", "application", "context", "--answers"),
    ("search", "blueprint", "-n", "2", "-a"),
    ("search", "--limit=1", "--json", "blueprint"),
    ("search", "blueprint", "--section", "1", "-s", "routing"),
    ("--color", "never", "search", "blueprint"),
    ("--color=always", "search", "blueprint", "--limit", "3"),
    ("search", "zzzqqq"),
    ("search", "bluprint"),
    ("search", "blueprint", "-s", "99"),
    ("--deck", "missing.md", "search", "blueprint"),
    ("-d", "missing.md", "search", "blueprint"),
]


@pytest.mark.parametrize("args", SAME_AS_TYPER, ids=" ".join)
def test_fast_search_prints_what_typer_prints(args: tuple[str, ...]) -> None:
    assert parse_search(list(args)) is not None
    fast, slow = run(*args), run_through_typer(*args)
    assert (fast.exit_code, fast.stdout, fast.stderr) == (
        slow.exit_code,
        slow.stdout,
        slow.stderr,
    )


def test_fast_search_honours_the_deck_env_var(
    seed_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    deck = tmp_path / "mine.md"
    deck.write_text("## 1. Mine\n- What is a widget?\n  - **Answer:** A gadget.\n")
    monkeypatch.setenv("FLASKPREP_DECK", str(deck))
    parsed = parse_search(["search", "widget"])
    assert parsed is not None and parsed.deck == deck
    assert "What is a widget?" in run("search", "widget").stdout
    assert run("--deck", str(seed_path), "search", "widget").exit_code == 1


LEFT_TO_TYPER = [
    ["search"],
    ["search", "--help"],
    ["search", "-h"],
    ["--help"],
    ["browse", "3"],
    ["search", "x", "--limit", "0"],
    ["search", "x", "--limit", "ten"],
    ["search", "x", "-n5"],
    ["search", "x", "-an", "3"],
    ["search", "x", "--limit"],
    ["search", "x", "--section", "--json"],
    ["search", "x", "--json=yes"],
    ["search", "x", "--", "-y"],
    ["search", "x", "--deck", "d.md"],
    ["search", "-"],
    ["--color", "blue", "search", "x"],
    ["--colour", "never", "search", "x"],
    ["--deck", "", "search", "x"],
]


@pytest.mark.parametrize("argv", LEFT_TO_TYPER, ids=" ".join)
def test_unusual_arguments_are_left_to_typer(argv: list[str]) -> None:
    assert parse_search(argv) is None


@pytest.mark.parametrize("argv", LEFT_TO_TYPER, ids=" ".join)
def test_left_to_typer_still_behaves_as_typer(argv: list[str]) -> None:
    fast, slow = run(*argv), run_through_typer(*argv)
    assert (fast.exit_code, fast.stdout, fast.stderr) == (slow.exit_code, slow.stdout, slow.stderr)


def test_shell_completion_is_left_to_typer(monkeypatch: pytest.MonkeyPatch) -> None:
    from flaskprep.cli.fast import fast_command

    monkeypatch.setenv("_FLASKPREP_COMPLETE", "bash_complete")
    assert fast_command(["search", "blueprint"]) is None


ARGUMENT_CASES = [
    ["search", "blueprint"],
    ["search", "a", "b", "-n", "3", "--answers", "--json"],
    ["--deck", "d.md", "--color", "never", "search", "x", "-s", "1", "--section", "routing"],
    ["-d", "d.md", "--color=always", "search", "--limit=2", "x", "-a"],
]


@pytest.mark.parametrize("argv", ARGUMENT_CASES, ids=" ".join)
def test_fast_path_reads_the_arguments_typer_reads(
    argv: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both parsers come from the same declarations; here they agree on every value."""
    import flaskprep.cli.search_run as search_run
    from flaskprep.cli.fast import run_search
    from flaskprep.cli.state import options

    seen: list[tuple[object, ...]] = []

    def record(*values: object) -> None:
        seen.append((options.deck, options.color, *values))

    monkeypatch.setattr(search_run, "run", record)
    fast = parse_search(argv)
    assert fast is not None
    run_search(fast)
    assert _run_typer(argv) == 0
    assert seen[0] == seen[1]


def test_fast_path_reads_the_deck_environment_variable_typer_reads(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from flaskprep.cli.options import DECK

    assert DECK.envvar is not None
    monkeypatch.setenv(DECK.envvar, "from-env.md")
    parsed = parse_search(["search", "x"])
    assert parsed is not None and parsed.deck == Path("from-env.md")
