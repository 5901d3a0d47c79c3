"""Shared helpers for the reliability suite: run the CLI, build decks, check refusals."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

try:  # tests/ is on sys.path (rootdir conftest) unless it becomes a package
    from cli_runner import Result, run, run_into
except ImportError:  # pragma: no cover
    from tests.cli_runner import Result, run, run_into

__all__ = ["Result", "run", "run_tty"]

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "seeds" / "flask-interview-prep.md"

CLEAN_DECK = """# Tiny Flask Deck

## Table of Contents
1. [Basics](#1-basics)
2. [More](#2-more)

---

## 1. Basics
- What is Flask?
  - **Answer:** A lightweight WSGI `microframework` built on Werkzeug and Jinja2.
- What is WSGI?
  - **Answer:** The Python web server gateway interface between servers and apps.

## 2. More
- What does a blueprint do?
  - **Answer:** Blueprints group routes, templates and static files for reuse.

---

### Additional Resources
- [Flask Documentation](https://flask.palletsprojects.com/)
"""


def seed_layout(sections: int, per_section: int, *, word: str = "topic") -> str:
    """A deck in the seed's layout with ``sections * per_section`` distinct questions."""
    lines = ["# Generated Deck", ""]
    for s in range(1, sections + 1):
        lines.append(f"## {s}. Section {s}")
        for q in range(1, per_section + 1):
            lines.append(f"- How does {word} {s}-{q} work?")
            lines.append(f"  - **Answer:** It works through mechanism {s}-{q} and {word} rules.")
        lines.append("")
    return "\n".join(lines)


def one_line(text: str) -> str:
    """The single non-empty line of ``text`` (fails if there are more or none)."""
    lines = [line for line in text.splitlines() if line.strip()]
    assert len(lines) == 1, f"expected one line, got {len(lines)}: {text!r}"[:2000]
    return lines[0]


def assert_refused(result: Result, name: str, *, exit_code: int = 2) -> str:
    """Refused: exit code, no traceback, exactly one stderr line naming ``name``."""
    assert "Traceback" not in result.stderr + result.stdout
    assert result.exit_code == exit_code, (result.exit_code, result.stderr[:500])
    line = one_line(result.stderr)
    assert name in line, line
    return line


def assert_ok(result: Result) -> None:
    assert "Traceback" not in result.stderr + result.stdout
    assert result.exit_code == 0, (result.exit_code, result.stderr[:2000])


def flaskprep_command() -> list[str]:
    """The installed console script if it sits beside this interpreter, else ``-m``."""
    script = Path(sys.executable).parent / "flaskprep"
    return [str(script)] if script.exists() else [sys.executable, "-m", "flaskprep"]


def run_subprocess(
    *args: str, stdin: str = "", env: dict[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """``flaskprep ARGS`` as a real process (inherits the isolated env from conftest)."""
    return subprocess.run(
        [*flaskprep_command(), *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, **(env or {})},
        check=False,
    )


class _TtyBuffer(io.StringIO):
    """A captured stream that says it is a terminal, as a user's would."""

    def isatty(self) -> bool:
        return True


def run_tty(*args: str, stdin: str = "") -> Result:
    """Like ``run`` but stdout/stderr claim to be a terminal (set ``PAGER=cat`` first)."""
    return run_into(_TtyBuffer(), _TtyBuffer(), args, stdin)
