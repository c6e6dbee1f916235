"""`scaffold compare` end to end: two stacks, a short load, every JSON field plausible."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.prerequisites import in_ci, require_tool

pytestmark = [pytest.mark.compare, pytest.mark.spinup]

STACKS = ("fastapi", "node-express")
ENDPOINT_FIELDS = {
    "method",
    "path",
    "requests_per_s",
    "latency_p50_ms",
    "latency_p99_ms",
    "errors",
    "requests",
    "rounds",
}
STACK_FIELDS = {
    "stack",
    "server",
    "install_s",
    "startup_s",
    "peak_rss_mb",
    "loc",
    "deps_direct",
    "deps_total",
    "endpoints",
}
MACHINE_FIELDS = {
    "cpu",
    "cores",
    "memory_mb",
    "kernel",
    "python",
    "node",
    "wrk",
    "load_before",
    "load_after",
}


def require_wrk() -> None:
    if shutil.which("wrk"):
        return
    message = "wrk is not installed; install it with: apt-get install -y wrk"
    if in_ci():
        pytest.fail(f"CI needs wrk: {message}", pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="module")
def compared(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, object], str]:
    require_wrk()
    require_tool("node")
    require_tool("npm")
    page = tmp_path_factory.mktemp("compare") / "report.html"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "scaffold",
            "compare",
            "--stacks",
            ",".join(STACKS),
            "--duration",
            "2",
            "--rounds",
            "1",
            "--connections",
            "8",
            "--json",
            "--html",
            str(page),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return json.loads(done.stdout), page.read_text()


def test_json_describes_machine_settings_and_load_generator(
    compared: tuple[dict[str, object], str],
) -> None:
    data, _ = compared
    machine = data["machine"]
    assert isinstance(machine, dict) and machine.keys() >= MACHINE_FIELDS
    assert machine["cores"] >= 1 and machine["memory_mb"] > 0
    assert machine["node"].startswith("v") and "wrk" in machine["wrk"]
    settings = data["settings"]
    assert isinstance(settings, dict)
    assert settings["duration"] == 2 and settings["rounds"] == 1
    generator = data["load_generator"]
    assert isinstance(generator, dict)
    assert generator["ceiling"]["requests"] > 0
    assert 0 < generator["max_wrk_cpu_share"] < 1.5
    assert "trivial Node HTTP server" in generator["note"]


def test_json_has_every_figure_for_every_stack(compared: tuple[dict[str, object], str]) -> None:
    data, _ = compared
    stacks = data["stacks"]
    assert isinstance(stacks, list)
    assert [s["stack"] for s in stacks] == list(STACKS)
    for stack in stacks:
        assert stack.keys() >= STACK_FIELDS, stack["stack"]
        assert stack["install_s"] > 0 and stack["startup_s"] > 0
        assert stack["peak_rss_mb"] > 5
        assert stack["loc"] > 50 and stack["deps_direct"] > 0
        assert stack["deps_total"] >= stack["deps_direct"]
        assert set(stack["endpoints"]) == {"list", "read", "create"}
        for name, endpoint in stack["endpoints"].items():
            where = f"{stack['stack']} {name}"
            assert endpoint.keys() >= ENDPOINT_FIELDS, where
            assert endpoint["requests"] > 0 and endpoint["requests_per_s"] > 0, where
            assert endpoint["errors"] == 0, where
            assert 0 < endpoint["latency_p50_ms"] <= endpoint["latency_p99_ms"], where
            assert len(endpoint["rounds"]) == 1, where


def test_html_is_self_contained(compared: tuple[dict[str, object], str]) -> None:
    _, page = compared
    assert page.count("<svg") >= 6
    assert not re.search(r"https?://", page)
    assert "<script" not in page and "<link" not in page


def test_nothing_is_left_running(compared: tuple[dict[str, object], str]) -> None:
    """Every process compare started ran in its temp dir, which is gone with them."""
    leftovers = [
        cwd for cwd in map(_cwd, Path("/proc").glob("[0-9]*")) if "scaffold-compare-" in cwd
    ]
    assert leftovers == []


def _cwd(proc: Path) -> str:
    try:
        return str((proc / "cwd").readlink())
    except OSError:
        return ""
