"""Figures for the typed-answer grader on answer triples it was not tuned for.

Run ``python -m tests.eval.grading`` (add ``--verbose`` for every score). It grades
the triples of ``tests/data/eval/triples.json`` (public decks other than Flask,
split in a ``tune`` and a ``heldout`` half; sources in ``TRIPLES_SOURCES.md``) and
the seed's own triples from ``tests/test_grading.py``, and prints per set:

- good > wrong, partial > wrong, good >= 0.5, and wrong >= 0.6 (a wrong answer
  proposed Good: fewer is better), counts out of the set's triples;
- keyword lists scoring below the good answer and below 0.6 (Hard at best), and
  padded answers scoring below the good answer;
- swapped-role answers caught (flagged, or scored below the partial answer) and
  false alarms (good, partial or model answers flagged as swapped).

A benchmark, not a timed test; ``tests/test_grading_eval.py`` guards the held-out
figures. Term rarity comes from all the set's model answers, as for a folder of decks.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from flaskprep.grading import Grade, grade, idf_table

NOT_FULL = 0.6
"""A bare keyword list should propose Hard at best (``scheduling.GOOD_BELOW``)."""
TRIPLES_FILE = Path(__file__).resolve().parents[1] / "data" / "eval" / "triples.json"


@dataclass(frozen=True)
class Triple:
    deck: str
    question: str
    model: str
    good: str
    partial: str
    wrong: str
    half: str = "seed"
    keywords: str | None = None
    padded: str | None = None
    swapped: str | None = None


@dataclass
class Figures:
    name: str
    triples: int = 0
    good_over_wrong: int = 0
    partial_over_wrong: int = 0
    good_half: int = 0
    wrong_good: int = 0
    keyword_lists: int = 0
    keywords_below_good: int = 0
    keywords_not_full: int = 0
    padded: int = 0
    padded_below_good: int = 0
    swaps: int = 0
    swaps_caught: int = 0
    false_alarms: int = 0
    lines: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"{self.name}: good>wrong {self.good_over_wrong}/{self.triples}, "
            f"partial>wrong {self.partial_over_wrong}/{self.triples}, "
            f"good>=0.5 {self.good_half}/{self.triples}, "
            f"wrong>={NOT_FULL} {self.wrong_good}/{self.triples}, "
            f"keyword list<good {self.keywords_below_good}/{self.keyword_lists} "
            f"(<{NOT_FULL} {self.keywords_not_full}/{self.keyword_lists}), "
            f"padded<good {self.padded_below_good}/{self.padded}, "
            f"swaps caught {self.swaps_caught}/{self.swaps}, "
            f"false alarms {self.false_alarms}/{3 * self.triples}"
        )


def load_triples(path: Path = TRIPLES_FILE) -> list[Triple]:
    document = json.loads(path.read_text(encoding="utf-8"))
    fields = set(Triple.__dataclass_fields__)
    return [
        Triple(**{k: v for k, v in item.items() if k in fields}) for item in document["triples"]
    ]


def seed_triples() -> tuple[list[Triple], dict[str, float]]:
    """The bundled deck's hard triples, with the seed's own term rarity."""
    from tests.test_grading import IDF, TRIPLES

    triples = [Triple("seed", t.name, t.model, t.good, t.partial, t.wrong) for t in TRIPLES]
    return triples, IDF


def _grade(answer: str, t: Triple, idf: dict[str, float]) -> Grade:
    question = "" if t.half == "seed" else t.question
    return grade(answer, t.model, idf, question=question)


def _flagged(answer: str, t: Triple, idf: dict[str, float]) -> bool:
    return _grade(answer, t, idf).swapped is not None


def evaluate(name: str, triples: list[Triple], idf: dict[str, float]) -> Figures:
    figures = Figures(name)
    for t in triples:
        good, partial, wrong = (_grade(a, t, idf).score for a in (t.good, t.partial, t.wrong))
        figures.triples += 1
        figures.good_over_wrong += good > wrong
        figures.partial_over_wrong += partial > wrong
        figures.good_half += good >= 0.5
        figures.wrong_good += wrong >= NOT_FULL
        figures.false_alarms += sum(_flagged(a, t, idf) for a in (t.good, t.partial, t.model))
        line = f"  {good:.2f} {partial:.2f} {wrong:.2f}"
        if t.keywords is not None:
            listed = _grade(t.keywords, t, idf).score
            figures.keyword_lists += 1
            figures.keywords_below_good += listed < good
            figures.keywords_not_full += listed < NOT_FULL
            line += f"  list {listed:.2f}"
        if t.padded is not None:
            padded = _grade(t.padded, t, idf).score
            figures.padded += 1
            figures.padded_below_good += padded < good
            line += f"  padded {padded:.2f}"
        if t.swapped is not None:
            swapped = _grade(t.swapped, t, idf)
            figures.swaps += 1
            caught = swapped.swapped is not None or swapped.score < partial
            figures.swaps_caught += caught
            line += f"  swapped {swapped.score:.2f}{' caught' if caught else ''}"
        figures.lines.append(f"{line}  [{t.deck}] {t.question[:60]}")
    return figures


def all_figures() -> list[Figures]:
    triples = load_triples()
    idf = idf_table(t.model for t in triples)
    seed, seed_idf = seed_triples()
    return [
        evaluate("tune", [t for t in triples if t.half == "tune"], idf),
        evaluate("heldout", [t for t in triples if t.half == "heldout"], idf),
        evaluate("seed", seed, seed_idf),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="print every triple's scores")
    args = parser.parse_args(argv)
    for figures in all_figures():
        print(figures.summary())
        if args.verbose:
            print("\n".join(figures.lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
