"""What a model answer says that an answer need not: either-ors, asides and examples.

An "(or ...)" aside names another way to say what comes just before it
("`git switch -c name` (or `git checkout -b name`)"). An answer that says either way has
said it: the terms only the way it did not take are not required. Other asides in
parentheses and examples ("for example", "e.g.", "such as") elaborate: their own terms
earn credit when said and cost nothing when not. Pure: the grader (``grading``) asks
which terms are optional for an answer.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from flaskprep.answer_terms import cached_key_terms

__all__ = ["Alternative", "alternatives", "aside_spans", "elaboration", "optional_forms"]

ALTERNATIVE = re.compile(r"\(\s*or\s+((?:[^()]|\([^()]*\))+)\)", re.IGNORECASE)
"""An aside that names another way: "(or ``git checkout -b``)", one level of nesting."""
_CODE_BEFORE = re.compile(r"`[^`]+`\s*$")
"""The code span just before an aside: the way the aside is an alternative to."""
_CODE = re.compile(r"`[^`]*`")
ASIDE = re.compile(r"\((?:[^()]|\([^()]*\))+\)")
"""A remark in parentheses (one level of nesting): "gradient descent (GD)"."""
EXAMPLE = re.compile(
    r"(?:^|(?<=[.;!?(]\s)|(?<=\())\s*(?:for example|for instance|e\.g\.)[^.;!?()]*"
    r"|\b(?:for example|for instance|e\.g\.)[^,.;!?()]*"
    r"|\bsuch as\s+(?:`+|\w[\w.+#-]*)(?:\s*(?:,|\band\b|\bor\b)+\s*(?:`+|(?-i:[A-Z])[\w.+#-]*))*",
    re.IGNORECASE | re.MULTILINE,
)
"""An example: a sentence that opens with "for example" (or "for instance", "e.g."),
else the phrase to its comma; after "such as", its first item and the names or code
joined to it ("such as Flask, Django and `aiohttp`")."""


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


@lru_cache(maxsize=4096)
def elaboration(model_answer: str) -> frozenset[str]:
    """Term forms only the asides and examples of ``model_answer`` say (none when they
    say all of it: then they are the answer). Parentheses inside code are code."""
    spans = aside_spans(model_answer)
    if not spans:
        return frozenset()
    kept = list(model_answer)
    for start, end in spans:
        kept[start:end] = " " * (end - start)
    asides = " ".join(model_answer[start:end] for start, end in spans)
    rest = _forms("".join(kept))
    return _forms(asides) - rest if rest else frozenset()


def aside_spans(text: str, patterns: tuple[re.Pattern[str], ...] = ()) -> list[tuple[int, int]]:
    """Where ``text`` has remarks in parentheses and examples, or what ``patterns``
    find (code spans are code)."""
    masked = _CODE.sub(lambda code: "`" * len(code.group()), text)
    return [m.span() for pattern in patterns or (ASIDE, EXAMPLE) for m in pattern.finditer(masked)]


def optional_forms(model_answer: str, said: Callable[[str], bool]) -> frozenset[str]:
    """The forms an answer need not say: of each either-or, the way it took less of; of
    the asides and examples, those it did not say."""
    optional = {form for form in elaboration(model_answer) if not said(form)}
    for alternative in alternatives(model_answer):
        main = sum(map(said, alternative.main))
        aside = sum(map(said, alternative.aside))
        optional |= alternative.main if aside > main else alternative.aside
    return frozenset(optional)


def _forms(text: str) -> frozenset[str]:
    return frozenset(term.form for term in cached_key_terms(text))
