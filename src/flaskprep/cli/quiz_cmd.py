"""``flaskprep quiz``: the daily drill."""

from __future__ import annotations

from typing import Annotated

from flaskprep.cli import quiz_run
from flaskprep.cli.app import app, typer_option
from flaskprep.cli.completion import Sections
from flaskprep.cli.options import QUIZ_COUNT, QUIZ_CRAM, QUIZ_MODE, QUIZ_SEED, SECTION
from flaskprep.learn.modes import QuizMode


@app.command(short_help="Drill due questions with spaced repetition.")
def quiz(
    mode: Annotated[QuizMode | None, typer_option(QUIZ_MODE)] = None,
    count: Annotated[int | None, typer_option(QUIZ_COUNT)] = QUIZ_COUNT.default,
    section: Sections = SECTION.default,
    cram: Annotated[bool, typer_option(QUIZ_CRAM)] = QUIZ_CRAM.default,
    seed: Annotated[int | None, typer_option(QUIZ_SEED)] = QUIZ_SEED.default,
) -> None:
    """Quiz yourself: due questions first, then new ones, with spaced repetition.

    Keys: Enter/space shows the answer, 1-4 grade it (Again, Hard, Good, Easy),
    u undoes the last grade, s skips, q quits. Piped input is read a line at a
    time: an empty line is Enter, any other line a key or a typed answer; when the
    input ends after a typed answer, its proposed grade is kept (as Enter would).
    With a folder of decks, the decks take turns until COUNT questions are asked.

    Examples: `flaskprep quiz`, `flaskprep quiz -m choice -s routing`,
    `flaskprep quiz --cram -s 3 -n 10`.
    """
    quiz_run.run(mode.value if mode else None, count, section, cram, seed)
