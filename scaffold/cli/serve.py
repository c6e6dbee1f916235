"""Running a generated project in the foreground until Ctrl-C (``new --run``)."""

from __future__ import annotations

import os
import time
from pathlib import Path

from .. import runner
from ..errors import UserError
from ..stacks import Stack
from . import output


def pick_ports(stack: Stack) -> dict[str, int]:
    """``PORT`` from the environment (first service) or each service's default; a busy
    port is swapped for a free one, and the user is told."""
    ports = {}
    wanted_env = os.environ.get("PORT")
    for index, service in enumerate(stack.services):
        wanted = int(wanted_env) if wanted_env and index == 0 else service.default_port
        port = wanted if runner.port_is_free(wanted) else runner.free_port()
        if port != wanted:
            output.err.print(f"Port {wanted} is busy; {service.name} uses {port} instead.")
        ports[service.name] = port
    return ports


def serve_foreground(project: Path, stack: Stack) -> None:
    """Prepare (migrations, starter data), start every service, wait for Ctrl-C, stop all."""
    if not stack.services:
        raise UserError(
            f"{stack.name} projects cannot be started by scaffold yet.",
            f"Follow the README in {project}.",
        )
    with output.step("Preparing (migrations, starter data)"):
        runner.prepare(project, stack)
    output.err.print("Starting…")
    with runner.serving(project, stack, ports=pick_ports(stack), timeout=120) as running:
        rows = [(label, url) for r in running for label, url in r.urls()]
        output.panel("Running — press Ctrl-C to stop", rows)
        try:
            while all(r.process.poll() is None for r in running):
                time.sleep(0.5)
        except KeyboardInterrupt:
            output.err.print("Stopping…")
            return
    raise UserError(
        "A service stopped by itself.", f"Read its output above; the project is in {project}."
    )
