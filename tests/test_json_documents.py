"""Every ``--json`` document has the shape ``docs/json.md`` documents for its schema."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from cli_runner import run

DOCS = Path(__file__).resolve().parents[1] / "docs" / "json.md"


def documented() -> dict[str, Any]:
    """``## flaskprep.NAME/1`` headings, each followed by its example in a json block."""
    text = DOCS.read_text(encoding="utf-8")
    found = re.findall(r"^## (flaskprep\.\w+/\d+)\n.*?```json\n(.*?)```", text, re.M | re.S)
    return {name: json.loads(body) for name, body in found}


def mismatches(actual: Any, expected: Any, where: str = "$") -> list[str]:
    """Where ``actual`` differs from the documented example: keys, types, list items."""
    if actual is None or expected is None:
        return []  # documented nullable fields: null matches any type
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return [f"{where}: expected an object"]
        problems = [f"{where}: keys {sorted(set(actual) ^ set(expected))}"]
        if set(actual) == set(expected):
            problems = []
        for key in set(actual) & set(expected):
            problems += mismatches(actual[key], expected[key], f"{where}.{key}")
        return problems
    if isinstance(expected, list):
        if not isinstance(actual, list):
            return [f"{where}: expected a list"]
        return [p for item in actual for p in mismatches(item, expected[0], f"{where}[]")]
    kinds = {bool: "boolean", int: "number", float: "number", str: "string"}
    same = kinds.get(type(actual)) == kinds.get(type(expected))
    return [] if same else [f"{where}: {type(actual).__name__}, not {type(expected).__name__}"]


def with_history(folder: Path) -> None:
    """Grades and an interview of the bundled deck, and progress of a deck since deleted."""
    lost = folder / "lost.md"
    lost.write_text("# Lost\n\n## One\n\n### What is gone?\n\nA deleted deck.\n")
    assert run("--deck", str(lost), "quiz", "--count", "1", stdin="\n3\n").exit_code == 0
    lost.unlink()
    assert run("quiz", "--count", "2", stdin="\n3\n\n3\n").exit_code == 0
    answer = "Blueprints group routes; create_app builds the app"
    assert run("interview", "--count", "1", "--seed", "1", stdin=f"{answer}\n").exit_code == 0


COMMANDS = [
    ("flaskprep.deck/1", ["browse", "--json"]),
    ("flaskprep.deck/1", ["browse", "2", "--json"]),
    ("flaskprep.deck/1", ["export", "--format", "json"]),
    ("flaskprep.search/1", ["search", "blueprint", "--json"]),
    ("flaskprep.check/1", ["check", "1.4", "blueprints and create_app", "--json"]),
    ("flaskprep.decks/1", ["decks", "--json"]),
    ("flaskprep.stats/1", ["stats", "--json"]),
    ("flaskprep.preview/1", ["preview", "--json", "--count", "3"]),
]


def test_every_schema_is_documented_once() -> None:
    assert set(documented()) == {schema for schema, _ in COMMANDS}


@pytest.mark.parametrize(("schema", "args"), COMMANDS, ids=lambda v: " ".join(v))
def test_output_has_the_documented_shape(schema: str, args: list[str], tmp_path: Path) -> None:
    with_history(tmp_path)
    result = run(*args)
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["schema"] == schema
    assert mismatches(document, documented()[schema]) == []
    assert all(len(items) > 0 for items in document.values() if isinstance(items, list))


def test_browse_section_json_holds_that_section_only() -> None:
    document = json.loads(run("browse", "2", "--json").stdout)
    assert [section["number"] for section in document["sections"]] == [2]


def test_deck_path_is_as_given_in_every_document(
    seed_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "decks"
    folder.mkdir()
    (folder / "mine.md").write_bytes(seed_path.read_bytes())
    monkeypatch.chdir(tmp_path)
    given = {"title": "Flask Interview Preparation", "path": "decks/mine.md"}
    for args in (["browse"], ["search", "blueprint"], ["stats"], ["decks"]):
        document = json.loads(run("--deck", "decks", *args, "--json").stdout)
        decks = [entry["deck"] for key in ("hits", "decks") for entry in document.get(key, [])]
        decks += [document["deck"]] if "deck" in document else []
        assert decks and all(deck == given for deck in decks), args


def test_mismatches_names_a_missing_key_and_a_wrong_type() -> None:
    expected = {"a": 1, "b": [{"c": "x"}]}
    assert mismatches({"a": 1, "b": [{"c": 2}]}, expected) == ["$.b[].c: int, not str"]
    assert mismatches({"a": 1}, expected) == ["$: keys ['b']"]
