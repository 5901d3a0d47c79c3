"""Gathers questions whose answers run on over the following blocks."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from flaskprep.parsing.labels import clean_answer, unquote, without_tags
from flaskprep.parsing.outline import Block, HeadingMark, Item, LayoutResult, Problem, RawQuestion
from flaskprep.parsing.source import Source


class Collector:
    """Questions and headings in order; blocks after a question join its answer.

    Content before an explicit answer label (``answer()``) is held apart: it
    joins the question's text if a label follows, else it is the answer. Each
    question remembers its layout (``kind``); the most frequent one names the deck's.
    """

    def __init__(self, source: Source) -> None:
        self.source = source
        self.items: list[Item] = []
        self.problems: list[Problem] = []
        self.kinds: Counter[str] = Counter()
        self._question: tuple[str, int] | None = None
        self._kind = ""
        self._heading: Block | None = None
        self._before: list[str] = []
        self._blocks: list[Block] = []
        self._answer: list[str] | None = None

    @property
    def open(self) -> bool:
        return self._question is not None

    @property
    def kind(self) -> str:
        """The layout of the open question (``""`` when none is open)."""
        return self._kind if self._question is not None else ""

    @property
    def has_text(self) -> bool:
        """Whether the open question has gathered anything after its first line."""
        return bool(self._blocks or self._before)

    @property
    def heading_level(self) -> int:
        """The level of the open heading question, else 0."""
        return self._heading.level if self._question is not None and self._heading else 0

    def heading(self, block: Block) -> None:
        self.mark(block.level, without_tags(block.text), block.start + 1)

    def mark(self, level: int, title: str, line: int) -> None:
        """A possible section title (kept only if questions follow under it)."""
        self.close()
        self.items.append(HeadingMark(level, title, line))

    def question(self, text: str, line: int, kind: str, answer: str = "") -> None:
        self.close()
        self._question = (text, line)
        self._kind = kind
        self._before = [answer] if answer else []

    def heading_question(self, text: str, block: Block) -> None:
        self.question(text, block.start + 1, "headings")
        self._heading = block

    def nested(self) -> None:
        """A question inside the open heading question's region.

        A heading with no content of its own (before any sub-heading) is a section
        then, and so are the sub-headings read so far as its answer.
        """
        heading = self._heading
        if heading is None or self._question is None or self._before or self._answer:
            return
        own: list[Block] = []
        for block in self._blocks:
            if block.kind == "heading":
                break
            own.append(block)
        if any(block.kind != "hr" for block in own):
            return
        self.items.append(HeadingMark(heading.level, without_tags(heading.text), heading.start + 1))
        for block in self._blocks:
            if block.kind == "heading":
                title = without_tags(block.text)
                self.items.append(HeadingMark(block.level, title, block.start + 1))
        self._question, self._heading, self._blocks = None, None, []

    def raw(self, question: RawQuestion, kind: str) -> None:
        """A question complete in itself (a bullet with its answer, a details block).

        Every question passes here or through ``close``: a question in quotes loses them.
        """
        self.close()
        text = unquote(question.text)
        self.items.append(question if text == question.text else replace(question, text=text))
        self.kinds[kind] += 1

    def answer(self, text: str, line: int) -> None:
        """An explicit answer label; an error when no question waits for one."""
        if self._question is None or self._answer is not None:
            self.problems.append(Problem(line, "answer without a question", "error"))
            return
        self._answer = [text] if text else []

    def add_text(self, text: str) -> None:
        if self._question is not None and text.strip():
            (self._answer if self._answer is not None else self._before).append(text)

    def add(self, block: Block) -> None:
        if self._question is None:
            return
        if self._heading is not None and self._answer is None:
            # A heading's answer is its source as written, split only at rules.
            self._blocks.append(block)
        elif block.kind != "hr":
            self.add_text(self.source.span(block.start, block.end))

    def close(self) -> None:
        if self._question is None:
            return
        text, line = self._question
        text = unquote(text)
        if self._blocks:
            self._before.insert(0, self.source.blocks_text(self._blocks))
        if self._answer is None:
            answer = _join(self._before)
        else:
            text = _join([text, *self._before])
            answer = _join(self._answer)
        if text:
            level = self._heading.level if self._heading is not None else 0
            self.items.append(RawQuestion(text, clean_answer(answer), line, level))
            self.kinds[self._kind] += 1
        self._question, self._heading, self._answer = None, None, None
        self._before, self._blocks = [], []

    def result(self, order: tuple[str, ...]) -> LayoutResult:
        """Everything found; the layout is the most frequent kind, ties in ``order``."""
        self.close()
        layout = max(order, key=lambda kind: (self.kinds[kind], -order.index(kind)))
        return LayoutResult(layout, tuple(self.items), tuple(self.problems))


def _join(parts: list[str]) -> str:
    return "\n\n".join(part.strip() for part in parts if part.strip())
