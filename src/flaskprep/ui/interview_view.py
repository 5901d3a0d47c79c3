"""The mock interview on screen: questions with the time left, and the report.

The loop that reads the answers is ``cli/interview_loop.py``.
"""

from __future__ import annotations

from datetime import timedelta

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.rule import Rule
from rich.text import Text

from flaskprep.interview import InterviewAnswer, InterviewReport
from flaskprep.model import Deck, Question
from flaskprep.ui.answer_text import plain, render_title
from flaskprep.ui.grading_view import render_grade_details, render_score
from flaskprep.ui.safe import clean
from flaskprep.ui.stats_view import render_bar


def format_time_left(left: timedelta) -> str:
    seconds = max(0, int(left.total_seconds()))
    return f"{seconds // 60}:{seconds % 60:02d}"


def render_intro(count: int, minutes: float | None, *, interactive: bool) -> RenderableType:
    line = Text("Mock interview: ", style="bold")
    line.append(f"{count} question" + ("" if count == 1 else "s"))
    if minutes is not None:
        line.append(f" in {minutes:g} minute" + ("" if minutes == 1 else "s"))
    how = (
        "Type your answer; an empty line ends it, and an empty answer asks before skipping."
        " Ctrl-D ends the interview."
        if interactive
        else "One answer per line; an empty line, then another, skips a question."
    )
    return Group(line, Text(how, style="dim"))


def render_question(
    deck: Deck, question: Question, number: int, total: int, left: timedelta | None
) -> RenderableType:
    head = Text(f"Question {number}/{total}", style="bold cyan")
    head.append(f"  {plain(deck.section_of(question).label)}", style="dim")
    if left is not None:
        head.append(f"  ⏱ {format_time_left(left)} left", style="yellow")
    return Group(Rule(style="dim"), head, render_title(question.text))


def render_time_up() -> Text:
    return Text("Time is up.", style="bold yellow")


def render_report(deck: Deck, report: InterviewReport) -> RenderableType:
    parts: list[RenderableType] = [Rule("Interview report", style="bold")]
    for number, answer in enumerate(report.answers, start=1):
        parts.append(_render_answer(deck, number, answer))
    parts.append(_render_overall(report))
    return Group(*parts)


def _render_answer(deck: Deck, number: int, answer: InterviewAnswer) -> RenderableType:
    head = Text(f"{number}. ", style="cyan")
    head.append_text(render_title(answer.question.text))
    head.append("  ")
    head.append_text(render_score(answer.grade.score, rating=True))
    said = Text("You said: ", style="bold")
    spoken = " / ".join(line.strip() for line in answer.answer.splitlines() if line.strip())
    said.append(clean(spoken) or "(nothing)", style="italic")
    details = render_grade_details(answer.grade, answer.question.answer)
    section = Text(plain(deck.section_of(answer.question).label), style="dim")
    return Group(head, Padding(Group(section, said, details), (0, 0, 1, 3)))


def _render_overall(report: InterviewReport) -> RenderableType:
    if not report.answers:
        return Text("No question was answered.", style="dim")
    line = Text("Overall: ", style="bold")
    line.append_text(render_bar(report.score, 20, "magenta"))
    line.append(" ")
    line.append_text(render_score(report.score))
    line.append(f"  ({len(report.answers)} of {report.planned} answered", style="dim")
    if report.skipped:
        line.append(f", {report.skipped} skipped", style="dim")
    line.append(", time ran out)" if report.timed_out else ")", style="dim")
    return line
