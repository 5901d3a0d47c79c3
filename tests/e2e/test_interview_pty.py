"""Drive `flaskprep interview` in a real pseudo-terminal: countdown, skip, time running out."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

import pytest

pexpect = pytest.importorskip("pexpect")

from test_quiz_pty import spawn  # noqa: E402

from saved_progress import saved  # noqa: E402

pytestmark = pytest.mark.e2e
INTERVIEW = f"{shlex.quote(sys.executable)} -m flaskprep interview --seed 1"


def reviews(home: Path) -> list[list[object]]:
    path = home / "data" / "progress.json"
    if not path.exists():
        return []
    document = saved(path)
    return list(document["decks"]["bundled:flask-interview-prep"]["reviews"])


def test_empty_answer_asks_then_skips_and_the_report_starts_on_its_own_line(
    isolated_home: Path,
) -> None:
    child = spawn(f"{INTERVIEW} -n 2")
    child.expect("Question 1/2")
    child.expect("> ")
    child.send("\r")
    child.expect("Enter again skips this question")
    child.send("\r")
    child.expect("Question 2/2")
    child.send("werkzeug routing\x1b[D\x1b[A\r\r")
    child.expect("\n *─+ *Interview report")  # never "> ───"
    child.expect("You said: werkzeug routing")
    child.expect("1 skipped")
    child.expect(pexpect.EOF)
    assert len(reviews(isolated_home)) == 1


def test_countdown_moves_and_time_up_keeps_what_was_typed(isolated_home: Path) -> None:
    child = spawn(f"{INTERVIEW} -n 2 --minutes 0.1")  # six seconds
    child.expect("Question 1/2")
    child.expect("0:0[0-3] > ")  # redrawn while waiting, not stuck at the start
    child.send("half an answer")
    child.expect("Time is up", timeout=10)
    child.expect("You said: half an answer")
    child.expect("time ran out")
    child.expect(pexpect.EOF)
    assert len(reviews(isolated_home)) == 1
