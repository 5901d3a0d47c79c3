"""Decks, progress and config must be regular files; nothing is read without a limit.

A FIFO blocks a read for ever, ``/dev/zero`` never ends, and both report size 0, so
a size check alone lets them through. Each case runs in-process under a watchdog
(SIGALRM after a few seconds turns a hang into a failure instead of a stuck CI job)
and must give one line naming the file, exit 2.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

import pytest

from flaskprep import paths
from flaskprep.errors import DeckError
from flaskprep.parsing import reading

from .support import CLEAN_DECK, Result, assert_refused
from .support import run as run_in_process

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX special files")
WATCHDOG_S = 5


def run(*args: str, stdin: str = "") -> Result:
    """``flaskprep ARGS`` in-process; a read still blocked after a few seconds fails
    the test (SIGALRM) instead of hanging CI. Disarmed before any assertion runs."""

    def hung(signum: int, frame: object) -> None:
        raise AssertionError(f"still reading after {WATCHDOG_S}s: a hang")

    old = signal.signal(signal.SIGALRM, hung)
    signal.alarm(WATCHDOG_S)
    try:
        return run_in_process(*args, stdin=stdin)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def make(path: Path, kind: str) -> Path:
    """A special file at ``path``: a FIFO, a link to /dev/zero or /dev/null, a folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    else:
        path.symlink_to(kind)
    return path


KINDS = ["fifo", "/dev/zero", "/dev/null"]
DECK_COMMANDS = [
    ("browse",),
    ("search", "flask"),
    ("show", "1.1"),
    ("quiz", "--cram", "--count", "1"),
    ("lint",),
    ("export", "--format", "csv"),
]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("command", DECK_COMMANDS, ids=lambda c: c[0])
def test_special_deck_is_refused(tmp_path: Path, kind: str, command: tuple[str, ...]) -> None:
    deck = make(tmp_path / "deck.md", kind)
    line = assert_refused(run("--deck", str(deck), *command), str(deck))
    assert "not a regular file" in line


@pytest.mark.parametrize("kind", ["fifo", "/dev/zero"])
def test_special_deck_through_the_environment_or_config(
    tmp_path: Path, kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    deck = make(tmp_path / "deck.md", kind)
    monkeypatch.setenv("FLASKPREP_DECK", str(deck))
    assert_refused(run("browse"), str(deck))
    monkeypatch.delenv("FLASKPREP_DECK")
    paths.config_dir().mkdir(parents=True)
    paths.config_file().write_text(f'deck = "{deck}"\n')
    assert_refused(run("search", "flask"), str(deck))


def test_special_files_in_a_deck_folder_are_skipped(tmp_path: Path) -> None:
    folder = tmp_path / "decks"
    make(folder / "a-fifo.md", "fifo")
    make(folder / "b-zero.md", "/dev/zero")
    (folder / "c-real.md").write_text(CLEAN_DECK)
    result = run("--deck", str(folder), "search", "blueprint")
    assert result.exit_code == 0, result.stderr
    assert "blueprint" in result.stdout.lower()


@pytest.mark.parametrize("kind", [*KINDS, "folder"])
@pytest.mark.parametrize(
    "command",
    [("stats",), ("stats", "--json"), ("reset", "--yes"), ("quiz", "--count", "1")],
    ids=lambda c: "-".join(c),
)
def test_special_progress_file_is_refused_and_left_alone(
    kind: str, command: tuple[str, ...]
) -> None:
    progress = make(paths.progress_file(), kind)
    result = run(*command, stdin="\n3\n")
    line = assert_refused(result, str(progress))
    assert "not a regular file" in line
    assert progress.is_symlink() or progress.exists()  # not moved aside, not replaced
    assert not list(progress.parent.glob("progress.json.corrupt-*"))


@pytest.mark.parametrize("kind", [*KINDS, "folder"])
def test_special_config_file_is_refused(kind: str) -> None:
    config = make(paths.config_file(), kind)
    for command in (("config",), ("browse",), ("search", "flask")):
        line = assert_refused(run(*command), str(config))
        assert "not a regular file" in line


def test_a_folder_in_place_of_the_lock_file_is_one_line() -> None:
    (paths.progress_file().parent / "progress.json.lock").mkdir(parents=True)
    result: Result = run("quiz", "--count", "1", stdin="\n3\n")
    assert "Traceback" not in result.stderr
    assert result.exit_code == 2
    assert "cannot be locked" in result.stderr


def test_a_file_that_reports_size_zero_is_still_read_with_a_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Files in /proc report size 0 whatever they hold: the cap counts bytes read."""
    from flaskprep.regular_file import UnusableFile, read_regular

    proc = Path("/proc/self/environ")
    if not proc.exists() or proc.stat().st_size != 0:
        pytest.skip("needs a /proc file that reports size 0")
    monkeypatch.setenv("FLASKPREP_PADDING", "x" * 4096)
    with pytest.raises(UnusableFile, match="larger than"):
        read_regular(proc, 1024)
    monkeypatch.setattr(reading, "MAX_DECK_BYTES", 1024)
    with pytest.raises(DeckError, match="larger than"):
        reading.read_deck_text(proc)


def test_a_deck_over_the_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    big = tmp_path / "big.md"
    with big.open("wb") as handle:
        handle.truncate(reading.MAX_DECK_BYTES + 1)  # sparse: costs no disk
    assert_refused(run("--deck", str(big), "browse"), str(big))


@pytest.mark.parametrize("kind", ["fifo", "/dev/zero"])
def test_special_review_log_beside_the_progress_file_is_refused(kind: str) -> None:
    """The store keeps a review log beside ``progress.json``: the same rule holds for it."""
    assert run("quiz", "--count", "1", stdin="\n3\n").exit_code == 0  # a real progress file
    log = make(paths.progress_file().with_name("progress.log.jsonl.tmp-test"), kind)
    real_log = paths.progress_file().with_name("progress.log.jsonl")
    real_log.unlink(missing_ok=True)
    log.rename(real_log)
    line = assert_refused(run("stats"), str(real_log))
    assert "not a regular file" in line or "link to" in line
