"""Older progress documents brought up to the current layout, one step per version.

Each step takes and returns plain JSON data; :mod:`flaskprep.store.format` then
checks every field. The store keeps the old file as ``progress.json.v<N>.bak``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flaskprep.store.format import VERSION, FormatError


def migrate(data: dict[str, Any], version: int) -> dict[str, Any]:
    if not 0 <= version < VERSION:
        raise FormatError(f"unknown format version {version}")
    steps = {0: _v0_to_v1, 1: _v1_to_v2}
    for step in range(version, VERSION):
        data = steps[step](data)
    return data


def _decks(data: dict[str, Any]) -> dict[str, Any]:
    decks = data.get("decks")
    if not isinstance(decks, dict):
        raise FormatError("decks: expected dict")
    return decks


Deck = dict[str, Any]


def _each_deck(data: dict[str, Any], change: Callable[[str, Deck], Deck]) -> dict[str, Any]:
    """``change(key, deck)`` for every deck that is an object; anything else is kept as is."""
    return {
        key: change(key, deck) if isinstance(deck, dict) else deck
        for key, deck in _decks(data).items()
    }


def _reviews(deck: dict[str, Any]) -> list[Any]:
    reviews = deck.get("reviews", [])
    return reviews if isinstance(reviews, list) else []


def _v0_to_v1(data: dict[str, Any]) -> dict[str, Any]:
    """Version 0 kept each review as an object."""
    keys = ("question_id", "at", "rating", "mode", "duration_ms", "score")

    def change(key: str, deck: dict[str, Any]) -> dict[str, Any]:
        rows = [[r.get(k) for k in keys] if isinstance(r, dict) else r for r in _reviews(deck)]
        return {**deck, "reviews": rows}

    return {"version": 1, "decks": _each_deck(data, change)}


def _v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
    """Each review gets an id (its place in the old log); new cards are dropped (none is new)."""

    def change(key: str, deck: dict[str, Any]) -> dict[str, Any]:
        rows = [
            [f"v1-{index:x}", *row] if isinstance(row, list) else row
            for index, row in enumerate(_reviews(deck))
        ]
        cards = deck.get("cards", {})
        if isinstance(cards, dict):
            cards = {
                q: c
                for q, c in cards.items()
                if not (isinstance(c, dict) and not c.get("last_review"))
            }
        path = None if str(key).startswith("bundled:") else key
        return {**deck, "path": path, "cards": cards, "reviews": rows}

    return {"version": 2, "log": None, "decks": _each_deck(data, change)}
