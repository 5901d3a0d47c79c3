"""Stable question ids derived from normalised question text.

Case, whitespace, punctuation and Markdown emphasis are ignored so cosmetic
edits keep a question's progress. The derivation is frozen by a golden test
(``tests/data/seed_ids.json``): changing it needs a progress migration.
"""

from __future__ import annotations

from flaskprep.words.tokens import normalise

ID_LENGTH = 8


def question_id(text: str) -> str:
    import hashlib  # only when parsing: OpenSSL costs ~14 ms of start-up

    digest = hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()
    return digest[:ID_LENGTH]


def assign_ids(texts: list[str]) -> list[str]:
    """Ids for questions in deck order; repeats get ``-2``, ``-3``... deterministically."""
    seen: dict[str, int] = {}
    ids: list[str] = []
    for text in texts:
        base = question_id(text)
        count = seen.get(base, 0) + 1
        seen[base] = count
        ids.append(base if count == 1 else f"{base}-{count}")
    return ids
