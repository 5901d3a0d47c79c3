"""``flaskprep search`` without typer: the grep-like command skips typer's start-up.

Importing typer and building its command tree is most of what a search would
otherwise cost (figures in ``bench/RESULTS.md``). :func:`fast_command` accepts only the plain
spellings of the global options and of ``search``'s own, read from the same
declarations typer's parameters are built from (``cli/options.py``); anything else
(``--help``, ``--``, a bad value, an unknown option, shell completion) returns
None and goes through typer as before, so its messages and exit codes stay typer's.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from flaskprep.cli.options import (
    COLOR,
    DECK,
    GLOBAL_OPTIONS,
    SEARCH_ANSWERS,
    SEARCH_JSON,
    SEARCH_LIMIT,
    SEARCH_OPTIONS,
    SECTION,
)
from flaskprep.cli.state import options
from flaskprep.errors import ExitStatus
from flaskprep.ui.color import ColorChoice, color_choice
from flaskprep.user_number import parse_whole

GLOBAL_VALUED = frozenset(name for spec in GLOBAL_OPTIONS for name in spec.names)
SEARCH_VALUED = frozenset(name for spec in SEARCH_OPTIONS if not spec.flag for name in spec.names)
SEARCH_FLAGS = frozenset(name for spec in SEARCH_OPTIONS if spec.flag for name in spec.names)
Tokens = tuple[list[tuple[str, str]], list[str], int]


class SearchArgs(NamedTuple):
    deck: Path | None
    color: ColorChoice
    query: list[str]
    sections: list[str]
    limit: int
    answers: bool
    as_json: bool


def fast_command(argv: list[str]) -> Callable[[], int] | None:
    """A runner for ``argv`` that needs no typer, or None to use typer."""
    if any(name.startswith("_FLASKPREP_COMPLETE") for name in os.environ):
        return None
    parsed = parse_search(argv)
    if parsed is None:
        return None
    return lambda: run_search(parsed)


def parse_search(argv: list[str]) -> SearchArgs | None:
    """``flaskprep [--deck P] [--color W] search WORDS [options]``, or None if unusual."""
    head = _read(argv, GLOBAL_VALUED, frozenset(), words=False)
    if head is None or head[2] >= len(argv) or argv[head[2]] != "search":
        return None
    tail = _read(argv[head[2] + 1 :], SEARCH_VALUED, SEARCH_FLAGS, words=True)
    if tail is None or not tail[1]:
        return None
    color = color_choice(_last(head[0], COLOR.names) or COLOR.default)
    deck = _last(head[0], DECK.names) or _from_env(DECK.envvar) or DECK.default
    limit = _last(tail[0], SEARCH_LIMIT.names) or str(SEARCH_LIMIT.default)
    limit_number = parse_whole(limit)  # None for ² or 5,000 digits: typer words the error
    if color is None or limit_number is None or limit_number < (SEARCH_LIMIT.minimum or 0):
        return None
    names = {name for name, _ in tail[0]}
    return SearchArgs(
        deck=Path(deck) if deck else None,
        color=color,
        query=tail[1],
        sections=[value for name, value in tail[0] if name in SECTION.names],
        limit=limit_number,
        answers=bool(names & set(SEARCH_ANSWERS.names)),
        as_json=bool(names & set(SEARCH_JSON.names)),
    )


def _from_env(name: str | None) -> str | None:
    return os.environ.get(name) if name else None


def command_name(argv: list[str]) -> str | None:
    """The command ``argv`` runs, if only plain global options come before it."""
    head = _read(argv, GLOBAL_VALUED, frozenset(), words=False)
    return argv[head[2]] if head is not None and head[2] < len(argv) else None


def _last(pairs: list[tuple[str, str]], names: tuple[str, ...]) -> str | None:
    values = [value for name, value in pairs if name in names]
    return values[-1] if values else None


def _read(
    tokens: list[str], valued: frozenset[str], flags: frozenset[str], *, words: bool
) -> Tokens | None:
    """Options as ``(name, value)`` pairs, plain words, and where reading stopped.

    Stops at the first word when ``words`` is false (the command name); None for
    any token it does not know, a missing value, or a value that looks like an option.
    """
    pairs: list[tuple[str, str]] = []
    found: list[str] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if not token.startswith("-"):
            if not words:
                break
            found.append(token)
            i += 1
            continue
        name, eq, value = token.partition("=") if token.startswith("--") else (token, "", "")
        if name in flags and not eq:
            pairs.append((name, ""))
            i += 1
            continue
        if name not in valued:
            return None
        if not eq:
            if i + 1 >= len(tokens):
                return None
            value = tokens[i + 1]
            i += 1
        if not value or value.startswith("-"):
            return None
        pairs.append((name, value))
        i += 1
    return pairs, found, i


def run_search(args: SearchArgs) -> int:
    """What typer would do for these arguments: set the global options, run the command."""
    from flaskprep.cli.search_run import run  # loaded once the run is known to be a search

    options.deck = args.deck
    options.color = args.color
    try:
        run(args.query, args.sections or None, args.limit, args.answers, args.as_json)
    except (EOFError, KeyboardInterrupt):
        sys.stderr.write("\n")  # click writes this line before its Abort
        raise KeyboardInterrupt from None
    return ExitStatus.SUCCESS
