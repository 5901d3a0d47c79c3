"""Gathers questions whose answers run on over the following blocks."""

from __future__ import annotations

from flaskprep.parsing.labels import strip_answer_label
from flaskprep.parsing.outline import Block, HeadingMark, Item, LayoutResult, Problem, RawQuestion
from flaskprep.parsing.source import Source


class Collector:
    """Questions and headings in order; blocks after a question join its answer.

    Content before an explicit answer label (``answer()``) is held apart: it
    joins the question's text if a label follows, else it is the answer.
    """

    def __init__(self, source: Source, layout: str) -> None:
        self.source = source
        self.layout = layout
        self.items: list[Item] = []
        self.problems: list[Problem] = []
        self._question: tuple[str, int] | None = None
        self._before: list[str] = []
        self._answer: list[str] | None = None

    @property
    def open(self) -> bool:
        return self._question is not None

    @property
    def answering(self) -> bool:
        return self._answer is not None

    def heading(self, block: Block) -> None:
        self.close()
        self.items.append(HeadingMark(block.level, block.text, block.start + 1))

    def question(self, text: str, line: int, answer: str = "") -> None:
        self.close()
        self._question = (text, line)
        self._before = [answer] if answer else []

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
        if self._question is not None and block.kind != "hr":
            self.add_text(self.source.span(block.start, block.end))

    def close(self) -> None:
        if self._question is None:
            return
        text, line = self._question
        if self._answer is None:
            answer = _join(self._before)
        else:
            text = _join([text, *self._before])
            answer = _join(self._answer)
        if text:
            self.items.append(RawQuestion(text, strip_answer_label(answer), line))
        self._question, self._before, self._answer = None, [], None

    def result(self) -> LayoutResult:
        self.close()
        return LayoutResult(self.layout, tuple(self.items), tuple(self.problems))


def _join(parts: list[str]) -> str:
    return "\n\n".join(part.strip() for part in parts if part.strip())
