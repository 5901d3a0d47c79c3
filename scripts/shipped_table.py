"""The one ``main`` of the scripts that build a data file shipped in the package: write
the table, or with ``--check`` say whether the shipped file is up to date (exit 1 if not)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def build_or_check(
    description: str, output: Path, build: Callable[[], str], argv: list[str] | None = None
) -> int:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--check", action="store_true", help="compare with the shipped file")
    args = parser.parse_args(argv)
    text = build()
    if args.check:
        same = output.read_text(encoding="utf-8") == text
        print(f"{output.name} is up to date" if same else f"{output.name} differs: rebuild it")
        return 0 if same else 1
    output.write_text(text, encoding="utf-8")
    lines = sum(1 for line in text.splitlines() if line[:1] != "#")
    print(f"wrote {output.relative_to(ROOT)}: {lines} lines")
    return 0
