"""The mock interview core: which questions, the clock, the report; and reading answers."""

from __future__ import annotations

import random
from collections import Counter
from datetime import datetime, timedelta, timezone

import pytest

from flaskprep.cli.interview_loop import ask, read_answer
from flaskprep.cli.keys import Refresh
from flaskprep.interview import (
    Interview,
    interview_record,
    pick_questions,
    question_weight,
)
from flaskprep.model import Deck, Question, Section
from flaskprep.stats import interview_history
from flaskprep.store import CardState, DeckProgress, Phase, Review
from flaskprep.ui.interview_view import format_time_left

NOW = datetime(2026, 3, 11, 12, 0, tzinfo=timezone.utc)


def make_deck(sections: int = 4, per_section: int = 4) -> Deck:
    built = []
    for s in range(sections):
        questions = tuple(
            Question(
                f"s{s}q{p}",
                f"Question {s}.{p}?",
                f"Blueprints group routes of part {s} into modules ({p}).",
                1,
                s,
                p + 1,
            )
            for p in range(per_section)
        )
        built.append(Section(s + 1, f"Part {s + 1}", questions))
    return Deck.build("Test", "test.md", tuple(built), key="test")


def card(due: datetime) -> CardState:
    return CardState(1, Phase.REVIEW, None, 5.0, 5.0, due, due - timedelta(days=3))


def test_picks_are_deterministic_for_a_seed() -> None:
    deck = make_deck()

    def pick(seed: int) -> list[str]:
        chosen = pick_questions(deck, DeckProgress(), count=5, now=NOW, rng=random.Random(seed))
        return [q.id for q in chosen]

    assert pick(7) == pick(7)
    assert len(set(pick(7))) == 5
    assert any(pick(7) != pick(seed) for seed in range(8, 12))


def test_questions_are_spread_across_sections() -> None:
    deck = make_deck(sections=4, per_section=4)
    for seed in range(20):
        chosen = pick_questions(deck, DeckProgress(), count=4, now=NOW, rng=random.Random(seed))
        assert sorted(q.section_index for q in chosen) == [0, 1, 2, 3]


def test_more_questions_than_sections_still_fills_the_count() -> None:
    deck = make_deck(sections=2, per_section=3)
    chosen = pick_questions(deck, DeckProgress(), count=5, now=NOW, rng=random.Random(1))
    assert len(chosen) == 5
    assert pick_questions(deck, DeckProgress(), count=50, now=NOW, rng=random.Random(1)) != []


def test_section_filter_and_unanswered_questions() -> None:
    deck = make_deck(sections=3, per_section=2)
    blank = Question("blank", "No answer?", "", 1, 1, 3)
    second = Section(2, "Part 2", (*deck.sections[1].questions, blank))
    deck = Deck.build("Test", "t.md", (deck.sections[0], second, deck.sections[2]), key="t")
    chosen = pick_questions(
        deck, DeckProgress(), count=10, sections=[1], now=NOW, rng=random.Random(3)
    )
    assert {q.id for q in chosen} == {"s1q0", "s1q1"}


def weak_and_due_progress() -> DeckProgress:
    return DeckProgress(
        cards={"s0q0": card(NOW - timedelta(days=1)), "s0q3": card(NOW + timedelta(days=20))},
        reviews=[
            Review("s0q0", NOW - timedelta(days=4), 1, "type", 1000, 0.2),
            Review("s0q3", NOW - timedelta(days=3), 4, "flash", 1000),
        ],
    )


def test_due_and_weak_questions_weigh_more_than_known_ones() -> None:
    deck = make_deck(sections=1)
    progress = weak_and_due_progress()
    weights = [question_weight(q, progress, NOW) for q in deck.questions]
    assert weights[0] > weights[1] > weights[3]  # due and weak > new > known, not due


def test_due_and_weak_questions_come_up_more_often() -> None:
    deck = make_deck(sections=1, per_section=4)
    progress = weak_and_due_progress()
    counts: Counter[str] = Counter()
    for seed in range(300):
        chosen = pick_questions(deck, progress, count=1, now=NOW, rng=random.Random(seed))
        counts[chosen[0].id] += 1
    assert counts["s0q0"] > 2 * counts["s0q1"]
    assert counts["s0q1"] > counts["s0q3"]


def interview(minutes: float | None = None) -> Interview:
    deck = make_deck(sections=1, per_section=3)
    return Interview(deck.questions, NOW, minutes)


def test_answers_are_graded_in_order_and_reported() -> None:
    session = interview()
    first = session.next_question(NOW)
    assert first is not None and first.id == "s0q0"
    done = session.answer(first.answer, NOW, NOW + timedelta(seconds=12))
    assert done.grade.score == 1.0 and done.duration_ms == 12_000
    session.answer("no idea", NOW, NOW)
    report = session.report(NOW)
    assert report.score == pytest.approx(done.grade.score / 2)
    assert not report.timed_out and report.planned == 3


def test_time_up_ends_after_the_current_answer() -> None:
    session = interview(minutes=2)
    assert session.time_left(NOW + timedelta(seconds=30)) == timedelta(seconds=90)
    asked = NOW + timedelta(minutes=1, seconds=50)
    assert session.next_question(asked) is not None
    session.answer("Blueprints group routes", asked, NOW + timedelta(minutes=3))  # still counts
    assert session.next_question(NOW + timedelta(minutes=3)) is None
    report = session.report(NOW + timedelta(minutes=3))
    assert report.timed_out and len(report.answers) == 1


def test_all_questions_answered_is_not_a_time_out() -> None:
    session = interview(minutes=1)
    for _ in range(3):
        session.answer("x", NOW, NOW)
    assert session.next_question(NOW) is None
    assert not session.report(NOW + timedelta(minutes=5)).timed_out


def test_interview_record_is_what_stats_reads() -> None:
    session = interview()
    session.answer("Blueprints group routes into modules", NOW, NOW + timedelta(seconds=3))
    record = interview_record(session.report(NOW))
    assert record.count == 1 and record.planned == 3
    assert record.answers[0].question_id == "s0q0"
    (summary,) = interview_history([record])
    assert (summary.at, summary.count) == (NOW, 1)
    assert summary.score == record.score


class FakeKeys:
    """A key reader that hands out prepared lines (``None``: end of input)."""

    def __init__(self, *items: str | None, interactive: bool = True) -> None:
        self.items = list(items)
        self.interactive = interactive
        self.prompts: list[str] = []

    def key(self) -> str | None:
        return None

    def line(
        self, prompt: str, *, refresh: Refresh | None = None, settled: str | None = None
    ) -> str | None:
        self.prompts.append(prompt)
        return self.items.pop(0) if self.items else None


def test_piped_answers_are_one_line_each() -> None:
    keys = FakeKeys("first answer", "second", interactive=False)
    assert read_answer(keys) == "first answer"
    assert read_answer(keys) == "second"
    assert read_answer(keys) is None


def test_terminal_answers_run_until_an_empty_line() -> None:
    keys = FakeKeys("Blueprints group routes", "and templates", "", "next")
    assert read_answer(keys) == "Blueprints group routes\nand templates"
    assert read_answer(keys) == "next"  # end of input finishes it
    assert read_answer(keys) is None


def test_an_empty_answer_asks_before_skipping() -> None:
    said: list[object] = []
    keys = FakeKeys("", "", "", "an answer after all")
    assert ask(keys, said.append, lambda: None) == ""  # skipped
    assert len(said) == 1
    assert ask(keys, said.append, lambda: None) == "an answer after all"


def test_the_prompt_shows_the_time_left() -> None:
    keys = FakeKeys("werkzeug", "")
    read_answer(keys, lambda: timedelta(seconds=42))
    assert keys.prompts == ["0:42 > ", "0:42   "]


def test_an_answer_ends_when_the_time_is_up() -> None:
    keys = FakeKeys("started in time", "never read")
    assert read_answer(keys, lambda: timedelta(0)) == "started in time"
    assert keys.items == ["never read"]


def test_time_left_is_minutes_and_seconds() -> None:
    assert format_time_left(timedelta(minutes=3, seconds=7)) == "3:07"
    assert format_time_left(timedelta(seconds=-5)) == "0:00"


def test_intro_says_in_plain_words_how_to_end_and_skip_an_answer() -> None:
    import io

    from rich.console import Console

    from flaskprep.ui.interview_view import render_intro

    console = Console(width=200, color_system=None, record=True, file=io.StringIO())
    console.print(render_intro(2, 1, interactive=True))
    text = console.export_text()
    assert "an empty line ends it" in text and "an empty answer asks before skipping" in text
    assert "(at once" not in text


def test_time_running_out_on_an_empty_answer_is_a_time_out_not_a_skip() -> None:
    from flaskprep.cli.interview_loop import ask_each

    deck = make_deck(sections=1, per_section=3)
    session = Interview(deck.questions, NOW, 1)
    now = [NOW]

    class LateKeys(FakeKeys):
        def line(
            self, prompt: str, *, refresh: Refresh | None = None, settled: str | None = None
        ) -> str | None:
            if not self.items:  # the second question: the minute runs out, nothing typed
                now[0] = NOW + timedelta(minutes=2)
                return ""
            return super().line(prompt, refresh=refresh, settled=settled)

    keys = LateKeys("Blueprints group routes", "")
    ask_each(session, deck, keys, lambda _: None, lambda: now[0], lambda _: None)
    report = session.report(now[0])
    assert len(report.answers) == 1
    assert report.skipped == 0  # the user skipped nothing: the clock ended the interview
    assert report.timed_out
