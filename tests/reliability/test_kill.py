"""SIGKILL while grades are being saved: the file always parses and keeps every acked grade.

``fixtures/grader.py`` records grades through ``ProgressStore.record`` and prints
``ack <id>`` after each save returns. Each round starts it, waits until it is
grading, kills it after a random delay (seeded), then checks the progress file.
"""

from __future__ import annotations

import itertools
import os
import random
import signal
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from flaskprep import paths
from flaskprep.scheduling import Rating, review_card
from flaskprep.store import ProgressStore, Review
from saved_progress import saved

GRADER = Path(__file__).parent / "fixtures" / "grader.py"
DECK = "bundled:flask-interview-prep"
KILLS = 200
PROCESS_KILLS = 20
START = datetime(2025, 3, 1, 9, 0, tzinfo=timezone.utc)


def start_grader(prefix: str, count: int, barrier: Path | None = None) -> subprocess.Popen[str]:
    args = [sys.executable, str(GRADER), prefix, str(count)]
    if barrier is not None:
        args.append(str(barrier))
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "ready", proc.stderr.read() if proc.stderr else ""
    return proc


def acked(output: str) -> set[str]:
    return {line[4:] for line in output.splitlines() if line.startswith("ack ") and len(line) > 4}


def saved_ids(path: Path) -> list[str]:
    data = saved(path)  # must always parse
    return [row[0] for row in data["decks"].get(DECK, {}).get("reviews", [])]


def _grade_until_killed(prefix: str, ack_fd: int) -> None:
    """Child side of a fork: record grades forever, acking each after its save returns."""
    code = 1
    try:
        store = ProgressStore()
        for n in itertools.count():
            qid = f"{prefix}{n:04d}"
            at = START + timedelta(seconds=n)
            card = review_card(None, qid, Rating.GOOD, at, fuzz=False)
            store.record(DECK, Review(qid, at, 3, "flashcard", 1000, None), card)
            os.write(ack_fd, f"ack {qid}\n".encode())
    except BaseException as exc:  # reported to the parent through the pipe
        os.write(ack_fd, f"error {exc!r}\n".encode())
    finally:
        os._exit(code)


def _fork_grader(prefix: str) -> tuple[int, int]:
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child
        os.close(read_fd)
        _grade_until_killed(prefix, write_fd)
    os.close(write_fd)
    return pid, read_fd


def _read_line(fd: int) -> str:
    line = b""
    while not line.endswith(b"\n") and (byte := os.read(fd, 1)):
        line += byte
    return line.decode()


def _read_all(fd: int) -> str:
    chunks = []
    while chunk := os.read(fd, 65536):
        chunks.append(chunk)
    os.close(fd)
    return b"".join(chunks).decode()


class KillLedger:
    """What every round acked and saved, checked against the file after each kill."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.acked: set[str] = set()
        self.saved_before_ack: set[str] = set()

    def check(self, output: str, label: str) -> None:
        assert "error " not in output, f"{label}: grader failed: {output[-300:]}"
        self.acked |= acked(output)
        ids = saved_ids(self.path) if self.path.exists() else []
        lost = self.acked - set(ids)
        assert not lost, f"{label}: lost {sorted(lost)[:5]}"
        assert len(ids) == len(set(ids)), f"{label}: a review was saved twice"
        self.saved_before_ack |= set(ids) - self.acked


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork (POSIX)")
def test_sigkill_while_saving_never_loses_an_acked_grade() -> None:
    """KILLS forked graders (no interpreter start-up, so every kill lands mid-grading)."""
    rng = random.Random(20250301)
    ledger = KillLedger(paths.progress_file())
    ProgressStore().load()
    review_card(None, "warmup00", Rating.GOOD, START, fuzz=False)  # import fsrs before forking
    for round_no in range(KILLS):
        pid, read_fd = _fork_grader(f"k{round_no:03d}x")
        first = _read_line(read_fd)  # the first grade is saved: now kill at a random moment
        time.sleep(rng.uniform(0, 0.05))
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        output = first + _read_all(read_fd)
        assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, output[-300:]
        ledger.check(output, f"round {round_no}")
    _assert_final(ledger, KILLS)
    assert len(ledger.acked) >= KILLS  # every round had saved at least one grade


@pytest.mark.slow
def test_sigkill_real_processes() -> None:
    """The same with whole interpreters started from scratch (fewer: start-up is slow)."""
    rng = random.Random(7)
    ledger = KillLedger(paths.progress_file())
    for round_no in range(PROCESS_KILLS):
        proc = start_grader(f"p{round_no:03d}x", 10_000)
        time.sleep(rng.uniform(0, 0.08))
        proc.send_signal(signal.SIGKILL)
        out, _err = proc.communicate(timeout=30)
        assert proc.returncode == -signal.SIGKILL
        ledger.check(out, f"process {round_no}")
    _assert_final(ledger, PROCESS_KILLS)


def _assert_final(ledger: KillLedger, kills: int) -> None:
    store = ProgressStore()
    assert {r.question_id for r in store.load().deck(DECK).reviews} >= ledger.acked
    assert store.notices == []  # never found a corrupt file to move aside
    leftovers = list(ledger.path.parent.glob(".progress.json.*.tmp"))
    print(
        f"kills={kills} acked={len(ledger.acked)} "
        f"saved-before-ack={len(ledger.saved_before_ack)} temp files left={len(leftovers)}"
    )
    card = review_card(None, "final000", Rating.GOOD, START, fuzz=False)
    store.record(DECK, Review("final000", START, 3, "flashcard", 1, None), card)
    assert not list(ledger.path.parent.glob(".progress.json.*.tmp"))  # killed saves swept


def test_killed_with_lock_held_does_not_block_the_next_save() -> None:
    """flock dies with its process: a grader killed mid-save never leaves a stale lock."""
    proc = start_grader("lock", 10_000)
    time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    out, _ = proc.communicate(timeout=30)
    follower = subprocess.run(
        [sys.executable, str(GRADER), "next", "3"], capture_output=True, text=True, timeout=60
    )
    assert follower.returncode == 0, follower.stderr
    ids = set(saved_ids(paths.progress_file()))
    assert acked(out) | {"next0000", "next0001", "next0002"} <= ids
