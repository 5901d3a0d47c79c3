"""The quiz card on screen: a :class:`~flaskprep.learn.session.Session` in, renderables out.

The input loop that drives the session is ``cli/quiz_loop.py``. Deck text always
goes through ``ui.safe``; Markdown (and ``rich.markdown``) is only loaded when an
answer is first shown, so the first question appears quickly.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from flaskprep.learn.prompts import Prompt
from flaskprep.learn.session import Session
from flaskprep.scheduling import Rating, format_interval
from flaskprep.ui.answer_text import plain, plain_option, render_title
from flaskprep.ui.deck_view import markdown
from flaskprep.ui.grading_view import render_grade_details, render_score
from flaskprep.ui.safe import clean

Previews = Callable[[Prompt], dict[Rating, timedelta]]
RATING_STYLES = {
    Rating.AGAIN: "red",
    Rating.HARD: "yellow",
    Rating.GOOD: "green",
    Rating.EASY: "cyan",
}
RATING_KEYS = {"1": Rating.AGAIN, "2": Rating.HARD, "3": Rating.GOOD, "4": Rating.EASY}


@dataclass
class Screen:
    """What a card is drawn with besides the session: where, how, and its labels."""

    console: Console
    interactive: bool
    previews: Previews
    deck_titles: list[str]
    """Each deck's title, by ``Prompt.deck_index``."""
    status: str = ""
    cram: bool = False
    """A ``--cram`` session: the header says so, since grades change no schedule."""


# -- rendering ---------------------------------------------------------------------------


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
    """One line: the deck title gives way (shortened with …) so counts and mode stay whole."""
    prompt = session.current
    index = prompt.deck_index if prompt is not None else 0
    title = screen.deck_titles[index] if index < len(screen.deck_titles) else ""
    counts = Text()
    if session.is_repeat:
        counts.append("again · ", "yellow")
    counts.append(f"{session.position} of {session.total}", "dim")
    if session.to_repeat:
        counts.append(f" · {session.to_repeat} to repeat", "dim")
    if prompt is not None:
        counts.append(f" · {prompt.mode}", "dim")
    if screen.cram:
        counts.append(" · cram", "dim")
    room = screen.console.width - counts.cell_len - len(" · ")
    text = Text(style="dim")
    if room >= 8:
        shown = Text(plain(title), "dim")
        shown.truncate(room, overflow="ellipsis")
        text.append_text(shown)
        text.append(" · ", "dim")
    text.append_text(counts)
    if screen.status:
        text.append(f"  {screen.status}", "yellow")
    return text


def _question(prompt: Prompt) -> Text:
    return render_title(prompt.question.text)


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
    grid = Table.grid(padding=(0, 2))
    grid.add_column(justify="right", style="bold cyan")
    grid.add_column()
    for index, option in enumerate(options):
        text = render_title(plain_option(option), style=(styles or {}).get(index, ""))
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
    if not screen.interactive or prompt is None or prompt.choice is None:
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
        score = Text("Score: ", "bold")
        score.append_text(render_score(outcome.grade.score, rating=True))
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
        parts += [Text(""), _typed(outcome.typed)]
    if prompt.truefalse is not None:
        truth = (
            "the answer to this question" if prompt.truefalse.is_true else "from another question"
        )
        verdict.append(f"  The statement was {truth}. The answer is:", "bold")
    return [*parts, Text(""), verdict, _indented(prompt.question.answer)]


def _typed(text: str) -> Text:
    line = Text("You wrote: ", "bold")
    line.append(clean(text) or "(nothing)", "italic")
    return line


def _indented(markdown_text: str) -> RenderableType:
    return Padding(markdown(markdown_text), (0, 0, 0, 2))


def _hint(session: Session, screen: Screen) -> Text:
    prompt = session.current
    assert prompt is not None
    tail = "u undo · s skip · q quit"
    if session.phase == "answer":
        return _grade_bar(session, screen, prompt) + Text("\n" + tail, "dim")
    if session.phase == "feedback":
        more = "any key: next · u undo · q quit" if screen.interactive else ""
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
    elif prompt.mode == "flash":
        items.append(Text("Enter/space: Good", "bold"))
    for key, rating in RATING_KEYS.items():
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
