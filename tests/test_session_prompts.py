"""Prompts: choice distractors, true/false balance, cloze blanks, typed answers, mixed."""

from __future__ import annotations

import random
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest

from flaskprep.deck_cache import load_deck
from flaskprep.grading import KeyTerm
from flaskprep.learn.cloze import cloze_correct
from flaskprep.learn.distractors import DistractorPool
from flaskprep.learn.prompts import (
    BLANK,
    build_prompts,
    choice_prompt,
    cloze_prompt,
    truth_values,
)
from flaskprep.learn.recording import CramRecorder, Recorded
from flaskprep.learn.session import Session
from flaskprep.model import Deck, Question, Section
from flaskprep.scheduling import Rating
from flaskprep.words.stems import stem
from flaskprep.words.tokens import normalise

NOW = datetime(2024, 5, 1, 12, 0, tzinfo=timezone.utc)


@pytest.fixture
def deck(seed_path: Path) -> Deck:
    return load_deck(seed_path)


@pytest.mark.parametrize("seed", range(30))
def test_choice_has_four_distinct_options_with_the_right_one(deck: Deck, seed: int) -> None:
    rng = random.Random(seed)
    question = rng.choice([q for q in deck.questions if q.answered])
    prompt = choice_prompt(DistractorPool(deck), question, rng)
    assert prompt is not None
    assert len(prompt.options) == 4
    assert len({normalise(o) for o in prompt.options}) == 4
    assert prompt.sources[prompt.correct] == question.id
    assert len(set(prompt.sources)) == 4


def test_distractors_never_come_from_an_overlapping_question(deck: Deck) -> None:
    pool = DistractorPool(deck)
    for question in [q for q in deck.questions if q.answered][:30]:
        prompt = choice_prompt(pool, question, random.Random(1))
        assert prompt is not None
        for source in prompt.sources:
            assert source == question.id or not pool.overlaps.overlap(question.id, source)


def test_options_never_repeat_the_questions_own_words(deck: Deck) -> None:
    from flaskprep.learn.overlap import content_stems

    pool = DistractorPool(deck)
    for question in [q for q in deck.questions if q.answered][:30]:
        prompt = choice_prompt(pool, question, random.Random(2))
        assert prompt is not None
        asked = content_stems(question.text)
        for option in prompt.options:
            assert not asked & content_stems(option), (question.text, option)


def test_same_seed_same_options(deck: Deck) -> None:
    questions = list(deck.questions[:10])
    first = build_prompts(deck, questions, "choice", random.Random(42))
    assert first == build_prompts(deck, questions, "choice", random.Random(42))


@pytest.mark.parametrize("count", [1, 2, 7, 20])
def test_true_false_is_half_and_half(count: int) -> None:
    for seed in range(50):
        values = truth_values(count, random.Random(seed))
        assert len(values) == count
        assert abs(values.count(True) - values.count(False)) <= 1


def test_true_false_over_seeds_shows_own_and_other_answers(deck: Deck) -> None:
    trues = falses = 0
    for seed in range(20):
        prompts = build_prompts(deck, list(deck.questions[:10]), "truefalse", random.Random(seed))
        for prompt in prompts:
            assert prompt.truefalse is not None
            own = prompt.truefalse.source == prompt.question.id
            assert own == prompt.truefalse.is_true
            trues += own
            falses += not own
    assert trues == falses == 100


def test_cloze_blanks_key_terms_and_accepts_small_typos(deck: Deck) -> None:
    question = next(q for q in deck.questions if "contexts" in q.text)
    prompt = cloze_prompt(DistractorPool(deck), question, random.Random(0))
    assert prompt is not None
    assert BLANK in prompt.text
    for term in prompt.terms:
        assert term.text not in prompt.text or prompt.text.count(term.text) < question.answer.count(
            term.text
        )
    typed = ", ".join(t.text for t in prompt.terms)
    assert cloze_correct(prompt.terms, typed)
    misspelt = ", ".join(t.text[:-2] + t.text[-1] + t.text[-2] for t in prompt.terms)
    assert cloze_correct(prompt.terms, misspelt)
    assert not cloze_correct(prompt.terms, "banana")


@pytest.mark.parametrize(
    ("blank", "typed", "right"),
    [
        ("APIs", "API", True),
        ("APIs", "apis", True),
        ("URL", "URLs", True),
        ("APIs", "app", False),
        ("@app.errorhandler(code)", "errorhandler", True),
        ("@app.errorhandler(code)", "@app.errorhandler", True),
        ("@app.errorhandler(code)", "error handler", True),
        ("@app.errorhandler(code)", "handler", False),
        ("app.get", "get", False),
    ],
)
def test_cloze_takes_the_blanks_word_or_name_as_a_user_would_type_it(
    blank: str, typed: str, right: bool
) -> None:
    term = KeyTerm(blank, stem(blank), "name", (stem(blank),))
    assert cloze_correct((term,), typed) is right


def test_cloze_session_right_is_good(deck: Deck) -> None:
    recorder = _Log()
    prompts = build_prompts(deck, list(deck.questions[:3]), "cloze", random.Random(2))
    session = Session(prompts, recorder)
    prompt = session.current
    assert prompt is not None and prompt.cloze is not None
    session.answer(", ".join(t.text for t in prompt.cloze.terms), NOW, 10)
    assert session.phase == "feedback" and session.outcome.correct
    assert recorder.ratings == [Rating.GOOD]


def test_typed_answer_proposes_a_grade_that_can_be_overridden(deck: Deck) -> None:
    recorder = _Log()
    session = Session(
        build_prompts(deck, list(deck.questions[:2]), "type", random.Random(1)), recorder
    )
    prompt = session.current
    assert prompt is not None
    session.answer(prompt.question.answer, NOW, 10)
    assert session.phase == "answer"
    assert session.outcome.grade is not None and session.outcome.grade.score == 1.0
    assert session.outcome.rating is Rating.EASY
    session.grade(Rating.HARD, NOW, 10)  # override
    session.answer("no idea", NOW, 10)
    assert session.outcome.rating is Rating.AGAIN
    assert session.outcome.grade is not None and session.outcome.grade.missing
    session.grade(session.outcome.rating, NOW, 10)
    assert recorder.ratings == [Rating.HARD, Rating.AGAIN]
    assert recorder.scores[0] == 1.0


def test_mixed_uses_several_modes(deck: Deck) -> None:
    prompts = build_prompts(deck, list(deck.questions[:40]), "mixed", random.Random(4))
    assert {p.mode for p in prompts} >= {"flash", "choice", "truefalse", "type"}


def test_cram_session_over_seed_records_nothing(deck: Deck) -> None:
    session = Session(
        build_prompts(deck, list(deck.questions[:2]), "flash", random.Random(1)), CramRecorder()
    )
    session.reveal()
    session.grade(Rating.GOOD, NOW, 1)
    assert session.tally().ratings[Rating.GOOD] == 1


class _Log:
    def __init__(self) -> None:
        self.ratings: list[Rating] = []
        self.scores: list[float | None] = []

    def record(self, prompt: Any, rating: Rating, **kw: Any) -> Recorded:
        self.ratings.append(rating)
        self.scores.append(kw["score"])
        return Recorded(None, None)

    def undo(self, token: Any) -> None:
        self.ratings.pop()


def test_a_returning_choice_card_has_its_options_shuffled_anew(deck: Deck) -> None:
    prompts = build_prompts(deck, list(deck.questions[:1]), "choice", random.Random(3))
    session = Session(prompts, CramRecorder(), random.Random(3))
    before = session.current
    assert before is not None and before.choice is not None
    session.answer(str((before.choice.correct + 1) % len(before.choice.options) + 1), NOW, 5)
    session.proceed(NOW)
    after = session.current
    assert session.is_repeat and after is not None and after.choice is not None
    assert after.choice.options != before.choice.options
    assert sorted(after.choice.options) == sorted(before.choice.options)
    assert (
        after.choice.options[after.choice.correct] == before.choice.options[before.choice.correct]
    )


@pytest.mark.parametrize("seed", range(6))
def test_a_failed_true_false_card_comes_back_with_the_other_statement(
    deck: Deck, seed: int
) -> None:
    """Remembering "it was false" must not pass the retry: the other truth is asked."""
    prompts = build_prompts(deck, list(deck.questions[:1]), "truefalse", random.Random(seed))
    session = Session(prompts, CramRecorder(), random.Random(seed))
    before = session.current
    assert before is not None and before.truefalse is not None
    session.answer("f" if before.truefalse.is_true else "t", NOW, 5)  # wrong
    session.proceed(NOW)
    after = session.current
    assert session.is_repeat and after is not None and after.truefalse is not None
    assert after.truefalse.is_true is not before.truefalse.is_true
    assert after.truefalse.shown_answer != before.truefalse.shown_answer
    mine = (
        after.truefalse.shown_answer if after.truefalse.is_true else before.truefalse.shown_answer
    )
    assert mine == DistractorPool(deck).masked(deck.questions[0], deck.questions[0])


def test_one_list_of_modes_for_options_config_and_cards() -> None:
    from flaskprep.config import QUIZ_MODES as CONFIG_MODES
    from flaskprep.learn.modes import CARD_MODES, QUIZ_MODES, PreviewMode, QuizMode

    assert CONFIG_MODES is QUIZ_MODES
    assert QUIZ_MODES == (*CARD_MODES, "mixed") == tuple(m.value for m in QuizMode)
    assert {m.value for m in PreviewMode} <= set(CARD_MODES)


def test_cloze_never_blanks_the_common_words_the_issue_found(deck: Deck) -> None:
    pool = DistractorPool(deck)
    titles = ("Flask-SQLAlchemy extension", "SQLAlchemy ORM", "Database migrations with Flask")
    cards = [q for q in deck.questions if q.text.startswith(titles)]
    assert len(cards) == 3
    for question in cards:
        for seed in range(10):
            prompt = cloze_prompt(pool, question, random.Random(seed))
            hidden = {t.text.lower() for t in prompt.terms} if prompt else set()
            assert not hidden & {"instance", "bound", "python", "wraps"}, question.text


def test_cloze_never_blanks_inside_a_string_in_code() -> None:
    from flaskprep.model import Question, Section

    answer = (
        "Render the form with `render_template` from a view:\n\n"
        "```python\nreturn render_template('login.html', layout=\"compact\")\n```\n"
    )
    question = Question("0a1b2c3d", "How is a login page shown?", answer, 1, 0, 1)
    other = Question("0a1b2c3e", "What is a blueprint?", "A group of routes.", 2, 0, 2)
    built = Deck.build("D", "d.md", (Section(1, "S", (question, other)),), key="d")
    pool = DistractorPool(built)
    for seed in range(10):
        prompt = cloze_prompt(pool, question, random.Random(seed))
        assert prompt is not None
        assert {t.text for t in prompt.terms} <= {"render_template"}


def test_cloze_blanks_one_to_three_terms_by_answer_length(deck: Deck) -> None:
    pool = DistractorPool(deck)
    for question in [q for q in deck.questions if q.answered]:
        prompt = cloze_prompt(pool, question, random.Random(0))
        if prompt is not None:
            assert 1 <= len(prompt.terms) <= 3
            assert prompt.text.count(BLANK) == len(prompt.terms)


def _one_card_deck(question: str, answer: str) -> tuple[Deck, Question]:
    card = Question("q1", question, answer, 1, 0, 1)
    built = Deck.build("Deck", "deck.md", (Section(1, "All", (card,)),))
    return built, card


def test_an_option_hides_the_questions_word_family_and_keeps_code_quotes() -> None:
    """``Configs`` and ``app.config`` give away "Configuration"; a masked 'static' keeps
    its quotes."""
    deck, card = _one_card_deck(
        "Configuration and static files",
        "Configs live on `app.config`; serve them with `url_for('static', filename='x')`.",
    )
    shown = DistractorPool(deck).masked(card, card)
    assert "onfig" not in shown
    assert "url_for('…', filename='x')" in shown


def test_no_option_gives_itself_away_by_an_opening_yes_or_no() -> None:
    cards = [
        ("Is it safe to rebase pushed commits?", "No. Rebasing rewrites hashes others pulled."),
        ("What does git stash do?", "It shelves uncommitted changes for later."),
        ("What does git revert do?", "It adds a commit that undoes another one."),
        ("What does git fetch do?", "It downloads remote commits without merging."),
        ("What does git tag do?", "It names a commit, usually a release."),
    ]
    questions = tuple(
        Question(f"0a1b2c{i:02x}", text, answer, 2 * i + 1, 0, i + 1)
        for i, (text, answer) in enumerate(cards)
    )
    built = Deck.build("Git", "git.md", (Section(1, "Git", questions),), key="git")
    pool = DistractorPool(built)
    prompt = choice_prompt(pool, questions[0], random.Random(0))
    assert prompt is not None
    assert not any(option.lstrip().lower().startswith(("no", "yes")) for option in prompt.options)
    assert any("rewrites hashes" in option for option in prompt.options)


def test_cloze_blanks_the_way_an_answer_takes_not_its_or_aside() -> None:
    answer = "It downloads new commits, then merges (or rebases) them into the current branch."
    question = Question("0a1b2c3d", "What does git pull do?", answer, 1, 0, 1)
    other = Question("0a1b2c3e", "What does git stash do?", "It shelves changes.", 2, 0, 2)
    built = Deck.build("D", "d.md", (Section(1, "S", (question, other)),), key="d")
    pool = DistractorPool(built)
    prompts = [cloze_prompt(pool, question, random.Random(seed)) for seed in range(20)]
    blanked = [{t.text for t in prompt.terms} for prompt in prompts if prompt is not None]
    assert blanked and not any("rebases" in terms for terms in blanked), blanked
