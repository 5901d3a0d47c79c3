"""Search evaluation on decks nobody tuned for: ``python -m tests.eval.search``.

Prints, for each half of each set (``tune``: rules were tuned on it; ``held-out``: not):

- learner queries over a folder of nine public decks: hit@1, hit@3 and MRR (the
  decks' hits merged by score, as ``search`` shows a folder);
- out-of-scope queries: how many are refused (no hit at all), and in-scope controls in
  similar words: how many still find their question in the top 3;
- the bundled deck's relevance table (``tests/test_search_relevance.py``).

A benchmark, not a timed test; ``tests/test_search_eval.py`` guards the held-out figures.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path

from flaskprep.model import Deck, Question
from flaskprep.parsing import parse_deck
from flaskprep.paths import bundled_deck
from flaskprep.search import SearchIndex, build_index, search

DATA = Path(__file__).resolve().parent.parent / "data" / "eval"
DECKS = DATA / "decks"
HALVES = ("tune", "held-out")
LIMIT = 10


@dataclass(frozen=True)
class Figures:
    hit1: int
    hit3: int
    mrr: float
    total: int

    def __str__(self) -> str:
        return f"hit@1 {self.hit1}/{self.total}  hit@3 {self.hit3}/{self.total}  MRR {self.mrr:.2f}"


@dataclass(frozen=True)
class Scope:
    refused: int
    refuse_total: int
    found: int
    control_total: int

    def __str__(self) -> str:
        return (
            f"refused {self.refused}/{self.refuse_total}  "
            f"controls in top 3 {self.found}/{self.control_total}"
        )


@functools.cache
def cases() -> dict[str, object]:
    loaded: dict[str, object] = json.loads((DATA / "search.json").read_text("utf-8"))
    return loaded


@functools.cache
def indexed(name: str) -> tuple[Deck, SearchIndex]:
    deck = parse_deck(bundled_deck() if name == "seed" else DECKS / f"{name}.md")
    return deck, build_index(deck)


def folder() -> list[str]:
    return sorted(path.stem for path in DECKS.glob("*.md"))


def ranked(names: list[str], query: str) -> list[tuple[str, Question]]:
    """Hits of every named deck, merged by score (best first), at most ``LIMIT``."""
    merged: list[tuple[float, int, str, Question]] = []
    peers = [indexed(name)[1] for name in names]
    for order, name in enumerate(names):
        deck, index = indexed(name)
        for hit in search(deck, index, query, limit=LIMIT, peers=peers).hits:
            merged.append((-hit.score, order, name, hit.question))
    merged.sort(key=lambda item: (item[0], item[1]))
    return [(name, question) for _, _, name, question in merged[:LIMIT]]


def questions_containing(name: str, expected: list[str]) -> list[Question]:
    deck, _ = indexed(name)
    return [q for q in deck.questions if any(fragment in q.text for fragment in expected)]


def rank_of(hits: list[tuple[str, Question]], deck: str, expected: list[str]) -> int | None:
    for rank, (name, question) in enumerate(hits, 1):
        if name == deck and any(fragment in question.text for fragment in expected):
            return rank
    return None


def folder_figures(half: str) -> Figures:
    names = folder()
    rows = [row for row in cases()["queries"] if row["half"] == half]  # type: ignore[index]
    ranks = [rank_of(ranked(names, r["query"]), r["deck"], r["expected"]) for r in rows]
    return _figures(ranks)


def _figures(ranks: list[int | None]) -> Figures:
    return Figures(
        sum(rank == 1 for rank in ranks),
        sum(rank is not None and rank <= 3 for rank in ranks),
        sum(1 / rank for rank in ranks if rank is not None) / max(len(ranks), 1),
        len(ranks),
    )


def scope_figures(half: str) -> Scope:
    refused = refuse_total = found = control_total = 0
    for name, rows in cases()["out_of_scope"].items():  # type: ignore[attr-defined]
        for row in rows["refuse"]:
            if row["half"] == half:
                refuse_total += 1
                refused += not ranked([name], row["query"])
        for row in rows["controls"]:
            if row["half"] == half:
                control_total += 1
                rank = rank_of(ranked([name], row["query"]), name, row["expected"])
                found += rank is not None and rank <= 3
    return Scope(refused, refuse_total, found, control_total)


def misses(half: str) -> list[str]:
    """What went wrong, one line each (``python -m tests.eval.search --misses``)."""
    lines: list[str] = []
    names = folder()
    for row in cases()["queries"]:  # type: ignore[attr-defined]
        if row["half"] != half:
            continue
        hits = ranked(names, row["query"])
        rank = rank_of(hits, row["deck"], row["expected"])
        if rank != 1:
            top = f"{hits[0][0]}: {hits[0][1].text[:60]}" if hits else "(no hits)"
            lines.append(f"rank {rank}  {row['query']!r} -> {top}")
    for name, rows in cases()["out_of_scope"].items():  # type: ignore[attr-defined]
        for row in rows["refuse"]:
            hits = ranked([name], row["query"])
            if row["half"] == half and hits:
                lines.append(f"not refused  {name}: {row['query']!r} -> {hits[0][1].text[:60]}")
        for row in rows["controls"]:
            hits = ranked([name], row["query"])
            rank = rank_of(hits, name, row["expected"])
            if row["half"] == half and (rank is None or rank > 3):
                lines.append(f"control lost  {name}: {row['query']!r}")
    return lines


def seed_misses() -> list[str]:
    from tests.test_search_relevance import CASES

    lines = []
    for query, expected, _ in CASES:
        hits = ranked(["seed"], query)
        rank = next((r for r, (_, q) in enumerate(hits, 1) if q.text in expected), None)
        if rank != 1:
            lines.append(f"rank {rank}  {query!r} -> {hits[0][1].text[:60] if hits else '-'}")
    return lines


def seed_figures() -> Figures:
    from tests.test_search_relevance import CASES

    ranks = []
    for query, expected, _ in CASES:
        hits = ranked(["seed"], query)
        ranks.append(next((r for r, (_, q) in enumerate(hits, 1) if q.text in expected), None))
    return _figures(ranks)


def main(argv: list[str]) -> None:
    for half in HALVES:
        print(f"[{half}] nine decks, folder search: {folder_figures(half)}")
        print(f"[{half}] out of scope:              {scope_figures(half)}")
        if "--misses" in argv and half == "tune":  # never look at the held-out misses
            print("\n".join(f"    {line}" for line in misses(half)))
    print(f"[seed] relevance table:             {seed_figures()}")
    if "--misses" in argv:
        print("\n".join(f"    {line}" for line in seed_misses()))


if __name__ == "__main__":
    import sys

    main(sys.argv[1:])
