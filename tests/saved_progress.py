"""What a progress file holds, as one version-1 document (snapshot and review log merged).

Tests read progress through this instead of parsing ``progress.json`` themselves, since
recent grades live in the review log beside it. Reviews come back as rows
``[QID, AT, RATING, MODE, DURATION_MS, SCORE]``, cards as their JSON objects.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from flaskprep import paths
from flaskprep.store import ProgressStore
from flaskprep.store import format as fmt


def saved(path: Path | None = None) -> dict[str, Any]:
    path = path or paths.progress_file()
    json.loads(path.read_bytes())  # the snapshot itself always parses
    progress = ProgressStore(path).load()
    return {
        "version": 1,
        "decks": {
            key: {
                "cards": {qid: fmt.card_json(card) for qid, card in deck.cards.items()},
                "reviews": [fmt.review_json(r)[1:] for r in deck.reviews],
                "interviews": [fmt.interview_json(i) for i in deck.interviews],
            }
            for key, deck in progress.decks.items()
        },
    }
