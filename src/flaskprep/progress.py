"""Moved to :mod:`flaskprep.store`; kept only while other branches still import it."""

from flaskprep.store import DeckProgress, Progress, ProgressStore, Review

__all__ = ["DeckProgress", "Progress", "ProgressStore", "Review"]
