"""The quiz modes: one list, used by the options, the config file and the prompts."""

from __future__ import annotations

from enum import Enum
from typing import Literal

Mode = Literal["flash", "type", "choice", "truefalse", "cloze"]
"""How one card is asked."""


class QuizMode(str, Enum):
    """How a quiz asks its cards; ``mixed`` picks a mode per card."""

    flash = "flash"
    type = "type"
    choice = "choice"
    truefalse = "truefalse"
    cloze = "cloze"
    mixed = "mixed"


class PreviewMode(str, Enum):
    """The modes whose cards differ from the deck text: what ``preview`` shows."""

    choice = QuizMode.choice.value
    truefalse = QuizMode.truefalse.value
    cloze = QuizMode.cloze.value


QUIZ_MODES: tuple[str, ...] = tuple(mode.value for mode in QuizMode)
CARD_MODES: tuple[Mode, ...] = ("flash", "type", "choice", "truefalse", "cloze")
"""Every mode but ``mixed``, which picks one of these per card."""
