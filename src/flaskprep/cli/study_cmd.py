"""Practice outside the quiz: ``check`` an answer, a mock ``interview``, ``stats``, ``reset``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from flaskprep.cli.app import app
from flaskprep.cli.completion import Sections, complete_question

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import datetime, tzinfo

    from flaskprep.interview import Interview, InterviewAnswer
    from flaskprep.model import Deck
    from flaskprep.store import ProgressStore


@app.command(short_help="Grade one typed answer.")
def check(
    question: Annotated[
        str,
        typer.Argument(
            metavar="ID",
            help="Question id, unique id prefix, or 3.2.",
            autocompletion=complete_question,
        ),
    ],
    answer: Annotated[
        str, typer.Argument(metavar="ANSWER", help='Your answer in "quotes"; - reads stdin.')
    ],
    as_json: Annotated[
        bool, typer.Option("--json", help="Print {id, score, matched, missing} as JSON.")
    ] = False,
) -> None:
    """Grade a typed answer against the model answer: score and the key terms missed.

    Examples: `flaskprep check 1.4 "blueprints group routes into reusable modules"`,
    `flaskprep check 41cd --json "..." | jq .score`.
    """
    import sys

    from flaskprep.cli import common
    from flaskprep.errors import UsageError
    from flaskprep.grading import grade, idf_table

    deck = common.load_deck()
    found = common.find_question(deck, question)
    if not found.answered:
        raise UsageError(f"question {found.id} has no model answer in the deck to grade against")
    text = sys.stdin.read() if answer == "-" else answer
    idf = idf_table(q.answer for q in deck.questions if q.answered)
    result = grade(text, found.answer, idf, question=found.text)
    if as_json:
        from flaskprep.documents import check_document, dumps

        typer.echo(dumps(check_document(deck, found, result)))
        return
    from flaskprep.ui.grading_view import render_check

    common.console().print(render_check(found, result))


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
    import random

    from flaskprep.cli import common
    from flaskprep.errors import UsageError
    from flaskprep.grading import idf_table
    from flaskprep.interview import Interview, pick_questions

    if minutes is not None and minutes != minutes:  # NaN passes typer's range check
        raise UsageError("--minutes must be a number of minutes")
    deck = _one_deck("interview")
    store = _open_store([deck])
    store.check_writable()
    start = _clock()[0]
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


@app.command(short_help="Where you stand: due, retention, streak.")
def stats(
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the numbers as JSON (docs/json.md).")
    ] = False,
) -> None:
    """Your progress: counts, a review heatmap, retention per section, the due forecast.

    With a folder of decks (`--deck DIR`), one block per deck.
    Examples: `flaskprep stats`, `flaskprep stats --json | jq .due`.
    """
    from flaskprep.stats import compute_stats

    decks = _all_decks()
    progress = _open_store(decks).load()
    now, tz = _clock()
    results = [compute_stats(d, progress.deck(d.key), now, tz) for d in decks]
    if as_json:
        from flaskprep.documents import dumps, stats_document
        from flaskprep.stats import streak_across

        streak = streak_across([progress.deck(d.key) for d in decks], now, tz)
        typer.echo(dumps(stats_document(list(zip(decks, results, strict=True)), streak)))
        return
    from rich.console import Group
    from rich.text import Text

    from flaskprep.cli import common
    from flaskprep.ui.stats_view import render_stats

    blocks = [render_stats(r) for r in results]
    spaced = [part for block in blocks for part in (block, Text(""))][:-1]
    common.console().print(Group(*spaced))


@app.command(short_help="Forget progress (asks first).")
def reset(
    section: Sections = None,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask before deleting.")] = False,
) -> None:
    """Forget progress (schedule and review history) of the deck or some sections.

    Asks first; `--yes` skips the question (needed when input is not a terminal).
    Examples: `flaskprep reset --section 3`, `flaskprep reset --yes`.
    """
    import sys

    from flaskprep.cli import common
    from flaskprep.errors import UsageError

    deck = _one_deck("reset")
    indexes = common.section_indexes(deck, section)
    ids = [q.id for i in indexes for q in deck.sections[i].questions] if indexes else None
    where = ", ".join(deck.sections[i].label for i in indexes) if indexes else "all sections"
    if not yes:
        if not sys.stdin.isatty():
            raise UsageError("not resetting without confirmation", hint="add --yes to reset")
        question = f"Forget all progress of {deck.title} ({where})?"
        if not typer.confirm(_safe(question), default=False):
            typer.echo("Nothing was reset.")
            return
    store = _open_store([deck])
    count = store.reset(deck.key, ids)
    questions = "1 question" if count == 1 else f"{count} questions"
    typer.echo(_safe(f"Forgot the progress of {questions} in {deck.title} ({where})."))


def _run_interview(session: Interview, deck: Deck, store: ProgressStore) -> None:
    """Ask, save each answer as a review, then save and show the report (also on Ctrl-C)."""
    from flaskprep.cli import common
    from flaskprep.cli.keys import stdin_is_terminal
    from flaskprep.interview import interview_record
    from flaskprep.ui import interview_view as view

    console = common.console()
    interactive = stdin_is_terminal()
    console.print(
        view.render_intro(len(session.questions), session.minutes, interactive=interactive)
    )
    try:
        _ask_all(session, deck, store, interactive)
    finally:
        report = session.report(_clock()[0])
        if report.timed_out:
            console.print(view.render_time_up())
        if report.answers:
            store.add_interview(deck.key, interview_record(report))
        console.print(view.render_report(deck, report))


def _ask_all(session: Interview, deck: Deck, store: ProgressStore, interactive: bool) -> None:
    from flaskprep.cli import common, keys
    from flaskprep.cli.interview_loop import ask_each

    console = common.console()

    def record(done: InterviewAnswer) -> None:
        _record(deck, store, done)

    if not interactive:
        ask_each(session, deck, keys.LineKeys(), console.print, _now, record)
        return
    with keys.TerminalKeys() as reader:
        ask_each(session, deck, reader, console.print, _now, record)


def _now() -> datetime:
    return _clock()[0]


def _record(deck: Deck, store: ProgressStore, done: InterviewAnswer) -> None:
    from flaskprep.learn.recording import record_grade
    from flaskprep.scheduling import rating_from_score

    record_grade(
        store,
        deck,
        done.question.id,
        rating_from_score(done.grade.score),
        mode="interview",
        now=_clock()[0],
        duration_ms=done.duration_ms,
        score=done.grade.score,
    )


def _all_decks() -> list[Deck]:
    from flaskprep import config, library
    from flaskprep.cli.state import options
    from flaskprep.deck_cache import load_deck

    return [load_deck(path) for path in library.deck_paths(config.effective_deck(options.deck))]


def _one_deck(command: str) -> Deck:
    from flaskprep.errors import UsageError

    decks = _all_decks()
    if len(decks) > 1:
        raise UsageError(
            f"{command} works on one deck; --deck names a folder of {len(decks)}",
            hint="pass one deck file with --deck",
        )
    return decks[0]


def _open_store(decks: Sequence[Deck] = ()) -> ProgressStore:
    """The progress store, loaded, with the progress of ``decks`` that moved following
    them; notices (a file moved aside...) go to stderr."""
    from rich.text import Text

    from flaskprep.cli import common
    from flaskprep.errors import ProgressError
    from flaskprep.store import ProgressStore

    store = ProgressStore()
    known = store.load().decks
    for deck in (d for d in decks if d.key not in known):
        try:
            store.follow(deck.key, {q.id for q in deck.questions})
        except ProgressError as exc:  # it stays where it was; reading still works
            store.notices.append(str(exc))
    for notice in store.notices:
        common.console(stderr=True).print(Text(_safe(notice), style="yellow"))
    store.notices.clear()
    return store


def _clock() -> tuple[datetime, tzinfo]:
    from datetime import datetime, timezone

    now = datetime.now(timezone.utc)
    return now, now.astimezone().tzinfo or timezone.utc


def _safe(text: str) -> str:
    from flaskprep.ui.safe import clean

    return clean(text)
