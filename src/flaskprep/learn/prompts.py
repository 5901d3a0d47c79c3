"""Build each quiz card: choice options, true/false statements, cloze blanks.

Wrong options and false statements come from :class:`~flaskprep.learn.distractors.
DistractorPool` (never from a question overlapping the card's own); blanks from
:mod:`~flaskprep.learn.cloze`. All randomness comes from the ``rng`` passed in, so
``--seed`` reproduces a session and ``preview --seed`` shows the same cards.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from flaskprep.grading import KeyTerm
from flaskprep.learn.cloze import choose_blanks, cloze_correct
from flaskprep.learn.distractors import DistractorPool
from flaskprep.learn.modes import CARD_MODES, Mode
from flaskprep.model import Deck, Question
from flaskprep.user_number import parse_whole

OPTIONS = 4
BLANK = "_____"


@dataclass(frozen=True, slots=True)
class ChoicePrompt:
    options: tuple[str, ...]
    """As shown: the question's own distinctive words masked in every option."""
    sources: tuple[str, ...]
    """The id of the question each option answers."""
    correct: int
    """Index of the right answer in ``options``."""


@dataclass(frozen=True, slots=True)
class TrueFalsePrompt:
    shown_answer: str
    source: str
    """The id of the question whose answer is shown."""
    is_true: bool
    """Whether ``shown_answer`` is the question's own answer."""
    opposite: TrueFalsePrompt | None = None
    """The statement of the other truth, asked when the card comes back (``reshuffled``):
    a card failed on "false" is not passed the second time by remembering "false"."""


@dataclass(frozen=True, slots=True)
class ClozePrompt:
    pieces: tuple[str, ...]
    """The answer's text around the blanks: one more piece than there are blanks."""
    terms: tuple[KeyTerm, ...]

    @property
    def text(self) -> str:
        """The answer with each blank as ``_____`` (numbered ``[1] _____`` when several)."""
        return self.with_blanks(lambda n: f"[{n}] {BLANK}" if len(self.terms) > 1 else BLANK)

    def with_blanks(self, write: Callable[[int], str]) -> str:
        """The answer with blank ``n`` (from 1) written as ``write(n)``."""
        out = [self.pieces[0]]
        for number, piece in enumerate(self.pieces[1:], start=1):
            out += [write(number), piece]
        return "".join(out)


@dataclass(frozen=True, slots=True)
class Prompt:
    question: Question
    mode: Mode
    choice: ChoicePrompt | None = None
    truefalse: TrueFalsePrompt | None = None
    cloze: ClozePrompt | None = None
    deck_index: int = 0
    """Which deck of a folder the question is from."""


def build_prompts(
    deck: Deck,
    questions: list[Question],
    mode: str,
    rng: random.Random,
    *,
    deck_index: int = 0,
    pool: DistractorPool | None = None,
) -> list[Prompt]:
    """One card per question; ``mixed`` picks a mode per question. A mode that cannot
    be built for a question (no fair distractor, no key term to blank) falls back:
    choice and true/false to flash, cloze to a typed answer."""
    modes: list[Mode] = [_pick_mode(mode, rng) for _ in questions]
    truths = iter(truth_values(modes.count("truefalse"), rng))
    if pool is None and any(m in ("choice", "truefalse", "cloze") for m in modes):
        pool = DistractorPool(deck)
    return [
        replace(_prompt(pool, q, m, rng, truths), deck_index=deck_index)
        for q, m in zip(questions, modes, strict=True)
    ]


def choice_prompt(
    pool: DistractorPool, question: Question, rng: random.Random
) -> ChoicePrompt | None:
    """Four options (fewer in a tiny deck); ``None`` if there is nothing fair to offer."""
    wrong = pool.distractors(question, rng, OPTIONS - 1)
    if not wrong:
        return None
    sources = [question, *wrong]
    rng.shuffle(sources)
    options = tuple(pool.masked(question, q) for q in sources)
    correct = next(i for i, q in enumerate(sources) if q.id == question.id)
    return ChoicePrompt(options, tuple(q.id for q in sources), correct)


def true_false_prompt(
    pool: DistractorPool, question: Question, rng: random.Random, truth: bool
) -> TrueFalsePrompt | None:
    """The statement of ``truth``, with its opposite for when the card comes back (drawn
    from a generator of the question's own, so ``rng``'s sequence is as it was)."""
    shown = _statement(pool, question, rng, truth)
    if shown is None:
        return None
    return replace(
        shown, opposite=_statement(pool, question, random.Random(question.id), not truth)
    )


def _statement(
    pool: DistractorPool, question: Question, rng: random.Random, truth: bool
) -> TrueFalsePrompt | None:
    if truth:
        return TrueFalsePrompt(pool.masked(question, question), question.id, True)
    wrong = pool.distractors(question, rng, 1)
    if not wrong:
        return None
    return TrueFalsePrompt(pool.masked(question, wrong[0]), wrong[0].id, False)


def truth_values(count: int, rng: random.Random) -> list[bool]:
    """Half true, half false (the odd one decided by ``rng``), in random order."""
    trues = count // 2 + (count % 2 if rng.random() < 0.5 else 0)
    values = [True] * trues + [False] * (count - trues)
    rng.shuffle(values)
    return values


def cloze_prompt(
    pool: DistractorPool, question: Question, rng: random.Random
) -> ClozePrompt | None:
    """The answer with 1-3 of its key terms blanked; ``None`` when it has no good term."""
    blanks = choose_blanks(question, rng, pool)
    if not blanks:
        return None
    pieces, position = [], 0
    for blank in blanks:
        pieces.append(question.answer[position : blank.start])
        position = blank.end
    pieces.append(question.answer[position:])
    return ClozePrompt(tuple(pieces), tuple(b.term for b in blanks))


def reshuffled(prompt: Prompt, rng: random.Random) -> Prompt:
    """The same card asked again: choice options in a new order, a true/false card with
    the statement of the other truth (when it has one)."""
    statement = prompt.truefalse
    if statement is not None and statement.opposite is not None:
        flipped = replace(statement.opposite, opposite=replace(statement, opposite=None))
        return replace(prompt, truefalse=flipped)
    choice = prompt.choice
    if choice is None or len(choice.options) < 2:
        return prompt
    order = list(range(len(choice.options)))
    while order == list(range(len(order))):
        rng.shuffle(order)
    shuffled = ChoicePrompt(
        tuple(choice.options[i] for i in order),
        tuple(choice.sources[i] for i in order),
        order.index(choice.correct),
    )
    return replace(prompt, choice=shuffled)


def answer_matches(prompt: Prompt, text: str) -> bool | None:
    """Right or wrong; ``None`` when ``text`` is not a valid answer for the card."""
    lowered = text.lower()
    if prompt.choice is not None:
        number = parse_whole(text)
        if number is None or not 0 < number <= len(prompt.choice.options):
            return None
        return number - 1 == prompt.choice.correct
    if prompt.truefalse is not None:
        if lowered not in ("t", "f", "y", "n", "true", "false", "yes", "no"):
            return None
        return lowered[0] in "ty" if prompt.truefalse.is_true else lowered[0] in "fn"
    if prompt.cloze is not None:
        return cloze_correct(prompt.cloze.terms, text)
    return None


def _pick_mode(mode: str, rng: random.Random) -> Mode:
    for card_mode in CARD_MODES:
        if card_mode == mode:
            return card_mode
    return rng.choice(CARD_MODES)


def _prompt(
    pool: DistractorPool | None,
    question: Question,
    mode: Mode,
    rng: random.Random,
    truths: Iterator[bool],
) -> Prompt:
    if pool is None:
        return Prompt(question, mode)
    if mode == "choice":
        choice = choice_prompt(pool, question, rng)
        return Prompt(question, "choice", choice=choice) if choice else Prompt(question, "flash")
    if mode == "truefalse":
        statement = true_false_prompt(pool, question, rng, next(truths))
        if statement is not None:
            return Prompt(question, "truefalse", truefalse=statement)
        return Prompt(question, "flash")
    if mode == "cloze":
        cloze = cloze_prompt(pool, question, rng)
        return Prompt(question, "cloze", cloze=cloze) if cloze else Prompt(question, "type")
    return Prompt(question, mode)
