"""The quiz's input loop: keys in, session calls out, the card redrawn after each.

``play`` drives a :class:`~flaskprep.learn.session.Session` with a key reader until
the session is done or the input ends; ``ui.quiz_view`` draws each card. In a
terminal the whole card is redrawn (also when the terminal is resized); piped
output only gets what is new.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from rich.text import Text

from flaskprep.cli.keys import KeyReader
from flaskprep.learn.prompts import Prompt
from flaskprep.learn.session import Session
from flaskprep.scheduling import Rating
from flaskprep.ui.quiz_view import RATING_KEYS, Screen, render

COMMANDS = ("u", "s", "q")
"""Lines that are commands, never typed answers (a one-letter answer means nothing)."""
RESIZE = "resize"


@dataclass
class Controls:
    """The loop's inputs: the screen to draw on, the keys, the clock."""

    screen: Screen
    keys: KeyReader
    clock: Callable[[], datetime]
    drawn: Prompt | None = None


def play(session: Session, controls: Controls) -> None:
    """Run the session until it is done, quit, or the input ends."""
    shown_at = time.monotonic()
    current = None
    while session.phase != "done":
        if session.current is not current:
            current, shown_at = session.current, time.monotonic()
        _draw(session, controls)
        elapsed = int((time.monotonic() - shown_at) * 1000)
        if not _step(session, controls, elapsed):
            session.quit()


def ready_to_start(controls: Controls) -> bool:
    """Wait for a key before the first card (False: the user quit or the input ended)."""
    controls.screen.console.print(Text("Press any key to start (q quits).", "bold"))
    return controls.keys.key() not in (None, "q")


def _draw(session: Session, controls: Controls) -> None:
    screen = controls.screen
    full = (
        screen.interactive or session.phase == "question" or controls.drawn is not session.current
    )
    if screen.interactive:
        screen.console.clear()
    elif full:
        screen.console.print()
    controls.drawn = session.current
    screen.console.print(render(session, screen, full=full))


def _step(session: Session, controls: Controls, elapsed_ms: int) -> bool:
    """Read one input and apply it; False when the input has ended."""
    prompt = session.current
    assert prompt is not None
    screen, keys = controls.screen, controls.keys
    screen.status = ""
    if session.phase == "question" and prompt.mode in ("type", "cloze"):
        text = keys.line("> ")
        if text is None:
            return False
        if text.strip().lower() in COMMANDS:
            return _command(session, controls, text.strip().lower())
        if not text.strip():
            screen.status = "Nothing typed: type an answer, or s then Enter to skip."
            return True
        session.answer(text, controls.clock(), elapsed_ms)
        return True
    if session.phase == "feedback" and not keys.interactive:
        session.proceed(controls.clock())
        return True
    key = keys.key()
    if key is None:
        _accept_proposal(session, controls, elapsed_ms)
        return False
    if key == RESIZE:
        return True
    if key in COMMANDS:
        return _command(session, controls, key)
    _apply_key(session, controls, key, elapsed_ms)
    return True


def _apply_key(session: Session, controls: Controls, key: str, elapsed_ms: int) -> None:
    prompt = session.current
    assert prompt is not None
    now = controls.clock()
    if session.phase == "feedback":
        session.proceed(now)
    elif session.phase == "answer":
        rating = RATING_KEYS.get(key) or (_default(session) if key in ("enter", "space") else None)
        if rating is not None:
            session.grade(rating, now, elapsed_ms)
    elif prompt.mode == "flash":
        if key in ("enter", "space"):
            session.reveal()
    else:
        session.answer(key, now, elapsed_ms)


def _default(session: Session) -> Rating | None:
    """Enter or space after a reveal: Good, or the typed answer's proposed rating."""
    prompt = session.current
    if prompt is not None and prompt.mode == "type":
        return session.outcome.rating
    return Rating.GOOD


def _accept_proposal(session: Session, controls: Controls, elapsed_ms: int) -> None:
    """The input ended on a scored typed answer: keep the rating Enter would have given."""
    proposal = session.outcome.rating
    typed = session.current is not None and session.current.mode == "type"
    if session.phase == "answer" and typed and proposal is not None:
        session.grade(proposal, controls.clock(), elapsed_ms)


def _command(session: Session, controls: Controls, key: str) -> bool:
    if key == "q":
        session.quit()
    elif key == "s":
        session.skip(controls.clock())
    elif key == "u":
        took = session.undo()
        controls.screen.status = "Took the last grade back." if took else "Nothing to undo."
    return True
