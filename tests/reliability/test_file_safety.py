"""Files flaskprep writes are private to the user; its cache is only ever a cache."""

from __future__ import annotations

import os
import pickle
import stat
from pathlib import Path

import pytest

from flaskprep import paths

from .support import CLEAN_DECK, assert_ok, run


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def deck(tmp_path: Path) -> Path:
    path = tmp_path / "deck.md"
    path.write_text(CLEAN_DECK)
    return path


def cache_files() -> list[Path]:
    return sorted((paths.cache_dir() / "decks").glob("*.pickle"))


def test_progress_backups_and_cache_are_private(deck: Path) -> None:
    old_umask = os.umask(0o022)  # a typical umask: files 0644 unless flaskprep says otherwise
    try:
        assert_ok(run("--deck", str(deck), "search", "flask"))
        assert_ok(run("--deck", str(deck), "quiz", "--count", "1", stdin="\n3\n"))
    finally:
        os.umask(old_umask)
    progress = paths.progress_file()
    assert mode(progress) == 0o600
    assert mode(progress.parent) == 0o700
    assert cache_files(), "search should have cached the parsed deck"
    for cached in cache_files():
        assert mode(cached) == 0o600, cached.name
    assert mode(paths.cache_dir() / "decks") == 0o700
    assert not list(progress.parent.glob(".*.tmp"))


class _Exploit:
    """A pickle that runs code when loaded: creates ``marker``."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.mkdir, (str(self.marker),))


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"garbage, not a pickle",
        b"\x80\x05\x95",  # a truncated pickle
        pickle.dumps({"not": "a deck"}),
        pickle.dumps((1, 2, 3)),
        pickle.dumps((999, "stamp", "payload")),
    ],
    ids=["empty", "garbage", "truncated", "dict", "tuple", "other-format"],
)
def test_unreadable_or_foreign_cache_is_rebuilt(deck: Path, content: bytes) -> None:
    assert_ok(run("--deck", str(deck), "search", "flask"))
    before = {p: p.read_bytes() for p in cache_files()}
    assert before
    for cached in before:
        cached.write_bytes(content)
    result = run("--deck", str(deck), "search", "blueprint")
    assert_ok(result)
    assert "blueprint" in result.stdout.lower()
    shown = run("--deck", str(deck), "show", "2.1")
    assert_ok(shown)
    assert "Blueprints group routes" in shown.stdout
    for cached in before:
        assert cached.read_bytes() != content, f"{cached.name} was not rebuilt"


def test_cache_in_a_folder_others_can_write_is_not_unpickled(deck: Path, tmp_path: Path) -> None:
    shared = paths.cache_dir() / "decks"
    shared.mkdir(parents=True)
    shared.chmod(0o777)  # e.g. FLASKPREP_CACHE_DIR pointing into a shared /tmp folder
    assert_ok(run("--deck", str(deck), "search", "flask"))  # writes the cache files
    marker = tmp_path / "pwned"
    planted = cache_files()
    assert planted
    for cached in planted:  # another user swaps in pickles that run code when loaded
        cached.write_bytes(pickle.dumps(_Exploit(marker)))
    assert_ok(run("--deck", str(deck), "search", "flask"))
    assert_ok(run("--deck", str(deck), "browse", "1"))
    assert not marker.exists(), "a pickle planted by another user was loaded"
    for cached in planted:  # control: in the user's own folder the same files are read
        cached.write_bytes(pickle.dumps(_Exploit(marker)))
    shared.chmod(0o700)
    run("--deck", str(deck), "browse", "1")
    assert marker.exists()


@pytest.mark.parametrize("umask", [0o000, 0o022, 0o077, 0o277], ids=oct)
def test_folders_are_0700_whatever_the_umask(
    deck: Path, tmp_path: Path, umask: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Missing parents included: ``mkdir -p`` gives them the umask's mode (0777 under 0)."""
    monkeypatch.setenv("FLASKPREP_HOME", str(tmp_path / "new" / "deeper" / "data"))
    monkeypatch.setenv("FLASKPREP_CACHE_DIR", str(tmp_path / "cold" / "cache"))
    old_umask = os.umask(umask)
    try:
        assert_ok(run("--deck", str(deck), "search", "flask"))
        assert_ok(run("--deck", str(deck), "quiz", "--count", "1", stdin="\n3\n"))
        assert_ok(run("--deck", str(deck), "quiz", "--count", "1", stdin="\n3\n"))
    finally:
        os.umask(old_umask)
    for folder in (
        tmp_path / "new",
        tmp_path / "new" / "deeper",
        paths.data_dir(),
        tmp_path / "cold",
        paths.cache_dir(),
        paths.cache_dir() / "decks",
    ):
        assert mode(folder) == 0o700, (folder.name, oct(mode(folder)))
    assert mode(paths.progress_file()) == 0o600
    lock = paths.progress_file().with_name("progress.json.lock")
    assert mode(lock) == 0o600  # 0400 would lock a non-root user out of the next save
