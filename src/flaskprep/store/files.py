"""Files the store writes: atomic replacement, fsynced appends, the lock, permissions.

Nothing here knows what progress is. Every file is created 0600 and every folder
0700; a save goes to a temp file in the same folder, is flushed and fsynced, then
``os.replace``d, and the folder is fsynced so the rename survives a power cut.
"""

from __future__ import annotations

import itertools
import json
import os
import stat
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from flaskprep import paths
from flaskprep.errors import ProgressError
from flaskprep.regular_file import UnusableFile, check_regular, read_regular

Stamp = tuple[int, int, int]
MAX_PROGRESS_BYTES = 512 << 20
"""Years of daily reviews take a few MB; anything near this is not a progress file."""

_TEMP_COUNTER = itertools.count()


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to a temp file beside ``path``, fsync, then ``os.replace`` (mode 0600)."""
    tmp = temp_name(path)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        try:
            _private(fd)
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        tmp.replace(path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_folder(path.parent)


def temp_name(path: Path) -> Path:
    return path.with_name(f".{path.name}.{os.getpid()}-{next(_TEMP_COUNTER)}.tmp")


def append_synced(path: Path, data: bytes) -> int:
    """Append ``data`` to ``path`` (created 0600) and fsync; the file's new size."""
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        _private(fd)
        _write_all(fd, data)
        os.fsync(fd)
        return os.fstat(fd).st_size
    finally:
        os.close(fd)


def truncate_synced(path: Path, size: int) -> None:
    """Cut ``path`` back to ``size`` bytes (a torn last line nobody was told was saved)."""
    fd = os.open(path, os.O_WRONLY)
    try:
        os.ftruncate(fd, size)
        os.fsync(fd)
    finally:
        os.close(fd)


def probe(path: Path) -> None:
    """Write and remove a small file at ``path``; ``OSError`` if the folder cannot take a save."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        _write_all(fd, b" " * 1024)
    finally:
        os.close(fd)
        path.unlink(missing_ok=True)


def _private(fd: int) -> None:
    """0600 whatever the umask (under 0277 a new file would be 0400, and the next
    open for writing would fail); a file someone else owns is left as it is."""
    if hasattr(os, "fchmod"):
        with suppress(OSError):
            os.fchmod(fd, 0o600)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def fsync_folder(folder: Path) -> None:
    if sys.platform == "win32":  # pragma: no cover
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def can_write(path: Path) -> bool:
    """Writable for us; a file or folder the owner made read-only counts as read-only,
    even for root (who could write it anyway)."""
    try:
        info = path.stat()
    except OSError:
        return False
    if info.st_uid == _uid() and not info.st_mode & stat.S_IWUSR:
        return False
    return os.access(path, os.W_OK)


def _uid() -> int:
    return os.getuid() if hasattr(os, "getuid") else -1


def make_folder(folder: Path) -> None:
    """Create ``folder`` (and missing parents) 0700 whatever the umask."""
    paths.make_private_folder(folder)


@contextmanager
def file_lock(path: Path, timeout_s: float) -> Iterator[None]:
    """An exclusive lock on ``path``: ``fcntl.flock`` on POSIX (filelock elsewhere).

    flock is released by the kernel when the process dies, so a crash never leaves
    a stale lock. Raises ``TimeoutError`` after ``timeout_s``.
    """
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows CI only
        import filelock

        try:
            with filelock.FileLock(str(path), timeout=timeout_s):
                yield
        except filelock.Timeout:
            raise TimeoutError(str(path)) from None
        return
    import fcntl

    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o600)
    try:
        _private(fd)
        deadline = time.monotonic() + timeout_s
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise TimeoutError(str(path)) from None
                time.sleep(0.005)
        yield
    finally:
        os.close(fd)


def stat_or_none(path: Path) -> os.stat_result | None:
    """``None`` if missing; ``ProgressError`` (one line) for anything but a regular file:
    a FIFO would block every command, ``/dev/zero`` fill memory."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise ProgressError(f"cannot read {path}: {describe(exc)}") from None
    try:
        check_regular(info)
    except UnusableFile as exc:
        raise unusable(path, exc) from None
    return info


def read_capped(path: Path) -> bytes:
    """The bytes of a regular file of at most ``MAX_PROGRESS_BYTES``; ``ProgressError`` else."""
    try:
        return read_regular(path, MAX_PROGRESS_BYTES)
    except UnusableFile as exc:
        raise unusable(path, exc) from None


def unusable(path: Path, exc: UnusableFile) -> ProgressError:
    return ProgressError(
        f"progress file {path} {exc.reason}",
        hint="move it away and flaskprep starts a new one, or set FLASKPREP_HOME",
    )


def stamp(path: Path) -> Stamp | None:
    info = stat_or_none(path)
    return None if info is None else (info.st_ino, info.st_size, info.st_mtime_ns)


def size(path: Path) -> int:
    info = stat_or_none(path)
    return 0 if info is None else info.st_size


def describe(exc: BaseException | str) -> str:
    if isinstance(exc, str):
        return exc
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    if isinstance(exc, UnicodeDecodeError):
        return "not UTF-8 text"
    if isinstance(exc, json.JSONDecodeError):
        return f"not valid JSON at line {exc.lineno} column {exc.colno}"
    if isinstance(exc, RecursionError):
        return "nested too deeply"
    return str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__


def ensure_folder(folder: Path, hint: str) -> None:
    """Create the data folder (0700) if missing; ``ProgressError`` if it cannot be."""
    if folder.is_dir():
        return
    if folder.exists():
        raise ProgressError(f"data folder {folder} is a file, not a folder", hint=hint)
    try:
        make_folder(folder)
    except FileExistsError:
        return
    except OSError as exc:
        raise ProgressError(
            f"cannot create data folder {folder}: {describe(exc)}", hint=hint
        ) from None


def refuse_read_only(path: Path, hint: str) -> None:
    if path.exists() and not can_write(path):
        raise ProgressError(f"progress file {path} is read-only", hint=hint)


@contextmanager
def progress_lock(lock: Path, named: Path, timeout_s: float, hint: str) -> Iterator[None]:
    """``file_lock`` with its failures as one-line ``ProgressError``s naming ``named``."""
    try:
        with file_lock(lock, timeout_s):
            yield
    except TimeoutError:
        raise ProgressError(
            f"{named} is locked by another flaskprep for over {timeout_s:.0f}s",
            hint="close the other flaskprep or remove the .lock file",
        ) from None
    except OSError as exc:  # permission denied, or the lock's name taken by a folder
        raise ProgressError(
            f"progress file {named} cannot be locked: {describe(exc)}", hint=hint
        ) from None
