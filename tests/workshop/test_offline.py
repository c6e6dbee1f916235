"""Offline after one warm-up: ``scaffold warm`` fills the normal uv/npm caches, then
``scaffold new --run`` succeeds with every package registry unreachable."""

from __future__ import annotations

import subprocess
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from scaffold.runner import free_port
from tests.workshop.launched import SCAFFOLD, launched, wait_until_answering

pytestmark = [pytest.mark.workshop, pytest.mark.spinup]


def _cut_network() -> dict[str, str]:
    """Every proxy variable pointing to a closed local port: registries are unreachable
    (through the proxy that every tool is told to use), loopback is not."""
    dead = f"http://127.0.0.1:{free_port()}"
    names = ["HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"]
    env = {name: dead for name in names} | {name.lower(): dead for name in names}
    env |= {"npm_config_proxy": dead, "npm_config_https_proxy": dead, "UV_OFFLINE": "1"}
    # Sanity: through these proxies, PyPI cannot be reached.
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({"https": dead}))
    with pytest.raises(urllib.error.URLError):
        opener.open("https://pypi.org/simple/", timeout=5)
    return env


@pytest.mark.parametrize(
    ("stack", "offline"),
    [
        ("fastapi", ["--offline"]),
        ("node-express", []),  # SCAFFOLD_OFFLINE=1 instead of the flag
    ],
)
def test_new_run_after_warm_works_with_the_registries_unreachable(
    tmp_path: Path, stack: str, offline: list[str]
) -> None:
    warm = subprocess.run(
        [str(SCAFFOLD), "warm", "--stack", stack, "--quiet"],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert warm.returncode == 0, warm.stdout + warm.stderr
    assert "Caches warm" in warm.stdout and not warm.stderr.strip(), "--quiet: only the panel"
    env = _cut_network() | {"SCAFFOLD_OFFLINE": "1"} if not offline else _cut_network()
    args = ["new", "demo", "--stack", stack, "--defaults", "--run", *offline]
    with launched(args, tmp_path, env={**env, "PORT": str(free_port())}) as run:
        wait_until_answering(run.urls())
        assert run.interrupt() == 0, run.output
    assert "--offline" in run.output, "the install ran from the caches only"
