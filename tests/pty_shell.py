"""Run a shell command in a real 100x30 pseudo-terminal, as a user's terminal would."""

from __future__ import annotations

import os

import pexpect


def spawn_shell(command: str, *, timeout: float) -> pexpect.spawn:
    """``bash -c COMMAND`` in a pty; colour off so screen text is matched as written."""
    env = dict(os.environ, NO_COLOR="1", TERM="xterm", COLUMNS="100", LINES="30")
    return pexpect.spawn(
        "bash",
        ["--norc", "--noprofile", "-c", command],
        env=env,
        dimensions=(30, 100),
        encoding="utf-8",
        timeout=timeout,
    )
