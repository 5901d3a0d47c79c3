"""Export writers and the `export` command: Anki text, CSV, JSON, Markdown, apkg."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from contextlib import closing
from pathlib import Path

import pytest

from cli_runner import run
from flaskprep import export
from flaskprep.model import Deck, Question, Section

ANKI_HEADERS = [
    "#separator:tab",
    "#html:true",
    "#notetype:flaskprep Basic",
    "#deck:Flask Interview Preparation",
    "#columns:Front\tBack\tTags\tGUID",
    "#tags column:3",
    "#guid column:4",
]


LEFT = export.ANKI_FIELD_STYLE


def small_deck(
    answer: str = "Use `url_for('index')`.", question: str = "What is `url_for`?"
) -> Deck:
    questions = (Question("abcd1234", question, answer, 3, 0, 1),)
    return Deck.build("My Deck", "decks/my deck.md", (Section(2, "Routing and Views", questions),))


def anki_rows(text: str) -> list[list[str]]:
    return [line.split("\t") for line in text.splitlines() if not line.startswith("#")]


# --- Anki text ------------------------------------------------------------------------


def test_seed_anki_export_has_headers_and_63_rows_of_four_fields() -> None:
    result = run("export", "--format", "anki")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[: len(ANKI_HEADERS)] == ANKI_HEADERS
    rows = anki_rows(result.stdout)
    assert len(rows) == 63
    assert all(len(row) == 4 for row in rows)
    assert all(row[0] and row[1] for row in rows)


def test_anki_tags_name_the_section_and_guids_are_unique() -> None:
    rows = anki_rows(run("export", "--format", "anki").stdout)
    assert "flaskprep::Routing_and_Views" in {row[2] for row in rows}
    assert all(" " not in row[2] for row in rows)
    guids = [row[3] for row in rows]
    assert len(set(guids)) == 63
    assert all(g.startswith("flaskprep-") for g in guids)


def test_anki_guid_is_stable_across_exports() -> None:
    first = anki_rows(run("export", "--format", "anki").stdout)
    second = anki_rows(run("export", "--format", "anki").stdout)
    assert [r[3] for r in first] == [r[3] for r in second]


def test_anki_code_spans_survive_as_html() -> None:
    (front, back, _tag, _guid) = export.anki_rows(small_deck())[0]
    assert front == f'<div style="{LEFT}">What is <code>url_for</code>?</div>'
    assert "<code>url_for('index')</code>" in back


def test_anki_escapes_raw_html_so_a_deck_cannot_inject_script() -> None:
    deck = small_deck(answer="Hi <script>alert(1)</script> <img src=x onerror=alert(1)>")
    text = export.to_anki_text(deck)
    assert "<script" not in text and "<img" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text


def test_anki_fields_hold_no_raw_tab_or_newline() -> None:
    answer = "First paragraph.\n\n```python\nif ok:\n\treturn 1\n```\n\n- one\n- two"
    rows = anki_rows(export.to_anki_text(small_deck(answer=answer)))
    assert len(rows) == 1 and len(rows[0]) == 4
    assert "if ok:<br>    return 1" in rows[0][1]


def test_anki_row_never_starts_with_hash_which_anki_reads_as_a_comment() -> None:
    rows = anki_rows(export.to_anki_text(small_deck(question="#1 rule of Flask?")))
    assert not rows[0][0].startswith("#") and "&#35;1 rule" in rows[0][0]
    assert export.to_html("#1 rule", inline=True).startswith("&#35;1 rule")


def test_anki_quotes_are_entities_so_anki_does_not_read_quoted_fields() -> None:
    (front, *_rest) = export.anki_rows(small_deck(question='"Hello" in Flask?'))[0]
    assert front.startswith(f'<div style="{LEFT}">&quot;Hello&quot;')


def test_anki_guid_ignores_the_deck_file_name() -> None:
    deck = small_deck()
    renamed = Deck.build("Copy", "elsewhere/copy.md", deck.sections)
    assert export.anki_rows(deck)[0][3] == export.anki_rows(renamed)[0][3] == "flaskprep-abcd1234"


def test_a_reworded_question_keeps_the_guid_of_its_first_wording() -> None:
    rewordings = {"abcd1234": "bbbb2222", "bbbb2222": "cccc3333"}  # reworded twice
    assert export.anki_guid("abcd1234", rewordings) == "flaskprep-cccc3333"
    assert export.anki_guid("abcd1234", {"abcd1234": "abcd1234"}) == "flaskprep-abcd1234"


def test_quiz_progress_carries_the_note_across_a_rewording(seed_path: Path, tmp_path: Path) -> None:
    deck_file = tmp_path / "mine.md"
    text = seed_path.read_text(encoding="utf-8")
    deck_file.write_text(text, encoding="utf-8")
    before = anki_rows(run("--deck", str(deck_file), "export", "--format", "anki").stdout)
    assert run("--deck", str(deck_file), "quiz", "-n", "1", "-s", "1", stdin="\n3\n").exit_code == 0
    old = "What is Flask and its key features"
    assert old in text
    deck_file.write_text(text.replace(old, "What is Flask, and what are its key features"))
    after = anki_rows(run("--deck", str(deck_file), "export", "--format", "anki").stdout)
    assert [row[3] for row in after] == [row[3] for row in before]
    assert after[0][0] != before[0][0]


# --- CSV, JSON, Markdown --------------------------------------------------------------


def test_csv_round_trips_through_csv_reader() -> None:
    result = run("export", "--format", "csv")
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == ["id", "section", "question", "answer"]
    assert len(rows) == 64
    assert rows[1][1] == "1. Flask Fundamentals"
    assert rows[1][2] == "What is Flask and its key features"


def test_csv_keeps_commas_quotes_and_newlines_in_one_field() -> None:
    answer = 'One, "two"\nthree'
    rows = list(csv.reader(io.StringIO(export.to_csv(small_deck(answer=answer)))))
    assert rows[1][3] == answer


def test_csv_file_has_a_bom_for_spreadsheets_but_stdout_does_not(tmp_path: Path) -> None:
    target = tmp_path / "deck.csv"
    assert run("export", "--format", "csv", "-o", str(target)).exit_code == 0
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")
    with target.open(encoding="utf-8-sig", newline="") as handle:
        assert next(csv.reader(handle)) == ["id", "section", "question", "answer"]
    assert not run("export", "--format", "csv").stdout.startswith("\ufeff")


def test_json_export_equals_browse_json() -> None:
    exported = run("export", "--format", "json")
    browsed = run("browse", "--json")
    assert exported.exit_code == 0
    assert json.loads(exported.stdout) == json.loads(browsed.stdout)


def test_markdown_export_parses_back_to_the_same_deck(tmp_path: Path) -> None:
    from flaskprep.deck_cache import load_deck

    target = tmp_path / "again.md"
    assert run("export", "--format", "markdown", "-o", str(target)).exit_code == 0
    original, again = load_deck(None), load_deck(target)
    assert again.title == original.title
    assert [s.label for s in again.sections] == [s.label for s in original.sections]
    assert [(q.id, q.text, q.answer) for q in again.questions] == [
        (q.id, q.text, q.answer) for q in original.questions
    ]
    assert again.resources == original.resources


# --- the command ---------------------------------------------------------------------


def test_output_option_writes_a_file_and_says_so(tmp_path: Path) -> None:
    target = tmp_path / "flask.txt"
    result = run("export", "--format", "anki", "-o", str(target))
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "63 questions" in result.stderr
    assert len(anki_rows(target.read_text(encoding="utf-8"))) == 63


@pytest.mark.parametrize("fmt", ["anki", "csv", "json", "markdown"])
def test_dash_output_is_standard_output(
    fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    dashed, plain = run("export", "-f", fmt, "-o", "-"), run("export", "-f", fmt)
    assert dashed.exit_code == 0 and dashed.stdout == plain.stdout != ""
    assert not (tmp_path / "-").exists()


def test_apkg_to_dash_writes_the_package_to_a_pipe(tmp_path: Path) -> None:
    pytest.importorskip("genanki")
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "flaskprep", "export", "-f", "apkg", "-o", "-"],
        capture_output=True,
        cwd=tmp_path,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout[:2] == b"PK" and not (tmp_path / "-").exists()
    with zipfile.ZipFile(io.BytesIO(done.stdout)) as package:
        assert "collection.anki2" in package.namelist()


def test_section_option_filters_rows() -> None:
    result = run("export", "--format", "csv", "--section", "2", "-s", "testing")
    sections = {row[1] for row in list(csv.reader(io.StringIO(result.stdout)))[1:]}
    assert sections == {"2. Routing and Views", "8. Testing and Debugging"}


def test_unknown_section_is_a_usage_error() -> None:
    result = run("export", "--format", "csv", "--section", "nonexistent-topic")
    assert result.exit_code == 2
    assert "no section matches" in result.stderr


def test_unwritable_output_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    result = run("export", "--format", "csv", "-o", str(tmp_path / "missing" / "x.csv"))
    assert result.exit_code == 2
    assert "cannot write" in result.stderr and "Traceback" not in result.stderr


def test_apkg_needs_an_output_file() -> None:
    result = run("export", "--format", "apkg")
    assert result.exit_code == 2
    assert "-o" in result.stderr


def test_apkg_without_genanki_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "genanki", None)  # makes `import genanki` fail
    result = run("export", "--format", "apkg", "-o", "never-written.apkg")
    assert result.exit_code == 2
    assert "flaskprep[anki]" in result.stderr
    assert not Path("never-written.apkg").exists()


def test_apkg_holds_every_question(tmp_path: Path) -> None:
    pytest.importorskip("genanki")
    import sqlite3

    target = tmp_path / "flask.apkg"
    assert run("export", "--format", "apkg", "-o", str(target)).exit_code == 0
    with zipfile.ZipFile(target) as package:
        (tmp_path / "db").write_bytes(package.read("collection.anki2"))
    with closing(sqlite3.connect(tmp_path / "db")) as db:
        guids = [row[0] for row in db.execute("select guid from notes")]
    assert len(guids) == 63
    assert all(g.startswith("flaskprep-") for g in guids)
    text_guids = {row[3] for row in anki_rows(run("export", "--format", "anki").stdout)}
    assert set(guids) == text_guids
    with closing(sqlite3.connect(tmp_path / "db")) as db:
        (models,) = next(db.execute("select models from col"))
    assert [m["name"] for m in json.loads(models).values()] == [export.ANKI_NOTE_TYPE]
    assert "text-align: left" in next(iter(json.loads(models).values()))["css"]
