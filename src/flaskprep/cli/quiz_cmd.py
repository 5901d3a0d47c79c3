"""``flaskprep quiz``: the daily drill."""

from __future__ import annotations

import random
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, Annotated

import typer

from flaskprep.cli.app import app
from flaskprep.cli.completion import Sections

if TYPE_CHECKING:
    from datetime import datetime, timedelta

    from rich.console import Console

    from flaskprep.distractors import Prompt
    from flaskprep.model import Deck
    from flaskprep.scheduling import Rating
    from flaskprep.session import Session
    from flaskprep.store import DeckProgress, ProgressStore
    from flaskprep.ui.quiz_view import Screen


class QuizMode(str, Enum):
    flash = "flash"
    type = "type"
    choice = "choice"
    truefalse = "truefalse"
    cloze = "cloze"
    mixed = "mixed"


@app.command(short_help="Drill due questions with spaced repetition.")
def quiz(
    mode: Annotated[
        QuizMode | None,
        typer.Option(
            "--mode",
            "-m",
            help="flash, type, choice, truefalse, cloze or mixed [default: flash, or config].",
            show_default=False,
        ),
    ] = None,
    count: Annotated[
        int | None,
        typer.Option(
            "--count",
            "-n",
            min=1,
            metavar="N",
            help="Questions to ask [default: 20, or config].",
            show_default=False,
        ),
    ] = None,
    section: Sections = None,
    cram: Annotated[
        bool, typer.Option("--cram", help="Drill any questions; the schedule is not touched.")
    ] = False,
    seed: Annotated[
        int | None,
        typer.Option(
            "--seed", metavar="N", help="Make order and options reproducible.", show_default=False
        ),
    ] = None,
) -> None:
    """Quiz yourself: due questions first, then new ones, with spaced repetition.

    Keys: Enter/space shows the answer, 1-4 grade it (Again, Hard, Good, Easy),
    u undoes the last grade, s skips, q quits. Piped input is read a line at a
    time: an empty line is Enter, any other line a key or a typed answer; when the
    input ends after a typed answer, its proposed grade is kept (as Enter would).
    With a folder of decks, the decks take turns until COUNT questions are asked.

    Examples: `flaskprep quiz`, `flaskprep quiz -m choice -s routing`,
    `flaskprep quiz --cram -s 3 -n 10`.
    """
    import random

    from flaskprep.cli import common
    from flaskprep.config import load_config

    config = load_config()
    plan = _Plan(
        mode.value if mode else config.quiz_mode,
        count or config.count,
        config.new_per_day,
        cram,
        random.Random(seed),
    )
    decks = common.load_decks()
    chosen = _with_sections(decks, section)
    console = common.console()
    asked = 0
    for deck, sections in chosen:
        if asked >= plan.count:
            break
        asked += _run(deck, sections, plan, plan.count - asked, console)
    if asked == 0:
        from flaskprep.store import ProgressStore

        deck, sections = chosen[0] if len(chosen) == 1 else (chosen[-1][0], [])
        _nothing_to_ask(deck, ProgressStore(), sections, console, _now(), cram)


@dataclass(frozen=True)
class _Plan:
    mode: str
    count: int
    new_per_day: int | None
    cram: bool
    rng: random.Random


def _with_sections(decks: list[Deck], specs: list[str] | None) -> list[tuple[Deck, list[int]]]:
    """Each deck with the sections ``--section`` names; decks lacking them are left out."""
    from flaskprep.cli import common
    from flaskprep.errors import UsageError

    if not specs:
        return [(deck, []) for deck in decks]
    chosen: list[tuple[Deck, list[int]]] = []
    first_error: UsageError | None = None
    for deck in decks:
        try:
            chosen.append((deck, common.section_indexes(deck, specs)))
        except UsageError as exc:
            first_error = first_error or exc
    if not chosen:
        assert first_error is not None
        raise first_error
    return chosen


def _now() -> datetime:
    from datetime import datetime, timezone

    return datetime.now(timezone.utc)


def _run(deck: Deck, sections: list[int], plan: _Plan, count: int, console: Console) -> int:
    """Quiz one deck; returns how many questions were put to the user (0: none due)."""
    from flaskprep import session as core
    from flaskprep.store import ProgressStore

    store = ProgressStore()
    if not plan.cram:
        store.check_writable()  # before any question: a grade must never be lost later
    progress = _open(store, deck)
    now = _now()
    if plan.cram:
        questions = core.cram_questions(deck, sections, count, plan.rng)
    else:
        new_limit = None
        if plan.new_per_day is not None:
            new_limit = max(0, plan.new_per_day - core.new_today(progress, now))
        questions = core.due_questions(
            deck, progress, now, count=count, sections=sections, new_limit=new_limit
        )
    if not questions:
        return 0
    prompts = core.build_prompts(deck, questions, plan.mode, plan.rng)
    recorder = core.CramRecorder() if plan.cram else core.StoreRecorder(store, deck)
    idf = None
    if plan.mode in ("type", "mixed"):  # typed answers are graded as `check` grades them
        from flaskprep.grading import idf_table

        idf = idf_table(q.answer for q in deck.questions if q.answered)
    _play(core.Session(prompts, recorder, idf=idf), deck, store, console, plan.cram)
    return len(questions)


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
                # The first card clears the screen: let the notices be read first.
                if store.notices and not quiz_view.ready_to_start(screen):
                    session.quit()
                quiz_view.play(session, screen)
        else:
            quiz_view.play(session, screen)
    finally:
        from flaskprep.ui import quiz_summary

        now = _now()
        elapsed = timedelta(seconds=time.monotonic() - started)
        due = _next_due(store, deck, now)
        console.print(quiz_summary.render_summary(session, elapsed, due, now, cram))
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
    deck: Deck,
    store: ProgressStore,
    sections: list[int],
    console: Console,
    now: datetime,
    cram: bool,
) -> None:
    import random

    from flaskprep.errors import UsageError
    from flaskprep.session import cram_questions, next_due
    from flaskprep.ui.quiz_summary import describe_due

    if cram or not cram_questions(deck, sections, 1, random.Random(0)):
        raise UsageError("no answered questions to ask", hint="check --section and the deck")
    due = next_due(deck, store.load().deck(deck.key), now)
    console.print(f"Nothing is due now. Next due: {describe_due(due, now)}.")
    console.print("`flaskprep quiz --cram` drills questions anyway.", highlight=False)
