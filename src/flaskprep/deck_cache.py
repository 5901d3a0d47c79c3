"""Load a deck through an on-disk cache of the parsed result and its search index.

Parsing a large deck with markdown-it-py costs ~140 ms per 1,000 questions, so the
parsed ``Deck`` (and, once built, its ``SearchIndex``) is pickled into the user's
own cache folder, keyed on the deck's resolved path, size, mtime, the parser
version and the flaskprep version. A cache file that is missing, stale,
unreadable or from another version is simply rebuilt; one that cannot be
written is skipped. Pickle is safe here: only this user can write the folder.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from flaskprep import __version__, paths
from flaskprep.errors import DeckError
from flaskprep.model import Deck

if TYPE_CHECKING:
    from flaskprep.search import SearchIndex

CACHE_FORMAT = 1
BUNDLED_KEY_PREFIX = "bundled:"


@dataclass(frozen=True, slots=True)
class _Stamp:
    path: str
    size: int
    mtime_ns: int
    parser_version: int
    app_version: str


def deck_key(path: Path) -> str:
    """Progress identity: the bundled deck keeps one key across upgrades."""
    if path.resolve() == paths.bundled_deck().resolve():
        return BUNDLED_KEY_PREFIX + paths.BUNDLED_DECK_NAME.removesuffix(".md")
    return str(path.resolve())


def resolve_deck_path(path: Path | None) -> Path:
    return paths.bundled_deck() if path is None else path


def load_deck(path: Path | None = None) -> Deck:
    return _load(resolve_deck_path(path), want_index=False)[0]


def load_indexed(path: Path | None = None) -> tuple[Deck, SearchIndex]:
    deck, index = _load(resolve_deck_path(path), want_index=True)
    assert index is not None
    return deck, index


def _load(path: Path, want_index: bool) -> tuple[Deck, SearchIndex | None]:
    stamp = _stamp(path)
    cache = _cache_file(stamp)
    cached = _read_cache(cache, stamp)
    if cached is not None and (cached[1] is not None or not want_index):
        return cached
    deck = cached[0] if cached is not None else _parse(path)
    index = _build_index(deck) if want_index else None
    _write_cache(cache, stamp, deck, index)
    return deck, index


def _stamp(path: Path) -> _Stamp:
    from flaskprep.parsing import PARSER_VERSION

    try:
        info = path.stat()
    except FileNotFoundError:
        raise DeckError(str(path), "no such file", hint="check the path given to --deck") from None
    except OSError as exc:
        raise DeckError(str(path), f"cannot read: {exc.strerror or exc}") from None
    return _Stamp(str(path.resolve()), info.st_size, info.st_mtime_ns, PARSER_VERSION, __version__)


def _cache_file(stamp: _Stamp) -> Path:
    digest = hashlib.sha256(stamp.path.encode("utf-8", "surrogatepass")).hexdigest()[:20]
    return paths.cache_dir() / "decks" / f"{digest}.pickle"


def _parse(path: Path) -> Deck:
    from flaskprep.parsing import parse_deck

    return parse_deck(path, key=deck_key(path))


def _build_index(deck: Deck) -> SearchIndex:
    from flaskprep.search import build_index

    return build_index(deck)


def _read_cache(cache: Path, stamp: _Stamp) -> tuple[Deck, SearchIndex | None] | None:
    try:
        with cache.open("rb") as handle:
            payload: Any = pickle.load(handle)
    except Exception:  # any unreadable or foreign cache is only a cache: rebuild it
        return None
    if not (isinstance(payload, tuple) and len(payload) == 4):
        return None
    fmt, cached_stamp, deck, index = payload
    if fmt != CACHE_FORMAT or cached_stamp != stamp or not isinstance(deck, Deck):
        return None
    return deck, index


def _write_cache(cache: Path, stamp: _Stamp, deck: Deck, index: SearchIndex | None) -> None:
    try:
        cache.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(dir=cache.parent, prefix=".tmp-", suffix=".pickle")
        try:
            with os.fdopen(fd, "wb") as handle:
                pickle.dump((CACHE_FORMAT, stamp, deck, index), handle, pickle.HIGHEST_PROTOCOL)
            Path(tmp).replace(cache)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        return  # an unwritable cache only costs speed
