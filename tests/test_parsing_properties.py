"""Property tests: parsing never crashes, the seed writer round-trips, the shortcut agrees."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flaskprep.errors import DeckError
from flaskprep.model import Deck, Question, Resource, Section
from flaskprep.parsing import parse_text
from flaskprep.parsing.fastpath import simple_blocks
from flaskprep.parsing.tokens import blocks_from_tokens, markdown
from flaskprep.parsing.writer import to_seed_markdown

FRAGMENTS = [
    "# Title",
    "## 1. Section",
    "### Q1. What is X?",
    "## What is Y?",
    "Setext",
    "===",
    "---",
    "- What is Flask?",
    "  - **Answer:** A framework.",
    "  - A: short",
    "- **Answer:** orphan",
    "* star",
    "1. **What is Z?**",
    "2. item",
    "   indented",
    "    code",
    "```python",
    "```",
    "~~~",
    "> quote",
    "> - quoted item",
    "<details>",
    "<summary>Q?</summary>",
    "</details>",
    "<details><summary><b>Q?</b></summary>A</details>",
    "Q: question?",
    "A: answer",
    "**Question:** what?",
    "**Answer:** that",
    "**Bold question?**",
    "| a | b |",
    "|---|---|",
    "[ref]: https://example.org",
    "## Resources",
    "- [Link](https://example.org)",
    "",
    "",
    "\t- tabbed",
    "- ",
    "-",
    "#",
    "  - ",
    "<!-- comment",
    "-->",
    "\\",
    "***",
    "- ---",
]


@settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_parse_text_on_any_text_raises_nothing_but_deck_error(text: str) -> None:
    with contextlib.suppress(DeckError):
        parse_text(text, "any.md")


@settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=12), max_size=40))
def test_parse_text_on_markdown_like_lines_raises_nothing_but_deck_error(
    lines: list[str],
) -> None:
    try:
        result = parse_text("\n".join(lines), "md.md")
    except DeckError:
        return
    for question in result.deck.questions:
        assert question.text.strip()
        assert question.line >= 1


SIMPLE_LINES = [
    "# Deck",
    "## 1. Basics",
    "### Resources",
    "#",
    "## Closing #",
    "---",
    "***",
    "",
    "   ",
    "- What is Flask?",
    "- **Bold** question",
    "- `code` first",
    "- 1. not simple",
    "- # heading",
    "- > quote",
    "- [x]: ref",
    "- <b>html</b>",
    "-  two spaces",
    "- ---",
    "  - **Answer:** A framework.",
    "  - Answer: plain",
    "  - A: short",
    "  - - nested",
    "  - ```",
    "  -   wide",
    "    deep",
    "1. [Item](#item)",
    "2. Second",
    "10. Tenth",
    "1) paren",
    "plain paragraph",
    "- trailing space  ",
    "- \u00a0nbsp",
    "  - ***",
    "- |---|",
    "- a | b",
]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(SIMPLE_LINES), max_size=30))
def test_simple_shortcut_gives_the_same_blocks_as_markdown_it(lines: list[str]) -> None:
    text = "\n".join(lines)
    split = text.split("\n")
    fast = simple_blocks(split)
    if fast is not None:
        assert fast == blocks_from_tokens(markdown().parse(text), split)


SEED_SHAPED_LINES = [
    "# Deck",
    "## 1. Basics",
    "### Resources",
    "---",
    "***",
    "",
    "- What is Flask?",
    "- **Bold** question",
    "- `code` first",
    "- a | b",
    "1. [Item](#item)",
    "2. Second",
    "  - **Answer:** A framework.",
    "  - A: short",
    "  - Answer: plain",
    "- trailing space  ",
]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(SEED_SHAPED_LINES), max_size=40))
def test_simple_shortcut_agrees_on_seed_shaped_decks(lines: list[str]) -> None:
    text = "\n".join(lines)
    split = text.split("\n")
    fast = simple_blocks(split)
    if fast is not None:
        assert fast == blocks_from_tokens(markdown().parse(text), split)


def test_simple_shortcut_reads_the_seed_shape() -> None:
    lines = ["# D", "", "## 1. S", "- Q?", "  - **Answer:** A.", "", "---"]
    assert simple_blocks(lines) is not None


# --- writer round trip ---------------------------------------------------------------------

WORDS = st.sampled_from(
    ["flask", "route", "Werkzeug’s", "`url_for`", "**bold**", "café", "日本", "app", "g", "x2"]
)


def _phrase(min_words: int = 1) -> st.SearchStrategy[str]:
    first = st.sampled_from(["What", "How", "Why", "Blueprints", "Explain", "Jinja2"])
    rest = st.lists(WORDS, min_size=min_words - 1, max_size=6)
    end = st.sampled_from(["", "?", "."])
    return st.builds(lambda f, r, e: " ".join([f, *r]) + e, first, rest, end)


def _answer() -> st.SearchStrategy[str]:
    paragraph = st.lists(_phrase(), min_size=1, max_size=2).map("\n".join)
    code = st.just("```python\napp = Flask(__name__)\n```")
    blocks = st.lists(paragraph | code, max_size=3)
    return blocks.map("\n\n".join)


@st.composite
def decks(draw: st.DrawFn) -> Deck:
    sections = []
    for index in range(draw(st.integers(1, 3))):
        raw = draw(st.lists(st.tuples(_phrase(), _answer()), min_size=1, max_size=4))
        questions = tuple(Question("", q, a, 0, index, n) for n, (q, a) in enumerate(raw, 1))
        number = draw(st.none() | st.integers(1, 99))
        sections.append(Section(number, draw(_phrase()), questions))
    resources = tuple(
        Resource(title, f"https://example.org/{n}")
        for n, title in enumerate(draw(st.lists(_phrase(), max_size=3)))
    )
    return Deck.build(draw(_phrase()), "gen.md", tuple(sections), resources)


def _shape(deck: Deck) -> tuple[object, ...]:
    sections = [
        (s.number, s.title, [(q.text, q.answer) for q in s.questions]) for s in deck.sections
    ]
    return deck.title, sections, deck.resources


@settings(max_examples=300, deadline=None)
@given(decks())
def test_seed_writer_round_trips(deck: Deck) -> None:
    again = parse_text(to_seed_markdown(deck), "gen.md").deck
    assert _shape(again) == _shape(deck)


def test_seed_writer_reproduces_the_seed_file() -> None:
    from pathlib import Path

    from flaskprep.parsing import parse_deck, read_deck_text

    seed = Path(__file__).resolve().parents[1] / "seeds" / "flask-interview-prep.md"
    assert to_seed_markdown(parse_deck(seed)) == read_deck_text(seed)


@pytest.mark.parametrize("text", ["# heading-like", "1. numbered", "> quoted", "- dash"])
def test_seed_writer_keeps_block_like_questions_as_questions(text: str) -> None:
    question = Question("", text, "answer", 0, 0, 1)
    deck = Deck.build("D", "d.md", (Section(None, "D", (question,)),))
    again = parse_text(to_seed_markdown(deck), "d.md").deck
    assert [q.answer for q in again.questions] == ["answer"]
    assert again.questions[0].text.endswith(text)
