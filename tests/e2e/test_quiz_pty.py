"""Drive `flaskprep quiz` in a real pseudo-terminal with single key presses."""

from __future__ import annotations

import os
import shlex
import signal
import sys
from pathlib import Path

import pytest

pexpect = pytest.importorskip("pexpect")

from pty_shell import spawn_shell  # noqa: E402
from saved_progress import saved  # noqa: E402

pytestmark = pytest.mark.e2e
TIMEOUT = 20
QUIZ = f"{shlex.quote(sys.executable)} -m flaskprep quiz"


def spawn(command: str) -> pexpect.spawn:
    return spawn_shell(command, timeout=TIMEOUT)


def ratings(home: Path) -> list[int]:
    path = home / "data" / "progress.json"
    if not path.exists():
        return []
    document = saved(path)
    return [row[2] for row in document["decks"]["bundled:flask-interview-prep"]["reviews"]]


def assert_terminal_restored(child: pexpect.spawn) -> None:
    """`stty -a` after flaskprep ran: canonical mode and echo are back on."""
    child.expect("STTY:(.*):END")
    settings = child.match.group(1).split()
    assert "icanon" in settings and "echo" in settings
    assert "-icanon" not in settings and "-echo" not in settings


def test_reveal_grade_undo_quit(isolated_home: Path) -> None:
    child = spawn(QUIZ)
    child.expect("What is Flask and its key features")
    child.expect("show answer")
    child.send(" ")  # no Enter needed
    child.expect("lightweight, extensible microframework")
    child.expect("3 Good · 10m")
    child.send("3")
    child.expect("WSGI and Werkzeug")
    child.send("\r")
    child.expect("WSGI spec")
    child.send("4")
    child.expect("Application and request contexts")
    child.send("u")
    child.expect("Took the last grade back")
    child.expect("WSGI spec")  # back on the revealed answer, ready to re-grade
    child.send("2")
    child.expect("Application and request contexts")
    child.send("q")
    child.expect("Seen 2 question")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert ratings(isolated_home) == [3, 2]


def test_ctrl_c_keeps_grades_and_restores_the_terminal(isolated_home: Path) -> None:
    child = spawn(f"{QUIZ}; echo EXIT:$?; echo STTY:$(stty -a | tr '\\n;' '  '):END")
    child.expect("What is Flask")
    child.send(" ")
    child.expect("1 Again")
    child.send("3")
    child.expect("WSGI and Werkzeug")
    child.sendintr()
    child.expect("Seen 1 question")
    child.expect("EXIT:130")
    assert_terminal_restored(child)
    child.expect(pexpect.EOF)
    assert ratings(isolated_home) == [3]


def test_sigterm_keeps_grades_and_restores_the_terminal(isolated_home: Path) -> None:
    child = spawn(f"{QUIZ}; echo EXIT:$?; echo STTY:$(stty -a | tr '\\n;' '  '):END")
    child.expect("What is Flask")
    child.send(" ")
    child.expect("1 Again")
    child.send("4")
    child.expect("WSGI and Werkzeug")
    quiz_pids = [p for p in _children(child.pid) if _is_quiz(p)]
    assert quiz_pids
    os.kill(quiz_pids[0], signal.SIGTERM)
    child.expect("Seen 1 question")
    child.expect("EXIT:143")
    assert_terminal_restored(child)
    assert ratings(isolated_home) == [4]


def test_choice_mode_with_single_keys(isolated_home: Path) -> None:
    child = spawn(f"{QUIZ} --mode choice --count 2 --seed 5")
    child.expect("1-4: choose")
    child.send("1")
    child.expect("(Right!|Wrong\\.)")
    child.expect("any key: next")
    child.send("x")
    child.expect("1-4: choose")
    child.send("q")
    child.expect("Seen 1 question")
    child.expect(pexpect.EOF)
    assert len(ratings(isolated_home)) == 1


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def _is_quiz(pid: int) -> bool:
    try:
        return b"flaskprep" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False


def test_typed_answer_is_echoed_scored_and_accepted_with_enter(isolated_home: Path) -> None:
    child = spawn(f"{QUIZ} --mode type --count 1")
    child.expect("Type your answer")
    child.sendline("a lightweight microframework built on Werkzeug and Jinja2")
    child.expect("Jinja2")  # echoed while typing
    child.expect("Score:")
    child.expect("Enter: ")
    child.send("\r")
    # Again or Hard leave the card on a learning step, so it comes back before the end.
    if child.expect(["again · 1 of 1", "Seen 1 question"]) == 0:
        child.sendline("q")
        child.expect("Seen 1 question")
    child.expect(pexpect.EOF)
    assert len(ratings(isolated_home)) == 1


def test_arrow_keys_never_end_up_in_a_typed_answer(isolated_home: Path) -> None:
    child = spawn(f"{QUIZ} --mode type --count 1")
    child.expect("Type your answer")
    child.send("url_for builds")
    child.send("\x1b[D\x1b[D\x1b[A\x1b[B\x1bOP\x1b[15~")  # Left Left Up Down F1 F5
    child.send("\x1b[H\x1b[3~\x1b[FX")  # Home, Delete, End, X
    child.send("\r")
    child.expect("You wrote: rl_for buildsX")
    child.expect("4 Easy")
    child.send("4")  # Enter would accept Again and bring the question back
    child.expect("Seen 1 question")
    child.expect(pexpect.EOF)
    assert len(ratings(isolated_home)) == 1


def test_a_corrupt_progress_notice_is_shown_before_the_first_question(
    isolated_home: Path,
) -> None:
    progress = isolated_home / "data" / "progress.json"
    progress.parent.mkdir(parents=True, exist_ok=True)
    progress.write_text("{ not json")
    child = spawn(QUIZ)
    child.expect("progress file was unreadable")
    child.expect("Press any key to start")
    child.send(" ")
    child.expect("What is Flask and its key features")
    child.send("q")
    child.expect("progress file was unreadable")  # repeated at the end (no answer: no summary)
    child.expect(pexpect.EOF)


def test_resizing_redraws_the_card_and_enter_after_a_reveal_grades_good(
    isolated_home: Path,
) -> None:
    child = spawn(f"{QUIZ} --count 2")
    child.expect("Enter/space: show answer")
    child.setwinsize(30, 60)  # the terminal sends SIGWINCH: the card is drawn again
    child.expect("1 of 2")
    child.expect("Enter/space: show answer")
    child.send(" ")
    child.expect("Enter/space: Good")
    child.send(" ")
    child.expect("2 of 2")
    child.send("q")
    child.expect("Seen 1 question")
    child.expect(pexpect.EOF)
    assert ratings(isolated_home) == [3]
