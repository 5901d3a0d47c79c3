"""The quick answer renderer looks exactly like rich.markdown for plain paragraphs."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console, RenderableType
from rich.markdown import Markdown

from flaskprep.parsing import parse_deck
from flaskprep.ui.answer_text import is_plain_paragraph, plain_title, render_answer

SAMPLES = [
    "Use `flask run --debug` for the **reloader**; never in *production*.",
    "Two\nlines of one paragraph with `code`.",
    "Plain words only.",
    'Uses `request.files` and `secure_filename` with `methods=["GET"]`.',
]


def _ansi(renderable: RenderableType) -> str:
    out = io.StringIO()
    Console(file=out, width=60, force_terminal=True, color_system="standard").print(renderable)
    # rich.markdown pads each line to the width; what the eye sees is the same.
    return "\n".join(line.rstrip(" ") for line in out.getvalue().splitlines())


def _seed_answers(seed_path: Path) -> list[str]:
    return [q.answer for q in parse_deck(seed_path).questions]


@pytest.mark.parametrize("text", SAMPLES)
def test_plain_paragraphs_render_like_rich_markdown(text: str) -> None:
    assert is_plain_paragraph(text)
    assert _ansi(render_answer(text)) == _ansi(Markdown(text, hyperlinks=False))


def test_every_seed_answer_renders_like_rich_markdown(seed_path: Path) -> None:
    for answer in _seed_answers(seed_path):
        assert _ansi(render_answer(answer)) == _ansi(Markdown(answer, hyperlinks=False)), answer


@pytest.mark.parametrize(
    "text",
    [
        "- a list\n- of items",
        "```python\nx = 1\n```",
        "# heading",
        "> a quote",
        "First paragraph.\n\nSecond paragraph.",
        "A [link](http://x) here",
        "snake_case outside code",
        "<b>html</b>",
        "1. numbered",
        "    indented code",
        "an unclosed `code span",
    ],
)
def test_block_markdown_goes_to_rich_markdown(text: str) -> None:
    assert not is_plain_paragraph(text)
    assert isinstance(render_answer(text), Markdown)


def test_control_characters_are_made_visible() -> None:
    rendered = _ansi(render_answer("evil \x1b]52;c;ZXZpbA==\x07 text"))
    assert "\x1b]52" not in rendered
    assert "\\x1b]52" in rendered


@pytest.mark.parametrize(
    ("title", "shown"),
    [
        (
            "What is _Docker_, and how does it differ from _virtual machines_?",
            "What is Docker, and how does it differ from virtual machines?",
        ),
        ("Use the **\\_** protocol in a VPC.", "Use the _ protocol in a VPC."),
        ("Bias and variance? [[src](http://example.com/a)]", "Bias and variance?"),
        (
            "How does `__init__` differ from [`__new__`](https://docs.python.org)?",
            "How does `__init__` differ from `__new__`?",
        ),
        ("What are *args and **kwargs in *Python*?", "What are *args and **kwargs in Python?"),
        ("Why name it __init__ and not my_init_fn?", "Why name it __init__ and not my_init_fn?"),
        ("Boolean \\*Error\\* SQL injection", "Boolean *Error* SQL injection"),
        ('if "OR &lt;true&gt;" holds', 'if "OR <true>" holds'),
        ("C++ Interview Q\\&A", "C++ Interview Q&A"),
        ("🔹 Can destructors be virtual? ⭐⭐⭐", "Can destructors be virtual?"),
        ("What does `x ^` do?", "What does `x ^` do?"),
    ],
)
def test_a_title_shows_its_inline_markdown_as_a_reader_sees_it(title: str, shown: str) -> None:
    assert plain_title(title) == shown


def test_a_choice_option_drops_block_markdown() -> None:
    from flaskprep.ui.answer_text import plain_option

    answer = "Advantages\n- Independent deploys\n\n### Example\n```python\nrun(x)\n```"
    assert plain_option(answer) == "Advantages Independent deploys Example run(x)"
    table = "**Swift** is [modern](https://x.io)\n| a | b |\n|---|---|\n| 1 | 2 |"
    assert plain_option(table) == "Swift is modern a b 1 2"
    assert plain_option("Use `a - b`; -1 and 3. stay") == "Use `a - b`; -1 and 3. stay"
