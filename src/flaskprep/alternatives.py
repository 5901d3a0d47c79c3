"""Either-or in a model answer: "`git switch -c name` (or `git checkout -b name`)".

An "(or ...)" aside names another way to say what comes just before it. An answer that
says either way has said it: the terms only the way it did not take are not required.
Pure: the grader (``grading``) asks which terms are optional for an answer.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from flaskprep.answer_terms import cached_key_terms

__all__ = ["Alternative", "alternatives", "optional_forms"]

ALTERNATIVE = re.compile(r"\(\s*or\s+((?:[^()]|\([^()]*\))+)\)", re.IGNORECASE)
"""An aside that names another way: "(or ``git checkout -b``)", one level of nesting."""
_CODE_BEFORE = re.compile(r"`[^`]+`\s*$")
"""The code span just before an aside: the way the aside is an alternative to."""


@dataclass(frozen=True, slots=True)
class Alternative:
    main: frozenset[str]
    """Term forms only the code span before the aside says (none for prose before it)."""
    aside: frozenset[str]
    """Term forms only the aside says (not the span before it, nor the rest)."""


@lru_cache(maxsize=4096)
def alternatives(model_answer: str) -> tuple[Alternative, ...]:
    """Each "(or ...)" aside of ``model_answer`` and what it is an alternative to."""
    matches = list(ALTERNATIVE.finditer(model_answer))
    if not matches:
        return ()
    found = []
    for match in matches:
        code = _CODE_BEFORE.search(model_answer, 0, match.start())
        main_span = (code.start(), code.end()) if code else (match.start(), match.start())
        elsewhere = _forms(
            model_answer[: main_span[0]] + " " + ALTERNATIVE.sub(" ", model_answer[main_span[1] :])
        )
        main = _forms(code.group()) if code else frozenset()
        aside = _forms(match.group(1))
        found.append(Alternative(main - elsewhere - aside, aside - elsewhere - main))
    return tuple(found)


def optional_forms(model_answer: str, said: Callable[[str], bool]) -> frozenset[str]:
    """The forms an answer need not say: of each either-or, the way it took less of."""
    optional: set[str] = set()
    for alternative in alternatives(model_answer):
        main = sum(map(said, alternative.main))
        aside = sum(map(said, alternative.aside))
        optional |= alternative.main if aside > main else alternative.aside
    return frozenset(optional)


def _forms(text: str) -> frozenset[str]:
    return frozenset(term.form for term in cached_key_terms(text))
