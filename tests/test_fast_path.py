"""``search``, ``quiz`` and ``stats`` answered without typer print exactly what typer would."""

from __future__ import annotations

import io
import sys
from contextlib import redirect_stderr, redirect_stdout
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest

from cli_runner import Result, run
from flaskprep.cli.fast import FAST_COMMANDS, parse_call, run_call
from flaskprep.cli.run import _guarded, _run_typer, exit_status

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)


def run_through_typer(*args: str, stdin: str = "") -> Result:
    out, err = io.StringIO(), io.StringIO()
    old_stdin, sys.stdin = sys.stdin, io.StringIO(stdin)
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


QUIZ_INPUT = "\n3\n\n1\n"
"""Show, Good; show, Again: two grades, then the input ends."""
SAME_AS_TYPER += [
    ("quiz", "--seed", "1", "-n", "2"),
    ("quiz", "--mode", "choice", "--count=2", "--seed", "3"),
    ("--color", "never", "quiz", "-m", "truefalse", "-s", "2", "--seed", "2", "-n", "2"),
    ("quiz", "--cram", "-s", "routing", "--section", "3", "-n", "2", "--seed", "4"),
    ("quiz", "-s", "99"),
    ("--deck", "missing.md", "quiz"),
    ("stats",),
    ("stats", "--json"),
    ("--color=always", "stats"),
    ("-d", "missing.md", "stats"),
]


@pytest.mark.parametrize("args", SAME_AS_TYPER, ids=" ".join)
def test_fast_path_prints_what_typer_prints(
    args: tuple[str, ...], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from flaskprep.cli import quiz_run

    assert parse_call(list(args)) is not None
    monkeypatch.setattr(quiz_run, "_now", lambda: NOW)
    monkeypatch.setattr(quiz_run.time, "monotonic", lambda: 0.0)
    results = []
    for home, runner in (("fast", run), ("typer", run_through_typer)):
        monkeypatch.setenv("FLASKPREP_HOME", str(tmp_path / home))  # each starts from no progress
        results.append(runner(*args, stdin=QUIZ_INPUT))
    fast, slow = results
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
    parsed = parse_call(["search", "widget"])
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
    ["search", "-"],
    ["--color", "blue", "search", "x"],
    ["--colour", "never", "search", "x"],
    ["--deck", "", "search", "x"],
    ["quiz", "--mode", "Flash"],
    ["quiz", "--mode", "fast"],
    ["quiz", "-n", "0"],
    ["quiz", "--seed", "-1"],
    ["quiz", "--seed", "x"],
    ["quiz", "extra"],
    ["quiz", "--json"],
    ["quiz", "--help"],
    ["stats", "--json", "x"],
    ["stats", "--json=1"],
    ["stats", "-h"],
]


@pytest.mark.parametrize("argv", LEFT_TO_TYPER, ids=" ".join)
def test_unusual_arguments_are_left_to_typer(argv: list[str]) -> None:
    assert parse_call(argv) is None


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
    ["quiz"],
    ["quiz", "-m", "type", "-n", "5", "--seed", "0", "--cram", "-s", "2", "-s", "forms"],
    ["--color", "never", "quiz", "--mode=mixed", "--count=7", "--seed=12", "--count", "3"],
    ["stats"],
    ["-d", "d.md", "stats", "--json"],
]


@pytest.mark.parametrize("argv", ARGUMENT_CASES, ids=" ".join)
def test_fast_path_reads_the_arguments_typer_reads(
    argv: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both parsers come from the same declarations; here they agree on every value."""
    import importlib

    from flaskprep.cli.state import options

    seen: list[dict[str, Any]] = []
    call = parse_call(argv)
    assert call is not None
    body = importlib.import_module(f"flaskprep.cli.{FAST_COMMANDS[call.command].module}")

    def record(*values: object, **named: object) -> None:
        names = list(FAST_COMMANDS[call.command].options)
        words = FAST_COMMANDS[call.command].words
        positional = dict(zip([words, *names] if words else names, values, strict=False))
        seen.append({"deck": options.deck, "color": options.color, **positional, **named})

    monkeypatch.setattr(body, "run", record)
    assert exit_status(run_call(call)) == 0
    assert _run_typer(argv) == 0
    assert seen[0] == seen[1]


def test_fast_path_reads_the_deck_environment_variable_typer_reads(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from flaskprep.cli.options import DECK

    assert DECK.envvar is not None
    monkeypatch.setenv(DECK.envvar, "from-env.md")
    parsed = parse_call(["search", "x"])
    assert parsed is not None and parsed.deck == Path("from-env.md")
