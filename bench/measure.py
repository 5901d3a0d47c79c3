"""Time whole processes as a user meets them: wall clock and peak memory per run.

Each run is one ``subprocess.Popen`` reaped with ``os.wait4`` so the child's own
resource usage (``ru_maxrss``, KiB on Linux) comes back with its exit status.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import select
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

KIB = 1024
# ru_maxrss is bytes on macOS, KiB elsewhere.
RSS_UNIT = 1 if sys.platform == "darwin" else KIB
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
FRAME = " \t│┃|─━╭╮╰╯┌┐└┘>*•"


class RunFailed(Exception):
    """A case's command exited badly or never showed what we waited for."""


@dataclass(frozen=True)
class Sample:
    seconds: float
    max_rss: int
    """Peak resident set size of the child, in bytes."""
    cpu: float = 0.0
    """User plus system CPU seconds of the child (steadier than wall time on a busy machine)."""


def _reap(proc: subprocess.Popen[bytes]) -> tuple[int, int, float]:
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return proc.returncode, usage.ru_maxrss * RSS_UNIT, usage.ru_utime + usage.ru_stime


def run_once(
    argv: Sequence[str],
    env: Mapping[str, str],
    ok_codes: tuple[int, ...] = (0,),
    tty: bool = False,
) -> Sample:
    """Run ``argv`` to completion; stdout is a 100x40 terminal (``tty``) or discarded."""
    master, slave = _terminal() if tty else (None, subprocess.DEVNULL)
    start = time.perf_counter()
    proc = subprocess.Popen(
        argv, env=env, stdin=subprocess.DEVNULL, stdout=slave, stderr=subprocess.PIPE
    )
    assert proc.stderr is not None
    if master is not None:
        os.close(slave)
    err = _drain(proc.stderr.fileno(), master)
    code, rss, cpu = _reap(proc)
    elapsed = time.perf_counter() - start
    proc.stderr.close()
    if master is not None:
        os.close(master)
    if code not in ok_codes:
        raise RunFailed(f"exit {code}: {_first_line(err)}")
    return Sample(elapsed, rss, cpu)


def _terminal() -> tuple[int, int]:
    import fcntl
    import pty
    import struct
    import termios

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 100, 0, 0))
    return master, slave


def _drain(err_fd: int, out_fd: int | None) -> bytes:
    """Read the child's stderr (kept) and terminal output (dropped) until both close."""
    open_fds = [fd for fd in (err_fd, out_fd) if fd is not None]
    err = b""
    while open_fds:
        ready, _, _ = select.select(open_fds, [], [])
        for fd in ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:  # EIO: the terminal's last writer has gone
                chunk = b""
            if not chunk:
                open_fds.remove(fd)
            elif fd == err_fd:
                err += chunk
    return err


def _first_line(err: bytes) -> str:
    text = err.decode("utf-8", "replace").strip()
    lines = [line for line in text.splitlines() if line.strip()]
    return lines[-1][:160] if lines else "(no message)"


def run_until(
    argv: Sequence[str],
    env: Mapping[str, str],
    seen: Callable[[str], bool],
    timeout: float = 120.0,
) -> Sample:
    """Time from spawn until a line of stdout satisfies ``seen``; then end the process.

    stdin is a pipe that is never written to, as in ``flaskprep quiz < answers``
    before the first answer arrives.
    """
    start = time.perf_counter()
    proc = subprocess.Popen(
        argv, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    try:
        elapsed, output = _watch(proc, seen, start, timeout)
    finally:
        _stop(proc)
    _, rss, cpu = _reap(proc)
    if elapsed is None:
        err = proc.stderr.read() if proc.stderr else b""
        raise RunFailed(f"no question seen; stdout {output[-120:]!r}; {_first_line(err)}")
    for stream in (proc.stdout, proc.stderr):
        if stream:
            stream.close()
    return Sample(elapsed, rss, cpu)


def _watch(
    proc: subprocess.Popen[bytes], seen: Callable[[str], bool], start: float, timeout: float
) -> tuple[float | None, str]:
    assert proc.stdout is not None
    fd = proc.stdout.fileno()
    buffer = b""
    while time.perf_counter() - start < timeout:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if not ready:
            continue
        chunk = os.read(fd, 65536)
        if not chunk:
            return None, buffer.decode("utf-8", "replace")
        buffer += chunk
        *lines, rest = buffer.split(b"\n")
        if any(seen(_plain(line)) for line in lines):
            return time.perf_counter() - start, ""
        if seen(_plain(rest)):
            return time.perf_counter() - start, ""
    return None, buffer.decode("utf-8", "replace")


def _plain(line: bytes) -> str:
    return ANSI.sub("", line.decode("utf-8", "replace")).strip(FRAME)


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.stdin:
        with contextlib.suppress(OSError):
            proc.stdin.close()
    # os.kill, not Popen.send_signal: that polls and would reap the child before wait4.
    with contextlib.suppress(ProcessLookupError):
        os.kill(proc.pid, signal.SIGKILL)


def text_matcher(texts: set[str]) -> Callable[[str], bool]:
    """True for a line holding one of ``texts`` as a run of whole words (frames stripped)."""

    def seen(line: str) -> bool:
        words = line.split()
        for i in range(len(words)):
            for j in range(i + 1, len(words) + 1):
                if " ".join(words[i:j]).strip(FRAME) in texts:
                    return True
        return False

    return seen


class Spawner:
    """Runs the timed processes from a small helper interpreter.

    Linux carries a parent's peak RSS into a vforked child's ``ru_maxrss``, so
    children spawned by bench/run itself (which holds whole decks in memory)
    would report its peak as theirs. The helper stays ~10 MiB, as every figure's floor.
    """

    def __init__(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, __file__, "--serve"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def run(self, request: dict[str, Any]) -> Sample:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(json.dumps(request) + "\n")
        self.proc.stdin.flush()
        reply = json.loads(self.proc.stdout.readline())
        if reply.get("error") is not None:
            raise RunFailed(reply["error"])
        return Sample(reply["seconds"], reply["max_rss"], reply["cpu"])

    def once(
        self,
        argv: Sequence[str],
        env: Mapping[str, str],
        ok_codes: tuple[int, ...] = (0,),
        tty: bool = False,
    ) -> Sample:
        return self.run(
            {"argv": list(argv), "env": dict(env), "ok_codes": list(ok_codes), "tty": tty}
        )

    def until(self, argv: Sequence[str], env: Mapping[str, str], texts_file: str) -> Sample:
        return self.run({"argv": list(argv), "env": dict(env), "texts_file": texts_file})

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait()


def _serve_one(request: dict[str, Any], matchers: dict[str, Callable[[str], bool]]) -> Sample:
    argv, env = request["argv"], request["env"]
    texts_file = request.get("texts_file")
    if texts_file is None:
        return run_once(argv, env, tuple(request["ok_codes"]), request["tty"])
    if texts_file not in matchers:
        matchers.clear()
        with Path(texts_file).open(encoding="utf-8") as handle:
            matchers[texts_file] = text_matcher(set(handle.read().splitlines()))
    return run_until(argv, env, matchers[texts_file])


def serve() -> None:
    matchers: dict[str, Callable[[str], bool]] = {}
    for line in sys.stdin:
        try:
            sample = _serve_one(json.loads(line), matchers)
            reply: dict[str, Any] = {
                "seconds": sample.seconds,
                "max_rss": sample.max_rss,
                "cpu": sample.cpu,
            }
        except (RunFailed, OSError) as exc:
            reply = {"error": str(exc)}
        sys.stdout.write(json.dumps(reply) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    serve()
