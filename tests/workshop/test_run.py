"""``scaffold new NAME --stack S --defaults --run``: a real subprocess of the installed
console script, its URLs answering, then Ctrl-C: every process gone, every port free."""

from __future__ import annotations

import re
import signal
import socket
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

from scaffold.envfile import read_env_file
from scaffold.runner import free_port, port_is_free
from scaffold.stacks import STACKS
from tests.support.template_repos import ROOT
from tests.workshop.launched import assert_all_gone, descendants, launched, wait_until_answering

pytestmark = [pytest.mark.workshop, pytest.mark.spinup]

_HYBRID_READY = len(list((ROOT / "templates" / "hybrid").iterdir())) > 1
STACK_PARAMS = [
    pytest.param(
        name,
        marks=pytest.mark.skipif(
            name == "hybrid" and not _HYBRID_READY, reason="the hybrid template is not there yet"
        ),
    )
    for name in STACKS
]


def _ports(urls: dict[str, str]) -> set[int]:
    return {urlsplit(url).port or 80 for url in urls.values()}


@pytest.mark.parametrize("stack", STACK_PARAMS)
def test_run_serves_every_url_until_ctrl_c_then_leaves_nothing_behind(
    tmp_path: Path, stack: str
) -> None:
    port = free_port()
    args = ["new", "demo", "--stack", stack, "--defaults", "--run"]
    with launched(args, tmp_path, env={"PORT": str(port)}) as run:
        urls = run.urls()
        features = STACKS[stack].default_features
        expected = {u.label for s in STACKS[stack].services for u in s.urls_for(features)}
        assert set(urls) == expected, run.output
        assert f"http://127.0.0.1:{port}" in urls["app"], "PORT from the environment is kept"
        wait_until_answering(urls)
        tree = descendants(run.process.pid)
        assert tree, "the services run as children of scaffold"
        assert run.interrupt() == 0, run.output
    assert_all_gone(tree)
    assert all(port_is_free(p) for p in _ports(urls)), "Ctrl-C freed every port"
    assert "Stopping" in run.output


def test_the_panel_lists_only_urls_of_features_that_are_on(tmp_path: Path) -> None:
    args = ["new", "demo", "--stack", "node-express", "--features", "students", "--run"]
    with launched([*args, "--defaults"], tmp_path, env={"PORT": str(free_port())}) as run:
        urls = run.urls()
        assert set(urls) == {"app", "students API"}, run.output
        wait_until_answering(urls)
        run.interrupt()


def test_django_admin_login_printed_in_the_panel_works(tmp_path: Path) -> None:
    """The demo admin exists, and the panel shows its credentials as the .env holds them."""
    with launched(["new", "demo", "--stack", "django-drf", "--defaults", "--run"], tmp_path) as run:
        panel = run.panel()
        dotenv = read_env_file(tmp_path / "demo" / ".env")
        assert panel["admin user"] == dotenv["DJANGO_SUPERUSER_USERNAME"] == "admin"
        assert panel["admin password"] == dotenv["DJANGO_SUPERUSER_PASSWORD"] != ""
        login = panel["admin"] + "login/"
        with httpx.Client(follow_redirects=False, trust_env=False, timeout=10) as client:
            page = client.get(login)
            token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
            assert token, page.text
            answer = client.post(
                login,
                data={
                    "csrfmiddlewaretoken": token.group(1),
                    "username": panel["admin user"],
                    "password": panel["admin password"],
                    "next": "/admin/",
                },
                headers={"Referer": login},
            )
            assert answer.status_code == 302 and answer.headers["location"] == "/admin/"
            assert client.get(panel["admin"]).status_code == 200
        run.interrupt()


def test_quiet_run_on_a_busy_port_says_so_and_prints_only_the_panel(tmp_path: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        taken = busy.getsockname()[1]
        args = ["new", "demo", "--stack", "fastapi", "--defaults", "--run", "--quiet"]
        with launched(args, tmp_path, env={"PORT": str(taken)}) as run:
            urls = run.urls()
            wait_until_answering(urls)
            assert _ports(urls).isdisjoint({taken})
            chosen = _ports(urls).pop()
            assert f"Port {taken} is busy; web uses {chosen} instead." in run.output
            run.interrupt()
    # Quiet: no step lines, no server log; the note, then the panel.
    before_panel = run.output.split("Running — press Ctrl-C to stop")[0]
    assert before_panel.strip().startswith("Note: Port"), run.output
    assert "Rendering" not in run.output and "Uvicorn" not in run.output, run.output


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_kill_or_a_closed_terminal_stops_the_services_too(tmp_path: Path, sig: int) -> None:
    args = ["new", "demo", "--stack", "node-express", "--defaults", "--run", "--no-git"]
    with launched(args, tmp_path, env={"PORT": str(free_port())}) as run:
        urls = run.urls()
        wait_until_answering({"app": urls["app"]})
        tree = descendants(run.process.pid)
        run.interrupt(sig)
    assert_all_gone(tree)
    assert all(port_is_free(p) for p in _ports(urls))
