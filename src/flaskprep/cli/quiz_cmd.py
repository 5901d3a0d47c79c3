"""``flaskprep quiz``: the daily drill."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Annotated

import typer

from flaskprep.cli.app import app

if TYPE_CHECKING:
    import random
    from datetime import datetime, timedelta

    from rich.console import Console

    from flaskprep.distractors import Prompt
    from flaskprep.model import Deck
    from flaskprep.progress import DeckProgress, ProgressStore
    from flaskprep.scheduling import Rating
    from flaskprep.session import Session
    from flaskprep.ui.quiz_view import Screen


class QuizMode(str, Enum):
    flash = "flash"
    type = "type"
    choice = "choice"
    truefalse = "truefalse"
    cloze = "cloze"
    mixed = "mixed"


@app.command()
def quiz(
    mode: Annotated[
        QuizMode,
        typer.Option("--mode", "-m", help="flash, type, choice, truefalse, cloze or mixed."),
    ] = QuizMode.flash,
    count: Annotated[int, typer.Option("--count", "-n", min=1, help="Questions to ask.")] = 20,
    section: Annotated[
        list[str] | None,
        typer.Option(
            "--section",
            "-s",
            help="Section number or part of its title (repeatable).",
            show_default=False,
        ),
    ] = None,
    cram: Annotated[
        bool, typer.Option("--cram", help="Drill any questions; the schedule is not touched.")
    ] = False,
    seed: Annotated[
        int | None,
        typer.Option("--seed", help="Make order and options reproducible.", show_default=False),
    ] = None,
) -> None:
    """Quiz yourself: due questions first, then new ones, with spaced repetition.

    Keys: Enter/space shows the answer, 1-4 grade it (Again, Hard, Good, Easy),
    u undoes the last grade, s skips, q quits. Piped input is read a line at a time.

    Examples: `flaskprep quiz`, `flaskprep quiz -m choice -s routing`,
    `flaskprep quiz --cram -s 3 -n 10`.
    """
    import random

    from flaskprep.cli import common

    deck = common.load_deck()
    sections = common.section_indexes(deck, section)
    _run(deck, mode.value, count, sections, cram, random.Random(seed), common.console())


def _now() -> datetime:
    from datetime import datetime, timezone

    return datetime.now(timezone.utc)


def _run(
    deck: Deck,
    mode: str,
    count: int,
    sections: list[int],
    cram: bool,
    rng: random.Random,
    console: Console,
) -> None:
    from flaskprep import session as core
    from flaskprep.progress import ProgressStore

    store = ProgressStore()
    if not cram:
        store.check_writable()  # before any question: a grade must never be lost later
    progress = _open(store, deck)
    now = _now()
    if cram:
        questions = core.cram_questions(deck, sections, count, rng)
    else:
        questions = core.due_questions(deck, progress, now, count=count, sections=sections)
    if not questions:
        _nothing_to_ask(deck, store, sections, console, now)
        return
    prompts = core.build_prompts(deck, questions, mode, rng)
    recorder = core.CramRecorder() if cram else core.StoreRecorder(store, deck)
    _play(core.Session(prompts, recorder), deck, store, console, cram)


def _open(store: ProgressStore, deck: Deck) -> DeckProgress:
    """Load progress, report notices, carry progress over to reworded questions."""
    from flaskprep.session import reworded_questions

    deck_progress = store.load().deck(deck.key)
    _notices(store, 0)
    moves = reworded_questions(deck, deck_progress)
    if moves:
        store.carry_over(deck.key, moves)
        deck_progress = store.load().deck(deck.key)
    return deck_progress


def _notices(store: ProgressStore, start: int) -> int:
    import sys

    from flaskprep.ui.safe import clean

    for notice in store.notices[start:]:
        sys.stderr.write(f"flaskprep: {clean(notice)}\n")
    return len(store.notices)


def _play(session: Session, deck: Deck, store: ProgressStore, console: Console, cram: bool) -> None:
    import time
    from datetime import timedelta

    from flaskprep.ui import keys, quiz_view

    screen = _screen(session, deck, store, console, cram)
    started = time.monotonic()
    interactive = keys.stdin_is_terminal()
    # The screen is cleared between cards in a terminal: repeat the notices at the end.
    seen_notices = 0 if interactive else len(store.notices)
    try:
        if interactive:
            with keys.TerminalKeys() as reader:
                screen.keys = reader
                quiz_view.play(session, screen)
        else:
            quiz_view.play(session, screen)
    finally:
        now = _now()
        elapsed = timedelta(seconds=time.monotonic() - started)
        due = _next_due(store, deck, now)
        console.print(quiz_view.render_summary(session, elapsed, due, now, cram))
        _notices(store, seen_notices)


def _next_due(store: ProgressStore, deck: Deck, now: datetime) -> datetime | None:
    from flaskprep.errors import FlaskprepError
    from flaskprep.session import next_due

    try:
        return next_due(deck, store.load().deck(deck.key), now)
    except FlaskprepError:  # the summary must not hide the error that ended the session
        return None


def _screen(
    session: Session, deck: Deck, store: ProgressStore, console: Console, cram: bool
) -> Screen:
    from flaskprep.scheduling import preview_intervals
    from flaskprep.ui.keys import LineKeys
    from flaskprep.ui.quiz_view import Screen

    def previews(prompt: Prompt) -> dict[Rating, timedelta]:
        if cram:
            return {}
        qid = prompt.question.id
        return preview_intervals(store.load().deck(deck.key).cards.get(qid), qid, _now())

    return Screen(console, LineKeys(), _now, previews, deck.title, session.remaining)


def _nothing_to_ask(
    deck: Deck, store: ProgressStore, sections: list[int], console: Console, now: datetime
) -> None:
    import random

    from flaskprep.errors import UsageError
    from flaskprep.session import cram_questions, next_due
    from flaskprep.ui.quiz_view import describe_due

    if not cram_questions(deck, sections, 1, random.Random(0)):
        raise UsageError("no answered questions to ask", hint="check --section and the deck")
    due = next_due(deck, store.load().deck(deck.key), now)
    console.print(f"Nothing is due now. Next due: {describe_due(due, now)}.")
    console.print("`flaskprep quiz --cram` drills questions anyway.", highlight=False)
