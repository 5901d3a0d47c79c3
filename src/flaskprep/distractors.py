"""Build each quiz prompt: choice options, true/false statements, cloze blanks.

Distractors are other questions' answers: the same section first, then answers of a
similar length, never one whose text equals the right answer or another option.
All randomness comes from the ``rng`` passed in, so ``--seed`` reproduces a session.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from flaskprep.model import Deck, Question
from flaskprep.words.tokens import normalise

if TYPE_CHECKING:
    from flaskprep.grading import KeyTerm

Mode = Literal["flash", "type", "choice", "truefalse", "cloze"]
MODES = ("flash", "type", "choice", "truefalse", "cloze", "mixed")
OPTIONS = 4
BLANK = "_____"
_LENGTH_JITTER = 0.35
"""Random slack added to the length distance so sessions vary but stay plausible."""


@dataclass(frozen=True, slots=True)
class ChoicePrompt:
    options: tuple[str, ...]
    correct: int
    """Index of the right answer in ``options``."""


@dataclass(frozen=True, slots=True)
class TrueFalsePrompt:
    shown_answer: str
    is_true: bool
    """Whether ``shown_answer`` is the question's own answer."""


@dataclass(frozen=True, slots=True)
class ClozePrompt:
    text: str
    """The model answer with each blanked term replaced by ``[1] _____``, ``[2] _____``."""
    terms: tuple[KeyTerm, ...]


def distractors(deck: Deck, question: Question, rng: random.Random, count: int) -> list[str]:
    """Up to ``count`` distinct answers of other questions, best candidates first."""
    own_section = question.section_index
    target = max(len(question.answer), 1)
    ranked = sorted(
        (
            (
                other.section_index != own_section,
                abs(len(other.answer) - target) / target + rng.random() * _LENGTH_JITTER,
                other.answer,
            )
            for other in deck.questions
            if other.answered and other.id != question.id
        ),
    )
    seen = {normalise(question.answer)}
    chosen: list[str] = []
    for _other_section, _distance, answer in ranked:
        key = normalise(answer)
        if key not in seen:
            seen.add(key)
            chosen.append(answer)
            if len(chosen) == count:
                break
    return chosen


def choice_prompt(deck: Deck, question: Question, rng: random.Random) -> ChoicePrompt | None:
    """Four options (fewer in a tiny deck); ``None`` if there is nothing to choose from."""
    wrong = distractors(deck, question, rng, OPTIONS - 1)
    if not wrong:
        return None
    options = [question.answer, *wrong]
    rng.shuffle(options)
    return ChoicePrompt(tuple(options), options.index(question.answer))


def true_false_prompt(
    deck: Deck, question: Question, rng: random.Random, truth: bool
) -> TrueFalsePrompt | None:
    if truth:
        return TrueFalsePrompt(question.answer, True)
    wrong = distractors(deck, question, rng, 1)
    return TrueFalsePrompt(wrong[0], False) if wrong else None


def truth_values(count: int, rng: random.Random) -> list[bool]:
    """Half true, half false (the odd one decided by ``rng``), in random order."""
    trues = count // 2 + (count % 2 if rng.random() < 0.5 else 0)
    values = [True] * trues + [False] * (count - trues)
    rng.shuffle(values)
    return values


def cloze_prompt(question: Question, rng: random.Random) -> ClozePrompt | None:
    """The answer with one or two of the grader's key terms blanked (never stop words)."""
    from flaskprep.grading import key_terms

    answer = question.answer
    candidates = [t for t in key_terms(answer) if len(t.text) >= 4 and _find(t.text, answer)]
    hidden = [t for t in candidates if t.key not in _question_keys(question.text)]
    candidates = hidden or candidates  # a blank the question itself gives away is a last resort
    if not candidates:
        return None
    blanks = 2 if len(candidates) >= 6 else 1
    chosen = sorted(rng.sample(candidates, blanks), key=lambda t: answer.index(t.text))
    text = answer
    for number, term in enumerate(chosen, start=1):
        label = f"[{number}] {BLANK}" if blanks > 1 else BLANK
        text = _pattern(term.text).sub(label, text, count=1)
    return ClozePrompt(text, tuple(chosen))


def _question_keys(text: str) -> set[str]:
    from flaskprep.grading import key_terms

    return {t.key for t in key_terms(text)}


def _pattern(term: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(term)}(?!\w)")


def _find(term: str, text: str) -> bool:
    return _pattern(term).search(text) is not None


def cloze_correct(prompt: ClozePrompt, typed: str) -> bool:
    """Every blank's term is in ``typed`` (small typos tolerated by the grader)."""
    from flaskprep.grading import term_matches

    parts = [p for p in re.split(r"[,;]|\s{2,}", typed) if p.strip()]
    if len(prompt.terms) > 1 and len(parts) == len(prompt.terms):
        return all(term_matches(t, p) for t, p in zip(prompt.terms, parts, strict=True))
    return all(term_matches(t, typed) for t in prompt.terms)


@dataclass(frozen=True, slots=True)
class Prompt:
    question: Question
    mode: Mode
    choice: ChoicePrompt | None = None
    truefalse: TrueFalsePrompt | None = None
    cloze: ClozePrompt | None = None


def build_prompts(
    deck: Deck, questions: list[Question], mode: str, rng: random.Random
) -> list[Prompt]:
    """One prompt per question; ``mixed`` picks a mode per question. A mode that cannot
    be built for a question (no distractors, no key term to blank) falls back to flash."""
    modes: list[Mode] = [_pick_mode(mode, rng) for _ in questions]
    truths = iter(truth_values(modes.count("truefalse"), rng))
    return [_prompt(deck, q, m, rng, truths) for q, m in zip(questions, modes, strict=True)]


def _pick_mode(mode: str, rng: random.Random) -> Mode:
    if mode == "mixed":
        choice: Mode = rng.choice(("flash", "type", "choice", "truefalse", "cloze"))
        return choice
    return mode  # type: ignore[return-value]


def _prompt(deck: Deck, question: Question, mode: Mode, rng: random.Random, truths: Any) -> Prompt:
    if mode == "choice":
        choice = choice_prompt(deck, question, rng)
        return Prompt(question, "choice", choice=choice) if choice else Prompt(question, "flash")
    if mode == "truefalse":
        statement = true_false_prompt(deck, question, rng, next(truths))
        if statement is not None:
            return Prompt(question, "truefalse", truefalse=statement)
        return Prompt(question, "flash")
    if mode == "cloze":
        cloze = cloze_prompt(question, rng)
        return Prompt(question, "cloze", cloze=cloze) if cloze else Prompt(question, "type")
    return Prompt(question, mode)
