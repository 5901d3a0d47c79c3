"""One pass over a deck's blocks that reads every layout, mixed as the deck mixes them.

Each block is asked, most specific first, whether it starts a question: a list
of ``- question`` bullets with answer bullets, a ``<details>`` block, a
``Q:``/``A:`` pair, a bold question line, a question heading. Anything else
joins the answer of the open question. A question heading with no content of
its own but questions inside its region is a section heading instead.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from flaskprep.parsing.bold import bold_question, bold_text, item_question, numbered_prompt
from flaskprep.parsing.bullets import list_questions
from flaskprep.parsing.collect import Collector
from flaskprep.parsing.details import (
    DETAILS_LEVEL,
    closes_only,
    is_index,
    read_details,
    region_ends,
)
from flaskprep.parsing.headings import answer_parts, is_spacer, question_headings
from flaskprep.parsing.labelled import segments
from flaskprep.parsing.labels import (
    asks_outright,
    looks_like_question,
    strip_question_number,
    without_tags,
)
from flaskprep.parsing.outline import Block, LayoutResult, Problem, RawQuestion
from flaskprep.parsing.source import Source

# Most specific first: on a tie the earlier layout names the deck.
LAYOUTS = ("bullets", "details", "labelled", "bold", "headings")
_LISTS = ("bullet_list", "ordered_list")


def best_layout(blocks: Sequence[Block], source: Source) -> LayoutResult:
    """Headings and questions of every layout in deck order."""
    collector = Collector(source)
    ends = region_ends(blocks, source)
    inside = {i for first, end in ends.items() for i in range(first + 1, end)}
    questions = question_headings(blocks, inside, len(ends))
    parts = answer_parts(blocks, questions)
    index = 0
    while index < len(blocks):
        block = blocks[index]
        divider = block.kind == "heading" and _divides(blocks, index, questions)
        if block.kind == "heading" and index in parts and collector.open and not divider:
            collector.add(block)  # "### Example" under "### 7. What is …?": its answer's part
        elif block.kind == "heading":
            _heading(block, index in questions, collector, divider)
        elif block.kind == "paragraph":
            _paragraph(block, collector)
        elif block.kind in _LISTS:
            _list(block, source, collector)
        elif block.kind == "html":
            index = _html(blocks, index, source, collector, ends)
            continue
        else:
            collector.add(block)
        index += 1
    return collector.result(LAYOUTS)


def _heading(block: Block, question: bool, collector: Collector, divider: bool) -> None:
    level = collector.heading_level
    inside = bool(level) and block.level > level
    text = strip_question_number(without_tags(block.text)) if question else ""
    if not text:
        if inside:
            collector.add(block)
        elif divider:  # a section title the questions after it at its own level belong to
            title = without_tags(block.text).lstrip("#").strip()
            collector.mark(block.level - 1, title, block.start + 1)
        else:
            collector.heading(block)
        return
    if inside:
        collector.nested()
    collector.heading_question(text, block)


def _divides(blocks: Sequence[Block], index: int, questions: Collection[int]) -> bool:
    """Whether a heading with nothing of its own is followed by a question heading of
    its level ("## # 2. ARCHITECTURE", ``<br/>``, "## Q. How does it work?")."""
    heading = blocks[index]
    after = index + 1
    while after < len(blocks) and (blocks[after].kind == "hr" or is_spacer(blocks[after])):
        after += 1
    return (
        after < len(blocks)
        and after in questions
        and blocks[after].kind == "heading"
        and blocks[after].level == heading.level
    )


def _paragraph(block: Block, collector: Collector) -> None:
    runs = segments(block)
    kinds = {kind for kind, _, _ in runs}
    # An answer label after a heading question's own text ("Question:" + code) splits them.
    after_text = collector.kind == "headings" and collector.has_text
    labelled = collector.kind == "labelled" or (
        runs[0][0] == "answer" and (after_text or not collector.open)
    )
    if "question" in kinds or ("answer" in kinds and labelled):
        _labelled(runs, collector)
        return
    first, _, rest = block.text.partition("\n")
    question = bold_question(first)
    if question is not None and collector.kind == "headings" and not asks_outright(question):
        question = None  # "**What runs on one thread**" titles a part of the answer
    if question is None and collector.kind != "headings":
        question = numbered_prompt(first)
    if question is None:
        collector.add(block)
    else:
        collector.nested()
        collector.question(question, block.start + 1, "bold", rest)


def _labelled(runs: list[tuple[str, int, str]], collector: Collector) -> None:
    """Each line may open a question or an answer; other lines run on."""
    for kind, line, text in runs:
        if kind == "question" and not text and collector.open:
            continue  # "Question:" alone under an open question introduces its text
        if kind == "question":
            collector.nested()
            collector.question(text, line, "labelled")
        elif kind == "answer":
            collector.answer(text, line)
        else:
            collector.add_text(text)


def _list(block: Block, source: Source, collector: Collector) -> None:
    problems: list[Problem] = []
    found = list_questions(block, source, problems)
    if found or not collector.open:
        collector.problems.extend(problems)
    if found:
        collector.nested()
        for raw in found:
            collector.raw(raw, "bullets")
        return
    questions = _item_questions(block)
    if not any(questions):
        collector.add(block)
        return
    collector.nested()
    for item, question in zip(block.children, questions, strict=True):
        if question is None:
            collector.add_text(source.outdented(item.start, item.end))
        else:
            _, _, answer = source.item_body(item).partition("\n")
            collector.question(question, item.start + 1, "bold", answer)


def _item_questions(block: Block) -> list[str | None]:
    """Each item's question, if most items lead with one (else none: a list in an answer).

    Where most do, an item that is wholly bold like them is a question too.
    """
    questions = [item_question(item, block.kind) for item in block.children]
    if 2 * sum(question is not None for question in questions) < len(block.children):
        return [None] * len(questions)
    for position, item in enumerate(block.children):
        lead = item.children[0] if item.children else None
        if questions[position] is None and lead is not None and lead.kind == "paragraph":
            questions[position] = bold_text(lead.text.partition("\n")[0])
    return questions


def _html(
    blocks: Sequence[Block], index: int, source: Source, collector: Collector, ends: dict[int, int]
) -> int:
    """Index of the block after ``blocks[index]`` or after the details block it opens."""
    details = read_details(blocks, index, source, ends)
    if details is None:
        if not closes_only(blocks[index]):
            collector.add(blocks[index])
        return index + 1
    if details.nested and details.summary:
        # <details><summary>Linux</summary> holding <details> questions: a section.
        collector.nested()
        collector.mark(DETAILS_LEVEL, details.summary, details.line)
        return index + 1
    question = bool(details.summary) and (
        looks_like_question(details.summary) or not (collector.open or is_index(details.answer))
    )
    # <details><summary>Answer</summary> under an open question is its answer.
    if not question:
        for block in blocks[index : details.end]:
            collector.add(block)
        return details.end
    collector.nested()
    collector.raw(RawQuestion(details.summary, details.answer, details.line), "details")
    return details.end
