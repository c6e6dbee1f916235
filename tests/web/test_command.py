"""`scaffold web` on the command line: it serves, shares room URLs, and fails clearly."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from scaffold.cli import app
from scaffold.runner import free_port
from scaffold.web.network import local_addresses, share_urls
from tests.support.template_repos import ROOT
from tests.update.test_installed_wheel import build_wheel

STATIC = ROOT / "scaffold" / "web" / "static"

pytestmark = [pytest.mark.web, pytest.mark.cli]


def test_without_the_web_extra_the_error_names_the_install_command(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "uvicorn", None)  # import uvicorn → ImportError
    result = CliRunner().invoke(app, ["web"])
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        "Error: scaffold web needs the web extra (Starlette, uvicorn).",
        "Fix: pip install 'scaffold[web]'",
    ]


def test_a_busy_port_is_refused_with_the_fix() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(app, ["web", "--port", str(port)])
    assert result.exit_code == 1
    assert f"Cannot listen on 127.0.0.1:{port}" in result.stderr
    assert "--port" in result.stderr


def test_on_all_interfaces_it_prints_the_room_urls_and_serves() -> None:
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "scaffold", "web", "--host", "0.0.0.0", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                page = httpx.get(f"http://127.0.0.1:{port}/", trust_env=False)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline and server.poll() is None
                time.sleep(0.1)
        assert page.status_code == 200
    finally:
        server.terminate()
        printed, _ = server.communicate(timeout=10)
    assert "Share with the room" in printed
    for url in share_urls("0.0.0.0", port, local_addresses()):
        assert url in printed


def test_share_urls() -> None:
    assert share_urls("127.0.0.1", 8000, []) == ["http://127.0.0.1:8000/"]
    assert share_urls("0.0.0.0", 80, ["10.0.0.5", "192.168.1.2"]) == [
        "http://10.0.0.5:80/",
        "http://192.168.1.2:80/",
    ]
    assert share_urls("0.0.0.0", 8000, []) == ["http://127.0.0.1:8000/"]  # no network at all
    assert share_urls("::1", 8000, []) == ["http://[::1]:8000/"]


def test_the_wheel_ships_every_asset_of_the_page(tmp_path: Path) -> None:
    wheel = build_wheel(ROOT, tmp_path)
    shipped = {
        name.removeprefix("scaffold/web/static/")
        for name in zipfile.ZipFile(wheel).namelist()
        if name.startswith("scaffold/web/static/")
    }
    assert shipped == {path.name for path in STATIC.iterdir()}
    assert {"index.html", "app.js", "explore.js", "highlight.js", "style.css"} <= shipped
