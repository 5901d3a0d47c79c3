"""Ctrl-C and SIGTERM at every stage of a quiz in a real pseudo-terminal.

Stages: an answer just revealed, a typed answer half written (the terminal is in
line mode with echo), and a grade being saved (the signal follows the grade key
at a random moment). Each time: exit 130 (143 for SIGTERM), ``stty -g`` is the
same after as before, the grades already saved are kept, and the file parses.
"""

from __future__ import annotations

import os
import random
import shlex
import signal
import sys
import time
from pathlib import Path

import pytest

from flaskprep import paths

pexpect = pytest.importorskip("pexpect")

from pty_shell import spawn_shell  # noqa: E402
from saved_progress import saved  # noqa: E402

pytestmark = pytest.mark.e2e
TIMEOUT = 30
QUIZ = f"{shlex.quote(sys.executable)} -m flaskprep quiz"
DECK = "bundled:flask-interview-prep"
SIGNALS = {"SIGINT": (signal.SIGINT, 130), "SIGTERM": (signal.SIGTERM, 143)}


def spawn(quiz_args: str) -> pexpect.spawn:
    script = (
        "before=$(stty -g); "
        f"{QUIZ} {quiz_args}; echo EXIT:$?; "
        'if [ "$before" = "$(stty -g)" ]; then echo STTY:SAME; else echo STTY:CHANGED; fi'
    )
    return spawn_shell(script, timeout=TIMEOUT)


def ratings() -> list[int]:
    path = paths.progress_file()
    if not path.exists():
        return []
    document = saved(path)  # must parse after any interruption
    return [row[2] for row in document["decks"].get(DECK, {}).get("reviews", [])]


def quiz_pid(child: pexpect.spawn) -> int:
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == child.pid and b"flaskprep" in cmdline:
            return int(entry.name)
    raise AssertionError("quiz process not found")


def interrupt(child: pexpect.spawn, name: str) -> None:
    if name == "SIGINT":
        child.sendintr()  # Ctrl-C typed at the terminal
    else:
        os.kill(quiz_pid(child), signal.SIGTERM)


def finish(child: pexpect.spawn, name: str) -> None:
    child.expect(f"EXIT:{SIGNALS[name][1]}")
    child.expect("STTY:SAME")
    child.expect(pexpect.EOF)
    assert "Traceback" not in (child.before or "")


def grade_first(child: pexpect.spawn) -> None:
    child.expect("What is Flask")
    child.send(" ")
    child.expect("3 Good")
    child.send("3")
    child.expect("WSGI and Werkzeug")


@pytest.mark.parametrize("name", SIGNALS)
def test_signal_while_an_answer_is_revealed(name: str) -> None:
    child = spawn("")
    grade_first(child)
    child.send(" ")
    child.expect("WSGI spec")
    child.expect("4 Easy")
    interrupt(child, name)
    finish(child, name)
    assert ratings() == [3]


@pytest.mark.parametrize("name", SIGNALS)
def test_signal_while_typing_an_answer(name: str) -> None:
    child = spawn("--mode type --count 3")
    child.expect("Type your answer")
    child.sendline("a lightweight microframework built on Werkzeug and Jinja2")
    child.expect("Score:")
    child.send("\r")  # accept the proposed grade
    child.expect("Type your answer")
    child.send("half an ans")  # no Enter: the line is still being edited
    child.expect("half an ans")
    interrupt(child, name)
    finish(child, name)
    assert len(ratings()) == 1


@pytest.mark.slow
@pytest.mark.parametrize("name", SIGNALS)
def test_signal_while_a_grade_is_saved(name: str) -> None:
    """The signal lands right after a grade key, often mid-save: earlier grades survive."""
    rng = random.Random(43 if name == "SIGINT" else 143)
    sig, code = SIGNALS[name]
    kept = 0
    for _ in range(6):
        before = ratings()
        child = spawn("")
        child.expect("show answer")
        child.send(" ")
        child.expect("1 Again")
        pid = quiz_pid(child)
        child.send("2")
        time.sleep(rng.uniform(0, 0.03))
        os.kill(pid, sig)
        child.expect(f"EXIT:{code}")
        child.expect("STTY:SAME")
        child.expect(pexpect.EOF)
        after = ratings()
        assert after[: len(before)] == before  # nothing saved earlier was lost
        assert len(after) in (len(before), len(before) + 1)
        kept += len(after) - len(before)
    print(f"{name}: 6 interrupted saves, {kept} grades completed before the signal")


MORE_SIGNALS = {"SIGHUP": 129, "SIGQUIT": 131, "SIGUSR1": 138, "SIGALRM": 142}


@pytest.mark.parametrize("name", MORE_SIGNALS)
def test_other_stop_signals_while_typing_restore_the_terminal(name: str) -> None:
    """Ctrl-\\ (SIGQUIT) typed mid-answer, a closed terminal window (SIGHUP), a stray
    SIGUSR1 or SIGALRM: each used to kill the quiz with echo still off."""
    child = spawn("--mode type --count 3")
    child.expect("Type your answer")
    child.sendline("a lightweight microframework built on Werkzeug and Jinja2")
    child.expect("Score:")
    child.send("\r")
    child.expect("Type your answer")
    child.send("half an ans")
    child.expect("half an ans")
    if name == "SIGQUIT":
        child.sendcontrol("\\")
    else:
        os.kill(quiz_pid(child), getattr(signal, name))
    child.expect(f"EXIT:{MORE_SIGNALS[name]}")
    child.expect("STTY:SAME")
    child.expect(pexpect.EOF)
    assert "Traceback" not in (child.before or "")
    assert len(ratings()) == 1
