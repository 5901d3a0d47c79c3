"""What a command found that decides its exit code, beside the errors it raises.

Apart from ``errors.py`` so that ``--version``, which loads only the exit codes, does
not load ``dataclasses`` (and ``inspect``, ``ast``) with them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Outcome:
    """What a command found that decides its exit code (``cli.run.exit_status`` reads it).

    ``errors`` are reported as one line each and make exit 2 (a deck in a folder that
    could not be read, say); ``worked_around`` are reported the same way but the
    command still did its job (``decks`` without readable progress shows '-'), so
    they leave the exit code alone; ``failed_checks`` counts errors a check found in
    a deck (``lint``), exit 1. A command that returns nothing succeeded.
    """

    errors: tuple[str, ...] = ()
    worked_around: tuple[str, ...] = ()
    failed_checks: int = 0
