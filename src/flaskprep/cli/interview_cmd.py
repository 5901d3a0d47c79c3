"""``flaskprep interview``: a mock interview, saved as reviews and a report."""

from __future__ import annotations

import random
from datetime import datetime
from typing import Annotated

import typer

from flaskprep.cli import common, keys
from flaskprep.cli.app import app
from flaskprep.cli.completion import Sections
from flaskprep.cli.interview_loop import ask_each
from flaskprep.cli.progress import clock, open_store
from flaskprep.errors import UsageError
from flaskprep.grading import idf_table
from flaskprep.interview import Interview, InterviewAnswer, interview_record, pick_questions
from flaskprep.learn.recording import record_grade
from flaskprep.model import Deck
from flaskprep.scheduling import rating_from_score
from flaskprep.store import ProgressStore
from flaskprep.ui import interview_view as view


@app.command(short_help="Run a mock interview and get a report.")
def interview(
    count: Annotated[
        int, typer.Option("--count", "-n", min=1, metavar="N", help="Questions to ask.")
    ] = 5,
    minutes: Annotated[
        float | None,
        typer.Option(
            "--minutes",
            "-m",
            min=0.1,
            max=24 * 60,
            metavar="MINUTES",
            help="Time limit, with a countdown.",
        ),
    ] = None,
    section: Sections = None,
    seed: Annotated[
        int | None, typer.Option("--seed", metavar="N", help="Pick the same questions every time.")
    ] = None,
) -> None:
    """A mock interview: typed answers, graded at the end with what you missed.

    Due and weak questions come up more often. In a terminal an answer may take
    several lines (an empty line ends it); piped input gives one answer per line.
    An empty answer asks first; a second one skips the question (no review).
    With --minutes the prompt counts down and the answer ends when time is up.
    Answers count as reviews; the report is kept for `flaskprep stats`.
    Examples: `flaskprep interview`, `flaskprep interview -n 3 --minutes 10 -s routing`.
    """
    if minutes is not None and minutes != minutes:  # NaN passes typer's range check
        raise UsageError("--minutes must be a number of minutes")
    deck = common.one_deck("interview")
    store = open_store([deck])
    store.check_writable()
    start = clock()[0]
    chosen = pick_questions(
        deck,
        store.load().deck(deck.key),
        count=count,
        sections=common.section_indexes(deck, section),
        now=start,
        rng=random.Random(seed),
    )
    if not chosen:
        raise UsageError("no question with a model answer in the chosen sections")
    idf = idf_table(q.answer for q in deck.questions if q.answered)
    _run_interview(Interview(tuple(chosen), start, minutes, idf), deck, store)


def _run_interview(session: Interview, deck: Deck, store: ProgressStore) -> None:
    """Ask, save each answer as a review, then save and show the report (also on Ctrl-C)."""
    console = common.console()
    interactive = keys.stdin_is_terminal()
    console.print(
        view.render_intro(len(session.questions), session.minutes, interactive=interactive)
    )
    try:
        _ask_all(session, deck, store, interactive)
    finally:
        report = session.report(clock()[0])
        if report.timed_out:
            console.print(view.render_time_up())
        if report.answers:
            store.add_interview(deck.key, interview_record(report))
        console.print(view.render_report(deck, report))


def _ask_all(session: Interview, deck: Deck, store: ProgressStore, interactive: bool) -> None:
    console = common.console()

    def record(done: InterviewAnswer) -> None:
        _record(deck, store, done)

    if not interactive:
        ask_each(session, deck, keys.LineKeys(), console.print, _now, record)
        return
    with keys.TerminalKeys() as reader:
        ask_each(session, deck, reader, console.print, _now, record)


def _now() -> datetime:
    return clock()[0]


def _record(deck: Deck, store: ProgressStore, done: InterviewAnswer) -> None:
    record_grade(
        store,
        deck,
        done.question.id,
        rating_from_score(done.grade.score),
        mode="interview",
        now=clock()[0],
        duration_ms=done.duration_ms,
        score=done.grade.score,
    )
