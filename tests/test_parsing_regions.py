"""The shortcut with markdown-it regions gives markdown-it's blocks for the whole deck."""

from __future__ import annotations

import functools

from hypothesis import given, settings
from hypothesis import strategies as st

from flaskprep.parsing.fastpath import read_blocks
from flaskprep.parsing.outline import Block
from flaskprep.parsing.tokens import blocks_from_tokens, markdown, region_blocks

LINES = [
    # the seed's shape, which the shortcut reads
    "# Deck", "## 1. Basics", "### Resources", "---", "***", "", "", "   ",
    "- What is Flask?", "- **Bold** question", "- `code` first", "1. [Item](#item)",
    "2. Second", "  - **Answer:** A framework.", "  - A: short", "#", "## Closing #",
    # what sends a region to markdown-it
    "```python", "```", "````", "~~~", "    ```", "  ```", "   ```", "  ```py",
    "    code line", "  indented text", "plain paragraph", "Setext", "===",
    "> quote", "> - quoted item", "| a | b |", "|---|---|", "x | y",
    "<details>", "<summary>Q?</summary>", "</details>", "<div>", "<!-- comment", "-->",
    "<script>", "</script>", "<?php", "?>", "<!DOCTYPE html>", "[ref]: https://example.org",
    "* star", "+ plus", "1) paren", "10. ten", "- ", "-", "- - -", "- ---", "  - ",
    "  - - nested", "\t- tabbed", "- tab\there", "nul\x00line", "#hashtag", "#\ttab heading",
    "- [x] done", "  - ```", "      deep code", "- <b>html</b>", "- > quote",
    # fenced code at an answer's content column, which the shortcut reads too
    "    ```python", "    ```", "    ````", "    ~~~", "    ``` `x`", "    x = 1",
    "        deeper", "     ```", "       ```", "    ", "      ", "  ", "    ```  ",
]  # fmt: skip


PIECES = [
    ["- Q?", "  - **Answer:** A."],
    ["- Q?", "  - **Answer:** A.", "", "    ```python", "    x = 1", "    ```"],
    ["- Q?", "  - **Answer:** A.", "    ```", "    x", "", "    y", "    ```", ""],
    ["- Q?", "  - **Answer:** A.", "", "    More text."],
    ["- Q?", "  - A", "  - B"], ["- Q", "  more"], ["- Q", "", "  para"],
    ["## 2. Section", ""], ["# T"], [""], ["", ""], ["---"], ["Setext", "---"],
    ["[a]: /u"], ["[a]:", "/u"], ["plain text"], ["| a | b |", "|---|---|", "| 1 | 2 |"],
    ["<div>", "x", "</div>"], ["<!--", "", "- in comment", "-->"],
    ["<details><summary>Q?</summary>", "", "A", "</details>"],
    ["```", "- in fence", "# in fence"], ["~~~", "x", "~~~"], ["> quote", "- after quote"],
    ["> - q", "lazy"], ["    indented code"], ["1. one", "2. two"], ["* star", "* star2"],
]  # fmt: skip
"""Whole constructs, so the cuts fall between and inside them in every way."""


def whole(text: str, lines: list[str]) -> list[Block]:
    return blocks_from_tokens(markdown().parse(text), lines)


def by_regions(lines: list[str]) -> list[Block]:
    return read_blocks(lines, functools.partial(region_blocks, lines))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(LINES), max_size=40), st.booleans())
def test_regions_read_like_markdown_it_on_the_whole_text(lines: list[str], newline: bool) -> None:
    text = "\n".join(lines) + ("\n" if newline else "")
    split = text.split("\n")
    assert by_regions(split) == whole(text, split)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(PIECES) | st.sampled_from(LINES).map(lambda line: [line]), max_size=14)
)
def test_regions_read_like_markdown_it_on_whole_constructs(pieces: list[list[str]]) -> None:
    lines = [line for piece in pieces for line in piece]
    assert by_regions(lines) == whole("\n".join(lines), lines)


def test_a_link_definition_after_a_list_ends_it() -> None:
    lines = ["- Q", "  - A", "", "[a]: /u", "- Q2"]
    blocks = by_regions(lines)
    assert blocks == whole("\n".join(lines), lines)
    assert [b.kind for b in blocks] == ["bullet_list", "bullet_list"]


SIMPLE = ["## 1. Basics", "", "- What is Flask?", "  - **Answer:** A framework.", ""]


def test_code_under_an_answer_is_read_by_the_shortcut() -> None:
    code = ["- How do you run it?", "  - **Answer:** like this:", "", "    ```sh", "    flask run",
            "", "    ```", ""]  # fmt: skip
    lines = SIMPLE + code + SIMPLE
    assert read_blocks(lines, lambda start, end: []) == whole("\n".join(lines), lines)


def test_a_table_is_read_by_markdown_it_alone() -> None:
    table = ["- Which methods?", "  - **Answer:** these:", "", "    | GET | POST |",
             "    |-----|------|", ""]  # fmt: skip
    lines = SIMPLE * 3 + table + SIMPLE * 3
    parsed: list[tuple[int, int]] = []

    def counting(start: int, end: int) -> list[Block]:
        parsed.append((start, end))
        return region_blocks(lines, start, end)

    text = "\n".join(lines)
    assert read_blocks(lines, counting) == whole(text, lines)
    assert parsed == [(15, 21)]


def test_an_unclosed_fence_takes_the_rest_of_the_deck() -> None:
    lines = ["# D", "", "- Q?", "", "```", "- not a question", "# not a heading", "- Q2?"]
    text = "\n".join(lines)
    blocks = by_regions(lines)
    assert blocks == whole(text, lines)
    assert blocks[-1].kind == "fence"


def test_an_empty_item_and_two_blank_lines_end_a_list_as_in_markdown_it() -> None:
    """``- `` alone, then two blank lines: markdown-it ends the list there, so the question
    after it starts a list of its own (found by the property test above, seed 12)."""
    lines = ["- ", "", "", "- Q?", "  - **Answer:** A."]
    blocks = by_regions(lines)
    assert blocks == whole("\n".join(lines), lines)
    assert [(b.kind, b.start, b.end) for b in blocks] == [
        ("bullet_list", 0, 1),
        ("bullet_list", 3, 5),
    ]
