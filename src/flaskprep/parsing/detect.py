"""Pick the layout that reads the most questions out of a deck."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from flaskprep.parsing.bullets import read_bullets
from flaskprep.parsing.outline import Block, LayoutResult
from flaskprep.parsing.source import Source

Reader = Callable[[Sequence[Block], Source], LayoutResult]

# Most specific first: on a tie the earlier reader wins.
READERS: tuple[Reader, ...] = (read_bullets,)


def best_layout(blocks: Sequence[Block], source: Source) -> LayoutResult:
    """The reading with the most answered questions, then the most questions."""
    best: LayoutResult | None = None
    best_score = (-1, -1)
    for reader in READERS:
        result = reader(blocks, source)
        score = _score(result)
        if score > best_score:
            best, best_score = result, score
    assert best is not None
    return best


def _score(result: LayoutResult) -> tuple[int, int]:
    questions = result.questions
    return sum(1 for q in questions if q.answer), len(questions)
