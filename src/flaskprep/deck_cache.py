"""Load a deck through an on-disk cache of the parsed result and its search index.

Parsing a large deck takes far longer than reading it back (see ``bench/RESULTS.md``),
so the parsed deck is pickled into the user's own cache folder (as columns, see
``deck_columns``, which load in one go), and its
``SearchIndex`` into a second file beside it, so ``show`` never loads an index
and ``search`` never builds the full deck. Both are keyed on the deck's resolved
path, size, mtime, inode and ctime (see ``_Stamp``), the parser version and the
flaskprep version; the index also on ``flaskprep.search.INDEX_VERSION``, which the
search package bumps when its index changes. A
cache file that is missing, stale, unreadable or from another version is simply
rebuilt; one that cannot be written is skipped. Pickle is safe here: only this
user can write the folder.
"""

from __future__ import annotations

import os
import pickle
import stat
import tempfile
import time
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from flaskprep import __version__, paths
from flaskprep.deck_columns import DeckColumns, eager_deck, lazy_deck, to_columns
from flaskprep.deck_keys import key_for
from flaskprep.errors import DeckError
from flaskprep.model import Deck
from flaskprep.parsing import PARSER_VERSION, parse_deck
from flaskprep.regular_file import UnusableFile, check_regular

if TYPE_CHECKING:
    from flaskprep.search import SearchIndex

CACHE_FORMAT = 6
BUNDLED_KEY_PREFIX = "bundled:"


_Stamp = tuple[str, int, int, int, int, int | None, int, str]
"""Resolved path, size, mtime (ns), inode, ctime (ns), content checksum (only for a file
changed in the last seconds), parser version, flaskprep version: compared as a whole with the stamp
stored in a cache file.

Size and mtime alone miss an edit that keeps the size and puts the mtime back
(``cp -p``, ``rsync -t``, ``os.utime``); such an edit still moves the ctime (no user
can set it) or, for a file replaced by rename, the inode. A file changed so recently
that a second edit could share its ctime tick (a few ms on Linux, more elsewhere) is
also checksummed, as git re-reads "racily clean" files."""
RECENT_NS = 3 * 10**9


def deck_key(path: Path) -> str:
    """Progress identity: the bundled deck keeps one key across upgrades; other decks
    are keyed by their resolved path, one key per path (``deck_keys``)."""
    if path.resolve() == paths.bundled_deck().resolve():
        return BUNDLED_KEY_PREFIX + paths.BUNDLED_DECK_NAME.removesuffix(".md")
    return key_for(path.resolve())


def resolve_deck_path(path: Path | None) -> Path:
    return paths.bundled_deck() if path is None else path


def load_deck(path: Path | None = None) -> Deck:
    path = resolve_deck_path(path)
    stamp = _stamp(path)
    columns = _read_cache(_cache_file(stamp, "deck"), (CACHE_FORMAT, stamp))
    if isinstance(columns, DeckColumns):
        return eager_deck(columns)
    return _parse_and_store(path, stamp)


def load_indexed(path: Path | None = None) -> tuple[Deck, SearchIndex]:
    """The deck (its questions made as they are looked at) and its search index."""
    from flaskprep import search  # only search needs an index: show, quiz, stats never load it

    path = resolve_deck_path(path)
    stamp = _stamp(path)
    columns = _read_cache(_cache_file(stamp, "deck"), (CACHE_FORMAT, stamp))
    deck = lazy_deck(columns) if isinstance(columns, DeckColumns) else None
    index_key = (CACHE_FORMAT, stamp, search.INDEX_VERSION)
    index = _read_cache(_cache_file(stamp, "index"), index_key) if deck else None
    if deck is None:
        deck = _parse_and_store(path, stamp)
    if not isinstance(index, search.SearchIndex):
        index = search.build_index(deck)
        _write_cache(_cache_file(stamp, "index"), (*index_key, index))
    return deck, index


def _parse_and_store(path: Path, stamp: _Stamp) -> Deck:
    deck = parse_deck(path, key=deck_key(path))
    _write_cache(_cache_file(stamp, "deck"), (CACHE_FORMAT, stamp, to_columns(deck)))
    return deck


def _stamp(path: Path) -> _Stamp:
    try:
        info = path.stat()
    except FileNotFoundError:
        raise DeckError(str(path), "no such file", hint="check the path given to --deck") from None
    except OSError as exc:
        raise DeckError(str(path), f"cannot read: {exc.strerror or exc}") from None
    try:
        check_regular(info)
    except UnusableFile as exc:
        raise DeckError(str(path), exc.reason) from None
    changed = max(info.st_mtime_ns, info.st_ctime_ns)
    checksum = _checksum(path) if time.time_ns() - changed < RECENT_NS else None
    return (
        str(path.resolve()),
        info.st_size,
        info.st_mtime_ns,
        info.st_ino,
        info.st_ctime_ns,
        checksum,
        PARSER_VERSION,
        __version__,
    )


def _checksum(path: Path) -> int | None:
    """CRC-32 of the file's bytes (None if it cannot be read: the parse then says why)."""
    crc = 0
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(1 << 20):
                crc = zlib.crc32(chunk, crc)
    except OSError:
        return None
    return crc


def _cache_file(stamp: _Stamp, kind: str) -> Path:
    # zlib, not hashlib: a warm run never loads OpenSSL, and a clash between two decks'
    # names only costs a rebuild (the stamp inside holds the full path).
    name = stamp[0].encode("utf-8", "surrogatepass")
    digest = f"{zlib.crc32(name):08x}{zlib.adler32(name):08x}"
    return paths.cache_dir() / "decks" / f"{digest}.{kind}.pickle"


def _read_cache(cache: Path, key: tuple[Any, ...]) -> object:
    """The payload stored after ``key`` in ``cache``, or None if missing, stale or unreadable."""
    if not _private(cache):
        return None
    try:
        with cache.open("rb") as handle:
            stored: Any = pickle.load(handle)
    except Exception:  # any unreadable or foreign cache is only a cache: rebuild it
        return None
    if not (isinstance(stored, tuple) and len(stored) == len(key) + 1):
        return None
    return stored[-1] if stored[:-1] == key else None


def _private(cache: Path) -> bool:
    """Unpickle only what this user alone could have written: a shared or foreign
    cache folder (say ``FLASKPREP_CACHE_DIR`` in a world-writable /tmp) is ignored."""
    if not hasattr(os, "getuid"):  # pragma: no cover - Windows: per-user profile folders
        return True
    try:
        for item in (cache.parent, cache):
            info = item.stat()
            if info.st_uid != os.getuid() or info.st_mode & 0o022:
                return False
    except OSError:
        return False
    return stat.S_ISREG(info.st_mode)  # a FIFO planted as a cache file would block a read


def _write_cache(cache: Path, payload: tuple[Any, ...]) -> None:
    try:
        paths.make_private_folder(cache.parent)
        fd, tmp = tempfile.mkstemp(dir=cache.parent, prefix=".tmp-", suffix=".pickle")
        try:
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(payload, handle, pickle.HIGHEST_PROTOCOL)
            Path(tmp).replace(cache)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except (OSError, pickle.PicklingError):
        return  # an unwritable cache only costs speed
