"""The one exception family and the exit codes it maps to."""

from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    """Documented exit codes (as git, grep and httpie use them)."""

    SUCCESS = 0
    NO_MATCH = 1
    FOUND_ERRORS = 1
    """``lint`` found an error in a deck (as a linter's exit 1)."""
    ERROR = 2
    INTERRUPTED = 130
    TERMINATED = 143


class FlaskprepError(Exception):
    """A problem the user can fix; shown as one line, never a traceback."""

    exit_status: ExitStatus = ExitStatus.ERROR

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} (hint: {self.hint})" if self.hint else self.message


class DeckError(FlaskprepError):
    """A deck that cannot be read or parsed; names the file and, where known, the line."""

    def __init__(
        self, path: str, message: str, line: int | None = None, hint: str | None = None
    ) -> None:
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {message}", hint)
        self.path = path
        self.line = line


class NoQuestionsError(DeckError):
    """A readable deck file in which no question was found (a README beside the decks)."""


class ProgressError(FlaskprepError):
    """The progress file or data folder cannot be used."""


class ConfigError(FlaskprepError):
    """The config file is unreadable or holds a bad value."""


class UsageError(FlaskprepError):
    """A bad option value or an argument that matches nothing usable."""


class NoMatch(FlaskprepError):
    """Nothing matched (a search with no hits); exit 1 like grep."""

    exit_status = ExitStatus.NO_MATCH
