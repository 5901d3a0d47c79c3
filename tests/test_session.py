"""The quiz session state machine: order, learning steps, undo, skip, cram, recording."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from flaskprep.ids import question_id
from flaskprep.learn.picking import cram_questions, due_questions, interleave, next_due
from flaskprep.learn.prompts import Prompt, build_prompts
from flaskprep.learn.recording import CramRecorder, Recorded, StoreRecorder, record_grade
from flaskprep.learn.session import Session
from flaskprep.model import Deck, Question, Section
from flaskprep.rewording import reworded_questions
from flaskprep.scheduling import Rating, card_state, review_card
from flaskprep.store import DeckProgress, ProgressStore

NOW = datetime(2024, 5, 1, 12, 0, tzinfo=timezone.utc)
TOPICS = [
    "Routing",
    "Blueprints",
    "Templates",
    "Sessions",
    "Cookies",
    "Testing",
    "Logging",
    "Caching",
    "Signals",
    "Config",
    "Deployment",
    "Security",
    "Forms",
    "Uploads",
    "Errors",
    "Migrations",
]


def make_deck(sections: int = 3, per_section: int = 4, unanswered: int = 0) -> Deck:
    built = []
    for s in range(sections):
        questions = []
        for p in range(per_section):
            text = f"Question {s}.{p} about topic {s * 10 + p}"
            topic = TOPICS[(s * per_section + p) % len(TOPICS)]
            answer = "" if p < unanswered else f"{topic} works so: " + "word " * (p + 3 * s)
            questions.append(Question(question_id(text), text, answer, 1, s, p + 1))
        built.append(Section(s + 1, f"Section {s + 1}", tuple(questions)))
    return Deck.build("Test deck", "test.md", tuple(built), key="test:deck")


class FakeRecorder:
    """Again puts a card on a one-minute learning step, as FSRS's first step does."""

    def __init__(self, step: timedelta = timedelta(minutes=1)) -> None:
        self.log: list[tuple[str, Rating, str]] = []
        self.step = step

    def record(self, prompt: Prompt, rating: Rating, **kw: Any) -> Recorded:
        self.log.append((prompt.question.id, rating, prompt.mode))
        due = kw["now"] + self.step if rating is Rating.AGAIN else None
        return Recorded(len(self.log) - 1, due)

    def undo(self, token: int) -> None:
        self.log.pop(token)


def flash_session(deck: Deck, count: int = 5) -> tuple[Session, FakeRecorder]:
    recorder = FakeRecorder()
    prompts = build_prompts(deck, list(deck.questions[:count]), "flash", random.Random(1))
    return Session(prompts, recorder), recorder


def shown_ids(session: Session, rating: Rating, now: datetime, step: timedelta) -> list[str]:
    shown = []
    while session.current is not None:
        shown.append(session.current.question.id)
        session.reveal()
        session.grade(rating, now, 100)
        now += step
        rating = Rating.GOOD if len(shown) >= session.total else rating
    return shown


def test_flash_reveal_then_grade_moves_on() -> None:
    deck = make_deck()
    session, recorder = flash_session(deck)
    first = session.current
    assert first is not None and session.phase == "question"
    session.grade(Rating.GOOD, NOW, 100)  # grading before the reveal does nothing
    assert recorder.log == []
    session.reveal()
    assert session.phase == "answer"
    session.grade(Rating.GOOD, NOW, 100)
    assert recorder.log == [(first.question.id, Rating.GOOD, "flash")]
    assert session.current is not None and session.current.question != first.question


def test_again_to_ten_cards_shows_ten_different_questions_first() -> None:
    deck = make_deck(sections=3, per_section=4)
    session, _ = flash_session(deck, count=10)
    shown = shown_ids(session, Rating.AGAIN, NOW, timedelta(seconds=2))
    assert len(set(shown[:10])) == 10
    assert sorted(shown[10:]) == sorted(shown[:10])  # each comes back once, then passes
    assert session.position == session.total == 10


def test_a_failed_card_returns_once_its_step_is_due() -> None:
    deck = make_deck()
    session, _ = flash_session(deck, count=8)
    first = session.current
    assert first is not None
    session.reveal()
    session.grade(Rating.AGAIN, NOW, 100)
    shown = []
    now = NOW
    while session.current is not None:
        shown.append(session.current.question.id)
        now += timedelta(seconds=25)
        session.reveal()
        session.grade(Rating.GOOD, now, 100)
    assert shown.index(first.question.id) == 3  # due after 1 minute: before unseen cards
    assert session.to_repeat == 0 and len(shown) == 8


def test_repeats_never_come_twice_in_a_row_before_unseen_cards() -> None:
    deck = make_deck()
    session, _ = flash_session(deck, count=6)
    now = NOW
    for _ in range(3):
        session.reveal()
        session.grade(Rating.AGAIN, now, 100)
    now += timedelta(minutes=5)  # all three steps are due now
    kinds = []
    while session.current is not None:
        kinds.append(session.is_repeat)
        session.reveal()
        session.grade(Rating.GOOD, now, 100)
    assert kinds == [False, True, False, True, False, True]


def test_header_progress_never_exceeds_its_total() -> None:
    deck = make_deck()
    session, _ = flash_session(deck, count=4)
    seen = []
    now = NOW
    while session.current is not None:
        seen.append((session.position, session.total))
        session.reveal()
        session.grade(Rating.AGAIN if len(seen) < 4 else Rating.GOOD, now, 1)
        now += timedelta(minutes=2)
    assert all(position <= total for position, total in seen)
    assert seen[-1] == (4, 4) and len(seen) > 4


def test_the_tally_adds_up_with_repeats_counted_apart() -> None:
    deck = make_deck()
    session, _ = flash_session(deck, count=5)
    session.reveal()
    session.grade(Rating.AGAIN, NOW, 1)
    session.skip(NOW)
    for rating in (Rating.GOOD, Rating.HARD, Rating.EASY, Rating.GOOD):
        session.reveal()
        session.grade(rating, NOW + timedelta(minutes=5), 1)
    tally = session.tally()
    assert (tally.seen, tally.right, tally.wrong, tally.skipped) == (5, 3, 1, 1)
    assert tally.repeats == 1 and tally.repeats_right == 1
    assert sum(tally.ratings.values()) == tally.right + tally.wrong


def test_cram_keeps_learning_steps_in_memory() -> None:
    deck = make_deck()
    recorder = CramRecorder()
    session = Session(
        build_prompts(deck, list(deck.questions[:3]), "flash", random.Random(1)), recorder
    )
    session.reveal()
    session.grade(Rating.AGAIN, NOW, 1)
    assert session.to_repeat == 1
    assert session.repeats[0].due == NOW + timedelta(minutes=1)


def test_interleave_takes_turns() -> None:
    assert interleave([[1, 2, 3], ["a"], [7, 8]], 5) == [(0, 1), (1, "a"), (2, 7), (0, 2), (2, 8)]


def test_undo_restores_the_previous_question_and_drops_its_requeue() -> None:
    deck = make_deck()
    session, recorder = flash_session(deck, count=5)
    first = session.current
    session.reveal()
    session.grade(Rating.AGAIN, NOW, 100)
    assert first is not None
    assert session.to_repeat == 1
    assert session.undo()
    assert recorder.log == []
    assert session.current is first and session.phase == "answer"
    assert session.to_repeat == 0
    assert len(session.fresh) == 4
    assert not session.history
    assert not session.undo()


def test_skip_moves_on_without_recording() -> None:
    deck = make_deck()
    session, recorder = flash_session(deck, count=2)
    session.skip()
    session.reveal()
    session.skip()
    assert session.phase == "done" and recorder.log == [] and session.tally().skipped == 2


def test_quit_ends_the_session() -> None:
    session, _ = flash_session(make_deck())
    session.quit()
    assert session.phase == "done" and session.current is None


def test_choice_right_is_good_wrong_is_again() -> None:
    deck = make_deck()
    recorder = FakeRecorder()
    prompts = build_prompts(deck, list(deck.questions[:2]), "choice", random.Random(3))
    session = Session(prompts, recorder)
    prompt = session.current
    assert prompt is not None and prompt.choice is not None
    session.answer(str(prompt.choice.correct + 1), NOW, 50)
    assert session.phase == "feedback" and session.outcome.correct
    session.proceed()
    second = session.current
    assert second is not None and second.choice is not None
    wrong = (second.choice.correct + 1) % len(second.choice.options)
    session.answer("9", NOW, 50)  # not an option: ignored
    assert session.phase == "question"
    session.answer(str(wrong + 1), NOW, 50)
    assert session.outcome.correct is False
    assert [r for _, r, _ in recorder.log] == [Rating.GOOD, Rating.AGAIN]


def test_true_false_answers() -> None:
    deck = make_deck()
    prompts = build_prompts(deck, list(deck.questions[:6]), "truefalse", random.Random(5))
    recorder = FakeRecorder()
    session = Session(prompts, recorder)
    while session.current is not None:
        statement = session.current.truefalse
        assert statement is not None
        session.answer("y" if statement.is_true else "n", NOW, 10)
        assert session.outcome.correct
        session.proceed()
    assert all(r is Rating.GOOD for _, r, _ in recorder.log)


def test_due_first_most_overdue_first_then_new_in_deck_order() -> None:
    deck = make_deck(unanswered=1)
    questions = deck.questions
    progress = DeckProgress()
    late = review_card(None, questions[5].id, Rating.GOOD, NOW - timedelta(days=3), fuzz=False)
    later = review_card(None, questions[7].id, Rating.GOOD, NOW - timedelta(days=5), fuzz=False)
    future = review_card(None, questions[2].id, Rating.EASY, NOW, fuzz=False)
    progress.cards.update({questions[5].id: late, questions[7].id: later, questions[2].id: future})
    chosen = due_questions(deck, progress, NOW, count=4)
    assert [q.id for q in chosen] == [
        questions[7].id,
        questions[5].id,
        questions[1].id,  # questions[0] has no answer: never quizzed
        questions[3].id,
    ]
    assert due_questions(deck, progress, NOW, count=10, new_limit=0) == [
        questions[7],
        questions[5],
    ]
    assert [q.section_index for q in due_questions(deck, progress, NOW, count=9, sections=[2])] == [
        2,
        2,
        2,
    ]


def test_cram_is_reproducible_and_records_nothing() -> None:
    deck = make_deck()
    first = cram_questions(deck, [1], 3, random.Random(7))
    assert first == cram_questions(deck, [1], 3, random.Random(7))
    assert {q.section_index for q in first} == {1}
    session = Session(build_prompts(deck, first, "flash", random.Random(7)), CramRecorder())
    session.reveal()
    session.grade(Rating.EASY, NOW, 10)
    assert session.tally().ratings[Rating.EASY] == 1


def test_store_recorder_saves_and_undo_restores_schedule(tmp_path: Path) -> None:
    deck = make_deck()
    store = ProgressStore(tmp_path / "progress.json")
    question = deck.questions[0]
    record_grade(
        store, deck, question.id, Rating.GOOD, mode="flash", now=NOW, duration_ms=5, fuzz=False
    )
    before = store.load().deck(deck.key).cards[question.id]
    recorder = StoreRecorder(store, deck, fuzz=False)
    session = Session(build_prompts(deck, [question], "flash", random.Random(1)), recorder)
    session.reveal()
    session.grade(Rating.EASY, NOW + timedelta(minutes=10), 500)
    assert card_state(store.load().deck(deck.key).cards[question.id]) == "review"
    session.undo()
    reloaded = ProgressStore(store.path).load().deck(deck.key)
    assert reloaded.cards[question.id] == before
    assert len(reloaded.reviews) == 1
    assert reloaded.cards[question.id].question == question.text


def test_next_due_is_the_earliest_future_due() -> None:
    deck = make_deck()
    progress = DeckProgress()
    progress.cards[deck.questions[0].id] = review_card(
        None, deck.questions[0].id, Rating.GOOD, NOW, fuzz=False
    )
    assert next_due(deck, progress, NOW) == NOW + timedelta(minutes=10)
    assert next_due(deck, DeckProgress(), NOW) is None


def test_reworded_question_inherits_the_most_similar_vanished_card() -> None:
    deck = make_deck()
    old_text = "Question 0.0 about topic 0 in flask"
    old_id = question_id(old_text)
    card = replace(review_card(None, old_id, Rating.GOOD, NOW, fuzz=False), question=old_text)
    unrelated = replace(
        review_card(None, "0dd", Rating.GOOD, NOW, fuzz=False), question="Totally different"
    )
    progress = DeckProgress(cards={old_id: card, "0dd": unrelated})
    assert reworded_questions(deck, progress) == {deck.questions[0].id: old_id}
    progress.cards[deck.questions[0].id] = replace(card, carried_from=old_id)
    assert reworded_questions(deck, progress) == {}


def test_a_learning_step_ending_soon_joins_the_quiz_after_the_new_questions() -> None:
    """Again leaves a question on a step of minutes: a quiz started just before it ends
    asks it last (Anki's learn-ahead), one that ends in an hour waits."""
    deck = make_deck()
    questions = deck.questions
    progress = DeckProgress()
    soon = review_card(None, questions[1].id, Rating.AGAIN, NOW - timedelta(seconds=50), fuzz=False)
    later = review_card(None, questions[2].id, Rating.AGAIN, NOW - timedelta(minutes=1), fuzz=False)
    later = replace(later, due=NOW + timedelta(hours=1))
    assert card_state(soon) == "learning" and NOW < soon.due < NOW + timedelta(minutes=20)
    progress.cards.update({questions[1].id: soon, questions[2].id: later})
    chosen = due_questions(deck, progress, NOW, count=50)
    assert chosen[-1] == questions[1]
    assert questions[2] not in chosen
    assert due_questions(deck, progress, NOW, count=50, new_limit=0) == [questions[1]]
