"""What ``new --run`` decides before starting: ports, demo logins; and its quiet output."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest
from typer.testing import CliRunner

from scaffold import launch
from scaffold.cli import app
from scaffold.stacks import STACKS

pytestmark = pytest.mark.workshop


def _listening() -> socket.socket:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen()
    return sock


def test_a_busy_default_port_is_swapped_for_a_free_one() -> None:
    with _listening() as busy:
        taken = busy.getsockname()[1]
        hybrid = STACKS["hybrid"]
        services = tuple(s._replace(default_port=taken) for s in hybrid.services)
        choices = launch.choose_ports(hybrid._replace(services=services), environ={})
    assert [c.wanted for c in choices] == [taken, taken]
    assert all(c.moved for c in choices)
    assert len({c.port for c in choices}) == 2, "two services never share a port"


def test_port_from_the_environment_is_for_the_first_service_only() -> None:
    with _listening() as busy:
        taken = busy.getsockname()[1]
        choices = launch.choose_ports(STACKS["hybrid"], environ={"PORT": str(taken)})
    assert choices[0].wanted == taken and choices[0].port not in {0, taken}
    assert choices[1].wanted == STACKS["hybrid"].services[1].default_port
    assert launch.choose_ports(STACKS["fastapi"], environ={"PORT": "0"})[0].port != 0


def test_admin_login_comes_from_each_services_env_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for key in ("DJANGO_SUPERUSER_USERNAME", "DJANGO_SUPERUSER_PASSWORD"):
        monkeypatch.delenv(key, raising=False)
    (tmp_path / "backend").mkdir()
    (tmp_path / "backend" / ".env").write_text(
        "# comment\nDJANGO_SUPERUSER_USERNAME=admin\nDJANGO_SUPERUSER_PASSWORD='s3cret'\n"
    )
    assert launch.admin_logins(tmp_path, STACKS["hybrid"]) == [("admin", "s3cret")]
    assert launch.admin_logins(tmp_path, STACKS["fastapi"]) == []
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "from-env")
    assert launch.admin_logins(tmp_path, STACKS["hybrid"]) == [("admin", "from-env")]


def test_quiet_new_prints_only_the_final_panel_as_plain_lines(tmp_path: Path) -> None:
    old = Path.cwd()
    os.chdir(tmp_path)
    try:
        args = ["new", "demo", "--stack", "fastapi", "--defaults", "--no-install", "--quiet"]
        quiet = CliRunner().invoke(app, args)
        loud = CliRunner().invoke(app, [*args[:-1], "--dest", "loud"])
    finally:
        os.chdir(old)
    assert quiet.exit_code == 0, quiet.output
    assert quiet.stderr == ""
    assert quiet.stdout.splitlines()[0] == "Created demo — next steps"
    assert "╭" not in quiet.stdout, "no box drawing in logs"
    assert "Rendering the template…" in loud.stderr, "without --quiet, each step is a line"
