"""Renderables for reading a deck: sections, questions, resources."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from flaskprep.model import Deck, Question, Section
from flaskprep.ui.answer_text import plain, render_answer, render_title


def markdown(text: str) -> RenderableType:
    """Deck Markdown rendered as Markdown, never as Rich markup; links are not followed."""
    return render_answer(text)


def render_sections(deck: Deck) -> RenderableType:
    table = Table(title=Text(plain(deck.title), style="bold"), title_justify="left", box=None)
    table.add_column("#", justify="right", style="cyan")
    table.add_column("Section")
    table.add_column("Questions", justify="right")
    for index, section in enumerate(deck.sections, start=1):
        number = str(section.number) if section.number is not None else str(index)
        table.add_row(number, Text(plain(section.title)), str(len(section.questions)))
    table.add_row("", Text("Total", style="bold"), str(len(deck.questions)))
    return table


def render_question(
    deck: Deck, question: Question, *, number: str | None = None, show_id: bool = True
) -> RenderableType:
    head = Text()
    head.append(number or _position(deck, question), style="cyan")
    head.append(f"  {question.id}  " if show_id else "  ", style="dim")
    head.append_text(render_title(question.text))
    if question.answered:
        body: RenderableType = markdown(question.answer)
    else:
        body = Text("(no answer in the deck)", style="dim italic")
    return Group(head, Padding(body, (0, 0, 1, 4)))


def render_section(deck: Deck, section: Section) -> RenderableType:
    title = Text(plain(section.label), style="bold underline")
    numbers = [_position(deck, q) for q in section.questions]
    width = max(map(len, numbers), default=0)  # 10.9 and 10.10 line up
    items = [
        render_question(deck, q, number=n.ljust(width))
        for q, n in zip(section.questions, numbers, strict=True)
    ]
    return Group(title, Text(""), *items)


def render_show(deck: Deck, question: Question) -> RenderableType:
    section = deck.section_of(question)
    meta = Text(
        f"{plain(section.label)} · id {question.id} · line {question.line}",
        style="dim",
    )
    return Group(meta, render_question(deck, question, show_id=False))


def _position(deck: Deck, question: Question) -> str:
    return f"{_section_number(deck, deck.section_of(question))}.{question.position}"


def _section_number(deck: Deck, section: Section) -> str:
    if section.number is not None:
        return str(section.number)
    return str(deck.sections.index(section) + 1)
