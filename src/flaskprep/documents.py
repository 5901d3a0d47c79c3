"""Every ``--json`` document, one schema each, as documented in ``docs/json.md``.

Each document names its schema (``"schema": "flaskprep.<name>/1"``) and describes
a deck with the same object everywhere (:func:`deck_ref`): its title and its path
as given (``--deck notes.md`` stays ``notes.md``). Builders return plain data;
:func:`dumps` turns it into text that stays safe if it lands on a terminal.
Imports only core types, and only for type hints: ``search --json`` loads this.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from flaskprep.invisible import FORMAT_CHARACTERS, SEPARATORS

if TYPE_CHECKING:
    from flaskprep.grading import Grade
    from flaskprep.learn.prompts import Prompt
    from flaskprep.library import DeckSummary
    from flaskprep.model import Deck, Question, Section
    from flaskprep.search import SearchResult
    from flaskprep.stats import Counts, DeckStats
    from flaskprep.store.moves import Unreachable

Document = dict[str, Any]
VERSION = 1

# json.dumps already escapes C0 controls; these (C1, Unicode format characters such as
# bidi overrides and zero-width spaces, line separators) it would pass through raw.
_RAW_UNSAFE = re.compile(f"[\x7f-\x9f{FORMAT_CHARACTERS}{SEPARATORS}]")


def dumps(document: Document) -> str:
    text = json.dumps(document, ensure_ascii=False, indent=2)
    # json.dumps of one character gives its \uXXXX escape (a surrogate pair above U+FFFF).
    return _RAW_UNSAFE.sub(lambda m: json.dumps(m.group())[1:-1], text)


def schema(name: str) -> str:
    return f"flaskprep.{name}/{VERSION}"


def deck_ref(title: str | None, path: str) -> Document:
    """The ``deck`` object every document uses."""
    return {"title": title, "path": path}


def _ref(deck: Deck) -> Document:
    return deck_ref(deck.title, deck.path)


def deck_document(deck: Deck, sections: Sequence[Section] | None = None) -> Document:
    """``browse --json`` (all sections, or the one asked for) and ``export --format json``."""
    return {
        "schema": schema("deck"),
        "deck": _ref(deck),
        "sections": [
            {
                "number": section.number,
                "title": section.title,
                "questions": [
                    {"id": q.id, "question": q.text, "answer": q.answer} for q in section.questions
                ],
            }
            for section in (deck.sections if sections is None else sections)
        ],
        "resources": [{"title": r.title, "url": r.url} for r in deck.resources],
    }


def search_document(found: Sequence[tuple[Deck, SearchResult]], query: str, limit: int) -> Document:
    """Hits of every deck, merged best first, at most ``limit`` in all."""
    scored: list[tuple[float, Document]] = []
    for deck, result in found:
        for hit in result.hits:
            entry: Document = {
                "deck": _ref(deck),
                "id": hit.question.id,
                "section": deck.section_of(hit.question).label,
                "question": hit.question.text,
                "score": round(hit.score, 3),
            }
            scored.append((hit.score, entry))
    scored.sort(key=lambda pair: -pair[0])
    return {
        "schema": schema("search"),
        "query": query,
        "hits": [entry for _, entry in scored[:limit]],
    }


def check_document(deck: Deck, question: Question, grade: Grade) -> Document:
    return {
        "schema": schema("check"),
        "deck": _ref(deck),
        "id": question.id,
        "question": question.text,
        "score": grade.score,
        "matched": list(grade.matched),
        "matched_by": [{"term": term, "by": by} for term, by in grade.matched_by],
        "missing": list(grade.missing),
        "swapped": list(grade.swapped) if grade.swapped else None,
        "limited_by": grade.limited_by,
    }


def decks_document(summaries: Sequence[DeckSummary], lost: Sequence[Unreachable]) -> Document:
    """``lost``: progress kept for decks whose file is gone (``decks --relink/--forget KEY``)."""
    return {
        "schema": schema("decks"),
        "decks": [
            {
                "deck": deck_ref(item.title if item.error is None else None, str(item.path)),
                "questions": item.questions,
                "unanswered": item.unanswered,
                "new": item.new,
                "due": item.due,
                "error": item.error,
            }
            for item in summaries
        ],
        "unreachable": [
            {"key": item.key, "path": item.path, "cards": item.cards, "reviews": item.reviews}
            for item in lost
        ],
    }


def stats_document(decks: Sequence[tuple[Deck, DeckStats]], streak: int) -> Document:
    """The same shape for one deck or many: totals and merged lists at the top, with
    each section and interview naming its deck, and each deck's own totals under ``decks``."""
    forecast: Counter[str] = Counter()
    heatmap: Counter[str] = Counter()
    for _, stats in decks:
        forecast.update({day.isoformat(): due for day, due in stats.forecast})
        heatmap.update({day.isoformat(): n for day, n in stats.heatmap if n})
    return {
        "schema": schema("stats"),
        "today": decks[0][1].today.isoformat(),
        "streak": streak,
        **_counts(_total([stats.counts for _, stats in decks])),
        "due_tomorrow": sum(stats.due_tomorrow for _, stats in decks),
        "sections": [
            {
                "deck": _ref(deck),
                "section": s.label,
                **_counts(asdict(s.counts)),
            }
            for deck, stats in decks
            for s in stats.sections
        ],
        "forecast": [{"date": day, "due": due} for day, due in sorted(forecast.items())],
        "heatmap": [{"date": day, "reviews": n} for day, n in sorted(heatmap.items())],
        "interviews": sorted(
            (
                {
                    "deck": _ref(deck),
                    "at": i.at.isoformat(),
                    "count": i.count,
                    "score": i.score,
                }
                for deck, stats in decks
                for i in stats.interviews
            ),
            key=lambda entry: str(entry["at"]),
        ),
        "decks": [
            {
                "deck": _ref(deck),
                "streak": stats.streak,
                **_counts(asdict(stats.counts)),
                "due_tomorrow": stats.due_tomorrow,
            }
            for deck, stats in decks
        ],
    }


def _total(counts: Sequence[Counts]) -> Document:
    summed: Document = {
        name: sum(getattr(c, name) for c in counts)
        for name in ("questions", "new", "learning", "review", "due", "reviewed", "reviews")
    }
    weighted = [(c.retention, c.retention_reviews) for c in counts if c.retention is not None]
    graded = sum(n for _, n in weighted)
    summed["retention"] = sum(r * n for r, n in weighted) / graded if graded else None
    summed["retention_reviews"] = sum(c.retention_reviews for c in counts)
    return summed


def _counts(values: Document) -> Document:
    retention = values["retention"]
    return {**values, "retention": None if retention is None else round(retention, 4)}


def preview_document(deck: Deck, mode: str, prompts: Sequence[Prompt]) -> Document:
    """``preview --json``: the cards a quiz would make, the right answer marked.

    Cards that cannot be made in ``mode`` (no fair distractor, no key term to blank)
    are left out: the quiz would ask them in another mode.
    """
    items = [item for item in (_preview_item(p) for p in prompts) if item is not None]
    return {"schema": schema("preview"), "deck": _ref(deck), "mode": mode, "items": items}


def _preview_item(prompt: Prompt) -> Document | None:
    question = prompt.question
    head: Document = {"id": question.id, "question": question.text, "mode": prompt.mode}
    if prompt.choice is not None:
        choice = prompt.choice
        options = [
            {"text": text, "source": source, "correct": index == choice.correct}
            for index, (text, source) in enumerate(zip(choice.options, choice.sources, strict=True))
        ]
        return {**head, "options": options}
    if prompt.truefalse is not None:
        statement = prompt.truefalse
        return {
            **head,
            "statement": statement.shown_answer,
            "source": statement.source,
            "truth": statement.source == question.id,
        }
    if prompt.cloze is not None:
        cloze = prompt.cloze
        return {
            **head,
            "text": cloze.with_blanks(lambda _number: "____"),
            "blanks": [term.text for term in cloze.terms],
        }
    return None
