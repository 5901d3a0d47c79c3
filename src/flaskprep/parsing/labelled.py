"""Labelled pairs: ``Q:``/``A:`` or ``Question:``/``Answer:``, plain or bold.

```
**Q:** What is Flask?
**A:** A microframework; the answer runs on, code and lists included,
until the next question label or heading.
```
"""

from __future__ import annotations

from collections.abc import Sequence

from flaskprep.parsing.collect import Collector
from flaskprep.parsing.labels import answer_label, question_label
from flaskprep.parsing.outline import Block, LayoutResult
from flaskprep.parsing.source import Source

LAYOUT = "labelled"


def read_labelled(blocks: Sequence[Block], source: Source) -> LayoutResult:
    collector = Collector(source, LAYOUT)
    for block in blocks:
        if block.kind == "heading":
            collector.heading(block)
        elif block.kind == "paragraph":
            _paragraph(block, collector)
        else:
            collector.add(block)
    return collector.result()


def _paragraph(block: Block, collector: Collector) -> None:
    """Each line may open a question or an answer; other lines run on."""
    for kind, line, text in _segments(block):
        if kind == "question":
            collector.question(text, line)
        elif kind == "answer":
            collector.answer(text, line)
        else:
            collector.add_text(text)


def _segments(block: Block) -> list[tuple[str, int, str]]:
    """``(kind, line, text)`` runs of a paragraph, split where a label starts a line."""
    runs: list[tuple[str, int, list[str]]] = []
    for offset, line in enumerate(block.text.split("\n")):
        question = question_label(line)
        label = answer_label(line) if question is None else None
        if question is not None:
            runs.append(("question", block.start + offset + 1, [question]))
        elif label is not None:
            runs.append(("answer", block.start + offset + 1, [line[label.end() :]]))
        elif runs:
            runs[-1][2].append(line)
        else:
            runs.append(("text", block.start + offset + 1, [line]))
    return [(kind, line, "\n".join(lines).strip()) for kind, line, lines in runs]
