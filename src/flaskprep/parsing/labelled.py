"""Labelled pairs: ``Q:``/``A:`` or ``Question:``/``Answer:``, plain or bold.

```
**Q:** What is Flask?
**A:** A microframework; the answer runs on, code and lists included,
until the next question label or heading.
```
"""

from __future__ import annotations

from flaskprep.parsing.labels import answer_label, question_label
from flaskprep.parsing.outline import Block


def segments(block: Block) -> list[tuple[str, int, str]]:
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
