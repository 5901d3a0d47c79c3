"""In-process timings bench/run cannot take from outside: grading and grade → next card.

Prints one JSON object: ``{"grade": {"seconds": median, "runs": n}, "next_card": ...}``;
a case that cannot run yet (its API is missing) reports ``{"error": "..."}``.
Run by bench/run with FLASKPREP_HOME and friends pointed at a temporary folder.
"""

from __future__ import annotations

import json
import re
import statistics
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path

SEED = Path(__file__).resolve().parent.parent / "seeds" / "flask-interview-prep.md"
ANSWER = re.compile(r"^  - \*\*Answer:\*\* (.+)$", re.MULTILINE)
Result = dict[str, float | str]


def typed_answer(model: str) -> str:
    """A plausible typed answer: a few words dropped, one typo, lower case."""
    words = model.split()
    kept = [w for i, w in enumerate(words) if i % 3 != 2]
    longest = max(range(len(kept)), key=lambda i: len(kept[i]))
    word = kept[longest]
    if len(word) > 3:
        kept[longest] = word[0] + word[2] + word[1] + word[3:]
    return " ".join(kept).lower()


def bench_grade(rounds: int) -> Result:
    from flaskprep.grading import grade, idf_table

    models = ANSWER.findall(SEED.read_text(encoding="utf-8"))
    idf = idf_table(models)  # once per session, as the quiz does
    typed = [typed_answer(m) for m in models]
    times: list[float] = []
    for _ in range(rounds):
        for answer, model in zip(typed, models, strict=True):
            start = time.perf_counter()
            grade(answer, model, idf)
            times.append(time.perf_counter() - start)
    return {"seconds": statistics.median(times), "runs": len(times)}


def bench_next_card(rounds: int) -> Result:
    from next_card import time_grade_to_next

    times = time_grade_to_next(questions=10_000, rounds=rounds)
    return {"seconds": statistics.median(times), "runs": len(times)}


def bench_long_history(sessions: int) -> dict[str, Result]:
    """100,000 reviews: the 90th percentile of grade → next card over sessions of six
    grades (a sixth of them first grades, which read the file), and the first grades."""
    from next_card import time_sessions

    timed = time_sessions(questions=100_000, sessions=sessions, rounds=6)
    every = [t for times in timed for t in times]
    firsts = [times[0] for times in timed]
    return {
        "next_card_p90": {"seconds": statistics.quantiles(every, n=10)[-1], "runs": len(every)},
        "first_grade": {"seconds": statistics.median(firsts), "runs": len(firsts)},
    }


def _guard(run: Callable[[int], Result], rounds: int) -> Result:
    try:
        return run(rounds)
    except Exception as exc:  # report, never crash the table
        traceback.print_exc(file=sys.stderr)
        return {"error": f"{type(exc).__name__}: {exc}"[:160]}


def main(argv: list[str]) -> int:
    quick = "--quick" in argv
    results = {
        "grade": _guard(bench_grade, 3 if quick else 30),
        "next_card": _guard(bench_next_card, 5 if quick else 30),
    }
    if not quick:  # writing 100,000 reviews takes a while: not in --smoke
        try:
            results.update(bench_long_history(5))
        except Exception as exc:
            traceback.print_exc(file=sys.stderr)
            error = {"error": f"{type(exc).__name__}: {exc}"[:160]}
            results.update(next_card_p90=error, first_grade=error)
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
