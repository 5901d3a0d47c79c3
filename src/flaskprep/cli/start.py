"""What bare ``flaskprep`` prints: where to start and where progress lives (fits 60 columns)."""

from __future__ import annotations

from flaskprep import paths


def start_guide() -> str:
    return f"""flaskprep: Flask interview questions in your terminal.

Start here:
  flaskprep quiz              today's questions
  flaskprep search blueprint  find questions, typos and all
  flaskprep browse            sections and their questions
  flaskprep stats             where you stand

In the quiz, Enter shows the answer and 1-4 grade it.
Your progress is saved in
  {paths.progress_file()}
Your own notes instead: flaskprep --deck FILE.md quiz
All commands: flaskprep --help
"""
