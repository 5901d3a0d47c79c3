"""The parsed-deck cache: same deck as a fresh parse, rebuilt when stale or broken."""

from __future__ import annotations

import os
import pickle
import shutil
from pathlib import Path

import pytest

from flaskprep import paths
from flaskprep import search as search_package
from flaskprep.deck_cache import load_deck, load_indexed
from flaskprep.model import Deck
from flaskprep.parsing import parse_deck
from flaskprep.search import SearchIndex, search


def cache_files() -> list[Path]:
    return sorted((paths.cache_dir() / "decks").glob("*.pickle"))


def copy_deck(seed_path: Path, tmp_path: Path) -> Path:
    deck = tmp_path / "deck.md"
    shutil.copyfile(seed_path, deck)
    return deck


def test_cached_deck_equals_a_fresh_parse(seed_path: Path, tmp_path: Path) -> None:
    deck_file = copy_deck(seed_path, tmp_path)
    fresh = parse_deck(deck_file, key=str(deck_file.resolve()))
    first, second = load_deck(deck_file), load_deck(deck_file)
    assert first == fresh
    assert second == fresh
    assert second.questions == fresh.questions
    assert [p.name.split(".")[1] for p in cache_files()] == ["deck"]


def test_search_deck_from_cache_behaves_like_the_parsed_deck(seed_path: Path) -> None:
    load_indexed(seed_path)
    deck, index = load_indexed(seed_path)  # both from the cache: questions made on demand
    parsed = load_deck(seed_path)
    assert deck == parsed
    assert len(deck.questions) == 63
    assert deck.questions[-1] == parsed.questions[-1]
    assert list(deck.sections[2].questions) == list(parsed.sections[2].questions)
    assert deck.by_id() == parsed.by_id()
    assert pickle.loads(pickle.dumps(deck)) == parsed
    hits = search(deck, index, "blueprint").hits
    assert hits[0].question.text == "Blueprints and application factories"


def test_edited_deck_is_parsed_again(seed_path: Path, tmp_path: Path) -> None:
    deck_file = copy_deck(seed_path, tmp_path)
    load_indexed(deck_file)
    text = deck_file.read_text(encoding="utf-8")
    deck_file.write_text(text.replace("Blueprints and application", "Modules and application"))
    stat = deck_file.stat()
    os.utime(deck_file, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    deck, index = load_indexed(deck_file)
    assert "Modules and application factories" in [q.text for q in deck.questions]
    assert search(deck, index, "modules").hits


def test_a_new_index_version_rebuilds_the_cached_index(
    seed_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_indexed(seed_path)
    built: list[int] = []
    real_build = search_package.build_index

    def counting_build(deck: Deck) -> SearchIndex:
        built.append(len(deck.questions))
        return real_build(deck)

    monkeypatch.setattr(search_package, "build_index", counting_build)
    load_indexed(seed_path)
    assert built == []  # same version: the cached index is used
    monkeypatch.setattr(search_package, "INDEX_VERSION", search_package.INDEX_VERSION + 1)
    deck, index = load_indexed(seed_path)
    assert built == [63]
    assert search(deck, index, "blueprint").hits
    load_indexed(seed_path)
    assert built == [63]  # and stored under the new version


def test_corrupt_cache_files_are_rebuilt(seed_path: Path) -> None:
    load_indexed(seed_path)
    for cache in cache_files():
        cache.write_bytes(b"not a pickle")
    deck, index = load_indexed(seed_path)
    assert len(deck.questions) == 63
    assert search(deck, index, "blueprint").hits
    assert all(p.read_bytes() != b"not a pickle" for p in cache_files())


def test_unwritable_cache_folder_only_costs_speed(
    seed_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("FLASKPREP_CACHE_DIR", str(blocker))
    deck, index = load_indexed(seed_path)
    assert search(deck, index, "blueprint").hits
    assert load_deck(seed_path) == deck
