"""Bad progress files and bad folders: nothing lost, one clear message."""

from __future__ import annotations

import errno
import json
import os
from datetime import datetime, timezone
from pathlib import Path

import pytest

from flaskprep.errors import ProgressError
from flaskprep.scheduling import Rating, review_card
from flaskprep.store import VERSION, ProgressStore, Review, files

NOW = datetime(2024, 5, 1, 12, 0, tzinfo=timezone.utc)
DECK = "bundled:flask-interview-prep"


def grade(store: ProgressStore, qid: str = "aaaa0001") -> None:
    card = review_card(None, qid, Rating.GOOD, NOW, fuzz=False)
    store.record(DECK, Review(qid, NOW, 3, "flash", 1000), card)


def asides(path: Path) -> list[Path]:
    return sorted(path.parent.glob("progress.json.corrupt-*"))


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b'{"version": 1, "decks": {"k": {"cards": {}, "revi',
        b"[1, 2, 3]",
        b'{"decks": {}}',
        b'{"version": 1, "decks": []}',
        b'{"version": 1, "decks": {"k": {"reviews": [["a", "not a time", 3, "flash", 1, null]]}}}',
        b'{"version": 1, "decks": {"k": {"cards": {"a": {"last_review": "x", "state": 9}}}}}',
        b"\xff\xfe\x00garbage",
        b"[" * 100_000,
    ],
    ids=[
        "empty",
        "truncated",
        "list",
        "no-version",
        "decks-list",
        "bad-review",
        "bad-card",
        "binary",
        "deep",
    ],
)
def test_corrupt_file_is_moved_aside_and_reported(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "progress.json"
    path.write_bytes(content)
    store = ProgressStore(path)
    assert all(not d.cards and not d.reviews for d in store.load().decks.values())
    [aside] = asides(path)
    assert aside.read_bytes() == content
    assert [n for n in store.notices if str(aside) in n]  # (and maybe "upgraded")
    assert all("\n" not in n for n in store.notices)
    grade(store)
    assert json.loads(path.read_text())["version"] == VERSION


def test_newer_version_is_refused_and_never_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "progress.json"
    content = b'{"version": 99, "decks": {}, "future": true}'
    path.write_bytes(content)
    store = ProgressStore(path)
    with pytest.raises(ProgressError, match="newer flaskprep"):
        store.load()
    with pytest.raises(ProgressError):
        grade(store)
    assert path.read_bytes() == content
    assert asides(path) == []


def test_older_version_is_migrated_and_the_old_file_kept(tmp_path: Path) -> None:
    path = tmp_path / "progress.json"
    old = {
        "version": 0,
        "decks": {
            DECK: {
                "cards": {},
                "reviews": [
                    {
                        "question_id": "bbbb0001",
                        "at": NOW.isoformat(),
                        "rating": 4,
                        "mode": "flash",
                        "duration_ms": 900,
                        "score": None,
                    }
                ],
            }
        },
    }
    raw = json.dumps(old).encode()
    path.write_bytes(raw)
    store = ProgressStore(path)
    assert [r.question_id for r in store.load().deck(DECK).reviews] == ["bbbb0001"]
    grade(store)
    assert (tmp_path / "progress.json.v0.bak").read_bytes() == raw
    document = json.loads(path.read_text())
    assert document["version"] == VERSION
    assert len(ProgressStore(path).load().deck(DECK).reviews) == 2
    assert any("v0.bak" in notice for notice in store.notices)


def test_full_disk_keeps_the_previous_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "progress.json"
    store = ProgressStore(path)
    grade(store, "aaaa0001")
    before = path.read_bytes()

    def full(fd: int, data: bytes) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(files, "_write_all", full)
    with pytest.raises(ProgressError, match="FLASKPREP_HOME") as info:
        grade(store, "aaaa0002")
    assert "No space left" in str(info.value)
    assert path.read_bytes() == before
    assert [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
    monkeypatch.undo()
    grade(store, "aaaa0003")
    assert {r.question_id for r in ProgressStore(path).load().deck(DECK).reviews} == {
        "aaaa0001",
        "aaaa0003",
    }


def test_read_only_file_is_refused_before_a_session(tmp_path: Path) -> None:
    path = tmp_path / "progress.json"
    grade(ProgressStore(path))
    before = path.read_bytes()
    path.chmod(0o400)
    store = ProgressStore(path)
    with pytest.raises(ProgressError, match="read-only") as info:
        store.check_writable()
    assert info.value.hint is not None and "FLASKPREP_HOME" in info.value.hint
    with pytest.raises(ProgressError):
        grade(store, "aaaa0002")
    assert path.read_bytes() == before


def test_read_only_folder_is_refused_before_a_session(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(ProgressError, match="FLASKPREP_HOME"):
            ProgressStore(folder / "progress.json").check_writable()
    finally:
        folder.chmod(0o700)


def test_data_folder_that_is_a_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "data").write_text("oops")
    with pytest.raises(ProgressError, match="is a file"):
        ProgressStore(tmp_path / "data" / "progress.json").check_writable()


def test_check_writable_creates_a_missing_folder(tmp_path: Path) -> None:
    store = ProgressStore(tmp_path / "a" / "b" / "progress.json")
    store.check_writable()
    assert (tmp_path / "a" / "b").is_dir()
    assert not store.path.exists()
