"""A deck written back out in the seed's layout (export reuses it).

Parsing the output gives the same sections, questions and answers: question
continuation lines are indented under their bullet, answers under theirs.
"""

from __future__ import annotations

import re

from flaskprep.model import Deck, Question, Section

# Only a run of three backticks or tildes opens a code fence: a question such as
# "`url_for` vs redirect?" must be written as it is.
_BLOCK_START = re.compile(
    r"(?:[-+*]|#{1,6}|\d{1,9}[.)])(?:[ \t]|$)"  # a list item or heading
    r"|([-*_])(?:[ \t]*\1){2,}[ \t]*(?:\n|$)"  # a rule
    r"|[><|]|`{3}|~{3}|\s"
)
# Only what Markdown itself drops around a paragraph: "\x1f" or "\xa0" is kept.
_BLANK = " \t\n"
_SLUG_DROP = re.compile(r"[^\w\- ]+")
# A line a list item of that marker could start on, inside a question's bullet.
_LIST_ITEM = {m: re.compile(rf"[ \t>]*\{m}(?:[ \t]|$)") for m in "-*+"}


def to_seed_markdown(deck: Deck) -> str:
    lines = [f"# {_one_line(deck.title)}", ""]
    if len(deck.sections) > 1:
        lines += ["## Table of Contents", *_contents(deck.sections), "", "---", ""]
    for section in deck.sections:
        lines += [f"## {_one_line(section.label)}"]
        for question in section.questions:
            lines += _question_lines(question)
        lines.append("")
    if deck.resources:
        lines += ["---", "", "### Additional Resources"]
        lines += [f"- [{_link_text(r.title)}]({_link_url(r.url)})" for r in deck.resources]
    return "\n".join(lines).rstrip("\n") + "\n"


def _contents(sections: tuple[Section, ...]) -> list[str]:
    return [
        f"{index}. [{_link_text(s.title)}](#{_slug(s.label)})"
        for index, s in enumerate(sections, start=1)
    ]


def _question_lines(question: Question) -> list[str]:
    text = _escape_start(question.text.strip(_BLANK))
    marker = _answer_marker(text)
    return [f"- {_indent(text, '  ')}", *_answer_lines(question.answer.strip(_BLANK), marker)]


def _answer_marker(text: str) -> str:
    """``-``, unless the question holds a list of that marker the answer bullet would join."""
    rest = text.split("\n")[1:]
    for marker in "-*+":
        if not any(_LIST_ITEM[marker].match(line) for line in rest):
            return marker
    return "-"


def _answer_lines(answer: str, marker: str) -> list[str]:
    label = f"  {marker} **Answer:**"
    if not answer:
        return [label]
    if "\n" not in answer:
        # After the label a one-line answer is mid-line, so it needs no escaping.
        return [f"{label} {answer}"]
    # A longer answer goes below the label, after a blank line, so that none of
    # its lines (``=``, ``---``, a list) can change what the label line is.
    return [label, "", "    " + _indent(answer, "    ")]


def _indent(text: str, prefix: str) -> str:
    """Lines after the first indented by ``prefix`` (empty lines left empty)."""
    first, *rest = text.split("\n")
    return "\n".join([first, *(prefix + line if line else "" for line in rest)])


def _escape_start(text: str) -> str:
    return "\\" + text if _BLOCK_START.match(text) else text


def _one_line(text: str) -> str:
    # A title is one line; one that already is keeps its inner spaces as they are.
    return " ".join(text.split()) if "\n" in text else text.strip(_BLANK)


def _link_text(text: str) -> str:
    return _one_line(text).replace("[", "\\[").replace("]", "\\]")


def _link_url(url: str) -> str:
    return f"<{url}>" if any(c in url for c in " ()<>") else url


def _slug(label: str) -> str:
    return _SLUG_DROP.sub("", label.strip().lower()).replace(" ", "-")
