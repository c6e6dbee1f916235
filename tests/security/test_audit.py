"""Known vulnerabilities in what the generated projects lock: none at high severity or above.

- Node: `npm audit --audit-level=high` over package-lock.json.
- Python: pip-audit over every package uv.lock pins (all dependency groups).
Both ask their registry's advisory service. A project no service has audited proves
nothing, so the test never passes then: when the service cannot be reached or does not
answer (behind some proxies npm's bulk advisory endpoint answers 405 and PyPI's
per-version JSON 404), it is skipped with the service's own answer as the reason, in CI
too. Any reported vulnerability fails it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.prerequisites import require_tool
from tests.support.projects import generate

pytestmark = pytest.mark.security


def tool(name: str) -> str:
    """A command installed in this repository's environment (its `test` extra)."""
    return str(Path(sys.executable).with_name(name))


def test_node_project_has_no_high_severity_advisories(tmp_path: Path) -> None:
    npm = require_tool("npm")
    project = generate(tmp_path, "node-express")
    done = subprocess.run(
        [npm, "audit", "--audit-level=high", "--json"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    report = json.loads(done.stdout or "{}")
    if "auditReportVersion" not in report:
        pytest.skip(f"npm's advisory service gave no audit: {report.get('message', done.stderr)}")
    counts = report["metadata"]["vulnerabilities"]
    assert counts["high"] == counts["critical"] == 0, json.dumps(report["vulnerabilities"])
    assert done.returncode == 0, done.stdout


@pytest.mark.parametrize("stack", ["fastapi", "django-drf"])
def test_python_project_has_no_known_vulnerabilities(tmp_path: Path, stack: str) -> None:
    project = generate(tmp_path, stack)
    requirements = tmp_path / "requirements.txt"
    export = ["export", "--locked", "--all-groups", "--no-hashes", "--no-emit-project"]
    subprocess.run(
        [tool("uv"), *export, "--format", "requirements-txt", "-o", str(requirements), "-q"],
        cwd=project,
        check=True,
        timeout=120,
    )
    offline_resolution = ["--no-deps", "--disable-pip"]  # uv.lock pins every package
    done = subprocess.run(
        [tool("pip-audit"), "-r", str(requirements), *offline_resolution, "--format", "json"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    try:
        report = json.loads(done.stdout)
    except json.JSONDecodeError:
        pytest.skip(f"PyPI's advisory service gave no audit: {done.stderr.strip()[-500:]}")
    vulnerable = {d["name"]: d["vulns"] for d in report["dependencies"] if d.get("vulns")}
    assert not vulnerable, json.dumps(vulnerable, indent=2)
    unaudited = [d["skip_reason"] for d in report["dependencies"] if "skip_reason" in d]
    if unaudited:
        pytest.skip(
            f"{len(unaudited)} of {len(report['dependencies'])} packages could not be "
            f"audited, e.g. {unaudited[0]}"
        )
