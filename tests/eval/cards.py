"""Quiz card evaluation on hand labels: ``python -m tests.eval.cards``.

Labels (``tests/data/cards/labels.json``): for some answers of the bundled deck and
five public decks of other topics, the terms worth blanking; for each deck, pairs of
questions that overlap (one's answer is partly right for the other). A question is
in the ``tune`` half when its position among the deck's answered questions is even,
``held-out`` when odd. Prints, per deck and half:

- cloze: blank precision (share of blanks on a labelled term, 5 seeds), and the share
  of labelled cards that get a blank on a labelled term (seed 0), and any cloze at all;
- fairness: the share of choice cards with an option from an overlapping question, and
  of false statements taken from one (3 seeds);
- the word-overlap guesser (picks the option, or says "true" for the statement,
  sharing the most content words with the question) against chance.

A benchmark, not a timed test; ``tests/test_cards_eval.py`` guards the figures.
"""

from __future__ import annotations

import functools
import json
import random
from dataclasses import dataclass
from pathlib import Path

from flaskprep.learn.distractors import DistractorPool
from flaskprep.learn.prompts import build_prompts, choice_prompt, cloze_prompt, true_false_prompt
from flaskprep.model import Deck, Question
from flaskprep.parsing import parse_deck
from flaskprep.words.stems import stem
from flaskprep.words.stopwords import STOP_WORDS
from flaskprep.words.tokens import normalise, tokenize

ROOT = Path(__file__).resolve().parents[2]
LABELS = ROOT / "tests" / "data" / "cards" / "labels.json"
HALVES = ("tune", "held-out")
CLOZE_SEEDS = range(5)
CHOICE_SEEDS = range(3)


@dataclass(frozen=True)
class Labelled:
    file: str
    topic: str
    deck: Deck
    blanks: dict[str, list[str]]
    overlaps: frozenset[frozenset[str]]

    def half(self, question: Question) -> str:
        return HALVES[self.answered.index(question) % 2]

    @functools.cached_property
    def answered(self) -> list[Question]:
        return [q for q in self.deck.questions if q.answered]

    def in_half(self, half: str) -> list[Question]:
        return [q for q in self.answered if self.half(q) == half]

    def overlapping(self, a: str, b: str) -> bool:
        return frozenset((a[:8], b[:8])) in self.overlaps


@dataclass(frozen=True)
class Figures:
    blanks: int
    good_blanks: int
    labelled: int
    labelled_good: int
    labelled_cloze: int
    choice_cards: int
    choice_overlapping: int
    false_statements: int
    false_overlapping: int
    guessed_choice: int
    chance_choice: float
    truefalse_cards: int
    guessed_truefalse: int

    @property
    def precision(self) -> float:
        return self.good_blanks / max(1, self.blanks)

    @property
    def coverage(self) -> float:
        return self.labelled_good / max(1, self.labelled)

    @property
    def choice_overlap_share(self) -> float:
        return self.choice_overlapping / max(1, self.choice_cards)

    @property
    def false_overlap_share(self) -> float:
        return self.false_overlapping / max(1, self.false_statements)

    @property
    def guesser_choice(self) -> float:
        return self.guessed_choice / max(1, self.choice_cards)

    @property
    def guesser_truefalse(self) -> float:
        return self.guessed_truefalse / max(1, self.truefalse_cards)

    def __str__(self) -> str:
        return (
            f"blank precision {self.precision:.0%} ({self.good_blanks}/{self.blanks})  "
            f"labelled cards with a good blank {self.coverage:.0%} "
            f"({self.labelled_good}/{self.labelled}, any cloze {self.labelled_cloze})\n"
            f"    choice cards with an overlapping option {self.choice_overlap_share:.1%} "
            f"({self.choice_overlapping}/{self.choice_cards})  false statements from one "
            f"{self.false_overlap_share:.1%} ({self.false_overlapping}/{self.false_statements})\n"
            f"    word-overlap guesser: choice {self.guesser_choice:.0%} "
            f"(chance {self.chance_choice:.0%})  true/false {self.guesser_truefalse:.0%} "
            f"(chance 50%)"
        )


@functools.cache
def labelled_decks() -> tuple[Labelled, ...]:
    document = json.loads(LABELS.read_text(encoding="utf-8"))
    decks = []
    for entry in document["decks"]:
        path = ROOT / entry["file"]
        deck = parse_deck(path)
        pairs = frozenset(frozenset(pair) for pair in entry["overlaps"])
        decks.append(Labelled(entry["file"], entry["topic"], deck, entry["blanks"], pairs))
    return tuple(decks)


def deck_figures(labelled: Labelled, half: str) -> Figures:
    pool = DistractorPool(labelled.deck)
    questions = labelled.in_half(half)
    cloze = _cloze_figures(labelled, pool, questions)
    fair = _fairness_figures(labelled, pool, questions)
    guess = _guesser_figures(labelled.deck, pool, questions)
    return Figures(*cloze, *fair, *guess)


def _cloze_figures(
    labelled: Labelled, pool: DistractorPool, questions: list[Question]
) -> tuple[int, int, int, int, int]:
    blanks = good = cards = cards_good = cards_cloze = 0
    for question in questions:
        terms = labelled.blanks.get(question.id[:8])
        if terms is None:
            continue
        cards += 1
        for seed in CLOZE_SEEDS:
            prompt = cloze_prompt(pool, question, random.Random(seed))
            hidden = [t.text for t in prompt.terms] if prompt else []
            hits = sum(1 for text in hidden if blank_matches(text, terms))
            blanks, good = blanks + len(hidden), good + hits
            if seed == 0:
                cards_cloze += bool(hidden)
                cards_good += hits > 0
    return blanks, good, cards, cards_good, cards_cloze


def _fairness_figures(
    labelled: Labelled, pool: DistractorPool, questions: list[Question]
) -> tuple[int, int, int, int]:
    cards = overlapping = statements = false_overlapping = 0
    for seed in CHOICE_SEEDS:
        rng = random.Random(seed)
        for question in questions:
            choice = choice_prompt(pool, question, rng)
            if choice is not None:
                cards += 1
                others = [s for s in choice.sources if s != question.id]
                overlapping += any(labelled.overlapping(question.id, s) for s in others)
            statement = true_false_prompt(pool, question, rng, False)
            if statement is not None:
                statements += 1
                false_overlapping += labelled.overlapping(question.id, statement.source)
    return cards, overlapping, statements, false_overlapping


def _guesser_figures(
    deck: Deck, pool: DistractorPool, questions: list[Question]
) -> tuple[int, float, int, int]:
    right = tf_cards = tf_right = 0
    chances: list[float] = []
    for seed in CHOICE_SEEDS:
        rng = random.Random(seed)
        for question in questions:
            choice = choice_prompt(pool, question, rng)
            if choice is not None:
                chances.append(1 / len(choice.options))
                right += guess_option(question.text, choice.options, rng) == choice.correct
        for prompt in build_prompts(deck, questions, "truefalse", rng, pool=pool):
            if prompt.truefalse is not None:
                tf_cards += 1
                said = shared_words(prompt.question.text, prompt.truefalse.shown_answer) > 0
                tf_right += said == prompt.truefalse.is_true
    chance = sum(chances) / max(1, len(chances))
    return right, chance, tf_cards, tf_right


def content_words(text: str) -> set[str]:
    return {stem(w) for w in tokenize(text) if w not in STOP_WORDS}


def shared_words(question: str, option: str) -> int:
    return len(content_words(question) & content_words(option))


def guess_option(question: str, options: tuple[str, ...], rng: random.Random) -> int:
    """The option sharing most content words with the question (ties: a random one)."""
    scores = [shared_words(question, option) for option in options]
    best = [i for i, score in enumerate(scores) if score == max(scores)]
    return rng.choice(best)


def blank_matches(blank: str, terms: list[str]) -> bool:
    """A blank is on a labelled term when one's words contain the other's."""
    hidden = f" {normalise(blank)} "
    for term in terms:
        wanted = f" {normalise(term)} "
        if hidden.strip() and wanted.strip() and (wanted in hidden or hidden in wanted):
            return True
    return False


def total(figures: list[Figures]) -> Figures:
    fields = Figures.__dataclass_fields__
    sums = {name: sum(getattr(f, name) for f in figures) for name in fields}
    weights = [f.choice_cards for f in figures]
    sums["chance_choice"] = sum(f.chance_choice * w for f, w in zip(figures, weights, strict=True))
    sums["chance_choice"] /= max(1, sum(weights))
    return Figures(**sums)


def main() -> None:
    decks = labelled_decks()
    for half in HALVES:
        print(f"== {half}")
        others = []
        for labelled in decks:
            figures = deck_figures(labelled, half)
            print(f"  {labelled.topic} ({labelled.file}):\n    {figures}")
            if labelled is not decks[0]:
                others.append(figures)
        print(f"  five other decks together:\n    {total(others)}")


if __name__ == "__main__":
    main()
