"""Pick the layout that reads the most questions out of a deck."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from flaskprep.parsing.bold import read_bold
from flaskprep.parsing.bullets import read_bullets
from flaskprep.parsing.details import read_details
from flaskprep.parsing.headings import read_headings
from flaskprep.parsing.labelled import read_labelled
from flaskprep.parsing.outline import Block, LayoutResult
from flaskprep.parsing.source import Source

Reader = Callable[[Sequence[Block], Source], LayoutResult]

# Most specific first: on a tie the earlier reader wins.
READERS: tuple[Reader, ...] = (read_bullets, read_details, read_labelled, read_bold, read_headings)


def best_layout(blocks: Sequence[Block], source: Source) -> LayoutResult:
    """The reading with the most questions; on a tie, the more specific layout."""
    best: LayoutResult | None = None
    best_score = -1
    for reader in READERS:
        result = reader(blocks, source)
        score = _score(result)
        if score > best_score:
            best, best_score = result, score
    assert best is not None
    return best


def _score(result: LayoutResult) -> int:
    return len(result.questions)
