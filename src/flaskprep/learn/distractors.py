"""Wrong answers that are fair and plausible, and options that do not give themselves away.

Fair: never the answer of a question that overlaps the card's own
(:mod:`~flaskprep.learn.overlap`), never one whose text equals the right answer or
another option. Plausible: close to the right answer in length and form (code block,
inline code, list or prose) and near it in topic (related words short of an overlap, or
the same section), with a little randomness from ``rng`` so sessions vary.

Word overlap: the right answer usually repeats the question's words, so an option
could be picked without knowing anything. :meth:`DistractorPool.masked` hides the
card's question's words in every option and statement (``…``), so no option shares
them, and each option also hides its own question's words, so a hidden word is no tell.
"""

from __future__ import annotations

import itertools
import random
import re
from dataclasses import replace

from flaskprep.learn.overlap import OVERLAP_COSINE, Overlaps
from flaskprep.model import Deck, Question
from flaskprep.words.stems import same_family, stem
from flaskprep.words.stopwords import STOP_WORDS
from flaskprep.words.tokens import normalise, tokenize
from flaskprep.words.weights import is_common, weight

MASK = "…"
TOPIC_WEIGHT = 0.1
"""How much a related (not overlapping) answer is preferred: more brings near-overlaps in."""
DECK_TALK_CARDS = 2
DECK_TALK_SHARE = 0.04
_LENGTH_JITTER = 0.35
"""Random slack added to the distance so sessions vary but stay plausible."""
_WORDISH = re.compile(r"[^\W_](?:[\w’']*\w)?(?:[.\-/][^\W_](?:[\w’']*\w)?)*")
"""A word or a dotted/dashed name; a quote only inside one (``don't``), never at its end,
so masking ``'static'`` keeps both quotes."""
FAMILY_STEM = 5
"""A stem this long that starts another says the same word (``config``, ``configur``)."""
_MASKS = re.compile(r"…(?:[\s,/]+…)+")
_YES_NO = re.compile(r"^\s*(?:yes|yeah|yep|no|nope|nah)\s*[,.;:!\u2013\u2014-]\s*", re.IGNORECASE)
"""An answer's opening yes or no: the one option that says it would be the answer."""


class DistractorPool:
    """A deck's answered questions, ready to lend their answers as wrong options."""

    def __init__(self, deck: Deck) -> None:
        self.deck = deck
        self.overlaps = Overlaps(deck.questions)
        self.candidates = self.overlaps.questions
        self._forms = {q.id: _form(q.answer) for q in self.candidates}
        self._pairs = _recurring_pairs(deck)
        self._cards_with = _cards_with(deck)

    def rarity(self, word: str) -> float:
        """How rare a word is in general English: 0 for a common word, up to 1."""
        return 0.0 if is_common(word) else weight(word)

    def weight(self, word: str) -> float:
        return weight(word)

    def deck_talk(self, word: str) -> bool:
        """Said in more than 4% of the deck's cards (and more than two)."""
        said = self._cards_with.get(stem(word.lower()), 0)
        return said > max(DECK_TALK_CARDS, DECK_TALK_SHARE * len(self.deck.questions))

    def recurring(self, first: str, second: str) -> bool:
        return (stem(first), stem(second)) in self._pairs

    def distractors(self, question: Question, rng: random.Random, count: int) -> list[Question]:
        """Up to ``count`` wrong options, best first: the deck's own for the question (a
        checkbox quiz's unticked options, as questions with ids ``ID~1``, ``ID~2``…), then
        other questions whose answers make fair ones."""
        own = [
            replace(question, id=f"{question.id}~{n}", answer=text, choices=())
            for n, text in enumerate(question.choices, start=1)
        ]
        rng.shuffle(own)
        ranked = sorted(
            (self._distance(question, other) + rng.random() * _LENGTH_JITTER, index, other)
            for index, other in enumerate(self.candidates)
            if not self.overlaps.overlap(question.id, other.id)
        )
        seen = {normalise(question.answer), normalise(self.masked(question, question))}
        chosen: list[Question] = []
        for other in [*own, *(other for _distance, _index, other in ranked)]:
            if len(chosen) == count:
                break
            keys = {normalise(other.answer), normalise(self.masked(question, other))}
            if keys & seen:
                continue
            seen |= keys
            chosen.append(other)
        return chosen

    def masked(self, question: Question, source: Question) -> str:
        """``source``'s answer as an option for ``question``: each word (or identifier) that
        either question says is hidden, so every option hides its own question's words
        and none shares the card's; an opening yes or no is dropped."""
        hidden = self._asked(question) | self._asked(source)

        def hide(match: re.Match[str]) -> str:
            words = [w for w in tokenize(match.group()) if w not in STOP_WORDS]
            hit = any(w in hidden or _in_family(stem(w), hidden) for w in words)
            return MASK if hit else match.group()

        return _MASKS.sub(MASK, _WORDISH.sub(hide, _YES_NO.sub("", source.answer, count=1)))

    def _asked(self, question: Question) -> set[str]:
        words = [w for w in tokenize(question.text) if w not in STOP_WORDS]
        return set(words) | {stem(w) for w in words}

    def _distance(self, question: Question, other: Question) -> float:
        target = max(len(question.answer), 1)
        length = min(abs(len(other.answer) - target) / target, 2.0)
        form = sum(
            a != b for a, b in zip(self._form_of(question), self._forms[other.id], strict=True)
        )
        related = min(1.0, self.overlaps.similarity(question.id, other.id) / OVERLAP_COSINE)
        return length + 0.5 * form + TOPIC_WEIGHT * (1.0 - related)

    def _form_of(self, question: Question) -> tuple[bool, bool, bool]:
        return self._forms.get(question.id) or _form(question.answer)


def _in_family(root: str, hidden: set[str]) -> bool:
    """``root`` is hidden, or of the family of a hidden stem (``configs`` for
    ``configuration``: one stem starts the other, the shorter of ``FAMILY_STEM`` letters)."""
    return root in hidden or any(same_family(root, h, FAMILY_STEM) for h in hidden)


def _cards_with(deck: Deck) -> dict[str, int]:
    counts: dict[str, int] = {}
    for question in deck.questions:
        for word in {stem(w) for w in tokenize(f"{question.text} {question.answer}")}:
            counts[word] = counts.get(word, 0) + 1
    return counts


def _recurring_pairs(deck: Deck) -> set[tuple[str, str]]:
    """Adjacent content-word pairs that occur in more than one card (technical terms)."""
    seen: dict[tuple[str, str], int] = {}
    for question in deck.questions:
        words = tokenize(f"{question.text} . {question.answer}")
        pairs = {
            (stem(a), stem(b))
            for a, b in itertools.pairwise(words)
            if a not in STOP_WORDS and b not in STOP_WORDS
        }
        for pair in pairs:
            seen[pair] = seen.get(pair, 0) + 1
    return {pair for pair, count in seen.items() if count > 1}


def _form(answer: str) -> tuple[bool, bool, bool]:
    """Code block, inline code, list: options of one form look alike."""
    lines = answer.splitlines()
    listed = sum(1 for line in lines if line.lstrip().startswith(("- ", "* ", "1.", "2."))) > 1
    return ("```" in answer or "    " in answer, "`" in answer.replace("```", ""), listed)
