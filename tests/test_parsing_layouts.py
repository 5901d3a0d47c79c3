"""Tiny decks, one behaviour each, for every layout the parser recognises."""

from __future__ import annotations

import pytest

from flaskprep.parsing import parse_text
from flaskprep.parsing.outline import ParseResult


def parse(text: str) -> ParseResult:
    return parse_text(text, "decks/tiny.md")


def pairs(text: str) -> list[tuple[str, str]]:
    return [(q.text, q.answer) for q in parse(text).deck.questions]


def sections(text: str) -> list[tuple[int | None, str, int]]:
    return [(s.number, s.title, len(s.questions)) for s in parse(text).deck.sections]


# --- bullets (the seed's layout) ---------------------------------------------------------------


def test_bullets_question_with_bold_answer_label() -> None:
    assert pairs("- What is Flask?\n  - **Answer:** A microframework.\n") == [
        ("What is Flask?", "A microframework.")
    ]


def test_bullets_plain_answer_label() -> None:
    assert pairs("- What is Flask?\n  - Answer: A microframework.\n") == [
        ("What is Flask?", "A microframework.")
    ]


def test_bullets_short_a_label() -> None:
    assert pairs("- What is Flask?\n  - A: A microframework.\n") == [
        ("What is Flask?", "A microframework.")
    ]


def test_bullets_layout_name() -> None:
    assert parse("- Q?\n  - **Answer:** A.\n").layout == "bullets"


def test_bullets_sections_from_numbered_headings() -> None:
    text = "## 1. Basics\n- Q1?\n  - **Answer:** A1.\n## 2. More\n- Q2?\n  - **Answer:** A2.\n"
    assert sections(text) == [(1, "Basics", 1), (2, "More", 1)]


def test_bullets_multiline_answer_keeps_code_block() -> None:
    text = "- How to start?\n  - **Answer:** Run:\n\n    ```sh\n    flask run\n    ```\n"
    assert pairs(text) == [("How to start?", "Run:\n\n```sh\nflask run\n```")]


def test_bullets_answer_with_following_sub_bullets() -> None:
    text = "- Name two hooks\n  - **Answer:** Two:\n  - before_request\n  - after_request\n"
    assert pairs(text) == [("Name two hooks", "Two:\n- before_request\n- after_request")]


def test_bullets_question_without_answer_kept_empty() -> None:
    text = "- Unanswered?\n- Answered?\n  - **Answer:** yes\n"
    assert pairs(text) == [("Unanswered?", ""), ("Answered?", "yes")]


def test_bullets_list_without_any_answer_is_not_questions() -> None:
    text = "# Deck\n\nSome notes:\n\n- one\n- two\n\n## 1. S\n- Q?\n  - **Answer:** A.\n"
    assert pairs(text) == [("Q?", "A.")]


def test_bullets_a_question_over_unlabelled_bullets_is_answered_by_them() -> None:
    text = (
        "### Basic\n* What is an object / class?\n  * Class is a blueprint for an object\n"
        "* What is JRE / JDK / JVM?\n  * JVM - runs bytecode\n  * JRE - JVM and libraries\n"
        "* Where are Strings stored?\n  * In the String pool\n"
    )
    assert pairs(text) == [
        ("What is an object / class?", "Class is a blueprint for an object"),
        ("What is JRE / JDK / JVM?", "* JVM - runs bytecode\n* JRE - JVM and libraries"),
        ("Where are Strings stored?", "In the String pool"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "## Contents\n- [What is Flask?](#what-is-flask)\n  - [Routing](#routing)\n",
        "## Notes\n- Setup\n  - install it\n  - run it\n",
    ],
)
def test_bullets_a_link_or_a_topic_over_bullets_is_no_question(text: str) -> None:
    assert pairs(text + "\n## 1. S\n- Q?\n  - **Answer:** A.\n") == [("Q?", "A.")]


def test_bullets_empty_answer_label_is_a_question_without_answer() -> None:
    assert pairs("- Q?\n  - **Answer:**\n") == [("Q?", "")]


def test_bullets_star_markers_work_too() -> None:
    assert pairs("* Q?\n    * **Answer:** A.\n") == [("Q?", "A.")]


# --- headings -----------------------------------------------------------------------------------


def test_heading_question_answer_is_content_below() -> None:
    text = "# D\n\n## What is Flask?\nA microframework.\n\nIt is small.\n"
    assert pairs(text) == [("What is Flask?", "A microframework.\n\nIt is small.")]


def test_heading_numbered_question_number_stripped() -> None:
    assert pairs("### 1. What is Flask?\nA framework.\n") == [("What is Flask?", "A framework.")]


def test_heading_question_label_stripped() -> None:
    assert pairs("# Question: What is Flask?\nA framework.\n") == [
        ("What is Flask?", "A framework.")
    ]


def test_heading_q_number_stripped() -> None:
    assert pairs("## Q3. Why Flask?\nIt is small.\n") == [("Why Flask?", "It is small.")]


def test_heading_question_word_without_question_mark() -> None:
    assert pairs("## Explain blueprints\nThey group routes.\n") == [
        ("Explain blueprints", "They group routes.")
    ]


def test_heading_answer_keeps_code_and_lists() -> None:
    text = "## How to run?\nUse:\n\n```sh\nflask run\n```\n\n- fast\n- easy\n"
    assert pairs(text) == [("How to run?", "Use:\n\n```sh\nflask run\n```\n\n- fast\n- easy")]


def test_heading_answer_label_stripped() -> None:
    assert pairs("## What is Flask?\n**Answer:** A framework.\n") == [
        ("What is Flask?", "A framework.")
    ]


def test_heading_rules_are_separators_not_content() -> None:
    text = "## What is X?\nX.\n\n---\n\n## What is Y?\nY.\n\n---\n"
    assert pairs(text) == [("What is X?", "X."), ("What is Y?", "Y.")]


def test_heading_answer_runs_over_deeper_headings() -> None:
    text = "## What is X?\nX.\n### Example\nCode.\n## What is Y?\nY.\n"
    assert pairs(text)[0] == ("What is X?", "X.\n### Example\nCode.")


def test_heading_parent_of_question_headings_is_a_section() -> None:
    text = "# Deck\n## 1. Basics\n### What is X?\nX.\n## Advanced\n### Why Y?\nY.\n"
    assert sections(text) == [(1, "Basics", 1), (None, "Advanced", 1)]


def test_heading_sibling_of_questions_with_content_is_a_question() -> None:
    text = "## What is X?\nX.\n## Blueprints\nThey group routes.\n"
    assert pairs(text) == [("What is X?", "X."), ("Blueprints", "They group routes.")]


def test_heading_introduction_is_not_a_question() -> None:
    text = "# Deck\n## Introduction\nWelcome.\n## What is X?\nX.\n## Why Y?\nY.\n"
    assert [q for q, _ in pairs(text)] == ["What is X?", "Why Y?"]


def test_heading_contents_list_is_not_a_question() -> None:
    text = "# Deck\n## Contents\n1. [X](#x)\n## What is X?\nX.\n"
    assert [q for q, _ in pairs(text)] == ["What is X?"]


def test_heading_empty_answer_kept() -> None:
    assert pairs("## What is X?\n## What is Y?\nY.\n") == [("What is X?", ""), ("What is Y?", "Y.")]


def test_heading_layout_name() -> None:
    assert parse("## What is X?\nX.\n").layout == "headings"


# --- bold and numbered ----------------------------------------------------------------------


def test_bold_paragraph_question() -> None:
    text = "**What is Flask?**\n\nA microframework.\n"
    assert pairs(text) == [("What is Flask?", "A microframework.")]


def test_bold_q_number_stripped() -> None:
    assert pairs("**Q1. What is Flask?**\n\nA framework.\n") == [("What is Flask?", "A framework.")]


def test_bold_answer_on_next_line_of_same_paragraph() -> None:
    assert pairs("**What is Flask?**\nA framework.\n") == [("What is Flask?", "A framework.")]


def test_bold_numbered_list_item_question() -> None:
    text = "1. **What is Flask?**\n   A framework.\n2. **What is WSGI?**\n   An interface.\n"
    assert pairs(text) == [("What is Flask?", "A framework."), ("What is WSGI?", "An interface.")]


def test_bold_answer_runs_until_next_question() -> None:
    text = "**What is X?**\n\nX.\n\n```py\nx = 1\n```\n\n**What is Y?**\n\nY.\n"
    assert pairs(text) == [("What is X?", "X.\n\n```py\nx = 1\n```"), ("What is Y?", "Y.")]


def test_bold_answer_stops_at_heading() -> None:
    text = "**What is X?**\n\nX.\n\n## Next\n\nNot an answer.\n"
    assert pairs(text) == [("What is X?", "X.")]


def test_bold_text_that_is_not_a_question_stays_in_the_answer() -> None:
    text = "**What is X?**\n\n**Note**\n\nX.\n"
    assert pairs(text) == [("What is X?", "**Note**\n\nX.")]


def test_bold_layout_name() -> None:
    assert parse("**What is X?**\n\nX.\n").layout == "bold"


# --- labelled pairs ---------------------------------------------------------------------------


def test_labelled_q_and_a_lines() -> None:
    assert pairs("Q: What is Flask?\nA: A framework.\n") == [("What is Flask?", "A framework.")]


def test_labelled_question_answer_words() -> None:
    text = "Question: What is Flask?\n\nAnswer: A framework.\n"
    assert pairs(text) == [("What is Flask?", "A framework.")]


def test_labelled_bold_labels() -> None:
    text = "**Q:** What is Flask?\n\n**A:** A framework.\n"
    assert pairs(text) == [("What is Flask?", "A framework.")]


def test_labelled_bold_question_label_word() -> None:
    text = "**Question:** What is Flask?\n**Answer:** A framework.\n"
    assert pairs(text) == [("What is Flask?", "A framework.")]


def test_labelled_answer_runs_on_over_code_and_lists() -> None:
    text = "Q: How to run?\nA: Like this:\n\n```sh\nflask run\n```\n\n- fast\n\nQ: Next?\nA: Yes.\n"
    assert pairs(text) == [
        ("How to run?", "Like this:\n\n```sh\nflask run\n```\n\n- fast"),
        ("Next?", "Yes."),
    ]


def test_labelled_setext_headings_are_sections() -> None:
    text = "Basics\n======\n\nQ: What?\nA: That.\n\nMore\n----\n\nQ: Why?\nA: Because.\n"
    assert sections(text) == [(None, "Basics", 1), (None, "More", 1)]


def test_labelled_answer_without_question_is_an_error() -> None:
    result = parse("A: orphan\n\nQ: Real?\nA: Yes.\n")
    assert [(q.text, q.answer) for q in result.deck.questions] == [("Real?", "Yes.")]
    assert ("answer without a question", "error", 1) in [
        (p.message, p.severity, p.line) for p in result.problems
    ]


def test_labelled_layout_name() -> None:
    assert parse("Q: What?\nA: That.\n").layout == "labelled"


# --- details blocks ---------------------------------------------------------------------------


def test_details_one_line() -> None:
    text = "<details><summary>What is Flask?</summary>A framework.</details>\n"
    assert pairs(text) == [("What is Flask?", "A framework.")]


def test_details_answer_spans_markdown_blocks() -> None:
    text = (
        "<details>\n<summary>How to run?</summary>\n\nUse:\n\n```sh\nflask run\n```\n</details>\n"
    )
    assert pairs(text) == [("How to run?", "Use:\n\n```sh\nflask run\n```")]


def test_details_bold_summary_tags_stripped() -> None:
    text = "<details><summary><b>What is X?</b></summary>X.</details>\n"
    assert pairs(text) == [("What is X?", "X.")]


def test_details_strong_summary_tags_stripped() -> None:
    text = "<details><summary><strong>What is X?</strong></summary>X.</details>\n"
    assert pairs(text) == [("What is X?", "X.")]


def test_details_unclosed_ends_at_next_heading() -> None:
    text = "## S\n<details>\n<summary>What is X?</summary>\n\nX.\n\n## T\n\nOther.\n"
    assert pairs(text) == [("What is X?", "X.")]


def test_details_question_line_is_the_summary_line() -> None:
    text = "# D\n\n<details>\n<summary>What is X?</summary>\n\nX.\n</details>\n"
    assert parse(text).deck.questions[0].line == 4


def test_details_layout_name() -> None:
    assert parse("<details><summary>Q?</summary>A.</details>\n").layout == "details"


# --- sections, titles, resources, detection ----------------------------------------------


def test_questions_before_any_heading_go_under_the_deck_title() -> None:
    result = parse("- Q?\n  - **Answer:** A.\n")
    assert result.deck.title == "tiny"
    assert [(s.number, s.title) for s in result.deck.sections] == [(None, "tiny")]


def test_deck_title_is_the_first_level_one_heading() -> None:
    assert parse("# My Deck\n\n- Q?\n  - **Answer:** A.\n").deck.title == "My Deck"


def test_unnumbered_heading_with_questions_is_a_section_without_number() -> None:
    assert sections("## Basics\n- Q?\n  - **Answer:** A.\n") == [(None, "Basics", 1)]


def test_headings_without_questions_are_dropped() -> None:
    text = "## Intro\nHello.\n## 1. S\n- Q?\n  - **Answer:** A.\n## Outro\n"
    assert sections(text) == [(1, "S", 1)]


def test_positions_are_one_based_within_each_section() -> None:
    text = "## 1. S\n- A?\n  - **Answer:** a\n- B?\n  - **Answer:** b\n## 2. T\n- C?\n  - A: c\n"
    deck = parse(text).deck
    assert [(q.section_index, q.position) for q in deck.questions] == [(0, 1), (0, 2), (1, 1)]


def test_resources_heading_links_are_resources_not_questions() -> None:
    text = (
        "## What is X?\nX.\n\n## References\n- [Flask](https://flask.palletsprojects.com/)\n"
        "- [Docs](https://example.org/docs)\n"
    )
    result = parse(text)
    assert [q.text for q in result.deck.questions] == ["What is X?"]
    assert [(r.title, r.url) for r in result.deck.resources] == [
        ("Flask", "https://flask.palletsprojects.com/"),
        ("Docs", "https://example.org/docs"),
    ]


def test_further_reading_heading_counts_as_resources() -> None:
    text = "- Q?\n  - A: a\n\n## Further reading\n\nSee [Flask](https://f.example/).\n"
    assert [r.url for r in parse(text).deck.resources] == ["https://f.example/"]


def test_question_about_resources_is_still_a_question() -> None:
    assert [q for q, _ in pairs("## What resources help?\nDocs.\n")] == ["What resources help?"]


def test_detection_prefers_the_layout_with_more_questions() -> None:
    text = "## What is X?\n**What is Y?**\n\nY.\n\n**What is Z?**\n\nZ.\n"
    assert parse(text).layout == "bold"


def test_no_questions_gives_an_empty_deck_and_an_error_problem() -> None:
    result = parse("# Notes\n\nJust prose.\n")
    assert result.deck.questions == ()
    assert result.layout == "none"
    assert [(p.line, p.severity) for p in result.problems] == [(1, "error")]
    assert "no questions found" in result.problems[0].message


# --- checkbox quizzes -----------------------------------------------------------------------------

QUIZ = """# AWS

#### Q1. Which database stores key-value pairs?

- [ ] Aurora
- [ ] Neptune
- [x] DynamoDB

[Reference](https://aws.amazon.com/dynamodb/)

#### Q2. Which services build a CI/CD pipeline?

- [ ] CodePipeline
- [ ] CodeBuild
- [x] All of the above

#### Q3. Which are serverless?

- [x] Lambda
- [ ] EC2
  on instances you manage
- [x] Fargate

#### Q4. Which is a relational engine?

- [ ] Redis
- [x] None of the above
"""


def test_a_checkbox_quiz_answer_is_its_ticked_option() -> None:
    answers = [answer for _, answer in pairs(QUIZ)]
    assert answers[0] == "DynamoDB\n\n[Reference](https://aws.amazon.com/dynamodb/)"
    assert answers[1] == "- CodePipeline\n- CodeBuild"  # "All of the above" lists them
    assert answers[2] == "- Lambda\n- Fargate"
    assert answers[3] == "- [ ] Redis\n- [x] None of the above"  # kept: it points at others


def test_a_checkbox_quiz_keeps_its_unticked_options_as_the_questions_own_choices() -> None:
    choices = [q.choices for q in parse(QUIZ).deck.questions]
    assert choices[0] == ("Aurora", "Neptune")
    assert choices[1] == ()  # under "All of the above" every other option is right
    assert choices[2] == ("EC2 on instances you manage",)
    assert choices[3] == ()


def test_a_task_list_without_a_tick_is_an_answer_as_written() -> None:
    text = "## How do you ship a release?\n\n- [ ] tag it\n- [ ] push the tag\n"
    assert pairs(text) == [("How do you ship a release?", "- [ ] tag it\n- [ ] push the tag")]


# --- dividers and parts of answers in heading decks ----------------------------------------------

DIVIDED = """# Node.js

## # 1. INTRODUCTION

<br/>

## Q. Is Node.js single-threaded?

**No**, not entirely. Here is the picture:

**What runs on a single thread**

- your JavaScript and its callbacks

### Why It Exists

Blocking work goes to the libuv pool.

## # 2. ARCHITECTURE

<br/>

## Q. What is libuv?

The C library behind the event loop.
"""


def test_an_empty_heading_over_question_headings_of_its_level_is_their_section() -> None:
    assert sections(DIVIDED) == [(1, "INTRODUCTION", 1), (2, "ARCHITECTURE", 1)]


def test_a_bold_line_or_heading_that_asks_nothing_outright_stays_in_the_answer() -> None:
    (first, answer), second = pairs(DIVIDED)
    assert first == "Is Node.js single-threaded?"
    assert "**What runs on a single thread**" in answer and "### Why It Exists" in answer
    assert answer.endswith("Blocking work goes to the libuv pool.")
    assert second == ("What is libuv?", "The C library behind the event loop.")


def test_numbered_coding_exercises_are_questions() -> None:
    text = (
        "### 1. Write a function to reverse a string\n\n```js\n[...s].reverse()\n```\n\n"
        "### 2. Find the largest number in an array\n\n`Math.max(...a)`\n"
    )
    assert [q for q, _ in pairs(text)] == [
        "Write a function to reverse a string",
        "Find the largest number in an array",
    ]


def test_a_numbered_heading_among_numbered_questions_is_one_even_unanswered() -> None:
    text = (
        "## Questions\n\n#### 8) What is a stride?\n\nThe step of the kernel.\n\n"
        "#### 9) Implement connected components on a matrix.\n\n\n"
        "#### 10) Build a sparse matrix class.\n\nStore the non-zero cells.\n"
    )
    assert pairs(text)[1] == ("Implement connected components on a matrix.", "")
    assert sections(text) == [(None, "Questions", 3)]


def test_numbered_tutorial_steps_are_no_questions() -> None:
    text = "# Setup\n\n## 1. Install Python\n\nGet 3.12.\n\n## 2. Create a venv\n\nRun it.\n"
    assert parse(text).deck.questions == ()


def test_a_bullet_asking_for_a_difference_or_a_name_is_answered_by_its_bullets() -> None:
    text = (
        "### Collections\n* Difference between ArrayList and LinkedList\n"
        "  * ArrayList is backed by an array\n  * LinkedList is doubly linked\n"
        "* Name the four access modifiers\n  * public, protected, package-private, private\n"
        "* Predict the output\n  * 1 prints foo; 2 prints foobar\n"
    )
    assert [q for q, _ in pairs(text)] == [
        "Difference between ArrayList and LinkedList",
        "Name the four access modifiers",
        "Predict the output",
    ]


def test_a_further_reading_heading_inside_a_details_answer_ends_with_it() -> None:
    text = (
        "# Vue\n\n<details>\n<summary><strong>11. How do you cache in Vue?</strong></summary>\n\n"
        "Use HTTP headers.\n\n### Further Reading:\n- [SWR](https://swr.vercel.app/)\n</details>\n\n"
        "<details>\n<summary><strong>15. What are mixins?</strong></summary>\n\n"
        "Reusable pieces of components.\n</details>\n"
    )
    assert [q for q, _ in pairs(text)] == ["How do you cache in Vue?", "What are mixins?"]


def test_a_label_after_a_number_or_an_emoji_is_no_part_of_the_question() -> None:
    text = (
        "#### Processes\n\n**3. Q: What is a context switch?**\n"
        "*   **A:** Saving one process's state and loading another's.\n\n"
        "### 🔹 Q4: Can destructors be virtual?\n\nYes, and they should be.\n"
    )
    assert pairs(text) == [
        ("What is a context switch?", "Saving one process's state and loading another's."),
        ("Can destructors be virtual?", "Yes, and they should be."),
    ]


def test_unnumbered_headings_among_numbered_questions_are_parts_of_an_answer() -> None:
    text = (
        "### 6. Why Spring Boot?\n\nIt starts fast.\n\n### Example\n\nA tiny app.\n\n"
        "### 7. Spring vs Spring Boot?\n\n### Spring -\nLoose coupling.\n\n### Summary\n\nBoth.\n"
    )
    assert pairs(text) == [
        ("Why Spring Boot?", "It starts fast.\n\n### Example\n\nA tiny app."),
        ("Spring vs Spring Boot?", "### Spring -\nLoose coupling.\n\n### Summary\n\nBoth."),
    ]


def test_a_link_to_the_answer_elsewhere_is_no_answer_and_a_source_line_is_dropped() -> None:
    text = (
        "## Q5: Explain migrations ⭐⭐\n\n**Answer:**\n\nVersion control for the schema.\n\n"
        "🔗 **Source:** [example.com](http://example.com/)\n\n"
        "## Q16: How to roll back one migration? ⭐⭐⭐\n\n See 👉 **[Answer](https://x.io/a)**\n\n"
        "## Q17: Which queue driver?\n\nUse [Redis](https://redis.io).\n"
    )
    assert [a for _, a in pairs(text)] == [
        "Version control for the schema.",
        "",
        "Use [Redis](https://redis.io).",
    ]


def test_an_answer_written_as_html_reads_as_its_text() -> None:
    text = (
        "## 2. What must hold to exploit session fixation?\n\n"
        '<div class="answer"><button class="toggle">Show/Hide Answer</button>'
        '<div class="hidden">The two criteria are:\n<ol>\n<li>The attacker sets the '
        "victim&#39;s token.</li>\n<li>The app keeps it after <code>login()</code>.</li>\n"
        "</ol></div></div>\n"
    )
    assert pairs(text) == [
        (
            "What must hold to exploit session fixation?",
            "The two criteria are:\n\n- The attacker sets the victim's token.\n\n"
            "- The app keeps it after `login()`.",
        )
    ]


def test_a_heading_without_the_q_label_among_labelled_questions_is_part_of_an_answer() -> None:
    text = (
        "## Q. What is an EventEmitter?\n\nAn object that emits named events.\n\n"
        "## Key Methods\n\n- on\n- emit\n\n## Q. What is a stream?\n\nData in chunks.\n"
    )
    assert pairs(text) == [
        (
            "What is an EventEmitter?",
            "An object that emits named events.\n\n## Key Methods\n\n- on\n- emit",
        ),
        ("What is a stream?", "Data in chunks."),
    ]


def test_html_text_keeps_what_markdown_would_read_as_marks() -> None:
    text = "## 1. Which payload tests for SSTI?\n\n<div><p>Try ${7*7} and &lt;b&gt;</p></div>\n"
    ((_, answer),) = pairs(text)
    assert answer == "Try ${7\\*7} and \\<b\\>"


def test_a_promotion_footer_is_no_part_of_the_last_answer() -> None:
    text = (
        "## 15. How do containers talk to each other?\n\nBy name on one network.\n<br>\n\n"
        "#### Explore all 55 answers here 👉 [Devinterview.io - Docker](https://x.io/d)\n\n"
        '<br>\n\n<a href="https://x.io/">\n<img src="https://x.io/a.png" alt="a">\n</a>\n</p>\n'
    )
    assert pairs(text) == [("How do containers talk to each other?", "By name on one network.")]
