"""The mock interview's input loop: ask each question, read the answer, record it.

In a terminal an answer is lines until an empty one, with the time left in the
prompt (redrawn each second); piped, one line. ``ui.interview_view`` draws.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from rich.console import RenderableType
from rich.text import Text

from flaskprep.cli.keys import KeyReader, Refresh
from flaskprep.interview import Interview, InterviewAnswer
from flaskprep.model import Deck
from flaskprep.ui import interview_view as view
from flaskprep.ui.interview_view import format_time_left

Clock = Callable[[], datetime]
Record = Callable[[InterviewAnswer], None]


def ask_each(
    session: Interview,
    deck: Deck,
    reader: KeyReader,
    say: Callable[[RenderableType], None],
    clock: Clock,
    record: Record,
) -> None:
    """Put each question until the interview ends (time, questions, or input)."""

    def left() -> timedelta | None:
        return session.time_left(clock())

    while (question := session.next_question(clock())) is not None:
        number, total = session.asked + 1, len(session.questions)
        # In a terminal the prompt counts down, so the header shows no time to go stale.
        header_left = None if reader.interactive else left()
        say(view.render_question(deck, question, number, total, header_left))
        asked = clock()
        text = ask(reader, say, left)
        if text is None:
            return
        if not text.strip():
            if session.out_of_time(clock()):
                return  # the clock ended the interview: a time-out, not a skip
            session.skip()
            continue
        record(session.answer(text, asked, clock()))


TimeLeft = Callable[[], "timedelta | None"]
SKIP_QUESTION = "Nothing typed. Enter again skips this question (not recorded), or type an answer."


def ask(keys: KeyReader, say: Callable[[RenderableType], None], time_left: TimeLeft) -> str | None:
    """An answer; ``""`` when skipped (an empty answer, confirmed); ``None`` at end of input."""
    text = read_answer(keys, time_left)
    if text is None or text.strip() or _time_is_up(time_left):
        return text
    say(Text(SKIP_QUESTION, style="yellow"))
    return read_answer(keys, time_left)


def read_answer(keys: KeyReader, time_left: TimeLeft = lambda: None) -> str | None:
    """One answer: a line when piped; in a terminal, lines until an empty one.

    In a terminal with a time limit the prompt shows the time left, redrawn each
    second, and the answer ends (keeping what was typed) when the time is up.
    ``None`` at end of input before anything was typed (the interview ends).
    """
    if not keys.interactive:
        return keys.line("")
    lines: list[str] = []
    while True:
        line = keys.line(
            _prompt(time_left(), lines),
            refresh=_refresher(time_left, lines),
            settled=_prompt(None, lines),
        )
        if line is None:
            return "\n".join(lines) if lines else None
        if line.strip():
            lines.append(line)
        if not line.strip() or _time_is_up(time_left):
            return "\n".join(lines)


def _prompt(left: timedelta | None, lines: list[str]) -> str:
    mark = "  " if lines else "> "
    return mark if left is None else f"{format_time_left(left)} {mark}"


def _refresher(time_left: TimeLeft, lines: list[str]) -> Refresh | None:
    if time_left() is None:
        return None

    def refresh() -> str | None:
        return None if _time_is_up(time_left) else _prompt(time_left(), lines)

    return refresh


def _time_is_up(time_left: TimeLeft) -> bool:
    left = time_left()
    return left is not None and left <= timedelta(0)
