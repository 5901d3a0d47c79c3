"""The three layouts real decks use that 0.1 misread: details in the wild, deep answer
headings, quoted or labelled question bullets. One behaviour per test."""

from __future__ import annotations

from flaskprep.parsing import parse_text
from flaskprep.parsing.outline import ParseResult


def parse(text: str) -> ParseResult:
    return parse_text(text, "decks/wild.md")


def pairs(text: str) -> list[tuple[str, str]]:
    return [(q.text, q.answer) for q in parse(text).deck.questions]


def sections(text: str) -> list[tuple[str, list[str]]]:
    return [(s.title, [q.text for q in s.questions]) for s in parse(text).deck.sections]


# --- <details> in the wild ----------------------------------------------------------------


def test_headings_inside_a_closed_details_answer_belong_to_it() -> None:
    text = (
        "###### 1. What's the output?\n\n```js\nf()\n```\n\n"
        "<details><summary><b>Answer</b></summary>\n<p>\n\n#### Answer: D\n\nHoisting.\n\n"
        "</p>\n</details>\n\n---\n\n###### 2. What's the output?\n\nx\n"
    )
    deck = parse(text).deck
    assert [q.text for q in deck.questions] == ["What's the output?", "What's the output?"]
    assert "#### Answer: D" in deck.questions[0].answer
    assert len(deck.sections) == 1


def test_details_closed_after_a_list_ends_there_and_the_next_one_is_read() -> None:
    text = (
        "<details>\n<summary>What are the limits of X?</summary><br><b>\n\n"
        "* Slow\n* Old\n</b></details>\n\n"
        "<details>\n<summary>What is Y?</summary><br><b>\n\nY.\n</b></details>\n"
    )
    assert [q for q, _ in pairs(text)] == ["What are the limits of X?", "What is Y?"]


def test_multi_line_summary_keeps_its_options_in_the_question() -> None:
    text = (
        "<details>\n<summary>Explain the following:\n\n- Job\n- Build</summary><br><b>\n"
        "- Job is what to run\n- Build is one run\n</b></details>\n"
    )
    [(question, answer)] = pairs(text)
    assert question.startswith("Explain the following:")
    assert "- Build" in question
    assert answer.startswith("- Job is what to run")


def test_details_without_an_answer_is_kept_unanswered() -> None:
    text = (
        "<details>\n<summary>What is X?</summary><br><b>\n</b></details>\n\n"
        "<details>\n<summary>What is Y?</summary><br><b>\n\nY.\n</b></details>\n"
    )
    assert pairs(text) == [("What is X?", ""), ("What is Y?", "Y.")]


def test_html_around_a_details_answer_is_dropped() -> None:
    text = "<details>\n<summary>What is X?</summary><br><b>\n\nIt is X.\n</b></details>\n"
    assert pairs(text) == [("What is X?", "It is X.")]


def test_details_holding_details_questions_is_a_section() -> None:
    text = (
        "## DevOps\n\n<details>\n  <summary><h3>Linux</h3></summary>\n\n<br>\n\n"
        "<details>\n<summary>What is Linux?</summary>\n\nA kernel.\n</details>\n\n"
        "</details>\n\n<details>\n  <summary><h3>Git</h3></summary>\n\n"
        "<details>\n<summary>What is Git?</summary>\n\nA VCS.\n</details>\n\n</details>\n"
    )
    assert sections(text) == [("Linux", ["What is Linux?"]), ("Git", ["What is Git?"])]
    assert pairs(text)[0] == ("What is Linux?", "A kernel.")


def test_details_holding_only_a_table_of_links_is_no_question() -> None:
    text = (
        "<details open>\n<summary>\nHide/Show table of contents\n</summary>\n\n"
        "| No. | Questions |\n| --- | --- |\n| 1 | [What is X?](#x) |\n\n</details>\n\n"
        "### What is X?\n\nX.\n"
    )
    assert [q for q, _ in pairs(text)] == ["What is X?"]


# --- heading questions whose answers have headings ------------------------------------------


DJANGO_LIKE = """# Top Django Questions

#### You can also find all answers here [Site](https://example.com)

## 1. What is _Django_ and what are its key features?

**Django** is a web framework.

### Key Features

- ORM

## 2. What is a _database migration_?

Migrations change the schema.

### Why Use Migrations?

They are versioned.

```python
# a comment, not a heading
class Migration: ...
```

#### When to Use

Always.
"""


def test_deeper_headings_in_an_answer_are_part_of_it() -> None:
    questions = parse(DJANGO_LIKE).deck.questions
    assert [q.text for q in questions] == [
        "What is _Django_ and what are its key features?",
        "What is a _database migration_?",
    ]
    assert "### Why Use Migrations?" in questions[1].answer
    assert "#### When to Use" in questions[1].answer


def test_promotional_heading_above_the_questions_is_no_section() -> None:
    deck = parse(DJANGO_LIKE).deck
    assert [(s.title, len(s.questions)) for s in deck.sections] == [("Top Django Questions", 2)]


def test_deeper_heading_numbered_like_the_questions_is_a_question() -> None:
    text = (
        "## Question 1. What is X?\n\nX.\n\n### Ref Link:\n\n[x](https://x)\n\n"
        "## Question 2. What is Y?\n\nY.\n\n### 3. How to do Z?\n\nZ.\n"
    )
    assert [q for q, _ in pairs(text)] == ["What is X?", "What is Y?", "How to do Z?"]


def test_question_label_alone_under_a_heading_introduces_its_text() -> None:
    text = (
        "#### What is the equivalent of this?\n\nQuestion:\n\n```\nx\n```\n\n"
        "Answer:\n\n```\ny\n```\n\n#### What is Z?\n\nZ.\n"
    )
    questions = parse(text).deck.questions
    assert [q.text.split("\n")[0] for q in questions] == [
        "What is the equivalent of this?",
        "What is Z?",
    ]
    assert questions[0].answer == "```\ny\n```"


def test_bold_lead_in_ending_with_a_colon_is_no_question() -> None:
    text = "### What is X?\n\nX is x.\n\n**When to use:**\n1. Often.\n\n### What is Y?\n\nY.\n"
    assert [q for q, _ in pairs(text)] == ["What is X?", "What is Y?"]


# --- quoted or labelled question bullets -----------------------------------------------------


def test_quoted_question_bullets_under_a_label_bullet_are_read() -> None:
    text = (
        "### Data Structures\n- Lists\n- Tuples\n"
        "* **Interview Questions:**\n"
        '    * "Explain the differences between lists and tuples."\n'
        "      - Answer: Lists are mutable.\n"
        '    * "When would you use a set?"\n'
        "      - Answer: For membership tests.\n"
    )
    assert pairs(text) == [
        ("Explain the differences between lists and tuples.", "Lists are mutable."),
        ("When would you use a set?", "For membership tests."),
    ]


def test_bold_q_bullets_with_bold_a_answers_drop_their_labels() -> None:
    text = (
        "### Sample Interview Questions\n"
        "- **Q:** How does asyncio differ from threading?\n"
        "  - **A:** One thread, an event loop.\n"
        "- **Q:** What is the event loop?\n"
        "  - **A:** It schedules coroutines.\n"
    )
    assert pairs(text) == [
        ("How does asyncio differ from threading?", "One thread, an event loop."),
        ("What is the event loop?", "It schedules coroutines."),
    ]


def test_question_label_bullets_mix_with_quoted_ones_in_one_deck() -> None:
    text = (
        "## 1. Basics\n* **Interview Questions:**\n"
        '    * "What is X?"\n      - Answer: X.\n'
        "## 2. Async\n- Question: What is Y?\n  - A: Y.\n"
    )
    assert sections(text) == [("Basics", ["What is X?"]), ("Async", ["What is Y?"])]


# --- bold and numbered questions -------------------------------------------------------------


def test_bold_numbered_prompts_are_questions() -> None:
    text = (
        "## SQL\n\nWrite SQL queries:\n\n**1)** The number of active ads.\n\n"
        "```sql\nSELECT count(*) FROM ads;\n```\n\n"
        "**2) FizzBuzz.** Print numbers from 1 to 100.\n\nfor i in ...\n"
    )
    assert [q for q, _ in pairs(text)] == [
        "The number of active ads.",
        "FizzBuzz. Print numbers from 1 to 100.",
    ]


def test_question_mark_before_an_emoji_still_asks() -> None:
    text = "## ML\n\n**In which cases is PR better than ROC? \u200d\u2b50\ufe0f**\n\nWhen rare.\n"
    assert pairs(text) == [
        ("In which cases is PR better than ROC? \u200d\u2b50\ufe0f", "When rare.")
    ]


def test_unanswered_bold_bullets_of_questions_are_kept_without_answers() -> None:
    text = (
        "### Simple Questions\n\n- <b>What did you learn this week?</b>\n"
        "- <b>Tell me about your last project.</b>\n- <b>Describe your homelab.</b>\n\n"
        "### System\n\n<details>\n<summary>What is a kernel?</summary>\nThe core.\n</details>\n"
    )
    deck = parse(text).deck
    assert [(q.text, q.answer) for q in deck.sections[0].questions] == [
        ("What did you learn this week?", ""),
        ("Tell me about your last project.", ""),
        ("Describe your homelab.", ""),
    ]


def test_one_numbered_item_ending_with_a_question_mark_is_no_question() -> None:
    text = (
        "### What is X?\n\nX.\n\n## Tips\n\n### After\n1. **Review** - What went well?\n"
        "2. **Follow up** - Thank you email\n3. **Keep practicing**\n"
    )
    assert [q for q, _ in pairs(text)] == ["What is X?"]


def test_list_items_led_by_question_headings_are_questions() -> None:
    text = (
        "## Core React\n\n1.  ### What is React?\n\n    A library.\n\n"
        "    **[⬆ Back to Top](#table-of-contents)**\n\n"
        "2.  ### What is JSX?\n\n    Syntax.\n"
    )
    assert pairs(text) == [("What is React?", "A library."), ("What is JSX?", "Syntax.")]


def test_one_word_heading_asks_nothing_without_a_question_mark() -> None:
    text = "## Q\n\n### What is X?\n\nX.\n\n## Tips\n\n### Do's\n- Listen\n\n### Don'ts\n- Rush\n"
    assert [q for q, _ in pairs(text)] == ["What is X?"]


def test_line_with_two_bold_runs_is_not_a_bold_question() -> None:
    text = (
        "### What is `is`?\n\nIdentity.\n\n#### Tips\n\n"
        "- **`==`**: Use for equality of **values**.\n"
        "- **`is`**: Use for singletons like **None**.\n"
    )
    assert [q for q, _ in pairs(text)] == ["What is `is`?"]


def test_bold_question_may_hold_double_stars() -> None:
    text = "## Functions\n\n**What are *args and **kwargs?**\n\nVariadic parameters.\n"
    assert pairs(text) == [("What are *args and **kwargs?", "Variadic parameters.")]


def test_heading_followed_by_an_answer_label_is_a_question() -> None:
    text = (
        "## 3. Algorithms\n\n### Common Interview Questions\n\n"
        '#### 1. "Implement a function to check for unique characters"\n\n'
        "**Answer:**\n```python\ndef unique(s): ...\n```\n\n"
        '#### 2. "Find the first missing positive integer"\n\n**Answer:**\nSort it.\n'
    )
    assert [q for q, _ in pairs(text)] == [
        "Implement a function to check for unique characters",
        "Find the first missing positive integer",
    ]


def test_numbered_bold_question_items_with_answer_bullets_are_read() -> None:
    text = (
        "### Fundamentals\n1. **What are the key features of Python?**\n"
        "   - Answer: Simple syntax.\n\n2. **What is PEP 8?**\n   - Answer: A style guide.\n"
    )
    assert pairs(text) == [
        ("**What are the key features of Python?**", "Simple syntax."),
        ("**What is PEP 8?**", "A style guide."),
    ]


def test_question_bullet_answered_by_a_quote_below_it() -> None:
    text = (
        "## General\n\n* What is a memory leak?\n\n   > Objects kept alive\n"
        "   > after their last use.\n\n   [source](https://example.com)\n\n"
        "* Is Java pass-by-value?\n\n   > Always.\n"
    )
    assert pairs(text) == [
        (
            "What is a memory leak?",
            "Objects kept alive\nafter their last use.\n\n[source](https://example.com)",
        ),
        ("Is Java pass-by-value?", "Always."),
    ]
