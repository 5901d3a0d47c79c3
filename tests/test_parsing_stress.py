"""Hostile sizes and shapes: parsed or refused with DeckError, never a crash."""

from __future__ import annotations

import pytest

from flaskprep.errors import DeckError
from flaskprep.parsing import parse_text
from flaskprep.parsing import tokens as tokens_module


def seed_layout(sections: int, per_section: int) -> str:
    lines = ["# Generated", ""]
    for s in range(1, sections + 1):
        lines.append(f"## {s}. Section {s}")
        for q in range(1, per_section + 1):
            lines += [f"- How does topic {s}-{q} work?", f"  - **Answer:** Through {s}-{q}."]
        lines.append("")
    return "\n".join(lines)


@pytest.mark.slow
def test_hundred_thousand_questions_in_the_seed_layout() -> None:
    deck = parse_text(seed_layout(1000, 100), "huge.md").deck
    assert len(deck.sections) == 1000
    assert len(deck.questions) == 100_000
    assert len({q.id for q in deck.questions}) == 100_000
    assert deck.questions[-1].text == "How does topic 1000-100 work?"


def test_same_deck_with_an_intro_paragraph_parses_the_same() -> None:
    """A paragraph sends the deck through markdown-it instead of the line shortcut."""
    text = seed_layout(3, 4)
    plain = parse_text(text, "d.md").deck
    with_intro = parse_text(text.replace("# Generated\n", "# Generated\n\nIntro.\n"), "d.md").deck
    assert [(q.text, q.answer) for q in with_intro.questions] == [
        (q.text, q.answer) for q in plain.questions
    ]


@pytest.mark.slow
def test_ten_megabyte_single_line() -> None:
    long = "why " * (10 * 1024 * 1024 // 4)
    text = f"## 1. S\n- {long}?\n  - **Answer:** because.\n- Short?\n  - **Answer:** yes.\n"
    deck = parse_text(text, "long.md").deck
    assert [q.text for q in deck.questions][1] == "Short?"


@pytest.mark.slow
def test_ten_megabyte_line_of_prose_has_no_questions() -> None:
    assert parse_text("x" * (10 * 1024 * 1024), "blob.md").deck.questions == ()


def test_lists_nested_a_thousand_deep() -> None:
    nested = "\n".join("  " * depth + f"- level {depth}" for depth in range(1000))
    text = f"## 1. Deep\n- Top?\n  - **Answer:** fine.\n{nested}\n"
    assert parse_text(text, "deep.md").deck.questions[0].text == "Top?"


def test_quotes_nested_a_thousand_deep() -> None:
    text = "- Q?\n  - **Answer:** A.\n\n" + "> " * 1000 + "deep\n"
    assert len(parse_text(text, "quotes.md").deck.questions) == 1


def test_recursion_error_becomes_deck_error(monkeypatch: pytest.MonkeyPatch) -> None:
    class Exploding:
        def parse(self, text: str) -> list[object]:
            raise RecursionError

    monkeypatch.setattr(tokens_module, "markdown", lambda: Exploding())
    with pytest.raises(DeckError, match="nested too deeply"):
        parse_text("Intro paragraph.\n\n- Q?\n  - A: a\n", "deep.md")


def test_unclosed_code_fence_swallows_the_rest_of_its_answer_only() -> None:
    text = "- Q1?\n  - **Answer:** code:\n\n    ```py\n    x = 1\n- Q2?\n  - **Answer:** two\n"
    deck = parse_text(text, "fence.md").deck
    assert [q.text for q in deck.questions] == ["Q1?", "Q2?"]
    assert deck.questions[0].answer == "code:\n\n```py\nx = 1"


def test_unclosed_details_runs_to_the_end() -> None:
    text = "<details>\n<summary>What?</summary>\n\nThat.\n"
    assert [(q.text, q.answer) for q in parse_text(text, "d.md").deck.questions] == [
        ("What?", "That.")
    ]


def test_duplicate_questions_get_suffixed_ids() -> None:
    text = "- Same?\n  - A: one\n- Same?\n  - A: two\n"
    first, second = parse_text(text, "dup.md").deck.questions
    assert second.id == f"{first.id}-2"


def test_nul_and_control_characters_do_not_crash() -> None:
    text = "- Q\x00?\n  - **Answer:** A\x1b[31m.\n"
    assert len(parse_text(text, "ctl.md").deck.questions) == 1
