"""Fixtures for `scaffold web`: the application in-process, a real uvicorn on a free port.
The browser fixtures come from tests/support/browser.py."""

from __future__ import annotations

import contextlib
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn
from starlette.applications import Starlette
from starlette.types import ASGIApp

from scaffold.runner import free_port
from scaffold.web.app import create_app
from tests.support.prerequisites import require_tool


@contextlib.contextmanager
def serving(app: ASGIApp) -> Iterator[str]:
    """``app`` behind a real uvicorn on a free port, as ``scaffold web`` runs it."""
    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not running.started:
        assert time.monotonic() < deadline and thread.is_alive(), "uvicorn did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        running.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def web_app() -> Starlette:
    """One application per module, so its tests share the renders they cause."""
    return create_app()


@pytest.fixture(scope="module")
def server(web_app: Starlette) -> Iterator[str]:
    """The module's application served by uvicorn; yields its base URL."""
    with serving(web_app) as url:
        yield url


@pytest.fixture(scope="module")
def client(server: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server, trust_env=False, timeout=60) as http:
        yield http


AXE_VERSION = "4.14.1"


@pytest.fixture(scope="session")
def axe_script() -> Path:
    """axe-core, the accessibility engine, from the npm registry once per machine (npm's
    cache makes later installs offline-capable); injected into pages under test only."""
    npm = require_tool("npm")
    home = Path.home() / ".cache" / "scaffold-tests" / f"axe-core-{AXE_VERSION}"
    script = home / "node_modules" / "axe-core" / "axe.min.js"
    if not script.is_file():
        subprocess.run(
            [
                npm,
                "install",
                "--no-save",
                "--no-audit",
                "--no-fund",
                "--prefer-offline",
                "--prefix",
                str(home),
                f"axe-core@{AXE_VERSION}",
            ],
            check=True,
            capture_output=True,
        )
    return script


def unzip(archive: bytes | Path, into: Path) -> Path:
    """Unzip as a participant would (Info-ZIP restores modes); return the one folder made."""
    if isinstance(archive, bytes):
        path = into / "starter.zip"
        path.write_bytes(archive)
        archive = path
    target = into / "unzipped"
    subprocess.run([require_tool("unzip"), "-q", str(archive), "-d", str(target)], check=True)
    (folder,) = target.iterdir()
    return folder
