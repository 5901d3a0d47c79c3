"""The body of ``flaskprep quiz``, free of typer so the fast path can call it too."""

from __future__ import annotations

import random
import sys
import time
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from rich.console import Console

from flaskprep import paths
from flaskprep.cli import common, keys, quiz_loop
from flaskprep.cli.keys import LineKeys
from flaskprep.cli.progress import progress_store
from flaskprep.cli.quiz_loop import Controls
from flaskprep.config import load_config
from flaskprep.errors import FlaskprepError, UsageError
from flaskprep.grading import idf_table
from flaskprep.learn import picking
from flaskprep.learn.picking import cram_questions, next_due
from flaskprep.learn.prompts import Prompt, build_prompts
from flaskprep.learn.recording import CramRecorder, DeckRecorders, Recorder, StoreRecorder
from flaskprep.learn.session import Session
from flaskprep.model import Deck, Question
from flaskprep.rewording import reworded_questions
from flaskprep.scheduling import Rating, preview_intervals
from flaskprep.store import DeckProgress, ProgressStore
from flaskprep.ui import quiz_summary
from flaskprep.ui.quiz_summary import describe_due
from flaskprep.ui.quiz_view import Screen
from flaskprep.ui.safe import clean


def run(
    mode: str | None, count: int | None, section: list[str] | None, cram: bool, seed: int | None
) -> None:
    """Quiz the decks in use: due questions first, then new ones (``--cram``: any)."""
    config = load_config()
    plan = _Plan(
        mode or config.quiz_mode,
        count or config.count,
        config.new_per_day,
        cram,
        random.Random(seed),
    )
    decks = common.load_decks()
    chosen = _with_sections(decks, section)
    if not _run(chosen, plan, common.console()):
        deck, sections = chosen[0] if len(chosen) == 1 else (chosen[-1][0], [])
        _nothing_to_ask(deck, progress_store(), sections, common.console(), _now(), cram)


@dataclass(frozen=True)
class _Plan:
    mode: str
    count: int
    new_per_day: int | None
    cram: bool
    rng: random.Random


def _with_sections(decks: list[Deck], specs: list[str] | None) -> list[tuple[Deck, list[int]]]:
    """Each deck with the sections ``--section`` names; decks lacking them are left out."""
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
    return datetime.now(timezone.utc)


def _run(chosen: list[tuple[Deck, list[int]]], plan: _Plan, console: Console) -> bool:
    """Quiz the decks in one session, taking turns; False when nothing was due."""
    store = progress_store()
    if not plan.cram:
        store.check_writable()  # before any question: a grade must never be lost later
    picked = [_pick(deck, sections, plan, store) for deck, sections in chosen]
    turns = picking.interleave(picked, plan.count)
    if not turns:
        return False
    prompts: list[Prompt] = []
    for index, (deck, _sections) in enumerate(chosen):
        mine = [q for i, q in turns if i == index]
        built = build_prompts(deck, mine, plan.mode, plan.rng, deck_index=index) if mine else []
        prompts += built
    order = {id(q): n for n, (_i, q) in enumerate(turns)}
    prompts.sort(key=lambda p: order[id(p.question)])
    decks = [deck for deck, _ in chosen]
    recorders: list[Recorder] = [
        CramRecorder() if plan.cram else StoreRecorder(store, deck) for deck in decks
    ]
    session = Session(prompts, DeckRecorders(recorders), plan.rng, idf=_idf(decks, plan.mode))
    _play(session, decks, store, console, plan.cram)
    return True


def _pick(deck: Deck, sections: list[int], plan: _Plan, store: ProgressStore) -> list[Question]:
    progress = _open(store, deck)
    now = _now()
    if plan.cram:
        return picking.cram_questions(deck, sections, plan.count, plan.rng)
    new_limit = None
    if plan.new_per_day is not None:
        new_limit = max(0, plan.new_per_day - picking.new_today(progress, now))
    return picking.due_questions(
        deck, progress, now, count=plan.count, sections=sections, new_limit=new_limit
    )


def _idf(decks: list[Deck], mode: str) -> dict[str, dict[str, float]]:
    """Typed answers are graded with their own deck's term rarity, as ``check`` grades them."""
    if mode not in ("type", "mixed"):
        return {}
    found: dict[str, dict[str, float]] = {}
    for deck in decks:
        table = idf_table(q.answer for q in deck.questions if q.answered)
        found.update((q.id, table) for q in deck.questions)
    return found


def _open(store: ProgressStore, deck: Deck) -> DeckProgress:
    """Load progress, report notices, carry progress over to reworded questions."""
    store.follow(deck.key, {q.id for q in deck.questions})
    deck_progress = store.load().deck(deck.key)
    _notices(store, 0)
    moves = reworded_questions(deck, deck_progress, remember=paths.cache_dir() / "reworded-none")
    if moves:
        store.carry_over(deck.key, moves)
        deck_progress = store.load().deck(deck.key)
    return deck_progress


def _notices(store: ProgressStore, start: int) -> int:
    for notice in store.notices[start:]:
        sys.stderr.write(f"flaskprep: {clean(notice)}\n")
    return len(store.notices)


def _play(
    session: Session, decks: list[Deck], store: ProgressStore, console: Console, cram: bool
) -> None:
    controls = _controls(decks, store, console, cram)
    started = time.monotonic()
    interactive = keys.stdin_is_terminal()
    # The screen is cleared between cards in a terminal: repeat the notices at the end.
    seen_notices = 0 if interactive else len(store.notices)
    try:
        if interactive:
            with keys.TerminalKeys() as reader:
                controls.keys, controls.screen.interactive = reader, True
                # The first card clears the screen: let the notices be read first.
                if store.notices and not quiz_loop.ready_to_start(controls):
                    session.quit()
                quiz_loop.play(session, controls)
        else:
            quiz_loop.play(session, controls)
    finally:
        if session.answered:  # no answer, no summary (also after Ctrl-C)
            now = _now()
            elapsed = timedelta(seconds=time.monotonic() - started)
            due = _next_due(store, decks, now)
            console.print(quiz_summary.render_summary(session.tally(), elapsed, due, now, cram))
        _notices(store, seen_notices)


def _next_due(store: ProgressStore, decks: list[Deck], now: datetime) -> datetime | None:
    try:
        progress = store.load()
        dues = [next_due(deck, progress.deck(deck.key), now) for deck in decks]
    except FlaskprepError:  # the summary must not hide the error that ended the session
        return None
    return min((d for d in dues if d is not None), default=None)


def _controls(decks: list[Deck], store: ProgressStore, console: Console, cram: bool) -> Controls:
    def previews(prompt: Prompt) -> dict[Rating, timedelta]:
        if cram:
            return {}
        qid, key = prompt.question.id, decks[prompt.deck_index].key
        return preview_intervals(store.load().deck(key).cards.get(qid), qid, _now())

    screen = Screen(console, False, previews, [deck.title for deck in decks], cram=cram)
    return Controls(screen, LineKeys(), _now)


def _nothing_to_ask(
    deck: Deck,
    store: ProgressStore,
    sections: list[int],
    console: Console,
    now: datetime,
    cram: bool,
) -> None:
    if cram or not cram_questions(deck, sections, 1, random.Random(0)):
        raise UsageError("no answered questions to ask", hint="check --section and the deck")
    due = next_due(deck, store.load().deck(deck.key), now)
    console.print(f"Nothing is due now. Next due: {describe_due(due, now)}.")
    console.print("`flaskprep quiz --cram` drills questions anyway.", highlight=False)
