"""A deck written back out in the seed's layout (export reuses it).

Parsing the output gives the same sections, questions and answers: question
continuation lines are indented under their bullet, answers under theirs.
"""

from __future__ import annotations

import re

from flaskprep.model import Deck, Question, Section

# Only a run of three backticks or tildes opens a code fence: a question such as
# "`url_for` vs redirect?" must be written as it is.
_BLOCK_START = re.compile(r"[-+*>#<|=]|`{3}|~{3}|\d{1,9}[.)]|\s")
_SLUG_DROP = re.compile(r"[^\w\- ]+")


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
    text = _indent(_escape_start(question.text.strip()), "  ")
    answer = question.answer.strip()
    # After the label the answer's first line is mid-line, so it needs no escaping.
    label = f"  - **Answer:** {_indent(answer, '    ')}" if answer else "  - **Answer:**"
    return [f"- {text}", label]


def _indent(text: str, prefix: str) -> str:
    """Lines after the first indented by ``prefix`` (blank lines left empty)."""
    first, *rest = text.split("\n")
    return "\n".join([first, *(prefix + line if line.strip() else "" for line in rest)])


def _escape_start(text: str) -> str:
    return "\\" + text if _BLOCK_START.match(text) else text


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _link_text(text: str) -> str:
    return _one_line(text).replace("[", "\\[").replace("]", "\\]")


def _link_url(url: str) -> str:
    return f"<{url}>" if any(c in url for c in " ()<>") else url


def _slug(label: str) -> str:
    return _SLUG_DROP.sub("", label.strip().lower()).replace(" ", "-")
