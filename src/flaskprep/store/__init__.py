"""Progress on disk: records, file format, migration, the review log, lock and atomic writes.

Storage knows no scheduling: it imports nothing from learning modules.
"""

from flaskprep.store.progress import VERSION, ProgressStore
from flaskprep.store.records import (
    CardState,
    DeckProgress,
    InterviewAnswerRecord,
    InterviewRecord,
    Phase,
    Progress,
    Rating,
    Review,
)

__all__ = [
    "VERSION",
    "CardState",
    "DeckProgress",
    "InterviewAnswerRecord",
    "InterviewRecord",
    "Phase",
    "Progress",
    "ProgressStore",
    "Rating",
    "Review",
]
