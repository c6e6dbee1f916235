"""Running a generated project in the foreground until Ctrl-C (``new --run``)."""

from __future__ import annotations

import codecs
import contextlib
import signal
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType

from .. import launch, runner, toolchain
from ..answers import read_answers
from ..errors import UserError
from ..stacks import Stack
from . import output


def pick_ports(stack: Stack) -> dict[str, int]:
    """``PORT`` from the environment (first service) or each service's default; a busy
    port is swapped for a free one, and the user is told."""
    choices = launch.choose_ports(stack)
    for choice in choices:
        if choice.moved:
            output.warn(
                f"Port {choice.wanted} is busy; {choice.service} uses {choice.port} instead."
            )
    return {choice.service: choice.port for choice in choices}


def serve_foreground(
    project: Path, stack: Stack, *, offline: bool = False, quiet: bool = False
) -> None:
    """Prepare (migrations, starter data, demo admin), start every service, show their
    URLs in one panel, relay their output until Ctrl-C, then stop every process."""
    if not stack.services:
        raise UserError(
            f"{stack.name} projects cannot be started by scaffold yet.",
            f"Follow the README in {project}.",
        )
    env = dict(toolchain.OFFLINE_ENV) if offline else {}
    progress = output.progress(quiet)
    runner.prepare(project, stack, env, progress=progress)
    ports = pick_ports(stack)
    names = ", ".join(f"{s.name} on port {ports[s.name]}" for s in stack.services)
    with (
        tempfile.TemporaryDirectory(prefix="scaffold-run-") as logs,
        contextlib.ExitStack() as on_exit,
    ):
        shield = on_exit.enter_context(_stop_on_signals())
        with progress(f"Starting {names}"):
            running = on_exit.enter_context(
                runner.serving(
                    project, stack, ports=ports, env=env, log_dir=Path(logs), timeout=120
                )
            )
        on_exit.callback(shield)  # runs first on exit: nothing interrupts the stopping
        relay = None if quiet else _Relay(running)
        if relay:
            relay.pump()  # startup lines first, so the panel is the last thing on screen
        output.panel("Running — press Ctrl-C to stop", _rows(project, stack, running))
        _wait(project, running, relay)
        output.note("Stopping…", quiet=quiet)


def _rows(project: Path, stack: Stack, running: list[runner.Running]) -> list[tuple[str, str]]:
    features = read_answers(project).features
    rows = [(label, url) for r in running for label, url in r.urls(features)]
    for user, password in launch.admin_logins(project, stack):
        rows += [("admin user", user), ("admin password", password)]
    rows.append(("project", str(project)))
    return rows


def _wait(project: Path, running: list[runner.Running], relay: _Relay | None) -> None:
    """Until Ctrl-C (returns) or until a service exits by itself (UserError)."""
    try:
        while all(r.process.poll() is None for r in running):
            time.sleep(0.3)
            if relay:
                relay.pump()
    except KeyboardInterrupt:
        return
    if relay:
        relay.pump()
    dead = next(r for r in running if r.process.poll() is not None)
    tail = _tail(dead.log) if relay is None else ""  # without the relay, nobody saw it
    raise UserError(
        f"{dead.service.name} stopped by itself (exit code {dead.process.returncode})."
        + (f"\n{tail}" if tail else ""),
        f"Read its output above; the project is in {project}.",
    )


def _tail(log: Path | None, lines: int = 15) -> str:
    if not log or not log.exists():
        return ""
    return "\n".join(log.read_text(errors="replace").strip().splitlines()[-lines:])


class _Relay:
    """Copies what the services write to their log files onto stdout, each line prefixed
    with the service's name when there are several (as docker compose does)."""

    def __init__(self, running: list[runner.Running]) -> None:
        self.sources = [(r.service.name, r.log) for r in running if r.log]
        self.prefixed = len(self.sources) > 1
        self.offsets = dict.fromkeys((name for name, _ in self.sources), 0)
        self.partial = dict.fromkeys(self.offsets, "")
        self.decoders = {
            name: codecs.getincrementaldecoder("utf-8")("replace") for name in self.offsets
        }

    def pump(self) -> None:
        for name, log in self.sources:
            with log.open("rb") as file:
                file.seek(self.offsets[name])
                data = file.read()
            self.offsets[name] += len(data)
            text = self.decoders[name].decode(data)
            if not self.prefixed:
                output.raw(text)
                continue
            *lines, self.partial[name] = (self.partial[name] + text).split("\n")
            output.raw("".join(f"{name} | {line}\n" for line in lines))


@contextlib.contextmanager
def _stop_on_signals() -> Iterator[Callable[[], None]]:
    """SIGTERM and SIGHUP (``kill``, a closed terminal) stop the services as Ctrl-C does,
    instead of leaving them running without us. Yields ``shield``, which ignores any
    further signal so that stopping itself cannot be cut short."""
    if threading.current_thread() is not threading.main_thread():
        yield lambda: None  # signals can only be handled in the main thread
        return

    def interrupt(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    saved = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)}

    def shield() -> None:
        for sig in saved:
            signal.signal(sig, signal.SIG_IGN)

    signal.signal(signal.SIGTERM, interrupt)
    signal.signal(signal.SIGHUP, interrupt)
    try:
        yield shield
    finally:
        for sig, handler in saved.items():
            signal.signal(sig, handler)
