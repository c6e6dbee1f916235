"""``scaffold doctor``: every check with its fix; exit 0 only when all needed is there."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import socket
import subprocess
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from scaffold import doctor
from scaffold.runner import free_port
from tests.workshop.launched import SCAFFOLD

pytestmark = pytest.mark.workshop


class _Registry(BaseHTTPRequestHandler):
    def do_HEAD(self) -> None:
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@contextlib.contextmanager
def local_registry() -> Iterator[str]:
    """An HTTP server answering HEAD, standing in for PyPI and npm (no network needed)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Registry)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def registries(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    with local_registry() as url:
        for name in ("UV_DEFAULT_INDEX", "UV_INDEX_URL", "PIP_INDEX_URL"):
            monkeypatch.delenv(name, raising=False)
        monkeypatch.setenv("UV_DEFAULT_INDEX", url)
        monkeypatch.setenv("npm_config_registry", url)
        for name in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "ALL_PROXY"):
            monkeypatch.delenv(name, raising=False)
        yield url


def _doctor(*args: str, path: str | None = None) -> subprocess.CompletedProcess[str]:
    env = None if path is None else {**os.environ, "PATH": path}
    return subprocess.run(
        [str(SCAFFOLD), "doctor", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )


def test_json_shape_and_exit_code(registries: str) -> None:
    done = _doctor("--json")
    payload = json.loads(done.stdout)
    assert set(payload) == {"ok", "checks"}
    assert done.returncode == (0 if payload["ok"] else 1), done.stdout
    names = [c["name"] for c in payload["checks"]]
    for wanted in ("python", "uv", "git", "node", "npm", "port 8000", "port 3000"):
        assert wanted in names
    for wanted in ("uv cache", "npm cache", "template store", "PyPI", "npm registry"):
        assert wanted in names
    for check in payload["checks"]:
        assert {"name", "ok", "detail", "fix", "required"} <= set(check)
        assert isinstance(check["ok"], bool) and check["detail"]
        if not check["ok"]:
            assert check["fix"], check
    registry = next(c for c in payload["checks"] if c["name"] == "PyPI")
    assert registry["ok"] and registries in registry["detail"]


def test_one_stack_checks_only_what_it_needs(registries: str) -> None:
    payload = json.loads(_doctor("--stack", "fastapi", "--json").stdout)
    names = {c["name"] for c in payload["checks"]}
    assert {"python", "uv", "PyPI", "port 8000"} <= names
    assert not names & {"node", "npm", "npm registry", "port 3000"}


def test_without_node_on_path_names_the_fix_and_exits_non_zero(
    tmp_path: Path, registries: str
) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("git", "python3"):  # everything but node and npm
        found = shutil.which(tool)
        assert found
        (bin_dir / tool).symlink_to(found)
    done = _doctor("--stack", "node-express", path=str(bin_dir))
    assert done.returncode == 1, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    at = next(i for i, line in enumerate(lines) if line.split()[1:2] == ["node"])
    assert "✗" in lines[at] and "not found" in lines[at]
    fix = lines[at + 1]
    installers = ("nvm install", "nodesource", "brew install node")
    assert "fix:" in fix and any(i in fix for i in installers), done.stdout
    assert "Missing: node, npm" in done.stderr
    as_json = json.loads(_doctor("--stack", "node-express", "--json", path=str(bin_dir)).stdout)
    assert as_json["ok"] is False
    node = next(c for c in as_json["checks"] if c["name"] == "node")
    assert node["ok"] is False and node["required"] and node["fix"]


def test_unreachable_registry_fails_online_but_only_warns_offline(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    closed = f"http://127.0.0.1:{free_port()}/simple/"
    monkeypatch.setenv("UV_DEFAULT_INDEX", closed)
    online = doctor.check_registry("PyPI", closed, offline=False, timeout=2)
    assert not online.ok and online.required and "scaffold warm" in online.fix
    offline = doctor.check_registry("PyPI", closed, offline=True, timeout=2)
    assert not offline.ok and not offline.required
    assert doctor.Report((offline,)).ok and not doctor.Report((online,)).ok
    assert doctor.python_index() == closed


def test_a_busy_port_is_a_warning_not_a_failure() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        check = doctor.check_port(sock.getsockname()[1])
    assert not check.ok and not check.required and "lsof" in check.fix
    assert doctor.Report((check,)).ok


def test_an_unwritable_cache_names_the_fix(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    monkeypatch.setattr(
        os, "access", lambda *_: False
    )  # as for a non-root user; root writes anywhere
    check = doctor.check_writable("uv cache", locked / "uv", "UV_CACHE_DIR")
    assert not check.ok and "UV_CACHE_DIR" in check.fix and str(locked) in check.fix


def test_a_missing_cache_dir_under_a_writable_parent_is_fine(tmp_path: Path) -> None:
    assert doctor.check_writable("npm cache", tmp_path / "a" / "b", "npm_config_cache").ok
