"""The optional TOML config file: defaults for the deck and the quiz.

``config.toml`` in :func:`flaskprep.paths.config_file` may hold::

    deck = "~/decks"          # a deck file or a folder of decks
    quiz_mode = "type"        # flash, type, choice, truefalse, cloze or mixed
    count = 20                # questions per quiz
    new_per_day = 20          # new questions introduced per day (unset: no limit)

Precedence: command-line option, then environment variable, then the file,
then the built-in default. ``tomllib`` is imported only when the file exists,
so commands that need no config (``search``, ``--version``) never pay for it.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from flaskprep import paths
from flaskprep.errors import ConfigError
from flaskprep.learn.modes import QUIZ_MODES
from flaskprep.regular_file import UnusableFile, read_regular
from flaskprep.user_number import LARGEST, parse_whole

Source = Literal["default", "config file", "env"]
MAX_CONFIG_BYTES = 1 << 20
ENV_VARS = {
    "deck": "FLASKPREP_DECK",
    "quiz_mode": "FLASKPREP_QUIZ_MODE",
    "count": "FLASKPREP_COUNT",
    "new_per_day": "FLASKPREP_NEW_PER_DAY",
}


@dataclass(frozen=True, slots=True)
class Config:
    deck: Path | None = None
    """``None``: the bundled Flask deck."""
    quiz_mode: str = "flash"
    count: int = 20
    new_per_day: int | None = None
    """``None``: no daily limit on new questions (``--count`` alone decides)."""
    sources: dict[str, Source] = field(default_factory=dict, compare=False, hash=False)
    """Where each value in force came from; keys missing here are defaults."""

    def source(self, name: str) -> Source:
        return self.sources.get(name, "default")


def load_config() -> Config:
    """The values in force from the config file and environment (not the command line)."""
    file_values = _read_file(paths.config_file())
    values: dict[str, Any] = {}
    sources: dict[str, Source] = {}
    for name in ENV_VARS:
        setting = _raw_setting(name, file_values)
        if setting is not None:
            values[name] = _validate(name, setting)
            sources[name] = setting.source
    return Config(**values, sources=sources)


@dataclass(frozen=True, slots=True)
class _Raw:
    value: Any
    source: Source
    where: str
    """``file:line`` or the environment variable's name, for error messages."""


def effective_deck(cli_deck: Path | None) -> Path | None:
    """``--deck``/``FLASKPREP_DECK`` if given, else the config file's ``deck``, else ``None``."""
    if cli_deck is not None:
        return cli_deck
    if not _config_exists(paths.config_file()):
        return None
    return load_config().deck


def _config_exists(path: Path) -> bool:
    """Whether there is something at ``path`` (a FIFO or a folder is then refused)."""
    try:
        path.stat()
    except OSError:  # missing, or a dangling link: no config file
        return False
    return True


def _raw_setting(name: str, file_values: dict[str, _Raw]) -> _Raw | None:
    env = os.environ.get(ENV_VARS[name])
    if env:
        return _Raw(env, "env", ENV_VARS[name])
    return file_values.get(name)


def _read_file(path: Path) -> dict[str, _Raw]:
    if not _config_exists(path):
        return {}
    tomllib = _toml_module(path)
    try:
        text = read_regular(path, MAX_CONFIG_BYTES).decode("utf-8")
    except UnusableFile as exc:
        raise ConfigError(f"{path}: {exc.reason}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read config file: {exc}") from None
    try:
        data: dict[str, Any] = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: {_toml_message(exc)}") from None
    except RecursionError:
        raise ConfigError(f"{path}: bad TOML: values nested too deeply") from None
    except ValueError as exc:  # an integer of thousands of digits
        raise ConfigError(f"{path}: bad TOML: {str(exc).split(';')[0]}") from None
    unknown = sorted(set(data) - set(ENV_VARS))
    if unknown:
        raise ConfigError(
            f"{_where(path, text, unknown[0])}: unknown setting {unknown[0]!r}",
            hint="known settings: " + ", ".join(ENV_VARS),
        )
    return {key: _Raw(value, "config file", _where(path, text, key)) for key, value in data.items()}


def _toml_module(path: Path) -> Any:
    if sys.version_info >= (3, 11):
        import tomllib

        return tomllib
    try:
        import tomli
    except ImportError:  # pragma: no cover - tomli is a dependency on 3.10
        raise ConfigError(f"{path}: reading TOML on Python 3.10 needs `tomli`") from None
    return tomli


def _toml_message(exc: Exception) -> str:
    """``Invalid value (at line 3, column 9)`` → ``line 3: invalid value (column 9)``."""
    text = str(exc)
    match = re.search(r"\(at line (\d+), column (\d+)\)", text)
    if not match:
        return f"bad TOML: {text}"
    message = text[: match.start()].strip() or "bad TOML"
    return f"line {match.group(1)}: bad TOML: {message[0].lower()}{message[1:]}"


def _where(path: Path, text: str, key: str) -> str:
    """``file:line`` of ``key = ...`` (just ``file`` if it cannot be found)."""
    pattern = re.compile(rf"^[ \t]*[\"']?{re.escape(key)}[\"']?\s*=", re.MULTILINE)
    match = pattern.search(text)
    return f"{path}:{text.count(chr(10), 0, match.start()) + 1}" if match else str(path)


def _validate(name: str, raw: _Raw) -> Any:
    if name == "deck":
        return _check_deck(raw)
    if name == "quiz_mode":
        if raw.value not in QUIZ_MODES:
            raise ConfigError(f"{raw.where}: quiz_mode must be one of {', '.join(QUIZ_MODES)}")
        return raw.value
    return _check_count(name, raw, minimum=1 if name == "count" else 0)


def _check_deck(raw: _Raw) -> Path:
    if not isinstance(raw.value, str) or not raw.value.strip():
        raise ConfigError(f"{raw.where}: deck must be a path in quotes")
    try:
        path = Path(raw.value).expanduser()
    except RuntimeError as exc:  # ~name of an unknown user
        raise ConfigError(f"{raw.where}: deck {raw.value!r}: {exc}") from None
    # A relative path in the file is relative to the file's folder, not to the shell's.
    if not path.is_absolute() and raw.source == "config file":
        path = paths.config_file().parent / path
    return path


def _check_count(name: str, raw: _Raw, minimum: int) -> int:
    value = raw.value
    if raw.source == "env":
        value = parse_whole(value)
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise ConfigError(f"{raw.where}: {name} must be a whole number of at least {minimum}")
    if value > LARGEST:
        raise ConfigError(f"{raw.where}: {name} must be at most {LARGEST:,}")
    return value
