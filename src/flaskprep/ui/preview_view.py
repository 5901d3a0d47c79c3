"""``preview`` on screen: each card with its right answer marked."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from flaskprep.learn.prompts import Prompt
from flaskprep.ui.answer_text import plain_option, render_title
from flaskprep.ui.safe import clean


def render_preview(prompts: Sequence[Prompt], mode: str) -> RenderableType:
    parts: list[RenderableType] = []
    for number, prompt in enumerate(prompts, start=1):
        head = Text(f"{number}. ", "cyan")
        head.append_text(render_title(prompt.question.text))
        head.append(f"  {prompt.question.id}", "dim")
        parts += [head, Padding(_body(prompt, mode), (0, 0, 1, 3))]
    if not parts:
        parts.append(Text("No answered questions to make cards from.", "dim"))
    return Group(*parts)


def _body(prompt: Prompt, mode: str) -> RenderableType:
    if prompt.choice is not None:
        grid = Table.grid(padding=(0, 1))  # wrapped lines hang under their option's text
        grid.add_column(style="bold green", no_wrap=True)
        grid.add_column(style="bold cyan", justify="right", no_wrap=True)
        grid.add_column()
        for index, (option, source) in enumerate(
            zip(prompt.choice.options, prompt.choice.sources, strict=True)
        ):
            right = index == prompt.choice.correct
            text = Text(clean(plain_option(option)), "green" if right else "")
            text.append("" if right else f"  ({source})", "dim")
            grid.add_row("✓" if right else " ", f"{index + 1} ", text)
        return grid
    if prompt.truefalse is not None:
        truth = prompt.truefalse.source == prompt.question.id
        verdict = Text("true" if truth else f"false (from {prompt.truefalse.source})", "bold")
        return Group(Text(clean(prompt.truefalse.shown_answer)), verdict)
    if prompt.cloze is not None:
        text = Text(clean(prompt.cloze.text))
        blanks = Text("blanks: ", "dim")
        blanks.append(", ".join(clean(t.text) for t in prompt.cloze.terms), "bold green")
        return Group(text, blanks)
    fallback = "type" if mode == "cloze" else "flash"
    return Text(f"(no {mode} card: the quiz asks this one as {fallback})", "dim")
