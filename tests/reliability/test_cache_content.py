"""The deck cache notices every content change, even one that keeps size and mtime.

``cp -p`` and ``rsync -t`` copy a file's mtime along with it, and an editor or script
may put the mtime back with ``os.utime``. A cache keyed on size and mtime served the
old questions after such an edit. Each case edits a deck to the same size, restores
its mtime to the nanosecond, and must see the new text.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from flaskprep import deck_cache
from flaskprep.deck_cache import load_deck, load_indexed
from flaskprep.search import search

from .support import CLEAN_DECK, run

OLD, NEW = "What is WSGI?", "What is ZORP?"  # same length: same file size


def written(path: Path, text: str, like: os.stat_result | None = None) -> Path:
    path.write_text(text, encoding="utf-8")
    if like is not None:
        os.utime(path, ns=(like.st_atime_ns, like.st_mtime_ns))
    return path


def questions(path: Path) -> list[str]:
    return [q.text for q in load_deck(path).questions]


def same_size_and_mtime(path: Path, before: os.stat_result) -> bool:
    after = path.stat()
    return (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)


@pytest.mark.parametrize("settle", [False, True], ids=["just-written", "settled"])
def test_in_place_edit_with_mtime_restored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, settle: bool
) -> None:
    """``settled``: the deck is old news (no checksum), so inode and ctime must catch it."""
    if settle:
        monkeypatch.setattr(deck_cache, "RECENT_NS", 0)
    deck = written(tmp_path / "deck.md", CLEAN_DECK)
    before = deck.stat()
    assert OLD in questions(deck)
    time.sleep(0.05)  # past the file system's timestamp tick, as a real edit would be
    written(deck, CLEAN_DECK.replace(OLD, NEW), like=before)
    assert same_size_and_mtime(deck, before)
    assert NEW in questions(deck)
    deck_again, index = load_indexed(deck)
    assert NEW in [q.text for q in deck_again.questions]
    assert search(deck_again, index, "zorp").hits


def test_edit_in_the_same_instant_is_caught_by_the_checksum(tmp_path: Path) -> None:
    """No sleep: a second edit may share the first one's ctime tick."""
    deck = written(tmp_path / "deck.md", CLEAN_DECK)
    before = deck.stat()
    assert OLD in questions(deck)
    written(deck, CLEAN_DECK.replace(OLD, NEW), like=before)
    assert NEW in questions(deck)


@pytest.mark.parametrize("tool", ["cp", "rsync"])
def test_copy_that_keeps_the_mtime(tmp_path: Path, tool: str) -> None:
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} not installed")
    deck = written(tmp_path / "deck.md", CLEAN_DECK)
    before = deck.stat()
    assert run("--deck", str(deck), "search", "zorp").exit_code == 1
    source = written(tmp_path / "new.md", CLEAN_DECK.replace(OLD, NEW), like=before)
    flags = ["-p"] if tool == "cp" else ["-t"]
    subprocess.run([tool, *flags, str(source), str(deck)], check=True)
    assert same_size_and_mtime(deck, before)
    assert run("--deck", str(deck), "search", "zorp").exit_code == 0
