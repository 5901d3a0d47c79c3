"""Bad progress files: nothing is ever lost and the user is told in one clear line.

Root ignores permission bits, so read-only files and folders, a full disk and a
read-only file system are simulated by making the write calls fail the way the
kernel would (``EACCES``, ``EROFS``, ``ENOSPC``).
"""

from __future__ import annotations

import errno
import json
import os
import stat
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from flaskprep import paths
from flaskprep.errors import ProgressError
from flaskprep.scheduling import Rating, review_card
from flaskprep.store import VERSION, ProgressStore, Review
from saved_progress import saved as saved_document

from .support import Result, run

NOW = datetime(2025, 3, 1, 9, 30, tzinfo=timezone.utc)
DECK = "bundled:flask-interview-prep"


def graded(qid: str, n: int = 0, rating: Rating = Rating.GOOD) -> tuple[Review, dict[str, Any]]:
    at = NOW + timedelta(minutes=n)
    card = review_card(None, qid, rating, at, fuzz=False)
    return Review(qid, at, int(rating), "flashcard", 1200, None), card


def record(store: ProgressStore, qid: str, n: int = 0) -> None:
    store.record(DECK, *graded(qid, n))


def reviews_in(path: Path, deck: str = DECK) -> list[list[Any]]:
    return list(saved_document(path)["decks"][deck]["reviews"])


def one_line_message(exc: BaseException) -> str:
    text = str(exc)
    assert "\n" not in text
    return text


@pytest.fixture
def progress_path() -> Path:
    return paths.progress_file()


@pytest.fixture
def saved(progress_path: Path) -> bytes:
    """A progress file holding three reviews; returns its bytes."""
    store = ProgressStore()
    for n, qid in enumerate(["aaaa1111", "bbbb2222", "cccc3333"]):
        record(store, qid, n)
    return progress_path.read_bytes()


def test_missing_file_starts_empty_and_is_created_private(progress_path: Path) -> None:
    store = ProgressStore()
    assert store.load().decks == {}
    assert store.notices == []
    record(store, "aaaa1111")
    assert stat.S_IMODE(progress_path.stat().st_mode) == 0o600
    assert stat.S_IMODE(progress_path.parent.stat().st_mode) == 0o700
    assert len(reviews_in(progress_path)) == 1


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("empty", b""),
        ("truncated", b'{"version": 1, "decks": {"bundled:flask-interview-prep": {"cards": {'),
        ("not json", b"\x89PNG\r\n\x1a\n"),
        ("a list", b"[1, 2, 3]"),
        ("no version", b'{"decks": {}}'),
        ("decks a list", b'{"version": 1, "decks": []}'),
        ("bool version", b'{"version": true, "decks": {}}'),
        ("deep", b"[" * 100_000),
        ("latin-1", '{"version": 1, "decks": {"é": {}}}'.encode("latin-1")),
    ],
)
def test_unreadable_file_is_moved_aside_not_lost(
    progress_path: Path, name: str, content: bytes
) -> None:
    progress_path.parent.mkdir(parents=True, exist_ok=True)
    progress_path.write_bytes(content)
    store = ProgressStore()
    assert store.load().decks == {}
    [notice] = store.notices
    assert "moved it to" in notice and "\n" not in notice
    [kept] = progress_path.parent.glob("progress.json.corrupt-*")
    assert kept.read_bytes() == content  # the user's bytes are all still there
    assert str(kept) in notice
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    record(store, "aaaa1111")
    assert len(reviews_in(progress_path)) == 1
    assert kept.read_bytes() == content


def test_newer_version_is_refused_and_left_untouched(progress_path: Path) -> None:
    progress_path.parent.mkdir(parents=True, exist_ok=True)
    future = json.dumps({"version": VERSION + 1, "decks": {"x": {"new": "stuff"}}}).encode()
    progress_path.write_bytes(future)
    store = ProgressStore()
    with pytest.raises(ProgressError) as info:
        store.load()
    assert "newer flaskprep" in one_line_message(info.value)
    with pytest.raises(ProgressError):
        record(store, "aaaa1111")
    with pytest.raises(ProgressError):
        store.check_writable()
    assert progress_path.read_bytes() == future
    assert sorted(p.name for p in progress_path.parent.iterdir() if p.suffix != ".lock") == [
        "progress.json"
    ]


def test_older_version_is_migrated_and_backed_up(progress_path: Path) -> None:
    progress_path.parent.mkdir(parents=True, exist_ok=True)
    old_review = {
        "question_id": "aaaa1111",
        "at": "2025-02-01T10:00:00+00:00",
        "rating": 3,
        "mode": "flashcard",
        "duration_ms": 900,
        "score": None,
    }
    v0 = json.dumps({"version": 0, "decks": {DECK: {"cards": {}, "reviews": [old_review]}}})
    progress_path.write_text(v0)
    store = ProgressStore()
    assert [r.question_id for r in store.load().deck(DECK).reviews] == ["aaaa1111"]
    record(store, "bbbb2222")
    backup = progress_path.with_name("progress.json.v0.bak")
    assert backup.read_text() == v0
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert [row[0] for row in reviews_in(progress_path)] == ["aaaa1111", "bbbb2222"]
    assert json.loads(progress_path.read_bytes())["version"] == VERSION
    assert any("old copy kept" in n for n in store.notices)


def test_reviews_of_questions_gone_from_the_deck_are_kept(progress_path: Path) -> None:
    store = ProgressStore()
    record(store, "0ld0ld00", 0)
    ProgressStore().reset(DECK, ["nothere1"])  # an unrelated change re-saves the file
    record(ProgressStore(), "aaaa1111", 1)
    ids = [row[0] for row in reviews_in(progress_path)]
    assert ids == ["0ld0ld00", "aaaa1111"]
    assert "0ld0ld00" in saved_document(progress_path)["decks"][DECK]["cards"]


def test_read_only_file_is_refused_and_kept(progress_path: Path, saved: bytes) -> None:
    progress_path.chmod(0o400)
    store = ProgressStore()
    with pytest.raises(ProgressError) as info:
        store.check_writable()
    assert "read-only" in one_line_message(info.value)
    with pytest.raises(ProgressError):
        record(store, "dddd4444", 9)
    assert progress_path.read_bytes() == saved


def _failing(real: Any, err: int, when: Any) -> Any:
    def call(*args: Any, **kwargs: Any) -> Any:
        if when(*args):
            raise OSError(err, os.strerror(err))
        return real(*args, **kwargs)

    return call


def _is_temp(path: Any, *_: Any) -> bool:
    return ".tmp" in str(path) or ".probe-" in str(path)


@pytest.mark.parametrize("err", [errno.EACCES, errno.EROFS, errno.EPERM])
def test_read_only_folder_simulated(
    progress_path: Path, saved: bytes, monkeypatch: pytest.MonkeyPatch, err: int
) -> None:
    """Creating the temp file beside progress.json fails: refused, previous file intact."""
    monkeypatch.setattr(os, "open", _failing(os.open, err, _is_temp))
    store = ProgressStore()
    with pytest.raises(ProgressError) as info:
        store.check_writable()
    assert os.strerror(err) in one_line_message(info.value)
    record(store, "dddd4444", 9)  # a grade appends to the review log: no temp file needed
    assert progress_path.read_bytes() == saved
    assert len(reviews_in(progress_path)) == 4
    with pytest.raises(ProgressError) as info:  # a rewrite needs one: refused
        store.reset(DECK, None)
    assert "previous file is intact" in one_line_message(info.value)
    assert progress_path.read_bytes() == saved
    assert len(reviews_in(progress_path)) == 4


def test_full_disk_keeps_previous_file_and_tells_user(
    progress_path: Path, saved: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(os, "write", _failing(os.write, errno.ENOSPC, lambda *a: True))
    store = ProgressStore()
    with pytest.raises(ProgressError) as info:
        record(store, "dddd4444", 9)
    message = one_line_message(info.value)
    assert "No space left on device" in message
    assert "previous file is intact" in message
    assert progress_path.read_bytes() == saved
    assert not list(progress_path.parent.glob(".progress.json.*.tmp"))
    monkeypatch.undo()  # space freed: the next grade saves and nothing earlier is lost
    record(store, "eeee5555", 10)
    assert [row[0] for row in reviews_in(progress_path)] == [
        "aaaa1111",
        "bbbb2222",
        "cccc3333",
        "eeee5555",
    ]


def test_replace_failing_keeps_previous_file(
    progress_path: Path, saved: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_replace = Path.replace

    def failing_replace(self: Path, target: Any) -> Any:
        if Path(target) == progress_path:
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_replace(self, target)

    monkeypatch.setattr(Path, "replace", failing_replace)
    with pytest.raises(ProgressError):
        ProgressStore().reset(DECK, ["aaaa1111"])
    assert progress_path.read_bytes() == saved
    assert len(reviews_in(progress_path)) == 3
    assert not list(progress_path.parent.glob(".progress.json.*.tmp"))


def test_data_folder_path_is_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "i-am-a-file"
    blocker.write_text("precious\n")
    monkeypatch.setenv("FLASKPREP_HOME", str(blocker))
    store = ProgressStore()
    with pytest.raises(ProgressError) as info:
        store.check_writable()
    assert "is a file" in one_line_message(info.value)
    with pytest.raises(ProgressError):
        record(store, "aaaa1111")
    assert blocker.read_text() == "precious\n"


def test_data_folder_cannot_be_created(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("FLASKPREP_HOME", str(blocker / "sub" / "data"))
    with pytest.raises(ProgressError) as info:
        ProgressStore().check_writable()
    assert "FLASKPREP_HOME" in str(info.value)


# --- the same through the commands a user runs -----------------------------------------------

QUIZ_TWO = "\n3\n\n2\n"


def cli_lines(result: Result) -> list[str]:
    assert "Traceback" not in result.stderr + result.stdout
    return [line for line in result.stderr.splitlines() if line.strip()]


@pytest.mark.parametrize(
    ("args", "stdin"),
    [
        (["quiz"], QUIZ_TWO),
        (["interview", "--count", "1", "--seed", "1"], "an answer\n"),
        (["stats"], ""),
        (["reset", "--yes"], ""),
    ],
)
def test_newer_file_refused_by_every_command(
    progress_path: Path, args: list[str], stdin: str
) -> None:
    progress_path.parent.mkdir(parents=True, exist_ok=True)
    future = b'{"version": 99, "decks": {"bundled:flask-interview-prep": {"x": 1}}}'
    progress_path.write_bytes(future)
    result = run(*args, stdin=stdin)
    assert result.exit_code == 2, result.stderr
    [line] = cli_lines(result)
    assert "newer flaskprep" in line and "progress.json" in line
    assert progress_path.read_bytes() == future


@pytest.mark.parametrize("content", [b"", b'{"version": 1, "decks": {', b"[]"])
def test_corrupt_file_quiz_says_where_it_went_and_carries_on(
    progress_path: Path, content: bytes
) -> None:
    progress_path.parent.mkdir(parents=True, exist_ok=True)
    progress_path.write_bytes(content)
    result = run("quiz", stdin=QUIZ_TWO)
    assert result.exit_code == 0, result.stderr
    [line] = cli_lines(result)
    [kept] = progress_path.parent.glob("progress.json.corrupt-*")
    assert str(kept) in line
    assert kept.read_bytes() == content
    assert len(reviews_in(progress_path)) == 2


def test_read_only_file_quiz_refuses_before_asking(progress_path: Path, saved: bytes) -> None:
    progress_path.chmod(0o400)
    result = run("quiz", stdin=QUIZ_TWO)
    assert result.exit_code == 2
    [line] = cli_lines(result)
    assert "read-only" in line
    assert "What is" not in result.stdout  # no question was asked whose grade would be lost
    assert progress_path.read_bytes() == saved


def test_data_folder_is_a_file_quiz_refuses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "data-file"
    blocker.write_text("mine\n")
    monkeypatch.setenv("FLASKPREP_HOME", str(blocker))
    result = run("quiz", stdin=QUIZ_TWO)
    assert result.exit_code == 2
    [line] = cli_lines(result)
    assert "is a file" in line and "FLASKPREP_HOME" in line
    assert blocker.read_text() == "mine\n"


def test_disk_fills_up_during_a_quiz(
    progress_path: Path, saved: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first grade saves, then the disk is full: the user is told, nothing earlier lost."""
    real_write = os.write
    writes = {"progress": 0}

    def write(fd: int, data: Any) -> int:
        if bytes(data[:12]).startswith((b'{"version":', b'{"grade":')):  # snapshot or log
            writes["progress"] += 1
            if writes["progress"] > 1:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", write)
    result = run("quiz", stdin=QUIZ_TWO + "\n4\n")
    lines = cli_lines(result)
    assert result.exit_code == 2, result.stderr
    assert len(lines) == 1 and "No space left on device" in lines[0]
    assert "previous file is intact" in lines[0]
    ids = [row[0] for row in reviews_in(progress_path)]
    assert len(ids) == 4  # the three from before and the one saved before the disk filled
    assert json.loads(progress_path.read_bytes())["version"] == VERSION
