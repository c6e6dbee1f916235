"""The installed ``scaffold`` as a real subprocess: its output, its URLs panel, its
process tree, and Ctrl-C (SIGINT) — what a workshop participant sees and does."""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

SCAFFOLD = Path(sys.executable).with_name("scaffold")
PANEL_TITLE = "Running — press Ctrl-C to stop"
_ROW = re.compile(r"^  (\S.*?)\s{2,}(\S.*)$")


@dataclass
class Launched:
    process: subprocess.Popen[str]
    started: float
    lines: list[str] = field(default_factory=list)

    @property
    def output(self) -> str:
        return "\n".join(self.lines)

    def panel(self, timeout: float = 300) -> dict[str, str]:
        """The rows of the URLs panel (label → value), once scaffold has printed it."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if PANEL_TITLE in self.lines:
                rows = self.lines[self.lines.index(PANEL_TITLE) + 1 :]
                matched = [_ROW.match(line) for line in rows]
                parsed = [m.groups() for m in matched[: _first_none(matched)] if m]
                if parsed and parsed[-1][0] == "project":  # the panel's last row
                    return dict(parsed)
            if self.process.poll() is not None:
                pytest.fail(f"scaffold exited {self.process.returncode}:\n{self.output}")
            time.sleep(0.1)
        pytest.fail(f"no URLs panel within {timeout}s:\n{self.output}")

    def urls(self) -> dict[str, str]:
        return {k: v for k, v in self.panel().items() if v.startswith("http://")}

    def interrupt(self, sig: int = signal.SIGINT, timeout: float = 60) -> int:
        """Ctrl-C (as a terminal sends it) or ``sig``; wait for scaffold to finish stopping."""
        self.process.send_signal(sig)
        return self.process.wait(timeout)


def _first_none(items: Sequence[object]) -> int:
    return next((i for i, item in enumerate(items) if item is None), len(items))


def _as_from_a_terminal() -> None:
    """Ctrl-C reaches a command typed in a terminal; a test run started in the background
    (``pytest &``, some CI runners) would hand scaffold SIGINT ignored."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@contextlib.contextmanager
def launched(
    args: Sequence[str], cwd: Path, env: Mapping[str, str] | None = None
) -> Iterator[Launched]:
    """Run ``scaffold ARGS`` (stdout and stderr merged, no TTY); kill it if a test fails."""
    process = subprocess.Popen(
        [str(SCAFFOLD), *args],
        cwd=cwd,
        env={**os.environ, **(env or {})},
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        preexec_fn=_as_from_a_terminal,
    )
    run = Launched(process, time.monotonic())
    assert process.stdout
    reader = threading.Thread(target=_collect, args=(process.stdout, run.lines), daemon=True)
    reader.start()
    try:
        yield run
    finally:
        if process.poll() is None:
            tree = descendants(process.pid)
            process.kill()
            process.wait()
            for proc in tree:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(proc.pid, signal.SIGKILL)
        reader.join(10)


def _collect(stream: object, lines: list[str]) -> None:
    for line in stream:  # type: ignore[attr-defined]
        lines.append(line.rstrip("\n"))


def wait_until_answering(urls: Mapping[str, str], timeout: float = 60) -> dict[str, int]:
    """GET every URL (following redirects, e.g. admin → login) until each answers 200."""
    statuses: dict[str, int] = {}
    deadline = time.monotonic() + timeout
    with httpx.Client(timeout=5, follow_redirects=True, trust_env=False) as client:
        for label, url in urls.items():
            while True:
                try:
                    statuses[label] = client.get(url).status_code
                    if statuses[label] == 200:
                        break
                except httpx.TransportError:
                    pass
                if time.monotonic() > deadline:
                    pytest.fail(f"{label} ({url}) never answered 200: {statuses.get(label)}")
                time.sleep(0.2)
    return statuses


@dataclass(frozen=True)
class Proc:
    pid: int
    pgid: int
    start: str  # start time in clock ticks: tells a reused PID apart

    def alive(self) -> bool:
        stat = _stat(self.pid)
        return stat is not None and stat[19] == self.start and stat[0] != "Z"


def _stat(pid: int) -> list[str] | None:
    """Fields of /proc/PID/stat after the command name (state first), or None."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return text.rsplit(")", 1)[1].split()


def descendants(root: int) -> list[Proc]:
    """Every process below ``root`` (children, grandchildren…), read from /proc."""
    children: dict[int, list[int]] = {}
    info: dict[int, list[str]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and (stat := _stat(int(entry.name))):
            info[int(entry.name)] = stat
            children.setdefault(int(stat[1]), []).append(int(entry.name))
    found, todo = [], list(children.get(root, []))
    while todo:
        pid = todo.pop()
        found.append(Proc(pid, int(info[pid][2]), info[pid][19]))
        todo += children.get(pid, [])
    return found


def group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # Zombies keep a group "alive" for kill(); they hold no port and run no code.
    return any(
        (stat := _stat(int(e.name))) and int(stat[2]) == pgid and stat[0] != "Z"
        for e in Path("/proc").iterdir()
        if e.name.isdigit()
    )


def assert_all_gone(tree: Sequence[Proc], timeout: float = 15) -> None:
    """Every process scaffold started, and every process group it made, has ended."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        left = [p for p in tree if p.alive()] + [
            Proc(0, g, "") for g in {p.pgid for p in tree} if group_alive(g)
        ]
        if not left:
            return
        time.sleep(0.2)
    pytest.fail(f"still running after Ctrl-C: {left}")
