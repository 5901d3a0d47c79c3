"""The quiz in the terminal: render the session, turn keys into session calls.

``play`` drives a :class:`flaskprep.session.Session` with a key reader until the
session is done or the input ends. Deck text always goes through ``ui.safe``;
Markdown (and ``rich.markdown``) is only loaded when an answer is first shown, so
the first question appears quickly.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.text import Text

from flaskprep.scheduling import Rating, format_interval
from flaskprep.session import COMMANDS, Session
from flaskprep.ui.safe import clean

if TYPE_CHECKING:
    from flaskprep.distractors import Prompt
    from flaskprep.ui.keys import KeyReader

Previews = Callable[["Prompt"], "dict[Rating, timedelta]"]
RATING_STYLES = {
    Rating.AGAIN: "red",
    Rating.HARD: "yellow",
    Rating.GOOD: "green",
    Rating.EASY: "cyan",
}
GRADE_KEYS = {"1": Rating.AGAIN, "2": Rating.HARD, "3": Rating.GOOD, "4": Rating.EASY}


@dataclass
class Screen:
    """What ``play`` needs besides the session: where to draw, the clock, labels."""

    console: Console
    keys: KeyReader
    clock: Callable[[], datetime]
    previews: Previews
    deck_title: str
    total: int
    status: str = ""
    drawn: Prompt | None = None


def play(session: Session, screen: Screen) -> None:
    """Run the session until it is done, quit, or the input ends."""
    shown_at = time.monotonic()
    current = None
    while session.phase != "done":
        if session.current is not current:
            current, shown_at = session.current, time.monotonic()
        _draw(session, screen)
        elapsed = int((time.monotonic() - shown_at) * 1000)
        if not _step(session, screen, elapsed):
            session.quit()


def ready_to_start(screen: Screen) -> bool:
    """Wait for a key before the first card (False: the user quit or the input ended)."""
    screen.console.print(Text("Press any key to start (q quits).", "bold"))
    return screen.keys.key() not in (None, "q")


def _step(session: Session, screen: Screen, elapsed_ms: int) -> bool:
    """Read one input and apply it; False when the input has ended."""
    prompt = session.current
    assert prompt is not None
    screen.status = ""
    if session.phase == "question" and prompt.mode in ("type", "cloze"):
        text = screen.keys.line("> ")
        if text is None:
            return False
        if text.strip().lower() in COMMANDS:
            return _command(session, screen, text.strip().lower())
        if not text.strip():
            screen.status = "Nothing typed: type an answer, or s then Enter to skip."
            return True
        session.answer(text, screen.clock(), elapsed_ms)
        return True
    if session.phase == "feedback" and not screen.keys.interactive:
        session.proceed()
        return True
    key = screen.keys.key()
    if key is None:
        _accept_proposal(session, screen, elapsed_ms)
        return False
    if key in COMMANDS:
        return _command(session, screen, key)
    _apply_key(session, screen, key, elapsed_ms)
    return True


def _apply_key(session: Session, screen: Screen, key: str, elapsed_ms: int) -> None:
    prompt = session.current
    assert prompt is not None
    if session.phase == "feedback":
        session.proceed()
    elif session.phase == "answer":
        proposal = session.outcome.rating if prompt.mode == "type" else None
        rating = GRADE_KEYS.get(key) or (proposal if key == "enter" else None)
        if rating is not None:
            session.grade(rating, screen.clock(), elapsed_ms)
    elif prompt.mode == "flash":
        if key in ("enter", "space"):
            session.reveal()
    else:
        session.answer(key, screen.clock(), elapsed_ms)


def _accept_proposal(session: Session, screen: Screen, elapsed_ms: int) -> None:
    """The input ended on a scored typed answer: keep the grade Enter would have given."""
    proposal = session.outcome.rating
    typed = session.current is not None and session.current.mode == "type"
    if session.phase == "answer" and typed and proposal is not None:
        session.grade(proposal, screen.clock(), elapsed_ms)


def _command(session: Session, screen: Screen, key: str) -> bool:
    if key == "q":
        session.quit()
    elif key == "s":
        session.skip()
    elif key == "u":
        screen.status = "Took the last grade back." if session.undo() else "Nothing to undo."
    return True


# -- rendering ---------------------------------------------------------------------------


def _draw(session: Session, screen: Screen) -> None:
    """A terminal gets the whole card redrawn; piped output only gets what is new."""
    full = (
        screen.keys.interactive
        or session.phase == "question"
        or screen.drawn is not session.current
    )
    if screen.keys.interactive:
        screen.console.clear()
    elif full:
        screen.console.print()
    screen.drawn = session.current
    screen.console.print(render(session, screen, full=full))


def render(session: Session, screen: Screen, *, full: bool = True) -> RenderableType:
    prompt = session.current
    assert prompt is not None
    parts: list[RenderableType] = []
    budget = _option_budget(session, screen)
    if full:
        parts += [_header(session, screen), Text(""), _question(prompt)]
        if session.phase == "question" or prompt.truefalse is not None:
            parts += _prompt_body(prompt, budget)
    if session.phase != "question":
        parts += _result(session, prompt, budget)
    parts += [Text(""), _hint(session, screen)]
    return Group(*parts)


def _header(session: Session, screen: Screen) -> Text:
    done = sum(session.ratings.values()) + session.skipped - (session.phase == "feedback")
    text = Text(f"{clean(screen.deck_title)} · {done + 1}/{max(screen.total, done + 1)}", "dim")
    if session.current is not None:
        text.append(f" · {session.current.mode}", "dim")
    if screen.status:
        text.append(f"  {screen.status}", "yellow")
    return text


def _question(prompt: Prompt) -> Text:
    return Text(clean(prompt.question.text), style="bold")


def _prompt_body(prompt: Prompt, budget: _Budget | None) -> list[RenderableType]:
    if prompt.choice is not None:
        return [_options(prompt.choice.options, budget)]
    if prompt.truefalse is not None:
        return [Text("\nIs this the answer?", "dim"), _indented(prompt.truefalse.shown_answer)]
    if prompt.cloze is not None:
        return [Text("\nFill in the blank:", "dim"), _indented(prompt.cloze.text)]
    return []


def _options(
    options: tuple[str, ...], budget: _Budget | None, styles: dict[int, str] | None = None
) -> RenderableType:
    """Numbered options; wrapped lines hang under their text, clipped to fit the screen."""
    from rich.table import Table

    grid = Table.grid(padding=(0, 2))
    grid.add_column(justify="right", style="bold cyan")
    grid.add_column()
    for index, option in enumerate(options):
        text = Text(clean(" ".join(option.split())), style=(styles or {}).get(index, ""))
        grid.add_row(str(index + 1), budget.clip(text) if budget else text)
    return Padding(grid, (1, 0, 0, 2))


@dataclass(frozen=True)
class _Budget:
    """How many lines each choice option may take so the question stays on screen."""

    console: Console
    width: int
    lines: int

    def clip(self, text: Text) -> Text:
        wrapped = text.wrap(self.console, self.width)
        if len(wrapped) <= self.lines:
            return text
        kept = list(wrapped)[: self.lines]
        kept[-1].truncate(self.width - 1)
        kept[-1].append("…")
        return Text("\n").join(kept)


def _option_budget(session: Session, screen: Screen) -> _Budget | None:
    """A terminal's lines left for the options (never below one each); piped: no limit."""
    prompt = session.current
    if not screen.keys.interactive or prompt is None or prompt.choice is None:
        return None
    console, width = screen.console, screen.console.width
    used = 6 + _rows(console, prompt.question.text, width)  # header, gaps, footer, cursor
    if session.phase != "question":
        used += 2 + _rows(console, prompt.question.answer, width - 2)  # verdict, answer
    lines = (console.height - used) // len(prompt.choice.options)
    return _Budget(console, max(10, width - 7), max(1, lines))


def _rows(console: Console, text: str, width: int) -> int:
    return len(Text(" ".join(text.split())).wrap(console, max(10, width)))


def _result(session: Session, prompt: Prompt, budget: _Budget | None) -> list[RenderableType]:
    outcome = session.outcome
    if prompt.mode == "flash":
        return [Text(""), _indented(prompt.question.answer)]
    if prompt.mode == "type" and outcome.grade is not None:
        from flaskprep.ui.grading_view import render_grade_details, render_score

        score = Text("Score: ", "bold")
        score.append_text(render_score(outcome.grade.score))
        details = render_grade_details(outcome.grade, prompt.question.answer)
        return [Text(""), _typed(outcome.typed), score, details]
    verdict = Text("Right!", "bold green") if outcome.correct else Text("Wrong.", "bold red")
    parts: list[RenderableType] = []
    if prompt.choice is not None:
        verdict.append(f"  The answer is {prompt.choice.correct + 1}.", "bold")
        styles = {prompt.choice.correct: "bold green"}
        if outcome.chosen is not None and not outcome.correct:
            styles[outcome.chosen] = "red strike"
        parts.append(_options(prompt.choice.options, budget, styles))
    if prompt.cloze is not None:
        blanks = ", ".join(clean(term.text) for term in prompt.cloze.terms)
        verdict.append(f"  The blank{'s were' if len(prompt.cloze.terms) > 1 else ' was'}: ")
        verdict.append(blanks, "bold")
    if prompt.cloze is not None:
        parts.append(_typed(outcome.typed))
    return [*parts, Text(""), verdict, _indented(prompt.question.answer)]


def _typed(text: str) -> Text:
    line = Text("You wrote: ", "bold")
    line.append(clean(text) or "(nothing)", "italic")
    return line


def _indented(markdown_text: str) -> RenderableType:
    from flaskprep.ui.bank_view import markdown

    return Padding(markdown(markdown_text), (0, 0, 0, 2))


def _hint(session: Session, screen: Screen) -> Text:
    prompt = session.current
    assert prompt is not None
    tail = "u undo · s skip · q quit"
    if session.phase == "answer":
        return _grade_bar(session, screen, prompt) + Text("\n" + tail, "dim")
    if session.phase == "feedback":
        more = "any key: next · u undo · q quit" if screen.keys.interactive else ""
        return Text(more, "dim")
    if prompt.mode in ("type", "cloze"):
        what = "your answer" if prompt.mode == "type" else "the missing word(s), comma-separated"
        return Text(f"Type {what}, then Enter · a line u, s or q: undo, skip, quit", "dim")
    keys = {
        "flash": "Enter/space: show answer",
        "choice": f"1-{len(prompt.choice.options) if prompt.choice else 4}: choose",
        "truefalse": "t/y: true · f/n: false",
    }[prompt.mode]
    return Text(f"{keys} · {tail}", "dim")


def _grade_bar(session: Session, screen: Screen, prompt: Prompt) -> Text:
    previews = screen.previews(prompt)
    items: list[Text] = []
    if prompt.mode == "type" and session.outcome.rating is not None:
        items.append(Text(f"Enter: {session.outcome.rating.label}", "bold"))
    for key, rating in GRADE_KEYS.items():
        item = Text(f"{key} {rating.label}", RATING_STYLES[rating])
        if rating in previews:
            item.append(f" · {format_interval(previews[rating])}", "dim")
        items.append(item)
    return _pack(items, screen.console.width)


def _pack(items: list[Text], width: int, gap: str = "   ") -> Text:
    """Items on as few lines as fit ``width``; a line breaks between items, never inside."""
    bar, used = Text(), 0
    for item in items:
        if used and used + len(gap) + item.cell_len > width:
            bar.append("\n")
            used = 0
        elif used:
            bar.append(gap)
            used += len(gap)
        bar.append_text(item)
        used += item.cell_len
    return bar
