"""Closed streams, narrow encodings, odd digits, huge numbers, deep config values.

Each gives one line and a non-zero exit, or works; never a traceback. Streams and
encodings need a real process (Python decides them at start-up); numbers and
config values run in-process.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from flaskprep import paths

from .support import assert_ok, assert_refused, flaskprep_command, one_line, run

HUGE = "9" * 5000  # past int()'s 4,300-digit limit
ODD_DIGITS = ["²", "١٢", "５", "𝟖"]  # str.isdigit accepts them all


def launch(
    *args: str, env: dict[str, str] | None = None, close: tuple[int, ...] = (), stdin: str = ""
) -> subprocess.CompletedProcess[bytes]:
    """``flaskprep ARGS`` in a process whose descriptors in ``close`` start closed."""

    def close_fds() -> None:
        for fd in close:
            os.close(fd)

    return subprocess.run(
        [*flaskprep_command(), *args],
        input=None if 0 in close else stdin.encode(),
        stdin=None if 0 not in close else subprocess.DEVNULL,
        stdout=None if 1 in close else subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, **(env or {})},
        preexec_fn=close_fds,  # only closes descriptors
        timeout=60,
        check=False,
    )


def no_traceback(done: subprocess.CompletedProcess[bytes]) -> str:
    err = done.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err, err[-2000:]
    return err


posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX descriptors")


@posix_only
@pytest.mark.parametrize("command", [("--version",), ("browse",), ("search", "blueprint")])
def test_closed_stdout_is_one_line(command: tuple[str, ...]) -> None:
    done = launch(*command, close=(1,))
    err = no_traceback(done)
    assert done.returncode == 2
    assert "standard output is closed" in one_line(err)


@posix_only
def test_closed_stdin_ends_the_quiz_and_the_interview_cleanly() -> None:
    for command in (("quiz", "--count", "2"), ("interview", "--count", "1")):
        done = launch(*command, close=(0,))
        no_traceback(done)
        assert done.returncode == 0, done.stderr


@posix_only
def test_closed_stderr_still_gives_the_exit_code() -> None:
    done = launch("browse", "no-such-section", close=(2,))
    assert done.returncode == 2
    assert done.stderr == b""


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_narrow_output_encoding_works(encoding: str) -> None:
    """Rich tables, bullets and curly quotes in a narrow encoding: replaced, not fatal."""
    env = {"PYTHONIOENCODING": encoding}
    for command in (("show", "1.1"), ("stats",), ("quiz", "--count", "1")):
        done = launch(*command, env=env, stdin="\n3\n")
        no_traceback(done)
        assert done.returncode == 0, done.stderr[-500:]
    exported = launch("export", "--format", "csv", env=env)
    no_traceback(exported)
    assert "’".encode() in exported.stdout  # exports are UTF-8 whatever the locale


@posix_only
def test_c_locale_without_utf8_mode_works() -> None:
    env = {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}
    done = launch("quiz", "--count", "1", "--mode", "type", env=env, stdin="wsgi é\n\n")
    no_traceback(done)
    assert done.returncode == 0
    searched = launch("search", "blüeprint", env=env)
    no_traceback(searched)
    assert searched.returncode in (0, 1)


@pytest.mark.parametrize("variable", ["FLASKPREP_COUNT", "FLASKPREP_NEW_PER_DAY"])
@pytest.mark.parametrize("value", [*ODD_DIGITS, HUGE, "99999999999"], ids=lambda v: v[:6])
def test_odd_and_huge_numbers_in_the_environment(
    variable: str, value: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(variable, value)
    line = assert_refused(run("config"), variable)
    assert len(line) < 300


@pytest.mark.parametrize("value", [*ODD_DIGITS, HUGE], ids=lambda v: v[:6])
@pytest.mark.parametrize(
    "command",
    [
        ("browse", "{}"),
        ("show", "{}.1"),
        ("show", "1.{}"),
        ("check", "{}.1", "answer"),
        ("reset", "--section", "{}", "--yes"),
        ("quiz", "--section", "{}", "--cram"),
        ("search", "-s", "{}", "flask"),
        ("search", "--limit", "{}", "flask"),
        ("interview", "--minutes", "{}"),
    ],
    ids=lambda c: "-".join(c).replace("{}", "N"),
)
def test_odd_and_huge_numbers_as_arguments(value: str, command: tuple[str, ...]) -> None:
    """Refused with one line (exit 2), or read as the number it is (``١٢`` is twelve)."""
    result = run(*(part.replace("{}", value) for part in command))
    assert "Traceback" not in result.stderr + result.stdout
    assert result.exit_code in (0, 2), result.stderr[-500:]
    if result.exit_code:
        assert len([line for line in result.stderr.splitlines() if line.strip()]) <= 4


@pytest.mark.parametrize("minutes", ["nan", "inf", "1e308"])
def test_interview_minutes_that_are_not_a_time(minutes: str) -> None:
    result = run("interview", "--minutes", minutes)
    assert "Traceback" not in result.stderr
    assert result.exit_code == 2


def test_an_odd_digit_typed_for_a_choice_is_not_a_crash() -> None:
    result = run("quiz", "--mode", "choice", "--count", "1", stdin="²\n1\n\n")
    assert_ok(result)


@pytest.mark.parametrize(
    "text",
    [
        "count = " + "[" * 2000 + "]" * 2000,
        "count = " + "{a=" * 2000 + "1" + "}" * 2000,
        "deck = " + "[" * 600 + "]" * 600,
        "count = " + HUGE,
    ],
    ids=["deep-array", "deep-table", "deep-deck", "huge-int"],
)
def test_deep_or_huge_config_values_are_one_line(text: str) -> None:
    config = paths.config_file()
    config.parent.mkdir(parents=True)
    config.write_text(text)
    for command in (("config",), ("browse",)):
        assert_refused(run(*command), str(config))


@pytest.mark.parametrize(
    "deck", ["x" * 5000, "~no-such-user-here/deck.md"], ids=["long-name", "unknown-user"]
)
def test_unusable_deck_paths_are_one_line(deck: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FLASKPREP_DECK", deck)
    assert_refused(run("browse"), deck[:40])
    config = paths.config_file()
    config.parent.mkdir(parents=True)
    config.write_text(f'deck = "{deck}"\n')
    monkeypatch.delenv("FLASKPREP_DECK")
    result = run("browse")
    assert "Traceback" not in result.stderr
    assert result.exit_code == 2
    one_line(result.stderr)


@pytest.mark.parametrize("variable", ["COLUMNS", "LINES"])
@pytest.mark.parametrize("value", ["²", HUGE], ids=["superscript", "huge"])
def test_odd_terminal_sizes_in_the_environment_are_ignored(
    variable: str, value: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(variable, value)
    for command in (("show", "1.1"), ("stats",)):
        assert_ok(run(*command))


@pytest.mark.parametrize(
    "variable", ["FLASKPREP_HOME", "FLASKPREP_CACHE_DIR", "FLASKPREP_CONFIG_DIR"]
)
@pytest.mark.parametrize(
    "value", ["x" * 5000, "~no-such-user-here/x"], ids=["long", "unknown-user"]
)
def test_unusable_folders_in_the_environment_are_one_line(
    variable: str, value: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(variable, value)
    for command in (("stats",), ("quiz", "--count", "1"), ("config",)):
        result = run(*command, stdin="\n3\n")
        assert "Traceback" not in result.stderr
        assert result.exit_code in (0, 2), result.stderr[-300:]
        if result.exit_code:
            one_line(result.stderr)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("command", [("--version",), ("browse",), ("search", "flask")])
def test_a_full_output_device_is_one_line(command: tuple[str, ...]) -> None:
    with Path("/dev/full").open("w") as full:
        done = subprocess.run(
            [*flaskprep_command(), *command],
            stdout=full,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            timeout=60,
            check=False,
        )
    err = no_traceback(done)
    assert done.returncode == 2
    assert "No space left" in one_line(err)
