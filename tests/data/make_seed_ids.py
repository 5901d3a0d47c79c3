"""Regenerate ``seed_ids.json`` (only when the id derivation changes on purpose).

Run from the repository root: ``python tests/data/make_seed_ids.py``
"""

from __future__ import annotations

import json
from pathlib import Path

from flaskprep.parsing import parse_deck

ROOT = Path(__file__).resolve().parents[2]

if __name__ == "__main__":
    deck = parse_deck(ROOT / "seeds" / "flask-interview-prep.md")
    ids = [question.id for question in deck.questions]
    out = Path(__file__).with_name("seed_ids.json")
    out.write_text(json.dumps(ids, indent=1) + "\n", encoding="utf-8")
