"""Line-by-line checks for lint: question-like lines no layout took (dropped, or taken
into an answer), unclosed fences."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from flaskprep.parsing.bold import bold_question
from flaskprep.parsing.labels import asks_outright, looks_like_question, question_label
from flaskprep.parsing.outline import Problem

_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})(.*)")
_PREFIX = re.compile(r"[ \t]*(?:(?:[-+*]|\d{1,9}[.)]|>)[ \t]+)*")
_HEADING = re.compile(r"[ \t]{0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*")
_BOLD_ENDS = ("**", "__", "**:", "__:", "**.", "__.")
UNRECOGNISED = "question-like line not read as a question (dropped)"
SWALLOWED = "question-like line read as part of the answer to line {line}"


class Answers:
    """Which question's answer a line falls in: the nearest item above it, if a question."""

    def __init__(self, taken: Sequence[int], answers: dict[int, str]) -> None:
        self.taken = sorted(taken)
        self.answers = answers

    def owner(self, number: int, text: str) -> int | None:
        """The question line whose answer holds ``text`` at line ``number``, else ``None``."""
        position = bisect_left(self.taken, number) - 1
        if position < 0:
            return None
        line = self.taken[position]
        answer = self.answers.get(line)
        return line if answer and text.strip() in answer else None


def scan_problems(lines: Sequence[str], answers: Answers) -> list[Problem]:
    """Findings for lines outside code fences (``answers`` knows every line already read)."""
    taken = set(answers.taken)
    problems: list[Problem] = []
    fence: tuple[str, int] | None = None
    for number, line in enumerate(lines, start=1):
        bare = line.lstrip(" >-*+\t")
        match = _FENCE.match(bare) if bare[:3] in ("```", "~~~") else None
        if fence is not None:
            if match and match.group(1).startswith(fence[0]) and not match.group(2).strip():
                fence = None
        elif match and not (match.group(1)[0] == "`" and "`" in match.group(2)):
            fence = (match.group(1), number)
        elif number not in taken and (_question_like(line) or _plain_question(line)):
            owner = answers.owner(number, _PREFIX.sub("", line, count=1))
            if owner is not None:
                if _outright(line):  # "### How to Build an Image" titles a part of it
                    problems.append(Problem(number, SWALLOWED.format(line=owner), "warning"))
            elif not _plain_question(line):
                problems.append(Problem(number, UNRECOGNISED, "warning"))
    if fence is not None:
        message = "code fence is never closed (the rest of the deck reads as code)"
        problems.append(Problem(fence[1], message, "warning"))
    return problems


def _plain_question(line: str) -> bool:
    """A line of its own asking something: ``What is Z?`` after an answer."""
    if not line.rstrip().endswith("?") or len(line) > 200 or line.startswith((" " * 4, "\t")):
        return False
    prefix = _PREFIX.match(line)
    text = line[prefix.end() :] if prefix else line
    # It must open with a question word or label: "- Hardware monitoring?" is a list item.
    opening = text.rstrip().rstrip("?")
    return looks_like_question(opening) and not text.startswith(("|", "<", "`", "["))


def _outright(line: str) -> bool:
    """Whether the line's text ends with ``?`` or carries a question label."""
    heading = _HEADING.fullmatch(line)
    text = heading.group(1) if heading else _PREFIX.sub("", line, count=1)
    return asks_outright(text.strip().strip("*_:. ").strip())


def _question_like(line: str) -> bool:
    # Cheap tests first: most lines of a big deck are plain text.
    lead = line.lstrip(" \t>-+*0123456789.)")[:1]
    bold = line.rstrip().endswith(_BOLD_ENDS)
    if lead not in ("#", "Q", "q") and not bold:
        return False
    heading = _HEADING.fullmatch(line)
    if heading:
        return looks_like_question(heading.group(1))
    prefix = _PREFIX.match(line)
    text = line[prefix.end() :] if prefix else line
    return (bold and bold_question(text) is not None) or bool(question_label(text))
